/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics.h: the arithmetic of a value stream map */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

/* A queue or step that holds the flow back. Its reason is words for the
 * largest term of its score, formatted when first asked for with
 * fm_constraint_get_reason(): a big map has tens of thousands of these,
 * and a reader shows a few. */
typedef struct {
  char *id;
  char *label;
  double score;
  gboolean at_capacity;  /* a step that cannot keep up with the demand on
                          * it (utilization with rework ≥ 100 %): the
                          * constraint; the others are the largest delays */

  /*< private >*/
  char *cached_reason;   /* NULL until fm_constraint_get_reason() */
  double time_s;         /* the node's figures, for the reason */
  double utilization;
  double rework_s;
  double pca;
  double lead_time_s;
  double day_length_s;
  FmTimeUnit lead_unit;  /* of the document, for the reason's durations */
  FmNode *fed_step;      /* a queue's: the step it feeds, or NULL; borrowed */
  double fed_utilization;
  double cycle_time_s;   /* a step's, against the takt: over_takt */
  double takt_time_s;
  gboolean over_takt;    /* its cycle time exceeds the takt time */
  guint8 cause;          /* the largest term of the score */
  guint8 second_cause;   /* named too, or none */
} FmConstraint;

typedef struct {
  char *code;
  char *message;
  char *id; /* nullable: the node the warning is about */
} FmWarning;

/* What one node contributes, for the canvas and the panel. */
typedef struct {
  FmNode *node;          /* borrowed */
  double time_s;         /* its time on the path: wait or lead, 0 if unknown */
  gboolean on_path;
  double utilization;    /* NAN when it cannot be computed */
  double rework_s;       /* rework time charged to it: its output came back */
  double visits;         /* expected passes of an item through it, rework
                          * and routes included: 1 on a plain path */
} FmNodeFigures;

/* Durations in seconds; NAN where a figure is undefined (null in JSON). */
typedef struct {
  double lead_time_s;
  double process_time_s;
  double flow_efficiency;
  double rolled_pca;              /* NAN when no step on the path has a %C&A */
  guint path_steps;               /* process steps on the path shown */
  guint pca_steps;                /* those of them with a %C&A: the rolled
                                   * %C&A counts the others as 100 % */
  double rework_adjusted_lead_time_s;
  double rework_process_time_s;   /* process time × visits on that path */
  double rework_flow_efficiency;  /* the two above, divided */
  double rework_handoffs;         /* expected changes of role, rework included */
  double timeline_waiting_s;      /* the ladder's upper row: queues and in-step waits */
  double timeline_processing_s;   /* its lower row: process times */
  char *littles_law_skipped;      /* why the Little's law check was not
                                   * made, or NULL when it was */
  guint routes;                   /* alternative routes the figures are the
                                   * expectation over; 1 for one route */
  double wip;
  double throughput_per_day;
  double littles_law_lead_time_s;
  double takt_time_s;             /* working time: available time ÷ demand */
  double takt_interval_s;         /* elapsed: day length ÷ demand, the time
                                   * between two items on the calendar */
  guint handoffs;

  GPtrArray *path;        /* FmNode*, borrowed, trigger to outcome */
  GArray *figures;        /* FmNodeFigures, in the map's node order */
  GPtrArray *constraints; /* FmConstraint*, best first */
  GPtrArray *warnings;    /* FmWarning* */

  /*< private >*/
  struct _FmNodeIndex *figures_index; /* FmNode* -> position in figures */
  FmConstraint *constraint_block;     /* what constraints points into */
  GStringChunk *strings;              /* the constraints' ids and labels */
} FmMetrics;

FmMetrics       *fm_metrics_compute        (FmDocument  *document,
                                            FmMap       *map,
                                            GDate       *today);
void             fm_metrics_free           (FmMetrics   *metrics);
double           fm_metrics_node_time      (FmDocument  *document,
                                            FmNode      *node);
const FmNodeFigures *fm_metrics_lookup_figures (const FmMetrics *metrics,
                                                FmNode          *node);
const char      *fm_constraint_get_reason  (FmConstraint *constraint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmMetrics, fm_metrics_free)

G_END_DECLS
