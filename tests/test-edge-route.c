/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edge-route.c: edge routing: which sides edges leave by, around their own boxes and
 * others, rework loops, hitting a route
 */
#include "config.h"

#include <math.h>

#include "fm-edge-route.h"
#include "fm-edge-route-private.h"
#include "fm-node-shape.h"
#include "fm-test-utils.h"

/* The digest of the fan's routes as the old loop levels made them. */
#define FAN_DIGEST "92693cf872be9732abb03453be2af6ba9848c446525b6a55cf18ec267e61ae44"

/* fm_test_new_row_document (): trigger -> queue -> process -> outcome in
 * a row, a system above the process with an information edge into it. */
typedef FmTestMap Fixture;

static void
test_route_sides (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *r;

  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "a", "a", 0, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "right", "right", 300, 10);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "below", "below", 20, 300);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "diagonal", "diagonal", -600, -400);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "left", "left", -400, 30);
  fm_test_map_add_edge (map, "to-right", "a", "right", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "to-below", "a", "below", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "to-diagonal", "a", "diagonal", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "to-left", "a", "left", FM_EDGE_KIND_INFO);
  routes = fm_edge_routes_new (map);

  r = fm_edge_routes_lookup (routes, "to-right");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_RIGHT);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_LEFT);
  g_assert_cmpuint (r->n_points, ==, 2);
  g_assert_cmpfloat (r->points[0].x, ==, 160);
  g_assert_cmpfloat (r->points[1].x, ==, 300);

  r = fm_edge_routes_lookup (routes, "to-below");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_TOP);
  g_assert_cmpuint (r->n_points, ==, 2);
  g_assert_cmpfloat (r->points[0].y, ==, 120);
  g_assert_cmpfloat (r->points[1].y, ==, 300);

  /* Diagonal: one bend. */
  r = fm_edge_routes_lookup (routes, "to-diagonal");
  g_assert_cmpuint (r->n_points, ==, 3);

  r = fm_edge_routes_lookup (routes, "to-left");
  g_assert_cmpint (r->from_side, ==, FM_SIDE_LEFT);
  g_assert_cmpint (r->to_side, ==, FM_SIDE_RIGHT);

  /* Every segment is horizontal or vertical. */
  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, i);

      for (guint k = 1; k < route->n_points; k++)
        g_assert_true (route->points[k].x == route->points[k - 1].x ||
                       route->points[k].y == route->points[k - 1].y);
    }

  g_assert_null (fm_edge_routes_lookup (routes, "nothing"));
}

static gboolean
segment_enters (const FmPoint *p,
                const FmPoint *q,
                const FmRect  *r)
{
  /* Sample the segment; a point strictly inside the box is a crossing. */
  for (double t = 0; t <= 1; t += 1.0 / 64)
    {
      double x = p->x + (q->x - p->x) * t, y = p->y + (q->y - p->y) * t;

      if (x > r->x + 0.5 && x < r->x + r->width - 0.5 &&
          y > r->y + 0.5 && y < r->y + r->height - 0.5)
        return TRUE;
    }

  return FALSE;
}

/* Whether p -> q leaves (or enters) a box through @side. */
static gboolean
heads (const FmPoint *p,
       const FmPoint *q,
       FmSide         side,
       gboolean       leaving)
{
  double dx = q->x - p->x, dy = q->y - p->y;
  double sign = leaving ? 1 : -1;

  switch (side)
    {
    case FM_SIDE_TOP: return dx == 0 && sign * dy < 0;
    case FM_SIDE_BOTTOM: return dx == 0 && sign * dy > 0;
    case FM_SIDE_LEFT: return dy == 0 && sign * dx < 0;
    case FM_SIDE_RIGHT: return dy == 0 && sign * dx > 0;
    default: return FALSE;
    }
}

/* Whatever the layout, an edge never runs through its own two boxes. */
static void
test_route_avoids_own_boxes (void)
{
  for (guint round = 0; round < 1000; round++)
    {
      g_autoptr(FmMap) map = fm_map_new ("m");
      g_autoptr(FmEdgeRoutes) routes = NULL;
      const FmEdgeRoute *route;
      FmNode *a, *b;
      FmRect ra, rb;
      FmEdgeKind kind = g_test_rand_int_range (0, FM_EDGE_KIND_REWORK + 1);

      a = fm_test_map_add_node (map, g_test_rand_int_range (0, FM_NODE_KIND_SYSTEM + 1), "a", "a", 0, 0);
      b = fm_test_map_add_node (map, g_test_rand_int_range (0, FM_NODE_KIND_SYSTEM + 1), "b", "b", 0, 0);
      fm_node_get_bounds (b, &rb);
      /* Overlapping or touching boxes cannot be kept out of each other. */
      do
        {
          fm_node_set_position (a, g_test_rand_int_range (-400, 400), g_test_rand_int_range (-400, 400));
          fm_node_get_bounds (a, &ra);
        }
      while (ra.x <= rb.x + rb.width && rb.x <= ra.x + ra.width &&
             ra.y <= rb.y + rb.height && rb.y <= ra.y + ra.height);

      fm_test_map_add_edge (map, "e", "a", "b", kind);
      routes = fm_edge_routes_new (map);
      route = fm_edge_routes_lookup (routes, "e");
      g_assert_cmpuint (route->n_points, >=, 2);

      for (guint k = 1; k < route->n_points; k++)
        {
          const FmPoint *p = &route->points[k - 1], *q = &route->points[k];

          /* The first segment starts on a's outline, which may lie inside
           * its box (a queue's triangle), and the last ends on b's. */
          if ((k > 1 && segment_enters (p, q, &ra)) ||
              (k + 1 < route->n_points && segment_enters (p, q, &rb)))
            g_error ("%s edge from %s (%g, %g) to %s (%g, %g): (%g, %g)–(%g, %g) crosses an end",
                     fm_edge_kind_to_string (kind),
                     fm_node_kind_to_string (fm_node_get_kind (a)), ra.x, ra.y,
                     fm_node_kind_to_string (fm_node_get_kind (b)), rb.x, rb.y,
                     p->x, p->y, q->x, q->y);
        }

      /* Out of a's side and into b's, at right angles. */
      g_assert_true (heads (&route->points[0], &route->points[1], route->from_side, TRUE));
      g_assert_true (heads (&route->points[route->n_points - 2], &route->points[route->n_points - 1],
                            route->to_side, FALSE));
    }
}

/* A route that would cross a third node takes the other way round. */
static void
test_route_avoids_nodes (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *route;
  FmRect in_the_way;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 200);
  fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q", "q", 200, 200);
  fm_test_map_add_node (map, FM_NODE_KIND_SYSTEM, "s", "s", 500, 0);
  fm_test_map_add_edge (map, "e", "t", "s", FM_EDGE_KIND_INFO);
  routes = fm_edge_routes_new (map);
  route = fm_edge_routes_lookup (routes, "e");
  fm_node_get_bounds (fm_map_lookup_node (map, "q"), &in_the_way);

  g_assert_cmpint (route->from_side, ==, FM_SIDE_TOP);
  g_assert_cmpint (route->to_side, ==, FM_SIDE_LEFT);
  for (guint k = 1; k < route->n_points; k++)
    g_assert_false (segment_enters (&route->points[k - 1], &route->points[k], &in_the_way));
}

static void
test_route_rework_loop (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const FmEdgeRoute *wide, *narrow, *self;
  double bottom = 0;

  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "a", "a", 0, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q", "q", 200, 15);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "b", "b", 350, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "c", "c", 600, 0);
  /* In the way under b and c: loops pass under it too. */
  fm_test_map_add_node (map, FM_NODE_KIND_NOTE, "low", "low", 450, 100);
  fm_test_map_add_edge (map, "narrow", "c", "b", FM_EDGE_KIND_REWORK);
  fm_test_map_add_edge (map, "wide", "c", "a", FM_EDGE_KIND_REWORK);
  fm_test_map_add_edge (map, "self", "a", "a", FM_EDGE_KIND_REWORK);
  routes = fm_edge_routes_new (map);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    bottom = MAX (bottom, fm_node_get_y (fm_map_get_node (map, i)) + fm_node_get_height (fm_map_get_node (map, i)));

  narrow = fm_edge_routes_lookup (routes, "narrow");
  wide = fm_edge_routes_lookup (routes, "wide");
  self = fm_edge_routes_lookup (routes, "self");
  g_assert_cmpuint (narrow->n_points, ==, 4);
  g_assert_cmpint (narrow->from_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpint (narrow->to_side, ==, FM_SIDE_BOTTOM);
  g_assert_cmpfloat (narrow->points[1].y, >, bottom);
  /* The wider loop goes under the narrower one. */
  g_assert_cmpfloat (wide->points[1].y, >, narrow->points[1].y);
  /* A step sending work back to itself loops under itself. */
  g_assert_cmpuint (self->n_points, ==, 4);
  g_assert_cmpfloat (self->points[0].x, >, self->points[3].x);
  g_assert_cmpfloat (self->points[1].y, >, 120);
  /* The label sits on the bottom run. */
  g_assert_cmpfloat (narrow->label.y, ==, narrow->points[1].y);
}

static void
test_route_hit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (f->map);
  const FmEdgeRoute *route = fm_edge_routes_lookup (routes, "e1");
  double x = (route->points[0].x + route->points[1].x) / 2, y = route->points[0].y;

  g_assert_cmpfloat (fm_edge_route_distance (route, x, y + 3), ==, 3);
  g_assert_true (fm_edge_routes_hit (routes, x, y + 3, 5) == route->edge);
  g_assert_null (fm_edge_routes_hit (routes, x, y + 30, 5));
}

/* A fan (issue 22): a trigger feeding 24 steps in rows so close that a
 * loop under one row must pass under the next, all feeding an outcome,
 * with two rework loops. */
static FmMap *
fan_map (void)
{
  FmMap *map = fm_map_new ("fan");
  guint n_edges = 0;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "Request", -300, 225);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "Delivered", 6 * 200 + 100, 225);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *e1 = g_strdup_printf ("e%u", n_edges++);
      g_autofree char *e2 = g_strdup_printf ("e%u", n_edges++);

      fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, id, id, (i % 6) * 200.0, (i / 6) * 150.0);
      fm_test_map_add_edge (map, e1, "t", id, FM_EDGE_KIND_PUSH);
      fm_test_map_add_edge (map, e2, id, "o", FM_EDGE_KIND_FLOW);
    }
  fm_test_map_add_edge (map, "r1", "p5", "p0", FM_EDGE_KIND_REWORK);
  fm_test_map_add_edge (map, "r2", "p23", "p19", FM_EDGE_KIND_REWORK);

  return map;
}

/* Every point of every route, to two decimals. */
static char *
routes_digest (FmEdgeRoutes *routes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, i);

      for (guint k = 0; k < route->n_points; k++)
        g_string_append_printf (text, "%.2f,%.2f ", route->points[k].x, route->points[k].y);
      g_string_append_c (text, '\n');
    }

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
}

/* The loops' levels are found slab by slab and remembered while the whole
 * map is routed: the routes are those the old way gave (the digest was
 * taken from it), and those an update makes, which remembers nothing. */
static void
test_route_fan (void)
{
  g_autoptr(FmMap) map = fan_map ();
  FmEdgeRoutes *routes = fm_edge_routes_new (map);
  g_autofree char *digest = routes_digest (routes);
  g_autofree char *updated = NULL;
  FmNode *node = fm_map_lookup_node (map, "p7");
  double x, y;
  guint loops = 0;

  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    loops += fm_edge_routes_get (routes, i)->n_points == 4 &&
             fm_edge_routes_get (routes, i)->from_side == fm_edge_routes_get (routes, i)->to_side;
  g_test_message ("%u loops, %s", loops, digest);
  g_assert_cmpuint (loops, >, 10);
  g_assert_cmpstr (digest, ==, FAN_DIGEST);

  x = fm_node_get_x (node);
  y = fm_node_get_y (node);
  fm_node_set_position (node, x + 40, y);
  fm_edge_routes_update (routes, map);
  fm_node_set_position (node, x, y);
  fm_edge_routes_update (routes, map);
  updated = routes_digest (routes);
  g_assert_cmpstr (updated, ==, digest);

  fm_edge_routes_free (routes);
}

/* A map of @n nodes on a coarse lattice (so that rows and columns line
 * up, and loops pass under each other) or anywhere, with flow, rework
 * (some to the node itself) and information edges, and sometimes a fan
 * from one trigger. */
static FmMap *
random_map (GRand *rand,
            guint  n)
{
  FmMap *map = fm_map_new ("random");
  gboolean lattice = g_rand_boolean (rand);
  guint columns = g_rand_int_range (rand, 1, 12);
  double dx = g_rand_double_range (rand, 150, 260), dy = g_rand_double_range (rand, 100, 260);
  guint n_edges = g_rand_int_range (rand, 0, 3 * n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      FmNodeKind kind = g_rand_int_range (rand, 0, FM_NODE_KIND_SYSTEM + 1);
      /* Some lattice places left empty, some rows ragged. */
      gboolean here = lattice && g_rand_int_range (rand, 0, 10) < 7;
      double x = here ? (i % columns) * dx : g_rand_double_range (rand, -800, 2400);
      double y = here ? (i / columns) * dy + (g_rand_int_range (rand, 0, 4) == 0 ? 40 : 0)
                      : g_rand_double_range (rand, -600, 1800);

      fm_test_map_add_node (map, kind, id, id, x, y);
    }

  for (guint e = 0; e < n_edges; e++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e);
      g_autofree char *from = g_strdup_printf ("n%u", g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, n));
      g_autofree char *to = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, n));
      FmEdgeKind kind = g_rand_int_range (rand, 0, FM_EDGE_KIND_REWORK + 1);

      fm_test_map_add_edge (map, id, from, to, kind);
    }

  return map;
}

/* Every route of @a is that of @b, to the last bit. */
static void
assert_same_routes (FmEdgeRoutes *a,
                    FmEdgeRoutes *b)
{
  g_assert_cmpuint (fm_edge_routes_get_n (a), ==, fm_edge_routes_get_n (b));
  for (guint i = 0; i < fm_edge_routes_get_n (a); i++)
    {
      const FmEdgeRoute *ra = fm_edge_routes_get (a, i), *rb = fm_edge_routes_get (b, i);

      g_assert_cmpuint (ra->n_points, ==, rb->n_points);
      g_assert_cmpint (ra->from_side, ==, rb->from_side);
      g_assert_cmpint (ra->to_side, ==, rb->to_side);
      g_assert_cmpmem (ra->points, sizeof (FmPoint) * ra->n_points, rb->points, sizeof (FmPoint) * rb->n_points);
      g_assert_cmpmem (&ra->label, sizeof ra->label, &rb->label, sizeof rb->label);
    }
}

/* Two loops from one step, one over a node in the way and one not: the
 * loop levels remembered for one strip are not those of the other, though
 * the strips end alike. */
static void
test_route_loops_share_an_end (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  g_autoptr(FmEdgeRoutes) slow = NULL;
  const FmEdgeRoute *near, *far;
  FmRect low;

  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "a", "a", 0, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "b", "b", 400, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "c", "c", 800, 0);
  fm_test_map_add_node (map, FM_NODE_KIND_NOTE, "low", "low", 200, 140);
  fm_test_map_add_edge (map, "near", "c", "b", FM_EDGE_KIND_REWORK);
  fm_test_map_add_edge (map, "far", "c", "a", FM_EDGE_KIND_REWORK);
  routes = fm_edge_routes_new (map);
  slow = fm_edge_routes_new_reference (map);
  assert_same_routes (routes, slow);

  fm_node_get_bounds (fm_map_lookup_node (map, "low"), &low);
  near = fm_edge_routes_lookup (routes, "near");
  far = fm_edge_routes_lookup (routes, "far");
  g_assert_cmpuint (far->n_points, ==, 4);
  g_assert_cmpfloat (far->points[1].y, >, low.y + low.height);
  /* The near one need not go under it. */
  g_assert_cmpfloat (near->points[1].y, <, far->points[1].y);
}

/* Remembered loop levels, partly counted crossings and the nesting of the
 * loops give the routes the slow way gives, on many random maps, and so
 * do updates after a drag. */
static void
test_route_random_like_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  guint loops = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(FmMap) map = random_map (rand, g_rand_int_range (rand, 2, round % 10 == 0 ? 300 : 60));
      FmEdgeRoutes *fast = fm_edge_routes_new (map);
      FmEdgeRoutes *slow = fm_edge_routes_new_reference (map);
      FmNode *node;
      double x, y;

      assert_same_routes (fast, slow);
      for (guint i = 0; i < fm_edge_routes_get_n (fast); i++)
        loops += fm_edge_routes_get (fast, i)->n_points == 4 &&
                 fm_edge_routes_get (fast, i)->from_side == fm_edge_routes_get (fast, i)->to_side;

      /* A drag: both update the same way from the same state. */
      node = fm_map_get_node (map, g_rand_int_range (rand, 0, fm_map_get_n_nodes (map)));
      x = fm_node_get_x (node);
      y = fm_node_get_y (node);
      fm_node_set_position (node, x + g_rand_double_range (rand, -300, 300), y + g_rand_double_range (rand, -300, 300));
      fm_edge_routes_update (fast, map);
      fm_edge_routes_update (slow, map);
      assert_same_routes (fast, slow);
      /* And the update, which may remember loop levels and count with a
       * segment tree, gives what routing the moved map the slow way does. */
      fm_edge_routes_free (slow);
      slow = fm_edge_routes_new_reference (map);
      assert_same_routes (fast, slow);

      fm_edge_routes_free (fast);
      fm_edge_routes_free (slow);
    }

  g_test_message ("%u loops", loops);
  g_assert_cmpuint (loops, >, 1000);
}

/* A drag that plans most edges again counts their crossings with a
 * segment tree over the nodes where they are then: the routes are those
 * of the moved map routed the slow way. */
static void
test_route_fan_drag_like_reference (void)
{
  g_autoptr(FmMap) map = fm_map_new ("fan");
  g_autoptr(FmEdgeRoutes) routes = NULL;
  const char *dragged[] = { "t", "p650", "t" };
  const double by[][2] = { { 40, 75 }, { -130, 60 }, { 700, -300 } };

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "Request", -300, 375);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "Delivered", 70 * 200 + 100, 375);
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *e1 = g_strdup_printf ("a%u", i);
      g_autofree char *e2 = g_strdup_printf ("b%u", i);

      fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, id, id, (i % 70) * 200.0, (i / 70) * 150.0);
      fm_test_map_add_edge (map, e1, "t", id, FM_EDGE_KIND_PUSH);
      fm_test_map_add_edge (map, e2, id, "o", i % 9 == 0 ? FM_EDGE_KIND_REWORK : FM_EDGE_KIND_FLOW);
    }
  routes = fm_edge_routes_new (map);

  for (guint k = 0; k < G_N_ELEMENTS (dragged); k++)
    {
      FmNode *node = fm_map_lookup_node (map, dragged[k]);
      g_autoptr(FmEdgeRoutes) slow = NULL;

      fm_node_set_position (node, fm_node_get_x (node) + by[k][0], fm_node_get_y (node) + by[k][1]);
      g_assert_true (fm_edge_routes_update (routes, map));
      slow = fm_edge_routes_new_reference (map);
      assert_same_routes (routes, slow);
    }
}

/* A box on a coarse lattice, so that bounds and segments meet exactly,
 * some thin (under two units: tested one by one), some empty. */
static FmRect
lattice_box (GRand *rand)
{
  static const double sizes[] = { 0, 1, 2, 3, 4, 8, 12, 40 };
  FmRect r = { g_rand_int_range (rand, -4, 40), g_rand_int_range (rand, -4, 40),
               sizes[g_rand_int_range (rand, 0, G_N_ELEMENTS (sizes))],
               sizes[g_rand_int_range (rand, 0, G_N_ELEMENTS (sizes))] };

  /* A few thin ones only (up to two units), or the grid counts all. */
  if (r.width <= 2 && g_rand_int_range (rand, 0, 16) != 0)
    r.width += 3;
  if (r.height <= 2 && g_rand_int_range (rand, 0, 16) != 0)
    r.height += 3;
  return r;
}

/* The crossings the segment tree counts are those the grid counts, for
 * segments that start, end or run on a box's bounds (the tests there are
 * strict), thin and empty boxes, boxes with NaN, and skipped boxes. */
static void
test_route_crossings_like_grid (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  guint counted = 0, crossing = 0;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (FmRect));
      g_autoptr(FmNodeGrid) grid = NULL;
      g_autoptr(Crossings) crossings = NULL;
      guint n = g_rand_int_range (rand, 0, round % 10 == 0 ? 400 : 40);

      for (guint i = 0; i < n; i++)
        {
          FmRect r = lattice_box (rand);

          if (g_rand_int_range (rand, 0, 50) == 0)
            r.y = NAN;
          g_array_append_val (bounds, r);
        }
      grid = fm_node_grid_new (bounds);
      crossings = fm_edge_route_crossings_new (bounds);
      g_assert_nonnull (crossings);

      for (guint q = 0; q < 200; q++)
        {
          double at = g_rand_int_range (rand, -6, 84) / 2.0;
          double from = g_rand_int_range (rand, -6, 84) / 2.0, length = g_rand_int_range (rand, 0, 30);
          gboolean vertical = g_rand_boolean (rand);
          FmRect segment = vertical ? (FmRect) { at, from, 0, length } : (FmRect) { from, at, length, 0 };
          guint skip_a = n > 0 && g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, n) : G_MAXUINT;
          guint skip_b = n > 0 && g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, n) : skip_a;
          gboolean complete;
          guint expected = fm_node_grid_count (grid, &segment, skip_a, skip_b, G_MAXUINT, &complete);
          guint count = G_MAXUINT;

          g_assert_true (complete);
          g_assert_true (fm_edge_route_crossings_count (crossings, &segment, skip_a, skip_b, &count));
          g_assert_cmpuint (count, ==, expected);
          counted++;
          crossing += expected > 0;
        }
    }

  g_test_message ("%u segments, %u crossing a box", counted, crossing);
  g_assert_cmpuint (crossing, >, counted / 4);
}

/* What the tree cannot count, the grid does: a rectangle, NaN, and maps
 * of many thin boxes. */
static void
test_route_crossings_fall_back (void)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (FmRect));
  g_autoptr(Crossings) crossings = NULL;
  FmRect box = { 0, 0, 100, 50 };
  FmRect area = { 10, 10, 5, 5 };
  FmRect odd = { 0, 0, 1, 1 };
  guint count;

  g_array_append_val (bounds, box);
  crossings = fm_edge_route_crossings_new (bounds);
  g_assert_false (fm_edge_route_crossings_count (crossings, &area, G_MAXUINT, G_MAXUINT, &count));
  area = (FmRect) { NAN, 10, 0, 5 };
  g_assert_false (fm_edge_route_crossings_count (crossings, &area, G_MAXUINT, G_MAXUINT, &count));
  area = (FmRect) { 10, -10, 0, 100 };
  g_assert_true (fm_edge_route_crossings_count (crossings, &area, G_MAXUINT, G_MAXUINT, &count));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (fm_edge_route_crossings_count (crossings, &area, 0, G_MAXUINT, &count));
  g_assert_cmpuint (count, ==, 0);
  g_clear_pointer (&crossings, fm_edge_route_crossings_free);

  for (guint i = 0; i < 100; i++)
    g_array_append_val (bounds, odd);
  g_assert_null (fm_edge_route_crossings_new (bounds));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fm_test_map_set_up_row, func, fm_test_map_tear_down)
  ADD ("/fm/render/route-hit", test_route_hit);
#undef ADD
  g_test_add_func ("/fm/render/route-sides", test_route_sides);
  g_test_add_func ("/fm/render/route-avoids-own-boxes", test_route_avoids_own_boxes);
  g_test_add_func ("/fm/render/route-avoids-nodes", test_route_avoids_nodes);
  g_test_add_func ("/fm/render/route-rework-loop", test_route_rework_loop);
  g_test_add_func ("/fm/render/route-fan", test_route_fan);
  g_test_add_func ("/fm/render/route-random-like-reference", test_route_random_like_reference);
  g_test_add_func ("/fm/render/route-loops-share-an-end", test_route_loops_share_an_end);
  g_test_add_func ("/fm/render/route-fan-drag-like-reference", test_route_fan_drag_like_reference);
  g_test_add_func ("/fm/render/route-crossings-like-grid", test_route_crossings_like_grid);
  g_test_add_func ("/fm/render/route-crossings-fall-back", test_route_crossings_fall_back);

  return g_test_run ();
}
