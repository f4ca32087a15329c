/* SPDX-License-Identifier: GPL-3.0-or-later */
/* metrics-helpers.c: small maps in a few lines, for the metrics tests */
#include "config.h"

#include <math.h>

#include "fm-document-private.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "metrics-helpers.h"

/* Returns: (transfer none): a node labelled with its id, added to @map */
FmNode *
fm_test_node (FmMap      *map,
              FmNodeKind  kind,
              const char *id)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_label (node, id);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
  return node;
}

FmNode *
fm_test_step (FmMap      *map,
              const char *id,
              double      process_s,
              double      lead_s)
{
  FmNode *node = fm_test_node (map, FM_NODE_KIND_PROCESS, id);

  fm_process_step_set_process_s (FM_PROCESS_STEP (node), process_s);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), lead_s);
  return node;
}

FmNode *
fm_test_queue (FmMap      *map,
               const char *id,
               double      wait_s)
{
  FmNode *node = fm_test_node (map, FM_NODE_KIND_QUEUE, id);

  fm_queue_set_wait_s (FM_QUEUE (node), wait_s);
  return node;
}

/* Returns: (transfer none): an edge "FROM-TO" */
FmEdge *
fm_test_link (FmMap      *map,
              const char *from,
              const char *to,
              FmEdgeKind  kind)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", from, to);
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
  return edge;
}

/* Flow edges between the ids, in order, up to NULL. */
void
fm_test_chain (FmMap *map, ...)
{
  const char *prev = NULL, *id;
  va_list args;

  va_start (args, map);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      if (prev != NULL)
        fm_test_link (map, prev, id, FM_EDGE_KIND_FLOW);
      prev = id;
    }
  va_end (args);
}

/* @id: (nullable): the node or edge, or %NULL for any */
gboolean
fm_test_has_warning (FmMetrics  *metrics,
                     const char *code,
                     const char *id)
{
  for (guint i = 0; i < metrics->warnings->len; i++)
    {
      FmWarning *w = metrics->warnings->pdata[i];

      if (g_str_equal (w->code, code) && (id == NULL || g_strcmp0 (w->id, id) == 0))
        return TRUE;
    }

  return FALSE;
}

void
fm_test_assert_near (double got,
                     double expected)
{
  g_assert_cmpfloat_with_epsilon (got, expected, 1e-6 * MAX (1, fabs (expected)));
}

/* t → q → p → o: one step between the trigger and the outcome, fed
 * through a queue, for the flow simulation; a day of 24 h in which people
 * work all 24, so that a step's process time is its service time.
 * Returns: (transfer full): the document, @map_out its map (borrowed) */
FmDocument *
fm_test_queueing_document (double   demand_per_day,
                           double   process_s,
                           double   people,
                           FmMap  **map_out)
{
  FmDocument *doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  FmNode *step;

  g_object_set (doc, "day-length-s", 86400.0, "available-time-s", 86400.0,
                "demand-per-day", demand_per_day, NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_queue (map, "q", FM_UNSET);
  step = fm_test_step (map, "p", process_s, FM_UNSET);
  fm_process_step_set_people (FM_PROCESS_STEP (step), people);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "q", "p", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);
  *map_out = map;

  return doc;
}
