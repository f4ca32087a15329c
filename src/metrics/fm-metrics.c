/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <string.h>

#include "fm-edge.h"
#include "fm-metrics-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* Node -> position in the map, by open addressing: the metrics look up
 * every end of every edge, and GHashTable's calls through its hash and
 * equality functions cost more than the rest of such a look-up. */
typedef struct {
  FmNode *node;
  guint position;
} Slot;

struct _FmNodeIndex {
  guint shift;
  guint mask;
  Slot *slots;
};

static inline guint
slot_of (const struct _FmNodeIndex *index,
         FmNode                    *node)
{
  /* Fibonacci hashing: the top bits of the product mix every bit of the
   * address, the low ones of which are always zero. */
  return (guint) (((guint64) GPOINTER_TO_SIZE (node) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> index->shift);
}

static struct _FmNodeIndex *
node_index_new (FmNodeFacts *facts,
                guint        n)
{
  struct _FmNodeIndex *index = g_new (struct _FmNodeIndex, 1);
  guint bits = 3;

  while ((1u << bits) < 2 * n)
    bits++;
  index->shift = 64 - bits;
  index->mask = (1u << bits) - 1;
  index->slots = g_new0 (Slot, index->mask + 1);

  for (guint i = 0; i < n; i++)
    {
      guint k = slot_of (index, facts[i].node);

      while (index->slots[k].node != NULL)
        k = (k + 1) & index->mask;
      index->slots[k].node = facts[i].node;
      index->slots[k].position = i;
    }

  return index;
}

/* Returns: the position of @node, or G_MAXUINT when it is not in the map */
static inline guint
node_index_lookup (const struct _FmNodeIndex *index,
                   FmNode                    *node)
{
  if (node == NULL)
    return G_MAXUINT;

  for (guint k = slot_of (index, node); index->slots[k].node != NULL; k = (k + 1) & index->mask)
    if (index->slots[k].node == node)
      return index->slots[k].position;

  return G_MAXUINT;
}

static void
node_index_free (struct _FmNodeIndex *index)
{
  g_free (index->slots);
  g_free (index);
}

static gboolean
is_flow_kind (FmNodeKind kind)
{
  switch (kind)
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

/* Reads every node's kind and numbers, and where every edge ends. */
static void
input_init (FmMetricsInput      *input,
            FmMap               *map,
            struct _FmNodeIndex **index)
{
  input->n_nodes = fm_map_get_n_nodes (map);
  input->facts = g_new (FmNodeFacts, input->n_nodes);
  input->any_trigger = FALSE;
  input->any_outcome = FALSE;

  for (guint i = 0; i < input->n_nodes; i++)
    {
      FmNodeFacts *facts = &input->facts[i];
      FmNode *node = fm_map_get_node (map, i);

      facts->node = node;
      /* The class says the kind without fm_node_get_kind()'s type check. */
      facts->kind = FM_NODE_GET_CLASS (node)->kind;
      facts->wait_s = facts->items = FM_UNSET;
      facts->process_s = facts->lead_s = facts->pca = FM_UNSET;

      if (facts->kind == FM_NODE_KIND_QUEUE)
        {
          FmQueue *queue = (FmQueue *) node;

          facts->wait_s = fm_queue_get_wait_s (queue);
          facts->items = fm_queue_get_items (queue);
        }
      else if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          FmProcessStep *step = (FmProcessStep *) node;

          facts->process_s = fm_process_step_get_process_s (step);
          facts->lead_s = fm_process_step_get_lead_s (step);
          facts->pca = fm_process_step_get_pca (step);
        }
      input->any_trigger |= facts->kind == FM_NODE_KIND_TRIGGER;
      input->any_outcome |= facts->kind == FM_NODE_KIND_OUTCOME;
    }

  *index = node_index_new (input->facts, input->n_nodes);

  input->n_edges = fm_map_get_n_edges (map);
  input->edge_from = g_new (guint, input->n_edges);
  input->edge_to = g_new (guint, input->n_edges);
  for (guint i = 0; i < input->n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      input->edge_from[i] = node_index_lookup (*index, fm_map_lookup_node (map, fm_edge_get_from (edge)));
      input->edge_to[i] = node_index_lookup (*index, fm_map_lookup_node (map, fm_edge_get_to (edge)));
    }
}

static void
input_clear (FmMetricsInput *input)
{
  g_free (input->facts);
  g_free (input->edge_from);
  g_free (input->edge_to);
}

typedef FmFlowGraph FlowGraph;

static void
flow_graph_clear (FlowGraph *graph)
{
  g_free (graph->in_flow);
  g_free (graph->succ_start);
  g_free (graph->succ_len);
  g_free (graph->succ);
  g_free (graph->in_degree);
}

static void
flow_graph_init (FlowGraph            *graph,
                 const FmMetricsInput *input,
                 FmMap                *map)
{
  guint n = input->n_nodes;
  g_autofree guint *ends = g_new (guint, 2 * input->n_edges);
  guint n_flow = 0;

  graph->n = n;
  graph->facts = input->facts;
  graph->in_flow = g_new (guint8, n);
  graph->succ_start = g_new0 (guint, n + 1);
  graph->succ_len = g_new0 (guint, n);
  graph->in_degree = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    graph->in_flow[i] = is_flow_kind (input->facts[i].kind);

  for (guint i = 0; i < input->n_edges; i++)
    {
      guint a = input->edge_from[i], b = input->edge_to[i];

      if (a == G_MAXUINT || b == G_MAXUINT || a == b ||
          !graph->in_flow[a] || !graph->in_flow[b] ||
          !fm_edge_is_flow (fm_map_get_edge (map, i)))
        continue;

      ends[2 * n_flow] = a;
      ends[2 * n_flow + 1] = b;
      n_flow++;
      graph->succ_len[a]++;
      graph->in_degree[b]++;
    }

  for (guint i = 0; i < n; i++)
    graph->succ_start[i + 1] = graph->succ_start[i] + graph->succ_len[i];

  /* Filled in the edges' order, counting up again. */
  graph->succ = g_new (guint, MAX (n_flow, 1));
  if (n > 0)
    memset (graph->succ_len, 0, n * sizeof (guint));
  for (guint k = 0; k < n_flow; k++)
    {
      guint a = ends[2 * k];

      graph->succ[graph->succ_start[a] + graph->succ_len[a]++] = ends[2 * k + 1];
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
  g_autofree guint *stack = g_new (guint, 2 * (gsize) MAX (graph->n, 1));
  g_autofree guint *post = g_new (guint, MAX (graph->n, 1));
  guint depth = 0, n_post = 0;
  GArray *order;
  gboolean reported = FALSE;

  for (guint root = 0; root < graph->n; root++)
    {
      if (!graph->in_flow[root] || colour[root] != WHITE)
        continue;

      colour[root] = GREY;
      stack[0] = root;
      stack[1] = 0;
      depth = 1;
      while (depth > 0)
        {
          guint *top = &stack[(depth - 1) * 2];
          guint v = top[0];
          guint *succ = &graph->succ[graph->succ_start[v]];

          if (top[1] < graph->succ_len[v])
            {
              guint w = succ[top[1]];

              if (colour[w] == GREY)
                {
                  if (!reported)
                    fm_metrics_add_warning (metrics, "flow-cycle", fm_node_get_id (graph->facts[w].node),
                                            _("The flow goes round in a circle back to “%s”; "
                                              "draw the way back as a rework edge"),
                                            fm_node_get_label (graph->facts[w].node));
                  reported = TRUE;
                  /* Removed in place, keeping the order of the others. */
                  memmove (&succ[top[1]], &succ[top[1] + 1],
                           (graph->succ_len[v] - top[1] - 1) * sizeof (guint));
                  graph->succ_len[v]--;
                  continue;
                }

              top[1]++;
              if (colour[w] == WHITE)
                {
                  /* Each node is pushed once, so the stack holds at most n. */
                  colour[w] = GREY;
                  stack[depth * 2] = w;
                  stack[depth * 2 + 1] = 0;
                  depth++;
                }
            }
          else
            {
              colour[v] = BLACK;
              post[n_post++] = v;
              depth--;
            }
        }
    }

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_post);
  for (guint i = n_post; i > 0; i--)
    g_array_append_val (order, post[i - 1]);

  return order;
}

static double
time_of (const FmNodeFacts *facts,
         double             demand,
         double             day)
{
  if (facts->kind == FM_NODE_KIND_QUEUE)
    {
      if (fm_value_is_set (facts->wait_s))
        return facts->wait_s;
      if (fm_value_is_set (facts->items) && demand > 0)
        return facts->items / demand * day;
      return 0;
    }

  if (facts->kind == FM_NODE_KIND_PROCESS)
    {
      if (fm_value_is_set (facts->lead_s))
        return facts->lead_s;
      if (fm_value_is_set (facts->process_s))
        return facts->process_s;
      return 0;
    }

  return 0;
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
stream_figures (FmMetrics            *metrics,
                const FmMetricsInput *input,
                FmDocument           *document)
{
  FmNodeFigures *figures = (FmNodeFigures *) (gpointer) metrics->figures->data;
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  double available = document ? fm_document_get_available_time_s (document) : FM_DEFAULT_AVAILABLE_TIME_S;
  gboolean any_wip = FALSE;
  double wip = 0;

  for (guint i = 0; i < input->n_nodes; i++)
    {
      const FmNodeFacts *facts = &input->facts[i];

      if (facts->kind == FM_NODE_KIND_QUEUE && fm_value_is_set (facts->items))
        {
          wip += facts->items;
          any_wip = TRUE;
        }
      else if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          FmProcessStep *step = (FmProcessStep *) facts->node;
          double step_wip = fm_process_step_get_wip (step);

          if (fm_value_is_set (step_wip))
            {
              wip += step_wip;
              any_wip = TRUE;
            }
          if (demand > 0 && available > 0 && fm_value_is_set (facts->process_s))
            {
              double people = fm_process_step_get_people (step);

              if (people > 0)
                figures[i].utilization = figures[i].visits * facts->process_s * demand / (people * available);
            }
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
  FmMetricsInput input;
  FlowGraph graph;
  g_autoptr(GArray) order = NULL;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  metrics = fm_metrics_new_empty ();
  order = fm_metrics_read_flow (metrics, &input, &graph, document, map);
  fm_visits_compute (metrics, &graph, order, &input, document, map);
  stream_figures (metrics, &input, document);
  fm_constraints_rank (metrics, &input, document, map);
  fm_map_checks_run (metrics, &input, document, map, today);

  fm_metrics_clear_flow (&input, &graph);

  return metrics;
}

/* Metrics with nothing computed yet: what fm_metrics_read_flow() fills. */
FmMetrics *
fm_metrics_new_empty (void)
{
  FmMetrics *metrics = g_new0 (FmMetrics, 1);

  metrics->path = g_ptr_array_new ();
  metrics->figures = g_array_new (FALSE, TRUE, sizeof (FmNodeFigures));
  metrics->constraints = g_ptr_array_new ();
  metrics->warnings = g_ptr_array_new ();

  return metrics;
}

/* Reads @map into @input and its flow graph into @graph, sets each node's
 * time in @metrics' figures and returns the flow nodes in topological
 * order (cycles broken and reported). Shared with the simulation, which
 * walks the same graph with the same times. */
GArray *
fm_metrics_read_flow (FmMetrics      *metrics,
                      FmMetricsInput *input,
                      FmFlowGraph    *graph,
                      FmDocument     *document,
                      FmMap          *map)
{
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  FmNodeFigures *figures;

  input_init (input, map, &metrics->figures_index);
  flow_graph_init (graph, input, map);

  g_array_set_size (metrics->figures, input->n_nodes);
  figures = (FmNodeFigures *) (gpointer) metrics->figures->data;
  for (guint i = 0; i < input->n_nodes; i++)
    {
      figures[i].node = input->facts[i].node;
      figures[i].time_s = time_of (&input->facts[i], demand, day);
      figures[i].utilization = NAN;
    }

  return flow_graph_sort (graph, metrics);
}

void
fm_metrics_clear_flow (FmMetricsInput *input,
                       FmFlowGraph    *graph)
{
  flow_graph_clear (graph);
  input_clear (input);
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
  guint position;

  g_return_val_if_fail (metrics != NULL, NULL);

  position = node_index_lookup (metrics->figures_index, node);
  if (position == G_MAXUINT)
    return NULL;

  return &g_array_index (metrics->figures, FmNodeFigures, position);
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

  /* The constraints are one block, their ids and labels one chunk. */
  for (guint i = 0; i < metrics->constraints->len; i++)
    g_free (((FmConstraint *) metrics->constraints->pdata[i])->cached_reason);
  g_free (metrics->constraint_block);
  g_clear_pointer (&metrics->strings, g_string_chunk_free);
  g_free (metrics->littles_law_skipped);
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
  g_clear_pointer (&metrics->figures_index, node_index_free);
  g_free (metrics);
}
