/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-constraints.c: the top constraints marked on the map
 *
 * A soft halo in the constraint colour follows the outline of each of the
 * three queues or steps that hold the flow back most, under the edges and
 * the node itself, and a badge with its rank sits on its top right corner.
 * The ranking is the metrics'; nothing is computed here.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include "fm-node-shape.h"
#include "fm-render-private.h"

#define BADGE_RADIUS 10.0
#define BADGE_BORDER 2.0
#define HALO_RING 1.75        /* the solid band next to the outline */

/**
 * fm_render_highlighted_constraints:
 * @nodes: (out caller-allocates): the nodes, best first; %NULL where the
 *   constraint of that rank is not in @map
 *
 * A part of a map (a close-up on a slide) drawn with the whole map's
 * figures keeps the whole map's ranks: its badges say 1 and 3 when the
 * second constraint is elsewhere.
 *
 * Returns: how many of @nodes are filled in: the first three
 *   constraints of @metrics, those not in @map as %NULL
 */
guint
fm_render_highlighted_constraints (FmMap           *map,
                                   const FmMetrics *metrics,
                                   FmNode          *nodes[FM_N_HIGHLIGHTED_CONSTRAINTS])
{
  guint n = MIN (metrics->constraints->len, FM_N_HIGHLIGHTED_CONSTRAINTS);

  for (guint i = 0; i < n; i++)
    {
      const FmConstraint *constraint = g_ptr_array_index (metrics->constraints, i);

      nodes[i] = fm_map_lookup_node (map, constraint->id);
    }

  return n;
}

/* Drawn before the node, which covers the inner half of each stroke. */
void
fm_render_constraint_halo (FmRenderContext *ctx,
                           FmNode          *node)
{
  cairo_t *cr = ctx->cr;
  const FmColor *color = &ctx->palette->constraint;

  cairo_save (cr);
  /* The outline its icon is drawn with. */
  fm_render_node_outline (cr, node, FM_CORNER_RADIUS);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Strokes narrowing towards the outline add up to a glow that fades
   * outwards. */
  for (guint i = 0; i < 4; i++)
    {
      double reach = FM_CONSTRAINT_HALO_REACH * (1 - i / 4.0);

      cairo_set_line_width (cr, 2 * reach);
      fm_render_set_color (cr, color, 0.10);
      cairo_stroke_preserve (cr);
    }

  cairo_set_line_width (cr, 2 * HALO_RING + FM_LINE_WIDTH);
  fm_render_set_color (cr, color, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* @rank counts from 1. */
void
fm_render_constraint_badge (FmRenderContext *ctx,
                            FmNode          *node,
                            guint            rank)
{
  static const FmColor white = { 1, 1, 1, 1 };
  cairo_t *cr = ctx->cr;
  g_autofree char *text = g_strdup_printf ("%u", rank);
  FmRect b;
  double cx, cy;

  fm_node_get_bounds (node, &b);
  if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
    {
      FmPoint t[3];
      FmPoint *right;

      /* Beside the triangle's right flank, a third of the way down: the
       * box's corner is empty space away from the icon. */
      fm_shape_queue_triangle (&b, t);
      right = t[1].x > t[2].x ? &t[1] : &t[2];
      cx = t[0].x + (right->x - t[0].x) * 0.3 + BADGE_RADIUS * 1.3;
      cy = t[0].y + (right->y - t[0].y) * 0.3 - BADGE_RADIUS * 0.4;
    }
  else
    {
      /* On the corner, mostly outside, so it hides little of the label. */
      cx = b.x + b.width - BADGE_RADIUS * 0.3;
      cy = b.y + BADGE_RADIUS * 0.3;
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, BADGE_RADIUS + BADGE_BORDER, 0, 2 * G_PI);
  fm_render_set_color (cr, &ctx->palette->background, 1);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, BADGE_RADIUS, 0, 2 * G_PI);
  fm_render_set_color (cr, &ctx->palette->constraint, 1);
  cairo_fill (cr);
  cairo_restore (cr);

  fm_render_text (ctx, text, FM_FONT_BODY_BOLD, &white,
                  &(FmRect) { cx - BADGE_RADIUS, cy - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE);
}
