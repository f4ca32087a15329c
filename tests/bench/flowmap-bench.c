/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flowmap-bench.c: how long the things a user waits for take, on big maps
 *
 * Generates maps of 100, 1,000 and 10,000 process steps (each with a queue
 * before it, flow edges, labels, a rework loop every 50 steps and a kaizen
 * burst every 100) and prints, for each, the median of --runs timings after
 * a warm-up, on one thread. --json prints one object per size; without it, a
 * table. --sizes picks the sizes (CI runs the smallest as a smoke test).
 *
 * With a display, the drag frame and the hit test go through the real
 * canvas widget: a drag gesture's update moves the node through the
 * document, the canvas updates its routes and caches as in the app, and
 * its snapshot is drawn into a 1920 × 1080 image as GTK's Cairo renderer
 * would. Without one they use the same library calls the canvas makes.
 * The floor of the SVG export is the same drawing with bare Cairo calls
 * (bench-floor.c); --keep-svg keeps both files to compare them. The peak
 * RSS is that of a child process that only loads the map from
 * JSON and draws it, fitted and at 100 %; see docs/performance.md.
 *
 * Then the inputs that once took quadratic time (bench-scaling.c) at the
 * factors of --scaling of their red-team size, 0.1×, 1× and 10× by default:
 * near-linear work takes ten times as long at 10×.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-data.h"
#include "bench-discover.h"
#include "bench-floor.h"
#include "bench-scaling.h"
#include "fm-document-private.h"
#include "fm-edge-route.h"
#include "fm-export.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-renderer.h"
#include "fm-simulate.h"

#ifdef FM_BENCH_CANVAS
#include <gtk/gtk.h>
#include "fm-canvas-private.h"
#endif

#define VIEW_W 1920
#define VIEW_H 1080
#define PAIRS_PER_ROW 25
/* The longer side of the exported PNG at most, in pixels: a 1,000-step
 * map at scale 1 would be a picture of 150 megapixels. */
#define PNG_MAX_SIDE 8192.0

static int n_runs = 20;
static const char *self_path;
#ifdef FM_BENCH_CANVAS
static gboolean have_display;
#endif
static char **only;     /* --only: the figures to measure; NULL for all */
static char *keep_dir;  /* --keep-svg: where the export's and the floor's SVGs go */

static gboolean
wanted (const char *figure)
{
  return only == NULL || g_strv_contains ((const char * const *) only, figure);
}

typedef struct {
  guint steps;
  double render_fit_ms;
  double render_view_ms;
  double hit_test_us;
  double drag_frame_ms;
  double metrics_ms;
  double load_ms;
  double save_ms;
  double export_png_ms;
  double export_svg_ms;
  double floor_svg_ms;
  double rss_mb;
} Result;

static FmDocument *
generate (guint steps)
{
  FmDocument *doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("bench");
  g_autoptr(FmNode) trigger = fm_node_new (FM_NODE_KIND_TRIGGER, "trigger");
  g_autoptr(FmNode) outcome = fm_node_new (FM_NODE_KIND_OUTCOME, "outcome");
  const char *prev = "trigger";
  guint n_edges = 0;

  g_object_set (doc, "title", "Benchmark", "demand-per-day", 5.0, NULL);
  fm_map_set_name (map, "Benchmark");
  fm_node_set_label (trigger, "Request arrives");
  fm_node_set_position (trigger, 0, 40);
  fm_map_insert_node (map, 0, trigger);

  for (guint i = 0; i < steps; i++)
    {
      g_autofree char *qid = g_strdup_printf ("q%u", i);
      g_autofree char *pid = g_strdup_printf ("p%u", i);
      g_autofree char *qlabel = g_strdup_printf ("Waiting for step %u", i + 1);
      g_autofree char *plabel = g_strdup_printf ("Step %u of the stream", i + 1);
      g_autoptr(FmNode) queue = fm_node_new (FM_NODE_KIND_QUEUE, qid);
      g_autoptr(FmNode) step = fm_node_new (FM_NODE_KIND_PROCESS, pid);
      double x = 200 + (i % PAIRS_PER_ROW) * 330.0;
      double y = (i / PAIRS_PER_ROW) * 400.0;

      fm_node_set_label (queue, qlabel);
      fm_node_set_position (queue, x, y + 15);
      fm_queue_set_wait_s (FM_QUEUE (queue), 3600.0 * (1 + i % 7));
      fm_queue_set_items (FM_QUEUE (queue), i % 5);
      fm_node_set_label (step, plabel);
      fm_node_set_position (step, x + 140, y);
      fm_process_step_set_process_s (FM_PROCESS_STEP (step), 600.0 * (1 + i % 5));
      fm_process_step_set_lead_s (FM_PROCESS_STEP (step), 1800.0 * (1 + i % 5));
      fm_process_step_set_pca (FM_PROCESS_STEP (step), 80 + i % 20);
      fm_process_step_set_people (FM_PROCESS_STEP (step), 2);
      fm_process_step_set_role (FM_PROCESS_STEP (step), i % 3 ? "Developers" : "QA");
      fm_map_insert_node (map, fm_map_get_n_nodes (map), queue);
      fm_map_insert_node (map, fm_map_get_n_nodes (map), step);

      {
        g_autofree char *e1 = g_strdup_printf ("e%u", n_edges++);
        g_autofree char *e2 = g_strdup_printf ("e%u", n_edges++);
        g_autoptr(FmEdge) to_queue = fm_edge_new (e1, prev, qid, FM_EDGE_KIND_PUSH);
        g_autoptr(FmEdge) to_step = fm_edge_new (e2, qid, pid, FM_EDGE_KIND_FLOW);

        fm_map_insert_edge (map, fm_map_get_n_edges (map), to_queue);
        fm_map_insert_edge (map, fm_map_get_n_edges (map), to_step);
      }

      if (i % 50 == 49)
        {
          g_autofree char *id = g_strdup_printf ("e%u", n_edges++);
          g_autofree char *back = g_strdup_printf ("p%u", i - 2);
          g_autoptr(FmEdge) rework = fm_edge_new (id, pid, back, FM_EDGE_KIND_REWORK);

          fm_edge_set_rate (rework, 0.1);
          fm_map_insert_edge (map, fm_map_get_n_edges (map), rework);
        }

      if (i % 100 == 99)
        {
          g_autofree char *id = g_strdup_printf ("k%u", i);
          g_autoptr(FmNode) kaizen = fm_node_new (FM_NODE_KIND_KAIZEN, id);
          const char *targets[] = { pid, NULL };

          fm_node_set_label (kaizen, "Automate the hand-over");
          fm_node_set_position (kaizen, x, y + 200);
          fm_kaizen_set_owner (FM_KAIZEN (kaizen), "Team");
          fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);
          fm_map_insert_node (map, fm_map_get_n_nodes (map), kaizen);
        }

      prev = fm_node_get_id (fm_map_lookup_node (map, pid));
    }

  fm_node_set_label (outcome, "Value delivered");
  fm_node_set_position (outcome, 200 + PAIRS_PER_ROW * 330.0, ((steps - 1) / PAIRS_PER_ROW) * 400.0 + 15);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), outcome);
  {
    g_autofree char *id = g_strdup_printf ("e%u", n_edges++);
    g_autoptr(FmEdge) last = fm_edge_new (id, prev, "outcome", FM_EDGE_KIND_FLOW);

    fm_map_insert_edge (map, fm_map_get_n_edges (map), last);
  }

  fm_document_insert_map_internal (doc, 0, map);
  return doc;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef void (*Work) (gpointer data);

static double
cpu_now_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

/* The median of n_runs timings after one warm-up run, in milliseconds,
 * and the median of the processor time the runs took in @cpu_ms: on a machine shared with other work, the wall clock says
 * more about the others than about the work. */
static double
median_ms_and_cpu (Work     work,
                   gpointer data,
                   double  *cpu_ms)
{
  g_autofree double *times = g_new (double, n_runs);
  g_autofree double *cpu = g_new (double, n_runs);

  work (data);
  for (int i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_now_ms ();

      work (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = cpu_now_ms () - cpu_start;
    }
  qsort (times, n_runs, sizeof (double), compare_doubles);
  qsort (cpu, n_runs, sizeof (double), compare_doubles);

  *cpu_ms = n_runs % 2 ? cpu[n_runs / 2] : (cpu[n_runs / 2 - 1] + cpu[n_runs / 2]) / 2;
  return n_runs % 2 ? times[n_runs / 2] : (times[n_runs / 2 - 1] + times[n_runs / 2]) / 2;
}

/* The median of n_runs timings after one warm-up run, in milliseconds. */
static double
median_ms (Work     work,
           gpointer data)
{
  double cpu_ms;

  return median_ms_and_cpu (work, data, &cpu_ms);
}

/* The load average over the last minute, or -1. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

/* --simulate: the flow simulation of docs/simulation.md, self-contained:
 * SIM_ITEMS items through the generated map of SIM_STEPS steps (a queue
 * before each, two people each, a rework loop every 50 steps), Poisson
 * arrivals at its demand, exponential times; prints the median of --runs
 * timings after a warm-up, with the items out and the mean lead time. */
#define SIM_STEPS 100
#define SIM_ITEMS 200000

typedef struct {
  FmDocument *doc;
  FmSimulateOptions options;
  guint samples;
  double lead_time_mean_s;
} SimulateBench;

static void
work_simulate (gpointer data)
{
  SimulateBench *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FmSimulateResult) result = fm_simulate (b->doc, fm_document_get_map (b->doc, 0), &b->options, &error);

  if (result == NULL)
    g_error ("%s", error->message);
  b->samples = result->samples;
  b->lead_time_mean_s = result->lead_time_mean_s;
}

static int
bench_simulate (gboolean json)
{
  g_autoptr(FmDocument) doc = generate (SIM_STEPS);
  SimulateBench b = { doc };
  double ms;

  fm_simulate_options_init (&b.options);
  b.options.mode = FM_SIMULATE_FLOW;
  b.options.variability = FM_VARIABILITY_EXPONENTIAL;
  b.options.items = SIM_ITEMS;
  ms = median_ms (work_simulate, &b);
  if (json)
    printf ("{\"simulate_steps\": %u, \"simulate_items\": %u, \"simulate_ms\": %.3f, "
            "\"simulate_lead_time_mean_s\": %.1f}\n", SIM_STEPS, b.samples, ms, b.lead_time_mean_s);
  else
    printf ("flow simulation of %u items through %u steps: %.1f ms (median of %d), mean lead time %.0f s\n",
            b.samples, SIM_STEPS, ms, n_runs, b.lead_time_mean_s);

  return 0;
}

/* --data: the data features at the sizes issue 23 sets them targets
 * for, in one JSON object: discovery of a log of 1,000,000 events, the
 * flow simulation above, the observed figures of 1,000,000 transitions
 * in a working calendar, and a 500-node draw.io file read and routed.
 * At most 5 runs each: they take a second or so a run. */
#define DATA_EVENTS 1000000
#define DATA_TRANSITIONS 1000000
#define DATA_DRAWIO_STEPS 250

static int
bench_data (gboolean json)
{
  g_autoptr(FmDocument) sim_doc = generate (SIM_STEPS);
  g_autoptr(FmDocument) drawio_doc = generate (DATA_DRAWIO_STEPS);
  SimulateBench sim = { sim_doc };
  guint discover_items = 0, discover_nodes = 0, observed_items = 0, drawio_nodes = 0;
  double discover_ms, simulate_ms, import_ms = 0, observed_ms, drawio_ms;

  n_runs = MIN (n_runs, 5);
  discover_ms = bench_discover_ms (DATA_EVENTS, n_runs, &discover_items, &discover_nodes);
  fm_simulate_options_init (&sim.options);
  sim.options.mode = FM_SIMULATE_FLOW;
  sim.options.variability = FM_VARIABILITY_EXPONENTIAL;
  sim.options.items = SIM_ITEMS;
  simulate_ms = median_ms (work_simulate, &sim);
  observed_ms = bench_observed_ms (DATA_TRANSITIONS, n_runs, &import_ms, &observed_items);
  drawio_ms = bench_drawio_ms (drawio_doc, n_runs, &drawio_nodes);

  if (json)
    printf ("{\"runs\": %d, \"discover_events\": %d, \"discover_ms\": %.3f, "
            "\"simulate_items\": %u, \"simulate_steps\": %u, \"simulate_ms\": %.3f, "
            "\"observed_transitions\": %d, \"observed_items\": %u, \"observed_import_ms\": %.3f, "
            "\"observed_calendar_ms\": %.3f, \"drawio_nodes\": %u, \"drawio_load_layout_ms\": %.3f}\n",
            n_runs, DATA_EVENTS, discover_ms, sim.samples, SIM_STEPS, simulate_ms,
            DATA_TRANSITIONS, observed_items, import_ms, observed_ms, drawio_nodes, drawio_ms);
  else
    printf ("median of %d runs:\n"
            "  discovery of %d events          %8.1f ms\n"
            "  flow simulation, %u items × %u steps %8.1f ms\n"
            "  %d transitions: import       %8.1f ms\n"
            "    observed figures, working calendar %8.1f ms\n"
            "  draw.io file of %u nodes, read and routed %8.1f ms\n",
            n_runs, DATA_EVENTS, discover_ms, sim.samples, SIM_STEPS, simulate_ms,
            DATA_TRANSITIONS, import_ms, observed_ms, drawio_nodes, drawio_ms);

  return 0;
}

typedef struct {
  FmDocument *doc;
  FmMap *map;
  cairo_surface_t *surface;
  FmRect content;
  FmRect view;
  char *json;
  gsize json_length;
  char *dir;
  FmEdgeRoutes *routes;
  guint drag_count;
  double png_scale;
  FmMetrics *metrics;   /* as the canvas's metrics cache keeps them */
  BenchFloor *floor;
#ifdef FM_BENCH_CANVAS
  FmCanvas *canvas;     /* NULL without a display */
  const char *drag_id;
#endif
} Bench;

static void
clear (cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
work_render_fit (gpointer data)
{
  Bench *b = data;
  cairo_t *cr = cairo_create (b->surface);
  double zoom = MIN (VIEW_W / b->content.width, VIEW_H / b->content.height);
  FmRenderOptions options;

  clear (cr);
  fm_render_options_init (&options);
  options.document = b->doc;
  options.timeline = TRUE;
  options.metrics = b->metrics;
  options.routes = b->routes;
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -b->content.x, -b->content.y);
  fm_renderer_draw (cr, b->map, &options);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

/* A 100 % viewport in the middle of the map, as the canvas draws it: only
 * what is visible, with the routes it keeps between frames. */
static void
draw_view (Bench *b)
{
  cairo_t *cr = cairo_create (b->surface);
  FmRenderOptions options;

  clear (cr);
  fm_render_options_init (&options);
  options.document = b->doc;
  options.timeline = TRUE;
  options.visible = b->view;
  options.routes = b->routes;
  options.metrics = b->metrics;
  cairo_translate (cr, -b->view.x, -b->view.y);
  fm_renderer_draw (cr, b->map, &options);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
work_render_view (gpointer data)
{
  draw_view (data);
}

/* --zoom: a frame of the middle of the 1,000-step map after each zoom
 * step: the 1920 × 1080 view drawn alternately at 100 % and 110 %, as
 * Ctrl+scroll draws it (fm-render-context.c keeps its text layouts across
 * a zoom). */
#define ZOOM_STEPS 1000

static void
work_zoom_frame (gpointer data)
{
  Bench *b = data;
  double zoom = b->drag_count++ % 2 ? 1.1 : 1.0;
  cairo_t *cr = cairo_create (b->surface);
  FmRenderOptions options;

  clear (cr);
  fm_render_options_init (&options);
  options.document = b->doc;
  options.timeline = TRUE;
  options.visible = (FmRect) { b->view.x, b->view.y, VIEW_W / zoom, VIEW_H / zoom };
  options.routes = b->routes;
  options.metrics = b->metrics;
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -b->view.x, -b->view.y);
  fm_renderer_draw (cr, b->map, &options);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static int
bench_zoom (gboolean json)
{
  g_autoptr(FmDocument) doc = generate (ZOOM_STEPS);
  Bench b = { doc };
  double ms;

  b.map = fm_document_get_map (doc, 0);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  fm_map_get_content_bounds (b.map, &b.content);
  b.view = (FmRect) { b.content.x + b.content.width / 2 - VIEW_W / 2.0,
                      b.content.y + b.content.height / 2 - VIEW_H / 2.0, VIEW_W, VIEW_H };
  b.routes = fm_edge_routes_new (b.map);
  b.metrics = fm_metrics_compute (doc, b.map, NULL);
  ms = median_ms (work_zoom_frame, &b);
  if (json)
    printf ("{\"steps\": %u, \"zoom_frame_ms\": %.3f}\n", ZOOM_STEPS, ms);
  else
    printf ("a frame after a zoom step, %u steps: %.2f ms (median of %d)\n", ZOOM_STEPS, ms, n_runs);

  fm_metrics_free (b.metrics);
  fm_edge_routes_free (b.routes);
  cairo_surface_destroy (b.surface);

  return 0;
}

/* The node dragged: one in the middle of the map, so on screen. */
static FmNode *
drag_node (Bench *b)
{
  return fm_map_get_node (b->map, fm_map_get_n_nodes (b->map) / 2);
}

/* One motion event of a drag without a display: the node moves one grid
 * step through the document, the routes are brought up to date as the
 * canvas does (only what the move touches), and the viewport is drawn. */
static void
work_drag_frame (gpointer data)
{
  Bench *b = data;
  const char *ids[] = { fm_node_get_id (drag_node (b)), NULL };

  fm_document_move_nodes (b->doc, b->map, ids, (b->drag_count++ % 2) ? -10 : 10, 0);
  fm_edge_routes_update (b->routes, b->map);
  draw_view (b);
}

#ifdef FM_BENCH_CANVAS
/* The canvas at 1920 × 1080, 100 %, over the middle of the map. */
static FmCanvas *
canvas_new (Bench *b)
{
  FmCanvas *canvas = g_object_ref_sink (FM_CANVAS (fm_canvas_new ()));
  int min, nat;

  fm_canvas_set_map (canvas, b->doc, b->map);
  gtk_widget_measure (GTK_WIDGET (canvas), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (canvas), GTK_ORIENTATION_VERTICAL, VIEW_W, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (canvas), &(GtkAllocation) { 0, 0, VIEW_W, VIEW_H }, -1);
  fm_canvas_state_set_view (fm_canvas_get_state (canvas), 1.0, b->view.x, b->view.y);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return canvas;
}

/* What GTK does for a frame: the idles due before it (the metrics cache's
 * among them), then the widget's snapshot, drawn as the Cairo renderer
 * draws it. */
static void
canvas_frame (Bench *b)
{
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_t *cr;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (b->canvas)->snapshot (GTK_WIDGET (b->canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  /* The canvas paints its background itself. */
  cr = cairo_create (b->surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
  g_clear_pointer (&node, gsk_render_node_unref);
}

/* One motion event of a real drag: the canvas's gesture reports the
 * pointer one grid step further, the canvas moves the node through the
 * document, and the next frame is drawn. */
static void
work_canvas_drag_frame (gpointer data)
{
  Bench *b = data;

  g_signal_emit_by_name (b->canvas->primary_drag, "drag-update",
                         (b->drag_count++ % 2) ? 0.0 : FM_CANVAS_GRID, 0.0);
  canvas_frame (b);
}

static void
canvas_drag_begin (Bench *b)
{
  FmNode *node = drag_node (b);
  FmRect r;
  double x, y;

  fm_node_get_bounds (node, &r);
  fm_canvas_state_to_widget (fm_canvas_get_state (b->canvas), r.x + r.width / 2, r.y + r.height / 2, &x, &y);
  g_signal_emit_by_name (b->canvas->primary_drag, "drag-begin", x, y);
  /* Past the threshold: from here on each update is a move. */
  g_signal_emit_by_name (b->canvas->primary_drag, "drag-update", 0.0, 20.0);
  g_signal_emit_by_name (b->canvas->primary_drag, "drag-update", 0.0, 0.0);
  g_assert_nonnull (fm_canvas_tools_get_moved_ids (b->canvas));
}

static void
canvas_drag_end (Bench *b)
{
  g_signal_emit_by_name (b->canvas->primary_drag, "drag-end", 0.0, 0.0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
#endif

static void
work_metrics (gpointer data)
{
  Bench *b = data;
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (b->doc, b->map, NULL);

  g_assert (metrics->lead_time_s > 0);
}

static void
work_load (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_data (b->json, b->json_length, "bench.flowmap", &error);

  g_assert_no_error (error);
}

static void
work_save (gpointer data)
{
  Bench *b = data;
  g_autofree char *text = fm_json_save_to_data (b->doc, NULL);
}

static void
export_to (Bench          *b,
           FmExportFormat  format,
           const char     *name)
{
  g_autofree char *path = g_build_filename (b->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  FmExportOptions options;

  fm_export_options_init (&options);
  if (!fm_export_map (b->doc, b->map, path, format, &options, &error))
    g_error ("%s", error->message);
}

static void
work_export_png (gpointer data)
{
  Bench *b = data;
  g_autofree char *path = g_build_filename (b->dir, "bench.png", NULL);
  g_autoptr(GError) error = NULL;
  FmExportOptions options;

  fm_export_options_init (&options);
  options.scale = b->png_scale;
  if (!fm_export_map (b->doc, b->map, path, FM_EXPORT_FORMAT_PNG, &options, &error))
    g_error ("%s", error->message);
}

static void
work_export_svg (gpointer data)
{
  export_to (data, FM_EXPORT_FORMAT_SVG, "bench.svg");
}

/* The floor: what the export draws, with bare Cairo calls (bench-floor.c). */
static void
work_floor_svg (gpointer data)
{
  Bench *b = data;
  g_autofree char *path = g_build_filename (b->dir, "floor.svg", NULL);

  bench_floor_draw_svg (b->floor, path);
}

/* The topmost node at a point through the routes' index, as the canvas
 * looks it up. */
static gboolean
node_at (Bench  *b,
         double  x,
         double  y)
{
  GArray *found = fm_node_index_find (fm_edge_routes_get_nodes (b->routes), &(FmRect) { x, y, 0, 0 });

  for (guint k = found->len; k > 0; k--)
    if (fm_node_contains (fm_map_get_node (b->map, g_array_index (found, guint, k - 1)), x, y))
      return TRUE;

  return FALSE;
}

/* What is under each of 1,000 points spread over the map (on nodes, on
 * edges, between them), as the canvas finds it when pressed; microseconds
 * per look-up. With a display, fm_canvas_hit_test() itself. */
static double
hit_test_us (Bench *b)
{
  const guint n_points = 1000;
  g_autofree double *times = g_new (double, n_runs);
  guint found = 0;

  for (int run = -1; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint k = 0; k < n_points; k++)
        {
          double x = b->content.x + fmod (k * 7919.0, b->content.width);
          double y = b->content.y + fmod (k * 104729.0, b->content.height);

#ifdef FM_BENCH_CANVAS
          if (b->canvas != NULL)
            {
              FmCanvasHit hit;
              double wx, wy;

              fm_canvas_state_to_widget (fm_canvas_get_state (b->canvas), x, y, &wx, &wy);
              fm_canvas_hit_test (b->canvas, wx, wy, &hit);
              found += hit.type == FM_CANVAS_HIT_NODE;
              continue;
            }
#endif
          found += node_at (b, x, y);
        }
      if (run >= 0)
        times[run] = (g_get_monotonic_time () - start) / (double) n_points;
    }
  g_assert (found > 0);
  qsort (times, n_runs, sizeof (double), compare_doubles);

  return times[n_runs / 2];
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The peak RSS of this process's own memory since exec, in MiB: Linux
 * carries getrusage()'s maximum over from the parent through fork and
 * exec, /proc's high-water mark is the new image's own. */
static double
own_peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return peak_rss_mb ();

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* The peak RSS of a process that loads the map from JSON and draws it,
 * fitted and at 100 % (with its routes): what the map costs in memory,
 * without what the other figures' work (a big PNG) left behind. */
static double
child_rss_mb (Bench *b)
{
  g_autofree char *path = g_build_filename (b->dir, "bench.flowmap", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, "--rss-of", path, NULL };
  int status;

  if (!g_file_set_contents (path, b->json, b->json_length, &error) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("measuring the RSS: %s", error->message);
  g_remove (path);

  return g_ascii_strtod (out, NULL);
}

/* --rss-of: the child of child_rss_mb(). */
static int
rss_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  Bench b = { 0 };
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (doc == NULL)
    g_error ("%s", error->message);
  b.doc = doc;
  b.map = fm_document_get_map (doc, 0);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  fm_map_get_content_bounds (b.map, &b.content);
  b.view = (FmRect) { b.content.x + b.content.width / 2 - VIEW_W / 2.0,
                      b.content.y + b.content.height / 2 - VIEW_H / 2.0, VIEW_W, VIEW_H };
  b.routes = fm_edge_routes_new (b.map);
  b.metrics = fm_metrics_compute (b.doc, b.map, NULL);
  work_render_fit (&b);
  draw_view (&b);
  fm_metrics_free (b.metrics);
  printf ("%s\n", g_ascii_formatd (number, sizeof number, "%.1f", own_peak_rss_mb ()));
  fm_edge_routes_free (b.routes);
  cairo_surface_destroy (b.surface);

  return 0;
}

static Result
measure (guint steps)
{
  const char *names[] = { "bench.png", "bench.svg", "floor.svg" };
  Bench b = { 0 };
  Result r = { .steps = steps };

  b.doc = generate (steps);
  b.map = fm_document_get_map (b.doc, 0);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  fm_map_get_content_bounds (b.map, &b.content);
  b.view = (FmRect) { b.content.x + b.content.width / 2 - VIEW_W / 2.0,
                      b.content.y + b.content.height / 2 - VIEW_H / 2.0, VIEW_W, VIEW_H };
  b.json = fm_json_save_to_data (b.doc, &b.json_length);
  b.dir = g_dir_make_tmp ("flowmap-bench-XXXXXX", NULL);
  b.routes = fm_edge_routes_new (b.map);
  b.metrics = fm_metrics_compute (b.doc, b.map, NULL);
  {
    FmRenderOptions options;
    FmRect extents;

    fm_render_options_init (&options);
    options.document = b.doc;
    options.timeline = TRUE;
    options.routes = b.routes;
    fm_renderer_get_extents (b.map, &options, &extents);
    b.png_scale = MIN (1.0, PNG_MAX_SIDE / (MAX (extents.width, extents.height) + 48));
  }
  b.floor = bench_floor_new (b.doc, b.map, b.routes, b.metrics);

  r.render_fit_ms = wanted ("render_fit_ms") ? median_ms (work_render_fit, &b) : -1;
  r.render_view_ms = wanted ("render_view_ms") ? median_ms (work_render_view, &b) : -1;
  r.hit_test_us = r.drag_frame_ms = -1;
#ifdef FM_BENCH_CANVAS
  if (have_display)
    {
      b.canvas = canvas_new (&b);
      if (wanted ("hit_test_us"))
        r.hit_test_us = hit_test_us (&b);
      if (wanted ("drag_frame_ms"))
        {
          canvas_drag_begin (&b);
          r.drag_frame_ms = median_ms (work_canvas_drag_frame, &b);
          canvas_drag_end (&b);
        }
      g_clear_object (&b.canvas);
    }
  else
#endif
    {
      if (wanted ("hit_test_us"))
        r.hit_test_us = hit_test_us (&b);
      if (wanted ("drag_frame_ms"))
        r.drag_frame_ms = median_ms (work_drag_frame, &b);
    }
  r.metrics_ms = wanted ("metrics_ms") ? median_ms (work_metrics, &b) : -1;
  r.load_ms = wanted ("load_ms") ? median_ms (work_load, &b) : -1;
  r.save_ms = wanted ("save_ms") ? median_ms (work_save, &b) : -1;
  r.export_png_ms = wanted ("export_png_ms") ? median_ms (work_export_png, &b) : -1;
  r.export_svg_ms = wanted ("export_svg_ms") ? median_ms (work_export_svg, &b) : -1;
  r.floor_svg_ms = wanted ("floor_svg_ms") ? median_ms (work_floor_svg, &b) : -1;
  r.rss_mb = wanted ("rss_mb") ? child_rss_mb (&b) : -1;

  if (keep_dir != NULL)
    for (guint i = 1; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *from = g_build_filename (b.dir, names[i], NULL);
        g_autofree char *name = g_strdup_printf ("%u-%s", steps, names[i]);
        g_autofree char *to = g_build_filename (keep_dir, name, NULL);

        if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
          g_error ("keeping %s: %s", to, g_strerror (errno));
      }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (b.dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (b.dir);
  g_free (b.dir);
  g_free (b.json);
  fm_edge_routes_free (b.routes);
  fm_metrics_free (b.metrics);
  bench_floor_free (b.floor);
  cairo_surface_destroy (b.surface);
  g_object_unref (b.doc);

  return r;
}

static void
print_json (const Result *r)
{
  printf ("{\"steps\": %u, \"render_fit_ms\": %.3f, \"render_view_ms\": %.3f, "
          "\"hit_test_us\": %.3f, \"drag_frame_ms\": %.3f, \"metrics_ms\": %.3f, "
          "\"load_ms\": %.3f, \"save_ms\": %.3f, \"export_png_ms\": %.3f, "
          "\"export_svg_ms\": %.3f, \"floor_svg_ms\": %.3f, \"rss_mb\": %.1f}\n",
          r->steps, r->render_fit_ms, r->render_view_ms, r->hit_test_us, r->drag_frame_ms,
          r->metrics_ms, r->load_ms, r->save_ms, r->export_png_ms, r->export_svg_ms,
          r->floor_svg_ms, r->rss_mb);
}

/* Each case of bench-scaling.c at each factor of its red-team size, with
 * fewer runs than the maps: one run of the largest takes seconds. Besides
 * the wall clock, the processor time of the run: near-linear work takes
 * about ten times as much at 10×, whatever else the machine does. */
static void
measure_scaling (char     **factors,
                 gboolean   json)
{
  int map_runs = n_runs;

  n_runs = MIN (n_runs, 5);
  if (!json)
    printf ("\n(load average %.2f)\n%-18s %8s %9s %10s %10s %9s  %s\n", load_average (),
            "case", "factor", "size", "ms", "cpu ms", "cpu µs/u", "unit");
  for (guint c = 0; c < BENCH_SCALING_N_CASES; c++)
    {
      const char *key = bench_scaling_key (c);

      if (!wanted (key))
        continue;
      for (guint i = 0; factors[i] != NULL; i++)
        {
          double factor = g_ascii_strtod (factors[i], NULL);
          guint size = (guint) MAX (1, bench_scaling_size (c) * factor);
          BenchScaling *s;
          double ms, cpu_ms;
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (number, sizeof number, "%g", factor);
          if (size > bench_scaling_max_size (c))
            {
              if (json)
                printf ("{\"case\": \"%s\", \"factor\": %s, \"size\": %u, \"ms\": null, \"us_per_unit\": null, "
                        "\"cpu_ms\": null, \"cpu_us_per_unit\": null}\n", key, number, size);
              else
                printf ("%-18s %8s %9u %10s %10s %9s  %s (not timed: still quadratic)\n", key, number, size, "-", "-", "-",
                        bench_scaling_unit (c));
              continue;
            }
          s = bench_scaling_new (c, size);
          ms = median_ms_and_cpu (bench_scaling_work, s, &cpu_ms);
          bench_scaling_free (s);
          if (json)
            printf ("{\"case\": \"%s\", \"factor\": %s, \"size\": %u, \"ms\": %.3f, \"us_per_unit\": %.4f, "
                    "\"cpu_ms\": %.3f, \"cpu_us_per_unit\": %.4f, \"load\": %.2f}\n",
                    key, number, size, ms, ms * 1000 / size, cpu_ms, cpu_ms * 1000 / size, load_average ());
          else
            printf ("%-18s %8s %9u %10.2f %10.2f %9.4f  %s\n", key, number, size, ms, cpu_ms, cpu_ms * 1000 / size,
                    bench_scaling_unit (c));
          fflush (stdout);
        }
    }
  n_runs = map_runs;
}

static void
print_row (const Result *r)
{
  printf ("%6u %10.2f %10.2f %9.2f %10.2f %9.2f %8.2f %8.2f %10.2f %10.2f %9.2f %7.1f\n",
          r->steps, r->render_fit_ms, r->render_view_ms, r->hit_test_us, r->drag_frame_ms,
          r->metrics_ms, r->load_ms, r->save_ms, r->export_png_ms, r->export_svg_ms,
          r->floor_svg_ms, r->rss_mb);
}

/* --discover N: the median time of fm_discover() on a log of N events. */
static int
bench_discover (int      n_events,
                gboolean json)
{
  guint n_items = 0, n_nodes = 0;
  double ms = bench_discover_ms (n_events, n_runs, &n_items, &n_nodes);

  if (json)
    printf ("{\"events\": %d, \"items\": %u, \"nodes\": %u, \"discover_ms\": %.3f}\n",
            n_events, n_items, n_nodes, ms);
  else
    printf ("%d events, %u items: drafted %u nodes in %.1f ms (median of %d runs)\n",
            n_events, n_items, n_nodes, ms, n_runs);

  return 0;
}

/* A fan of @size_arg steps (the scaling case's map) as a file. */
static int
save_fan (const char *size_arg,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autofree char *text = NULL;
  BenchScaling *fan;
  guint64 steps = 0;
  gsize length;

  if (size_arg == NULL || !g_ascii_string_to_unsigned (size_arg, 10, 1, 100000, &steps, &error))
    {
      g_printerr ("flowmap-bench: --save-fan needs --sizes=N, 1 to 100000\n");
      return 2;
    }
  fan = bench_scaling_new (BENCH_SCALING_FAN, steps);
  g_object_set (doc, "title", "Fan", NULL);
  fm_document_add_map (doc, bench_scaling_get_map (fan), 0);
  text = fm_json_save_to_data (doc, &length);
  bench_scaling_free (fan);
  if (!g_file_set_contents (path, text, length, &error))
    {
      g_printerr ("flowmap-bench: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean json = FALSE;
  g_autofree char *sizes_arg = NULL;
  g_autofree char *rss_path = NULL;
  g_autofree char *only_arg = NULL;
  g_autofree char *save_path = NULL;
  g_autofree char *save_fan_path = NULL;
  gboolean simulate = FALSE;
  g_autofree char *scaling_arg = NULL;
  g_auto(GStrv) factors = NULL;
  int discover_events = 0;
  gboolean data = FALSE;
  gboolean zoom = FALSE;
  GOptionEntry entries[] = {
    { "zoom", 0, 0, G_OPTION_ARG_NONE, &zoom, "Time only a frame of the 1,000-step map after each zoom step", NULL },
    { "data", 0, 0, G_OPTION_ARG_NONE, &data, "Time only the data features at their target sizes (discovery, simulation, observed figures, draw.io), at most 5 runs", NULL },
    { "simulate", 0, 0, G_OPTION_ARG_NONE, &simulate, "Time only the flow simulation of 200,000 items through 100 steps", NULL },
    { "discover", 0, 0, G_OPTION_ARG_INT, &discover_events, "Time drafting a map from a log of N events instead, and stop (bench-discover.c)", "N" },
    { "save-map", 0, 0, G_OPTION_ARG_FILENAME, &save_path, "Save the map of the first size to FILE and stop (for flowmap-first-frame)", "FILE" },
    { "save-fan", 0, 0, G_OPTION_ARG_FILENAME, &save_fan_path, "Save a fan of the first size's steps (trigger → steps in rows of 70 → outcome) to FILE and stop (to time flowmap export on it)", "FILE" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_arg, "Measure only these figures (comma-separated keys); the others print as -1, for profiling", "KEY,…" },
    { "keep-svg", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep the export's and the floor's SVGs of each size in DIR, to compare them", "DIR" },
    { "rss-of", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &rss_path, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object per size", NULL },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Comma-separated step counts (default 100,1000,10000)", "N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs per figure, after one warm-up (default 20; at most 5 for the scaling cases)", "N" },
    { "scaling", 0, 0, G_OPTION_ARG_STRING, &scaling_arg, "Comma-separated factors of the red-team sizes of the once quadratic cases (default 0.1,1,10; 0 for none)", "F,…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Times rendering, hit testing, dragging, metrics, "
                                "loading, saving and export on generated maps.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1)
    {
      g_printerr ("flowmap-bench: %s\n", error ? error->message : "--runs must be at least 1");
      return 2;
    }

  if (rss_path != NULL)
    return rss_of (rss_path);
  if (simulate)
    return bench_simulate (json);
  if (data)
    return bench_data (json);
  if (zoom)
    return bench_zoom (json);
  if (discover_events > 0)
    return bench_discover (discover_events, json);
  if (only_arg != NULL)
    only = g_strsplit (only_arg, ",", -1);

  self_path = argv[0];
#ifdef FM_BENCH_CANVAS
  have_display = gtk_init_check ();
  if (!have_display)
    g_printerr ("flowmap-bench: no display: the drag frame and the hit test go without the canvas widget\n");
#endif

  sizes = g_strsplit (sizes_arg ? sizes_arg : "100,1000,10000", ",", -1);
  if (save_fan_path != NULL)
    return save_fan (sizes[0], save_fan_path);
  if (!json && sizes[0] != NULL)
    printf ("%6s %10s %10s %9s %10s %9s %8s %8s %10s %10s %9s %7s\n",
            "steps", "fit ms", "view ms", "hit µs", "drag ms", "metrics", "load", "save",
            "png ms", "svg ms", "floor ms", "rss MB");

  if (save_path != NULL)
    {
      guint64 steps = 0;
      g_autoptr(FmDocument) doc = NULL;
      g_autofree char *text = NULL;
      gsize length;

      if (!g_ascii_string_to_unsigned (sizes[0], 10, 1, 100000, &steps, &error))
        g_error ("%s", error->message);
      doc = generate (steps);
      text = fm_json_save_to_data (doc, &length);
      if (!g_file_set_contents (save_path, text, length, &error))
        g_error ("%s", error->message);
      return 0;
    }

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint64 steps;
      Result r;

      if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, 100000, &steps, NULL))
        {
          g_printerr ("flowmap-bench: “%s” is not a step count\n", sizes[i]);
          return 2;
        }
      r = measure (steps);
      if (json)
        print_json (&r);
      else
        print_row (&r);
      fflush (stdout);
    }

  factors = g_strsplit (scaling_arg ? scaling_arg : "0.1,1,10", ",", -1);
  for (guint i = 0; factors[i] != NULL; i++)
    if (!(g_ascii_strtod (factors[i], NULL) >= 0 && g_ascii_strtod (factors[i], NULL) <= 100))
      {
        g_printerr ("flowmap-bench: “%s” is not a factor between 0 and 100\n", factors[i]);
        return 2;
      }
  if (!g_str_equal (factors[0] ? factors[0] : "0", "0"))
    measure_scaling (factors, json);

  return 0;
}
