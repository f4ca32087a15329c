/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-charts.c: the charts of observed flow data, drawn and looked at pixel by pixel
 *
 * A hand-made log, in UTC; day n is 2026-03-02 + n days (day 0 a Monday),
 * looked at as of the end of day 20. The map: backlog (queue) → build (step).
 *
 *   item  backlog  build  done   lead
 *   A     0        1      3      3
 *   B     0        2      4      4
 *   C     1        3      9      8
 *   D     7        8      15     8
 *   E     8        10     15     7
 *   F     6        11     16     10
 *   G     14       15     –      in progress, 7 d old
 *   H     2        4      –      in progress, 19 d old: older than the 85th percentile
 *   I     18       –      –      in progress, 3 d old
 *
 * Lead times 3 4 7 8 8 10: median 7.5 d, 85th percentile 8.5 d, 95th 9.5 d.
 * Weeks: 2 (A, B), 1 (C), 3 (D, E, F) finished; all three whole; mean 2.
 * At the end of day 20: 6 done, 2 in build (G, H), 1 in the backlog (I).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fm-chart.h"
#include "fm-chart-private.h"
#include "fm-chart-balance.h"
#include "fm-export-chart.h"
#include "fm-json.h"
#include "fm-metrics.h"
#include "fm-observed-series.h"
#include "fm-renderer.h"

#define D 86400
#define T0 1772409600 /* 2026-03-02T00:00Z */
#define WIDTH 960
#define HEIGHT 540

static const char map_text[] =
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"current\", \"nodes\": ["
  "{\"id\": \"start\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
  "{\"id\": \"build\", \"kind\": \"process\", \"label\": \"Build\", \"x\": 300, \"y\": 0},"
  "{\"id\": \"backlog\", \"kind\": \"queue\", \"label\": \"Backlog\", \"x\": 100, \"y\": 0},"
  "{\"id\": \"end\", \"kind\": \"outcome\", \"x\": 500, \"y\": 0}"
  "], \"edges\": []}]}";

static const struct {
  const char *item;
  const char *type;
  int backlog, build, done;   /* days; -1: not (yet) */
} items[] = {
  { "A", "feature", 0, 1, 3 },
  { "B", "defect", 0, 2, 4 },
  { "C", "feature", 1, 3, 9 },
  { "D", "feature", 7, 8, 15 },
  { "E", "defect", 8, 10, 15 },
  { "F", "feature", 6, 11, 16 },
  { "G", "feature", 14, 15, -1 },
  { "H", "feature", 2, 4, -1 },
  { "I", "defect", 18, -1, -1 },
};

typedef struct {
  FmDocument *document;
  FmMap *map;
  FmObservedLog *log;
  FmObservedMapping *mapping;
  FmObserved *observed;
  FmObservedSeries *series;
  GTimeZone *utc;
  GDateTime *to;
} Fixture;

static void
add_visit (FmObservedLog *log,
           const char    *item,
           const char    *type,
           guint          state,
           int            day)
{
  if (day >= 0)
    fm_observed_log_add_visit (log, item, type, state, T0 + (gint64) day * D, FM_OBSERVED_OPEN, 0);
}

static FmObservedLog *
hand_made_log (gboolean finished)
{
  FmObservedLog *log = fm_observed_log_new ();
  guint backlog = fm_observed_log_add_state (log, "Backlog");
  guint build = fm_observed_log_add_state (log, "Build");
  guint done = fm_observed_log_add_state (log, "Done");

  fm_observed_log_set_state_done (log, done, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      add_visit (log, items[i].item, items[i].type, backlog, items[i].backlog);
      add_visit (log, items[i].item, items[i].type, build, items[i].build);
      if (finished)
        add_visit (log, items[i].item, items[i].type, done, items[i].done);
    }
  fm_observed_log_seal (log);

  return log;
}

static void
compute (Fixture *f)
{
  FmObservedOptions options;

  fm_observed_options_init (&options);
  options.time_zone = f->utc;
  options.to = f->to;
  f->mapping = fm_observed_mapping_new (f->log, f->map);
  f->observed = fm_observed_compute (f->log, f->mapping, f->map, &options);
  f->series = fm_observed_series_compute (f->log, f->mapping, f->map, f->observed, &options);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->document = fm_json_load_data (map_text, -1, "charts.flowmap", &error);
  g_assert_no_error (error);
  f->map = fm_document_get_map (f->document, 0);
  f->utc = g_time_zone_new_utc ();
  f->to = g_date_time_new_from_unix_utc (T0 + 21 * D);
  f->log = hand_made_log (data == NULL);
  compute (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fm_observed_series_unref (f->series);
  fm_observed_unref (f->observed);
  fm_observed_mapping_unref (f->mapping);
  fm_observed_log_unref (f->log);
  g_date_time_unref (f->to);
  g_time_zone_unref (f->utc);
  g_assert_finalize_object (f->document);
}

static cairo_surface_t *
draw (Fixture     *f,
      FmChartKind  kind,
      double       width,
      double       height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  FmChartData data = { f->observed, f->series, 0, FALSE, NULL };

  fm_chart_draw (cr, kind, &data, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* FLOWMAP_CHARTS_KEEP=DIR keeps the images to look at. */
  if (g_getenv ("FLOWMAP_CHARTS_KEEP") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%.0fx%.0f.png", fm_chart_kind_to_string (kind), width, height);
      g_autofree char *path = g_build_filename (g_getenv ("FLOWMAP_CHARTS_KEEP"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }

  return surface;
}

/* Whether the pixel at (@x, @y) is within @tolerance of the colour @rgb. */
static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          guint32          rgb,
          int              tolerance)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
  int dr = (int) ((p >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((p >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (p & 0xff) - (int) (rgb & 0xff);

  return abs (dr) <= tolerance && abs (dg) <= tolerance && abs (db) <= tolerance;
}

/* The row between @y0 and @y1 with the most pixels of the colour. */
static int
row_with_most (cairo_surface_t *surface,
               guint32          rgb,
               int              y0,
               int              y1,
               int             *count)
{
  int width = cairo_image_surface_get_width (surface), best = -1, best_count = 0;

  for (int y = y0; y < y1; y++)
    {
      int n = 0;

      for (int x = 0; x < width; x++)
        n += pixel_is (surface, x, y, rgb, 40);
      if (n > best_count)
        {
          best = y;
          best_count = n;
        }
    }

  if (count != NULL)
    *count = best_count;
  return best;
}

#define INK 0x1d232b
#define MUTED 0x5e6772
#define BLUE 0x0072b2
#define VERMILLION 0xd55e00

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
test_kinds (void)
{
  for (FmChartKind kind = 0; kind < FM_N_CHARTS; kind++)
    {
      FmChartKind back;

      g_assert_true (fm_chart_kind_from_string (fm_chart_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (fm_chart_kind_get_title (kind));
    }
  {
    FmChartKind kind;

    g_assert_false (fm_chart_kind_from_string ("pie", &kind));
    g_assert_false (fm_chart_kind_from_string (NULL, &kind));
  }
}

/* The series agree with the figures: the same lead times, the same work
 * in progress each day, the finished items counted up. */
static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  FmObservedSeries *s = f->series;
  guint n_bands = s->bands->len;

  g_assert_cmpuint (f->observed->finished, ==, 6);
  g_assert_cmpfloat_with_epsilon (f->observed->lead_time_p50_s, 7.5 * D, 1e-6);
  /* The nearest rank: ⌈0.85 × 6⌉ = the 6th of the six lead times. */
  g_assert_cmpfloat_with_epsilon (f->observed->lead_time_p85_s, 10 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (f->observed->throughput_per_week, 2, 1e-9);

  /* In the order of the flow, left to right, then Done. */
  g_assert_cmpuint (n_bands, ==, 3);
  g_assert_cmpstr (g_array_index (s->bands, FmObservedBand, 0).node_id, ==, "backlog");
  g_assert_cmpstr (g_array_index (s->bands, FmObservedBand, 1).node_id, ==, "build");
  g_assert_null (g_array_index (s->bands, FmObservedBand, 2).node_id);
  g_assert_cmpint (fm_observed_series_lookup_band (s, "build"), ==, 1);
  g_assert_cmpint (fm_observed_series_lookup_band (s, "end"), ==, -1);

  /* The same lead times, and the finishes in time order. */
  g_assert_cmpuint (s->finishes->len, ==, f->observed->lead_times->len);
  {
    g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < s->finishes->len; i++)
      g_array_append_val (leads, g_array_index (s->finishes, FmObservedFinish, i).lead_s);
    g_array_sort (leads, compare_doubles);
    for (guint i = 0; i < leads->len; i++)
      g_assert_cmpfloat (g_array_index (leads, double, i), ==, g_array_index (f->observed->lead_times, double, i));
    for (guint i = 1; i < s->finishes->len; i++)
      g_assert_cmpint (g_array_index (s->finishes, FmObservedFinish, i - 1).finish, <=,
                       g_array_index (s->finishes, FmObservedFinish, i).finish);
  }

  g_assert_cmpuint (s->n_days, ==, f->observed->days->len);
  for (guint d = 0; d < s->n_days; d++)
    {
      const FmObservedDay *day = &g_array_index (f->observed->days, FmObservedDay, d);

      g_assert_cmpuint (fm_observed_series_get (s, d, 0) + fm_observed_series_get (s, d, 1), ==, day->wip);
    }

  g_assert_cmpuint (fm_observed_series_get (s, s->n_days - 1, 0), ==, 1);
  g_assert_cmpuint (fm_observed_series_get (s, s->n_days - 1, 1), ==, 2);
  g_assert_cmpuint (fm_observed_series_get (s, s->n_days - 1, 2), ==, 6);
  g_assert_cmpuint (fm_observed_series_get (s, 2, 2), ==, 0);
  g_assert_cmpuint (fm_observed_series_get (s, 3, 2), ==, 1);
}

/* The bars of 2, 1 and 3 items stand in that proportion, in the chart's blue. */
static void
test_throughput (Fixture       *f,
                 gconstpointer  data)
{
  cairo_surface_t *surface = draw (f, FM_CHART_THROUGHPUT, WIDTH, HEIGHT);
  int n_base, base = row_with_most (surface, MUTED, HEIGHT / 2, HEIGHT, &n_base);
  int heights[8] = { 0 }, n_bars = 0;
  gboolean in_bar = FALSE;

  /* Each bar from its top down to the baseline; the legend's swatch of
   * the same blue lies under the baseline. */
  for (int x = 0; x < WIDTH; x++)
    {
      int top = -1;

      for (int y = 0; y < base && top < 0; y++)
        if (pixel_is (surface, x, y, BLUE, 8))
          top = y;

      if (top >= 0 && !in_bar)
        {
          g_assert_cmpint (n_bars, <, (int) G_N_ELEMENTS (heights));
          n_bars++;
        }
      in_bar = top >= 0;
      if (top >= 0)
        heights[n_bars - 1] = MAX (heights[n_bars - 1], base - top);
    }

  g_test_message ("bars %d: %d %d %d", n_bars, heights[0], heights[1], heights[2]);
  g_assert_cmpint (n_base, >, WIDTH / 2);
  g_assert_cmpint (n_bars, ==, 3);
  g_assert_cmpint (abs (heights[0] - 2 * heights[1]), <=, 3);
  g_assert_cmpint (abs (2 * heights[2] - 3 * heights[0]), <=, 4);
  g_assert_cmpint (heights[2], >, HEIGHT / 3);

  cairo_surface_destroy (surface);
}

/* The lines of the percentiles are where their values say, over the baseline. */
static void
test_scatter (Fixture       *f,
              gconstpointer  data)
{
  cairo_surface_t *surface = draw (f, FM_CHART_SCATTER, WIDTH, HEIGHT);
  int n_p85, n_p50, n_base;
  int base = row_with_most (surface, MUTED, HEIGHT / 2, HEIGHT, &n_base);
  int p85 = row_with_most (surface, VERMILLION, 0, base, &n_p85);
  int p50 = row_with_most (surface, INK, 0, base - 2, &n_p50);
  double ratio = (double) (base - p85) / (base - p50);

  /* Long lines across the plot, not text. */
  g_assert_cmpint (n_base, >, WIDTH / 2);
  g_assert_cmpint (n_p50, >, WIDTH / 2);
  g_assert_cmpint (n_p85, >, WIDTH / 4);
  g_assert_cmpint (p85, <, p50);
  /* The 85th percentile by the nearest rank, 10 d, over the median 7.5 d. */
  g_assert_cmpfloat_with_epsilon (ratio, 10 / 7.5, 0.03);

  cairo_surface_destroy (surface);
}

/* H, older than the 85th percentile, is a vermillion dot above the dashed
 * line; every blue dot is below it. */
static void
test_aging (Fixture       *f,
            gconstpointer  data)
{
  cairo_surface_t *surface = draw (f, FM_CHART_AGING, WIDTH, HEIGHT);
  int n_line, line = row_with_most (surface, VERMILLION, 0, HEIGHT, &n_line);
  gboolean late_above = FALSE, blue_above = FALSE, blue_below = FALSE;

  g_assert_cmpint (n_line, >, WIDTH / 4);
  for (int y = 0; y < HEIGHT * 0.85; y++)
    for (int x = 80; x < WIDTH - 120; x++)
      {
        /* The dots are drawn at 90 % over white. */
        if (y < line - 4 && pixel_is (surface, x, y, VERMILLION, 30))
          late_above = TRUE;
        if (pixel_is (surface, x, y, BLUE, 30))
          {
            blue_above |= y < line - 4;
            blue_below |= y > line + 4;
          }
      }

  g_assert_true (late_above);
  g_assert_false (blue_above);
  g_assert_true (blue_below);
  cairo_surface_destroy (surface);
}

/* On the last day the bands stack up 6 done, 2 in build, 1 in the backlog. */
static void
test_cfd (Fixture       *f,
          gconstpointer  data)
{
  cairo_surface_t *surface = draw (f, FM_CHART_CFD, WIDTH, HEIGHT);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int n_base, base = row_with_most (surface, MUTED, HEIGHT / 2, HEIGHT, &n_base);
  int x = -1, runs[16] = { 0 }, n_runs = 0;
  guint32 last = 0;

  /* The rightmost column of the plot: the last one with a band just
   * over the baseline. */
  for (int c = WIDTH - 1; c >= 0 && x < 0; c--)
    {
      guint32 p = *(const guint32 *) (pixels + (gsize) (base - 3) * stride + (gsize) c * 4) & 0xffffff;

      if (p != 0xffffff && !pixel_is (surface, c, base - 3, MUTED, 10))
        x = c - 2;
    }
  g_assert_cmpint (x, >, WIDTH / 2);

  /* Runs of one colour from the baseline up; the white edges between
   * bands are left out. */
  for (int y = base - 2; y > 0; y--)
    {
      guint32 p = *(const guint32 *) (pixels + (gsize) y * stride + (gsize) x * 4) & 0xffffff;

      if (pixel_is (surface, x, y, 0xffffff, 40))
        continue;
      if (n_runs == 0 || !pixel_is (surface, x, y, last, 6))
        {
          if (n_runs == (int) G_N_ELEMENTS (runs))
            break;
          n_runs++;
          last = p;
        }
      runs[n_runs - 1]++;
    }

  /* The blends at the bands' edges make runs of a pixel or two. */
  {
    int bands[16] = { 0 }, n_bands = 0;

    for (int i = 0; i < n_runs; i++)
      if (runs[i] > 4)
        bands[n_bands++] = runs[i];
    g_test_message ("bands %d: %d %d %d", n_bands, bands[0], bands[1], bands[2]);
    g_assert_cmpint (n_bands, ==, 3);
    g_assert_cmpint (abs (bands[0] - 3 * bands[1]), <=, 8);
    g_assert_cmpint (abs (bands[1] - 2 * bands[2]), <=, 5);
  }

  cairo_surface_destroy (surface);
}

/* Every chart, at slide and panel sizes and tiny ones, without data to show. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  static const double sizes[][2] = { { WIDTH, HEIGHT }, { 320, 240 }, { 40, 30 }, { 1, 1 } };

  g_assert_cmpuint (f->observed->finished, ==, 0);
  for (FmChartKind kind = 0; kind < FM_N_CHARTS; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      cairo_surface_destroy (draw (f, kind, sizes[i][0], sizes[i][1]));
}

static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  FmChartData chart = { f->observed, f->series, 0, TRUE, "data.csv" };

  for (FmChartKind kind = 0; kind < FM_N_CHARTS; kind++)
    {
      static const double sizes[][2] = { { 300, 200 }, { 480, 270 }, { 1920, 1080 }, { 200, 900 } };

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0], sizes[i][1]);
          cairo_t *cr = cairo_create (surface);

          fm_chart_draw (cr, kind, &chart, sizes[i][0], sizes[i][1]);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          /* The page is painted: its corner is white. */
          cairo_surface_flush (surface);
          g_assert_true (pixel_is (surface, 0, 0, 0xffffff, 0));
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("flowmap-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "aging.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "cfd.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "scatter.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  FmChartData chart = { f->observed, f->series, 0, TRUE, "data.csv" };
  cairo_surface_t *image;
  gsize length;

  g_assert_true (fm_export_chart (FM_CHART_AGING, &chart, png, FM_EXPORT_FORMAT_PNG,
                                  FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, 2, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);

  g_assert_true (fm_export_chart (FM_CHART_CFD, &chart, svg, FM_EXPORT_FORMAT_SVG,
                                  FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, 2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "width=\"960px\""));
  g_assert_nonnull (strstr (contents, "height=\"540px\""));
  g_assert_cmpuint (length, >, 10000);
  g_clear_pointer (&contents, g_free);

  g_assert_true (fm_export_chart (FM_CHART_SCATTER, &chart, pdf, FM_EXPORT_FORMAT_PDF,
                                  FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  /* Failures name the file and leave nothing behind. */
  g_assert_false (fm_export_chart (FM_CHART_CFD, &chart, missing, FM_EXPORT_FORMAT_PNG,
                                   FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.png"));
  g_clear_error (&error);
  g_assert_false (fm_export_chart (FM_CHART_CFD, &chart, png, FM_EXPORT_FORMAT_PNG, 0, 540, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (fm_export_chart (FM_CHART_CFD, &chart, png, FM_EXPORT_FORMAT_PNG, 960, 540, 1000, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The earlier PNG is still whole. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  cairo_surface_destroy (image);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A node measured from data carries the green badge on its top left corner. */
static void
test_badge (Fixture       *f,
            gconstpointer  data)
{
  FmNode *build = fm_map_lookup_node (f->map, "build");
  FmRenderOptions options;
  FmRect b;
  int green[2];

  fm_render_options_init (&options);
  fm_node_get_bounds (build, &b);

  for (guint pass = 0; pass < 2; pass++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
      cairo_t *cr = cairo_create (surface);

      fm_node_set_observed (build, pass == 0 ? NULL : "observed 2026-03-02 – 2026-03-22, median of 6 items");
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, 50, 50);
      fm_renderer_draw (cr, f->map, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      green[pass] = 0;
      for (int y = (int) b.y + 50 - 12; y < b.y + 50 + 12; y++)
        for (int x = (int) b.x + 50 - 12; x < b.x + 50 + 12; x++)
          green[pass] += pixel_is (surface, x, y, 0x009e73, 12);
      cairo_surface_destroy (surface);
    }

  g_assert_cmpint (green[0], ==, 0);
  g_assert_cmpint (green[1], >, 60);
}

/* How the dots were placed before the lanes (issue 22): every dot against
 * every earlier one, which took 20 s for 20,000 items. */
static void
place_dots_by_pairs (GArray *points,
                     double  radius,
                     double  half_width)
{
  for (guint i = 0; i < points->len / 2; i++)
    {
      double *p = &g_array_index (points, double, 2 * i);
      double step = radius * 1.15;

      for (guint k = 0; k < 64; k++)
        {
          double dx = (k % 2 == 0 ? 1 : -1) * step * ((k + 1) / 2);
          gboolean clear = TRUE;

          if (fabs (dx) > half_width)
            {
              dx = 0;
              p[0] = dx;
              break;
            }
          for (guint j = 0; j < i && clear; j++)
            {
              const double *q = &g_array_index (points, double, 2 * j);

              clear = hypot (dx - q[0], p[1] - q[1]) >= 2 * radius + 0.5;
            }
          p[0] = dx;
          if (clear)
            break;
        }
    }
}

/* The dots land exactly where checking every pair put them: crowded and
 * sparse columns, narrow and wide, heights in order (as drawn) or not. */
static void
test_aging_dots (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  guint crowded = 0;

  for (guint round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 0, 600);
      double radius = round % 3 == 0 ? 3.0 : g_rand_double_range (rand, 3, 7);
      double half_width = g_rand_double_range (rand, -2, round % 2 ? 60 : 260);
      double spread = g_rand_double_range (rand, 0.5, round % 4 == 0 ? 30 : 400);
      g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree double *heights = g_new (double, n + 1);

      for (guint i = 0; i < n; i++)
        heights[i] = 100 + g_rand_double_range (rand, 0, spread);
      if (round % 5 != 0)
        qsort (heights, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
      for (guint i = 0; i < n; i++)
        {
          double point[2] = { 0, heights[i] };

          g_array_append_vals (lanes, point, 2);
          g_array_append_vals (pairs, point, 2);
        }

      fm_chart_place_dots (lanes, radius, half_width);
      place_dots_by_pairs (pairs, radius, half_width);
      g_assert_cmpuint (lanes->len, ==, pairs->len);
      for (guint i = 0; i < lanes->len; i++)
        g_assert_cmpfloat (g_array_index (lanes, double, i), ==, g_array_index (pairs, double, i));
      for (guint i = 0; i < lanes->len; i += 2)
        crowded += g_array_index (lanes, double, i) != 0;
    }
  /* The rounds did put dots beside each other. */
  g_assert_cmpuint (crowded, >, 1000);
}

/* Acme Stamping's cycle time / takt chart: a bar per step in the order of
 * the flow, Assembly #1 (62 s against a takt of 60 s) alone in the alert
 * colour, and names that overlap neither on a slide nor in a narrow panel. */
static void
test_balance (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "acme.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  const char *names[] = { "Stamping", "S. Weld #1", "S. Weld #2", "Assembly #1", "Assembly #2" };
  const double sizes[][2] = { { WIDTH, HEIGHT }, { 300, 260 } };
  g_autoptr(FmMetrics) metrics = NULL;
  FmMap *map;

  g_assert_no_error (error);
  map = fm_document_get_map (doc, 0);
  metrics = fm_metrics_compute (doc, map, NULL);
  g_assert_cmpfloat (metrics->takt_time_s, ==, 60);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FmBalanceBox));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[k][0], sizes[k][1]);
      cairo_t *cr = cairo_create (surface);
      guint n_labels = 0;

      fm_chart_balance_draw (cr, doc, map, metrics->takt_time_s, k == 0, sizes[k][0], sizes[k][1], boxes);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      g_assert_cmpuint (boxes->len, ==, G_N_ELEMENTS (names));
      for (guint i = 0; i < boxes->len; i++)
        {
          const FmBalanceBox *box = &g_array_index (boxes, FmBalanceBox, i);
          int cx = (int) (box->bar.x + box->bar.width / 2), cy = (int) (box->bar.y + box->bar.height / 2);

          g_assert_cmpstr (fm_node_get_label (box->node), ==, names[i]);
          g_assert_cmpint (box->over_takt, ==, i == 3);
          /* Left to right in the order of the flow */
          if (i > 0)
            g_assert_cmpfloat (box->bar.x, >, g_array_index (boxes, FmBalanceBox, i - 1).bar.x + box->bar.width);
          /* The bar in its colour (Stamping's 1 s is too thin to look at) */
          if (box->bar.height >= 3)
            g_assert_true (pixel_is (surface, cx, cy, box->over_takt ? VERMILLION : BLUE, 8));
          /* Assembly #1 is the tallest */
          if (i != 3)
            g_assert_cmpfloat (box->bar.y, >, g_array_index (boxes, FmBalanceBox, 3).bar.y);

          if (box->label.width <= 0)
            continue;
          n_labels++;
          for (guint j = 0; j < i; j++)
            {
              const FmRect *a = &g_array_index (boxes, FmBalanceBox, j).label;

              /* Names never overlap */
              g_assert_true (a->width <= 0 || a->x + a->width <= box->label.x + 0.01 ||
                             box->label.x + box->label.width <= a->x + 0.01);
            }
        }
      /* On the slide every step is named */
      if (k == 0)
        g_assert_cmpuint (n_labels, ==, G_N_ELEMENTS (names));
      g_assert_cmpuint (n_labels, >=, 2);
      cairo_surface_destroy (surface);
    }
}

/* The names of the aging chart's oldest items: two items of the same age
 * side by side would print one name over the other, and a name at the
 * 85 % line over the line. Each moves a line up or down, or is left out. */
static void
test_aging_names (void)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (FmRect));
  const double lines[] = { 200 };
  FmRect a = { 100, 100, 60, 12 }, b = a, c = a, d = { 100, 194, 60, 12 }, e;

  g_assert_true (fm_chart_place_name (placed, lines, 1, &a));
  g_assert_cmpfloat (a.y, ==, 100);
  /* The same place: one line up */
  g_assert_true (fm_chart_place_name (placed, lines, 1, &b));
  g_assert_cmpfloat (b.y, ==, 86);
  /* Up is taken now: one line down */
  g_assert_true (fm_chart_place_name (placed, lines, 1, &c));
  g_assert_cmpfloat (c.y, ==, 114);
  /* Across the line at 200 (194 to 206): moved up clear of it */
  g_assert_true (fm_chart_place_name (placed, lines, 1, &d));
  g_assert_cmpfloat (d.y + d.height, <=, 199);
  /* No room two lines either way: left out */
  for (guint i = 0; i < 2; i++)
    {
      e = (FmRect) { 100, 100, 60, 12 };
      fm_chart_place_name (placed, lines, 1, &e);
    }
  e = (FmRect) { 100, 100, 60, 12 };
  g_assert_false (fm_chart_place_name (placed, lines, 1, &e));
  /* None of those placed overlap */
  for (guint i = 0; i < placed->len; i++)
    for (guint j = 0; j < i; j++)
      {
        const FmRect *p = &g_array_index (placed, FmRect, i), *q = &g_array_index (placed, FmRect, j);

        g_assert_true (p->y + p->height <= q->y || q->y + q->height <= p->y ||
                       p->x + p->width <= q->x || q->x + q->width <= p->x);
      }
}

/* The charts read lead times as the map does: days with a decimal, and
 * their duration axes step in round numbers of days. */
static void
test_duration_units (void)
{
  FmChartData data = { .day_length_s = 86400 };
  FmChart chart = { .data = &data };
  FmChartScale scale;
  g_autofree char *median = NULL;
  g_autofree char *p85 = NULL;
  g_autofree char *short_wait = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *weeks = NULL;

  /* 5,520,060 s / 86,400 = 63.89 d: "63.9 d", once "9 w 1 d". */
  median = fm_chart_format_duration (&chart, 5520060);
  g_assert_cmpstr (median, ==, "63.9 d");
  /* 11 w 2 d = 79 d = 6,825,600 s: "79.0 d". */
  p85 = fm_chart_format_duration (&chart, 79 * 86400.0);
  g_assert_cmpstr (p85, ==, "79.0 d");
  /* Under a tenth of a day, the hour keeps it: 2 h, not "0.1 d". */
  short_wait = fm_chart_format_duration (&chart, 7200);
  g_assert_cmpstr (short_wait, ==, "2 h");

  /* Up to 95 d (97.9 d with the room above) in at most 6 ticks: steps of
   * 20 d (5 of them reach 100 d), not of whole weeks. */
  fm_chart_duration_scale (&chart, 95 * 86400.0, 6, &scale);
  g_assert_cmpfloat (scale.step, ==, 20 * 86400.0);
  g_assert_cmpfloat (scale.max, ==, 100 * 86400.0);
  tick = fm_chart_format_duration (&chart, scale.step);
  g_assert_cmpstr (tick, ==, "20.0 d");

  /* A document that reads weeks keeps week steps: 98 d = 14 w, 3 w ticks. */
  data.lead_unit = FM_TIME_UNIT_WEEKS;
  fm_chart_duration_scale (&chart, 95 * 86400.0, 6, &scale);
  g_assert_cmpfloat (scale.step, ==, 3 * 7 * 86400.0);
  weeks = fm_chart_format_duration (&chart, 79 * 86400.0);
  /* 79 / 7 = 11.29 w. */
  g_assert_cmpstr (weeks, ==, "11.3 w");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/charts/kinds", test_kinds);
  g_test_add_func ("/fm/charts/balance", test_balance);
  g_test_add_func ("/fm/charts/duration-units", test_duration_units);
  g_test_add_func ("/fm/charts/aging-names", test_aging_names);
  g_test_add ("/fm/charts/series", Fixture, NULL, fixture_set_up, test_series, fixture_tear_down);
  g_test_add ("/fm/charts/throughput", Fixture, NULL, fixture_set_up, test_throughput, fixture_tear_down);
  g_test_add ("/fm/charts/scatter", Fixture, NULL, fixture_set_up, test_scatter, fixture_tear_down);
  g_test_add ("/fm/charts/aging", Fixture, NULL, fixture_set_up, test_aging, fixture_tear_down);
  g_test_add_func ("/fm/charts/aging-dots", test_aging_dots);
  g_test_add ("/fm/charts/cfd", Fixture, NULL, fixture_set_up, test_cfd, fixture_tear_down);
  g_test_add ("/fm/charts/sizes", Fixture, NULL, fixture_set_up, test_sizes, fixture_tear_down);
  g_test_add ("/fm/charts/empty", Fixture, "unfinished", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/fm/charts/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/fm/charts/badge", Fixture, NULL, fixture_set_up, test_badge, fixture_tear_down);

  return g_test_run ();
}
