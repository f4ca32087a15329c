/* fm-edge-route.c: where the edges of a map run
 *
 * Routes every edge of a map at once (fm-edge-route-plan.c chooses each
 * one's shape), then gives the ends their places: edges meeting on one
 * side are spread along it in the order of their other ends, so they do
 * not cross there, and loops sharing a stretch nest, wider ones outside.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>

#include "fm-edge-route-private.h"

#define PORT_SPACING 18.0
#define LOOP_SPACING 18.0

struct _FmEdgeRoutes
{
  GArray *routes;       /* FmEdgeRoute */
  GHashTable *by_id;    /* edge id -> position + 1 */
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
 * run stays straight where the side allows. */
static void
spread_ends (Work *work)
{
  g_autofree guint *order = g_new (guint, work->ends->len + 1);
  guint n = work->ends->len;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_ends, work->ends);

  for (guint first = 0; first < n;)
    {
      End *e0 = &g_array_index (work->ends, End, order[first]);
      FmNode *node = g_ptr_array_index (work->nodes, e0->node);
      guint last = first + 1, count;
      double start, end, spacing, total, mean = 0, centre, shift = 0;
      gboolean self_loop = FALSE;

      while (last < n &&
             g_array_index (work->ends, End, order[last]).node == e0->node &&
             g_array_index (work->ends, End, order[last]).side == e0->side)
        last++;
      count = last - first;

      fm_shape_side_band (node, node_rect (work, e0->node), e0->side, &start, &end);
      if (count == 1)
        {
          e0->pos = CLAMP (e0->pref, start, end);
          first = last;
          continue;
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

/**
 * fm_edge_routes_new:
 *
 * Routes every edge of @map.
 *
 * Returns: (transfer full): the routes, valid until @map changes
 */
FmEdgeRoutes *
fm_edge_routes_new (FmMap *map)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Plan *plans = NULL;
  FmEdgeRoutes *self;
  Work work;
  guint n_nodes, n_edges;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  n_nodes = fm_map_get_n_nodes (map);
  n_edges = fm_map_get_n_edges (map);

  self = g_new0 (FmEdgeRoutes, 1);
  self->routes = g_array_sized_new (FALSE, TRUE, sizeof (FmEdgeRoute), n_edges);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  work.nodes = g_ptr_array_sized_new (n_nodes);
  work.bounds = g_array_sized_new (FALSE, FALSE, sizeof (FmRect), n_nodes);
  work.ends = g_array_sized_new (FALSE, FALSE, sizeof (End), n_edges * 2);

  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmRect r;

      fm_node_get_bounds (node, &r);
      g_ptr_array_add (work.nodes, node);
      g_array_append_val (work.bounds, r);
      g_hash_table_insert (index, (gpointer) fm_node_get_id (node), GUINT_TO_POINTER (i));
    }
  work.grid = fm_node_grid_new (work.bounds);

  plans = g_new0 (Plan, n_edges + 1);
  g_array_set_size (self->routes, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, i);
      gpointer a, b;

      route->edge = g_object_ref (edge);
      g_hash_table_insert (self->by_id, (gpointer) fm_edge_get_id (edge), GUINT_TO_POINTER (i + 1));

      if (!g_hash_table_lookup_extended (index, fm_edge_get_from (edge), NULL, &a) ||
          !g_hash_table_lookup_extended (index, fm_edge_get_to (edge), NULL, &b))
        continue;

      plans[i].a = GPOINTER_TO_UINT (a);
      plans[i].b = GPOINTER_TO_UINT (b);
      fm_edge_route_plan (&work, &plans[i], i, edge);
    }

  spread_ends (&work);
  place_loops (&work, plans, n_edges);

  for (guint i = 0; i < n_edges; i++)
    if (plans[i].shape != SHAPE_NONE)
      finish_route (&work, &plans[i], &g_array_index (self->routes, FmEdgeRoute, i));

  g_ptr_array_unref (work.nodes);
  g_array_unref (work.bounds);
  g_array_unref (work.ends);
  fm_node_grid_free (work.grid);

  return self;
}

void
fm_edge_routes_free (FmEdgeRoutes *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->routes->len; i++)
    g_object_unref (g_array_index (self->routes, FmEdgeRoute, i).edge);

  g_array_unref (self->routes);
  g_hash_table_unref (self->by_id);
  g_free (self);
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

/**
 * fm_edge_routes_hit:
 * @tolerance: how far from the line a point still hits it, in map units
 *
 * Returns: (transfer none) (nullable): the edge nearest to (@x, @y), if
 *   one is within @tolerance
 */
FmEdge *
fm_edge_routes_hit (FmEdgeRoutes *self,
                    double        x,
                    double        y,
                    double        tolerance)
{
  FmEdge *best = NULL;
  double best_distance = tolerance;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const FmEdgeRoute *route = &g_array_index (self->routes, FmEdgeRoute, i);
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
