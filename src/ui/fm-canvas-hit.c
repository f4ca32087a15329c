/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-hit.c: what is under the pointer
 *
 * The canvas asks the map's geometry (the edge routes and their node
 * index), never the pixels drawn: a handle of a selected node first, then
 * a connection handle, then the topmost node, then an edge.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-hit"

#include "fm-canvas-private.h"

#define EDGE_SLOP 5.0
/* How far from a node's box its handles reach, in pixels: the selection
 * gap, the connection handle's offset and its hit radius, and some. */
#define HANDLE_REACH 40.0

/* Hovered nodes offer their connection handle too, so that connecting
 * does not need a click to select first. */
static gboolean
shows_port (FmCanvas   *self,
            const char *id)
{
  return g_strcmp0 (id, fm_canvas_state_get_hover (self->state)) == 0 ||
         g_strcmp0 (id, fm_canvas_tools_get_connect_source (self)) == 0;
}

/**
 * fm_canvas_get_routes:
 *
 * Edge routes depend on every node's place: made when first needed, then
 * kept for drawing and hit testing, and brought up to date when next
 * needed after a change (a drag reroutes only what the moved nodes
 * touch). Their indices find what is under the pointer and on screen.
 *
 * Returns: (transfer none) (nullable): the routes of the map shown
 */
FmEdgeRoutes *
fm_canvas_get_routes (FmCanvas *self)
{
  if (self->map == NULL)
    return NULL;

  if (self->routes == NULL)
    self->routes = fm_edge_routes_new (self->map);
  else if (self->routes_stale)
    fm_edge_routes_update (self->routes, self->map);
  self->routes_stale = FALSE;

  return self->routes;
}

/**
 * fm_canvas_offer_routes:
 * @routes: (transfer full): fm_edge_routes_new() of @map as it is now,
 *   found elsewhere (the file's loader thread)
 *
 * Saves the first drawing of @map routing its edges again: the canvas
 * keeps @routes when it shows @map and has found none yet.
 */
void
fm_canvas_offer_routes (FmCanvas     *self,
                        FmMap        *map,
                        FmEdgeRoutes *routes)
{
  g_return_if_fail (FM_IS_CANVAS (self));

  if (routes == NULL)
    return;
  if (self->map != map || self->routes != NULL)
    {
      fm_edge_routes_free (routes);
      return;
    }

  self->routes = routes;
  self->routes_stale = FALSE;
}

/**
 * fm_canvas_node_at:
 *
 * Returns: (transfer none) (nullable): the topmost node at (@map_x, @map_y)
 */
FmNode *
fm_canvas_node_at (FmCanvas *self,
                   double    map_x,
                   double    map_y)
{
  FmEdgeRoutes *routes = fm_canvas_get_routes (self);
  GArray *found;

  if (routes == NULL)
    return NULL;

  found = fm_node_index_find (fm_edge_routes_get_nodes (routes), &(FmRect) { map_x, map_y, 0, 0 });
  for (guint k = found->len; k > 0; k--)
    {
      FmNode *node = fm_map_get_node (self->map, g_array_index (found, guint, k - 1));

      if (fm_node_contains (node, map_x, map_y))
        return node;
    }

  return NULL;
}

/**
 * fm_canvas_hit_test:
 * @hit: (out caller-allocates): what is under the point
 *
 * Finds what a press at (@widget_x, @widget_y) would act on: a handle of
 * a selected node first, then a connection handle, then the topmost node,
 * then an edge, then the header of a lane.
 */
void
fm_canvas_hit_test (FmCanvas    *self,
                    double       widget_x,
                    double       widget_y,
                    FmCanvasHit *hit)
{
  double mx, my, zoom, reach;
  FmEdgeRoutes *routes;
  g_autoptr(GArray) near = NULL;
  FmNode *topmost;

  g_return_if_fail (FM_IS_CANVAS (self));
  g_return_if_fail (hit != NULL);


  *hit = (FmCanvasHit) { FM_CANVAS_HIT_NONE, NULL, 0 };
  if (self->map == NULL)
    return;

  zoom = fm_canvas_state_get_zoom (self->state);
  fm_canvas_state_to_map (self->state, widget_x, widget_y, &mx, &my);
  routes = fm_canvas_get_routes (self);

  /* Handles sit outside the nodes' outlines, a few pixels at most beyond
   * the connection handle: they come first. */
  reach = HANDLE_REACH / zoom;
  {
    GArray *found = fm_node_index_find (fm_edge_routes_get_nodes (routes), &(FmRect) { mx - reach, my - reach, 2 * reach, 2 * reach });

    near = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->len);
    g_array_append_vals (near, found->data, found->len);
  }
  for (guint k = near->len; k > 0; k--)
    {
      FmNode *node = fm_map_get_node (self->map, g_array_index (near, guint, k - 1));
      const char *id = fm_node_get_id (node);
      gboolean selected = fm_canvas_state_is_selected (self->state, id);
      FmHandle handle;

      if (!selected && !shows_port (self, id))
        continue;

      handle = fm_renderer_handle_at (node, zoom, mx, my);
      if (handle == FM_HANDLE_CONNECT)
        {
          *hit = (FmCanvasHit) { FM_CANVAS_HIT_PORT, id, handle };
          return;
        }
      if (handle != FM_HANDLE_NONE && selected)
        {
          *hit = (FmCanvasHit) { FM_CANVAS_HIT_HANDLE, id, handle };
          return;
        }
    }

  topmost = fm_canvas_node_at (self, mx, my);
  if (topmost != NULL)
    {
      *hit = (FmCanvasHit) { FM_CANVAS_HIT_NODE, fm_node_get_id (topmost), 0 };
      return;
    }

  {
    FmEdge *edge = fm_edge_routes_hit (routes, mx, my, EDGE_SLOP / zoom);

    if (edge != NULL)
      {
        *hit = (FmCanvasHit) { FM_CANVAS_HIT_EDGE, fm_edge_get_id (edge), 0 };
        return;
      }
  }

  /* Behind everything, the lanes' headers. */
  {
    guint lane;

    if (fm_canvas_lane_header_at (self, mx, my, &lane))
      *hit = (FmCanvasHit) { FM_CANVAS_HIT_LANE, NULL, lane };
  }
}
