/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node-grid.c: which nodes lie in a rectangle, without visiting them all
 *
 * A bucket grid over boxes: routing checks every candidate route against
 * the nodes in its way, and the canvas finds what is under the pointer and
 * what is on screen, on maps of 10,000 steps. Boxes spanning many cells go
 * to an overflow list every query looks at, rather than into every cell;
 * a query spanning more cells than there are boxes looks at every box.
 * The cells over where the boxes were when the grid was made sit in an
 * array, the others (where boxes were moved to) in a hash table: the
 * long thin queries of edge routing walk hundreds of cells each, and a
 * look-up in a table was most of their time.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-node-grid"

#include <math.h>
#include <string.h>

#include "fm-node-grid.h"

#define CELL 256.0
/* A box over more cells than this goes to the overflow list. */
#define MAX_CELLS_PER_BOX 64
/* Cell coordinates are clamped here, so that no conversion to an integer
 * overflows, whatever the coordinates (the loader keeps them within
 * ±1e7, but a grid should not rely on it). */
#define CELL_LIMIT 1e9
/* The array of cells may hold this many cells a box, else no array. */
#define DENSE_CELLS_PER_BOX 16

struct _FmNodeGrid
{
  GArray *rects;        /* FmRect, by node index */
  GHashTable *cells;    /* packed cell -> GArray of node indices, off the array */
  GArray **dense;       /* the cells from (x0, y0), columns × rows of them */
  gint64 x0, y0, columns, rows;
  GArray *overflow;     /* guint: the boxes too big for the cells */
  guint *seen;          /* per node: the last query that returned it */
  guint query;
  GArray *found;        /* guint: what the last query returned */
};

typedef struct {
  gint64 x1, y1, x2, y2;
} CellRange;

static inline gint64
cell_of (double v)
{
  double c = floor (v / CELL);

  /* NaN compares false: it lands in the first cell. */
  if (!(c > -CELL_LIMIT))
    return (gint64) -CELL_LIMIT;
  if (c > CELL_LIMIT)
    return (gint64) CELL_LIMIT;
  return (gint64) c;
}

static inline void
cell_range (const FmRect *r,
            CellRange    *range)
{
  range->x1 = cell_of (r->x);
  range->x2 = MAX (range->x1, cell_of (r->x + r->width));
  range->y1 = cell_of (r->y);
  range->y2 = MAX (range->y1, cell_of (r->y + r->height));
}

static inline guint64
range_size (const CellRange *range)
{
  return (guint64) (range->x2 - range->x1 + 1) * (guint64) (range->y2 - range->y1 + 1);
}

static inline gpointer
cell_key (gint64 cx,
          gint64 cy)
{
  /* Collisions only cost a few extra rectangle tests. */
  return GUINT_TO_POINTER ((guint) (((guint64) cx & 0xffff) << 16 | ((guint64) cy & 0xffff)));
}

static gboolean
is_overflow (const CellRange *range)
{
  return range_size (range) > MAX_CELLS_PER_BOX;
}

static inline GArray **
dense_slot (FmNodeGrid *self,
            gint64      cx,
            gint64      cy)
{
  if (self->dense == NULL ||
      cx < self->x0 || cx >= self->x0 + self->columns || cy < self->y0 || cy >= self->y0 + self->rows)
    return NULL;
  return &self->dense[(cy - self->y0) * self->columns + (cx - self->x0)];
}

static inline GArray *
lookup_cell (FmNodeGrid *self,
             gint64      cx,
             gint64      cy)
{
  GArray **slot = dense_slot (self, cx, cy);

  if (slot != NULL)
    return *slot;
  return g_hash_table_size (self->cells) > 0 ? g_hash_table_lookup (self->cells, cell_key (cx, cy)) : NULL;
}

static GArray *
ensure_cell (FmNodeGrid *self,
             gint64      cx,
             gint64      cy)
{
  GArray **slot = dense_slot (self, cx, cy);
  GArray *cell;

  if (slot != NULL)
    {
      if (*slot == NULL)
        *slot = g_array_new (FALSE, FALSE, sizeof (guint));
      return *slot;
    }

  cell = g_hash_table_lookup (self->cells, cell_key (cx, cy));
  if (cell == NULL)
    {
      cell = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->cells, cell_key (cx, cy), cell);
    }
  return cell;
}

/* An array over the cells of every box that is not too big, when that
 * takes not much more room than the boxes. */
static void
make_dense (FmNodeGrid *self)
{
  gint64 x1 = G_MAXINT64, y1 = G_MAXINT64, x2 = G_MININT64, y2 = G_MININT64;

  for (guint i = 0; i < self->rects->len; i++)
    {
      CellRange range;

      cell_range (&g_array_index (self->rects, FmRect, i), &range);
      if (is_overflow (&range))
        continue;
      x1 = MIN (x1, range.x1);
      y1 = MIN (y1, range.y1);
      x2 = MAX (x2, range.x2);
      y2 = MAX (y2, range.y2);
    }

  if (x1 > x2 ||
      (guint64) (x2 - x1 + 1) * (guint64) (y2 - y1 + 1) >
      (guint64) DENSE_CELLS_PER_BOX * self->rects->len + 1024)
    return;

  self->x0 = x1;
  self->y0 = y1;
  self->columns = x2 - x1 + 1;
  self->rows = y2 - y1 + 1;
  self->dense = g_new0 (GArray *, self->columns * self->rows);
}

static void
insert (FmNodeGrid *self,
        guint       i)
{
  CellRange range;

  cell_range (&g_array_index (self->rects, FmRect, i), &range);
  if (is_overflow (&range))
    {
      g_array_append_val (self->overflow, i);
      return;
    }

  for (gint64 cx = range.x1; cx <= range.x2; cx++)
    for (gint64 cy = range.y1; cy <= range.y2; cy++)
      {
        GArray *cell = ensure_cell (self, cx, cy);

        /* Two cells of one box can share a key: once is enough. */
        if (cell->len == 0 || g_array_index (cell, guint, cell->len - 1) != i)
          g_array_append_val (cell, i);
      }
}

static void
remove_from (GArray *list,
             guint   i)
{
  for (guint k = 0; list != NULL && k < list->len; k++)
    if (g_array_index (list, guint, k) == i)
      {
        g_array_remove_index_fast (list, k);
        return;
      }
}

/**
 * fm_node_grid_new:
 * @rects: (element-type FmRect): the nodes' boxes; kept, not copied
 *
 * Returns: (transfer full): an index of @rects
 */
FmNodeGrid *
fm_node_grid_new (GArray *rects)
{
  FmNodeGrid *self = g_new0 (FmNodeGrid, 1);

  self->rects = g_array_ref (rects);
  self->cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->overflow = g_array_new (FALSE, FALSE, sizeof (guint));
  self->seen = g_new0 (guint, rects->len + 1);
  self->found = g_array_new (FALSE, FALSE, sizeof (guint));

  make_dense (self);
  for (guint i = 0; i < rects->len; i++)
    insert (self, i);

  return self;
}

void
fm_node_grid_free (FmNodeGrid *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rects);
  g_hash_table_unref (self->cells);
  for (gint64 k = 0; self->dense != NULL && k < self->columns * self->rows; k++)
    if (self->dense[k] != NULL)
      g_array_unref (self->dense[k]);
  g_free (self->dense);
  g_array_unref (self->overflow);
  g_array_unref (self->found);
  g_free (self->seen);
  g_free (self);
}

/**
 * fm_node_grid_move:
 * @index: a box whose place changed in the array the grid was made with
 * @old_rect: where it was
 *
 * Files the box at @index where it is now.
 */
void
fm_node_grid_move (FmNodeGrid   *self,
                   guint         index,
                   const FmRect *old_rect)
{
  CellRange range;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->rects->len);
  g_return_if_fail (old_rect != NULL);

  cell_range (old_rect, &range);
  if (is_overflow (&range))
    remove_from (self->overflow, index);
  else
    for (gint64 cx = range.x1; cx <= range.x2; cx++)
      for (gint64 cy = range.y1; cy <= range.y2; cy++)
        remove_from (lookup_cell (self, cx, cy), index);

  insert (self, index);
}

/* Finds the boxes filed in a cell @area touches that @accept, once each,
 * without regard to order; after looking at @budget cells and boxes it stops and
 * returns FALSE: what it found so far is a part of the answer. */
static gboolean
visit (FmNodeGrid   *self,
       const FmRect *area,
       guint         skip_a,
       guint         skip_b,
       gboolean    (*accept) (const FmRect *r, const FmRect *area),
       guint         budget)
{
  CellRange range;
  guint looked = 0;

  g_array_set_size (self->found, 0);
  self->query++;
  if (self->query == 0)
    {
      /* Wrapped round: forget what the old queries saw. */
      memset (self->seen, 0, sizeof (guint) * (self->rects->len + 1));
      self->query = 1;
    }

  cell_range (area, &range);
  if (range_size (&range) > self->rects->len)
    {
      for (guint i = 0; i < self->rects->len; i++)
        {
          if (looked++ == budget)
            return FALSE;
          if (i != skip_a && i != skip_b && accept (&g_array_index (self->rects, FmRect, i), area))
            g_array_append_val (self->found, i);
        }
      return TRUE;
    }

  for (guint k = 0; k < self->overflow->len; k++)
    {
      guint i = g_array_index (self->overflow, guint, k);

      if (looked++ == budget)
        return FALSE;
      self->seen[i] = self->query;
      if (i != skip_a && i != skip_b && accept (&g_array_index (self->rects, FmRect, i), area))
        g_array_append_val (self->found, i);
    }

  for (gint64 cx = range.x1; cx <= range.x2; cx++)
    for (gint64 cy = range.y1; cy <= range.y2; cy++)
      {
        GArray *cell;

        /* An empty cell takes looking at too. */
        if (looked++ == budget)
          return FALSE;
        cell = lookup_cell (self, cx, cy);
        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);

            if (self->seen[i] == self->query || i == skip_a || i == skip_b)
              continue;
            if (looked++ == budget)
              return FALSE;
            self->seen[i] = self->query;

            if (accept (&g_array_index (self->rects, FmRect, i), area))
              g_array_append_val (self->found, i);
          }
      }

  return TRUE;
}

static gboolean
overlaps_inside (const FmRect *r,
                 const FmRect *area)
{
  return r->x + 1 < area->x + area->width && r->x + r->width - 1 > area->x &&
         r->y + 1 < area->y + area->height && r->y + r->height - 1 > area->y;
}

static gboolean
touches (const FmRect *r,
         const FmRect *area)
{
  return r->x <= area->x + area->width && r->x + r->width >= area->x &&
         r->y <= area->y + area->height && r->y + r->height >= area->y;
}

/**
 * fm_node_grid_query:
 * @area: a rectangle; a segment is one without width or height
 * @skip_a: a node index to leave out, or %G_MAXUINT
 * @skip_b: another
 *
 * Finds the nodes whose box overlaps the inside of @area: touching it is
 * not overlapping.
 *
 * Returns: (transfer none) (element-type guint): their indices, in no
 *   particular order, valid until the next query
 */
GArray *
fm_node_grid_query (FmNodeGrid   *self,
                    const FmRect *area,
                    guint         skip_a,
                    guint         skip_b)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  visit (self, area, skip_a, skip_b, overlaps_inside, G_MAXUINT);
  return self->found;
}

/**
 * fm_node_grid_count:
 * @area: a rectangle; a segment is one without width or height
 * @skip_a: a node index to leave out, or %G_MAXUINT
 * @skip_b: another
 * @budget: how many boxes to look at, at most
 * @complete: (out): whether the count is the whole count
 *
 * Counts what fm_node_grid_query() would find, or, when that would take
 * looking at more than @budget cells and boxes, a part of it: enough for a caller
 * that only needs to know the count is not small.
 *
 * Returns: how many boxes overlap the inside of @area (if @complete) or
 *   at least how many (if not)
 */
guint
fm_node_grid_count (FmNodeGrid   *self,
                    const FmRect *area,
                    guint         skip_a,
                    guint         skip_b,
                    guint         budget,
                    gboolean     *complete)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (area != NULL, 0);
  g_return_val_if_fail (complete != NULL, 0);

  *complete = visit (self, area, skip_a, skip_b, overlaps_inside, budget);
  return self->found->len;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/**
 * fm_node_grid_candidates:
 * @area: a rectangle; a point is one without width and height
 *
 * Finds the boxes that touch @area or lie in it, edges included: what a
 * point or a view may hit, for the caller to test exactly.
 *
 * Returns: (transfer none) (element-type guint): their indices in
 *   ascending order, valid until the next query
 */
GArray *
fm_node_grid_candidates (FmNodeGrid   *self,
                         const FmRect *area)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  visit (self, area, G_MAXUINT, G_MAXUINT, touches, G_MAXUINT);
  g_array_sort (self->found, compare_indices);
  return self->found;
}
