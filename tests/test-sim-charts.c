/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sim-charts.c: the charts of a simulation, drawn from results made by hand
 *
 * Each chart is drawn from an FmSimulateResult written here, so that
 * every bar's height and every line's place can be worked out on paper:
 * bars stand on one baseline and are as tall as their counts say; the
 * percentiles sit where their seconds are on the bars' scale; the queues'
 * lines peak at their largest count; the busiest step is the one in the
 * alert colour. Times: 1 h = 3600 s.
 */
#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "fm-chart-simulate.h"
#include "fm-export-chart.h"
#include "fm-test-utils.h"

#define H 3600.0
#define W 960.0
#define HT 540.0

typedef struct {
  FmDocument *doc;
  FmMap *map;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_document_new ();
  f->map = fm_map_new ("m");
  fm_map_set_name (f->map, "Current state");
  fm_test_map_add_node (f->map, FM_NODE_KIND_PROCESS, "p1", "Build", 0, 0);
  fm_test_map_add_node (f->map, FM_NODE_KIND_QUEUE, "q", "Waiting for test", 200, 0);
  fm_test_map_add_node (f->map, FM_NODE_KIND_PROCESS, "p2", "Test", 400, 0);
  fm_test_map_add_node (f->map, FM_NODE_KIND_QUEUE, "q2", "Waiting for release", 600, 0);
  fm_test_map_add_node (f->map, FM_NODE_KIND_PROCESS, "p3", "Release", 800, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->map);
  g_assert_finalize_object (f->doc);
}

static FmSimulateResult *
new_result (FmSimulateMode mode)
{
  FmSimulateResult *result = g_new0 (FmSimulateResult, 1);

  result->mode = mode;
  result->histogram = g_array_new (FALSE, TRUE, sizeof (guint));
  result->duration_s = result->throughput_per_day = result->wip_mean = result->series_step_s = NAN;
  return result;
}

/* Draws @kind on a slide-sized page; returns the boxes. */
static GArray *
draw (Fixture                *f,
      FmSimChartKind          kind,
      const FmSimulateResult *result,
      gboolean                title)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) W, (int) HT);
  cairo_t *cr = cairo_create (surface);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (FmSimChartBox));

  fm_sim_chart_draw (cr, kind, f->doc, f->map, result, title, W, HT, boxes);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return boxes;
}

static const FmSimChartBox *
box (GArray *boxes,
     guint   i)
{
  g_assert_cmpuint (i, <, boxes->len);
  return &g_array_index (boxes, FmSimChartBox, i);
}

/* Ten runs in four bins of 1 h from 8 h: 1, 4, 0 and 5 runs. The bars are
 * 1 h wide on one scale, so each is as wide as the others, and as tall
 * as its count: the 5 one and a quarter times the 4, the 1 a quarter of
 * the 4. The percentiles 9.5 h, 11.2 h, 11.8 h: at 1.5, 3.2 and 3.8 of
 * the four bins' widths from the first bar's left edge. */
static void
test_histogram (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmSimulateResult) result = new_result (FM_SIMULATE_MONTE_CARLO);
  g_autoptr(GArray) boxes = NULL;
  guint counts[] = { 1, 4, 0, 5 };
  double bin_w, base;

  g_array_append_vals (result->histogram, counts, G_N_ELEMENTS (counts));
  result->samples = 10;
  result->histogram_start_s = 8 * H;
  result->histogram_width_s = 1 * H;
  result->lead_time_p50_s = 9.5 * H;
  result->lead_time_p85_s = 11.2 * H;
  result->lead_time_p95_s = 11.8 * H;
  g_assert_true (fm_sim_chart_kind_available (FM_SIM_CHART_HISTOGRAM, result));
  g_assert_false (fm_sim_chart_kind_available (FM_SIM_CHART_QUEUES, result));
  g_assert_false (fm_sim_chart_kind_available (FM_SIM_CHART_UTILIZATION, result));

  boxes = draw (f, FM_SIM_CHART_HISTOGRAM, result, TRUE);
  /* Four bars, then the three percentiles. */
  g_assert_cmpuint (boxes->len, ==, 4 + 3);
  base = box (boxes, 0)->rect.y + box (boxes, 0)->rect.height;
  bin_w = box (boxes, 1)->rect.x - box (boxes, 0)->rect.x;
  g_assert_cmpfloat (bin_w, >, 50);
  for (guint i = 0; i < 4; i++)
    {
      const FmSimChartBox *b = box (boxes, i);

      g_assert_cmpfloat (b->value, ==, counts[i]);
      g_assert_null (b->node);
      g_assert_cmpfloat_with_epsilon (b->rect.y + b->rect.height, base, 1e-6);
      g_assert_cmpfloat_with_epsilon (b->rect.x - box (boxes, 0)->rect.x, i * bin_w, 1e-6);
    }
  g_assert_cmpfloat_with_epsilon (box (boxes, 2)->rect.height, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (box (boxes, 3)->rect.height, 1.25 * box (boxes, 1)->rect.height, 1e-6);
  g_assert_cmpfloat_with_epsilon (box (boxes, 0)->rect.height, 0.25 * box (boxes, 1)->rect.height, 1e-6);

  {
    /* The bars are a pixel apart: their left edges are half a pixel right
     * of the bins' own. */
    double left = box (boxes, 0)->rect.x - 0.5;
    /* Drawn from the 95th down. */
    double fractions[] = { 3.8, 3.2, 1.5 };
    double seconds[] = { 11.8 * H, 11.2 * H, 9.5 * H };

    for (guint i = 0; i < 3; i++)
      {
        const FmSimChartBox *p = box (boxes, 4 + i);

        g_assert_cmpfloat (p->value, ==, seconds[i]);
        g_assert_cmpfloat (p->rect.width, ==, 0);
        g_assert_cmpfloat_with_epsilon (p->rect.x, left + fractions[i] * bin_w, 1e-6);
        g_assert_cmpfloat_with_epsilon (p->rect.y + p->rect.height, base, 1e-6);
      }
  }
}

/* Two queues sampled every 2 h: "Waiting for test" 0, 2, 4, 1 and
 * "Waiting for release" 0, 1, 1, 3; the steps have no series. Two lines,
 * in the map's order, both 6 h long; the first peaks at 4, a third higher
 * than the second's 3. */
static void
test_queues (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FmSimulateResult) result = new_result (FM_SIMULATE_FLOW);
  g_autoptr(GArray) boxes = NULL;
  const char *ids[] = { "p1", "q", "p2", "q2", "p3" };
  double q1[] = { 0, 2, 4, 1 }, q2[] = { 0, 1, 1, 3 };
  double base;

  result->samples = 40;
  result->series_step_s = 2 * H;
  result->nodes = g_array_new (FALSE, TRUE, sizeof (FmSimulateNode));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      FmSimulateNode node = { fm_map_lookup_node (f->map, ids[i]), NAN, 0, 0, NULL };

      if (i == 1 || i == 3)
        {
          node.queue_series = g_array_new (FALSE, FALSE, sizeof (double));
          g_array_append_vals (node.queue_series, i == 1 ? q1 : q2, 4);
        }
      g_array_append_val (result->nodes, node);
    }
  g_assert_true (fm_sim_chart_kind_available (FM_SIM_CHART_QUEUES, result));
  g_assert_false (fm_sim_chart_kind_available (FM_SIM_CHART_UTILIZATION, result));

  boxes = draw (f, FM_SIM_CHART_QUEUES, result, FALSE);
  g_assert_cmpuint (boxes->len, ==, 2);
  g_assert_cmpstr (fm_node_get_id (box (boxes, 0)->node), ==, "q");
  g_assert_cmpstr (fm_node_get_id (box (boxes, 1)->node), ==, "q2");
  g_assert_cmpfloat (box (boxes, 0)->value, ==, 4);
  g_assert_cmpfloat (box (boxes, 1)->value, ==, 3);
  base = box (boxes, 0)->rect.y + box (boxes, 0)->rect.height;
  g_assert_cmpfloat_with_epsilon (box (boxes, 1)->rect.y + box (boxes, 1)->rect.height, base, 1e-6);
  g_assert_cmpfloat_with_epsilon (box (boxes, 0)->rect.height, 4.0 / 3 * box (boxes, 1)->rect.height, 1e-6);
  /* Both run the whole 6 h, from the same left edge. */
  g_assert_cmpfloat (box (boxes, 0)->rect.x, ==, box (boxes, 1)->rect.x);
  g_assert_cmpfloat_with_epsilon (box (boxes, 0)->rect.width, box (boxes, 1)->rect.width, 1e-6);
  g_assert_cmpfloat (box (boxes, 0)->rect.width, >, 200);
}

/* Build 40 %, Test 90 %, Release 90 %, the queues without a utilization:
 * three bars in the map's order, Test (the first of the two busiest) the
 * bottleneck, in the alert colour; Build's bar four ninths of Test's. */
static void
test_utilization (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(FmSimulateResult) result = new_result (FM_SIMULATE_FLOW);
  g_autoptr(GArray) boxes = NULL;
  const char *ids[] = { "p1", "q", "p2", "q2", "p3" };
  double utilization[] = { 0.4, NAN, 0.9, NAN, 0.9 };

  result->samples = 40;
  result->nodes = g_array_new (FALSE, TRUE, sizeof (FmSimulateNode));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      FmSimulateNode node = { fm_map_lookup_node (f->map, ids[i]), utilization[i], 0, 0, NULL };

      g_array_append_val (result->nodes, node);
    }
  g_assert_true (fm_sim_chart_kind_available (FM_SIM_CHART_UTILIZATION, result));

  boxes = draw (f, FM_SIM_CHART_UTILIZATION, result, TRUE);
  g_assert_cmpuint (boxes->len, ==, 3);
  g_assert_cmpstr (fm_node_get_id (box (boxes, 0)->node), ==, "p1");
  g_assert_cmpstr (fm_node_get_id (box (boxes, 1)->node), ==, "p2");
  g_assert_cmpstr (fm_node_get_id (box (boxes, 2)->node), ==, "p3");
  g_assert_false (box (boxes, 0)->alert);
  g_assert_true (box (boxes, 1)->alert);
  g_assert_false (box (boxes, 2)->alert);
  g_assert_cmpfloat_with_epsilon (box (boxes, 0)->rect.height, 4.0 / 9 * box (boxes, 1)->rect.height, 1e-6);
  g_assert_cmpfloat_with_epsilon (box (boxes, 1)->rect.height, box (boxes, 2)->rect.height, 1e-6);
  g_assert_cmpfloat (box (boxes, 0)->rect.x, <, box (boxes, 1)->rect.x);
  g_assert_cmpfloat (box (boxes, 1)->rect.x, <, box (boxes, 2)->rect.x);
}

/* A Monte Carlo result has no queues: the page says so and draws no line;
 * and each chart writes a slide. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FmSimulateResult) result = new_result (FM_SIMULATE_MONTE_CARLO);
  g_autoptr(GArray) boxes = NULL;
  g_autofree char *dir = fm_test_make_tmp_dir ("sim-charts");
  g_autofree char *path = g_build_filename (dir, "histogram.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  guint one = 3;

  g_array_append_val (result->histogram, one);
  result->samples = 3;
  result->histogram_start_s = 2 * H;
  result->histogram_width_s = H;
  result->lead_time_p50_s = result->lead_time_p85_s = result->lead_time_p95_s = 2.5 * H;

  boxes = draw (f, FM_SIM_CHART_QUEUES, result, TRUE);
  g_assert_cmpuint (boxes->len, ==, 0);

  g_assert_true (fm_export_simulation_chart (FM_SIM_CHART_HISTOGRAM, f->doc, f->map, result, path,
                                             FM_EXPORT_FORMAT_PNG, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, 2,
                                             &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2 * FM_CHART_EXPORT_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 2 * FM_CHART_EXPORT_HEIGHT);
  cairo_surface_destroy (png);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/sim-charts/histogram", test_histogram);
  ADD ("/fm/sim-charts/queues", test_queues);
  ADD ("/fm/sim-charts/utilization", test_utilization);
  ADD ("/fm/sim-charts/export", test_export);
#undef ADD

  return g_test_run ();
}
