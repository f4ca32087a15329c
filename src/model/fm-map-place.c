/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-place.c: where a node added after another one goes
 *
 * The keyboard's Ctrl+Enter and the table's pasted rows add a step after
 * the last one: both put it in the same place, so that a map typed in the
 * table looks like one typed on the canvas.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-map"

#include <math.h>

#include "fm-map-place.h"

static double
snap (double value,
      double grid)
{
  return grid > 0 ? round (value / grid) * grid : value;
}

static gboolean
overlaps_any (FmMap        *map,
              const FmRect *r)
{
  guint n = fm_map_get_n_nodes (map);

  for (guint i = 0; i < n; i++)
    {
      FmRect b;

      fm_node_get_bounds (fm_map_get_node (map, i), &b);
      if (r->x < b.x + b.width && b.x < r->x + r->width &&
          r->y < b.y + b.height && b.y < r->y + r->height)
        return TRUE;
    }

  return FALSE;
}

/**
 * fm_map_place_after:
 * @after: (nullable): the node the new one follows
 * @grid: the grid to snap to, or 0
 * @rect: (inout): the new node's size; its place is where it starts
 *   when @after is %NULL, and where it goes on return
 *
 * Puts a new node FM_PLACE_GAP to the right of @after, centred on it, and
 * then below whatever is already there: the second step after one node
 * goes under the first, as a branch.
 */
void
fm_map_place_after (FmMap  *map,
                    FmNode *after,
                    double  grid,
                    FmRect *rect)
{
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (after == NULL || FM_IS_NODE (after));
  g_return_if_fail (rect != NULL);

  if (after != NULL)
    {
      FmRect b;

      fm_node_get_bounds (after, &b);
      rect->x = snap (b.x + b.width + FM_PLACE_GAP, grid);
      rect->y = snap (b.y + b.height / 2 - rect->height / 2, grid);
    }
  while (overlaps_any (map, rect))
    rect->y = snap (rect->y + rect->height + FM_PLACE_GAP / 2, grid);
}
