/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-table.c: the map or the table, in the canvas's place
 *
 * The table (fm-table-view.c) is a second view of the map shown, for
 * typing figures in; the header bar's Map and Table buttons and Ctrl+T
 * switch between the two, in each window on its own. The table follows
 * the map the window shows, and its cursor the canvas's selection. It is
 * made when first shown: hidden in the window's stack, its column view
 * would still be styled for every window's first frame.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-table"

#include "fm-window-private.h"

/* The focus goes with the view: typing goes to what is shown. */
static void
on_view_changed (FmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "table") == 0 && self->table_view == NULL)
    {
      self->table_view = FM_TABLE_VIEW (fm_table_view_new ());
      adw_bin_set_child (self->table_bin, GTK_WIDGET (self->table_view));
      fm_window_table_set_map (self);
    }

  if (g_strcmp0 (name, "table") == 0)
    {
      const char *selected = fm_canvas_state_get_single (fm_canvas_get_state (self->canvas));
      g_autoptr(GPtrArray) rows = self->map ? fm_table_rows (self->map) : g_ptr_array_new ();
      guint row = 0;

      /* The row of the shape selected on the map, or the first. */
      for (guint i = 0; selected != NULL && i < rows->len; i++)
        if (g_str_equal (fm_node_get_id (rows->pdata[i]), selected))
          row = i;
      if (!fm_table_view_focus_cell (self->table_view, row, FM_TABLE_LABEL))
        gtk_widget_grab_focus (GTK_WIDGET (self->table_view));
    }
  else
    {
      const char *selected = fm_canvas_state_get_single (fm_canvas_get_state (self->canvas));

      /* The row last typed in, in sight: rows pasted go past the view. */
      if (selected != NULL)
        fm_canvas_select_and_reveal (self->canvas, selected);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
action_toggle_table (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  gboolean table = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "table") == 0;

  if (fm_canvas_is_editing (self->canvas))
    fm_canvas_commit_edit (self->canvas);
  gtk_stack_set_visible_child_name (self->view_stack, table ? "map" : "table");
}

void
fm_window_table_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, table_bin);

  gtk_widget_class_install_action (widget_class, "win.toggle-table", NULL, action_toggle_table);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.toggle-table", NULL);
}

/* editor.view, "map" or "table": the header bar's two toggle buttons. */
void
fm_window_table_init (FmWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) view = g_property_action_new ("view", self->view_stack, "visible-child-name");

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (view));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "editor", G_ACTION_GROUP (group));
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
}

/* The table shows the map the canvas shows. */
void
fm_window_table_set_map (FmWindow *self)
{
  if (self->table_view != NULL)
    fm_table_view_set_map (self->table_view, self->document, self->map,
                         fm_canvas_get_state (self->canvas));
}
