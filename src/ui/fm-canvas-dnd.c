/* fm-canvas-dnd.c: palette items dropped on the canvas become nodes
 *
 * The palette offers an FmNodeKind; while it is over the canvas a ghost of
 * the node shows where it will land, snapped as the node will be.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-dnd"

#include "fm-canvas-private.h"

static void
ghost_rect (FmCanvas *self,
            FmRect   *rect)
{
  double mx, my, width, height, x, y, zoom = fm_canvas_state_get_zoom (self->state);

  fm_canvas_get_node_size (self->drop_kind, &width, &height);
  fm_canvas_state_to_map (self->state, self->drop_x, self->drop_y, &mx, &my);
  fm_canvas_state_to_widget (self->state,
                             fm_canvas_state_snap (self->state, mx - width / 2),
                             fm_canvas_state_snap (self->state, my - height / 2),
                             &x, &y);
  *rect = (FmRect) { x, y, width * zoom, height * zoom };
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                FmCanvas      *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (self->map == NULL)
    return 0;

  self->drop_active = value != NULL && G_VALUE_HOLDS_ENUM (value);
  if (self->drop_active)
    self->drop_kind = g_value_get_enum (value);
  self->drop_x = x;
  self->drop_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               FmCanvas      *self)
{
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FmCanvas      *self)
{
  self->drop_active = FALSE;
  if (self->map == NULL || !G_VALUE_HOLDS (value, FM_TYPE_NODE_KIND))
    return FALSE;

  fm_canvas_tools_cancel (self);
  fm_canvas_place_node (self, g_value_get_enum (value), x, y);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  return TRUE;
}

void
fm_canvas_dnd_init (FmCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (FM_TYPE_NODE_KIND, GDK_ACTION_COPY);

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
fm_canvas_dnd_draw (FmCanvas *self,
                    cairo_t  *cr)
{
  const FmColor *accent = &self->palette.accent;
  double dashes[] = { 5, 3 };
  FmRect r;

  if (!self->drop_active)
    return;

  ghost_rect (self, &r);
  cairo_rectangle (cr, r.x + 0.5, r.y + 0.5, r.width, r.height);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}
