/* test-render.c: the renderer, edge routing, the timeline and the constraint highlights */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-document.h"
#include "fm-document-private.h"
#include "fm-edge-route.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-node-shape.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-renderer.h"
#include "fm-timeline.h"

#define HOUR 3600.0
#define DAY 86400.0

/* trigger -> queue -> process -> outcome in a row, a system above the
 * process with an information edge into it. */
typedef struct {
  FmDocument *doc;
  FmMap *map;
} Fixture;

static FmNode *
add_node (FmMap      *map,
          FmNodeKind  kind,
          const char *id,
          double      x,
          double      y)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_label (node, id);
  fm_node_set_position (node, x, y);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);

  return node;
}

static FmEdge *
add_edge (FmMap      *map,
          const char *id,
          const char *from,
          const char *to,
          FmEdgeKind  kind)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);

  return edge;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  FmNode *node;

  f->doc = fm_document_new ();
  add_node (map, FM_NODE_KIND_TRIGGER, "t", 0, 15);
  node = add_node (map, FM_NODE_KIND_QUEUE, "q", 200, 15);
  fm_queue_set_wait_s (FM_QUEUE (node), 2 * DAY);
  fm_queue_set_items (FM_QUEUE (node), 5);
  node = add_node (map, FM_NODE_KIND_PROCESS, "p", 360, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 2 * HOUR);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), DAY);
  add_node (map, FM_NODE_KIND_OUTCOME, "o", 580, 15);
  add_node (map, FM_NODE_KIND_SYSTEM, "s", 365, -200);
  add_edge (map, "e1", "t", "q", FM_EDGE_KIND_FLOW);
  add_edge (map, "e2", "q", "p", FM_EDGE_KIND_PUSH);
  add_edge (map, "e3", "p", "o", FM_EDGE_KIND_FLOW);
  add_edge (map, "e4", "s", "p", FM_EDGE_KIND_INFO);
  fm_document_insert_map_internal (f->doc, 0, map);
  f->map = map;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
}

/* An image of part of a map: map point (x, y) is pixel
 * ((x - origin_x) * scale, (y - origin_y) * scale). */
typedef struct {
  cairo_surface_t *surface;
  double origin_x, origin_y, scale;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

static void
draw (Image                 *image,
      FmMap                 *map,
      const FmRenderOptions *options,
      const FmRect          *area,
      double                 scale)
{
  cairo_t *cr;

  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               ceil (area->width * scale),
                                               ceil (area->height * scale));
  image->origin_x = area->x;
  image->origin_y = area->y;
  image->scale = scale;

  cr = cairo_create (image->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  fm_renderer_draw (cr, map, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
}

/* Draws the whole map with a margin of 20. */
static void
draw_all (Image                 *image,
          FmMap                 *map,
          const FmRenderOptions *options)
{
  FmRect extents;

  g_assert_true (fm_renderer_get_extents (map, options, &extents));
  draw (image, map, options,
        &(FmRect) { extents.x - 20, extents.y - 20, extents.width + 40, extents.height + 40 }, 1);
}

static FmColor
pixel (Image  *image,
       double  x,
       double  y)
{
  int px = floor ((x - image->origin_x) * image->scale);
  int py = floor ((y - image->origin_y) * image->scale);
  unsigned char *data = cairo_image_surface_get_data (image->surface);
  int stride = cairo_image_surface_get_stride (image->surface);
  guint32 argb;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (image->surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (image->surface));

  argb = *(guint32 *) (data + py * stride + px * 4);
  return (FmColor) { (argb >> 16 & 0xff) / 255.0, (argb >> 8 & 0xff) / 255.0,
                     (argb & 0xff) / 255.0, (argb >> 24 & 0xff) / 255.0 };
}

static void
assert_color (Image         *image,
              double         x,
              double         y,
              const FmColor *expected)
{
  FmColor c = pixel (image, x, y);

  if (fabs (c.r - expected->r) > 0.02 || fabs (c.g - expected->g) > 0.02 ||
      fabs (c.b - expected->b) > 0.02)
    g_error ("pixel at (%g, %g) is (%.3f, %.3f, %.3f), expected (%.3f, %.3f, %.3f)",
             x, y, c.r, c.g, c.b, expected->r, expected->g, expected->b);
}

static void
assert_ink (Image  *image,
            double  x,
            double  y)
{
  FmColor c = pixel (image, x, y);
  double luminance = 0.3 * c.r + 0.59 * c.g + 0.11 * c.b;

  if (luminance > 0.5)
    g_error ("pixel at (%g, %g) is (%.3f, %.3f, %.3f), expected ink", x, y, c.r, c.g, c.b);
}

/* Thin lines antialias over two pixels: look nearby for their colour,
 * blended with white by at most half. */
static void
assert_color_near (Image         *image,
                   double         x,
                   double         y,
                   const FmColor *expected)
{
  for (double dx = -1; dx <= 1; dx += 0.25)
    for (double dy = -1; dy <= 1; dy += 0.25)
      {
        FmColor c = pixel (image, x + dx, y + dy);
        double a = (1 - c.r) / MAX (1e-6, 1 - expected->r);

        if (a >= 0.5 && a <= 1.05 &&
            fabs (1 - a * (1 - expected->g) - c.g) < 0.05 &&
            fabs (1 - a * (1 - expected->b) - c.b) < 0.05)
          return;
      }

  g_error ("no pixel near (%g, %g) has the expected colour", x, y);
}

/* Thin lines antialias over two pixels: look for ink nearby. */
static void
assert_ink_near (Image  *image,
                 double  x,
                 double  y)
{
  double darkest = 1;

  for (double dx = -1.5; dx <= 1.5; dx += 0.5)
    for (double dy = -1.5; dy <= 1.5; dy += 0.5)
      {
        FmColor c = pixel (image, x + dx, y + dy);

        darkest = MIN (darkest, 0.3 * c.r + 0.59 * c.g + 0.11 * c.b);
      }

  if (darkest > 0.6)
    g_error ("no ink near (%g, %g)", x, y);
}

static const FmColor white = { 1, 1, 1, 1 };

static void
test_process_box (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  FmNode *p = fm_map_lookup_node (f->map, "p");
  double x = fm_node_get_x (p), y = fm_node_get_y (p);
  double w = fm_node_get_width (p), h = fm_node_get_height (p);
  FmRenderOptions options;

  fm_render_options_init (&options);
  options.document = f->doc;
  draw_all (&image, f->map, &options);

  /* The head in the process colour, above its label. */
  assert_color (&image, x + w / 2, y + 6, &fm_palette_light ()->process_fill);
  assert_color (&image, x + 12, y + 8, &fm_palette_light ()->process_fill);
  /* ...inside the rounded corners: 0.5 from the box's corner is
   * 5.5·√2 ≈ 7.8 from the corner arc's centre, beyond its radius of 6
   * and the outline's half width. */
  assert_color (&image, x + 0.5, y + 0.5, &white);
  assert_color (&image, x + w - 0.5, y + 0.5, &white);
  /* The data box white, the outline ink. */
  assert_color (&image, x + w - 4, y + h - 6, &white);
  assert_ink (&image, x + 0.2, y + h / 2);
  assert_ink (&image, x + w / 2, y + h - 0.2);
}

static void
test_background (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  FmRenderOptions options;

  fm_render_options_init (&options);
  draw_all (&image, f->map, &options);

  /* Above the queue, left of the system: nothing there. */
  assert_color (&image, 250, 0, &white);
  assert_color (&image, 100, -150, &white);
}

static void
test_queue_triangle (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  FmNode *q = fm_map_lookup_node (f->map, "q");
  double cx = fm_node_get_x (q) + fm_node_get_width (q) / 2, y = fm_node_get_y (q);
  FmRenderOptions options;

  fm_render_options_init (&options);
  draw_all (&image, f->map, &options);

  /* The "I" in the middle of the triangle, its fill beside it, the apex's
   * outline and nothing beside the apex. */
  assert_ink (&image, cx, y + 35);
  assert_color (&image, cx + 12, y + 45, &fm_palette_light ()->queue_fill);
  assert_ink (&image, cx, y + 2.5);
  assert_color (&image, cx + 20, y + 6, &white);
  /* Its wait written under it. */
  {
    gboolean found = FALSE;

    for (double x = cx - 30; x < cx + 30 && !found; x += 0.5)
      for (double yy = y + 70; yy < y + 88 && !found; yy += 0.5)
        found = pixel (&image, x, yy).r < 0.5;
    g_assert_true (found);
  }
}

static void
test_edge_ink (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (f->map);
  const FmEdgeRoute *route = fm_edge_routes_lookup (routes, "e1");
  const FmEdgeRoute *info = fm_edge_routes_lookup (routes, "e4");
  FmRenderOptions options;

  fm_render_options_init (&options);
  options.routes = routes;
  draw_all (&image, f->map, &options);

  /* e1 is one straight run from the trigger to the queue. */
  g_assert_cmpuint (route->n_points, ==, 2);
  g_assert_cmpfloat (route->points[0].y, ==, route->points[1].y);
  assert_ink (&image, (route->points[0].x + route->points[1].x) / 2, route->points[0].y);
  /* The information edge comes down into the process's top. */
  g_assert_cmpint (info->to_side, ==, FM_SIDE_TOP);
  assert_ink_near (&image, info->points[info->n_points - 1].x, info->points[info->n_points - 1].y - 15);
}

static void
test_timeline_drawn (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Image) with = { 0 };
  g_auto(Image) without = { 0 };
  g_autoptr(FmTimeline) timeline = NULL;
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  FmRenderOptions options;
  FmRect content, extents;
  FmNode *q = fm_map_lookup_node (f->map, "q");
  FmNode *p = fm_map_lookup_node (f->map, "p");
  double qx = fm_node_get_x (q) + fm_node_get_width (q) / 2;
  double px = fm_node_get_x (p) + fm_node_get_width (p) / 2;

  fm_render_options_init (&options);
  options.document = f->doc;
  options.timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &content));
  options.timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &extents));

  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_nonnull (timeline);
  g_assert_cmpfloat (timeline->upper_y, >, content.y + content.height);
  g_assert_cmpfloat (timeline->lower_y, >, timeline->upper_y);

  draw (&with, f->map, &options, &(FmRect) { extents.x - 10, extents.y - 10,
                                              extents.width + 20, extents.height + 20 }, 1);
  options.timeline = FALSE;
  draw (&without, f->map, &options, &(FmRect) { extents.x - 10, extents.y - 10,
                                                 extents.width + 20, extents.height + 20 }, 1);

  /* The wait on the upper rung under the queue, the process time on the
   * lower one under the process, the totals box at the right end. */
  assert_ink (&with, qx, timeline->upper_y);
  assert_ink (&with, px, timeline->lower_y);
  assert_ink (&with, timeline->totals.x, timeline->totals.y + timeline->totals.height / 2);
  assert_color (&without, qx, timeline->upper_y, &white);
  assert_color (&without, px, timeline->lower_y, &white);
  /* The rungs sit under their nodes. */
  g_assert_cmpuint (timeline->rungs->len, ==, 2);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 0).x0, ==, fm_node_get_x (q));
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 1).x0, ==, fm_node_get_x (p));
}

static void
test_extents (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FmMap) empty = fm_map_new ("empty");
  FmRenderOptions options;
  FmRect content, plain, with;

  fm_render_options_init (&options);
  options.timeline = FALSE;
  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  g_assert_true (fm_renderer_get_extents (f->map, &options, &plain));
  options.timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &with));

  /* Everything drawn is inside, and not much more. */
  g_assert_cmpfloat (plain.x, <=, content.x);
  g_assert_cmpfloat (plain.y, <=, content.y);
  g_assert_cmpfloat (plain.x + plain.width, >=, content.x + content.width);
  g_assert_cmpfloat (plain.y + plain.height, >=, content.y + content.height);
  g_assert_cmpfloat (plain.width, <, content.width + 30);
  g_assert_cmpfloat (plain.height, <, content.height + 30);

  /* The timeline adds below and may reach further right, never up. */
  g_assert_cmpfloat (with.y, ==, plain.y);
  g_assert_cmpfloat (with.height, >, plain.height + 60);
  g_assert_cmpfloat (with.x + with.width, >=, plain.x + plain.width);

  /* NULL options mean the defaults: the map alone. */
  g_assert_true (fm_renderer_get_extents (f->map, NULL, &with));
  g_assert_cmpfloat (with.height, ==, plain.height);

  g_assert_false (fm_renderer_get_extents (empty, &options, &plain));
  g_assert_cmpfloat (plain.width, ==, 0);
}

/* A rework loop widens the extents downwards, and its label with it. */
static void
test_extents_rework (Fixture       *f,
                     gconstpointer  data)
{
  FmRenderOptions options;
  FmRect before, after;
  FmNode *p = fm_map_lookup_node (f->map, "p");

  fm_render_options_init (&options);
  options.timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &before));
  fm_edge_set_rate (add_edge (f->map, "r", "p", "q", FM_EDGE_KIND_REWORK), 0.2);
  g_assert_true (fm_renderer_get_extents (f->map, &options, &after));

  g_assert_cmpfloat (after.y + after.height, >, fm_node_get_y (p) + fm_node_get_height (p) + 26);
}

static void
test_visible (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  FmRenderOptions options;
  FmNode *p = fm_map_lookup_node (f->map, "p");
  FmNode *t = fm_map_lookup_node (f->map, "t");

  fm_render_options_init (&options);
  options.timeline = FALSE;
  /* Only the left part of the map needs drawing: the process is skipped. */
  options.visible = (FmRect) { -10, -10, 160, 150 };
  draw_all (&image, f->map, &options);

  assert_color (&image, fm_node_get_x (p) + 12, fm_node_get_y (p) + 8, &white);
  assert_color (&image, fm_node_get_x (t) + 4, fm_node_get_y (t) + fm_node_get_height (t) - 4,
                &fm_palette_light ()->endpoint_fill);
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Image) image = { 0 };
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  FmNode *p = fm_map_lookup_node (f->map, "p");
  const FmColor *selection = &fm_palette_light ()->selection;
  FmRenderOptions options;
  FmRect area;
  FmPoint c;

  g_hash_table_add (selected, (gpointer) "p");
  fm_render_options_init (&options);
  options.selected = selected;
  options.hover_id = "q";
  options.timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &area));
  area = (FmRect) { area.x - 40, area.y - 40, area.width + 80, area.height + 80 };
  draw (&image, f->map, &options, &area, 2);

  /* At zoom 2 the handles are 8 pixels, 4 map units, wide; their outline
   * and the connection circle are in the selection colour. */
  for (FmHandle h = FM_HANDLE_NORTH_WEST; h <= FM_HANDLE_WEST; h++)
    {
      fm_renderer_get_handle (p, h, 2, &c);
      assert_color_near (&image, c.x - 2, c.y, selection);
      assert_color (&image, c.x, c.y, &white);
      g_assert_cmpint (fm_renderer_handle_at (p, 2, c.x + 1, c.y - 1), ==, h);
    }
  fm_renderer_get_handle (p, FM_HANDLE_CONNECT, 2, &c);
  g_assert_cmpfloat (c.x, >, fm_node_get_x (p) + fm_node_get_width (p));
  assert_color_near (&image, c.x + 1.5, c.y, selection);
  g_assert_cmpint (fm_renderer_handle_at (p, 2, c.x, c.y), ==, FM_HANDLE_CONNECT);
  g_assert_cmpint (fm_renderer_handle_at (p, 2, fm_node_get_x (p) + 50, fm_node_get_y (p) + 50),
                   ==, FM_HANDLE_NONE);

  /* The hovered queue has a tinted halo, not the selection's handles. */
  {
    FmNode *q = fm_map_lookup_node (f->map, "q");
    FmColor halo = pixel (&image, fm_node_get_x (q) - 1.5 - 0.25, fm_node_get_y (q) + 40);

    g_assert_cmpfloat (halo.b, >, halo.r + 0.05);
  }
}

static void
test_every_kind (void)
{
  g_autoptr(FmMap) map = fm_map_new ("all");
  FmNodeKind kinds[] = {
    FM_NODE_KIND_TRIGGER, FM_NODE_KIND_QUEUE, FM_NODE_KIND_PROCESS, FM_NODE_KIND_OUTCOME,
    FM_NODE_KIND_SYSTEM, FM_NODE_KIND_KAIZEN, FM_NODE_KIND_NOTE,
  };
  const FmColor *fills[] = {
    &fm_palette_light ()->endpoint_fill, NULL, NULL, &fm_palette_light ()->endpoint_fill,
    &fm_palette_light ()->system_fill, &fm_palette_light ()->kaizen_fill, &fm_palette_light ()->note_fill,
  };
  const double zooms[] = { 0.1, 0.5, 1, 3.5 };
  FmEdgeKind edge_kind = FM_EDGE_KIND_FLOW;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      FmNode *node = add_node (map, kinds[i], id, (i % 4) * 250, (i / 4) * 250);

      fm_node_set_label (node, "A label long enough to wrap onto a second line and then some more");
      if (i > 0)
        {
          g_autofree char *edge_id = g_strdup_printf ("e%u", i);
          g_autofree char *from = g_strdup_printf ("n%u", i - 1);

          add_edge (map, edge_id, from, id, edge_kind);
          edge_kind = (edge_kind + 1) % (FM_EDGE_KIND_REWORK + 1);
        }
    }
  add_edge (map, "self", "n2", "n2", FM_EDGE_KIND_REWORK);
  fm_kaizen_set_owner (FM_KAIZEN (fm_map_lookup_node (map, "n5")), "Sam");

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_auto(Image) image = { 0 };
      FmRect extents;

      g_assert_true (fm_renderer_get_extents (map, NULL, &extents));
      draw (&image, map, NULL, &extents, zooms[z]);
      if (zooms[z] < 1)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          FmNode *node = fm_map_get_node (map, i);
          double x = fm_node_get_x (node), y = fm_node_get_y (node);
          double w = fm_node_get_width (node), h = fm_node_get_height (node);

          if (fills[i] == NULL)
            continue;
          if (kinds[i] == FM_NODE_KIND_KAIZEN)
            assert_color (&image, x + w / 2, y + h * 0.1, fills[i]);
          else if (kinds[i] == FM_NODE_KIND_SYSTEM)
            assert_color (&image, x + 6, y + 6, fills[i]);
          else
            assert_color (&image, x + 4, y + h - 4, fills[i]);
        }
    }
}

static void
test_route_sides (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *r;

  add_node (map, FM_NODE_KIND_PROCESS, "a", 0, 0);
  add_node (map, FM_NODE_KIND_PROCESS, "right", 300, 10);
  add_node (map, FM_NODE_KIND_PROCESS, "below", 20, 300);
  add_node (map, FM_NODE_KIND_PROCESS, "diagonal", -600, -400);
  add_node (map, FM_NODE_KIND_PROCESS, "left", -400, 30);
  add_edge (map, "to-right", "a", "right", FM_EDGE_KIND_FLOW);
  add_edge (map, "to-below", "a", "below", FM_EDGE_KIND_FLOW);
  add_edge (map, "to-diagonal", "a", "diagonal", FM_EDGE_KIND_FLOW);
  add_edge (map, "to-left", "a", "left", FM_EDGE_KIND_INFO);
  routes = fm_edge_routes_new (map);

  r = fm_edge_routes_lookup (routes, "to-right");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_RIGHT);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_LEFT);
  g_assert_cmpuint (r->n_points, ==, 2);
  g_assert_cmpfloat (r->points[0].x, ==, 160);
  g_assert_cmpfloat (r->points[1].x, ==, 300);

  r = fm_edge_routes_lookup (routes, "to-below");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_TOP);
  g_assert_cmpuint (r->n_points, ==, 2);
  g_assert_cmpfloat (r->points[0].y, ==, 120);
  g_assert_cmpfloat (r->points[1].y, ==, 300);

  /* Diagonal: one bend. */
  r = fm_edge_routes_lookup (routes, "to-diagonal");
  g_assert_cmpuint (r->n_points, ==, 3);

  r = fm_edge_routes_lookup (routes, "to-left");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_LEFT);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_RIGHT);

  /* Every segment is horizontal or vertical. */
  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, i);

      for (guint k = 1; k < route->n_points; k++)
        g_assert_true (route->points[k].x == route->points[k - 1].x ||
                       route->points[k].y == route->points[k - 1].y);
    }

  g_assert_null (fm_edge_routes_lookup (routes, "nothing"));
}

static gboolean
segment_enters (const FmPoint *p,
                const FmPoint *q,
                const FmRect  *r)
{
  /* Sample the segment; a point strictly inside the box is a crossing. */
  for (double t = 0; t <= 1; t += 1.0 / 64)
    {
      double x = p->x + (q->x - p->x) * t, y = p->y + (q->y - p->y) * t;

      if (x > r->x + 0.5 && x < r->x + r->width - 0.5 &&
          y > r->y + 0.5 && y < r->y + r->height - 0.5)
        return TRUE;
    }

  return FALSE;
}

/* Whether p -> q leaves (or enters) a box through @side. */
static gboolean
heads (const FmPoint *p,
       const FmPoint *q,
       FmSide         side,
       gboolean       leaving)
{
  double dx = q->x - p->x, dy = q->y - p->y;
  double sign = leaving ? 1 : -1;

  switch (side)
    {
    case FM_SIDE_TOP: return dx == 0 && sign * dy < 0;
    case FM_SIDE_BOTTOM: return dx == 0 && sign * dy > 0;
    case FM_SIDE_LEFT: return dy == 0 && sign * dx < 0;
    case FM_SIDE_RIGHT: return dy == 0 && sign * dx > 0;
    default: return FALSE;
    }
}

/* Whatever the layout, an edge never runs through its own two boxes. */
static void
test_route_avoids_own_boxes (void)
{
  for (guint round = 0; round < 1000; round++)
    {
      g_autoptr(FmMap) map = fm_map_new ("m");
      g_autoptr(FmEdgeRoutes) routes = NULL;
      const FmEdgeRoute *route;
      FmNode *a, *b;
      FmRect ra, rb;
      FmEdgeKind kind = g_test_rand_int_range (0, FM_EDGE_KIND_REWORK + 1);

      a = add_node (map, g_test_rand_int_range (0, FM_NODE_KIND_SYSTEM + 1), "a", 0, 0);
      b = add_node (map, g_test_rand_int_range (0, FM_NODE_KIND_SYSTEM + 1), "b", 0, 0);
      fm_node_get_bounds (b, &rb);
      /* Overlapping or touching boxes cannot be kept out of each other. */
      do
        {
          fm_node_set_position (a, g_test_rand_int_range (-400, 400), g_test_rand_int_range (-400, 400));
          fm_node_get_bounds (a, &ra);
        }
      while (ra.x <= rb.x + rb.width && rb.x <= ra.x + ra.width &&
             ra.y <= rb.y + rb.height && rb.y <= ra.y + ra.height);

      add_edge (map, "e", "a", "b", kind);
      routes = fm_edge_routes_new (map);
      route = fm_edge_routes_lookup (routes, "e");
      g_assert_cmpuint (route->n_points, >=, 2);

      for (guint k = 1; k < route->n_points; k++)
        {
          const FmPoint *p = &route->points[k - 1], *q = &route->points[k];

          /* The first segment starts on a's outline, which may lie inside
           * its box (a queue's triangle), and the last ends on b's. */
          if ((k > 1 && segment_enters (p, q, &ra)) ||
              (k + 1 < route->n_points && segment_enters (p, q, &rb)))
            g_error ("%s edge from %s (%g, %g) to %s (%g, %g): (%g, %g)–(%g, %g) crosses an end",
                     fm_edge_kind_to_string (kind),
                     fm_node_kind_to_string (fm_node_get_kind (a)), ra.x, ra.y,
                     fm_node_kind_to_string (fm_node_get_kind (b)), rb.x, rb.y,
                     p->x, p->y, q->x, q->y);
        }

      /* Out of a's side and into b's, at right angles. */
      g_assert_true (heads (&route->points[0], &route->points[1], route->from_side, TRUE));
      g_assert_true (heads (&route->points[route->n_points - 2], &route->points[route->n_points - 1],
                            route->to_side, FALSE));
    }
}

/* A route that would cross a third node takes the other way round. */
static void
test_route_avoids_nodes (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *route;
  FmRect in_the_way;

  add_node (map, FM_NODE_KIND_TRIGGER, "t", 0, 200);
  add_node (map, FM_NODE_KIND_QUEUE, "q", 200, 200);
  add_node (map, FM_NODE_KIND_SYSTEM, "s", 500, 0);
  add_edge (map, "e", "t", "s", FM_EDGE_KIND_INFO);
  routes = fm_edge_routes_new (map);
  route = fm_edge_routes_lookup (routes, "e");
  fm_node_get_bounds (fm_map_lookup_node (map, "q"), &in_the_way);

  g_assert_cmpint (route->from_side, ==, FM_SIDE_TOP);
  g_assert_cmpint (route->to_side, ==, FM_SIDE_LEFT);
  for (guint k = 1; k < route->n_points; k++)
    g_assert_false (segment_enters (&route->points[k - 1], &route->points[k], &in_the_way));
}

static void
test_route_rework_loop (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *wide, *narrow, *self;
  double bottom = 0;

  add_node (map, FM_NODE_KIND_PROCESS, "a", 0, 0);
  add_node (map, FM_NODE_KIND_QUEUE, "q", 200, 15);
  add_node (map, FM_NODE_KIND_PROCESS, "b", 350, 0);
  add_node (map, FM_NODE_KIND_PROCESS, "c", 600, 0);
  /* In the way under b and c: loops pass under it too. */
  add_node (map, FM_NODE_KIND_NOTE, "low", 450, 100);
  add_edge (map, "narrow", "c", "b", FM_EDGE_KIND_REWORK);
  add_edge (map, "wide", "c", "a", FM_EDGE_KIND_REWORK);
  add_edge (map, "self", "a", "a", FM_EDGE_KIND_REWORK);
  routes = fm_edge_routes_new (map);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    bottom = MAX (bottom, fm_node_get_y (fm_map_get_node (map, i)) + fm_node_get_height (fm_map_get_node (map, i)));

  narrow = fm_edge_routes_lookup (routes, "narrow");
  wide = fm_edge_routes_lookup (routes, "wide");
  self = fm_edge_routes_lookup (routes, "self");
  g_assert_cmpuint (narrow->n_points, ==, 4);
  g_assert_cmpint (narrow->from_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpint (narrow->to_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpfloat (narrow->points[1].y, >, bottom);
  /* The wider loop goes under the narrower one. */
  g_assert_cmpfloat (wide->points[1].y, >, narrow->points[1].y);
  /* A step sending work back to itself loops under itself. */
  g_assert_cmpuint (self->n_points, ==, 4);
  g_assert_cmpfloat (self->points[0].x, >, self->points[3].x);
  g_assert_cmpfloat (self->points[1].y, >, 120);
  /* The label sits on the bottom run. */
  g_assert_cmpfloat (narrow->label.y, ==, narrow->points[1].y);
}

static void
test_route_hit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (f->map);
  const FmEdgeRoute *route = fm_edge_routes_lookup (routes, "e1");
  double x = (route->points[0].x + route->points[1].x) / 2, y = route->points[0].y;

  g_assert_cmpfloat (fm_edge_route_distance (route, x, y + 3), ==, 3);
  g_assert_true (fm_edge_routes_hit (routes, x, y + 3, 5) == route->edge);
  g_assert_null (fm_edge_routes_hit (routes, x, y + 30, 5));
}

static void
test_timeline_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  timeline = fm_timeline_new (metrics, f->doc, &content);

  /* The rungs are the queues and steps of the metrics' critical path, in
   * its order; the system is not on it. */
  g_assert_cmpuint (metrics->path->len, ==, 4);
  g_assert_cmpuint (timeline->rungs->len, ==, 2);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).node == metrics->path->pdata[1]);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 1).node == metrics->path->pdata[2]);
  g_assert_cmpstr (fm_node_get_id (metrics->path->pdata[1]), ==, "q");
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).wait);
  g_assert_false (g_array_index (timeline->rungs, FmTimelineRung, 1).wait);
}

static void
test_timeline_longest (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content = { 0, 0, 500, 300 };
  FmNode *node;

  /* t -> fast -> o and t -> slow -> o: the slow branch is the path. */
  add_node (map, FM_NODE_KIND_TRIGGER, "t", 0, 0);
  node = add_node (map, FM_NODE_KIND_PROCESS, "fast", 200, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), HOUR);
  node = add_node (map, FM_NODE_KIND_QUEUE, "slow", 200, 200);
  fm_queue_set_wait_s (FM_QUEUE (node), DAY);
  add_node (map, FM_NODE_KIND_OUTCOME, "o", 400, 0);
  add_edge (map, "e1", "t", "fast", FM_EDGE_KIND_FLOW);
  add_edge (map, "e2", "fast", "o", FM_EDGE_KIND_FLOW);
  add_edge (map, "e3", "t", "slow", FM_EDGE_KIND_PUSH);
  add_edge (map, "e4", "slow", "o", FM_EDGE_KIND_PULL);

  metrics = fm_metrics_compute (NULL, map, NULL);
  timeline = fm_timeline_new (metrics, NULL, &content);
  g_assert_cmpuint (timeline->rungs->len, ==, 1);
  g_assert_true (g_array_index (timeline->rungs, FmTimelineRung, 0).node == node);
  g_assert_cmpfloat (timeline->lead_s, ==, DAY);
  g_assert_cmpfloat (timeline->process_s, ==, 0);
}

/* A queue's wait from its items and the demand, "–" without a demand. */
static void
test_timeline_items (Fixture       *f,
                     gconstpointer  data)
{
  FmNode *q = fm_map_lookup_node (f->map, "q");
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  fm_queue_set_wait_s (FM_QUEUE (q), FM_UNSET);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 0).time_s, ==, FM_UNSET);

  g_object_set (f->doc, "demand-per-day", 4.0, "day-length-s", 28800.0, NULL);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, 0).time_s, ==, 5 / 4.0 * 28800);
  g_assert_cmpfloat (timeline->lead_s, ==, metrics->lead_time_s);
}

static void
test_timeline_totals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;
  FmNode *p = fm_map_lookup_node (f->map, "p");
  double three_rows;

  g_assert_true (fm_map_get_content_bounds (f->map, &content));
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);

  /* Lead time: the queue's wait and the step's lead time; process time:
   * the step's; no rework. */
  g_assert_cmpfloat (timeline->lead_s, ==, 2 * DAY + DAY);
  g_assert_cmpfloat (timeline->process_s, ==, 2 * HOUR);
  g_assert_cmpfloat_with_epsilon (timeline->flow_efficiency, 2 * HOUR / (3 * DAY), 1e-12);
  g_assert_true (isnan (timeline->rework_lead_s));
  three_rows = timeline->totals.height;

  /* Without a lead time, the step counts its process time. */
  fm_process_step_set_lead_s (FM_PROCESS_STEP (p), FM_UNSET);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (timeline->lead_s, ==, 2 * DAY + 2 * HOUR);

  /* A loop back adds the rework-adjusted lead time as a fourth row. */
  fm_edge_set_rate (add_edge (f->map, "r", "p", "q", FM_EDGE_KIND_REWORK), 0.5);
  g_clear_pointer (&metrics, fm_metrics_free);
  g_clear_pointer (&timeline, fm_timeline_free);
  metrics = fm_metrics_compute (f->doc, f->map, NULL);
  timeline = fm_timeline_new (metrics, f->doc, &content);
  g_assert_cmpfloat (timeline->rework_lead_s, ==, metrics->rework_adjusted_lead_time_s);
  g_assert_cmpfloat (timeline->rework_lead_s, ==, 2 * (2 * DAY + 2 * HOUR));
  g_assert_cmpfloat (timeline->totals.height, >, three_rows);
}

static gboolean
same_pixels (Image *a,
             Image *b)
{
  int height = cairo_image_surface_get_height (a->surface);
  int stride = cairo_image_surface_get_stride (a->surface);

  return cairo_image_surface_get_width (a->surface) == cairo_image_surface_get_width (b->surface) &&
         height == cairo_image_surface_get_height (b->surface) &&
         memcmp (cairo_image_surface_get_data (a->surface),
                 cairo_image_surface_get_data (b->surface), (gsize) height * stride) == 0;
}

/* The renderer draws the figures it is given; without any it computes the
 * same ones itself. */
static void
test_timeline_given_metrics (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(Image) own = { 0 };
  g_auto(Image) given = { 0 };
  g_auto(Image) other = { 0 };
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  FmRenderOptions options;
  FmRect extents;

  fm_render_options_init (&options);
  options.document = f->doc;
  options.timeline = TRUE;
  options.highlight_constraints = TRUE;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &extents));
  draw (&own, f->map, &options, &extents, 1);

  options.metrics = metrics;
  draw (&given, f->map, &options, &extents, 1);
  g_assert_true (same_pixels (&own, &given));

  metrics->lead_time_s = 30 * DAY;
  draw (&other, f->map, &options, &extents, 1);
  g_assert_false (same_pixels (&own, &other));
}

static void
test_timeline_none (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMetrics) metrics = NULL;
  FmRect content = { 0, 0, 100, 100 };
  FmRenderOptions options;
  FmRect with, without;

  add_node (map, FM_NODE_KIND_TRIGGER, "t", 0, 0);
  add_node (map, FM_NODE_KIND_OUTCOME, "o", 300, 0);
  add_edge (map, "e", "t", "o", FM_EDGE_KIND_FLOW);

  /* Nothing to wait or work on: no ladder, and no room kept for one. */
  metrics = fm_metrics_compute (NULL, map, NULL);
  g_assert_null (fm_timeline_new (metrics, NULL, &content));
  fm_render_options_init (&options);
  options.timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (map, &options, &with));
  options.timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (map, &options, &without));
  g_assert_cmpfloat (with.height, ==, without.height);
}

/* How much of @color is laid over white at (x, y): 0 for white, 1 for the
 * colour itself; -1 when the pixel is some other colour. */
static double
tint (Image         *image,
      double         x,
      double         y,
      const FmColor *color)
{
  FmColor c = pixel (image, x, y);
  double a = (1 - c.b) / MAX (1e-6, 1 - color->b);

  if (fabs (1 - a * (1 - color->r) - c.r) > 0.05 || fabs (1 - a * (1 - color->g) - c.g) > 0.05)
    return -1;

  return a;
}

/* The top constraints get a halo and a numbered badge, only when asked. */
static void
test_constraint_highlight (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Image) plain = { 0 };
  g_auto(Image) marked = { 0 };
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  const FmColor *constraint = &fm_palette_light ()->constraint;
  FmNode *q = fm_map_lookup_node (f->map, "q");
  FmNode *p = fm_map_lookup_node (f->map, "p");
  FmRenderOptions options;
  FmRect area, qb, pb;

  fm_node_get_bounds (q, &qb);
  fm_node_get_bounds (p, &pb);
  /* The queue waits two days, the step takes one: q is first, p second. */
  g_assert_cmpuint (metrics->constraints->len, ==, 2);
  g_assert_cmpstr (((FmConstraint *) metrics->constraints->pdata[0])->id, ==, "q");
  g_assert_cmpstr (((FmConstraint *) metrics->constraints->pdata[1])->id, ==, "p");

  fm_render_options_init (&options);
  options.document = f->doc;
  options.metrics = metrics;
  g_assert_true (fm_renderer_get_extents (f->map, &options, &area));
  area = (FmRect) { area.x - 20, area.y - 20, area.width + 40, area.height + 40 };
  draw (&plain, f->map, &options, &area, 2);
  options.highlight_constraints = TRUE;
  draw (&marked, f->map, &options, &area, 2);

  /* The badge on the step's top right corner, in the constraint colour,
   * its number in white in the middle. */
  assert_color (&marked, pb.x + pb.width - 3 + 6, pb.y + 3, constraint);
  assert_color (&marked, pb.x + pb.width - 3 + 6, pb.y + 3 + 6, constraint);
  assert_color (&plain, pb.x + pb.width + 3, pb.y - 3, &white);
  {
    gboolean light = FALSE;

    for (double dx = -2; dx <= 2 && !light; dx += 0.5)
      for (double dy = -3; dy <= 3 && !light; dy += 0.5)
        light = pixel (&marked, pb.x + pb.width - 3 + dx, pb.y + 3 + dy).g > 0.9;
    g_assert_true (light);
  }

  /* The solid ring just outside the step's outline, a fading glow
   * further out, nothing far away. */
  g_assert_cmpfloat (tint (&marked, pb.x - 2.5, pb.y + pb.height / 2, constraint), >, 0.9);
  assert_color (&plain, pb.x - 2.5, pb.y + pb.height / 2, &white);
  {
    double near = tint (&marked, pb.x + pb.width / 2, pb.y + pb.height + 5, constraint);
    double far = tint (&marked, pb.x + pb.width / 2, pb.y + pb.height + 10, constraint);

    g_assert_cmpfloat (near, >, 0.15);
    g_assert_cmpfloat (far, >, 0.02);
    g_assert_cmpfloat (far, <, near);
  }
  assert_color (&marked, pb.x + pb.width / 2, pb.y + pb.height + 16, &white);

  /* The queue's halo follows its triangle: left of the apex is bare. */
  {
    FmPoint t[3];

    fm_shape_queue_triangle (&qb, t);
    g_assert_cmpfloat (tint (&marked, t[0].x, t[0].y - 2.5, constraint), >, 0.9);
    assert_color (&marked, qb.x + 4, t[0].y + 4, &white);
  }

  /* The system is no constraint. */
  {
    FmNode *s = fm_map_lookup_node (f->map, "s");
    FmRect sb;

    fm_node_get_bounds (s, &sb);
    assert_color (&marked, sb.x - 3, sb.y + sb.height / 2, &white);
  }

  /* Room is kept for the halos. */
  {
    FmRect without, with;

    options.highlight_constraints = FALSE;
    g_assert_true (fm_renderer_get_extents (f->map, &options, &without));
    options.highlight_constraints = TRUE;
    g_assert_true (fm_renderer_get_extents (f->map, &options, &with));
    g_assert_cmpfloat (with.x, <, without.x);
    g_assert_cmpfloat (with.width, >, without.width);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/render/process-box", test_process_box);
  ADD ("/fm/render/background", test_background);
  ADD ("/fm/render/queue-triangle", test_queue_triangle);
  ADD ("/fm/render/edge-ink", test_edge_ink);
  ADD ("/fm/render/timeline-drawn", test_timeline_drawn);
  ADD ("/fm/render/timeline-totals", test_timeline_totals);
  ADD ("/fm/render/extents", test_extents);
  ADD ("/fm/render/extents-rework", test_extents_rework);
  ADD ("/fm/render/visible", test_visible);
  ADD ("/fm/render/selection", test_selection);
  ADD ("/fm/render/route-hit", test_route_hit);
  ADD ("/fm/render/timeline-path", test_timeline_path);
  ADD ("/fm/render/timeline-items", test_timeline_items);
  ADD ("/fm/render/timeline-given-metrics", test_timeline_given_metrics);
  ADD ("/fm/render/constraint-highlight", test_constraint_highlight);
#undef ADD
  g_test_add_func ("/fm/render/every-kind", test_every_kind);
  g_test_add_func ("/fm/render/route-sides", test_route_sides);
  g_test_add_func ("/fm/render/route-avoids-own-boxes", test_route_avoids_own_boxes);
  g_test_add_func ("/fm/render/route-avoids-nodes", test_route_avoids_nodes);
  g_test_add_func ("/fm/render/route-rework-loop", test_route_rework_loop);
  g_test_add_func ("/fm/render/timeline-longest", test_timeline_longest);
  g_test_add_func ("/fm/render/timeline-none", test_timeline_none);

  return g_test_run ();
}
