/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-table-ui.c: the table view in a window: eight rows pasted through
 * the clipboard make the map the same commands make by hand, and one undo
 * takes it away; the canvas's edits show in the table at once; a refused
 * cell says what the inspector says
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "fm-inspector-fields.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"
#include "fm-window-private.h"
#include "fm-working-time.h"

typedef struct {
  FmWindow *window;
  FmDocument *doc;
  FmMap *map;
  FmTableView *table;
} Fixture;

/* As a spreadsheet copies it: a header, tabs, a line break after each row. */
static const char eight_rows[] =
  "Step\tRole\tPeople\tProcess time\tLead time\tWait\tItems\t%C&A\n"
  "Backlog\t\t\t\t\t5 d\t12\t\n"
  "Refinement\tProduct team\t3\t4 h\t2 d\t\t\t80\n"
  "Ready for development\t\t\t\t\t2 d\t4\t\n"
  "Coding\tDevelopers\t2\t3 d\t7 d\t\t\t70 %\n"
  "Waiting for review\t\t\t\t\t1 d\t3\t\n"
  "Security review\tSecurity team\t1\t4 h\t2 d\t\t\t95\n"
  "Release window\t\t\t\t\t10 d\t\t\n"
  "Release\tOperations\t2\t2 h\t1 d\t\t\t\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = g_object_ref_sink (fm_window_new (NULL));
  f->doc = fm_window_get_document (f->window);
  f->map = fm_document_get_map (f->doc, 0);
  gtk_window_present (GTK_WINDOW (f->window));
  /* The table is made when first shown. */
  g_assert_null (f->window->table_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-table", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->view_stack), ==, "table");
  f->table = f->window->table_view;
  g_assert_nonnull (f->table);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
}

/* The eight rows by hand, as the canvas and the inspector would make them:
 * a node and its figures each, a flow edge from the one before. */
static void
build_by_hand (FmDocument *doc,
               FmMap      *map)
{
  double hour = 3600, day = 86400, work_day = fm_working_day_s (doc);
  const char *prev = NULL;
  struct {
    FmNodeKind kind;
    const char *label, *role;
    double people, process, lead, pca, wait, items;
  } rows[] = {
    { FM_NODE_KIND_QUEUE, "Backlog", NULL, 0, 0, 0, 0, 5 * day, 12 },
    { FM_NODE_KIND_PROCESS, "Refinement", "Product team", 3, 4 * hour, 2 * day, 80, 0, 0 },
    { FM_NODE_KIND_QUEUE, "Ready for development", NULL, 0, 0, 0, 0, 2 * day, 4 },
    { FM_NODE_KIND_PROCESS, "Coding", "Developers", 2, 3 * work_day, 7 * day, 70, 0, 0 },
    { FM_NODE_KIND_QUEUE, "Waiting for review", NULL, 0, 0, 0, 0, 1 * day, 3 },
    { FM_NODE_KIND_PROCESS, "Security review", "Security team", 1, 4 * hour, 2 * day, 95, 0, 0 },
    { FM_NODE_KIND_QUEUE, "Release window", NULL, 0, 0, 0, 0, 10 * day, FM_UNSET },
    { FM_NODE_KIND_PROCESS, "Release", "Operations", 2, 2 * hour, 1 * day, FM_UNSET, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autoptr(FmNode) node = fm_node_new (rows[i].kind, id);

      fm_node_set_position (node, i * 300, 0);
      fm_document_add_node (doc, map, node);
      fm_document_set (doc, map, id, "label", rows[i].label, NULL);
      if (rows[i].kind == FM_NODE_KIND_QUEUE)
        fm_document_set (doc, map, id, "wait-s", rows[i].wait, "items", rows[i].items, NULL);
      else
        fm_document_set (doc, map, id, "role", rows[i].role, "people", rows[i].people,
                         "process-s", rows[i].process, "lead-s", rows[i].lead, "pca", rows[i].pca, NULL);
      if (prev != NULL)
        {
          g_autofree char *edge_id = g_strdup_printf ("e%u", i);
          g_autoptr(FmEdge) edge = fm_edge_new (edge_id, prev, id, FM_EDGE_KIND_FLOW);

          fm_document_add_edge (doc, map, edge);
        }
      prev = fm_node_get_id (fm_map_lookup_node (map, id));
    }
}

static void
assert_same_node (FmNode *a,
                  FmNode *b)
{
  static const char *numbers[] = { "people", "process-s", "lead-s", "pca", "wait-s", "items" };

  g_assert_cmpint (fm_node_get_kind (a), ==, fm_node_get_kind (b));
  g_assert_cmpstr (fm_node_get_label (a), ==, fm_node_get_label (b));
  if (FM_IS_PROCESS_STEP (a))
    g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (a)), ==,
                     fm_process_step_get_role (FM_PROCESS_STEP (b)));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double va, vb;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (a), numbers[i]) == NULL)
        continue;
      g_object_get (a, numbers[i], &va, NULL);
      g_object_get (b, numbers[i], &vb, NULL);
      g_assert_cmpfloat (va, ==, vb);
    }
}

/* Runs the main loop until the table has @n rows (the clipboard is read
 * asynchronously), or gives up after as many idle turns. */
static void
wait_for_rows (Fixture *f,
               guint    n)
{
  for (guint i = 0; i < 100000 && fm_table_view_get_n_rows (f->table) != n; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fm_table_view_get_n_rows (f->table), ==, n);
}

/* Issue 20: a map typed by pasting eight rows from a spreadsheet equals
 * the same map drawn by hand; the paste is one undo step. */
static void
test_paste_eight_rows (Fixture       *f,
                       gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  g_autoptr(FmDocument) hand = fm_document_new ();
  g_autoptr(FmMap) hand_map = fm_map_new ("hand");
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GPtrArray) drawn = NULL;
  FmMetrics *m1, *m2;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->table)), eight_rows);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "table.paste", NULL));
  wait_for_rows (f, 8);
  g_assert_null (fm_table_view_get_message (f->table));

  fm_document_add_map (hand, hand_map, 0);
  build_by_hand (hand, hand_map);

  pasted = fm_table_rows (f->map);
  drawn = fm_table_rows (hand_map);
  g_assert_cmpuint (pasted->len, ==, 8);
  g_assert_cmpuint (drawn->len, ==, 8);
  for (guint i = 0; i < 8; i++)
    assert_same_node (pasted->pdata[i], drawn->pdata[i]);
  /* A chain of flow edges, each from a row to the next. */
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      FmEdge *edge = fm_map_get_edge (f->map, i);

      g_assert_true (fm_edge_is_flow (edge));
      g_assert_cmpstr (fm_edge_get_from (edge), ==, fm_node_get_id (pasted->pdata[i]));
      g_assert_cmpstr (fm_edge_get_to (edge), ==, fm_node_get_id (pasted->pdata[i + 1]));
    }

  /* The figures of the two maps are the same too. */
  m1 = fm_metrics_compute (f->doc, f->map, NULL);
  m2 = fm_metrics_compute (hand, hand_map, NULL);
  g_assert_cmpfloat (m1->lead_time_s, ==, m2->lead_time_s);
  g_assert_cmpfloat (m1->process_time_s, ==, m2->process_time_s);
  g_assert_cmpfloat (m1->rolled_pca, ==, m2->rolled_pca);
  g_assert_cmpfloat (m1->lead_time_s, ==, 30 * 86400.0);
  fm_metrics_free (m1);
  fm_metrics_free (m2);

  /* One step: undo takes the whole paste away, redo brings it back. */
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 0);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 0);
  g_assert_cmpuint (fm_table_view_get_n_rows (f->table), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (fm_table_view_get_n_rows (f->table), ==, 8);
}

/* A GtkEditableLabel under @widget that says @text. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_EDITABLE_LABEL (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
wait_for_cell (Fixture    *f,
               const char *text)
{
  GtkWidget *cell = NULL;

  /* Cells are bound at the next frame: turns of the loop, not a clock. */
  for (guint i = 0; i < 100000 && (cell = find_cell (GTK_WIDGET (f->table), text)) == NULL; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_nonnull (cell);
  return cell;
}

/* What the canvas, the inspector or the document change shows in the
 * cells at once, and a cell that refuses its text says what the
 * inspector says, and changes nothing. */
static void
test_two_views (Fixture       *f,
                gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *cell;
  guint depth, process_field = 0;

  g_assert_true (fm_table_view_paste_text (f->table, eight_rows));
  g_assert_cmpuint (fm_table_view_get_n_rows (f->table), ==, 8);
  rows = fm_table_rows (f->map);
  cell = wait_for_cell (f, "Coding");

  /* An edit elsewhere: the same cell, without a new binding. */
  fm_document_set (f->doc, f->map, fm_node_get_id (rows->pdata[3]), "label", "Coding and unit tests", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "Coding and unit tests");
  fm_document_set (f->doc, f->map, fm_node_get_id (rows->pdata[3]), "process-s", 5400.0, NULL);
  g_assert_nonnull (wait_for_cell (f, "1 h 30 min"));

  /* Typed into Coding's process time: refused with the inspector's words. */
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (g_str_equal (fm_inspector_fields[i].property, "process-s"))
      process_field = i;
  hint = fm_inspector_field_hint (process_field);
  expected = g_strdup_printf ("Line 1, Process Time: “2 x”: %s", hint);
  depth = fm_undo_stack_get_depth (stack);
  g_assert_true (fm_table_view_focus_cell (f->table, 3, FM_TABLE_PROCESS));
  g_assert_false (fm_table_view_paste_text (f->table, "2 x\n"));
  g_assert_cmpstr (fm_table_view_get_message (f->table), ==, expected);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth);

  /* Without a header, from the cursor's column on; "d" of process time is
   * a working day, as in the inspector. */
  g_assert_true (fm_table_view_paste_text (f->table, "1 d\t3 d\n"));
  g_assert_null (fm_table_view_get_message (f->table));
  g_assert_cmpfloat (fm_process_step_get_process_s (rows->pdata[3]), ==, fm_working_day_s (f->doc));
  g_assert_cmpfloat (fm_process_step_get_lead_s (rows->pdata[3]), ==, 3 * 86400.0);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth + 1);

  /* A wait pasted on a step is not taken. */
  g_assert_true (fm_table_view_focus_cell (f->table, 3, FM_TABLE_WAIT));
  g_assert_false (fm_table_view_paste_text (f->table, "2 d\n"));
  g_assert_cmpstr (fm_table_view_get_message (f->table), ==, "Line 1: a Step has no Wait");
}

/* Ctrl+Enter's rows: a step, then a queue after it, each one undo step
 * named for what it added. */
static void
test_add_row (Fixture       *f,
              gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (fm_table_view_add_row (f->table, FM_NODE_KIND_PROCESS));
  g_assert_cmpstr (fm_undo_stack_get_undo_label (stack), ==, "Add Step");
  g_assert_true (fm_table_view_add_row (f->table, FM_NODE_KIND_QUEUE));
  g_assert_cmpstr (fm_undo_stack_get_undo_label (stack), ==, "Add Queue");
  rows = fm_table_rows (f->map);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (fm_node_get_kind (rows->pdata[1]), ==, FM_NODE_KIND_QUEUE);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 1);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 2);
  g_assert_true (fm_undo_stack_undo (stack));
  g_assert_cmpuint (fm_table_view_get_n_rows (f->table), ==, 1);

  /* An edit while the map is shown is in the table when it is shown again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-table", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->view_stack), ==, "map");
  fm_document_set (f->doc, f->map, fm_node_get_id (rows->pdata[0]), "label", "Typed on the map", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-table", NULL));
  g_assert_cmpstr (fm_node_get_label (rows->pdata[0]), ==, "Typed on the map");
  g_assert_nonnull (wait_for_cell (f, "Typed on the map"));
}

/* Copy gives the table back as tab-separated text with a header. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->table));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (fm_table_view_paste_text (f->table, eight_rows));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "table.copy", NULL));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_str_has_prefix (g_value_get_string (&value),
                                   "Kind\tLabel\tRole\tPeople\tProcess Time\tLead Time\tWait\tItems\t%C&A\n"
                                   "Queue\tBacklog\t\t\t\t\t5 d\t12\t\n"
                                   "Step\tRefinement\tProduct team\t3\t4 h\t2 d\t\t\t80%\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;

  if (fm_test_skip_without_display ())
    return 0;

  /* A window keeps unsaved changes aside: not among the user's. */
  state = g_dir_make_tmp ("flowmap-table-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/table-view/paste-eight-rows", test_paste_eight_rows);
  ADD ("/fm/table-view/two-views", test_two_views);
  ADD ("/fm/table-view/add-row", test_add_row);
  ADD ("/fm/table-view/copy", test_copy);
#undef ADD

  return g_test_run ();
}
