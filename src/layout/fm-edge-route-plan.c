/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route-plan.c: the route of one edge
 *
 * Every edge leaves its source on a side that faces the target and enters
 * the target on a side that faces the source, with horizontal and vertical
 * segments only: straight when the two sides line up, a Z through the
 * middle of the gap, or an L (either way round) when the target lies
 * diagonally. A loop under or over the nodes between, or a detour round
 * the right of two stacked boxes, goes round what is in the way. Of these
 * the route crossing the fewest other nodes wins, then the one with the
 * fewest bends, with a penalty for shapes unusual for the kind: rework
 * prefers loops, the rest direct routes. None crosses its own end boxes:
 * every bend sits in the gap between them or beyond both.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fm-edge-route-private.h"

/* Nodes closer than this in either direction get no L, which needs room
 * for its bend. */
#define L_MIN_GAP 16.0
#define AROUND_CLEARANCE 24.0
/* Costs of a shape, in tenths of a bend: rework drawn like flow, any edge
 * taking a detour, a loop over the top where information edges run. */
#define STRAIGHT_REWORK_PENALTY 25.0
#define DETOUR_PENALTY 30.0
#define ABOVE_PENALTY 5.0
#define MAX_CANDIDATES 8

typedef struct {
  Shape shape;
  FmSide side_a, side_b;
  double pref_a, pref_b;  /* the coordinates along the sides they would like */
  double key_a, key_b;    /* sort the ends sharing a side */
  double penalty;         /* for a shape unusual for the edge's kind */
  double loop_y;          /* the level of a loop's run */
} Candidate;

static double
side_coordinate (const FmRect *r,
                 FmSide        side)
{
  switch (side)
    {
    case FM_SIDE_TOP: return r->y;
    case FM_SIDE_RIGHT: return r->x + r->width;
    case FM_SIDE_BOTTOM: return r->y + r->height;
    case FM_SIDE_LEFT: return r->x;
    default: g_assert_not_reached ();
    }
}

/* The points of a route with its ends at @pos_a and @pos_b along their
 * sides, before they are moved onto the nodes' outlines. */
guint
fm_edge_route_points (const FmRect *a,
                      const FmRect *b,
                      Shape         shape,
                      FmSide        side_a,
                      FmSide        side_b,
                      double        pos_a,
                      double        pos_b,
                      double        loop_y,
                      FmPoint      *p)
{
  double sa = side_coordinate (a, side_a), sb = side_coordinate (b, side_b);
  guint n = 0;

  switch (shape)
    {
    case SHAPE_HORIZONTAL:
      p[n++] = (FmPoint) { sa, pos_a };
      if (fabs (pos_a - pos_b) >= 0.5)
        {
          p[n++] = (FmPoint) { (sa + sb) / 2, pos_a };
          p[n++] = (FmPoint) { (sa + sb) / 2, pos_b };
        }
      p[n++] = (FmPoint) { sb, pos_b };
      break;

    case SHAPE_VERTICAL:
      p[n++] = (FmPoint) { pos_a, sa };
      if (fabs (pos_a - pos_b) >= 0.5)
        {
          p[n++] = (FmPoint) { pos_a, (sa + sb) / 2 };
          p[n++] = (FmPoint) { pos_b, (sa + sb) / 2 };
        }
      p[n++] = (FmPoint) { pos_b, sb };
      break;

    case SHAPE_L_ACROSS:
      p[n++] = (FmPoint) { sa, pos_a };
      p[n++] = (FmPoint) { pos_b, pos_a };
      p[n++] = (FmPoint) { pos_b, sb };
      break;

    case SHAPE_L_DOWN:
      p[n++] = (FmPoint) { pos_a, sa };
      p[n++] = (FmPoint) { pos_a, pos_b };
      p[n++] = (FmPoint) { sb, pos_b };
      break;

    case SHAPE_AROUND:
      {
        double x = MAX (a->x + a->width, b->x + b->width) + AROUND_CLEARANCE;

        p[n++] = (FmPoint) { sa, pos_a };
        p[n++] = (FmPoint) { x, pos_a };
        p[n++] = (FmPoint) { x, pos_b };
        p[n++] = (FmPoint) { sb, pos_b };
      }
      break;

    case SHAPE_LOOP_BELOW:
    case SHAPE_LOOP_ABOVE:
      p[n++] = (FmPoint) { pos_a, sa };
      p[n++] = (FmPoint) { pos_a, loop_y };
      p[n++] = (FmPoint) { pos_b, loop_y };
      p[n++] = (FmPoint) { pos_b, sb };
      break;

    case SHAPE_NONE:
    default:
      g_assert_not_reached ();
    }

  g_assert (n <= FM_EDGE_ROUTE_MAX_POINTS);
  return n;
}

static guint
add_end (Work     *work,
         guint     route,
         guint     node,
         FmSide    side,
         gboolean  is_from,
         double    pref,
         double    key)
{
  End end = { route, node, side, is_from, pref, key, FALSE, pref };

  g_array_append_val (work->ends, end);
  return work->ends->len - 1;
}

/* A coordinate both ends can use for a straight line: one of the two
 * anchors if it lies on both sides, else the middle of their overlap. */
static gboolean
common_coordinate (double  first,
                   double  second,
                   double  a_start,
                   double  a_end,
                   double  b_start,
                   double  b_end,
                   double *out)
{
  double lo = MAX (a_start, b_start), hi = MIN (a_end, b_end);

  if (lo > hi)
    return FALSE;

  if (first >= lo && first <= hi)
    *out = first;
  else if (second >= lo && second <= hi)
    *out = second;
  else
    *out = (lo + hi) / 2;

  return TRUE;
}

/* Which nodes a strip overlaps and a direction: a loop pushed from a
 * level ends at the same level whatever plan it belongs to and wherever
 * its ends lie along their sides, since only the nodes whose box
 * overlaps the strip push it. A node overlaps the strip from @left to
 * @right when x + 1 < right and x + width - 1 > left: the count of the
 * first bounds below @right and of the second at or below @left name the
 * set exactly. */
typedef struct {
  guint below_right;    /* nodes with x + 1 < right */
  guint left_of_left;   /* nodes with x + width - 1 <= left */
  gboolean below;
} Strip;

struct _Levels {
  GHashTable *known;    /* Strip -> (level -> level) */
  double *starts;       /* x + 1 of every node, sorted */
  double *ends;         /* x + width - 1 of every node, sorted */
  guint n;
  gboolean usable;      /* no bound is NaN, which sorts nowhere */
};

static guint
strip_hash (gconstpointer p)
{
  const Strip *s = p;

  return s->below_right * 2654435761u + s->left_of_left * 31 + (guint) s->below;
}

static gboolean
strip_equal (gconstpointer a,
             gconstpointer b)
{
  const Strip *s = a, *t = b;

  return s->below_right == t->below_right && s->left_of_left == t->left_of_left && s->below == t->below;
}

/* Remembers how far loops get pushed while the map is routed, and, with
 * the nodes' sorted bounds kept up to date, while it is updated. */
void
fm_edge_route_levels_begin (Work *work)
{
  struct _Levels *levels;
  GArray *bounds = work->index->bounds;

  g_assert (work->levels == NULL);
  levels = work->levels = g_new0 (struct _Levels, 1);
  levels->known = g_hash_table_new_full (strip_hash, strip_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  levels->n = bounds->len;
  levels->usable = TRUE;
  levels->starts = g_new (double, bounds->len + 1);
  levels->ends = g_new (double, bounds->len + 1);
  for (guint i = 0; i < bounds->len; i++)
    {
      const FmRect *r = &g_array_index (bounds, FmRect, i);

      levels->starts[i] = r->x + 1;
      levels->ends[i] = r->x + r->width - 1;
      levels->usable &= !isnan (levels->starts[i]) && !isnan (levels->ends[i]);
    }
  qsort (levels->starts, levels->n, sizeof (double), fm_edge_route_compare_doubles);
  qsort (levels->ends, levels->n, sizeof (double), fm_edge_route_compare_doubles);
}

/* Replaces @old by @now in the sorted @values, which hold @old. */
static void
replace_sorted (double *values,
                guint   n,
                double  old,
                double  now)
{
  guint i = count_below (values, n, old, FALSE);
  guint j = count_below (values, n, now, FALSE);

  g_assert (i < n && values[i] == old);
  if (j > i)
    {
      memmove (values + i, values + i + 1, sizeof (double) * (j - 1 - i));
      values[j - 1] = now;
    }
  else
    {
      memmove (values + j + 1, values + j, sizeof (double) * (i - j));
      values[j] = now;
    }
}

/* Forgets the levels reached so far, which a move may change; keeps the
 * nodes' sorted bounds, which fm_edge_route_levels_move() keeps up to
 * date, so that an update does not sort them again. */
void
fm_edge_route_levels_forget (Work *work)
{
  if (work->levels != NULL)
    g_hash_table_remove_all (work->levels->known);
}

/* A node's box was @old and is now @now. */
void
fm_edge_route_levels_move (Work         *work,
                           const FmRect *old,
                           const FmRect *now)
{
  struct _Levels *levels = work->levels;
  double old_start = old->x + 1, old_end = old->x + old->width - 1;
  double start = now->x + 1, end = now->x + now->width - 1;

  if (levels == NULL || !levels->usable)
    return;

  /* NaN sorts nowhere: no levels until everything is routed again. */
  if (isnan (start) || isnan (end))
    {
      levels->usable = FALSE;
      return;
    }
  replace_sorted (levels->starts, levels->n, old_start, start);
  replace_sorted (levels->ends, levels->n, old_end, end);
}

void
fm_edge_route_levels_end (Work *work)
{
  if (work->levels == NULL)
    return;

  g_hash_table_unref (work->levels->known);
  g_free (work->levels->starts);
  g_free (work->levels->ends);
  g_clear_pointer (&work->levels, g_free);
}

/* How far a loop's run between @x1 and @x2 must go past @level (a bottom
 * when @below, else a top) to clear every node in the way: a node that
 * reaches within the clearance of the run pushes it past the node, which
 * can bring it onto the next one. Each push looks only at the slab the
 * clearance covers, not again at everything the loop already passed, and
 * while the whole map is routed (or an update plans many edges again),
 * every level reached on the way is remembered for the nodes the strip
 * overlaps: the loops of a fan (a trigger to 20,000 steps) share them,
 * each of its loops to one column whatever its ports, and each would
 * otherwise walk the same rows down again. */
static double
push_level (Work     *work,
            double    x1,
            double    x2,
            double    level,
            gboolean  below)
{
  GHashTable *known = NULL;
  g_autoptr(GArray) passed = g_array_new (FALSE, FALSE, sizeof (double));
  const double left = x1 - 6, right = (x1 - 6) + (x2 - x1 + 12);
  double *found;

  /* NaN would count as below nothing and name the wrong set. */
  if (work->levels != NULL && work->levels->usable && !isnan (left) && !isnan (right))
    {
      struct _Levels *levels = work->levels;
      Strip key = { count_below (levels->starts, levels->n, right, FALSE),
                    count_below (levels->ends, levels->n, left, TRUE), below };

      known = g_hash_table_lookup (levels->known, &key);
      if (known == NULL)
        {
          known = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
          g_hash_table_insert (levels->known, g_memdup2 (&key, sizeof key), known);
        }
    }

  for (;;)
    {
      FmRect slab = below ? (FmRect) { left, level, x2 - x1 + 12, LOOP_CLEARANCE + 8 }
                          : (FmRect) { left, level - LOOP_CLEARANCE - 8, x2 - x1 + 12, LOOP_CLEARANCE + 8 };
      GArray *candidates;
      double next = level;

      if (known != NULL && (found = g_hash_table_lookup (known, &level)) != NULL)
        {
          level = *found;
          break;
        }
      g_array_append_val (passed, level);

      /* What overlaps the inside of the band from the loop's ends to the
       * run's clearance and reaches past @level lies in the slab. */
      candidates = fm_node_grid_candidates (work->index->grid, &slab);
      for (guint i = 0; i < candidates->len; i++)
        {
          const FmRect *r = node_rect (work, g_array_index (candidates, guint, i));

          if (!(r->x + 1 < right && r->x + r->width - 1 > left))
            continue;
          if (below && r->y + 1 < level + LOOP_CLEARANCE + 8 && r->y + r->height > next)
            next = r->y + r->height;
          else if (!below && r->y + r->height - 1 > level - LOOP_CLEARANCE - 8 && r->y < next)
            next = r->y;
        }
      if (next == level)
        break;
      level = next;
    }

  for (guint i = 0; known != NULL && i < passed->len; i++)
    g_hash_table_insert (known, g_memdup2 (&g_array_index (passed, double, i), sizeof (double)),
                         g_memdup2 (&level, sizeof level));

  return level;
}

/* The level of a loop's run between @x1 and @x2: clear of the two boxes
 * and of every node in the way, below them or above. */
double
fm_edge_route_loop_level (Work       *work,
                          const Plan *plan,
                          double      x1,
                          double      x2,
                          gboolean    below)
{
  const FmRect *a = node_rect (work, plan->a), *b = node_rect (work, plan->b);
  double top = MIN (a->y, b->y), bottom = MAX (a->y + a->height, b->y + b->height);
  FmRect band;

  if (below)
    bottom = push_level (work, x1, x2, bottom, TRUE);
  else
    top = push_level (work, x1, x2, top, FALSE);

  /* A node moving into the band between the ends and the run changes it. */
  band = below
    ? (FmRect) { x1 - 6, top, x2 - x1 + 12, bottom + LOOP_CLEARANCE + 8 - top }
    : (FmRect) { x1 - 6, top - LOOP_CLEARANCE - 8, x2 - x1 + 12, bottom - top + LOOP_CLEARANCE + 8 };
  work_note_reach (work, &band);

  return below ? bottom + LOOP_CLEARANCE : top - LOOP_CLEARANCE;
}

/* Crossed nodes cost most, then bends, then length. Each segment's
 * crossings are counted looking at @budget boxes at most: when one is
 * not counted to the end (*@exact is then FALSE), the cost is at least
 * what is returned. @note adds the segments to what the plan depends on. */
static double
candidate_cost (Work            *work,
                const Plan      *plan,
                const Candidate *c,
                gboolean         note,
                guint            budget,
                gboolean        *exact)
{
  const FmRect *a = node_rect (work, plan->a), *b = node_rect (work, plan->b);
  FmPoint p[FM_EDGE_ROUTE_MAX_POINTS];
  guint n = fm_edge_route_points (a, b, c->shape, c->side_a, c->side_b, c->pref_a, c->pref_b, c->loop_y, p);
  double cost = (n - 2) * 10.0 + c->penalty;

  *exact = TRUE;
  for (guint i = 1; i < n; i++)
    {
      FmRect segment = { MIN (p[i - 1].x, p[i].x), MIN (p[i - 1].y, p[i].y),
                         fabs (p[i].x - p[i - 1].x), fabs (p[i].y - p[i - 1].y) };
      gboolean complete;

      if (note)
        work_note_reach (work, &segment);
      cost += 1000.0 * fm_edge_route_count_crossings (work, &segment, plan->a, plan->b, budget, &complete);
      cost += (segment.width + segment.height) / 100;
      *exact &= complete;
    }

  return cost;
}

/* The first of the cheapest candidates. Counting every node a long
 * segment crosses took most of the routing of a large map (a fan's loops
 * pass under hundreds of rows), though the winner usually crosses few:
 * so the crossings are counted a few boxes at a time, further only for
 * the candidates that could still win, and the choice is the one a full
 * count makes (with @budget G_MAXUINT, it is the full count). Where the
 * segment trees count (fm-edge-route-cross.c), every count is whole at
 * once. */
static const Candidate *
cheapest (Work            *work,
          const Plan      *plan,
          const Candidate *candidates,
          guint            n_candidates,
          guint            budget)
{
  double cost[MAX_CANDIDATES];
  gboolean exact[MAX_CANDIDATES];

  g_assert (n_candidates <= MAX_CANDIDATES);

  /* The reach grows in the order a full count would note it. */
  for (guint i = 0; i < n_candidates; i++)
    cost[i] = candidate_cost (work, plan, &candidates[i], TRUE, budget, &exact[i]);

  for (;;)
    {
      double best_cost = G_MAXDOUBLE;
      int best = -1;
      gboolean again = FALSE;

      for (guint i = 0; i < n_candidates; i++)
        if (exact[i] && cost[i] < best_cost)
          {
            best_cost = cost[i];
            best = (int) i;
          }

      budget = budget > G_MAXUINT / 2 ? G_MAXUINT : budget * 2;
      for (guint i = 0; i < n_candidates; i++)
        if (!exact[i] && (cost[i] < best_cost || (cost[i] == best_cost && (int) i < best)))
          {
            cost[i] = candidate_cost (work, plan, &candidates[i], FALSE, budget, &exact[i]);
            again = TRUE;
          }

      if (!again)
        return best >= 0 ? &candidates[best] : NULL;
    }
}

void
fm_edge_route_plan (Work   *work,
                    Plan   *plan,
                    guint   route,
                    FmEdge *edge)
{
  FmNode *na = work_node (work, plan->a);
  FmNode *nb = work_node (work, plan->b);
  const FmRect *a = node_rect (work, plan->a);
  const FmRect *b = node_rect (work, plan->b);
  double acx = a->x + a->width / 2, bcx = b->x + b->width / 2;
  double acy = a->y + a->height / 2, bcy = b->y + b->height / 2;
  double hgap = MAX (b->x - (a->x + a->width), a->x - (b->x + b->width));
  double vgap = MAX (b->y - (a->y + a->height), a->y - (b->y + b->height));
  gboolean right = bcx >= acx;
  gboolean down = bcy >= acy;
  FmSide across_a = right ? FM_SIDE_RIGHT : FM_SIDE_LEFT;
  FmSide across_b = right ? FM_SIDE_LEFT : FM_SIDE_RIGHT;
  FmSide down_a = down ? FM_SIDE_BOTTOM : FM_SIDE_TOP;
  FmSide down_b = down ? FM_SIDE_TOP : FM_SIDE_BOTTOM;
  double anchor_a = fm_shape_anchor_y (na, a), anchor_b = fm_shape_anchor_y (nb, b);
  gboolean rework = fm_edge_get_kind (edge) == FM_EDGE_KIND_REWORK;
  Candidate candidates[MAX_CANDIDATES];
  guint n_candidates = 0;
  const Candidate *best;

  if (plan->a == plan->b)
    {
      /* A step sending work back to itself: a loop under it. */
      plan->shape = SHAPE_LOOP_BELOW;
      plan->end_from = add_end (work, route, plan->a, FM_SIDE_BOTTOM, TRUE, acx, 1e7);
      plan->end_to = add_end (work, route, plan->b, FM_SIDE_BOTTOM, FALSE, bcx, -1e7);
      return;
    }

  if (hgap > 0)
    {
      Candidate *c = &candidates[n_candidates++];
      gboolean queue_b = fm_node_get_kind (nb) == FM_NODE_KIND_QUEUE;
      double as, ae, bs, be, y;

      *c = (Candidate) { SHAPE_HORIZONTAL, across_a, across_b, anchor_a, anchor_b, anchor_b, anchor_a,
                         rework ? STRAIGHT_REWORK_PENALTY : 0, 0 };
      fm_shape_side_band (na, a, across_a, &as, &ae);
      fm_shape_side_band (nb, b, across_b, &bs, &be);
      /* A queue's anchor is the middle of its triangle: line up on it. */
      if (common_coordinate (queue_b ? anchor_b : anchor_a, queue_b ? anchor_a : anchor_b,
                             as, ae, bs, be, &y))
        c->pref_a = c->pref_b = y;
    }

  if (vgap > 0)
    {
      Candidate *c = &candidates[n_candidates++];
      gboolean b_narrower = b->width <= a->width;
      double as, ae, bs, be, x;

      *c = (Candidate) { SHAPE_VERTICAL, down_a, down_b, acx, bcx, bcx, acx,
                         rework ? STRAIGHT_REWORK_PENALTY : 0, 0 };
      fm_shape_side_band (na, a, down_a, &as, &ae);
      fm_shape_side_band (nb, b, down_b, &bs, &be);
      /* Into the middle of the narrower box, which the eye expects. */
      if (common_coordinate (b_narrower ? bcx : acx, b_narrower ? acx : bcx,
                             as, ae, bs, be, &x))
        c->pref_a = c->pref_b = x;

      /* Round the right of boxes stacked one above the other. */
      candidates[n_candidates++] = (Candidate) { SHAPE_AROUND, FM_SIDE_RIGHT, FM_SIDE_RIGHT,
                                                 anchor_a, anchor_b, anchor_b, anchor_a,
                                                 DETOUR_PENALTY, 0 };
    }

  if (hgap > L_MIN_GAP && vgap > L_MIN_GAP)
    {
      candidates[n_candidates++] = (Candidate) { SHAPE_L_ACROSS, across_a, down_b,
                                                 anchor_a, bcx, bcy, acx,
                                                 rework ? STRAIGHT_REWORK_PENALTY : 0, 0 };
      candidates[n_candidates++] = (Candidate) { SHAPE_L_DOWN, down_a, across_b,
                                                 acx, anchor_b, bcx, acy,
                                                 rework ? STRAIGHT_REWORK_PENALTY : 0, 0 };
    }

  if (hgap > 0)
    {
      /* Loops: how rework is drawn, and a way round nodes in the way for
       * the other edges. Loop ends sharing a side nest: the farther the
       * other end, the nearer the middle of the side, so deeper loops stay
       * outside. */
      double dist = fabs (bcx - acx);
      double key_a = right ? 1e7 - dist : -(1e7 - dist);
      double key_b = right ? -(1e7 - dist) : 1e7 - dist;
      double x1 = MIN (acx, bcx), x2 = MAX (acx, bcx);

      candidates[n_candidates++] = (Candidate) { SHAPE_LOOP_BELOW, FM_SIDE_BOTTOM, FM_SIDE_BOTTOM,
                                                 acx, bcx, key_a, key_b,
                                                 rework ? 0 : DETOUR_PENALTY,
                                                 fm_edge_route_loop_level (work, plan, x1, x2, TRUE) };
      candidates[n_candidates++] = (Candidate) { SHAPE_LOOP_ABOVE, FM_SIDE_TOP, FM_SIDE_TOP,
                                                 acx, bcx, key_a, key_b,
                                                 (rework ? 0 : DETOUR_PENALTY) + ABOVE_PENALTY,
                                                 fm_edge_route_loop_level (work, plan, x1, x2, FALSE) };
    }

  best = cheapest (work, plan, candidates, n_candidates, work->reference ? G_MAXUINT : 64);
  if (best == NULL)
    {
      /* Overlapping boxes: round the right of both. */
      plan->shape = SHAPE_AROUND;
      plan->end_from = add_end (work, route, plan->a, FM_SIDE_RIGHT, TRUE, anchor_a, anchor_b);
      plan->end_to = add_end (work, route, plan->b, FM_SIDE_RIGHT, FALSE, anchor_b, anchor_a);
      return;
    }

  plan->shape = best->shape;
  plan->end_from = add_end (work, route, plan->a, best->side_a, TRUE, best->pref_a, best->key_a);
  plan->end_to = add_end (work, route, plan->b, best->side_b, FALSE, best->pref_b, best->key_b);
  if ((best->shape == SHAPE_HORIZONTAL || best->shape == SHAPE_VERTICAL) && best->pref_a == best->pref_b)
    {
      g_array_index (work->ends, End, plan->end_from).aligned = TRUE;
      g_array_index (work->ends, End, plan->end_to).aligned = TRUE;
    }
}
