/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge-route-private.h: what the edge router's files share
 *
 * fm-edge-route.c routes the whole map, fm-edge-route-plan.c chooses each
 * edge's shape, fm-edge-route-ends.c places the ends on the sides and the
 * loops, fm-edge-route-update.c redoes what a drag changes and
 * fm-edge-route-query.c answers what is where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fm-edge-route.h"
#include "fm-node-grid.h"
#include "fm-node-index-private.h"

G_BEGIN_DECLS

#define LOOP_CLEARANCE 26.0

typedef struct _Crossings Crossings;

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
  FmNodeIndex *index;   /* nodes referenced, so that a position is a node */
  GArray *ends;         /* End */
  /* Every area the plan being made asked the grid about: a node moving
   * in or out of it may change that plan, any other may not. */
  FmRect reach;
  gboolean reach_empty;
  /* How far each loop was pushed from where it started, by the nodes its
   * strip overlaps and direction, while the map is routed or updated (not
   * between: nodes move); see fm_edge_route_loop_level(). */
  struct _Levels *levels;
  /* Likewise (while routing everything, or an update plans many edges
   * again): counts the nodes a segment crosses without visiting them
   * (fm-edge-route-cross.c); NULL otherwise. */
  Crossings *crossings;
  /* Routes the slow way, with nothing remembered or counted in part: what
   * the tests compare the fast way with. */
  gboolean reference;
} Work;

/* How many of the sorted @values are below @v (or at most @v when
 * @or_equal). */
static inline guint
count_below (const double *values,
             guint         n,
             double        v,
             gboolean      or_equal)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < v || (or_equal && values[mid] == v))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Notes @area in what the plan being made depends on. */
static inline void
work_note_reach (Work         *work,
                 const FmRect *area)
{
  if (work->reach_empty)
    {
      work->reach = *area;
      work->reach_empty = FALSE;
    }
  else
    fm_rect_union (&work->reach, area);
}

/* The nodes whose box overlaps the inside of @area, noted in the reach. */
static inline GArray *
work_query (Work         *work,
            const FmRect *area,
            guint         skip_a,
            guint         skip_b)
{
  work_note_reach (work, area);
  return fm_node_grid_query (work->index->grid, area, skip_a, skip_b);
}

static inline FmNode *
work_node (Work  *work,
           guint  i)
{
  return g_ptr_array_index (work->index->nodes, i);
}

static inline const FmRect *
node_rect (Work  *work,
           guint  i)
{
  return &g_array_index (work->index->bounds, FmRect, i);
}

static inline gboolean
is_loop (Shape shape)
{
  return shape == SHAPE_LOOP_BELOW || shape == SHAPE_LOOP_ABOVE;
}

struct _FmEdgeRoutes
{
  GArray *routes;       /* FmEdgeRoute */
  GHashTable *by_id;    /* edge id -> position + 1 */

  /* What the routes were made from, for updates. */
  FmMap *map;
  Work work;
  Plan *plans;          /* by edge */
  FmEdgeKind *kinds;    /* by edge, as planned */
  FmRect *reach;        /* by edge: what its plan asked the grid about */
  guint *incident_start;  /* by node, into incident; n_nodes + 1 */
  guint *incident;      /* edges by node: each edge under both its ends */
  guint n_nodes;
  guint n_edges;
  guint n_live_ends;

  gboolean structure_changed;     /* nodes or edges added or removed */

  /* Over the routes' bounds, made when first asked for. */
  GArray *route_bounds; /* FmRect by edge */
  FmNodeGrid *edge_grid;

  /* Which routes changed when, for whoever keeps a drawing of them. */
  guint serial;         /* counts the updates that changed something */
  guint built_serial;   /* the serial of the last routing of everything */
  guint *changed;       /* by edge: the serial at which its route last changed */
};

/* fm-edge-route.c */
FmEdgeRoutes *fm_edge_routes_new_reference (FmMap *map);
void     fm_edge_routes_build      (FmEdgeRoutes  *self,
                                    FmMap         *map);
void     fm_edge_routes_clear      (FmEdgeRoutes  *self);
void     fm_edge_routes_plan_edge  (FmEdgeRoutes  *self,
                                    guint          i);
void     fm_edge_routes_finish     (FmEdgeRoutes  *self,
                                    guint          i);
void     fm_edge_routes_set_bounds (FmEdgeRoutes  *self,
                                    guint          i);

/* fm-edge-route-ends.c */
int      fm_edge_route_compare_ends (gconstpointer  pa,
                                     gconstpointer  pb,
                                     gpointer       user_data);
void     fm_edge_route_spread_side (Work          *work,
                                    const guint   *order,
                                    guint          count);
void     fm_edge_route_spread_ends (Work          *work,
                                    guint         *order,
                                    guint          n);
void     fm_edge_route_place_loops (Work          *work,
                                    Plan          *plans,
                                    guint          n_plans);

/* fm-edge-route-cross.c */
int      fm_edge_route_compare_doubles   (gconstpointer  a,
                                          gconstpointer  b);
Crossings *fm_edge_route_crossings_new   (GArray        *bounds);
void     fm_edge_route_crossings_free    (Crossings     *self);
gboolean fm_edge_route_crossings_count   (Crossings     *self,
                                          const FmRect  *area,
                                          guint          skip_a,
                                          guint          skip_b,
                                          guint         *count);
guint    fm_edge_route_count_crossings   (Work          *work,
                                          const FmRect  *segment,
                                          guint          skip_a,
                                          guint          skip_b,
                                          guint          budget,
                                          gboolean      *complete);

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
void     fm_edge_route_levels_begin (Work         *work);
void     fm_edge_route_levels_forget (Work        *work);
void     fm_edge_route_levels_move (Work          *work,
                                    const FmRect  *old,
                                    const FmRect  *now);
void     fm_edge_route_levels_end  (Work          *work);
double   fm_edge_route_loop_level  (Work          *work,
                                    const Plan    *plan,
                                    double         x1,
                                    double         x2,
                                    gboolean       below);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Crossings, fm_edge_route_crossings_free)

G_END_DECLS
