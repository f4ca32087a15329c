/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool-connect.c: the tool that connects two nodes
 *
 * From a node's connection handle to another node, with the pointer; or
 * with the keys (fm-canvas-keyboard.c: C, Tab, Enter), which set the
 * target and the end of the preview line instead of the pointer. Either
 * way the edge is made at the end, as one undoable step, and until then
 * the document is untouched.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tool-connect"

#include "fm-canvas-tool.h"

typedef struct {
  FmTool parent;
  char *source;
  char *target;        /* the node under the pointer, or picked with Tab */
  gboolean by_keys;
} FmConnectTool;

static void
connect_begin (FmTool            *tool,
               FmCanvas          *canvas,
               const FmCanvasHit *hit,
               GdkModifierType    modifiers)
{
  ((FmConnectTool *) tool)->source = g_strdup (hit->id);
}

static void
connect_update (FmTool   *tool,
                FmCanvas *canvas)
{
  FmConnectTool *self = (FmConnectTool *) tool;
  double mx, my;
  FmNode *node;
  const char *target;

  fm_canvas_state_to_map (canvas->state, tool->pointer_x, tool->pointer_y, &mx, &my);
  node = fm_canvas_node_at (canvas, mx, my);
  target = node != NULL ? fm_node_get_id (node) : NULL;
  if (g_strcmp0 (target, self->source) == 0)
    target = NULL;
  fm_connect_tool_set_target (tool, target);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

static void
connect_end (FmTool          *tool,
             FmCanvas        *canvas,
             GdkModifierType  modifiers)
{
  FmConnectTool *self = (FmConnectTool *) tool;

  if (self->target != NULL)
    fm_canvas_connect (canvas, self->source, self->target);
}

/* The edge to be: a dashed line from the source, the target framed. */
static void
connect_draw (FmTool   *tool,
              FmCanvas *canvas,
              cairo_t  *cr)
{
  FmConnectTool *self = (FmConnectTool *) tool;
  const FmColor *accent = &canvas->palette.accent;
  FmNode *source = fm_map_lookup_node (canvas->map, self->source);
  FmNode *target = fm_map_lookup_node (canvas->map, self->target);
  graphene_rect_t r;
  double dashes[] = { 6, 4 };

  if (source == NULL)
    return;

  fm_canvas_node_to_widget (canvas, source, &r);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2);
  cairo_line_to (cr, tool->pointer_x, tool->pointer_y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (target != NULL)
    {
      fm_canvas_node_to_widget (canvas, target, &r);
      cairo_rectangle (cr, r.origin.x - 3, r.origin.y - 3, r.size.width + 6, r.size.height + 6);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
}

static const char *
connect_cursor (FmTool   *tool,
                FmCanvas *canvas)
{
  return "crosshair";
}

static void
connect_finalize (FmTool *tool)
{
  FmConnectTool *self = (FmConnectTool *) tool;

  g_free (self->source);
  g_free (self->target);
}

const FmToolClass fm_connect_tool_class = {
  .name = "connect",
  .instance_size = sizeof (FmConnectTool),
  .begin = connect_begin,
  .update = connect_update,
  .end = connect_end,
  .draw = connect_draw,
  .cursor = connect_cursor,
  .finalize = connect_finalize,
};

/**
 * fm_connect_tool_new_by_keys:
 * @source: the node the edge will start from
 *
 * Returns: (transfer full): a connect tool begun without a press; its
 * target is set with fm_connect_tool_set_target()
 */
FmTool *
fm_connect_tool_new_by_keys (FmCanvas   *canvas,
                             const char *source)
{
  FmTool *tool = fm_tool_new (&fm_connect_tool_class, 0, 0);
  FmCanvasHit hit = { FM_CANVAS_HIT_PORT, source, FM_HANDLE_CONNECT };

  tool->klass->begin (tool, canvas, &hit, 0);
  ((FmConnectTool *) tool)->by_keys = TRUE;

  return tool;
}

gboolean
fm_connect_tool_is_by_keys (FmTool *tool)
{
  g_assert (tool->klass == &fm_connect_tool_class);

  return ((FmConnectTool *) tool)->by_keys;
}

const char *
fm_connect_tool_get_source (FmTool *tool)
{
  g_assert (tool->klass == &fm_connect_tool_class);

  return ((FmConnectTool *) tool)->source;
}

/* Returns: (nullable): the node the edge would go to */
const char *
fm_connect_tool_get_target (FmTool *tool)
{
  g_assert (tool->klass == &fm_connect_tool_class);

  return ((FmConnectTool *) tool)->target;
}

void
fm_connect_tool_set_target (FmTool     *tool,
                            const char *target)
{
  FmConnectTool *self = (FmConnectTool *) tool;

  g_assert (tool->klass == &fm_connect_tool_class);

  if (self->target != target)
    {
      g_free (self->target);
      self->target = g_strdup (target);
    }
}
