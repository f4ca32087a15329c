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

static const char * const states[] = {
  "Backlog", "Refinement", "Ready for Dev", "In Development", "Awaiting Security Review",
  "Security Review", "Waiting for Environment", "Integration Testing", "Ready for Release", "Done",
};

static const char * const types[] = { "feature", "defect", "\"debt, technical\"", "risk" };

static char *
generate (guint    n_transitions,
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

static FmMap *
make_map (void)
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
  g_autoptr(FmMap) map = make_map ();
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

  text = generate (n_transitions, naive);
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
