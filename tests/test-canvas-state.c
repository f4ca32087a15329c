/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-canvas-state.c: the canvas's view state: selection, zoom, the map ↔ widget transform, snapping
 *
 * No display needed: the view state is a plain GObject the canvas reads.
 */
#include "config.h"

#include "fm-canvas-state.h"

static void
test_state_selection (void)
{
  g_autoptr(FmCanvasState) state = fm_canvas_state_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  const char *ids[] = { "b", "a", NULL };

  fm_canvas_state_select (state, "a", FALSE);
  fm_canvas_state_select (state, "b", TRUE);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (state), ==, 2);
  g_assert_null (fm_canvas_state_get_single (state));
  fm_canvas_state_select (state, "b", FALSE);
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "b");
  fm_canvas_state_toggle (state, "b");
  g_assert_cmpuint (fm_canvas_state_get_n_selected (state), ==, 0);

  fm_canvas_state_set_selection (state, ids);
  g_assert_true (fm_canvas_state_is_selected (state, "a"));
  g_assert_true (fm_canvas_state_is_selected (state, "b"));

  /* Nothing in the map has these ids: pruning forgets them. */
  g_assert_true (fm_canvas_state_prune (state, map));
  g_assert_cmpuint (fm_canvas_state_get_n_selected (state), ==, 0);
  g_assert_false (fm_canvas_state_prune (state, map));
}

static void
test_state_view (void)
{
  g_autoptr(FmCanvasState) state = fm_canvas_state_new ();
  double mx, my, wx, wy;

  fm_canvas_state_set_view (state, 2.0, 100, 50);
  fm_canvas_state_to_map (state, 40, 60, &mx, &my);
  g_assert_cmpfloat_with_epsilon (mx, 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (my, 80, 1e-9);
  fm_canvas_state_to_widget (state, mx, my, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 60, 1e-9);

  /* Zooming around a point keeps the map point under it. */
  fm_canvas_state_zoom_at (state, 3.0, 40, 60);
  fm_canvas_state_to_map (state, 40, 60, &mx, &my);
  g_assert_cmpfloat_with_epsilon (mx, 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (my, 80, 1e-9);

  fm_canvas_state_zoom_at (state, 1000, 0, 0);
  g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, FM_CANVAS_MAX_ZOOM);
  fm_canvas_state_zoom_at (state, 0, 0, 0);
  g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, FM_CANVAS_MIN_ZOOM);

  fm_canvas_state_set_snap_to_grid (state, TRUE);
  g_assert_cmpfloat (fm_canvas_state_snap (state, 14), ==, 10);
  g_assert_cmpfloat (fm_canvas_state_snap (state, 16), ==, 20);
  fm_canvas_state_set_snap_to_grid (state, FALSE);
  g_assert_cmpfloat (fm_canvas_state_snap (state, 14), ==, 14);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/canvas/state/selection", test_state_selection);
  g_test_add_func ("/fm/canvas/state/view", test_state_view);

  return g_test_run ();
}
