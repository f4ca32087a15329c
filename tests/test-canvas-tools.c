/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-canvas-tools.c: the canvas's gestures, and Escape during them
 *
 * The primary button's drag gesture is driven by emitting its signals, as
 * GTK would; Escape is the canvas.escape action. A cancelled gesture must
 * leave the map as before and nothing to redo (issue 16: it used to be
 * undone, so that Ctrl+Shift+Z replayed it).
 */
#include "config.h"

#include <gtk/gtk.h>

#include "fm-canvas-tool.h"
#include "fm-process-step.h"
#include "fm-renderer.h"

/* trigger t (0,0) -> step p (300,0 160x120) -> outcome o (600,0) */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
  FmCanvas *canvas;
  FmCanvasState *state;
} Fixture;

static void
add_node (Fixture    *f,
          FmNodeKind  kind,
          const char *id,
          double      x,
          double      y)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_position (node, x, y);
  fm_document_add_node (f->doc, f->map, node);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  g_autoptr(FmEdge) edge = fm_edge_new ("e1", "t", "p", FM_EDGE_KIND_FLOW);

  f->doc = fm_document_new ();
  f->stack = fm_document_get_undo_stack (f->doc);
  fm_document_add_map (f->doc, map, 0);
  f->map = map;
  add_node (f, FM_NODE_KIND_TRIGGER, "t", 0, 0);
  add_node (f, FM_NODE_KIND_PROCESS, "p", 300, 0);
  add_node (f, FM_NODE_KIND_OUTCOME, "o", 600, 0);
  fm_document_add_edge (f->doc, f->map, edge);
  fm_undo_stack_clear (f->stack);

  f->canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  f->state = fm_canvas_get_state (f->canvas);
  fm_canvas_set_map (f->canvas, f->doc, f->map);
  /* Snapping off: the offsets below are the moves. 1:1, map origin at
   * the widget's top left. */
  fm_canvas_state_set_snap_to_grid (f->state, FALSE);
  fm_canvas_state_set_view (f->state, 1.0, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->canvas);
  g_assert_finalize_object (f->doc);
}

static void
press (Fixture *f,
       double   x,
       double   y)
{
  g_signal_emit_by_name (f->canvas->primary_drag, "drag-begin", x, y);
}

static void
drag_to (Fixture *f,
         double   dx,
         double   dy)
{
  g_signal_emit_by_name (f->canvas->primary_drag, "drag-update", dx, dy);
}

static void
release (Fixture *f)
{
  g_signal_emit_by_name (f->canvas->primary_drag, "drag-end", 0.0, 0.0);
}

static void
escape (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.escape", NULL));
}

static char *
describe (Fixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < fm_map_get_n_nodes (f->map); i++)
    {
      FmNode *node = fm_map_get_node (f->map, i);

      g_string_append_printf (s, "%s@%g,%g %gx%g ", fm_node_get_id (node),
                              fm_node_get_x (node), fm_node_get_y (node),
                              fm_node_get_width (node), fm_node_get_height (node));
    }
  g_string_append_printf (s, "| %u edges", fm_map_get_n_edges (f->map));

  return g_string_free (s, FALSE);
}

/* What Escape must leave: the map as before, nothing done, nothing to redo. */
static void
assert_no_trace (Fixture    *f,
                 const char *before)
{
  g_autofree char *after = describe (f);

  g_assert_cmpstr (after, ==, before);
  g_assert_null (f->canvas->tool);
  g_assert_false (fm_undo_stack_in_group (f->stack));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  g_assert_false (fm_undo_stack_get_can_undo (f->stack));
  g_assert_false (fm_undo_stack_get_can_redo (f->stack));
  g_assert_false (fm_undo_stack_redo (f->stack));
  g_assert_false (fm_undo_stack_get_modified (f->stack));
  g_assert_null (f->canvas->held_metrics);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *before = describe (f);
  FmNode *p = fm_map_lookup_node (f->map, "p");

  /* A press on a node selects it; below the threshold nothing moves. */
  press (f, 380, 60);
  g_assert_true (f->canvas->tool->klass == &fm_move_tool_class);
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "p");
  drag_to (f, 2, 0);
  g_assert_null (fm_canvas_tools_get_moved_ids (f->canvas));
  g_assert_cmpfloat (fm_node_get_x (p), ==, 300);

  drag_to (f, 50, 30);
  drag_to (f, 70, 40);
  g_assert_cmpstr (fm_canvas_tools_get_moved_ids (f->canvas)[0], ==, "p");
  g_assert_cmpfloat (fm_node_get_x (p), ==, 370);
  g_assert_cmpfloat (fm_node_get_y (p), ==, 40);
  g_assert_true (fm_canvas_tools_is_reshaping (f->canvas));

  escape (f);
  assert_no_trace (f, before);
  /* The selection is the view's, not the gesture's: it stays. */
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "p");

  /* The same drag released is one step, which undo and redo take back and forth. */
  press (f, 380, 60);
  drag_to (f, 50, 30);
  drag_to (f, 70, 40);
  release (f);
  g_assert_null (f->canvas->tool);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Move");
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_cmpfloat (fm_node_get_x (p), ==, 300);
  g_assert_true (fm_undo_stack_redo (f->stack));
  g_assert_cmpfloat (fm_node_get_x (p), ==, 370);
}

/* A click on a node of a larger selection selects just it. */
static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  const char *both[] = { "p", "o", NULL };

  fm_canvas_state_set_selection (f->state, both);
  press (f, 380, 60);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 2);
  release (f);
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "p");
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *before = describe (f);
  FmNode *p = fm_map_lookup_node (f->map, "p");
  FmPoint c;

  fm_canvas_state_select (f->state, "p", FALSE);
  fm_renderer_get_handle (p, FM_HANDLE_SOUTH_EAST, 1.0, &c);
  press (f, c.x, c.y);
  g_assert_true (f->canvas->tool->klass == &fm_resize_tool_class);
  g_assert_cmpstr (fm_canvas_tools_cursor (f->canvas, c.x, c.y), ==, "nwse-resize");
  drag_to (f, 40, 20);
  g_assert_cmpfloat (fm_node_get_width (p), ==, 200);
  g_assert_cmpfloat (fm_node_get_height (p), ==, 140);

  escape (f);
  assert_no_trace (f, before);

  press (f, c.x, c.y);
  drag_to (f, 40, 20);
  release (f);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Resize");
  g_assert_cmpfloat (fm_node_get_width (p), ==, 200);
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = describe (f);
  FmNode *p = fm_map_lookup_node (f->map, "p");
  FmPoint c;

  fm_canvas_state_select (f->state, "p", FALSE);
  fm_renderer_get_handle (p, FM_HANDLE_CONNECT, 1.0, &c);
  press (f, c.x, c.y);
  g_assert_cmpstr (fm_canvas_tools_get_connect_source (f->canvas), ==, "p");
  drag_to (f, 670 - c.x, 45 - c.y);
  g_assert_cmpstr (fm_connect_tool_get_target (f->canvas->tool), ==, "o");
  g_assert_false (fm_connect_tool_is_by_keys (f->canvas->tool));
  /* Over the source itself there is no target. */
  drag_to (f, 380 - c.x, 60 - c.y);
  g_assert_null (fm_connect_tool_get_target (f->canvas->tool));

  drag_to (f, 670 - c.x, 45 - c.y);
  escape (f);
  assert_no_trace (f, before);

  press (f, c.x, c.y);
  drag_to (f, 670 - c.x, 45 - c.y);
  release (f);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 2);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
}

/* A band selects what it covers; Escape keeps the map as it was. */
static void
test_band (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *before = describe (f);

  fm_canvas_state_select (f->state, "o", FALSE);
  press (f, -20, -20);
  g_assert_true (f->canvas->tool->klass == &fm_band_tool_class);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
  drag_to (f, 500, 200);
  g_assert_true (fm_canvas_state_is_selected (f->state, "t"));
  g_assert_true (fm_canvas_state_is_selected (f->state, "p"));
  g_assert_true (fm_canvas_state_is_selected (f->state, "e1"));
  g_assert_false (fm_canvas_state_is_selected (f->state, "o"));
  release (f);
  g_assert_null (f->canvas->tool);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 3);

  press (f, -20, -20);
  drag_to (f, 900, 200);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 4);
  escape (f);
  assert_no_trace (f, before);
}

/* Space and the primary button pan the view. */
static void
test_pan (Fixture       *f,
          gconstpointer  data)
{
  double x, y;

  f->canvas->space_down = TRUE;
  press (f, 380, 60);
  g_assert_true (f->canvas->tool->klass == &fm_pan_tool_class);
  g_assert_cmpstr (f->canvas->cursor_name, ==, "grabbing");
  drag_to (f, -100, -50);
  fm_canvas_state_get_origin (f->state, &x, &y);
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 50);
  release (f);
  g_assert_null (f->canvas->tool);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);
  f->canvas->space_down = FALSE;
}

/* A press takes over from a connection made with the keys. */
static void
test_press_ends_key_connect (Fixture       *f,
                             gconstpointer  data)
{
  fm_canvas_state_select (f->state, "t", FALSE);
  g_assert_true (fm_canvas_keyboard_begin_connect (f->canvas));
  g_assert_true (fm_canvas_keyboard_is_connecting (f->canvas));
  press (f, 670, 45);
  g_assert_false (fm_canvas_keyboard_is_connecting (f->canvas));
  g_assert_true (f->canvas->tool->klass == &fm_move_tool_class);
  release (f);
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "o");
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 1);
}

/* The fixture in two lanes: A (the flow, on top) and B (a step q below,
 * 300 down), the view 200 left and 100 up of the map's origin, so that
 * the headers (map x −175 to −25) are on screen. The bands: A from
 * y −40 to 210, half-way to B's step, and B from there to 460. */
static void
set_up_lanes (Fixture *f)
{
  const char *lanes[] = { "A", "B", NULL };

  add_node (f, FM_NODE_KIND_PROCESS, "q", 300, 300);
  fm_document_set (f->doc, f->map, "p", "role", "A", NULL);
  fm_document_set (f->doc, f->map, "q", "role", "B", NULL);
  fm_document_set (f->doc, f->map, NULL, "lanes", lanes, NULL);
  fm_undo_stack_clear (f->stack);
  fm_canvas_state_set_view (f->state, 1.0, -200, -100);
}

static const char *
role_of (Fixture    *f,
         const char *id)
{
  return fm_process_step_get_role (FM_PROCESS_STEP (fm_map_lookup_node (f->map, id)));
}

/* A lane's header drags to another place: one step on release, nothing
 * before it, so Escape leaves no trace. */
static void
test_lane_header (Fixture       *f,
                  gconstpointer  data)
{
  const char *moved[] = { "B", "A", NULL };
  g_autofree char *before = NULL;
  FmCanvasHit hit;

  set_up_lanes (f);
  before = describe (f);

  /* Map (−100, 50): A's header. */
  fm_canvas_hit_test (f->canvas, 100, 150, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_LANE);
  g_assert_cmpuint (hit.handle, ==, 0);
  g_assert_cmpstr (fm_canvas_tools_cursor (f->canvas, 100, 150), ==, "grab");
  /* Right of the headers, where no node is: nothing (no lane to drag). */
  fm_canvas_hit_test (f->canvas, 420, 300, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NONE);

  press (f, 100, 150);
  g_assert_true (f->canvas->tool->klass == &fm_lane_tool_class);
  drag_to (f, 0, 300);
  g_assert_cmpstr (fm_canvas_tools_cursor (f->canvas, 100, 450), ==, "grabbing");
  escape (f);
  assert_no_trace (f, before);

  press (f, 100, 150);
  drag_to (f, 0, 150);
  drag_to (f, 0, 300);
  release (f);
  g_assert_null (f->canvas->tool);
  g_assert_true (g_strv_equal (fm_map_get_lanes (f->map), moved));
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Move Lane");
  /* Rows of 200 from y −40: B's step on the first, A's on the second. */
  g_assert_cmpfloat (fm_node_get_y (fm_map_lookup_node (f->map, "q")), ==, 0);
  g_assert_cmpfloat (fm_node_get_y (fm_map_lookup_node (f->map, "p")), ==, 200);

  /* A press that does not travel moves nothing. */
  press (f, 100, 150);
  release (f);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
}

/* A step dragged into the other lane's band takes its role, in the
 * move's one undo step. */
static void
test_lane_drop (Fixture       *f,
                gconstpointer  data)
{
  FmNode *p;

  set_up_lanes (f);
  p = fm_map_lookup_node (f->map, "p");
  /* p's centre, map (380, 60), 300 down to 360: in B's band. */
  press (f, 580, 160);
  drag_to (f, 0, 150);
  drag_to (f, 0, 300);
  release (f);
  g_assert_cmpstr (role_of (f, "p"), ==, "B");
  g_assert_cmpfloat (fm_node_get_y (p), ==, 300);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_true (fm_undo_stack_undo (f->stack));
  g_assert_cmpstr (role_of (f, "p"), ==, "A");
  g_assert_cmpfloat (fm_node_get_y (p), ==, 0);

  /* Within its own band: a move and no more. */
  press (f, 580, 160);
  drag_to (f, 0, 50);
  release (f);
  g_assert_cmpstr (role_of (f, "p"), ==, "A");
  g_assert_cmpfloat (fm_node_get_y (p), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  /* Widgets need a display; without one there is nothing to test here. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/canvas/tools/move", test_move);
  ADD ("/fm/canvas/tools/click", test_click);
  ADD ("/fm/canvas/tools/resize", test_resize);
  ADD ("/fm/canvas/tools/connect", test_connect);
  ADD ("/fm/canvas/tools/band", test_band);
  ADD ("/fm/canvas/tools/pan", test_pan);
  ADD ("/fm/canvas/tools/press-ends-key-connect", test_press_ends_key_connect);
  ADD ("/fm/canvas/tools/lane-header", test_lane_header);
  ADD ("/fm/canvas/tools/lane-drop", test_lane_drop);
#undef ADD

  return g_test_run ();
}
