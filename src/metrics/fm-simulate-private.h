/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-private.h: the map as both simulations read it, shared by
 * fm-simulate.c (the plan and the results), fm-simulate-monte-carlo.c and
 * fm-simulate-flow.c */
#pragma once

#include <math.h>

#include "fm-simulate.h"
#include "fm-visits-private.h"

G_BEGIN_DECLS

/* A node's observed stays, for the observed variability: borrowed from
 * the FmObserved of the options, ascending. */
typedef struct {
  const double *values;
  guint n;
  double mean;
} FmSimulateStays;

/* The flow graph, the routes and the rework of the metrics (fm-visits.c),
 * with what the simulations add: the reworks out of each node, in order. */
typedef struct {
  FmMetrics *scratch;        /* the warnings and node times of the reading */
  FmMetricsInput input;
  FmFlowGraph graph;
  GArray *order;             /* flow nodes, topologically */
  FmVisits visits;           /* time, share, source, sink, reworks */
  guint *position;           /* node -> its place in order, G_MAXUINT if none */
  guint *rework_out_start;   /* n + 1: the reworks out of each node */
  guint *rework_out;         /* indices into visits.reworks */
  guint8 *is_choice;         /* a node whose edges out carry shares */
  double demand_per_day;     /* FM_UNSET when not given */
  double day_length_s;
  double available_s;        /* a person's working time in a day */
  FmSimulateStays *stays;    /* by node, with the observed variability;
                              * else NULL */
  gboolean scale_stays;      /* flow: a stay gives the shape, not the time */
} FmSimulatePlan;

void   fm_simulate_plan_init   (FmSimulatePlan          *plan,
                                FmDocument              *document,
                                FmMap                   *map);
void   fm_simulate_plan_clear  (FmSimulatePlan          *plan);

/* The successor slot an item takes out of @v: one of the edges with a
 * share, drawn by their shares; without any, with @parallel_too, one of
 * the others, equally likely (the flow simulation's items do not split).
 * G_MAXUINT when there is none. */
guint  fm_simulate_pick_slot   (const FmSimulatePlan    *plan,
                                GRand                   *rand,
                                guint                    v,
                                gboolean                 parallel_too);
/* The rework edge an item takes back out of @v, or G_MAXUINT for none. */
guint  fm_simulate_pick_rework (const FmSimulatePlan    *plan,
                                GRand                   *rand,
                                guint                    v);

/* Fills the lead-time figures of @result from @samples (sorted here). */
void   fm_simulate_summarize   (FmSimulateResult        *result,
                                double                  *samples,
                                guint                    n);
FmSimulateResult *fm_simulate_result_new (FmSimulateMode mode);

gboolean fm_simulate_monte_carlo (const FmSimulatePlan    *plan,
                                  const FmSimulateOptions *options,
                                  FmSimulateResult        *result,
                                  GError                 **error);
gboolean fm_simulate_flow        (const FmSimulatePlan    *plan,
                                  const FmSimulateOptions *options,
                                  FmSimulateResult        *result,
                                  GError                 **error);

/* A uniform number in (0, 1) from one draw of @rand: half of
 * g_rand_double()'s cost, and 32 bits are plenty for a duration. */
static inline double
fm_simulate_uniform (GRand *rand)
{
  return (g_rand_int (rand) + 0.5) * (1.0 / 4294967296.0);
}

/* A time drawn around @mean. */
static inline double
fm_simulate_draw (GRand         *rand,
                  FmVariability  variability,
                  double         spread,
                  double         mean)
{
  double u, h;

  if (mean <= 0)
    return 0;

  switch (variability)
    {
    case FM_VARIABILITY_TRIANGULAR:
      /* The inverse of the distribution function of a symmetric triangle
       * from mean − h to mean + h, its mode at the mean. */
      h = spread * mean;
      u = fm_simulate_uniform (rand);
      return u < 0.5 ? mean - h + h * sqrt (2 * u) : mean + h - h * sqrt (2 * (1 - u));
    case FM_VARIABILITY_EXPONENTIAL:
      /* u is in (0, 1), so the logarithm is finite. */
      return -mean * log (fm_simulate_uniform (rand));
    case FM_VARIABILITY_OBSERVED: /* a node without stays: as mapped */
    case FM_VARIABILITY_NONE:
    default:
      return mean;
    }
}

/* A time drawn from @stays, each as likely, with replacement (a
 * bootstrap): in Monte Carlo the stay itself, in flow mode (@scale) @mean
 * × the stay ÷ the mean stay (see plan_observe() in fm-simulate.c). Stays
 * all of one value (they are sorted) draw nothing, so that they give the
 * same run as no variability. */
static inline double
fm_simulate_draw_stay (GRand                 *rand,
                       const FmSimulateStays *stays,
                       gboolean               scale,
                       double                 mean)
{
  double s = stays->values[0] == stays->values[stays->n - 1]
             ? stays->values[0] : stays->values[g_rand_int_range (rand, 0, (gint32) stays->n)];

  if (!scale)
    return s;

  return stays->mean > 0 ? mean * (s / stays->mean) : mean;
}

/* The time of node @v: from its stays when it has some, else drawn
 * around its mapped @mean (with the observed variability, the mapped time
 * itself). */
static inline double
fm_simulate_draw_at (const FmSimulatePlan    *plan,
                     GRand                   *rand,
                     const FmSimulateOptions *options,
                     guint                    v,
                     double                   mean)
{
  if (plan->stays != NULL && plan->stays[v].n > 0)
    return fm_simulate_draw_stay (rand, &plan->stays[v], plan->scale_stays, mean);

  return fm_simulate_draw (rand, options->variability, options->spread, mean);
}

G_END_DECLS
