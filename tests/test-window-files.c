/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-files.c: opening over a document and new maps from templates
 *
 * Open, Open Recent and a dropped file replace the window's document; with
 * changes not saved, the Save / Discard / Cancel question comes first. The
 * question is a real AdwMessageDialog: the tests answer it as a click on
 * one of its buttons would, with adw_message_dialog_response().
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fm-json.h"
#include "fm-template-dialog.h"
#include "fm-test-utils.h"
#include "fm-window.h"

typedef struct {
  FmWindow *window;
  char *dir;
  GFile *release;   /* a copy of the example, in dir */
  GFile *other;     /* a copy of the support template, in dir */
} Fixture;

static GFile *
copy_to (const char *source,
         const char *dir,
         const char *name)
{
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *release = fm_test_example_path ("release.flowmap");
  g_autofree char *support = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", "support.flowmap", NULL);

  f->dir = fm_test_make_tmp_dir ("window-files");
  f->release = copy_to (release, f->dir, "release.flowmap");
  f->other = copy_to (support, f->dir, "support.flowmap");

  f->window = g_object_ref_sink (fm_window_new (NULL));
  g_assert_true (fm_window_load_file (f->window, f->release, FALSE));
  gtk_window_present (GTK_WINDOW (f->window));
}

/* The windows over ours: the question, an error. */
static GPtrArray *
dialogs_of (FmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (w)))
        g_ptr_array_add (found, w);
    }
  return found;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) dialogs = dialogs_of (f->window);

  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (dialogs->pdata[i]);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  fm_test_remove_tree (f->dir);
  g_free (f->dir);
  g_object_unref (f->release);
  g_object_unref (f->other);
}

/* The one dialog over the window, with this title. */
static GtkWindow *
the_dialog (Fixture    *f,
            const char *title_prefix)
{
  g_autoptr(GPtrArray) dialogs = dialogs_of (f->window);
  GtkWindow *dialog;

  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = dialogs->pdata[0];
  g_assert_true (g_str_has_prefix (gtk_window_get_title (dialog), title_prefix));
  return dialog;
}

static void
no_dialog (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = dialogs_of (f->window);

  g_assert_cmpuint (dialogs->len, ==, 0);
}

static gboolean
modified (Fixture *f)
{
  return fm_undo_stack_get_modified (fm_document_get_undo_stack (fm_window_get_document (f->window)));
}

/* An undoable change: the label of the first node of the first map. */
static void
modify (Fixture *f)
{
  FmDocument *doc = fm_window_get_document (f->window);
  FmMap *map = fm_document_get_map (doc, 0);
  const char *id = fm_node_get_id (fm_map_get_node (map, 0));

  fm_document_set (doc, map, id, "label", "Write the code", NULL);
  g_assert_true (modified (f));
}

static void
answer (Fixture    *f,
        const char *response)
{
  GtkWindow *dialog = the_dialog (f, "Save Changes?");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

/* Nothing to lose: the file replaces the document without a question. */
static void
test_open_unmodified (Fixture       *f,
                      gconstpointer  data)
{
  fm_window_open_file (f->window, f->other);
  no_dialog (f);
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->other));
  g_assert_cmpstr (fm_document_get_title (fm_window_get_document (f->window)), ==, "Incident response");
  g_assert_false (modified (f));
}

/* Cancel: everything stays as it was, the change included. */
static void
test_open_cancel (Fixture       *f,
                  gconstpointer  data)
{
  FmDocument *before = fm_window_get_document (f->window);

  modify (f);
  fm_window_open_file (f->window, f->other);
  /* Asked first: nothing replaced yet. */
  g_assert_true (fm_window_get_document (f->window) == before);

  answer (f, "cancel");
  g_assert_true (fm_window_get_document (f->window) == before);
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->release));
  g_assert_true (modified (f));
  g_assert_cmpstr (fm_node_get_label (fm_map_get_node (fm_document_get_map (before, 0), 0)), ==,
                   "Write the code");
}

/* Discard: the other file is shown, and closing later asks nothing more
 * than its own (unmodified) state requires. */
static void
test_open_discard (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->release);
  g_autofree char *text = NULL;

  modify (f);
  fm_window_open_file (f->window, f->other);
  answer (f, "discard");
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->other));
  g_assert_false (modified (f));

  /* The change was not written. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "Write the code"));

  /* A change to the new document still asks on close (the discard of the
   * old one is not a licence to close without asking). */
  modify (f);
  gtk_window_close (GTK_WINDOW (f->window));
  the_dialog (f, "Save Changes?");
}

/* Save: the change is written to its file, then the other file opens. */
static void
test_open_save (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->release);
  g_autofree char *text = NULL;

  modify (f);
  fm_window_open_file (f->window, f->other);
  answer (f, "save");
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->other));
  g_assert_false (modified (f));

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Write the code"));
}

/* A file that does not load leaves the document alone, with the loader's
 * message; after a discard too. */
static void
test_open_fails (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "comment.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  FmDocument *before = fm_window_get_document (f->window);
  GtkWindow *dialog;

  fm_window_open_file (f->window, file);
  dialog = the_dialog (f, "Could Not Open “comment.flowmap”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "comment.flowmap:1:1: not valid JSON: expected a value");
  gtk_window_destroy (dialog);
  g_assert_true (fm_window_get_document (f->window) == before);
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->release));

  modify (f);
  fm_window_open_file (f->window, file);
  answer (f, "discard");
  the_dialog (f, "Could Not Open");
  g_assert_true (fm_window_get_document (f->window) == before);
  g_assert_true (modified (f));
}

/* The file the window shows already: nothing to ask, nothing replaced. */
static void
test_open_same (Fixture       *f,
                gconstpointer  data)
{
  FmDocument *before = fm_window_get_document (f->window);

  modify (f);
  fm_window_open_file (f->window, f->release);
  no_dialog (f);
  g_assert_true (fm_window_get_document (f->window) == before);
  g_assert_true (modified (f));
}

/* Files dropped on the window, through its own drop target: maps only;
 * a .flowmap file goes the way of Open, question included. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autofree char *csv = fm_test_example_path ("release-observed.csv");
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c) && gtk_drop_target_get_gtypes (GTK_DROP_TARGET (c), NULL) != NULL &&
          gtk_drop_target_get_gtypes (GTK_DROP_TARGET (c), NULL)[0] == GDK_TYPE_FILE_LIST)
        target = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (target);

  /* Not a map: refused, nothing happens. */
  files = g_slist_append (NULL, g_file_new_for_path (csv));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_false (accepted);
  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->release));

  modify (f);
  files = g_slist_append (NULL, g_object_ref (f->other));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->release));

  answer (f, "discard");
  g_assert_true (g_file_equal (fm_window_get_file (f->window), f->other));
}

/* A draw.io drawing, opened or dropped, is a new untitled map, changed,
 * with the list of what it holds that is not part of the map. */
static void
test_open_drawio (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "drawio", "acme-current-state.drawio", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.drawio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  FmDocument *document;
  GtkWindow *dialog;

  fm_window_open_file (f->window, file);
  dialog = the_dialog (f, "Opened “acme-current-state.drawio” as a New Map");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "16 parts of the drawing are not part of the map:");
  gtk_window_destroy (dialog);

  document = fm_window_get_document (f->window);
  g_assert_null (fm_window_get_file (f->window));
  g_assert_true (modified (f));
  g_assert_cmpuint (fm_document_get_n_maps (document), ==, 1);
  g_assert_cmpstr (fm_map_get_name (fm_document_get_map (document, 0)), ==, "Current State");

  /* A drawing that does not read leaves the map alone. */
  g_assert_true (g_file_set_contents (bad_path, "<mxfile/>", -1, NULL));
  fm_window_load_file (f->window, bad, FALSE);
  dialog = the_dialog (f, "Could Not Open “bad.drawio”");
  gtk_window_destroy (dialog);
  g_assert_true (fm_window_get_document (f->window) == document);
}

/* Each template gives an untitled map with the template's steps, counted
 * as changed so that closing asks before it is lost. */
static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  const char * const *names = fm_template_names ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 4);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *base = g_strconcat (names[i], ".flowmap", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", base, NULL);
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(FmDocument) expected = fm_json_load_file (source, &error);
      FmDocument *doc;

      g_assert_no_error (error);
      g_assert_true (fm_window_load_template (f->window, names[i], &error));
      g_assert_no_error (error);
      doc = fm_window_get_document (f->window);
      g_assert_null (fm_window_get_file (f->window));
      g_assert_true (modified (f));
      g_assert_false (fm_window_is_pristine (f->window));
      g_assert_cmpint (fm_document_get_stream_type (doc), ==, fm_document_get_stream_type (expected));
      g_assert_cmpstr (fm_document_get_title (doc), ==, fm_document_get_title (expected));
      g_assert_cmpuint (fm_document_get_n_maps (doc), ==, fm_document_get_n_maps (expected));
      g_assert_cmpuint (fm_map_get_n_nodes (fm_document_get_map (doc, 0)), ==,
                        fm_map_get_n_nodes (fm_document_get_map (expected, 0)));
      g_assert_cmpuint (fm_map_get_n_nodes (fm_document_get_map (doc, 0)), >=, 6);
      g_assert_true (fm_canvas_get_map (fm_window_get_canvas (f->window)) == fm_document_get_map (doc, 0));
    }

  g_assert_false (fm_window_load_template (f->window, "no-such", &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);

  /* Closing a filled-in template asks. */
  gtk_window_close (GTK_WINDOW (f->window));
  the_dialog (f, "Save Changes?");
}

static void
on_create (FmTemplateDialog  *dialog,
           const char        *name,
           char             **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (name);
}

/* The dialog lists the four, starts on the first, and Create names the
 * one picked. */
static void
test_template_dialog (Fixture       *f,
                      gconstpointer  data)
{
  FmTemplateDialog *dialog = fm_template_dialog_new (GTK_WINDOW (f->window));
  g_autofree char *chosen = NULL;

  g_signal_connect (dialog, "create", G_CALLBACK (on_create), &chosen);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (fm_template_dialog_get_selected (dialog), ==, "operational");

  fm_template_dialog_select (dialog, "support");
  g_assert_cmpstr (fm_template_dialog_get_selected (dialog), ==, "support");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "template.create", NULL));
  g_assert_cmpstr (chosen, ==, "support");
  no_dialog (f);
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
  ADD ("/fm/window-files/open-unmodified", test_open_unmodified);
  ADD ("/fm/window-files/open-cancel", test_open_cancel);
  ADD ("/fm/window-files/open-discard", test_open_discard);
  ADD ("/fm/window-files/open-save", test_open_save);
  ADD ("/fm/window-files/open-fails", test_open_fails);
  ADD ("/fm/window-files/open-same", test_open_same);
  ADD ("/fm/window-files/drop", test_drop);
  ADD ("/fm/window-files/open-drawio", test_open_drawio);
  ADD ("/fm/window-files/templates", test_templates);
  ADD ("/fm/window-files/template-dialog", test_template_dialog);
#undef ADD

  return g_test_run ();
}
