/* flowmap-bench.c: how long the things a user waits for take, on big maps
 *
 * Generates maps of 100, 1,000 and 10,000 process steps (each with a queue
 * before it, flow edges, labels, a rework loop every 50 steps and a kaizen
 * burst every 100) and prints, for each, the median of --runs timings after
 * a warm-up, on one thread. --json prints one object per size; without it, a
 * table. --sizes picks the sizes (CI runs the smallest as a smoke test).
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

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

#define VIEW_W 1920
#define VIEW_H 1080
#define PAIRS_PER_ROW 25

static int n_runs = 20;

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

/* The median of n_runs timings after one warm-up run, in milliseconds. */
static double
median_ms (Work     work,
           gpointer data)
{
  g_autofree double *times = g_new (double, n_runs);

  work (data);
  for (int i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      work (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, n_runs, sizeof (double), compare_doubles);

  return n_runs % 2 ? times[n_runs / 2] : (times[n_runs / 2 - 1] + times[n_runs / 2]) / 2;
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

/* One motion event of a drag: the node moves one step through the
 * document (as the canvas's drag does), the routes it invalidates are
 * recomputed, and the viewport is drawn again. */
static void
work_drag_frame (gpointer data)
{
  Bench *b = data;
  FmNode *node = fm_map_get_node (b->map, fm_map_get_n_nodes (b->map) / 2);
  const char *ids[] = { fm_node_get_id (node), NULL };

  fm_document_move_nodes (b->doc, b->map, ids, (b->drag_count++ % 2) ? -8 : 8, 0);
  g_clear_pointer (&b->routes, fm_edge_routes_free);
  b->routes = fm_edge_routes_new (b->map);
  draw_view (b);
}

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
  export_to (data, FM_EXPORT_FORMAT_PNG, "bench.png");
}

static void
work_export_svg (gpointer data)
{
  export_to (data, FM_EXPORT_FORMAT_SVG, "bench.svg");
}

/* The floor: the same boxes, lines and labels drawn to SVG with bare Cairo
 * calls and a plain text API, nothing of Flowmap's in the loop. */
static void
work_floor_svg (gpointer data)
{
  Bench *b = data;
  g_autofree char *path = g_build_filename (b->dir, "floor.svg", NULL);
  cairo_surface_t *surface = cairo_svg_surface_create (path, b->content.width + 48, b->content.height + 48);
  cairo_t *cr = cairo_create (surface);
  guint n = fm_map_get_n_nodes (b->map);

  cairo_translate (cr, 24 - b->content.x, 24 - b->content.y);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (b->map, i);
      FmRect r;

      fm_node_get_bounds (node, &r);
      cairo_set_source_rgb (cr, 0.86, 0.92, 0.98);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_stroke (cr);
      cairo_move_to (cr, r.x + 8, r.y + 20);
      cairo_show_text (cr, fm_node_get_label (node));
    }
  for (guint i = 0; i < fm_map_get_n_edges (b->map); i++)
    {
      FmEdge *edge = fm_map_get_edge (b->map, i);
      FmRect a, c;

      fm_node_get_bounds (fm_map_lookup_node (b->map, fm_edge_get_from (edge)), &a);
      fm_node_get_bounds (fm_map_lookup_node (b->map, fm_edge_get_to (edge)), &c);
      cairo_move_to (cr, a.x + a.width, a.y + a.height / 2);
      cairo_line_to (cr, c.x, c.y + c.height / 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

/* The node under each of 1,000 points spread over the map, as the canvas
 * finds it on pointer motion; microseconds per look-up. */
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
          guint n = fm_map_get_n_nodes (b->map);

          /* Topmost first, as drawn last. */
          for (guint i = n; i > 0; i--)
            if (fm_node_contains (fm_map_get_node (b->map, i - 1), x, y))
              {
                found++;
                break;
              }
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

static Result
measure (guint steps)
{
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

  r.render_fit_ms = median_ms (work_render_fit, &b);
  r.render_view_ms = median_ms (work_render_view, &b);
  r.hit_test_us = hit_test_us (&b);
  r.drag_frame_ms = median_ms (work_drag_frame, &b);
  r.metrics_ms = median_ms (work_metrics, &b);
  r.load_ms = median_ms (work_load, &b);
  r.save_ms = median_ms (work_save, &b);
  r.export_png_ms = median_ms (work_export_png, &b);
  r.export_svg_ms = median_ms (work_export_svg, &b);
  r.floor_svg_ms = median_ms (work_floor_svg, &b);
  r.rss_mb = peak_rss_mb ();

  {
    const char *names[] = { "bench.png", "bench.svg", "floor.svg" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (b.dir, names[i], NULL);

        g_remove (path);
      }
  }
  g_rmdir (b.dir);
  g_free (b.dir);
  g_free (b.json);
  fm_edge_routes_free (b.routes);
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

static void
print_row (const Result *r)
{
  printf ("%6u %10.2f %10.2f %9.2f %10.2f %9.2f %8.2f %8.2f %10.2f %10.2f %9.2f %7.1f\n",
          r->steps, r->render_fit_ms, r->render_view_ms, r->hit_test_us, r->drag_frame_ms,
          r->metrics_ms, r->load_ms, r->save_ms, r->export_png_ms, r->export_svg_ms,
          r->floor_svg_ms, r->rss_mb);
}

int
main (int   argc,
      char *argv[])
{
  gboolean json = FALSE;
  g_autofree char *sizes_arg = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object per size", NULL },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Comma-separated step counts (default 100,1000,10000)", "N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs per figure, after one warm-up (default 20)", "N" },
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

  sizes = g_strsplit (sizes_arg ? sizes_arg : "100,1000,10000", ",", -1);
  if (!json)
    printf ("%6s %10s %10s %9s %10s %9s %8s %8s %10s %10s %9s %7s\n",
            "steps", "fit ms", "view ms", "hit µs", "drag ms", "metrics", "load", "save",
            "png ms", "svg ms", "floor ms", "rss MB");

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

  return 0;
}
