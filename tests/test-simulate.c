/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-simulate.c: the simulations, checked against the map's own figures
 * and queueing theory
 *
 * Every simulation here is seeded, so every number is the same on every
 * run; the tolerances are still derived from the statistics (a few
 * standard errors), so that a different random stream would pass as well.
 * Times: 1 h = 3600 s.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-simulate.h"
#include "fm-test-utils.h"
#include "metrics-helpers.h"

#define H 3600.0

static FmSimulateResult *
simulate (FmDocument    *document,
          FmMap         *map,
          FmSimulateMode mode,
          FmVariability  variability,
          guint          count)
{
  FmSimulateOptions options;
  g_autoptr(GError) error = NULL;
  FmSimulateResult *result;

  fm_simulate_options_init (&options);
  options.mode = mode;
  options.variability = variability;
  options.runs = options.items = count;
  options.seed = 42;
  result = fm_simulate (document, map, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static const FmSimulateNode *
node_result (FmSimulateResult *result,
             const char       *id)
{
  for (guint i = 0; i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (g_str_equal (fm_node_get_id (node->node), id))
        return node;
    }
  g_assert_not_reached ();
}

static void
assert_within (double got,
               double expected,
               double tolerance)
{
  if (fabs (got - expected) > tolerance)
    g_error ("got %.6g, expected %.6g ± %.3g", got, expected, tolerance);
}

/* t → p1 (1 h of work, 2 h lead) → q (3 h) → p2 (1 h, 4 h) → o, and in
 * parallel after p1 a step x of 5 h that joins at o: the critical path is
 * 2 + 3 + 4 = 9 h (x's branch: 2 + 5 = 7 h). With nothing left to chance
 * every run is 9 h: mean, percentiles, one bin of the histogram. */
static void
test_none_is_map (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmSimulateResult) r = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "p1", 1 * H, 2 * H);
  fm_test_queue (map, "q", 3 * H);
  fm_test_step (map, "p2", 1 * H, 4 * H);
  fm_test_step (map, "x", 5 * H, 5 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "p1", "q", "p2", "o", NULL);
  fm_test_chain (map, "p1", "x", "o", NULL);

  metrics = fm_metrics_compute (NULL, map, NULL);
  fm_test_assert_near (metrics->lead_time_s, 9 * H);

  r = simulate (NULL, map, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_NONE, 1000);
  g_assert_cmpuint (r->samples, ==, 1000);
  fm_test_assert_near (r->lead_time_mean_s, 9 * H);
  fm_test_assert_near (r->lead_time_p50_s, 9 * H);
  fm_test_assert_near (r->lead_time_p85_s, 9 * H);
  fm_test_assert_near (r->lead_time_p95_s, 9 * H);
  fm_test_assert_near (r->lead_time_stderr_s, 0);
  g_assert_cmpuint (r->histogram->len, ==, 1);
  g_assert_cmpuint (g_array_index (r->histogram, guint, 0), ==, 1000);
}

/* Triangular ±50 % keeps each node's mean, so on a single path the mean
 * stays the map's lead time: t → a (4 h) → b (6 h) → o, 10 h. Each run is
 * the sum of two triangles of half-widths 2 h and 3 h, whose variances
 * are h² ÷ 6: (4 + 9) ÷ 6 = 2.1667 h², a standard deviation of 1.472 h
 * and a standard error over 10,000 runs of 0.01472 h. */
static void
test_triangular_chain (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmSimulateResult) r = NULL;
  double stderr_s = sqrt (13.0 / 6) * H / 100;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "a", 4 * H, 4 * H);
  fm_test_step (map, "b", 6 * H, 6 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "a", "b", "o", NULL);

  r = simulate (NULL, map, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_TRIANGULAR, 10000);
  assert_within (r->lead_time_mean_s, 10 * H, 4 * stderr_s);
  assert_within (r->lead_time_stderr_s, stderr_s, 0.05 * stderr_s);
  /* Nothing outside the band: 5 h to 15 h. */
  g_assert_cmpfloat (r->lead_time_min_s, >=, 5 * H);
  g_assert_cmpfloat (r->lead_time_max_s, <=, 15 * H);
  g_assert_cmpfloat (r->lead_time_p50_s, <, r->lead_time_p85_s);
  g_assert_cmpfloat (r->lead_time_p85_s, <, r->lead_time_p95_s);
}

/* The loop of tests/test-metrics.c: t → p1 (1 h) → q (2 h) → p2 (3 h) → o,
 * p2 sends half its passes back to p1. A pass of the loop takes 6 h and
 * the number of passes N is geometric with p = ½: mean 2, variance
 * (1 − p) ÷ p² = 2. So the mean lead time is 12 h, the rework-adjusted
 * lead time of the metrics, with a standard deviation of 6 h × √2 =
 * 8.485 h and a standard error over 10,000 runs of 0.08485 h.
 * P(N ≤ 2) = ¾ and P(N ≤ 3) = ⅞, so 85 % of the runs are done within
 * 3 passes, 18 h; P(N ≤ 4) = 15/16 < 95 % ≤ P(N ≤ 5) = 31/32: 30 h. */
static void
test_rework_mean (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmSimulateResult) r = NULL;
  double stderr_s = 6 * H * sqrt (2) / 100;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "p1", 1 * H, 1 * H);
  fm_test_queue (map, "q", 2 * H);
  fm_test_step (map, "p2", 1 * H, 3 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "p1", "q", "p2", "o", NULL);
  fm_edge_set_rate (fm_test_link (map, "p2", "p1", FM_EDGE_KIND_REWORK), 0.5);

  metrics = fm_metrics_compute (NULL, map, NULL);
  fm_test_assert_near (metrics->rework_adjusted_lead_time_s, 12 * H);

  r = simulate (NULL, map, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_NONE, 10000);
  assert_within (r->lead_time_mean_s, metrics->rework_adjusted_lead_time_s, 4 * stderr_s);
  assert_within (r->lead_time_stderr_s, stderr_s, 0.1 * stderr_s);
  fm_test_assert_near (r->lead_time_min_s, 6 * H);
  fm_test_assert_near (r->lead_time_p85_s, 18 * H);
  fm_test_assert_near (r->lead_time_p95_s, 30 * H);
}

/* The release map's current state has two overlapping loops back to
 * coding; on its single path the mean of the walks is the sum of visits ×
 * time, the rework-adjusted lead time of tests/test-metrics.c: 64.18 d. */
static void
test_release_rework (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *current = fm_document_lookup_map (doc, "current");
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, current, NULL);
  g_autoptr(FmSimulateResult) r = NULL;

  fm_test_assert_near (metrics->rework_adjusted_lead_time_s, 5544847.05882353);
  r = simulate (doc, current, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_NONE, 20000);
  assert_within (r->lead_time_mean_s, metrics->rework_adjusted_lead_time_s, 4 * r->lead_time_stderr_s);
  /* Without rework a run is the 56 d of the first pass. */
  fm_test_assert_near (r->lead_time_min_s, metrics->lead_time_s);
}

/* Alternative routes: a (1 h), then slow (10 h) for 20 % or fast (2 h)
 * for 80 %, then d (1 h): the metrics' expectation 1 + 2 + 1.6 + 1 =
 * 5.6 h. The runs take 4 h or 12 h; 80 % of them 4 h, so p50 = 4 h and
 * p85 = p95 = 12 h. Standard deviation 8 h × √(0.2 × 0.8) = 3.2 h. */
static void
test_routes (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmSimulateResult) r = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "a", 1 * H, 1 * H);
  fm_test_step (map, "slow", 10 * H, 10 * H);
  fm_test_step (map, "fast", 2 * H, 2 * H);
  fm_test_step (map, "d", 1 * H, 1 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "a", NULL);
  fm_edge_set_share (fm_test_link (map, "a", "slow", FM_EDGE_KIND_FLOW), 0.2);
  fm_edge_set_share (fm_test_link (map, "a", "fast", FM_EDGE_KIND_FLOW), 0.8);
  fm_test_chain (map, "slow", "d", "o", NULL);
  fm_test_chain (map, "fast", "d", NULL);

  metrics = fm_metrics_compute (NULL, map, NULL);
  fm_test_assert_near (metrics->lead_time_s, 5.6 * H);

  r = simulate (NULL, map, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_NONE, 10000);
  assert_within (r->lead_time_mean_s, 5.6 * H, 4 * 3.2 * H / 100);
  fm_test_assert_near (r->lead_time_p50_s, 4 * H);
  fm_test_assert_near (r->lead_time_p85_s, 12 * H);
  fm_test_assert_near (r->lead_time_p95_s, 12 * H);
}

/* M/M/1 at ρ = 0.8: λ = 24 a day = 1 an hour, a mean service of 0.8 h
 * (μ = 1.25 an hour). Queueing theory: Wq = ρ ÷ (μ − λ) = 0.8 ÷ 0.25 =
 * 3.2 h; Lq = λ Wq = 3.2 items; W = 1 ÷ (μ − λ) = 4 h; L = ρ ÷ (1 − ρ) = 4;
 * utilization ρ = 0.8. The waits of a queue this busy are strongly
 * correlated: over 1,000,000 items the relative standard error of the mean
 * wait is about 1.2 %, so 4 % is more than three of them. */
static void
test_mm1 (void)
{
  FmMap *map;
  g_autoptr(FmDocument) doc = fm_test_queueing_document (24, 0.8 * H, 1, &map);
  g_autoptr(FmSimulateResult) r = simulate (doc, map, FM_SIMULATE_FLOW, FM_VARIABILITY_EXPONENTIAL, 1000000);
  const FmSimulateNode *q = node_result (r, "q"), *p = node_result (r, "p");

  g_test_message ("M/M/1: Wq %.4f h, Lq %.4f, W %.4f h, L %.4f, utilization %.4f",
                  q->wait_mean_s / H, q->queue_mean, r->lead_time_mean_s / H, r->wip_mean, p->utilization);
  g_assert_cmpuint (r->samples, ==, 1000000);
  assert_within (q->wait_mean_s, 3.2 * H, 0.04 * 3.2 * H);
  assert_within (q->queue_mean, 3.2, 0.04 * 3.2);
  assert_within (r->lead_time_mean_s, 4 * H, 0.04 * 4 * H);
  assert_within (r->wip_mean, 4, 0.04 * 4);
  assert_within (p->utilization, 0.8, 0.01);
  assert_within (r->throughput_per_day, 24, 0.01 * 24);
  /* The step's own line is empty: its items wait as the queue's. */
  fm_test_assert_near (p->queue_mean, 0);
}

/* M/M/2 at ρ = 0.8: λ = 1 an hour, two people with a mean service of 1.6 h
 * each (μ = 0.625 an hour, a = λ ÷ μ = 1.6). Erlang C:
 *   C = (a² ÷ 2! × 2 ÷ (2 − a)) ÷ (1 + a + a² ÷ 2! × 2 ÷ (2 − a))
 *     = (1.28 × 5) ÷ (2.6 + 6.4) = 0.711111
 *   Wq = C ÷ (2μ − λ) = 0.711111 ÷ 0.25 = 2.844444 h; Lq = λ Wq = 2.8444
 *   W = Wq + 1.6 h = 4.444444 h; utilization λ ÷ 2μ = 0.8 */
static void
test_mm2 (void)
{
  FmMap *map;
  g_autoptr(FmDocument) doc = fm_test_queueing_document (24, 1.6 * H, 2, &map);
  g_autoptr(FmSimulateResult) r = simulate (doc, map, FM_SIMULATE_FLOW, FM_VARIABILITY_EXPONENTIAL, 1000000);
  const FmSimulateNode *q = node_result (r, "q"), *p = node_result (r, "p");
  double wq = 0.711111111 / 0.25 * H;

  g_test_message ("M/M/2: Wq %.4f h, Lq %.4f, W %.4f h, utilization %.4f",
                  q->wait_mean_s / H, q->queue_mean, r->lead_time_mean_s / H, p->utilization);

  assert_within (q->wait_mean_s, wq, 0.04 * wq);
  assert_within (q->queue_mean, wq / H, 0.04 * wq / H);
  assert_within (r->lead_time_mean_s, wq + 1.6 * H, 0.04 * (wq + 1.6 * H));
  assert_within (p->utilization, 0.8, 0.01);
}

/* A WIP limit: p (1 h) → q2 (limit 1) → p2 (2 h), deterministic times,
 * items arriving 10 an hour. p2 lets one item through every 2 h, so p,
 * which could do one an hour, is blocked half the time: it works
 * 1 h ÷ 2 h = 50 % of the time, and q2 never holds more than 1. Without
 * the limit p works all the time and q2 grows by ½ an item an hour: over
 * the 200 h of arrivals it holds 50 on average. */
static void
test_queue_limit (void)
{
  FmMap *map;
  g_autoptr(FmDocument) doc = fm_test_queueing_document (240, 1 * H, 1, &map);
  g_autoptr(FmSimulateResult) limited = NULL;
  g_autoptr(FmSimulateResult) unlimited = NULL;
  FmNode *q2 = fm_test_queue (map, "q2", FM_UNSET);
  double most = 0;

  /* t → q → p → q2 → p2 → o */
  fm_test_step (map, "p2", 2 * H, FM_UNSET);
  fm_map_remove_edge (map, fm_map_get_edge (map, fm_map_get_n_edges (map) - 1));
  fm_test_chain (map, "p", "q2", "p2", "o", NULL);

  unlimited = simulate (doc, map, FM_SIMULATE_FLOW, FM_VARIABILITY_NONE, 2000);
  assert_within (node_result (unlimited, "p")->utilization, 1, 0.01);
  assert_within (node_result (unlimited, "q2")->queue_mean, 50, 2);

  fm_queue_set_limit (FM_QUEUE (q2), 1);
  limited = simulate (doc, map, FM_SIMULATE_FLOW, FM_VARIABILITY_NONE, 2000);
  assert_within (node_result (limited, "p")->utilization, 0.5, 0.01);
  assert_within (node_result (limited, "p2")->utilization, 1, 0.01);
  for (guint i = 0; i < node_result (limited, "q2")->queue_series->len; i++)
    most = MAX (most, g_array_index (node_result (limited, "q2")->queue_series, double, i));
  g_assert_cmpfloat (most, <=, 1);
  g_assert_cmpuint (limited->samples, ==, 2000);
  /* p2's pace: 1 each 2 h, 12 a day; the first item reaches p2 after
   * 1 h and leaves after 3, so over the ~200 h of arrivals about 98.5
   * come out, 11.8 a day. */
  assert_within (limited->throughput_per_day, 12, 0.3);
}

/* The release map's future state (weekly releases, automated security
 * checks) is faster than its current state in both simulations: p85 of
 * about 2 w against 11 w in Monte Carlo. In the flow simulation coding is
 * busy as the metrics say: 3 working days (86,400 s) an item, one item
 * every 7 days, two developers with 20,571 s a day each: 86,400 / 7 /
 * 41,143 = 30 %, and with the rework that comes back (1.29 visits) 39 %. */
static void
test_release_future_faster (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *current = fm_document_lookup_map (doc, "current");
  FmMap *future = fm_document_lookup_map (doc, "future");
  g_autoptr(FmSimulateResult) mc_current = simulate (doc, current, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_TRIANGULAR, 5000);
  g_autoptr(FmSimulateResult) mc_future = simulate (doc, future, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_TRIANGULAR, 5000);
  g_autoptr(FmSimulateResult) flow_current = simulate (doc, current, FM_SIMULATE_FLOW, FM_VARIABILITY_EXPONENTIAL, 2000);
  g_autoptr(FmSimulateResult) flow_future = simulate (doc, future, FM_SIMULATE_FLOW, FM_VARIABILITY_EXPONENTIAL, 2000);

  g_assert_cmpfloat (mc_future->lead_time_p85_s, <, mc_current->lead_time_p85_s / 2);
  g_assert_cmpfloat (flow_future->lead_time_p85_s, <, flow_current->lead_time_p85_s / 2);
  assert_within (node_result (flow_current, "code")->utilization, 0.39, 0.05);
  g_assert_cmpfloat (node_result (flow_future, "code")->utilization, <, node_result (flow_current, "code")->utilization);
}

/* The same seed gives the same numbers; another seed others. */
static void
test_seeded (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *future = fm_document_lookup_map (doc, "future");
  FmSimulateOptions options;
  g_autoptr(FmSimulateResult) a = NULL;
  g_autoptr(FmSimulateResult) b = NULL;
  g_autoptr(FmSimulateResult) c = NULL;

  fm_simulate_options_init (&options);
  options.mode = FM_SIMULATE_FLOW;
  options.variability = FM_VARIABILITY_EXPONENTIAL;
  options.items = 500;
  a = fm_simulate (doc, future, &options, NULL);
  b = fm_simulate (doc, future, &options, NULL);
  options.seed = 2;
  c = fm_simulate (doc, future, &options, NULL);

  g_assert_cmpfloat (a->lead_time_mean_s, ==, b->lead_time_mean_s);
  g_assert_cmpfloat (a->lead_time_p85_s, ==, b->lead_time_p85_s);
  g_assert_cmpfloat (a->wip_mean, ==, b->wip_mean);
  g_assert_cmpfloat (a->lead_time_mean_s, !=, c->lead_time_mean_s);
}

static gboolean
stop_at_once (double   fraction,
              gpointer data)
{
  (*(guint *) data)++;
  return FALSE;
}

static void
test_errors (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMap) broken = fm_map_new ("b");
  FmSimulateOptions options;
  g_autoptr(GError) error = NULL;
  FmSimulateResult *r;
  guint calls = 0;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "p", 1 * H, 1 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "p", "o", NULL);
  fm_simulate_options_init (&options);

  /* No document: no demand for the items to arrive at. */
  options.mode = FM_SIMULATE_FLOW;
  r = fm_simulate (NULL, map, &options, &error);
  g_assert_null (r);
  g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_DEMAND);
  g_clear_error (&error);

  options.mode = FM_SIMULATE_MONTE_CARLO;
  options.progress = stop_at_once;
  options.progress_data = &calls;
  r = fm_simulate (NULL, map, &options, &error);
  g_assert_null (r);
  g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);

  /* The trigger and the outcome, unconnected. */
  fm_test_node (broken, FM_NODE_KIND_TRIGGER, "t");
  fm_test_node (broken, FM_NODE_KIND_OUTCOME, "o");
  options.progress = NULL;
  r = fm_simulate (NULL, broken, &options, &error);
  g_assert_null (r);
  g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_PATH);
}

/* Rework rates so near 1 that an item would go round for ever (issue 22:
 * 1 - 2^-53 ran for hours) are refused at once in both modes, naming the
 * step; one that ends in a few thousand passes is still simulated. */
static void
test_endless_rework (void)
{
  const double rates[] = { 1 - 0x1p-53, 1 - 1e-9, 0.9999995 };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    for (FmSimulateMode mode = FM_SIMULATE_MONTE_CARLO; mode <= FM_SIMULATE_FLOW; mode++)
      {
        g_autoptr(FmMap) map = fm_map_new ("m");
        g_autoptr(GError) error = NULL;
        FmSimulateOptions options;
        FmSimulateResult *r;

        fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
        fm_test_step (map, "p1", 1 * H, 1 * H);
        fm_test_step (map, "p2", 1 * H, 1 * H);
        fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
        fm_test_chain (map, "t", "p1", "p2", "o", NULL);
        fm_edge_set_rate (fm_test_link (map, "p2", "p1", FM_EDGE_KIND_REWORK), rates[i]);
        fm_simulate_options_init (&options);
        options.mode = mode;
        r = fm_simulate (NULL, map, &options, &error);
        /* Refused before anything runs (flow mode would else first miss
         * the demand of a document). */
        g_assert_null (r);
        g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_ENDLESS);
        g_assert_nonnull (strstr (error->message, "p2"));
      }

  {
    g_autoptr(FmMap) map = fm_map_new ("m");
    g_autoptr(FmSimulateResult) r = NULL;

    fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
    fm_test_step (map, "p1", 1 * H, 1 * H);
    fm_test_step (map, "p2", 1 * H, 1 * H);
    fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
    fm_test_chain (map, "t", "p1", "p2", "o", NULL);
    fm_edge_set_rate (fm_test_link (map, "p2", "p1", FM_EDGE_KIND_REWORK), 0.999);
    r = simulate (NULL, map, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_NONE, 100);
    g_assert_cmpfloat (r->lead_time_mean_s, >, 100 * H);
  }
}

/* A queue's limit is read and written back. */
static void
test_limit_in_file (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"flowmap\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"x\",\n"
    "  \"maps\": [\n"
    "    {\n"
    "      \"id\": \"m\",\n"
    "      \"name\": \"M\",\n"
    "      \"nodes\": [\n"
    "        { \"id\": \"q\", \"kind\": \"queue\", \"label\": \"Q\", \"x\": 0, \"y\": 0, \"limit\": 3 }\n"
    "      ],\n"
    "      \"edges\": []\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_data (text, -1, "limit.flowmap", &error);
  g_autofree char *saved = NULL;
  FmQueue *queue;

  g_assert_no_error (error);
  queue = FM_QUEUE (fm_map_lookup_node (fm_document_get_map (doc, 0), "q"));
  g_assert_cmpfloat (fm_queue_get_limit (queue), ==, 3);
  saved = fm_json_save_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"limit\": 3"));
}

/* Each Monte Carlo run walks the whole map, so the default number of
 * runs keeps the nodes passed at 200 million at most: 10,000 runs up to
 * 20,000 nodes, 200,000,000 / 20,001 = 9,999.5 → 9,999 runs for one node
 * more, 2,000 for 100,000 nodes (the fan that took 17 s at 10,000 runs),
 * and 100 at least. */
static void
test_default_runs (void)
{
  g_autoptr(FmMap) map = fm_map_new ("big");
  guint n = 0;
  struct { guint nodes, runs; } cases[] = {
    { 1, 10000 }, { 3, 10000 }, { 20000, 10000 }, { 20001, 9999 }, { 40000, 5000 }, { 100000, 2000 },
  };

  g_assert_cmpuint (fm_simulate_default_runs (map), ==, 10000);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (; n < cases[i].nodes; n++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", n);

          fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, id, "Step", 0, 0);
        }
      g_assert_cmpuint (fm_simulate_default_runs (map), ==, cases[i].runs);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/simulate/none-is-map", test_none_is_map);
  g_test_add_func ("/fm/simulate/triangular-chain", test_triangular_chain);
  g_test_add_func ("/fm/simulate/rework-mean", test_rework_mean);
  g_test_add_func ("/fm/simulate/release-rework", test_release_rework);
  g_test_add_func ("/fm/simulate/routes", test_routes);
  g_test_add_func ("/fm/simulate/mm1", test_mm1);
  g_test_add_func ("/fm/simulate/mm2", test_mm2);
  g_test_add_func ("/fm/simulate/queue-limit", test_queue_limit);
  g_test_add_func ("/fm/simulate/release-future-faster", test_release_future_faster);
  g_test_add_func ("/fm/simulate/seeded", test_seeded);
  g_test_add_func ("/fm/simulate/errors", test_errors);
  g_test_add_func ("/fm/simulate/endless-rework", test_endless_rework);
  g_test_add_func ("/fm/simulate/limit-in-file", test_limit_in_file);
  g_test_add_func ("/fm/simulate/default-runs", test_default_runs);

  return g_test_run ();
}
