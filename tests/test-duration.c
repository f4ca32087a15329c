/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-duration.c: durations formatted for people and parsed from what they type */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "fm-duration.h"

#define MINUTE 60.0
#define HOUR 3600.0
#define DAY 86400.0
#define WORK_DAY 28800.0

typedef struct {
  double seconds;
  double day_length;
  const char *text;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0, DAY, "0 min" },
  { 0.01, DAY, "0 min" },
  { 0.5, DAY, "0.5 s" },
  { 2.5, DAY, "2.5 s" },
  { 3, DAY, "3 s" },
  { 30, DAY, "30 s" },
  { 59.6, DAY, "1 min" },
  { 90, DAY, "1 min 30 s" },
  { 45 * MINUTE, DAY, "45 min" },
  { 45 * MINUTE + 10, DAY, "45 min 10 s" },
  { HOUR - 0.3, DAY, "1 h" },
  { HOUR, DAY, "1 h" },
  { 1.5 * HOUR, DAY, "1 h 30 min" },
  { 4.5 * HOUR, DAY, "4 h 30 min" },
  { 4 * HOUR + 29.6 * MINUTE, DAY, "4 h 30 min" },
  { 23 * HOUR + 59.7 * MINUTE, DAY, "1 d" },
  { DAY, DAY, "1 d" },
  { 3 * DAY, DAY, "3 d" },
  { 3 * DAY + 4 * HOUR, DAY, "3 d 4 h" },
  { 3 * DAY + 4 * HOUR + 20 * MINUTE, DAY, "3 d 4 h" },
  { 7 * DAY, DAY, "7 d" },
  { 12 * DAY, DAY, "12 d" },
  { 13 * DAY + 23.8 * HOUR, DAY, "2 w" },
  { 14 * DAY, DAY, "2 w" },
  { 17 * DAY, DAY, "2 w 3 d" },
  { 30 * 7 * DAY, DAY, "30 w" },
  /* Working days of eight hours, and weeks of five of them. */
  { WORK_DAY, WORK_DAY, "1 d" },
  { 3 * WORK_DAY, WORK_DAY, "3 d" },
  { 10 * HOUR, WORK_DAY, "1 d 2 h" },
  { DAY, WORK_DAY, "3 d" },
  { 5 * WORK_DAY, WORK_DAY, "5 d" },
  { 10 * WORK_DAY, WORK_DAY, "2 w" },
  { 12 * WORK_DAY, WORK_DAY, "2 w 2 d" },
  { 4.5 * HOUR, WORK_DAY, "4 h 30 min" },
  { 7.5 * HOUR, 7.5 * HOUR, "1 d" },
  /* Nonsense day lengths count calendar days. */
  { 2 * DAY, 0, "2 d" },
  { 2 * DAY, 1800, "2 d" },
  { 2 * DAY, NAN, "2 d" },
  /* Unknown. */
  { -1, DAY, "–" },
  { NAN, DAY, "–" },
  { INFINITY, DAY, "–" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *text = fm_duration_format (c->seconds, c->day_length);

      g_test_message ("format %g (day %g)", c->seconds, c->day_length);
      g_assert_cmpstr (text, ==, c->text);
    }
}

typedef struct {
  const char *text;
  double day_length;
  double seconds;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "2h 30m", DAY, 2.5 * HOUR },
  { "2h30m", DAY, 2.5 * HOUR },
  { "2 h 30 min", DAY, 2.5 * HOUR },
  { "2 hours 30 minutes", DAY, 2.5 * HOUR },
  { "2 Hours 15 Minutes", DAY, 2.25 * HOUR },
  { "  2 H  ", DAY, 2 * HOUR },
  { "3d", DAY, 3 * DAY },
  { "3 days", DAY, 3 * DAY },
  { "1 day", DAY, DAY },
  { "45 min", DAY, 45 * MINUTE },
  { "45 mins", DAY, 45 * MINUTE },
  { "1.5 w", DAY, 1.5 * 7 * DAY },
  { "1,5 w", DAY, 1.5 * 7 * DAY },
  { "1 wk", DAY, 7 * DAY },
  { "2 weeks", DAY, 14 * DAY },
  { "1 week 2 days", DAY, 9 * DAY },
  { "90s", DAY, 90 },
  { "10 sec", DAY, 10 },
  { "10 seconds", DAY, 10 },
  { "3 hrs", DAY, 3 * HOUR },
  { "1 hr", DAY, HOUR },
  { "1:30", DAY, 1.5 * HOUR },
  { "0:45", DAY, 45 * MINUTE },
  { "1:30:15", DAY, 1.5 * HOUR + 15 },
  { "12:00", DAY, 12 * HOUR },
  { " 1:30 ", DAY, 1.5 * HOUR },
  /* A number alone is hours; a trailing one counts in the next unit down. */
  { "3", DAY, 3 * HOUR },
  { "1.5", DAY, 1.5 * HOUR },
  { "0", DAY, 0 },
  { "2h30", DAY, 2.5 * HOUR },
  { "2 h 30", DAY, 2.5 * HOUR },
  { "1 d 4", DAY, DAY + 4 * HOUR },
  { "1 w 2", DAY, 9 * DAY },
  { "1 min 30", DAY, 90 },
  { ".5 h", DAY, 0.5 * HOUR },
  { "30m 2h", DAY, 2.5 * HOUR },
  { "0 min", DAY, 0 },
  /* Working days. */
  { "1 w", WORK_DAY, 5 * WORK_DAY },
  { "2d", WORK_DAY, 2 * WORK_DAY },
  { "1.5 d", WORK_DAY, 1.5 * WORK_DAY },
  { "3", WORK_DAY, 3 * HOUR },
  /* What fm_duration_format() writes reads back. */
  { "2 w 3 d", DAY, 17 * DAY },
  { "4 h 30 min", DAY, 4.5 * HOUR },
  { "1 min 30 s", DAY, 90 },
  { "2.5 s", DAY, 2.5 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      double seconds = -1;

      g_test_message ("parse “%s”", c->text);
      g_assert_true (fm_duration_parse (c->text, c->day_length, &seconds));
      g_assert_cmpfloat_with_epsilon (seconds, c->seconds, 1e-6);
    }

  /* The result is optional. */
  g_assert_true (fm_duration_parse ("3h", DAY, NULL));
}

static void
test_reject (void)
{
  static const char *garbage[] = {
    "", "   ", "abc", "h", "min",
    "-3h", "+3h", "-1", "3 x", "3 hours ago", "3h 2h", "3h3h",
    "nan", "NaN h", "inf", "infinity", "1e3", "1e3 s",
    "3 4", "2h30 5", "30s 5", "1..5h", "1.h", "1.2.3 h", "1,5,0 h", "3h,",
    "1:60", "1:5", "1:", ":30", "1:30 h", "1:30:60", "1:30:5", "1::30", "a:30",
    "5 months", "3 mo", "2 y", "½ h", "3h!", "h3",
  };
  g_autoptr(GString) huge = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      double seconds = 42;

      g_test_message ("reject “%s”", garbage[i]);
      g_assert_false (fm_duration_parse (garbage[i], DAY, &seconds));
      g_assert_cmpfloat (seconds, ==, 42);
    }

  /* Too large for a double. */
  for (guint i = 0; i < 400; i++)
    g_string_append_c (huge, '9');
  g_string_append (huge, " w");
  g_assert_false (fm_duration_parse (huge->str, DAY, NULL));

  /* Not UTF-8. */
  g_assert_false (fm_duration_parse ("3\xff h", DAY, NULL));
}

/* Durations that two units say exactly come back exactly. */
static void
test_round_trip_exact (void)
{
  static const double day_lengths[] = { DAY, WORK_DAY, 7.5 * HOUR };

  for (guint d = 0; d < G_N_ELEMENTS (day_lengths); d++)
    {
      double day = day_lengths[d], week = fm_duration_week_length (day);
      const double values[] = {
        0, 3, 45, 90, 45 * MINUTE, HOUR, 1.5 * HOUR, 4.5 * HOUR, day, 3 * day + 4 * HOUR,
        12 * day, 2 * week, 2 * week + 3 * day, 52 * week,
      };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *text = fm_duration_format (values[i], day);
          double seconds = -1;

          g_test_message ("%g → “%s” (day %g)", values[i], text, day);
          g_assert_true (fm_duration_parse (text, day, &seconds));
          g_assert_cmpfloat_with_epsilon (seconds, values[i], 1e-6);
        }
    }
}

/* Any duration survives a round trip to within the rounding of its second
 * unit: a few percent. */
static void
test_round_trip_rounding (void)
{
  static const double day_lengths[] = { DAY, WORK_DAY };

  for (guint d = 0; d < G_N_ELEMENTS (day_lengths); d++)
    for (double x = 0.01; x < 400 * DAY; x *= 1.37)
      {
        g_autofree char *text = fm_duration_format (x, day_lengths[d]);
        double seconds = -1;

        g_assert_true (fm_duration_parse (text, day_lengths[d], &seconds));
        if (fabs (seconds - x) > 0.05 * x + 0.05)
          g_error ("%g formats as “%s”, which reads back as %g", x, text, seconds);
      }
}

static void
test_week_length (void)
{
  g_assert_cmpfloat (fm_duration_week_length (DAY), ==, 7 * DAY);
  g_assert_cmpfloat (fm_duration_week_length (WORK_DAY), ==, 5 * WORK_DAY);
  g_assert_cmpfloat (fm_duration_week_length (0), ==, 7 * DAY);
  g_assert_cmpfloat (fm_duration_week_length (2 * DAY), ==, 14 * DAY);
}

/* Decimals take the locale's comma for people to read; both "1.5" and
 * "1,5" parse, whatever the locale. */
static void
test_locale (void)
{
  static const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR" };
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;
  double seconds = 0;

  for (guint i = 0; found == NULL && i < G_N_ELEMENTS (locales); i++)
    found = setlocale (LC_NUMERIC, locales[i]);

  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  /* People read the locale's decimal separator, and what they read parses
   * back; both locales tried write a comma. */
  {
    g_autofree char *text = fm_duration_format (2.5, DAY);

    g_assert_cmpstr (text, ==, "2,5 s");
    g_assert_true (fm_duration_parse (text, DAY, &seconds));
    g_assert_cmpfloat (seconds, ==, 2.5);
  }
  g_assert_true (fm_duration_parse ("1.5 h", DAY, &seconds));
  g_assert_cmpfloat (seconds, ==, 1.5 * HOUR);
  g_assert_true (fm_duration_parse ("1,5 h", DAY, &seconds));
  g_assert_cmpfloat (seconds, ==, 1.5 * HOUR);

  setlocale (LC_NUMERIC, old);
}

/* Figures as value stream maps write them: lead times and waits in days
 * with a decimal, process times exact in one unit. */
static void
test_format_figure (void)
{
  const struct {
    double seconds;
    FmDurationKind kind;
    FmTimeUnit unit;
    double day;
    const char *text;
  } cases[] = {
    /* Acme Stamping: 23.6 d, not "3 w 3 d" */
    { 23.6 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "23.6 d" },
    { 23.6 * 86400 + 188, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "23.6 d" },
    { 5 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "5.0 d" },
    { 56 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_WEEKS, 86400, "8.0 w" },
    { 23.6 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_WEEKS, 86400, "3.4 w" },
    { 23.6 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_HOURS, 86400, "566.4 h" },
    /* Working days of 8 h and weeks of five of them */
    { 40 * 3600, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 28800, "5.0 d" },
    { 40 * 3600, FM_DURATION_LEAD, FM_TIME_UNIT_WEEKS, 28800, "1.0 w" },
    /* One decimal would round away more than 1 %: more decimals */
    { 1.23 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "1.23 d" },
    { 0.25 * 86400, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "0.25 d" },
    /* Less than a tenth of the unit: the next smaller one */
    { 3600, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "1 h" },
    { 2.2 * 3600, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "2.2 h" },
    { 30, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "30 s" },
    { 0, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "0 d" },
    { -1, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, 86400, "–" },
    /* Process times: exact, in the largest unit that keeps them whole */
    { 62, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "62 s" },
    { 188, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "188 s" },
    /* Acme's takt: seconds up to ten minutes, as cycle times are written */
    { 60, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "60 s" },
    { 540, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "540 s" },
    { 600, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "10 min" },
    { 5400, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "90 min" },
    { 3723, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "62.05 min" },
    { 14400, FM_DURATION_PROCESS, FM_TIME_UNIT_WEEKS, 86400, "4 h" },
    /* Process time is working time: never in the map's days */
    { 3 * 86400, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "72 h" },
    { 4 * 86400 + 36000, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "106 h" },
    { 28800, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 28800, "8 h" },
    { 2.5, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "2.5 s" },
    { 62.4, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "62.4 s" },
    { 0, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "0 s" },
    { NAN, FM_DURATION_PROCESS, FM_TIME_UNIT_DAYS, 86400, "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fm_duration_format_figure (cases[i].seconds, cases[i].kind, cases[i].unit,
                                                         cases[i].day);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* No figure rounds away more than about 1 % of what it shows. */
static void
test_format_figure_within_a_percent (void)
{
  for (double s = 1; s < 1e8; s *= 1.37)
    for (FmDurationKind kind = FM_DURATION_LEAD; kind <= FM_DURATION_PROCESS; kind++)
      for (FmTimeUnit unit = FM_TIME_UNIT_DAYS; unit <= FM_TIME_UNIT_HOURS; unit++)
        {
          g_autofree char *text = fm_duration_format_figure (s, kind, unit, 86400);
          double back = 0;

          /* What is shown reads back (as a typed duration) within 1 %. */
          g_assert_true (fm_duration_parse (text, 86400, &back));
          g_assert_cmpfloat (fabs (back - s), <=, 0.0101 * s);
        }
}

/* An entry field shows what the figures use: the short form when it reads
 * back as the value, else every unit down to thousandths of a second.
 *   40 h ÷ 7 = 20,571.428571… s = 5 h (18,000) + 42 min (2,520) + 51.4286 s,
 *   shown "5 h 42 min 51.429 s" (fm_duration_format() gives "5 h 43 min",
 *   8.57 s more); 3 d 4 h on a day of 8 h is 3 × 28,800 + 14,400 = 100,800 s,
 *   which the short form writes exactly. */
static void
test_format_entry (void)
{
  static const struct {
    double seconds;
    double day;
    const char *text;
  } cases[] = {
    { 40 * 3600.0 / 7, 86400, "5 h 42 min 51.429 s" },
    { 100800, 28800, "3 d 4 h" },
    { 9000, 86400, "2 h 30 min" },
    { 90061.5, 86400, "1 d 1 h 1 min 1.5 s" },
    { 2.5, 86400, "2.5 s" },
    { 14 * 86400 + 3661, 86400, "2 w 1 h 1 min 1 s" },
    { -1, 86400, "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fm_duration_format_entry (cases[i].seconds, cases[i].day);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Whatever it writes reads back within half a thousandth of a second. */
  for (double s = 0.001; s < 1e8; s = s * 1.731 + 0.37)
    {
      g_autofree char *text = fm_duration_format_entry (s, 28800);
      double back = -1;

      g_assert_true (fm_duration_parse (text, 28800, &back));
      g_assert_cmpfloat (fabs (back - s), <, 5.1e-4);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/duration/format", test_format);
  g_test_add_func ("/fm/duration/parse", test_parse);
  g_test_add_func ("/fm/duration/reject", test_reject);
  g_test_add_func ("/fm/duration/round-trip-exact", test_round_trip_exact);
  g_test_add_func ("/fm/duration/round-trip-rounding", test_round_trip_rounding);
  g_test_add_func ("/fm/duration/week-length", test_week_length);
  g_test_add_func ("/fm/duration/locale", test_locale);
  g_test_add_func ("/fm/duration/format-figure", test_format_figure);
  g_test_add_func ("/fm/duration/format-figure-within-a-percent", test_format_figure_within_a_percent);
  g_test_add_func ("/fm/duration/format-entry", test_format_entry);

  return g_test_run ();
}
