/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-actions.c: undo and redo with their names, the view menu,
 * Arrange in Lanes and the shortcuts window
 *
 * Undo and redo are the document's: a change made anywhere in the window
 * (canvas, inspector, paste) is a step of its undo stack, and the menu
 * names the step ("Undo Move").
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-actions"

#include <glib/gi18n.h>

#include "fm-lane-layout.h"
#include "fm-window-private.h"

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  fm_window_settle (self);
  fm_undo_stack_undo (fm_document_get_undo_stack (self->document));
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  fm_window_settle (self);
  fm_undo_stack_redo (fm_document_get_undo_stack (self->document));
}

/* One row a role, as one undoable step; a map without steps stays as it is. */
static void
action_arrange_in_lanes (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  if (self->map == NULL)
    return;
  fm_window_settle (self);
  fm_lanes_arrange (self->document, self->map);
}

/* GtkApplication would build the shortcuts window for every window it
 * adds, were it at gtk/help-overlay.ui in the resources; it is built on
 * the first Ctrl+? or click in the menu instead (fm_application_startup()
 * gives the action its key). */
static void
action_show_help_overlay (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/flowmap/Flowmap/fm-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, transient for the window, hidden on close and destroyed with it. */
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* Keeps the undo and redo items, buttons and their names in step with the stack. */
void
fm_window_update_history (FmWindow *self)
{
  FmUndoStack *stack = fm_document_get_undo_stack (self->document);
  const char *undo_label = fm_undo_stack_get_undo_label (stack);
  const char *redo_label = fm_undo_stack_get_redo_label (stack);
  /* Translators: %s is what undo would undo, such as "Move" */
  g_autofree char *undo = undo_label ? g_strdup_printf (_("Undo %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: %s is what redo would redo, such as "Move" */
  g_autofree char *redo = redo_label ? g_strdup_printf (_("Redo %s"), redo_label) : g_strdup (_("Redo"));
  g_autoptr(GMenuItem) undo_item = g_menu_item_new (undo, "win.undo");
  g_autoptr(GMenuItem) redo_item = g_menu_item_new (redo, "win.redo");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", fm_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", fm_undo_stack_get_can_redo (stack));
  gtk_widget_set_tooltip_text (self->undo_button, undo);
  gtk_widget_set_tooltip_text (self->redo_button, redo);

  g_menu_remove_all (self->history_section);
  g_menu_append_item (self->history_section, undo_item);
  g_menu_append_item (self->history_section, redo_item);
}

void
fm_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, action_show_help_overlay);
  gtk_widget_class_install_action (widget_class, "win.arrange-in-lanes", NULL, action_arrange_in_lanes);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}

static void
on_zoom_fit (GSimpleAction *action,
             GVariant      *param,
             gpointer       canvas)
{
  /* The canvas's own action says when the map does not fit. */
  gtk_widget_activate_action (canvas, "canvas.zoom-fit", NULL);
}

/* The main menu's widgets are made when it is first opened (by a click
 * or F10): made with the window, they cost a few percent of its first
 * frame, and again at each change of the undo history's items. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* The view menu acts on the canvas, which the header bar's menu cannot
 * reach through canvas.* actions: it is not the menu's ancestor. */
void
fm_window_actions_init (FmWindow *self)
{

  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) snap = NULL;
  g_autoptr(GPropertyAction) changes = NULL;
  g_autoptr(GSimpleAction) fit = g_simple_action_new ("zoom-fit", NULL);

  snap = g_property_action_new ("snap-to-grid", fm_canvas_get_state (self->canvas), "snap-to-grid");
  g_signal_connect_object (fit, "activate", G_CALLBACK (on_zoom_fit), self->canvas, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (snap));
  /* A future state shows what changed since its origin (fm-canvas-diff.c). */
  changes = g_property_action_new ("show-changes", self->canvas, "show-changes");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (changes));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (fit));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (group));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu,
                                         g_object_ref (self->primary_menu), g_object_unref);
}
