/* fm-metrics.c: lead time, process time and the other figures of a map
 *
 * The definitions are in docs/metrics.md; this file follows them. The flow
 * graph is the trigger, queue, process and outcome nodes joined by flow,
 * push and pull edges. A cycle in it is broken at its back edge (and
 * reported), so every walk here ends.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-edge.h"
#include "fm-metrics-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

typedef struct {
  guint n;
  FmNode **nodes;          /* map order */
  gboolean *in_flow;       /* a node of a kind that carries work */
  GArray **succ;           /* guint indices, per node, back edges removed */
  guint *in_degree;        /* over flow edges, before cycles are broken */
  guint *out_degree;
  GHashTable *index;       /* FmNode* -> index + 1 */
} FlowGraph;

static gboolean
is_flow_kind (FmNode *node)
{
  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_QUEUE:
    case FM_NODE_KIND_PROCESS:
    case FM_NODE_KIND_OUTCOME:
      return TRUE;
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_KAIZEN:
    case FM_NODE_KIND_NOTE:
    default:
      return FALSE;
    }
}

static guint
index_of (FlowGraph  *graph,
          FmNode     *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, node)) - 1;
}

static void
flow_graph_clear (FlowGraph *graph)
{
  for (guint i = 0; i < graph->n; i++)
    g_array_unref (graph->succ[i]);
  g_free (graph->succ);
  g_free (graph->nodes);
  g_free (graph->in_flow);
  g_free (graph->in_degree);
  g_free (graph->out_degree);
  g_hash_table_unref (graph->index);
}

static void
flow_graph_init (FlowGraph *graph,
                 FmMap     *map)
{
  guint n_edges = fm_map_get_n_edges (map);

  graph->n = fm_map_get_n_nodes (map);
  graph->nodes = g_new0 (FmNode *, graph->n);
  graph->in_flow = g_new0 (gboolean, graph->n);
  graph->succ = g_new0 (GArray *, graph->n);
  graph->in_degree = g_new0 (guint, graph->n);
  graph->out_degree = g_new0 (guint, graph->n);
  graph->index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < graph->n; i++)
    {
      graph->nodes[i] = fm_map_get_node (map, i);
      graph->in_flow[i] = is_flow_kind (graph->nodes[i]);
      graph->succ[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (graph->index, graph->nodes[i], GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmNode *from = fm_map_lookup_node (map, fm_edge_get_from (edge));
      FmNode *to = fm_map_lookup_node (map, fm_edge_get_to (edge));
      guint a, b;

      if (!fm_edge_is_flow (edge) || from == NULL || to == NULL || from == to)
        continue;

      a = index_of (graph, from);
      b = index_of (graph, to);
      if (!graph->in_flow[a] || !graph->in_flow[b])
        continue;

      g_array_append_val (graph->succ[a], b);
      graph->out_degree[a]++;
      graph->in_degree[b]++;
    }
}

/* Depth-first search that removes back edges and returns the flow nodes in
 * topological order. Iterative, so a 10,000-step chain does not overflow
 * the stack. */
static GArray *
flow_graph_sort (FlowGraph *graph,
                 FmMetrics *metrics)
{
  enum { WHITE, GREY, BLACK };
  g_autofree guint8 *colour = g_new0 (guint8, graph->n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  GArray *post = g_array_sized_new (FALSE, FALSE, sizeof (guint), graph->n);
  GArray *order;
  gboolean reported = FALSE;

  for (guint root = 0; root < graph->n; root++)
    {
      guint frame[2] = { root, 0 };

      if (!graph->in_flow[root] || colour[root] != WHITE)
        continue;

      colour[root] = GREY;
      g_array_append_val (stack, frame);
      while (stack->len > 0)
        {
          guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
          guint v = top[0];
          GArray *succ = graph->succ[v];

          if (top[1] < succ->len)
            {
              guint w = g_array_index (succ, guint, top[1]);

              if (colour[w] == GREY)
                {
                  if (!reported)
                    fm_metrics_add_warning (metrics, "flow-cycle", fm_node_get_id (graph->nodes[w]),
                                            _("The flow goes round in a circle back to “%s”; "
                                              "draw the way back as a rework edge"),
                                            fm_node_get_label (graph->nodes[w]));
                  reported = TRUE;
                  g_array_remove_index (succ, top[1]);
                  continue;
                }

              top[1]++;
              if (colour[w] == WHITE)
                {
                  guint next[2] = { w, 0 };

                  colour[w] = GREY;
                  g_array_append_val (stack, next);
                }
            }
          else
            {
              colour[v] = BLACK;
              g_array_append_val (post, v);
              g_array_set_size (stack, stack->len - 1);
            }
        }
    }

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), post->len);
  for (guint i = post->len; i > 0; i--)
    g_array_append_val (order, g_array_index (post, guint, i - 1));
  g_array_unref (post);

  return order;
}

/**
 * fm_metrics_node_time:
 * @document: (nullable): gives the demand and the day length
 *
 * Returns: the time an item spends in @node: a queue's wait (or its items
 * over the demand), a step's lead time (or its process time); 0 when unknown
 */
double
fm_metrics_node_time (FmDocument *document,
                      FmNode     *node)
{
  g_return_val_if_fail (FM_IS_NODE (node), 0);

  if (FM_IS_QUEUE (node))
    {
      FmQueue *queue = FM_QUEUE (node);
      double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
      double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;

      if (fm_value_is_set (fm_queue_get_wait_s (queue)))
        return fm_queue_get_wait_s (queue);
      if (fm_value_is_set (fm_queue_get_items (queue)) && demand > 0)
        return fm_queue_get_items (queue) / demand * day;
      return 0;
    }

  if (FM_IS_PROCESS_STEP (node))
    {
      FmProcessStep *step = FM_PROCESS_STEP (node);

      if (fm_value_is_set (fm_process_step_get_lead_s (step)))
        return fm_process_step_get_lead_s (step);
      if (fm_value_is_set (fm_process_step_get_process_s (step)))
        return fm_process_step_get_process_s (step);
      return 0;
    }

  return 0;
}

static void
find_critical_path (FmMetrics  *metrics,
                    FlowGraph  *graph,
                    FmDocument *document)
{
  g_autoptr(GArray) order = flow_graph_sort (graph, metrics);
  g_autofree double *dist = g_new (double, graph->n);
  g_autofree gint *pred = g_new (gint, graph->n);
  gboolean any_trigger = FALSE, any_outcome = FALSE;
  gint best = -1;

  for (guint i = 0; i < graph->n; i++)
    {
      any_trigger |= fm_node_get_kind (graph->nodes[i]) == FM_NODE_KIND_TRIGGER;
      any_outcome |= fm_node_get_kind (graph->nodes[i]) == FM_NODE_KIND_OUTCOME;
    }

  for (guint i = 0; i < graph->n; i++)
    {
      gboolean source = any_trigger
        ? fm_node_get_kind (graph->nodes[i]) == FM_NODE_KIND_TRIGGER
        : graph->in_flow[i] && graph->in_degree[i] == 0;

      dist[i] = source ? g_array_index (metrics->figures, FmNodeFigures, i).time_s : -INFINITY;
      pred[i] = -1;
    }

  /* Longest path over the sorted graph: the critical path. */
  for (guint k = 0; k < order->len; k++)
    {
      guint v = g_array_index (order, guint, k);

      if (dist[v] == -INFINITY)
        continue;

      for (guint j = 0; j < graph->succ[v]->len; j++)
        {
          guint w = g_array_index (graph->succ[v], guint, j);
          double through = dist[v] + g_array_index (metrics->figures, FmNodeFigures, w).time_s;

          if (through > dist[w])
            {
              dist[w] = through;
              pred[w] = v;
            }
        }
    }

  for (guint i = 0; i < graph->n; i++)
    {
      gboolean sink = any_outcome
        ? fm_node_get_kind (graph->nodes[i]) == FM_NODE_KIND_OUTCOME
        : graph->in_flow[i] && graph->out_degree[i] == 0;

      if (sink && dist[i] > -INFINITY && (best < 0 || dist[i] > dist[best]))
        best = i;
    }

  if (best < 0)
    {
      if (any_trigger && any_outcome)
        fm_metrics_add_warning (metrics, "no-path", NULL,
                                _("No flow connects the trigger to the outcome, so there is no lead time"));
      return;
    }

  /* Walked back from the end, then turned round: inserting each at the
   * front would cost a move of the whole path per step. */
  for (gint v = best; v >= 0; v = pred[v])
    {
      g_ptr_array_add (metrics->path, graph->nodes[v]);
      g_array_index (metrics->figures, FmNodeFigures, v).on_path = TRUE;
    }
  for (guint i = 0, j = metrics->path->len; i + 1 < j; i++, j--)
    {
      gpointer t = metrics->path->pdata[i];

      metrics->path->pdata[i] = metrics->path->pdata[j - 1];
      metrics->path->pdata[j - 1] = t;
    }
}

static void
add_rework (FmMetrics  *metrics,
            FlowGraph  *graph,
            FmMap      *map)
{
  g_autoptr(GHashTable) position = g_hash_table_new (NULL, NULL);
  guint n_edges = fm_map_get_n_edges (map);

  for (guint i = 0; i < metrics->path->len; i++)
    g_hash_table_insert (position, metrics->path->pdata[i], GUINT_TO_POINTER (i + 1));

  metrics->rework_adjusted_lead_time_s = metrics->lead_time_s;

  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmNode *sender, *receiver;
      guint from_pos, to_pos;
      double rate = fm_edge_get_rate (edge);
      double span = 0, extra;

      /* The kind first: most edges are not rework, and need no look-up. */
      if (fm_edge_get_kind (edge) != FM_EDGE_KIND_REWORK)
        continue;
      sender = fm_map_lookup_node (map, fm_edge_get_from (edge));
      receiver = fm_map_lookup_node (map, fm_edge_get_to (edge));
      if (sender == NULL || receiver == NULL)
        continue;

      from_pos = GPOINTER_TO_UINT (g_hash_table_lookup (position, sender));
      to_pos = GPOINTER_TO_UINT (g_hash_table_lookup (position, receiver));
      if (from_pos == 0 || to_pos == 0 || to_pos > from_pos)
        {
          fm_metrics_add_warning (metrics, "rework-off-path", fm_edge_get_id (edge),
                                  _("The rework from “%s” to “%s” is not a loop back along the "
                                    "critical path, so it is not counted"),
                                  fm_node_get_label (sender), fm_node_get_label (receiver));
          continue;
        }
      if (!fm_value_is_set (rate) || rate <= 0)
        continue;

      /* An item goes round the loop 1/(1-r) times on average: r/(1-r) extra. */
      for (guint k = to_pos - 1; k < from_pos; k++)
        span += g_array_index (metrics->figures, FmNodeFigures,
                               index_of (graph, metrics->path->pdata[k])).time_s;
      extra = rate / (1 - rate) * span;
      metrics->rework_adjusted_lead_time_s += extra;
      g_array_index (metrics->figures, FmNodeFigures, index_of (graph, sender)).rework_s += extra;
      g_array_index (metrics->figures, FmNodeFigures, index_of (graph, receiver)).rework_s += extra;
    }
}

static void
path_figures (FmMetrics *metrics,
              FlowGraph *graph)
{
  const char *last_role = NULL;
  gboolean any_step = FALSE;

  metrics->process_time_s = 0;
  metrics->rolled_pca = 1;
  metrics->lead_time_s = 0;

  for (guint i = 0; i < metrics->path->len; i++)
    {
      FmNode *node = metrics->path->pdata[i];

      metrics->lead_time_s += g_array_index (metrics->figures, FmNodeFigures,
                                             index_of (graph, node)).time_s;

      if (FM_IS_PROCESS_STEP (node))
        {
          FmProcessStep *step = FM_PROCESS_STEP (node);
          const char *role = fm_process_step_get_role (step);

          any_step = TRUE;
          if (fm_value_is_set (fm_process_step_get_process_s (step)))
            metrics->process_time_s += fm_process_step_get_process_s (step);
          if (fm_value_is_set (fm_process_step_get_pca (step)))
            metrics->rolled_pca *= fm_process_step_get_pca (step) / 100.0;

          /* A handoff is a change of role; a step without a role does not count. */
          if (role != NULL && *role != '\0')
            {
              if (last_role != NULL && g_strcmp0 (last_role, role) != 0)
                metrics->handoffs++;
              last_role = role;
            }
        }
    }

  if (!any_step)
    metrics->rolled_pca = NAN;
  metrics->flow_efficiency = metrics->lead_time_s > 0
    ? metrics->process_time_s / metrics->lead_time_s
    : NAN;
}

static void
stream_figures (FmMetrics  *metrics,
                FmDocument *document,
                FmMap      *map)
{
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  double available = document ? fm_document_get_available_time_s (document) : FM_DEFAULT_AVAILABLE_TIME_S;
  gboolean any_wip = FALSE;
  double wip = 0;

  for (guint i = 0; i < metrics->figures->len; i++)
    {
      FmNodeFigures *figures = &g_array_index (metrics->figures, FmNodeFigures, i);
      FmNode *node = figures->node;

      if (FM_IS_QUEUE (node) && fm_value_is_set (fm_queue_get_items (FM_QUEUE (node))))
        {
          wip += fm_queue_get_items (FM_QUEUE (node));
          any_wip = TRUE;
        }
      else if (FM_IS_PROCESS_STEP (node))
        {
          FmProcessStep *step = FM_PROCESS_STEP (node);
          double people = fm_process_step_get_people (step);
          double process_s = fm_process_step_get_process_s (step);

          if (fm_value_is_set (fm_process_step_get_wip (step)))
            {
              wip += fm_process_step_get_wip (step);
              any_wip = TRUE;
            }
          if (demand > 0 && people > 0 && available > 0 && fm_value_is_set (process_s))
            figures->utilization = process_s * demand / (people * available);
        }
    }

  metrics->wip = any_wip ? wip : NAN;
  metrics->throughput_per_day = fm_value_is_set (demand) ? demand : NAN;
  metrics->takt_time_s = demand > 0 ? available / demand : NAN;
  /* Little's law: lead time = WIP / throughput. */
  metrics->littles_law_lead_time_s = any_wip && demand > 0 ? wip / demand * day : NAN;
}

/**
 * fm_metrics_compute:
 * @document: (nullable): the document @map belongs to, for the demand, the
 *   day length and the available time
 * @today: (nullable): the date overdue reviews are judged against; %NULL
 *   for the local date
 *
 * Returns: (transfer full): every figure of @map
 */
FmMetrics *
fm_metrics_compute (FmDocument *document,
                    FmMap      *map,
                    GDate      *today)
{
  FmMetrics *metrics;
  FlowGraph graph;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  metrics = g_new0 (FmMetrics, 1);
  metrics->path = g_ptr_array_new ();
  metrics->figures = g_array_new (FALSE, TRUE, sizeof (FmNodeFigures));
  metrics->constraints = g_ptr_array_new ();
  metrics->warnings = g_ptr_array_new ();

  flow_graph_init (&graph, map);
  metrics->figures_index = g_hash_table_ref (graph.index);
  g_array_set_size (metrics->figures, graph.n);
  for (guint i = 0; i < graph.n; i++)
    {
      FmNodeFigures *figures = &g_array_index (metrics->figures, FmNodeFigures, i);

      figures->node = graph.nodes[i];
      figures->time_s = fm_metrics_node_time (document, graph.nodes[i]);
      figures->utilization = NAN;
    }

  find_critical_path (metrics, &graph, document);
  path_figures (metrics, &graph);
  add_rework (metrics, &graph, map);
  stream_figures (metrics, document, map);
  fm_constraints_rank (metrics, document, map);
  fm_map_checks_run (metrics, document, map, today);

  flow_graph_clear (&graph);

  return metrics;
}

/**
 * fm_metrics_lookup_figures:
 *
 * Returns: (nullable): what @node contributes
 */
const FmNodeFigures *
fm_metrics_lookup_figures (const FmMetrics *metrics,
                           FmNode          *node)
{
  g_return_val_if_fail (metrics != NULL, NULL);

  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (metrics->figures_index, node));

  if (position == 0)
    return NULL;

  return &g_array_index (metrics->figures, FmNodeFigures, position - 1);
}

void
fm_metrics_add_warning (FmMetrics  *metrics,
                        const char *code,
                        const char *id,
                        const char *format,
                        ...)
{
  FmWarning *warning = g_new0 (FmWarning, 1);
  va_list args;

  va_start (args, format);
  warning->code = g_strdup (code);
  warning->id = g_strdup (id);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (metrics->warnings, warning);
}

void
fm_metrics_free (FmMetrics *metrics)
{
  if (metrics == NULL)
    return;

  for (guint i = 0; i < metrics->constraints->len; i++)
    {
      FmConstraint *c = metrics->constraints->pdata[i];

      g_free (c->id);
      g_free (c->label);
      g_free (c->reason);
      g_free (c);
    }
  for (guint i = 0; i < metrics->warnings->len; i++)
    {
      FmWarning *w = metrics->warnings->pdata[i];

      g_free (w->code);
      g_free (w->message);
      g_free (w->id);
      g_free (w);
    }

  g_ptr_array_unref (metrics->path);
  g_array_unref (metrics->figures);
  g_ptr_array_unref (metrics->constraints);
  g_ptr_array_unref (metrics->warnings);
  g_clear_pointer (&metrics->figures_index, g_hash_table_unref);
  g_free (metrics);
}
