/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-application.c: the Flowmap application: windows, files, about
 *
 * One window per document. `flowmap FILE...` and the file manager come
 * here; a file already open brings its window forward, and a file is
 * opened in the active window only when that window holds an untouched new
 * document. (Open, Open Recent and drops replace the window's own document
 * after asking: fm-window-files.c.)
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-application"

#include <glib/gi18n.h>

#include "fm-application.h"
#include "fm-autosave.h"
#include "fm-drawio.h"
#include "fm-json.h"
#include "fm-window-private.h"

struct _FmApplication
{
  AdwApplication parent_instance;

  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (FmApplication, fm_application, ADW_TYPE_APPLICATION)

static FmWindow *
new_window (FmApplication *self)
{
  FmWindow *window = fm_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Once, when the first window is there: what a crash left behind. */
static void
offer_recovery (FmApplication *self)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  fm_autosave_offer_recovery (GTK_APPLICATION (self));
}

static void
fm_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (new_window (FM_APPLICATION (application)));
  gtk_window_present (window);
  offer_recovery (FM_APPLICATION (application));
}

/* A file read on a thread of its own. */
typedef struct {
  GFile *file;
  GThread *thread;
  FmDocument *document;
  FmEdgeRoutes *routes;       /* of its first map */
  GError *error;
} Loading;

static void
loading_free (Loading *loading)
{
  if (loading->thread != NULL)
    g_thread_join (loading->thread);
  g_object_unref (loading->file);
  g_clear_object (&loading->document);
  g_clear_pointer (&loading->routes, fm_edge_routes_free);
  g_clear_error (&loading->error);
  g_free (loading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loading, loading_free)

static gpointer
load_in_thread (gpointer data)
{
  Loading *loading = data;

  /* The model is plain GObject and the routes plain data, made here and
   * used on the main thread only after the join. */
  loading->document = fm_json_load_file (loading->file, &loading->error);
  /* The first drawing's routes, the longest part of it on a large map. */
  if (loading->document != NULL && fm_document_get_n_maps (loading->document) > 0)
    loading->routes = fm_edge_routes_new (fm_document_get_map (loading->document, 0));
  return NULL;
}

static Loading *
loading_start (GFile *file)
{
  Loading *loading = g_new0 (Loading, 1);

  loading->file = g_object_ref (file);
  loading->thread = g_thread_new ("fm-load", load_in_thread, loading);
  return loading;
}

static void
loading_finish (Loading *loading)
{
  g_thread_join (g_steal_pointer (&loading->thread));
}

/**
 * fm_application_open_file:
 * @hint: (nullable): the window the file was asked from
 *
 * Shows @file: in the window that has it open, in @hint when that window
 * holds nothing to lose, or in a new window.
 *
 * Returns: (transfer none): the window that shows the file, or tells why not
 */
FmWindow *
fm_application_open_file (FmApplication *self,
                          GFile         *file,
                          FmWindow      *hint)
{
  g_autoptr(Loading) loading = NULL;
  FmWindow *window = NULL;

  g_return_val_if_fail (FM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (FM_IS_WINDOW (l->data) && fm_window_get_file (l->data) != NULL &&
          g_file_equal (fm_window_get_file (l->data), file))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  /* The file is read on a thread while the window is made and shown, the
   * two longest steps before a large map's first frame (issue 23); the
   * window takes the document as if it had read it itself. A drawing is
   * imported as before. */
  {
    g_autofree char *name = g_file_get_basename (file);

    if (name == NULL || !fm_drawio_is_file_name (name))
      loading = loading_start (file);
  }

  if (hint != NULL && fm_window_is_pristine (hint))
    window = hint;
  else
    window = new_window (self);

  gtk_window_present (GTK_WINDOW (window));
  /* A name that does not exist yet starts a new map to be saved there; a
   * file that does not load leaves the window as it was, saying why. */
  if (loading != NULL)
    {
      loading_finish (loading);
      fm_window_open_loaded (window, file, loading->document, loading->error,
                             g_steal_pointer (&loading->routes), TRUE);
    }
  else
    fm_window_load_file (window, file, TRUE);
  return window;
}

/**
 * fm_application_new_from_template:
 * @name: one of fm_template_names()
 * @hint: (nullable): the window it was asked from
 *
 * Starts a new, untitled map from a template: in @hint when that window
 * holds nothing to lose, or in a new window.
 *
 * Returns: (transfer none): the window that shows it
 */
FmWindow *
fm_application_new_from_template (FmApplication *self,
                                  const char    *name,
                                  FmWindow      *hint)
{
  FmWindow *window;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (hint != NULL && fm_window_is_pristine (hint))
    window = hint;
  else
    window = new_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (!fm_window_load_template (window, name, &error))
    fm_window_show_error (window, _("Could Not Create the Map"), error);
  return window;
}

static void
fm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FmApplication *self = FM_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (int i = 0; i < n_files; i++)
    fm_application_open_file (self, files[i], FM_IS_WINDOW (active) ? FM_WINDOW (active) : NULL);
  offer_recovery (self);
}

static void
action_new_window (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  new_window (FM_APPLICATION (user_data));
}

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Flowmap developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* The version from meson.build; the addresses as in the metainfo. */
  adw_show_about_window (parent,
                         "application-name", _("Flowmap"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Flowmap developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Map how work flows from request to value, and where it waits."),
                         "website", "https://github.com/flowmap/flowmap",
                         "issue-url", "https://github.com/flowmap/flowmap/issues",
                         "copyright", _("© The Flowmap developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new-window", action_new_window },
  { "quit", action_quit },
  { "about", action_about },
};

static void
fm_application_startup (GApplication *application)
{
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* What GtkApplication gives it when it finds gtk/help-overlay.ui, which
   * it does not: see action_show_help_overlay(). */
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (fm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", help_accels);
}

static void
fm_application_class_init (FmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = fm_application_startup;
  app_class->activate = fm_application_activate;
  app_class->open = fm_application_open;
}

static void
fm_application_init (FmApplication *self)
{
}

FmApplication *
fm_application_new (void)
{
  return g_object_new (FM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/flowmap/Flowmap",
                       NULL);
}

/**
 * fm_application_run:
 *
 * Runs the application on the command line's files, or on a new map.
 *
 * Returns: the exit status
 */
int
fm_application_run (int    argc,
                    char **argv)
{
  g_autoptr(FmApplication) app = fm_application_new ();

  g_set_application_name (_("Flowmap"));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
