/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presentation-charts.c: the evidence charts in the presentation: the
 * observed charts with data, the Simulate page's last run, each in its
 * place in the story with its caption, drawn; none without them */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-figures.h"
#include "fm-presentation.h"
#include "fm-process-step.h"
#include "fm-simulate-panel.h"
#include "fm-test-utils.h"
#include "fm-window.h"
#include "fm-window-private.h"

typedef struct {
  FmDocument *doc;
  FmMap *current;
  FmMap *future;
  FmObservedSession *session;
  FmSimulatePanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_load_example ("release.flowmap");
  f->current = fm_document_lookup_map (f->doc, "current");
  f->future = fm_document_lookup_map (f->doc, "future");
  f->session = fm_observed_session_new ();
  f->panel = FM_SIMULATE_PANEL (g_object_ref_sink (fm_simulate_panel_new ()));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->panel);
  fm_test_run_idles ();
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->doc);
}

static void
import_example (Fixture *f)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObservedLog) log = fm_test_read_observed_example (utc);
  g_autoptr(FmObservedMapping) mapping = NULL;

  mapping = fm_observed_mapping_new (log, f->current);
  fm_observed_session_set (f->session, log, mapping, utc, "release-observed.csv");
}

static void
run_panel (Fixture                 *f,
           FmMap                   *map,
           const FmSimulateOptions *options)
{
  fm_simulate_panel_set_options (f->panel, options);
  fm_simulate_panel_set_map (f->panel, f->doc, map);
  fm_simulate_panel_run (f->panel);
  while (fm_simulate_panel_is_running (f->panel))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (fm_simulate_panel_get_result (f->panel));
}

static void
present_simulation (FmPresentation  *presentation,
                    FmSimulatePanel *panel)
{
  fm_presentation_set_simulation (presentation, fm_simulate_panel_get_result_map (panel),
                                  fm_simulate_panel_get_result (panel),
                                  fm_simulate_panel_get_figure (panel, "comparison"),
                                  fm_simulate_panel_get_figure (panel, "what-if"));
}

/* "kind: title | caption" of every slide, a line each. */
static char *
describe (FmPresentation *p)
{
  GString *text = g_string_new (NULL);
  guint shown = fm_presentation_get_slide (p);

  for (guint i = 0; i < fm_presentation_get_n_slides (p); i++)
    {
      fm_presentation_set_slide (p, i);
      g_string_append_printf (text, "%s: %s | %s\n", fm_presentation_get_slide_kind (p),
                              fm_presentation_get_slide_title (p),
                              fm_presentation_get_slide_caption (p) ? fm_presentation_get_slide_caption (p) : "");
    }
  fm_presentation_set_slide (p, shown);
  return g_string_free (text, FALSE);
}

static guint
count_kind (FmPresentation *p,
            const char     *kind)
{
  guint n = 0;

  for (guint i = 0; i < fm_presentation_get_n_slides (p); i++)
    {
      fm_presentation_set_slide (p, i);
      n += g_str_equal (fm_presentation_get_slide_kind (p), kind);
    }
  fm_presentation_set_slide (p, 0);
  return n;
}

static void
expect_slide (FmPresentation *p,
              guint           index,
              const char     *kind,
              const char     *title,
              const char     *caption)
{
  g_assert_cmpuint (index, <, fm_presentation_get_n_slides (p));
  fm_presentation_set_slide (p, index);
  g_assert_cmpstr (fm_presentation_get_slide_kind (p), ==, kind);
  g_assert_cmpstr (fm_presentation_get_slide_title (p), ==, title);
  if (caption != NULL)
    g_assert_cmpstr (fm_presentation_get_slide_caption (p), ==, caption);
}

/* The slide shown, drawn at 1600 × 900 as the window would. */
static cairo_surface_t *
draw_slide (FmPresentation *p)
{
  GtkWidget *window = gtk_window_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_t *cr;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (p));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (p)) != 1600 || gtk_widget_get_height (GTK_WIDGET (p)) != 900)
    g_main_context_iteration (NULL, TRUE);

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (p)->snapshot (GTK_WIDGET (p), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  g_object_ref (p);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  fm_test_run_idles ();
  g_object_unref (p);

  return surface;
}

static gboolean
is_blue (int r,
         int g,
         int b)
{
  return b > 150 && r < 90 && g > 80 && g < 160;
}

static gboolean
is_ink (int r,
        int g,
        int b)
{
  return r < 60 && g < 60 && b < 70;
}

/* Pixels in rows @top to @bottom that are @like: the charts' blue (the
 * accent, #0072B2, of bars and dots), none on a slide of a map's words;
 * dark ink, of a title. */
static guint
count_pixels (cairo_surface_t *surface,
              int              top,
              int              bottom,
              gboolean       (*like) (int r, int g, int b))
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = top; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);

        n += like (pixel >> 16 & 0xff, pixel >> 8 & 0xff, pixel & 0xff);
      }
  g_test_message ("%u pixels alike in rows %d to %d", n, top, bottom);
  return n;
}

/* With data, three observed charts follow the current state's slides, each
 * with the figure it shows in words; without data, none. The figures are
 * those of `flowmap observe --json` on the same file: 74 finished, p50
 * 5,520,060 s = 63.9 d, p85 6,837,660 s = 79.1 d, 3.94 a week, 12 in
 * progress of which 4 wait for security review (and 4 for the release
 * window, later in the flow); the map's rework-adjusted lead time is
 * 5,544,847 s = 64.2 d. */
static void
test_observed (Fixture       *f,
               gconstpointer  data)
{
  FmPresentation *p = g_object_ref_sink (FM_PRESENTATION (fm_presentation_new (f->doc, f->current)));
  g_autofree char *story = NULL;
  cairo_surface_t *surface;

  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 7);
  fm_presentation_set_observed (p, f->session);
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 7);
  g_assert_cmpuint (count_kind (p, "observed-chart"), ==, 0);

  import_example (f);
  fm_presentation_set_observed (p, NULL);
  fm_presentation_set_observed (p, f->session);
  story = describe (p);
  g_test_message ("%s", story);
  /* Map, three constraints, cycle time / takt, the three charts, future
   * state, comparison, the one experiment with a start date. */
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 11);
  expect_slide (p, 4, "balance", "Cycle time / takt: Current state", NULL);
  expect_slide (p, 5, "observed-chart", "Lead Time Scatterplot",
                "74 items finished 18 May – 20 Nov 2026: half within 63.9 d, 85 % within 79.1 d. "
                "The map, rework included: 64.2 d");
  expect_slide (p, 6, "observed-chart", "Throughput",
                "3.9 items finished a week, the mean of the complete weeks, 18 May – 20 Nov 2026");
  expect_slide (p, 7, "observed-chart", "Cumulative Flow",
                "18 May – 20 Nov 2026: 12 items in progress at the end, 4 of them in Waiting for security review");
  expect_slide (p, 8, "future", "Future state", NULL);
  expect_slide (p, 10, "experiment", "Experiment 1 of 1: Security checks run in every pipeline build", NULL);

  /* Drawn: the scatterplot's dots under the title, which stays whole. */
  fm_presentation_set_slide (p, 5);
  surface = draw_slide (p);
  g_assert_cmpuint (count_pixels (surface, 200, 880, is_blue), >, 2000);
  g_assert_cmpuint (count_pixels (surface, 30, 100, is_ink), >, 1000);
  cairo_surface_destroy (surface);
  fm_presentation_set_slide (p, 0);
  surface = draw_slide (p);
  g_assert_cmpuint (count_pixels (surface, 200, 880, is_blue), <, 50);
  cairo_surface_destroy (surface);

  /* The data closed: the story as before. */
  fm_presentation_set_observed (p, NULL);
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 7);
  g_assert_cmpuint (count_kind (p, "observed-chart"), ==, 0);

  g_assert_finalize_object (p);
}

/* A Monte Carlo run of the future state: its histogram after the
 * comparison, captioned with the page's line, whose figures are those of
 * fm_simulate() on each map with the same options. */
static void
test_simulation_future (Fixture       *f,
                        gconstpointer  data)
{
  FmPresentation *p = g_object_ref_sink (FM_PRESENTATION (fm_presentation_new (f->doc, f->current)));
  g_autoptr(FmSimulateResult) current = NULL;
  g_autoptr(FmSimulateResult) future = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *histogram = NULL;
  FmSimulateOptions options;
  cairo_surface_t *surface;

  fm_simulate_options_init (&options);
  options.runs = 3000;
  options.seed = 7;
  options.variability = FM_VARIABILITY_TRIANGULAR;
  run_panel (f, f->future, &options);
  current = fm_simulate (f->doc, f->current, &options, NULL);
  future = fm_simulate (f->doc, f->future, &options, NULL);
  from = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, current->lead_time_p85_s);
  to = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, future->lead_time_p85_s);
  caption = g_strdup_printf ("Lead time p85 %s → %s", from, to);
  g_assert_cmpstr (from, !=, to);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "comparison"), ==, caption);

  present_simulation (p, f->panel);
  /* Map, three constraints, balance, future state, comparison, histogram:
   * a Monte Carlo run has neither queues nor utilization. */
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 8);
  expect_slide (p, 6, "comparison", "Current state → Future state", NULL);
  /* The page's line, then what was simulated. */
  histogram = g_strdup_printf ("%s · 3000 runs of a Monte Carlo simulation", caption);
  expect_slide (p, 7, "simulation-chart", "Simulated Lead Time: Future state", histogram);
  g_assert_cmpuint (count_kind (p, "simulation-chart"), ==, 1);

  /* The slides keep their copy when the page forgets its run. */
  fm_simulate_panel_set_map (f->panel, NULL, NULL);
  g_assert_null (fm_simulate_panel_get_result (f->panel));
  g_assert_null (fm_simulate_panel_get_result_map (f->panel));
  fm_presentation_set_slide (p, 7);
  surface = draw_slide (p);
  /* The histogram's bars, in the accent colour. */
  g_assert_cmpuint (count_pixels (surface, 200, 880, is_blue), >, 30000);
  g_assert_cmpuint (count_pixels (surface, 30, 100, is_ink), >, 1000);
  cairo_surface_destroy (surface);

  /* No simulation: the story as before. */
  fm_presentation_set_simulation (p, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 7);
  g_assert_cmpuint (count_kind (p, "simulation-chart"), ==, 0);

  g_assert_finalize_object (p);
}

/* A flow run of the current state: its three charts follow the current
 * state's slides, before the future state; the captions give the
 * percentiles, the mean work in progress and the busiest step, each as
 * the page shows it. */
static void
test_simulation_current (Fixture       *f,
                         gconstpointer  data)
{
  FmPresentation *p = g_object_ref_sink (FM_PRESENTATION (fm_presentation_new (f->doc, f->current)));
  g_autoptr(FmSimulateResult) result = NULL;
  g_autofree char *line = NULL;
  g_autofree char *histogram = NULL;
  g_autofree char *queues = NULL;
  g_autofree char *utilization = NULL;
  g_autofree char *wip = NULL;
  const FmSimulateNode *busiest = NULL;
  FmSimulateOptions options;

  fm_simulate_options_init (&options);
  options.mode = FM_SIMULATE_FLOW;
  options.variability = FM_VARIABILITY_EXPONENTIAL;
  options.items = 2000;
  options.seed = 11;
  run_panel (f, f->current, &options);
  g_assert_null (fm_simulate_panel_get_figure (f->panel, "comparison"));

  result = fm_simulate (f->doc, f->current, &options, NULL);
  {
    g_autofree char *p50 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p50_s);
    g_autofree char *p85 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p85_s);
    g_autofree char *p95 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p95_s);

    line = g_strdup_printf ("Lead time p50 %s · p85 %s · p95 %s", p50, p85, p95);
    g_assert_cmpstr (p85, ==, fm_simulate_panel_get_figure (f->panel, "p85"));
  }
  /* result->samples: the items that came out, of the 2000 that came in. */
  histogram = g_strdup_printf ("%s · a flow simulation of %u items", line, result->samples);
  g_assert_cmpuint (result->samples, >, 1000);
  wip = g_strdup_printf ("%.1f", result->wip_mean);
  g_assert_cmpstr (wip, ==, fm_simulate_panel_get_figure (f->panel, "wip"));
  queues = g_strdup_printf ("%s · work in progress %s on average", line, wip);
  for (guint i = 0; i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (!isnan (node->utilization) && (busiest == NULL || node->utilization > busiest->utilization))
        busiest = node;
    }
  g_assert_nonnull (busiest);
  utilization = g_strdup_printf ("%s · bottleneck: %s, %s busy", line, fm_node_get_label (busiest->node),
                                 fm_simulate_panel_get_figure (f->panel, "bottleneck"));

  present_simulation (p, f->panel);
  g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 10);
  expect_slide (p, 4, "balance", "Cycle time / takt: Current state", NULL);
  expect_slide (p, 5, "simulation-chart", "Simulated Lead Time: Current state", histogram);
  expect_slide (p, 6, "simulation-chart", "Queue Length over Time: Current state", queues);
  expect_slide (p, 7, "simulation-chart", "Utilization per Step: Current state", utilization);
  expect_slide (p, 8, "future", "Future state", NULL);
  expect_slide (p, 9, "comparison", "Current state → Future state", NULL);

  /* A run of another map is not of this story. */
  {
    g_autoptr(FmMap) other = fm_map_copy (f->current, "elsewhere");

    fm_presentation_set_simulation (p, other, fm_simulate_panel_get_result (f->panel), NULL, NULL);
    g_assert_cmpuint (fm_presentation_get_n_slides (p), ==, 7);
  }

  g_assert_finalize_object (p);
}

/* A run with what-ifs says so: the page words the overrides it read, the
 * captions start with them, and an override changed after the run does
 * not change what the run is said to have read. The figures are those of
 * the engine run on the map with the overrides set by hand. */
static void
test_simulation_what_if (Fixture       *f,
                         gconstpointer  data)
{
  FmPresentation *p = g_object_ref_sink (FM_PRESENTATION (fm_presentation_new (f->doc, f->current)));
  g_autoptr(FmDocument) holder = fm_document_new ();
  g_autoptr(FmMap) tried = fm_map_copy (f->current, fm_map_get_id (f->current));
  g_autoptr(FmSimulateResult) result = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *p50 = NULL;
  g_autofree char *p85 = NULL;
  g_autofree char *p95 = NULL;
  g_autofree char *caption = NULL;
  FmProcessStep *step = NULL;
  FmSimulateOptions options;
  double people;

  for (guint i = 0; i < fm_map_get_n_nodes (f->current) && step == NULL; i++)
    if (FM_IS_PROCESS_STEP (fm_map_get_node (f->current, i)))
      step = FM_PROCESS_STEP (fm_map_get_node (f->current, i));
  g_assert_nonnull (step);
  people = fm_value_is_set (fm_process_step_get_people (step)) ? fm_process_step_get_people (step) : 1;

  fm_simulate_options_init (&options);
  options.runs = 3000;
  options.seed = 5;
  fm_simulate_panel_set_options (f->panel, &options);
  fm_simulate_panel_set_map (f->panel, f->doc, f->current);
  fm_simulate_panel_set_override (f->panel, fm_node_get_id (FM_NODE (step)), people + 2);
  fm_simulate_panel_set_override (f->panel, NULL, 2.5);
  run_panel (f, f->current, &options);

  /* e.g. "3 people at Refine backlog, a demand of 2.50 a day" */
  expected = g_strdup_printf ("%.0f people at %s, a demand of 2.50 a day", people + 2,
                              fm_node_get_label (FM_NODE (step)));
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "what-if"), ==, expected);

  g_object_set (holder, "day-length-s", fm_document_get_day_length_s (f->doc),
                "available-time-s", fm_document_get_available_time_s (f->doc),
                "demand-per-day", 2.5, NULL);
  fm_process_step_set_people (FM_PROCESS_STEP (fm_map_lookup_node (tried, fm_node_get_id (FM_NODE (step)))),
                              people + 2);
  result = fm_simulate (holder, tried, &options, NULL);
  p50 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p50_s);
  p85 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p85_s);
  p95 = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p95_s);
  g_assert_cmpstr (p85, ==, fm_simulate_panel_get_figure (f->panel, "p85"));

  /* Tried again after the run: the run still read the first values. */
  fm_simulate_panel_set_override (f->panel, NULL, 4);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "what-if"), ==, expected);

  present_simulation (p, f->panel);
  caption = g_strdup_printf ("What if %s: Lead time p50 %s · p85 %s · p95 %s · %u runs of a Monte Carlo simulation",
                             expected, p50, p85, p95, result->samples);
  expect_slide (p, 5, "simulation-chart", "Simulated Lead Time: Current state", caption);

  g_assert_finalize_object (p);
}

/* F5 in the window: the Simulate page's last run is in the slides, and
 * Escape leaves as before. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fm_test_example_path ("release.flowmap");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FmWindow *window = g_object_ref_sink (fm_window_new (NULL));
  FmSimulateOptions options;
  GtkWidget *slides;

  g_assert_true (fm_window_load_file (window, file, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  gtk_stack_set_visible_child_name (window->side_stack, "simulate");
  g_assert_nonnull (window->simulate_panel);

  fm_simulate_options_init (&options);
  options.runs = 2000;
  fm_simulate_panel_set_options (window->simulate_panel, &options);
  fm_simulate_panel_run (window->simulate_panel);
  while (fm_simulate_panel_is_running (window->simulate_panel))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  slides = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_true (FM_IS_PRESENTATION (slides));
  g_assert_cmpuint (fm_presentation_get_n_slides (FM_PRESENTATION (slides)), ==, 8);
  g_assert_true (gtk_widget_activate_action (slides, "presentation.step", "i", 5));
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "simulation-chart");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Simulated Lead Time: Current state (6/8) — Flowmap");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL));
  g_assert_false (fm_window_is_presenting (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  fm_test_run_idles ();
}

int
main (int   argc,
      char *argv[])
{
  if (fm_test_skip_without_display ())
    return 0;

  fm_test_use_own_state ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/presentation-charts/observed", test_observed);
  ADD ("/fm/presentation-charts/simulation-future", test_simulation_future);
  ADD ("/fm/presentation-charts/simulation-current", test_simulation_current);
  ADD ("/fm/presentation-charts/simulation-what-if", test_simulation_what_if);
  ADD ("/fm/presentation-charts/window", test_window);

  return g_test_run ();
}
