/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-discover.c: how long drafting a map from a large event log takes
 *
 * Generates a log of @n_events visits in memory (items of ten states as in
 * bench-csv.c, one in six going back from Security Review to In
 * Development once, times a few hours to days apart) and times
 * fm_discover() on it: the walk, the variants, the draft and its observed
 * times. Reading the file is bench-csv's measure. flowmap-bench
 * --discover N prints the median of --runs timings after a warm-up.
 */
#include "config.h"

#include <stdlib.h>

#include "bench-discover.h"
#include "fm-discover.h"

static const char * const states[] = {
  "Backlog", "Refinement", "Ready for Dev", "In Development", "Awaiting Security Review",
  "Security Review", "Waiting for Environment", "Integration Testing", "Ready for Release", "Done",
};

static FmObservedLog *
generate (guint  n_events,
          guint *n_items)
{
  FmObservedLog *log = fm_observed_log_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  guint index[G_N_ELEMENTS (states)];
  guint n = 0, item = 0;

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      index[s] = fm_observed_log_add_state (log, states[s]);
      if (s + 1 == G_N_ELEMENTS (states))
        fm_observed_log_set_state_done (log, index[s], TRUE);
    }

  while (n < n_events)
    {
      char id[32];
      gint64 t = 1780000000 + (gint64) item * 3 * 3600;
      gboolean back = item % 6 == 5;

      g_snprintf (id, sizeof id, "ITEM-%u", ++item);
      for (guint s = 0; s < G_N_ELEMENTS (states) && n < n_events; s++)
        {
          fm_observed_log_add_visit (log, id, NULL, index[s], t, FM_OBSERVED_OPEN, 0);
          n++;
          t += g_rand_int_range (rand, 600, 5 * 86400);
          /* Back from Security Review to In Development, once. */
          if (back && s == 5)
            {
              back = FALSE;
              s = 2;
            }
        }
    }
  fm_observed_log_seal (log);
  *n_items = item;

  return log;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * bench_discover_ms:
 * @n_items: (out): the items of the generated log
 * @n_nodes: (out): the nodes of the draft
 *
 * Returns: the median of @n_runs timings of fm_discover(), after one
 *   warm-up run, in milliseconds
 */
double
bench_discover_ms (guint  n_events,
                   int    n_runs,
                   guint *n_items,
                   guint *n_nodes)
{
  g_autoptr(FmObservedLog) log = generate (n_events, n_items);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree double *times = g_new (double, n_runs);
  FmDiscoverOptions options;

  fm_discover_options_init (&options);
  options.time_zone = utc;
  for (int run = -1; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(FmDiscovery) discovery = fm_discover (log, &options);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      *n_nodes = fm_discovery_get_n_nodes (discovery);
      if (run >= 0)
        times[run] = ms;
    }
  qsort (times, n_runs, sizeof (double), compare_doubles);

  return n_runs % 2 ? times[n_runs / 2] : (times[n_runs / 2 - 1] + times[n_runs / 2]) / 2;
}
