/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-maps.c: the document's maps: switching, adding, future states
 *
 * The window shows one map at a time; the map list on the left switches
 * between them. Each map keeps its own selection and view while another
 * is shown, in the window (view state), never in the document. Every
 * change to the list of maps goes through the document's undoable API;
 * when an undo takes away the map shown, the window shows a neighbour,
 * and when it brings one back, that one.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-maps"

#include <glib/gi18n.h>

#include "fm-compare-dialog.h"
#include "fm-document-maps.h"
#include "fm-window-private.h"

typedef struct {
  char **selection;
  double zoom;
  double origin_x;
  double origin_y;
} MapView;

static void
map_view_free (MapView *view)
{
  g_strfreev (view->selection);
  g_free (view);
}

static void
save_view (FmWindow *self)
{
  FmCanvasState *state = fm_canvas_get_state (self->canvas);
  MapView *view;

  if (self->map == NULL)
    return;

  view = g_new0 (MapView, 1);
  view->selection = fm_canvas_state_dup_selection (state, self->map, FALSE);
  view->zoom = fm_canvas_state_get_zoom (state);
  fm_canvas_state_get_origin (state, &view->origin_x, &view->origin_y);
  g_hash_table_replace (self->map_views, g_object_ref (self->map), view);
}

static void
restore_view (FmWindow *self)
{
  FmCanvasState *state = fm_canvas_get_state (self->canvas);
  MapView *view = g_hash_table_lookup (self->map_views, self->map);

  if (view == NULL)
    return;

  fm_canvas_state_set_view (state, view->zoom, view->origin_x, view->origin_y);
  fm_canvas_state_set_selection (state, (const char * const *) view->selection);
  fm_canvas_state_prune (state, self->map);
}

/* Enables what makes sense for the map shown. */
static void
update_actions (FmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->document ? fm_document_get_n_maps (self->document) : 0;
  gint position = self->map ? fm_document_get_map_position (self->document, self->map) : -1;
  gboolean has_origin = self->map && fm_document_get_origin_map (self->document, self->map) != NULL;
  FmMap *from = NULL, *to = NULL;

  gtk_widget_action_set_enabled (widget, "win.delete-map", n > 1);
  gtk_widget_action_set_enabled (widget, "win.move-map-up", position > 0);
  gtk_widget_action_set_enabled (widget, "win.move-map-down", position >= 0 && (guint) position + 1 < n);
  gtk_widget_action_set_enabled (widget, "win.next-map", n > 1);
  gtk_widget_action_set_enabled (widget, "win.previous-map", n > 1);
  gtk_widget_action_set_enabled (widget, "win.compare-maps",
                                 has_origin || fm_comparison_default_pair (self->document, &from, &to));
  gtk_widget_set_visible (self->changes_button, has_origin);
}

static void
show_map (FmWindow *self,
          FmMap    *map)
{
  FmCanvasState *state = fm_canvas_get_state (self->canvas);

  if (map != self->map)
    {
      if (fm_canvas_is_editing (self->canvas))
        fm_canvas_commit_edit (self->canvas);
      fm_canvas_cancel_gesture (self->canvas);
      save_view (self);

      g_set_object (&self->map, map);
      fm_canvas_state_clear_selection (state);
      fm_canvas_set_map (self->canvas, self->document, map);
      restore_view (self);
      fm_inspector_set_map (self->inspector, self->document, map, state);
      fm_window_table_set_map (self);
    }

  fm_window_side_set_map (self);
  fm_window_simulate_set_map (self);
  fm_map_list_set_current (self->map_list, map);
  update_actions (self);
}

/**
 * fm_window_show_map:
 * @map: a map of the window's document
 *
 * Shows @map on the canvas, with the selection and view it had when it
 * was last shown.
 */
void
fm_window_show_map (FmWindow *self,
                    FmMap    *map)
{
  g_return_if_fail (FM_IS_WINDOW (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (fm_document_get_map_position (self->document, map) >= 0);

  show_map (self, map);
}

/* A map added, by an action or by undo and redo, is shown once the
 * change is complete (a move removes and re-adds the map it moves); a
 * removed map leaves its place to its neighbour. GListStore signals after
 * the change: @position is where the removed map was. */
static void
on_maps_items_changed (FmWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *maps)
{
  if (removed > 0)
    self->removed_position = position;
  if (added == 1)
    g_set_object (&self->pending_map, fm_document_get_map (self->document, position));
}

static void
on_document_changed (FmWindow *self)
{
  g_autoptr(FmMap) pending = g_steal_pointer (&self->pending_map);
  guint n = fm_document_get_n_maps (self->document);

  if (pending != NULL && fm_document_get_map_position (self->document, pending) >= 0)
    show_map (self, pending);
  else if (self->map == NULL || fm_document_get_map_position (self->document, self->map) < 0)
    {
      /* The map shown went away: show the one that took its place. */
      guint position = MIN (self->removed_position, n > 0 ? n - 1 : 0);

      if (n > 0)
        show_map (self, fm_document_get_map (self->document, position));
    }
  else
    update_actions (self);
}

/* After fm_window_set_document(): follow the new document's maps. */
void
fm_window_maps_set_document (FmWindow *self)
{
  GListModel *maps = fm_document_get_maps (self->document);

  g_hash_table_remove_all (self->map_views);
  g_clear_object (&self->pending_map);
  self->removed_position = 0;
  /* The slides tell another document's story: back to the editor. */
  if (self->presentation != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.leave-presentation", NULL);

  g_signal_group_set_target (self->maps_signals, maps);
  g_signal_group_set_target (self->document_signals, self->document);

  fm_map_list_set_document (self->map_list, self->document);
  show_map (self, self->map);
}

static void
action_show_map (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  FmMap *map = fm_document_get_map (self->document, g_variant_get_uint32 (param));

  if (map != NULL)
    show_map (self, map);
}

/* Shows the map @step places away in the list, going round at its ends. */
static void
step_map (FmWindow *self,
          gint      step)
{
  guint n = fm_document_get_n_maps (self->document);
  gint position = fm_document_get_map_position (self->document, self->map);

  if (n > 1 && position >= 0)
    show_map (self, fm_document_get_map (self->document, (position + step + n) % n));
}

static void
action_next_map (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  step_map (FM_WINDOW (widget), 1);
}

static void
action_previous_map (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  step_map (FM_WINDOW (widget), -1);
}

static void
action_new_map (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  gint position = fm_document_get_map_position (self->document, self->map);

  fm_window_settle (self);
  fm_document_add_new_map (self->document, position + 1);
}

static void
action_duplicate_map (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  fm_window_settle (self);
  fm_document_duplicate_map (self->document, self->map);
}

static void
action_create_future_state (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  FmMap *future;

  fm_window_settle (self);
  future = fm_document_create_future_state (self->document, self->map);
  /* What changes on the copy is what a future state is for. */
  if (future != NULL)
    g_object_set (self->canvas, "show-changes", TRUE, NULL);
}

static void
action_rename_map (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  fm_window_settle (self);
  fm_map_list_begin_rename (self->map_list);
}

static void
action_delete_map (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (fm_document_get_n_maps (self->document) < 2)
    return;

  fm_window_settle (self);
  /* Translators: a toast after deleting a map, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), fm_map_get_name (self->map));
  fm_document_remove_map (self->document, self->map);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Moves the map shown @step places up (negative) or down the list. */
static void
move_map (FmWindow *self,
          gint      step)
{
  gint position = fm_document_get_map_position (self->document, self->map);
  gint to = position + step;

  if (position < 0 || to < 0 || (guint) to >= fm_document_get_n_maps (self->document))
    return;

  fm_window_settle (self);
  fm_document_move_map (self->document, position, to);
}

static void
action_move_map_up (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  move_map (FM_WINDOW (widget), -1);
}

static void
action_move_map_down (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  move_map (FM_WINDOW (widget), 1);
}

static void
action_compare_maps (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  FmMap *from = NULL, *to = NULL;

  /* The map shown against its origin, else the document's first pair. */
  if ((from = fm_document_get_origin_map (self->document, self->map)) != NULL)
    to = self->map;
  else if (!fm_comparison_default_pair (self->document, &from, &to))
    return;

  fm_compare_dialog_present (GTK_WINDOW (self), self->document, from, to);
}

void
fm_window_maps_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-map", "u", action_show_map);
  gtk_widget_class_install_action (widget_class, "win.next-map", NULL, action_next_map);
  gtk_widget_class_install_action (widget_class, "win.previous-map", NULL, action_previous_map);
  gtk_widget_class_install_action (widget_class, "win.new-map", NULL, action_new_map);
  gtk_widget_class_install_action (widget_class, "win.duplicate-map", NULL, action_duplicate_map);
  gtk_widget_class_install_action (widget_class, "win.create-future-state", NULL, action_create_future_state);
  gtk_widget_class_install_action (widget_class, "win.rename-map", NULL, action_rename_map);
  gtk_widget_class_install_action (widget_class, "win.delete-map", NULL, action_delete_map);
  gtk_widget_class_install_action (widget_class, "win.move-map-up", NULL, action_move_map_up);
  gtk_widget_class_install_action (widget_class, "win.move-map-down", NULL, action_move_map_down);
  gtk_widget_class_install_action (widget_class, "win.compare-maps", NULL, action_compare_maps);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, GDK_CONTROL_MASK, "win.rename-map", NULL);

  /* Offset 0: only looked up, in fm_window_maps_init(). */
  gtk_widget_class_bind_template_child_full (widget_class, "side_switcher", FALSE, 0);
}

void
fm_window_maps_init (FmWindow *self)
{
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), FM_TYPE_WINDOW,
                                                                   "side_switcher"));
  GtkLayoutManager *layout = switcher ? gtk_widget_get_layout_manager (switcher) : NULL;

  self->map_views = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) map_view_free);
  self->maps_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->maps_signals, "items-changed",
                                  G_CALLBACK (on_maps_items_changed), self);
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);

  /* The side panel's pages (inspector, metrics, experiments…) get tabs as
   * wide as their names, not all as wide as the longest: the panel keeps
   * its width and the canvas its room. */
  if (GTK_IS_BOX_LAYOUT (layout))
    gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);
}

void
fm_window_maps_dispose (FmWindow *self)
{
  g_clear_object (&self->maps_signals);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->map_views, g_hash_table_unref);
  g_clear_object (&self->pending_map);
}
