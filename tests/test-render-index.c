/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-index.c: the spatial indices and incremental routing that
 * keep big maps quick, checked against the plain ways they replace */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-document.h"
#include "fm-document-private.h"
#include "fm-edge-route.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-node-grid.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-timeline.h"

static gboolean
touches (const FmRect *r,
         const FmRect *a)
{
  return r->x <= a->x + a->width && r->x + r->width >= a->x &&
         r->y <= a->y + a->height && r->y + r->height >= a->y;
}

/* Random boxes, some huge (the overflow list), some far out (@far: then
 * the cells are all in a hash table, else most in an array), and random
 * areas and points: the candidates always hold every box touching the
 * area, in ascending order, and the interior query and count find exactly
 * what a scan finds, also after boxes move (out of the array too); a
 * count cut short finds no more. */
static void
check_grid_matches_scan (gboolean far)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (FmRect));
  g_autoptr(FmNodeGrid) grid = NULL;
  guint cut = 0;

  for (guint i = 0; i < 600; i++)
    {
      FmRect r = { g_rand_double_range (rand, -5000, 5000), g_rand_double_range (rand, -5000, 5000),
                   g_rand_double_range (rand, 0, 300), g_rand_double_range (rand, 0, 200) };

      if (i % 97 == 0)
        r.width = r.height = 9000;              /* over many cells */
      if (far && i % 101 == 0)
        r.x = (i % 2 ? 1 : -1) * 1e7;           /* at the loader's limit */
      g_array_append_val (rects, r);
    }
  grid = fm_node_grid_new (rects);

  for (guint round = 0; round < 400; round++)
    {
      FmRect area = { g_rand_double_range (rand, -6000, 6000), g_rand_double_range (rand, -6000, 6000),
                      round % 3 ? g_rand_double_range (rand, 0, 2000) : 0,
                      round % 3 ? g_rand_double_range (rand, 0, 2000) : 0 };
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      GArray *found;
      guint k = 0;

      /* Move a few boxes first, telling the grid. */
      for (guint m = 0; m < 3; m++)
        {
          guint i = g_rand_int_range (rand, 0, rects->len);
          FmRect *r = &g_array_index (rects, FmRect, i);
          FmRect old = *r;

          r->x += g_rand_double_range (rand, -700, 700) * (round % 7 == 0 ? 20 : 1);
          r->y += g_rand_double_range (rand, -700, 700);
          if (m == 0 && round % 50 == 0)
            r->width = 20000;                   /* into the overflow list */
          fm_node_grid_move (grid, i, &old);
        }

      for (guint i = 0; i < rects->len; i++)
        if (touches (&g_array_index (rects, FmRect, i), &area))
          g_array_append_val (expected, i);

      found = fm_node_grid_candidates (grid, &area);
      for (guint j = 1; j < found->len; j++)
        g_assert_cmpuint (g_array_index (found, guint, j - 1), <, g_array_index (found, guint, j));
      /* Every expected one is among the candidates. */
      for (guint j = 0; j < found->len && k < expected->len; j++)
        if (g_array_index (found, guint, j) == g_array_index (expected, guint, k))
          k++;
      g_assert_cmpuint (k, ==, expected->len);

      /* The interior query is exact. */
      {
        guint n_inside = 0, counted;
        gboolean complete;

        for (guint i = 0; i < rects->len; i++)
          {
            const FmRect *r = &g_array_index (rects, FmRect, i);

            n_inside += r->x + 1 < area.x + area.width && r->x + r->width - 1 > area.x &&
                        r->y + 1 < area.y + area.height && r->y + r->height - 1 > area.y;
          }
        g_assert_cmpuint (fm_node_grid_query (grid, &area, G_MAXUINT, G_MAXUINT)->len, ==, n_inside);
        g_assert_cmpuint (fm_node_grid_count (grid, &area, G_MAXUINT, G_MAXUINT, G_MAXUINT, &complete), ==, n_inside);
        g_assert_true (complete);
        counted = fm_node_grid_count (grid, &area, G_MAXUINT, G_MAXUINT, round % 40, &complete);
        g_assert_cmpuint (counted, <=, n_inside);
        g_assert_true (!complete || counted == n_inside);
        cut += !complete;
      }
    }
  g_assert_cmpuint (cut, >, 100);
}

static void
test_grid_matches_scan (void)
{
  check_grid_matches_scan (TRUE);
  check_grid_matches_scan (FALSE);
}

/* Coordinates no map should have still give answers, not a crash. */
static void
test_grid_extreme (void)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (FmRect));
  g_autoptr(FmNodeGrid) grid = NULL;
  FmRect boxes[] = { { 1e300, -1e300, 10, 10 }, { NAN, 0, 10, 10 }, { 0, 0, INFINITY, 5 }, { 5, 5, 10, 10 } };
  GArray *found;

  g_array_append_vals (rects, boxes, G_N_ELEMENTS (boxes));
  grid = fm_node_grid_new (rects);
  found = fm_node_grid_candidates (grid, &(FmRect) { 8, 8, 0, 0 });
  /* The ordinary box is found; the others may or may not be. */
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpuint (g_array_index (found, guint, found->len - 1), ==, 3);
  found = fm_node_grid_candidates (grid, &(FmRect) { -1e308, -1e308, INFINITY, INFINITY });
  g_assert_cmpuint (found->len, >=, 1);
}

/* A map like the benchmark's: rows of queue and step pairs, a rework loop
 * now and then, a few boxes across. */
static FmDocument *
make_map (guint steps,
          guint per_row)
{
  FmDocument *doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmNode) trigger = fm_node_new (FM_NODE_KIND_TRIGGER, "trigger");
  g_autofree char *prev = g_strdup ("trigger");
  guint n_edges = 0;

  fm_node_set_position (trigger, 0, 40);
  fm_map_insert_node (map, 0, trigger);
  for (guint i = 0; i < steps; i++)
    {
      g_autofree char *qid = g_strdup_printf ("q%u", i);
      g_autofree char *pid = g_strdup_printf ("p%u", i);
      g_autoptr(FmNode) queue = fm_node_new (FM_NODE_KIND_QUEUE, qid);
      g_autoptr(FmNode) step = fm_node_new (FM_NODE_KIND_PROCESS, pid);
      double x = 200 + (i % per_row) * 330.0, y = (i / per_row) * 400.0;
      g_autofree char *e1 = g_strdup_printf ("e%u", n_edges++);
      g_autofree char *e2 = g_strdup_printf ("e%u", n_edges++);
      g_autoptr(FmEdge) to_queue = fm_edge_new (e1, prev, qid, FM_EDGE_KIND_PUSH);
      g_autoptr(FmEdge) to_step = fm_edge_new (e2, qid, pid, FM_EDGE_KIND_FLOW);

      fm_node_set_position (queue, x, y + 15);
      fm_queue_set_wait_s (FM_QUEUE (queue), 3600);
      fm_node_set_position (step, x + 140, y);
      fm_process_step_set_process_s (FM_PROCESS_STEP (step), 600);
      fm_map_insert_node (map, fm_map_get_n_nodes (map), queue);
      fm_map_insert_node (map, fm_map_get_n_nodes (map), step);
      fm_map_insert_edge (map, fm_map_get_n_edges (map), to_queue);
      fm_map_insert_edge (map, fm_map_get_n_edges (map), to_step);
      if (i % 5 == 4)
        {
          g_autofree char *id = g_strdup_printf ("e%u", n_edges++);
          g_autofree char *back = g_strdup_printf ("p%u", i - 2);
          g_autoptr(FmEdge) rework = fm_edge_new (id, pid, back, FM_EDGE_KIND_REWORK);

          fm_map_insert_edge (map, fm_map_get_n_edges (map), rework);
        }
      g_free (prev);
      prev = g_strdup (pid);
    }

  fm_document_insert_map_internal (doc, 0, map);
  return doc;
}

static void
assert_routes_equal (FmEdgeRoutes *a,
                     FmEdgeRoutes *b)
{
  g_assert_cmpuint (fm_edge_routes_get_n (a), ==, fm_edge_routes_get_n (b));
  for (guint i = 0; i < fm_edge_routes_get_n (a); i++)
    {
      const FmEdgeRoute *x = fm_edge_routes_get (a, i), *y = fm_edge_routes_get (b, i);

      g_assert_true (x->edge == y->edge);
      g_assert_cmpuint (x->n_points, ==, y->n_points);
      g_assert_cmpint (x->from_side, ==, y->from_side);
      g_assert_cmpint (x->to_side, ==, y->to_side);
      for (guint k = 0; k < x->n_points; k++)
        {
          g_assert_cmpfloat (x->points[k].x, ==, y->points[k].x);
          g_assert_cmpfloat (x->points[k].y, ==, y->points[k].y);
        }
      g_assert_cmpfloat (x->label.x, ==, y->label.x);
      g_assert_cmpfloat (x->label.y, ==, y->label.y);
      g_assert_cmpmem (&x->bounds, sizeof x->bounds, &y->bounds, sizeof y->bounds);
    }
}

/* After random moves of one or a few nodes (onto others, across rows,
 * resized), the updated routes equal routes made afresh, and hit tests
 * and look-ups agree with a scan. */
static void
test_routes_incremental (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(FmDocument) doc = make_map (60, 8);
  FmMap *map = fm_document_get_map (doc, 0);
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (map);
  guint n = fm_map_get_n_nodes (map);
  guint n_updated = 0;

  for (guint round = 0; round < 120; round++)
    {
      guint n_moved = round % 7 == 0 ? 4 : 1;
      g_autoptr(FmEdgeRoutes) fresh = NULL;

      for (guint m = 0; m < n_moved; m++)
        {
          FmNode *node = fm_map_get_node (map, g_rand_int_range (rand, 0, n));
          const char *ids[] = { fm_node_get_id (node), NULL };
          double step = round % 3 == 0 ? 400 : 24;

          if (round % 11 == 5)
            {
              FmRect r;

              fm_node_get_bounds (node, &r);
              r.width += 40;
              fm_document_set_node_bounds (doc, map, ids[0], &r);
            }
          else
            fm_document_move_nodes (doc, map, ids, g_rand_double_range (rand, -step, step),
                                    g_rand_double_range (rand, -step, step));
        }

      n_updated += fm_edge_routes_update (routes, map);
      fresh = fm_edge_routes_new (map);
      assert_routes_equal (routes, fresh);

      /* Hit tests through the index, against a scan of every route. */
      for (guint k = 0; k < 20; k++)
        {
          double x = g_rand_double_range (rand, -100, 3000), y = g_rand_double_range (rand, -200, 3200);
          FmEdge *expected = NULL;
          double best = 6;

          for (guint i = 0; i < fm_edge_routes_get_n (fresh); i++)
            {
              const FmEdgeRoute *route = fm_edge_routes_get (fresh, i);
              double d = fm_edge_route_distance (route, x, y);

              if (d <= best)
                {
                  best = d;
                  expected = route->edge;
                }
            }
          g_assert_true (fm_edge_routes_hit (routes, x, y, 6) == expected);
        }
    }

  /* Most updates were in place: the point of them. */
  g_assert_cmpuint (n_updated, >, 100);

  /* A structural change makes them again, still equal. */
  {
    g_autoptr(FmEdge) edge = fm_edge_new ("extra", "p3", "p40", FM_EDGE_KIND_INFO);
    g_autoptr(FmEdgeRoutes) fresh = NULL;

    fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
    g_assert_false (fm_edge_routes_update (routes, map));
    fresh = fm_edge_routes_new (map);
    assert_routes_equal (routes, fresh);
  }
}

/* The nodes the index finds under a point are exactly those a scan of
 * the map finds, topmost last. */
static void
test_routes_find_nodes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(FmDocument) doc = make_map (40, 6);
  FmMap *map = fm_document_get_map (doc, 0);
  g_autoptr(FmEdgeRoutes) routes = fm_edge_routes_new (map);

  for (guint k = 0; k < 2000; k++)
    {
      double x = g_rand_double_range (rand, -50, 2200), y = g_rand_double_range (rand, -50, 2800);
      GArray *found = fm_node_index_find (fm_edge_routes_get_nodes (routes), &(FmRect) { x, y, 0, 0 });
      int expected = -1, got = -1;

      for (guint i = fm_map_get_n_nodes (map); i > 0 && expected < 0; i--)
        if (fm_node_contains (fm_map_get_node (map, i - 1), x, y))
          expected = i - 1;
      for (guint j = found->len; j > 0 && got < 0; j--)
        if (fm_node_contains (fm_map_get_node (map, g_array_index (found, guint, j - 1)), x, y))
          got = g_array_index (found, guint, j - 1);
      g_assert_cmpint (got, ==, expected);
    }
}

/* A flow of 100 steps in rows of 10 (each row 10 × 330 = 3,300 wide)
 * gets a ladder row for each row of the flow: ten rows, no wider than
 * the map and the totals box beside it (3,300 + 200 + 32 + 210 + a few),
 * where one long row would be over 100 × 330 = 33,000 wide. */
static void
test_ladder_wraps (void)
{
  g_autoptr(FmDocument) doc = make_map (100, 10);
  FmMap *map = fm_document_get_map (doc, 0);
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, map, NULL);
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;
  guint rows = 1;

  fm_map_get_content_bounds (map, &content);
  timeline = fm_timeline_new (metrics, doc, &content);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (timeline->n_rows, ==, 10);
  g_assert_cmpfloat (timeline->bounds.width, <=, content.width + 300);
  g_assert_cmpfloat (timeline->bounds.y, >, content.y + content.height);

  /* Each rung under its node, the rows one under another. */
  for (guint i = 0; i < timeline->rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (timeline->rungs, FmTimelineRung, i);

      g_assert_cmpfloat (rung->x0, ==, fm_node_get_x (rung->node));
      g_assert_cmpfloat (rung->lower_y, >, rung->upper_y);
      if (i > 0 && rung->upper_y != g_array_index (timeline->rungs, FmTimelineRung, i - 1).upper_y)
        {
          g_assert_cmpfloat (rung->upper_y, >, g_array_index (timeline->rungs, FmTimelineRung, i - 1).lower_y);
          rows++;
        }
    }
  g_assert_cmpuint (rows, ==, 10);
  g_assert_cmpfloat (timeline->totals.y, >, g_array_index (timeline->rungs, FmTimelineRung, 0).lower_y);
}

/* One row of the flow keeps one ladder row. */
static void
test_ladder_one_row (void)
{
  g_autoptr(FmDocument) doc = make_map (12, 100);
  FmMap *map = fm_document_get_map (doc, 0);
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, map, NULL);
  g_autoptr(FmTimeline) timeline = NULL;
  FmRect content;

  fm_map_get_content_bounds (map, &content);
  timeline = fm_timeline_new (metrics, doc, &content);
  g_assert_cmpuint (timeline->n_rows, ==, 1);
  for (guint i = 0; i < timeline->rungs->len; i++)
    g_assert_cmpfloat (g_array_index (timeline->rungs, FmTimelineRung, i).upper_y, ==, timeline->upper_y);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/render-index/grid-matches-scan", test_grid_matches_scan);
  g_test_add_func ("/fm/render-index/grid-extreme", test_grid_extreme);
  g_test_add_func ("/fm/render-index/routes-incremental", test_routes_incremental);
  g_test_add_func ("/fm/render-index/routes-find-nodes", test_routes_find_nodes);
  g_test_add_func ("/fm/render-index/ladder-wraps", test_ladder_wraps);
  g_test_add_func ("/fm/render-index/ladder-one-row", test_ladder_one_row);

  return g_test_run ();
}
