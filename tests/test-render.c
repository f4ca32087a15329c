/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: the renderer: shapes, ink, extents, selection, the timeline drawn and the
 * constraint highlights (routes: test-edge-route.c; the timeline's figures: test-timeline.c) */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>

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
#include "fm-test-utils.h"
#include "fm-timeline.h"

#define HOUR 3600.0
#define DAY 86400.0

/* fm_test_new_row_document (): trigger -> queue -> process -> outcome in
 * a row, a system above the process with an information edge into it. */
typedef FmTestMap Fixture;

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

/* The ladder laid out as the renderer lays it out: under @content, the
 * map without it; @extents are the map's with it, and @options draw it. */
static FmTimeline *
lay_out_timeline (Fixture          *f,
                  const FmMetrics  *metrics,
                  FmRenderOptions  *options,
                  FmRect           *content,
                  FmRect           *extents,
                  FmEdgeRoutes    **routes)
{
  fm_render_options_init (options);
  options->document = f->doc;
  options->timeline = FALSE;
  g_assert_true (fm_renderer_get_extents (f->map, options, content));
  options->timeline = TRUE;
  g_assert_true (fm_renderer_get_extents (f->map, options, extents));
  *routes = fm_edge_routes_new (f->map);
  return fm_timeline_new_in_map (metrics, f->doc, content, *routes);
}

static void
test_timeline_drawn (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Image) with = { 0 };
  g_auto(Image) without = { 0 };
  g_autoptr(FmTimeline) timeline = NULL;
  g_autoptr(FmEdgeRoutes) routes = NULL;
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  FmRenderOptions options;
  FmRect content, extents;
  FmNode *q = fm_map_lookup_node (f->map, "q");
  FmNode *p = fm_map_lookup_node (f->map, "p");
  double qx = fm_node_get_x (q) + fm_node_get_width (q) / 2;
  double px = fm_node_get_x (p) + fm_node_get_width (p) / 2;

  timeline = lay_out_timeline (f, metrics, &options, &content, &extents, &routes);

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

/* Zoomed out until the rungs' figures cannot be read, the ladder shows
 * only its shape, as the nodes do: no faint bars where the figures were.
 * At scale 1/16 the bold figures (under 3 device pixels) would be greeked;
 * the band under the lower rung, where the process time and the step's
 * lead time are written, stays white across the rung, while at scale 1
 * it holds ink. */
static void
test_timeline_far (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (f->doc, f->map, NULL);
  g_autoptr(FmEdgeRoutes) routes = NULL;
  g_autoptr(FmTimeline) timeline = NULL;
  FmRenderOptions options;
  FmRect content, extents;
  const FmTimelineRung *rung;
  gboolean near_ink = FALSE;

  timeline = lay_out_timeline (f, metrics, &options, &content, &extents, &routes);
  rung = &g_array_index (timeline->rungs, FmTimelineRung, 1);
  g_assert_false (rung->wait);

  for (guint k = 0; k < 2; k++)
    {
      g_auto(Image) image = { 0 };
      double scale = k == 0 ? 1 : 1.0 / 16, unit = 1 / scale;
      /* A pixel row starts 2 units under the rung's line, so the rows
       * checked hold the figures' band and not the line. */
      double top = rung->lower_y + 2 - unit * ceil ((rung->lower_y + 2 - extents.y + 10) / unit);

      draw (&image, f->map, &options, &(FmRect) { extents.x - 10, top, extents.width + 20,
                                                   extents.y + extents.height + 10 - top }, scale);
      for (double x = rung->x0 + unit; x + unit < rung->x1; x += unit)
        for (double y = rung->lower_y + 2 + unit / 2; y < rung->lower_y + 34; y += unit)
          {
            FmColor c = pixel (&image, x, y);

            if (k == 0)
              near_ink |= c.r < 0.5;
            else if (c.r < 0.99 || c.g < 0.99 || c.b < 0.99)
              g_error ("a mark under the rung at (%g, %g) at scale 1/16", x, y);
          }
      if (k == 0)
        g_assert_true (near_ink);
    }
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
  fm_edge_set_rate (fm_test_map_add_edge (f->map, "r", "p", "q", FM_EDGE_KIND_REWORK), 0.2);
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
      FmNode *node = fm_test_map_add_node (map, kinds[i], id, id, (i % 4) * 250, (i / 4) * 250);

      fm_node_set_label (node, "A label long enough to wrap onto a second line and then some more");
      if (i > 0)
        {
          g_autofree char *edge_id = g_strdup_printf ("e%u", i);
          g_autofree char *from = g_strdup_printf ("n%u", i - 1);

          fm_test_map_add_edge (map, edge_id, from, id, edge_kind);
          edge_kind = (edge_kind + 1) % (FM_EDGE_KIND_REWORK + 1);
        }
    }
  fm_test_map_add_edge (map, "self", "n2", "n2", FM_EDGE_KIND_REWORK);
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

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Seen from far out (a sixteenth), a row of 40 steps and queues joined by
 * push and flow arrows is drawn a look at a time, not a shape at a time:
 * the picture is the same, the SVG has a handful of paths. */
static void
test_far_together (void)
{
  g_autoptr(FmMap) map = fm_map_new ("far");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  g_autoptr(GString) svg = g_string_new (NULL);
  g_auto(Image) image = { 0 };
  const FmPalette *palette = fm_palette_light ();
  const double scale = 1.0 / 16;
  guint n_paths = 0;
  FmRect extents;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      fm_test_map_add_node (map, i % 2 ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS, id, id, i * 240, 0);
      if (i > 0)
        {
          g_autofree char *edge_id = g_strdup_printf ("e%u", i);
          g_autofree char *from = g_strdup_printf ("n%u", i - 1);

          fm_test_map_add_edge (map, edge_id, from, id, i % 2 ? FM_EDGE_KIND_PUSH : FM_EDGE_KIND_FLOW);
        }
    }
  g_assert_true (fm_renderer_get_extents (map, NULL, &extents));
  routes = fm_edge_routes_new (map);

  /* 20 steps and 20 queues, 39 arrows: one at a time, that is at least
   * 40 fills, 40 outlines, 39 lines and 39 heads, and the push arrows'
   * two more strokes; together two fills and outlines, three strokes for
   * the push band, one for the flow lines, one fill for all heads. */
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg,
                                                 extents.width * scale, extents.height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extents.x, -extents.y);
  fm_renderer_draw (cr, map, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  for (const char *p = strstr (svg->str, "<path"); p != NULL; p = strstr (p + 1, "<path"))
    n_paths++;
  g_assert_cmpuint (n_paths, >=, 5);
  g_assert_cmpuint (n_paths, <=, 12);

  /* Each shape in its colour, each arrow's line in ink. */
  draw (&image, map, NULL, &extents, scale);
  for (guint i = 0; i < 40; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmRect b;

      fm_node_get_bounds (node, &b);
      if (i % 2 == 0)
        assert_color (&image, b.x + b.width / 2, b.y + b.height / 2, &palette->process_fill);
      else
        {
          FmPoint t[3];
          FmColor c;

          /* The triangle's middle, two pixels wide: its fill, blended
           * with the white around it, not white nor grey. */
          fm_shape_queue_triangle (&b, t);
          c = pixel (&image, (t[0].x + t[1].x + t[2].x) / 3, (t[0].y + t[1].y + t[2].y) / 3);
          g_assert_cmpfloat (c.b, <, 0.95);
          g_assert_cmpfloat (c.r - c.b, >, 0.1);
        }
      if (i > 0)
        {
          g_autofree char *edge_id = g_strdup_printf ("e%u", i);
          const FmEdgeRoute *route = fm_edge_routes_lookup (routes, edge_id);
          FmColor c = pixel (&image, (route->points[0].x + route->points[1].x) / 2,
                             (route->points[0].y + route->points[1].y) / 2);

          /* A push band is 10 units wide, a flow line 1.6: 0.6 and 0.1
           * of a pixel (measured: 0.575 and 0.913 on white). */
          g_assert_cmpfloat (0.3 * c.r + 0.59 * c.g + 0.11 * c.b, <, i % 2 ? 0.75 : 0.97);
        }
    }
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fm_test_map_set_up_row, func, fm_test_map_tear_down)
  ADD ("/fm/render/process-box", test_process_box);
  ADD ("/fm/render/background", test_background);
  ADD ("/fm/render/queue-triangle", test_queue_triangle);
  ADD ("/fm/render/edge-ink", test_edge_ink);
  ADD ("/fm/render/timeline-drawn", test_timeline_drawn);
  ADD ("/fm/render/timeline-far", test_timeline_far);
  ADD ("/fm/render/extents", test_extents);
  ADD ("/fm/render/extents-rework", test_extents_rework);
  ADD ("/fm/render/visible", test_visible);
  ADD ("/fm/render/selection", test_selection);
  ADD ("/fm/render/timeline-given-metrics", test_timeline_given_metrics);
  ADD ("/fm/render/constraint-highlight", test_constraint_highlight);
#undef ADD
  g_test_add_func ("/fm/render/every-kind", test_every_kind);
  g_test_add_func ("/fm/render/far-together", test_far_together);

  return g_test_run ();
}
