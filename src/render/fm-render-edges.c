/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-edges.c: the arrows of a value stream map
 *
 * Each kind of edge has its conventional look: flow a plain arrow, push
 * the thick striped arrow, pull an arrow with the circular pull mark,
 * manual information a thin arrow, electronic information a thin arrow
 * with a lightning zig-zag, rework a dashed loop with its rate.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-render-private.h"

#define MAX_POINTS (FM_EDGE_ROUTE_MAX_POINTS + 4)
#define ZIGZAG_MIN_LENGTH 44.0
/* The push arrow's ink rim, both sides together. */
#define PUSH_RIM 2.6
/* From a device pixel of this many map units on (zoomed to a fifth or
 * less), a plain arrow is a hairline with a speck for a head and the
 * push arrow's stripes have blended into grey (fm_render_edge()). */
#define FAR_PIXEL 5.0

typedef struct {
  double line_width;
  double head_length;
  double head_half_width;
} Style;

static const Style styles[] = {
  [FM_EDGE_KIND_FLOW] = { 1.6, 11, 5.5 },
  [FM_EDGE_KIND_PUSH] = { 10, 18, 12 },
  [FM_EDGE_KIND_PULL] = { 1.6, 11, 5.5 },
  [FM_EDGE_KIND_INFO] = { 1.1, 9, 4 },
  [FM_EDGE_KIND_ELECTRONIC] = { 1.1, 9, 4 },
  [FM_EDGE_KIND_REWORK] = { 1.6, 10, 5 },
};

static const Style *
style_for (FmEdgeKind kind)
{
  return kind < G_N_ELEMENTS (styles) ? &styles[kind] : &styles[FM_EDGE_KIND_FLOW];
}

static guint
longest_segment (const FmPoint *p,
                 guint          n)
{
  guint best = 1;
  double best_length = -1;

  for (guint i = 1; i < n; i++)
    {
      double length = hypot (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);

      if (length > best_length)
        {
          best_length = length;
          best = i;
        }
    }

  return best;
}

/* The route's points, with the lightning bolt of an electronic edge
 * spliced into the middle of its longest run. */
static guint
edge_points (const FmEdgeRoute *route,
             FmPoint            out[MAX_POINTS])
{
  const FmPoint *p = route->points;
  guint n = route->n_points, k, m = 0;
  double dx, dy, length, ux, uy;
  FmPoint mid;

  if (fm_edge_get_kind (route->edge) != FM_EDGE_KIND_ELECTRONIC)
    {
      memcpy (out, p, n * sizeof (FmPoint));
      return n;
    }

  k = longest_segment (p, n);
  dx = p[k].x - p[k - 1].x;
  dy = p[k].y - p[k - 1].y;
  length = hypot (dx, dy);

  for (guint i = 0; i < k; i++)
    out[m++] = p[i];

  if (length >= ZIGZAG_MIN_LENGTH)
    {
      ux = dx / length;
      uy = dy / length;
      mid = (FmPoint) { (p[k].x + p[k - 1].x) / 2, (p[k].y + p[k - 1].y) / 2 };
      /* The bolt: across to one side, back over the line, and on. */
      out[m++] = (FmPoint) { mid.x - 9 * ux, mid.y - 9 * uy };
      out[m++] = (FmPoint) { mid.x + 3 * ux - 8 * uy, mid.y + 3 * uy + 8 * ux };
      out[m++] = (FmPoint) { mid.x - 3 * ux + 8 * uy, mid.y - 3 * uy - 8 * ux };
      out[m++] = (FmPoint) { mid.x + 9 * ux, mid.y + 9 * uy };
    }

  for (guint i = k; i < n; i++)
    out[m++] = p[i];

  return m;
}

/* Traces the polyline, ending @shorten before the last point so the line
 * does not blunt the arrowhead's tip. */
static void
trace (cairo_t       *cr,
       const FmPoint *p,
       guint          n,
       double         shorten)
{
  double dx = p[n - 1].x - p[n - 2].x, dy = p[n - 1].y - p[n - 2].y;
  double length = hypot (dx, dy);

  shorten = MIN (shorten, length);
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 1 < n; i++)
    cairo_line_to (cr, p[i].x, p[i].y);
  if (length > 0)
    cairo_line_to (cr, p[n - 1].x - dx / length * shorten, p[n - 1].y - dy / length * shorten);
  else
    cairo_line_to (cr, p[n - 1].x, p[n - 1].y);
}

static void
trace_arrowhead (cairo_t       *cr,
                 const FmPoint *p,
                 guint          n,
                 const Style   *style)
{
  double dx = p[n - 1].x - p[n - 2].x, dy = p[n - 1].y - p[n - 2].y;
  double length = hypot (dx, dy);
  double ux, uy, bx, by;

  if (length <= 0)
    return;

  ux = dx / length;
  uy = dy / length;
  bx = p[n - 1].x - ux * style->head_length;
  by = p[n - 1].y - uy * style->head_length;

  cairo_move_to (cr, p[n - 1].x, p[n - 1].y);
  cairo_line_to (cr, bx - uy * style->head_half_width, by + ux * style->head_half_width);
  cairo_line_to (cr, bx + uy * style->head_half_width, by - ux * style->head_half_width);
  cairo_close_path (cr);
}

static void
arrowhead (cairo_t       *cr,
           const FmPoint *p,
           guint          n,
           const Style   *style)
{
  trace_arrowhead (cr, p, n, style);
  cairo_fill (cr);
}

/* The pull mark: most of a circle, ending in an arrowhead. */
static void
pull_mark (FmRenderContext *ctx,
           const FmPoint   *centre)
{
  cairo_t *cr = ctx->cr;
  const double r = 8, start = G_PI * 0.8, end = G_PI * 2.35;
  double tip_x = centre->x + r * cos (end), tip_y = centre->y + r * sin (end);
  /* The arc runs clockwise on screen: its direction at the end. */
  double tx = -sin (end), ty = cos (end);

  cairo_arc (cr, centre->x, centre->y, r + 4, 0, 2 * G_PI);
  fm_render_set_color (cr, &ctx->palette->background, 1);
  cairo_fill (cr);

  fm_render_set_color (cr, &ctx->palette->ink, 1);
  cairo_set_line_width (cr, 1.8);
  cairo_arc (cr, centre->x, centre->y, r, start, end - 0.3);
  cairo_stroke (cr);

  cairo_move_to (cr, tip_x + tx * 3, tip_y + ty * 3);
  cairo_line_to (cr, tip_x - tx * 4 + cos (end) * 4.5, tip_y - ty * 4 + sin (end) * 4.5);
  cairo_line_to (cr, tip_x - tx * 4 - cos (end) * 4.5, tip_y - ty * 4 - sin (end) * 4.5);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
fm_render_edge (FmRenderContext   *ctx,
                const FmEdgeRoute *route)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  FmEdgeKind kind = fm_edge_get_kind (route->edge);
  const Style *style = style_for (kind);
  const FmColor *color = kind == FM_EDGE_KIND_REWORK ? &palette->rework : &palette->ink;
  FmPoint p[MAX_POINTS];
  guint n;

  if (route->n_points < 2)
    return;

  n = edge_points (route, p);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  fm_render_set_color (cr, color, 1);

  switch (kind)
    {
    case FM_EDGE_KIND_PUSH:
      /* A band outlined in ink, white inside, crossed by ink stripes:
       * dashes on a wide line are stripes across it. */
      trace (cr, p, n, style->head_length - 1);
      cairo_set_line_width (cr, style->line_width);
      cairo_stroke_preserve (cr);
      fm_render_set_color (cr, &palette->background, 1);
      cairo_set_line_width (cr, style->line_width - PUSH_RIM);
      cairo_stroke_preserve (cr);
      /* Stripes closer than two pixels blend into grey: drawn as the grey
       * they blend into, the thousand dashes of a long arrow cost nothing. */
      if (8 < 2 * ctx->pixel)
        {
          fm_render_set_color (cr, color, 0.5);
          cairo_stroke (cr);
          break;
        }
      fm_render_set_color (cr, color, 1);
      cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case FM_EDGE_KIND_REWORK:
      trace (cr, p, n, style->head_length * 0.8);
      cairo_set_line_width (cr, style->line_width);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case FM_EDGE_KIND_FLOW:
    case FM_EDGE_KIND_PULL:
    case FM_EDGE_KIND_INFO:
    case FM_EDGE_KIND_ELECTRONIC:
    default:
      trace (cr, p, n, style->head_length * 0.8);
      cairo_set_line_width (cr, style->line_width);
      cairo_stroke (cr);
      break;
    }

  arrowhead (cr, p, n, style);

  if (kind == FM_EDGE_KIND_PULL)
    pull_mark (ctx, &route->label);

  cairo_restore (cr);
}

/**
 * fm_render_edge_is_far:
 *
 * Whether @route is drawn so small that fm_render_edges_far() may draw
 * it with others of its look: a flow, push or information arrow seen
 * from far out. Pull marks and rework dashes keep their own drawing.
 */
gboolean
fm_render_edge_is_far (FmRenderContext   *ctx,
                       const FmEdgeRoute *route)
{
  FmEdgeKind kind;

  if (ctx->pixel < FAR_PIXEL || route->n_points < 2)
    return FALSE;
  kind = fm_edge_get_kind (route->edge);
  return kind == FM_EDGE_KIND_FLOW || kind == FM_EDGE_KIND_PUSH ||
         kind == FM_EDGE_KIND_INFO || kind == FM_EDGE_KIND_ELECTRONIC;
}

/* Traces the lines of those of @routes of @kind (or of @also) as one path. */
static gboolean
trace_far (cairo_t                   *cr,
           const FmEdgeRoute * const *routes,
           guint                      n_routes,
           FmEdgeKind                 kind,
           FmEdgeKind                 also,
           double                     shorten)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_routes; i++)
    {
      FmEdgeKind k = fm_edge_get_kind (routes[i]->edge);
      FmPoint p[MAX_POINTS];
      guint n;

      if (k != kind && k != also)
        continue;
      n = edge_points (routes[i], p);
      trace (cr, p, n, shorten);
      any = TRUE;
    }
  return any;
}

/**
 * fm_render_edges_far:
 * @routes: routes for which fm_render_edge_is_far() holds
 *
 * Draws them as fm_render_edge() would from that far out, those of one
 * look as one path: four strokes and fills in all rather than three or
 * four for each arrow (a map of a thousand steps zoomed to fit).
 */
void
fm_render_edges_far (FmRenderContext           *ctx,
                     const FmEdgeRoute * const *routes,
                     guint                      n_routes)
{
  const Style *push = &styles[FM_EDGE_KIND_PUSH];
  const Style *flow = &styles[FM_EDGE_KIND_FLOW];
  const Style *info = &styles[FM_EDGE_KIND_INFO];
  cairo_t *cr = ctx->cr;
  gboolean any = FALSE;

  if (n_routes == 0)
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* As fm_render_edge() draws one: the band in ink, white inside, and
   * there the stripes' grey. */
  if (trace_far (cr, routes, n_routes, FM_EDGE_KIND_PUSH, FM_EDGE_KIND_PUSH, push->head_length - 1))
    {
      fm_render_set_color (cr, &ctx->palette->ink, 1);
      cairo_set_line_width (cr, push->line_width);
      cairo_stroke_preserve (cr);
      fm_render_set_color (cr, &ctx->palette->background, 1);
      cairo_set_line_width (cr, push->line_width - PUSH_RIM);
      cairo_stroke_preserve (cr);
      fm_render_set_color (cr, &ctx->palette->ink, 0.5);
      cairo_stroke (cr);
    }

  fm_render_set_color (cr, &ctx->palette->ink, 1);
  if (trace_far (cr, routes, n_routes, FM_EDGE_KIND_FLOW, FM_EDGE_KIND_FLOW, flow->head_length * 0.8))
    {
      cairo_set_line_width (cr, flow->line_width);
      cairo_stroke (cr);
    }
  if (trace_far (cr, routes, n_routes, FM_EDGE_KIND_INFO, FM_EDGE_KIND_ELECTRONIC, info->head_length * 0.8))
    {
      cairo_set_line_width (cr, info->line_width);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n_routes; i++)
    {
      FmPoint p[MAX_POINTS];
      guint n = edge_points (routes[i], p);

      trace_arrowhead (cr, p, n, style_for (fm_edge_get_kind (routes[i]->edge)));
      any = TRUE;
    }
  if (any)
    cairo_fill (cr);

  cairo_restore (cr);
}

void
fm_render_edge_halo (FmRenderContext   *ctx,
                     const FmEdgeRoute *route,
                     const FmColor     *color,
                     double             alpha,
                     double             width)
{
  cairo_t *cr = ctx->cr;
  const Style *style = style_for (fm_edge_get_kind (route->edge));

  if (route->n_points < 2)
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  trace (cr, route->points, route->n_points, 0);
  fm_render_set_color (cr, color, alpha);
  cairo_set_line_width (cr, style->line_width + width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
label_text (FmEdge *edge)
{
  double rate = fm_edge_get_rate (edge);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (fm_edge_get_kind (edge) != FM_EDGE_KIND_REWORK)
    return NULL;

  if (!fm_value_is_set (rate))
    /* Translators: the label of a rework loop whose rate is not known */
    return g_strdup (_("rework"));

  fm_locale_formatd (number, sizeof number,
                   rate * 100 < 9.95 && fabs (rate * 100 - round (rate * 100)) >= 0.05
                   ? "%.1f" : "%.0f",
                   rate * 100);
  /* Translators: the share of work sent back, on a rework loop: "20 % rework" */
  return g_strdup_printf (_("%s %% rework"), number);
}

/* A generous estimate, so that extents can be found without a Cairo
 * context; the pill is drawn to the measured size, centred on the same
 * point. */
void
fm_render_edge_label_rect (const FmEdgeRoute *route,
                           FmRect            *rect)
{
  g_autofree char *text = label_text (route->edge);
  double width;

  if (text == NULL || route->n_points < 2)
    {
      *rect = (FmRect) { route->label.x, route->label.y, 0, 0 };
      return;
    }

  width = g_utf8_strlen (text, -1) * 6.5 + 16;
  *rect = (FmRect) { route->label.x - width / 2, route->label.y - 9, width, 18 };
}

void
fm_render_edge_label (FmRenderContext   *ctx,
                      const FmEdgeRoute *route)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  g_autofree char *text = label_text (route->edge);
  double width, height;

  if (text == NULL || route->n_points < 2)
    return;

  fm_render_text_size (ctx, text, FM_FONT_SMALL, -1, 0, &width, &height);
  width += 12;
  height += 4;

  fm_render_rounded_rect (cr, route->label.x - width / 2, route->label.y - height / 2,
                          width, height, height / 2);
  fm_render_set_color (cr, &palette->background, 1);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &palette->rework, 1);
  cairo_set_line_width (cr, FM_THIN_LINE_WIDTH);
  cairo_stroke (cr);

  fm_render_text (ctx, text, FM_FONT_SMALL, &palette->rework,
                  &(FmRect) { route->label.x - width / 2, route->label.y - height / 2, width, height },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE);
}
