/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo-cancel.c: a cancelled gesture leaves no trace
 *
 * Escape during a drag reverts the drag's open group with
 * fm_document_cancel_group(): the document is as before, nothing is on
 * the redo side that was not there before, and the undo depth and the
 * saved marker are unchanged.
 */
#include "config.h"

#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-map-private.h"

typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
  guint n_changed;
} Fixture;

static void
on_changed (FmDocument *doc,
            Fixture    *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  const char *ids[] = { "a", "b", "c" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_PROCESS, ids[i]);

      fm_node_set_position (node, 200 * i, 0);
      fm_map_insert_node (map, i, node);
    }
  {
    g_autoptr(FmEdge) edge = fm_edge_new ("e1", "a", "b", FM_EDGE_KIND_FLOW);

    fm_map_insert_edge (map, 0, edge);
  }

  f->doc = fm_document_new ();
  f->stack = fm_document_get_undo_stack (f->doc);
  fm_document_insert_map_internal (f->doc, 0, map);
  f->map = map;
  fm_undo_stack_set_saved (f->stack);
  g_signal_connect (f->doc, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
}

static char *
save (Fixture *f)
{
  char *text = fm_json_save_to_data (f->doc, NULL);

  g_assert_nonnull (text);
  return text;
}

/* What a drag does: many small moves, then a resize and an edge. */
static void
drag_things (Fixture *f)
{
  const char *ids[] = { "a", "b", NULL };
  FmRect bounds = { 400, 0, 300, 200 };
  g_autoptr(FmEdge) edge = fm_edge_new ("e2", "b", "c", FM_EDGE_KIND_PUSH);

  for (int i = 0; i < 5; i++)
    fm_document_move_nodes (f->doc, f->map, ids, 10, 5);
  fm_document_set_node_bounds (f->doc, f->map, "c", &bounds);
  fm_document_add_edge (f->doc, f->map, edge);
  fm_document_set (f->doc, f->map, "a", "label", "Build", NULL);
}

static void
test_nothing_redoable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = save (f);
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;

  fm_document_begin_group (f->doc, "Move");
  drag_things (f);
  during = save (f);
  g_assert_cmpstr (during, !=, before);
  g_assert_true (fm_undo_stack_in_group (f->stack));

  f->n_changed = 0;
  fm_document_cancel_group (f->doc);
  /* One redraw for the whole revert. */
  g_assert_cmpuint (f->n_changed, ==, 1);

  after = save (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (fm_undo_stack_in_group (f->stack));
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_false (fm_undo_stack_redo (f->stack));
  g_assert_false (fm_undo_stack_get_can_undo (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  g_assert_null (fm_map_lookup_edge (f->map, "e2"));
}

/* Before the fix the cancelled drag went to the redo side, in place of
 * what was there: the earlier undone step must stay redoable instead, and
 * the saved marker must stay on the step it was on. */
static void
test_keeps_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fm_document_set (f->doc, f->map, "a", "label", "Build", NULL);
  fm_undo_stack_set_saved (f->stack);
  fm_document_set (f->doc, f->map, "b", "label", "Test", NULL);
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  before = save (f);

  fm_document_begin_group (f->doc, "Move");
  drag_things (f);
  fm_document_cancel_group (f->doc);

  after = save (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Rename");
  g_assert_cmpstr (fm_undo_stack_get_redo_label (f->stack), ==, "Rename");

  /* Redo brings back the rename, not the drag. */
  g_assert_true (fm_undo_stack_redo (f->stack));
  g_assert_cmpstr (fm_node_get_label (fm_map_lookup_node (f->map, "b")), ==, "Test");
  g_assert_cmpfloat (fm_node_get_x (fm_map_lookup_node (f->map, "a")), ==, 0);
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_true (fm_undo_stack_get_modified (f->stack));
}

/* A document modified before the gesture stays modified after it. */
static void
test_keeps_modified (Fixture       *f,
                     gconstpointer  data)
{
  const char *ids[] = { "c", NULL };

  fm_document_move_nodes (f->doc, f->map, ids, 0, 40);
  g_assert_true (fm_undo_stack_get_modified (f->stack));

  fm_document_begin_group (f->doc, "Move");
  drag_things (f);
  fm_document_cancel_group (f->doc);

  g_assert_true (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_cmpfloat (fm_node_get_y (fm_map_lookup_node (f->map, "c")), ==, 40);

  /* The next move is a step of its own, as after an undo. */
  fm_document_move_nodes (f->doc, f->map, ids, 0, 40);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpfloat (fm_node_get_y (fm_map_lookup_node (f->map, "c")), ==, 0);
}

/* Cancelling an inner group keeps what the outer one did before it. */
static void
test_nested (Fixture       *f,
             gconstpointer  data)
{
  const char *ids[] = { "a", NULL };
  FmRect bounds = { 200, 0, 400, 300 };
  g_autofree char *before = save (f);
  g_autofree char *undone = NULL;

  fm_document_begin_group (f->doc, "Outer");
  fm_document_move_nodes (f->doc, f->map, ids, 30, 0);
  fm_document_begin_group (f->doc, "Inner");
  fm_document_set_node_bounds (f->doc, f->map, "b", &bounds);
  fm_document_cancel_group (f->doc);
  g_assert_true (fm_undo_stack_in_group (f->stack));
  g_assert_cmpfloat (fm_node_get_width (fm_map_lookup_node (f->map, "b")), !=, 400);
  g_assert_cmpfloat (fm_node_get_x (fm_map_lookup_node (f->map, "a")), ==, 30);
  fm_document_end_group (f->doc);

  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_true (fm_undo_stack_undo (f->stack));
  undone = save (f);
  g_assert_cmpstr (undone, ==, before);
}

/* A press that did nothing yet: no change, no redraw. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  f->n_changed = 0;
  fm_document_begin_group (f->doc, "Move");
  fm_document_cancel_group (f->doc);

  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_false (fm_undo_stack_in_group (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  g_assert_false (fm_undo_stack_get_modified (f->stack));
}

/* Escape in an inspector field: what was typed since the field got the
 * focus (one merged step, then a step of a shortcut) is reverted and
 * forgotten, as with a cancelled gesture; the steps before stay. */
static void
test_revert_to (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint depth;

  fm_document_set (f->doc, f->map, "a", "label", "Plan", NULL);
  fm_undo_stack_set_saved (f->stack);
  before = save (f);
  depth = fm_undo_stack_get_depth (f->stack);
  fm_undo_stack_seal (f->stack);
  fm_document_set (f->doc, f->map, "b", "label", "B", NULL);
  fm_document_set (f->doc, f->map, "b", "label", "Bu", NULL);
  fm_undo_stack_seal (f->stack);
  fm_document_set (f->doc, f->map, "c", "label", "C", NULL);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), >=, depth + 2);

  f->n_changed = 0;
  fm_undo_stack_revert_to (f->stack, depth);
  g_assert_cmpuint (f->n_changed, ==, 1);
  after = save (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, depth);
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), !=, NULL);

  /* Nothing to forget: nothing happens. */
  f->n_changed = 0;
  fm_undo_stack_revert_to (f->stack, depth);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Saved in between: the state reverted to is not what is on disk. */
  fm_document_set (f->doc, f->map, "b", "label", "X", NULL);
  fm_undo_stack_set_saved (f->stack);
  fm_undo_stack_revert_to (f->stack, depth);
  g_assert_true (fm_undo_stack_get_modified (f->stack));

  /* The step before stays: undo takes back the first label. */
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_cmpstr (fm_node_get_label (fm_map_lookup_node (f->map, "a")), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/undo-cancel/nothing-redoable", test_nothing_redoable);
  ADD ("/fm/undo-cancel/keeps-history", test_keeps_history);
  ADD ("/fm/undo-cancel/keeps-modified", test_keeps_modified);
  ADD ("/fm/undo-cancel/nested", test_nested);
  ADD ("/fm/undo-cancel/empty", test_empty);
  ADD ("/fm/undo-cancel/revert-to", test_revert_to);
#undef ADD

  return g_test_run ();
}
