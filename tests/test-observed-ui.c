/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-observed-ui.c: the import dialog on every kind of file, the Observed page, and
 * measured times in the inspector
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "fm-canvas-state.h"
#include "fm-experiments-view.h"
#include "fm-kaizen.h"
#include "fm-inspector.h"
#include "fm-json.h"
#include "fm-metrics-cache.h"
#include "fm-observed-dialog-private.h"
#include "fm-observed-panel-private.h"
#include "fm-presentation.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"

#define DAY 86400.0

typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmObservedSession *session;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_load_example ("release.flowmap");
  f->map = fm_document_lookup_map (f->doc, "current");
  f->session = fm_observed_session_new ();
  f->dir = fm_test_make_tmp_dir ("observed-ui");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fm_test_remove_tree (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->doc);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static FmObservedDialog *
open_dialog (Fixture *f,
             GFile   *file)
{
  FmObservedDialog *dialog = fm_observed_dialog_present (NULL, f->map, f->session, file);

  /* The file is read in a thread. */
  while (fm_observed_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
  fm_test_run_idles ();

  return dialog;
}

static gboolean
import_enabled (FmObservedDialog *dialog)
{
  gboolean enabled = FALSE;

  g_object_get (dialog->import_button, "sensitive", &enabled, NULL);
  return enabled && gtk_widget_is_sensitive (dialog->import_button);
}

/* Whatever the file holds, the dialog says what is wrong and offers no
 * Import until there is something to import. */
static void
test_dialog_inputs (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *text;
    gssize length;
    gboolean ok;
    const char *error;   /* a part of the message */
  } files[] = {
    { "empty.csv", "", 0, FALSE, "empty" },
    { "header.csv", "item,state,entered_at\n", -1, FALSE, "no rows" },
    { "nul.csv", "item,state\0,x\n", 14, FALSE, NULL },
    { "utf16.csv", "\xff\xfei\0t\0e\0m\0", 10, FALSE, NULL },
    { "no-columns.csv", "name,colour\nA,red\nB,blue\n", -1, FALSE, NULL },
    { "bad-dates.csv", "item,state,entered_at\nA,Backlog,March 4th\nB,Backlog,soon\n", -1, FALSE,
      "no row could be read; line 2" },
    { "rows-semicolons.csv", "item,state,entered_at\nA;Backlog;2026-03-02\n", -1, FALSE,
      "the rows seem to use semicolons" },
    { "changelog.csv", "Issue key,From,To,Changed\nA-1,To Do,Done,2026-03-02\n", -1, FALSE,
      "no column of states" },
    { "future.csv", "item,state,entered_at\nA,Backlog,2026-03-02\nA,Done,2026-03-04\nB,Backlog,9999-12-31\n",
      -1, TRUE, NULL },
    { "unclosed.csv", "item,state,entered_at\nA,Backlog,2026-03-02\nB,\"Backlog,2026-03-03\n", -1, TRUE, NULL },
    { "wide.csv", "id,type,Backlog,In Progress,Done\nW-1,feature,2026-03-02,2026-03-03,2026-03-06\n"
                  "W-2,defect,2026-03-02,,2026-03-04\n", -1, TRUE, NULL },
    { "semicolons.csv", "Key;Status;Changed At\nA-1;Backlog;2026-03-02 10:00\nA-1;Done;2026-03-05 10:00\n",
      -1, TRUE, NULL },
    { "cp1252.csv", "item,state,entered_at\nA,Pr\xfc" "fung,2026-03-02\n", -1, TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = write_file (f, files[i].name, files[i].text, files[i].length);
      FmObservedDialog *dialog = open_dialog (f, file);
      const char *error = fm_observed_dialog_get_error (dialog);

      g_test_message ("%s: %s", files[i].name, error ? error : "(no error)");
      if (files[i].ok)
        {
          g_assert_null (error);
          g_assert_nonnull (fm_observed_dialog_get_log (dialog));
          g_assert_true (import_enabled (dialog));
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error, !=, "");
          g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->error_group)));
          g_assert_false (import_enabled (dialog));
          if (files[i].error != NULL)
            g_assert_nonnull (strstr (error, files[i].error));
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
      fm_test_run_idles ();
    }

  /* A file that is not there. */
  {
    g_autofree char *path = g_build_filename (f->dir, "missing.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    FmObservedDialog *dialog = open_dialog (f, file);

    g_assert_nonnull (fm_observed_dialog_get_error (dialog));
    g_assert_false (import_enabled (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    fm_test_run_idles ();
  }

  g_assert_null (fm_observed_session_get_log (f->session));
}

/* The columns, the time zone and the states changed by hand, then Import. */
static void
test_dialog_choices (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fm_test_example_path ("release-observed.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FmObservedDialog *dialog = open_dialog (f, file);
  FmObservedMapping *mapping;
  int state;

  g_assert_null (fm_observed_dialog_get_error (dialog));
  g_assert_cmpuint (fm_observed_log_get_n_items (fm_observed_dialog_get_log (dialog)), ==, 86);
  g_assert_cmpint (dialog->used.shape, ==, FM_CSV_SHAPE_TRANSITIONS);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog->item_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog->type_row), ==, 2);   /* None, item, type */
  g_assert_cmpuint (dialog->state_rows->len, ==, 11);
  /* The preview: a heading, the roles and eight rows, each with its line. */
  g_assert_nonnull (gtk_grid_get_child_at (dialog->preview_grid, 0, 9));
  g_assert_null (gtk_grid_get_child_at (dialog->preview_grid, 0, 10));

  /* The type column as the item: fewer items; back again. */
  adw_combo_row_set_selected (dialog->item_row, 1);
  fm_test_run_idles ();
  g_assert_cmpuint (fm_observed_log_get_n_items (fm_observed_dialog_get_log (dialog)), ==, 4);
  adw_combo_row_set_selected (dialog->item_row, 0);
  g_assert_cmpuint (fm_observed_log_get_n_items (fm_observed_dialog_get_log (dialog)), ==, 86);

  /* The entered column as none of the required ones: said, no Import. */
  adw_combo_row_set_selected (dialog->entered_row, 0);
  g_assert_nonnull (fm_observed_dialog_get_error (dialog));
  g_assert_false (import_enabled (dialog));
  adw_combo_row_set_selected (dialog->entered_row, 3);
  g_assert_null (fm_observed_dialog_get_error (dialog));

  /* A time zone by name: a wrong one is said, a right one imports. */
  adw_combo_row_set_selected (dialog->zone_row, 2);
  g_assert_nonnull (fm_observed_dialog_get_error (dialog));
  gtk_editable_set_text (GTK_EDITABLE (dialog->zone_entry), "Mars/Olympus_Mons");
  while (dialog->zone_timeout != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (fm_observed_dialog_get_error (dialog), "Mars/Olympus_Mons"));
  g_assert_false (import_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (dialog->zone_entry), "Europe/Berlin");
  while (dialog->zone_timeout != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (fm_observed_dialog_get_error (dialog));

  /* "Blocked" is not in the data; "Ready for Release" mapped to nothing
   * by hand, "Releasing" to finishing; both kept on importing again. */
  mapping = fm_observed_dialog_get_mapping (dialog);
  state = fm_observed_mapping_lookup_state (mapping, "Ready for Release");
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, state), ==, "wait-release");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog->state_rows->pdata[state]), 0);
  state = fm_observed_mapping_lookup_state (mapping, "Releasing");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog->state_rows->pdata[state]), 1);
  adw_combo_row_set_selected (dialog->type_row, 0);

  mapping = fm_observed_dialog_get_mapping (dialog);
  state = fm_observed_mapping_lookup_state (mapping, "Ready for Release");
  g_assert_null (fm_observed_mapping_get_node_id (mapping, state));
  g_assert_false (fm_observed_mapping_get_done (mapping, state));
  g_assert_true (fm_observed_mapping_get_explicit (mapping, state));
  g_assert_true (gtk_widget_has_css_class (dialog->state_rows->pdata[state], "fm-unmapped"));
  state = fm_observed_mapping_lookup_state (mapping, "Releasing");
  g_assert_true (fm_observed_mapping_get_done (mapping, state));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "observed.import", NULL));
  fm_test_run_idles ();

  /* The window's data, with the choices made by hand over the match. */
  g_assert_nonnull (fm_observed_session_get_log (f->session));
  g_assert_cmpstr (fm_observed_session_get_source (f->session), ==, "release-observed.csv");
  g_assert_cmpstr (g_time_zone_get_identifier (fm_observed_session_get_time_zone (f->session)), ==,
                   "Europe/Berlin");
  g_assert_false (fm_observed_log_has_types (fm_observed_session_get_log (f->session)));
  {
    g_autoptr(FmObservedMapping) again = fm_observed_session_dup_mapping (f->session, f->map);
    g_autoptr(FmObservedMapping) future =
      fm_observed_session_dup_mapping (f->session, fm_document_lookup_map (f->doc, "future"));

    state = fm_observed_mapping_lookup_state (again, "Ready for Release");
    g_assert_null (fm_observed_mapping_get_node_id (again, state));
    state = fm_observed_mapping_lookup_state (again, "Releasing");
    g_assert_true (fm_observed_mapping_get_done (again, state));
    state = fm_observed_mapping_lookup_state (again, "Refinement");
    g_assert_cmpstr (fm_observed_mapping_get_node_id (again, state), ==, "refine");
    /* Another map gets its own match. */
    state = fm_observed_mapping_lookup_state (future, "Refinement");
    g_assert_cmpstr (fm_observed_mapping_get_node_id (future, state), ==, "refine");
  }
  fm_test_run_idles ();
}

static const char *
figure (FmObservedPanel *panel,
        const char      *name)
{
  GtkWidget *label = fm_observed_panel_get_figure (panel, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
import_example (Fixture *f)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObservedLog) log = fm_test_read_observed_example (utc);
  g_autoptr(FmObservedMapping) mapping = NULL;

  mapping = fm_observed_mapping_new (log, f->map);
  fm_observed_session_set (f->session, log, mapping, utc, "release-observed.csv");
}

/* The page shows the figures, the period narrows them, Apply puts them
 * on the map as one step. */
static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  FmMetricsCache *cache = fm_metrics_cache_new ();
  FmObservedPanel *panel = g_object_ref_sink (FM_OBSERVED_PANEL (fm_observed_panel_new ()));
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  FmObserved *o;
  guint all_finished;

  fm_metrics_cache_set_map (cache, f->doc, f->map);
  fm_observed_panel_set_cache (panel, cache);
  fm_observed_panel_set_session (panel, f->session);
  fm_test_run_idles ();
  g_assert_null (fm_observed_panel_get_observed (panel));
  /* Nothing to apply yet. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "observed.apply", NULL);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 0);

  import_example (f);
  fm_test_run_idles ();
  o = fm_observed_panel_get_observed (panel);
  g_assert_nonnull (o);
  g_assert_nonnull (fm_observed_panel_get_series (panel));
  g_assert_cmpuint (o->finished, ==, 74);
  /* The median, 5,520,060 s, is 5,520,060 / 86,400 = 63.89 d: "63.9 d"
   * (it read "9 w 1 d", 64 d, before). */
  g_assert_cmpstr (figure (panel, "lead-p50"), ==, "63.9 d");
  g_assert_cmpstr (figure (panel, "items"), ==, "86");
  /* As of just after the last event (Friday 20 November), never the clock:
   * the first item finished on Friday 17 July, so the weeks begin on
   * Monday 13 July; the whole weeks are the 18 up to the one of Monday 9
   * November, in which 71 of the 74 finished: 71 / 18 = 3.94 a week. */
  g_assert_cmpstr (figure (panel, "throughput"), ==, "3.9 a week");
  g_assert_true (g_str_has_prefix (figure (panel, "forecast"), "50 items: 85 % likely by "));
  all_finished = o->finished;

  /* The last four weeks: fewer items finished. */
  adw_combo_row_set_selected (panel->period_row, 1);
  fm_observed_panel_flush (panel);
  g_assert_cmpuint (fm_observed_panel_get_observed (panel)->finished, <, all_finished);
  adw_combo_row_set_selected (panel->period_row, 0);
  fm_observed_panel_flush (panel);
  g_assert_cmpuint (fm_observed_panel_get_observed (panel)->finished, ==, all_finished);

  /* Apply: the means on the nodes (the default: they add up along the
   * path), marked, in one undo step. */
  {
    FmNode *wait = fm_map_lookup_node (f->map, "wait-security");
    FmNode *code = fm_map_lookup_node (f->map, "code");
    double wait_before = fm_queue_get_wait_s (FM_QUEUE (wait));
    double code_before = fm_process_step_get_lead_s (FM_PROCESS_STEP (code));
    const FmObservedNode *figures = fm_observed_lookup_node (fm_observed_panel_get_observed (panel), "wait-security");
    guint depth = fm_undo_stack_get_depth (stack);

    /* Held, so that new figures cannot take its place in memory. */
    g_autoptr(FmObserved) before = fm_observed_ref (fm_observed_panel_get_observed (panel));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "observed.apply", NULL));
    g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth + 1);
    /* New times are no reason to measure again. */
    fm_test_run_idles ();
    g_assert_true (fm_observed_panel_get_observed (panel) == before);
    g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (wait)), ==, round (figures->mean_s));
    g_assert_true (g_str_has_prefix (fm_node_get_observed (wait), "observed "));
    g_assert_nonnull (strstr (fm_node_get_observed (wait), ", mean of "));
    /* Beside the map: the end-to-end percentiles and the map's lead time. */
    g_assert_nonnull (strstr (adw_preferences_group_get_description (panel->apply_group),
                              "Observed end to end: half within "));
    g_assert_nonnull (strstr (adw_preferences_group_get_description (panel->apply_group), "The map: "));
    g_assert_nonnull (fm_node_get_observed (code));
    g_assert_null (fm_node_get_observed (fm_map_lookup_node (f->map, "trigger")));

    g_assert_true (fm_undo_stack_undo (stack));
    g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (wait)), ==, wait_before);
    g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (code)), ==, code_before);
    g_assert_null (fm_node_get_observed (wait));
    g_assert_null (fm_node_get_observed (code));

    /* A new label is: states match nodes by name. */
    fm_document_set (f->doc, f->map, "code", "label", "Implementation", NULL);
    fm_test_run_idles ();
    g_assert_true (fm_observed_panel_get_observed (panel) != before);
    g_assert_cmpstr (g_array_index (fm_observed_panel_get_series (panel)->bands, FmObservedBand,
                                    fm_observed_series_lookup_band (fm_observed_panel_get_series (panel), "code")).label,
                     ==, "Implementation");
  }

  /* Cleared data: the page says there is none. */
  fm_observed_session_clear (f->session);
  fm_test_run_idles ();
  g_assert_null (fm_observed_panel_get_observed (panel));

  fm_observed_panel_set_cache (panel, NULL);
  fm_observed_panel_set_session (panel, NULL);
  g_object_unref (panel);
  g_assert_finalize_object (cache);
  fm_test_run_idles ();
}

/* A median longer than a map's times may be (a date far in the past) is
 * said, not put on the map, which could not be saved with it. */
static void
test_panel_too_long (Fixture       *f,
                     gconstpointer  data)
{
  FmMetricsCache *cache = fm_metrics_cache_new ();
  FmObservedPanel *panel = g_object_ref_sink (FM_OBSERVED_PANEL (fm_observed_panel_new ()));
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  FmNode *backlog = fm_map_lookup_node (f->map, "backlog");
  double wait_before = fm_queue_get_wait_s (FM_QUEUE (backlog));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmCsv) csv = fm_csv_parse ("item,state,entered_at\n"
                                       "A,Product backlog,1600-01-01\n"
                                       "A,Coding,2026-01-01\n"
                                       "A,Done,2026-01-05\n", -1, "old.csv", 0, NULL);
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autofree char *message = NULL;
  FmCsvImportOptions options;

  fm_csv_import_options_init (&options);
  options.time_zone = utc;
  log = fm_csv_import (csv, &options, NULL, NULL);
  g_assert_nonnull (log);
  mapping = fm_observed_mapping_new (log, f->map);
  fm_observed_session_set (f->session, log, mapping, utc, "old.csv");
  fm_metrics_cache_set_map (cache, f->doc, f->map);
  fm_observed_panel_set_cache (panel, cache);
  fm_observed_panel_set_session (panel, f->session);
  fm_test_run_idles ();
  g_assert_nonnull (fm_observed_panel_get_observed (panel));
  message = fm_observed_check_apply (fm_observed_panel_get_observed (panel), f->doc, f->map, FM_OBSERVED_MEDIAN);
  g_assert_nonnull (strstr (message, "“Product backlog”"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "observed.apply", NULL));
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 0);
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (backlog)), ==, wait_before);

  fm_observed_panel_set_cache (panel, NULL);
  fm_observed_panel_set_session (panel, NULL);
  g_object_unref (panel);
  g_assert_finalize_object (cache);
  fm_test_run_idles ();
}

/* The as-of date and the type filter: the session's, shown and picked
 * on the page, and every figure follows them. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  FmMetricsCache *cache = fm_metrics_cache_new ();
  FmObservedPanel *panel = g_object_ref_sink (FM_OBSERVED_PANEL (fm_observed_panel_new ()));
  g_autoptr(GDateTime) picked = g_date_time_new_local (2026, 10, 31, 12, 0, 0);
  const char * const defects[] = { "defect", NULL };
  FmObserved *o;

  fm_metrics_cache_set_map (cache, f->doc, f->map);
  fm_observed_panel_set_cache (panel, cache);
  fm_observed_panel_set_session (panel, f->session);
  import_example (f);
  fm_test_run_idles ();
  g_assert_cmpstr (adw_action_row_get_subtitle (panel->as_of_row), ==, "20 November 2026, the end of the data");
  g_assert_false (gtk_widget_get_visible (panel->as_of_reset));
  /* The types of the data, in the order of their names, after "All". */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel->type_row)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (panel->type_names)), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (panel->type_names, 2), ==, "defect");

  /* 31 October picked: as of its end, in the data's time zone (UTC).
   * Finished by then: the 74 less the 9 of 6 November and the 3 of 20
   * November, 62; all 86 had started, so 24 in progress. The whole weeks
   * are the 15 from 13 July to the one of 19 October (that of 26 October
   * ends on 1 November), holding all 62: 62 / 15 = 4.13 a week. */
  gtk_calendar_select_day (panel->as_of_calendar, picked);
  g_assert_nonnull (fm_observed_session_get_as_of (f->session));
  g_assert_cmpint (g_date_time_to_unix (fm_observed_session_get_as_of (f->session)), ==, 1793491200);
  fm_observed_panel_flush (panel);
  o = fm_observed_panel_get_observed (panel);
  g_assert_cmpuint (o->finished, ==, 62);
  g_assert_cmpuint (o->in_progress, ==, 24);
  g_assert_cmpstr (figure (panel, "throughput"), ==, "4.1 a week");
  g_assert_cmpstr (adw_action_row_get_subtitle (panel->as_of_row), ==, "31 October 2026");
  g_assert_true (gtk_widget_get_visible (panel->as_of_reset));

  /* Back to the end of the data. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "observed.as-of-end", NULL));
  fm_observed_panel_flush (panel);
  g_assert_null (fm_observed_session_get_as_of (f->session));
  g_assert_cmpuint (fm_observed_panel_get_observed (panel)->finished, ==, 74);

  /* Defects: 17 finished, the first in the week of 13 July, so 18 whole
   * weeks to the one of 9 November: 17 / 18 = 0.94 a week; 2 in progress. */
  adw_combo_row_set_selected (panel->type_row, 2);
  g_assert_true (g_strv_equal (fm_observed_session_get_types (f->session), defects));
  fm_observed_panel_flush (panel);
  o = fm_observed_panel_get_observed (panel);
  g_assert_cmpuint (o->finished, ==, 17);
  g_assert_cmpstr (figure (panel, "items"), ==, "19");
  g_assert_cmpstr (figure (panel, "throughput"), ==, "0.9 a week");
  g_assert_cmpuint (fm_observed_panel_get_series (panel)->finishes->len, ==, 17);

  adw_combo_row_set_selected (panel->type_row, 0);
  fm_observed_panel_flush (panel);
  g_assert_null (fm_observed_session_get_types (f->session));
  g_assert_cmpuint (fm_observed_panel_get_observed (panel)->finished, ==, 74);

  fm_observed_panel_set_cache (panel, NULL);
  fm_observed_panel_set_session (panel, NULL);
  g_object_unref (panel);
  g_assert_finalize_object (cache);
  fm_test_run_idles ();
}

/* Working time: offered when the document has a working calendar (typed
 * in the inspector, which refuses what the file could not hold), and the
 * figures are then in its working seconds; test-cli-observe.c works them
 * out by hand. */
static void
test_working_time (Fixture       *f,
                   gconstpointer  data)
{
  FmMetricsCache *cache = fm_metrics_cache_new ();
  FmObservedPanel *panel = g_object_ref_sink (FM_OBSERVED_PANEL (fm_observed_panel_new ()));
  FmCanvasState *state = fm_canvas_state_new ();
  FmInspector *inspector = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));
  GtkWidget *hours, *holidays;
  double elapsed_p50;
  FmObserved *o;

  /* The example has a working calendar (for its working days of touch
   * time); this test enters one. */
  fm_document_set (f->doc, NULL, NULL, "working-hours", NULL, NULL);
  fm_metrics_cache_set_map (cache, f->doc, f->map);
  fm_observed_panel_set_cache (panel, cache);
  fm_observed_panel_set_session (panel, f->session);
  import_example (f);
  fm_test_run_idles ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel->working_row)));
  elapsed_p50 = fm_observed_panel_get_observed (panel)->lead_time_p50_s;

  fm_inspector_set_map (inspector, f->doc, f->map, state);
  fm_test_run_idles ();
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "document");
  hours = fm_inspector_get_field (inspector, "working-hours");
  holidays = fm_inspector_get_field (inspector, "holidays");
  gtk_editable_set_text (GTK_EDITABLE (hours), "weekdays");
  fm_test_run_idles ();
  g_assert_null (fm_document_get_working_hours (f->doc));
  gtk_editable_set_text (GTK_EDITABLE (hours), "Mon-Fri 09:00-17:00");
  fm_test_run_idles ();
  g_assert_cmpstr (fm_document_get_working_hours (f->doc), ==, "Mon-Fri 09:00-17:00");
  gtk_editable_set_text (GTK_EDITABLE (holidays), "2026-10-03, 2026-02-30");
  fm_test_run_idles ();
  g_assert_null (fm_document_get_holidays (f->doc));
  gtk_editable_set_text (GTK_EDITABLE (holidays), "2026-10-03");
  fm_test_run_idles ();
  g_assert_cmpstr (fm_document_get_holidays (f->doc), ==, "2026-10-03");

  fm_observed_panel_flush (panel);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel->working_row)));
  g_assert_null (fm_observed_panel_get_observed (panel)->calendar);
  gtk_switch_set_active (panel->working_switch, TRUE);
  g_assert_true (fm_observed_session_get_working_time (f->session));
  fm_observed_panel_flush (panel);
  o = fm_observed_panel_get_observed (panel);
  g_assert_nonnull (o->calendar);
  /* At most 8 hours of each 24, 5 days of each 7. */
  g_assert_cmpfloat (o->lead_time_p50_s, <=, elapsed_p50 * 8 / 24 * 5 / 7 + 8 * 3600);
  g_assert_cmpfloat (o->lead_time_p50_s, >, elapsed_p50 * 8 / 24 * 5 / 7 - 2 * 8 * 3600);

  gtk_switch_set_active (panel->working_switch, FALSE);
  fm_observed_panel_flush (panel);
  g_assert_cmpfloat (fm_observed_panel_get_observed (panel)->lead_time_p50_s, ==, elapsed_p50);

  fm_inspector_set_map (inspector, NULL, NULL, NULL);
  g_object_unref (inspector);
  g_assert_finalize_object (state);
  fm_observed_panel_set_cache (panel, NULL);
  fm_observed_panel_set_session (panel, NULL);
  g_object_unref (panel);
  g_assert_finalize_object (cache);
  fm_test_run_idles ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                          : ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))
                          : NULL;

      if (g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Experiments page: the bundled experiment's evidence beside its
 * measure, and an empty baseline filled from the data in one step. The
 * figures are those test-cli-observe.c checks in the JSON. */
static void
test_experiments (Fixture       *f,
                  gconstpointer  data)
{
  FmExperimentsView *view = g_object_ref_sink (g_object_new (FM_TYPE_EXPERIMENTS_VIEW, NULL));
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  FmKaizen *kaizen = FM_KAIZEN (fm_map_lookup_node (f->map, "kaizen-security"));
  const char *title = "Security checks run in every pipeline build";
  GtkWidget *row, *fill;

  fm_experiments_view_set_map (view, f->doc, f->map, NULL);
  fm_experiments_view_set_session (view, f->session);
  fm_test_run_idles ();
  row = find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "stays"));

  import_example (f);
  fm_test_run_idles ();
  row = find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Days from code complete to security sign-off: 16 d → 1 d\n"
                            "Waiting for security review: 13.8 d → 4.7 d, 42 → 53 stays\n"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "18 → 17 items"));
  /* The baseline is there: nothing to fill. */
  g_assert_null (find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Fill Baseline"));

  fm_document_set (f->doc, f->map, "kaizen-security", "baseline", NULL, NULL);
  fm_undo_stack_seal (stack);
  fm_test_run_idles ();
  fill = find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Fill Baseline");
  g_assert_nonnull (fill);
  g_signal_emit_by_name (fill, "clicked");
  /* 1,188,450 s (test-cli-observe.c) ÷ 86,400 = 13.76 d */
  g_assert_cmpstr (fm_kaizen_get_baseline (kaizen), ==, "13.8 d");
  g_assert_cmpstr (fm_undo_stack_get_undo_label (stack), ==, "Change Baseline");
  g_assert_true (fm_undo_stack_undo (stack));
  g_assert_null (fm_kaizen_get_baseline (kaizen));

  fm_experiments_view_set_session (view, NULL);
  fm_experiments_view_set_map (view, NULL, NULL, NULL);
  g_object_unref (view);
  fm_test_run_idles ();
}

/* Typing over a measured time makes it an estimate again, in one step
 * that undo takes back whole. */
static void
test_inspector (Fixture       *f,
                gconstpointer  data)
{
  FmCanvasState *state = fm_canvas_state_new ();
  FmInspector *inspector = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  FmNode *refine = fm_map_lookup_node (f->map, "refine");
  GtkWidget *lead, *process;
  guint depth;

  fm_document_set (f->doc, f->map, "refine", "lead-s", 3 * DAY,
                   "observed", "observed 2026-05-18 – 2026-11-25, median of 86 items", NULL);
  fm_undo_stack_seal (stack);
  depth = fm_undo_stack_get_depth (stack);

  fm_inspector_set_map (inspector, f->doc, f->map, state);
  fm_canvas_state_select (state, "refine", FALSE);
  fm_test_run_idles ();
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "node");

  /* The process time is not measured: typing it keeps the mark. */
  process = fm_inspector_get_field (inspector, "process-s");
  gtk_editable_set_text (GTK_EDITABLE (process), "5h");
  fm_test_run_idles ();
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (refine)), ==, 5 * 3600);
  g_assert_nonnull (fm_node_get_observed (refine));
  fm_undo_stack_seal (stack);
  depth = fm_undo_stack_get_depth (stack);

  lead = fm_inspector_get_field (inspector, "lead-s");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead)), ==, "3 d");
  gtk_editable_set_text (GTK_EDITABLE (lead), "4d");
  fm_test_run_idles ();
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (refine)), ==, 4 * DAY);
  g_assert_null (fm_node_get_observed (refine));
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth + 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (stack), ==, "Change Lead Time");

  g_assert_true (fm_undo_stack_undo (stack));
  fm_test_run_idles ();
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (refine)), ==, 3 * DAY);
  g_assert_cmpstr (fm_node_get_observed (refine), ==, "observed 2026-05-18 – 2026-11-25, median of 86 items");

  /* A queue's wait likewise. */
  fm_document_set (f->doc, f->map, "ready", "observed", "observed, median of 86 items", NULL);
  fm_undo_stack_seal (stack);
  fm_canvas_state_select (state, "ready", FALSE);
  fm_test_run_idles ();
  gtk_editable_set_text (GTK_EDITABLE (fm_inspector_get_field (inspector, "wait-s")), "9d");
  fm_test_run_idles ();
  g_assert_null (fm_node_get_observed (fm_map_lookup_node (f->map, "ready")));
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (fm_map_lookup_node (f->map, "ready"))), ==, 9 * DAY);

  fm_inspector_set_map (inspector, NULL, NULL, NULL);
  g_object_unref (inspector);
  g_assert_finalize_object (state);
  fm_test_run_idles ();
}

/* With data, the started experiment gets a slide of its own after the
 * comparison: the measure and the figures before → after its start (the
 * same as the Experiments page), beside the queue it changes. */
static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  FmPresentation *presentation = g_object_ref_sink (FM_PRESENTATION (fm_presentation_new (f->doc, f->map)));
  g_autofree char *text = NULL;

  /* The release story: map, three constraints, cycle time / takt, future
   * state, comparison. */
  g_assert_cmpuint (fm_presentation_get_n_slides (presentation), ==, 7);
  fm_presentation_set_observed (presentation, f->session);
  g_assert_cmpuint (fm_presentation_get_n_slides (presentation), ==, 7);

  import_example (f);
  fm_presentation_set_observed (presentation, NULL);
  fm_presentation_set_observed (presentation, f->session);
  /* Only the security experiment has a start date; the future state's
   * copy of it gets no second slide. The data's charts come before it
   * (test-presentation-charts.c). */
  g_assert_cmpuint (fm_presentation_get_n_slides (presentation), ==, 11);
  fm_presentation_set_slide (presentation, 10);
  g_assert_cmpstr (fm_presentation_get_slide_kind (presentation), ==, "experiment");
  g_assert_cmpstr (fm_presentation_get_slide_title (presentation), ==,
                   "Experiment 1 of 1: Security checks run in every pipeline build");
  text = fm_presentation_get_slide_text (presentation);
  g_assert_nonnull (strstr (text, "Started 17 August 2026"));
  g_assert_nonnull (strstr (text, "Days from code complete to security sign-off: 16 d → 1 d\n"
                                  "Waiting for security review: 13.8 d → 4.7 d, 42 → 53 stays\n"));
  g_assert_nonnull (strstr (text, "18 → 17 items"));

  /* The data closed: the story as before. */
  fm_presentation_set_observed (presentation, NULL);
  g_assert_cmpuint (fm_presentation_get_n_slides (presentation), ==, 7);
  g_assert_cmpstr (fm_presentation_get_slide_kind (presentation), ==, "comparison");

  g_assert_finalize_object (presentation);
  fm_test_run_idles ();
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

  ADD ("/fm/observed-ui/dialog-inputs", test_dialog_inputs);
  ADD ("/fm/observed-ui/dialog-choices", test_dialog_choices);
  ADD ("/fm/observed-ui/panel", test_panel);
  ADD ("/fm/observed-ui/panel-too-long", test_panel_too_long);
  ADD ("/fm/observed-ui/inspector", test_inspector);
  ADD ("/fm/observed-ui/filter", test_filter);
  ADD ("/fm/observed-ui/experiments", test_experiments);
  ADD ("/fm/observed-ui/working-time", test_working_time);
  ADD ("/fm/observed-ui/presentation", test_presentation);

  return g_test_run ();
}
