/* fm-edge-route.c: where the edges of a map run
 *
 * Every edge leaves its source on a side that faces the target and enters
 * the target on a side that faces the source, with horizontal and vertical
 * segments only: straight when the two sides line up, a Z through the
 * middle of the gap, or an L (either way round) when the target lies
 * diagonally. Of these, the route crossing the fewest other nodes wins,
 * then the one with the fewest bends. None crosses its own end boxes,
 * since every bend sits in the gap between them. Rework edges loop under
 * the row they belong to, below every node in their way, wider loops under
 * narrower ones; between boxes stacked one above the other they go round
 * the right of both. Edges meeting on one side are spread along it in the
 * order of their other ends, so they do not cross there.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>

#include "fm-edge-route.h"

/* Nodes closer than this in either direction get no L, which needs room
 * for its bend. */
#define L_MIN_GAP 16.0
#define PORT_SPACING 18.0
#define LOOP_CLEARANCE 26.0
#define LOOP_SPACING 18.0
#define AROUND_CLEARANCE 24.0
/* Costs of a shape, in bends: rework drawn like flow, any edge taking a
 * detour, a loop over the top where information edges run. */
#define STRAIGHT_REWORK_PENALTY 25.0
#define DETOUR_PENALTY 30.0
#define ABOVE_PENALTY 5.0
#define GRID_CELL 256.0

typedef enum {
  SHAPE_NONE,
  SHAPE_HORIZONTAL,     /* left or right side to the other's facing side */
  SHAPE_VERTICAL,       /* top or bottom side to the other's facing side */
  SHAPE_L_ACROSS,       /* out of a left or right side, into a top or bottom */
  SHAPE_L_DOWN,         /* out of a top or bottom side, into a left or right */
  SHAPE_AROUND,         /* out of a right side, round, into a right side */
  SHAPE_LOOP_BELOW,     /* bottom to bottom, under everything between */
  SHAPE_LOOP_ABOVE,     /* top to top, over everything between */
} Shape;

typedef struct {
  Shape shape;
  FmSide side_a, side_b;
  double pref_a, pref_b;  /* the coordinates along the sides they would like */
  double key_a, key_b;    /* sort the ends sharing a side */
  double penalty;         /* for a shape unusual for the edge's kind */
  double loop_y;          /* the level of a loop's run */
} Candidate;

typedef struct {
  Shape shape;
  guint a, b;           /* node indices */
  guint end_from, end_to;
  double loop_y;
} Plan;

typedef struct {
  guint route;
  guint node;
  FmSide side;
  gboolean is_from;
  double pref;
  double key;
  gboolean aligned;     /* pref lines up with the other end: a straight run */
  double pos;           /* the coordinate it gets */
} End;

struct _FmEdgeRoutes
{
  GArray *routes;       /* FmEdgeRoute */
  GHashTable *by_id;    /* edge id -> position + 1 */
};

/* A bucket grid over the nodes, so that checking a route against the
 * nodes in its way does not visit all 10,000 of them. */
typedef struct {
  GHashTable *cells;    /* packed cell -> GArray of node indices */
  guint *seen;          /* per node: the last query that returned it */
  guint query;
} Grid;

typedef struct {
  GPtrArray *nodes;
  GArray *bounds;       /* FmRect, parallel to nodes */
  GArray *ends;         /* End */
  Grid grid;
  GArray *found;        /* guint: scratch for grid queries */
} Work;

static inline const FmRect *
node_rect (Work  *work,
           guint  i)
{
  return &g_array_index (work->bounds, FmRect, i);
}

static inline gpointer
cell_key (gint64 cx,
          gint64 cy)
{
  /* Collisions only cost a few extra rectangle tests. */
  return GUINT_TO_POINTER ((guint) (((guint64) cx & 0xffff) << 16 | ((guint64) cy & 0xffff)));
}

static void
grid_init (Grid   *grid,
           GArray *bounds)
{
  grid->cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  grid->seen = g_new0 (guint, bounds->len + 1);
  grid->query = 0;

  for (guint i = 0; i < bounds->len; i++)
    {
      const FmRect *r = &g_array_index (bounds, FmRect, i);
      gint64 x1 = floor (r->x / GRID_CELL), x2 = floor ((r->x + r->width) / GRID_CELL);
      gint64 y1 = floor (r->y / GRID_CELL), y2 = floor ((r->y + r->height) / GRID_CELL);

      for (gint64 cx = x1; cx <= x2; cx++)
        for (gint64 cy = y1; cy <= y2; cy++)
          {
            GArray *cell = g_hash_table_lookup (grid->cells, cell_key (cx, cy));

            if (cell == NULL)
              {
                cell = g_array_new (FALSE, FALSE, sizeof (guint));
                g_hash_table_insert (grid->cells, cell_key (cx, cy), cell);
              }
            g_array_append_val (cell, i);
          }
    }
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->cells, g_hash_table_unref);
  g_clear_pointer (&grid->seen, g_free);
}

/* The nodes whose box overlaps the inside of @area (a segment is an area
 * without width or height), except @skip_a and @skip_b. */
static GArray *
nodes_in (Work         *work,
          const FmRect *area,
          guint         skip_a,
          guint         skip_b)
{
  Grid *grid = &work->grid;
  gint64 x1 = floor (area->x / GRID_CELL), x2 = floor ((area->x + area->width) / GRID_CELL);
  gint64 y1 = floor (area->y / GRID_CELL), y2 = floor ((area->y + area->height) / GRID_CELL);

  g_array_set_size (work->found, 0);
  grid->query++;

  for (gint64 cx = x1; cx <= x2; cx++)
    for (gint64 cy = y1; cy <= y2; cy++)
      {
        GArray *cell = g_hash_table_lookup (grid->cells, cell_key (cx, cy));

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            const FmRect *r = node_rect (work, i);

            if (grid->seen[i] == grid->query || i == skip_a || i == skip_b)
              continue;
            grid->seen[i] = grid->query;

            /* Touching a box's edge is not crossing it. */
            if (r->x + 1 < area->x + area->width && r->x + r->width - 1 > area->x &&
                r->y + 1 < area->y + area->height && r->y + r->height - 1 > area->y)
              g_array_append_val (work->found, i);
          }
      }

  return work->found;
}

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
static guint
route_points (const FmRect *a,
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

/* The level of a loop's run between @x1 and @x2: clear of the two boxes
 * and of every node in the way, below them or above. */
static double
loop_level (Work         *work,
            const Plan   *plan,
            double        x1,
            double        x2,
            gboolean      below)
{
  const FmRect *a = node_rect (work, plan->a), *b = node_rect (work, plan->b);
  double top = MIN (a->y, b->y), bottom = MAX (a->y + a->height, b->y + b->height);
  gboolean changed = TRUE;

  /* Moving the run past one node can bring it onto the next. */
  while (changed)
    {
      FmRect band = below
        ? (FmRect) { x1 - 6, top, x2 - x1 + 12, bottom + LOOP_CLEARANCE + 8 - top }
        : (FmRect) { x1 - 6, top - LOOP_CLEARANCE - 8, x2 - x1 + 12, bottom - top + LOOP_CLEARANCE + 8 };
      GArray *found = nodes_in (work, &band, G_MAXUINT, G_MAXUINT);

      changed = FALSE;
      for (guint i = 0; i < found->len; i++)
        {
          const FmRect *r = node_rect (work, g_array_index (found, guint, i));

          if (below && r->y + r->height > bottom)
            {
              bottom = r->y + r->height;
              changed = TRUE;
            }
          else if (!below && r->y < top)
            {
              top = r->y;
              changed = TRUE;
            }
        }
    }

  return below ? bottom + LOOP_CLEARANCE : top - LOOP_CLEARANCE;
}

/* Crossed nodes cost most, then bends, then length. */
static double
candidate_cost (Work            *work,
                const Plan      *plan,
                const Candidate *c)
{
  const FmRect *a = node_rect (work, plan->a), *b = node_rect (work, plan->b);
  FmPoint p[FM_EDGE_ROUTE_MAX_POINTS];
  guint n = route_points (a, b, c->shape, c->side_a, c->side_b, c->pref_a, c->pref_b, c->loop_y, p);
  double cost = (n - 2) * 10.0 + c->penalty;

  for (guint i = 1; i < n; i++)
    {
      FmRect segment = { MIN (p[i - 1].x, p[i].x), MIN (p[i - 1].y, p[i].y),
                         fabs (p[i].x - p[i - 1].x), fabs (p[i].y - p[i - 1].y) };

      cost += 1000.0 * nodes_in (work, &segment, plan->a, plan->b)->len;
      cost += (segment.width + segment.height) / 100;
    }

  return cost;
}

static void
plan_edge (Work   *work,
           Plan   *plan,
           guint   route,
           FmEdge *edge)
{
  FmNode *na = g_ptr_array_index (work->nodes, plan->a);
  FmNode *nb = g_ptr_array_index (work->nodes, plan->b);
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
  Candidate candidates[8];
  guint n_candidates = 0;
  const Candidate *best = NULL;
  double best_cost = G_MAXDOUBLE;

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
                                                 loop_level (work, plan, x1, x2, TRUE) };
      candidates[n_candidates++] = (Candidate) { SHAPE_LOOP_ABOVE, FM_SIDE_TOP, FM_SIDE_TOP,
                                                 acx, bcx, key_a, key_b,
                                                 (rework ? 0 : DETOUR_PENALTY) + ABOVE_PENALTY,
                                                 loop_level (work, plan, x1, x2, FALSE) };
    }

  for (guint i = 0; i < n_candidates; i++)
    {
      double cost = candidate_cost (work, plan, &candidates[i]);

      if (cost < best_cost)
        {
          best_cost = cost;
          best = &candidates[i];
        }
    }

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

static gboolean
is_loop (Shape shape)
{
  return shape == SHAPE_LOOP_BELOW || shape == SHAPE_LOOP_ABOVE;
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

      plan->loop_y = loop_level (work, plan, lo[loops[k]], hi[loops[k]], below);
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
  route->n_points = n = route_points (a, b, plan->shape, ef->side, et->side,
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
  grid_init (&work.grid, work.bounds);
  work.found = g_array_new (FALSE, FALSE, sizeof (guint));

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
      plan_edge (&work, &plans[i], i, edge);
    }

  spread_ends (&work);
  place_loops (&work, plans, n_edges);

  for (guint i = 0; i < n_edges; i++)
    if (plans[i].shape != SHAPE_NONE)
      finish_route (&work, &plans[i], &g_array_index (self->routes, FmEdgeRoute, i));

  g_ptr_array_unref (work.nodes);
  g_array_unref (work.bounds);
  g_array_unref (work.ends);
  g_array_unref (work.found);
  grid_clear (&work.grid);

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
