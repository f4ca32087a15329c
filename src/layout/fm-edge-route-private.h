/* fm-edge-route-private.h: what the edge router's two files share */
#pragma once

#include "fm-edge-route.h"
#include "fm-node-grid.h"

G_BEGIN_DECLS

#define LOOP_CLEARANCE 26.0

typedef enum {
  SHAPE_NONE,
  SHAPE_HORIZONTAL,     /* left or right side to the other's facing side */
  SHAPE_VERTICAL,       /* top or bottom side to the other's facing side */
  SHAPE_L_ACROSS,       /* out of a left or right side, into a top or bottom */
  SHAPE_L_DOWN,         /* out of a top or bottom side, into a left or right */
  SHAPE_AROUND,         /* out of a right side, round, into a right side */
  SHAPE_LOOP_BELOW,     /* bottom to bottom, under everything between */
  SHAPE_LOOP_ABOVE,     /* top to top, over everything between */
} Shape;

/* The route chosen for one edge, before its ends get their places. */
typedef struct {
  Shape shape;
  guint a, b;           /* node indices */
  guint end_from, end_to;
  double loop_y;
} Plan;

/* Where an edge meets a side of a node. */
typedef struct {
  guint route;
  guint node;
  FmSide side;
  gboolean is_from;
  double pref;          /* the coordinate along the side it would like */
  double key;           /* sorts the ends sharing a side */
  gboolean aligned;     /* pref lines up with the other end: a straight run */
  double pos;           /* the coordinate it gets */
} End;

typedef struct {
  GPtrArray *nodes;
  GArray *bounds;       /* FmRect, parallel to nodes */
  GArray *ends;         /* End */
  FmNodeGrid *grid;
  /* Every area the plan being made asked the grid about: a node moving
   * in or out of it may change that plan, any other may not. */
  FmRect reach;
  gboolean reach_empty;
} Work;

/* The nodes whose box overlaps the inside of @area, noted in the reach. */
static inline GArray *
work_query (Work         *work,
            const FmRect *area,
            guint         skip_a,
            guint         skip_b)
{
  if (work->reach_empty)
    {
      work->reach = *area;
      work->reach_empty = FALSE;
    }
  else
    {
      double x1 = MIN (work->reach.x, area->x), y1 = MIN (work->reach.y, area->y);
      double x2 = MAX (work->reach.x + work->reach.width, area->x + area->width);
      double y2 = MAX (work->reach.y + work->reach.height, area->y + area->height);

      work->reach = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
    }

  return fm_node_grid_query (work->grid, area, skip_a, skip_b);
}

static inline const FmRect *
node_rect (Work  *work,
           guint  i)
{
  return &g_array_index (work->bounds, FmRect, i);
}

static inline gboolean
is_loop (Shape shape)
{
  return shape == SHAPE_LOOP_BELOW || shape == SHAPE_LOOP_ABOVE;
}

/* fm-edge-route-plan.c */
void     fm_edge_route_plan        (Work          *work,
                                    Plan          *plan,
                                    guint          route,
                                    FmEdge        *edge);
guint    fm_edge_route_points      (const FmRect  *a,
                                    const FmRect  *b,
                                    Shape          shape,
                                    FmSide         side_a,
                                    FmSide         side_b,
                                    double         pos_a,
                                    double         pos_b,
                                    double         loop_y,
                                    FmPoint       *points);
double   fm_edge_route_loop_level  (Work          *work,
                                    const Plan    *plan,
                                    double         x1,
                                    double         x2,
                                    gboolean       below);

G_END_DECLS
