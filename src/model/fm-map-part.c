/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-part.c: a part of a map as a map of its own, and the neighbourhood of a node
 *
 * A selection copied as an image, or a constraint shown on a slide, is
 * drawn from a copy of the map that holds only those nodes and the edges
 * between them: nothing of the rest can show as a fragment at the border.
 */
#include "config.h"

#include "fm-edge.h"
#include "fm-kaizen.h"
#include "fm-map-part.h"
#include "fm-map-private.h"

/**
 * fm_map_copy_part:
 * @keep: the ids (char *) of the nodes to keep
 *
 * Returns: (transfer full): a copy of @self with the nodes of @keep, in
 *   their places, and the edges whose both ends are kept
 */
FmMap *
fm_map_copy_part (FmMap      *self,
                  const char *new_id,
                  GHashTable *keep)
{
  g_autoptr(FmMap) copy = NULL;

  g_return_val_if_fail (FM_IS_MAP (self), NULL);
  g_return_val_if_fail (keep != NULL, NULL);

  copy = fm_map_copy (self, new_id);
  for (guint i = fm_map_get_n_edges (copy); i-- > 0;)
    {
      FmEdge *edge = fm_map_get_edge (copy, i);

      if (!g_hash_table_contains (keep, fm_edge_get_from (edge)) ||
          !g_hash_table_contains (keep, fm_edge_get_to (edge)))
        fm_map_remove_edge (copy, edge);
    }
  for (guint i = fm_map_get_n_nodes (copy); i-- > 0;)
    {
      FmNode *node = fm_map_get_node (copy, i);

      if (!g_hash_table_contains (keep, fm_node_get_id (node)))
        fm_map_remove_node (copy, node);
    }

  return g_steal_pointer (&copy);
}

static gboolean
is_material (FmEdgeKind kind)
{
  return kind == FM_EDGE_KIND_FLOW || kind == FM_EDGE_KIND_PUSH || kind == FM_EDGE_KIND_PULL;
}

/**
 * fm_map_dup_neighbourhood:
 * @hops: how far along the flow, upstream and downstream
 *
 * What a close-up of @node_id shows: the nodes up to @hops flow edges
 * before and after it (a queue and the step beyond it, at 2), the systems
 * and nodes that send it information, and the experiments about it.
 *
 * Returns: (transfer full): a set of node ids (strings owned by the map)
 */
GHashTable *
fm_map_dup_neighbourhood (FmMap      *self,
                          const char *node_id,
                          guint       hops)
{
  GHashTable *near = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ring = g_ptr_array_new ();
  FmNode *centre;

  g_return_val_if_fail (FM_IS_MAP (self), near);

  if ((centre = fm_map_lookup_node (self, node_id)) == NULL)
    return near;

  g_hash_table_add (near, (gpointer) fm_node_get_id (centre));
  g_ptr_array_add (ring, (gpointer) fm_node_get_id (centre));
  for (guint hop = 0; hop < hops && ring->len > 0; hop++)
    {
      GPtrArray *next = g_ptr_array_new ();

      for (guint i = 0; i < fm_map_get_n_edges (self); i++)
        {
          FmEdge *edge = fm_map_get_edge (self, i);
          const char *from = fm_edge_get_from (edge), *to = fm_edge_get_to (edge);

          if (!is_material (fm_edge_get_kind (edge)))
            continue;
          for (guint k = 0; k < ring->len; k++)
            {
              const char *other = g_str_equal (from, ring->pdata[k]) ? to
                                : g_str_equal (to, ring->pdata[k]) ? from : NULL;
              FmNode *node = other ? fm_map_lookup_node (self, other) : NULL;

              if (node != NULL && g_hash_table_add (near, (gpointer) fm_node_get_id (node)))
                g_ptr_array_add (next, (gpointer) fm_node_get_id (node));
            }
        }
      g_ptr_array_unref (ring);
      ring = next;
    }

  /* What informs the node, and what is tried on it. */
  for (guint i = 0; i < fm_map_get_n_edges (self); i++)
    {
      FmEdge *edge = fm_map_get_edge (self, i);
      FmEdgeKind kind = fm_edge_get_kind (edge);
      FmNode *from = fm_map_lookup_node (self, fm_edge_get_from (edge));

      if ((kind == FM_EDGE_KIND_INFO || kind == FM_EDGE_KIND_ELECTRONIC) && from != NULL &&
          g_str_equal (fm_edge_get_to (edge), node_id))
        g_hash_table_add (near, (gpointer) fm_node_get_id (from));
    }
  for (guint i = 0; i < fm_map_get_n_nodes (self); i++)
    {
      FmNode *node = fm_map_get_node (self, i);
      const char * const *applies_to = FM_IS_KAIZEN (node) ? fm_kaizen_get_applies_to (FM_KAIZEN (node)) : NULL;

      if (applies_to != NULL && g_strv_contains (applies_to, node_id))
        g_hash_table_add (near, (gpointer) fm_node_get_id (node));
    }

  return near;
}
