/* fm-edge-route.c: where the edges of a map run
 *
 * Routes every edge of a map at once (fm-edge-route-plan.c chooses each
 * one's shape), then gives the ends their places: edges meeting on one
 * side are spread along it in the order of their other ends, so they do
 * not cross there, and loops sharing a stretch nest, wider ones outside.
 *
 * The routes keep what they were computed from, so that after a drag
 * fm_edge_routes_update() redoes only the plans a moved node may change
 * (those of its edges, and those that asked the grid about a place it
 * left or came to), the sides whose ends changed and the loops, with the
 * same result as routing the whole map again.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>
#include <string.h>

#include "fm-edge-route-private.h"

#define PORT_SPACING 18.0
#define LOOP_SPACING 18.0

/* More moved nodes than this, and routing everything is as quick. */
#define MAX_INCREMENTAL_MOVES 64

struct _FmEdgeRoutes
{
  GArray *routes;       /* FmEdgeRoute */
  GHashTable *by_id;    /* edge id -> position + 1 */

  /* What the routes were made from, for updates. */
  FmMap *map;
  Work work;            /* nodes referenced, so that a pointer is a node */
  Plan *plans;          /* by edge */
  FmEdgeKind *kinds;    /* by edge, as planned */
  FmRect *reach;        /* by edge: what its plan asked the grid about */
  guint *incident_start;  /* by node, into incident; n_nodes + 1 */
  guint *incident;      /* edges by node: each edge under both its ends */
  guint n_nodes;
  guint n_edges;
  guint n_live_ends;

  gboolean structure_changed;     /* nodes or edges added or removed */

  /* Over the routes' bounds, made when first asked for. */
  GArray *route_bounds; /* FmRect by edge */
  FmNodeGrid *edge_grid;

  /* Which routes changed when, for whoever keeps a drawing of them. */
  guint serial;         /* counts the updates that changed something */
  guint built_serial;   /* the serial of the last routing of everything */
  guint *changed;       /* by edge: the serial at which its route last changed */
};

static int
compare_ends (gconstpointer pa,
              gconstpointer pb,
              gpointer      user_data)
{
  const End *a = &g_array_index ((GArray *) user_data, End, *(const guint *) pa);
  const End *b = &g_array_index ((GArray *) user_data, End, *(const guint *) pb);

  if (a->node != b->node)
    return a->node < b->node ? -1 : 1;
  if (a->side != b->side)
    return a->side < b->side ? -1 : 1;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  if (a->route != b->route)
    return a->route < b->route ? -1 : 1;
  return a->is_from - b->is_from;
}

/* Ends alone on their side keep their wish; ends sharing one are spaced
 * evenly around the middle of their wishes, shifted so that a straight
 * run stays straight where the side allows. @order holds the ends of one
 * side, sorted. */
static void
spread_side (Work        *work,
             const guint *order,
             guint        count)
{
  End *e0 = &g_array_index (work->ends, End, order[0]);
  FmNode *node = g_ptr_array_index (work->nodes, e0->node);
  double start, end, spacing, total, mean = 0, centre, shift = 0;
  gboolean self_loop = FALSE;
  const guint first = 0, last = count;

  fm_shape_side_band (node, node_rect (work, e0->node), e0->side, &start, &end);
  if (count == 1)
    {
      e0->pos = CLAMP (e0->pref, start, end);
      return;
    }

  for (guint k = first; k + 1 < last; k++)
    self_loop |= g_array_index (work->ends, End, order[k]).route ==
                 g_array_index (work->ends, End, order[k + 1]).route;

  /* A loop from a step to itself needs room for its label. */
  spacing = MIN ((end - start) / (count - 1),
                 self_loop ? MAX (PORT_SPACING, (end - start) / 2 / (count - 1)) : PORT_SPACING);
  total = spacing * (count - 1);
  for (guint k = first; k < last; k++)
    mean += g_array_index (work->ends, End, order[k]).pref;
  mean /= count;
  centre = CLAMP (mean, start + total / 2, MAX (start + total / 2, end - total / 2));

  for (guint k = first; k < last; k++)
    {
      End *e = &g_array_index (work->ends, End, order[k]);

      e->pos = centre - total / 2 + (k - first) * spacing;
      if (e->aligned && shift == 0)
        shift = e->pref - e->pos;
    }

  shift = CLAMP (shift, start - (centre - total / 2), end - (centre + total / 2));
  for (guint k = first; k < last; k++)
    g_array_index (work->ends, End, order[k]).pos += shift;
}

/* Gives every end its place: @order lists the live ends. */
static void
spread_ends (Work  *work,
             guint *order,
             guint  n)
{
  g_qsort_with_data (order, n, sizeof (guint), compare_ends, work->ends);

  for (guint first = 0; first < n;)
    {
      const End *e0 = &g_array_index (work->ends, End, order[first]);
      guint last = first + 1;

      while (last < n &&
             g_array_index (work->ends, End, order[last]).node == e0->node &&
             g_array_index (work->ends, End, order[last]).side == e0->side)
        last++;

      spread_side (work, order + first, last - first);
      first = last;
    }
}

static int
compare_loop_width (gconstpointer pa,
                    gconstpointer pb,
                    gpointer      user_data)
{
  const double *width = user_data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;

  if (width[a] != width[b])
    return width[a] < width[b] ? -1 : 1;
  return a < b ? -1 : (a > b);
}

/* Each loop runs clear of every node between its ends, at the ports it
 * was given; narrower loops first, so that a loop spanning another runs
 * outside it. */
static void
place_loops (Work  *work,
             Plan  *plans,
             guint  n_plans)
{
  g_autofree guint *loops = g_new (guint, n_plans + 1);
  g_autofree double *width = g_new0 (double, n_plans + 1);
  g_autofree double *lo = g_new0 (double, n_plans + 1);
  g_autofree double *hi = g_new0 (double, n_plans + 1);
  guint n_loops = 0;

  for (guint i = 0; i < n_plans; i++)
    {
      const End *ef, *et;

      if (!is_loop (plans[i].shape))
        continue;

      ef = &g_array_index (work->ends, End, plans[i].end_from);
      et = &g_array_index (work->ends, End, plans[i].end_to);
      lo[i] = MIN (ef->pos, et->pos);
      hi[i] = MAX (ef->pos, et->pos);
      width[i] = hi[i] - lo[i];
      loops[n_loops++] = i;
    }

  g_qsort_with_data (loops, n_loops, sizeof (guint), compare_loop_width, width);

  for (guint k = 0; k < n_loops; k++)
    {
      Plan *plan = &plans[loops[k]];
      gboolean below = plan->shape == SHAPE_LOOP_BELOW;
      double sign = below ? 1 : -1;

      plan->loop_y = fm_edge_route_loop_level (work, plan, lo[loops[k]], hi[loops[k]], below);
      for (guint j = 0; j < k; j++)
        {
          Plan *inner = &plans[loops[j]];
          double beyond = sign * (plan->loop_y - inner->loop_y);

          if (inner->shape == plan->shape &&
              lo[loops[j]] < hi[loops[k]] + 14 && hi[loops[j]] > lo[loops[k]] - 14 &&
              beyond < LOOP_SPACING && beyond > -(LOOP_SPACING + 40))
            plan->loop_y = inner->loop_y + sign * LOOP_SPACING;
        }
    }
}

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

  fm_shape_clip_port (g_ptr_array_index (work->nodes, plan->a), a, ef->side, &p[0]);
  fm_shape_clip_port (g_ptr_array_index (work->nodes, plan->b), b, et->side, &p[n - 1]);

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

static void
plan_edge (FmEdgeRoutes *self,
           guint         i)
{
  FmEdge *edge = g_array_index (self->routes, FmEdgeRoute, i).edge;

  self->work.reach_empty = TRUE;
  fm_edge_route_plan (&self->work, &self->plans[i], i, edge);
  /* A plan that asked nothing depends on no other node. */
  self->reach[i] = self->work.reach_empty ? (FmRect) { 0, 0, -1, -1 } : self->work.reach;
  self->kinds[i] = fm_edge_get_kind (edge);
}

static void
set_route_bounds (FmEdgeRoutes *self,
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
static void
build (FmEdgeRoutes *self,
       FmMap        *map)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
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

  work->nodes = g_ptr_array_new_full (n_nodes, g_object_unref);
  work->bounds = g_array_sized_new (FALSE, FALSE, sizeof (FmRect), n_nodes);
  work->ends = g_array_sized_new (FALSE, FALSE, sizeof (End), n_edges * 2);

  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmRect r;

      fm_node_get_bounds (node, &r);
      g_ptr_array_add (work->nodes, g_object_ref (node));
      g_array_append_val (work->bounds, r);
      g_hash_table_insert (index, (gpointer) fm_node_get_id (node), GUINT_TO_POINTER (i));
    }
  work->grid = fm_node_grid_new (work->bounds);

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

      if (!g_hash_table_lookup_extended (index, fm_edge_get_from (edge), NULL, &a) ||
          !g_hash_table_lookup_extended (index, fm_edge_get_to (edge), NULL, &b))
        continue;

      self->plans[i].a = GPOINTER_TO_UINT (a);
      self->plans[i].b = GPOINTER_TO_UINT (b);
      plan_edge (self, i);
    }

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
  spread_ends (work, order, work->ends->len);
  place_loops (work, self->plans, n_edges);

  self->route_bounds = g_array_sized_new (FALSE, TRUE, sizeof (FmRect), n_edges);
  g_array_set_size (self->route_bounds, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      if (self->plans[i].shape != SHAPE_NONE)
        finish_route (work, &self->plans[i], &g_array_index (self->routes, FmEdgeRoute, i));
      set_route_bounds (self, i);
    }

  self->built_serial = ++self->serial;
  self->changed = g_new (guint, n_edges + 1);
  for (guint i = 0; i <= n_edges; i++)
    self->changed[i] = self->serial;
}

static void
clear (FmEdgeRoutes *self)
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
  g_clear_pointer (&self->work.nodes, g_ptr_array_unref);
  g_clear_pointer (&self->work.bounds, g_array_unref);
  g_clear_pointer (&self->work.ends, g_array_unref);
  g_clear_pointer (&self->work.grid, fm_node_grid_free);
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
  build (self, map);

  return self;
}

void
fm_edge_routes_free (FmEdgeRoutes *self)
{
  if (self == NULL)
    return;

  clear (self);
  g_free (self);
}

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

  g_qsort_with_data (order->data, order->len, sizeof (guint), compare_ends, work->ends);
  spread_side (work, (const guint *) order->data, order->len);
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

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);

  if (map != self->map || self->structure_changed)
    goto rebuild;

  /* The same nodes and edges (an edge's ends are fixed): some moved? The
   * routes' own references to them, not the map's list, are looked at:
   * quicker on a big map. */
  moved = g_array_new (FALSE, FALSE, sizeof (guint));
  old_rects = g_array_new (FALSE, FALSE, sizeof (FmRect));
  for (guint i = 0; i < self->n_nodes; i++)
    {
      FmNode *node = g_ptr_array_index (work->nodes, i);
      FmRect r;

      fm_node_get_bounds (node, &r);
      if (memcmp (&r, node_rect (work, i), sizeof r) != 0)
        {
          if (moved->len == MAX_INCREMENTAL_MOVES)
            goto rebuild;
          g_array_append_val (moved, i);
          g_array_append_val (old_rects, *node_rect (work, i));
        }
    }
  for (guint i = 0; i < self->n_edges; i++)
    if (fm_edge_get_kind (g_array_index (self->routes, FmEdgeRoute, i).edge) != self->kinds[i])
      goto rebuild;

  if (moved->len == 0)
    return TRUE;

  /* Dead ends pile up at the end of the array: start afresh now and then. */
  if (work->ends->len > 4 * (self->n_live_ends + 64))
    goto rebuild;

  for (guint k = 0; k < moved->len; k++)
    {
      guint i = g_array_index (moved, guint, k);

      fm_node_get_bounds (g_ptr_array_index (work->nodes, i), &g_array_index (work->bounds, FmRect, i));
      fm_node_grid_move (work->grid, i, &g_array_index (old_rects, FmRect, k));
    }

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
   * go at the end, and both sides get their ends placed again. */
  sides = g_hash_table_new (NULL, NULL);
  for (guint p = 0; p < self->n_edges; p++)
    {
      Plan *plan = &self->plans[p];

      if (!dirty[p])
        continue;

      note_side (sides, &g_array_index (work->ends, End, plan->end_from));
      note_side (sides, &g_array_index (work->ends, End, plan->end_to));
      plan_edge (self, p);
      note_side (sides, &g_array_index (work->ends, End, plan->end_from));
      note_side (sides, &g_array_index (work->ends, End, plan->end_to));
      finish[p] = TRUE;
    }

  order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_iter_init (&iter, sides);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gsize packed = GPOINTER_TO_SIZE (key) - 1;

      respread_side (self, packed / 4, packed % 4, order, finish);
    }

  /* Loops nest by width, over the whole map: cheap, so all again. */
  place_loops (work, self->plans, self->n_edges);
  for (guint p = 0; p < self->n_edges; p++)
    if (is_loop (self->plans[p].shape))
      finish[p] = TRUE;

  self->serial++;
  for (guint p = 0; p < self->n_edges; p++)
    if (finish[p] && self->plans[p].shape != SHAPE_NONE)
      {
        FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, p);
        FmEdgeRoute old = *route;

        finish_route (work, &self->plans[p], route);
        set_route_bounds (self, p);
        /* Most finished again come out the same: only a real change counts. */
        if (memcmp (&old, route, sizeof old) != 0)
          self->changed[p] = self->serial;
      }

  return TRUE;

rebuild:
  clear (self);
  build (self, map);
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
 * fm_edge_routes_find_nodes:
 * @area: in map units
 *
 * Finds the nodes of the map whose box touches @area or lies in it, as
 * the routes last saw them, and maybe a few more, for the caller to test
 * exactly. The routes must be up to date.
 *
 * Returns: (transfer none) (element-type guint): their positions in the
 *   map in ascending order (from the bottom of the drawing up), valid
 *   until the next call
 */
GArray *
fm_edge_routes_find_nodes (FmEdgeRoutes *self,
                           const FmRect *area)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  return fm_node_grid_candidates (self->work.grid, area);
}

/**
 * fm_edge_routes_get_node:
 *
 * Returns: (transfer none): the node at @position in the map, as the
 *   routes last saw it: quicker than asking the map
 */
FmNode *
fm_edge_routes_get_node (FmEdgeRoutes *self,
                         guint         position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_nodes, NULL);

  return g_ptr_array_index (self->work.nodes, position);
}

/**
 * fm_edge_routes_get_node_bounds:
 *
 * Returns: (transfer none): the box of the node at @position in the map,
 *   as the routes last saw it
 */
const FmRect *
fm_edge_routes_get_node_bounds (FmEdgeRoutes *self,
                                guint         position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_nodes, NULL);

  return node_rect (&self->work, position);
}
