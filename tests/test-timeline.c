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

  return g_test_run ();
}
