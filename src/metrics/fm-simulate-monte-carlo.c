/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-monte-carlo.c: the lead time of a map, run many times
 *
 * Each run walks the flow nodes once in flow order, as the metrics'
 * longest path does, but with each node's time drawn around the mapped
 * one: a node starts when the last of the nodes that hand it work is done
 * and ends its time later. At a node whose edges out carry shares one
 * route is drawn; at a node with rework edges out the item goes back to a
 * rework's target with its rate, and the walk resumes there, so a loop is
 * taken again and again, a geometric number of times, and a loop inside a
 * loop on each of its passes. The run's lead time is when the last end is
 * reached: the critical path of that run.
 *
 * With nothing drawn every run is the map's lead time; on a single path
 * with rework the mean is the rework-adjusted lead time (a node passed
 * 1 ÷ (1 − r) times on average, as the traffic equations say).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-simulate-private.h"

/* Passes of nodes in one run past which it stops: rework rates below 1
 * make it end with probability 1, but 0.9999 could take long. */
#define MAX_PASSES 10000000u

typedef struct {
  const FmSimulatePlan *plan;
  const FmSimulateOptions *options;
  GRand *rand;
  guint *needed;   /* by node: the run that has work waiting there */
  double *ready;   /* by node: when the last work handed to it arrived */
  guint run;
} Walk;

static inline void
hand_to (Walk  *walk,
         guint  w,
         double when)
{
  if (walk->needed[w] != walk->run)
    {
      walk->needed[w] = walk->run;
      walk->ready[w] = when;
    }
  else if (when > walk->ready[w])
    walk->ready[w] = when;
}

static double
walk_once (Walk *walk)
{
  const FmSimulatePlan *plan = walk->plan;
  const FmFlowGraph *graph = &plan->graph;
  const FmVisits *visits = &plan->visits;
  const guint *order = (const guint *) (gconstpointer) plan->order->data;
  guint len = plan->order->len, passes = 0;
  double end = 0;

  for (guint k = 0; k < len; k++)
    if (visits->source[order[k]])
      hand_to (walk, order[k], 0);

  for (guint k = 0; k < len && passes < MAX_PASSES; )
    {
      guint v = order[k], rework, chosen;
      double finish;

      if (walk->needed[v] != walk->run)
        {
          k++;
          continue;
        }
      walk->needed[v] = 0;
      passes++;
      finish = walk->ready[v] + fm_simulate_draw_at (plan, walk->rand, walk->options, v, visits->time[v]);

      rework = fm_simulate_pick_rework (plan, walk->rand, v);
      if (rework != G_MAXUINT)
        {
          /* Back to where the work failed, which is earlier in the order. */
          guint to = visits->reworks[rework].to;

          hand_to (walk, to, finish);
          k = plan->position[to];
          continue;
        }

      if (visits->sink[v])
        end = MAX (end, finish);

      /* Edges without a share are parallel work: all taken. */
      chosen = fm_simulate_pick_slot (plan, walk->rand, v, FALSE);
      for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
        if (j == chosen || !fm_value_is_set (visits->share[j]))
          hand_to (walk, graph->succ[j], finish);
      k++;
    }

  return end;
}

gboolean
fm_simulate_monte_carlo (const FmSimulatePlan    *plan,
                         const FmSimulateOptions *options,
                         FmSimulateResult        *result,
                         GError                 **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autofree guint *needed = g_new0 (guint, MAX (plan->graph.n, 1));
  g_autofree double *ready = g_new0 (double, MAX (plan->graph.n, 1));
  guint runs = MAX (options->runs, 1);
  g_autofree double *samples = g_new (double, runs);
  Walk walk = { plan, options, rand, needed, ready, 0 };

  for (guint i = 0; i < runs; i++)
    {
      if (options->progress != NULL && i % 1024 == 0 &&
          !options->progress ((double) i / runs, options->progress_data))
        {
          g_set_error_literal (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_CANCELLED,
                               _("The simulation was stopped"));
          return FALSE;
        }
      /* Run numbers from 1: 0 marks a node with no work waiting. */
      walk.run = i + 1;
      samples[i] = walk_once (&walk);
    }

  fm_simulate_summarize (result, samples, runs);
  if (options->progress != NULL)
    options->progress (1, options->progress_data);

  return TRUE;
}
