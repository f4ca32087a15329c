/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-kaizen.c: the dotted leader from an experiment to what it targets
 *
 * A kaizen burst names the nodes its experiment is about (applies_to); a
 * dotted line from the burst to each of them shows it on the map, as
 * people draw it on paper. The lines go under the nodes, so they start
 * from behind the burst and end in a dot just outside the target.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include "fm-kaizen.h"
#include "fm-render-private.h"

#define LEADER_WIDTH 1.8
#define LEADER_SPACING 4.5
#define LEADER_GAP 4.0        /* between the end dot and the target's outline */
#define END_DOT_RADIUS 2.6

static gboolean
segment_visible (const FmRenderOptions *options,
                 double                 x0,
                 double                 y0,
                 double                 x1,
                 double                 y1)
{
  const FmRect *v = &options->visible;

  if (v->width <= 0)
    return TRUE;

  return MIN (x0, x1) - END_DOT_RADIUS < v->x + v->width && MAX (x0, x1) + END_DOT_RADIUS > v->x &&
         MIN (y0, y1) - END_DOT_RADIUS < v->y + v->height && MAX (y0, y1) + END_DOT_RADIUS > v->y;
}

/* Where the line from @from towards the centre of @target crosses the
 * outline of @target grown by the gap. FALSE when @from is inside it. */
static gboolean
leader_end (double        from_x,
            double        from_y,
            const FmRect *target,
            double       *end_x,
            double       *end_y)
{
  double cx = target->x + target->width / 2, cy = target->y + target->height / 2;
  double dx = from_x - cx, dy = from_y - cy;
  double half_w = target->width / 2 + LEADER_GAP, half_h = target->height / 2 + LEADER_GAP;
  double t = G_MAXDOUBLE;

  if (fabs (dx) > 1e-9)
    t = MIN (t, half_w / fabs (dx));
  if (fabs (dy) > 1e-9)
    t = MIN (t, half_h / fabs (dy));
  if (t >= 1)
    return FALSE;

  *end_x = cx + dx * t;
  *end_y = cy + dy * t;
  return TRUE;
}

static void
draw_leaders_of (FmRenderContext *ctx,
                 FmMap           *map,
                 FmKaizen        *kaizen)
{
  const char * const *targets = fm_kaizen_get_applies_to (kaizen);
  cairo_t *cr = ctx->cr;
  double alpha = fm_kaizen_get_status (kaizen) == FM_KAIZEN_STATUS_DROPPED ? 0.25 : 0.6;
  double dash[] = { 0, LEADER_SPACING };
  FmRect b;
  double sx, sy;

  if (targets == NULL)
    return;

  fm_node_get_bounds (FM_NODE (kaizen), &b);
  sx = b.x + b.width / 2;
  sy = b.y + b.height / 2;

  for (guint i = 0; targets[i] != NULL; i++)
    {
      FmNode *target = fm_map_lookup_node (map, targets[i]);
      FmRect t;
      double ex, ey;

      if (target == NULL || target == FM_NODE (kaizen))
        continue;
      if (ctx->options->layer != FM_RENDER_LAYER_ALL &&
          !fm_render_layer_holds (ctx->options,
                                  fm_render_is_moving (ctx->options, fm_node_get_id (FM_NODE (kaizen))) ||
                                  fm_render_is_moving (ctx->options, targets[i])))
        continue;

      fm_node_get_bounds (target, &t);
      if (!leader_end (sx, sy, &t, &ex, &ey) || !segment_visible (ctx->options, sx, sy, ex, ey))
        continue;

      fm_render_set_color (cr, &ctx->palette->ink, alpha);
      cairo_set_line_width (cr, LEADER_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, sx, sy);
      cairo_line_to (cr, ex, ey);
      cairo_stroke (cr);

      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, ex, ey, END_DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/**
 * fm_render_kaizen_leaders:
 *
 * Draws the leaders of every experiment of @map; call it before the nodes.
 * @routes must be up to date.
 */
void
fm_render_kaizen_leaders (FmRenderContext *ctx,
                          FmMap           *map,
                          FmEdgeRoutes    *routes)
{
  FmNodeIndex *nodes = fm_edge_routes_get_nodes (routes);
  guint n = fm_map_get_n_nodes (map);

  cairo_save (ctx->cr);
  for (guint i = 0; i < n; i++)
    {
      /* The routes' list of the nodes: quicker than the map's. */
      FmNode *node = fm_node_index_get_node (nodes, i);

      if (FM_IS_KAIZEN (node))
        draw_leaders_of (ctx, map, FM_KAIZEN (node));
    }
  cairo_restore (ctx->cr);
}
