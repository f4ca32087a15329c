/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route.c: where the edges of a map run
 *
 * Routes every edge of a map at once: fm-edge-route-plan.c chooses each
 * one's shape, fm-edge-route-ends.c gives the ends their places on the
 * sides and nests the loops, and this file makes the points of each
 * route from them. The routes keep what they were computed from, so that
 * after a drag fm_edge_routes_update() (fm-edge-route-update.c) redoes
 * only what a moved node may change; fm-edge-route-query.c answers what
 * is where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>
#include <string.h>

#include "fm-edge-route-private.h"

/* Makes the points of a route from its plan and its ends' places. */
static void
finish_route (Work        *work,
              Plan        *plan,
              FmEdgeRoute *route)
{
  const End *ef = &g_array_index (work->ends, End, plan->end_from);
  const End *et = &g_array_index (work->ends, End, plan->end_to);
  const FmRect *a = node_rect (work, plan->a), *b = node_rect (work, plan->b);
  FmPoint *p = route->points;
  double longest = -1;
  guint n;

  route->from_side = ef->side;
  route->to_side = et->side;
  route->n_points = n = fm_edge_route_points (a, b, plan->shape, ef->side, et->side,
                                      ef->pos, et->pos, plan->loop_y, p);

  fm_shape_clip_port (work_node (work, plan->a), a, ef->side, &p[0]);
  fm_shape_clip_port (work_node (work, plan->b), b, et->side, &p[n - 1]);

  route->bounds = (FmRect) { p[0].x, p[0].y, 0, 0 };
  for (guint i = 1; i < n; i++)
    {
      double x1 = MIN (route->bounds.x, p[i].x);
      double y1 = MIN (route->bounds.y, p[i].y);
      double x2 = MAX (route->bounds.x + route->bounds.width, p[i].x);
      double y2 = MAX (route->bounds.y + route->bounds.height, p[i].y);
      double len = fabs (p[i].x - p[i - 1].x) + fabs (p[i].y - p[i - 1].y);

      route->bounds = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
      if (len > longest)
        {
          longest = len;
          route->label = (FmPoint) { (p[i].x + p[i - 1].x) / 2, (p[i].y + p[i - 1].y) / 2 };
        }
    }

  /* A loop's label sits on its run, where the eye looks for it. */
  if (is_loop (plan->shape))
    route->label = (FmPoint) { (p[1].x + p[2].x) / 2, plan->loop_y };
}

void
fm_edge_routes_plan_edge (FmEdgeRoutes *self,
                          guint         i)
{
  FmEdge *edge = g_array_index (self->routes, FmEdgeRoute, i).edge;

  self->work.reach_empty = TRUE;
  fm_edge_route_plan (&self->work, &self->plans[i], i, edge);
  /* A plan that asked nothing depends on no other node. */
  self->reach[i] = self->work.reach_empty ? (FmRect) { 0, 0, -1, -1 } : self->work.reach;
  self->kinds[i] = fm_edge_get_kind (edge);
}

void
fm_edge_routes_finish (FmEdgeRoutes *self,
                       guint         i)
{
  finish_route (&self->work, &self->plans[i], &g_array_index (self->routes, FmEdgeRoute, i));
}

void
fm_edge_routes_set_bounds (FmEdgeRoutes *self,
                           guint         i)
{
  const FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, i);
  FmRect *r = &g_array_index (self->route_bounds, FmRect, i);
  FmRect old = *r;

  /* Unrouted edges lie nowhere. */
  *r = route->n_points > 0 ? route->bounds : (FmRect) { -G_MAXDOUBLE, -G_MAXDOUBLE, 0, 0 };
  if (self->edge_grid != NULL && memcmp (&old, r, sizeof old) != 0)
    fm_node_grid_move (self->edge_grid, i, &old);
}

static void
on_items_changed (FmEdgeRoutes *self)
{
  self->structure_changed = TRUE;
}

/* Routes every edge of @map, from nothing. */
void
fm_edge_routes_build (FmEdgeRoutes *self,
                      FmMap        *map)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *order = NULL;
  g_autofree guint *count = NULL;
  Work *work = &self->work;
  guint n_nodes, n_edges;

  n_nodes = self->n_nodes = fm_map_get_n_nodes (map);
  n_edges = self->n_edges = fm_map_get_n_edges (map);
  self->map = g_object_ref (map);
  /* So that an update need not ask the map for each of its nodes. */
  self->structure_changed = FALSE;
  g_signal_connect_swapped (fm_map_get_nodes (map), "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect_swapped (fm_map_get_edges (map), "items-changed", G_CALLBACK (on_items_changed), self);

  self->routes = g_array_sized_new (FALSE, TRUE, sizeof (FmEdgeRoute), n_edges);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  work->index = fm_node_index_new (map);
  work->ends = g_array_sized_new (FALSE, FALSE, sizeof (End), n_edges * 2);
  for (guint i = 0; i < n_nodes; i++)
    g_hash_table_insert (positions, (gpointer) fm_node_get_id (work_node (work, i)), GUINT_TO_POINTER (i));

  if (!work->reference)
    {
      fm_edge_route_levels_begin (work);
      work->crossings = fm_edge_route_crossings_new (work->index->bounds);
    }
  self->plans = g_new0 (Plan, n_edges + 1);
  self->kinds = g_new0 (FmEdgeKind, n_edges + 1);
  self->reach = g_new0 (FmRect, n_edges + 1);
  g_array_set_size (self->routes, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, i);
      gpointer a, b;

      route->edge = g_object_ref (edge);
      g_hash_table_insert (self->by_id, (gpointer) fm_edge_get_id (edge), GUINT_TO_POINTER (i + 1));
      self->kinds[i] = fm_edge_get_kind (edge);

      if (!g_hash_table_lookup_extended (positions, fm_edge_get_from (edge), NULL, &a) ||
          !g_hash_table_lookup_extended (positions, fm_edge_get_to (edge), NULL, &b))
        continue;

      self->plans[i].a = GPOINTER_TO_UINT (a);
      self->plans[i].b = GPOINTER_TO_UINT (b);
      fm_edge_routes_plan_edge (self, i);
    }
  /* An update moves nodes, which the crossings do not follow. */
  g_clear_pointer (&work->crossings, fm_edge_route_crossings_free);

  /* The edges of each node, so that an update finds the ends on a side. */
  count = g_new0 (guint, n_nodes + 1);
  for (guint i = 0; i < n_edges; i++)
    if (self->plans[i].shape != SHAPE_NONE)
      {
        count[self->plans[i].a]++;
        if (self->plans[i].b != self->plans[i].a)
          count[self->plans[i].b]++;
      }
  self->incident_start = g_new0 (guint, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    self->incident_start[i + 1] = self->incident_start[i] + count[i];
  self->incident = g_new0 (guint, self->incident_start[n_nodes] + 1);
  memset (count, 0, sizeof (guint) * (n_nodes + 1));
  for (guint i = 0; i < n_edges; i++)
    if (self->plans[i].shape != SHAPE_NONE)
      {
        guint a = self->plans[i].a, b = self->plans[i].b;

        self->incident[self->incident_start[a] + count[a]++] = i;
        if (b != a)
          self->incident[self->incident_start[b] + count[b]++] = i;
      }

  self->n_live_ends = work->ends->len;
  order = g_new (guint, work->ends->len + 1);
  for (guint i = 0; i < work->ends->len; i++)
    order[i] = i;
  fm_edge_route_spread_ends (work, order, work->ends->len);
  fm_edge_route_place_loops (work, self->plans, n_edges);
  fm_edge_route_levels_forget (work);

  self->route_bounds = g_array_sized_new (FALSE, TRUE, sizeof (FmRect), n_edges);
  g_array_set_size (self->route_bounds, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      if (self->plans[i].shape != SHAPE_NONE)
        fm_edge_routes_finish (self, i);
      fm_edge_routes_set_bounds (self, i);
    }

  self->built_serial = ++self->serial;
  self->changed = g_new (guint, n_edges + 1);
  for (guint i = 0; i <= n_edges; i++)
    self->changed[i] = self->serial;
}

void
fm_edge_routes_clear (FmEdgeRoutes *self)
{
  for (guint i = 0; self->routes != NULL && i < self->routes->len; i++)
    g_object_unref (g_array_index (self->routes, FmEdgeRoute, i).edge);

  g_clear_pointer (&self->routes, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (fm_map_get_nodes (self->map), self);
      g_signal_handlers_disconnect_by_data (fm_map_get_edges (self->map), self);
    }
  g_clear_object (&self->map);
  g_clear_pointer (&self->work.index, fm_node_index_free);
  g_clear_pointer (&self->work.ends, g_array_unref);
  fm_edge_route_levels_end (&self->work);
  g_clear_pointer (&self->work.crossings, fm_edge_route_crossings_free);
  g_clear_pointer (&self->plans, g_free);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->reach, g_free);
  g_clear_pointer (&self->incident_start, g_free);
  g_clear_pointer (&self->incident, g_free);
  g_clear_pointer (&self->route_bounds, g_array_unref);
  g_clear_pointer (&self->edge_grid, fm_node_grid_free);
  g_clear_pointer (&self->changed, g_free);
}

/**
 * fm_edge_routes_new:
 *
 * Routes every edge of @map.
 *
 * Returns: (transfer full): the routes, valid until @map changes (then
 *   fm_edge_routes_update() brings them up to date)
 */
FmEdgeRoutes *
fm_edge_routes_new (FmMap *map)
{
  FmEdgeRoutes *self;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_new0 (FmEdgeRoutes, 1);
  fm_edge_routes_build (self, map);

  return self;
}

/* The routes of @map made the slow way (nothing remembered between
 * loops, every crossing counted, loops nested against each other), for
 * tests to compare with; updates of them are made the usual way. */
FmEdgeRoutes *
fm_edge_routes_new_reference (FmMap *map)
{
  FmEdgeRoutes *self;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_new0 (FmEdgeRoutes, 1);
  self->work.reference = TRUE;
  fm_edge_routes_build (self, map);
  self->work.reference = FALSE;

  return self;
}

void
fm_edge_routes_free (FmEdgeRoutes *self)
{
  if (self == NULL)
    return;

  fm_edge_routes_clear (self);
  g_free (self);
}
