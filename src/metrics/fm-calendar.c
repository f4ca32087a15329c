/* fm-calendar.c: a working calendar: work days, daily hours, holidays, a time zone
 *
 * Trackers record calendar time; teams think in working days: a wait
 * over a weekend is not two days lost. A calendar such as "Mon-Fri
 * 09:00-17:00" with its holidays says which hours count, in its time
 * zone (the hours are wall-clock hours there, whatever daylight saving
 * does), and fm_calendar_working_seconds() counts only those between two
 * instants. Pure GLib; docs/observed.md, "Working time".
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-calendar"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-calendar.h"

G_DEFINE_QUARK (fm-calendar-error-quark, fm_calendar_error)

/* Spans longer than this are not counted day by day. */
#define MAX_DAYS 36600

struct _FmCalendar
{
  guint8 days;        /* bit 0: Monday … bit 6: Sunday */
  int start_s;        /* the working hours, in seconds from midnight */
  int end_s;
  GArray *holidays;   /* guint32 Julian days, ascending */
  GTimeZone *tz;
};

static const char * const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* "Mon", "monday", "TUE": a day from 0 (Monday); -1 otherwise. */
static int
parse_day (const char *text,
           gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (text, length);

  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    if (length >= 3 && strncmp (lower, day_names[i], 3) == 0 &&
        (length == 3 || g_str_has_suffix (lower, "day")))
      return (int) i;

  return -1;
}

/* "09:00" or "9:30": seconds from midnight, up to 24:00; -1 otherwise. */
static int
parse_time (const char *text)
{
  guint64 hours, minutes;
  char *end;

  if (!g_ascii_isdigit (text[0]))
    return -1;
  hours = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]) || !g_ascii_isdigit (end[2]) || end[3] != '\0')
    return -1;
  minutes = g_ascii_strtoull (end + 1, NULL, 10);
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0))
    return -1;

  return (int) (hours * 3600 + minutes * 60);
}

static gboolean
parse_days (const char *text,
            guint8     *days)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  *days = 0;
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *dash = strchr (items[i], '-');
      int first, last;

      if (dash != NULL)
        {
          first = parse_day (items[i], dash - items[i]);
          last = parse_day (dash + 1, strlen (dash + 1));
        }
      else
        first = last = parse_day (items[i], strlen (items[i]));
      if (first < 0 || last < 0)
        return FALSE;

      /* "Sun-Thu" goes round the week's end. */
      for (int d = first;; d = (d + 1) % 7)
        {
          *days |= 1 << d;
          if (d == last)
            break;
        }
    }

  return *days != 0;
}

/**
 * fm_calendar_parse:
 * @spec: the days and the hours, such as "Mon-Fri 09:00-17:00" or
 *   "Mon,Wed-Fri 8:30-16:00"
 * @time_zone: (nullable): where the hours are; %NULL: local time
 *
 * Returns: (transfer full) (nullable): the calendar, without holidays;
 *   %NULL with @error set when @spec is not one
 */
FmCalendar *
fm_calendar_parse (const char  *spec,
                   GTimeZone   *time_zone,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) hours = NULL;
  FmCalendar *self;
  guint8 days;
  int start_s, end_s;

  g_return_val_if_fail (spec != NULL, NULL);

  text = g_strstrip (g_strdup (spec));
  parts = g_strsplit_set (text, " \t", -1);
  /* Spaces between the two parts, however many. */
  {
    guint n = 0;

    for (guint i = 0; parts[i] != NULL; i++)
      if (parts[i][0] != '\0')
        parts[n++] = parts[i];
      else
        g_free (parts[i]);
    parts[n] = NULL;
  }
  hours = g_strv_length (parts) == 2 ? g_strsplit (parts[1], "-", -1) : NULL;

  if (hours == NULL || !parse_days (parts[0], &days) || g_strv_length (hours) != 2 ||
      (start_s = parse_time (hours[0])) < 0 || (end_s = parse_time (hours[1])) < 0 || end_s <= start_s)
    {
      g_set_error (error, FM_CALENDAR_ERROR, 0,
                   _("“%s” is not a working calendar such as “Mon-Fri 09:00-17:00”"), spec);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (FmCalendar);
  self->days = days;
  self->start_s = start_s;
  self->end_s = end_s;
  self->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->tz = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();

  return self;
}

/**
 * fm_calendar_new_from_fields:
 * @hours: the days and hours, as fm_calendar_parse() reads them
 * @holidays: (nullable): days off, as YYYY-MM-DD separated by commas
 * @time_zone: (nullable): the name of the time zone of the hours
 * @default_zone: (nullable): the time zone without @time_zone; %NULL: local
 *
 * The calendar a document keeps in three fields (FmDocument's
 * working-hours, holidays and calendar-time-zone).
 *
 * Returns: (transfer full) (nullable): the calendar, %NULL with @error
 *   set when a field is wrong
 */
FmCalendar *
fm_calendar_new_from_fields (const char  *hours,
                             const char  *holidays,
                             const char  *time_zone,
                             GTimeZone   *default_zone,
                             GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(FmCalendar) self = NULL;
  g_auto(GStrv) days = NULL;

  g_return_val_if_fail (hours != NULL, NULL);

  if (time_zone != NULL && (tz = g_time_zone_new_identifier (time_zone)) == NULL)
    {
      g_set_error (error, FM_CALENDAR_ERROR, 0, _("“%s” is not a time zone such as Europe/Berlin"), time_zone);
      return NULL;
    }
  self = fm_calendar_parse (hours, tz != NULL ? tz : default_zone, error);
  if (self == NULL)
    return NULL;

  days = g_strsplit (holidays != NULL ? holidays : "", ",", -1);
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_strstrip (days[i]);
      if (days[i][0] != '\0' && !fm_calendar_add_holiday (self, days[i]))
        {
          g_set_error (error, FM_CALENDAR_ERROR, 0, _("“%s” is not a date as YYYY-MM-DD"), days[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

FmCalendar *
fm_calendar_ref (FmCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
calendar_clear (FmCalendar *self)
{
  g_array_unref (self->holidays);
  g_time_zone_unref (self->tz);
}

void
fm_calendar_unref (FmCalendar *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) calendar_clear);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 da = *(const guint32 *) a, db = *(const guint32 *) b;

  return (da > db) - (da < db);
}

/**
 * fm_calendar_add_holiday:
 * @date: a day off, as YYYY-MM-DD
 *
 * Returns: whether @date is a date of the calendar
 */
gboolean
fm_calendar_add_holiday (FmCalendar *self,
                         const char *date)
{
  guint year, month, day;
  GDate parsed;
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&parsed, 1);
  g_date_set_dmy (&parsed, day, month, year);
  julian = g_date_get_julian (&parsed);
  g_array_append_val (self->holidays, julian);
  g_array_sort (self->holidays, compare_days);

  return TRUE;
}

/* Returns: (transfer full): the days and hours, as fm_calendar_parse() reads them */
char *
fm_calendar_to_string (const FmCalendar *self)
{
  static const char * const names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (int d = 0; d < 7; d++)
    {
      int last = d;

      if (!(self->days & (1 << d)))
        continue;
      while (last + 1 < 7 && (self->days & (1 << (last + 1))))
        last++;
      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append (text, names[d]);
      if (last > d)
        g_string_append_printf (text, "-%s", names[last]);
      d = last;
    }
  g_string_append_printf (text, " %02d:%02d-%02d:%02d", self->start_s / 3600, self->start_s / 60 % 60,
                          self->end_s / 3600, self->end_s / 60 % 60);

  return g_string_free (text, FALSE);
}

/* The working hours of one day: "1 d" in working time. */
double
fm_calendar_day_length_s (const FmCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->end_s - self->start_s;
}

/* The working days of a week without holidays: 5 for Mon-Fri. */
guint
fm_calendar_get_days_a_week (const FmCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  guint n = 0;

  for (int d = 0; d < 7; d++)
    n += (self->days >> d) & 1;

  return n;
}

gboolean
fm_calendar_is_working_day (const FmCalendar *self,
                            const GDate      *date)
{
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  if (!(self->days & (1 << (g_date_get_weekday (date) - G_DATE_MONDAY))))
    return FALSE;
  if (self->holidays->len == 0)
    return TRUE;
  julian = g_date_get_julian (date);

  return bsearch (&julian, self->holidays->data, self->holidays->len, sizeof (guint32), compare_days) == NULL;
}

/* The Julian day (as GDate counts them) of 1 January 1970. */
#define JULIAN_1970 719163

/* The first and last instants GDateTime represents (0001-01-01 and
 * 9999-12-31 23:59:59 UTC). */
#define FIRST_INSTANT G_GINT64_CONSTANT (-62135596800)
#define LAST_INSTANT G_GINT64_CONSTANT (253402300799)

/* The instant of @seconds after midnight of @date in @tz, as its clock
 * shows it: what g_date_time_new() and g_date_time_to_unix() give (a time
 * in a gap of the clock moves on, as there), without making two objects
 * for every day of every stay. */
static gint64
instant (GTimeZone   *tz,
         const GDate *date,
         int          seconds)
{
  gint64 local = ((gint64) g_date_get_julian (date) - JULIAN_1970) * 86400 + seconds;
  int interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &local);

  return local - g_time_zone_get_offset (tz, interval);
}

static void
date_of (GTimeZone *tz,
         gint64     t,
         GDate     *date)
{
  g_date_clear (date, 1);
  if (t >= FIRST_INSTANT && t <= LAST_INSTANT)
    t += g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t));
  /* Out of GDateTime's range, before or after the clock's offset, the day
   * reads as 1970-01-01, as a GDateTime that could not be made did. */
  if (t < FIRST_INSTANT || t > LAST_INSTANT)
    t = 0;
  g_date_set_julian (date, (guint32) ((t >= 0 ? t : t - 86399) / 86400 + JULIAN_1970));
}

/**
 * fm_calendar_working_seconds:
 * @from: an instant, in seconds since 1970 UTC
 * @to: a later one
 *
 * Counts the seconds between @from and @to that fall in the working hours
 * of a working day that is no holiday.
 *
 * Returns: the working seconds; 0 when @to is not after @from
 */
double
fm_calendar_working_seconds (const FmCalendar *self,
                             gint64            from,
                             gint64            to)
{
  GDate day, last;
  double total = 0;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (to <= from)
    return 0;

  date_of (self->tz, from, &day);
  date_of (self->tz, to, &last);
  for (; g_date_compare (&day, &last) <= 0 && n < MAX_DAYS; g_date_add_days (&day, 1), n++)
    {
      gint64 open, close, start, end;

      if (!fm_calendar_is_working_day (self, &day))
        continue;
      open = instant (self->tz, &day, self->start_s);
      close = instant (self->tz, &day, self->end_s);
      start = MAX (open, from);
      end = MIN (close, to);
      if (end > start)
        total += (double) (end - start);
    }

  return total;
}
