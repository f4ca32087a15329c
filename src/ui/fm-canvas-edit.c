/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-edit.c: editing a node's label in place
 *
 * A GtkText child of the canvas, laid over the node. Enter or a click
 * elsewhere commits one "Rename" step; Escape leaves the label as it was.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-edit"

#include <glib/gi18n.h>

#include "fm-canvas-private.h"
#include "fm-json.h"

#define EDITOR_MIN_WIDTH 120.0

static void
finish (FmCanvas *self,
        gboolean  commit)
{
  g_autofree char *id = g_steal_pointer (&self->editing_id);
  GtkWidget *editor = g_steal_pointer (&self->editor);
  gboolean had_focus;

  if (editor == NULL)
    return;

  had_focus = gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (GTK_WIDGET (self)) == editor;
  if (commit && id != NULL && self->map != NULL && fm_map_lookup_node (self->map, id) != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (editor));

      if (g_strcmp0 (text, fm_node_get_label (fm_map_lookup_node (self->map, id))) != 0)
        fm_document_set (self->document, self->map, id, "label", text, NULL);
    }

  gtk_widget_unparent (editor);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  fm_canvas_accessible_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fm_canvas_edit_cancel (FmCanvas *self)
{
  finish (self, FALSE);
}

void
fm_canvas_commit_edit (FmCanvas *self)
{
  g_return_if_fail (FM_IS_CANVAS (self));

  finish (self, TRUE);
}

gboolean
fm_canvas_is_editing (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);

  return self->editor != NULL;
}

static void
on_activate (GtkText  *text,
             FmCanvas *self)
{
  fm_canvas_commit_edit (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FmCanvas              *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* The entry's own undo is off: Ctrl+Z is the document's. */
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);

  if (keyval != GDK_KEY_Escape)
    return FALSE;

  fm_canvas_edit_cancel (self);
  return TRUE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                FmCanvas                *self)
{
  /* Clicking elsewhere keeps what was typed, as in a text field. */
  fm_canvas_commit_edit (self);
}

/* Lays the editor over the node's box, centred, at least wide enough to type in. */
void
fm_canvas_edit_allocate (FmCanvas *self)
{
  graphene_rect_t r;
  FmNode *node;
  int min_height, nat_height;
  GtkAllocation alloc;
  double centre_y;

  if (self->editor == NULL)
    return;

  node = fm_map_lookup_node (self->map, self->editing_id);
  if (node == NULL)
    return;

  fm_canvas_node_to_widget (self, node, &r);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_height, &nat_height, NULL, NULL);
  alloc.width = (int) MAX (r.size.width - 8, EDITOR_MIN_WIDTH);
  alloc.height = nat_height;
  alloc.x = (int) (r.origin.x + r.size.width / 2 - alloc.width / 2.0);
  /* Over the label as the renderer places it: a step's in its head, a
   * queue's under its triangle, others in the middle. */
  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_PROCESS: centre_y = r.origin.y + r.size.height * 0.17; break;
    case FM_NODE_KIND_QUEUE: centre_y = r.origin.y + r.size.height * 0.8; break;
    default: centre_y = r.origin.y + r.size.height / 2; break;
    }
  alloc.y = (int) (centre_y - alloc.height / 2.0);
  gtk_widget_size_allocate (self->editor, &alloc, -1);
}

/**
 * fm_canvas_begin_edit:
 *
 * Opens the in-place editor on a node's label.
 *
 * Returns: whether the node exists and the editor opened
 */
gboolean
fm_canvas_begin_edit (FmCanvas   *self,
                      const char *node_id)
{
  GtkEventController *controller;
  FmNode *node;

  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);

  if (self->map == NULL || (node = fm_map_lookup_node (self->map, node_id)) == NULL)
    return FALSE;

  fm_canvas_commit_edit (self);

  self->editing_id = g_strdup (node_id);
  self->editor = gtk_entry_new ();
  /* No more than a file may hold: a longer label could not be saved. */
  gtk_entry_set_max_length (GTK_ENTRY (self->editor), FM_MAX_TEXT_CHARS);
  gtk_widget_add_css_class (self->editor, "fm-label-editor");
  gtk_editable_set_text (GTK_EDITABLE (self->editor), fm_node_get_label (node));
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 0.5);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  /* Undo of a rename is the document's, not the entry's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->editor), FALSE);
  g_signal_connect (self->editor, "activate", G_CALLBACK (on_activate), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);

  return TRUE;
}
