/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window.c: one window per document
 *
 * The window owns the document and shows its first map on the canvas, the
 * palette on the left and the side panel on the right. Files are in
 * fm-window-files.c, the menu and history in fm-window-actions.c.
 */
#include "config.h"

#include <string.h>

#define G_LOG_DOMAIN "fm-window"

#include <glib/gi18n.h>

#include "fm-drawio.h"
#include "fm-json.h"
#include "fm-window-private.h"

G_DEFINE_FINAL_TYPE (FmWindow, fm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_window_dispose (GObject *object)
{
  FmWindow *self = FM_WINDOW (object);

  /* The editor goes back in its place before the template lets go of it. */
  fm_window_present_dispose (self);
  g_clear_object (&self->stack_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->metrics_cache);
  fm_window_observed_dispose (self);
  /* Closed cleanly: what was kept aside for a crash goes. */
  g_clear_object (&self->autosave);
  g_clear_object (&self->file_watch);
  fm_window_maps_dispose (self);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_open);

  G_OBJECT_CLASS (fm_window_parent_class)->dispose (object);
}

static void
fm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FmWindow *self = FM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
fm_window_close_request (GtkWindow *window)
{
  FmWindow *self = FM_WINDOW (window);

  if (self->closing_confirmed || self->document == NULL ||
      !fm_undo_stack_get_modified (fm_document_get_undo_stack (self->document)))
    return GTK_WINDOW_CLASS (fm_window_parent_class)->close_request (window);

  fm_window_confirm_unsaved (self, FM_AFTER_CLOSE);
  return TRUE;
}

static void
fm_window_class_init (FmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fm_window_dispose;
  object_class->get_property = fm_window_get_property;
  window_class->close_request = fm_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FM_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FM_TYPE_CANVAS);
  g_type_ensure (FM_TYPE_PALETTE_VIEW);
  g_type_ensure (FM_TYPE_INSPECTOR);
  g_type_ensure (FM_TYPE_MAP_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, banner_area);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, map_list);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, observed_bin);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, changes_button);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, redo_button);

  fm_window_actions_class_init (widget_class);
  fm_window_files_class_init (widget_class);
  fm_window_export_class_init (widget_class);
  fm_window_maps_class_init (widget_class);
  fm_window_present_class_init (widget_class);
  fm_window_print_class_init (widget_class);
  fm_window_observed_class_init (widget_class);
  fm_window_table_class_init (widget_class);
  fm_window_simulate_class_init (widget_class);
  fm_window_side_class_init (widget_class);
}

/* A new document has one map to draw on, and nothing to undo. */
static FmDocument *
new_document (void)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autofree char *id = fm_document_new_map_id (document);
  g_autoptr(FmMap) map = fm_map_new (id);

  fm_map_set_name (map, _("Current state"));
  fm_document_add_map (document, map, 0);
  fm_undo_stack_clear (fm_document_get_undo_stack (document));

  return g_steal_pointer (&document);
}

static void on_stack_notify (FmWindow *self);

static gboolean
on_drop_files (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               FmWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) to_open = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && (g_str_has_suffix (name, ".flowmap") || fm_drawio_is_file_name (name)))
        g_ptr_array_add (to_open, l->data);
    }

  if (to_open->len == 0)
    return FALSE;

  /* Like Open: the first replaces this window's document, asking first. */
  fm_window_open_files (self, (GFile **) to_open->pdata, to_open->len);
  return TRUE;
}

static void
fm_window_init (FmWindow *self)
{
  g_autoptr(FmDocument) document = new_document ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stack_signals = g_signal_group_new (FM_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "notify", G_CALLBACK (on_stack_notify), self);

  /* One computation of the figures for the canvas and the panel; the
   * canvas keeps it on the map it shows. */
  self->metrics_cache = fm_metrics_cache_new ();
  fm_canvas_set_metrics_cache (self->canvas, self->metrics_cache);

  fm_palette_view_set_canvas (self->palette, self->canvas);
  fm_window_files_init (self);
  fm_window_actions_init (self);
  fm_window_maps_init (self);
  fm_window_observed_init (self);
  fm_window_table_init (self);
  fm_window_simulate_init (self);
  fm_window_side_init (self);

  /* Files dropped from a file manager; palette drops stop at the canvas. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_files), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->autosave = fm_autosave_new (self);
  self->file_watch = fm_file_watch_new ();
  fm_file_watch_attach (self->file_watch, self, self->banner_area);

  fm_window_set_document (self, document, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

FmWindow *
fm_window_new (GtkApplication *application)
{
  return g_object_new (FM_TYPE_WINDOW, "application", application, NULL);
}

FmDocument *
fm_window_get_document (FmWindow *self)
{
  g_return_val_if_fail (FM_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * fm_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the document is saved
 */
GFile *
fm_window_get_file (FmWindow *self)
{
  g_return_val_if_fail (FM_IS_WINDOW (self), NULL);

  return self->file;
}

FmCanvas *
fm_window_get_canvas (FmWindow *self)
{
  g_return_val_if_fail (FM_IS_WINDOW (self), NULL);

  return self->canvas;
}

/* Untitled, unchanged and empty: opening a file here loses nothing. */
gboolean
fm_window_is_pristine (FmWindow *self)
{
  FmUndoStack *stack;

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);

  stack = fm_document_get_undo_stack (self->document);
  return self->file == NULL && !fm_undo_stack_get_modified (stack) &&
         fm_undo_stack_get_depth (stack) == 0 &&
         (self->map == NULL || fm_map_get_n_nodes (self->map) == 0);
}

void
fm_window_update_title (FmWindow *self)
{
  g_autofree char *name = fm_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;
  gboolean modified = fm_undo_stack_get_modified (fm_document_get_undo_stack (self->document));

  /* The mark goes before the name, where a narrow title keeps it visible. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
      /* As GNOME's editors write it: "~/Documents", not the home's path. */
      if (folder != NULL && g_str_has_prefix (folder, g_get_home_dir ()) &&
          (folder[strlen (g_get_home_dir ())] == '/' || folder[strlen (g_get_home_dir ())] == '\0') &&
          g_strcmp0 (g_get_home_dir (), "/") != 0)
        {
          char *short_name = g_strconcat ("~", folder + strlen (g_get_home_dir ()), NULL);

          g_free (folder);
          folder = short_name;
        }
    }
  adw_window_title_set_subtitle (self->window_title, folder ? folder : "");

  /* Translators: the window's title: the file's name, then the app's */
  window_title = g_strdup_printf (_("%s%s — Flowmap"), modified ? "*" : "", name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Finishes what is being typed or dragged, so that the next change (an
 * undo, a map added or removed) is a step of its own. */
void
fm_window_settle (FmWindow *self)
{
  if (fm_canvas_is_editing (self->canvas))
    fm_canvas_commit_edit (self->canvas);
  fm_canvas_cancel_gesture (self->canvas);
  fm_undo_stack_seal (fm_document_get_undo_stack (self->document));
}

static void
on_stack_notify (FmWindow *self)
{
  fm_window_update_title (self);
  fm_window_update_history (self);
}

/* Shows @document, saved at @file (nullable: not saved yet). */
void
fm_window_set_document (FmWindow   *self,
                        FmDocument *document,
                        GFile      *file)
{
  g_return_if_fail (FM_IS_WINDOW (self));
  g_return_if_fail (FM_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);

  if (fm_document_get_n_maps (document) == 0)
    {
      /* A file may hold no map yet: give it one to draw on. */
      g_autofree char *id = fm_document_new_map_id (document);
      g_autoptr(FmMap) map = fm_map_new (id);

      fm_map_set_name (map, _("Current state"));
      fm_document_add_map (document, map, 0);
      fm_undo_stack_clear (fm_document_get_undo_stack (document));
    }
  g_set_object (&self->map, fm_document_get_map (document, 0));

  g_signal_group_set_target (self->stack_signals, fm_document_get_undo_stack (document));

  fm_canvas_state_clear_selection (fm_canvas_get_state (self->canvas));
  fm_canvas_set_map (self->canvas, document, self->map);
  fm_inspector_set_map (self->inspector, document, self->map, fm_canvas_get_state (self->canvas));
  fm_window_table_set_map (self);
  fm_window_maps_set_document (self);

  fm_window_update_title (self);
  fm_window_update_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * fm_window_show_error:
 *
 * Tells what went wrong in a dialog over the window; the document stays
 * as it was.
 */
void
fm_window_show_error (FmWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (FM_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  /* Named for window lists, and for the GUI tests to find. */
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fm_window_load_file:
 * @missing_is_new: when @file does not exist, start a new document that
 *   will be saved there (as for `flowmap new.flowmap`)
 *
 * Replaces the window's document with the one in @file. On failure the
 * window keeps its document and shows the loader's message.
 *
 * Returns: whether the window now shows @file
 */
gboolean
fm_window_load_file (FmWindow *self,
                     GFile    *file,
                     gboolean  missing_is_new)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) document = NULL;

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  {
    g_autofree char *name = g_file_get_basename (file);

    /* A drawing opens as a new map; its file is draw.io's, not ours. */
    if (name != NULL && fm_drawio_is_file_name (name))
      return fm_window_import_drawio (self, file);
  }

  document = fm_json_load_file (file, &error);
  return fm_window_open_loaded (self, file, document, error, NULL, missing_is_new);
}

/**
 * fm_window_open_loaded:
 * @document: (nullable): what fm_json_load_file() gave for @file
 * @error: (nullable): why it gave nothing
 * @routes: (transfer full) (nullable): the routes of @loaded's first
 *   map, found with it
 *
 * The rest of fm_window_load_file() once @file was read, for a caller
 * that read it on a thread of its own.
 *
 * Returns: whether the window now shows @file
 */
gboolean
fm_window_open_loaded (FmWindow     *self,
                       GFile        *file,
                       FmDocument   *loaded,
                       const GError *load_error,
                       FmEdgeRoutes *routes,
                       gboolean      missing_is_new)
{
  g_autoptr(GError) error = load_error != NULL ? g_error_copy (load_error) : NULL;
  g_autoptr(FmDocument) document = loaded != NULL ? g_object_ref (loaded) : NULL;
  g_autoptr(FmEdgeRoutes) found = routes;

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (loaded != NULL || load_error != NULL, FALSE);

  if (document == NULL && missing_is_new &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      document = new_document ();
    }
  else if (document != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      fm_window_show_error (self, heading, error);
      return FALSE;
    }

  fm_window_set_document (self, document, file);
  if (found != NULL && document == loaded)
    fm_canvas_offer_routes (self->canvas, fm_document_get_map (document, 0), g_steal_pointer (&found));
  fm_canvas_zoom_to_fit (self->canvas);
  return TRUE;
}
