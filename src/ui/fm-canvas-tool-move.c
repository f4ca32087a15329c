/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool-move.c: the tools that move and resize nodes
 *
 * A press on a node waits for the pointer to travel a few pixels before
 * it moves anything: a click only selects. A press on a handle of a
 * selected node resizes it. Both snap to the grid and keep their changes
 * in one undo group. On a map in lanes, a step dropped in another lane's
 * band takes that lane's role in the same group (fm_lanes_drop_steps()).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tool-move"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-canvas-tool.h"
#include "fm-lane-edit.h"

#define DRAG_THRESHOLD 3.0
#define MIN_NODE_SIZE 20.0

typedef struct {
  FmTool parent;
  char *id;                       /* the node pressed on */
  char **ids;                     /* the nodes moved, once moving */
  FmRect origin;                  /* the pressed node's bounds at the press */
  double applied_dx, applied_dy;  /* the part of the move already in the document */
  gboolean toggle_on_release;     /* Ctrl-click on a selected node unselects it */
  FmMapLanes *lanes;              /* on a map in lanes: its lanes when the move began */
  GArray *bands;                  /* and their bands then */
} FmMoveTool;

static gboolean
extends_selection (GdkModifierType state)
{
  return (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
}

static void
move_begin (FmTool            *tool,
            FmCanvas          *canvas,
            const FmCanvasHit *hit,
            GdkModifierType    modifiers)
{
  FmMoveTool *self = (FmMoveTool *) tool;

  if (extends_selection (modifiers) && fm_canvas_state_is_selected (canvas->state, hit->id))
    self->toggle_on_release = TRUE;
  else if (!fm_canvas_state_is_selected (canvas->state, hit->id))
    fm_canvas_state_select (canvas->state, hit->id, extends_selection (modifiers));
  self->id = g_strdup (hit->id);
  fm_node_get_bounds (fm_map_lookup_node (canvas->map, hit->id), &self->origin);
}

static void
apply_move (FmMoveTool *self,
            FmCanvas   *canvas)
{
  FmTool *tool = &self->parent;
  double zoom = fm_canvas_state_get_zoom (canvas->state);
  double dx = (tool->pointer_x - tool->start_x) / zoom;
  double dy = (tool->pointer_y - tool->start_y) / zoom;
  double target_dx, target_dy;

  /* Snap the pressed node; the others keep their place relative to it. */
  target_dx = fm_canvas_state_snap (canvas->state, self->origin.x + dx) - self->origin.x;
  target_dy = fm_canvas_state_snap (canvas->state, self->origin.y + dy) - self->origin.y;
  if (target_dx == self->applied_dx && target_dy == self->applied_dy)
    return;

  /* What the canvas keeps of the still layers stays good through this. */
  canvas->drag_moving = TRUE;
  fm_document_move_nodes (canvas->document, canvas->map, (const char * const *) self->ids,
                          target_dx - self->applied_dx, target_dy - self->applied_dy);
  canvas->drag_moving = FALSE;
  self->applied_dx = target_dx;
  self->applied_dy = target_dy;
}

static void
move_update (FmTool   *tool,
             FmCanvas *canvas)
{
  FmMoveTool *self = (FmMoveTool *) tool;

  if (self->ids == NULL)
    {
      if (hypot (tool->pointer_x - tool->start_x, tool->pointer_y - tool->start_y) < DRAG_THRESHOLD)
        return;
      self->ids = fm_canvas_state_dup_selection (canvas->state, canvas->map, TRUE);
      self->toggle_on_release = FALSE;
      fm_tool_begin_group (tool, canvas, _("Move"));
      fm_canvas_update_cursor (canvas);
      /* The bands as they were: those the nodes are dropped into. */
      if (fm_map_get_lanes (canvas->map) != NULL)
        {
          self->lanes = fm_map_lanes_new (canvas->map);
          self->bands = fm_lane_bands_compute (canvas->map, self->lanes);
        }
    }

  apply_move (self, canvas);
}

static void
move_end (FmTool          *tool,
          FmCanvas        *canvas,
          GdkModifierType  modifiers)
{
  FmMoveTool *self = (FmMoveTool *) tool;

  if (self->ids == NULL)
    {
      /* A click (no drag) on a node of a larger selection selects just it. */
      if (self->toggle_on_release)
        fm_canvas_state_toggle (canvas->state, self->id);
      else if (!extends_selection (modifiers))
        fm_canvas_state_select (canvas->state, self->id, FALSE);
      return;
    }

  if (self->lanes != NULL)
    fm_lanes_drop_steps (canvas->document, canvas->map, self->lanes, self->bands,
                         (const char * const *) self->ids);
  fm_tool_end_group (tool, canvas);
  g_clear_pointer (&canvas->layers, fm_canvas_layers_free);
}

static const char *
move_cursor (FmTool   *tool,
             FmCanvas *canvas)
{
  return "move";
}

static void
move_finalize (FmTool *tool)
{
  FmMoveTool *self = (FmMoveTool *) tool;

  g_free (self->id);
  g_strfreev (self->ids);
  g_clear_pointer (&self->lanes, fm_map_lanes_free);
  g_clear_pointer (&self->bands, g_array_unref);
}

const FmToolClass fm_move_tool_class = {
  .name = "move",
  .instance_size = sizeof (FmMoveTool),
  .begin = move_begin,
  .update = move_update,
  .end = move_end,
  .cursor = move_cursor,
  .finalize = move_finalize,
};

/**
 * fm_move_tool_get_moved_ids:
 *
 * Returns: (transfer none) (nullable): the nodes being moved, or %NULL
 * while the press has not become a move yet
 */
const char * const *
fm_move_tool_get_moved_ids (FmTool *tool)
{
  g_assert (tool->klass == &fm_move_tool_class);

  return (const char * const *) ((FmMoveTool *) tool)->ids;
}

typedef struct {
  FmTool parent;
  char *id;
  guint handle;
  FmRect origin;
} FmResizeTool;

static void
resize_begin (FmTool            *tool,
              FmCanvas          *canvas,
              const FmCanvasHit *hit,
              GdkModifierType    modifiers)
{
  FmResizeTool *self = (FmResizeTool *) tool;

  self->id = g_strdup (hit->id);
  self->handle = hit->handle;
  fm_node_get_bounds (fm_map_lookup_node (canvas->map, hit->id), &self->origin);
}

static void
resize_update (FmTool   *tool,
               FmCanvas *canvas)
{
  FmResizeTool *self = (FmResizeTool *) tool;
  FmCanvasState *state = canvas->state;
  double zoom = fm_canvas_state_get_zoom (state);
  double x1 = self->origin.x, y1 = self->origin.y;
  double x2 = x1 + self->origin.width, y2 = y1 + self->origin.height;
  double dx = (tool->pointer_x - tool->start_x) / zoom;
  double dy = (tool->pointer_y - tool->start_y) / zoom;
  FmHandle h = self->handle;
  FmRect bounds;

  if (h == FM_HANDLE_NORTH_WEST || h == FM_HANDLE_WEST || h == FM_HANDLE_SOUTH_WEST)
    x1 = MIN (fm_canvas_state_snap (state, x1 + dx), x2 - MIN_NODE_SIZE);
  else if (h == FM_HANDLE_NORTH_EAST || h == FM_HANDLE_EAST || h == FM_HANDLE_SOUTH_EAST)
    x2 = MAX (fm_canvas_state_snap (state, x2 + dx), x1 + MIN_NODE_SIZE);
  if (h == FM_HANDLE_NORTH_WEST || h == FM_HANDLE_NORTH || h == FM_HANDLE_NORTH_EAST)
    y1 = MIN (fm_canvas_state_snap (state, y1 + dy), y2 - MIN_NODE_SIZE);
  else if (h == FM_HANDLE_SOUTH_WEST || h == FM_HANDLE_SOUTH || h == FM_HANDLE_SOUTH_EAST)
    y2 = MAX (fm_canvas_state_snap (state, y2 + dy), y1 + MIN_NODE_SIZE);

  bounds = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
  fm_tool_begin_group (tool, canvas, _("Resize"));
  fm_document_set_node_bounds (canvas->document, canvas->map, self->id, &bounds);
}

static void
resize_end (FmTool          *tool,
            FmCanvas        *canvas,
            GdkModifierType  modifiers)
{
  fm_tool_end_group (tool, canvas);
  g_clear_pointer (&canvas->layers, fm_canvas_layers_free);
}

const char *
fm_canvas_handle_cursor (guint handle)
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

static const char *
resize_cursor (FmTool   *tool,
               FmCanvas *canvas)
{
  return fm_canvas_handle_cursor (((FmResizeTool *) tool)->handle);
}

static void
resize_finalize (FmTool *tool)
{
  g_free (((FmResizeTool *) tool)->id);
}

const FmToolClass fm_resize_tool_class = {
  .name = "resize",
  .instance_size = sizeof (FmResizeTool),
  .begin = resize_begin,
  .update = resize_update,
  .end = resize_end,
  .cursor = resize_cursor,
  .finalize = resize_finalize,
};
