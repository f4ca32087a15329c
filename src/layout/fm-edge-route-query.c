/* fm-edge-route-query.c: which route is where
 *
 * Look-ups by edge and by place over the routes as last updated: the
 * canvas's hit test and the renderer's choice of what is on screen. The
 * nodes are found through the routes' node index (fm-node-index.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>

#include "fm-edge-route-private.h"

/**
 * fm_edge_routes_find_position:
 * @position: (out): where the route of @edge_id is, for fm_edge_routes_get()
 *
 * Returns: %FALSE when no edge has that id
 */
gboolean
fm_edge_routes_find_position (FmEdgeRoutes *self,
                              const char   *edge_id,
                              guint        *position)
{
  gpointer found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (edge_id != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  found = g_hash_table_lookup (self->by_id, edge_id);
  if (found == NULL)
    return FALSE;

  *position = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

guint
fm_edge_routes_get_n (FmEdgeRoutes *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->routes->len;
}

/**
 * fm_edge_routes_get:
 *
 * Returns: (transfer none): the route of the edge at @position in the map
 */
const FmEdgeRoute *
fm_edge_routes_get (FmEdgeRoutes *self,
                    guint         position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->routes->len, NULL);

  return &g_array_index (self->routes, FmEdgeRoute, position);
}

/**
 * fm_edge_routes_lookup:
 *
 * Returns: (transfer none) (nullable): the route of the edge @edge_id
 */
const FmEdgeRoute *
fm_edge_routes_lookup (FmEdgeRoutes *self,
                       const char   *edge_id)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (edge_id != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, edge_id));
  if (position == 0)
    return NULL;

  return &g_array_index (self->routes, FmEdgeRoute, position - 1);
}

/**
 * fm_edge_route_distance:
 *
 * Returns: the distance from (@x, @y) to the nearest point of @route, or
 *   %G_MAXDOUBLE for an edge without a route
 */
double
fm_edge_route_distance (const FmEdgeRoute *route,
                        double             x,
                        double             y)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (route != NULL, G_MAXDOUBLE);

  for (guint i = 1; i < route->n_points; i++)
    {
      const FmPoint *p = &route->points[i - 1], *q = &route->points[i];
      double dx = q->x - p->x, dy = q->y - p->y;
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((x - p->x) * dx + (y - p->y) * dy) / len2, 0, 1) : 0;

      best = MIN (best, hypot (x - (p->x + t * dx), y - (p->y + t * dy)));
    }

  return best;
}

static FmNodeGrid *
get_edge_grid (FmEdgeRoutes *self)
{
  if (self->edge_grid == NULL)
    self->edge_grid = fm_node_grid_new (self->route_bounds);

  return self->edge_grid;
}

/**
 * fm_edge_routes_hit:
 * @tolerance: how far from the line a point still hits it, in map units
 *
 * Returns: (transfer none) (nullable): the edge nearest to (@x, @y), if
 *   one is within @tolerance; of equally near ones, the last
 */
FmEdge *
fm_edge_routes_hit (FmEdgeRoutes *self,
                    double        x,
                    double        y,
                    double        tolerance)
{
  FmEdge *best = NULL;
  double best_distance = tolerance;
  GArray *found;

  g_return_val_if_fail (self != NULL, NULL);

  found = fm_edge_routes_find_routes (self, &(FmRect) { x - tolerance, y - tolerance,
                                                        2 * tolerance, 2 * tolerance });
  for (guint k = 0; k < found->len; k++)
    {
      const FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, g_array_index (found, guint, k));
      double d;

      if (route->n_points == 0 ||
          x < route->bounds.x - tolerance || x > route->bounds.x + route->bounds.width + tolerance ||
          y < route->bounds.y - tolerance || y > route->bounds.y + route->bounds.height + tolerance)
        continue;

      d = fm_edge_route_distance (route, x, y);
      if (d <= best_distance)
        {
          best_distance = d;
          best = route->edge;
        }
    }

  return best;
}

/**
 * fm_edge_routes_find_routes:
 * @area: in map units
 *
 * Finds the routes whose bounds touch @area or lie in it, and maybe a
 * few more, for the caller to test exactly: what is on screen, what is
 * under the pointer.
 *
 * Returns: (transfer none) (element-type guint): their positions in
 *   ascending order, valid until the next call
 */
GArray *
fm_edge_routes_find_routes (FmEdgeRoutes *self,
                            const FmRect *area)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  return fm_node_grid_candidates (get_edge_grid (self), area);
}

/**
 * fm_edge_routes_get_nodes:
 *
 * The routes keep an index of the map's nodes up to date with them, for
 * finding nodes by place without visiting them all.
 *
 * Returns: (transfer none): the map's nodes as the routes last saw them
 */
FmNodeIndex *
fm_edge_routes_get_nodes (FmEdgeRoutes *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->work.index;
}
