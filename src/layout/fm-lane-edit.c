/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-edit.c: the undoable edits of swimlanes: their order, and a step dropped into another lane
 *
 * A lane is a role, so these edit the map's `lanes` list and the steps'
 * roles; and since a lane's band is where its nodes are, they move the
 * nodes too, in the same undo step, so that the bands follow.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-layout"

#include <glib/gi18n-lib.h>

#include "fm-lane-edit.h"
#include "fm-process-step.h"

/**
 * fm_lanes_get_n_movable:
 *
 * Returns: how many of @lanes can be reordered: all but the lane of the
 *   steps without a role, which stays at the bottom
 */
guint
fm_lanes_get_n_movable (const FmMapLanes *lanes)
{
  guint n;

  g_return_val_if_fail (lanes != NULL, 0);

  n = fm_map_lanes_get_n_lanes (lanes);
  if (n > 0 && *fm_map_lanes_get_name (lanes, n - 1) == '\0')
    n--;
  return n;
}

/**
 * fm_lane_bands_find:
 * @bands: (element-type FmLaneBand): from fm_lane_bands_compute()
 *
 * Returns: the index into @bands of the band @y is in, or -1
 */
int
fm_lane_bands_find (GArray *bands,
                    double  y)
{
  g_return_val_if_fail (bands != NULL, -1);

  for (guint i = 0; i < bands->len; i++)
    {
      const FmRect *r = &g_array_index (bands, FmLaneBand, i).bounds;

      if (y >= r->y && y < r->y + r->height)
        return (int) i;
    }

  return -1;
}

/**
 * fm_lanes_move_lane:
 * @lane: the lane to move, an index into the map's FmMapLanes
 * @position: where it goes, in the same order (before the move)
 *
 * Moves a lane up or down as one undoable step: the map's `lanes` list
 * takes the new order and the nodes are arranged in it, so that the bands
 * are in that order too. The lane of the steps without a role stays last.
 *
 * Returns: %FALSE when nothing changed
 */
gboolean
fm_lanes_move_lane (FmDocument *document,
                    FmMap      *map,
                    guint       lane,
                    guint       position)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(FmMapLanes) moved = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (FmRect));
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);

  lanes = fm_map_lanes_new (map);
  n = fm_lanes_get_n_movable (lanes);
  if (lane >= n)
    return FALSE;
  position = MIN (position, n - 1);
  if (position == lane)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (i != lane)
      g_ptr_array_add (names, (gpointer) fm_map_lanes_get_name (lanes, i));
  g_ptr_array_insert (names, (int) position, (gpointer) fm_map_lanes_get_name (lanes, lane));
  g_ptr_array_add (names, NULL);

  /* Translators: the undo step of dragging a lane's header */
  fm_document_begin_group (document, _("Move Lane"));
  fm_document_set (document, map, NULL, "lanes", (const char * const *) names->pdata, NULL);
  moved = fm_map_lanes_new (map);
  if (fm_lanes_arrange_compute (map, moved, ids, bounds))
    {
      g_ptr_array_add (ids, NULL);
      fm_document_set_nodes_bounds (document, map, _("Move Lane"),
                                    (const char * const *) ids->pdata, (const FmRect *) bounds->data);
    }
  fm_document_end_group (document);
  return TRUE;
}

static double
centre_y (FmNode *node)
{
  FmRect r;

  fm_node_get_bounds (node, &r);
  return r.y + r.height / 2;
}

/**
 * fm_lanes_drop_steps:
 * @lanes: the lanes as they were when the drag began
 * @bands: (element-type FmLaneBand): their bands then
 * @ids: (array zero-terminated=1): the nodes the drag moved
 *
 * After a drag of @ids (already moved), puts each process step whose
 * centre came to rest in another lane's band in that lane: it takes the
 * lane's role (none, in the lane of the steps without one), and the
 * queues in front of it that did not move with it come to its row, since
 * a queue is in the lane of the step it feeds. Call inside the drag's
 * undo group, so that the move and the new roles are one step.
 *
 * Returns: how many steps changed lane
 */
guint
fm_lanes_drop_steps (FmDocument         *document,
                     FmMap              *map,
                     const FmMapLanes   *lanes,
                     GArray             *bands,
                     const char * const *ids)
{
  g_autoptr(GHashTable) moved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) follow_ids = g_ptr_array_new ();
  g_autoptr(GArray) follow_bounds = g_array_new (FALSE, FALSE, sizeof (FmRect));

  g_return_val_if_fail (FM_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (FM_IS_MAP (map), 0);
  g_return_val_if_fail (lanes != NULL && bands != NULL && ids != NULL, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (moved, (gpointer) ids[i]);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);
      const char *role, *name;
      int band;

      if (node == NULL || !FM_IS_PROCESS_STEP (node))
        continue;
      band = fm_lane_bands_find (bands, centre_y (node));
      if (band < 0)
        continue;
      name = fm_map_lanes_get_name (lanes, g_array_index (bands, FmLaneBand, band).lane);
      role = fm_process_step_get_role (FM_PROCESS_STEP (node));
      if (g_strcmp0 (role != NULL ? role : "", name) == 0)
        continue;

      fm_document_set (document, map, ids[i], "role", *name != '\0' ? name : NULL, NULL);
      g_hash_table_add (changed, node);
    }
  if (g_hash_table_size (changed) == 0)
    return 0;

  /* The queues in front of the steps follow them to their new row. */
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmNode *step;
      FmRect r;

      if (fm_node_get_kind (node) != FM_NODE_KIND_QUEUE ||
          g_hash_table_contains (moved, fm_node_get_id (node)))
        continue;
      step = fm_map_lanes_get_step (lanes, node);
      if (step == NULL || !g_hash_table_contains (changed, step))
        continue;
      fm_node_get_bounds (node, &r);
      r.y = centre_y (step) - r.height / 2;
      g_ptr_array_add (follow_ids, (gpointer) fm_node_get_id (node));
      g_array_append_val (follow_bounds, r);
    }
  if (follow_ids->len > 0)
    {
      g_ptr_array_add (follow_ids, NULL);
      /* Translators: the undo step of dropping a step into another lane */
      fm_document_set_nodes_bounds (document, map, _("Move to Lane"),
                                    (const char * const *) follow_ids->pdata,
                                    (const FmRect *) follow_bounds->data);
    }

  return g_hash_table_size (changed);
}
