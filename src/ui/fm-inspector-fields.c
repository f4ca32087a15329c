/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-fields.c: the inspector's rows, and how their text reads
 *
 * Each row is one property of the model: what it belongs to, its name and
 * how its text reads. Parsing and formatting here need no widget, so that
 * the rules for what may be typed are tested without a display.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-inspector"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-inspector.h"
#include "fm-inspector-fields.h"
#include "fm-calendar.h"
#include "fm-iso-date.h"
#include "fm-limits.h"
#include "fm-working-time.h"

const FmInspectorPartInfo fm_inspector_parts[FM_N_PARTS] = {
  [FM_PART_DOCUMENT] = { "document_page", "document" },
  [FM_PART_NODE] = { "node_page", "node" },
  [FM_PART_PROCESS] = { "process_group", NULL },
  [FM_PART_QUEUE] = { "queue_group", NULL },
  [FM_PART_KAIZEN] = { "kaizen_group", NULL },
  [FM_PART_EDGE] = { "edge_page", "edge" },
  [FM_PART_MULTIPLE] = { "multiple_page", "multiple" },
};

const FmInspectorField fm_inspector_fields[FM_INSPECTOR_N_FIELDS] = {
  { "doc_title", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "title", FM_FIELD_TEXT },
  { "doc_customer", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "customer", FM_FIELD_TEXT },
  { "doc_value", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "value", FM_FIELD_TEXT },
  { "doc_trigger", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "trigger", FM_FIELD_TEXT },
  { "doc_outcome", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "outcome", FM_FIELD_TEXT },
  { "doc_stream_type", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "stream-type", FM_FIELD_CHOICE },
  { "doc_day_length", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "day-length-s", FM_FIELD_DURATION },
  { "doc_available_time", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "available-time-s", FM_FIELD_DURATION },
  { "doc_demand", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "demand-per-day", FM_FIELD_NUMBER },
  { "node_label", FM_FIELD_ON_NODE, FM_PART_NODE, "label", FM_FIELD_TEXT },
  { "process_time", FM_FIELD_ON_NODE, FM_PART_PROCESS, "process-s", FM_FIELD_DURATION },
  { "lead_time", FM_FIELD_ON_NODE, FM_PART_PROCESS, "lead-s", FM_FIELD_DURATION },
  { "pca", FM_FIELD_ON_NODE, FM_PART_PROCESS, "pca", FM_FIELD_PERCENT },
  { "people", FM_FIELD_ON_NODE, FM_PART_PROCESS, "people", FM_FIELD_NUMBER },
  { "role", FM_FIELD_ON_NODE, FM_PART_PROCESS, "role", FM_FIELD_TEXT },
  { "wip", FM_FIELD_ON_NODE, FM_PART_PROCESS, "wip", FM_FIELD_NUMBER },
  { "wait", FM_FIELD_ON_NODE, FM_PART_QUEUE, "wait-s", FM_FIELD_DURATION },
  { "items", FM_FIELD_ON_NODE, FM_PART_QUEUE, "items", FM_FIELD_NUMBER },
  { "limit", FM_FIELD_ON_NODE, FM_PART_QUEUE, "limit", FM_FIELD_NUMBER },
  { "owner", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "owner", FM_FIELD_TEXT },
  { "measure", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "measure", FM_FIELD_TEXT },
  { "baseline", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "baseline", FM_FIELD_TEXT },
  { "target", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "target", FM_FIELD_TEXT },
  { "review_date", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "review-date", FM_FIELD_DATE },
  { "started", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "started", FM_FIELD_DATE },
  { "status", FM_FIELD_ON_NODE, FM_PART_KAIZEN, "status", FM_FIELD_CHOICE },
  /* After the label's place (9) and before the last, the rate. */
  { "doc_working_hours", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "working-hours", FM_FIELD_CALENDAR },
  { "doc_holidays", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "holidays", FM_FIELD_CALENDAR },
  { "doc_calendar_time_zone", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "calendar-time-zone", FM_FIELD_CALENDAR },
  { "doc_lead_time_unit", FM_FIELD_ON_DOCUMENT, FM_PART_DOCUMENT, "lead-time-unit", FM_FIELD_CHOICE },
  { "edge_kind", FM_FIELD_ON_EDGE, FM_PART_EDGE, "kind", FM_FIELD_CHOICE },
  { "share", FM_FIELD_ON_EDGE, FM_PART_EDGE, "share", FM_FIELD_RATE },
  { "rate", FM_FIELD_ON_EDGE, FM_PART_EDGE, "rate", FM_FIELD_RATE },
};

/* A duration of the document's own day length reads against a 24 h day;
 * a process time (touch time) against a working day: fm_working_day_s(). */
double
fm_inspector_field_day_length (guint       i,
                               FmDocument *document)
{
  g_return_val_if_fail (i < FM_INSPECTOR_N_FIELDS, FM_DEFAULT_DAY_LENGTH_S);

  if (g_str_equal (fm_inspector_fields[i].property, "day-length-s") || document == NULL)
    return FM_DEFAULT_DAY_LENGTH_S;
  if (g_str_equal (fm_inspector_fields[i].property, "process-s"))
    return fm_working_day_s (document);

  return fm_document_get_day_length_s (document);
}

/**
 * fm_inspector_process_time_hint:
 * @document: (nullable): the document
 *
 * Says what a typed "1 d" of process time is, since touch time counts in
 * working days while waits count in the document's days.
 *
 * Returns: (transfer full): "Working time: 1 d is 8 h"
 */
char *
fm_inspector_process_time_hint (FmDocument *document)
{
  g_autofree char *day = fm_duration_format (fm_working_day_s (document), FM_DEFAULT_DAY_LENGTH_S);

  /* Translators: under the Process Time row, "Working time: 1 d is 8 h" */
  return g_strdup_printf (_("Working time: 1 d is %s"), day);
}

/**
 * fm_inspector_parse_number:
 *
 * Reads a number written with the locale's decimal separator ("1.5"; "1,5"
 * in German) and, if at all, its grouping of thousands ("4,140"; "4.140"
 * in German), with spaces around allowed: fm_number_parse_prefix().
 *
 * Returns: whether all of @text was a finite number
 */
gboolean
fm_inspector_parse_number (const char *text,
                           double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *end = copy;

  return fm_number_parse_prefix (&end, FALSE, value) && *end == '\0';
}

/* The words a count may follow with, as people write the items in a
 * queue or the demand: "6992 pcs", "12 items", "40 Stück". Not "h" or
 * "d": a duration typed into a count is refused, not read as one. */
static const char *count_words[] = {
  "pc", "pcs", "piece", "pieces", "item", "items", "unit", "units", "part", "parts",
  "stk", "stück", "teil", "teile", "einheit", "einheiten",
};

/* @text without a count word after its number: "6992 pcs" is "6992". */
static void
strip_count_word (char *text)
{
  char *space = strrchr (text, ' ');
  g_autofree char *word = NULL;

  if (space == NULL)
    return;

  word = g_utf8_strdown (space + 1, -1);
  if (g_str_has_suffix (word, "."))
    word[strlen (word) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (count_words); i++)
    if (g_str_equal (word, count_words[i]))
      {
        *space = '\0';
        g_strchomp (text);
        return;
      }
}

/* A field of the working calendar as the file format takes it, so that
 * what is typed can be saved and read again. */
static gboolean
calendar_field_valid (const char *property,
                      const char *text)
{
  g_autoptr(FmCalendar) calendar = NULL;

  if (g_str_equal (property, "working-hours"))
    calendar = fm_calendar_new_from_fields (text, NULL, NULL, NULL, NULL);
  else if (g_str_equal (property, "holidays"))
    calendar = fm_calendar_new_from_fields ("Mon-Sun 00:00-24:00", text, NULL, NULL, NULL);
  else
    calendar = fm_calendar_new_from_fields ("Mon-Sun 00:00-24:00", NULL, text, NULL, NULL);

  return calendar != NULL;
}

/**
 * fm_inspector_field_parse:
 * @day_length: what a day is in durations, from fm_inspector_field_day_length()
 * @value: initialised to @pspec's type
 *
 * Reads @text as the value of field @i into @value.
 *
 * Returns: FALSE when it does not read or is out of range
 */
gboolean
fm_inspector_field_parse (guint       i,
                          GParamSpec *pspec,
                          const char *text,
                          double      day_length,
                          GValue     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean empty = *stripped == '\0';
  double number = FM_UNSET;

  g_return_val_if_fail (i < FM_INSPECTOR_N_FIELDS, FALSE);

  switch (fm_inspector_fields[i].type)
    {
    case FM_FIELD_TEXT:
      g_value_set_string (value, empty && !g_str_equal (fm_inspector_fields[i].property, "label") ? NULL : text);
      return TRUE;

    case FM_FIELD_DATE:
      if (!empty && !fm_iso_date_parse (stripped, NULL))
        return FALSE;
      g_value_set_string (value, empty ? NULL : stripped);
      return TRUE;

    case FM_FIELD_CALENDAR:
      if (!empty && !calendar_field_valid (fm_inspector_fields[i].property, stripped))
        return FALSE;
      g_value_set_string (value, empty ? NULL : stripped);
      return TRUE;

    case FM_FIELD_DURATION:
      /* Past the file format's limit, the value could not be saved. */
      if (!empty && (!fm_duration_parse (stripped, day_length, &number) ||
                     number > FM_MAX_SECONDS))
        return FALSE;
      break;

    case FM_FIELD_NUMBER:
      if (!empty)
        strip_count_word (stripped);
      if (!empty && (!fm_inspector_parse_number (stripped, &number) || number < 0 ||
                     number > FM_MAX_COUNT))
        return FALSE;
      break;

    case FM_FIELD_PERCENT:
    case FM_FIELD_RATE:
      if (!empty)
        {
          gsize len = strlen (stripped);

          if (len > 0 && stripped[len - 1] == '%')
            stripped[len - 1] = '\0';
          if (!fm_inspector_parse_number (stripped, &number) || number < 0 || number > 100)
            return FALSE;
          if (fm_inspector_fields[i].type == FM_FIELD_RATE)
            {
              number /= 100;
              /* A loop that sends everything back never ends; a route
               * may take all the items. */
              if (number >= 1 && i == FM_FIELD_EDGE_RATE)
                return FALSE;
            }
        }
      break;

    case FM_FIELD_CHOICE:
    default:
      g_assert_not_reached ();
    }

  g_value_set_double (value, number);
  return !g_param_value_validate (pspec, value);
}

/* @integer and @fraction as the locale writes them: "4,140" or "2.5" in
 * English, "4.140" or "2,5" in German, as fm_number_parse_prefix() reads
 * them back. */
static char *
example_number (const char *integer,
                const char *fraction)
{
  const char *point = localeconv ()->decimal_point;
  char decimal = point != NULL && point[0] == ',' ? ',' : '.';
  char group = decimal == ',' ? '.' : ',';

  if (fraction != NULL)
    return g_strdup_printf ("%s%c%s", integer, decimal, fraction);
  if (strlen (integer) <= 3)
    return g_strdup (integer);
  return g_strdup_printf ("%.*s%c%s", (int) strlen (integer) - 3, integer, group,
                          integer + strlen (integer) - 3);
}

/**
 * fm_inspector_field_hint:
 *
 * What field @i takes, said when it refuses what was typed: a line under
 * the row, so that red is never the only sign.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a field
 *   that takes any text
 */
char *
fm_inspector_field_hint (guint i)
{
  const char *property;

  g_return_val_if_fail (i < FM_INSPECTOR_N_FIELDS, NULL);

  property = fm_inspector_fields[i].property;
  switch (fm_inspector_fields[i].type)
    {
    case FM_FIELD_DURATION:
      {
        g_autofree char *half = example_number ("1", "5");

        /* Translators: %s is a number with a decimal separator, "1.5" in English */
        return g_strdup_printf (_("Type a duration such as 2 h 30 min, %s d or 45 s"), half);
      }
    case FM_FIELD_NUMBER:
      {
        g_autofree char *thousands = example_number ("4140", NULL);
        g_autofree char *half = example_number ("2", "5");

        /* Translators: %s are numbers as the locale writes them, "4,140" and "2.5" in English */
        return g_strdup_printf (_("Type a number of 0 or more, such as 12, %s or %s"), thousands, half);
      }
    case FM_FIELD_PERCENT:
      return g_strdup (_("Type a percentage from 0 to 100, such as 85 %"));
    case FM_FIELD_RATE:
      if (i == FM_FIELD_EDGE_RATE)
        return g_strdup (_("Type a percentage below 100, such as 15 %"));
      return g_strdup (_("Type a percentage from 0 to 100, such as 85 %"));
    case FM_FIELD_DATE:
      return g_strdup (_("Type a date as year-month-day, such as 2026-03-31"));
    case FM_FIELD_CALENDAR:
      if (g_str_equal (property, "working-hours"))
        return g_strdup (_("Type days and hours such as Mon-Fri 09:00-17:00"));
      if (g_str_equal (property, "holidays"))
        return g_strdup (_("Type dates as year-month-day, separated by commas, such as 2026-12-24, 2026-12-25"));
      return g_strdup (_("Type a time zone such as Europe/Berlin or UTC"));
    case FM_FIELD_TEXT:
    case FM_FIELD_CHOICE:
    default:
      return NULL;
    }
}

/* Six significant digits where they read back as @value, else as many as
 * it takes: a demand of 1 ÷ 7 a day shows as 0.14285714285714285, not as
 * 0.142857, which a field edited and left would put back in its place. */
static char *
format_number (double value)
{
  g_autofree char *short_text = fm_format_decimal ("%.6g", value);
  double back;

  if (fm_inspector_parse_number (short_text, &back) && back == value)
    return g_steal_pointer (&short_text);

  for (int digits = 7; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);
      g_autofree char *text = fm_format_decimal (format, value);

      if (digits == 17 || (fm_inspector_parse_number (text, &back) && back == value))
        return g_steal_pointer (&text);
    }
  g_assert_not_reached ();
}

/* The text that shows @value of field @i, reading back as it. */
char *
fm_inspector_field_format (guint         i,
                           const GValue *value,
                           double        day_length)
{
  double number;

  g_return_val_if_fail (i < FM_INSPECTOR_N_FIELDS, NULL);

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  number = g_value_get_double (value);
  if (!fm_value_is_set (number))
    return g_strdup ("");

  switch (fm_inspector_fields[i].type)
    {
    case FM_FIELD_DURATION:
      return fm_duration_format_entry (number, day_length);
    case FM_FIELD_PERCENT:
      {
        g_autofree char *n = format_number (number);
        /* Translators: a percentage in a field, as in "85%"; it reads back with or without a space */
        return g_strdup_printf (_("%s%%"), n);
      }
    case FM_FIELD_RATE:
      {
        g_autofree char *n = format_number (number * 100);
        return g_strdup_printf (_("%s%%"), n);
      }
    case FM_FIELD_NUMBER:
    case FM_FIELD_TEXT:
    case FM_FIELD_DATE:
    case FM_FIELD_CALENDAR:
    case FM_FIELD_CHOICE:
    default:
      return format_number (number);
    }
}
