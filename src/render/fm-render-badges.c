/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-badges.c: the mark of a node whose times were measured
 *
 * A node whose times come from tracker data (its "observed" note is set,
 * see fm_observed_apply()) carries a small green badge with an eye on its
 * top left corner: measured, not assumed. The constraint badge has the
 * top right; on a queue the badge sits beside the triangle's left flank,
 * where the constraint badge has the right. The colour is the same on
 * screen and in exports, and the eye says it without colour.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include "fm-node-shape.h"
#include "fm-render-private.h"

#define BADGE_RADIUS 8.0
#define BADGE_BORDER 1.75

/* Okabe–Ito's bluish green: read as "checked", apart from the orange of
 * constraints and the red of rework for colour-blind readers too. */
static const FmColor observed_color = { 0x00 / 255.0, 0x9e / 255.0, 0x73 / 255.0, 1 };

/**
 * fm_render_observed_badge_centre:
 * @centre: (out): where the badge of @node goes, in map units
 *
 * Returns: whether @node gets a badge: a step or queue with observed times
 */
gboolean
fm_render_observed_badge_centre (FmNode  *node,
                                 FmPoint *centre)
{
  FmNodeKind kind = fm_node_get_kind (node);
  const char *observed = fm_node_get_observed (node);
  FmRect b;

  if (observed == NULL || (kind != FM_NODE_KIND_PROCESS && kind != FM_NODE_KIND_QUEUE))
    return FALSE;

  fm_node_get_bounds (node, &b);
  if (kind == FM_NODE_KIND_QUEUE)
    {
      FmPoint t[3];
      FmPoint *left;

      /* A third of the way down the left flank, just off it. */
      fm_shape_queue_triangle (&b, t);
      left = t[1].x < t[2].x ? &t[1] : &t[2];
      centre->x = t[0].x + (left->x - t[0].x) * 0.3 - BADGE_RADIUS * 1.3;
      centre->y = t[0].y + (left->y - t[0].y) * 0.3 - BADGE_RADIUS * 0.4;
    }
  else
    {
      centre->x = b.x + BADGE_RADIUS * 0.3;
      centre->y = b.y + BADGE_RADIUS * 0.3;
    }

  return TRUE;
}

/* An eye: an almond of two curves and its pupil. */
static void
draw_eye (cairo_t *cr,
          double   cx,
          double   cy,
          double   width)
{
  double w = width / 2, h = width * 0.42;

  cairo_move_to (cr, cx - w, cy);
  cairo_curve_to (cr, cx - w * 0.45, cy - h, cx + w * 0.45, cy - h, cx + w, cy);
  cairo_curve_to (cr, cx + w * 0.45, cy + h, cx - w * 0.45, cy + h, cx - w, cy);
  cairo_close_path (cr);
  cairo_set_line_width (cr, width * 0.13);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_arc (cr, cx, cy, width * 0.17, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
fm_render_observed_badge (FmRenderContext *ctx,
                          FmNode          *node)
{
  static const FmColor white = { 1, 1, 1, 1 };
  cairo_t *cr = ctx->cr;
  FmPoint c;

  if (!fm_render_observed_badge_centre (node, &c))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, c.x, c.y, BADGE_RADIUS + BADGE_BORDER, 0, 2 * G_PI);
  fm_render_set_color (cr, &ctx->palette->background, 1);
  cairo_fill (cr);
  cairo_arc (cr, c.x, c.y, BADGE_RADIUS, 0, 2 * G_PI);
  fm_render_set_color (cr, &observed_color, 1);
  cairo_fill (cr);

  fm_render_set_color (cr, &white, 1);
  draw_eye (cr, c.x, c.y, BADGE_RADIUS * 1.3);
  cairo_restore (cr);
}
