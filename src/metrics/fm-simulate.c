/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate.c: the map as the simulations read it, and their results
 *
 * Both simulations walk the graph the metrics compute over (fm-metrics.c,
 * fm-visits.c): the same flow nodes in the same order, the same time of
 * each node, the same rework edges (those the metrics count) and the same
 * alternative routes, so that with nothing left to chance the Monte Carlo
 * gives the map's own lead time. See docs/simulation.md.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fm-simulate-private.h"

#define HISTOGRAM_BINS 20

G_DEFINE_QUARK (fm-simulate-error-quark, fm_simulate_error)

static const char * const variability_names[] = {
  [FM_VARIABILITY_NONE] = "none",
  [FM_VARIABILITY_TRIANGULAR] = "triangular",
  [FM_VARIABILITY_EXPONENTIAL] = "exponential",
  [FM_VARIABILITY_OBSERVED] = "observed",
};

/**
 * fm_variability_from_string:
 * @name: "none", "triangular", "exponential" or "observed"
 *
 * Returns: whether @name is one, with @variability set to it
 */
gboolean
fm_variability_from_string (const char    *name,
                            FmVariability *variability)
{
  g_return_val_if_fail (variability != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (variability_names); i++)
    if (g_str_equal (name, variability_names[i]))
      {
        *variability = i;
        return TRUE;
      }

  return FALSE;
}

const char *
fm_variability_to_string (FmVariability variability)
{
  g_return_val_if_fail (variability < G_N_ELEMENTS (variability_names), NULL);

  return variability_names[variability];
}

/**
 * fm_simulate_options_init:
 *
 * Sets @options to the defaults: Monte Carlo of 10,000 runs with a
 * triangular band of ±50 %, 10,000 items in flow mode, seed 1.
 */
void
fm_simulate_options_init (FmSimulateOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = FM_SIMULATE_MONTE_CARLO;
  options->variability = FM_VARIABILITY_TRIANGULAR;
  options->spread = 0.5;
  options->runs = 10000;
  options->items = 10000;
  options->seed = 1;
}

void
fm_simulate_plan_init (FmSimulatePlan *plan,
                       FmDocument     *document,
                       FmMap          *map)
{
  guint n;
  g_autofree guint *fill = NULL;

  memset (plan, 0, sizeof *plan);
  plan->scratch = fm_metrics_new_empty ();
  plan->order = fm_metrics_read_flow (plan->scratch, &plan->input, &plan->graph, document, map);
  fm_visits_init (&plan->visits, plan->scratch, &plan->graph, plan->order, &plan->input, map);

  n = plan->graph.n;
  plan->position = g_new (guint, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    plan->position[v] = G_MAXUINT;
  for (guint k = 0; k < plan->order->len; k++)
    plan->position[g_array_index (plan->order, guint, k)] = k;

  plan->rework_out_start = g_new0 (guint, n + 1);
  plan->rework_out = g_new (guint, MAX (plan->visits.n_reworks, 1));
  for (guint k = 0; k < plan->visits.n_reworks; k++)
    plan->rework_out_start[plan->visits.reworks[k].from + 1]++;
  for (guint v = 0; v < n; v++)
    plan->rework_out_start[v + 1] += plan->rework_out_start[v];
  fill = g_new0 (guint, MAX (n, 1));
  for (guint k = 0; k < plan->visits.n_reworks; k++)
    {
      guint from = plan->visits.reworks[k].from;

      plan->rework_out[plan->rework_out_start[from] + fill[from]++] = k;
    }

  plan->is_choice = g_new0 (guint8, MAX (n, 1));
  for (guint c = 0; c < plan->visits.n_choices; c++)
    plan->is_choice[plan->visits.choices[c]] = TRUE;

  plan->demand_per_day = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  plan->day_length_s = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  plan->available_s = document ? fm_document_get_available_time_s (document) : FM_DEFAULT_AVAILABLE_TIME_S;
}

void
fm_simulate_plan_clear (FmSimulatePlan *plan)
{
  fm_visits_clear (&plan->visits);
  fm_metrics_clear_flow (&plan->input, &plan->graph);
  g_clear_pointer (&plan->order, g_array_unref);
  g_clear_pointer (&plan->scratch, fm_metrics_free);
  g_clear_pointer (&plan->position, g_free);
  g_clear_pointer (&plan->rework_out_start, g_free);
  g_clear_pointer (&plan->rework_out, g_free);
  g_clear_pointer (&plan->is_choice, g_free);
  g_clear_pointer (&plan->stays, g_free);
}

/* Whether the observed variability draws the time of a node of @kind:
 * in flow mode the waits in queues emerge, so only steps. */
static gboolean
draws_observed (FmNodeKind kind,
                gboolean   flow)
{
  return kind == FM_NODE_KIND_PROCESS || (kind == FM_NODE_KIND_QUEUE && !flow);
}

/* With the observed variability, finds each flow node's stays in
 * @options->observed by its id and counts in @result the nodes that have
 * some. In Monte Carlo a node's time is a stay drawn from them: a stay is
 * what the node took, its waiting included, as the map's lead time of a
 * step and wait of a queue are. In flow mode a step's stay includes the
 * wait for its people, which the simulation makes itself: drawing whole
 * stays would count that wait twice. There a stay s gives the shape only:
 * the step's process time (and its delay) × s ÷ the mean stay, which
 * keeps the mapped mean and varies as the stays do. */
static void
plan_observe (FmSimulatePlan          *plan,
              const FmSimulateOptions *options,
              FmSimulateResult        *result)
{
  g_autoptr(GHashTable) by_id = NULL;
  gboolean flow = options->mode == FM_SIMULATE_FLOW;

  if (options->variability != FM_VARIABILITY_OBSERVED || options->observed == NULL)
    return;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < options->observed->nodes->len; i++)
    {
      const FmObservedNode *node = &g_array_index (options->observed->nodes, FmObservedNode, i);

      g_hash_table_insert (by_id, node->node_id, (gpointer) node);
    }

  plan->scale_stays = flow;
  plan->stays = g_new0 (FmSimulateStays, MAX (plan->graph.n, 1));
  for (guint k = 0; k < plan->order->len; k++)
    {
      guint v = g_array_index (plan->order, guint, k);
      FmNode *node = plan->input.facts[v].node;
      const FmObservedNode *observed;
      FmSimulateStays *stays = &plan->stays[v];
      double sum = 0;

      if (!draws_observed (plan->input.facts[v].kind, flow))
        continue;
      result->observable_nodes++;
      observed = g_hash_table_lookup (by_id, fm_node_get_id (node));
      if (observed == NULL || observed->stays == NULL || observed->stays->len == 0)
        continue;

      stays->values = (const double *) (gconstpointer) observed->stays->data;
      stays->n = MIN (observed->stays->len, G_MAXINT32);
      /* Summed from the smallest, as the stays come. */
      for (guint i = 0; i < stays->n; i++)
        sum += stays->values[i];
      stays->mean = sum / stays->n;
      result->observed_nodes++;
    }
}

/* Whether the flow leads from a start to an end at all. */
static gboolean
plan_has_path (FmSimulatePlan *plan)
{
  FmVisits *visits = &plan->visits;

  memset (visits->active, 1, MAX (plan->graph.succ_start[plan->graph.n], 1));
  fm_visits_reach (visits);
  for (guint v = 0; v < plan->graph.n; v++)
    if (visits->sink[v] && visits->reached[v])
      return TRUE;

  return FALSE;
}

guint
fm_simulate_pick_slot (const FmSimulatePlan *plan,
                       GRand                *rand,
                       guint                 v,
                       gboolean              parallel_too)
{
  const FmFlowGraph *graph = &plan->graph;
  guint first = graph->succ_start[v], len = graph->succ_len[v];

  if (len == 0)
    return G_MAXUINT;

  if (plan->is_choice[v])
    {
      double total = 0, u;
      guint last = G_MAXUINT;

      for (guint j = first; j < first + len; j++)
        if (fm_value_is_set (plan->visits.share[j]))
          total += plan->visits.share[j];
      /* Shares that do not add up to 1 are proportions, as in the metrics. */
      u = fm_simulate_uniform (rand) * total;
      for (guint j = first; j < first + len; j++)
        if (fm_value_is_set (plan->visits.share[j]))
          {
            last = j;
            if (u < plan->visits.share[j])
              return j;
            u -= plan->visits.share[j];
          }
      return last;
    }

  if (!parallel_too)
    return G_MAXUINT;

  return len == 1 ? first : first + (guint) g_rand_int_range (rand, 0, (gint32) len);
}

guint
fm_simulate_pick_rework (const FmSimulatePlan *plan,
                         GRand                *rand,
                         guint                 v)
{
  guint first = plan->rework_out_start[v], last = plan->rework_out_start[v + 1];
  double u;

  if (first == last)
    return G_MAXUINT;

  /* The rates out of a node add up to less than 1 (the metrics drop
   * those that do not), so what is left goes on along the flow. */
  u = fm_simulate_uniform (rand);
  for (guint p = first; p < last; p++)
    {
      const FmRework *rework = &plan->visits.reworks[plan->rework_out[p]];

      if (u < rework->rate)
        return plan->rework_out[p];
      u -= rework->rate;
    }

  return G_MAXUINT;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p quantile of sorted @samples, interpolated between neighbours
 * (the "type 7" of Hyndman and Fan, R's and NumPy's default). */
static double
quantile (const double *samples,
          guint         n,
          double        p)
{
  double h = (n - 1) * p;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return samples[n - 1];

  return samples[lo] + (h - lo) * (samples[lo + 1] - samples[lo]);
}

void
fm_simulate_summarize (FmSimulateResult *result,
                       double           *samples,
                       guint             n)
{
  double sum = 0, squares = 0, mean;

  result->samples = n;
  g_array_set_size (result->histogram, 0);
  if (n == 0)
    return;

  /* Summed in order from the smallest, for a stable last digit. */
  qsort (samples, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += samples[i];
  mean = sum / n;
  for (guint i = 0; i < n; i++)
    squares += (samples[i] - mean) * (samples[i] - mean);

  result->lead_time_mean_s = mean;
  result->lead_time_stderr_s = n > 1 ? sqrt (squares / (n - 1) / n) : 0;
  result->lead_time_p50_s = quantile (samples, n, 0.50);
  result->lead_time_p85_s = quantile (samples, n, 0.85);
  result->lead_time_p95_s = quantile (samples, n, 0.95);
  result->lead_time_min_s = samples[0];
  result->lead_time_max_s = samples[n - 1];

  /* One bin when every sample is the same. */
  result->histogram_start_s = samples[0];
  result->histogram_width_s = (samples[n - 1] - samples[0]) / HISTOGRAM_BINS;
  g_array_set_size (result->histogram, result->histogram_width_s > 0 ? HISTOGRAM_BINS : 1);
  for (guint i = 0; i < n; i++)
    {
      guint bin = result->histogram_width_s > 0
                  ? (guint) ((samples[i] - samples[0]) / result->histogram_width_s)
                  : 0;

      g_array_index (result->histogram, guint, MIN (bin, result->histogram->len - 1))++;
    }
}

FmSimulateResult *
fm_simulate_result_new (FmSimulateMode mode)
{
  FmSimulateResult *result = g_new0 (FmSimulateResult, 1);

  result->mode = mode;
  result->lead_time_mean_s = result->lead_time_stderr_s = NAN;
  result->lead_time_p50_s = result->lead_time_p85_s = result->lead_time_p95_s = NAN;
  result->lead_time_min_s = result->lead_time_max_s = NAN;
  result->duration_s = result->throughput_per_day = result->wip_mean = NAN;
  result->series_step_s = NAN;
  result->histogram = g_array_new (FALSE, TRUE, sizeof (guint));

  return result;
}

void
fm_simulate_result_free (FmSimulateResult *result)
{
  if (result == NULL)
    return;

  if (result->nodes != NULL)
    {
      for (guint i = 0; i < result->nodes->len; i++)
        g_clear_pointer (&g_array_index (result->nodes, FmSimulateNode, i).queue_series, g_array_unref);
      g_array_unref (result->nodes);
    }
  g_array_unref (result->histogram);
  g_free (result);
}

/**
 * fm_simulate_default_runs:
 *
 * Returns: the Monte Carlo runs made when none are asked for: 10,000, or
 *   fewer on a map so large that they would pass more than
 *   FM_SIMULATE_MAX_DEFAULT_VISITS nodes (each run walks the whole map:
 *   a fan of 100,000 steps took 17 s for 10,000), 100 at least
 */
guint
fm_simulate_default_runs (FmMap *map)
{
  guint n_nodes;

  g_return_val_if_fail (FM_IS_MAP (map), 10000);

  n_nodes = MAX (fm_map_get_n_nodes (map), 1);
  return CLAMP (FM_SIMULATE_MAX_DEFAULT_VISITS / n_nodes, 100, 10000);
}

/**
 * fm_simulate_result_copy:
 *
 * Returns: (transfer full): a copy of @result that owns its own arrays;
 *   its nodes still name the nodes of the map simulated, which the caller
 *   keeps alive
 */
FmSimulateResult *
fm_simulate_result_copy (const FmSimulateResult *result)
{
  FmSimulateResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new (FmSimulateResult, 1);
  *copy = *result;
  copy->histogram = result->histogram != NULL ? g_array_copy (result->histogram)
                                               : g_array_new (FALSE, TRUE, sizeof (guint));
  if (result->nodes != NULL)
    {
      copy->nodes = g_array_copy (result->nodes);
      for (guint i = 0; i < copy->nodes->len; i++)
        {
          FmSimulateNode *node = &g_array_index (copy->nodes, FmSimulateNode, i);

          if (node->queue_series != NULL)
            node->queue_series = g_array_copy (node->queue_series);
        }
    }

  return copy;
}

/* An item passes a node sending work back at a total rate r about
 * 1 / (1 - r) times: past this many, a simulation would not end (a rate
 * of 1 - 2^-53 means 2^53 passes, where each run stopped at ten million
 * passes and 10,000 runs took hours). */
#define MAX_MEAN_PASSES 1e6

/* Whether some node sends work back so often that the simulation would
 * not end; if so, @error says which. */
static gboolean
plan_ends (const FmSimulatePlan  *plan,
           GError               **error)
{
  for (guint v = 0; v < plan->graph.n; v++)
    {
      double rate = 0;

      for (guint p = plan->rework_out_start[v]; p < plan->rework_out_start[v + 1]; p++)
        rate += plan->visits.reworks[plan->rework_out[p]].rate;
      if (rate > 1 - 1 / MAX_MEAN_PASSES)
        {
          FmNode *node = plan->input.facts[v].node;
          const char *label = fm_node_get_label (node) != NULL && *fm_node_get_label (node) != '\0'
                              ? fm_node_get_label (node) : fm_node_get_id (node);

          g_set_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_ENDLESS,
                       _("“%s” sends work back at a rate of %.17g: an item would pass it more than a million times, "
                         "so the simulation would not end; lower the rework rate"),
                       label, rate);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fm_simulate:
 * @document: (nullable): gives the demand, the day length and the
 *   available time
 * @options: what to simulate and how; see fm_simulate_options_init()
 *
 * Simulates @map (docs/simulation.md). Pure computation: it may run on a
 * worker thread as long as nobody changes @document meanwhile.
 *
 * Returns: (transfer full) (nullable): the results, or %NULL with @error
 *   set when the map has no path, flow mode has no demand, the observed
 *   variability has no observed data, or the progress callback stopped it
 */
FmSimulateResult *
fm_simulate (FmDocument              *document,
             FmMap                   *map,
             const FmSimulateOptions *options,
             GError                 **error)
{
  FmSimulatePlan plan;
  g_autoptr(FmSimulateResult) result = NULL;
  gboolean ok;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fm_simulate_plan_init (&plan, document, map);
  if (!plan_has_path (&plan))
    {
      fm_simulate_plan_clear (&plan);
      g_set_error_literal (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_PATH,
                           _("No flow connects the trigger to the outcome, so there is nothing to simulate"));
      return NULL;
    }

  if (!plan_ends (&plan, error))
    {
      fm_simulate_plan_clear (&plan);
      return NULL;
    }

  if (options->variability == FM_VARIABILITY_OBSERVED && options->observed == NULL)
    {
      fm_simulate_plan_clear (&plan);
      g_set_error_literal (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_OBSERVED,
                           _("The observed variability draws times from observed data, and none is loaded"));
      return NULL;
    }

  result = fm_simulate_result_new (options->mode);
  plan_observe (&plan, options, result);
  if (options->mode == FM_SIMULATE_FLOW)
    ok = fm_simulate_flow (&plan, options, result, error);
  else
    ok = fm_simulate_monte_carlo (&plan, options, result, error);
  fm_simulate_plan_clear (&plan);

  return ok ? g_steal_pointer (&result) : NULL;
}
