/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lanes.c: swimlanes: which lane a node is in, the `lanes` of the file
 * format, the figures per lane, Arrange in Lanes and the lanes' bands */
#include "config.h"

#define G_LOG_DOMAIN "test-lanes"

#include <math.h>
#include <string.h>

#include "fm-json.h"
#include "fm-lane-edit.h"
#include "fm-lane-layout.h"
#include "fm-lane-metrics.h"
#include "fm-map-lanes.h"
#include "fm-process-step.h"
#include "fm-renderer.h"
#include "fm-test-utils.h"

#define DAY 86400.0

static const char *release_lanes[] = {
  "Product team", "Developers", "Security team", "QA", "Operations", NULL
};

static int
lane_of (FmMapLanes *lanes,
         FmMap      *map,
         const char *id)
{
  return fm_map_lanes_lookup (lanes, fm_map_lookup_node (map, id));
}

static void
test_assignment (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  g_autoptr(FmMapLanes) lanes = fm_map_lanes_new (map);
  g_autoptr(FmMapLanes) ordered = NULL;
  const char *order[] = { "QA", "Developers", NULL };

  /* Without a stored order: the roles as the flow meets them. */
  g_assert_cmpuint (fm_map_lanes_get_n_lanes (lanes), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (fm_map_lanes_get_name (lanes, i), ==, release_lanes[i]);

  g_assert_cmpint (lane_of (lanes, map, "refine"), ==, 0);
  /* A queue is in the lane of the step it feeds. */
  g_assert_cmpint (lane_of (lanes, map, "backlog"), ==, 0);
  g_assert_cmpint (lane_of (lanes, map, "ready"), ==, 1);
  g_assert_cmpint (lane_of (lanes, map, "wait-security"), ==, 2);
  g_assert_cmpint (lane_of (lanes, map, "wait-release"), ==, 4);
  g_assert_cmpint (lane_of (lanes, map, "trigger"), ==, 0);
  g_assert_cmpint (lane_of (lanes, map, "outcome"), ==, 4);
  g_assert_cmpint (lane_of (lanes, map, "tracker"), ==, -1);
  g_assert_cmpint (lane_of (lanes, map, "kaizen-env"), ==, -1);

  /* The stored order first, then the rest in the flow's, then no role. */
  fm_map_set_lanes (map, order);
  fm_process_step_set_role (FM_PROCESS_STEP (fm_map_lookup_node (map, "security")), NULL);
  ordered = fm_map_lanes_new (map);
  g_assert_cmpuint (fm_map_lanes_get_n_lanes (ordered), ==, 5);
  g_assert_cmpstr (fm_map_lanes_get_name (ordered, 0), ==, "QA");
  g_assert_cmpstr (fm_map_lanes_get_name (ordered, 1), ==, "Developers");
  g_assert_cmpstr (fm_map_lanes_get_name (ordered, 2), ==, "Product team");
  g_assert_cmpstr (fm_map_lanes_get_name (ordered, 3), ==, "Operations");
  g_assert_cmpstr (fm_map_lanes_get_name (ordered, 4), ==, "");
  g_assert_cmpint (lane_of (ordered, map, "security"), ==, 4);
  g_assert_cmpint (lane_of (ordered, map, "wait-security"), ==, 4);
  g_assert_cmpint (lane_of (ordered, map, "test"), ==, 0);
}

static guint
count_handoffs (FmMap *map)
{
  g_autoptr(FmMapLanes) lanes = fm_map_lanes_new (map);
  guint n = 0;

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    n += fm_map_lanes_is_handoff (lanes, map, fm_map_get_edge (map, i));
  return n;
}

static void
test_handoffs (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *current = fm_document_lookup_map (doc, "current");
  FmMap *future = fm_document_lookup_map (doc, "future");
  g_autoptr(FmMetrics) metrics = NULL;

  /* refine → ready, code → wait-security, security → wait-env,
   * test → wait-release: the four edges into another role's queue; the
   * rework edges back to Coding are not handoffs. */
  g_assert_cmpuint (count_handoffs (current), ==, 4);
  metrics = fm_metrics_compute (doc, current, NULL);
  g_assert_cmpuint (metrics->handoffs, ==, 4);

  /* The future state's pipeline has no people: Coding → Pipeline is no
   * handoff, Pipeline → Testing is Developers' work reaching QA. With
   * refine → ready and test → wait-release: 3, as the metrics count. */
  g_clear_pointer (&metrics, fm_metrics_free);
  metrics = fm_metrics_compute (doc, future, NULL);
  g_assert_cmpuint (count_handoffs (future), ==, 3);
  g_assert_cmpuint (metrics->handoffs, ==, 3);
}

static void
test_file_round_trip (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  const char *order[] = { "Developers", "Product team", NULL };
  const char *empty[] = { NULL };
  g_autofree char *saved = NULL;
  g_autofree char *saved_empty = NULL;
  g_autoptr(FmDocument) again = NULL;
  g_autoptr(FmDocument) again_empty = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *lanes;

  g_assert_null (fm_map_get_lanes (map));

  /* Through the undoable API: one step, undone to "not in lanes". */
  fm_document_set (doc, map, NULL, "lanes", order, NULL);
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), order));
  g_assert_cmpstr (fm_undo_stack_get_undo_label (fm_document_get_undo_stack (doc)), ==, "Change Lanes");

  saved = fm_json_save_to_data (doc, NULL);
  /* After based_on, before the nodes, as the canonical order says. */
  g_assert_nonnull (strstr (saved, "\"state\": \"current\",\n      \"lanes\": [\n"
                                   "        \"Developers\",\n        \"Product team\"\n      ],\n"
                                   "      \"nodes\": ["));
  again = fm_json_load_data (saved, -1, "again.flowmap", &error);
  g_assert_no_error (error);
  lanes = fm_map_get_lanes (fm_document_lookup_map (again, "current"));
  g_assert_nonnull (lanes);
  g_assert_true (g_strv_equal (lanes, order));
  g_assert_null (fm_map_get_lanes (fm_document_lookup_map (again, "future")));

  g_assert_true (fm_undo_stack_undo (fm_document_get_undo_stack (doc)));
  g_assert_null (fm_map_get_lanes (map));

  /* An empty list is still "in lanes". */
  fm_document_set (doc, map, NULL, "lanes", empty, NULL);
  saved_empty = fm_json_save_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved_empty, "\"lanes\": [],"));
  again_empty = fm_json_load_data (saved_empty, -1, "again.flowmap", &error);
  g_assert_no_error (error);
  lanes = fm_map_get_lanes (fm_document_lookup_map (again_empty, "current"));
  g_assert_nonnull (lanes);
  g_assert_null (lanes[0]);
}

static void
test_file_errors (void)
{
  static const struct {
    const char *lanes;
    const char *message;
  } cases[] = {
    { "\"QA\"", "maps[0].lanes" },
    { "[\"QA\", 3]", "maps[0].lanes[1]" },
    { "[\"QA\", \"\"]", "maps[0].lanes[1]" },
    { "[\"QA\", \"Developers\", \"QA\"]", "named twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"flowmap\", \"version\": 1, \"maps\": "
                                               "[{\"id\": \"m\", \"lanes\": %s}]}", cases[i].lanes);
      g_autoptr(GError) error = NULL;
      g_autoptr(FmDocument) doc = fm_json_load_data (text, -1, "bad.flowmap", &error);

      g_assert_null (doc);
      g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: expected “%s” in “%s”", cases[i].lanes, cases[i].message, error->message);
    }
}

static const FmLaneFigures *
lane_figures (const FmLaneMetrics *m,
              guint                flow_position)
{
  return &g_array_index (m->lanes, FmLaneFigures, g_array_index (m->flow_order, guint, flow_position));
}

static void
test_metrics (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, map, NULL);
  g_autoptr(FmMapLanes) lanes = fm_map_lanes_new (map);
  g_autoptr(FmLaneMetrics) m = fm_lane_metrics_compute (map, lanes, metrics);
  g_autofree char *constraint = NULL;
  /* Along the critical path (lead time 56 d = 4,838,400 s), per lane:
   *   lane           queue in front      step: process  lead   lead+wait
   *   Product team   Backlog 5 d          Refinement 4 h  2 d    7 d  12.5 %
   *   Developers     Ready 5 d            Coding 24 h     7 d   12 d  21.4 %
   *   Security team  wait 14 d            Review 4 h      2 d   16 d  28.6 %
   *   QA             wait 7 d             Testing 8 h     3 d   10 d  17.9 %
   *   Operations     wait 10 d            Release 2 h     1 d   11 d  19.6 %
   * adding up to 56 d; process times are working time (three and one
   * working days of 8 h). Waiting (queues, and lead − process in the
   * steps): Security 14 d + 2 d − 4 h = 1,368,000 s of 4,838,400 −
   * 151,200 = 4,687,200 s: 29.2 %, the most of any lane. */
  const struct { const char *name; double process, lead, wait; } expected[] = {
    { "Product team", 14400, 2 * DAY, 5 * DAY },
    { "Developers", 24 * 3600, 7 * DAY, 5 * DAY },
    { "Security team", 14400, 2 * DAY, 14 * DAY },
    { "QA", 8 * 3600, 3 * DAY, 7 * DAY },
    { "Operations", 7200, DAY, 10 * DAY },
  };
  double total = 0;

  g_assert_cmpfloat_with_epsilon (metrics->lead_time_s, 56 * DAY, 1e-6);
  g_assert_cmpuint (m->flow_order->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FmLaneFigures *f = lane_figures (m, i);

      g_assert_cmpstr (f->name, ==, expected[i].name);
      g_assert_cmpfloat_with_epsilon (f->process_time_s, expected[i].process, 1e-6);
      g_assert_cmpfloat_with_epsilon (f->lead_time_s, expected[i].lead, 1e-6);
      g_assert_cmpfloat_with_epsilon (f->wait_s, expected[i].wait, 1e-6);
      g_assert_cmpfloat_with_epsilon (f->share, (expected[i].lead + expected[i].wait) / (56 * DAY), 1e-9);
      g_assert_cmpuint (f->steps, ==, 1);
      total += f->share;
    }
  g_assert_cmpfloat_with_epsilon (total, 1, 1e-9);
  g_assert_cmpuint (m->handoffs, ==, 4);
  g_assert_cmpint (m->most_waiting, >=, 0);
  g_assert_cmpstr (g_array_index (m->lanes, FmLaneFigures, m->most_waiting).name, ==, "Security team");
  g_assert_cmpfloat_with_epsilon (m->most_waiting_share, 1368000.0 / 4687200.0, 1e-9);

  constraint = fm_lane_metrics_describe_constraint (m, DAY);
  g_assert_nonnull (strstr (constraint, "Security team"));
  g_assert_nonnull (strstr (constraint, "29 %"));
}

/* The flow order is the path's, whatever the stored lane order. */
static void
test_metrics_flow_order (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  const char *order[] = { "Operations", "QA", NULL };
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(FmLaneMetrics) m = NULL;

  fm_map_set_lanes (map, order);
  metrics = fm_metrics_compute (doc, map, NULL);
  lanes = fm_map_lanes_new (map);
  m = fm_lane_metrics_compute (map, lanes, metrics);
  g_assert_cmpstr (fm_map_lanes_get_name (lanes, 0), ==, "Operations");
  g_assert_cmpstr (lane_figures (m, 0)->name, ==, "Product team");
  g_assert_cmpstr (lane_figures (m, 4)->name, ==, "Operations");
}

typedef struct {
  const char *id;
  double x, y;
} Place;

static void
test_arrange_release (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  FmUndoStack *undo = fm_document_get_undo_stack (doc);
  guint depth = fm_undo_stack_get_depth (undo);
  /* Rows of 120 (the steps' height) + 2 × 40 = 200 from y 200 − 40 = 160:
   * a step's y is its row's top + 40, a queue's (90 high) + 55. The steps
   * stood 50 apart already, so every x stays. What was below the flow
   * (the kaizen bursts, y 400) moves down by the rows' growth:
   * 160 + 5 × 200 − (320 + 40) = 800. What was above (the systems) stays. */
  const Place expected[] = {
    { "trigger", 40, 215 }, { "backlog", 230, 215 }, { "refine", 380, 200 },
    { "ready", 590, 415 }, { "code", 740, 400 },
    { "wait-security", 950, 615 }, { "security", 1100, 600 },
    { "wait-env", 1310, 815 }, { "test", 1460, 800 },
    { "wait-release", 1670, 1015 }, { "release", 1820, 1000 }, { "outcome", 2030, 1015 },
    { "tracker", 385, 20 }, { "cab", 1825, 20 }, { "kaizen-env", 1280, 1200 },
  };
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (FmRect));
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmRect r;

      fm_node_get_bounds (fm_map_get_node (map, i), &r);
      g_array_append_val (before, r);
    }

  g_assert_true (fm_lanes_arrange (doc, map));
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth + 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (undo), ==, "Arrange in Lanes");
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), release_lanes));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      FmNode *node = fm_map_lookup_node (map, expected[i].id);

      g_assert_cmpfloat_with_epsilon (fm_node_get_x (node), expected[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (fm_node_get_y (node), expected[i].y, 1e-9);
    }

  /* The bands: one a row, from a header's width left of the trigger to
   * past the outcome: x 40 − 25 − 150 = −135 to 2170 + 25 = 2195. */
  lanes = fm_map_lanes_new (map);
  bands = fm_lane_bands_compute (map, lanes);
  g_assert_cmpuint (bands->len, ==, 5);
  for (guint i = 0; i < bands->len; i++)
    {
      const FmLaneBand *band = &g_array_index (bands, FmLaneBand, i);

      g_assert_cmpuint (band->lane, ==, i);
      g_assert_cmpfloat_with_epsilon (band->bounds.y, 160 + 200 * i, 1e-9);
      g_assert_cmpfloat_with_epsilon (band->bounds.height, 200, 1e-9);
      g_assert_cmpfloat_with_epsilon (band->bounds.x, -135, 1e-9);
      g_assert_cmpfloat_with_epsilon (band->bounds.width, 2195 + 135, 1e-9);
    }

  /* One undo puts everything back and leaves the lanes. */
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_null (fm_map_get_lanes (map));
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmRect r;

      fm_node_get_bounds (fm_map_get_node (map, i), &r);
      g_assert_cmpmem (&r, sizeof r, &g_array_index (before, FmRect, i), sizeof (FmRect));
    }
}

/* Nodes of one lane that would overlap move right, and everything after
 * them with them, so that the flow keeps its order left to right. */
static void
test_arrange_order (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  FmNode *a, *b, *c;

  fm_document_add_map (doc, map, 0);
  a = fm_test_add_node (doc, map, FM_NODE_KIND_PROCESS, "a", "A", 0, 0);
  b = fm_test_add_node (doc, map, FM_NODE_KIND_PROCESS, "b", "B", 100, 300);
  c = fm_test_add_node (doc, map, FM_NODE_KIND_PROCESS, "c", "C", 300, 0);
  fm_test_add_edge (doc, map, "ab", "a", "b", FM_EDGE_KIND_FLOW);
  fm_test_add_edge (doc, map, "bc", "b", "c", FM_EDGE_KIND_FLOW);
  fm_document_set (doc, map, "a", "role", "Sales", NULL);
  fm_document_set (doc, map, "b", "role", "Sales", NULL);
  fm_document_set (doc, map, "c", "role", "Finance", NULL);

  g_assert_true (fm_lanes_arrange (doc, map));
  /* A's right edge is its width past 0; B must start 50 after it, and C
   * keeps its 200 from B. */
  g_assert_cmpfloat_with_epsilon (fm_node_get_x (a), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm_node_get_x (b), fm_node_get_width (a) + 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm_node_get_x (c), fm_node_get_x (b) + 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm_node_get_y (a), fm_node_get_y (b), 1e-9);
  g_assert_cmpfloat (fm_node_get_y (c), >, fm_node_get_y (b) + fm_node_get_height (b));
}

static double
node_y (FmMap      *map,
        const char *id)
{
  return fm_node_get_y (fm_map_lookup_node (map, id));
}

/* Moving a lane is one undo step: the order stored, and the rows (and so
 * the bands) in it. */
static void
test_move_lane (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  FmUndoStack *undo = fm_document_get_undo_stack (doc);
  const char *up[] = { "Security team", "Product team", "Developers", "QA", "Operations", NULL };
  const char *down[] = { "Security team", "Developers", "QA", "Operations", "Product team", NULL };
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;
  guint depth;

  g_assert_true (fm_lanes_arrange (doc, map));
  depth = fm_undo_stack_get_depth (undo);

  /* Security team (third) to the top: its row is the first, 160 down. */
  g_assert_false (fm_lanes_move_lane (doc, map, 2, 2));
  g_assert_false (fm_lanes_move_lane (doc, map, 5, 0));
  g_assert_true (fm_lanes_move_lane (doc, map, 2, 0));
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth + 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (undo), ==, "Move Lane");
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), up));
  g_assert_cmpfloat_with_epsilon (node_y (map, "security"), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "wait-security"), 215, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "refine"), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "code"), 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "test"), 800, 1e-9);
  /* Nothing moves sideways. */
  g_assert_cmpfloat_with_epsilon (fm_node_get_x (fm_map_lookup_node (map, "security")), 1100, 1e-9);
  lanes = fm_map_lanes_new (map);
  bands = fm_lane_bands_compute (map, lanes);
  g_assert_cmpuint (bands->len, ==, 5);
  for (guint i = 0; i < bands->len; i++)
    g_assert_cmpstr (fm_map_lanes_get_name (lanes, g_array_index (bands, FmLaneBand, i).lane), ==, up[i]);
  g_assert_cmpint (fm_lane_bands_find (bands, 250), ==, 0);
  g_assert_cmpint (fm_lane_bands_find (bands, 100), ==, -1);

  /* Product team (now second) to the bottom, past any position. */
  g_assert_true (fm_lanes_move_lane (doc, map, 1, 99));
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), down));
  g_assert_cmpfloat_with_epsilon (node_y (map, "refine"), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "backlog"), 1015, 1e-9);

  /* One undo a move. */
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), up));
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_true (g_strv_equal (fm_map_get_lanes (map), release_lanes));
  g_assert_cmpfloat_with_epsilon (node_y (map, "security"), 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "refine"), 200, 1e-9);
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth);
}

/* The steps without a role keep their lane at the bottom. */
static void
test_move_lane_no_role (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  g_autoptr(FmMapLanes) lanes = NULL;

  fm_document_set (doc, map, "release", "role", NULL, NULL);
  g_assert_true (fm_lanes_arrange (doc, map));
  lanes = fm_map_lanes_new (map);
  g_assert_cmpuint (fm_map_lanes_get_n_lanes (lanes), ==, 5);
  g_assert_cmpuint (fm_lanes_get_n_movable (lanes), ==, 4);
  g_assert_false (fm_lanes_move_lane (doc, map, 4, 0));
  g_assert_true (fm_lanes_move_lane (doc, map, 0, 4));
  /* Product team is last of the named lanes, above the step without one. */
  g_assert_cmpfloat_with_epsilon (node_y (map, "refine"), 800, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "release"), 1000, 1e-9);
}

/* A step dragged into another lane's band takes its role, and the queue
 * in front of it comes along, in the drag's one undo step. */
static void
test_drop_step (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  FmUndoStack *undo = fm_document_get_undo_stack (doc);
  const char *ids[] = { "security", NULL };
  const char *both[] = { "test", "wait-env", NULL };
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(FmMapLanes) after = NULL;
  g_autoptr(FmMetrics) metrics = NULL;
  guint depth;

  g_assert_true (fm_lanes_arrange (doc, map));
  depth = fm_undo_stack_get_depth (undo);
  lanes = fm_map_lanes_new (map);
  bands = fm_lane_bands_compute (map, lanes);

  /* Within its own lane: nothing but the move. */
  fm_document_begin_group (doc, "Move");
  fm_document_move_nodes (doc, map, ids, 0, 30);
  g_assert_cmpuint (fm_lanes_drop_steps (doc, map, lanes, bands, ids), ==, 0);
  fm_document_end_group (doc);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (fm_map_lookup_node (map, "security"))), ==, "Security team");
  g_assert_true (fm_undo_stack_undo (undo));

  /* Security review 200 down, into QA's row (760 to 960): its centre
   * rests at 860, and its queue's (90 high) y follows to 815. */
  fm_document_begin_group (doc, "Move");
  fm_document_move_nodes (doc, map, ids, 0, 200);
  g_assert_cmpuint (fm_lanes_drop_steps (doc, map, lanes, bands, ids), ==, 1);
  fm_document_end_group (doc);
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth + 1);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (fm_map_lookup_node (map, "security"))), ==, "QA");
  g_assert_cmpfloat_with_epsilon (node_y (map, "security"), 800, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "wait-security"), 815, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm_node_get_x (fm_map_lookup_node (map, "wait-security")), 950, 1e-9);
  after = fm_map_lanes_new (map);
  g_assert_cmpint (lane_of (after, map, "wait-security"), ==, lane_of (after, map, "test"));
  /* Security review → Testing is no handoff any more: 3. */
  metrics = fm_metrics_compute (doc, map, NULL);
  g_assert_cmpuint (metrics->handoffs, ==, 3);
  g_assert_cmpuint (count_handoffs (map), ==, 3);

  /* One undo: the role and both places back. */
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (fm_map_lookup_node (map, "security"))), ==, "Security team");
  g_assert_cmpfloat_with_epsilon (node_y (map, "security"), 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (node_y (map, "wait-security"), 615, 1e-9);

  /* A queue moved with its step stays where the drag put it. Testing and
   * its queue up into Security team's row (560 to 760). */
  fm_document_begin_group (doc, "Move");
  fm_document_move_nodes (doc, map, both, 0, -200);
  g_assert_cmpuint (fm_lanes_drop_steps (doc, map, lanes, bands, both), ==, 1);
  fm_document_end_group (doc);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (fm_map_lookup_node (map, "test"))), ==, "Security team");
  g_assert_cmpfloat_with_epsilon (node_y (map, "wait-env"), 615, 1e-9);
}

/* Pixel (@x, @y) of @surface, in map units from @origin. */
static guint32
pixel_at (cairo_surface_t *surface,
          const FmRect    *origin,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) (x - origin->x), py = (int) (y - origin->y);

  return *(const guint32 *) (data + py * stride + px * 4);
}

/* The bands and their headers are part of what a drawing covers, and
 * drawn: a map not in lanes leaves that place empty. */
static void
test_render (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  FmRenderOptions options;
  FmRect before, after;
  cairo_surface_t *surface;
  cairo_t *cr;

  fm_render_options_init (&options);
  options.document = doc;
  g_assert_true (fm_renderer_get_extents (map, &options, &before));
  g_assert_true (fm_lanes_arrange (doc, map));
  g_assert_true (fm_renderer_get_extents (map, &options, &after));
  /* The headers reach 150 + 25 left of the trigger at x 40. */
  g_assert_cmpfloat (before.x, >, 0);
  g_assert_cmpfloat (after.x, <=, -135);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (after.width), (int) ceil (after.height));
  cr = cairo_create (surface);
  cairo_translate (cr, -after.x, -after.y);
  fm_renderer_draw (cr, map, &options);
  cairo_surface_flush (surface);
  /* Inside the first lane's header, under its text: shaded. */
  g_assert_cmpuint (pixel_at (surface, &after, -130, 350) >> 24, >, 0);

  /* Not in lanes: the same place stays clear. */
  fm_map_set_lanes (map, NULL);
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  fm_renderer_draw (cr, map, &options);
  cairo_surface_flush (surface);
  g_assert_cmpuint (pixel_at (surface, &after, -130, 350) >> 24, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/lanes/assignment", test_assignment);
  g_test_add_func ("/fm/lanes/handoffs", test_handoffs);
  g_test_add_func ("/fm/lanes/file-round-trip", test_file_round_trip);
  g_test_add_func ("/fm/lanes/file-errors", test_file_errors);
  g_test_add_func ("/fm/lanes/metrics", test_metrics);
  g_test_add_func ("/fm/lanes/metrics-flow-order", test_metrics_flow_order);
  g_test_add_func ("/fm/lanes/arrange-release", test_arrange_release);
  g_test_add_func ("/fm/lanes/arrange-order", test_arrange_order);
  g_test_add_func ("/fm/lanes/move-lane", test_move_lane);
  g_test_add_func ("/fm/lanes/move-lane-no-role", test_move_lane_no_role);
  g_test_add_func ("/fm/lanes/drop-step", test_drop_step);
  g_test_add_func ("/fm/lanes/render", test_render);

  return g_test_run ();
}
