/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node-shape.c: the outlines of the map's icons, shared by drawing,
 * edge routing and hit testing
 *
 * Edges end on the visible outline (the queue's triangle, the factory's
 * roof), not on the bounding box, so arrow tips touch what they point at.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-node-shape"

#include <math.h>

#include "fm-node-shape.h"

/* The queue's triangle takes the top of its box; the wait and the items
 * are written under it. */
#define QUEUE_TEXT_HEIGHT 34.0

void
fm_shape_queue_triangle (const FmRect *b,
                         FmPoint       triangle[3])
{
  double h = MIN (b->height - QUEUE_TEXT_HEIGHT, (b->width - 4) / 1.155);
  double half, cx = b->x + b->width / 2, top = b->y + 2;

  h = MAX (h, MIN (16, b->height - 2));
  half = h / 1.732;

  triangle[0] = (FmPoint) { cx, top };
  triangle[1] = (FmPoint) { cx + half, top + h };
  triangle[2] = (FmPoint) { cx - half, top + h };
}

/**
 * fm_shape_factory_roof:
 * @n_teeth: (out): how many saw teeth the roof has
 *
 * Returns: the height of the saw-tooth roof of the trigger and outcome icon
 */
double
fm_shape_factory_roof (const FmRect *b,
                       guint        *n_teeth)
{
  *n_teeth = CLAMP ((guint) round (b->width / 46), 2, 6);

  return MIN (b->height * 0.3, 22);
}

void
fm_shape_kaizen_burst (const FmRect *b,
                       FmPoint       points[FM_KAIZEN_POINTS * 2])
{
  double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
  double rx = b->width / 2, ry = b->height / 2;

  for (guint i = 0; i < FM_KAIZEN_POINTS * 2; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / FM_KAIZEN_POINTS;
      /* Spikes of two lengths make the burst look drawn, not stamped. */
      double r = (i % 2 == 1) ? 0.8 : (i % 4 == 0 ? 1.0 : 0.93);

      points[i] = (FmPoint) { cx + rx * r * cos (angle), cy + ry * r * sin (angle) };
    }
}

/* The widest box that fits in the burst's inner ellipse with room for
 * three or four lines. */
void
fm_shape_kaizen_text_box (const FmRect *b,
                          FmRect       *text_box)
{
  double rx = b->width / 2 * 0.8, ry = b->height / 2 * 0.8;

  text_box->width = 2 * rx * 0.82;
  text_box->height = 2 * ry * 0.62;
  text_box->x = b->x + (b->width - text_box->width) / 2;
  text_box->y = b->y + (b->height - text_box->height) / 2;
}

/**
 * fm_shape_anchor_y:
 *
 * Returns: where a horizontal edge best meets @node: its middle, or for a
 *   queue the middle of its triangle
 */
double
fm_shape_anchor_y (FmNode       *node,
                   const FmRect *b)
{
  if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
    {
      FmPoint t[3];

      fm_shape_queue_triangle (b, t);
      return t[0].y + (t[1].y - t[0].y) * 0.66;
    }

  return b->y + b->height / 2;
}

/**
 * fm_shape_side_band:
 * @start: (out): the first coordinate (y of a left or right side, x of a
 *   top or bottom side) where an edge may meet @side
 * @end: (out): the last
 */
void
fm_shape_side_band (FmNode       *node,
                    const FmRect *b,
                    FmSide        side,
                    double       *start,
                    double       *end)
{
  gboolean vertical = side == FM_SIDE_LEFT || side == FM_SIDE_RIGHT;
  double lo = vertical ? b->y : b->x;
  double len = vertical ? b->height : b->width;
  double inset = MIN (12, len / 4);

  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_QUEUE:
      {
        FmPoint t[3];
        double h, half;

        fm_shape_queue_triangle (b, t);
        h = t[1].y - t[0].y;
        half = t[1].x - t[0].x;
        if (vertical)
          {
            *start = t[0].y + h * 0.4;
            *end = t[0].y + h * 0.95;
          }
        else if (side == FM_SIDE_TOP)
          {
            *start = t[0].x - half * 0.3;
            *end = t[0].x + half * 0.3;
          }
        else
          {
            *start = t[0].x - half;
            *end = t[0].x + half;
          }
        return;
      }

    case FM_NODE_KIND_KAIZEN:
      *start = lo + len * 0.3;
      *end = lo + len * 0.7;
      return;

    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
    case FM_NODE_KIND_PROCESS:
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_NOTE:
    default:
      *start = lo + inset;
      *end = lo + len - inset;
      return;
    }
}

/**
 * fm_shape_clip_port:
 * @port: (inout): a point on @side of @bounds, moved onto the outline
 *
 * Moves @port perpendicular to @side onto the outline @node is drawn with.
 */
void
fm_shape_clip_port (FmNode       *node,
                    const FmRect *b,
                    FmSide        side,
                    FmPoint      *port)
{
  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_QUEUE:
      {
        FmPoint t[3];
        double h, half, frac;

        fm_shape_queue_triangle (b, t);
        h = t[1].y - t[0].y;
        half = t[1].x - t[0].x;
        if (side == FM_SIDE_LEFT || side == FM_SIDE_RIGHT)
          {
            frac = CLAMP ((port->y - t[0].y) / h, 0, 1);
            port->x = t[0].x + (side == FM_SIDE_LEFT ? -1 : 1) * half * frac;
          }
        else if (side == FM_SIDE_TOP)
          {
            frac = CLAMP (fabs (port->x - t[0].x) / half, 0, 1);
            port->y = t[0].y + h * frac;
          }
        return;
      }

    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
      if (side == FM_SIDE_TOP)
        {
          guint n_teeth;
          double roof = fm_shape_factory_roof (b, &n_teeth);
          double tooth = b->width / n_teeth;
          double frac = (port->x - b->x) / tooth;

          frac -= floor (frac);
          port->y = b->y + roof - roof * frac;
        }
      return;

    case FM_NODE_KIND_KAIZEN:
      {
        double rx = b->width / 2 * 0.9, ry = b->height / 2 * 0.9;
        double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
        double t;

        if (side == FM_SIDE_LEFT || side == FM_SIDE_RIGHT)
          {
            t = CLAMP ((port->y - cy) / ry, -1, 1);
            port->x = cx + (side == FM_SIDE_LEFT ? -1 : 1) * rx * sqrt (1 - t * t);
          }
        else
          {
            t = CLAMP ((port->x - cx) / rx, -1, 1);
            port->y = cy + (side == FM_SIDE_TOP ? -1 : 1) * ry * sqrt (1 - t * t);
          }
        return;
      }

    case FM_NODE_KIND_PROCESS:
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_NOTE:
    default:
      return;
    }
}
