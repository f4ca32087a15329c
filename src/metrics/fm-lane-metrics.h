/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-metrics.h: the figures of a map's swimlanes along its critical path */
#pragma once

#include "fm-map-lanes.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

/* One lane's share of the critical path. Durations in seconds. */
typedef struct {
  char *name;             /* the role; "" for the steps without one */
  double process_time_s;  /* of its steps on the path */
  double lead_time_s;     /* of its steps on the path */
  double wait_s;          /* of the queues on the path in front of them */
  double waiting_s;       /* wait_s and the waits inside its steps
                           * (lead time − process time) */
  double share;           /* (lead_time_s + wait_s) / the path's lead
                           * time; NAN when that is 0 or undefined */
  guint steps;            /* its process steps on the path */
  int first;              /* position on the path of its first node, -1
                           * when the path does not pass through it */
} FmLaneFigures;

typedef struct {
  GArray *lanes;          /* FmLaneFigures, in the order of the map's lanes */
  GArray *flow_order;     /* guint: indices into lanes, those on the path
                           * in the order the path enters them, then the
                           * others */
  guint handoffs;         /* flow edges from one lane to another */
  int most_waiting;       /* the lane that holds most of the path's
                           * waiting, or -1 (fewer than two lanes on the
                           * path, or no waiting) */
  double most_waiting_share;
} FmLaneMetrics;

FmLaneMetrics *fm_lane_metrics_compute (FmMap            *map,
                                        const FmMapLanes *lanes,
                                        const FmMetrics  *metrics);
void           fm_lane_metrics_free    (FmLaneMetrics    *self);
char          *fm_lane_metrics_describe_constraint (const FmLaneMetrics *self,
                                                    double               day_length_s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmLaneMetrics, fm_lane_metrics_free)

G_END_DECLS
