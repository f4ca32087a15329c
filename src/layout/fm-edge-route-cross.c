/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route-cross.c: how many nodes a straight segment crosses
 *
 * Every candidate route of every edge counts the nodes each of its
 * segments crosses. Walking the grid's cells under a segment costs its
 * length: in a fan (a trigger to 100,000 steps in rows of 70) the
 * cheapest route of a step crosses its whole column, so routing took
 * time growing with the square of the map. While the whole map is routed,
 * or an update plans many edges again (no node moves meanwhile), a
 * segment tree per direction answers instead, in time growing with the
 * logarithm of the map.
 *
 * A vertical segment at x from y1 to y2 crosses a box when, as the grid
 * tests it, x lies strictly inside (left, right) and (top, bottom) overlaps
 * (y1, y2), with left = x + 1, right = x + width - 1, top = y + 1 and
 * bottom = y + height - 1. The boxes whose (left, right) holds x are a
 * union of a few nodes of a segment tree over the sorted lefts and rights;
 * within a node, a box with top < bottom misses (y1, y2) either by top >=
 * y2 or by bottom <= y1, never both, so its crossings are the boxes with
 * top < y2 less those with bottom <= y1: two binary searches over the
 * node's sorted tops and bottoms. Horizontal segments likewise, with x and
 * y swapped. Boxes with top >= bottom (or left >= right: under two units
 * high or wide) are few, and tested one by one; those with NaN in a bound
 * cross nothing. The counts are the grid's to the unit, so the routes
 * are the same.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge-route"

#include <math.h>
#include <stdlib.h>

#include "fm-edge-route-private.h"

/* More boxes under two units than this, and the grid counts instead. */
#define MAX_ODD_BOXES 64
/* Entries of a tree a box may take on average before the grid counts
 * instead: boxes on a lattice take one or two; a scatter of boxes, each
 * spanning many others' ends, takes up to twice the tree's depth. */
#define MAX_ENTRIES_PER_BOX 24

typedef enum {
  BOX_TREE,             /* in the trees */
  BOX_ODD,              /* tested one by one */
  BOX_NONE,             /* NaN in a bound: crosses nothing */
} BoxClass;

/* The boxes a segment in one direction may cross: keyed by where they
 * lie across the segment, counted by where they lie along it. */
typedef struct {
  double *ends;         /* the distinct near and far ends across, sorted */
  guint n_ends;
  guint size;           /* leaves (2 * n_ends + 1) rounded up to a power of two */
  guint *start;         /* by tree node, into near and far; 2 * size + 1 */
  guint *near;          /* ranks of the boxes' near ends along, sorted by node */
  guint *far;           /* ranks of their far ends along, sorted by node */
  double *along;        /* the distinct ends along, sorted: what ranks index */
  guint n_along;
} Axis;

struct _Crossings {
  GArray *bounds;       /* FmRect, by node index */
  guint8 *class;        /* BoxClass by node */
  GArray *odd;          /* guint: the boxes tested one by one */
  Axis vertical;        /* for segments without width: x across, y along */
  Axis horizontal;      /* for segments without height: y across, x along */
};

/* The bounds of a box as the grid's overlap test computes them. */
static inline void
box_bounds (const FmRect *r,
            double       *left,
            double       *right,
            double       *top,
            double       *bottom)
{
  *left = r->x + 1;
  *right = r->x + r->width - 1;
  *top = r->y + 1;
  *bottom = r->y + r->height - 1;
}

/* The grid's test (fm-node-grid.c), which the counts must match to the
 * unit: for the boxes tested one by one and the skipped ones. */
static gboolean
overlaps_inside (const FmRect *r,
                 const FmRect *area)
{
  return r->x + 1 < area->x + area->width && r->x + r->width - 1 > area->x &&
         r->y + 1 < area->y + area->height && r->y + r->height - 1 > area->y;
}

int
fm_edge_route_compare_doubles (gconstpointer a,
                               gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static inline guint
uints_below (const guint *values,
             guint        n,
             guint        v)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < v)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Sorts @values and keeps each value once; returns how many are left. */
static guint
sort_distinct (double *values,
               guint   n)
{
  guint kept = 0;

  qsort (values, n, sizeof (double), fm_edge_route_compare_doubles);
  for (guint i = 0; i < n; i++)
    if (kept == 0 || values[i] != values[kept - 1])
      values[kept++] = values[i];
  return kept;
}

/* The leaf of a coordinate across: leaf 2k + 1 is ends[k] itself, leaf
 * 2k what lies between ends[k - 1] and ends[k]. A box from ends[a] to
 * ends[b] holds strictly inside it the leaves 2a + 2 to 2b. */
static inline guint
leaf_of (const Axis *axis,
         double      v)
{
  guint k = count_below (axis->ends, axis->n_ends, v, FALSE);

  return k < axis->n_ends && axis->ends[k] == v ? 2 * k + 1 : 2 * k;
}

/* The tree nodes covering the leaves @first to @last, into @nodes (room
 * for 2 × 32 of them). */
static guint
cover (const Axis *axis,
       guint       first,
       guint       last,
       guint      *nodes)
{
  guint l = first + axis->size, r = last + axis->size + 1, n = 0;

  while (l < r)
    {
      if (l & 1)
        nodes[n++] = l++;
      if (r & 1)
        nodes[n++] = --r;
      l >>= 1;
      r >>= 1;
    }
  return n;
}

static void
axis_clear (Axis *axis)
{
  g_clear_pointer (&axis->ends, g_free);
  g_clear_pointer (&axis->start, g_free);
  g_clear_pointer (&axis->near, g_free);
  g_clear_pointer (&axis->far, g_free);
  g_clear_pointer (&axis->along, g_free);
}

/* @count boxes' ranks @rank (below @n_ranks) in ascending order: the
 * order in which to file them so that each node's list comes out sorted. */
static guint *
order_by_rank (const guint *rank,
               guint        count,
               guint        n_ranks)
{
  g_autofree guint *start = g_new0 (guint, n_ranks + 1);
  guint *order = g_new (guint, count + 1);

  for (guint t = 0; t < count; t++)
    start[rank[t] + 1]++;
  for (guint r = 1; r <= n_ranks; r++)
    start[r] += start[r - 1];
  for (guint t = 0; t < count; t++)
    order[start[rank[t]]++] = t;
  return order;
}

/* Files the boxes in the tree; @vertical for segments without width.
 * Returns FALSE when they would take too much room. */
static gboolean
axis_init (Axis         *axis,
           GArray       *bounds,
           const guint8 *class,
           gboolean      vertical)
{
  guint n = bounds->len, n_tree = 0, entries, nodes[64];
  g_autofree guint *first = g_new (guint, n + 1);   /* by tree box: its leaves */
  g_autofree guint *last = g_new (guint, n + 1);
  g_autofree guint *near = g_new (guint, n + 1);    /* its ranks along */
  g_autofree guint *far = g_new (guint, n + 1);
  g_autofree guint *fill = NULL;

  axis->ends = g_new (double, 2 * n + 1);
  axis->along = g_new (double, 2 * n + 1);
  for (guint i = 0; i < n; i++)
    {
      double left, right, top, bottom;

      if (class[i] != BOX_TREE)
        continue;
      box_bounds (&g_array_index (bounds, FmRect, i), &left, &right, &top, &bottom);
      axis->ends[2 * n_tree] = vertical ? left : top;
      axis->ends[2 * n_tree + 1] = vertical ? right : bottom;
      axis->along[2 * n_tree] = vertical ? top : left;
      axis->along[2 * n_tree + 1] = vertical ? bottom : right;
      n_tree++;
    }
  axis->n_ends = sort_distinct (axis->ends, 2 * n_tree);
  axis->n_along = sort_distinct (axis->along, 2 * n_tree);
  for (axis->size = 1; axis->size < 2 * axis->n_ends + 1; axis->size *= 2)
    ;

  /* Where each box goes, and how many entries each node gets. */
  axis->start = g_new0 (guint, 2 * axis->size + 1);
  n_tree = 0;
  for (guint i = 0; i < n; i++)
    {
      double left, right, top, bottom;
      guint a, b, n_nodes;

      if (class[i] != BOX_TREE)
        continue;
      box_bounds (&g_array_index (bounds, FmRect, i), &left, &right, &top, &bottom);
      a = count_below (axis->ends, axis->n_ends, vertical ? left : top, FALSE);
      b = count_below (axis->ends, axis->n_ends, vertical ? right : bottom, FALSE);
      g_assert (a < b);
      first[n_tree] = 2 * a + 2;
      last[n_tree] = 2 * b;
      near[n_tree] = count_below (axis->along, axis->n_along, vertical ? top : left, FALSE);
      far[n_tree] = count_below (axis->along, axis->n_along, vertical ? bottom : right, FALSE);
      n_nodes = cover (axis, first[n_tree], last[n_tree], nodes);
      for (guint k = 0; k < n_nodes; k++)
        axis->start[nodes[k] + 1]++;
      n_tree++;
    }
  for (guint k = 1; k <= 2 * axis->size; k++)
    axis->start[k] += axis->start[k - 1];
  entries = axis->start[2 * axis->size];
  if (entries > (guint64) MAX_ENTRIES_PER_BOX * n + 64)
    return FALSE;
  axis->near = g_new (guint, entries + 1);
  axis->far = g_new (guint, entries + 1);

  /* The near ends filed in their order, then the far ends in theirs. */
  for (int pass = 0; pass < 2; pass++)
    {
      const guint *rank = pass == 0 ? near : far;
      guint *list = pass == 0 ? axis->near : axis->far;
      g_autofree guint *order = order_by_rank (rank, n_tree, axis->n_along);

      g_free (fill);
      fill = g_memdup2 (axis->start, sizeof (guint) * (2 * axis->size + 1));
      for (guint o = 0; o < n_tree; o++)
        {
          guint t = order[o];
          guint n_nodes = cover (axis, first[t], last[t], nodes);

          for (guint k = 0; k < n_nodes; k++)
            list[fill[nodes[k]]++] = rank[t];
        }
    }

  return TRUE;
}

/* How many boxes of the tree hold @across strictly inside and overlap
 * (@from, @to) along, @from <= @to. */
static guint
axis_count (const Axis *axis,
            double      across,
            double      from,
            double      to)
{
  /* Near ends below @to; far ends at most @from. */
  guint near_below = count_below (axis->along, axis->n_along, to, FALSE);
  guint far_below = count_below (axis->along, axis->n_along, from, TRUE);
  guint count = 0;

  for (guint k = leaf_of (axis, across) + axis->size; k >= 1; k >>= 1)
    {
      guint s = axis->start[k], e = axis->start[k + 1];

      if (s == e)
        continue;
      count += uints_below (axis->near + s, e - s, near_below) -
               uints_below (axis->far + s, e - s, far_below);
    }

  return count;
}

/**
 * fm_edge_route_crossings_new:
 * @bounds: (element-type FmRect): the nodes' boxes; kept, not copied, and
 *   not to change while the crossings are counted
 *
 * Returns: (transfer full) (nullable): what counts the crossings of
 *   segments, or %NULL where the grid had better count them (many boxes
 *   under two units, or a scatter of boxes too large for the room)
 */
Crossings *
fm_edge_route_crossings_new (GArray *bounds)
{
  g_autoptr(Crossings) self = g_new0 (Crossings, 1);

  self->bounds = g_array_ref (bounds);
  self->class = g_new (guint8, bounds->len + 1);
  self->odd = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < bounds->len; i++)
    {
      double left, right, top, bottom;

      box_bounds (&g_array_index (bounds, FmRect, i), &left, &right, &top, &bottom);
      if (isnan (left) || isnan (right) || isnan (top) || isnan (bottom))
        self->class[i] = BOX_NONE;
      else if (left < right && top < bottom)
        self->class[i] = BOX_TREE;
      else
        {
          self->class[i] = BOX_ODD;
          g_array_append_val (self->odd, i);
        }
    }
  if (self->odd->len > MAX_ODD_BOXES ||
      !axis_init (&self->vertical, bounds, self->class, TRUE) ||
      !axis_init (&self->horizontal, bounds, self->class, FALSE))
    return NULL;

  return g_steal_pointer (&self);
}

void
fm_edge_route_crossings_free (Crossings *self)
{
  if (self == NULL)
    return;

  axis_clear (&self->vertical);
  axis_clear (&self->horizontal);
  g_array_unref (self->bounds);
  g_array_unref (self->odd);
  g_free (self->class);
  g_free (self);
}

/**
 * fm_edge_route_crossings_count:
 * @area: a segment: a rectangle without width or without height
 * @skip_a: a node index to leave out, or %G_MAXUINT
 * @skip_b: another
 * @count: (out): how many boxes overlap the inside of @area, as
 *   fm_node_grid_count() counts them
 *
 * Returns: %FALSE when @area is no segment (or has NaN in it): then the
 *   grid must count
 */
gboolean
fm_edge_route_crossings_count (Crossings    *self,
                               const FmRect *area,
                               guint         skip_a,
                               guint         skip_b,
                               guint        *count)
{
  gboolean vertical = area->width == 0;
  double across = vertical ? area->x : area->y;
  double from = vertical ? area->y : area->x;
  double to = vertical ? area->y + area->height : area->x + area->width;
  guint n;

  if ((!vertical && area->height != 0) || isnan (across) || isnan (from) || isnan (to) || !(from <= to))
    return FALSE;

  n = axis_count (vertical ? &self->vertical : &self->horizontal, across, from, to);

  /* The tree knows no skipping: take the skipped boxes off again. */
  if (skip_a < self->bounds->len && self->class[skip_a] == BOX_TREE &&
      overlaps_inside (&g_array_index (self->bounds, FmRect, skip_a), area))
    n--;
  if (skip_b != skip_a && skip_b < self->bounds->len && self->class[skip_b] == BOX_TREE &&
      overlaps_inside (&g_array_index (self->bounds, FmRect, skip_b), area))
    n--;

  for (guint k = 0; k < self->odd->len; k++)
    {
      guint i = g_array_index (self->odd, guint, k);

      if (i != skip_a && i != skip_b && overlaps_inside (&g_array_index (self->bounds, FmRect, i), area))
        n++;
    }

  *count = n;
  return TRUE;
}

/* The crossings of @segment as fm_node_grid_count() counts them, whole
 * when the tree can count them. */
guint
fm_edge_route_count_crossings (Work         *work,
                               const FmRect *segment,
                               guint         skip_a,
                               guint         skip_b,
                               guint         budget,
                               gboolean     *complete)
{
  guint count;

  if (work->crossings != NULL &&
      fm_edge_route_crossings_count (work->crossings, segment, skip_a, skip_b, &count))
    {
      *complete = TRUE;
      return count;
    }

  return fm_node_grid_count (work->index->grid, segment, skip_a, skip_b, budget, complete);
}
