/* test-metrics-panel.c: the metrics cache, the metrics panel, and revealing a constraint on the canvas */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-canvas.h"
#include "fm-json.h"
#include "fm-metrics-cache.h"
#include "fm-metrics-panel.h"

#define DAY 86400.0

/* The bundled release map, its current state. */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmMetricsCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->doc = fm_json_load_file (file, &error);
  g_assert_no_error (error);
  f->map = fm_document_lookup_map (f->doc, "current");
  g_assert_nonnull (f->map);
  f->cache = fm_metrics_cache_new ();
  fm_metrics_cache_set_map (f->cache, f->doc, f->map);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->cache);
  g_assert_finalize_object (f->doc);
}

/* Until the idle that recomputes the figures has run. */
static void
run_idles (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count (gpointer data)
{
  (*(guint *) data)++;
}

static const char *
figure (FmMetricsPanel *panel,
        const char     *name)
{
  GtkWidget *label = fm_metrics_panel_get_figure (panel, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  const FmMetrics *metrics = fm_metrics_cache_get_metrics (f->cache);
  const char *ids[] = { "wait-release", NULL };
  guint changed = 0;

  /* Computed at once for a new map. */
  g_assert_nonnull (metrics);
  g_assert_cmpfloat (metrics->lead_time_s, ==, 56 * DAY);
  g_assert_false (fm_metrics_cache_is_pending (f->cache));
  /* Coding, at 118 % of its capacity with rework (docs/metrics.md), is the
   * constraint and comes first; then the largest delays. */
  g_assert_cmpuint (fm_metrics_cache_get_rank (f->cache, "code"), ==, 1);
  g_assert_cmpuint (fm_metrics_cache_get_rank (f->cache, "wait-security"), ==, 2);
  g_assert_cmpuint (fm_metrics_cache_get_rank (f->cache, "wait-release"), ==, 3);
  g_assert_cmpuint (fm_metrics_cache_get_rank (f->cache, "security"), ==, 0);

  /* A burst of changes is one computation, once the loop is idle. */
  g_signal_connect_swapped (f->cache, "changed", G_CALLBACK (count), &changed);
  fm_document_set (f->doc, f->map, "wait-security", "wait-s", 0.0, NULL);
  fm_document_set (f->doc, f->map, "wait-env", "wait-s", 0.0, NULL);
  fm_document_remove (f->doc, f->map, ids);
  g_assert_true (fm_metrics_cache_is_pending (f->cache));
  g_assert_cmpuint (changed, ==, 0);
  /* Meanwhile the old figures stay readable, the removed queue too. */
  metrics = fm_metrics_cache_get_metrics (f->cache);
  g_assert_cmpuint (metrics->path->len, ==, 12);
  for (guint i = 0; i < metrics->path->len; i++)
    g_assert_nonnull (fm_node_get_id (metrics->path->pdata[i]));

  run_idles ();
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (fm_metrics_cache_is_pending (f->cache));
  metrics = fm_metrics_cache_get_metrics (f->cache);
  /* Without the queue, no flow reaches the outcome any more. */
  g_assert_cmpuint (metrics->path->len, ==, 0);

  /* Flushing computes at once. */
  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  g_assert_true (fm_metrics_cache_is_pending (f->cache));
  fm_metrics_cache_flush (f->cache);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat (fm_metrics_cache_get_metrics (f->cache)->lead_time_s, ==, (56 - 14 - 7) * DAY);
  run_idles ();
  g_assert_cmpuint (changed, ==, 2);

  /* No map, no figures. */
  fm_metrics_cache_set_map (f->cache, NULL, NULL);
  g_assert_null (fm_metrics_cache_get_metrics (f->cache));
  g_assert_cmpuint (changed, ==, 3);
}

static void
on_reveal (gpointer    panel,
           const char *id,
           char      **revealed)
{
  g_free (*revealed);
  *revealed = g_strdup (id);
}

static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  FmMetricsPanel *panel = FM_METRICS_PANEL (fm_metrics_panel_new ());
  g_autofree char *revealed = NULL;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  fm_metrics_panel_set_cache (panel, f->cache);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (panel, "reveal", G_CALLBACK (on_reveal), &revealed);

  /* The figures of docs/metrics.md's worked example. */
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "8 w");
  g_assert_cmpstr (figure (panel, "process-time"), ==, "4 d 10 h");
  g_assert_cmpstr (figure (panel, "flow-efficiency"), ==, "7.9 %");
  g_assert_cmpstr (figure (panel, "rolled-pca"), ==, "27.1 %");
  g_assert_cmpstr (figure (panel, "rework-lead-time"), ==, "9 w 1 d");
  g_assert_cmpstr (figure (panel, "wip"), ==, "11");
  g_assert_cmpstr (figure (panel, "throughput"), ==, "0.2 a day");
  g_assert_cmpstr (figure (panel, "littles-law"), ==, "7 w 6 d");
  g_assert_cmpstr (figure (panel, "takt-time"), ==, "1 d 16 h");
  g_assert_cmpstr (figure (panel, "handoffs"), ==, "4");

  /* The constraints, best first, with their reasons. */
  row = fm_metrics_panel_get_constraint_row (panel, 1);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Waiting for security review");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "25 % of lead time: Waiting for security review, 2 w; "
                   "Security review at 13 % load: a policy delay, not capacity");
  row = fm_metrics_panel_get_constraint_row (panel, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Coding");
  g_assert_nonnull (fm_metrics_panel_get_constraint_row (panel, 9));
  g_assert_null (fm_metrics_panel_get_constraint_row (panel, 10));

  /* Activating one asks to reveal its node. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (revealed, ==, "code");

  /* An undoable edit shows as soon as the loop is idle: without the two
   * weeks of waiting for security review the lead time is 42 days. */
  fm_document_set (f->doc, f->map, "wait-security", "wait-s", 0.0, NULL);
  run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "6 w");
  g_assert_cmpstr (figure (panel, "flow-efficiency"), ==, "10.5 %");
  row = fm_metrics_panel_get_constraint_row (panel, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Coding");

  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "8 w");

  /* Demand that does not fit the counts: Little's law is flagged, and the
   * warning about it is listed. 11 items at 0.05 a day: 220 d = 31 w 3 d,
   * 243 % off the expected lead time of 64.18 d (coding is then at
   * 1.307 × 3 d × 0.05 / (2 × 8 h) = 29 %: a stable system). */
  fm_document_set (f->doc, NULL, NULL, "demand-per-day", 0.05, NULL);
  run_idles ();
  g_assert_cmpstr (figure (panel, "littles-law"), ==, "31 w 3 d");
  row = gtk_widget_get_ancestor (fm_metrics_panel_get_figure (panel, "littles-law"), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "243 % off the mapped lead time");
  {
    gboolean listed = FALSE;

    for (guint i = 0; (row = fm_metrics_panel_get_warning_row (panel, i)) != NULL; i++)
      listed |= ADW_IS_ACTION_ROW (row) &&
                strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                        "The work in progress and the demand give a lead time") != NULL;
    g_assert_true (listed);
  }
  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  run_idles ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
                     fm_metrics_panel_get_figure (panel, "littles-law"), ADW_TYPE_ACTION_ROW))),
                   ==, "Not checked: “Coding” is overloaded, so the system is not stable and the "
                       "work in progress grows");

  /* Without a map, the empty page. */
  fm_metrics_cache_set_map (f->cache, NULL, NULL);
  g_assert_null (fm_metrics_panel_get_constraint_row (panel, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  run_idles ();
}

static void
test_reveal (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  FmCanvas *canvas = FM_CANVAS (fm_canvas_new ());
  FmCanvasState *state = fm_canvas_get_state (canvas);
  FmNode *node = fm_map_lookup_node (f->map, "wait-security");
  FmRect bounds;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  fm_canvas_set_metrics_cache (canvas, f->cache);
  fm_canvas_set_map (canvas, f->doc, f->map);
  g_assert_true (fm_canvas_get_metrics_cache (canvas) == f->cache);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  fm_canvas_state_set_view (state, 1.0, -5000, -5000);

  /* Selected alone, in the middle of the view, at the same zoom. */
  fm_canvas_state_select (state, "code", FALSE);
  g_assert_true (fm_canvas_select_and_reveal (canvas, "wait-security"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "wait-security");
  g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, 1.0);
  fm_node_get_bounds (node, &bounds);
  fm_canvas_state_to_widget (state, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, 1e-6);

  /* Edges too; what the map does not have, not. */
  g_assert_true (fm_canvas_select_and_reveal (canvas, "rework-1"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "rework-1");
  g_assert_false (fm_canvas_select_and_reveal (canvas, "missing"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "rework-1");

  /* The canvas keeps the cache on the map it shows. */
  fm_canvas_set_map (canvas, f->doc, fm_document_lookup_map (f->doc, "future"));
  g_assert_true (fm_metrics_cache_get_map (f->cache) == fm_document_lookup_map (f->doc, "future"));
  g_assert_cmpfloat (fm_metrics_cache_get_metrics (f->cache)->lead_time_s, ==, 14 * DAY);

  gtk_window_destroy (GTK_WINDOW (window));
  run_idles ();
}

int
main (int   argc,
      char *argv[])
{
  /* Widgets need a display; without one there is nothing to test here. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/metrics-cache/recompute", test_cache);
  ADD ("/fm/metrics-panel/figures", test_panel);
  ADD ("/fm/canvas/select-and-reveal", test_reveal);

  return g_test_run ();
}
