/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-metrics-method.c: the method's arithmetic (issue 21), worked by hand
 *
 * Rework as expected visits, the constraint that cannot keep up, a ladder
 * that adds up and alternative routes. Each number in an assertion is
 * worked out in the comment above it. Times: 1 h = 3600 s, 1 d = 86400 s.
 */
#include "config.h"

#include <math.h>

#include <string.h>

#include "fm-comparison.h"
#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "metrics-helpers.h"
#include "fm-timeline.h"
#include "fm-working-time.h"

#define H 3600.0
#define D 86400.0

/* A rework edge "FROM-TO" with @rate. */
static void
rework (FmMap      *map,
        const char *from,
        const char *to,
        double      rate)
{
  fm_edge_set_rate (fm_test_link (map, from, to, FM_EDGE_KIND_REWORK), rate);
}

static double
visits (FmMetrics  *metrics,
        FmMap      *map,
        const char *id)
{
  return fm_metrics_lookup_figures (metrics, fm_map_lookup_node (map, id))->visits;
}

/* Four 1-day steps t → A → B → C → D → o with two rework loops. */
static FmMap *
four_steps (void)
{
  FmMap *map = fm_map_new ("m");

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "A", 2 * H, 1 * D);
  fm_test_step (map, "B", 2 * H, 1 * D);
  fm_test_step (map, "C", 2 * H, 1 * D);
  fm_test_step (map, "D", 2 * H, 1 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "C", "D", "o", NULL);

  return map;
}

/* Nested loops: C → B at 0.5 inside D → A at 0.5. The traffic equations:
 *   vA = 1 + 0.5 vD      vB = vA + 0.5 vC      vC = vB      vD = 0.5 vC
 *   so vB = 2 vA, vC = 2 vA, vD = vA, and vA = 1 + 0.5 vA: vA = 2
 *   visits A 2, B 4, C 4, D 2: 12 passes of a day = 12 d
 *   (each loop alone, r/(1−r) × span, gave 4 + 2 + 4 = 10 d)
 * First pass 4 d; process time 4 × 2 h = 8 h, with rework 12 × 2 h = 24 h;
 * flow efficiency 8 h / 4 d = 1/12 first pass, and 24 h / 12 d = 1/12
 * with rework, each against its own lead time. */
static void
test_nested_loops (void)
{
  g_autoptr(FmMap) map = four_steps ();
  g_autoptr(FmMetrics) m = NULL;

  rework (map, "C", "B", 0.5);
  rework (map, "D", "A", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  fm_test_assert_near (visits (m, map, "A"), 2);
  fm_test_assert_near (visits (m, map, "B"), 4);
  fm_test_assert_near (visits (m, map, "C"), 4);
  fm_test_assert_near (visits (m, map, "D"), 2);
  fm_test_assert_near (visits (m, map, "o"), 1);
  fm_test_assert_near (m->lead_time_s, 4 * D);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 12 * D);
  fm_test_assert_near (m->process_time_s, 8 * H);
  fm_test_assert_near (m->rework_process_time_s, 24 * H);
  fm_test_assert_near (m->flow_efficiency, 8 * H / (4 * D));
  fm_test_assert_near (m->rework_flow_efficiency, 24 * H / (12 * D));
  /* Rework time goes to the targets: D → A sends back vD × 0.5 = 1 pass
   * over A..D (4 d) = 4 d; C → B sends back vC × 0.5 = 2 passes over B..C
   * (2 d) = 4 d: 8 d in all, the 12 − 4 d that rework adds. */
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (map, "A"))->rework_s, 4 * D);
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (map, "B"))->rework_s, 4 * D);
  fm_test_assert_near (fm_metrics_lookup_figures (m, fm_map_lookup_node (map, "D"))->rework_s, 0);
}

/* Overlapping loops: C → A at 0.5 and D → B at 0.5.
 *   vA = 1 + 0.5 vC      vB = vA + 0.5 vD      vC = vB      vD = 0.5 vC
 *   vD = 0.5 vB, so vB = vA + 0.25 vB: vB = 4/3 vA;
 *   vA = 1 + 0.5 × 4/3 vA = 1 + 2/3 vA: vA = 3, vB = vC = 4, vD = 2
 *   3 + 4 + 4 + 2 = 13 d (the loops one by one gave 10 d) */
static void
test_overlapping_loops (void)
{
  g_autoptr(FmMap) map = four_steps ();
  g_autoptr(FmMetrics) m = NULL;

  rework (map, "C", "A", 0.5);
  rework (map, "D", "B", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  fm_test_assert_near (visits (m, map, "A"), 3);
  fm_test_assert_near (visits (m, map, "B"), 4);
  fm_test_assert_near (visits (m, map, "C"), 4);
  fm_test_assert_near (visits (m, map, "D"), 2);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 13 * D);
  g_assert_false (fm_test_has_warning (m, "rework-off-path", NULL));
}

/* A loop off the first-pass critical path: X 10 d in parallel with
 * Y1 4 d + Y2 5 d, and Y2 → Y1 at 0.5.
 *   first pass: max (10, 4 + 5) = 10 d along X
 *   vY1 = 1 + 0.5 vY2, vY2 = vY1: both 2; the Y branch takes
 *   2 × 4 + 2 × 5 = 18 d, longer than X: the lead time with rework is
 *   max (10, 18) = 18 d exactly (the old rule dropped the loop: 10 d).
 *   The join o is passed once: X hands on 1, Y2 hands on 2 × 0.5 = 1,
 *   one pass for the two branches.
 * (A simulation gives E[max (10, Y)] = ½ × 10 + ½ × (9 + 18) = 18.5 d:
 * the path over expected times is the max of the expectations.) */
static void
test_loop_off_path (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "X", 1 * D, 10 * D);
  fm_test_step (map, "Y1", 1 * D, 4 * D);
  fm_test_step (map, "Y2", 1 * D, 5 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "X", "o", NULL);
  fm_test_chain (map, "t", "Y1", "Y2", "o", NULL);
  rework (map, "Y2", "Y1", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  fm_test_assert_near (m->lead_time_s, 10 * D);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 18 * D);
  fm_test_assert_near (visits (m, map, "Y1"), 2);
  fm_test_assert_near (visits (m, map, "X"), 1);
  fm_test_assert_near (visits (m, map, "o"), 1);
  /* Along Y with rework: 2 × 1 d + 2 × 1 d of work = 4 d in 18 d. */
  fm_test_assert_near (m->rework_process_time_s, 4 * D);
  g_assert_false (fm_test_has_warning (m, "rework-off-path", NULL));
}

/* Load with rework: demand 1 a day, 8 h available, one person; A takes
 * 6.4 h: 6.4 / 8 = 80 % on the first pass. B sends 25 % back to A:
 *   vA = 1 + 0.25 vB, vB = vA: vA = 4/3
 *   utilization = 4/3 × 80 % = 106.7 %: overloaded, and flagged. */
static void
test_load_with_rework (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *a;

  g_object_set (doc, "demand-per-day", 1.0, "available-time-s", 8 * H, "value", "v", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  a = fm_test_step (map, "A", 6.4 * H, 1 * D);
  fm_process_step_set_people (FM_PROCESS_STEP (a), 1);
  fm_test_step (map, "B", 1 * H, 1 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "o", NULL);
  rework (map, "B", "A", 0.25);
  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);

  fm_test_assert_near (visits (m, map, "A"), 4.0 / 3);
  fm_test_assert_near (fm_metrics_lookup_figures (m, a)->utilization, 0.8 * 4 / 3);
  g_assert_true (fm_test_has_warning (m, "overloaded", "A"));
}

/* Handoffs with rework: dev A → qa B → ops C, and B sends 0.5 back to A.
 *   vA = 2, vB = 2, vC = 1
 *   dev → qa: A hands on vA × (1 − 0) = 2 times; qa → ops: B hands on
 *   vB × 0.5 = 1; B → A (qa back to dev): vB × 0.5 = 1. 2 + 1 + 1 = 4
 *   first pass: 2 handoffs */
static void
test_handoffs_with_rework (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, "A", H, H)), "dev");
  fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, "B", H, H)), "qa");
  fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, "C", H, H)), "ops");
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "C", "o", NULL);
  rework (map, "B", "A", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  g_assert_cmpuint (m->handoffs, ==, 2);
  fm_test_assert_near (m->rework_handoffs, 4);
}

/* A rework edge that does not go back along the flow (to a parallel
 * branch) is reported and not counted. */
static void
test_rework_not_back (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "X", H, 2 * H);
  fm_test_step (map, "Y", H, 3 * H);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "X", "o", NULL);
  fm_test_chain (map, "t", "Y", "o", NULL);
  rework (map, "Y", "X", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  g_assert_true (fm_test_has_warning (m, "rework-off-path", "Y-X"));
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 3 * H);
  fm_test_assert_near (visits (m, map, "X"), 1);
}

/* The constraint is the step that cannot keep up. Demand 1 a day, 8 h
 * available, one person at each step:
 *   t → Q (10 d) → Approval (lead 1 d, work 1 h) → Q2 (1 d)
 *     → Build (work and lead 9.6 h = 0.4 d) → o
 *   lead time = 10 + 1 + 1 + 0.4 = 12.4 d
 *   Approval's load = 1 h / 8 h = 12.5 %; Build's = 9.6 h / 8 h = 120 %
 *   scores: Q 10 / 12.4 = 0.806452; Build 0.4 / 12.4 + 0.2 = 0.232258;
 *   Approval and Q2 1 / 12.4 = 0.080645 each
 * By score alone the queue (a policy delay) would come first; Build is at
 * or over its capacity, so it is the constraint and leads. The queues'
 * reasons go through the step they feed (12.5 % rounds to even: 12 %). */
static void
test_constraint_cannot_keep_up (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmConstraint *c;

  g_object_set (doc, "demand-per-day", 1.0, "available-time-s", 8 * H, "value", "v", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_queue (map, "Q", 10 * D);
  fm_process_step_set_people (FM_PROCESS_STEP (fm_test_step (map, "Approval", 1 * H, 1 * D)), 1);
  fm_test_queue (map, "Q2", 1 * D);
  fm_process_step_set_people (FM_PROCESS_STEP (fm_test_step (map, "Build", 9.6 * H, 9.6 * H)), 1);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "Q", "Approval", "Q2", "Build", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);

  fm_test_assert_near (m->lead_time_s, 12.4 * D);
  g_assert_cmpuint (m->constraints->len, ==, 4);
  c = m->constraints->pdata[0];
  g_assert_cmpstr (c->id, ==, "Build");
  g_assert_true (c->at_capacity);
  fm_test_assert_near (c->score, 0.4 / 12.4 + 0.2);
  /* Over the takt: named with both numbers, in one unit (#24) */
  g_assert_cmpstr (fm_constraint_get_reason (c), ==, "9.6 h per piece against a takt of 8 h");
  c = m->constraints->pdata[1];
  g_assert_cmpstr (c->id, ==, "Q");
  g_assert_false (c->at_capacity);
  fm_test_assert_near (c->score, 10 / 12.4);
  g_assert_cmpstr (fm_constraint_get_reason (c), ==,
                   "81 % of lead time: Q, 10.0 d; Approval at 12 % load: a policy delay, not capacity");
  c = m->constraints->pdata[2];
  g_assert_cmpstr (c->id, ==, "Approval");
  c = m->constraints->pdata[3];
  g_assert_cmpstr (c->id, ==, "Q2");
  g_assert_cmpstr (fm_constraint_get_reason (c), ==,
                   "8 % of lead time: Q2, 1.0 d; Build at 120 % of capacity: it cannot keep up");
}

/* %C&A is not counted again where rework covers the same defects: A
 * (pca 50) gets its work back from B at 0.5, so its score has the rework
 * term and no ¼ × 0.5; B (pca 50, nothing comes back to it) keeps it.
 *   t → A (1 d) → B (1 d) → o; vA = vB = 2; first pass 2 d
 *   rework charged to A: 0.5 × 2 passes × (A..B = 2 d) = 2 d
 *   A: ½ + ½ × 2 / 2 = 1; B: ½ + ¼ × 0.5 = 0.625 */
static void
test_pca_not_twice (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmConstraint *c;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_process_step_set_pca (FM_PROCESS_STEP (fm_test_step (map, "A", H, D)), 50);
  fm_process_step_set_pca (FM_PROCESS_STEP (fm_test_step (map, "B", H, D)), 50);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "o", NULL);
  rework (map, "B", "A", 0.5);
  m = fm_metrics_compute (NULL, map, NULL);

  c = m->constraints->pdata[0];
  g_assert_cmpstr (c->id, ==, "A");
  fm_test_assert_near (c->score, 1);
  c = m->constraints->pdata[1];
  g_assert_cmpstr (c->id, ==, "B");
  fm_test_assert_near (c->score, 0.625);
}

/* A ladder that adds up: t → q (2 d) → p (lead 3 d, work 1 d) → o.
 *   upper row: the queue's 2 d + the waiting inside p, 3 − 1 = 2 d: 4 d
 *   lower row: p's work, 1 d
 *   upper + lower = 5 d = the lead time; lower ÷ 5 d = 20 % = flow efficiency
 * (before, the ladder showed 2 d over 1 d against a lead time of 5 d). */
static void
test_ladder_adds_up (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  const FmTimelineRung *rung;
  FmRect content;
  FmNode *node;

  node = fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_node_set_position (node, 0, 0);
  fm_node_set_size (node, 100, 80);
  node = fm_test_queue (map, "q", 2 * D);
  fm_node_set_position (node, 150, 0);
  fm_node_set_size (node, 100, 80);
  node = fm_test_step (map, "p", 1 * D, 3 * D);
  fm_node_set_position (node, 300, 0);
  fm_node_set_size (node, 160, 80);
  node = fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_node_set_position (node, 500, 0);
  fm_node_set_size (node, 100, 80);
  fm_test_chain (map, "t", "q", "p", "o", NULL);
  m = fm_metrics_compute (NULL, map, NULL);

  fm_test_assert_near (m->timeline_waiting_s, 4 * D);
  fm_test_assert_near (m->timeline_processing_s, 1 * D);
  fm_test_assert_near (m->timeline_waiting_s + m->timeline_processing_s, m->lead_time_s);
  fm_test_assert_near (m->timeline_processing_s / m->lead_time_s, m->flow_efficiency);

  g_assert_true (fm_map_get_content_bounds (map, &content));
  timeline = fm_timeline_new (m, NULL, &content);
  g_assert_cmpuint (timeline->rungs->len, ==, 2);
  rung = &g_array_index (timeline->rungs, FmTimelineRung, 1);
  g_assert_true (rung->node == fm_map_lookup_node (map, "p"));
  fm_test_assert_near (rung->in_step_s, 2 * D);
  /* The waiting over the first half of the step's rung, its work after. */
  fm_test_assert_near (rung->split_x, (rung->x0 + rung->x1) / 2);
  rung = &g_array_index (timeline->rungs, FmTimelineRung, 0);
  fm_test_assert_near (rung->in_step_s, 0);
  fm_test_assert_near (rung->split_x, rung->x0);
}

/* Alternative routes: A 1 d, then Slow 10 d (20 % of the items) or Fast
 * 2 d (80 %), then D 1 d.
 *   lead time = 1 + 0.2 × 10 + 0.8 × 2 + 1 = 5.6 d (the longest path,
 *   taking both as parallel work, said 12 d)
 *   the path shown is the likelier route's: t A Fast D o
 *   Slow carries a fifth of the demand: demand 1 a day, 8 h available,
 *   one person, 8 h of work: 0.2 × 8 h / 8 h = 20 % (not 100 %)
 *   visits: Slow 0.2, Fast 0.8, A and D 1 */
static void
test_alternative_routes (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *slow;
  FmEdge *edge;

  g_object_set (doc, "demand-per-day", 1.0, "available-time-s", 8 * H, "value", "v", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "A", H, 1 * D);
  slow = fm_test_step (map, "Slow", 8 * H, 10 * D);
  fm_process_step_set_people (FM_PROCESS_STEP (slow), 1);
  fm_test_step (map, "Fast", H, 2 * D);
  fm_test_step (map, "D", H, 1 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", NULL);
  edge = fm_test_link (map, "A", "Slow", FM_EDGE_KIND_FLOW);
  fm_edge_set_share (edge, 0.2);
  edge = fm_test_link (map, "A", "Fast", FM_EDGE_KIND_FLOW);
  fm_edge_set_share (edge, 0.8);
  fm_test_chain (map, "Slow", "D", "o", NULL);
  fm_test_chain (map, "Fast", "D", NULL);
  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);

  fm_test_assert_near (m->lead_time_s, 5.6 * D);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 5.6 * D);
  g_assert_cmpuint (m->routes, ==, 2);
  g_assert_cmpuint (m->path->len, ==, 5);
  g_assert_true (m->path->pdata[2] == fm_map_lookup_node (map, "Fast"));
  fm_test_assert_near (visits (m, map, "Slow"), 0.2);
  fm_test_assert_near (visits (m, map, "Fast"), 0.8);
  fm_test_assert_near (visits (m, map, "D"), 1);
  fm_test_assert_near (fm_metrics_lookup_figures (m, slow)->utilization, 0.2);
  g_assert_false (fm_test_has_warning (m, "share-sum", NULL));
  /* The ladder follows the likelier route, and its totals say they are
   * expectations. */
  {
    FmRect content = { 0, 0, 600, 100 };
    g_autoptr(FmTimeline) timeline = fm_timeline_new (m, doc, &content);

    g_assert_true (timeline->expected);
    fm_test_assert_near (timeline->lead_s, 5.6 * D);
    g_assert_cmpuint (timeline->rungs->len, ==, 3);
  }

  /* Shares that do not add up are reported, and read as proportions. */
  fm_edge_set_share (edge, 0.3);
  g_clear_pointer (&m, fm_metrics_free);
  m = fm_metrics_compute (doc, map, NULL);
  g_assert_true (fm_test_has_warning (m, "share-sum", "A"));
  /* 0.2 : 0.3 is 40 % : 60 %: 1 + 0.4 × 10 + 0.6 × 2 + 1 = 7.2 d */
  fm_test_assert_near (m->lead_time_s, 7.2 * D);
}

/* Alternatives and parallel work together: A forks into X (3 d) and,
 * in parallel, a choice of P (1 d, 50 %) or Q (5 d, 50 %); all join at J.
 *   route P: max (3, 1) = 3 d; route Q: max (3, 5) = 5 d
 *   lead time = 0 + ½ × 3 + ½ × 5 = 4 d: the expectation over the
 *   alternatives of the longest of the parallel branches */
static void
test_routes_and_parallel_work (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "A", 0, 0);
  fm_test_step (map, "X", H, 3 * D);
  fm_test_step (map, "C", 0, 0);
  fm_test_step (map, "P", H, 1 * D);
  fm_test_step (map, "Q", H, 5 * D);
  fm_test_step (map, "J", 0, 0);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "X", "J", "o", NULL);
  fm_test_chain (map, "A", "C", NULL);
  fm_edge_set_share (fm_test_link (map, "C", "P", FM_EDGE_KIND_FLOW), 0.5);
  fm_edge_set_share (fm_test_link (map, "C", "Q", FM_EDGE_KIND_FLOW), 0.5);
  fm_test_chain (map, "P", "J", NULL);
  fm_test_chain (map, "Q", "J", NULL);
  m = fm_metrics_compute (NULL, map, NULL);

  fm_test_assert_near (m->lead_time_s, 4 * D);
  fm_test_assert_near (visits (m, map, "J"), 1);
  fm_test_assert_near (visits (m, map, "X"), 1);
  fm_test_assert_near (visits (m, map, "P"), 0.5);
}

/* The share is a field of the file: read, written and checked. */
static void
test_share_in_file (void)
{
  static const char text[] =
    "{ \"format\": \"flowmap\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"name\": \"M\", "
    "\"state\": \"current\", \"nodes\": ["
    "{ \"id\": \"a\", \"kind\": \"process\", \"label\": \"A\", \"x\": 0, \"y\": 0, \"width\": 10, \"height\": 10 },"
    "{ \"id\": \"b\", \"kind\": \"process\", \"label\": \"B\", \"x\": 0, \"y\": 0, \"width\": 10, \"height\": 10 }],"
    "\"edges\": [ { \"id\": \"e\", \"from\": \"a\", \"to\": \"b\", \"kind\": \"flow\", \"share\": 0.25 } ] } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_data (text, -1, "test", &error);
  g_autofree char *saved = NULL;
  g_autofree char *bad = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "0.25", -1);
  g_autoptr(FmDocument) refused = NULL;

  g_assert_no_error (error);
  fm_test_assert_near (fm_edge_get_share (fm_map_lookup_edge (fm_document_get_map (doc, 0), "e")), 0.25);
  saved = fm_json_save_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"share\": 0.25"));

  /* Above 1 is no share. */
  bad = g_strjoinv ("1.5", parts);
  refused = fm_json_load_data (bad, -1, "test", &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
}

/* Little's law against the expected lead time: t → A (1 d) → B (1 d) → o,
 * B sends half back to A; demand 1 a day, A holds 4 items.
 *   WIP ÷ demand = 4 ÷ 1 = 4 d; lead time with rework = 2 × 1 + 2 × 1 = 4 d
 *   no warning (against the first pass, 2 d, it was 100 % off)
 * Then a queue whose wait comes from its items and the demand: the check
 * would be Little's law against itself, so it is skipped, saying why. */
static void
test_littles_law_expected (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *a, *q;

  g_object_set (doc, "demand-per-day", 1.0, "available-time-s", 8 * H, "value", "v", NULL);
  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  a = fm_test_step (map, "A", H, 1 * D);
  fm_process_step_set_wip (FM_PROCESS_STEP (a), 4);
  fm_test_step (map, "B", H, 1 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "o", NULL);
  rework (map, "B", "A", 0.5);
  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);

  fm_test_assert_near (m->littles_law_lead_time_s, 4 * D);
  fm_test_assert_near (m->rework_adjusted_lead_time_s, 4 * D);
  g_assert_false (fm_test_has_warning (m, "littles-law", NULL));
  g_assert_null (m->littles_law_skipped);

  /* 20 items: 20 d against 4 d, a warning that names the assumptions. */
  fm_process_step_set_wip (FM_PROCESS_STEP (a), 20);
  g_clear_pointer (&m, fm_metrics_free);
  m = fm_metrics_compute (doc, map, NULL);
  g_assert_true (fm_test_has_warning (m, "littles-law", NULL));

  q = fm_test_node (map, FM_NODE_KIND_QUEUE, "q");
  fm_queue_set_items (FM_QUEUE (q), 2);
  g_clear_pointer (&m, fm_metrics_free);
  m = fm_metrics_compute (doc, map, NULL);
  g_assert_false (fm_test_has_warning (m, "littles-law", NULL));
  g_assert_nonnull (strstr (m->littles_law_skipped, "“q”"));
}

/* Automated steps are not handoffs: dev → pipeline (no people) → qa is
 * one handoff, dev to qa (it was 2). */
static void
test_automated_not_handoff (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  FmNode *pipeline;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, "A", H, H)), "dev");
  pipeline = fm_test_step (map, "B", H, H);
  fm_process_step_set_role (FM_PROCESS_STEP (pipeline), "pipeline");
  fm_process_step_set_people (FM_PROCESS_STEP (pipeline), 0);
  fm_process_step_set_role (FM_PROCESS_STEP (fm_test_step (map, "C", H, H)), "qa");
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "C", "o", NULL);
  m = fm_metrics_compute (NULL, map, NULL);

  g_assert_cmpuint (m->handoffs, ==, 1);
  fm_test_assert_near (m->rework_handoffs, 1);
}

/* A rework rate near 1 (the visit solver's known gap): A 1 d → B 1 d, B
 * sends 0.999999 of its passes back to A:
 *   vA = 1 + 0.999999 vB, vB = vA: vA = vB = 1 / 0.000001 = 1,000,000
 *   lead time with rework = 2 × 1,000,000 d (more than 100 years on screen)
 * Swept one pass at a time the loop shrinks its error by 0.999999 a sweep
 * and stopped at about 180,000 visits; solved directly it is exact. */
static void
test_rate_near_one (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (map, "A", 2 * H, 1 * D);
  fm_test_step (map, "B", 2 * H, 1 * D);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "A", "B", "o", NULL);
  rework (map, "B", "A", 0.999999);
  m = fm_metrics_compute (NULL, map, NULL);

  g_assert_cmpfloat_with_epsilon (visits (m, map, "A") / 1e6, 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (visits (m, map, "B") / 1e6, 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (m->rework_adjusted_lead_time_s / (2e6 * D), 1, 1e-6);
  fm_test_assert_near (m->lead_time_s, 2 * D);
}

/* One meaning of a day (issue 21, part 1). Demand and available time are
 * per day of day_length_s; touch time is working time, and a typed "d" of
 * it is a working day: the calendar's hours (Mon-Fri 09:00-17:00: 8 h),
 * or else available_time_s.
 * The release example: calendar days, one feature a week = 1/7 a day, a
 * week of 40 working hours = 40 h / 7 = 20,571.43 s a calendar day:
 *   takt = 20,571.43 / (1/7) = 144,000 s = 40 h of work
 *   and one item every 86,400 / (1/7) = 604,800 s = 7 d
 *   coding, 3 working days = 24 h of work by 2 people:
 *     load = 86,400 × (1/7) / (2 × 20,571.43) = 0.3: 30 %
 *     (with "3 d" as 72 h it read 90 %, and 118 % with rework) */
static void
test_one_meaning_of_a_day (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) m = NULL;
  g_autofree char *takt = NULL;
  FmNode *code;

  /* Without a calendar, a working day is the available time. */
  g_object_set (doc, "available-time-s", 6 * H, NULL);
  fm_test_assert_near (fm_working_day_s (doc), 6 * H);
  fm_test_assert_near (fm_working_day_s (NULL), 8 * H);

  g_object_set (doc, "day-length-s", D, "available-time-s", 40 * H / 7, "demand-per-day", 1.0 / 7,
                "working-hours", "Mon-Fri 09:00-17:00", "value", "v", NULL);
  fm_test_assert_near (fm_working_day_s (doc), 8 * H);

  fm_test_node (map, FM_NODE_KIND_TRIGGER, "t");
  code = fm_test_step (map, "code", 3 * fm_working_day_s (doc), 7 * D);
  fm_process_step_set_people (FM_PROCESS_STEP (code), 2);
  fm_test_node (map, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (map, "t", "code", "o", NULL);
  fm_document_insert_map_internal (doc, 0, map);
  m = fm_metrics_compute (doc, map, NULL);

  fm_test_assert_near (m->takt_time_s, 144000);
  fm_test_assert_near (m->takt_interval_s, 7 * D);
  fm_test_assert_near (fm_metrics_lookup_figures (m, code)->utilization, 0.3);
  /* 24 h of work in 7 d: 24 / 168 = 1/7. */
  fm_test_assert_near (m->flow_efficiency, 1.0 / 7);

  takt = fm_takt_format (m->takt_time_s, m->takt_interval_s, D);
  g_assert_cmpstr (takt, ==, "40 h of work · one every 7 d");
  {
    g_autofree char *short_takt = fm_takt_format (4 * H, 0.5 * D, D);
    g_autofree char *none = fm_takt_format (NAN, NAN, D);

    /* Two a day, 8 h available: 4 h of work, one every 12 h. */
    g_assert_cmpstr (short_takt, ==, "4 h of work · one every 12 h");
    g_assert_cmpstr (none, ==, "–");
  }
}

/* A comparison in percentage points (issue 21, part 6): one step of lead
 * 32 d, 1 d of work against 3.5 d:
 *   flow efficiency 1/32 = 3.125 % → 3.5/32 = 10.9375 %: +7.8125 pp,
 *   "+7.8 pp" (as a relative change it read "+250 %")
 *   process time 1 d → 3.5 d: +250 %, a duration: relative
 * Demand and takt are the document's, equal in both: the reference. */
static void
test_comparison_points (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  FmMap *from = fm_map_new ("from");
  FmMap *to = fm_map_new ("to");
  g_autoptr(FmComparison) c = NULL;
  g_autofree char *reference = NULL;
  gboolean seen_efficiency = FALSE, seen_process = FALSE, seen_takt = FALSE;

  g_object_set (doc, "demand-per-day", 0.5, "available-time-s", 8 * H, NULL);
  fm_test_node (from, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (from, "s", 1 * D, 32 * D);
  fm_test_node (from, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (from, "t", "s", "o", NULL);
  fm_test_node (to, FM_NODE_KIND_TRIGGER, "t");
  fm_test_step (to, "s", 3.5 * D, 32 * D);
  fm_test_node (to, FM_NODE_KIND_OUTCOME, "o");
  fm_test_chain (to, "t", "s", "o", NULL);
  fm_document_insert_map_internal (doc, 0, from);
  fm_document_insert_map_internal (doc, 1, to);
  c = fm_comparison_new (doc, from, to);

  for (guint i = 0; i < c->figures->len; i++)
    {
      const FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);
      g_autofree char *text = fm_figure_change_format (f);

      if (g_str_equal (f->name, "flow_efficiency"))
        {
          g_assert_cmpint (f->kind, ==, FM_CHANGE_POINTS);
          fm_test_assert_near (f->change, 0.078125);
          g_assert_cmpstr (text, ==, "+7.8 pp");
          seen_efficiency = TRUE;
        }
      else if (g_str_equal (f->name, "process_time_s"))
        {
          g_assert_cmpint (f->kind, ==, FM_CHANGE_RELATIVE);
          g_assert_cmpstr (text, ==, "+250 %");
          seen_process = TRUE;
        }
      else if (g_str_equal (f->name, "takt_time_s") || g_str_equal (f->name, "throughput_per_day"))
        {
          g_assert_cmpint (f->kind, ==, FM_CHANGE_REFERENCE);
          g_assert_cmpstr (text, ==, "");
          seen_takt = TRUE;
        }
    }
  g_assert_true (seen_efficiency && seen_process && seen_takt);

  /* 8 h ÷ 0.5 = 16 h of work, one every 2 d. */
  reference = fm_comparison_describe_reference (c, D);
  g_assert_cmpstr (reference, ==, "The same in both maps: Throughput a day 0.50 · "
                                  "Takt time 16 h of work · one every 2 d");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/metrics/method/nested-loops", test_nested_loops);
  g_test_add_func ("/fm/metrics/method/overlapping-loops", test_overlapping_loops);
  g_test_add_func ("/fm/metrics/method/loop-off-path", test_loop_off_path);
  g_test_add_func ("/fm/metrics/method/load-with-rework", test_load_with_rework);
  g_test_add_func ("/fm/metrics/method/handoffs-with-rework", test_handoffs_with_rework);
  g_test_add_func ("/fm/metrics/method/rework-not-back", test_rework_not_back);

  g_test_add_func ("/fm/metrics/method/constraint-cannot-keep-up", test_constraint_cannot_keep_up);
  g_test_add_func ("/fm/metrics/method/pca-not-twice", test_pca_not_twice);

  g_test_add_func ("/fm/metrics/method/ladder-adds-up", test_ladder_adds_up);

  g_test_add_func ("/fm/metrics/method/alternative-routes", test_alternative_routes);
  g_test_add_func ("/fm/metrics/method/routes-and-parallel-work", test_routes_and_parallel_work);
  g_test_add_func ("/fm/metrics/method/share-in-file", test_share_in_file);

  g_test_add_func ("/fm/metrics/method/littles-law-expected", test_littles_law_expected);
  g_test_add_func ("/fm/metrics/method/automated-not-handoff", test_automated_not_handoff);

  g_test_add_func ("/fm/metrics/method/rate-near-one", test_rate_near_one);
  g_test_add_func ("/fm/metrics/method/one-meaning-of-a-day", test_one_meaning_of_a_day);
  g_test_add_func ("/fm/metrics/method/comparison-points", test_comparison_points);

  return g_test_run ();
}
