/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-data.c: how long the data features take at their target sizes
 *
 * A tracker's export of N state changes (10 states an item, ISO 8601
 * times, a type column, a quoted field now and then), shared with
 * bench-csv.c; the observed figures of such an export counted in a
 * working calendar; a draw.io file read and its edges routed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-data.h"
#include "fm-calendar.h"
#include "fm-csv-import.h"
#include "fm-drawio.h"
#include "fm-drawio-write.h"
#include "fm-edge-route.h"
#include "fm-map-private.h"
#include "fm-observed.h"

static const char * const states[] = {
  "Backlog", "Refinement", "Ready for Dev", "In Development", "Awaiting Security Review",
  "Security Review", "Waiting for Environment", "Integration Testing", "Ready for Release", "Done",
};

static const char * const types[] = { "feature", "defect", "\"debt, technical\"", "risk" };

char *
bench_csv_generate (guint    n_transitions,
                    gboolean naive)
{
  GString *out = g_string_new ("item,type,state,entered_at\r\n");
  guint n_states = G_N_ELEMENTS (states);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  for (guint i = 0; i * n_states < n_transitions; i++)
    {
      /* Items start a few hours apart and spend up to five days a state. */
      gint64 t = 1780000000 + (gint64) i * 3 * 3600;

      for (guint s = 0; s < n_states && i * n_states + s < n_transitions; s++)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
          g_autofree char *when = g_date_time_format (utc, naive ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%dT%H:%M:%S+00:00");

          g_string_append_printf (out, "ITEM-%u,%s,%s,%s\r\n", i + 1, types[i % G_N_ELEMENTS (types)],
                                  states[s], when);
          t += g_rand_int_range (rand, 600, 5 * 86400);
        }
    }

  return g_string_free (out, FALSE);
}

FmMap *
bench_csv_make_map (void)
{
  FmMap *map = fm_map_new ("bench");

  for (guint s = 0; s + 1 < G_N_ELEMENTS (states); s++)
    {
      gboolean waiting = fm_observed_state_means_waiting (states[s]);
      g_autofree char *id = g_strdup_printf ("n%u", s);
      g_autoptr(FmNode) node = fm_node_new (waiting ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS, id);

      fm_node_set_label (node, states[s]);
      fm_map_insert_node (map, s, node);
    }

  return map;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times,
        int     n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

/**
 * bench_observed_ms:
 * @import_ms: (out): the median time of reading the export (split and import)
 *
 * Returns: the median of @n_runs timings, after a warm-up, of the observed
 *   figures of an export of @n_transitions state changes against a map of
 *   its states, counted in working hours (Mon–Fri 09:00–17:00, two
 *   holidays): what the Observed page computes
 */
double
bench_observed_ms (guint   n_transitions,
                   int     n_runs,
                   double *import_ms,
                   guint  *n_items)
{
  g_autofree char *text = bench_csv_generate (n_transitions, FALSE);
  g_autoptr(FmMap) map = bench_csv_make_map ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCalendar) calendar = fm_calendar_parse ("Mon-Fri 09:00-17:00", tz, &error);
  g_autofree double *figures = g_new (double, n_runs);
  g_autofree double *import = g_new (double, n_runs);
  gsize length = strlen (text);

  g_assert_no_error (error);
  g_assert_true (fm_calendar_add_holiday (calendar, "2026-05-01"));
  g_assert_true (fm_calendar_add_holiday (calendar, "2026-12-25"));

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(FmCsv) csv = NULL;
      g_autoptr(FmObservedLog) log = NULL;
      g_autoptr(FmObservedMapping) mapping = NULL;
      g_autoptr(FmObserved) observed = NULL;
      FmCsvImportOptions import_options;
      FmObservedOptions options;
      gint64 t0, t1, t2;

      fm_csv_import_options_init (&import_options);
      import_options.time_zone = tz;
      fm_observed_options_init (&options);
      options.time_zone = tz;
      options.calendar = calendar;

      t0 = g_get_monotonic_time ();
      csv = fm_csv_parse (text, length, "bench.csv", 0, &error);
      g_assert_no_error (error);
      log = fm_csv_import (csv, &import_options, NULL, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      mapping = fm_observed_mapping_new (log, map);
      observed = fm_observed_compute (log, mapping, map, &options);
      t2 = g_get_monotonic_time ();
      g_assert_nonnull (observed);

      *n_items = fm_observed_log_get_n_items (log);
      if (run < 0)
        continue;
      import[run] = (t1 - t0) / 1000.0;
      figures[run] = (t2 - t1) / 1000.0;
    }

  *import_ms = median (import, n_runs);
  return median (figures, n_runs);
}

/**
 * bench_drawio_ms:
 * @document: its first map is written as a draw.io file, then timed
 *
 * Returns: the median of @n_runs timings, after a warm-up, of reading
 *   that draw.io file and routing the edges of the map it gives: what
 *   opening it shows
 */
double
bench_drawio_ms (FmDocument *document,
                 int         n_runs,
                 guint      *n_nodes)
{
  gsize length = 0;
  g_autofree char *data = fm_drawio_write_data (document, fm_document_get_map (document, 0), &length);
  g_autofree double *times = g_new (double, n_runs);

  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FmDocument) read = NULL;
      g_autoptr(FmEdgeRoutes) routes = NULL;
      gint64 t0 = g_get_monotonic_time ();

      read = fm_drawio_read_data (data, length, "bench.drawio", NULL, &error);
      g_assert_no_error (error);
      routes = fm_edge_routes_new (fm_document_get_map (read, 0));
      *n_nodes = fm_map_get_n_nodes (fm_document_get_map (read, 0));
      if (run >= 0)
        times[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  return median (times, n_runs);
}
