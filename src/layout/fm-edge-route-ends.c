/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route-ends.c: where the edges meet the sides of their nodes
 *
 * Edges meeting on one side are spread along it in the order of their
 * other ends, so they do not cross there, and loops sharing a stretch
 * nest, wider ones outside: for the whole map (fm-edge-route.c) or only
 * the sides a drag changed (fm-edge-route-update.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include "fm-edge-route-private.h"

#define PORT_SPACING 18.0
#define LOOP_SPACING 18.0

int
fm_edge_route_compare_ends (gconstpointer pa,
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
void
fm_edge_route_spread_side (Work        *work,
                           const guint *order,
                           guint        count)
{
  End *e0 = &g_array_index (work->ends, End, order[0]);
  FmNode *node = work_node (work, e0->node);
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
void
fm_edge_route_spread_ends (Work  *work,
                           guint *order,
                           guint  n)
{
  g_qsort_with_data (order, n, sizeof (guint), fm_edge_route_compare_ends, work->ends);

  for (guint first = 0; first < n;)
    {
      const End *e0 = &g_array_index (work->ends, End, order[first]);
      guint last = first + 1;

      while (last < n &&
             g_array_index (work->ends, End, order[last]).node == e0->node &&
             g_array_index (work->ends, End, order[last]).side == e0->side)
        last++;

      fm_edge_route_spread_side (work, order + first, last - first);
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
void
fm_edge_route_place_loops (Work  *work,
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
