/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-order.c: the order in which a reader follows a map's nodes
 *
 * Keyboard navigation (Tab), and whatever else lists the nodes one after
 * the other for a person, follows the work: from the trigger along the
 * flow edges, then the rest as a page is read. Model geometry only: no
 * drawing is needed to know it.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-map"

#include <stdlib.h>

#include "fm-map-order.h"

#define ROW_SLOP 40.0       /* centres this close vertically read as one row */

static double
centre_y (FmNode *node)
{
  return fm_node_get_y (node) + fm_node_get_height (node) / 2;
}

static int
compare_centre_y (gconstpointer a,
                  gconstpointer b)
{
  double ya = centre_y (*(FmNode **) a), yb = centre_y (*(FmNode **) b);

  return (ya > yb) - (ya < yb);
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double xa = fm_node_get_x (*(FmNode **) a), xb = fm_node_get_x (*(FmNode **) b);

  return (xa > xb) - (xa < xb);
}

/**
 * fm_map_reading_order:
 *
 * The nodes in rows top to bottom, each left to right; a row is the nodes
 * whose centres are within ROW_SLOP of its first one, so steps of
 * different heights on one line read as one row.
 *
 * Returns: (transfer container) (element-type FmNode): the nodes
 */
GPtrArray *
fm_map_reading_order (FmMap *map)
{
  GPtrArray *nodes;
  guint n, row_start = 0;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  n = fm_map_get_n_nodes (map);
  nodes = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (nodes, fm_map_get_node (map, i));
  g_ptr_array_sort (nodes, compare_centre_y);

  for (guint i = 1; i <= n; i++)
    if (i == n || centre_y (nodes->pdata[i]) - centre_y (nodes->pdata[row_start]) > ROW_SLOP)
      {
        qsort (nodes->pdata + row_start, i - row_start, sizeof (gpointer), compare_x);
        row_start = i;
      }

  return nodes;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GHashTable *rank = user_data;
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fm_node_get_id (*(FmNode **) a)));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fm_node_get_id (*(FmNode **) b)));

  return (ra > rb) - (ra < rb);
}

/**
 * fm_map_flow_order:
 *
 * The nodes depth first along the flow edges (fm_edge_is_flow(): rework
 * runs backwards and information is not the work itself) from each
 * trigger, then from the other nodes where a flow starts, then every node
 * not reached; roots and branches in reading order. A cycle is followed
 * once round.
 *
 * Returns: (transfer container) (element-type FmNode): every node of @map once
 */
GPtrArray *
fm_map_flow_order (FmMap *map)
{
  g_autoptr(GPtrArray) reading = NULL;
  g_autoptr(GHashTable) rank = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) has_incoming = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  /* id -> GPtrArray of the nodes its flow edges go to */
  g_autoptr(GHashTable) next =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *order;
  guint n_edges;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  reading = fm_map_reading_order (map);
  order = g_ptr_array_sized_new (reading->len);
  n_edges = fm_map_get_n_edges (map);

  for (guint i = 0; i < reading->len; i++)
    g_hash_table_insert (rank, (gpointer) fm_node_get_id (reading->pdata[i]), GUINT_TO_POINTER (i));

  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmNode *to = fm_map_lookup_node (map, fm_edge_get_to (edge));
      GPtrArray *successors;

      if (!fm_edge_is_flow (edge) || to == NULL || fm_map_lookup_node (map, fm_edge_get_from (edge)) == NULL)
        continue;

      successors = g_hash_table_lookup (next, fm_edge_get_from (edge));
      if (successors == NULL)
        {
          successors = g_ptr_array_new ();
          g_hash_table_insert (next, (gpointer) fm_edge_get_from (edge), successors);
        }
      g_ptr_array_add (successors, to);
      g_hash_table_add (has_incoming, (gpointer) fm_node_get_id (to));
    }

  /* Roots: triggers first, then the starts of other flows, then the rest. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < reading->len; i++)
      {
        FmNode *root = reading->pdata[i];
        const char *id = fm_node_get_id (root);

        if (g_hash_table_contains (visited, root))
          continue;
        if (pass == 0 && fm_node_get_kind (root) != FM_NODE_KIND_TRIGGER)
          continue;
        if (pass == 1 && (g_hash_table_contains (has_incoming, id) || !g_hash_table_contains (next, id)))
          continue;

        /* Depth first, successors pushed last-first so the first in reading
         * order is visited first. */
        g_ptr_array_add (stack, root);
        while (stack->len > 0)
          {
            FmNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
            GPtrArray *successors;

            if (g_hash_table_contains (visited, node))
              continue;
            g_hash_table_add (visited, node);
            g_ptr_array_add (order, node);

            successors = g_hash_table_lookup (next, fm_node_get_id (node));
            if (successors == NULL)
              continue;
            g_ptr_array_sort_with_data (successors, compare_rank, rank);
            for (guint j = successors->len; j > 0; j--)
              if (!g_hash_table_contains (visited, successors->pdata[j - 1]))
                g_ptr_array_add (stack, successors->pdata[j - 1]);
          }
      }

  return order;
}
