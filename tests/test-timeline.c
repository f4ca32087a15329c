/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline.c: the timeline ladder's figures: its rungs along the critical path, the
 * totals, waits from items and demand, no ladder without anything to wait on
 */
#include "config.h"

#include <math.h>

#include "fm-comparison.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-render-private.h"
#include "fm-renderer.h"
#include "fm-test-utils.h"
#include "fm-timeline.h"

#define HOUR 3600.0
#define DAY 86400.0

/* fm_test_new_row_document (): trigger -> queue -> process -> outcome in
 * a row, a system above the process with an information edge into it. */
typedef FmTestMap Fixture;

static void
test_timeline_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  timeline = fm_timeline_new (metrics, f->doc, &content);

  /* The rungs are the queues and steps of the metrics' critical path, in
   * its order; the system is not on it. */
  g_assert_cmpuint (metrics->path->len, ==, 4);
  g_assert_cmpuint (timeline->rungs->len, ==, 2);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).node == metrics->path->pdata[1]);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 1).node == metrics->path->pdata[2]);
  g_assert_cmpstr (fm_node_get_id (metrics->path->pdata[1]), ==, "q");
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).wait);
  g_assert_false (g_array_index (timeline->rungs, FmTimelineRung, 1).wait);
}

static void
test_timeline_longest (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content = { 0, 0, 500, 300 };
  FmNode *node;

  /* t -> fast -> o and t -> slow -> o: the slow branch is the path. */
  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 0);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "fast", "fast", 200, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), HOUR);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "slow", "slow", 200, 200);
  fm_queue_set_wait_s (FM_QUEUE (node), DAY);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 400, 0);
  fm_test_map_add_edge (map, "e1", "t", "fast", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "fast", "o", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e3", "t", "slow", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e4", "slow", "o", FM_EDGE_KIND_PULL);

  metrics = fm_metrics_compute (NULL, map, NULL);
  timeline = fm_timeline_new (metrics, NULL, &content);
  g_assert_cmpuint (timeline->rungs->len, ==, 1);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).node == node);
  g_assert_cmpfloat (timeline->lead_s, ==, DAY);
  g_assert_cmpfloat (timeline->process_s, ==, 0);
}

/* A queue's wait from its items and the demand, "–" without a demand. */
static void
test_timeline_items (Fixture       *f,
                     gconstpointer  data)
{
  FmNode *q = fm_map_lookup_node (f->map, "q");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  fm_queue_set_wait_s (FM_QUEUE (q), FM_UNSET);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 0).time_s, ==, FM_UNSET);

  g_object_set (f->doc, "demand-per-day", 4.0, "day-length-s", 28800.0, NULL);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 0).time_s, ==, 5 / 4.0 * 28800);
  g_assert_cmpfloat (timeline->lead_s, ==, metrics->lead_time_s);
}

static void
test_timeline_totals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;
  FmNode *p = fm_map_lookup_node (f->map, "p");
  double three_rows;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);

  /* Lead time: the queue's wait and the step's lead time; process time:
   * the step's; no rework. */
  g_assert_cmpfloat (timeline->lead_s, ==, 2 * DAY + DAY);
  g_assert_cmpfloat (timeline->process_s, ==, 2 * HOUR);
  g_assert_cmpfloat_with_epsilon (timeline->flow_efficiency, 2 * HOUR / (3 * DAY), 1e-12);
  g_assert_true (isnan (timeline->rework_lead_s));
  three_rows = timeline->totals.height;

  /* Without a lead time, the step counts its process time. */
  fm_process_step_set_lead_s (FM_PROCESS_STEP (p), FM_UNSET);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (timeline->lead_s, ==, 2 * DAY + 2 * HOUR);

  /* A loop back adds the rework-adjusted lead time as a fourth row. */
  fm_edge_set_rate (fm_test_map_add_edge (f->map, "r", "p", "q", FM_EDGE_KIND_REWORK), 0.5);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (timeline->rework_lead_s, ==, metrics->rework_adjusted_lead_time_s);
  g_assert_cmpfloat (timeline->rework_lead_s, ==, 2 * (2 * DAY + 2 * HOUR));
  g_assert_cmpfloat (timeline->totals.height, >, three_rows);
}

static void
test_timeline_none (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  FmRect content = { 0, 0, 100, 100 };
  FmRenderOptions options;
  FmRect with, without;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 300, 0);
  fm_test_map_add_edge (map, "e", "t", "o", FM_EDGE_KIND_FLOW);

  /* Nothing to wait or work on: no ladder, and no room kept for one. */
  metrics = fm_metrics_compute (NULL, map, NULL);
  g_assert_null (fm_timeline_new (metrics, NULL, &content));
  fm_render_options_init (&options);
  options.timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (map, &options, &with));
  options.timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (map, &options, &without));
  g_assert_cmpfloat (with.height, ==, without.height);
}

/* The release future state shown with its changes: the faint ladder of
 * the current state (8 w) runs on past the future's own (2 w), and the
 * totals box goes right of it and of its "Before" label, not over them. */
static void
test_timeline_totals_clear (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *current = fm_document_lookup_map (doc, "current");
  FmMap *future = fm_document_lookup_map (doc, "future");
  g_autoptr(FmComparison) comparison = fm_comparison_new (doc, current, future);
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, future, NULL);
  g_autoptr(FmTimeline) own = NULL;
  FmRenderOptions options;
  FmRect extents, plain, content;
  double origin_end;

  fm_render_options_init (&options);
  options.document = doc;
  options.timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (future, &options, &plain));
  options.comparison = comparison;
  g_assert_true (fm_renderer_get_extents (future, &options, &extents));

  content = (FmRect) { plain.x, plain.y, plain.width, 1 };
  own = fm_timeline_new (metrics, doc, &content);
  g_assert_nonnull (own);
  g_assert_true (fm_render_diff_ladder_end (future, &options, &content, NULL, &own->totals, &origin_end));
  /* The origin's ladder ends right of where the future's totals would be. */
  g_assert_cmpfloat (origin_end, >, own->totals.x);
  /* With it, the page reaches a totals box that begins past it. */
  g_assert_cmpfloat (extents.x + extents.width, >=, origin_end + 12 + own->totals.width);
}

/* Two rows of a snaking flow, the second 300 below the first:
 *   row 0 (y 0 to 120):   t → q1 (2 d) → p1 (2 h of 1 d) → q2 (3 d)
 *   row 1 (y 300 to 420): o ← p3 (1 h of 2 h) ← q3 (1 d) ← p2 (4 h)
 * q2 hands down to p2 at the same x. */
static FmMap *
two_rows (double row_y)
{
  FmMap *map = fm_map_new ("m");
  FmNode *node;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 15);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q1", "q1", 200, 15);
  fm_queue_set_wait_s (FM_QUEUE (node), 2 * DAY);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p1", "p1", 360, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 2 * HOUR);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), DAY);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q2", "q2", 610, 15);
  fm_queue_set_wait_s (FM_QUEUE (node), 3 * DAY);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p2", "p2", 580, row_y);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 4 * HOUR);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q3", "q3", 400, row_y + 15);
  fm_queue_set_wait_s (FM_QUEUE (node), DAY);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p3", "p3", 180, row_y);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), HOUR);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), 2 * HOUR);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 0, row_y + 15);
  fm_test_map_add_edge (map, "e1", "t", "q1", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "q1", "p1", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e3", "p1", "q2", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e4", "q2", "p2", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e5", "p2", "q3", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e6", "q3", "p3", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e7", "p3", "o", FM_EDGE_KIND_FLOW);

  return map;
}

static FmTimeline *
lay_out (FmMap      *map,
         FmMetrics **metrics,
         FmRect     *content)
{
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (map);
  FmRenderOptions options;

  fm_render_options_init (&options);
  g_assert_true (fm_renderer_get_extents (map, &options, content));
  *metrics = fm_metrics_compute (NULL, map, NULL);
  return fm_timeline_new_in_map (*metrics, NULL, content, routes);
}

static const FmTimelineRow *
row_at (const FmTimeline *timeline,
        guint             k)
{
  return &g_array_index (timeline->rows, FmTimelineRow, k);
}

/* Each row's rungs lie between its nodes and the next row's, under their
 * nodes, the second row right to left, and the running lead time goes on
 * from one row to the next up to the metrics' lead time. */
static void
test_timeline_rows (void)
{
  g_autoptr(FmMap) map = two_rows (300);
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRenderOptions options;
  FmRect content, extents;

  timeline = lay_out (map, &metrics, &content);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->n_rows, ==, 2);
  g_assert_cmpuint (row_at (timeline, 0)->n, ==, 3);
  g_assert_cmpuint (row_at (timeline, 1)->n, ==, 3);
  g_assert_false (row_at (timeline, 0)->stacked);
  g_assert_false (row_at (timeline, 1)->stacked);
  g_assert_false (row_at (timeline, 0)->reverse);
  g_assert_true (row_at (timeline, 1)->reverse);

  for (guint i = 0; i < timeline->rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (timeline->rungs, FmTimelineRung, i);
      FmRect r;

      fm_node_get_bounds (rung->node, &r);
      g_assert_cmpuint (rung->row, ==, i < 3 ? 0 : 1);
      /* Under its node: the rungs of these nodes need no moving aside. */
      g_assert_cmpfloat (rung->x0, ==, r.x);
      if (i < 3)
        {
          /* Row 0's nodes end at 120 (p1, 0 + 120), row 1's begin at 300;
           * the labels reach 18 above the upper level, 34 below the lower. */
          g_assert_cmpfloat (rung->upper_y - 18, >=, 120);
          g_assert_cmpfloat (rung->lower_y + 34, <=, 300);
        }
      else
        g_assert_cmpfloat (rung->upper_y - 18, >=, 420);
    }

  /* Row 0: q1 2 d + p1 1 d (22 h waiting in it, 2 h of work) + q2 3 d = 6 d
   * = 518,400 s. Row 1 goes on: + p2 4 h + q3 1 d + p3 2 h = 7 d 6 h
   * = 604,800 + 21,600 = 626,400 s, the map's lead time. */
  g_assert_cmpfloat (row_at (timeline, 0)->start_s, ==, 0);
  g_assert_cmpfloat (row_at (timeline, 0)->end_s, ==, 518400);
  g_assert_cmpfloat (row_at (timeline, 1)->start_s, ==, 518400);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 3).total_s, ==, 518400 + 4 * HOUR);
  g_assert_cmpfloat (row_at (timeline, 1)->end_s, ==, 626400);
  g_assert_cmpfloat (metrics->lead_time_s, ==, 626400);
  g_assert_cmpfloat (timeline->lead_s, ==, 626400);

  /* The totals box ends the last row, right of its rungs (p2 ends at 740). */
  g_assert_cmpfloat (timeline->totals.x, >, 740);
  g_assert_cmpfloat (timeline->totals.y, <, row_at (timeline, 1)->lower_y);
  g_assert_cmpfloat (timeline->totals.y + timeline->totals.height, >, row_at (timeline, 1)->upper_y);

  /* The page holds both ladders: the map's extents with the timeline. */
  fm_render_options_init (&options);
  options.timeline = TRUE;
  options.metrics = metrics;
  g_assert_true (fm_renderer_get_extents (map, &options, &extents));
  g_assert_cmpfloat (extents.y + extents.height, >=, timeline->bounds.y + timeline->bounds.height);
  g_assert_cmpfloat (extents.x + extents.width, >=, timeline->totals.x + timeline->totals.width);
  /* Only the last row's ladder and the totals go below the nodes. */
  g_assert_cmpfloat (extents.y + extents.height, <, content.y + content.height + 150);
}

/* Rows 160 apart leave 40 between them: too little for a ladder, which
 * is then stacked under the map rather than drawn over the nodes. */
static void
test_timeline_rows_no_room (void)
{
  g_autoptr(FmMap) map = two_rows (160);
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  timeline = lay_out (map, &metrics, &content);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->n_rows, ==, 2);
  g_assert_true (row_at (timeline, 0)->stacked);
  g_assert_false (row_at (timeline, 1)->stacked);
  g_assert_cmpfloat (row_at (timeline, 0)->upper_y, >, content.y + content.height);
  g_assert_cmpfloat (row_at (timeline, 0)->upper_y, >, row_at (timeline, 1)->lower_y);
  /* The sums do not depend on where the rows are drawn. */
  g_assert_cmpfloat (row_at (timeline, 0)->end_s, ==, 518400);
  g_assert_cmpfloat (row_at (timeline, 1)->end_s, ==, 626400);
}

/* A flow in lanes goes from lane to lane, always to the right: one row of
 * the ladder under all the lanes, not a row at each handoff. */
static void
test_timeline_lanes_one_row (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;
  FmNode *node;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 15);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "a", "a", 200, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), HOUR);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q", "q", 420, 215);
  fm_queue_set_wait_s (FM_QUEUE (node), DAY);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "b", "b", 580, 200);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), HOUR);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 800, 215);
  fm_test_map_add_edge (map, "e1", "t", "a", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "a", "q", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e3", "q", "b", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e4", "b", "o", FM_EDGE_KIND_FLOW);

  timeline = lay_out (map, &metrics, &content);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->n_rows, ==, 1);
  g_assert_cmpuint (row_at (timeline, 0)->n, ==, 3);
  /* Under the lower lane (b ends at 200 + 120 = 320). */
  g_assert_cmpfloat (timeline->upper_y - 18, >=, 320);
  /* 1 h + 1 d + 1 h = 93,600 s. */
  g_assert_cmpfloat (row_at (timeline, 0)->end_s, ==, 93600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fm_test_map_set_up_row, func, fm_test_map_tear_down)
  ADD ("/fm/render/timeline-totals", test_timeline_totals);
  ADD ("/fm/render/timeline-path", test_timeline_path);
  ADD ("/fm/render/timeline-items", test_timeline_items);
#undef ADD
  g_test_add_func ("/fm/render/timeline-longest", test_timeline_longest);
  g_test_add_func ("/fm/render/timeline-none", test_timeline_none);
  g_test_add_func ("/fm/render/timeline-totals-clear", test_timeline_totals_clear);
  g_test_add_func ("/fm/render/timeline-rows", test_timeline_rows);
  g_test_add_func ("/fm/render/timeline-rows-no-room", test_timeline_rows_no_room);
  g_test_add_func ("/fm/render/timeline-lanes-one-row", test_timeline_lanes_one_row);

  return g_test_run ();
}
