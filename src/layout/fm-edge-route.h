/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route.h: where the edges of a map run
 *
 * Orthogonal routes between the sides of the nodes, computed for the whole
 * map at once so that edges meeting on one side are spread along it. The
 * renderer computes them for each draw unless it is given them; the canvas
 * keeps them between draws, updates them after a change (only what a
 * moved node touches) and finds what is under the pointer and on screen
 * with their indices of the routes and of the nodes (fm-node-index.h).
 */
#pragma once

#include "fm-map.h"
#include "fm-node-index.h"
#include "fm-node-shape.h"

G_BEGIN_DECLS

#define FM_EDGE_ROUTE_MAX_POINTS 6

typedef struct {
  FmEdge *edge;                 /* owned by the routes */
  FmPoint points[FM_EDGE_ROUTE_MAX_POINTS];
  guint n_points;               /* 0 when an end is missing */
  FmSide from_side;
  FmSide to_side;
  FmPoint label;                /* the middle of the route, for its label */
  FmRect bounds;                /* of the points */
} FmEdgeRoute;

typedef struct _FmEdgeRoutes FmEdgeRoutes;

FmEdgeRoutes       *fm_edge_routes_new       (FmMap              *map);
gboolean            fm_edge_routes_update    (FmEdgeRoutes       *self,
                                              FmMap              *map);
void                fm_edge_routes_free      (FmEdgeRoutes       *self);
guint               fm_edge_routes_get_n     (FmEdgeRoutes       *self);
gboolean            fm_edge_routes_find_position (FmEdgeRoutes   *self,
                                                  const char     *edge_id,
                                                  guint          *position);
guint               fm_edge_routes_get_serial (FmEdgeRoutes      *self,
                                               guint             *built);
gboolean            fm_edge_routes_changed_since (FmEdgeRoutes   *self,
                                                  guint           position,
                                                  guint           serial);
const FmEdgeRoute  *fm_edge_routes_get       (FmEdgeRoutes       *self,
                                              guint               position);
const FmEdgeRoute  *fm_edge_routes_lookup    (FmEdgeRoutes       *self,
                                              const char         *edge_id);
FmEdge             *fm_edge_routes_hit       (FmEdgeRoutes       *self,
                                              double              x,
                                              double              y,
                                              double              tolerance);
double              fm_edge_route_distance   (const FmEdgeRoute  *route,
                                              double              x,
                                              double              y);
GArray             *fm_edge_routes_find_routes (FmEdgeRoutes     *self,
                                                const FmRect     *area);
FmNodeIndex        *fm_edge_routes_get_nodes   (FmEdgeRoutes     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmEdgeRoutes, fm_edge_routes_free)

G_END_DECLS
