/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo-property.c: undo is exact
 *
 * Thousands of random edits (add, move, resize, edit, connect, delete,
 * paste, map changes), then undo them all: the saved text must be the
 * starting text byte for byte; redo them all: the final text again. The
 * seed is printed by the test framework (--seed to replay a failure).
 * And random edits in a group that is cancelled leave no trace.
 */
#include "config.h"

#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-test-utils.h"

#define N_OPERATIONS 3000

static const char *labels[] = { "Build", "Review", "Wait for QA", "Deploy", "Äpfel & Birnen", "" };

static FmNode *
random_node (FmMap *map)
{
  guint n = fm_map_get_n_nodes (map);

  return n == 0 ? NULL : fm_map_get_node (map, g_test_rand_int_range (0, n));
}

/* One to three node ids, possibly repeated: the API takes any list. */
static char **
random_ids (FmMap *map)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = fm_map_get_n_nodes (map);
  guint count = MIN (n, (guint) g_test_rand_int_range (1, 4));

  for (guint i = 0; i < count; i++)
    {
      FmNode *node = fm_map_get_node (map, g_test_rand_int_range (0, n));

      g_strv_builder_add (ids, fm_node_get_id (node));
    }

  return g_strv_builder_end (ids);
}

static void
op_add (FmDocument *doc,
        FmMap      *map)
{
  FmNodeKind kind = g_test_rand_int_range (FM_NODE_KIND_TRIGGER, FM_NODE_KIND_NOTE + 1);
  g_autofree char *id = fm_map_new_id (map, fm_node_kind_to_string (kind));
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_position (node, g_test_rand_int_range (-500, 3000), g_test_rand_int_range (-200, 1500));
  fm_node_set_label (node, labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))]);
  fm_document_add_node (doc, map, node);
}

static void
op_move (FmDocument *doc,
         FmMap      *map)
{
  g_auto(GStrv) raw = random_ids (map);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) unique = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  /* A move takes each node once. */
  for (guint i = 0; raw[i] != NULL; i++)
    if (g_hash_table_add (seen, raw[i]))
      g_strv_builder_add (unique, raw[i]);
  ids = g_strv_builder_end (unique);

  /* Odd steps to catch any drift of floating point through undo. */
  fm_document_move_nodes (doc, map, (const char * const *) ids,
                          g_test_rand_double_range (-100, 100), g_test_rand_double_range (-100, 100));
}

static void
op_resize (FmDocument *doc,
           FmMap      *map)
{
  FmNode *node = random_node (map);
  FmRect r;

  fm_node_get_bounds (node, &r);
  r.width = g_test_rand_double_range (20, 400);
  r.height = g_test_rand_double_range (20, 300);
  fm_document_set_node_bounds (doc, map, fm_node_get_id (node), &r);
}

static void
op_edit (FmDocument *doc,
         FmMap      *map)
{
  FmNode *node = random_node (map);
  const char *id = fm_node_get_id (node);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean coalesce = g_test_rand_bit ();

  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_PROCESS:
      {
        static const char *props[] = { "process-s", "lead-s", "pca", "people", "wip" };
        const char *prop = props[g_test_rand_int_range (0, G_N_ELEMENTS (props))];
        double v = g_str_equal (prop, "pca") ? g_test_rand_int_range (0, 101)
                                              : g_test_rand_double_range (0, 1e6);

        if (g_test_rand_int_range (0, 5) == 0)
          v = FM_UNSET;
        g_value_init (&value, G_TYPE_DOUBLE);
        g_value_set_double (&value, v);
        fm_document_set_value_full (doc, map, id, prop, &value, coalesce);
        return;
      }
    case FM_NODE_KIND_QUEUE:
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, g_test_rand_double_range (0, 1e7));
      fm_document_set_value_full (doc, map, id, g_test_rand_bit () ? "wait-s" : "items", &value, coalesce);
      return;
    case FM_NODE_KIND_KAIZEN:
      fm_document_set (doc, map, id,
                       "status", (FmKaizenStatus) g_test_rand_int_range (0, 4),
                       "owner", labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))],
                       NULL);
      return;
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_NOTE:
    default:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))]);
      fm_document_set_value_full (doc, map, id, "label", &value, coalesce);
      return;
    }
}

static void
op_connect (FmDocument *doc,
            FmMap      *map)
{
  FmNode *from = random_node (map);
  FmNode *to = random_node (map);
  FmEdgeKind kind = g_test_rand_int_range (FM_EDGE_KIND_FLOW, FM_EDGE_KIND_REWORK + 1);
  g_autofree char *id = NULL;
  g_autoptr(FmEdge) edge = NULL;

  if (from == to)
    return;

  id = fm_map_new_id (map, "edge");
  edge = fm_edge_new (id, fm_node_get_id (from), fm_node_get_id (to), kind);
  if (kind == FM_EDGE_KIND_REWORK)
    fm_edge_set_rate (edge, g_test_rand_double_range (0, 0.9));
  fm_document_add_edge (doc, map, edge);
}

static void
op_edit_edge (FmDocument *doc,
              FmMap      *map)
{
  guint n = fm_map_get_n_edges (map);
  FmEdge *edge;

  if (n == 0)
    return;

  edge = fm_map_get_edge (map, g_test_rand_int_range (0, n));
  fm_document_set (doc, map, fm_edge_get_id (edge),
                   "kind", (FmEdgeKind) g_test_rand_int_range (0, FM_EDGE_KIND_REWORK + 1),
                   "rate", g_test_rand_bit () ? FM_UNSET : g_test_rand_double_range (0, 0.99),
                   NULL);
}

static void
op_delete (FmDocument *doc,
           FmMap      *map)
{
  g_auto(GStrv) ids = random_ids (map);

  /* Sometimes an edge as well. */
  if (fm_map_get_n_edges (map) > 0 && g_test_rand_bit ())
    {
      g_autoptr(GStrvBuilder) more = g_strv_builder_new ();
      g_auto(GStrv) all = NULL;

      g_strv_builder_addv (more, (const char **) ids);
      g_strv_builder_add (more, fm_edge_get_id (fm_map_get_edge (map, g_test_rand_int_range (0, fm_map_get_n_edges (map)))));
      all = g_strv_builder_end (more);
      fm_document_remove (doc, map, (const char * const *) all);
      return;
    }

  fm_document_remove (doc, map, (const char * const *) ids);
}

/* What the canvas does on paste: the clipboard text back into nodes and
 * edges under new ids, added as one step. */
static void
op_paste (FmDocument *doc,
          FmMap      *map)
{
  g_auto(GStrv) ids = random_ids (map);
  g_autofree char *text = fm_json_serialize_selection (map, (const char * const *) ids);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (fm_json_parse_selection (text, &nodes, &edges, &error));
  g_assert_no_error (error);

  fm_document_begin_group (doc, "Paste");
  for (guint i = 0; i < nodes->len; i++)
    {
      FmNode *node = nodes->pdata[i];
      char *new_id = fm_map_new_id (map, fm_node_kind_to_string (fm_node_get_kind (node)));
      g_autoptr(FmNode) copy = fm_node_copy_with_id (node, new_id);

      g_hash_table_insert (renamed, g_strdup (fm_node_get_id (node)), new_id);
      fm_node_set_position (copy, fm_node_get_x (node) + 20, fm_node_get_y (node) + 20);
      fm_document_add_node (doc, map, copy);
    }
  for (guint i = 0; i < edges->len; i++)
    {
      FmEdge *edge = edges->pdata[i];
      g_autofree char *new_id = fm_map_new_id (map, "edge");
      g_autoptr(FmEdge) copy = fm_edge_new (new_id,
                                            g_hash_table_lookup (renamed, fm_edge_get_from (edge)),
                                            g_hash_table_lookup (renamed, fm_edge_get_to (edge)),
                                            fm_edge_get_kind (edge));

      fm_edge_set_rate (copy, fm_edge_get_rate (edge));
      fm_document_add_edge (doc, map, copy);
    }
  fm_document_end_group (doc);
}

static void
op_maps (FmDocument *doc)
{
  guint n = fm_document_get_n_maps (doc);

  switch (g_test_rand_int_range (0, 3))
    {
    case 0:
      {
        FmMap *source = fm_document_get_map (doc, g_test_rand_int_range (0, n));
        g_autofree char *id = fm_document_new_map_id (doc);
        g_autoptr(FmMap) copy = fm_map_copy (source, id);

        fm_map_set_state (copy, FM_MAP_STATE_FUTURE);
        fm_map_set_based_on (copy, fm_map_get_id (source));
        fm_document_add_map (doc, copy, g_test_rand_int_range (0, n + 1));
      }
      break;
    case 1:
      if (n > 1)
        fm_document_move_map (doc, g_test_rand_int_range (0, n), g_test_rand_int_range (0, n));
      break;
    default:
      fm_document_set (doc, fm_document_get_map (doc, g_test_rand_int_range (0, n)), NULL,
                       "name", labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))], NULL);
      break;
    }
}

static char *
save (FmDocument *doc)
{
  return fm_json_save_to_data (doc, NULL);
}

static void
random_operation (FmDocument *doc)
{
  FmMap *map = fm_document_get_map (doc, g_test_rand_int_range (0, fm_document_get_n_maps (doc)));
  guint op = g_test_rand_int_range (0, 100);

  /* Keep maps from emptying out: adds outweigh deletes. */
  if (fm_map_get_n_nodes (map) < 3 || op < 20)
    op_add (doc, map);
  else if (op < 38)
    op_move (doc, map);
  else if (op < 45)
    op_resize (doc, map);
  else if (op < 65)
    op_edit (doc, map);
  else if (op < 77)
    op_connect (doc, map);
  else if (op < 82)
    op_edit_edge (doc, map);
  else if (op < 90)
    op_delete (doc, map);
  else if (op < 97)
    op_paste (doc, map);
  else
    op_maps (doc);
}

static void
test_undo_all_redo_all (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  FmUndoStack *stack;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint steps = 0;

  stack = fm_document_get_undo_stack (doc);
  start = save (doc);

  for (guint i = 0; i < N_OPERATIONS; i++)
    {
      random_operation (doc);

      /* Break merges now and then, as losing focus or a new gesture does. */
      if (g_test_rand_int_range (0, 4) == 0)
        fm_undo_stack_seal (stack);
    }

  end = save (doc);
  g_assert_cmpstr (start, !=, end);

  while (fm_undo_stack_undo (stack))
    steps++;
  g_test_message ("%u operations made %u undo steps", N_OPERATIONS, steps);
  g_assert_cmpuint (steps, >, N_OPERATIONS / 4);
  {
    g_autofree char *undone = save (doc);

    g_assert_cmpstr (undone, ==, start);
    g_assert_false (fm_undo_stack_get_modified (stack));
  }

  while (fm_undo_stack_redo (stack))
    ;
  {
    g_autofree char *redone = save (doc);

    g_assert_cmpstr (redone, ==, end);
  }
}

/* A cancelled group of any edits leaves the document, the history and
 * the saved marker as they were: nothing to redo that was not there. */
static void
test_cancel_leaves_no_trace (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  FmUndoStack *stack;

  g_assert_no_error (error);
  stack = fm_document_get_undo_stack (doc);

  for (guint i = 0; i < N_OPERATIONS / 10; i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *redo_label = NULL;
      guint depth, n_edits = g_test_rand_int_range (1, 6);
      gboolean modified, can_redo;

      /* Some history on both sides, and now and then a save. */
      random_operation (doc);
      if (g_test_rand_int_range (0, 3) == 0)
        fm_undo_stack_undo (stack);
      if (g_test_rand_int_range (0, 5) == 0)
        fm_undo_stack_set_saved (stack);

      before = save (doc);
      depth = fm_undo_stack_get_depth (stack);
      modified = fm_undo_stack_get_modified (stack);
      redo_label = g_strdup (fm_undo_stack_get_redo_label (stack));
      can_redo = fm_undo_stack_get_can_redo (stack);

      fm_document_begin_group (doc, "Gesture");
      for (guint k = 0; k < n_edits; k++)
        random_operation (doc);
      fm_document_cancel_group (doc);

      after = save (doc);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth);
      g_assert_cmpint (fm_undo_stack_get_modified (stack), ==, modified);
      g_assert_cmpstr (fm_undo_stack_get_redo_label (stack), ==, redo_label);
      g_assert_cmpint (fm_undo_stack_get_can_redo (stack), ==, can_redo);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/undo/property/undo-all-redo-all", test_undo_all_redo_all);
  g_test_add_func ("/fm/undo/property/cancel-leaves-no-trace", test_cancel_leaves_no_trace);

  return g_test_run ();
}
