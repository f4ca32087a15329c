/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-maps.c: several maps in one document: duplicates, future states,
 * the matching of their steps, experiments and how changes read */
#include "config.h"

#include <math.h>

#include "fm-comparison.h"
#include "fm-document.h"
#include "fm-document-maps.h"
#include "fm-document-private.h"
#include "fm-experiments.h"
#include "fm-figures.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"
#include "fm-waste.h"

typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
} Fixture;

/* trigger → wait (2 d) → build (1 d) → outcome, and an experiment on the wait. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  const char *targets[] = { "wait", NULL };
  FmNode *node;

  f->doc = fm_document_new ();
  f->stack = fm_document_get_undo_stack (f->doc);
  fm_map_set_name (map, "Current state");
  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 0);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "wait", "wait", 200, 0);
  fm_queue_set_wait_s (FM_QUEUE (node), 2 * 86400);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "build", "build", 400, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 4 * 3600);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), 86400);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 600, 0);
  node = fm_test_map_add_node (map, FM_NODE_KIND_KAIZEN, "k", "k", 200, 0);
  fm_kaizen_set_applies_to (FM_KAIZEN (node), targets);
  fm_test_map_add_edge (map, "e1", "t", "wait", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "wait", "build", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e3", "build", "o", FM_EDGE_KIND_FLOW);
  fm_document_insert_map_internal (f->doc, 0, map);
  f->map = map;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
}

static void
assert_same_ids (FmMap *a,
                 FmMap *b)
{
  g_assert_cmpuint (fm_map_get_n_nodes (a), ==, fm_map_get_n_nodes (b));
  g_assert_cmpuint (fm_map_get_n_edges (a), ==, fm_map_get_n_edges (b));
  for (guint i = 0; i < fm_map_get_n_nodes (a); i++)
    {
      g_assert_cmpstr (fm_node_get_id (fm_map_get_node (a, i)), ==, fm_node_get_id (fm_map_get_node (b, i)));
      /* A copy, not the same object: changing one leaves the other. */
      g_assert_true (fm_map_get_node (a, i) != fm_map_get_node (b, i));
    }
  for (guint i = 0; i < fm_map_get_n_edges (a); i++)
    g_assert_cmpstr (fm_edge_get_id (fm_map_get_edge (a, i)), ==, fm_edge_get_id (fm_map_get_edge (b, i)));
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  FmMap *copy = fm_document_duplicate_map (f->doc, f->map);

  g_assert_nonnull (copy);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 2);
  g_assert_true (fm_document_get_map (f->doc, 1) == copy);
  g_assert_cmpstr (fm_map_get_name (copy), ==, "Current state (copy)");
  g_assert_cmpstr (fm_map_get_id (copy), !=, "current");
  g_assert_cmpint (fm_map_get_state (copy), ==, FM_MAP_STATE_CURRENT);
  assert_same_ids (f->map, copy);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Duplicate Map");

  /* A second copy gets a name of its own. */
  fm_document_duplicate_map (f->doc, f->map);
  g_assert_cmpstr (fm_map_get_name (fm_document_get_map (f->doc, 1)), ==, "Current state (copy) 2");

  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 1);
  fm_undo_stack_redo (f->stack);
  g_assert_true (fm_document_get_map (f->doc, 1) == copy);
}

static void
test_future_state (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FmMap) other = fm_map_new ("other");
  FmMap *future, *second;
  FmNode *kaizen;

  fm_document_add_map (f->doc, other, 1);
  future = fm_document_create_future_state (f->doc, f->map);

  g_assert_cmpint (fm_map_get_state (future), ==, FM_MAP_STATE_FUTURE);
  g_assert_cmpstr (fm_map_get_based_on (future), ==, "current");
  g_assert_cmpstr (fm_map_get_name (future), ==, "Future state");
  g_assert_true (fm_document_get_origin_map (f->doc, future) == f->map);
  g_assert_null (fm_document_get_origin_map (f->doc, f->map));
  /* Right after its origin, before the unrelated map. */
  g_assert_cmpint (fm_document_get_map_position (f->doc, future), ==, 1);
  assert_same_ids (f->map, future);
  kaizen = fm_map_lookup_node (future, "k");
  g_assert_cmpstr (fm_kaizen_get_applies_to (FM_KAIZEN (kaizen))[0], ==, "wait");
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Create Future State");

  /* A second future state goes after the first, with its own name. */
  second = fm_document_create_future_state (f->doc, f->map);
  g_assert_cmpint (fm_document_get_map_position (f->doc, second), ==, 2);
  g_assert_cmpstr (fm_map_get_name (second), ==, "Future state 2");
  g_assert_true (fm_document_get_map (f->doc, 3) == other);

  /* The pair the comparison starts from. */
  {
    FmMap *from = NULL, *to = NULL;

    g_assert_true (fm_comparison_default_pair (f->doc, &from, &to));
    g_assert_true (from == f->map);
    g_assert_true (to == future);
  }

  /* Editing the future leaves the current state alone, and undoes. */
  fm_document_set (f->doc, future, "build", "lead-s", 3600.0, NULL);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (fm_map_lookup_node (f->map, "build"))), ==, 86400);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 2);

  /* Once its origin is gone, a future state has none. */
  fm_undo_stack_redo (f->stack);
  fm_document_remove_map (f->doc, f->map);
  g_assert_null (fm_document_get_origin_map (f->doc, future));
}

static const FmStepChange *
step (const FmComparison *c,
      const char         *id)
{
  for (guint i = 0; i < c->steps->len; i++)
    if (g_str_equal (((FmStepChange *) c->steps->pdata[i])->id, id))
      return c->steps->pdata[i];

  return NULL;
}

/* The future state removes the wait, speeds up the build and adds a check. */
static void
test_step_matching (Fixture       *f,
                    gconstpointer  data)
{
  FmMap *future = fm_document_create_future_state (f->doc, f->map);
  const char *removed[] = { "wait", NULL };
  g_autoptr(FmNode) check = fm_node_new (FM_NODE_KIND_PROCESS, "check");
  g_autoptr(FmComparison) c = NULL;
  const FmFigureChange *lead = NULL;

  fm_process_step_set_process_s (FM_PROCESS_STEP (check), 600);
  fm_node_set_position (check, 500, 200);
  fm_document_remove (f->doc, future, removed);
  {
    g_autoptr(FmEdge) bypass = fm_edge_new ("e4", "t", "build", FM_EDGE_KIND_PULL);

    /* The wait's edges went with it: the trigger pulls the build directly. */
    fm_document_add_edge (f->doc, future, bypass);
  }
  fm_document_set (f->doc, future, "build", "lead-s", 6 * 3600.0, NULL);
  fm_document_add_node (f->doc, future, check);

  /* Removing the target leaves the experiment without it. */
  {
    const char * const *targets = fm_kaizen_get_applies_to (FM_KAIZEN (fm_map_lookup_node (future, "k")));

    g_assert_true (targets == NULL || targets[0] == NULL);
  }

  c = fm_comparison_new (f->doc, f->map, future);
  g_assert_cmpint (step (c, "wait")->status, ==, FM_STEP_REMOVED);
  g_assert_cmpfloat (step (c, "wait")->time_from_s, ==, 2 * 86400);
  g_assert_true (isnan (step (c, "wait")->time_to_s));
  g_assert_cmpint (step (c, "build")->status, ==, FM_STEP_CHANGED);
  g_assert_cmpfloat (step (c, "build")->time_from_s, ==, 86400);
  g_assert_cmpfloat (step (c, "build")->time_to_s, ==, 6 * 3600);
  g_assert_cmpint (step (c, "check")->status, ==, FM_STEP_ADDED);
  /* Triggers, outcomes and experiments are no steps. */
  g_assert_null (step (c, "t"));
  g_assert_null (step (c, "k"));

  for (guint i = 0; i < c->figures->len; i++)
    if (g_str_equal (g_array_index (c->figures, FmFigureChange, i).name, "lead_time_s"))
      lead = &g_array_index (c->figures, FmFigureChange, i);
  g_assert_nonnull (lead);
  g_assert_cmpfloat (lead->from, ==, 3 * 86400);
  /* The check is not on the flow path (no edge): 6 h remain. */
  g_assert_cmpfloat (lead->to, ==, 6 * 3600);
  g_assert_cmpfloat_with_epsilon (lead->change, -11.0 / 12, 1e-9);
}

/* A map compared with an untouched copy of itself changes nothing. */
static void
test_copy_compares_same (Fixture       *f,
                         gconstpointer  data)
{
  FmMap *future = fm_document_create_future_state (f->doc, f->map);
  g_autoptr(FmComparison) c = fm_comparison_new (f->doc, f->map, future);

  g_assert_cmpuint (c->steps->len, ==, 2);
  for (guint i = 0; i < c->steps->len; i++)
    g_assert_cmpint (((FmStepChange *) c->steps->pdata[i])->status, ==, FM_STEP_SAME);
}

static void
test_new_map (Fixture       *f,
              gconstpointer  data)
{
  FmMap *a = fm_document_add_new_map (f->doc, 0);
  FmMap *b = fm_document_add_new_map (f->doc, 99);

  g_assert_true (fm_document_get_map (f->doc, 0) == a);
  g_assert_true (fm_document_get_map (f->doc, 2) == b);
  g_assert_cmpstr (fm_map_get_name (a), ==, "New map");
  g_assert_cmpstr (fm_map_get_name (b), ==, "New map 2");
  g_assert_cmpuint (fm_map_get_n_nodes (a), ==, 0);
  g_assert_cmpstr (fm_map_get_id (a), !=, fm_map_get_id (b));

  /* Renaming and moving are undoable too. */
  fm_document_set (f->doc, a, NULL, "name", "Discovery", NULL);
  g_assert_cmpstr (fm_map_get_name (a), ==, "Discovery");
  fm_document_move_map (f->doc, 0, 2);
  g_assert_true (fm_document_get_map (f->doc, 2) == a);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpstr (fm_map_get_name (a), ==, "New map");
  g_assert_true (fm_document_get_map (f->doc, 0) == a);
}

static FmKaizen *
experiment (FmMap          *map,
            const char     *id,
            const char     *review,
            FmKaizenStatus  status)
{
  FmNode *node = fm_test_map_add_node (map, FM_NODE_KIND_KAIZEN, id, id, 0, 0);

  fm_kaizen_set_review_date (FM_KAIZEN (node), review);
  fm_kaizen_set_status (FM_KAIZEN (node), status);
  return FM_KAIZEN (node);
}

static void
test_experiments (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(GPtrArray) list = NULL;
  GDate today;
  FmKaizen *late, *later, *undated, *kept, *running;

  late = experiment (map, "late", "2026-03-01", FM_KAIZEN_STATUS_PLANNED);
  undated = experiment (map, "undated", NULL, FM_KAIZEN_STATUS_PLANNED);
  later = experiment (map, "later", "2026-05-01", FM_KAIZEN_STATUS_PLANNED);
  kept = experiment (map, "kept", "2026-01-10", FM_KAIZEN_STATUS_KEPT);
  running = experiment (map, "running", "2026-04-01", FM_KAIZEN_STATUS_RUNNING);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "not-an-experiment", "not-an-experiment", 0, 0);

  list = fm_experiments_list (map);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_true (list->pdata[0] == kept);
  g_assert_true (list->pdata[1] == late);
  g_assert_true (list->pdata[2] == running);
  g_assert_true (list->pdata[3] == later);
  g_assert_true (list->pdata[4] == undated);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 4, 2026);
  g_assert_true (fm_experiment_is_overdue (late, &today));
  g_assert_true (fm_experiment_is_overdue (running, &today));
  g_assert_false (fm_experiment_is_overdue (later, &today));
  g_assert_false (fm_experiment_is_overdue (undated, &today));
  /* A verdict was given: nothing is due any more. */
  g_assert_false (fm_experiment_is_overdue (kept, &today));
  /* Due today is not late yet. */
  g_date_set_dmy (&today, 1, 4, 2026);
  g_assert_false (fm_experiment_is_overdue (running, &today));
}

static void
test_waste (void)
{
  g_assert_cmpuint (fm_waste_get_n_kinds (), ==, 8);
  g_assert_cmpstr (fm_waste_get_keyword (0), ==, "waiting");
  g_assert_cmpint (fm_waste_lookup ("task-switching"), >=, 0);
  g_assert_cmpint (fm_waste_lookup ("motion"), ==, -1);
  g_assert_cmpstr (fm_waste_get_name ("over-processing"), ==, "Over-processing");
  g_assert_cmpstr (fm_waste_get_name ("practice-gap"), ==, "Practice gap");
  /* A keyword of another tool reads as it is. */
  g_assert_cmpstr (fm_waste_get_name ("motion"), ==, "motion");
  g_assert_null (fm_waste_get_name (NULL));
  g_assert_null (fm_waste_get_name (""));
}

static void
test_figures (void)
{
  g_autofree char *lead = fm_figure_describe ("lead_time_s", 56 * 86400.0, 14 * 86400.0, -0.75, 86400);
  g_autofree char *efficiency = fm_figure_describe ("flow_efficiency", 0.079, 0.25, 2.16, 86400);
  g_autofree char *undefined = fm_figure_describe ("wip", NAN, 4, NAN, 86400);
  g_autofree char *minus = fm_figure_format_delta (-5 * 86400.0, 86400);
  g_autofree char *plus = fm_figure_format_delta (2 * 3600.0, 86400);
  g_autofree char *none = fm_figure_format_change (0.0001);
  g_autofree char *percent = fm_figure_format_percent (12.5, "%.1f");
  g_autofree char *no_percent = fm_figure_format_percent (NAN, "%.1f");

  g_autoptr(FmDocument) weeks = fm_document_new ();
  g_autofree char *in_weeks = NULL;
  g_autofree char *takt = NULL;

  /* Lead times in days with a decimal, as value stream maps write them */
  g_assert_cmpstr (lead, ==, "Lead time 56.0 d → 14.0 d, −75 %");
  /* …or in the unit the document sets; process and takt times stay exact */
  g_object_set (weeks, "lead-time-unit", FM_TIME_UNIT_WEEKS, NULL);
  in_weeks = fm_figure_describe_for (weeks, "lead_time_s", 56 * 86400.0, 14 * 86400.0, -0.75);
  g_assert_cmpstr (in_weeks, ==, "Lead time 8.0 w → 2.0 w, −75 %");
  takt = fm_figure_format_for (weeks, "takt_time_s", 60);
  g_assert_cmpstr (takt, ==, "60 s");
  g_assert_cmpstr (efficiency, ==, "Flow efficiency 7.9 % → 25.0 %, +216 %");
  g_assert_cmpstr (undefined, ==, "Work in progress – → 4");
  g_assert_cmpstr (minus, ==, "−5.0 d");
  g_assert_cmpstr (plus, ==, "+2 h");
  g_assert_cmpstr (none, ==, "±0 %");
  g_assert_cmpstr (percent, ==, "12.5 %");
  g_assert_cmpstr (no_percent, ==, "–");
  g_assert_cmpint (fm_figure_get_trend ("lead_time_s", 10, 5), ==, FM_TREND_BETTER);
  g_assert_cmpint (fm_figure_get_trend ("flow_efficiency", 0.5, 0.2), ==, FM_TREND_WORSE);
  g_assert_cmpint (fm_figure_get_trend ("takt_time_s", 1, 2), ==, FM_TREND_NEUTRAL);
}

/* Acme Stamping (Learning to See): 188 s of processing in a lead time of
 * 23.6 d = 2,039,040 s is 188 / 2039040 = 0.0000922 = 0.00922 %, which
 * "%.1f" alone reads as "0.0 %". Two significant digits below 1 %, the
 * caller's format from 1 % on. */
static void
test_small_percent (void)
{
  struct { double percent; const char *format; const char *text; } cases[] = {
    { 100 * 188 / 2039040.0, "%.1f", "0.0092 %" },
    { 0.036, "%.1f", "0.036 %" },
    { 0.5, "%.1f", "0.50 %" },
    /* 0.00996 is 0.010 with two digits, not 0.0100 */
    { 0.00996, "%.1f", "0.010 %" },
    /* 0.996 rounds to 1.0: from 1 % on the format decides */
    { 0.996, "%.1f", "1.0 %" },
    { 7.94, "%.1f", "7.9 %" },
    { 12.5, "%.1f", "12.5 %" },
    { 0, "%.1f", "0.0 %" },
    { 0.25, "%.0f", "0.25 %" },
    /* A width stays for aligned columns: "0.0092" is wider than 5 anyway */
    { 0.0092, "%5.1f", "0.0092 %" },
    { 0.5, "%6.1f", "  0.50 %" },
    /* %g already keeps its own significant digits */
    { 0.0092, "%.6g", "0.0092 %" },
    /* 1,000 steps at 80 %: 0.8¹⁰⁰⁰ × 100 ≈ 1.2 × 10⁻⁹⁵ %, under a
     * ten-thousandth of a percent: no digits */
    { 100 * pow (0.8, 1000), "%.1f", "< 0.0001 %" },
    { 0.0001, "%.1f", "0.00010 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fm_figure_format_percent (cases[i].percent, cases[i].format);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    /* 0.0092 % → 0.036 % and the change 0.036 / 0.0092 − 1 = +291 % */
    g_autofree char *comparison = fm_figure_describe ("flow_efficiency", 0.000092, 0.00036,
                                                      0.00036 / 0.000092 - 1, 86400);

    g_assert_cmpstr (comparison, ==, "Flow efficiency 0.0092 % → 0.036 %, +291 %");
  }
}

/* The rolled %C&A with what it rests on: 0.94 from three steps of five
 * (the other two counted as 100 %), from all, from none, without steps. */
static void
test_rolled_pca_text (void)
{
  g_autofree char *some = fm_figure_format_rolled_pca (0.94, 3, 5);
  g_autofree char *all = fm_figure_format_rolled_pca (0.27132, 5, 5);
  g_autofree char *one = fm_figure_format_rolled_pca (0.5, 1, 1);
  g_autofree char *none = fm_figure_format_rolled_pca (NAN, 0, 5);
  g_autofree char *no_steps = fm_figure_format_rolled_pca (NAN, 0, 0);

  g_assert_cmpstr (some, ==, "94.0 %, 3 of 5 steps");
  g_assert_cmpstr (all, ==, "27.1 %");
  g_assert_cmpstr (one, ==, "50.0 %");
  g_assert_cmpstr (none, ==, "– (no %C&A entered)");
  g_assert_cmpstr (no_steps, ==, "–");
}

/* The bundled example: its future state is matched step by step with
 * the current state it was made from. */
static void
test_example (void)
{
  g_autofree char *path = fm_test_example_path ("release.flowmap");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  g_autoptr(FmComparison) c = NULL;
  FmMap *current, *future;

  g_assert_no_error (error);
  current = fm_document_lookup_map (doc, "current");
  future = fm_document_lookup_map (doc, "future");
  g_assert_true (fm_document_get_origin_map (doc, future) == current);

  c = fm_comparison_new (doc, current, future);
  g_assert_cmpint (step (c, "wait-security")->status, ==, FM_STEP_REMOVED);
  g_assert_cmpint (step (c, "wait-env")->status, ==, FM_STEP_REMOVED);
  g_assert_cmpint (step (c, "security")->status, ==, FM_STEP_CHANGED);
  g_assert_cmpint (step (c, "release")->status, ==, FM_STEP_CHANGED);
  g_assert_cmpfloat (step (c, "release")->time_from_s, ==, 86400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/maps/duplicate", test_duplicate);
  ADD ("/fm/maps/future-state", test_future_state);
  ADD ("/fm/maps/step-matching", test_step_matching);
  ADD ("/fm/maps/copy-compares-same", test_copy_compares_same);
  ADD ("/fm/maps/new-map", test_new_map);
#undef ADD
  g_test_add_func ("/fm/maps/experiments", test_experiments);
  g_test_add_func ("/fm/maps/waste", test_waste);
  g_test_add_func ("/fm/maps/figures", test_figures);
  g_test_add_func ("/fm/maps/small-percent", test_small_percent);
  g_test_add_func ("/fm/maps/rolled-pca-text", test_rolled_pca_text);
  g_test_add_func ("/fm/maps/example", test_example);

  return g_test_run ();
}
