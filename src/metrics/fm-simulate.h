/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate.h: a map run many times, to see what its averages hide
 *
 * Two simulations over the graph the metrics read (docs/simulation.md):
 * a Monte Carlo of the lead time, each run a walk of the map with its
 * times drawn around the mapped ones, and a discrete-event simulation of
 * items flowing through the steps' people, where the queues emerge.
 * Deterministic for a seed.
 */
#pragma once

#include "fm-document.h"
#include "fm-observed.h"

G_BEGIN_DECLS

typedef enum {
  FM_SIMULATE_MONTE_CARLO,
  FM_SIMULATE_FLOW,
} FmSimulateMode;

typedef enum {
  FM_VARIABILITY_NONE,        /* the mapped values exactly */
  FM_VARIABILITY_TRIANGULAR,  /* a symmetric triangle of ± spread around them */
  FM_VARIABILITY_EXPONENTIAL, /* exponential with them as the mean */
  FM_VARIABILITY_OBSERVED,    /* drawn from the observed stays of each node */
} FmVariability;

#define FM_SIMULATE_ERROR (fm_simulate_error_quark ())

typedef enum {
  FM_SIMULATE_ERROR_NO_PATH,    /* no flow from a trigger to an outcome */
  FM_SIMULATE_ERROR_NO_DEMAND,  /* flow mode needs the demand */
  FM_SIMULATE_ERROR_CANCELLED,  /* the progress callback said stop */
  FM_SIMULATE_ERROR_ENDLESS,    /* rework so likely that a run would not end */
  FM_SIMULATE_ERROR_NO_OBSERVED, /* observed variability without observed data */
} FmSimulateError;

/* Called now and then with the share done (0 to 1); returns FALSE to stop
 * the simulation. Called on the simulating thread. */
typedef gboolean (*FmSimulateProgress) (double   fraction,
                                        gpointer user_data);

typedef struct {
  FmSimulateMode mode;
  FmVariability variability;
  double spread;        /* triangular: the half-width as a share, 0.5 */
  guint runs;           /* Monte Carlo: walks of the map, 10,000 */
  guint items;          /* flow: items that arrive, 10,000 */
  guint32 seed;
  FmObserved *observed; /* observed variability: the data measured on the
                         * map simulated (its nodes' stays, found by node
                         * id); borrowed, nullable */
  FmSimulateProgress progress;  /* nullable */
  gpointer progress_data;
} FmSimulateOptions;

/* What one flow node did in a flow simulation. */
typedef struct {
  FmNode *node;         /* borrowed from the map */
  double utilization;   /* a step's busy server time ÷ available; NAN for
                         * other nodes and for automated steps */
  double queue_mean;    /* items waiting, averaged over time */
  double wait_mean_s;   /* time an item waited, averaged over items */
  GArray *queue_series; /* doubles: items waiting at each sample; NULL
                         * but for queues */
} FmSimulateNode;

typedef struct {
  FmSimulateMode mode;
  guint samples;             /* runs made, or items that came out */
  double lead_time_mean_s;
  double lead_time_stderr_s; /* the standard error of the mean */
  double lead_time_p50_s;
  double lead_time_p85_s;
  double lead_time_p95_s;
  double lead_time_min_s;
  double lead_time_max_s;
  double histogram_start_s;  /* the lower edge of the first bin */
  double histogram_width_s;  /* the width of each bin */
  GArray *histogram;         /* guint counts */

  /* Observed variability: the nodes whose times were drawn from their
   * stays, of those that could have been (Monte Carlo: steps and queues;
   * flow: steps); 0 of 0 otherwise. */
  guint observed_nodes;
  guint observable_nodes;

  /* Flow mode only (NAN, NULL otherwise). */
  double duration_s;         /* simulated time, to the last item out */
  double throughput_per_day;
  double wip_mean;
  double series_step_s;      /* the time between queue_series samples */
  GArray *nodes;             /* FmSimulateNode, flow nodes in map order */
} FmSimulateResult;

/* The nodes a default Monte Carlo passes at most: a map of up to 20,000
 * nodes gets 10,000 runs. */
#define FM_SIMULATE_MAX_DEFAULT_VISITS 200000000u

GQuark            fm_simulate_error_quark        (void);
void              fm_simulate_options_init       (FmSimulateOptions       *options);
gboolean          fm_variability_from_string     (const char              *name,
                                                  FmVariability           *variability);
const char       *fm_variability_to_string       (FmVariability            variability);
FmSimulateResult *fm_simulate                    (FmDocument              *document,
                                                  FmMap                   *map,
                                                  const FmSimulateOptions *options,
                                                  GError                 **error);
guint             fm_simulate_default_runs       (FmMap                   *map);
FmSimulateResult *fm_simulate_result_copy        (const FmSimulateResult  *result);
void              fm_simulate_result_free        (FmSimulateResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmSimulateResult, fm_simulate_result_free)

G_END_DECLS
