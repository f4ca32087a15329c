/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-dnd.c: palette items dropped on the canvas become nodes
 *
 * The palette offers an FmNodeKind; while it is over the canvas a ghost of
 * the node shows where it will land, snapped as the node will be.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-dnd"

#include "fm-canvas-tool.h"

typedef struct {
  FmTool parent;
  FmNodeKind kind;
} FmDropTool;

static void
ghost_rect (FmDropTool *self,
            FmCanvas   *canvas,
            FmRect     *rect)
{
  FmCanvasState *state = canvas->state;
  double mx, my, width, height, x, y, zoom = fm_canvas_state_get_zoom (state);

  fm_canvas_get_node_size (self->kind, &width, &height);
  fm_canvas_state_to_map (state, self->parent.pointer_x, self->parent.pointer_y, &mx, &my);
  fm_canvas_state_to_widget (state,
                             fm_canvas_state_snap (state, mx - width / 2),
                             fm_canvas_state_snap (state, my - height / 2),
                             &x, &y);
  *rect = (FmRect) { x, y, width * zoom, height * zoom };
}

static void
drop_begin (FmTool            *tool,
            FmCanvas          *canvas,
            const FmCanvasHit *hit,
            GdkModifierType    modifiers)
{
}

static void
drop_update (FmTool   *tool,
             FmCanvas *canvas)
{
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

/* The node lands where the ghost was. */
static void
drop_end (FmTool          *tool,
          FmCanvas        *canvas,
          GdkModifierType  modifiers)
{
  fm_canvas_place_node (canvas, ((FmDropTool *) tool)->kind, tool->pointer_x, tool->pointer_y);
}

static void
drop_draw (FmTool   *tool,
           FmCanvas *canvas,
           cairo_t  *cr)
{
  const FmColor *accent = &canvas->palette.accent;
  double dashes[] = { 5, 3 };
  FmRect r;

  ghost_rect ((FmDropTool *) tool, canvas, &r);
  cairo_rectangle (cr, r.x + 0.5, r.y + 0.5, r.width, r.height);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static const char *
drop_cursor (FmTool   *tool,
             FmCanvas *canvas)
{
  return "copy";
}

const FmToolClass fm_drop_tool_class = {
  .name = "palette-drop",
  .instance_size = sizeof (FmDropTool),
  .begin = drop_begin,
  .update = drop_update,
  .end = drop_end,
  .draw = drop_draw,
  .cursor = drop_cursor,
};

/* The drag and drop machinery owns the pointer while a palette item is
 * over the canvas: the drop tool has its own slot, beside the pointer's
 * tool, and shows no cursor of its own. */
static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                FmCanvas      *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (self->map == NULL)
    return 0;

  /* The value arrives some time after the pointer (preload). */
  if (value == NULL || !G_VALUE_HOLDS_ENUM (value))
    g_clear_pointer (&self->drop_tool, fm_tool_free);
  else
    {
      if (self->drop_tool == NULL)
        {
          self->drop_tool = fm_tool_new (&fm_drop_tool_class, x, y);
          self->drop_tool->klass->begin (self->drop_tool, self, NULL, 0);
        }
      ((FmDropTool *) self->drop_tool)->kind = g_value_get_enum (value);
      self->drop_tool->pointer_x = x;
      self->drop_tool->pointer_y = y;
      self->drop_tool->klass->update (self->drop_tool, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               FmCanvas      *self)
{
  g_clear_pointer (&self->drop_tool, fm_tool_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FmCanvas      *self)
{
  g_autoptr(FmTool) tool = g_steal_pointer (&self->drop_tool);

  if (self->map == NULL || !G_VALUE_HOLDS (value, FM_TYPE_NODE_KIND))
    return FALSE;

  if (tool == NULL)
    tool = fm_tool_new (&fm_drop_tool_class, x, y);
  ((FmDropTool *) tool)->kind = g_value_get_enum (value);
  tool->pointer_x = x;
  tool->pointer_y = y;

  fm_canvas_tools_cancel (self);
  tool->klass->end (tool, self, 0);
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
