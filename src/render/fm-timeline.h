/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-timeline.h: the timeline ladder drawn under a map's rows */
#pragma once

#include <cairo.h>

#include "fm-document.h"
#include "fm-edge-route.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

typedef struct {
  FmNode *node;         /* borrowed from the metrics' path */
  double x0;
  double x1;
  gboolean wait;        /* an upper rung: a queue; else a process step */
  double time_s;        /* the wait or the process time; FM_UNSET if unknown */
  double lead_s;        /* a process step's lead time, or FM_UNSET */
  double in_step_s;     /* a step's waiting inside it, lead − process time,
                         * on the upper level from x0 to split_x; 0 if none */
  double split_x;
  double upper_y;       /* the levels of its row of the ladder */
  double lower_y;
  guint row;            /* its FmTimelineRow */
  gboolean reverse;     /* its row runs right to left (a snaking flow) */
  double total_s;       /* the running lead time up to its end: the waits
                         * and the steps' lead times along the path */
} FmTimelineRung;

typedef struct {
  guint first;          /* its rungs: first to first + n − 1 */
  guint n;
  FmRect band;          /* the boxes of its nodes on the path */
  double upper_y;       /* its levels */
  double lower_y;
  gboolean reverse;     /* right to left */
  gboolean stacked;     /* no room under its nodes: stacked under the map */
  double start_s;       /* the running lead time before its first rung */
  double end_s;         /* and after its last */
} FmTimelineRow;

typedef struct {
  GArray *rungs;        /* FmTimelineRung, along the critical path */
  double upper_y;       /* the level of the waits, in the first row */
  double lower_y;       /* the level of the process times, in the first row */
  guint n_rows;         /* a flow wrapped into rows gets a ladder row for each */
  GArray *rows;         /* FmTimelineRow, in the path's order */
  FmRect totals;        /* the totals box at the right end */
  FmRect bounds;        /* all of it, labels included */
  /* The totals, as the metrics give them. */
  double lead_s;
  double process_s;
  double flow_efficiency;         /* NAN when undefined */
  double rework_lead_s;           /* NAN when no different from lead_s */
  double rework_flow_efficiency;  /* against rework_lead_s, NAN without it */
  gboolean expected;              /* the totals are expectations over
                                   * alternative routes; the rungs are the
                                   * likeliest route's */
} FmTimeline;

FmTimeline  *fm_timeline_new   (const FmMetrics *metrics,
                                FmDocument      *document,
                                const FmRect    *content);
FmTimeline  *fm_timeline_new_in_map (const FmMetrics *metrics,
                                     FmDocument      *document,
                                     const FmRect    *content,
                                     FmEdgeRoutes    *routes);
void         fm_timeline_free  (FmTimeline      *self);
void         fm_timeline_move_totals (FmTimeline *self,
                                      double      x);
void         fm_timeline_trace (cairo_t         *cr,
                                const FmTimeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmTimeline, fm_timeline_free)

G_END_DECLS
