/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics-private.h: the parts of the computation, each in its own file */
#pragma once

#include "fm-metrics.h"

G_BEGIN_DECLS

/* What the computation reads of a node, read once: each accessor of the
 * model checks the instance's type, and a big map has 20,000 nodes. */
typedef struct {
  FmNode *node;
  FmNodeKind kind;
  double wait_s;     /* a queue's, FM_UNSET otherwise */
  double items;      /* a queue's, FM_UNSET otherwise */
  double process_s;  /* a step's, FM_UNSET otherwise */
  double lead_s;     /* a step's, FM_UNSET otherwise */
  double pca;        /* a step's, FM_UNSET otherwise */
} FmNodeFacts;

/* The map as the parts of the computation read it, by node position. */
typedef struct {
  guint n_nodes;
  FmNodeFacts *facts;   /* in the map's order */
  guint n_edges;
  guint *edge_from;     /* the position of each edge's ends, G_MAXUINT when */
  guint *edge_to;       /* there is no such node */
  gboolean any_trigger;
  gboolean any_outcome;
} FmMetricsInput;

/* The flow edges as arrays: the successors of node v are
 * succ[succ_start[v]] .. succ[succ_start[v] + succ_len[v] - 1], in the
 * map's order of the edges. */
typedef struct {
  guint n;
  const FmNodeFacts *facts;
  guint8 *in_flow;         /* a node of a kind that carries work */
  guint *succ_start;       /* n + 1 entries */
  guint *succ_len;         /* back edges removed */
  guint *succ;
  guint *in_degree;        /* over flow edges, before cycles are broken */
} FmFlowGraph;

FmMetrics *fm_metrics_new_empty  (void);
GArray    *fm_metrics_read_flow  (FmMetrics            *metrics,
                                  FmMetricsInput       *input,
                                  FmFlowGraph          *graph,
                                  FmDocument           *document,
                                  FmMap                *map);
void       fm_metrics_clear_flow (FmMetricsInput       *input,
                                  FmFlowGraph          *graph);
void fm_metrics_add_warning   (FmMetrics            *metrics,
                               const char           *code,
                               const char           *id,
                               const char           *format,
                               ...) G_GNUC_PRINTF (4, 5);
void fm_constraints_rank      (FmMetrics            *metrics,
                               const FmMetricsInput *input,
                               FmDocument           *document,
                               FmMap                *map);
void fm_visits_compute        (FmMetrics            *metrics,
                               const FmFlowGraph    *graph,
                               GArray               *order,
                               const FmMetricsInput *input,
                               FmDocument           *document,
                               FmMap                *map);
void fm_map_checks_run        (FmMetrics            *metrics,
                               const FmMetricsInput *input,
                               FmDocument           *document,
                               FmMap                *map,
                               GDate                *today);

G_END_DECLS
