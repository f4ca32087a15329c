/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-forecast.c: when will N more items be finished, from the weeks observed
 *
 * A Monte Carlo simulation: each run draws weeks at random, with
 * replacement, from the complete weeks of the period, and adds their
 * throughput until N items are done. The items of the last week are taken
 * as finished evenly over it, so a run that needs 1 of that week's 2 items
 * ends half way through it. The answer for a probability p is the run
 * duration that at least p of the runs did not exceed (nearest rank).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <stdlib.h>

#include "fm-observed.h"
#include "fm-observed-private.h"

/* A run that has not finished after a century of weeks never will. */
#define MAX_WEEKS 5200

static const double probabilities[3] = { 0.50, 0.85, 0.95 };

static double
run_once (GRand       *rand,
          const guint *weeks,
          guint        n_weeks,
          guint        items)
{
  guint done = 0;

  for (guint week = 1; week <= MAX_WEEKS; week++)
    {
      guint finished = weeks[g_rand_int_range (rand, 0, n_weeks)];

      if (done + finished >= items)
        return 7.0 * (week - 1 + (double) (items - done) / finished);
      done += finished;
    }

  return INFINITY;
}

/* In working time a week of throughput is a week of the calendar's
 * working days, and the items are finished evenly over them: @d calendar
 * days of weeks are d / 7 × (working days a week) working days, counted
 * from the end of the period on the days that are worked, so that a
 * holiday ahead puts the date later. */
static void
forecast_working_days (FmObserved *self,
                       double      d,
                       double     *working_days,
                       GDate      *date)
{
  double left = d / 7.0 * fm_calendar_get_days_a_week (self->calendar);
  guint n = 0;

  *working_days = left;
  *date = self->last_day;
  while (left > 1e-9 && n++ < 7 * MAX_WEEKS)
    {
      g_date_add_days (date, 1);
      if (fm_calendar_is_working_day (self->calendar, date))
        left -= 1;
    }
}

/**
 * fm_observed_forecast:
 * @items: how many items, at least 1
 * @runs: how many simulations; %FM_OBSERVED_FORECAST_RUNS is plenty
 * @seed: the seed of the random numbers: the same seed gives the same answer
 * @forecast: (out caller-allocates): the days and dates by which the items
 *   are finished with a probability of 50 %, 85 % and 95 %, counted from
 *   the end of the period
 *
 * A share of the runs that had not finished the items after a century of
 * weeks gives INFINITY days and no date: more than 100 years away at the
 * observed throughput, which is an answer, not a forecast that failed.
 *
 * Returns: %FALSE, with NAN days, when there is no complete week or no
 *   week in which anything finished
 */
gboolean
fm_observed_forecast (FmObserved         *self,
                      guint               items,
                      guint               runs,
                      guint32             seed,
                      FmObservedForecast *forecast)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree double *days = NULL;
  gboolean any = FALSE;
  gint64 as_of;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (items > 0, FALSE);
  g_return_val_if_fail (runs > 0, FALSE);
  g_return_val_if_fail (forecast != NULL, FALSE);

  forecast->items = items;
  forecast->runs = runs;
  forecast->weeks = 0;
  for (guint i = 0; i < G_N_ELEMENTS (probabilities); i++)
    {
      forecast->days[i] = NAN;
      g_date_clear (&forecast->dates[i], 1);
    }

  weeks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->weeks->len; i++)
    {
      const FmObservedWeek *week = &g_array_index (self->weeks, FmObservedWeek, i);

      if (week->complete)
        {
          g_array_append_val (weeks, week->finished);
          any |= week->finished > 0;
        }
    }
  forecast->weeks = weeks->len;
  if (!any)
    return FALSE;

  rand = g_rand_new_with_seed (seed);
  days = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    days[r] = run_once (rand, (const guint *) weeks->data, weeks->len, items);
  qsort (days, runs, sizeof (double), fm_observed_compare_doubles);

  as_of = g_date_time_to_unix (self->as_of);
  for (guint i = 0; i < G_N_ELEMENTS (probabilities); i++)
    {
      /* Nearest rank: the smallest duration at least p of the runs reached. */
      guint rank = (guint) ceil (probabilities[i] * runs);
      double d = days[MAX (rank, 1) - 1];

      if (!isfinite (d))
        {
          forecast->days[i] = INFINITY;
          continue;
        }

      if (self->calendar != NULL)
        {
          forecast_working_days (self, d, &forecast->days[i], &forecast->dates[i]);
          continue;
        }

      forecast->days[i] = d;
      g_date_set_julian (&forecast->dates[i],
                         fm_observed_day_of (self->time_zone, as_of + (gint64) ceil (d * 86400)));
    }

  return TRUE;
}
