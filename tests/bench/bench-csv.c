/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-csv.c: how long importing a tracker's export takes
 *
 * Generates an export of --transitions state changes (10 states an item,
 * ISO 8601 times with an offset, a type column, a quoted field now and
 * then) and prints the median of --runs timings, after a warm-up, of:
 * splitting the CSV, importing it (shape, columns, times, states) and
 * computing the figures against a map of the ten states. --naive writes
 * times without an offset, which go through the time zone. No timing is
 * asserted: this is a measurement, not a test.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fm-csv-import.h"
#include "fm-map-private.h"
#include "fm-observed.h"
#include "bench-data.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  int n_transitions = 50000;
  int n_runs = 7;
  gboolean naive = FALSE;
  GOptionEntry entries[] = {
    { "transitions", 't', 0, G_OPTION_ARG_INT, &n_transitions, "State changes in the export (default: 50000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Timed runs (default: 7)", "N" },
    { "naive", 0, 0, G_OPTION_ARG_NONE, &naive, "Times without an offset", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) parse_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) compute_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FmMap) map = bench_csv_make_map ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *text = NULL;
  guint n_items = 0, n_visits = 0;
  gsize length;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_transitions < 1 || n_runs < 1)
    {
      g_printerr ("bench-csv: %s\n", error != NULL ? error->message : "--transitions and --runs take a number above 0");
      return 2;
    }
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  text = bench_csv_generate (n_transitions, naive);
  length = strlen (text);

  /* One run more than timed: the first warms caches and the time zone. */
  for (int run = 0; run <= n_runs; run++)
    {
      g_autoptr(FmCsv) csv = NULL;
      g_autoptr(FmObservedLog) log = NULL;
      g_autoptr(FmObservedMapping) mapping = NULL;
      g_autoptr(FmObserved) observed = NULL;
      FmCsvImportOptions import_options;
      FmObservedOptions options;
      gint64 t0, t1, t2, t3;
      double ms;

      fm_csv_import_options_init (&import_options);
      import_options.time_zone = tz;
      fm_observed_options_init (&options);
      options.time_zone = tz;

      t0 = g_get_monotonic_time ();
      csv = fm_csv_parse (text, length, "bench.csv", 0, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      log = fm_csv_import (csv, &import_options, NULL, &error);
      t2 = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
      mapping = fm_observed_mapping_new (log, map);
      observed = fm_observed_compute (log, mapping, map, &options);
      t3 = g_get_monotonic_time ();

      n_items = fm_observed_log_get_n_items (log);
      n_visits = fm_observed_log_get_n_visits (log);
      if (run == 0)
        continue;
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (parse_ms, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (import_ms, ms);
      ms = (t3 - t2) / 1000.0;
      g_array_append_val (compute_ms, ms);
    }

  printf ("%u transitions of %u items, %.1f MB, times %s; median of %d runs:\n",
          n_visits, n_items, length / 1e6, naive ? "in local time" : "with an offset", n_runs);
  printf ("  split CSV        %8.1f ms\n", median (parse_ms));
  printf ("  import           %8.1f ms\n", median (import_ms));
  printf ("  parse + import   %8.1f ms\n", median (parse_ms) + median (import_ms));
  printf ("  compute figures  %8.1f ms\n", median (compute_ms));

  return 0;
}
