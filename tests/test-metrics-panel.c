/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-metrics-panel.c: the metrics panel: its figures, constraints and warnings, kept up to date */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-json.h"
#include "fm-metrics-cache.h"
#include "fm-metrics-panel.h"
#include "fm-presentation.h"
#include "fm-test-utils.h"

#define DAY 86400.0

/* The bundled release map, its current state. */
typedef FmTestMap Fixture;

static const char *
figure (FmMetricsPanel *panel,
        const char     *name)
{
  GtkWidget *label = fm_metrics_panel_get_figure (panel, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
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
  FmMetricsCache *cache = fm_metrics_cache_new ();
  GtkWidget *window = gtk_window_new ();
  FmMetricsPanel *panel = FM_METRICS_PANEL (fm_metrics_panel_new ());
  g_autofree char *revealed = NULL;
  GtkWidget *row;

  fm_metrics_cache_set_map (cache, f->doc, f->map);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  fm_metrics_panel_set_cache (panel, cache);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (panel, "reveal", G_CALLBACK (on_reveal), &revealed);

  /* The figures of docs/metrics.md's worked example: lead times in days
   * with a decimal, process and takt times exact (42 h of work: three
   * working days of coding are 24 h). */
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "56.0 d");
  g_assert_cmpstr (figure (panel, "process-time"), ==, "42 h");
  g_assert_cmpstr (figure (panel, "flow-efficiency"), ==, "3.1 %");
  g_assert_cmpstr (figure (panel, "rolled-pca"), ==, "27.1 %");
  g_assert_cmpstr (figure (panel, "rework-lead-time"), ==, "64.2 d");
  g_assert_cmpstr (figure (panel, "wip"), ==, "11");
  /* 1/7 a day: one every 7 days, 7.0 d as the map writes days */
  g_assert_cmpstr (figure (panel, "throughput"), ==, "0.14 a day · one every 7.0 d");
  g_assert_cmpstr (figure (panel, "littles-law"), ==, "77.0 d");
  g_assert_cmpstr (figure (panel, "takt-time"), ==, "40 h of work · one every 7 d");
  g_assert_cmpstr (figure (panel, "handoffs"), ==, "4");

  /* The constraints, best first, with their reasons. */
  row = fm_metrics_panel_get_constraint_row (panel, 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Waiting for security review");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "25 % of lead time: Waiting for security review, 14.0 d; "
                   "Security review at 13 % load: a policy delay, not capacity");
  row = fm_metrics_panel_get_constraint_row (panel, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Coding");
  g_assert_nonnull (fm_metrics_panel_get_constraint_row (panel, 9));
  /* After the ten ranked, the lane that holds most of the waiting. */
  {
    GtkWidget *lane = fm_metrics_panel_get_constraint_row (panel, 10);

    g_assert_true (ADW_IS_ACTION_ROW (lane));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (lane)), ==, "Lane: Security team");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lane)), ==,
                     "The lane Security team holds the most waiting: 29 % of it (15.8 d)");
  }
  g_assert_null (fm_metrics_panel_get_constraint_row (panel, 11));

  /* The lanes along the path, as `flowmap metrics` prints them. */
  {
    const struct { const char *title, *subtitle; } lanes[] = {
      { "Product team", "wait 5.0 d · lead 2.0 d · process 4 h · 1 step" },
      { "Developers", "wait 5.0 d · lead 7.0 d · process 24 h · 1 step" },
      { "Security team", "wait 14.0 d · lead 2.0 d · process 4 h · 1 step" },
      { "QA", "wait 7.0 d · lead 3.0 d · process 8 h · 1 step" },
      { "Operations", "wait 10.0 d · lead 1.0 d · process 2 h · 1 step" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
      {
        GtkWidget *lane = fm_metrics_panel_get_lane_row (panel, i);

        g_assert_true (ADW_IS_ACTION_ROW (lane));
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (lane)), ==, lanes[i].title);
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lane)), ==, lanes[i].subtitle);
      }
    g_assert_null (fm_metrics_panel_get_lane_row (panel, 5));
  }

  /* Activating one asks to reveal its node. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpstr (revealed, ==, "code");

  /* An undoable edit shows as soon as the loop is idle: without the two
   * weeks of waiting for security review the lead time is 42 days. */
  fm_document_set (f->doc, f->map, "wait-security", "wait-s", 0.0, NULL);
  fm_test_run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "42.0 d");
  g_assert_cmpstr (figure (panel, "flow-efficiency"), ==, "4.2 %");
  row = fm_metrics_panel_get_constraint_row (panel, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Waiting for the release window");

  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  fm_test_run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "56.0 d");

  /* Demand that does not fit the counts: Little's law is flagged, and the
   * warning about it is listed. 11 items at 0.05 a day: 220.0 d,
   * 243 % off the expected lead time of 64.18 d. */
  fm_document_set (f->doc, NULL, NULL, "demand-per-day", 0.05, NULL);
  fm_test_run_idles ();
  g_assert_cmpstr (figure (panel, "littles-law"), ==, "220.0 d");
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
  fm_test_run_idles ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
                     fm_metrics_panel_get_figure (panel, "littles-law"), ADW_TYPE_ACTION_ROW))),
                   ==, "Within 20 % of the mapped lead time");

  /* Without a map, the empty page. */
  fm_metrics_cache_set_map (cache, NULL, NULL);
  g_assert_null (fm_metrics_panel_get_constraint_row (panel, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  fm_test_run_idles ();
  g_assert_finalize_object (cache);
}

/* Acme Stamping (Learning to See) reads in the panel and on its slides as
 * the book writes it: 23.6 d, 188 s, takt 60 s, Assembly #1 first, over
 * the takt with both numbers, and a slide of the steps against the takt. A
 * document set to weeks reads its lead time in weeks, undoably. */
static void
test_acme (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "acme.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  FmMetricsCache *cache = fm_metrics_cache_new ();
  GtkWidget *window = gtk_window_new ();
  FmMetricsPanel *panel = FM_METRICS_PANEL (fm_metrics_panel_new ());
  g_autoptr(GtkWidget) slides = NULL;
  FmPresentation *p;
  gboolean balance = FALSE;
  GtkWidget *row;
  FmMap *map;

  g_assert_no_error (error);
  map = fm_document_get_map (doc, 0);
  fm_metrics_cache_set_map (cache, doc, map);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  fm_metrics_panel_set_cache (panel, cache);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (figure (panel, "lead-time"), ==, "23.6 d");
  g_assert_cmpstr (figure (panel, "process-time"), ==, "188 s");
  g_assert_cmpstr (figure (panel, "flow-efficiency"), ==, "0.0092 %");
  /* Takt on both clocks: 55,200 s of work a day ÷ 920 pieces = 60 s;
   * a day of 86,400 s ÷ 920 = 94 s between two pieces. */
  g_assert_cmpstr (figure (panel, "takt-time"), ==, "60 s of work · one every 1 min 34 s");
  row = fm_metrics_panel_get_constraint_row (panel, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Assembly #1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "62 s per piece against a takt of 60 s");
  /* No step has a role: no lanes. */
  g_assert_null (fm_metrics_panel_get_lane_row (panel, 0));

  /* The presentation: its first slide's figures, the constraint's slide
   * and the cycle time / takt slide. */
  slides = g_object_ref_sink (fm_presentation_new (doc, map));
  p = FM_PRESENTATION (slides);
  g_assert_cmpstr (fm_presentation_get_slide_caption (p), ==,
                   "Lead time 23.6 d  ·  Process time 188 s  ·  Flow efficiency 0.0092 %");
  fm_presentation_set_slide (p, 1);
  g_assert_cmpstr (fm_presentation_get_slide_kind (p), ==, "constraint");
  g_assert_cmpstr (fm_presentation_get_slide_title (p), ==, "Constraint 1 of 3: Assembly #1");
  g_assert_cmpstr (fm_presentation_get_slide_caption (p), ==, "62 s per piece against a takt of 60 s");
  for (guint i = 0; i < fm_presentation_get_n_slides (p); i++)
    {
      fm_presentation_set_slide (p, i);
      if (g_strcmp0 (fm_presentation_get_slide_kind (p), "balance") != 0)
        continue;
      balance = TRUE;
      g_assert_cmpstr (fm_presentation_get_slide_caption (p), ==,
                       "Assembly #1: 62 s per piece against a takt of 60 s");
    }
  g_assert_true (balance);

  /* Weeks where a team prefers them: one undoable step. */
  fm_document_set (doc, NULL, NULL, "lead-time-unit", FM_TIME_UNIT_WEEKS, NULL);
  fm_test_run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "3.4 w");
  g_assert_cmpstr (figure (panel, "process-time"), ==, "188 s");
  fm_undo_stack_undo (fm_document_get_undo_stack (doc));
  fm_test_run_idles ();
  g_assert_cmpstr (figure (panel, "lead-time"), ==, "23.6 d");

  gtk_window_destroy (GTK_WINDOW (window));
  fm_test_run_idles ();
  g_assert_finalize_object (cache);
}

int
main (int   argc,
      char *argv[])
{
  if (fm_test_skip_without_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fm_test_map_set_up_release, func, fm_test_map_tear_down)

  ADD ("/fm/metrics-panel/figures", test_panel);
  g_test_add_func ("/fm/metrics-panel/acme", test_acme);

  return g_test_run ();
}
