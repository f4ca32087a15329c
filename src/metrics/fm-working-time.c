/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-working-time.c: which clock a figure is on
 *
 * A document counts elapsed time in days of its `day_length_s`: lead times,
 * waits, the demand and the available time are per such day. Touch time
 * (a step's process time) is working time: "3 d" of coding is three
 * working days, not three calendar days of 24 hours. See docs/metrics.md,
 * *One meaning of a day*.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-calendar.h"
#include "fm-duration.h"
#include "fm-working-time.h"

/**
 * fm_working_day_s:
 * @document: (nullable): the document
 *
 * The length of a working day, for a typed "d" of process time: the daily
 * hours of the document's working calendar when it has one ("Mon-Fri
 * 09:00-17:00": 8 h); otherwise its `available_time_s`, the working time
 * of a day; otherwise its day length.
 *
 * Returns: seconds, above 0
 */
double
fm_working_day_s (FmDocument *document)
{
  double available;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), FM_DEFAULT_AVAILABLE_TIME_S);

  if (document == NULL)
    return FM_DEFAULT_AVAILABLE_TIME_S;

  if (fm_document_get_working_hours (document) != NULL)
    {
      /* The hours alone give the day: no time zone is needed for that. */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(FmCalendar) calendar = fm_calendar_parse (fm_document_get_working_hours (document), utc, NULL);

      if (calendar != NULL && fm_calendar_day_length_s (calendar) > 0)
        return fm_calendar_day_length_s (calendar);
    }

  available = fm_document_get_available_time_s (document);
  if (available > 0 && isfinite (available))
    return available;

  return fm_document_get_day_length_s (document);
}

/**
 * fm_takt_format:
 * @takt_s: the takt time, working time: available time ÷ demand
 * @interval_s: the elapsed time between two items at that demand: the day
 *   length ÷ the demand
 * @day_length_s: the document's day length, for the interval
 *
 * Words the takt time on both clocks: "40 h of work · one every 7 d".
 *
 * Returns: (transfer full): the text, or "–" when there is no takt time
 */
char *
fm_takt_format (double takt_s,
                double interval_s,
                double day_length_s)
{
  g_autofree char *work = NULL;
  g_autofree char *every = NULL;

  if (!isfinite (takt_s) || takt_s < 0)
    return g_strdup ("–");

  /* Exact, as process times are ("60 s", "40 h"), and never in days: a
   * working day has no fixed length here. */
  work = fm_duration_format_figure (takt_s, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 1e9);

  if (!isfinite (interval_s) || interval_s <= 0)
    return g_steal_pointer (&work);

  every = fm_duration_format (interval_s, day_length_s);
  /* Translators: the takt time as working time and as the time between
   * two items on the calendar: "40 h of work · one every 7 d" */
  return g_strdup_printf (_("%s of work · one every %s"), work, every);
}
