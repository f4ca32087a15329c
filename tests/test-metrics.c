/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-metrics.c: the figures of a map, checked against hand computations
 *
 * Times in the comments: 1 h = 3600 s, 1 d = 86400 s unless the document
 * says a day is 8 h (28800 s).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-comparison.h"
#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "metrics-helpers.h"
#include "fm-test-utils.h"

#define H 3600.0
#define D 86400.0

static char *
path_string (FmMetrics *metrics)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < metrics->path->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", fm_node_get_id (metrics->path->pdata[i]));

  return g_string_free (s, FALSE);
}

/* The bundled release map, current state (data/examples/release.flowmap):
 *   backlog 5 d, refinement 2 d, ready 5 d, coding 7 d, waiting for security
 *   review 14 d, security review 2 d, waiting for an environment 7 d,
 *   integration test 3 d, waiting for the release window 10 d, release 1 d
 *   lead time = 56 d = 4,838,400 s
 *   process time is working time, days of the calendar's 8 h (issue 21):
 *     4 h + 3 × 8 h + 4 h + 8 h + 2 h = 42 h = 151,200 s (it was 4 d 10 h
 *     = 381,600 s when "3 d" of coding counted three days of 24 h)
 *   flow efficiency = 151,200 / 4,838,400 = 0.03125 (was 7.9 %)
 *   rolled %C&A = .80 × .85 × .60 × .70 × .95 = 0.27132
 *   handoffs: product team → developers → security team → QA → operations = 4
 *   rework as expected visits (traffic equations): security sends 15 %
 *     back to coding, the test 10 %:
 *     v(code) = 1 + 0.15 v(security) + 0.1 v(test); v(security) = v(code)
 *     (through the queue); v(test) = 0.85 v(security)
 *     v(code) = 1 + 0.15 v + 0.085 v: v = 1 / 0.765 = 1.307190
 *     v(test) = 0.85 / 0.765 = 1.111111 (= 1 / 0.9: what leaves passes once)
 *   rework-adjusted lead time = 5 + 2 + 5 + (7 + 14 + 2) / 0.765
 *     + (7 + 3) / 0.9 + 10 + 1 = 23 + 30.065359 + 11.111111 = 64.176471 d
 *     = 5,544,847.06 s (each loop alone, as before, gave 63.7 d)
 *   rework charged to coding, whose output failed: security sends back
 *     0.15 × 1.307190 passes over coding..security (23 d) = 4.509804 d,
 *     the test 0.1 × 1.111111 passes over coding..test (33 d) = 3.666667 d:
 *     8.176471 d = 706,447.06 s (the 64.18 − 56 d that rework adds)
 *   WIP = 3 + 1 + 3 + 1 + 2 items waiting + 1 in coding = 11
 *   demand one feature a week of calendar days = 1/7 a day; available
 *     time 40 h a week = 40 h / 7 = 20,571.43 s a calendar day
 *   throughput = 1/7 a day; Little's law: 11 × 7 = 77 d = 6,652,800 s
 *     (was 55 d); against the 64.18 d with rework it is 20 % off: no
 *     warning (the limit is 25 %)
 *   takt = 20,571.43 / (1/7) = 144,000 s = 40 h of work, and one every
 *     86,400 × 7 = 604,800 s = 7 d
 *   utilization of coding = 1.307190 visits × 86,400 × (1/7) / (2 × 20,571.43)
 *     = 0.3 / 0.765 = 0.392157 (30 % on the first pass; it was 118 %, 90 %
 *     on the first pass, with "3 d" of 24 h): not overloaded
 *   constraints: none at capacity; by score waiting for security review
 *     14/56 = 0.25, whose reason goes through security review at
 *     1.307190 × 4 h × (1/7) / 20,571.43 s = 13 % load; coding 7/56 +
 *     ½ × 706,447.06/4,838,400 = 0.198002 (its 85 % %C&A is not counted
 *     again: the rework back to it covers those defects); waiting for the
 *     release window 10/56 = 0.178571.
 */
static void
test_release_current (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  g_autoptr(FmMetrics) m = NULL;
  g_autofree char *p = NULL;
  GDate today;
  FmConstraint *c;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 12, 2026);
  m = fm_metrics_compute (doc, fm_document_lookup_map (doc, "current"), &today);

  p = path_string (m);
  g_assert_cmpstr (p, ==, "trigger backlog refine ready code wait-security security wait-env "
                          "test wait-release release outcome");
  fm_test_assert_near (m->lead_time_s, 4838400);
  fm_test_assert_near (m->process_time_s, 151200);
  fm_test_assert_near (m->flow_efficiency, 0.03125);
  fm_test_assert_near (m->rolled_pca, 0.27132);
  /* Refinement, coding, security review, test and release: all five have one. */
  g_assert_cmpuint (m->path_steps, ==, 5);
  g_assert_cmpuint (m->pca_steps, ==, 5);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 5544847.058824);
  fm_test_assert_near (m->wip, 11);
  fm_test_assert_near (m->throughput_per_day, 1.0 / 7);
  fm_test_assert_near (m->littles_law_lead_time_s, 6652800);
  g_assert_null (m->littles_law_skipped);
  fm_test_assert_near (m->takt_time_s, 144000);
  fm_test_assert_near (m->takt_interval_s, 604800);
  g_assert_cmpuint (m->handoffs, ==, 4);
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (fm_document_lookup_map (doc, "current"), "code"))->utilization, 0.3 / 0.765);

  g_assert_cmpuint (m->constraints->len, >=, 3);
  c = m->constraints->pdata[0];
  g_assert_cmpstr (c->id, ==, "wait-security");
  fm_test_assert_near (c->score, 0.25);
  g_assert_false (c->at_capacity);
  g_assert_cmpstr (fm_constraint_get_reason (c), ==, "25 % of lead time: Waiting for security review, 14.0 d; "
                   "Security review at 13 % load: a policy delay, not capacity");
  c = m->constraints->pdata[1];
  g_assert_cmpstr (c->id, ==, "code");
  g_assert_false (c->at_capacity);
  fm_test_assert_near (c->score, 0.125 + 0.5 * 706447.058824 / 4838400);
  c = m->constraints->pdata[2];
  g_assert_cmpstr (c->id, ==, "wait-release");
  fm_test_assert_near (c->score, 10.0 / 56);

  /* A complete current-state map with experiments, consistent in its
   * clocks: nothing to warn of. */
  g_assert_cmpuint (m->warnings->len, ==, 0);
}

/* Future state: backlog 2 d, refinement 1 d, ready 2 d, coding 5 d,
 *   automated security checks 1 h, integration test 19 h, waiting for the
 *   weekly release 3 d, release 4 h: lead time = 14 d = 1,209,600 s
 *   process time, working days of 8 h = 4 h + 2 × 8 h + 0.5 h + 4 h + 1 h
 *     = 25.5 h = 91,800 s (was 2 d 9.5 h = 207,000 s, with days of 24 h)
 *   rolled %C&A = .80 × .90 × .95 × .90 × .98 = 0.603288
 *   rework as visits: v(code) = 1 + 0.02 v(security) + 0.05 v(test),
 *     v(security) = v(code), v(test) = 0.98 v(security):
 *     v(code) = 1 / (1 − 0.02 − 0.049) = 1 / 0.931; v(test) = 0.98 / 0.931 = 1 / 0.95
 *   rework-adjusted lead time = 2 d + 1 d + 2 d + 3 d + 4 h (705,600 s)
 *     + (5 d + 1 h = 435,600 s) / 0.931 + 19 h / 0.95 (72,000 s)
 *     = 705,600 + 467,883.996 + 72,000 = 1,245,483.996 s
 *     (each loop alone gave 1,245,016.1 s)
 *   WIP = 0 + 0 + 1 waiting + 1 in coding = 2 at one a week: Little's law
 *     2 × 7 = 14 d = 1,209,600 s (the backlog held 1 item, 3 × 7 = 21 d,
 *     46 % off the 14.4 d expected: the example's 2 d in the backlog at one
 *     feature a week is 2/7 of an item)
 *   handoffs: product team → developers → QA → operations = 3; the
 *     automated security checks (no people) are no handoff (it was 4)
 */
static void
test_release_future (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  g_autoptr(FmMetrics) m = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 12, 2026);
  m = fm_metrics_compute (doc, fm_document_lookup_map (doc, "future"), &today);

  fm_test_assert_near (m->lead_time_s, 1209600);
  fm_test_assert_near (m->process_time_s, 91800);
  fm_test_assert_near (m->flow_efficiency, 91800.0 / 1209600.0);
  fm_test_assert_near (m->rolled_pca, 0.603288);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 705600 + 435600 / 0.931 + 72000);
  fm_test_assert_near (m->wip, 2);
  fm_test_assert_near (m->littles_law_lead_time_s, 1209600);
  g_assert_cmpuint (m->handoffs, ==, 3);
  g_assert_false (fm_test_has_warning (m, "littles-law", NULL));
}

/* Two branches from one trigger to one outcome:
 *   t → qa (1 d) → pa (lead 2 d, work 1 d) → o     3 d
 *   t → qb (3 h) → pb (lead 5 d, work 2 d) → o     5 d 3 h  ← the longer
 *   lead time = 5 d 3 h = 442,800 s; process time = 2 d = 172,800 s
 */
static void
test_parallel_branches (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  g_autofree char *p = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_queue (map, "qa", 1 * D);
  fm_test_step (map, "pa", 1 * D, 2 * D);
  fm_test_queue (map, "qb", 3 * H);
  fm_test_step (map, "pb", 2 * D, 5 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "qa", "pa", "o", NULL);
  fm_test_chain (map, "t", "qb", "pb", "o", NULL);

  m = fm_metrics_compute (NULL, map, NULL);
  p = path_string (m);
  g_assert_cmpstr (p, ==, "t qb pb o");
  fm_test_assert_near (m->lead_time_s, 442800);
  fm_test_assert_near (m->process_time_s, 172800);
  fm_test_assert_near (m->flow_efficiency, 172800.0 / 442800.0);
  /* No pca anywhere: unknown, not 100 %; pb is the one step on the path. */
  g_assert_true (isnan (m->rolled_pca));
  g_assert_cmpuint (m->path_steps, ==, 1);
  g_assert_cmpuint (m->pca_steps, ==, 0);
  /* No demand: throughput, takt and Little's law are undefined. */
  g_assert_true (isnan (m->throughput_per_day));
  g_assert_true (isnan (m->takt_time_s));
  g_assert_true (isnan (m->littles_law_lead_time_s));
  g_assert_true (isnan (m->wip));
}

/* A rework loop: t → p1 (1 h) → q (2 h) → p2 (3 h, work 1 h) → o, and p2
 * sends half of its items back to p1.
 *   lead time = 6 h = 21,600 s
 *   visits: v(p1) = 1 + 0.5 v(p2), v(p2) = v(p1): 2 each, so every node of
 *   the loop counts twice: rework-adjusted lead time = 12 h = 43,200 s
 *   (one loop: the same as 0.5/(1 − 0.5) × 6 h extra). The 6 h are charged
 *   to p1, whose output came back: 0.5 × 2 passes over p1..p2 (6 h).
 */
static void
test_rework_loop (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmEdge *rework;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "p1", 1 * H, 1 * H);
  fm_test_queue (map, "q", 2 * H);
  fm_test_step (map, "p2", 1 * H, 3 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "p1", "q", "p2", "o", NULL);
  rework = fm_test_link (map, "p2", "p1", FM_EDGE_KIND_REWORK);
  fm_edge_set_rate (rework, 0.5);

  m = fm_metrics_compute (NULL, map, NULL);
  fm_test_assert_near (m->lead_time_s, 21600);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 43200);
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (map, "p1"))->rework_s, 21600);
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (map, "p2"))->rework_s, 0);
}

/* Missing values, with working days of 8 h and a demand of 4 a day:
 *   q has 8 items and no wait: 8 / 4 × 28,800 = 57,600 s
 *   p has a process time of 1 h and no lead time: it counts 3,600 s
 *   p2 has no times: 0, and a warning
 *   lead time = 61,200 s; process time = 3,600 s
 *   utilization of p = 3,600 × 4 / (1 × 28,800) = 0.5
 */
static void
test_missing_values (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *q, *p;

  g_object_set (doc, "day-length-s", 28800.0, "demand-per-day", 4.0, "value", "Orders shipped", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  q = fm_test_node (map, FM_NODE_KIND_QUEUE, "q");
  fm_queue_set_items (FM_QUEUE (q), 8);
  p = fm_test_step (map, "p", 1 * H, FM_UNSET);
  fm_process_step_set_people (FM_PROCESS_STEP (p), 1);
  fm_test_node (map, FM_NODE_KIND_PROCESS, "p2");
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "q", "p", "p2", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);

  m = fm_metrics_compute (doc, map, NULL);
  fm_test_assert_near (m->lead_time_s, 61200);
  fm_test_assert_near (m->process_time_s, 3600);
  fm_test_assert_near (m->wip, 8);
  /* Little's law: 8 / 4 = 2 working days = 57,600 s, 6 % off: no warning. */
  fm_test_assert_near (m->littles_law_lead_time_s, 57600);
  g_assert_false (fm_test_has_warning (m, "littles-law", NULL));
  fm_test_assert_near (fm_metrics_lookup_figures (m, p)->utilization, 0.5);
  g_assert_true (fm_test_has_warning (m, "step-without-times", "p2"));
  /* q's wait comes from its items and the demand: it has one. */
  g_assert_false (fm_test_has_warning (m, "queue-without-wait", "q"));
  g_assert_false (fm_test_has_warning (m, "no-value", NULL));
}

/* A queue with neither a wait nor items has no wait time, with a demand or
 * without; one with items but no demand has none either (8 items at an
 * unknown rate are no time). */
static void
test_queue_without_wait (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) with_demand = NULL;
  g_autoptr(FmMetrics) without_demand = NULL;
  FmNode *items;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  items = fm_test_node (map, FM_NODE_KIND_QUEUE, "items");
  fm_queue_set_items (FM_QUEUE (items), 8);
  fm_test_node (map, FM_NODE_KIND_QUEUE, "empty");
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "items", "empty", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);

  without_demand = fm_metrics_compute (doc, map, NULL);
  g_assert_true (fm_test_has_warning (without_demand, "queue-without-wait", "items"));
  g_assert_true (fm_test_has_warning (without_demand, "queue-without-wait", "empty"));

  g_object_set (doc, "demand-per-day", 4.0, NULL);
  with_demand = fm_metrics_compute (doc, map, NULL);
  /* 8 / 4 = 2 days of wait: no warning for it; still one for "empty". */
  fm_test_assert_near (with_demand->lead_time_s, 2 * 86400);
  g_assert_false (fm_test_has_warning (with_demand, "queue-without-wait", "items"));
  g_assert_true (fm_test_has_warning (with_demand, "queue-without-wait", "empty"));
}

/* Demand of zero: throughput 0, but takt time and Little's law divide by it
 * and are undefined; no utilization either. */
static void
test_zero_demand (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *p;

  g_object_set (doc, "demand-per-day", 0.0, NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  p = fm_test_step (map, "p", 1 * H, 2 * H);
  fm_process_step_set_people (FM_PROCESS_STEP (p), 2);
  fm_process_step_set_wip (FM_PROCESS_STEP (p), 3);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "p", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);

  m = fm_metrics_compute (doc, map, NULL);
  fm_test_assert_near (m->throughput_per_day, 0);
  g_assert_true (isnan (m->takt_time_s));
  g_assert_true (isnan (m->littles_law_lead_time_s));
  fm_test_assert_near (m->wip, 3);
  g_assert_true (isnan (fm_metrics_lookup_figures (m, p)->utilization));
  fm_test_assert_near (m->lead_time_s, 7200);
}

/* An empty map: no path, lead time 0, efficiency and rolled %C&A undefined,
 * and warnings that say what is missing. */
static void
test_empty_map (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);
  g_assert_cmpuint (m->path->len, ==, 0);
  fm_test_assert_near (m->lead_time_s, 0);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 0);
  g_assert_true (isnan (m->flow_efficiency));
  g_assert_true (isnan (m->rolled_pca));
  g_assert_cmpuint (m->constraints->len, ==, 0);
  g_assert_cmpuint (m->handoffs, ==, 0);
  g_assert_true (fm_test_has_warning (m, "no-trigger", NULL));
  g_assert_true (fm_test_has_warning (m, "no-outcome", NULL));
  g_assert_true (fm_test_has_warning (m, "no-value", NULL));
  g_assert_false (fm_test_has_warning (m, "mapping-without-change", NULL));
}

/* A cycle of flow edges a → b → c → a is reported and broken at its back
 * edge c → a, so the walk ends and each node counts once. */
static void
test_flow_cycle (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "a", H, H);
  fm_test_step (map, "b", H, 2 * H);
  fm_test_step (map, "c", H, 4 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "a", "b", "c", "a", NULL);
  fm_test_chain (map, "c", "o", NULL);

  m = fm_metrics_compute (NULL, map, NULL);
  g_assert_true (fm_test_has_warning (m, "flow-cycle", "a"));
  /* t → a → b → c → o, each node once: 1 + 2 + 4 h. */
  fm_test_assert_near (m->lead_time_s, 7 * H);
}

/* Handoffs count changes of role between consecutive steps; a step with no
 * role is skipped. dev → dev → (none) → qa → dev = 2 handoffs. */
static void
test_handoffs (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  const char *roles[] = { "dev", "dev", NULL, "qa", "dev" };
  const char *ids[] = { "s1", "s2", "s3", "s4", "s5" };

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, ids[i], H, H)), roles[i]);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "s1", "s2", "s3", "s4", "s5", "o", NULL);

  m = fm_metrics_compute (NULL, map, NULL);
  g_assert_cmpuint (m->handoffs, ==, 2);
}

/* Checks: process time above lead time, an overloaded step, a disconnected
 * system, an incomplete and an overdue experiment, mapping without change;
 * Little's law is not checked with an overloaded step (issue 21: the
 * system is not stable), and says so. */
static void
test_checks (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  g_autoptr(FmMetrics) m2 = NULL;
  FmNode *p, *k;
  GDate today;

  /* demand 2 a day, 8 h available: p needs 6 h × 2 / (1 × 8 h) = 150 %. */
  g_object_set (doc, "demand-per-day", 2.0, "value", "Claims paid", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  p = fm_test_step (map, "p", 6 * H, 4 * H);
  fm_process_step_set_people (FM_PROCESS_STEP (p), 1);
  fm_process_step_set_wip (FM_PROCESS_STEP (p), 20);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_node (map, FM_NODE_KIND_SYSTEM, "crm");
  fm_test_chain (map, "t", "p", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);

  m = fm_metrics_compute (doc, map, NULL);
  g_assert_true (fm_test_has_warning (m, "process-exceeds-lead", "p"));
  g_assert_true (fm_test_has_warning (m, "overloaded", "p"));
  g_assert_true (fm_test_has_warning (m, "disconnected", "crm"));
  /* 20 items / 2 a day = 10 d against 4 h mapped, but p is at 150 %. */
  g_assert_false (fm_test_has_warning (m, "littles-law", NULL));
  g_assert_nonnull (strstr (m->littles_law_skipped, "“p” is overloaded"));
  g_assert_true (fm_test_has_warning (m, "mapping-without-change", NULL));
  g_assert_cmpstr (((FmConstraint *) m->constraints->pdata[0])->id, ==, "p");

  k = fm_test_node (map, FM_NODE_KIND_KAIZEN, "k");
  fm_kaizen_set_status (FM_KAIZEN (k), FM_KAIZEN_STATUS_RUNNING);
  fm_kaizen_set_owner (FM_KAIZEN (k), "Ana");
  fm_kaizen_set_review_date (FM_KAIZEN (k), "2026-11-30");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 12, 2026);
  m2 = fm_metrics_compute (doc, map, &today);
  g_assert_true (fm_test_has_warning (m2, "experiment-incomplete", "k"));
  g_assert_true (fm_test_has_warning (m2, "review-overdue", "k"));
  g_assert_false (fm_test_has_warning (m2, "mapping-without-change", NULL));
  g_assert_false (fm_test_has_warning (m2, "disconnected", "k"));
}

/* No trigger and no outcome: paths run from nodes without incoming flow to
 * nodes without outgoing flow. Info edges are not flow. */
static void
test_without_endpoints (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  g_autofree char *p = NULL;

  fm_test_step (map, "a", H, 2 * H);
  fm_test_queue (map, "q", 5 * H);
  fm_test_step (map, "b", H, H);
  fm_test_node (map, FM_NODE_KIND_SYSTEM, "s");
  fm_test_chain (map, "a", "q", "b", NULL);
  fm_test_link (map, "s", "a", FM_EDGE_KIND_INFO);

  m = fm_metrics_compute (NULL, map, NULL);
  p = path_string (m);
  g_assert_cmpstr (p, ==, "a q b");
  fm_test_assert_near (m->lead_time_s, 8 * H);
}

/* A future state copied from the current one keeps ids, so steps match:
 *   current: t → q (wait 4 d) → a (lead 2 d) → b (lead 1 d) → o = 7 d
 *   future:  q removed, a unchanged, b down to 12 h, c (lead 6 h) added
 *            t → a → b → c → o = 2 d + 12 h + 6 h = 2 d 18 h = 237,600 s
 *   lead time change = (237,600 − 604,800) / 604,800 = −0.607143
 */
static void
test_comparison (void)
{
  g_autoptr(FmMap) current = fm_map_new ("now");
  g_autoptr(FmMap) future = NULL;
  g_autoptr(FmComparison) c = NULL;
  const char *expected[][2] = {
    { "q", "removed" }, { "a", "same" }, { "b", "changed" }, { "c", "added" },
  };
  FmFigureChange *lead;
  FmStepChange *b;

  fm_test_node (current, FM_NODE_KIND_TRIGGER, "t");
  fm_test_queue (current, "q", 4 * D);
  fm_test_step (current, "a", H, 2 * D);
  fm_test_step (current, "b", H, 1 * D);
  fm_test_node (current, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (current, "t", "q", "a", "b", "o", NULL);

  future = fm_map_copy (current, "later");
  fm_map_remove_node (future, fm_map_lookup_node (future, "q"));
  fm_map_remove_edge (future, fm_map_lookup_edge (future, "t-q"));
  fm_map_remove_edge (future, fm_map_lookup_edge (future, "q-a"));
  fm_map_remove_edge (future, fm_map_lookup_edge (future, "b-o"));
  fm_process_step_set_lead_s (FM_PROCESS_STEP (fm_map_lookup_node (future, "b")), 12 * H);
  fm_test_step (future, "c", H, 6 * H);
  fm_test_chain (future, "t", "a", NULL);
  fm_test_chain (future, "b", "c", "o", NULL);

  c = fm_comparison_new (NULL, current, future);
  lead = &g_array_index (c->figures, FmFigureChange, 0);
  g_assert_cmpstr (lead->name, ==, "lead_time_s");
  fm_test_assert_near (lead->from, 7 * D);
  fm_test_assert_near (lead->to, 237600);
  fm_test_assert_near (lead->change, (237600 - 7 * D) / (7 * D));

  g_assert_cmpuint (c->steps->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      FmStepChange *s = c->steps->pdata[i];

      g_assert_cmpstr (s->id, ==, expected[i][0]);
      g_assert_cmpstr (fm_step_status_to_string (s->status), ==, expected[i][1]);
    }
  b = c->steps->pdata[2];
  fm_test_assert_near (b->time_from_s, D);
  fm_test_assert_near (b->time_to_s, 12 * H);
  g_assert_true (isnan (((FmStepChange *) c->steps->pdata[0])->time_to_s));
  g_assert_true (isnan (((FmStepChange *) c->steps->pdata[3])->time_from_s));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/metrics/release-current", test_release_current);
  g_test_add_func ("/fm/metrics/release-future", test_release_future);
  g_test_add_func ("/fm/metrics/parallel-branches", test_parallel_branches);
  g_test_add_func ("/fm/metrics/rework-loop", test_rework_loop);
  g_test_add_func ("/fm/metrics/missing-values", test_missing_values);
  g_test_add_func ("/fm/metrics/queue-without-wait", test_queue_without_wait);
  g_test_add_func ("/fm/metrics/zero-demand", test_zero_demand);
  g_test_add_func ("/fm/metrics/empty-map", test_empty_map);
  g_test_add_func ("/fm/metrics/flow-cycle", test_flow_cycle);
  g_test_add_func ("/fm/metrics/handoffs", test_handoffs);
  g_test_add_func ("/fm/metrics/checks", test_checks);
  g_test_add_func ("/fm/metrics/without-endpoints", test_without_endpoints);
  g_test_add_func ("/fm/metrics/comparison", test_comparison);

  return g_test_run ();
}
