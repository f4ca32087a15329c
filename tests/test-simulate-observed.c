/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-simulate-observed.c: the observed variability, times drawn from
 * the stays of observed data (docs/simulation.md), checked by hand
 *
 * The data are hours in UTC from 2026-03-02T00:00Z, each state named as
 * the node it is, so that it maps to it by its id. 1 h = 3600 s.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-csv-import.h"
#include "fm-document-private.h"
#include "fm-map-private.h"
#include "fm-observed.h"
#include "fm-process-step.h"
#include "fm-simulate.h"
#include "metrics-helpers.h"

#define H 3600.0

/* Measures @csv against @map as `flowmap simulate --csv` does: all of it,
 * as of its end, in elapsed time. */
static FmObserved *
observe (FmMap      *map,
         const char *csv_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) csv = fm_csv_parse (csv_text, -1, "test.csv", 0, &error);
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  FmCsvImportOptions import_options;
  FmObservedOptions options;

  g_assert_no_error (error);
  fm_csv_import_options_init (&import_options);
  import_options.time_zone = utc;
  log = fm_csv_import (csv, &import_options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  mapping = fm_observed_mapping_new (log, map);
  fm_observed_options_init (&options);
  options.time_zone = utc;

  return fm_observed_compute (log, mapping, map, &options);
}

static FmSimulateResult *
simulate (FmDocument    *document,
          FmMap         *map,
          FmObserved    *observed,
          FmSimulateMode mode,
          FmVariability  variability,
          guint          count,
          guint32        seed)
{
  FmSimulateOptions options;
  g_autoptr(GError) error = NULL;
  FmSimulateResult *result;

  fm_simulate_options_init (&options);
  options.mode = mode;
  options.variability = variability;
  options.observed = observed;
  options.runs = options.items = count;
  options.seed = seed;
  result = fm_simulate (document, map, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
assert_within (double got,
               double expected,
               double tolerance)
{
  if (fabs (got - expected) > tolerance)
    g_error ("got %.6g, expected %.6g ± %.3g", got, expected, tolerance);
}

/* t → a (1 h of work, 2 h lead) → q (3 h) → b (1 h, 4 h) → o: 9 h mapped. */
static FmMap *
chain_map (void)
{
  FmMap *map = fm_map_new ("m");

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "a", 1 * H, 2 * H);
  fm_test_queue (map, "q", 3 * H);
  fm_test_step (map, "b", 1 * H, 4 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "a", "q", "b", "o", NULL);

  return map;
}

/* Three items each 5 h in a, then done: a's stays are 5, 5 and 5 h. */
static const char five_hours_csv[] =
  "item,state,entered_at\n"
  "X,a,2026-03-02T00:00:00Z\n"
  "X,Done,2026-03-02T05:00:00Z\n"
  "Y,a,2026-03-02T01:00:00Z\n"
  "Y,Done,2026-03-02T06:00:00Z\n"
  "Z,a,2026-03-02T02:00:00Z\n"
  "Z,Done,2026-03-02T07:00:00Z\n";

/* a's stays all 5 h: a takes exactly 5 h in every run; q and b have no
 * stays and keep their mapped 3 h and 4 h. Every run: 5 + 3 + 4 = 12 h
 * (the mapped 9 h with a's 2 h replaced by 5 h). One node of the three
 * steps and queues was drawn from stays. */
static void
test_one_value (void)
{
  g_autoptr(FmMap) map = chain_map ();
  g_autoptr(FmObserved) observed = observe (map, five_hours_csv);
  g_autoptr(FmSimulateResult) r = NULL;

  g_assert_cmpuint (fm_observed_lookup_node (observed, "a")->stays->len, ==, 3);
  r = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 1000, 42);
  g_assert_cmpuint (r->samples, ==, 1000);
  fm_test_assert_near (r->lead_time_min_s, 12 * H);
  fm_test_assert_near (r->lead_time_max_s, 12 * H);
  fm_test_assert_near (r->lead_time_mean_s, 12 * H);
  fm_test_assert_near (r->lead_time_p95_s, 12 * H);
  g_assert_cmpuint (r->observed_nodes, ==, 1);
  g_assert_cmpuint (r->observable_nodes, ==, 3);
}

/* Two items in a, of 2 h and 6 h: a run takes a's 2 h or 6 h, equally
 * likely, then q's 3 h and b's 4 h: 9 h or 13 h. The mean is
 * (2 + 6) ÷ 2 + 7 = 11 h; a's draw has a standard deviation of 2 h, so the
 * standard error of the mean over 10,000 runs is 0.02 h, and 4 of them
 * (0.08 h, 288 s) is the tolerance; with seed 42 the mean is within it.
 * The runs of 9 h are a binomial count of 10,000 at ½: 5,000 ± 4 × 50.
 * At least 15 % of the runs take 13 h: p85 = p95 = 13 h. */
static const char two_stays_csv[] =
  "item,state,entered_at\n"
  "X,a,2026-03-02T00:00:00Z\n"
  "X,Done,2026-03-02T02:00:00Z\n"
  "Y,a,2026-03-02T00:00:00Z\n"
  "Y,Done,2026-03-02T06:00:00Z\n";

static void
test_two_stays_mean (void)
{
  g_autoptr(FmMap) map = chain_map ();
  g_autoptr(FmObserved) observed = observe (map, two_stays_csv);
  g_autoptr(FmSimulateResult) r = NULL;
  guint short_runs;

  r = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 10000, 42);
  g_test_message ("mean %.5f h", r->lead_time_mean_s / H);
  assert_within (r->lead_time_mean_s, 11 * H, 4 * 0.02 * H);
  fm_test_assert_near (r->lead_time_min_s, 9 * H);
  fm_test_assert_near (r->lead_time_max_s, 13 * H);
  fm_test_assert_near (r->lead_time_p85_s, 13 * H);
  fm_test_assert_near (r->lead_time_p95_s, 13 * H);
  /* 20 bins from 9 h to 13 h: the 9 h runs in the first, the 13 h ones
   * in the last. */
  g_assert_cmpuint (r->histogram->len, ==, 20);
  short_runs = g_array_index (r->histogram, guint, 0);
  g_assert_cmpuint (short_runs + g_array_index (r->histogram, guint, 19), ==, 10000);
  g_assert_cmpint (abs ((int) short_runs - 5000), <=, 200);
}

/* The same seed gives the same run, bit for bit; another seed another. */
static void
test_seeded (void)
{
  g_autoptr(FmMap) map = chain_map ();
  g_autoptr(FmObserved) observed = observe (map, two_stays_csv);
  g_autoptr(FmSimulateResult) a = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 1000, 7);
  g_autoptr(FmSimulateResult) b = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 1000, 7);
  g_autoptr(FmSimulateResult) c = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 1000, 8);

  g_assert_cmpfloat (a->lead_time_mean_s, ==, b->lead_time_mean_s);
  g_assert_cmpfloat (a->lead_time_p50_s, ==, b->lead_time_p50_s);
  g_assert_cmpmem (a->histogram->data, a->histogram->len * sizeof (guint),
                   b->histogram->data, b->histogram->len * sizeof (guint));
  g_assert_cmpfloat (a->lead_time_mean_s, !=, c->lead_time_mean_s);
}

/* No observed data: refused, in both modes, before anything runs. And
 * "observed" is a variability by name. */
static void
test_no_data (void)
{
  g_autoptr(FmMap) map = chain_map ();
  g_autoptr(FmDocument) doc = fm_document_new ();
  FmSimulateOptions options;
  FmVariability variability = FM_VARIABILITY_NONE;
  g_autoptr(GError) error = NULL;

  g_assert_true (fm_variability_from_string ("observed", &variability));
  g_assert_cmpint (variability, ==, FM_VARIABILITY_OBSERVED);
  g_assert_cmpstr (fm_variability_to_string (FM_VARIABILITY_OBSERVED), ==, "observed");

  g_object_set (doc, "demand-per-day", 1.0, NULL);
  fm_simulate_options_init (&options);
  options.variability = FM_VARIABILITY_OBSERVED;
  g_assert_null (fm_simulate (doc, map, &options, &error));
  g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_OBSERVED);
  g_clear_error (&error);
  options.mode = FM_SIMULATE_FLOW;
  g_assert_null (fm_simulate (doc, map, &options, &error));
  g_assert_error (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_OBSERVED);
}

/* Data that names no node of the map: every node keeps its mapped time,
 * so every run is the map's 9 h, and none was drawn from stays. */
static void
test_no_stays_mapped (void)
{
  g_autoptr(FmMap) map = chain_map ();
  g_autoptr(FmObserved) observed = observe (map,
                                            "item,state,entered_at\n"
                                            "X,Elsewhere,2026-03-02T00:00:00Z\n"
                                            "X,Done,2026-03-02T02:00:00Z\n");
  g_autoptr(FmSimulateResult) r = simulate (NULL, map, observed, FM_SIMULATE_MONTE_CARLO, FM_VARIABILITY_OBSERVED, 500, 42);

  fm_test_assert_near (r->lead_time_min_s, 9 * H);
  fm_test_assert_near (r->lead_time_max_s, 9 * H);
  g_assert_cmpuint (r->observed_nodes, ==, 0);
  g_assert_cmpuint (r->observable_nodes, ==, 3);
}

/* Flow mode, on t → q → p (1 h of work, one person, a day of 24 h all
 * worked) → o at 12 items a day. Stays of one value: p's time is its process time × 1, so the
 * run is the run without variability, to the last bit. The stays of 5 h
 * are not the time: they only shape it. The queue's stays are not used
 * (its waits emerge): one node of one, the step. */
static void
test_flow_one_value (void)
{
  FmMap *map;
  g_autoptr(FmDocument) doc = fm_test_queueing_document (12, 1 * H, 1, &map);
  g_autoptr(FmObserved) observed = observe (map,
                                            "item,state,entered_at\n"
                                            "X,q,2026-03-02T00:00:00Z\n"
                                            "X,p,2026-03-02T01:00:00Z\n"
                                            "X,Done,2026-03-02T06:00:00Z\n"
                                            "Y,p,2026-03-02T02:00:00Z\n"
                                            "Y,Done,2026-03-02T07:00:00Z\n");
  g_autoptr(FmSimulateResult) none = simulate (doc, map, NULL, FM_SIMULATE_FLOW, FM_VARIABILITY_NONE, 2000, 42);
  g_autoptr(FmSimulateResult) r = simulate (doc, map, observed, FM_SIMULATE_FLOW, FM_VARIABILITY_OBSERVED, 2000, 42);

  g_assert_cmpuint (fm_observed_lookup_node (observed, "q")->stays->len, ==, 1);
  g_assert_cmpfloat (r->lead_time_mean_s, ==, none->lead_time_mean_s);
  g_assert_cmpfloat (r->lead_time_p85_s, ==, none->lead_time_p85_s);
  g_assert_cmpfloat (r->wip_mean, ==, none->wip_mean);
  g_assert_cmpuint (r->observed_nodes, ==, 1);
  g_assert_cmpuint (r->observable_nodes, ==, 1);
}

/* Flow mode, p's stays 1 h and 3 h (mean 2 h): its service is 1 h × ½ or
 * 1 h × 1½, equally likely: mean 1 h, E[S²] = (0.25 + 2.25) ÷ 2 = 1.25 h².
 * At 12 a day, λ = 0.5 an hour and ρ = 0.5; Pollaczek–Khinchine:
 * Wq = λ E[S²] ÷ (2 (1 − ρ)) = 0.5 × 1.25 ÷ 1 = 0.625 h. Whole stays would
 * have served 2 h an item, beyond what the step can do (ρ = 1). An
 * exponential service would wait 1 h, none 0.5 h; 4 % of 0.625 h tells
 * them apart, and over 400,000 items at ρ = 0.5 the mean wait's standard
 * error is well under 1 %. */
static void
test_flow_shape (void)
{
  FmMap *map;
  g_autoptr(FmDocument) doc = fm_test_queueing_document (12, 1 * H, 1, &map);
  g_autoptr(FmObserved) observed = observe (map,
                                            "item,state,entered_at\n"
                                            "X,p,2026-03-02T00:00:00Z\n"
                                            "X,Done,2026-03-02T01:00:00Z\n"
                                            "Y,p,2026-03-02T00:00:00Z\n"
                                            "Y,Done,2026-03-02T03:00:00Z\n");
  g_autoptr(FmSimulateResult) r = simulate (doc, map, observed, FM_SIMULATE_FLOW, FM_VARIABILITY_OBSERVED, 400000, 42);
  const FmSimulateNode *q = &g_array_index (r->nodes, FmSimulateNode, 1);
  const FmSimulateNode *p = &g_array_index (r->nodes, FmSimulateNode, 2);

  g_assert_cmpstr (fm_node_get_id (q->node), ==, "q");
  g_assert_cmpstr (fm_node_get_id (p->node), ==, "p");
  g_test_message ("M/G/1: Wq %.4f h, utilization %.4f", q->wait_mean_s / H, p->utilization);
  assert_within (q->wait_mean_s, 0.625 * H, 0.04 * 0.625 * H);
  assert_within (p->utilization, 0.5, 0.01);
  assert_within (r->lead_time_mean_s, 1.625 * H, 0.04 * 1.625 * H);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/simulate/observed/one-value", test_one_value);
  g_test_add_func ("/fm/simulate/observed/two-stays-mean", test_two_stays_mean);
  g_test_add_func ("/fm/simulate/observed/seeded", test_seeded);
  g_test_add_func ("/fm/simulate/observed/no-data", test_no_data);
  g_test_add_func ("/fm/simulate/observed/no-stays-mapped", test_no_stays_mapped);
  g_test_add_func ("/fm/simulate/observed/flow-one-value", test_flow_one_value);
  g_test_add_func ("/fm/simulate/observed/flow-shape", test_flow_shape);

  return g_test_run ();
}
