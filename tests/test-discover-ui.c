/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-discover-ui.c: New Map from Event Data on the bundled export: the
 * threshold, the variants, Add Map as one undo step
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
  FmObservedLog *log;
  GArray *roles;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fm_test_example_path ("release-observed.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->doc = fm_test_load_example ("release.flowmap");
  f->log = fm_event_log_load_file (file, FM_EVENT_LOG_AUTO, NULL, &f->roles, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->log);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->roles, g_array_unref);
  g_clear_pointer (&f->log, fm_observed_log_unref);
  g_assert_finalize_object (f->doc);
}

static const char *
counts (FmDiscoverDialog *dialog)
{
  return gtk_label_get_label (dialog->counts);
}

static GtkWidget *
first_add_button (AdwActionRow *row)
{
  /* The row's one suffix: walk its children for the button. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL; )
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
              if (w == GTK_WIDGET (row))
                return NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
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
  FmDiscoverDialog *dialog = fm_discover_dialog_present (NULL, f->doc, f->log, f->roles, "release-observed.csv");
  g_autoptr(FmDiscovery) discovery = NULL;
  const FmDiscoverVariant *first;
  AdwActionRow *row;
  g_autofree char *states = NULL;
  g_autofree char *subtitle_start = NULL;
  FmMap *map;
  guint steps = 0, queues = 0;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  fm_test_run_idles ();
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
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (dialog->variants, 0));
  states = g_strjoinv (" → ", first->states);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, states);
  subtitle_start = g_strdup_printf ("%u items, %.1f %%", first->items, 100.0 * first->share);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), subtitle_start));
  g_assert_null (gtk_list_box_get_row_at_index (dialog->variants,
                                                (int) fm_discovery_get_n_variants (discovery)));

  /* The threshold redrafts; the variants stay every finished item's. */
  gtk_spin_button_set_value (dialog->min_share, 0.5);
  g_assert_nonnull (strstr (counts (dialog), "(0 rework)"));
  g_assert_cmpuint (fm_discovery_get_n_variants (fm_discover_dialog_get_discovery (dialog)), ==,
                    fm_discovery_get_n_variants (discovery));
  gtk_spin_button_set_value (dialog->min_share, 0.05);
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

/* A variant's row adds the variant's own map, and keeps the dialog open. */
static void
test_add_variant (Fixture       *f,
                  gconstpointer  data)
{
  guint n_maps = fm_document_get_n_maps (f->doc);
  FmDiscoverDialog *dialog = fm_discover_dialog_present (NULL, f->doc, f->log, f->roles, NULL);
  FmDiscovery *discovery = fm_discover_dialog_get_discovery (dialog);
  const FmDiscoverVariant *second = fm_discovery_get_variant (discovery, 1);
  GtkWidget *add = first_add_button (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (dialog->variants, 1)));
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

/* From the window: a file that is not an event log is said as a document
 * that cannot be opened is; the export drafts a map the window shows. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *release = fm_test_example_path ("release.flowmap");
  g_autofree char *csv = fm_test_example_path ("release-observed.csv");
  g_autofree char *dir = fm_test_make_tmp_dir ("discover-ui");
  g_autofree char *bad_path = g_build_filename (dir, "bad.xes", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (release);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) log = g_file_new_for_path (csv);
  FmWindow *window = g_object_ref_sink (fm_window_new (NULL));
  GtkWindow *dialog;
  guint n_maps;

  g_assert_true (g_file_set_contents (bad_path, "<log><trace></log>", -1, NULL));
  g_assert_true (fm_window_load_file (window, file, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  n_maps = fm_document_get_n_maps (window->document);

  fm_window_new_map_from_data (window, bad);
  g_assert_null (dialog_over (window, FM_TYPE_DISCOVER_DIALOG));
  dialog = dialog_over (window, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Could Not Read Event Data");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "bad.xes"));
  gtk_window_destroy (dialog);

  fm_window_new_map_from_data (window, log);
  dialog = dialog_over (window, FM_TYPE_DISCOVER_DIALOG);
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (FM_DISCOVER_DIALOG (dialog)->add_button, "clicked");
  fm_test_run_idles ();
  g_assert_cmpuint (fm_document_get_n_maps (window->document), ==, n_maps + 1);
  g_assert_true (window->map == fm_document_get_map (window->document, n_maps));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  fm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (fm_test_skip_without_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fm/discover-ui/add-map", Fixture, NULL, fixture_set_up, test_add_map, fixture_tear_down);
  g_test_add ("/fm/discover-ui/add-variant", Fixture, NULL, fixture_set_up, test_add_variant, fixture_tear_down);
  g_test_add ("/fm/discover-ui/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);

  return g_test_run ();
}
