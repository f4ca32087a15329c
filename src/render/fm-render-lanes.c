/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-lanes.c: swimlanes: a band per role behind the nodes, its
 * name and totals at its left, and the handoffs numbered where they cross
 *
 * Drawn only for a map shown in lanes (fm_map_get_lanes() not NULL), by
 * the one renderer, so the canvas, the exports and the presentation show
 * the same bands. The bands follow the nodes (fm_lane_bands_compute()):
 * a map arranged in lanes has one row a lane.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-lane-layout.h"
#include "fm-lane-metrics.h"
#include "fm-render-private.h"

#define HANDOFF_RADIUS 8.0
#define HEADER_PADDING 8.0

/* Returns: (transfer full) (nullable): the bands, or NULL when @map is not
 * shown in lanes or none of its nodes is in one */
static GArray *
bands_of (FmMap             *map,
          const FmMapLanes  *lanes)
{
  GArray *bands;

  if (fm_map_get_lanes (map) == NULL)
    return NULL;

  bands = fm_lane_bands_compute (map, lanes);
  if (bands->len == 0)
    g_clear_pointer (&bands, g_array_unref);
  return bands;
}

/* @extents: (inout): grown by the bands and their headers */
void
fm_render_lanes_extents (FmMap  *map,
                         FmRect *extents)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;

  if (fm_map_get_lanes (map) == NULL)
    return;

  lanes = fm_map_lanes_new (map);
  bands = bands_of (map, lanes);
  for (guint i = 0; bands != NULL && i < bands->len; i++)
    fm_rect_union (extents, &g_array_index (bands, FmLaneBand, i).bounds);
}

static void
draw_header (FmRenderContext     *ctx,
             const FmRect        *band,
             const char          *name,
             const FmLaneFigures *figures)
{
  FmRect box = { band->x + HEADER_PADDING, band->y + HEADER_PADDING,
                 FM_LANE_HEADER_WIDTH - 2 * HEADER_PADDING, band->height - 2 * HEADER_PADDING };
  double used;

  used = fm_render_text (ctx, *name != '\0' ? name : _("No role"), FM_FONT_BODY_BOLD,
                         &ctx->palette->ink, &box, FM_TEXT_WRAP);
  if (figures == NULL || figures->first < 0)
    return;

  {
    g_autofree char *lead = fm_render_format_duration (ctx, FM_DURATION_LEAD, figures->lead_time_s + figures->wait_s);
    g_autofree char *process = fm_render_format_duration (ctx, FM_DURATION_PROCESS, figures->process_time_s);
    g_autofree char *wait = fm_render_format_duration (ctx, FM_DURATION_LEAD, figures->wait_s);
    g_autofree char *share = isfinite (figures->share) ? g_strdup_printf ("%.0f", 100 * figures->share) : NULL;
    g_autofree char *totals = NULL;

    /* Translators: a lane's totals along the critical path, under its
     * name: its time (the wait in front of its steps and their lead
     * time), its share of the lead time, the wait and the process time,
     * as in "12 d, 21 % of lead time\nwait 5 d, process 3 d" */
    totals = share != NULL
             ? g_strdup_printf (_("%s, %s %% of lead time\nwait %s, process %s"), lead, share, wait, process)
             : g_strdup_printf (_("%s\nwait %s, process %s"), lead, wait, process);
    box.y += used + 4;
    box.height -= used + 4;
    if (box.height > 0)
      fm_render_text (ctx, totals, FM_FONT_SMALL, &ctx->palette->muted, &box, FM_TEXT_WRAP);
  }
}

/**
 * fm_render_lanes_under:
 * @metrics: (nullable): the map's figures, for the lanes' totals
 *
 * The bands, alternately shaded, with a header at the left of each.
 */
void
fm_render_lanes_under (FmRenderContext *ctx,
                       FmMap           *map,
                       const FmMetrics *metrics)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(FmLaneMetrics) figures = NULL;
  cairo_t *cr = ctx->cr;

  if (fm_map_get_lanes (map) == NULL)
    return;
  lanes = fm_map_lanes_new (map);
  bands = bands_of (map, lanes);
  if (bands == NULL)
    return;
  if (metrics != NULL)
    figures = fm_lane_metrics_compute (map, lanes, metrics);

  cairo_save (cr);
  for (guint i = 0; i < bands->len; i++)
    {
      const FmLaneBand *band = &g_array_index (bands, FmLaneBand, i);
      const FmRect *r = &band->bounds;

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      fm_render_set_color (cr, &ctx->palette->muted, i % 2 == 0 ? 0.06 : 0.12);
      cairo_fill (cr);
      cairo_rectangle (cr, r->x, r->y, FM_LANE_HEADER_WIDTH, r->height);
      fm_render_set_color (cr, &ctx->palette->muted, 0.12);
      cairo_fill (cr);

      /* The lines between the lanes, and around them all. */
      cairo_set_line_width (cr, FM_THIN_LINE_WIDTH);
      fm_render_set_color (cr, &ctx->palette->muted, 0.6);
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_stroke (cr);
      cairo_move_to (cr, r->x + FM_LANE_HEADER_WIDTH, r->y);
      cairo_line_to (cr, r->x + FM_LANE_HEADER_WIDTH, r->y + r->height);
      cairo_stroke (cr);

      draw_header (ctx, r, fm_map_lanes_get_name (lanes, band->lane),
                   figures != NULL ? &g_array_index (figures->lanes, FmLaneFigures, band->lane) : NULL);
    }
  cairo_restore (cr);
}

/* Where a route crosses from lane to lane: the middle of its longest
 * vertical run, or its middle when it has none. */
static FmPoint
crossing_point (const FmEdgeRoute *route)
{
  FmPoint best = route->label;
  double longest = 0;

  for (guint i = 1; i < route->n_points; i++)
    {
      const FmPoint *a = &route->points[i - 1], *b = &route->points[i];
      double run = fabs (b->y - a->y);

      if (fabs (b->x - a->x) < 0.5 && run > longest)
        {
          longest = run;
          best = (FmPoint) { a->x, (a->y + b->y) / 2 };
        }
    }

  return best;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const FmPoint *pa = a, *pb = b;

  if (pa->x != pb->x)
    return (pa->x > pb->x) - (pa->x < pb->x);
  return (pa->y > pb->y) - (pa->y < pb->y);
}

/**
 * fm_render_lanes_handoffs:
 *
 * A numbered badge on each edge that hands work to another lane,
 * numbered left to right, over the edges.
 */
void
fm_render_lanes_handoffs (FmRenderContext *ctx,
                          FmMap           *map,
                          FmEdgeRoutes    *routes)
{
  static const FmColor white = { 1, 1, 1, 1 };
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) points = NULL;
  cairo_t *cr = ctx->cr;

  if (fm_map_get_lanes (map) == NULL)
    return;

  lanes = fm_map_lanes_new (map);
  points = g_array_new (FALSE, FALSE, sizeof (FmPoint));
  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, i);
      FmPoint p;

      if (route->n_points == 0 || !fm_map_lanes_is_handoff (lanes, map, route->edge))
        continue;
      p = crossing_point (route);
      g_array_append_val (points, p);
    }
  g_array_sort (points, compare_x);

  cairo_save (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const FmPoint *p = &g_array_index (points, FmPoint, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      cairo_new_path (cr);
      cairo_arc (cr, p->x, p->y, HANDOFF_RADIUS + 1.5, 0, 2 * G_PI);
      fm_render_set_color (cr, &ctx->palette->background, 1);
      cairo_fill (cr);
      cairo_arc (cr, p->x, p->y, HANDOFF_RADIUS, 0, 2 * G_PI);
      fm_render_set_color (cr, &ctx->palette->accent, 1);
      cairo_fill (cr);
      fm_render_text (ctx, number, FM_FONT_SMALL, &white,
                      &(FmRect) { p->x - HANDOFF_RADIUS, p->y - HANDOFF_RADIUS, 2 * HANDOFF_RADIUS, 2 * HANDOFF_RADIUS },
                      FM_TEXT_CENTER | FM_TEXT_MIDDLE);
    }
  cairo_restore (cr);
}
