/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-duration.c: durations in the units people read and type
 *
 * Formatting shows at most two units, the largest first ("1 w 3 d",
 * "4 h 30 min", "45 min"), rounding the smaller one, with the locale's
 * decimal separator; parsing accepts what people type into a field ("2h 30m",
 * "1,5 w", "1:30", "3"), in English and in the user's language ("2 Std").
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-duration"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-util.h"

typedef enum {
  UNIT_WEEK,
  UNIT_DAY,
  UNIT_HOUR,
  UNIT_MINUTE,
  UNIT_SECOND,
  N_UNITS
} Unit;

static const struct {
  const char *name;
  Unit unit;
} unit_names[] = {
  { "s", UNIT_SECOND }, { "sec", UNIT_SECOND }, { "secs", UNIT_SECOND },
  { "second", UNIT_SECOND }, { "seconds", UNIT_SECOND },
  { "m", UNIT_MINUTE }, { "min", UNIT_MINUTE }, { "mins", UNIT_MINUTE },
  { "minute", UNIT_MINUTE }, { "minutes", UNIT_MINUTE },
  { "h", UNIT_HOUR }, { "hr", UNIT_HOUR }, { "hrs", UNIT_HOUR },
  { "hour", UNIT_HOUR }, { "hours", UNIT_HOUR },
  { "d", UNIT_DAY }, { "day", UNIT_DAY }, { "days", UNIT_DAY },
  { "w", UNIT_WEEK }, { "wk", UNIT_WEEK }, { "wks", UNIT_WEEK },
  { "week", UNIT_WEEK }, { "weeks", UNIT_WEEK },
};

static const char *
unit_symbol (Unit unit)
{
  switch (unit)
    {
    /* Translators: the unit of "2 w", two weeks; keep it short */
    case UNIT_WEEK: return C_("duration unit", "w");
    /* Translators: the unit of "3 d", three days; keep it short */
    case UNIT_DAY: return C_("duration unit", "d");
    /* Translators: the unit of "4 h", four hours; keep it short */
    case UNIT_HOUR: return C_("duration unit", "h");
    /* Translators: the unit of "45 min", 45 minutes; keep it short */
    case UNIT_MINUTE: return C_("duration unit", "min");
    /* Translators: the unit of "30 s", 30 seconds; keep it short */
    case UNIT_SECOND: return C_("duration unit", "s");
    case N_UNITS:
    default: g_assert_not_reached ();
    }
}

/* What people type besides the symbols: the English words are in
 * unit_names, these are the user's language's. */
static const char *
unit_words (Unit unit)
{
  switch (unit)
    {
    /* Translators: words for weeks that people type into a time field, besides
     * the unit symbol: lowercase, separated by "|", such as "wo|woche|wochen".
     * The English words always work too. */
    case UNIT_WEEK: return C_("duration words", "week");
    /* Translators: words for days that people type, as for weeks, such as
     * "t|tg|tag|tage" */
    case UNIT_DAY: return C_("duration words", "day");
    /* Translators: words for hours that people type, as for weeks, such as
     * "std|stunde|stunden" */
    case UNIT_HOUR: return C_("duration words", "hour");
    /* Translators: words for minutes that people type, as for weeks, such as
     * "minute|minuten" */
    case UNIT_MINUTE: return C_("duration words", "minute");
    /* Translators: words for seconds that people type, as for weeks, such as
     * "sek|sekunde|sekunden" */
    case UNIT_SECOND: return C_("duration words", "second");
    case N_UNITS:
    default: g_assert_not_reached ();
    }
}

/**
 * fm_locale_formatd:
 * @buffer: (out caller-allocates): where to write, as g_ascii_formatd() does
 * @buf_len: its size, %G_ASCII_DTOSTR_BUF_SIZE will do
 * @format: a printf() format for one double, as g_ascii_formatd() takes
 * @value: the number
 *
 * g_ascii_formatd() for people to read: with the decimal separator of the
 * locale ("1,5" in German), but without its grouping of thousands, which
 * fm_duration_parse() would read as a decimal separator. Files, CSV and
 * JSON never go through here.
 *
 * Returns: @buffer
 */
char *
fm_locale_formatd (char       *buffer,
                   int         buf_len,
                   const char *format,
                   double      value)
{
  const char *point = localeconv ()->decimal_point;
  gsize point_len;
  char *dot;

  g_return_val_if_fail (buffer != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  g_ascii_formatd (buffer, buf_len, format, value);
  dot = strchr (buffer, '.');
  if (dot == NULL || point == NULL || point[0] == '\0' || g_str_equal (point, "."))
    return buffer;

  /* Too long for @buffer with a wider separator: better a point than a cut. */
  point_len = strlen (point);
  if (strlen (buffer) + point_len > (gsize) buf_len)
    return buffer;

  memmove (dot + point_len, dot + 1, strlen (dot + 1) + 1);
  memcpy (dot, point, point_len);
  return buffer;
}

/**
 * fm_format_decimal:
 *
 * fm_locale_formatd() into a new string.
 *
 * Returns: (transfer full): the text
 */
char *
fm_format_decimal (const char *format,
                   double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (format != NULL, NULL);

  return g_strdup (fm_locale_formatd (buffer, sizeof buffer, format, value));
}

static double
day_length (double day_length_s)
{
  /* A day shorter than an hour would sort days below hours. */
  if (!isfinite (day_length_s) || day_length_s < 3600)
    return 86400;

  return day_length_s;
}

/**
 * fm_duration_week_length:
 * @day_length_s: the length of a day: 86400 for calendar days, less for
 *   working days
 *
 * A working day goes with a working week of five days; a calendar day with
 * a week of seven.
 *
 * Returns: the length of a week in seconds
 */
double
fm_duration_week_length (double day_length_s)
{
  double day = day_length (day_length_s);

  return day * (day < 86400 ? 5 : 7);
}

static void
unit_sizes (double day_length_s,
            double sizes[N_UNITS])
{
  sizes[UNIT_WEEK] = fm_duration_week_length (day_length_s);
  sizes[UNIT_DAY] = day_length (day_length_s);
  sizes[UNIT_HOUR] = 3600;
  sizes[UNIT_MINUTE] = 60;
  sizes[UNIT_SECOND] = 1;
}

/* The translated unit symbols, looked up again only when the messages'
 * locale or LANGUAGE changed: a big map formats tens of thousands of
 * durations, and each gettext() look-up costs more than the formatting.
 * (A catalogue bound after the first look-up in the same locale is not
 * seen; the program binds its own before it formats anything.) */
typedef struct {
  char *locale;
  char *language;
  char *symbols[N_UNITS];
} SymbolCache;

/* Room for a translated symbol; "keep it short", its comment says. */
#define SYMBOL_SIZE 64

G_LOCK_DEFINE_STATIC (symbol_cache);
static SymbolCache symbol_cache;

/* Copies the symbols of the current locale into @symbols. */
static void
current_symbols (char symbols[N_UNITS][SYMBOL_SIZE])
{
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");

  G_LOCK (symbol_cache);
  if (symbol_cache.symbols[0] == NULL ||
      g_strcmp0 (locale, symbol_cache.locale) != 0 ||
      g_strcmp0 (language, symbol_cache.language) != 0)
    {
      g_free (symbol_cache.locale);
      g_free (symbol_cache.language);
      symbol_cache.locale = g_strdup (locale);
      symbol_cache.language = g_strdup (language);
      for (Unit u = 0; u < N_UNITS; u++)
        {
          g_free (symbol_cache.symbols[u]);
          symbol_cache.symbols[u] = g_strdup (unit_symbol (u));
        }
    }
  for (Unit u = 0; u < N_UNITS; u++)
    g_strlcpy (symbols[u], symbol_cache.symbols[u], SYMBOL_SIZE);
  G_UNLOCK (symbol_cache);
}

/* Appends "VALUE SYMBOL" to @text. */
static void
append_part (GString    *text,
             double      value,
             int         decimals,
             const char *symbol)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* A whole number prints as "%.0f" would, without printf's cost. */
  if (decimals == 0 && value >= 0 && value < 1e15 && value == floor (value) && !signbit (value))
    fm_string_append_uint (text, (guint64) value);
  else
    {
      g_string_append (text, fm_locale_formatd (buffer, sizeof buffer, decimals > 0 ? "%.1f" : "%.0f", value));
    }
  g_string_append_c (text, ' ');
  g_string_append (text, symbol);
}

static char *
format_part (double value,
             int    decimals,
             Unit   unit)
{
  char symbols[N_UNITS][SYMBOL_SIZE];
  GString *text = g_string_sized_new (24);

  current_symbols (symbols);
  append_part (text, value, decimals, symbols[unit]);
  return g_string_free (text, FALSE);
}

/**
 * fm_duration_format:
 * @seconds: a duration; negative (%FM_UNSET) or not finite means unknown
 * @day_length_s: the length of a day, which also sets the week (see
 *   fm_duration_week_length()); 0 for calendar days
 *
 * Formats @seconds with at most two units, the largest that fits first,
 * the second rounded: "2 w 3 d", "4 h 30 min", "45 min", "1 min 30 s".
 * Weeks are used from two weeks on ("12 d", "2 w").
 * Zero is "0 min"; less than ten seconds keeps one decimal ("2.5 s"), with
 * the locale's decimal separator ("2,5 s" in German): for people to read,
 * never for files.
 *
 * Returns: (transfer full): the text, or "–" for an unknown duration
 */
char *
fm_duration_format (double seconds,
                    double day_length_s)
{
  double sizes[N_UNITS];
  char symbols[N_UNITS][SYMBOL_SIZE];
  GString *text;
  double major, minor;
  Unit unit;

  if (!isfinite (seconds) || seconds < 0)
    return g_strdup ("–");

  if (seconds < 0.05)
    return format_part (0, 0, UNIT_MINUTE);

  if (seconds < 9.95 && fabs (seconds - round (seconds)) >= 0.05)
    return format_part (seconds, 1, UNIT_SECOND);

  unit_sizes (day_length_s, sizes);

  /* "12 d" reads easier than "1 w 5 d": weeks start at two. */
  for (unit = UNIT_WEEK; unit < UNIT_SECOND; unit++)
    if (seconds >= sizes[unit] * (unit == UNIT_WEEK ? 2 : 1) * (1 - 1e-9))
      break;

  if (unit == UNIT_SECOND)
    {
      major = round (seconds);
      if (major >= 60)
        return fm_duration_format (60, day_length_s);
      return format_part (major, 0, UNIT_SECOND);
    }

  major = floor (seconds / sizes[unit] + 1e-9);
  minor = round (MAX (0, seconds - major * sizes[unit]) / sizes[unit + 1]);

  /* Rounding the smaller unit up can fill the larger one, and that in turn
   * the next ("59 min 60 s" is "1 h"). */
  if (minor * sizes[unit + 1] >= sizes[unit] * (1 - 1e-9))
    {
      major += 1;
      minor = 0;
      if (unit > UNIT_WEEK && major * sizes[unit] >= sizes[unit - 1] * (1 - 1e-9))
        return fm_duration_format (major * sizes[unit], day_length_s);
    }

  current_symbols (symbols);
  text = g_string_sized_new (32);
  append_part (text, major, 0, symbols[unit]);
  if (minor != 0)
    {
      g_string_append_c (text, ' ');
      append_part (text, minor, 0, symbols[unit + 1]);
    }
  return g_string_free (text, FALSE);
}

/**
 * fm_duration_format_entry:
 * @seconds: a duration; negative (%FM_UNSET) or not finite means unknown
 * @day_length_s: the length of a day, as for fm_duration_format()
 *
 * A duration as an entry field shows it: fm_duration_format()'s two units
 * when they read back as @seconds, else every unit down to the second
 * ("5 h 42 min 51.429 s" for 40 h ÷ 7, not "5 h 43 min"), so that a field
 * never shows a value other than the one the figures use.
 *
 * Returns: (transfer full): the text, or "–" for an unknown duration
 */
char *
fm_duration_format_entry (double seconds,
                          double day_length_s)
{
  char symbols[N_UNITS][SYMBOL_SIZE];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *short_text = fm_duration_format (seconds, day_length_s);
  double sizes[N_UNITS];
  double parsed, rest;
  GString *text;
  Unit unit;

  if (!isfinite (seconds) || seconds < 0)
    return g_steal_pointer (&short_text);
  /* A thousandth of a second is below anything a map measures. */
  if (fm_duration_parse (short_text, day_length_s, &parsed) && fabs (parsed - seconds) < 5e-4)
    return g_steal_pointer (&short_text);

  unit_sizes (day_length_s, sizes);
  current_symbols (symbols);
  text = g_string_sized_new (48);
  rest = round (seconds * 1000) / 1000;
  for (unit = UNIT_WEEK; unit < UNIT_SECOND; unit++)
    {
      /* Weeks from two on, as fm_duration_format() writes them. */
      double whole = floor (rest / sizes[unit] + 1e-12);

      if (whole < 1 || (unit == UNIT_WEEK && whole < 2))
        continue;
      append_part (text, whole, 0, symbols[unit]);
      g_string_append_c (text, ' ');
      rest = MAX (0, round ((rest - whole * sizes[unit]) * 1000) / 1000);
    }
  g_string_append (text, fm_locale_formatd (buffer, sizeof buffer, "%.3f", rest));
  /* "51.400" reads as "51.4": trailing zeros after the separator go. */
  while (text->len > 0 && text->str[text->len - 1] == '0')
    g_string_truncate (text, text->len - 1);
  if (text->len > 0 && !g_ascii_isdigit (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  g_string_append_c (text, ' ');
  g_string_append (text, symbols[UNIT_SECOND]);
  return g_string_free (text, FALSE);
}

/* @value with as few decimals (at least @min_decimals, at most 3) as keep
 * what rounding takes away within @share of it, and the unit's symbol. */
static char *
format_within (double value,
               int    min_decimals,
               double share,
               Unit   unit)
{
  char symbols[N_UNITS][SYMBOL_SIZE];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  GString *text = g_string_sized_new (24);
  int decimals = min_decimals;

  for (; decimals < 3; decimals++)
    {
      double scale = pow (10, decimals);

      if (fabs (round (value * scale) / scale - value) <= share * value)
        break;
    }

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  current_symbols (symbols);
  g_string_append (text, fm_locale_formatd (buffer, sizeof buffer, format, value));
  g_string_append_c (text, ' ');
  g_string_append (text, symbols[unit]);
  return g_string_free (text, FALSE);
}

/* The unit of a process time as cycle times are written: seconds up to
 * ten minutes ("62 s" next to a takt of "60 s", not "1 min 2 s"); above,
 * the largest unit, up to hours, that holds it as a whole number ("4 h",
 * "90 min"), or else the unit of its size. */
static Unit
exact_unit (double        seconds,
            const double  sizes[N_UNITS])
{
  if (seconds < 600)
    return UNIT_SECOND;

  /* Never in days: process time is working time, and a day of the map's
   * clock is not a working day ("24 h", not "1 d", for three days of 8 h). */
  for (Unit unit = UNIT_HOUR; unit < UNIT_SECOND; unit++)
    {
      double value = seconds / sizes[unit];

      if (value >= 1 - 1e-9 && fabs (value - round (value)) <= 1e-9 * value)
        return unit;
      /* From ten hours on, a half or a tenth of an hour reads better than
       * a four-digit number of minutes ("25.5 h", not "1530 min"). */
      if (unit == UNIT_HOUR && value >= 10 && fabs (value * 10 - round (value * 10)) <= 1e-9 * value)
        return unit;
    }

  return seconds < 10 * 3600 ? UNIT_MINUTE : UNIT_HOUR;
}

/* @seconds in @unit with the decimals that keep it within a ten-thousandth
 * ("62.05 min"): exact for what people enter. */
static char *
format_exact (double        seconds,
              Unit          unit,
              const double  sizes[N_UNITS])
{
  return format_within (seconds / sizes[unit], 0, 1e-4, unit);
}

/**
 * fm_duration_format_figure_like:
 * @seconds: a process or cycle time
 * @reference_s: the one it is read against, such as the takt time
 * @day_length_s: the length of a day, as for fm_duration_format()
 *
 * A process time in the unit fm_duration_format_figure() shows
 * @reference_s in, so that the two compare at a glance: "9.6 h per piece
 * against a takt of 8 h", not "576 min … of 8 h".
 *
 * Returns: (transfer full): the text, or "–" for an unknown duration
 */
char *
fm_duration_format_figure_like (double seconds,
                                double reference_s,
                                double day_length_s)
{
  double sizes[N_UNITS];

  if (!isfinite (seconds) || seconds < 0)
    return g_strdup ("–");

  unit_sizes (day_length_s, sizes);
  if (!isfinite (reference_s) || reference_s <= 0)
    reference_s = seconds;
  if (seconds == 0 && reference_s == 0)
    return format_part (0, 0, UNIT_SECOND);

  return format_exact (seconds, exact_unit (reference_s, sizes), sizes);
}

/**
 * fm_duration_format_figure:
 * @seconds: a duration; negative (%FM_UNSET) or not finite means unknown
 * @kind: what it measures
 * @lead_unit: the unit of lead times and waits, as the document sets it
 * @day_length_s: the length of a day, as for fm_duration_format()
 *
 * A duration as value stream maps write their figures, in one unit:
 * lead times and waits in @lead_unit with a decimal ("23.6 d", "3.4 w"),
 * or with more decimals when one would round away more than 1 % of the
 * value ("2.25 d"), or in a smaller unit when less than a tenth of one
 * ("1 h", not "0.04 d"); process times exactly: in seconds up to ten
 * minutes ("62 s", not "1 min 2 s"), above in the largest unit that keeps
 * them a whole number ("4 h", "90 min"). Unlike
 * fm_duration_format(), which writes what entry fields read back, this is
 * for figures only.
 *
 * Returns: (transfer full): the text, or "–" for an unknown duration
 */
char *
fm_duration_format_figure (double         seconds,
                           FmDurationKind kind,
                           FmTimeUnit     lead_unit,
                           double         day_length_s)
{
  double sizes[N_UNITS];
  Unit unit;

  if (!isfinite (seconds) || seconds < 0)
    return g_strdup ("–");

  unit_sizes (day_length_s, sizes);

  if (kind == FM_DURATION_PROCESS)
    {
      if (seconds == 0)
        return format_part (0, 0, UNIT_SECOND);
      return format_exact (seconds, exact_unit (seconds, sizes), sizes);
    }

  unit = lead_unit == FM_TIME_UNIT_WEEKS ? UNIT_WEEK : lead_unit == FM_TIME_UNIT_HOURS ? UNIT_HOUR : UNIT_DAY;
  if (seconds == 0)
    return format_part (0, 0, unit);

  /* "0.0 d" would hide a wait of an hour: a smaller unit keeps it, one
   * with at least 1 of it ("30 s", not "0.5 min"), with a decimal only
   * where it is needed ("1 h", "2.3 h"). */
  if (seconds / sizes[unit] < 0.095)
    {
      unit++;
      while (unit < UNIT_SECOND && seconds / sizes[unit] < 1)
        unit++;
      return format_within (seconds / sizes[unit], 0, 0.01, unit);
    }

  return format_within (seconds / sizes[unit], 1, 0.01, unit);
}

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* Whether @s starts with exactly three digits: a group of thousands. */
static gboolean
three_digits (const char *s)
{
  return g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) &&
         !g_ascii_isdigit (s[3]);
}

/**
 * fm_number_parse_prefix:
 * @p: where the number starts; moved past it when it reads
 * @either_point: whether '.' and ',' are both decimal separators where
 *   they cannot group thousands ("1,5 h" and "1.5 h" alike, as durations
 *   take them); else only the locale's
 *
 * Reads digits as people type them: with the locale's decimal separator
 * and the other of '.' and ',' grouping thousands ("55,200.5" in English,
 * "55.200,5" in German). A group separator must be followed by exactly
 * three digits and follow one to three (not a lone 0); text that could be
 * grouped but is not grouped right ("0,125" or "1234,567" in English,
 * "1,500,5") is refused, never read as another number. No sign.
 *
 * Returns: whether a finite number was read
 */
gboolean
fm_number_parse_prefix (const char **p,
                        gboolean     either_point,
                        double      *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *point = localeconv ()->decimal_point;
  char decimal = point != NULL && point[0] == ',' ? ',' : '.';
  char group = decimal == ',' ? '.' : ',';
  const char *s = *p;
  gboolean seen_point = FALSE;
  gboolean grouped = FALSE;
  guint n_digits = 0;

  g_return_val_if_fail (p != NULL && *p != NULL, FALSE);

  for (;; s++)
    {
      if (g_ascii_isdigit (*s))
        {
          g_string_append_c (digits, *s);
          n_digits++;
        }
      else if (*s == group && !seen_point && n_digits > 0 && three_digits (s + 1))
        {
          /* "1,234": a group of thousands, if the digits before it can
           * start a grouped number; "1234,567" and "0,125" are neither
           * grouped nor decimals anyone should have to guess. */
          if (!grouped && (n_digits > 3 || digits->str[0] == '0'))
            return FALSE;
          grouped = TRUE;
        }
      else if ((*s == decimal || (either_point && *s == group)) && !seen_point && g_ascii_isdigit (s[1]))
        {
          /* After groups of thousands only the decimal separator ends them. */
          if (*s != decimal && grouped)
            return FALSE;
          g_string_append_c (digits, '.');
          seen_point = TRUE;
        }
      else
        break;
    }

  /* "1,500,5" or "1,5000" in English: a group separator the rule above did not take */
  if (grouped && *s == group && g_ascii_isdigit (s[1]))
    return FALSE;
  if (n_digits == 0)
    return FALSE;

  *value = g_ascii_strtod (digits->str, NULL);
  *p = s;

  return isfinite (*value);
}

/* A number in a duration: '.' and ',' are both decimal separators where
 * they cannot group thousands. */
static gboolean
parse_number (const char **p,
              double      *value)
{
  return fm_number_parse_prefix (p, TRUE, value);
}

static char *
read_word (const char **p)
{
  const char *start = *p;
  const char *s = start;

  while (*s != '\0' && g_unichar_isalpha (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);

  *p = s;
  return g_strndup (start, s - start);
}

static gboolean
lookup_unit (const char *word,
             Unit       *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      if (g_str_equal (word, unit_names[i].name))
        {
          *unit = unit_names[i].unit;
          return TRUE;
        }
    }

  /* What fm_duration_format() writes in the user's language reads back,
   * and so do the words people type in it. */
  for (Unit u = UNIT_WEEK; u < N_UNITS; u++)
    {
      g_autofree char *symbol = g_utf8_strdown (unit_symbol (u), -1);
      g_autofree char *words = g_utf8_strdown (unit_words (u), -1);
      g_auto(GStrv) split = g_strsplit (words, "|", -1);

      if (g_str_equal (word, symbol) || g_strv_contains ((const char * const *) split, word))
        {
          *unit = u;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_two_digits (const char **p,
                  guint       *value)
{
  const char *s = *p;

  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) || g_ascii_isdigit (s[2]))
    return FALSE;

  *value = (s[0] - '0') * 10 + (s[1] - '0');
  *p = s + 2;

  return *value < 60;
}

/* "1:30" is an hour and a half; "0:45:30" has seconds. */
static gboolean
parse_clock (const char *p,
             double     *seconds)
{
  guint64 hours = 0;
  guint minutes = 0, secs = 0;
  guint n_digits = 0;

  for (; g_ascii_isdigit (*p); p++, n_digits++)
    hours = hours * 10 + (*p - '0');

  if (n_digits == 0 || n_digits > 9 || *p++ != ':')
    return FALSE;

  if (!parse_two_digits (&p, &minutes))
    return FALSE;

  if (*p == ':')
    {
      p++;
      if (!parse_two_digits (&p, &secs))
        return FALSE;
    }

  if (*skip_space (p) != '\0')
    return FALSE;

  *seconds = hours * 3600.0 + minutes * 60.0 + secs;
  return TRUE;
}

/**
 * fm_duration_parse:
 * @text: what the user typed
 * @day_length_s: the length of a day, as for fm_duration_format()
 * @seconds_out: (out) (optional): the duration in seconds
 *
 * Accepts numbers with units, in any case and with or without spaces:
 * s, sec, seconds; m, min, minutes; h, hr, hours; d, day, days; w, wk,
 * weeks (and the units fm_duration_format() writes in the user's
 * language, and the words for them its translation lists, "2 Std"). Numbers may have a decimal part after '.' or ',' ("1,5 w").
 * Several parts add up ("2h 30m", "1 d 4 h"), each unit at most once.
 * A number alone means hours ("3" is 3 h); a bare number after a part
 * counts in the next smaller unit ("2h30" is 2 h 30 min). "1:30" is
 * hours and minutes, "1:30:15" adds seconds. "m" is minutes, never months.
 *
 * Rejects empty text, signs, NaN, infinity and anything else.
 *
 * Returns: %TRUE if @text is a duration
 */
gboolean
fm_duration_parse (const char *text,
                   double      day_length_s,
                   double     *seconds_out)
{
  g_autofree char *lower = NULL;
  double sizes[N_UNITS];
  double total = 0;
  guint used = 0;
  int last_unit = -1;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  lower = g_utf8_strdown (text, -1);
  p = skip_space (lower);
  if (*p == '\0')
    return FALSE;

  if (strchr (p, ':') != NULL)
    {
      if (!parse_clock (p, &total))
        return FALSE;
      if (seconds_out != NULL)
        *seconds_out = total;
      return TRUE;
    }

  unit_sizes (day_length_s, sizes);

  while (*p != '\0')
    {
      g_autofree char *word = NULL;
      double value;
      Unit unit;

      if (!parse_number (&p, &value))
        return FALSE;

      p = skip_space (p);
      word = read_word (&p);

      if (word[0] == '\0')
        {
          /* Only the last number may go without a unit. */
          if (*p != '\0')
            return FALSE;
          if (last_unit < 0)
            unit = UNIT_HOUR;
          else if (last_unit == UNIT_SECOND)
            return FALSE;
          else
            unit = last_unit + 1;
        }
      else if (!lookup_unit (word, &unit))
        {
          return FALSE;
        }

      if (used & (1u << unit))
        return FALSE;

      used |= 1u << unit;
      last_unit = unit;
      total += value * sizes[unit];
      p = skip_space (p);
    }

  if (!isfinite (total))
    return FALSE;

  if (seconds_out != NULL)
    *seconds_out = total;

  return TRUE;
}
