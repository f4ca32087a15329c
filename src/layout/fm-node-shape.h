/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node-shape.h: the outlines of the map's icons, shared by drawing,
 * edge routing and hit testing */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
} FmPoint;

typedef enum {
  FM_SIDE_TOP,
  FM_SIDE_RIGHT,
  FM_SIDE_BOTTOM,
  FM_SIDE_LEFT,
} FmSide;

#define FM_KAIZEN_POINTS 12

void     fm_shape_queue_triangle  (const FmRect *bounds,
                                   FmPoint       triangle[3]);
double   fm_shape_factory_roof    (const FmRect *bounds,
                                   guint        *n_teeth);
void     fm_shape_kaizen_burst    (const FmRect *bounds,
                                   FmPoint       points[FM_KAIZEN_POINTS * 2]);
void     fm_shape_kaizen_text_box (const FmRect *bounds,
                                   FmRect       *text_box);
double   fm_shape_anchor_y        (FmNode       *node,
                                   const FmRect *bounds);
void     fm_shape_side_band       (FmNode       *node,
                                   const FmRect *bounds,
                                   FmSide        side,
                                   double       *start,
                                   double       *end);
void     fm_shape_clip_port       (FmNode       *node,
                                   const FmRect *bounds,
                                   FmSide        side,
                                   FmPoint      *port);

G_END_DECLS
