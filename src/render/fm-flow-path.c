/* fm-flow-path.c: the path the work takes through a map, for the timeline
 *
 * A stand-in until the metrics engine computes the critical path: the
 * longest path by time through flow, push and pull edges, from the
 * triggers to the outcomes.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-flow-path"

#include "fm-flow-path.h"
#include "fm-process-step.h"
#include "fm-queue.h"

typedef struct {
  FmNode *node;
  GArray *out;          /* guint: indices of the successors */
  GArray *dag_out;      /* out without the edges that close a cycle */
  guint n_in;
  double time;
  double dist;          /* longest time of a path from a start ending here */
  guint count;          /* nodes on that path */
  int pred;
  gboolean reachable;
} Vertex;

static gboolean
is_path_kind (FmNode *node)
{
  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
    case FM_NODE_KIND_PROCESS:
    case FM_NODE_KIND_QUEUE:
      return TRUE;
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_KAIZEN:
    case FM_NODE_KIND_NOTE:
    default:
      return FALSE;
    }
}

/**
 * fm_flow_path_node_time:
 * @document: (nullable): gives the demand and the day length that turn a
 *   queue's items into a wait
 *
 * A queue's time is its wait, or, without one, its items divided by the
 * daily demand (Little's law); a process step's time is its lead time, or
 * its process time without one.
 *
 * Returns: the time work spends in @node in seconds, 0 for triggers and
 *   outcomes, or %FM_UNSET when it is not known
 */
double
fm_flow_path_node_time (FmNode     *node,
                        FmDocument *document)
{
  g_return_val_if_fail (FM_IS_NODE (node), FM_UNSET);
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), FM_UNSET);

  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_QUEUE:
      {
        FmQueue *queue = FM_QUEUE (node);
        double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
        double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;

        if (fm_value_is_set (fm_queue_get_wait_s (queue)))
          return fm_queue_get_wait_s (queue);
        if (fm_value_is_set (fm_queue_get_items (queue)) && demand > 0)
          return fm_queue_get_items (queue) / demand * day;
        return FM_UNSET;
      }

    case FM_NODE_KIND_PROCESS:
      {
        FmProcessStep *step = FM_PROCESS_STEP (node);

        if (fm_value_is_set (fm_process_step_get_lead_s (step)))
          return fm_process_step_get_lead_s (step);
        return fm_process_step_get_process_s (step);
      }

    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
      return 0;

    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_KAIZEN:
    case FM_NODE_KIND_NOTE:
    default:
      return FM_UNSET;
    }
}

/**
 * fm_flow_path_node_process_time:
 *
 * Returns: the process time of a process step, 0 for the other nodes on
 *   a flow path, %FM_UNSET when not known
 */
double
fm_flow_path_node_process_time (FmNode *node)
{
  g_return_val_if_fail (FM_IS_NODE (node), FM_UNSET);

  if (FM_IS_PROCESS_STEP (node))
    return fm_process_step_get_process_s (FM_PROCESS_STEP (node));

  return is_path_kind (node) ? 0 : FM_UNSET;
}

static void
vertex_clear (gpointer data)
{
  Vertex *v = data;

  g_clear_pointer (&v->out, g_array_unref);
  g_clear_pointer (&v->dag_out, g_array_unref);
}

/* Depth-first from @root, without recursion (maps reach 10,000 steps):
 * edges to a node still on the stack close a cycle and are left out of
 * dag_out; finished nodes are prepended to @order, which ends up
 * topologically sorted. */
static void
visit (GArray *vertices,
       guint   root,
       guint8 *state,
       GArray *order)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint frame[2] = { root, 0 };

  state[root] = 1;
  g_array_append_val (stack, frame);

  while (stack->len > 0)
    {
      guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
      Vertex *v = &g_array_index (vertices, Vertex, top[0]);

      if (top[1] < v->out->len)
        {
          guint next = g_array_index (v->out, guint, top[1]++);

          if (state[next] == 1)
            continue;

          g_array_append_val (v->dag_out, next);
          g_array_index (vertices, Vertex, next).n_in++;
          if (state[next] == 0)
            {
              guint child[2] = { next, 0 };

              state[next] = 1;
              g_array_append_val (stack, child);
            }
        }
      else
        {
          state[top[0]] = 2;
          g_array_prepend_val (order, top[0]);
          g_array_set_size (stack, stack->len - 1);
        }
    }
}

static gboolean
better (double   dist,
        guint    count,
        const Vertex *than)
{
  /* Equal times: the path through more nodes shows more of the stream. */
  return dist > than->dist + 1e-9 ||
         (dist > than->dist - 1e-9 && count > than->count);
}

/**
 * fm_flow_path_compute:
 * @document: (nullable): see fm_flow_path_node_time()
 *
 * Finds the longest path by time (unknown times count 0) through the
 * flow, push and pull edges between triggers, queues, process steps and
 * outcomes. It starts at a trigger and ends at an outcome when the map has
 * connected ones; otherwise at the nodes with no incoming flow and at those
 * with no outgoing flow. Edges out of an outcome or into a trigger, and
 * edges that close a cycle (rework drawn as flow; the search from the
 * starts meets them going back upstream) are ignored, so the path never
 * loops.
 *
 * Returns: (transfer full) (element-type FmNode): the nodes in the order
 *   work passes them; empty when the map has no such nodes
 */
GPtrArray *
fm_flow_path_compute (FmMap      *map,
                      FmDocument *document)
{
  g_autoptr(GArray) vertices = g_array_new (FALSE, TRUE, sizeof (Vertex));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *state = NULL;
  g_autofree guint *in_degree = NULL;
  GPtrArray *path = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean triggers_lead = FALSE, outcome_reached = FALSE;
  int best = -1;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (map), path);
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), path);

  g_array_set_clear_func (vertices, vertex_clear);

  n = fm_map_get_n_nodes (map);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      Vertex v = { 0 };

      if (!is_path_kind (node))
        continue;

      v.node = node;
      v.out = g_array_new (FALSE, FALSE, sizeof (guint));
      v.dag_out = g_array_new (FALSE, FALSE, sizeof (guint));
      v.time = MAX (0, fm_flow_path_node_time (node, document));
      v.pred = -1;
      g_hash_table_insert (index, (gpointer) fm_node_get_id (node), GUINT_TO_POINTER (vertices->len));
      g_array_append_val (vertices, v);
    }

  if (vertices->len == 0)
    return path;

  in_degree = g_new0 (guint, vertices->len);
  n = fm_map_get_n_edges (map);
  for (guint i = 0; i < n; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      gpointer from, to;
      guint target;

      if (!fm_edge_is_flow (edge) ||
          !g_hash_table_lookup_extended (index, fm_edge_get_from (edge), NULL, &from) ||
          !g_hash_table_lookup_extended (index, fm_edge_get_to (edge), NULL, &to) ||
          from == to)
        continue;

      /* Work does not flow on from an outcome nor back into a trigger. */
      if (fm_node_get_kind (fm_map_lookup_node (map, fm_edge_get_from (edge))) == FM_NODE_KIND_OUTCOME ||
          fm_node_get_kind (fm_map_lookup_node (map, fm_edge_get_to (edge))) == FM_NODE_KIND_TRIGGER)
        continue;

      target = GPOINTER_TO_UINT (to);
      g_array_append_val (g_array_index (vertices, Vertex, GPOINTER_TO_UINT (from)).out, target);
      in_degree[target]++;
    }

  for (guint i = 0; i < vertices->len; i++)
    {
      Vertex *v = &g_array_index (vertices, Vertex, i);

      if (fm_node_get_kind (v->node) == FM_NODE_KIND_TRIGGER && v->out->len > 0)
        triggers_lead = TRUE;
    }

  /* Starting the search where work starts makes the edges it drops the
   * ones that go back upstream. */
  state = g_new0 (guint8, vertices->len);
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < vertices->len; i++)
        {
          Vertex *v = &g_array_index (vertices, Vertex, i);
          gboolean root;

          if (state[i] != 0)
            continue;

          if (pass == 0)
            root = fm_node_get_kind (v->node) == FM_NODE_KIND_TRIGGER;
          else if (pass == 1)
            root = in_degree[i] == 0;
          else
            root = TRUE;

          if (root)
            visit (vertices, i, state, order);
        }
    }

  for (guint i = 0; i < vertices->len; i++)
    {
      Vertex *v = &g_array_index (vertices, Vertex, i);
      gboolean start = triggers_lead
        ? fm_node_get_kind (v->node) == FM_NODE_KIND_TRIGGER
        : v->n_in == 0;

      if (start)
        {
          v->reachable = TRUE;
          v->dist = v->time;
          v->count = 1;
        }
    }

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      Vertex *v = &g_array_index (vertices, Vertex, i);

      if (!v->reachable)
        continue;

      for (guint e = 0; e < v->dag_out->len; e++)
        {
          guint j = g_array_index (v->dag_out, guint, e);
          Vertex *w = &g_array_index (vertices, Vertex, j);
          double dist = v->dist + w->time;

          if (!w->reachable || better (dist, v->count + 1, w))
            {
              w->reachable = TRUE;
              w->dist = dist;
              w->count = v->count + 1;
              w->pred = i;
            }
        }
    }

  for (guint i = 0; i < vertices->len; i++)
    {
      Vertex *v = &g_array_index (vertices, Vertex, i);

      if (v->reachable && fm_node_get_kind (v->node) == FM_NODE_KIND_OUTCOME)
        outcome_reached = TRUE;
    }

  for (guint i = 0; i < vertices->len; i++)
    {
      Vertex *v = &g_array_index (vertices, Vertex, i);
      gboolean end = outcome_reached
        ? fm_node_get_kind (v->node) == FM_NODE_KIND_OUTCOME
        : v->dag_out->len == 0;

      if (v->reachable && end &&
          (best < 0 || better (v->dist, v->count, &g_array_index (vertices, Vertex, best))))
        best = i;
    }

  for (int i = best; i >= 0; i = g_array_index (vertices, Vertex, i).pred)
    g_ptr_array_add (path, g_object_ref (g_array_index (vertices, Vertex, i).node));

  /* Collected from the end backwards. */
  for (guint i = 0; i < path->len / 2; i++)
    {
      gpointer tmp = path->pdata[i];

      path->pdata[i] = path->pdata[path->len - 1 - i];
      path->pdata[path->len - 1 - i] = tmp;
    }

  return path;
}
