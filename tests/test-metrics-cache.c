/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-metrics-cache.c: the metrics cache: figures computed once per burst of edits, kept readable meanwhile
 *
 * No display needed: the cache is a GObject that recomputes in an idle.
 */
#include "config.h"

#include "fm-metrics-cache.h"
#include "fm-test-utils.h"

#define DAY 86400.0

/* The bundled release map, its current state. */
typedef FmTestMap Fixture;

static void
count (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  FmMetricsCache *cache = fm_metrics_cache_new ();
  const char *ids[] = { "wait-release", NULL };
  FmNode *removed = fm_map_lookup_node (f->map, "wait-release");
  const FmMetrics *metrics;
  guint changed = 0;

  fm_metrics_cache_set_map (cache, f->doc, f->map);
  metrics = fm_metrics_cache_get_metrics (cache);

  /* Computed at once for a new map. */
  g_assert_nonnull (metrics);
  g_assert_cmpfloat (metrics->lead_time_s, ==, 56 * DAY);
  g_assert_false (fm_metrics_cache_is_pending (cache));
  /* No step is at capacity (coding is at 39 % with rework,
   * docs/metrics.md): the largest delays, by score. */
  g_assert_cmpuint (fm_metrics_cache_get_rank (cache, "wait-security"), ==, 1);
  g_assert_cmpuint (fm_metrics_cache_get_rank (cache, "code"), ==, 2);
  g_assert_cmpuint (fm_metrics_cache_get_rank (cache, "wait-release"), ==, 3);
  g_assert_cmpuint (fm_metrics_cache_get_rank (cache, "security"), ==, 0);

  /* A burst of changes is one computation, once the loop is idle. */
  g_signal_connect_swapped (cache, "changed", G_CALLBACK (count), &changed);
  fm_document_set (f->doc, f->map, "wait-security", "wait-s", 0.0, NULL);
  fm_document_set (f->doc, f->map, "wait-env", "wait-s", 0.0, NULL);
  fm_document_remove (f->doc, f->map, ids);
  g_assert_true (fm_metrics_cache_is_pending (cache));
  g_assert_cmpuint (changed, ==, 0);
  /* Meanwhile the old figures stay readable, the removed queue too: the
   * path still holds the very node the map no longer has. */
  metrics = fm_metrics_cache_get_metrics (cache);
  g_assert_cmpuint (metrics->path->len, ==, 12);
  g_assert_null (fm_map_lookup_node (f->map, "wait-release"));
  g_assert_true (g_ptr_array_find (metrics->path, removed, NULL));
  g_assert_cmpstr (fm_node_get_id (removed), ==, "wait-release");

  fm_test_run_idles ();
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (fm_metrics_cache_is_pending (cache));
  metrics = fm_metrics_cache_get_metrics (cache);
  /* Without the queue, no flow reaches the outcome any more. */
  g_assert_cmpuint (metrics->path->len, ==, 0);

  /* Flushing computes at once. */
  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  g_assert_true (fm_metrics_cache_is_pending (cache));
  fm_metrics_cache_flush (cache);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat (fm_metrics_cache_get_metrics (cache)->lead_time_s, ==, (56 - 14 - 7) * DAY);
  fm_test_run_idles ();
  g_assert_cmpuint (changed, ==, 2);

  /* Removed for good (nothing left to undo): the pending figures are all
   * that still hold the queue, and the recomputation lets it go. */
  g_assert_true (fm_map_lookup_node (f->map, "wait-release") == removed);
  g_assert_true (g_ptr_array_find (fm_metrics_cache_get_metrics (cache)->path, removed, NULL));
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  fm_document_remove (f->doc, f->map, ids);
  fm_undo_stack_clear (fm_document_get_undo_stack (f->doc));
  g_assert_true (fm_metrics_cache_is_pending (cache));
  g_assert_nonnull (removed);
  g_assert_true (g_ptr_array_find (fm_metrics_cache_get_metrics (cache)->path, removed, NULL));
  fm_test_run_idles ();
  g_assert_cmpuint (changed, ==, 3);
  g_assert_null (removed);

  /* No map, no figures. */
  fm_metrics_cache_set_map (cache, NULL, NULL);
  g_assert_null (fm_metrics_cache_get_metrics (cache));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_finalize_object (cache);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fm/metrics-cache/recompute", Fixture, NULL, fm_test_map_set_up_release, test_cache,
              fm_test_map_tear_down);

  return g_test_run ();
}
