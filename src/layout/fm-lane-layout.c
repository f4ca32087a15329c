/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-layout.c: the geometry of swimlanes: their bands, and a map arranged in them
 *
 * A band is where a lane's nodes are, so that a map drawn by hand shows
 * its lanes too; Arrange in Lanes puts each lane on a row of its own so
 * that the bands do not overlap and every handoff is a crossing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-layout"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-lane-layout.h"
#include "fm-map-order.h"

typedef struct {
  double top, bottom;   /* of the lane's nodes */
  gboolean any;
} LaneExtent;

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const FmLaneBand *ba = a, *bb = b;

  return (ba->bounds.y > bb->bounds.y) - (ba->bounds.y < bb->bounds.y);
}

/**
 * fm_lane_bands_compute:
 *
 * The bands of the lanes that have nodes, top to bottom: each reaches from
 * half-way to the lane above to half-way to the lane below, and from a
 * header's width left of the leftmost node to past the rightmost.
 *
 * Returns: (transfer full) (element-type FmLaneBand): the bands, empty
 *   when no node is in a lane
 */
GArray *
fm_lane_bands_compute (FmMap            *map,
                       const FmMapLanes *lanes)
{
  guint n_lanes = fm_map_lanes_get_n_lanes (lanes);
  g_autofree LaneExtent *extents = g_new0 (LaneExtent, MAX (n_lanes, 1));
  GArray *bands = g_array_new (FALSE, TRUE, sizeof (FmLaneBand));
  double left = INFINITY, right = -INFINITY;

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      int lane = fm_map_lanes_lookup (lanes, node);
      FmRect r;

      if (lane < 0)
        continue;
      fm_node_get_bounds (node, &r);
      if (!extents[lane].any)
        {
          extents[lane] = (LaneExtent) { r.y, r.y + r.height, TRUE };
        }
      else
        {
          extents[lane].top = MIN (extents[lane].top, r.y);
          extents[lane].bottom = MAX (extents[lane].bottom, r.y + r.height);
        }
      left = MIN (left, r.x);
      right = MAX (right, r.x + r.width);
    }

  for (guint i = 0; i < n_lanes; i++)
    if (extents[i].any)
      {
        FmLaneBand band = { i, { 0, extents[i].top, 0, extents[i].bottom - extents[i].top } };

        g_array_append_val (bands, band);
      }
  if (bands->len == 0)
    return bands;

  g_array_sort (bands, compare_top);
  for (guint i = 0; i < bands->len; i++)
    {
      FmLaneBand *band = &g_array_index (bands, FmLaneBand, i);
      LaneExtent *e = &extents[band->lane];
      double top = i == 0 ? e->top - FM_LANE_MARGIN
                          : (extents[g_array_index (bands, FmLaneBand, i - 1).lane].bottom + e->top) / 2;
      double bottom = i + 1 == bands->len ? e->bottom + FM_LANE_MARGIN
                                          : (e->bottom + extents[g_array_index (bands, FmLaneBand, i + 1).lane].top) / 2;

      band->bounds.x = left - FM_LANE_GAP / 2 - FM_LANE_HEADER_WIDTH;
      band->bounds.width = right + FM_LANE_GAP / 2 - band->bounds.x;
      band->bounds.y = top;
      band->bounds.height = MAX (bottom - top, 0);
    }

  return bands;
}

typedef struct {
  FmNode *node;
  double centre_x;
  guint rank;     /* in the flow's order, for nodes one above the other */
  int lane;
} Placed;

/* How far the lanes' nodes from @x on moved right. */
typedef struct {
  double x;
  double shift;
} Shift;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->centre_x != pb->centre_x)
    return (pa->centre_x > pb->centre_x) - (pa->centre_x < pb->centre_x);
  return (pa->rank > pb->rank) - (pa->rank < pb->rank);
}

/**
 * fm_lanes_arrange_compute:
 * @ids: (element-type utf8): filled with the ids of the nodes that move
 *   (borrowed from @map)
 * @bounds: (element-type FmRect): filled with their new bounds
 *
 * Where Arrange in Lanes puts the nodes: every node of a lane centred on
 * its lane's row, rows in the order of the lanes, each as high as the
 * highest node and a margin above and below for the edges. The flow keeps
 * its left-to-right order: nodes keep their x unless one would overlap
 * the one before it in its lane, and then it and all after it move right
 * together. Nodes in no lane (systems, notes, kaizen bursts) below the
 * lanes move down with them, and right with the lanes' nodes before them.
 *
 * Returns: %FALSE when no node is in a lane
 */
gboolean
fm_lanes_arrange_compute (FmMap            *map,
                          const FmMapLanes *lanes,
                          GPtrArray        *ids,
                          GArray           *bounds)
{
  guint n_lanes = fm_map_lanes_get_n_lanes (lanes);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) shifts = g_array_new (FALSE, FALSE, sizeof (Shift));
  g_autoptr(GPtrArray) order = fm_map_flow_order (map);
  g_autoptr(GHashTable) rank = g_hash_table_new (NULL, NULL);
  g_autofree int *row = g_new (int, MAX (n_lanes, 1));
  g_autofree double *lane_right = g_new (double, MAX (n_lanes, 1));
  double top = INFINITY, bottom = -INFINITY, row_height = 0, shift = 0;
  double origin, delta;
  guint n_rows = 0;

  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (lanes != NULL && ids != NULL && bounds != NULL, FALSE);

  for (guint i = 0; i < order->len; i++)
    g_hash_table_insert (rank, order->pdata[i], GUINT_TO_POINTER (i));

  for (guint i = 0; i < n_lanes; i++)
    row[i] = -1;
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      int lane = fm_map_lanes_lookup (lanes, node);
      FmRect r;
      Placed p;

      if (lane < 0)
        continue;
      fm_node_get_bounds (node, &r);
      p = (Placed) { node, r.x + r.width / 2, GPOINTER_TO_UINT (g_hash_table_lookup (rank, node)), lane };
      g_array_append_val (placed, p);
      row[lane] = 0;
      top = MIN (top, r.y);
      bottom = MAX (bottom, r.y + r.height);
      row_height = MAX (row_height, r.height);
    }
  if (placed->len == 0)
    return FALSE;

  /* Rows only for the lanes that have nodes, in the lanes' order. */
  for (guint i = 0; i < n_lanes; i++)
    if (row[i] == 0)
      row[i] = (int) n_rows++;
  row_height += 2 * FM_LANE_MARGIN;
  origin = top - FM_LANE_MARGIN;

  for (guint i = 0; i < n_lanes; i++)
    lane_right[i] = -INFINITY;
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      FmRect r;
      Shift step;

      fm_node_get_bounds (p->node, &r);
      step.x = r.x;
      r.x += shift;
      if (r.x < lane_right[p->lane] + FM_LANE_GAP)
        {
          shift += lane_right[p->lane] + FM_LANE_GAP - r.x;
          r.x = lane_right[p->lane] + FM_LANE_GAP;
        }
      step.shift = shift;
      g_array_append_val (shifts, step);
      lane_right[p->lane] = r.x + r.width;
      r.y = origin + row[p->lane] * row_height + (row_height - r.height) / 2;

      g_ptr_array_add (ids, (gpointer) fm_node_get_id (p->node));
      g_array_append_val (bounds, r);
    }

  /* What was below the lanes' nodes stays below the rows. */
  delta = (origin + n_rows * row_height) - (bottom + FM_LANE_MARGIN);
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      double node_shift = 0;
      FmRect r;

      if (fm_map_lanes_lookup (lanes, node) >= 0)
        continue;
      fm_node_get_bounds (node, &r);
      for (guint j = 0; j < shifts->len; j++)
        {
          const Shift *step = &g_array_index (shifts, Shift, j);

          if (step->x <= r.x)
            node_shift = step->shift;
        }
      if (r.y + r.height / 2 <= bottom && node_shift == 0)
        continue;
      r.x += node_shift;
      if (r.y + r.height / 2 > bottom)
        r.y += delta;
      g_ptr_array_add (ids, (gpointer) fm_node_get_id (node));
      g_array_append_val (bounds, r);
    }

  return TRUE;
}

/**
 * fm_lanes_arrange:
 *
 * Arrange in Lanes, as one undoable step: shows @map in lanes (in the
 * order it has, or the flow's) and puts its nodes in them as
 * fm_lanes_arrange_compute() says.
 *
 * Returns: %FALSE when no node is in a lane, and nothing changed
 */
gboolean
fm_lanes_arrange (FmDocument *document,
                  FmMap      *map)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (FmRect));

  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);

  lanes = fm_map_lanes_new (map);
  if (!fm_lanes_arrange_compute (map, lanes, ids, bounds))
    return FALSE;
  g_ptr_array_add (ids, NULL);

  fm_document_begin_group (document, _("Arrange in Lanes"));
  if (fm_map_get_lanes (map) == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;

      for (guint i = 0; i < fm_map_lanes_get_n_lanes (lanes); i++)
        if (*fm_map_lanes_get_name (lanes, i) != '\0')
          g_strv_builder_add (builder, fm_map_lanes_get_name (lanes, i));
      names = g_strv_builder_end (builder);
      fm_document_set (document, map, NULL, "lanes", names, NULL);
    }
  fm_document_set_nodes_bounds (document, map, _("Arrange in Lanes"),
                                (const char * const *) ids->pdata, (const FmRect *) bounds->data);
  fm_document_end_group (document);
  return TRUE;
}
