/* test-calendar.c: working seconds between two instants, by hand */
#include "config.h"

#include "fm-calendar.h"

#define H 3600.0

/* Seconds since 1970 of a UTC date and time. */
static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
test_week (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(FmCalendar) calendar = fm_calendar_parse ("Mon-Fri 09:00-17:00", tz, NULL);

  g_assert_nonnull (calendar);
  g_assert_cmpfloat (fm_calendar_day_length_s (calendar), ==, 8 * H);

  /* Friday 6 March 2026, 9:00, to the next Friday, 9:00: Friday, Monday,
   * Tuesday, Wednesday and Thursday, 8 hours each: five working days.
   * The weekend between counts nothing. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 6, 9, 0), utc (2026, 3, 13, 9, 0)),
                     ==, 5 * 8 * H);
  /* Saturday 0:00 to Monday 0:00: nothing. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 7, 0, 0), utc (2026, 3, 9, 0, 0)), ==, 0);
  /* Friday 16:00 to Monday 10:00: an hour each side of the weekend. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 6, 16, 0), utc (2026, 3, 9, 10, 0)),
                     ==, 2 * H);
  /* Monday 18:00 to Tuesday 8:00, outside the hours; 12:30 to 13:15 inside. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 9, 18, 0), utc (2026, 3, 10, 8, 0)), ==, 0);
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 9, 12, 30), utc (2026, 3, 9, 13, 15)),
                     ==, 0.75 * H);
  /* Backwards is nothing. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 13, 9, 0), utc (2026, 3, 6, 9, 0)), ==, 0);

  /* Wednesday 11 March off: the week is four working days. */
  g_assert_true (fm_calendar_add_holiday (calendar, "2026-03-11"));
  g_assert_false (fm_calendar_add_holiday (calendar, "2026-02-30"));
  g_assert_false (fm_calendar_add_holiday (calendar, "11.03.2026"));
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 6, 9, 0), utc (2026, 3, 13, 9, 0)),
                     ==, 4 * 8 * H);
}

/* The hours are those of the wall clock where the team works: on Monday
 * 30 March 2026 Berlin is on summer time (UTC+2), on Friday 27 March it
 * was not (UTC+1). Friday 9:00 (8:00 UTC) to Monday 17:00 (15:00 UTC):
 * 8 hours on Friday and 8 on Monday. */
static void
test_time_zone (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(FmCalendar) calendar = NULL;

  if (berlin == NULL)
    {
      g_test_skip ("no Europe/Berlin time zone");
      return;
    }
  calendar = fm_calendar_parse ("Mon-Fri 09:00-17:00", berlin, NULL);
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 27, 8, 0), utc (2026, 3, 30, 15, 0)),
                     ==, 16 * H);
  /* From 7:00 UTC (8:00 in Berlin) on Friday: the hour before 9:00 does not count. */
  g_assert_cmpfloat (fm_calendar_working_seconds (calendar, utc (2026, 3, 27, 7, 0), utc (2026, 3, 27, 9, 0)),
                     ==, 1 * H);
}

/* The working seconds as they were counted with GDateTime objects, day by
 * day: the calendar now does the same arithmetic on the time zone's
 * offsets directly, and must give the same seconds. */
static gint64
reference_instant (GTimeZone *tz,
                   GDate     *date,
                   int        seconds)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) time = NULL;

  if (seconds == 86400)
    time = g_date_time_add_days (midnight, 1);
  else
    time = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                            seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_date_time_to_unix (time);
}

static void
reference_date (GTimeZone *tz,
                gint64     t,
                GDate     *date)
{
  g_autoptr(GDateTime) utc_time = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc_time, tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static double
reference_seconds (FmCalendar *calendar,
                   GTimeZone  *tz,
                   int         start_s,
                   int         end_s,
                   gint64      from,
                   gint64      to)
{
  GDate day, last;
  double total = 0;

  reference_date (tz, from, &day);
  reference_date (tz, to, &last);
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      gint64 start, end;

      if (!fm_calendar_is_working_day (calendar, &day))
        continue;
      start = MAX (reference_instant (tz, &day, start_s), from);
      end = MIN (reference_instant (tz, &day, end_s), to);
      if (end > start)
        total += (double) (end - start);
    }
  return total;
}

/* Random stays of up to 40 days over 2024–2028 in zones with summer time
 * (Berlin, New York; Lord Howe moves its clock by half an hour; Chatham's
 * offset is +12:45), hours that reach into the night and to midnight, so
 * that clock changes fall inside working hours too. */
static void
test_same_as_date_time (void)
{
  static const char * const zones[] = { "UTC", "Europe/Berlin", "America/New_York",
                                        "Australia/Lord_Howe", "Pacific/Chatham" };
  static const struct { const char *spec; int start_s, end_s; } hours[] = {
    { "Mon-Fri 09:00-17:00", 9 * 3600, 17 * 3600 },
    { "Mon-Sun 00:00-24:00", 0, 86400 },
    { "Sat,Sun 01:30-03:30", 5400, 12600 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);
  guint checked = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);

      if (tz == NULL)
        continue;
      for (guint h = 0; h < G_N_ELEMENTS (hours); h++)
        {
          g_autoptr(FmCalendar) calendar = fm_calendar_parse (hours[h].spec, tz, NULL);

          g_assert_nonnull (calendar);
          for (guint i = 0; i < 400; i++)
            {
              gint64 from = utc (2024, 1, 1, 0, 0) + g_rand_int_range (rand, 0, 5 * 365 * 86400);
              gint64 to = from + g_rand_int_range (rand, 0, 40 * 86400);

              g_assert_cmpfloat (fm_calendar_working_seconds (calendar, from, to), ==,
                                 reference_seconds (calendar, tz, hours[h].start_s, hours[h].end_s, from, to));
              checked++;
            }
        }
    }
  /* UTC is always there. */
  g_assert_cmpuint (checked, >=, 3 * 400);
}

static void
test_parse (void)
{
  const char *bad[] = { "Mon-Fri", "Mon-Fri 17:00-09:00", "Xyz 09:00-17:00", "Mon-Fri 9-17",
                        "Mon-Fri 09:00-25:00", "", "Mon-Fri 09:00-17:00 extra" };
  g_autoptr(FmCalendar) week = fm_calendar_parse ("  monday-Friday   8:30-16:00 ", NULL, NULL);
  g_autoptr(FmCalendar) wrap = fm_calendar_parse ("Sun-Thu 08:00-24:00", NULL, NULL);
  g_autoptr(FmCalendar) some = fm_calendar_parse ("Mon,Wed,Fri 10:00-12:00", NULL, NULL);
  g_autofree char *week_text = fm_calendar_to_string (week);
  g_autofree char *wrap_text = fm_calendar_to_string (wrap);
  g_autofree char *some_text = fm_calendar_to_string (some);
  GDate saturday;

  g_assert_cmpstr (week_text, ==, "Mon-Fri 08:30-16:00");
  g_assert_cmpstr (wrap_text, ==, "Mon-Thu,Sun 08:00-24:00");
  g_assert_cmpstr (some_text, ==, "Mon,Wed,Fri 10:00-12:00");
  g_assert_cmpfloat (fm_calendar_day_length_s (wrap), ==, 16 * H);

  g_date_clear (&saturday, 1);
  g_date_set_dmy (&saturday, 7, 3, 2026);
  g_assert_false (fm_calendar_is_working_day (week, &saturday));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_null (fm_calendar_parse (bad[i], NULL, &error));
      g_assert_error (error, FM_CALENDAR_ERROR, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/calendar/week", test_week);
  g_test_add_func ("/fm/calendar/time-zone", test_time_zone);
  g_test_add_func ("/fm/calendar/parse", test_parse);
  g_test_add_func ("/fm/calendar/same-as-date-time", test_same_as_date_time);

  return g_test_run ();
}
