/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route-update.c: the routes after a drag
 *
 * fm_edge_routes_update() redoes only the plans a moved node may change
 * (those of its edges, and those that asked the grid about a place it
 * left or came to), the sides whose ends changed and the loops, with the
 * same result as routing the whole map again; and it notes which routes
 * changed, for whoever keeps a drawing of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <string.h>

#include "fm-edge-route-private.h"

/* More moved nodes than this, and routing everything is as quick. */
#define MAX_INCREMENTAL_MOVES 64
/* Fewer plans to make again than this (or than a quarter of the nodes),
 * and the grid counts their crossings sooner than a segment tree over
 * every node is made. */
#define MIN_PLANS_FOR_CROSSINGS 64

static gboolean
touches (const FmRect *r,
         const FmRect *other,
         double        margin)
{
  return r->width >= 0 && other->width >= 0 &&
         r->x - margin <= other->x + other->width && r->x + r->width + margin >= other->x &&
         r->y - margin <= other->y + other->height && r->y + r->height + margin >= other->y;
}

/* A side of a node whose ends need placing again. */
static void
note_side (GHashTable *sides,
           const End  *end)
{
  g_hash_table_add (sides, GSIZE_TO_POINTER ((gsize) end->node * 4 + end->side + 1));
}

/* Places the ends on one side of @node again, and notes their edges for
 * finishing. */
static void
respread_side (FmEdgeRoutes *self,
               guint         node,
               FmSide        side,
               GArray       *order,
               guint8       *finish)
{
  Work *work = &self->work;

  g_array_set_size (order, 0);
  for (guint k = self->incident_start[node]; k < self->incident_start[node + 1]; k++)
    {
      guint p = self->incident[k];
      const Plan *plan = &self->plans[p];

      if (plan->a == node && g_array_index (work->ends, End, plan->end_from).side == side)
        g_array_append_val (order, plan->end_from);
      if (plan->b == node && g_array_index (work->ends, End, plan->end_to).side == side)
        g_array_append_val (order, plan->end_to);
    }

  if (order->len == 0)
    return;

  g_qsort_with_data (order->data, order->len, sizeof (guint), fm_edge_route_compare_ends, work->ends);
  fm_edge_route_spread_side (work, (const guint *) order->data, order->len);
  for (guint k = 0; k < order->len; k++)
    finish[g_array_index (work->ends, End, g_array_index (order, guint, k)).route] = TRUE;
}

/**
 * fm_edge_routes_update:
 * @map: the map the routes were made for, or another
 *
 * Brings the routes up to date with @map. When only the places or sizes
 * of a few nodes changed since, as in a drag, only the routes that may
 * change are computed again; otherwise all are. Either way the routes are
 * the same as fm_edge_routes_new() would give. Pointers to routes stay
 * valid only if it returns %TRUE.
 *
 * Returns: %TRUE if the routes were updated in place, %FALSE if they were
 *   made again from nothing
 */
gboolean
fm_edge_routes_update (FmEdgeRoutes *self,
                       FmMap        *map)
{
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GArray) old_rects = NULL;
  g_autoptr(GHashTable) sides = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree guint8 *dirty = NULL;
  g_autofree guint8 *finish = NULL;
  Work *work = &self->work;
  GHashTableIter iter;
  gpointer key;
  guint n_dirty = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);

  if (map != self->map || self->structure_changed)
    goto rebuild;

  /* The same nodes and edges (an edge's ends are fixed): some moved? The
   * routes' own references to them, not the map's list, are looked at:
   * quicker on a big map. A rebuild below makes a new index anyway. */
  moved = g_array_new (FALSE, FALSE, sizeof (guint));
  old_rects = g_array_new (FALSE, FALSE, sizeof (FmRect));
  if (!fm_node_index_update (work->index, MAX_INCREMENTAL_MOVES, moved, old_rects))
    goto rebuild;
  for (guint i = 0; i < self->n_edges; i++)
    if (fm_edge_get_kind (g_array_index (self->routes, FmEdgeRoute, i).edge) != self->kinds[i])
      goto rebuild;

  if (moved->len == 0)
    return TRUE;

  /* Dead ends pile up at the end of the array: start afresh now and then. */
  if (work->ends->len > 4 * (self->n_live_ends + 64))
    goto rebuild;

  /* The plans a move may change: those of the moved nodes' edges, and
   * those that asked about where a moved node was or now is. */
  dirty = g_new0 (guint8, self->n_edges + 1);
  finish = g_new0 (guint8, self->n_edges + 1);
  for (guint k = 0; k < moved->len; k++)
    {
      guint i = g_array_index (moved, guint, k);

      for (guint j = self->incident_start[i]; j < self->incident_start[i + 1]; j++)
        dirty[self->incident[j]] = TRUE;
    }
  for (guint p = 0; p < self->n_edges; p++)
    {
      if (dirty[p] || self->plans[p].shape == SHAPE_NONE || self->reach[p].width < 0)
        continue;

      for (guint k = 0; k < moved->len && !dirty[p]; k++)
        dirty[p] = touches (&self->reach[p], &g_array_index (old_rects, FmRect, k), 1) ||
                   touches (&self->reach[p], node_rect (work, g_array_index (moved, guint, k)), 1);
    }

  /* Plan them again; their old ends die where they lie, their new ones
   * go at the end, and both sides get their ends placed again. A drag of
   * a fan's trigger plans all its edges again: then counting their
   * crossings with the segment tree is worth making it, over the nodes
   * where they are now. */
  for (guint p = 0; p < self->n_edges; p++)
    n_dirty += dirty[p];
  if (n_dirty >= MIN_PLANS_FOR_CROSSINGS && n_dirty >= self->n_nodes / 4)
    work->crossings = fm_edge_route_crossings_new (work->index->bounds);
  /* Loop levels are remembered within an update as in a build (else each
   * loop of a fan walks down its rows again: 16 s of a drag in a fan of
   * 20,000 steps); the nodes' sorted bounds that name a strip follow the
   * moves. */
  for (guint k = 0; k < moved->len; k++)
    fm_edge_route_levels_move (work, &g_array_index (old_rects, FmRect, k),
                               node_rect (work, g_array_index (moved, guint, k)));
  sides = g_hash_table_new (NULL, NULL);
  for (guint p = 0; p < self->n_edges; p++)
    {
      Plan *plan = &self->plans[p];

      if (!dirty[p])
        continue;

      note_side (sides, &g_array_index (work->ends, End, plan->end_from));
      note_side (sides, &g_array_index (work->ends, End, plan->end_to));
      fm_edge_routes_plan_edge (self, p);
      note_side (sides, &g_array_index (work->ends, End, plan->end_from));
      note_side (sides, &g_array_index (work->ends, End, plan->end_to));
      finish[p] = TRUE;
    }
  g_clear_pointer (&work->crossings, fm_edge_route_crossings_free);

  order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_iter_init (&iter, sides);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gsize packed = GPOINTER_TO_SIZE (key) - 1;

      respread_side (self, packed / 4, packed % 4, order, finish);
    }

  /* Loops nest by width, over the whole map: cheap, so all again. */
  fm_edge_route_place_loops (work, self->plans, self->n_edges);
  fm_edge_route_levels_forget (work);
  for (guint p = 0; p < self->n_edges; p++)
    if (is_loop (self->plans[p].shape))
      finish[p] = TRUE;

  self->serial++;
  for (guint p = 0; p < self->n_edges; p++)
    if (finish[p] && self->plans[p].shape != SHAPE_NONE)
      {
        FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, p);
        FmEdgeRoute old = *route;

        fm_edge_routes_finish (self, p);
        fm_edge_routes_set_bounds (self, p);
        /* Most finished again come out the same: only a real change counts. */
        if (memcmp (&old, route, sizeof old) != 0)
          self->changed[p] = self->serial;
      }

  return TRUE;

rebuild:
  fm_edge_routes_clear (self);
  fm_edge_routes_build (self, map);
  return FALSE;
}

/**
 * fm_edge_routes_get_serial:
 * @built: (out) (optional): the serial at which every route was last made
 *   again from nothing (after a change other than a move, or many moves)
 *
 * Returns: a number that grows with each update, to pass to
 *   fm_edge_routes_changed_since() later
 */
guint
fm_edge_routes_get_serial (FmEdgeRoutes *self,
                           guint        *built)
{
  g_return_val_if_fail (self != NULL, 0);

  if (built != NULL)
    *built = self->built_serial;
  return self->serial;
}

/**
 * fm_edge_routes_changed_since:
 * @serial: from fm_edge_routes_get_serial()
 *
 * Returns: whether the route at @position took another course, end
 *   places or label place since @serial
 */
gboolean
fm_edge_routes_changed_since (FmEdgeRoutes *self,
                              guint         position,
                              guint         serial)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (position < self->routes->len, FALSE);

  return self->changed[position] > serial;
}
