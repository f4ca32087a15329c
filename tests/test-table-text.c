/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-table-text.c: tab-separated text read as the table's rows, with or
 * without a header; a paste over rows and past them as one undo step;
 * copy and paste back
 *
 * No widget: the cells read through a small codec of the model's own
 * parsers here; the inspector's (with its messages) is tested through the
 * table in test-table-ui.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-duration.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-table-text.h"
#include "fm-test-utils.h"

static gboolean
parse (FmTableColumn   column,
       GParamSpec     *pspec,
       const char     *text,
       GValue         *value,
       char          **hint,
       gpointer        user_data)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double number = FM_UNSET;
  char *end;

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      g_value_set_string (value, text);
      return TRUE;
    }
  if (*stripped != '\0')
    {
      gboolean ok;

      if (column == FM_TABLE_PROCESS || column == FM_TABLE_LEAD || column == FM_TABLE_WAIT)
        ok = fm_duration_parse (stripped, 86400, &number);
      else
        ok = (number = g_ascii_strtod (stripped, &end), *end == '\0');
      if (!ok)
        {
          *hint = g_strdup ("what it takes");
          return FALSE;
        }
    }
  g_value_set_double (value, number);
  return !g_param_value_validate (pspec, value);
}

static char *
format (FmTableColumn  column,
        const GValue  *value,
        gpointer       user_data)
{
  double number;

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
  number = g_value_get_double (value);
  if (!fm_value_is_set (number))
    return g_strdup ("");
  if (column == FM_TABLE_PROCESS || column == FM_TABLE_LEAD || column == FM_TABLE_WAIT)
    return fm_duration_format (number, 86400);
  return g_strdup_printf ("%g", number);
}

static const FmTableCodec codec = { parse, format, NULL, NULL };

static FmTablePaste *
parse_ok (const char    *text,
          FmTableColumn  first)
{
  g_autoptr(GError) error = NULL;
  FmTablePaste *paste = fm_table_paste_parse (text, first, &error);

  g_assert_no_error (error);
  g_assert_nonnull (paste);
  return paste;
}

/* Header names in any case, in English or as titled, a unit in brackets
 * left out; columns no one names are left out. */
static void
test_header (void)
{
  g_autoptr(FmTablePaste) paste =
    parse_ok ("STEP\tprocess time (h)\tNotes\t%C&A\tWait\r\nA\t2 h\tx\t90\t\r\n", FM_TABLE_LABEL);
  FmTableColumn column;

  g_assert_true (fm_table_paste_has_header (paste));
  g_assert_cmpuint (fm_table_paste_get_n_rows (paste), ==, 1);
  g_assert_cmpuint (fm_table_paste_get_n_columns (paste), ==, 5);
  g_assert_cmpint (fm_table_paste_get_column (paste, 0), ==, FM_TABLE_LABEL);
  g_assert_cmpint (fm_table_paste_get_column (paste, 1), ==, FM_TABLE_PROCESS);
  g_assert_cmpint (fm_table_paste_get_column (paste, 2), ==, FM_TABLE_IGNORED);
  g_assert_cmpint (fm_table_paste_get_column (paste, 3), ==, FM_TABLE_PCA);
  g_assert_cmpint (fm_table_paste_get_column (paste, 4), ==, FM_TABLE_WAIT);
  g_assert_cmpstr (fm_table_paste_get_cell (paste, 0, 1), ==, "2 h");
  g_assert_cmpstr (fm_table_paste_get_cell (paste, 0, 4), ==, "");

  g_assert_true (fm_table_column_from_name ("  Lead   Time ", &column));
  g_assert_cmpint (column, ==, FM_TABLE_LEAD);
  g_assert_false (fm_table_column_from_name ("Leadtime budget", &column));
}

/* Without a header the columns go from the cursor's on; quoted cells as a
 * spreadsheet writes them keep their tabs, line breaks and quotes. */
static void
test_no_header (void)
{
  g_autoptr(FmTablePaste) paste =
    parse_ok ("\"Say \"\"hi\"\"\tnow\"\t3\n\"two\nlines\"\t\t4\tspare\textra\n\n\n", FM_TABLE_PCA - 3);

  g_assert_false (fm_table_paste_has_header (paste));
  g_assert_cmpuint (fm_table_paste_get_n_rows (paste), ==, 2);
  g_assert_cmpuint (fm_table_paste_get_n_columns (paste), ==, 5);
  g_assert_cmpstr (fm_table_paste_get_cell (paste, 0, 0), ==, "Say \"hi\"\tnow");
  g_assert_cmpstr (fm_table_paste_get_cell (paste, 1, 0), ==, "two\nlines");
  g_assert_null (fm_table_paste_get_cell (paste, 0, 2));
  g_assert_cmpint (fm_table_paste_get_column (paste, 0), ==, FM_TABLE_LEAD);
  g_assert_cmpint (fm_table_paste_get_column (paste, 3), ==, FM_TABLE_PCA);
  g_assert_cmpint (fm_table_paste_get_column (paste, 4), ==, FM_TABLE_IGNORED);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fm_table_paste_parse ("\n\t\n", FM_TABLE_LABEL, &error));
  g_assert_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_EMPTY);
  g_clear_error (&error);
  /* A header alone has no rows either. */
  g_assert_null (fm_table_paste_parse ("Label\tWait\n", FM_TABLE_LABEL, &error));
  g_assert_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_EMPTY);
}

static double
get_double (FmNode     *node,
            const char *property)
{
  double value;

  g_object_get (node, property, &value, NULL);
  return value;
}

/* Rows into an empty map: steps and queues (by the Kind cell or by their
 * figures) each after the last with a flow edge, left to right; one undo
 * step takes them all away. */
static void
test_new_rows (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("current");
  FmUndoStack *stack = fm_document_get_undo_stack (doc);
  g_autoptr(FmTablePaste) paste = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  fm_document_add_map (doc, map, 0);
  fm_undo_stack_clear (stack);

  paste = parse_ok ("Label\tRole\tProcess time\tWait\tItems\tKind\n"
                    "Backlog\t\t\t5 d\t12\t\n"
                    "Refine\tProduct\t4 h\t\t\t\n"
                    "\t\t\t\t\t\n"
                    "Ready\t\t\t\t\tqueue\n"
                    "Code\tDev\t3 d\t\t\tStep\n", FM_TABLE_LABEL);
  g_assert_true (fm_table_paste_apply (paste, doc, map, 0, 10, &codec, &error));
  g_assert_no_error (error);

  rows = fm_table_rows (map);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 3);
  g_assert_cmpint (fm_node_get_kind (rows->pdata[0]), ==, FM_NODE_KIND_QUEUE);
  g_assert_cmpstr (fm_node_get_label (rows->pdata[0]), ==, "Backlog");
  g_assert_cmpfloat (get_double (rows->pdata[0], "wait-s"), ==, 5 * 86400.0);
  g_assert_cmpfloat (get_double (rows->pdata[0], "items"), ==, 12);
  g_assert_cmpint (fm_node_get_kind (rows->pdata[1]), ==, FM_NODE_KIND_PROCESS);
  g_assert_cmpstr (fm_process_step_get_role (rows->pdata[1]), ==, "Product");
  g_assert_cmpfloat (get_double (rows->pdata[1], "process-s"), ==, 4 * 3600.0);
  g_assert_cmpint (fm_node_get_kind (rows->pdata[2]), ==, FM_NODE_KIND_QUEUE);
  g_assert_cmpstr (fm_node_get_label (rows->pdata[3]), ==, "Code");
  for (guint i = 1; i < rows->len; i++)
    {
      /* Placed as Ctrl+Enter places a step: 80 to the right, on the grid. */
      FmRect a, b;

      fm_node_get_bounds (rows->pdata[i - 1], &a);
      fm_node_get_bounds (rows->pdata[i], &b);
      g_assert_cmpfloat (b.x, ==, a.x + a.width + 80);
      g_assert_cmpfloat (fmod (b.y, 10), ==, 0);
    }

  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 1);
  g_assert_true (fm_undo_stack_undo (stack));
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, 0);
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 0);
  g_assert_true (fm_undo_stack_redo (stack));
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, 4);
}

/* Over the line map's one step, then one more after it; the trigger is
 * not a row. A cell that does not read, or a figure a row does not have,
 * changes nothing and names the line. */
static void
test_over_rows (void)
{
  g_autoptr(FmDocument) doc = fm_test_new_line_document ();
  FmMap *map = fm_document_get_map (doc, 0);
  FmUndoStack *stack = fm_document_get_undo_stack (doc);
  g_autoptr(FmTablePaste) paste = NULL;
  g_autoptr(FmTablePaste) bad = NULL;
  g_autoptr(FmTablePaste) wrong = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  FmNode *p = fm_map_lookup_node (map, "p");

  paste = parse_ok ("Label\tProcess Time\nBuild\t2 h\nTest\t30 min\n", FM_TABLE_LABEL);
  g_assert_true (fm_table_paste_apply (paste, doc, map, 0, 0, &codec, &error));
  g_assert_no_error (error);

  rows = fm_table_rows (map);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (rows->pdata[0] == p);
  g_assert_cmpstr (fm_node_get_label (p), ==, "Build");
  g_assert_cmpfloat (get_double (p, "process-s"), ==, 7200);
  g_assert_cmpfloat (get_double (rows->pdata[1], "process-s"), ==, 1800);
  /* The new step follows p, not the outcome. */
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 3);
  g_assert_cmpstr (fm_edge_get_from (fm_map_get_edge (map, 2)), ==, "p");
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 1);

  bad = parse_ok ("Label\tProcess Time\nBuild again\t2 x\n", FM_TABLE_LABEL);
  g_assert_false (fm_table_paste_apply (bad, doc, map, 0, 0, &codec, &error));
  g_assert_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "Line 2, Process Time: “2 x”: what it takes");
  g_clear_error (&error);
  g_assert_cmpstr (fm_node_get_label (p), ==, "Build");

  wrong = parse_ok ("Test\t\t\t\t\t1 d\n", FM_TABLE_LABEL);
  g_assert_false (fm_table_paste_apply (wrong, doc, map, 1, 0, &codec, &error));
  g_assert_cmpstr (error->message, ==, "Line 1: a Step has no Wait");
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, 1);
  g_assert_false (fm_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, 4);
}

/* What is copied pastes back over the same rows without a change. */
static void
test_copy_round_trip (FmTestMap     *f,
                      gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->doc);
  g_autofree char *text = fm_table_copy_text (f->map, &codec);
  g_autoptr(FmTablePaste) paste = NULL;
  g_autoptr(GError) error = NULL;
  guint depth = fm_undo_stack_get_depth (stack);
  guint n = fm_map_get_n_nodes (f->map);

  g_assert_true (g_str_has_prefix (text, "Kind\tLabel\tRole\tPeople\tProcess Time\tLead Time\tWait\tItems\t%C&A\n"
                                         "Queue\tProduct backlog\t\t\t\t\t5 d\t3\t\n"
                                         "Step\tRefinement\tProduct team\t3\t4 h\t2 d\t\t\t"));
  paste = parse_ok (text, FM_TABLE_LABEL);
  g_assert_true (fm_table_paste_has_header (paste));
  g_assert_cmpuint (fm_table_paste_get_n_rows (paste), ==, 10);
  g_assert_true (fm_table_paste_apply (paste, f->doc, f->map, 0, 0, &codec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, n);
  g_assert_cmpuint (fm_undo_stack_get_depth (stack), ==, depth);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/table/header", test_header);
  g_test_add_func ("/fm/table/no-header", test_no_header);
  g_test_add_func ("/fm/table/empty", test_empty);
  g_test_add_func ("/fm/table/new-rows", test_new_rows);
  g_test_add_func ("/fm/table/over-rows", test_over_rows);
  g_test_add ("/fm/table/copy-round-trip", FmTestMap, NULL,
              fm_test_map_set_up_release, test_copy_round_trip, fm_test_map_tear_down);

  return g_test_run ();
}
