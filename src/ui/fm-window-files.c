/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-files.c: open, save, save as, recent files and unsaved changes
 *
 * Saving writes through the JSON saver (atomic replace); a failure leaves
 * the document open and modified, with the saver's message in a dialog.
 * Open, Open Recent and a dropped file replace this window's document,
 * after the same Save / Discard / Cancel question as closing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-files"

#include <glib/gi18n.h>

#include "fm-application.h"
#include "fm-json.h"
#include "fm-template-dialog.h"
#include "fm-window-private.h"

#define MAX_RECENT 10

char *
fm_window_dup_display_name (FmWindow *self)
{
  const char *title = fm_document_get_title (self->document);

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  return g_strdup (_("Untitled"));
}

static void
add_flowmap_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Flowmap Maps"));
  gtk_file_filter_add_pattern (filter, "*.flowmap");
  gtk_file_chooser_add_filter (chooser, filter);
}

/* Open… also takes drawings made with draw.io's value stream palette. */
static void
add_open_filters (GtkFileChooser *chooser)
{
  static const char * const drawio[] = { "*.drawio", "*.drawio.svg", "*.drawio.png", "*.dio", "*.xml" };
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) flowmap = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) drawings = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Maps and draw.io Drawings"));
  gtk_file_filter_add_pattern (all, "*.flowmap");
  gtk_file_filter_set_name (flowmap, _("Flowmap Maps"));
  gtk_file_filter_add_pattern (flowmap, "*.flowmap");
  gtk_file_filter_set_name (drawings, _("draw.io Drawings"));
  for (guint i = 0; i < G_N_ELEMENTS (drawio); i++)
    {
      gtk_file_filter_add_pattern (all, drawio[i]);
      gtk_file_filter_add_pattern (drawings, drawio[i]);
    }
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_add_filter (chooser, flowmap);
  gtk_file_chooser_add_filter (chooser, drawings);
}

static void
remember (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * fm_window_save:
 *
 * Saves the document where it was opened or last saved.
 *
 * Returns: %FALSE with @error set when it could not be written
 */
gboolean
fm_window_save (FmWindow  *self,
                GError   **error)
{
  g_autoptr(GBytes) written = NULL;

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  /* What is being typed in place belongs in the file. */
  if (fm_canvas_is_editing (self->canvas))
    fm_canvas_commit_edit (self->canvas);

  if (!fm_json_save_file_full (self->document, self->file, &written, error))
    return FALSE;
  /* Our own write is not a change by another program. */
  fm_file_watch_note_saved (self->file_watch, written);

  fm_undo_stack_set_saved (fm_document_get_undo_stack (self->document));
  remember (self->file);
  fm_window_update_title (self);
  return TRUE;
}

static gboolean
destroy_idle (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
run_after (FmWindow         *self,
           FmWindowContinue  then)
{
  /* Not from inside the response of the dialog that asked: it is still
   * closing, and would let go of its parent after the parent is gone. */
  if (then == FM_AFTER_CLOSE)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle, g_object_ref (self), g_object_unref);
  else if (then == FM_AFTER_OPEN && self->pending_open != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->pending_open);

      /* A file that does not load leaves the document as it was. */
      fm_window_load_file (self, file, FALSE);
    }
}

/* Saves, and runs @then when that worked. */
static void
save_then (FmWindow         *self,
           FmWindowContinue  then)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    {
      fm_window_save_as (self, then);
      return;
    }

  if (!fm_window_save (self, &error))
    {
      g_autofree char *name = fm_window_dup_display_name (self);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      fm_window_show_error (self, heading, error);
      return;
    }

  run_after (self, then);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     FmWindow        *self)
{
  FmWindowContinue then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (chosen != NULL)
    {
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) previous = self->file ? g_object_ref (self->file) : NULL;

      if (!g_str_has_suffix (name, ".flowmap"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_suffix = g_strconcat (name, ".flowmap", NULL);
          GFile *renamed = g_file_get_child (parent, with_suffix);

          g_set_object (&chosen, renamed);
          g_object_unref (renamed);
        }

      g_set_object (&self->file, chosen);
      {
        g_autoptr(GError) error = NULL;

        if (!fm_window_save (self, &error))
          {
            g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

            /* The document stays where it was, still modified. */
            g_set_object (&self->file, previous);
            fm_window_show_error (self, heading, error);
            fm_window_update_title (self);
            g_object_unref (self);
            return;
          }
        g_object_notify (G_OBJECT (self), "file");
        run_after (self, then);
      }
    }
  g_object_unref (self);
}

/* Asks where to save, saves there, then runs @then. */
void
fm_window_save_as (FmWindow         *self,
                   FmWindowContinue  then)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = fm_window_dup_display_name (self);
  g_autofree char *suggestion = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Map As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_flowmap_filter (GTK_FILE_CHOOSER (dialog));
  suggestion = g_str_has_suffix (name, ".flowmap") ? g_strdup (name) : g_strconcat (name, ".flowmap", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggestion);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);

  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     FmWindow         *self)
{
  FmWindowContinue then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));

  if (g_str_equal (response, "save"))
    save_then (self, then);
  else if (g_str_equal (response, "discard"))
    {
      /* Nothing is asked again on the way out. */
      if (then == FM_AFTER_CLOSE)
        self->closing_confirmed = TRUE;
      run_after (self, then);
    }
  else
    g_clear_object (&self->pending_open);
}

/**
 * fm_window_confirm_unsaved:
 * @then: what to do when the changes are saved or may be lost
 *
 * Asks whether to save the changes, discard them or cancel; runs @then
 * after a save that worked or a discard, and nothing after a cancel.
 */
void
fm_window_confirm_unsaved (FmWindow         *self,
                           FmWindowContinue  then)
{
  g_autofree char *name = fm_window_dup_display_name (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” has changes that are not saved. If you do not save them, they are lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Named for window lists, and for the tests to find. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Save Changes?"));
  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window that has @file open, if any. */
static FmWindow *
find_window_with (FmWindow *self,
                  GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->file != NULL && g_file_equal (self->file, file))
    return self;
  if (app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (FM_IS_WINDOW (l->data) && fm_window_get_file (l->data) != NULL &&
          g_file_equal (fm_window_get_file (l->data), file))
        return l->data;
    }
  return NULL;
}

/**
 * fm_window_open_file:
 *
 * Shows @file in place of this window's document, asking first to save,
 * discard or keep changes that are not saved. A file already open in a
 * window brings that window forward instead; a file that does not load
 * leaves the document as it was, with the loader's message.
 */
void
fm_window_open_file (FmWindow *self,
                     GFile    *file)
{
  FmWindow *showing;

  g_return_if_fail (FM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  showing = find_window_with (self, file);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  g_set_object (&self->pending_open, file);
  if (fm_undo_stack_get_modified (fm_document_get_undo_stack (self->document)))
    fm_window_confirm_unsaved (self, FM_AFTER_OPEN);
  else
    run_after (self, FM_AFTER_OPEN);
}

/**
 * fm_window_open_files:
 *
 * Opens the first of @files in this window as fm_window_open_file() does,
 * and each of the others in a window of its own.
 */
void
fm_window_open_files (FmWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  GtkApplication *app;

  g_return_if_fail (FM_IS_WINDOW (self));

  if (n_files == 0)
    return;

  app = gtk_window_get_application (GTK_WINDOW (self));
  for (guint i = 1; i < n_files && app != NULL; i++)
    fm_application_open_file (FM_APPLICATION (app), files[i], NULL);
  fm_window_open_file (self, files[0]);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  FmWindow        *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (files != NULL)
    {
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (chosen, g_list_model_get_item (files, i));
      fm_window_open_files (self, (GFile **) chosen->pdata, chosen->len);
    }
  g_object_unref (self);
}

static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  add_open_filters (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_open_uri (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  fm_window_open_file (FM_WINDOW (widget), file);
}

/**
 * fm_window_load_template:
 * @name: one of fm_template_names()
 *
 * Replaces the window's document with a new, untitled copy of a starting
 * map. It counts as changed: closing it asks before a filled-in template
 * is lost, and saving it asks where.
 *
 * Returns: %FALSE with @error set when there is no such template
 */
gboolean
fm_window_load_template (FmWindow    *self,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FmDocument) document = NULL;

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  path = g_strdup_printf ("/io/github/flowmap/Flowmap/templates/%s.flowmap", name);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  document = fm_json_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, error);
  if (document == NULL)
    return FALSE;

  fm_window_set_document (self, document, NULL);
  fm_undo_stack_set_unsaved (fm_document_get_undo_stack (document));
  fm_canvas_zoom_to_fit (self->canvas);
  return TRUE;
}

static void
on_template_create (FmWindow   *self,
                    const char *name)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    fm_application_new_from_template (FM_APPLICATION (app), name, self);
  else if (!fm_window_load_template (self, name, &error))
    fm_window_show_error (self, _("Could Not Create the Map"), error);
}

static void
action_new_from_template (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  FmTemplateDialog *dialog = fm_template_dialog_new (GTK_WINDOW (widget));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_template_create), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save_then (FM_WINDOW (widget), FM_AFTER_NOTHING);
}

static void
action_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  fm_window_save_as (FM_WINDOW (widget), FM_AFTER_NOTHING);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (mb, ma);
}

static void
update_recent_menu (FmWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".flowmap") &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < MIN (infos->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = infos->pdata[i];
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-uri", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  if (infos->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Maps"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

void
fm_window_files_init (FmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static void
action_nothing (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
}

void
fm_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", action_open_uri);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, action_new_from_template);
  /* The disabled placeholder item of an empty recent list. */
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, action_nothing);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
