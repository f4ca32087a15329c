/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-simulate-ui.c: the Simulate page shows what fm_simulate() gives, and stops when cancelled */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-chart-simulate.h"
#include "fm-csv-import.h"
#include "fm-figures.h"
#include "fm-process-step.h"
#include "fm-simulate-panel.h"
#include "fm-test-utils.h"

typedef struct {
  FmDocument *doc;
  FmSimulatePanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_load_example ("release.flowmap");
  f->panel = FM_SIMULATE_PANEL (g_object_ref_sink (fm_simulate_panel_new ()));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->panel);
  fm_test_run_idles ();
  g_assert_finalize_object (f->doc);
}

/* The run is in a thread: its result arrives through the main context. */
static void
wait_for_run (Fixture *f)
{
  while (fm_simulate_panel_is_running (f->panel))
    g_main_context_iteration (NULL, TRUE);
}

static char *
expected_p85 (Fixture                 *f,
              FmMap                   *map,
              const FmSimulateOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmSimulateResult) result = fm_simulate (f->doc, map, options, &error);

  g_assert_no_error (error);
  return fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p85_s);
}

static void
test_monte_carlo (Fixture       *f,
                  gconstpointer  data)
{
  FmMap *current = fm_document_lookup_map (f->doc, "current");
  FmMap *future = fm_document_lookup_map (f->doc, "future");
  FmSimulateOptions options;
  g_autofree char *p85 = NULL;
  g_autofree char *p85_current = NULL;
  g_autofree char *comparison = NULL;

  fm_simulate_options_init (&options);
  options.runs = 3000;
  options.seed = 7;
  fm_simulate_panel_set_options (f->panel, &options);

  /* The current state alone: no comparison. */
  fm_simulate_panel_set_map (f->panel, f->doc, current);
  fm_simulate_panel_run (f->panel);
  g_assert_true (fm_simulate_panel_is_running (f->panel));
  wait_for_run (f);
  p85_current = expected_p85 (f, current, &options);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85_current);
  g_assert_nonnull (fm_simulate_panel_get_figure (f->panel, "mean"));
  g_assert_null (fm_simulate_panel_get_figure (f->panel, "comparison"));
  g_assert_null (fm_simulate_panel_get_figure (f->panel, "throughput"));

  /* The future state, beside its current state. */
  fm_simulate_panel_set_map (f->panel, f->doc, future);
  g_assert_null (fm_simulate_panel_get_figure (f->panel, "p85"));
  fm_simulate_panel_run (f->panel);
  wait_for_run (f);
  p85 = expected_p85 (f, future, &options);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85);
  g_assert_cmpstr (p85, !=, p85_current);
  comparison = g_strdup_printf ("Lead time p85 %s → %s", p85_current, p85);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "comparison"), ==, comparison);
  g_assert_null (fm_simulate_panel_get_status (f->panel));
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  FmMap *future = fm_document_lookup_map (f->doc, "future");
  FmSimulateOptions options;
  g_autofree char *p85 = NULL;

  fm_simulate_options_init (&options);
  options.mode = FM_SIMULATE_FLOW;
  options.variability = FM_VARIABILITY_EXPONENTIAL;
  options.items = 2000;
  options.seed = 11;
  fm_simulate_panel_set_options (f->panel, &options);
  fm_simulate_panel_set_map (f->panel, f->doc, future);
  fm_simulate_panel_run (f->panel);
  wait_for_run (f);

  p85 = expected_p85 (f, future, &options);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85);
  g_assert_nonnull (fm_simulate_panel_get_figure (f->panel, "throughput"));
  g_assert_nonnull (fm_simulate_panel_get_figure (f->panel, "wip"));
  g_assert_nonnull (fm_simulate_panel_get_figure (f->panel, "bottleneck"));
  g_assert_nonnull (fm_simulate_panel_get_figure (f->panel, "comparison"));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  FmSimulateOptions options;

  /* Minutes of work if it were not stopped. */
  fm_simulate_options_init (&options);
  options.runs = 10000000;
  fm_simulate_panel_set_options (f->panel, &options);
  fm_simulate_panel_set_map (f->panel, f->doc, fm_document_lookup_map (f->doc, "future"));
  fm_simulate_panel_run (f->panel);
  g_assert_true (fm_simulate_panel_is_running (f->panel));
  fm_simulate_panel_cancel (f->panel);
  wait_for_run (f);

  /* Only the engine's own "cancelled" error says this. */
  g_assert_cmpstr (fm_simulate_panel_get_status (f->panel), ==, "Cancelled");
  g_assert_null (fm_simulate_panel_get_figure (f->panel, "p85"));
}

static void
count_future (FmSimulatePanel *panel,
              FmMap           *future,
              FmMap          **seen)
{
  g_assert_null (*seen);
  *seen = future;
}

/* People and demand tried on the page reach the run and nothing else:
 * the p85 is that of a copy of the map changed by hand, the document is
 * as it was (no undo step, same values). Make Future State from This then
 * makes them a future state, in one undo step. */
static void
test_what_if (Fixture       *f,
              gconstpointer  data)
{
  FmMap *current = fm_document_lookup_map (f->doc, "current");
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  FmProcessStep *coding = FM_PROCESS_STEP (fm_map_lookup_node (current, "code"));
  double demand = fm_document_get_demand_per_day (f->doc);
  guint n_maps = fm_document_get_n_maps (f->doc);
  g_autoptr(FmMap) tried = NULL;
  g_autoptr(FmDocument) holder = fm_document_new ();
  g_autofree char *p85_tried = NULL;
  g_autofree char *p85_mapped = NULL;
  FmSimulateOptions options;
  FmMap *future, *announced = NULL;

  fm_simulate_options_init (&options);
  options.mode = FM_SIMULATE_FLOW;
  options.variability = FM_VARIABILITY_EXPONENTIAL;
  options.items = 1500;
  options.seed = 3;
  fm_simulate_panel_set_options (f->panel, &options);
  fm_simulate_panel_set_map (f->panel, f->doc, current);
  g_assert_true (isnan (fm_simulate_panel_get_override (f->panel, "code")));

  /* The demand as the page shows it, 0.143 for 1 ÷ 7, is the map's: read
   * back when the field loses the focus, it is no override. */
  fm_simulate_panel_set_override (f->panel, NULL, 0.143);
  g_assert_true (isnan (fm_simulate_panel_get_override (f->panel, NULL)));

  /* One developer instead of two, and twice the demand. */
  fm_simulate_panel_set_override (f->panel, "code", 1);
  fm_simulate_panel_set_override (f->panel, NULL, 2 * demand);
  g_assert_cmpfloat (fm_simulate_panel_get_override (f->panel, "code"), ==, 1);
  fm_simulate_panel_run (f->panel);
  wait_for_run (f);

  tried = fm_map_copy (current, "current");
  fm_process_step_set_people (FM_PROCESS_STEP (fm_map_lookup_node (tried, "code")), 1);
  g_object_set (holder, "day-length-s", fm_document_get_day_length_s (f->doc),
                "available-time-s", fm_document_get_available_time_s (f->doc),
                "demand-per-day", 2 * demand, NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FmSimulateResult) result = fm_simulate (holder, tried, &options, &error);
    g_autoptr(FmSimulateResult) mapped = fm_simulate (f->doc, current, &options, NULL);

    g_assert_no_error (error);
    p85_tried = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, result->lead_time_p85_s);
    p85_mapped = fm_figure_format_duration (f->doc, FM_DURATION_LEAD, mapped->lead_time_p85_s);
  }
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85_tried);
  g_assert_cmpstr (p85_tried, !=, p85_mapped);
  g_assert_cmpfloat (fm_process_step_get_people (coding), ==, 2);
  g_assert_cmpfloat (fm_document_get_demand_per_day (f->doc), ==, demand);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 0);

  /* The charts of a flow run: all three. */
  g_assert_nonnull (fm_simulate_panel_get_result (f->panel));
  for (guint k = 0; k < FM_N_SIM_CHARTS; k++)
    g_assert_true (fm_sim_chart_kind_available (k, fm_simulate_panel_get_result (f->panel)));

  g_signal_connect (f->panel, "future-state-made", G_CALLBACK (count_future), &announced);
  future = fm_simulate_panel_make_future_state (f->panel);
  g_assert_nonnull (future);
  /* The window shows the changes on it when told. */
  g_assert_true (announced == future);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps + 1);
  g_assert_cmpstr (fm_map_get_based_on (future), ==, "current");
  g_assert_cmpint (fm_map_get_state (future), ==, FM_MAP_STATE_FUTURE);
  g_assert_cmpfloat (fm_process_step_get_people (FM_PROCESS_STEP (fm_map_lookup_node (future, "code"))), ==, 1);
  g_assert_cmpfloat (fm_process_step_get_people (FM_PROCESS_STEP (fm_map_lookup_node (future, "refine"))), ==, 3);
  g_assert_cmpfloat (fm_process_step_get_people (coding), ==, 2);
  g_assert_cmpfloat (fm_document_get_demand_per_day (f->doc), ==, 2 * demand);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 1);
  /* The map has them now: nothing is tried on the page any more. */
  g_assert_true (isnan (fm_simulate_panel_get_override (f->panel, "code")));
  g_assert_true (isnan (fm_simulate_panel_get_override (f->panel, NULL)));

  g_assert_true (fm_undo_stack_undo (stack));
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps);
  g_assert_cmpfloat (fm_document_get_demand_per_day (f->doc), ==, demand);
}

/* The release data, imported as the window's session: in UTC, all of it. */
static FmObservedSession *
release_session (FmMap *map)
{
  g_autofree char *path = fm_test_example_path ("release-observed.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  FmObservedSession *session = fm_observed_session_new ();
  FmCsvImportOptions options;

  fm_csv_import_options_init (&options);
  options.time_zone = utc;
  log = fm_csv_import_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  mapping = fm_observed_mapping_new (log, map);
  fm_observed_session_set (session, log, mapping, utc, "release-observed.csv");

  return session;
}

/* Observed variability: without data the page says how to get some and
 * runs nothing; with the window's data it gives what fm_simulate() gives
 * with the stays measured against each map, and says how many nodes drew
 * from them (all ten steps and queues of the current state). */
static void
test_observed (Fixture       *f,
               gconstpointer  data)
{
  FmMap *current = fm_document_lookup_map (f->doc, "current");
  FmMap *future = fm_document_lookup_map (f->doc, "future");
  g_autoptr(FmObservedSession) session = release_session (current);
  g_autoptr(FmObservedSession) empty = fm_observed_session_new ();
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) observed = NULL;
  g_autoptr(FmObserved) observed_future = NULL;
  g_autofree char *p85 = NULL;
  g_autofree char *p85_future = NULL;
  g_autofree char *comparison = NULL;
  FmObservedOptions observed_options;
  FmSimulateOptions options;

  fm_simulate_options_init (&options);
  options.variability = FM_VARIABILITY_OBSERVED;
  options.runs = 2000;
  options.seed = 5;
  fm_simulate_panel_set_options (f->panel, &options);
  fm_simulate_panel_set_map (f->panel, f->doc, current);

  /* No session, then one without data. */
  g_assert_false (fm_simulate_panel_has_observed (f->panel));
  fm_simulate_panel_run (f->panel);
  g_assert_false (fm_simulate_panel_is_running (f->panel));
  g_assert_nonnull (strstr (fm_simulate_panel_get_status (f->panel), "Import Observed Data"));
  fm_simulate_panel_set_session (f->panel, empty);
  g_assert_false (fm_simulate_panel_has_observed (f->panel));

  fm_simulate_panel_set_session (f->panel, session);
  g_assert_true (fm_simulate_panel_has_observed (f->panel));
  fm_simulate_panel_run (f->panel);
  wait_for_run (f);
  g_assert_null (fm_simulate_panel_get_status (f->panel));

  mapping = fm_observed_session_dup_mapping (session, current);
  fm_observed_options_init (&observed_options);
  fm_observed_session_fill_options (session, &observed_options);
  observed = fm_observed_compute (fm_observed_session_get_log (session), mapping, current, &observed_options);
  options.observed = observed;
  p85 = expected_p85 (f, current, &options);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "observed"), ==, "10 of 10 steps and queues");

  /* The future state beside its current state, each with its own stays. */
  g_clear_pointer (&mapping, fm_observed_mapping_unref);
  mapping = fm_observed_session_dup_mapping (session, future);
  observed_future = fm_observed_compute (fm_observed_session_get_log (session), mapping, future, &observed_options);
  fm_simulate_panel_set_map (f->panel, f->doc, future);
  fm_simulate_panel_run (f->panel);
  wait_for_run (f);
  options.observed = observed_future;
  p85_future = expected_p85 (f, future, &options);
  comparison = g_strdup_printf ("Lead time p85 %s → %s", p85, p85_future);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "comparison"), ==, comparison);

  /* The data cleared while a run measures it on its thread: the run
   * measured what there was when it started (it holds the data). */
  fm_simulate_panel_set_map (f->panel, f->doc, current);
  fm_simulate_panel_run (f->panel);
  g_assert_true (fm_simulate_panel_is_running (f->panel));
  fm_observed_session_clear (session);
  wait_for_run (f);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "p85"), ==, p85);
  g_assert_cmpstr (fm_simulate_panel_get_figure (f->panel, "observed"), ==, "10 of 10 steps and queues");

  /* The data gone: the choice stays, and says why it cannot run. */
  fm_observed_session_clear (session);
  g_assert_false (fm_simulate_panel_has_observed (f->panel));
  fm_simulate_panel_run (f->panel);
  g_assert_false (fm_simulate_panel_is_running (f->panel));
  g_assert_nonnull (fm_simulate_panel_get_status (f->panel));
  fm_simulate_panel_set_session (f->panel, NULL);
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
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/simulate-ui/monte-carlo", test_monte_carlo);
  ADD ("/fm/simulate-ui/flow", test_flow);
  ADD ("/fm/simulate-ui/cancel", test_cancel);
  ADD ("/fm/simulate-ui/what-if", test_what_if);
  ADD ("/fm/simulate-ui/observed", test_observed);

  return g_test_run ();
}
