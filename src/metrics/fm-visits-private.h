/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-visits-private.h: the state of the visits and routes computation,
 * shared by fm-visits.c (the traffic equations) and fm-visits-routes.c
 * (the routes and the paths along them) */
#pragma once

#include "fm-metrics-private.h"

G_BEGIN_DECLS

typedef struct {
  guint from;    /* the step whose passes are sent back */
  guint to;      /* the step whose output failed */
  double rate;   /* the share of the passes of from sent back */
} FmRework;

typedef struct {
  const FmFlowGraph *graph;
  const FmMetricsInput *input;
  GArray *order;             /* flow nodes, topologically */
  guint n_slots;             /* flow edges left after cycles were broken */
  guint *slot_from;          /* by slot: the node the edge leaves */
  double *share;             /* by slot: its share, FM_UNSET for parallel */
  guint *pred_start;         /* n + 1: the slots into each node */
  guint *pred;
  guint8 *source;
  guint8 *sink;
  double *time;              /* first-pass time of each node */
  double *process;           /* process time, 0 when unknown */
  const char **role;         /* a step's role, NULL when none */
  double *back;              /* the rework rates out of each node, summed */
  FmRework *reworks;
  guint n_reworks;
  guint *rework_in_start;    /* n + 1: the reworks into each node */
  guint *rework_in;
  guint *span_lo;            /* the stretches of the flow order that loops */
  guint *span_hi;            /* span, merged, in order */
  guint n_spans;

  guint *choices;            /* nodes with alternative routes */
  guint n_choices;
  guint *chosen;             /* by choice: the slot taken on this route */

  /* One route's state. */
  guint8 *active;            /* by slot */
  guint8 *reached;           /* on the first pass */
  guint *joins;              /* active edges in from reached nodes */
  double *visits;
  double *dist;
  gint *via;
} FmVisits;

/* The figures of one route, or their expectation over the routes. */
typedef struct {
  double lead;
  double process;
  double pca;
  double handoffs;
  double rework_lead;
  double rework_process;
  double rework_handoffs;
  gboolean any_step;
  gboolean any_path;
  guint steps;       /* process steps on the route's path */
  guint pca_steps;   /* those of them with a %C&A */
} FmRouteFigures;

void   fm_visits_init  (FmVisits             *self,
                        FmMetrics            *metrics,
                        const FmFlowGraph    *graph,
                        GArray               *order,
                        const FmMetricsInput *input,
                        FmMap                *map);
void   fm_visits_clear (FmVisits             *self);
void   fm_visits_reach (FmVisits             *self);
void   fm_visits_solve (FmVisits             *self);

G_END_DECLS
