/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-renderer.c: the one renderer, used by the canvas and every exporter
 *
 * Draws in map units on whatever the Cairo context targets; the caller
 * sets the transform (the canvas its zoom and scroll, an export its scale
 * and margin) and paints the background. Selection handles keep their
 * size on screen whatever the zoom.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include "fm-render-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }

/* In pixels on screen, whatever the zoom. */
#define SELECTION_GAP 3.0
#define HANDLE_SIZE 8.0
#define HANDLE_HIT 6.0
#define CONNECT_OFFSET 16.0
#define CONNECT_RADIUS 5.0
#define CONNECT_HIT 8.0

/* How far past its route an edge's ink may reach: the push arrow's head,
 * the pull mark, the electronic bolt. */
#define EDGE_INK_REACH 12.0
/* How far an edge's label may reach beyond its route: half the widest
 * label ("100 % rework" in a long language) and its height. */
#define LABEL_REACH 400.0

static const FmPalette light_palette = {
  .background = RGB (0xffffff),
  .ink = RGB (0x1d232b),
  .muted = RGB (0x5e6772),
  .process_fill = RGB (0xd9e8f8),
  .queue_fill = RGB (0xfbe1a3),
  .endpoint_fill = RGB (0xdcefd7),
  .system_fill = RGB (0xe7e3f3),
  .kaizen_fill = RGB (0xffd84f),
  .note_fill = RGB (0xfff4bd),
  .rework = RGB (0xc0392b),
  .selection = RGB (0x2f7be0),
  .accent = RGB (0x2f7be0),
  .constraint = RGB (0xe66100),
};

/**
 * fm_palette_light:
 *
 * Black ink on white with soft fills, for exports and slides.
 *
 * Returns: (transfer none): the palette
 */
const FmPalette *
fm_palette_light (void)
{
  return &light_palette;
}

/**
 * fm_render_options_init:
 *
 * Sets @options to draw the whole map and nothing else: no timeline, the
 * light palette, no selection, calendar days.
 */
void
fm_render_options_init (FmRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (FmRenderOptions) { 0 };
}

/* Held while a look-up's result is read: the node and route indices
 * share their result arrays, and an export draws the bands of one page
 * on several threads (fm-export-png.c). */
GMutex fm_render_lookup_lock;

static gboolean
is_visible (const FmRenderOptions *options,
            const FmRect          *r,
            double                 reach)
{
  const FmRect *v = &options->visible;

  if (v->width <= 0)
    return TRUE;

  return r->x - reach < v->x + v->width && r->x + r->width + reach > v->x &&
         r->y - reach < v->y + v->height && r->y + r->height + reach > v->y;
}

/* Indices from one of the routes' look-ups, which the next overwrites. */
static GArray *
copy_indices (GArray *found)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->len);

  g_array_append_vals (copy, found->data, found->len);
  return copy;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The positions of the routes of the edges among @moving, in drawing order. */
static GArray *
moving_routes (FmEdgeRoutes *routes,
               GHashTable   *moving)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer id;
  guint position;

  g_hash_table_iter_init (&iter, moving);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (fm_edge_routes_find_position (routes, id, &position))
      g_array_append_val (found, position);
  g_array_sort (found, compare_positions);

  return found;
}

/* The @k-th of @indices, or @k itself when everything is drawn. */
static inline guint
nth (GArray *indices,
     guint   k)
{
  return indices != NULL ? g_array_index (indices, guint, k) : k;
}

static gboolean
is_selected (const FmRenderOptions *options,
             const char            *id)
{
  return options->selected != NULL && g_hash_table_contains (options->selected, id);
}

/* The nodes, the edges and their labels: what the timeline goes under.
 * From the routes' copy of the nodes' boxes: no call per node. */
static gboolean
content_extents (FmMap        *map,
                 FmEdgeRoutes *routes,
                 FmRect       *extents)
{
  FmNodeIndex *nodes = fm_edge_routes_get_nodes (routes);
  guint n = fm_map_get_n_nodes (map);

  if (n == 0)
    {
      *extents = (FmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  *extents = *fm_node_index_get_bounds (nodes, 0);
  for (guint i = 1; i < n; i++)
    fm_rect_union (extents, fm_node_index_get_bounds (nodes, i));

  /* The notes' shadows and the outlines' half widths. */
  *extents = (FmRect) { extents->x - 1, extents->y - 1, extents->width + 4, extents->height + 4 };

  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, i);
      FmRect label;

      if (route->n_points == 0)
        continue;

      fm_rect_union (extents, &(FmRect) { route->bounds.x - EDGE_INK_REACH,
                                       route->bounds.y - EDGE_INK_REACH,
                                       route->bounds.width + 2 * EDGE_INK_REACH,
                                       route->bounds.height + 2 * EDGE_INK_REACH });
      fm_render_edge_label_rect (route, &label);
      if (label.width > 0)
        fm_rect_union (extents, &label);
    }

  return TRUE;
}

/* The ladder under @content, its totals clear of the faint ladder of
 * the map a future state was made from when that is drawn too. */
static FmTimeline *
new_timeline (FmMap                 *map,
              const FmRenderOptions *options,
              const FmMetrics       *metrics,
              const FmRect          *content,
              FmEdgeRoutes          *routes)
{
  FmTimeline *timeline = fm_timeline_new_in_map (metrics, options->document, content, routes);
  double origin_end;

  if (timeline != NULL &&
      fm_render_diff_ladder_end (map, options, content, routes, &timeline->totals, &origin_end))
    fm_timeline_move_totals (timeline, origin_end + 12);

  return timeline;
}

/* The figures the timeline and the highlights need: the caller's, or
 * computed into @own. NULL when the options need none. */
static const FmMetrics *
needed_metrics (FmMap                 *map,
                const FmRenderOptions *options,
                FmMetrics            **own)
{
  /* A map in lanes shows each lane's totals. */
  if (!options->timeline && !options->highlight_constraints && fm_map_get_lanes (map) == NULL)
    return NULL;
  if (options->metrics != NULL)
    return options->metrics;

  *own = fm_metrics_compute (options->document, map, NULL);
  return *own;
}

/**
 * fm_renderer_get_extents:
 * @options: (nullable): only the timeline, the highlights, the metrics and
 *   the document matter here
 * @extents: (out): the area fm_renderer_draw() draws on, in map units
 *
 * Returns: %FALSE for a map without nodes
 */
gboolean
fm_renderer_get_extents (FmMap                 *map,
                         const FmRenderOptions *options,
                         FmRect                *extents)
{
  g_autoptr(FmEdgeRoutes) own_routes = NULL;
  g_autoptr(FmMetrics) own_metrics = NULL;
  FmRenderOptions defaults;
  FmEdgeRoutes *routes;
  FmRect content;

  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  if (options == NULL)
    {
      fm_render_options_init (&defaults);
      options = &defaults;
    }

  routes = options->routes ? options->routes : (own_routes = fm_edge_routes_new (map));
  if (!content_extents (map, routes, extents))
    {
      *extents = (FmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  content = *extents;
  if (options->highlight_constraints)
    {
      /* The halos reach out of their nodes, the badges less far. */
      double r = FM_CONSTRAINT_HALO_REACH;

      fm_rect_union (extents, &(FmRect) { content.x - r, content.y - r,
                                       content.width + 2 * r, content.height + 2 * r });
    }

  if (options->timeline)
    {
      const FmMetrics *metrics = needed_metrics (map, options, &own_metrics);
      g_autoptr(FmTimeline) timeline = new_timeline (map, options, metrics, &content, routes);

      if (timeline != NULL)
        fm_rect_union (extents, &timeline->bounds);
    }

  fm_render_diff_extents (map, options, &content, routes, extents);
  fm_render_lanes_extents (map, extents);

  return TRUE;
}

static void
inflated_bounds (FmNode *node,
                 double  zoom,
                 FmRect *r)
{
  double gap = SELECTION_GAP / zoom;

  fm_node_get_bounds (node, r);
  *r = (FmRect) { r->x - gap, r->y - gap, r->width + 2 * gap, r->height + 2 * gap };
}

/**
 * fm_renderer_get_handle:
 * @zoom: device pixels per map unit, so handles keep their size on screen
 * @centre: (out): where the handle is drawn, in map units
 */
void
fm_renderer_get_handle (FmNode   *node,
                        FmHandle  handle,
                        double    zoom,
                        FmPoint  *centre)
{
  FmRect r;
  double x2, y2, cx, cy;

  g_return_if_fail (FM_IS_NODE (node));
  g_return_if_fail (zoom > 0);
  g_return_if_fail (centre != NULL);

  inflated_bounds (node, zoom, &r);
  x2 = r.x + r.width;
  y2 = r.y + r.height;
  cx = r.x + r.width / 2;
  cy = r.y + r.height / 2;

  switch (handle)
    {
    case FM_HANDLE_NORTH_WEST: *centre = (FmPoint) { r.x, r.y }; break;
    case FM_HANDLE_NORTH: *centre = (FmPoint) { cx, r.y }; break;
    case FM_HANDLE_NORTH_EAST: *centre = (FmPoint) { x2, r.y }; break;
    case FM_HANDLE_EAST: *centre = (FmPoint) { x2, cy }; break;
    case FM_HANDLE_SOUTH_EAST: *centre = (FmPoint) { x2, y2 }; break;
    case FM_HANDLE_SOUTH: *centre = (FmPoint) { cx, y2 }; break;
    case FM_HANDLE_SOUTH_WEST: *centre = (FmPoint) { r.x, y2 }; break;
    case FM_HANDLE_WEST: *centre = (FmPoint) { r.x, cy }; break;
    case FM_HANDLE_CONNECT: *centre = (FmPoint) { x2 + CONNECT_OFFSET / zoom, cy }; break;
    case FM_HANDLE_NONE:
    default:
      *centre = (FmPoint) { cx, cy };
      break;
    }
}

/**
 * fm_renderer_handle_at:
 * @zoom: device pixels per map unit
 *
 * Returns: the handle of the selected @node under (@x, @y), in map units,
 *   or %FM_HANDLE_NONE
 */
FmHandle
fm_renderer_handle_at (FmNode *node,
                       double  zoom,
                       double  x,
                       double  y)
{
  FmPoint c;

  g_return_val_if_fail (FM_IS_NODE (node), FM_HANDLE_NONE);
  g_return_val_if_fail (zoom > 0, FM_HANDLE_NONE);

  fm_renderer_get_handle (node, FM_HANDLE_CONNECT, zoom, &c);
  if (hypot (x - c.x, y - c.y) <= CONNECT_HIT / zoom)
    return FM_HANDLE_CONNECT;

  for (FmHandle h = FM_HANDLE_NORTH_WEST; h <= FM_HANDLE_WEST; h++)
    {
      fm_renderer_get_handle (node, h, zoom, &c);
      if (fabs (x - c.x) <= HANDLE_HIT / zoom && fabs (y - c.y) <= HANDLE_HIT / zoom)
        return h;
    }

  return FM_HANDLE_NONE;
}

/* Whether the layer drawn holds @node. */
static gboolean
holds (const FmRenderOptions *options,
       FmNode                *node)
{
  return options->layer == FM_RENDER_LAYER_ALL ||
         fm_render_layer_holds (options, fm_render_is_moving (options, fm_node_get_id (node)));
}

static void
draw_selection (FmRenderContext *ctx,
                FmNode          *node)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  double zoom = 1 / ctx->pixel, half = HANDLE_SIZE / 2 * ctx->pixel;
  FmRect r;
  FmPoint c;

  inflated_bounds (node, zoom, &r);
  fm_render_rounded_rect (cr, r.x, r.y, r.width, r.height, 2 * ctx->pixel);
  fm_render_set_color (cr, &palette->selection, 1);
  cairo_set_line_width (cr, 1.5 * ctx->pixel);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1.2 * ctx->pixel);
  for (FmHandle h = FM_HANDLE_NORTH_WEST; h <= FM_HANDLE_WEST; h++)
    {
      fm_renderer_get_handle (node, h, zoom, &c);
      cairo_rectangle (cr, c.x - half, c.y - half, 2 * half, 2 * half);
      fm_render_set_color (cr, &palette->background, 1);
      cairo_fill_preserve (cr);
      fm_render_set_color (cr, &palette->selection, 1);
      cairo_stroke (cr);
    }

  fm_renderer_get_handle (node, FM_HANDLE_CONNECT, zoom, &c);
  cairo_arc (cr, c.x, c.y, CONNECT_RADIUS * ctx->pixel, 0, 2 * G_PI);
  fm_render_set_color (cr, &palette->selection, 1);
  cairo_fill (cr);
  fm_render_set_color (cr, &palette->background, 1);
  cairo_arc (cr, c.x, c.y, CONNECT_RADIUS * 0.4 * ctx->pixel, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_hover (FmRenderContext *ctx,
            FmNode          *node)
{
  FmRect r;

  inflated_bounds (node, 1 / ctx->pixel, &r);
  fm_render_rounded_rect (ctx->cr, r.x, r.y, r.width, r.height, FM_CORNER_RADIUS);
  fm_render_set_color (ctx->cr, &ctx->palette->accent, 0.35);
  cairo_set_line_width (ctx->cr, 3 * ctx->pixel);
  cairo_stroke (ctx->cr);
}

/**
 * fm_renderer_draw:
 * @cr: a context whose user space is the map's: one unit per map unit
 * @options: (nullable): see #FmRenderOptions
 *
 * Draws @map: the lanes' bands (of a map shown in lanes) and the timeline
 * under everything, then the constraints' halos, the edges, the nodes,
 * the edges' labels, the constraints' badges, the handoffs' numbers, and
 * the selection and hover marks on top. Paints no background.
 * @options' layer may ask for a part of that (see #FmRenderLayer).
 */
void
fm_renderer_draw (cairo_t               *cr,
                  FmMap                 *map,
                  const FmRenderOptions *options)
{
  g_autoptr(FmEdgeRoutes) own_routes = NULL;
  g_autoptr(FmMetrics) own_metrics = NULL;
  const FmMetrics *metrics;
  FmNode *constraints[FM_N_HIGHLIGHTED_CONSTRAINTS];
  guint n_constraints = 0;
  FmRenderOptions defaults;
  FmRenderContext ctx;
  FmEdgeRoutes *routes;
  const char *hover;
  gboolean under, over, still;
  FmNodeIndex *nodes;
  guint n_nodes, n_routes, n_labels;
  g_autoptr(GArray) visible_nodes = NULL;
  g_autoptr(GArray) visible_routes = NULL;
  g_autoptr(GArray) visible_labels = NULL;
  g_autoptr(GPtrArray) far_routes = g_ptr_array_new ();
  g_autoptr(GPtrArray) simple_nodes = g_ptr_array_new ();

  g_return_if_fail (cr != NULL);
  g_return_if_fail (FM_IS_MAP (map));

  if (options == NULL)
    {
      fm_render_options_init (&defaults);
      options = &defaults;
    }

  routes = options->routes ? options->routes : (own_routes = fm_edge_routes_new (map));
  nodes = fm_edge_routes_get_nodes (routes);
  n_routes = n_labels = fm_edge_routes_get_n (routes);
  n_nodes = fm_map_get_n_nodes (map);
  hover = options->hover_id;
  metrics = needed_metrics (map, options, &own_metrics);
  if (options->highlight_constraints)
    n_constraints = fm_render_highlighted_constraints (map, metrics, constraints);

  fm_render_context_init (&ctx, cr, options);
  cairo_save (cr);

  under = options->layer != FM_RENDER_LAYER_STILL_OVER && options->layer != FM_RENDER_LAYER_MOVING_OVER;
  over = options->layer != FM_RENDER_LAYER_STILL_UNDER && options->layer != FM_RENDER_LAYER_MOVING_UNDER;
  still = fm_render_layer_holds (options, FALSE);

  /* The lanes' bands lie behind everything; during a drag they stay as
   * they were (drawn over the still edges, their shade would dim them). */
  if (options->layer == FM_RENDER_LAYER_ALL || options->layer == FM_RENDER_LAYER_STILL_UNDER)
    fm_render_lanes_under (&ctx, map, metrics);

  /* A future state's changes: the origin's ladder and the removed steps
   * lie behind everything. */
  if (options->comparison != NULL && under && still)
    {
      FmRect content;

      fm_render_diff_under (&ctx, map, content_extents (map, routes, &content) ? &content : NULL, routes);
    }

  /* The ladder's rungs follow the steps: it moves with any of them. */
  if (options->timeline &&
      (options->layer == FM_RENDER_LAYER_ALL || options->layer == FM_RENDER_LAYER_MOVING_UNDER))
    {
      FmRect content;

      /* The ladder's rows lie between the rows of nodes: it is laid out
       * whatever part of the map is in view. */
      if (content_extents (map, routes, &content))
        {
          g_autoptr(FmTimeline) timeline = new_timeline (map, options, metrics, &content, routes);

          if (timeline != NULL && is_visible (options, &timeline->bounds, 0))
            fm_render_timeline (&ctx, timeline);
        }
    }

  if (under)
    fm_render_kaizen_leaders (&ctx, map, routes);

  /* Under the edges that meet the nodes, and under the nodes. */
  for (guint i = 0; i < n_constraints && under; i++)
    {
      FmRect r;

      if (constraints[i] == NULL)
        continue;
      fm_node_get_bounds (constraints[i], &r);
      if (is_visible (options, &r, FM_CONSTRAINT_HALO_REACH) && holds (options, constraints[i]))
        fm_render_constraint_halo (&ctx, constraints[i]);
    }

  /* On a big map most is off screen: the routes' indices say what may
   * be on it, in drawing order. */
  if (options->visible.width > 0)
    {
      const FmRect *v = &options->visible;
      double reach = MAX (4, (CONNECT_OFFSET + CONNECT_RADIUS) * ctx.pixel) + 1;
      /* The routes build their index on the first look-up. */
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fm_render_lookup_lock);

      visible_nodes = copy_indices (fm_node_index_find (nodes, &(FmRect) {
        v->x - reach, v->y - reach, v->width + 2 * reach, v->height + 2 * reach }));
      if (!still && options->moving != NULL)
        {
          /* The few moving edges, rather than all those on screen. */
          visible_routes = moving_routes (routes, options->moving);
          visible_labels = copy_indices (visible_routes);
        }
      else
        {
          visible_routes = copy_indices (fm_edge_routes_find_routes (routes, &(FmRect) {
            v->x - EDGE_INK_REACH - 1, v->y - EDGE_INK_REACH - 1,
            v->width + 2 * EDGE_INK_REACH + 2, v->height + 2 * EDGE_INK_REACH + 2 }));
          /* A label lies on its route, at most half its width beside it. */
          visible_labels = copy_indices (fm_edge_routes_find_routes (routes, &(FmRect) {
            v->x - LABEL_REACH, v->y - LABEL_REACH, v->width + 2 * LABEL_REACH, v->height + 2 * LABEL_REACH }));
        }
      n_nodes = visible_nodes->len;
      n_routes = visible_routes->len;
      n_labels = visible_labels->len;
    }

  for (guint k = 0; k < n_routes && under; k++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, nth (visible_routes, k));
      const char *id = fm_edge_get_id (route->edge);

      if (route->n_points == 0 || !is_visible (options, &route->bounds, EDGE_INK_REACH) ||
          !fm_render_layer_holds (options, fm_render_is_moving (options, id)))
        continue;

      if (is_selected (options, id))
        fm_render_edge_halo (&ctx, route, &ctx.palette->selection, 0.35, 6 * ctx.pixel);
      else if (hover != NULL && g_str_equal (hover, id))
        fm_render_edge_halo (&ctx, route, &ctx.palette->accent, 0.25, 6 * ctx.pixel);

      /* From far out most arrows are drawn together, after the rest. */
      if (fm_render_edge_is_far (&ctx, route))
        g_ptr_array_add (far_routes, (gpointer) route);
      else
        fm_render_edge (&ctx, route);
    }
  fm_render_edges_far (&ctx, (const FmEdgeRoute * const *) far_routes->pdata, far_routes->len);

  if (!over)
    goto done;

  for (guint k = 0; k < n_nodes; k++)
    {
      FmNode *node = fm_node_index_get_node (nodes, nth (visible_nodes, k));
      FmRect r;

      fm_node_get_bounds (node, &r);
      if (!is_visible (options, &r, 4) || !holds (options, node))
        continue;

      /* Nodes a few pixels wide are drawn together (a shape for each
       * kind), before the next node drawn in full, which lies over them. */
      if (fm_render_node_is_simple (&ctx, node))
        {
          g_ptr_array_add (simple_nodes, node);
          continue;
        }
      fm_render_nodes_simple (&ctx, (FmNode * const *) simple_nodes->pdata, simple_nodes->len);
      g_ptr_array_set_size (simple_nodes, 0);
      fm_render_node (&ctx, node);
    }
  fm_render_nodes_simple (&ctx, (FmNode * const *) simple_nodes->pdata, simple_nodes->len);

  /* Labels go over the nodes a loop may pass under. */
  for (guint k = 0; k < n_labels; k++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, nth (visible_labels, k));
      FmRect label;

      fm_render_edge_label_rect (route, &label);
      if (label.width > 0 && is_visible (options, &label, 0) &&
          fm_render_layer_holds (options, fm_render_is_moving (options, fm_edge_get_id (route->edge))))
        fm_render_edge_label (&ctx, route);
    }

  for (guint i = 0; i < n_constraints; i++)
    {
      FmRect r;

      if (constraints[i] == NULL)
        continue;
      fm_node_get_bounds (constraints[i], &r);
      if (is_visible (options, &r, FM_CONSTRAINT_HALO_REACH) && holds (options, constraints[i]))
        fm_render_constraint_badge (&ctx, constraints[i], i + 1);
    }

  if (options->layer == FM_RENDER_LAYER_ALL || options->layer == FM_RENDER_LAYER_STILL_OVER)
    fm_render_lanes_handoffs (&ctx, map, routes);

  if (still)
    fm_render_diff_over (&ctx, map);

  for (guint k = 0; k < n_nodes; k++)
    {
      FmNode *node = fm_node_index_get_node (nodes, nth (visible_nodes, k));
      const char *id = fm_node_get_id (node);
      FmRect r;

      fm_node_get_bounds (node, &r);
      if (!is_visible (options, &r, (CONNECT_OFFSET + CONNECT_RADIUS) * ctx.pixel) ||
          !holds (options, node))
        continue;

      if (is_selected (options, id))
        draw_selection (&ctx, node);
      else if (hover != NULL && g_str_equal (hover, id))
        draw_hover (&ctx, node);
    }

done:
  cairo_restore (cr);
  fm_render_context_clear (&ctx);
}
