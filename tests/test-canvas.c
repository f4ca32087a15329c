/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-canvas.c: the canvas: hit testing, selection, commands, drawing in layers, revealing a node */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gtk/gtk.h>

#include "fm-canvas.h"
#include "fm-canvas-private.h"
#include "fm-canvas-state.h"
#include "fm-edge-route.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-metrics-cache.h"
#include "fm-process-step.h"
#include "fm-renderer.h"
#include "fm-test-utils.h"

/* trigger (0,0 140x90) -> step (300,0 160x120) -> outcome (600,0 140x90) */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
  FmCanvas *canvas;
  FmCanvasState *state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_new_line_document ();
  f->stack = fm_document_get_undo_stack (f->doc);
  f->map = fm_document_get_map (f->doc, 0);

  f->canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  f->state = fm_canvas_get_state (f->canvas);
  fm_canvas_set_map (f->canvas, f->doc, f->map);
  /* 1:1, map origin at the widget's top left. */
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
test_hit_nodes (Fixture       *f,
                gconstpointer  data)
{
  FmCanvasHit hit;

  fm_canvas_hit_test (f->canvas, 50, 40, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NODE);
  g_assert_cmpstr (hit.id, ==, "t");

  fm_canvas_hit_test (f->canvas, 380, 60, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NODE);
  g_assert_cmpstr (hit.id, ==, "p");

  fm_canvas_hit_test (f->canvas, 380, 500, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NONE);
  g_assert_null (hit.id);

  /* The view moves, the hit follows: zoom 2 with the origin at (300, 0). */
  fm_canvas_state_set_view (f->state, 2.0, 300, 0);
  fm_canvas_hit_test (f->canvas, 10, 10, &hit);
  g_assert_cmpstr (hit.id, ==, "p");
}

/* Routes found on the loader's thread are kept when they are of the map
 * shown and none were found yet; otherwise they are dropped, and the
 * canvas routes the map itself. An edit after the offer routes again. */
static void
test_offer_routes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FmCanvas) fresh = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  g_autoptr(FmMap) other = fm_map_copy (f->map, "other");
  FmEdgeRoutes *offered = fm_edge_routes_new (f->map);
  FmEdgeRoutes *late;
  FmCanvasHit hit;

  fm_canvas_set_map (fresh, f->doc, f->map);
  fm_canvas_offer_routes (fresh, f->map, offered);
  g_assert_true (fm_canvas_get_routes (fresh) == offered);

  /* Found already: a later offer is dropped (ASan sees it freed). */
  late = fm_edge_routes_new (f->map);
  fm_canvas_offer_routes (fresh, f->map, late);
  g_assert_true (fm_canvas_get_routes (fresh) == offered);

  /* Of another map: dropped; the canvas routes its own. */
  fm_canvas_set_map (fresh, f->doc, NULL);
  fm_canvas_set_map (fresh, f->doc, f->map);
  fm_canvas_offer_routes (fresh, other, fm_edge_routes_new (other));
  g_assert_nonnull (fm_canvas_get_routes (fresh));
  g_assert_nonnull (fm_edge_routes_lookup (fm_canvas_get_routes (fresh), "e1"));

  /* Kept routes follow edits as the canvas's own do: the step moved
   * down is hit where it went. */
  fm_canvas_set_map (fresh, f->doc, NULL);
  fm_canvas_set_map (fresh, f->doc, f->map);
  fm_canvas_offer_routes (fresh, f->map, fm_edge_routes_new (f->map));
  fm_canvas_state_set_view (fm_canvas_get_state (fresh), 1.0, 0, 0);
  fm_document_move_nodes (f->doc, f->map, (const char *[]) { "p", NULL }, 0, 400);
  fm_canvas_hit_test (fresh, 380, 460, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NODE);
  g_assert_cmpstr (hit.id, ==, "p");
  fm_canvas_hit_test (fresh, 380, 60, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NONE);
}

static void
test_hit_topmost (Fixture       *f,
                  gconstpointer  data)
{
  FmCanvasHit hit;

  /* A note added over the step is drawn last, so it is hit first. */
  fm_test_add_node (f->doc, f->map, FM_NODE_KIND_NOTE, "n", NULL, 320, 10);
  fm_canvas_hit_test (f->canvas, 330, 20, &hit);
  g_assert_cmpstr (hit.id, ==, "n");
}

/* The canvas finds nodes through its routes' index: on 300 random,
 * overlapping nodes (one of them huge, over thousands of the index's
 * cells), and again after moving some, what it hits is what a scan of
 * the map from the top down finds. */
static void
test_hit_matches_scan (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  fm_test_add_node (f->doc, f->map, FM_NODE_KIND_NOTE, "huge", NULL, -20000, -20000);
  {
    FmRect r = { -20000, -20000, 40000, 40000 };

    fm_document_set_node_bounds (f->doc, f->map, "huge", &r);
  }
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      fm_test_add_node (f->doc, f->map, i % 2 ? FM_NODE_KIND_PROCESS : FM_NODE_KIND_QUEUE, id, NULL,
                        g_rand_double_range (rand, -3000, 3000), g_rand_double_range (rand, -3000, 3000));
    }

  for (guint round = 0; round < 3; round++)
    {
      for (guint k = 0; k < 500; k++)
        {
          double x = g_rand_double_range (rand, -3200, 3200), y = g_rand_double_range (rand, -3200, 3200);
          const char *expected = NULL;
          FmCanvasHit hit;

          for (guint i = fm_map_get_n_nodes (f->map); i > 0 && expected == NULL; i--)
            if (fm_node_contains (fm_map_get_node (f->map, i - 1), x, y))
              expected = fm_node_get_id (fm_map_get_node (f->map, i - 1));

          /* 1:1 with the map's origin at the widget's top left. */
          fm_canvas_hit_test (f->canvas, x, y, &hit);
          if (expected != NULL)
            {
              g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_NODE);
              g_assert_cmpstr (hit.id, ==, expected);
            }
          else
            g_assert_cmpint (hit.type, !=, FM_CANVAS_HIT_NODE);
        }

      for (guint m = 0; m < 20; m++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, 300));

          fm_document_move_nodes (f->doc, f->map, (const char *[]) { id, NULL },
                                  g_rand_double_range (rand, -500, 500), g_rand_double_range (rand, -500, 500));
        }
    }
}

static void
test_hit_edge (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (f->map);
  const FmEdgeRoute *route = fm_edge_routes_lookup (routes, "e1");
  FmCanvasHit hit;

  g_assert_nonnull (route);
  g_assert_cmpuint (route->n_points, >=, 2);
  fm_canvas_hit_test (f->canvas, route->label.x, route->label.y, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_EDGE);
  g_assert_cmpstr (hit.id, ==, "e1");

  /* Routes follow a move. */
  fm_document_move_nodes (f->doc, f->map, (const char *[]) { "t", NULL }, 0, 300);
  fm_canvas_hit_test (f->canvas, route->label.x, route->label.y, &hit);
  g_assert_cmpint (hit.type, !=, FM_CANVAS_HIT_EDGE);
}

static void
test_hit_handles (Fixture       *f,
                  gconstpointer  data)
{
  FmNode *step = fm_map_lookup_node (f->map, "p");
  FmCanvasHit hit;
  FmPoint c;

  fm_renderer_get_handle (step, FM_HANDLE_SOUTH_EAST, 1.0, &c);
  fm_canvas_hit_test (f->canvas, c.x, c.y, &hit);
  g_assert_cmpint (hit.type, !=, FM_CANVAS_HIT_HANDLE);

  fm_canvas_state_select (f->state, "p", FALSE);
  fm_canvas_hit_test (f->canvas, c.x, c.y, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_HANDLE);
  g_assert_cmpuint (hit.handle, ==, FM_HANDLE_SOUTH_EAST);
  g_assert_cmpstr (hit.id, ==, "p");

  fm_renderer_get_handle (step, FM_HANDLE_CONNECT, 1.0, &c);
  fm_canvas_hit_test (f->canvas, c.x, c.y, &hit);
  g_assert_cmpint (hit.type, ==, FM_CANVAS_HIT_PORT);
  g_assert_cmpstr (hit.id, ==, "p");
}

static void
test_select_rect (Fixture       *f,
                  gconstpointer  data)
{
  FmRect first_two = { -10, -10, 480, 200 };
  FmRect last = { 590, -10, 200, 200 };

  fm_canvas_select_rect (f->canvas, &first_two, FALSE);
  g_assert_true (fm_canvas_state_is_selected (f->state, "t"));
  g_assert_true (fm_canvas_state_is_selected (f->state, "p"));
  g_assert_true (fm_canvas_state_is_selected (f->state, "e1"));
  g_assert_false (fm_canvas_state_is_selected (f->state, "o"));
  g_assert_false (fm_canvas_state_is_selected (f->state, "e2"));

  /* Adding keeps what was selected; an edge joins when both its ends are in one band. */
  fm_canvas_select_rect (f->canvas, &last, TRUE);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 4);
  g_assert_true (fm_canvas_state_is_selected (f->state, "o"));
  g_assert_false (fm_canvas_state_is_selected (f->state, "e2"));

  fm_canvas_state_clear_selection (f->state);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-all", NULL));
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.escape", NULL));
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
}

static void
test_place (Fixture       *f,
            gconstpointer  data)
{
  FmNode *node = fm_canvas_place_node (f->canvas, FM_NODE_KIND_QUEUE, 203, 304);

  g_assert_nonnull (node);
  g_assert_cmpint (fm_node_get_kind (node), ==, FM_NODE_KIND_QUEUE);
  /* Centred on the point, snapped to the grid. */
  g_assert_cmpfloat (fmod (fm_node_get_x (node), FM_CANVAS_GRID), ==, 0);
  g_assert_cmpfloat (fmod (fm_node_get_y (node), FM_CANVAS_GRID), ==, 0);
  g_assert_true (fm_node_contains (node, 203, 304));
  g_assert_true (fm_canvas_state_is_selected (f->state, fm_node_get_id (node)));
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 4);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Add");

  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 3);
  /* The view state forgets what the undo took away. */
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  FmEdge *edge;

  fm_canvas_set_edge_kind (f->canvas, FM_EDGE_KIND_PULL);
  edge = fm_canvas_connect (f->canvas, "o", "t");
  g_assert_nonnull (edge);
  g_assert_cmpint (fm_edge_get_kind (edge), ==, FM_EDGE_KIND_PULL);
  g_assert_cmpstr (fm_edge_get_from (edge), ==, "o");
  g_assert_true (fm_canvas_state_is_selected (f->state, fm_edge_get_id (edge)));
  g_assert_null (fm_canvas_connect (f->canvas, "o", "o"));
  g_assert_null (fm_canvas_connect (f->canvas, "o", "missing"));
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  fm_canvas_state_select (f->state, "p", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL));
  /* The step and both its edges go, as one step. */
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 2);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 0);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 3);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 2);
}

static void
test_nudge (Fixture       *f,
            gconstpointer  data)
{
  FmNode *step = fm_map_lookup_node (f->map, "p");

  fm_canvas_state_set_snap_to_grid (f->state, FALSE);
  fm_canvas_state_select (f->state, "p", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ddb)", 1.0, 0.0, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ddb)", 1.0, 0.0, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ddb)", 0.0, 1.0, TRUE);
  g_assert_cmpfloat (fm_node_get_x (step), ==, 302);
  g_assert_cmpfloat (fm_node_get_y (step), ==, 10);
  /* Nudges in a row are one undo step. */
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_node_get_x (step), ==, 300);
  g_assert_cmpfloat (fm_node_get_y (step), ==, 0);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  FmRect first_two = { -10, -10, 480, 200 };

  fm_canvas_select_rect (f->canvas, &first_two, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.duplicate", NULL));
  /* Two nodes and the edge between them, with new ids, offset, selected. */
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 5);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 3);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 3);
  g_assert_false (fm_canvas_state_is_selected (f->state, "t"));
  {
    FmNode *copy = fm_map_get_node (f->map, 3);
    FmEdge *edge = fm_map_get_edge (f->map, 2);

    g_assert_cmpint (fm_node_get_kind (copy), ==, FM_NODE_KIND_TRIGGER);
    g_assert_cmpfloat (fm_node_get_x (copy), ==, 20);
    g_assert_cmpfloat (fm_node_get_y (copy), ==, 20);
    g_assert_cmpstr (fm_edge_get_from (edge), ==, fm_node_get_id (copy));
    g_assert_cmpstr (fm_edge_get_to (edge), ==, fm_node_get_id (fm_map_get_node (f->map, 4)));
  }
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Paste");
  fm_undo_stack_undo (f->stack);
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 3);
  g_assert_cmpuint (fm_map_get_n_edges (f->map), ==, 2);
}

static void
test_paste_elsewhere (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FmDocument) other = fm_document_new ();
  g_autoptr(FmMap) other_map = fm_map_new ("elsewhere");
  g_autoptr(FmCanvas) other_canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  fm_canvas_state_select (f->state, "p", FALSE);
  fm_canvas_state_select (f->state, "o", TRUE);
  fm_canvas_state_select (f->state, "e2", TRUE);
  json = fm_canvas_serialize_selection (f->canvas);
  g_assert_nonnull (json);

  fm_document_add_map (other, other_map, 0);
  fm_canvas_set_map (other_canvas, other, other_map);
  g_assert_true (fm_canvas_paste_json (other_canvas, json, 20, 20, &error));
  g_assert_no_error (error);
  /* No collision: the ids and places stay. */
  g_assert_nonnull (fm_map_lookup_node (other_map, "p"));
  g_assert_cmpfloat (fm_node_get_x (fm_map_lookup_node (other_map, "p")), ==, 300);
  g_assert_nonnull (fm_map_lookup_edge (other_map, "e2"));

  g_assert_false (fm_canvas_paste_json (other_canvas, "{ \"not\": \"a selection\" }", 0, 0, &error));
  g_assert_nonnull (error);
  fm_canvas_set_map (other_canvas, NULL, NULL);
}

static void
test_edit_label (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (fm_canvas_begin_edit (f->canvas, "p"));
  g_assert_true (fm_canvas_is_editing (f->canvas));
  fm_canvas_commit_edit (f->canvas);
  /* Nothing typed: nothing changed. */
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 0);

  g_assert_true (fm_canvas_begin_edit (f->canvas, "p"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (GTK_WIDGET (f->canvas))), "Build");
  fm_canvas_commit_edit (f->canvas);
  g_assert_false (fm_canvas_is_editing (f->canvas));
  g_assert_cmpstr (fm_node_get_label (fm_map_lookup_node (f->map, "p")), ==, "Build");
  g_assert_cmpstr (fm_undo_stack_get_undo_label (f->stack), ==, "Rename");

  g_assert_false (fm_canvas_begin_edit (f->canvas, "missing"));

  /* No label takes more than a file may hold: what was typed stays savable. */
  {
    g_autofree char *long_text = g_strnfill (FM_MAX_TEXT_CHARS + 1, 'a');

    g_assert_true (fm_canvas_begin_edit (f->canvas, "p"));
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (GTK_WIDGET (f->canvas))), long_text);
    fm_canvas_commit_edit (f->canvas);
    g_assert_cmpint (strlen (fm_node_get_label (fm_map_lookup_node (f->map, "p"))), ==, FM_MAX_TEXT_CHARS);
  }
}

/* The widget's snapshot drawn as GTK's Cairo renderer draws it. */
static cairo_surface_t *
draw_canvas (FmCanvas *canvas,
             int       width,
             int       height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static void
allocate (FmCanvas *canvas,
          int       width,
          int       height)
{
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (canvas), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (canvas), GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (canvas), &(GtkAllocation) { 0, 0, width, height }, -1);
}

/* The largest difference of one channel between two pictures, and how
 * many pixels differ at all. */
static int
compare_pictures (cairo_surface_t *a,
                  cairo_surface_t *b,
                  guint           *n_differing)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int worst = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  *n_differing = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *ca = pa + y * stride + 4 * x, *cb = pb + y * stride + 4 * x;
        int d = 0;

        for (int c = 0; c < 4; c++)
          d = MAX (d, abs (ca[c] - cb[c]));
        if (d > 0)
          (*n_differing)++;
        worst = MAX (worst, d);
      }

  return worst;
}

/* How many pixels of @a and @b differ inside @rect (widget units). */
static guint
count_changed_in (cairo_surface_t             *a,
                  cairo_surface_t             *b,
                  const cairo_rectangle_int_t *rect)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = rect->y; y < rect->y + rect->height; y++)
    for (int x = rect->x; x < rect->x + rect->width; x++)
      n += memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0;

  return n;
}

/* During a move the canvas draws what does not move once, into two
 * images, and each frame only the moving node and its edges between
 * them (fm-canvas-layers.c). The frames must look as a canvas that draws
 * everything draws the same map: one that does not drag, with the same
 * view and selection. Nothing moving here passes under a still thing,
 * where the two would differ by design. */
static void
test_layers_same_picture (Fixture       *f,
                          gconstpointer  data)
{
  const int width = 900, height = 700;
  g_autoptr(FmCanvas) plain = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  g_autoptr(FmNode) kaizen = fm_node_new (FM_NODE_KIND_KAIZEN, "k");
  const char *targets[] = { "p", "b", NULL };
  /* Where p goes: down into the gap between the rows, then right. */
  const double offsets[][2] = { { 0, 120 }, { 0, 140 }, { 20, 140 }, { 40, 150 } };
  cairo_surface_t *before = NULL;
  graphene_rect_t r;
  guint n_drawn;

  /* A second row that shares t with the first, and a burst whose
   * leaders go to p and to b. */
  fm_test_add_node (f->doc, f->map, FM_NODE_KIND_PROCESS, "a", NULL, 0, 420);
  fm_test_add_node (f->doc, f->map, FM_NODE_KIND_PROCESS, "b", NULL, 300, 420);
  fm_test_add_edge (f->doc, f->map, "e3", "a", "b", FM_EDGE_KIND_FLOW);
  fm_test_add_edge (f->doc, f->map, "e4", "t", "b", FM_EDGE_KIND_FLOW);
  fm_node_set_position (kaizen, 620, 230);
  fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);
  fm_document_add_node (f->doc, f->map, kaizen);

  allocate (f->canvas, width, height);
  fm_canvas_state_set_view (f->state, 1.0, -20, -20);
  fm_canvas_set_map (plain, f->doc, f->map);
  allocate (plain, width, height);
  fm_canvas_state_set_view (fm_canvas_get_state (plain), 1.0, -20, -20);

  /* An unstyled widget would draw white ink on white: the export's
   * colours show every line. */
  f->canvas->palette = *fm_palette_light ();
  plain->palette = *fm_palette_light ();
  fm_canvas_state_select (f->state, "p", FALSE);
  fm_canvas_state_select (fm_canvas_get_state (plain), "p", FALSE);
  fm_canvas_node_to_widget (f->canvas, fm_map_lookup_node (f->map, "p"), &r);
  g_signal_emit_by_name (f->canvas->primary_drag, "drag-begin",
                         (double) r.origin.x + r.size.width / 2, (double) r.origin.y + r.size.height / 2);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      cairo_surface_t *layered, *whole;
      guint n_differing;
      int worst;

      g_signal_emit_by_name (f->canvas->primary_drag, "drag-update", offsets[i][0], offsets[i][1]);
      g_assert_nonnull (fm_canvas_tools_get_moved_ids (f->canvas));
      while (g_main_context_iteration (NULL, FALSE))
        ;

      layered = draw_canvas (f->canvas, width, height);
      whole = draw_canvas (plain, width, height);
      /* The layers were used: a canvas that draws everything keeps none. */
      g_assert_nonnull (f->canvas->layers);
      g_assert_null (plain->layers);

      /* The still nodes and edges are copied from an image drawn on the
       * same pixel grid, and the moving ones are drawn as before: the
       * only differences come from the layer over the nodes, which holds
       * colour premultiplied by coverage in 8 bits before it is laid on
       * the layer under it, so an edge pixel may round one way or the
       * other: at most 2 in a channel. */
      worst = compare_pictures (layered, whole, &n_differing);
      g_test_message ("frame %u: %u pixels differ, by %d at most", i, n_differing, worst);
      g_assert_cmpint (worst, <=, 2);

      /* And p did move: its old place changed between frames. */
      if (before != NULL)
        {
          cairo_rectangle_int_t moved_into = { 300 + 20 + (int) offsets[i][0], 20 + (int) offsets[i][1], 160, 120 };

          if (offsets[i][0] != offsets[i - 1][0] || offsets[i][1] != offsets[i - 1][1])
            g_assert_cmpuint (count_changed_in (before, layered, &moved_into), >, 0);
        }

      g_clear_pointer (&before, cairo_surface_destroy);
      before = layered;
      cairo_surface_destroy (whole);
    }

  /* The still layers were drawn once for all these frames, or again
   * when an edge turned out to move too: not for each. */
  n_drawn = fm_canvas_layers_get_n_drawn (f->canvas);
  g_assert_cmpuint (n_drawn, >=, 1);
  g_assert_cmpuint (n_drawn, <, G_N_ELEMENTS (offsets));

  /* A change that is not the move (a label, through the document, as the
   * inspector would make it) shows at once. */
  fm_document_set (f->doc, f->map, "a", "label", "Renamed mid-drag", NULL);
  {
    cairo_surface_t *layered = draw_canvas (f->canvas, width, height);
    cairo_surface_t *whole = draw_canvas (plain, width, height);
    guint n_differing;

    g_assert_cmpint (compare_pictures (layered, whole, &n_differing), <=, 2);
    g_assert_cmpuint (count_changed_in (before, layered, &(cairo_rectangle_int_t) { 20, 440, 140, 90 }), >, 0);
    g_assert_cmpuint (fm_canvas_layers_get_n_drawn (f->canvas), ==, n_drawn + 1);
    cairo_surface_destroy (layered);
    cairo_surface_destroy (whole);
  }

  g_signal_emit_by_name (f->canvas->primary_drag, "drag-end", 0.0, 0.0);
  g_assert_null (f->canvas->layers);
  g_clear_pointer (&before, cairo_surface_destroy);
  fm_canvas_set_map (plain, NULL, NULL);
}

/* The metrics panel asks the canvas to reveal a constraint: it is selected
 * alone and scrolled to the middle of the view. */
static void
test_select_and_reveal (void)
{
  FmDocument *doc = fm_test_load_example ("release.flowmap");
  FmMap *map = fm_document_lookup_map (doc, "current");
  FmMetricsCache *cache = fm_metrics_cache_new ();
  GtkWidget *window = gtk_window_new ();
  FmCanvas *canvas = FM_CANVAS (fm_canvas_new ());
  FmCanvasState *state = fm_canvas_get_state (canvas);
  FmNode *node = fm_map_lookup_node (map, "wait-security");
  FmRect bounds;
  double x, y;

  fm_metrics_cache_set_map (cache, doc, map);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  fm_canvas_set_metrics_cache (canvas, cache);
  fm_canvas_set_map (canvas, doc, map);
  g_assert_true (fm_canvas_get_metrics_cache (canvas) == cache);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  fm_canvas_state_set_view (state, 1.0, -5000, -5000);

  /* Selected alone, in the middle of the view, at the same zoom. */
  fm_canvas_state_select (state, "code", FALSE);
  g_assert_true (fm_canvas_select_and_reveal (canvas, "wait-security"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "wait-security");
  g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, 1.0);
  fm_node_get_bounds (node, &bounds);
  fm_canvas_state_to_widget (state, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, 1e-6);

  /* Edges too; what the map does not have, not. */
  g_assert_true (fm_canvas_select_and_reveal (canvas, "rework-1"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "rework-1");
  g_assert_false (fm_canvas_select_and_reveal (canvas, "missing"));
  g_assert_cmpstr (fm_canvas_state_get_single (state), ==, "rework-1");

  /* The canvas keeps the cache on the map it shows. */
  fm_canvas_set_map (canvas, doc, fm_document_lookup_map (doc, "future"));
  g_assert_true (fm_metrics_cache_get_map (cache) == fm_document_lookup_map (doc, "future"));
  g_assert_cmpfloat (fm_metrics_cache_get_metrics (cache)->lead_time_s, ==, 14 * 86400.0);

  gtk_window_destroy (GTK_WINDOW (window));
  fm_test_run_idles ();
  g_assert_finalize_object (cache);
  g_assert_finalize_object (doc);
}


/* Zoom to Fit shows a map of 1,000 steps whole when it fits at the
 * smallest zoom, says when it does not (a row of 1,000 steps), and never
 * zooms in past 100 %. */
static void
test_zoom_to_fit (void)
{
  GtkWidget *window = gtk_window_new ();
  FmCanvas *canvas = FM_CANVAS (fm_canvas_new ());
  FmCanvasState *state = fm_canvas_get_state (canvas);
  const char *shapes[] = { "row", "grid", "one" };
  FmDocument *docs[G_N_ELEMENTS (shapes)];

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) <= 1)
    g_main_context_iteration (NULL, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(FmMap) map = fm_map_new ("current");
      guint n = g_str_equal (shapes[k], "one") ? 1 : 1000;

      docs[k] = fm_document_new ();
      fm_document_add_map (docs[k], map, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("p%u", i);
          gboolean row = g_str_equal (shapes[k], "row");

          fm_test_add_node (docs[k], map, FM_NODE_KIND_PROCESS, id, id,
                            row ? 200.0 * i : 200.0 * (i % 40), row ? 0 : 200.0 * (i / 40));
        }
      fm_canvas_set_map (canvas, docs[k], map);
      fm_canvas_state_set_view (state, 1.0, 0, 0);

      if (g_str_equal (shapes[k], "row"))
        {
          /* 200,000 px wide: still partly outside at the smallest zoom. */
          g_assert_false (fm_canvas_zoom_to_fit (canvas));
          g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, FM_CANVAS_MIN_ZOOM);
        }
      else if (g_str_equal (shapes[k], "grid"))
        {
          /* 8,000 × 5,000 px: whole, at less than the old smallest zoom, 10 %. */
          g_assert_true (fm_canvas_zoom_to_fit (canvas));
          g_assert_cmpfloat (fm_canvas_state_get_zoom (state), <, 0.1);
          g_assert_cmpfloat (fm_canvas_state_get_zoom (state), >, FM_CANVAS_MIN_ZOOM);
        }
      else
        {
          g_assert_true (fm_canvas_zoom_to_fit (canvas));
          g_assert_cmpfloat (fm_canvas_state_get_zoom (state), ==, 1.0);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    g_object_unref (docs[k]);
}

int
main (int   argc,
      char *argv[])
{
  if (fm_test_skip_without_display ())
    return 0;

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/canvas/hit/nodes", test_hit_nodes);
  ADD ("/fm/canvas/hit/topmost", test_hit_topmost);
  ADD ("/fm/canvas/offer-routes", test_offer_routes);
  ADD ("/fm/canvas/hit/edge", test_hit_edge);
  ADD ("/fm/canvas/hit/matches-scan", test_hit_matches_scan);
  ADD ("/fm/canvas/hit/handles", test_hit_handles);
  ADD ("/fm/canvas/select/rect", test_select_rect);
  ADD ("/fm/canvas/command/place", test_place);
  ADD ("/fm/canvas/command/connect", test_connect);
  ADD ("/fm/canvas/command/delete", test_delete);
  ADD ("/fm/canvas/command/nudge", test_nudge);
  ADD ("/fm/canvas/command/duplicate", test_duplicate);
  ADD ("/fm/canvas/command/paste-elsewhere", test_paste_elsewhere);
  ADD ("/fm/canvas/command/edit-label", test_edit_label);
  ADD ("/fm/canvas/layers/same-picture", test_layers_same_picture);
  g_test_add_func ("/fm/canvas/select-and-reveal", test_select_and_reveal);
  g_test_add_func ("/fm/canvas/zoom-to-fit", test_zoom_to_fit);

  return g_test_run ();
}
