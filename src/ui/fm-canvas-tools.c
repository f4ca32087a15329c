/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tools.c: what the pointer does on the canvas
 *
 * One press-drag-release gesture does one thing, chosen at the press by
 * what is under the pointer: move the selection, resize a node, connect two
 * nodes, select with a rubber band, or pan. Each is a tool
 * (fm-canvas-tool.h); this file picks it at the press, feeds it the motion
 * and the release, and cancels it on Escape, which reverts what it did to
 * the document without leaving anything to redo.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tools"

#include <math.h>

#include "fm-canvas-tool.h"

#define HOVER_REACH 30.0    /* widget pixels right of a node where it stays hovered */

/* Ends the tool in progress, if any, as Escape does, and forgets it. */
static void
drop_tool (FmCanvas *self)
{
  g_autoptr(FmTool) tool = g_steal_pointer (&self->tool);

  if (tool == NULL)
    return;

  if (tool->klass->cancel != NULL)
    tool->klass->cancel (tool, self);
  fm_tool_cancel_group (tool, self);
}

/* Escape during a drag: revert what the drag did and forget it. */
void
fm_canvas_tools_cancel (FmCanvas *self)
{
  if (self->tool == NULL)
    return;

  drop_tool (self);
  g_clear_pointer (&self->layers, fm_canvas_layers_free);
  if (self->primary_drag != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->primary_drag));
  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fm_canvas_tools_dispose (FmCanvas *self)
{
  fm_canvas_tools_cancel (self);
  g_clear_pointer (&self->pan_tool, fm_tool_free);
  g_clear_pointer (&self->drop_tool, fm_tool_free);
}

/**
 * fm_canvas_cancel_gesture:
 *
 * Rolls back a drag in progress, as Escape does.
 */
void
fm_canvas_cancel_gesture (FmCanvas *self)
{
  g_return_if_fail (FM_IS_CANVAS (self));

  fm_canvas_tools_cancel (self);
}

/**
 * fm_canvas_tools_get_tool:
 * @klass: (nullable): the kind of tool wanted, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the tool in progress, when of @klass
 */
FmTool *
fm_canvas_tools_get_tool (FmCanvas          *self,
                          const FmToolClass *klass)
{
  if (self->tool == NULL || (klass != NULL && self->tool->klass != klass))
    return NULL;

  return self->tool;
}

/* Makes @tool (transfer full), begun already, the gesture in progress,
 * cancelling the one before. */
void
fm_canvas_tools_start (FmCanvas *self,
                       FmTool   *tool)
{
  fm_canvas_tools_cancel (self);
  self->tool = tool;
  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fm_canvas_tools_get_moved_ids:
 *
 * Returns: (transfer none) (nullable): the nodes a drag is moving
 */
const char * const *
fm_canvas_tools_get_moved_ids (FmCanvas *self)
{
  FmTool *tool = fm_canvas_tools_get_tool (self, &fm_move_tool_class);

  return tool != NULL ? fm_move_tool_get_moved_ids (tool) : NULL;
}

/* Whether a drag is moving or resizing nodes. */
gboolean
fm_canvas_tools_is_reshaping (FmCanvas *self)
{
  return fm_canvas_tools_get_moved_ids (self) != NULL ||
         fm_canvas_tools_get_tool (self, &fm_resize_tool_class) != NULL;
}

/* Returns: (nullable): the node a connection being made starts from */
const char *
fm_canvas_tools_get_connect_source (FmCanvas *self)
{
  FmTool *tool = fm_canvas_tools_get_tool (self, &fm_connect_tool_class);

  return tool != NULL ? fm_connect_tool_get_source (tool) : NULL;
}

static const FmToolClass *
tool_for_hit (const FmCanvasHit *hit)
{
  switch (hit->type)
    {
    case FM_CANVAS_HIT_HANDLE: return &fm_resize_tool_class;
    case FM_CANVAS_HIT_PORT: return &fm_connect_tool_class;
    case FM_CANVAS_HIT_NODE: return &fm_move_tool_class;
    case FM_CANVAS_HIT_LANE: return &fm_lane_tool_class;
    case FM_CANVAS_HIT_EDGE: return NULL;   /* a click selects it; nothing to drag */
    case FM_CANVAS_HIT_NONE:
    default:
      return &fm_band_tool_class;
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FmCanvas       *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  const FmToolClass *klass;
  FmCanvasHit hit = { FM_CANVAS_HIT_NONE, NULL, 0 };

  if (fm_canvas_is_editing (self))
    fm_canvas_commit_edit (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* A connection made with the keys gives way to the pointer. */
  drop_tool (self);

  if (self->map == NULL)
    return;

  if (self->space_down)
    {
      klass = &fm_pan_tool_class;
    }
  else if (fm_canvas_state_get_tool (self->state) == FM_CANVAS_TOOL_PLACE)
    {
      FmNodeKind kind = fm_canvas_state_get_place_kind (self->state);

      fm_canvas_state_set_tool (self->state, FM_CANVAS_TOOL_SELECT, kind);
      fm_canvas_place_node (self, kind, x, y);
      fm_canvas_update_cursor (self);
      return;
    }
  else
    {
      fm_canvas_hit_test (self, x, y, &hit);
      klass = tool_for_hit (&hit);
    }

  if (klass != NULL)
    {
      self->tool = fm_tool_new (klass, x, y);
      klass->begin (self->tool, self, &hit, modifiers);
    }
  else if (hit.type == FM_CANVAS_HIT_EDGE)
    {
      if ((modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
        fm_canvas_state_toggle (self->state, hit.id);
      else
        fm_canvas_state_select (self->state, hit.id, FALSE);
    }

  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FmCanvas       *self)
{
  FmTool *tool = self->tool;
  double start_x, start_y;

  if (tool == NULL)
    {
      if (gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y))
        {
          self->pointer_x = start_x + offset_x;
          self->pointer_y = start_y + offset_y;
        }
      return;
    }

  tool->pointer_x = tool->start_x + offset_x;
  tool->pointer_y = tool->start_y + offset_y;
  self->pointer_x = tool->pointer_x;
  self->pointer_y = tool->pointer_y;
  tool->klass->update (tool, self);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             FmCanvas       *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  /* The tool stays current while it ends, as it was while it ran. */
  if (self->tool != NULL)
    {
      g_autoptr(FmTool) tool = NULL;

      self->tool->klass->end (self->tool, self, modifiers);
      tool = g_steal_pointer (&self->tool);
    }

  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The middle button pans whatever else is going on. */
static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              FmCanvas       *self)
{
  g_clear_pointer (&self->pan_tool, fm_tool_free);
  self->pan_tool = fm_tool_new (&fm_pan_tool_class, x, y);
  fm_pan_tool_class.begin (self->pan_tool, self, NULL, 0);
  self->cursor_name = fm_pan_tool_class.cursor (self->pan_tool, self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->cursor_name);
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               FmCanvas       *self)
{
  FmTool *tool = self->pan_tool;

  if (tool == NULL)
    return;

  tool->pointer_x = tool->start_x + offset_x;
  tool->pointer_y = tool->start_y + offset_y;
  tool->klass->update (tool, self);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            FmCanvas       *self)
{
  g_clear_pointer (&self->pan_tool, fm_tool_free);
  fm_canvas_update_cursor (self);
}

/* On release, after the drag gesture has seen its press, so that the
 * press does not close the editor that opens here. */
static void
on_click_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  FmCanvas        *self)
{
  FmCanvasHit hit;

  if (n_press != 2)
    return;

  fm_canvas_hit_test (self, x, y, &hit);
  if (hit.type == FM_CANVAS_HIT_NODE)
    {
      fm_canvas_tools_cancel (self);
      fm_canvas_state_select (self->state, hit.id, FALSE);
      fm_canvas_begin_edit (self, hit.id);
    }
}

/* Keeps a node hovered while the pointer crosses the gap to its
 * connection handle, which sits beside it. */
static gboolean
near_hovered_node (FmCanvas *self)
{
  const char *hover = fm_canvas_state_get_hover (self->state);
  FmNode *node = hover ? fm_map_lookup_node (self->map, hover) : NULL;
  double zoom = fm_canvas_state_get_zoom (self->state), mx, my, reach = HOVER_REACH / zoom;
  FmRect b;

  if (node == NULL)
    return FALSE;

  fm_node_get_bounds (node, &b);
  fm_canvas_state_to_map (self->state, self->pointer_x, self->pointer_y, &mx, &my);
  return mx >= b.x && mx <= b.x + b.width + reach && my >= b.y && my <= b.y + b.height;
}

static void
update_hover (FmCanvas *self)
{
  FmCanvasHit hit;

  fm_canvas_hit_test (self, self->pointer_x, self->pointer_y, &hit);
  if (hit.type != FM_CANVAS_HIT_NONE || !near_hovered_node (self))
    fm_canvas_state_set_hover (self->state, hit.id);
  fm_canvas_update_cursor (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FmCanvas                 *self)
{
  self->have_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->tool == NULL)
    update_hover (self);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FmCanvas                 *self)
{
  self->have_pointer = FALSE;
  if (self->tool == NULL)
    fm_canvas_state_set_hover (self->state, NULL);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FmCanvas              *self)
{
  if (keyval != GDK_KEY_space)
    return FALSE;

  self->space_down = TRUE;
  fm_canvas_update_cursor (self);
  return TRUE;
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 FmCanvas              *self)
{
  if (keyval != GDK_KEY_space)
    return;

  self->space_down = FALSE;
  fm_canvas_update_cursor (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           FmCanvas                 *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->have_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->have_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double factor = pow (wheel ? 1.15 : 1.01, -dy);

      fm_canvas_state_zoom_at (self->state, fm_canvas_state_get_zoom (self->state) * factor, x, y);
      return TRUE;
    }

  if (wheel)
    {
      dx *= 48;
      dy *= 48;
    }
  if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  fm_canvas_state_scroll_by (self->state, dx, dy);
  if (self->tool == NULL && self->have_pointer)
    update_hover (self);

  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                FmCanvas         *self)
{
  self->pinch_zoom = fm_canvas_state_get_zoom (self->state);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        FmCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  fm_canvas_state_zoom_at (self->state, self->pinch_zoom * scale, x, y);
}

void
fm_canvas_tools_init (FmCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->primary_drag = gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The cursor says what pressing here and dragging would do. */
const char *
fm_canvas_tools_cursor (FmCanvas *self,
                        double    x,
                        double    y)
{
  FmCanvasHit hit;

  if (self->tool != NULL)
    return self->tool->klass->cursor (self->tool, self);

  if (self->space_down)
    return "grab";
  if (fm_canvas_state_get_tool (self->state) == FM_CANVAS_TOOL_PLACE)
    return "copy";

  fm_canvas_hit_test (self, x, y, &hit);
  switch (hit.type)
    {
    case FM_CANVAS_HIT_HANDLE: return fm_canvas_handle_cursor (hit.handle);
    case FM_CANVAS_HIT_PORT: return "crosshair";
    case FM_CANVAS_HIT_NODE: return "move";
    case FM_CANVAS_HIT_EDGE: return "pointer";
    case FM_CANVAS_HIT_LANE: return "grab";
    case FM_CANVAS_HIT_NONE:
    default:
      return "default";
    }
}

/* What the gestures in progress show over the map: the band, the edge to
 * be, the ghost of a palette item. */
void
fm_canvas_tools_draw (FmCanvas *self,
                      cairo_t  *cr)
{
  FmTool *tools[] = { self->tool, self->drop_tool };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (tools[i] != NULL && tools[i]->klass->draw != NULL)
      tools[i]->klass->draw (tools[i], self, cr);
}
