/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-actions.c: the canvas's canvas.* actions and their keys
 *
 * Each action has its callback; the keys are bound in class_init, as the
 * window binds its own.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-actions"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-canvas-private.h"

static void
action_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  fm_canvas_select_all (FM_CANVAS (widget));
}

static void
action_escape (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);

  if (self->tool != NULL)
    fm_canvas_tools_cancel (self);
  else if (fm_canvas_state_get_tool (self->state) != FM_CANVAS_TOOL_SELECT)
    fm_canvas_state_set_tool (self->state, FM_CANVAS_TOOL_SELECT,
                              fm_canvas_state_get_place_kind (self->state));
  else
    fm_canvas_state_clear_selection (self->state);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  fm_canvas_delete_selection (FM_CANVAS (widget));
}

static void
action_nudge (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  double dx, dy, step;
  gboolean big;

  g_variant_get (param, "(ddb)", &dx, &dy, &big);
  step = fm_canvas_state_get_snap_to_grid (self->state) ? FM_CANVAS_GRID : 1;
  if (big)
    step *= fm_canvas_state_get_snap_to_grid (self->state) ? 5 : 10;
  fm_canvas_nudge (self, dx * step, dy * step);
}

static void
action_zoom_in (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  fm_canvas_zoom_by (FM_CANVAS (widget), 1.25);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  fm_canvas_zoom_by (FM_CANVAS (widget), 1 / 1.25);
}

static void
action_zoom_reset (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);

  fm_canvas_zoom_by (self, 1 / fm_canvas_state_get_zoom (self->state));
}

/* Zoom to Fit says when even the smallest zoom leaves part of the map
 * out, in the window's toasts: else the view would seem not to move. */
static void
action_zoom_fit (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GtkWidget *overlay;
  g_autofree char *title = NULL;

  if (fm_canvas_zoom_to_fit (FM_CANVAS (widget)))
    return;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  /* Translators: a toast after Zoom to Fit; %d is the smallest zoom, as in "2" */
  title = g_strdup_printf (_("The map is too large to show whole: part of it is outside the view at the smallest zoom, %d %%"),
                           (int) round (FM_CANVAS_MIN_ZOOM * 100));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
action_edit_label (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  const char *id = fm_canvas_state_get_single (self->state);

  if (id != NULL)
    fm_canvas_begin_edit (self, id);
}

static void
add_nudge_bindings (GtkWidgetClass *widget_class,
                    guint           key,
                    double          dx,
                    double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "canvas.nudge", "(ddb)", dx, dy, FALSE);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_SHIFT_MASK, "canvas.nudge", "(ddb)", dx, dy, TRUE);
}

void
fm_canvas_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "canvas.escape", NULL, action_escape);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(ddb)", action_nudge);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, action_zoom_reset);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, action_zoom_fit);
  gtk_widget_class_install_action (widget_class, "canvas.edit-label", NULL, action_edit_label);
  gtk_widget_class_install_property_action (widget_class, "canvas.snap-to-grid", "snap-to-grid");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit-label", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit-label", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_numbersign, GDK_CONTROL_MASK, "canvas.snap-to-grid", NULL);
  add_nudge_bindings (widget_class, GDK_KEY_Left, -1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Right, 1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Up, 0, -1);
  add_nudge_bindings (widget_class, GDK_KEY_Down, 0, 1);
}
