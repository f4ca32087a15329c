/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-commands.c: what the canvas does to the map: place, connect, select, delete, nudge
 *
 * Each change is one call of the document's undoable API; the view state
 * selects what a command made.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-commands"

#include "fm-canvas-private.h"

/**
 * fm_canvas_place_node:
 *
 * Adds a node of @kind centred on a widget point (snapped to the grid when
 * snapping is on) as one undoable step, and selects it.
 *
 * Returns: (transfer none) (nullable): the new node
 */
FmNode *
fm_canvas_place_node (FmCanvas   *self,
                      FmNodeKind  kind,
                      double      widget_x,
                      double      widget_y)
{
  g_autoptr(FmNode) node = NULL;
  g_autofree char *id = NULL;
  double mx, my, width, height;

  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  if (self->map == NULL)
    return NULL;

  fm_canvas_state_to_map (self->state, widget_x, widget_y, &mx, &my);
  fm_canvas_get_node_size (kind, &width, &height);
  id = fm_map_new_id (self->map, fm_node_kind_to_string (kind));
  node = fm_node_new (kind, id);
  fm_node_set_position (node,
                        fm_canvas_state_snap (self->state, mx - width / 2),
                        fm_canvas_state_snap (self->state, my - height / 2));
  fm_document_add_node (self->document, self->map, node);
  fm_canvas_state_select (self->state, id, FALSE);

  return node;
}

/**
 * fm_canvas_connect:
 *
 * Adds an edge of the canvas's edge kind from one node to another as one
 * undoable step, and selects it.
 *
 * Returns: (transfer none) (nullable): the new edge
 */
FmEdge *
fm_canvas_connect (FmCanvas   *self,
                   const char *from,
                   const char *to)
{
  g_autoptr(FmEdge) edge = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  if (self->map == NULL || g_strcmp0 (from, to) == 0 ||
      fm_map_lookup_node (self->map, from) == NULL ||
      fm_map_lookup_node (self->map, to) == NULL)
    return NULL;

  id = fm_map_new_id (self->map, "edge");
  edge = fm_edge_new (id, from, to, self->edge_kind);
  fm_document_add_edge (self->document, self->map, edge);
  fm_canvas_state_select (self->state, id, FALSE);

  return edge;
}

/* Selects the nodes wholly inside @map_rect and the edges between them,
 * plus the ids in @keep. */
void
fm_canvas_select_rect_keeping (FmCanvas     *self,
                               const FmRect *map_rect,
                               GHashTable   *keep)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) inside = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) ids = NULL;
  guint n;

  if (self->map == NULL)
    return;

  if (keep != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, keep);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (fm_map_has_id (self->map, key))
          g_strv_builder_add (builder, key);
    }

  n = fm_map_get_n_nodes (self->map);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);
      FmRect b;

      fm_node_get_bounds (node, &b);
      if (b.x >= map_rect->x && b.y >= map_rect->y &&
          b.x + b.width <= map_rect->x + map_rect->width &&
          b.y + b.height <= map_rect->y + map_rect->height)
        {
          g_hash_table_add (inside, (gpointer) fm_node_get_id (node));
          if (keep == NULL || !g_hash_table_contains (keep, fm_node_get_id (node)))
            g_strv_builder_add (builder, fm_node_get_id (node));
        }
    }
  n = fm_map_get_n_edges (self->map);
  for (guint i = 0; i < n; i++)
    {
      FmEdge *edge = fm_map_get_edge (self->map, i);

      if (g_hash_table_contains (inside, fm_edge_get_from (edge)) &&
          g_hash_table_contains (inside, fm_edge_get_to (edge)) &&
          (keep == NULL || !g_hash_table_contains (keep, fm_edge_get_id (edge))))
        g_strv_builder_add (builder, fm_edge_get_id (edge));
    }

  ids = g_strv_builder_end (builder);
  fm_canvas_state_set_selection (self->state, (const char * const *) ids);
}

/**
 * fm_canvas_select_rect:
 * @map_rect: a rectangle in map coordinates
 * @add: keep the current selection
 *
 * Selects the nodes wholly inside @map_rect, and the edges between them.
 */
void
fm_canvas_select_rect (FmCanvas     *self,
                       const FmRect *map_rect,
                       gboolean      add)
{
  g_autoptr(GHashTable) keep = NULL;

  g_return_if_fail (FM_IS_CANVAS (self));
  g_return_if_fail (map_rect != NULL);

  if (add)
    {
      GHashTableIter iter;
      gpointer key;

      keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, fm_canvas_state_get_selection (self->state));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (keep, g_strdup (key));
    }
  fm_canvas_select_rect_keeping (self, map_rect, keep);
}

void
fm_canvas_select_all (FmCanvas *self)
{
  FmRect all = { -G_MAXDOUBLE / 4, -G_MAXDOUBLE / 4, G_MAXDOUBLE / 2, G_MAXDOUBLE / 2 };

  g_return_if_fail (FM_IS_CANVAS (self));

  fm_canvas_select_rect (self, &all, FALSE);
}

void
fm_canvas_delete_selection (FmCanvas *self)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (FM_IS_CANVAS (self));

  if (self->map == NULL)
    return;

  ids = fm_canvas_state_dup_selection (self->state, self->map, FALSE);
  if (ids[0] != NULL)
    fm_document_remove (self->document, self->map, (const char * const *) ids);
}

/* Moves the selected nodes; repeated nudges of the same nodes are one step. */
void
fm_canvas_nudge (FmCanvas *self,
                 double    dx,
                 double    dy)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (FM_IS_CANVAS (self));

  if (self->map == NULL)
    return;

  ids = fm_canvas_state_dup_selection (self->state, self->map, TRUE);
  if (ids[0] != NULL)
    fm_document_move_nodes (self->document, self->map, (const char * const *) ids, dx, dy);
}
