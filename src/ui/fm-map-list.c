/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-list.c: the maps of a document, in a sidebar list
 *
 * One row per map, in the document's order, with its name and whether it
 * is a current or a future state. Choosing a row shows the map (the
 * window's win.show-map); a right click opens the map's menu; rows are
 * dragged to reorder the maps. Renaming happens in a popover on the row,
 * as one undoable change of the document.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-map-list"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-map-list.h"

#define DRAG_PREFIX "flowmap-map:"

struct _FmMapList
{
  GtkWidget parent_instance;

  GtkListBox *list;
  GMenuModel *row_menu;

  FmDocument *document;
  GSignalGroup *maps_signals;  /* follows the document's maps */
  FmMap *current;
  gboolean updating;

  GtkWidget *menu_popover;
  GtkWidget *rename_popover;
  GtkWidget *rename_entry;
  FmMap *renaming;
};

G_DEFINE_FINAL_TYPE (FmMapList, fm_map_list, GTK_TYPE_WIDGET)

/* "Future state", under a map's name, unless the name says it already. */
static void
update_subtitle (GtkWidget *label,
                 GParamSpec *pspec,
                 FmMap      *map)
{
  const char *state = fm_map_get_state (map) == FM_MAP_STATE_FUTURE ? _("Future state") : _("Current state");
  g_autofree char *a = g_utf8_casefold (state, -1);
  g_autofree char *b = g_utf8_casefold (fm_map_get_name (map), -1);

  gtk_label_set_text (GTK_LABEL (label), state);
  gtk_widget_set_visible (label, !g_str_equal (a, b));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  g_autofree char *text = g_strdup_printf (DRAG_PREFIX "%d", gtk_list_box_row_get_index (row));

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FmMap *map = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), state);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_bind_property (map, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (map, "name", row, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (map, "notify::state", G_CALLBACK (update_subtitle), state, G_CONNECT_SWAPPED);
  g_signal_connect_object (map, "notify::name", G_CALLBACK (update_subtitle), state, G_CONNECT_SWAPPED);
  update_subtitle (state, NULL, map);
  g_object_set_data_full (G_OBJECT (row), "map", g_object_ref (map), g_object_unref);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 FmMapList     *self)
{
  if (self->updating || row == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-map", "u",
                              (guint) gtk_list_box_row_get_index (row));
}

static void
point_at_row (FmMapList     *self,
              GtkPopover    *popover,
              GtkListBoxRow *row,
              double         x)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
    return;

  if (x < 0)
    x = bounds.size.width / 2;
  gtk_popover_set_pointing_to (popover, &(GdkRectangle) { bounds.origin.x + x, bounds.origin.y,
                                                          1, bounds.size.height });
}

/* A right click shows the map, then its menu. */
static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      FmMapList       *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, y);

  if (row == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_list_box_select_row (self->list, row);
  if (self->menu_popover == NULL)
    {
      /* Made on the first right click: most windows never show it. */
      self->menu_popover = gtk_popover_menu_new_from_model (self->row_menu);
      gtk_popover_set_position (GTK_POPOVER (self->menu_popover), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
      gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));
    }
  point_at_row (self, GTK_POPOVER (self->menu_popover), row, x);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FmMapList     *self)
{
  const char *text = g_value_get_string (value);
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, y);
  guint64 from;
  guint to, n;

  if (self->document == NULL || text == NULL || !g_str_has_prefix (text, DRAG_PREFIX) ||
      !g_ascii_string_to_unsigned (text + strlen (DRAG_PREFIX), 10, 0, G_MAXUINT, &from, NULL))
    return FALSE;

  n = fm_document_get_n_maps (self->document);
  /* Below the last row is the end of the list. */
  to = row != NULL ? (guint) gtk_list_box_row_get_index (row) : n - 1;
  if (from >= n || to >= n)
    return FALSE;

  if (from != to)
    fm_document_move_map (self->document, from, to);
  return TRUE;
}

static void
commit_rename (FmMapList *self)
{
  const char *text = self->rename_entry ? gtk_editable_get_text (GTK_EDITABLE (self->rename_entry)) : "";
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (self->rename_popover != NULL)
      gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  if (self->document != NULL && self->renaming != NULL && name[0] != '\0' &&
      fm_document_get_n_maps (self->document) > 0)
    fm_document_set (self->document, self->renaming, NULL, "name", name, NULL);
  g_clear_object (&self->renaming);
}

static void
on_rename_changed (FmMapList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-list.rename", name[0] != '\0');
}

static void
action_rename (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  commit_rename (FM_MAP_LIST (widget));
}

static void
build_rename_popover (FmMapList *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Map Name"));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Rename"));

  self->rename_popover = gtk_popover_new ();
  self->rename_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->rename_entry), TRUE);
  gtk_widget_set_size_request (self->rename_entry, 220, -1);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "map-list.rename");
  gtk_box_append (GTK_BOX (row), self->rename_entry);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->rename_popover), button);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_RIGHT);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->rename_entry, "changed", G_CALLBACK (on_rename_changed), self);
}

static void
fm_map_list_dispose (GObject *object)
{
  FmMapList *self = FM_MAP_LIST (object);
  GtkWidget *child;

  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_object (&self->renaming);
  g_clear_object (&self->current);
  g_clear_object (&self->document);
  g_clear_object (&self->maps_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_MAP_LIST);
  /* The template's box has no name to be unparented by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fm_map_list_parent_class)->dispose (object);
}

static void
fm_map_list_class_init (FmMapListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_map_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-map-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FmMapList, list);
  gtk_widget_class_bind_template_child (widget_class, FmMapList, row_menu);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmmaplist");

  gtk_widget_class_install_action (widget_class, "map-list.rename", NULL, action_rename);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
}

static void on_maps_changed (FmMapList *self);

static void
fm_map_list_init (FmMapList *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* After the list box's own handler: the rows are there to select. */
  self->maps_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_data (self->maps_signals, "items-changed", G_CALLBACK (on_maps_changed),
                               self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (target));
}

static void
select_current (FmMapList *self)
{
  gint position = -1;
  guint n;

  if (self->document == NULL)
    return;

  n = fm_document_get_n_maps (self->document);
  for (guint i = 0; i < n && self->current != NULL; i++)
    if (fm_document_get_map (self->document, i) == self->current)
      position = i;

  self->updating = TRUE;
  if (position >= 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, position));
  else
    gtk_list_box_unselect_all (self->list);
  self->updating = FALSE;
}

/* Rows come and go with the maps; the selection follows the map shown. */
static void
on_maps_changed (FmMapList *self)
{
  select_current (self);
}

/**
 * fm_map_list_set_document:
 * @document: (nullable): whose maps to list
 */
void
fm_map_list_set_document (FmMapList  *self,
                          FmDocument *document)
{
  g_return_if_fail (FM_IS_MAP_LIST (self));

  g_signal_group_set_target (self->maps_signals, NULL);
  g_set_object (&self->document, document);

  self->updating = TRUE;
  gtk_list_box_bind_model (self->list, document ? fm_document_get_maps (document) : NULL,
                           create_row, self, NULL);
  self->updating = FALSE;

  g_signal_group_set_target (self->maps_signals, document ? fm_document_get_maps (document) : NULL);
  select_current (self);
}

/**
 * fm_map_list_set_current:
 * @map: (nullable): the map shown, marked in the list
 */
void
fm_map_list_set_current (FmMapList *self,
                         FmMap     *map)
{
  g_return_if_fail (FM_IS_MAP_LIST (self));

  g_set_object (&self->current, map);
  select_current (self);
}

/**
 * fm_map_list_begin_rename:
 *
 * Opens the rename popover on the row of the current map.
 */
void
fm_map_list_begin_rename (FmMapList *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (FM_IS_MAP_LIST (self));

  if (self->current == NULL || (row = gtk_list_box_get_selected_row (self->list)) == NULL)
    return;

  /* Made when first shown: most windows never rename a map. */
  if (self->rename_popover == NULL)
    build_rename_popover (self);
  g_set_object (&self->renaming, self->current);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), fm_map_get_name (self->current));
  on_rename_changed (self);
  point_at_row (self, GTK_POPOVER (self->rename_popover), row, -1);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}
