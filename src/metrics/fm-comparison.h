/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-comparison.h: a current state against a future state, figure by figure and step by step */
#pragma once

#include "fm-metrics.h"

G_BEGIN_DECLS

typedef enum {
  FM_STEP_SAME,
  FM_STEP_CHANGED,
  FM_STEP_ADDED,
  FM_STEP_REMOVED,
} FmStepStatus;

typedef struct {
  char *id;
  char *label;
  FmNodeKind kind;
  FmStepStatus status;
  double time_from_s;  /* NAN when added */
  double time_to_s;    /* NAN when removed */
} FmStepChange;

/* How a figure's change reads. */
typedef enum {
  FM_CHANGE_RELATIVE,  /* durations and counts: (to − from) / from, "−75 %" */
  FM_CHANGE_POINTS,    /* ratios (flow efficiency, %C&A): to − from, "+7.8 pp" */
  FM_CHANGE_REFERENCE, /* an input equal in both maps (demand, takt): shown
                        * once, as what the figures are measured against */
} FmChangeKind;

typedef struct {
  const char *name;    /* a key of the metrics JSON, such as "lead_time_s" */
  double from;
  double to;
  double change;       /* relative: (to − from) / from; points: to − from, as
                        * a fraction (0.078 is 7.8 pp); NAN when from is 0
                        * (relative), a side is undefined, or a reference */
  FmChangeKind kind;
} FmFigureChange;

typedef struct {
  FmMap *from;         /* borrowed */
  FmMap *to;           /* borrowed */
  FmMetrics *from_metrics;
  FmMetrics *to_metrics;
  GArray *figures;     /* FmFigureChange */
  GPtrArray *steps;    /* FmStepChange*, in the order of @from, then what @to adds */
} FmComparison;

FmComparison *fm_comparison_new          (FmDocument   *document,
                                          FmMap        *from,
                                          FmMap        *to);
void          fm_comparison_free         (FmComparison *comparison);
gboolean      fm_comparison_default_pair (FmDocument   *document,
                                          FmMap       **from,
                                          FmMap       **to);
const char   *fm_step_status_to_string   (FmStepStatus  status);
char         *fm_figure_change_format    (const FmFigureChange *change);
char         *fm_comparison_describe_reference (const FmComparison *self,
                                                double              day_length_s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmComparison, fm_comparison_free)

G_END_DECLS
