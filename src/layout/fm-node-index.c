/* fm-node-index.c: a map's nodes found by place
 *
 * The index holds its own references to the nodes, so that a position it
 * returns stays a node even while the map changes; after a change other
 * than a move its owner makes it again (fm-edge-route-update.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-node-index"

#include <string.h>

#include "fm-node-index-private.h"

/**
 * fm_node_index_new:
 *
 * Takes the nodes of @map and their boxes.
 *
 * Returns: (transfer full): the index, true to @map until a node moves
 *   (then fm_node_index_update()) or one comes or goes (then a new one)
 */
FmNodeIndex *
fm_node_index_new (FmMap *map)
{
  FmNodeIndex *self;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  n = fm_map_get_n_nodes (map);
  self = g_new0 (FmNodeIndex, 1);
  self->nodes = g_ptr_array_new_full (n, g_object_unref);
  self->bounds = g_array_sized_new (FALSE, FALSE, sizeof (FmRect), n);

  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmRect r;

      fm_node_get_bounds (node, &r);
      g_ptr_array_add (self->nodes, g_object_ref (node));
      g_array_append_val (self->bounds, r);
    }
  self->grid = fm_node_grid_new (self->bounds);

  return self;
}

void
fm_node_index_free (FmNodeIndex *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->nodes);
  g_array_unref (self->bounds);
  fm_node_grid_free (self->grid);
  g_free (self);
}

/**
 * fm_node_index_update:
 * @max_moved: how many moved nodes are worth an update in place
 * @moved: (element-type guint): gets the positions of the nodes that moved
 *   or changed size, in ascending order
 * @old_bounds: (element-type FmRect): gets where each of them was
 *
 * Takes the nodes' boxes again, for nodes that moved.
 *
 * Returns: %FALSE, with nothing changed, when more than @max_moved nodes
 *   moved: making a new index is then as quick
 */
gboolean
fm_node_index_update (FmNodeIndex *self,
                      guint        max_moved,
                      GArray      *moved,
                      GArray      *old_bounds)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (moved != NULL && old_bounds != NULL, FALSE);

  g_array_set_size (moved, 0);
  g_array_set_size (old_bounds, 0);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const FmRect *old = &g_array_index (self->bounds, FmRect, i);
      FmRect r;

      fm_node_get_bounds (g_ptr_array_index (self->nodes, i), &r);
      if (memcmp (&r, old, sizeof r) != 0)
        {
          if (moved->len == max_moved)
            {
              g_array_set_size (moved, 0);
              g_array_set_size (old_bounds, 0);
              return FALSE;
            }
          g_array_append_val (moved, i);
          g_array_append_val (old_bounds, *old);
        }
    }

  for (guint k = 0; k < moved->len; k++)
    {
      guint i = g_array_index (moved, guint, k);

      fm_node_get_bounds (g_ptr_array_index (self->nodes, i), &g_array_index (self->bounds, FmRect, i));
      fm_node_grid_move (self->grid, i, &g_array_index (old_bounds, FmRect, k));
    }

  return TRUE;
}

guint
fm_node_index_get_n (FmNodeIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

/**
 * fm_node_index_get_node:
 *
 * Returns: (transfer none): the node at @position in the map, as the
 *   index last saw the map: quicker than asking the map
 */
FmNode *
fm_node_index_get_node (FmNodeIndex *self,
                        guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->nodes->len, NULL);

  return g_ptr_array_index (self->nodes, position);
}

/**
 * fm_node_index_get_bounds:
 *
 * Returns: (transfer none): the box of the node at @position in the map,
 *   as the index last took it
 */
const FmRect *
fm_node_index_get_bounds (FmNodeIndex *self,
                          guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->nodes->len, NULL);

  return &g_array_index (self->bounds, FmRect, position);
}

/**
 * fm_node_index_find:
 * @area: in map units
 *
 * Finds the nodes whose box touches @area or lies in it, and maybe a few
 * more, for the caller to test exactly: what is under the pointer, what
 * is on screen.
 *
 * Returns: (transfer none) (element-type guint): their positions in the
 *   map in ascending order (from the bottom of the drawing up), valid
 *   until the next call
 */
GArray *
fm_node_index_find (FmNodeIndex  *self,
                    const FmRect *area)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  return fm_node_grid_candidates (self->grid, area);
}
