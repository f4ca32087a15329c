/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-canvas-keyboard.c: the canvas with the keyboard alone: Tab order, connecting, adding, what screen readers hear */
#include "config.h"

#include <gtk/gtk.h>

#include "fm-canvas-tool.h"
#include "fm-map-order.h"
#include "fm-process-step.h"
#include "fm-test-utils.h"

/*
 *   note  (0,-200)
 *   trigger t (0,0) ──> Design p1 (300,0)
 *                          │
 *                          v
 *   Ship p3 (0,300) <── Build p2 (600,300)
 *
 * Reading order is note, t, p1, p3, p2; flow order (Tab) is t, p1, p2, p3,
 * then the note, which no flow reaches.
 */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
  FmCanvas *canvas;
  FmCanvasState *state;
} Fixture;

/* The connection being made with the keys, if any. */
static FmTool *
connect_tool (FmCanvas *canvas)
{
  return fm_canvas_tools_get_tool (canvas, &fm_connect_tool_class);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");

  f->doc = fm_document_new ();
  f->stack = fm_document_get_undo_stack (f->doc);
  fm_document_add_map (f->doc, map, 0);
  f->map = map;
  fm_test_add_node (f->doc, map, FM_NODE_KIND_NOTE, "note", "Remember", 0, -200);
  fm_test_add_node (f->doc, map, FM_NODE_KIND_PROCESS, "p3", "Ship", 0, 300);
  fm_test_add_node (f->doc, map, FM_NODE_KIND_PROCESS, "p2", "Build", 600, 300);
  fm_test_add_node (f->doc, map, FM_NODE_KIND_PROCESS, "p1", "Design", 300, 0);
  fm_test_add_node (f->doc, map, FM_NODE_KIND_TRIGGER, "t", "Order", 0, 0);
  fm_test_add_edge (f->doc, map, "e1", "t", "p1", FM_EDGE_KIND_FLOW);
  fm_test_add_edge (f->doc, map, "e2", "p1", "p2", FM_EDGE_KIND_FLOW);
  fm_test_add_edge (f->doc, map, "e3", "p2", "p3", FM_EDGE_KIND_FLOW);
  fm_undo_stack_clear (f->stack);

  f->canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  f->state = fm_canvas_get_state (f->canvas);
  fm_canvas_set_map (f->canvas, f->doc, f->map);
  /* As the window does after showing a map; with no size yet this is 1:1. */
  fm_canvas_zoom_to_fit (f->canvas);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->canvas);
  g_assert_finalize_object (f->doc);
}

static const char *
selected (Fixture *f)
{
  return fm_canvas_state_get_single (f->state);
}

static void
tab (Fixture *f,
     int      step)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas),
                                             step > 0 ? "canvas.select-next" : "canvas.select-previous",
                                             NULL));
}

static void
test_flow_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) order = fm_map_flow_order (f->map);
  const char *expected[] = { "t", "p1", "p2", "p3", "note" };

  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpstr (fm_node_get_id (order->pdata[i]), ==, expected[i]);
}

static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  const char *expected[] = { "t", "p1", "p2", "p3", "note", "t" };

  /* Nothing selected: Tab starts at the trigger and wraps after the note. */
  g_assert_null (selected (f));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      tab (f, 1);
      g_assert_cmpstr (selected (f), ==, expected[i]);
    }

  /* Shift+Tab goes back, and wraps the other way. */
  tab (f, -1);
  g_assert_cmpstr (selected (f), ==, "note");
  tab (f, -1);
  g_assert_cmpstr (selected (f), ==, "p3");

  /* From a selected edge, Tab starts again at the first node. */
  fm_canvas_state_select (f->state, "e2", FALSE);
  tab (f, 1);
  g_assert_cmpstr (selected (f), ==, "t");

  /* Selecting moves no node: nothing to undo. */
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *edge_id = NULL;
  FmEdge *edge;

  /* The palette's connector, as for a drag. */
  fm_canvas_set_edge_kind (f->canvas, FM_EDGE_KIND_PULL);
  fm_canvas_state_select (f->state, "p3", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.connect", NULL));

  /* The first target is the next node in flow order; the pointer's
   * connect preview shows it. */
  g_assert_nonnull (connect_tool (f->canvas));
  g_assert_cmpstr (fm_connect_tool_get_source (connect_tool (f->canvas)), ==, "p3");
  g_assert_cmpstr (fm_connect_tool_get_target (connect_tool (f->canvas)), ==, "note");

  /* Tab moves the target, not the selection, and skips the source:
   * note -> t (wrapped) -> p1. */
  tab (f, 1);
  g_assert_cmpstr (fm_connect_tool_get_target (connect_tool (f->canvas)), ==, "t");
  tab (f, 1);
  g_assert_cmpstr (fm_connect_tool_get_target (connect_tool (f->canvas)), ==, "p1");
  g_assert_cmpstr (selected (f), ==, "p3");
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);

  edge = fm_canvas_keyboard_finish_connect (f->canvas);
  g_assert_nonnull (edge);
  edge_id = g_strdup (fm_edge_get_id (edge));
  g_assert_cmpstr (fm_edge_get_from (edge), ==, "p3");
  g_assert_cmpstr (fm_edge_get_to (edge), ==, "p1");
  g_assert_cmpint (fm_edge_get_kind (edge), ==, FM_EDGE_KIND_PULL);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 4);
  g_assert_null (f->canvas->tool);
  /* The target is selected, so that C goes on from there. */
  g_assert_cmpstr (selected (f), ==, "p1");

  /* One undo takes the edge away. */
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
  g_assert_null (fm_map_lookup_edge (f->map, edge_id));

  /* Escape leaves the map as it was. */
  fm_canvas_state_select (f->state, "t", FALSE);
  g_assert_true (fm_canvas_keyboard_begin_connect (f->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.escape", NULL));
  g_assert_null (f->canvas->tool);
  g_assert_null (fm_canvas_keyboard_finish_connect (f->canvas));
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
  g_assert_cmpstr (selected (f), ==, "t");
}

static void
test_connect_needs_two (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_PROCESS, "only");
  FmCanvas *canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));

  fm_document_add_map (doc, map, 0);
  fm_document_add_node (doc, map, node);
  fm_canvas_set_map (canvas, doc, map);

  /* Nothing selected, then nothing to connect to. */
  g_assert_false (fm_canvas_keyboard_begin_connect (canvas));
  fm_canvas_state_select (fm_canvas_get_state (canvas), "only", FALSE);
  g_assert_false (fm_canvas_keyboard_begin_connect (canvas));
  g_assert_null (canvas->tool);

  g_object_unref (canvas);
}

static void
test_add_step (Fixture       *f,
               gconstpointer  data)
{
  FmNode *node, *second;
  FmRect b;
  FmEdge *edge;

  fm_canvas_state_select (f->state, "p1", FALSE);
  node = fm_canvas_keyboard_add_node (f->canvas, FM_NODE_KIND_PROCESS, TRUE);
  g_assert_nonnull (node);

  /* p1 is 160 wide at x 300: the new step starts 80 to its right, at
   * 540, level with it (both 120 high). */
  fm_node_get_bounds (node, &b);
  g_assert_cmpfloat (b.x, ==, 540);
  g_assert_cmpfloat (b.y, ==, 0);
  g_assert_cmpstr (selected (f), ==, fm_node_get_id (node));
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 4);
  edge = fm_map_get_edge (f->map, 3);
  g_assert_cmpstr (fm_edge_get_from (edge), ==, "p1");
  g_assert_cmpstr (fm_edge_get_to (edge), ==, fm_node_get_id (node));
  g_assert_cmpint (fm_edge_get_kind (edge), ==, FM_EDGE_KIND_FLOW);

  /* A second step after p1 would cover the first: it goes under it,
   * 120 + 40 lower. */
  fm_canvas_state_select (f->state, "p1", FALSE);
  second = fm_canvas_keyboard_add_node (f->canvas, FM_NODE_KIND_PROCESS, TRUE);
  fm_node_get_bounds (second, &b);
  g_assert_cmpfloat (b.x, ==, 540);
  g_assert_cmpfloat (b.y, ==, 160);

  /* Node and edge are one step each time. */
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 2);
  fm_undo_stack_undo (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 5);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);

  /* From the palette (Enter on a shape): placed next to the selection,
   * selected, but a note carries no flow and is not connected. */
  fm_canvas_state_select (f->state, "p2", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-node", "s",
                                             fm_node_kind_to_string (FM_NODE_KIND_NOTE)));
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 6);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
  node = fm_map_lookup_node (f->map, selected (f));
  g_assert_nonnull (node);
  g_assert_cmpint (fm_node_get_kind (node), ==, FM_NODE_KIND_NOTE);
  g_assert_cmpfloat (fm_node_get_x (node), ==, 840);

  /* Ctrl+Enter: a step after the note, not connected to it either, with
   * its label open to be typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-step", NULL));
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 7);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
  g_assert_true (fm_canvas_is_editing (f->canvas));
  fm_canvas_edit_cancel (f->canvas);
}

/* gtk_test_accessible_assert_property() would take the "%" of "%C&A" for a format. */
static void
assert_label (GtkAccessible *accessible,
              const char    *expected)
{
  g_autofree char *value = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  /* NULL when it matches; else what the label is. */
  if (value != NULL)
    g_assert_cmpstr (value, ==, expected);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  GtkAccessible *canvas = GTK_ACCESSIBLE (f->canvas);

  /* 2 h, 3 calendar days and 80 %, worded as the map and the panels word them. */
  fm_document_set (f->doc, f->map, "p1", "process-s", 7200.0, "lead-s", 3 * 86400.0,
                   "pca", 80.0, NULL);

  assert_label (canvas, "Map, nothing selected");

  fm_canvas_state_select (f->state, "p1", FALSE);
  assert_label (canvas, "Process step “Design”, process time 2 h, lead time 3 d, %C&A 80 %");

  /* A figure typed in the inspector is told at once. */
  fm_document_set (f->doc, f->map, "p1", "lead-s", 4 * 3600.0, NULL);
  assert_label (canvas, "Process step “Design”, process time 2 h, lead time 4 h, %C&A 80 %");

  fm_canvas_state_select (f->state, "e2", FALSE);
  assert_label (canvas, "Flow connection from “Design” to “Build”");

  fm_canvas_state_select (f->state, "p2", FALSE);
  g_assert_true (fm_canvas_keyboard_begin_connect (f->canvas));
  assert_label (canvas, "Connect “Build” to Process step “Ship”");
  fm_canvas_cancel_gesture (f->canvas);

  fm_canvas_state_select (f->state, "t", TRUE);
  assert_label (canvas, "2 items selected");
}

int
main (int   argc,
      char *argv[])
{
  if (fm_test_skip_without_display ())
    return 0;

  /* The test context keeps the accessible properties to be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/canvas/keyboard/flow-order", test_flow_order);
  ADD ("/fm/canvas/keyboard/tab-order", test_tab_order);
  ADD ("/fm/canvas/keyboard/connect", test_connect);
  g_test_add_func ("/fm/canvas/keyboard/connect-needs-two", test_connect_needs_two);
  ADD ("/fm/canvas/keyboard/add-step", test_add_step);
  ADD ("/fm/canvas/keyboard/accessible", test_accessible);

  return g_test_run ();
}
