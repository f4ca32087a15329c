/* fm-node-grid.c: which nodes lie in a rectangle, without visiting them all
 *
 * A bucket grid over the nodes' boxes: routing checks every candidate
 * route against the nodes in its way, on maps of 10,000 steps.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-node-grid"

#include <math.h>

#include "fm-node-grid.h"

#define CELL 256.0

struct _FmNodeGrid
{
  GArray *rects;        /* FmRect, by node index */
  GHashTable *cells;    /* packed cell -> GArray of node indices */
  guint *seen;          /* per node: the last query that returned it */
  guint query;
  GArray *found;        /* guint: what the last query returned */
};

static inline gpointer
cell_key (gint64 cx,
          gint64 cy)
{
  /* Collisions only cost a few extra rectangle tests. */
  return GUINT_TO_POINTER ((guint) (((guint64) cx & 0xffff) << 16 | ((guint64) cy & 0xffff)));
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
  self->seen = g_new0 (guint, rects->len + 1);
  self->found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < rects->len; i++)
    {
      const FmRect *r = &g_array_index (rects, FmRect, i);
      gint64 x1 = floor (r->x / CELL), x2 = floor ((r->x + r->width) / CELL);
      gint64 y1 = floor (r->y / CELL), y2 = floor ((r->y + r->height) / CELL);

      for (gint64 cx = x1; cx <= x2; cx++)
        for (gint64 cy = y1; cy <= y2; cy++)
          {
            GArray *cell = g_hash_table_lookup (self->cells, cell_key (cx, cy));

            if (cell == NULL)
              {
                cell = g_array_new (FALSE, FALSE, sizeof (guint));
                g_hash_table_insert (self->cells, cell_key (cx, cy), cell);
              }
            g_array_append_val (cell, i);
          }
    }

  return self;
}

void
fm_node_grid_free (FmNodeGrid *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rects);
  g_hash_table_unref (self->cells);
  g_array_unref (self->found);
  g_free (self->seen);
  g_free (self);
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
 * Returns: (transfer none) (element-type guint): their indices, valid
 *   until the next query
 */
GArray *
fm_node_grid_query (FmNodeGrid   *self,
                    const FmRect *area,
                    guint         skip_a,
                    guint         skip_b)
{
  gint64 x1 = floor (area->x / CELL), x2 = floor ((area->x + area->width) / CELL);
  gint64 y1 = floor (area->y / CELL), y2 = floor ((area->y + area->height) / CELL);

  g_array_set_size (self->found, 0);
  self->query++;

  for (gint64 cx = x1; cx <= x2; cx++)
    for (gint64 cy = y1; cy <= y2; cy++)
      {
        GArray *cell = g_hash_table_lookup (self->cells, cell_key (cx, cy));

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint i = g_array_index (cell, guint, k);
            const FmRect *r = &g_array_index (self->rects, FmRect, i);

            if (self->seen[i] == self->query || i == skip_a || i == skip_b)
              continue;
            self->seen[i] = self->query;

            if (r->x + 1 < area->x + area->width && r->x + r->width - 1 > area->x &&
                r->y + 1 < area->y + area->height && r->y + r->height - 1 > area->y)
              g_array_append_val (self->found, i);
          }
      }

  return self->found;
}
