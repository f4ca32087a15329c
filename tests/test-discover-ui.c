/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-discover-ui.c: New Map from Event Data on the bundled export: the
 * read in a thread, the preview, the states' roles, the threshold, the
 * variants, Add Map as one undo step and Open in New Window
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-discover-dialog-private.h"
#include "fm-event-log.h"
#include "fm-test-utils.h"
#include "fm-window-private.h"

typedef struct {
  FmDocument *doc;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fm_test_example_path ("release-observed.csv");

  f->doc = fm_test_load_example ("release.flowmap");
  f->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
  g_assert_finalize_object (f->doc);
}

static const char *
counts (FmDiscoverDialog *dialog)
{
  return gtk_label_get_label (dialog->counts);
}

/* Runs the main loop until the dialog's read or draft is applied. */
static void
wait_for (FmDiscoverDialog *dialog)
{
  while (fm_discover_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
}

static FmDiscoverDialog *
present_and_wait (GtkWindow  *parent,
                  FmDocument *doc,
                  GFile      *file)
{
  FmDiscoverDialog *dialog = fm_discover_dialog_present (parent, doc, file);

  wait_for (dialog);
  return dialog;
}

static GtkListBox *
variants (FmDiscoverDialog *dialog)
{
  return fm_variant_list_get_list_box (dialog->variants);
}

static GtkWidget *
first_button (GtkWidget *row)
{
  /* The row's one suffix: walk its children for the button. */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
    {
      if (GTK_IS_BUTTON (w))
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == row)
                return NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* The text of the preview's label at @column, @row. */
static const char *
preview_cell (FmDiscoverDialog *dialog,
              int               column,
              int               row)
{
  GtkWidget *label = gtk_grid_get_child_at (dialog->preview_grid, column, row);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
state_row (FmDiscoverDialog *dialog,
           const char       *state)
{
  for (guint i = 0; i < dialog->state_rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (dialog->state_rows->pdata[i]), state) == 0)
      return dialog->state_rows->pdata[i];

  g_assert_not_reached ();
}

/* The file is read in a thread: nothing of it is shown until the main
 * loop applies the result; then the preview, the states and the draft. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  FmDiscoverDialog *dialog = fm_discover_dialog_present (NULL, f->doc, f->file);
  g_autofree char *states = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (fm_discover_dialog_is_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "loading");
  g_assert_null (fm_discover_dialog_get_discovery (dialog));
  g_assert_false (gtk_widget_is_sensitive (dialog->add_button));
  g_assert_false (gtk_widget_is_sensitive (dialog->window_button));

  wait_for (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "content");
  g_assert_null (fm_discover_dialog_get_error (dialog));
  g_assert_nonnull (fm_discover_dialog_get_discovery (dialog));
  g_assert_true (gtk_widget_is_sensitive (dialog->add_button));
  g_assert_true (gtk_widget_is_sensitive (dialog->window_button));
  g_assert_nonnull (strstr (counts (dialog), "(5 steps, 5 queues)"));

  /* The preview: the header, each column's role, the first row of data. */
  g_assert_true (gtk_widget_get_visible (dialog->preview));
  g_assert_cmpstr (preview_cell (dialog, 0, 0), ==, "Line");
  g_assert_cmpstr (preview_cell (dialog, 1, 0), ==, "item");
  g_assert_cmpstr (preview_cell (dialog, 3, 1), ==, "state");
  g_assert_cmpstr (preview_cell (dialog, 0, 2), ==, "2");
  g_assert_cmpstr (preview_cell (dialog, 1, 2), ==, "SHOP-1201");
  g_assert_cmpstr (preview_cell (dialog, 3, 2), ==, "Backlog");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (dialog->file_group),
                            "separated by commas: 86 items in 11 states"));

  /* A row per state, with its role by its name and its visits. */
  g_assert_cmpuint (dialog->state_rows->len, ==, 11);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state_row (dialog, "Backlog"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state_row (dialog, "Refinement"))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state_row (dialog, "Done"))), ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (state_row (dialog, "Security Review"))), ==,
                   "By its name · 106 visits");

  gtk_window_destroy (GTK_WINDOW (dialog));
  fm_test_run_idles ();
  g_assert_null (dialog);
}

/* Closed while reading: the thread's result is let go, nothing is added,
 * and the dialog is gone once the thread is done with it. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  guint n_maps = fm_document_get_n_maps (f->doc);
  FmDiscoverDialog *dialog = fm_discover_dialog_present (NULL, f->doc, f->file);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (fm_discover_dialog_is_busy (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  /* The task holds the dialog until its thread returns. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps);
}

/* The release export drafts the release map's five steps and five queues
 * with its two rework loops (docs/discovery.md); at a threshold of 0.5
 * neither loop (16 and 9 of 86 items) is drawn. */
static void
test_add_map (Fixture       *f,
              gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  guint n_maps = fm_document_get_n_maps (f->doc);
  FmDiscoverDialog *dialog = present_and_wait (NULL, f->doc, f->file);
  g_autoptr(FmDiscovery) discovery = NULL;
  const FmDiscoverVariant *first;
  AdwActionRow *row;
  g_autofree char *states = NULL;
  g_autofree char *subtitle_start = NULL;
  FmMap *map;
  guint steps = 0, queues = 0;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpfloat (gtk_spin_button_get_value (dialog->min_share), ==, 0.05);
  g_assert_nonnull (strstr (counts (dialog), "(5 steps, 5 queues)"));
  g_assert_nonnull (strstr (counts (dialog), "(2 rework)"));
  g_assert_nonnull (strstr (counts (dialog), "from 86 items"));

  /* The first row is the most frequent variant. */
  discovery = fm_discovery_ref (fm_discover_dialog_get_discovery (dialog));
  g_assert_cmpuint (fm_discovery_get_n_variants (discovery), >, 1);
  first = fm_discovery_get_variant (discovery, 0);
  g_assert_cmpuint (first->items, >=, fm_discovery_get_variant (discovery, 1)->items);
  g_assert_cmpstr (first->states[0], ==, "Backlog");
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (variants (dialog), 0));
  states = g_strjoinv (" → ", first->states);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, states);
  subtitle_start = g_strdup_printf ("%u items, %.1f %%", first->items, 100.0 * first->share);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), subtitle_start));
  g_assert_null (gtk_list_box_get_row_at_index (variants (dialog), (int) fm_discovery_get_n_variants (discovery)));

  /* The threshold redrafts in a thread; the variants stay every finished item's. */
  gtk_spin_button_set_value (dialog->min_share, 0.5);
  g_assert_true (fm_discover_dialog_is_busy (dialog));
  g_assert_false (gtk_widget_is_sensitive (dialog->add_button));
  wait_for (dialog);
  g_assert_nonnull (strstr (counts (dialog), "(0 rework)"));
  g_assert_cmpuint (fm_discovery_get_n_variants (fm_discover_dialog_get_discovery (dialog)), ==,
                    fm_discovery_get_n_variants (discovery));
  gtk_spin_button_set_value (dialog->min_share, 0.05);
  wait_for (dialog);
  g_assert_nonnull (strstr (counts (dialog), "(2 rework)"));
  g_clear_pointer (&discovery, fm_discovery_unref);
  discovery = fm_discovery_ref (fm_discover_dialog_get_discovery (dialog));

  /* Add Map: one more map, the draft's nodes, and the dialog closes. */
  g_signal_emit_by_name (dialog->add_button, "clicked");
  fm_test_run_idles ();
  g_assert_null (dialog);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps + 1);
  map = fm_document_get_map (f->doc, n_maps);
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, fm_discovery_get_n_nodes (discovery));
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, fm_discovery_get_n_edges (discovery));
  for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);
      FmNode *drawn = fm_map_lookup_node (map, node->id);

      g_assert_nonnull (drawn);
      g_assert_cmpint (fm_node_get_kind (drawn), ==, node->kind);
      g_assert_cmpstr (fm_node_get_label (drawn), ==, node->label);
      steps += node->kind == FM_NODE_KIND_PROCESS;
      queues += node->kind == FM_NODE_KIND_QUEUE;
    }
  g_assert_cmpuint (steps, ==, 5);
  g_assert_cmpuint (queues, ==, 5);
  g_assert_nonnull (fm_map_lookup_node (map, "in-development"));

  /* One undo removes it. */
  fm_undo_stack_undo (stack);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps);
}

/* A role chosen for a state drafts again with it, and the map added
 * follows: Refinement as a queue, Waiting for Environment left out. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  guint n_maps = fm_document_get_n_maps (f->doc);
  FmDiscoverDialog *dialog = present_and_wait (NULL, f->doc, f->file);
  GtkWidget *refinement = state_row (dialog, "Refinement");
  GtkWidget *environment = state_row (dialog, "Waiting for Environment");
  FmMap *map;
  gboolean found_environment = FALSE;

  adw_combo_row_set_selected (ADW_COMBO_ROW (refinement), 0);
  g_assert_true (fm_discover_dialog_is_busy (dialog));
  wait_for (dialog);
  g_assert_nonnull (strstr (counts (dialog), "(4 steps, 6 queues)"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (refinement)), "Chosen by hand"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (environment)), "By its name"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (environment), 4);
  wait_for (dialog);
  g_assert_nonnull (strstr (counts (dialog), "(4 steps, 5 queues)"));
  g_assert_cmpint (fm_discovery_get_role (fm_discover_dialog_get_discovery (dialog),
                                          fm_observed_log_lookup_state (dialog->log, "Waiting for Environment")),
                   ==, FM_DISCOVER_ROLE_OMIT);
  g_assert_true (gtk_widget_has_css_class (environment, "fm-unmapped"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "discover.add", NULL));
  fm_test_run_idles ();
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps + 1);
  map = fm_document_get_map (f->doc, n_maps);
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      if (g_strcmp0 (fm_node_get_label (node), "Refinement") == 0)
        g_assert_cmpint (fm_node_get_kind (node), ==, FM_NODE_KIND_QUEUE);
      found_environment |= g_strcmp0 (fm_node_get_label (node), "Waiting for Environment") == 0;
    }
  g_assert_false (found_environment);
}

/* A variant's row adds the variant's own map, and keeps the dialog open. */
static void
test_add_variant (Fixture       *f,
                  gconstpointer  data)
{
  guint n_maps = fm_document_get_n_maps (f->doc);
  FmDiscoverDialog *dialog = present_and_wait (NULL, f->doc, f->file);
  FmDiscovery *discovery = fm_discover_dialog_get_discovery (dialog);
  const FmDiscoverVariant *second = fm_discovery_get_variant (discovery, 1);
  GtkWidget *add = first_button (GTK_WIDGET (gtk_list_box_get_row_at_index (variants (dialog), 1)));
  FmMap *map;

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps + 1);
  map = fm_document_get_map (f->doc, n_maps);
  for (guint i = 0; i < second->n_states; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < fm_map_get_n_nodes (map) && !found; j++)
        found = g_strcmp0 (fm_node_get_label (fm_map_get_node (map, j)), second->states[i]) == 0
                || strstr (fm_node_get_label (fm_map_get_node (map, j)), second->states[i]) != NULL;
      g_assert_true (found);
    }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  fm_undo_stack_undo (fm_document_get_undo_stack (f->doc));
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, n_maps);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fm_test_run_idles ();
}

/* An XES log: no rows to preview, and the roles its start and complete
 * events give (activities, the waits between them) said as the file's. */
static void
test_xes (Fixture       *f,
          gconstpointer  data)
{
  static const char text[] =
    "<log><trace><string key=\"concept:name\" value=\"a\"/>"
    "<event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"start\"/>"
    "<date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>"
    "<event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"complete\"/>"
    "<date key=\"time:timestamp\" value=\"2026-03-02T11:00:00Z\"/></event>"
    "<event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/>"
    "<date key=\"time:timestamp\" value=\"2026-03-02T13:00:00Z\"/></event>"
    "<event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"complete\"/>"
    "<date key=\"time:timestamp\" value=\"2026-03-02T14:00:00Z\"/></event>"
    "</trace></log>";
  g_autofree char *dir = fm_test_make_tmp_dir ("discover-ui-xes");
  g_autofree char *path = g_build_filename (dir, "cases.xes", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FmDiscoverDialog *dialog;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  dialog = present_and_wait (NULL, f->doc, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "content");
  g_assert_false (gtk_widget_get_visible (dialog->preview));
  g_assert_cmpstr (adw_preferences_group_get_description (dialog->file_group), ==, "1 item in 4 states");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state_row (dialog, "Review"))), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (state_row (dialog, "Review"))), ==,
                   "From the file’s start and complete events · 1 visit");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state_row (dialog, "Waiting for Approve"))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  fm_test_run_idles ();
  fm_test_remove_tree (dir);
}

/* Very many states and variants: the first 200 of each get a row, the
 * rest are counted. 250 items, each Backlog → its own step → Done. */
static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *dir = fm_test_make_tmp_dir ("discover-ui-many");
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("item,state,entered_at\n");
  FmDiscoverDialog *dialog;
  GtkListBoxRow *last;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (text,
                            "M-%u,Backlog,2026-03-02T09:00:00Z\n"
                            "M-%u,Step %u,2026-03-02T10:00:00Z\n"
                            "M-%u,Done,2026-03-02T12:00:00Z\n", i, i, i, i);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  dialog = present_and_wait (NULL, f->doc, file);

  g_assert_cmpuint (fm_discovery_get_n_variants (fm_discover_dialog_get_discovery (dialog)), ==, 250);
  g_assert_nonnull (gtk_list_box_get_row_at_index (variants (dialog), 200));
  g_assert_null (gtk_list_box_get_row_at_index (variants (dialog), 201));
  last = gtk_list_box_get_row_at_index (variants (dialog), 200);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), ==, "And 50 more variants");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (last)), "50 items, 20.0 %"));

  g_assert_cmpuint (dialog->state_rows->len, ==, 200);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (dialog->states_group), "first 200 of 252"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  fm_test_run_idles ();
  fm_test_remove_tree (dir);
}

/* The window's dialog over it with this kind, or NULL. */
static GtkWindow *
dialog_over (FmWindow *window,
             GType     type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (window) && G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

/* A window on screen other than @than, or NULL. */
static FmWindow *
other_window (FmWindow *than)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (FM_IS_WINDOW (w) && FM_WINDOW (w) != than)
        return FM_WINDOW (w);
    }
  return NULL;
}

/* From the window: a file that is not an event log is said in the
 * dialog; the export drafts a map the window shows. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *release = fm_test_example_path ("release.flowmap");
  g_autofree char *dir = fm_test_make_tmp_dir ("discover-ui");
  g_autofree char *bad_path = g_build_filename (dir, "bad.xes", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (release);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  FmWindow *window = g_object_ref_sink (fm_window_new (NULL));
  FmDiscoverDialog *dialog;
  guint n_maps;

  g_assert_true (g_file_set_contents (bad_path, "<log><trace></log>", -1, NULL));
  g_assert_true (fm_window_load_file (window, file, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  n_maps = fm_document_get_n_maps (window->document);

  fm_window_new_map_from_data (window, bad);
  dialog = FM_DISCOVER_DIALOG (dialog_over (window, FM_TYPE_DISCOVER_DIALOG));
  g_assert_nonnull (dialog);
  wait_for (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "error");
  g_assert_nonnull (strstr (fm_discover_dialog_get_error (dialog), "bad.xes"));
  g_assert_false (gtk_widget_is_sensitive (dialog->add_button));
  gtk_window_destroy (GTK_WINDOW (dialog));

  fm_window_new_map_from_data (window, f->file);
  dialog = FM_DISCOVER_DIALOG (dialog_over (window, FM_TYPE_DISCOVER_DIALOG));
  g_assert_nonnull (dialog);
  wait_for (dialog);
  g_signal_emit_by_name (dialog->add_button, "clicked");
  fm_test_run_idles ();
  g_assert_cmpuint (fm_document_get_n_maps (window->document), ==, n_maps + 1);
  g_assert_true (window->map == fm_document_get_map (window->document, n_maps));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  fm_test_remove_tree (dir);
}

/* Open in New Window: a new untitled document of the draft alone, unsaved
 * and with nothing to undo, the variants beside it; the document the
 * dialog was over is left as it was. */
static void
test_new_window (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *release = fm_test_example_path ("release.flowmap");
  g_autoptr(GFile) file = g_file_new_for_path (release);
  FmWindow *window = g_object_ref_sink (fm_window_new (NULL));
  FmDiscoverDialog *dialog;
  g_autoptr(FmDiscovery) discovery = NULL;
  FmWindow *opened;
  FmUndoStack *stack;
  GtkWidget *page;
  GtkListBox *list;
  guint n_maps;

  g_assert_true (fm_window_load_file (window, file, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  n_maps = fm_document_get_n_maps (window->document);

  fm_window_new_map_from_data (window, f->file);
  dialog = FM_DISCOVER_DIALOG (dialog_over (window, FM_TYPE_DISCOVER_DIALOG));
  wait_for (dialog);
  discovery = fm_discovery_ref (fm_discover_dialog_get_discovery (dialog));
  g_assert_null (other_window (window));
  g_signal_emit_by_name (dialog->window_button, "clicked");
  fm_test_run_idles ();
  g_assert_null (dialog_over (window, FM_TYPE_DISCOVER_DIALOG));
  g_assert_cmpuint (fm_document_get_n_maps (window->document), ==, n_maps);

  opened = other_window (window);
  g_assert_nonnull (opened);
  g_object_ref (opened);
  g_assert_null (opened->file);
  g_assert_cmpuint (fm_document_get_n_maps (opened->document), ==, 1);
  g_assert_cmpuint (fm_map_get_n_nodes (opened->map), ==, fm_discovery_get_n_nodes (discovery));
  g_assert_cmpuint (fm_map_get_n_edges (opened->map), ==, fm_discovery_get_n_edges (discovery));
  stack = fm_document_get_undo_stack (opened->document);
  g_assert_false (fm_undo_stack_get_can_undo (stack));
  g_assert_true (fm_undo_stack_get_modified (stack));

  /* The Variants page beside the map, shown; a variant adds a map there. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (opened->side_stack), ==, "variants");
  page = gtk_stack_get_child_by_name (opened->side_stack, "variants");
  list = NULL;
  for (GtkWidget *w = page; w != NULL && list == NULL; w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL && list == NULL; c = gtk_widget_get_next_sibling (c))
      if (FM_IS_VARIANT_LIST (c))
        list = fm_variant_list_get_list_box (FM_VARIANT_LIST (c));
  g_assert_nonnull (list);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int) fm_discovery_get_n_variants (discovery) - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) fm_discovery_get_n_variants (discovery)));
  g_signal_emit_by_name (first_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))), "clicked");
  g_assert_cmpuint (fm_document_get_n_maps (opened->document), ==, 2);
  g_assert_cmpuint (fm_document_get_n_maps (window->document), ==, n_maps);

  /* Another document in that window: the page goes. */
  g_assert_true (fm_window_load_file (opened, file, FALSE));
  g_assert_null (gtk_stack_get_child_by_name (opened->side_stack, "variants"));

  gtk_window_destroy (GTK_WINDOW (opened));
  g_object_unref (opened);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
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

  g_test_add ("/fm/discover-ui/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/fm/discover-ui/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/fm/discover-ui/add-map", Fixture, NULL, fixture_set_up, test_add_map, fixture_tear_down);
  g_test_add ("/fm/discover-ui/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/fm/discover-ui/add-variant", Fixture, NULL, fixture_set_up, test_add_variant, fixture_tear_down);
  g_test_add ("/fm/discover-ui/xes", Fixture, NULL, fixture_set_up, test_xes, fixture_tear_down);
  g_test_add ("/fm/discover-ui/many", Fixture, NULL, fixture_set_up, test_many, fixture_tear_down);
  g_test_add ("/fm/discover-ui/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/fm/discover-ui/new-window", Fixture, NULL, fixture_set_up, test_new_window, fixture_tear_down);

  return g_test_run ();
}
