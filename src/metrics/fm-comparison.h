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

typedef struct {
  const char *name;    /* a key of the metrics JSON, such as "lead_time_s" */
  double from;
  double to;
  double change;       /* (to − from) / from; NAN when from is 0 or a side is undefined */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmComparison, fm_comparison_free)

G_END_DECLS
