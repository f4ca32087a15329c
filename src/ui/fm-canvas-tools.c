/* fm-canvas-tools.c: what the pointer does on the canvas
 *
 * One press-drag-release gesture does one thing, chosen at the press by
 * what is under the pointer: move the selection, resize a node, connect two
 * nodes, select with a rubber band, or pan. Changes go to the document as
 * they happen, inside one undo group, so the renderer shows the real map
 * and one drag is one undo step; Escape rolls the group back.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tools"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-canvas-private.h"

#define DRAG_THRESHOLD 3.0
#define MIN_NODE_SIZE 20.0
#define HOVER_REACH 30.0    /* widget pixels right of a node where it stays hovered */

static void
drag_clear (FmDrag *drag)
{
  g_clear_pointer (&drag->id, g_free);
  g_clear_pointer (&drag->ids, g_strfreev);
  g_clear_pointer (&drag->target, g_free);
  g_clear_pointer (&drag->initial_selection, g_hash_table_unref);
  drag->mode = FM_DRAG_NONE;
  drag->toggle_on_release = FALSE;
  drag->group_open = FALSE;
  drag->applied_dx = drag->applied_dy = 0;
}

static void
open_group (FmCanvas   *self,
            const char *label)
{
  if (self->drag.group_open)
    return;

  self->drag.depth_before = fm_undo_stack_get_depth (fm_document_get_undo_stack (self->document));
  fm_document_begin_group (self->document, label);
  self->drag.group_open = TRUE;

  /* Moving and resizing change no figure: computing them on every motion
   * would cost more than the frame on a big map. Once at the end. */
  if (self->held_metrics == NULL && self->metrics_cache != NULL)
    {
      self->held_metrics = g_object_ref (self->metrics_cache);
      fm_metrics_cache_hold (self->held_metrics);
    }
}

static void
release_metrics (FmCanvas *self)
{
  g_autoptr(FmMetricsCache) cache = g_steal_pointer (&self->held_metrics);

  if (cache != NULL)
    fm_metrics_cache_release (cache);
}

static void
close_group (FmCanvas *self,
             gboolean  roll_back)
{
  FmUndoStack *stack;

  if (!self->drag.group_open)
    return;

  self->drag.group_open = FALSE;
  fm_document_end_group (self->document);
  stack = fm_document_get_undo_stack (self->document);
  if (roll_back && fm_undo_stack_get_depth (stack) > self->drag.depth_before)
    fm_undo_stack_undo (stack);
  release_metrics (self);
}

/* Escape during a drag: undo what the drag did and forget it. */
void
fm_canvas_tools_cancel (FmCanvas *self)
{
  if (self->drag.mode == FM_DRAG_NONE)
    return;

  if (self->drag.mode == FM_DRAG_RUBBER_BAND && self->drag.initial_selection != NULL)
    {
      g_autofree const char **ids =
        (const char **) g_hash_table_get_keys_as_array (self->drag.initial_selection, NULL);

      fm_canvas_state_set_selection (self->state, ids);
    }
  close_group (self, TRUE);
  drag_clear (&self->drag);
  g_clear_pointer (&self->layers, fm_canvas_layers_free);
  if (self->primary_drag != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->primary_drag));
  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static gboolean
extends_selection (GdkModifierType state)
{
  return (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FmCanvas       *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  FmDrag *drag = &self->drag;
  FmCanvasHit hit;

  if (fm_canvas_is_editing (self))
    fm_canvas_commit_edit (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  drag_clear (drag);
  drag->start_x = drag->pointer_x = x;
  drag->start_y = drag->pointer_y = y;

  if (self->map == NULL)
    return;

  if (self->space_down)
    {
      drag->mode = FM_DRAG_PAN;
      fm_canvas_state_get_origin (self->state, &drag->pan_origin_x, &drag->pan_origin_y);
      fm_canvas_update_cursor (self);
      return;
    }

  if (fm_canvas_state_get_tool (self->state) == FM_CANVAS_TOOL_PLACE)
    {
      FmNodeKind kind = fm_canvas_state_get_place_kind (self->state);

      fm_canvas_state_set_tool (self->state, FM_CANVAS_TOOL_SELECT, kind);
      fm_canvas_place_node (self, kind, x, y);
      fm_canvas_update_cursor (self);
      return;
    }

  fm_canvas_hit_test (self, x, y, &hit);
  switch (hit.type)
    {
    case FM_CANVAS_HIT_HANDLE:
      drag->mode = FM_DRAG_RESIZE;
      drag->id = g_strdup (hit.id);
      drag->handle = hit.handle;
      fm_node_get_bounds (fm_map_lookup_node (self->map, hit.id), &drag->origin);
      break;

    case FM_CANVAS_HIT_PORT:
      drag->mode = FM_DRAG_CONNECT;
      drag->id = g_strdup (hit.id);
      break;

    case FM_CANVAS_HIT_NODE:
      if (extends_selection (modifiers) && fm_canvas_state_is_selected (self->state, hit.id))
        drag->toggle_on_release = TRUE;
      else if (!fm_canvas_state_is_selected (self->state, hit.id))
        fm_canvas_state_select (self->state, hit.id, extends_selection (modifiers));
      drag->mode = FM_DRAG_PENDING_MOVE;
      drag->id = g_strdup (hit.id);
      fm_node_get_bounds (fm_map_lookup_node (self->map, hit.id), &drag->origin);
      break;

    case FM_CANVAS_HIT_EDGE:
      if (extends_selection (modifiers))
        fm_canvas_state_toggle (self->state, hit.id);
      else
        fm_canvas_state_select (self->state, hit.id, FALSE);
      break;

    case FM_CANVAS_HIT_NONE:
    default:
      drag->mode = FM_DRAG_RUBBER_BAND;
      if (extends_selection (modifiers))
        drag->initial_selection = g_hash_table_ref (fm_canvas_state_get_selection (self->state));
      else
        fm_canvas_state_clear_selection (self->state);
      /* A copy: the state's table changes as the band grows. */
      if (drag->initial_selection != NULL)
        {
          GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, drag->initial_selection);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (copy, g_strdup (key));
          g_hash_table_unref (drag->initial_selection);
          drag->initial_selection = copy;
        }
      break;
    }

  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_move (FmCanvas *self)
{
  FmDrag *drag = &self->drag;
  double zoom = fm_canvas_state_get_zoom (self->state);
  double dx = (drag->pointer_x - drag->start_x) / zoom;
  double dy = (drag->pointer_y - drag->start_y) / zoom;
  double target_dx, target_dy;

  /* Snap the pressed node; the others keep their place relative to it. */
  target_dx = fm_canvas_state_snap (self->state, drag->origin.x + dx) - drag->origin.x;
  target_dy = fm_canvas_state_snap (self->state, drag->origin.y + dy) - drag->origin.y;
  if (target_dx == drag->applied_dx && target_dy == drag->applied_dy)
    return;

  /* What the canvas keeps of the still layers stays good through this. */
  self->drag_moving = TRUE;
  fm_document_move_nodes (self->document, self->map, (const char * const *) drag->ids,
                          target_dx - drag->applied_dx, target_dy - drag->applied_dy);
  self->drag_moving = FALSE;
  drag->applied_dx = target_dx;
  drag->applied_dy = target_dy;
}

static void
update_resize (FmCanvas *self)
{
  FmDrag *drag = &self->drag;
  double zoom = fm_canvas_state_get_zoom (self->state);
  double x1 = drag->origin.x, y1 = drag->origin.y;
  double x2 = x1 + drag->origin.width, y2 = y1 + drag->origin.height;
  double dx = (drag->pointer_x - drag->start_x) / zoom;
  double dy = (drag->pointer_y - drag->start_y) / zoom;
  FmHandle h = drag->handle;
  FmRect bounds;

  if (h == FM_HANDLE_NORTH_WEST || h == FM_HANDLE_WEST || h == FM_HANDLE_SOUTH_WEST)
    x1 = MIN (fm_canvas_state_snap (self->state, x1 + dx), x2 - MIN_NODE_SIZE);
  else if (h == FM_HANDLE_NORTH_EAST || h == FM_HANDLE_EAST || h == FM_HANDLE_SOUTH_EAST)
    x2 = MAX (fm_canvas_state_snap (self->state, x2 + dx), x1 + MIN_NODE_SIZE);
  if (h == FM_HANDLE_NORTH_WEST || h == FM_HANDLE_NORTH || h == FM_HANDLE_NORTH_EAST)
    y1 = MIN (fm_canvas_state_snap (self->state, y1 + dy), y2 - MIN_NODE_SIZE);
  else if (h == FM_HANDLE_SOUTH_WEST || h == FM_HANDLE_SOUTH || h == FM_HANDLE_SOUTH_EAST)
    y2 = MAX (fm_canvas_state_snap (self->state, y2 + dy), y1 + MIN_NODE_SIZE);

  bounds = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
  open_group (self, _("Resize"));
  fm_document_set_node_bounds (self->document, self->map, drag->id, &bounds);
}

static const char *
node_at (FmCanvas *self,
         double    x,
         double    y)
{
  double mx, my;
  FmNode *node;

  fm_canvas_state_to_map (self->state, x, y, &mx, &my);
  node = fm_canvas_node_at (self, mx, my);

  return node != NULL ? fm_node_get_id (node) : NULL;
}

static void
band_rect (FmCanvas *self,
           FmRect   *rect)
{
  double x1, y1, x2, y2;

  fm_canvas_state_to_map (self->state, self->drag.start_x, self->drag.start_y, &x1, &y1);
  fm_canvas_state_to_map (self->state, self->drag.pointer_x, self->drag.pointer_y, &x2, &y2);
  *rect = (FmRect) { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) };
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FmCanvas       *self)
{
  FmDrag *drag = &self->drag;
  double zoom = fm_canvas_state_get_zoom (self->state);

  drag->pointer_x = drag->start_x + offset_x;
  drag->pointer_y = drag->start_y + offset_y;
  self->pointer_x = drag->pointer_x;
  self->pointer_y = drag->pointer_y;

  switch (drag->mode)
    {
    case FM_DRAG_PAN:
      fm_canvas_state_set_view (self->state, zoom,
                                drag->pan_origin_x - offset_x / zoom,
                                drag->pan_origin_y - offset_y / zoom);
      break;

    case FM_DRAG_PENDING_MOVE:
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        break;
      drag->ids = fm_canvas_state_dup_selection (self->state, self->map, TRUE);
      drag->mode = FM_DRAG_MOVE;
      drag->toggle_on_release = FALSE;
      open_group (self, _("Move"));
      fm_canvas_update_cursor (self);
      G_GNUC_FALLTHROUGH;

    case FM_DRAG_MOVE:
      update_move (self);
      break;

    case FM_DRAG_RESIZE:
      update_resize (self);
      break;

    case FM_DRAG_CONNECT:
      {
        const char *target = node_at (self, drag->pointer_x, drag->pointer_y);

        if (g_strcmp0 (target, drag->id) == 0)
          target = NULL;
        g_free (drag->target);
        drag->target = g_strdup (target);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case FM_DRAG_RUBBER_BAND:
      {
        FmRect rect;

        band_rect (self, &rect);
        fm_canvas_select_rect_keeping (self, &rect, drag->initial_selection);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case FM_DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             FmCanvas       *self)
{
  FmDrag *drag = &self->drag;
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  switch (drag->mode)
    {
    case FM_DRAG_PENDING_MOVE:
      /* A click (no drag) on a node of a larger selection selects just it. */
      if (drag->toggle_on_release)
        fm_canvas_state_toggle (self->state, drag->id);
      else if (!extends_selection (modifiers))
        fm_canvas_state_select (self->state, drag->id, FALSE);
      break;

    case FM_DRAG_MOVE:
    case FM_DRAG_RESIZE:
      close_group (self, FALSE);
      g_clear_pointer (&self->layers, fm_canvas_layers_free);
      break;

    case FM_DRAG_CONNECT:
      if (drag->target != NULL)
        fm_canvas_connect (self, drag->id, drag->target);
      break;

    case FM_DRAG_RUBBER_BAND:
    case FM_DRAG_PAN:
    case FM_DRAG_NONE:
    default:
      break;
    }

  drag_clear (drag);
  fm_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              FmCanvas       *self)
{
  fm_canvas_state_get_origin (self->state, &self->drag.pan_origin_x, &self->drag.pan_origin_y);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->cursor_name = "grabbing";
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               FmCanvas       *self)
{
  double zoom = fm_canvas_state_get_zoom (self->state);

  fm_canvas_state_set_view (self->state, zoom,
                            self->drag.pan_origin_x - offset_x / zoom,
                            self->drag.pan_origin_y - offset_y / zoom);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            FmCanvas       *self)
{
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
  if (self->drag.mode == FM_DRAG_NONE)
    update_hover (self);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FmCanvas                 *self)
{
  self->have_pointer = FALSE;
  if (self->drag.mode == FM_DRAG_NONE)
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
  if (self->drag.mode == FM_DRAG_NONE && self->have_pointer)
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

static const char *
handle_cursor (guint handle)
{
  switch (handle)
    {
    case FM_HANDLE_NORTH_WEST:
    case FM_HANDLE_SOUTH_EAST:
      return "nwse-resize";
    case FM_HANDLE_NORTH_EAST:
    case FM_HANDLE_SOUTH_WEST:
      return "nesw-resize";
    case FM_HANDLE_NORTH:
    case FM_HANDLE_SOUTH:
      return "ns-resize";
    default:
      return "ew-resize";
    }
}

/* The cursor says what pressing here and dragging would do. */
const char *
fm_canvas_tools_cursor (FmCanvas *self,
                        double    x,
                        double    y)
{
  FmCanvasHit hit;

  switch (self->drag.mode)
    {
    case FM_DRAG_PAN: return "grabbing";
    case FM_DRAG_MOVE: return "move";
    case FM_DRAG_RESIZE: return handle_cursor (self->drag.handle);
    case FM_DRAG_CONNECT: return "crosshair";
    case FM_DRAG_RUBBER_BAND: return "default";
    case FM_DRAG_PENDING_MOVE: return "move";
    case FM_DRAG_NONE:
    default:
      break;
    }

  if (self->space_down)
    return "grab";
  if (fm_canvas_state_get_tool (self->state) == FM_CANVAS_TOOL_PLACE)
    return "copy";

  fm_canvas_hit_test (self, x, y, &hit);
  switch (hit.type)
    {
    case FM_CANVAS_HIT_HANDLE: return handle_cursor (hit.handle);
    case FM_CANVAS_HIT_PORT: return "crosshair";
    case FM_CANVAS_HIT_NODE: return "move";
    case FM_CANVAS_HIT_EDGE: return "pointer";
    case FM_CANVAS_HIT_NONE:
    default:
      return "default";
    }
}

/* What a drag in progress shows over the map: the band, the edge to be. */
void
fm_canvas_tools_draw (FmCanvas *self,
                      cairo_t  *cr)
{
  const FmColor *accent = &self->palette.accent;
  FmDrag *drag = &self->drag;

  if (drag->mode == FM_DRAG_RUBBER_BAND)
    {
      double x = MIN (drag->start_x, drag->pointer_x), y = MIN (drag->start_y, drag->pointer_y);

      cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5,
                       round (fabs (drag->pointer_x - drag->start_x)),
                       round (fabs (drag->pointer_y - drag->start_y)));
      cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else if (drag->mode == FM_DRAG_CONNECT)
    {
      FmNode *source = fm_map_lookup_node (self->map, drag->id);
      FmNode *target = fm_map_lookup_node (self->map, drag->target);
      graphene_rect_t r;
      double dashes[] = { 6, 4 };

      if (source == NULL)
        return;

      fm_canvas_node_to_widget (self, source, &r);
      cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2);
      cairo_line_to (cr, drag->pointer_x, drag->pointer_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (target != NULL)
        {
          fm_canvas_node_to_widget (self, target, &r);
          cairo_rectangle (cr, r.origin.x - 3, r.origin.y - 3, r.size.width + 6, r.size.height + 6);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
    }
}
