/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c: the document model and its undo stack */
#include "config.h"

#include "fm-document.h"
#include "fm-document-private.h"
#include "fm-enum-nick.h"
#include "fm-iso-date.h"
#include "fm-kaizen.h"
#include "fm-map-order.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* A small map: trigger -> queue -> process -> outcome. */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmNode) trigger = fm_node_new (FM_NODE_KIND_TRIGGER, "t");
  g_autoptr(FmNode) queue = fm_node_new (FM_NODE_KIND_QUEUE, "q");
  g_autoptr(FmNode) step = fm_node_new (FM_NODE_KIND_PROCESS, "p");
  g_autoptr(FmNode) outcome = fm_node_new (FM_NODE_KIND_OUTCOME, "o");
  g_autoptr(FmEdge) e1 = fm_edge_new ("e1", "t", "q", FM_EDGE_KIND_FLOW);
  g_autoptr(FmEdge) e2 = fm_edge_new ("e2", "q", "p", FM_EDGE_KIND_PUSH);
  g_autoptr(FmEdge) e3 = fm_edge_new ("e3", "p", "o", FM_EDGE_KIND_FLOW);
  g_autoptr(FmMap) map = fm_map_new ("current");

  f->doc = fm_document_new ();
  f->stack = fm_document_get_undo_stack (f->doc);
  fm_node_set_position (queue, 200, 0);
  fm_node_set_position (step, 400, 0);
  fm_node_set_position (outcome, 600, 0);
  fm_queue_set_wait_s (FM_QUEUE (queue), 3600);
  fm_process_step_set_process_s (FM_PROCESS_STEP (step), 1800);
  fm_map_insert_node (map, 0, trigger);
  fm_map_insert_node (map, 1, queue);
  fm_map_insert_node (map, 2, step);
  fm_map_insert_node (map, 3, outcome);
  fm_map_insert_edge (map, 0, e1);
  fm_map_insert_edge (map, 1, e2);
  fm_map_insert_edge (map, 2, e3);
  fm_document_insert_map_internal (f->doc, 0, map);
  f->map = map;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
}

/* The ids of the map's nodes and edges in order, as one string to compare. */
static char *
describe (FmMap *map)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      g_string_append_printf (s, "%s(%s@%g,%g %gx%g) ", fm_node_get_id (node),
                              fm_node_get_label (node), fm_node_get_x (node), fm_node_get_y (node),
                              fm_node_get_width (node), fm_node_get_height (node));
    }
  g_string_append (s, "|");
  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      g_string_append_printf (s, " %s:%s>%s/%d", fm_edge_get_id (edge), fm_edge_get_from (edge),
                              fm_edge_get_to (edge), fm_edge_get_kind (edge));
    }

  return g_string_free (s, FALSE);
}

static void
test_defaults (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmNode) step = fm_node_new (FM_NODE_KIND_PROCESS, "p1");
  g_autoptr(FmNode) queue = fm_node_new (FM_NODE_KIND_QUEUE, "q1");

  g_assert_cmpfloat (fm_document_get_day_length_s (doc), ==, 86400);
  g_assert_cmpfloat (fm_document_get_available_time_s (doc), ==, 28800);
  g_assert_false (fm_value_is_set (fm_document_get_demand_per_day (doc)));
  g_assert_cmpuint (fm_document_get_n_maps (doc), ==, 0);

  g_assert_cmpint (fm_node_get_kind (step), ==, FM_NODE_KIND_PROCESS);
  g_assert_false (fm_value_is_set (fm_process_step_get_lead_s (FM_PROCESS_STEP (step))));
  g_assert_false (fm_value_is_set (fm_process_step_get_pca (FM_PROCESS_STEP (step))));
  g_assert_cmpfloat (fm_node_get_width (step), >, 0);
  g_assert_cmpfloat (fm_node_get_width (queue), <, fm_node_get_width (step));
  g_assert_false (fm_undo_stack_get_modified (fm_document_get_undo_stack (doc)));
}

static void
test_kinds_round_trip (void)
{
  for (FmNodeKind kind = FM_NODE_KIND_TRIGGER; kind <= FM_NODE_KIND_NOTE; kind++)
    {
      g_autoptr(FmNode) node = fm_node_new (kind, "n");
      FmNodeKind parsed;

      g_assert_cmpint (fm_node_get_kind (node), ==, kind);
      g_assert_true (fm_node_kind_from_string (fm_node_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
  for (FmEdgeKind kind = FM_EDGE_KIND_FLOW; kind <= FM_EDGE_KIND_REWORK; kind++)
    {
      FmEdgeKind parsed;

      g_assert_true (fm_edge_kind_from_string (fm_edge_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
  {
    FmNodeKind k;
    FmEdgeKind e;
    FmStreamType t;

    g_assert_false (fm_node_kind_from_string ("factory", &k));
    g_assert_false (fm_edge_kind_from_string (NULL, &e));
    g_assert_true (fm_stream_type_from_string ("compliance", &t));
    g_assert_cmpint (t, ==, FM_STREAM_TYPE_COMPLIANCE);
  }
}

static void
test_copy_keeps_ids (void)
{
  g_autoptr(FmMap) map = fm_map_new ("a");
  g_autoptr(FmNode) kaizen = fm_node_new (FM_NODE_KIND_KAIZEN, "k");
  const char *targets[] = { "p", "q", NULL };
  g_autoptr(FmMap) copy = NULL;
  FmNode *kaizen_copy;

  fm_node_set_label (kaizen, "Automate security checks");
  fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);
  fm_kaizen_set_status (FM_KAIZEN (kaizen), FM_KAIZEN_STATUS_RUNNING);
  fm_node_set_extra (kaizen, "{\"colour\":\"red\"}");
  fm_map_insert_node (map, 0, kaizen);
  fm_map_set_name (map, "Current");

  copy = fm_map_copy (map, "b");
  g_assert_cmpstr (fm_map_get_id (copy), ==, "b");
  g_assert_cmpstr (fm_map_get_name (copy), ==, "Current");
  kaizen_copy = fm_map_lookup_node (copy, "k");
  g_assert_nonnull (kaizen_copy);
  g_assert_true (kaizen_copy != kaizen);
  g_assert_cmpstr (fm_node_get_label (kaizen_copy), ==, "Automate security checks");
  g_assert_true (g_strv_equal (fm_kaizen_get_applies_to (FM_KAIZEN (kaizen_copy)), targets));
  g_assert_cmpint (fm_kaizen_get_status (FM_KAIZEN (kaizen_copy)), ==, FM_KAIZEN_STATUS_RUNNING);
  g_assert_cmpstr (fm_node_get_extra (kaizen_copy), ==, "{\"colour\":\"red\"}");
}

static void
test_new_ids_unique (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmNode) taken = fm_node_new (FM_NODE_KIND_PROCESS, "process-1");
  g_autofree char *id = NULL;

  fm_map_insert_node (map, 0, taken);
  id = fm_map_new_id (map, "process");
  g_assert_cmpstr (id, !=, "process-1");
  g_assert_false (fm_map_has_id (map, id));
}

static void
test_undo_set_property (Fixture       *f,
                        gconstpointer  data)
{
  FmNode *step = fm_map_lookup_node (f->map, "p");

  fm_document_set (f->doc, f->map, "p", "label", "Build", "lead-s", 7200.0, NULL);
  g_assert_cmpstr (fm_node_get_label (step), ==, "Build");
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (step)), ==, 7200);
  g_assert_true (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);

  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_cmpstr (fm_node_get_label (step), ==, "");
  g_assert_false (fm_value_is_set (fm_process_step_get_lead_s (FM_PROCESS_STEP (step))));
  g_assert_false (fm_undo_stack_get_modified (f->stack));

  g_assert_true (fm_undo_stack_redo (f->stack));
  g_assert_cmpstr (fm_node_get_label (step), ==, "Build");
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (step)), ==, 7200);

  /* Document and map fields too. */
  fm_document_set (f->doc, NULL, NULL, "title", "Release", "demand-per-day", 2.0, NULL);
  fm_document_set (f->doc, f->map, NULL, "name", "Today", "state", FM_MAP_STATE_FUTURE, NULL);
  g_assert_cmpstr (fm_document_get_title (f->doc), ==, "Release");
  g_assert_cmpint (fm_map_get_state (f->map), ==, FM_MAP_STATE_FUTURE);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpstr (fm_map_get_name (f->map), ==, "");
  g_assert_cmpint (fm_map_get_state (f->map), ==, FM_MAP_STATE_CURRENT);
  fm_undo_stack_undo (f->stack);
  g_assert_null (fm_document_get_title (f->doc));
  g_assert_false (fm_value_is_set (fm_document_get_demand_per_day (f->doc)));

  /* Edge fields. */
  fm_document_set (f->doc, f->map, "e2", "kind", FM_EDGE_KIND_PULL, NULL);
  g_assert_cmpint (fm_edge_get_kind (fm_map_lookup_edge (f->map, "e2")), ==, FM_EDGE_KIND_PULL);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpint (fm_edge_get_kind (fm_map_lookup_edge (f->map, "e2")), ==, FM_EDGE_KIND_PUSH);
}

static void
test_unchanged_value_records_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  fm_document_set (f->doc, f->map, "q", "wait-s", 3600.0, NULL);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
}

static void
test_typing_coalesces (Fixture       *f,
                       gconstpointer  data)
{
  const char *steps[] = { "B", "Bu", "Bui", "Build" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(GValue) v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_STRING);
      g_value_set_string (&v, steps[i]);
      fm_document_set_value_full (f->doc, f->map, "p", "label", &v, TRUE);
    }
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Rename");

  /* After a seal (the field lost focus), the next edit is its own step. */
  fm_undo_stack_seal (f->stack);
  {
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_STRING);
    g_value_set_string (&v, "Build and test");
    fm_document_set_value_full (f->doc, f->map, "p", "label", &v, TRUE);
  }
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);

  fm_undo_stack_undo (f->stack);
  g_assert_cmpstr (fm_node_get_label (fm_map_lookup_node (f->map, "p")), ==, "Build");
  fm_undo_stack_undo (f->stack);
  g_assert_cmpstr (fm_node_get_label (fm_map_lookup_node (f->map, "p")), ==, "");
}

static void
test_moves_merge (Fixture       *f,
                  gconstpointer  data)
{
  const char *both[] = { "q", "p", NULL };
  const char *one[] = { "q", NULL };
  FmNode *queue = fm_map_lookup_node (f->map, "q");

  /* Three nudges of the same two nodes are one step... */
  fm_document_move_nodes (f->doc, f->map, both, 10, 0);
  fm_document_move_nodes (f->doc, f->map, both, 10, 0);
  fm_document_move_nodes (f->doc, f->map, both, 0, -5);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_cmpfloat (fm_node_get_x (queue), ==, 220);
  g_assert_cmpfloat (fm_node_get_y (queue), ==, -5);

  /* ...a move of other nodes is another. */
  fm_document_move_nodes (f->doc, f->map, one, 1, 1);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);

  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_node_get_x (queue), ==, 220);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_node_get_x (queue), ==, 200);
  g_assert_cmpfloat (fm_node_get_y (queue), ==, 0);
  g_assert_cmpfloat (fm_node_get_x (fm_map_lookup_node (f->map, "p")), ==, 400);
}

static void
test_drag_group_is_one_step (Fixture       *f,
                             gconstpointer  data)
{
  const char *ids[] = { "p", NULL };
  FmNode *step = fm_map_lookup_node (f->map, "p");

  /* A drag is a group: many motion events, one step, and it does not merge
   * with the drag after it. */
  for (guint drag = 0; drag < 2; drag++)
    {
      fm_document_begin_group (f->doc, "Move");
      for (guint i = 0; i < 20; i++)
        fm_document_move_nodes (f->doc, f->map, ids, 1, 2);
      fm_document_end_group (f->doc);
    }
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);
  g_assert_cmpfloat (fm_node_get_x (step), ==, 440);

  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_node_get_x (step), ==, 420);
  g_assert_cmpfloat (fm_node_get_y (step), ==, 40);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_node_get_x (step), ==, 400);
  g_assert_false (fm_undo_stack_get_can_undo (f->stack));
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  FmRect r = { 390, 10, 220, 140 };
  FmRect got;

  fm_document_set_node_bounds (f->doc, f->map, "p", &r);
  fm_node_get_bounds (fm_map_lookup_node (f->map, "p"), &got);
  g_assert_cmpmem (&got, sizeof got, &r, sizeof r);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Resize");
  fm_undo_stack_undo (f->stack);
  fm_node_get_bounds (fm_map_lookup_node (f->map, "p"), &got);
  g_assert_cmpfloat (got.x, ==, 400);
  g_assert_cmpfloat (got.width, ==, 160);
}

static void
test_delete_node_takes_its_edges (Fixture       *f,
                                  gconstpointer  data)
{
  const char *ids[] = { "q", NULL };
  g_autofree char *before = describe (f->map);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  fm_document_remove (f->doc, f->map, ids);
  after = describe (f->map);
  g_assert_null (fm_map_lookup_node (f->map, "q"));
  g_assert_null (fm_map_lookup_edge (f->map, "e1"));
  g_assert_null (fm_map_lookup_edge (f->map, "e2"));
  g_assert_nonnull (fm_map_lookup_edge (f->map, "e3"));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);

  fm_undo_stack_undo (f->stack);
  undone = describe (f->map);
  g_assert_cmpstr (undone, ==, before);

  fm_undo_stack_redo (f->stack);
  redone = describe (f->map);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_delete_edges_and_nodes_keep_order (Fixture       *f,
                                        gconstpointer  data)
{
  /* Removing from the middle and the ends, then undoing, puts every item
   * back at its own position. */
  const char *ids[] = { "o", "e2", "t", NULL };
  g_autofree char *before = describe (f->map);
  g_autofree char *undone = NULL;

  fm_document_remove (f->doc, f->map, ids);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 2);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 0);
  fm_undo_stack_undo (f->stack);
  undone = describe (f->map);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_add_node_and_edge (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = describe (f->map);
  g_autofree char *undone = NULL;
  g_autofree char *id = fm_map_new_id (f->map, "process");
  g_autofree char *edge_id = fm_map_new_id (f->map, "edge");
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_PROCESS, id);
  g_autoptr(FmEdge) edge = fm_edge_new (edge_id, "p", id, FM_EDGE_KIND_REWORK);

  fm_document_begin_group (f->doc, "Paste");
  fm_document_add_node (f->doc, f->map, node);
  fm_document_add_edge (f->doc, f->map, edge);
  fm_document_end_group (f->doc);

  g_assert_true (fm_map_lookup_node (f->map, id) == node);
  g_assert_true (fm_map_lookup_edge (f->map, edge_id) == edge);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Paste");

  fm_undo_stack_undo (f->stack);
  undone = describe (f->map);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (fm_undo_stack_get_redo_label (f->stack), ==, "Paste");

  fm_undo_stack_redo (f->stack);
  g_assert_true (fm_map_lookup_node (f->map, id) == node);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 4);
}

static void
test_changes_to_removed_node_replay (Fixture       *f,
                                     gconstpointer  data)
{
  /* Edit, delete, undo both, redo both: commands find the node by id each
   * time, even though it left the map in between. */
  const char *ids[] = { "p", NULL };

  fm_document_set (f->doc, f->map, "p", "pca", 80.0, NULL);
  fm_document_remove (f->doc, f->map, ids);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_false (fm_value_is_set (fm_process_step_get_pca (FM_PROCESS_STEP (fm_map_lookup_node (f->map, "p")))));
  fm_undo_stack_redo (f->stack);
  fm_undo_stack_redo (f->stack);
  g_assert_null (fm_map_lookup_node (f->map, "p"));
  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_process_step_get_pca (FM_PROCESS_STEP (fm_map_lookup_node (f->map, "p"))), ==, 80);
}

static void
test_delete_forgets_targets (Fixture       *f,
                             gconstpointer  data)
{
  const char *targets[] = { "q", "p", NULL };
  const char *ids[] = { "q", NULL };
  g_autoptr(FmNode) kaizen = fm_node_new (FM_NODE_KIND_KAIZEN, "k");

  fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);
  fm_document_add_node (f->doc, f->map, kaizen);

  /* Deleting a node an experiment targets drops it from applies_to, in the
   * same undo step. */
  fm_document_remove (f->doc, f->map, ids);
  g_assert_cmpstrv (fm_kaizen_get_applies_to (FM_KAIZEN (kaizen)), ((const char * const []) { "p", NULL }));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Delete");

  fm_undo_stack_undo (f->stack);
  g_assert_cmpstrv (fm_kaizen_get_applies_to (FM_KAIZEN (kaizen)), targets);
  g_assert_nonnull (fm_map_lookup_node (f->map, "q"));
}

static void
test_maps_add_remove_move (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FmMap) future = fm_map_copy (f->map, "future");
  g_autoptr(FmMap) other = fm_map_new ("other");

  fm_map_set_state (future, FM_MAP_STATE_FUTURE);
  fm_map_set_based_on (future, "current");
  fm_document_add_map (f->doc, future, 1);
  fm_document_add_map (f->doc, other, 99);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 3);
  g_assert_true (fm_document_lookup_map (f->doc, "future") == future);
  g_assert_true (fm_document_get_map (f->doc, 2) == other);

  fm_document_move_map (f->doc, 2, 0);
  g_assert_true (fm_document_get_map (f->doc, 0) == other);
  fm_document_remove_map (f->doc, future);
  g_assert_null (fm_document_lookup_map (f->doc, "future"));

  /* Undo all three in reverse. */
  fm_undo_stack_undo (f->stack);
  g_assert_true (fm_document_get_map (f->doc, 2) == future);
  fm_undo_stack_undo (f->stack);
  g_assert_true (fm_document_get_map (f->doc, 0) == f->map);
  g_assert_true (fm_document_get_map (f->doc, 2) == other);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 1);

  /* The map can also be found by its name. */
  fm_document_set (f->doc, f->map, NULL, "name", "Current state", NULL);
  g_assert_true (fm_document_lookup_map (f->doc, "Current state") == f->map);
}

static void
test_modified_tracks_saved_state (Fixture       *f,
                                  gconstpointer  data)
{
  const char *ids[] = { "q", NULL };


  fm_document_move_nodes (f->doc, f->map, ids, 5, 0);
  g_assert_true (fm_undo_stack_get_modified (f->stack));
  fm_undo_stack_set_saved (f->stack);
  g_assert_false (fm_undo_stack_get_modified (f->stack));

  /* A nudge after a save must not merge into the saved step. */
  fm_document_move_nodes (f->doc, f->map, ids, 5, 0);
  g_assert_true (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);
  fm_undo_stack_undo (f->stack);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  fm_undo_stack_undo (f->stack);
  g_assert_true (fm_undo_stack_get_modified (f->stack));

  /* A new change while the saved state is in the redo list makes it unreachable. */
  fm_document_set (f->doc, f->map, "q", "items", 4.0, NULL);
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_true (fm_undo_stack_get_modified (f->stack));
  fm_undo_stack_undo (f->stack);
  g_assert_true (fm_undo_stack_get_modified (f->stack));
}

static void
count_changed (gpointer  instance,
               guint    *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  const char *ids[] = { "q", NULL };
  guint count = 0;

  g_signal_connect (f->doc, "changed", G_CALLBACK (count_changed), &count);
  fm_document_move_nodes (f->doc, f->map, ids, 5, 0);
  g_assert_cmpuint (count, ==, 1);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (count, ==, 2);
  fm_undo_stack_redo (f->stack);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_empty_group_records_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  fm_document_begin_group (f->doc, "Nothing");
  g_assert_true (fm_undo_stack_in_group (f->stack));
  g_assert_false (fm_undo_stack_get_can_undo (f->stack));
  fm_document_end_group (f->doc);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *log)
{
  /* position, removed, added of the last change, and the number of changes */
  log[0] = position;
  log[1] = removed;
  log[2] = added;
  log[3]++;
}

/* The loader's appends: in the arrays and the id table at once, in the
 * store in one change when flushed or when the store is asked for. */
static void
test_quiet_appends (void)
{
  FmMap *map = fm_map_new ("m");
  FmNode *a = fm_node_new (FM_NODE_KIND_PROCESS, "a");
  FmNode *b = fm_node_new (FM_NODE_KIND_QUEUE, "b");
  FmNode *c = fm_node_new (FM_NODE_KIND_NOTE, "c");
  FmEdge *e = fm_edge_new ("e", "a", "b", FM_EDGE_KIND_PUSH);
  guint nodes_log[4] = { 0, }, edges_log[4] = { 0, };
  GListModel *store;

  g_signal_connect (fm_map_get_nodes (map), "items-changed", G_CALLBACK (count_changes), nodes_log);
  g_signal_connect (fm_map_get_edges (map), "items-changed", G_CALLBACK (count_changes), edges_log);

  fm_map_insert_node (map, 0, c);
  g_assert_cmpuint (nodes_log[3], ==, 1);

  fm_map_append_node_quietly (map, a);
  fm_map_append_node_quietly (map, b);
  fm_map_append_edge_quietly (map, e);
  g_assert_cmpuint (nodes_log[3], ==, 1);
  g_assert_cmpuint (edges_log[3], ==, 0);
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, 3);
  g_assert_true (fm_map_get_node (map, 2) == b);
  g_assert_true (fm_map_lookup_node (map, "a") == a);
  g_assert_true (fm_map_lookup_edge (map, "e") == e);
  g_assert_true (fm_map_has_id (map, "b"));

  fm_map_flush_appends (map);
  /* One change each: a and b after c, then e. */
  g_assert_cmpuint (nodes_log[3], ==, 2);
  g_assert_cmpuint (nodes_log[0], ==, 1);
  g_assert_cmpuint (nodes_log[1], ==, 0);
  g_assert_cmpuint (nodes_log[2], ==, 2);
  g_assert_cmpuint (edges_log[3], ==, 1);
  g_assert_cmpuint (edges_log[2], ==, 1);
  store = fm_map_get_nodes (map);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
  g_assert_true (g_list_model_get_object (store, 1) == (gpointer) a);
  g_object_unref (a);
  fm_map_flush_appends (map);
  g_assert_cmpuint (nodes_log[3], ==, 2);

  /* Asking for the store hands it what is pending. */
  {
    FmNode *d = fm_node_new (FM_NODE_KIND_TRIGGER, "d");

    fm_map_append_node_quietly (map, d);
    g_object_unref (d);
    g_assert_cmpuint (g_list_model_get_n_items (fm_map_get_nodes (map)), ==, 4);
    g_assert_cmpuint (nodes_log[3], ==, 3);
    g_assert_cmpuint (nodes_log[0], ==, 3);
  }

  /* The map held the only references (a load that failed half-way drops
   * a map with items still pending): all of them go with it. */
  {
    FmMap *other = fm_map_new ("other");
    FmNode *pending = fm_node_new (FM_NODE_KIND_PROCESS, "p");
    FmEdge *pending_edge = fm_edge_new ("pe", "p", "p2", FM_EDGE_KIND_FLOW);

    fm_map_append_node_quietly (other, pending);
    fm_map_append_edge_quietly (other, pending_edge);
    g_object_unref (pending);
    g_object_unref (pending_edge);
    g_object_add_weak_pointer (G_OBJECT (pending), (gpointer *) &pending);
    g_object_add_weak_pointer (G_OBJECT (pending_edge), (gpointer *) &pending_edge);
    g_assert_finalize_object (other);
    g_assert_null (pending);
    g_assert_null (pending_edge);
  }

  g_object_unref (b);
  g_object_unref (c);
  g_object_unref (e);
  g_assert_finalize_object (map);
}

/* The words the file format uses: mkenums makes them from the names in
 * fm-enums.h, so a renamed value would change every file written. */
static void
test_enum_names_are_the_format (void)
{
  static const char * const node_kinds[] = {
    "trigger", "outcome", "process", "queue", "system", "kaizen", "note",
  };
  static const char * const edge_kinds[] = {
    "flow", "push", "pull", "info", "electronic", "rework",
  };
  static const char * const map_states[] = { "current", "future" };
  static const char * const stream_types[] = {
    "operational", "development", "support", "compliance",
  };
  static const char * const kaizen_statuses[] = { "planned", "running", "kept", "dropped" };
  const struct {
    GType type;
    const char * const *names;
    guint n_names;
  } enums[] = {
    { FM_TYPE_NODE_KIND, node_kinds, G_N_ELEMENTS (node_kinds) },
    { FM_TYPE_EDGE_KIND, edge_kinds, G_N_ELEMENTS (edge_kinds) },
    { FM_TYPE_MAP_STATE, map_states, G_N_ELEMENTS (map_states) },
    { FM_TYPE_STREAM_TYPE, stream_types, G_N_ELEMENTS (stream_types) },
    { FM_TYPE_KAIZEN_STATUS, kaizen_statuses, G_N_ELEMENTS (kaizen_statuses) },
  };
  FmMapState state;
  FmKaizenStatus status;
  int value = -1;

  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e].type);

      g_assert_cmpuint (klass->n_values, ==, enums[e].n_names);
      for (guint i = 0; i < enums[e].n_names; i++)
        {
          g_assert_cmpstr (fm_enum_to_nick (enums[e].type, i), ==, enums[e].names[i]);
          g_assert_true (fm_enum_from_nick (enums[e].type, enums[e].names[i], &value));
          g_assert_cmpint (value, ==, i);
        }
    }

  /* The typed wrappers give the same words. */
  g_assert_cmpstr (fm_node_kind_to_string (FM_NODE_KIND_KAIZEN), ==, "kaizen");
  g_assert_cmpstr (fm_edge_kind_to_string (FM_EDGE_KIND_ELECTRONIC), ==, "electronic");
  g_assert_cmpstr (fm_map_state_to_string (FM_MAP_STATE_FUTURE), ==, "future");
  g_assert_cmpstr (fm_stream_type_to_string (FM_STREAM_TYPE_SUPPORT), ==, "support");
  g_assert_cmpstr (fm_kaizen_status_to_string (FM_KAIZEN_STATUS_KEPT), ==, "kept");
  g_assert_true (fm_map_state_from_string ("future", &state));
  g_assert_cmpint (state, ==, FM_MAP_STATE_FUTURE);
  g_assert_true (fm_kaizen_status_from_string ("dropped", &status));
  g_assert_cmpint (status, ==, FM_KAIZEN_STATUS_DROPPED);

  /* Names only, exactly: not the C names, not another case. */
  value = -1;
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "FM_MAP_STATE_FUTURE", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "Future", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, NULL, &value));
  g_assert_cmpint (value, ==, -1);
}

static void
test_iso_date (void)
{
  static const struct {
    const char *text;
    int year, month, day;   /* year 0: refused */
  } cases[] = {
    { "2026-01-01", 2026, 1, 1 },
    { "2024-02-29", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "1999-12-31", 1999, 12, 31 },
    { "2026-1-1", 0 },
    { "2026-01-1", 0 },
    { "26-01-01", 0 },
    { "02026-01-01", 0 },
    { "2026-02-29", 0 },
    { "1900-02-29", 0 },
    { "2026-04-31", 0 },
    { "2026-13-01", 0 },
    { "2026-00-10", 0 },
    { "2026-01-00", 0 },
    { "0000-01-01", 0 },
    { "2026-01-01 ", 0 },
    { "2026-01-01T10:00", 0 },
    { "2026-01-01x", 0 },
    { " 2026-01-01", 0 },
    { "+026-01-01", 0 },
    { "2026/01/01", 0 },
    { "2026-0a-01", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean ok = fm_iso_date_parse (cases[i].text, &date);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].year != 0);
      g_assert_cmpint (fm_iso_date_parse (cases[i].text, NULL), ==, ok);
      g_assert_cmpint (g_date_valid (&date), ==, ok);
      if (ok)
        {
          g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
          g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
          g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
        }
    }

  g_assert_false (fm_iso_date_parse (NULL, NULL));
}

static void
add_placed (FmMap      *map,
            FmNodeKind  kind,
            const char *id,
            double      x,
            double      y)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  g_object_set (node, "x", x, "y", y, NULL);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
}

static void
add_joined (FmMap      *map,
            const char *id,
            const char *from,
            const char *to,
            FmEdgeKind  kind)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
}

static void
assert_order (GPtrArray          *order,
              const char * const *expected,
              guint               n_expected)
{
  g_assert_cmpuint (order->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (fm_node_get_id (order->pdata[i]), ==, expected[i]);
}

/* Tab's order: the trigger's flow depth first, branches in reading order;
 * then flows that start elsewhere; then the rest as a page is read.
 * Information and rework edges are not the flow; a cycle is walked once. */
static void
test_flow_order (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(GPtrArray) reading = NULL;
  g_autoptr(GPtrArray) order = NULL;
  const char * const expected_reading[] = { "note", "t", "a", "b", "c", "s", "x", "z" };
  const char * const expected_flow[] = { "t", "a", "b", "c", "s", "z", "note", "x" };

  add_placed (map, FM_NODE_KIND_PROCESS, "c", 300, 300);
  add_placed (map, FM_NODE_KIND_PROCESS, "b", 600, 10);   /* one row with t, a: centres 10 apart */
  add_placed (map, FM_NODE_KIND_PROCESS, "a", 300, 0);
  add_placed (map, FM_NODE_KIND_TRIGGER, "t", 0, 0);
  add_placed (map, FM_NODE_KIND_NOTE, "note", 900, -200);
  add_placed (map, FM_NODE_KIND_PROCESS, "s", 0, 600);    /* starts a flow of its own */
  add_placed (map, FM_NODE_KIND_PROCESS, "z", 600, 600);
  add_placed (map, FM_NODE_KIND_SYSTEM, "x", 300, 600);   /* reached by information only */
  add_joined (map, "e1", "t", "a", FM_EDGE_KIND_FLOW);
  add_joined (map, "e2", "a", "c", FM_EDGE_KIND_PULL);    /* a's first edge, but below b */
  add_joined (map, "e3", "a", "b", FM_EDGE_KIND_PUSH);
  add_joined (map, "e4", "c", "a", FM_EDGE_KIND_FLOW);    /* a cycle */
  add_joined (map, "e5", "b", "t", FM_EDGE_KIND_REWORK);
  add_joined (map, "e6", "s", "z", FM_EDGE_KIND_FLOW);
  add_joined (map, "e7", "z", "x", FM_EDGE_KIND_INFO);

  reading = fm_map_reading_order (map);
  assert_order (reading, expected_reading, G_N_ELEMENTS (expected_reading));
  order = fm_map_flow_order (map);
  assert_order (order, expected_flow, G_N_ELEMENTS (expected_flow));
}

static void
test_rect_union (void)
{
  FmRect r = { 10, 20, 30, 40 };

  fm_rect_union (&r, &(FmRect) { 0, 50, 5, 100 });
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 20);
  g_assert_cmpfloat (r.width, ==, 40);
  g_assert_cmpfloat (r.height, ==, 130);

  /* Inside: unchanged. */
  fm_rect_union (&r, &(FmRect) { 1, 21, 2, 2 });
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 20);
  g_assert_cmpfloat (r.width, ==, 40);
  g_assert_cmpfloat (r.height, ==, 130);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/model/defaults", test_defaults);
  g_test_add_func ("/fm/model/quiet-appends", test_quiet_appends);
  g_test_add_func ("/fm/model/kind-names", test_kinds_round_trip);
  g_test_add_func ("/fm/model/enum-names", test_enum_names_are_the_format);
  g_test_add_func ("/fm/model/iso-date", test_iso_date);
  g_test_add_func ("/fm/model/flow-order", test_flow_order);
  g_test_add_func ("/fm/model/rect-union", test_rect_union);
  g_test_add_func ("/fm/model/copy-keeps-ids", test_copy_keeps_ids);
  g_test_add_func ("/fm/model/new-ids-unique", test_new_ids_unique);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/undo/set-property", test_undo_set_property);
  ADD ("/fm/undo/unchanged-value", test_unchanged_value_records_nothing);
  ADD ("/fm/undo/typing-coalesces", test_typing_coalesces);
  ADD ("/fm/undo/moves-merge", test_moves_merge);
  ADD ("/fm/undo/drag-group", test_drag_group_is_one_step);
  ADD ("/fm/undo/resize", test_resize);
  ADD ("/fm/undo/delete-node-edges", test_delete_node_takes_its_edges);
  ADD ("/fm/undo/delete-keeps-order", test_delete_edges_and_nodes_keep_order);
  ADD ("/fm/undo/add-node-edge", test_add_node_and_edge);
  ADD ("/fm/undo/removed-node-replay", test_changes_to_removed_node_replay);
  ADD ("/fm/undo/delete-forgets-targets", test_delete_forgets_targets);
  ADD ("/fm/undo/maps", test_maps_add_remove_move);
  ADD ("/fm/undo/modified", test_modified_tracks_saved_state);
  ADD ("/fm/undo/changed-signal", test_changed_signal);
  ADD ("/fm/undo/empty-group", test_empty_group_records_nothing);
#undef ADD

  return g_test_run ();
}
