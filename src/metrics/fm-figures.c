/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-figures.c: the figures of a map and their changes, in words people read
 *
 * One wording for the metrics panel, the comparison view, the presentation,
 * the canvas's change badges and accessible labels, the legend of exported
 * slides and the CLI's reports: "Lead time 8 w → 2 w, −75 %". Numbers take
 * the locale's decimal separator, like durations (fm_format_decimal()), and
 * nothing else of its printf. It draws nothing, so it lives with the
 * metrics, below render/ and cli/.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-figures.h"

#define MINUS "\u2212"

/* The smallest percentage written with its digits. */
#define FM_FIGURE_SMALLEST_PERCENT 0.0001

static const struct {
  const char *name;
  const char *title;
  int better;           /* -1: lower is better; 1: higher; 0: neither */
} figures[] = {
  { "lead_time_s", N_("Lead time"), -1 },
  { "process_time_s", N_("Process time"), 0 },
  { "flow_efficiency", N_("Flow efficiency"), 1 },
  { "rolled_pca", N_("Rolled %C&A"), 1 },
  { "rework_adjusted_lead_time_s", N_("Rework-adjusted lead time"), -1 },
  { "wip", N_("Work in progress"), -1 },
  { "throughput_per_day", N_("Throughput a day"), 1 },
  { "littles_law_lead_time_s", N_("Little’s law lead time"), -1 },
  { "takt_time_s", N_("Takt time"), 0 },
  { "handoffs", N_("Handoffs"), -1 },
};

static gint
lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (g_str_equal (figures[i].name, name))
      return i;

  return -1;
}

/**
 * fm_figure_get_title:
 * @name: a key of the metrics JSON, such as "lead_time_s"
 *
 * Returns: its translated name, such as "Lead time", or @name
 */
const char *
fm_figure_get_title (const char *name)
{
  gint i;

  g_return_val_if_fail (name != NULL, NULL);

  i = lookup (name);
  return i < 0 ? name : _(figures[i].title);
}

static char *
format_decimal (double      value,
                const char *format)
{
  return fm_format_decimal (format, value);
}

/* How many decimals @percent needs for two significant digits, or 0 when
 * the whole number part already gives them: a flow efficiency of 0.0092 %
 * read as "0.0 %" says nothing in front of a room. */
static int
small_percent_decimals (double percent)
{
  double magnitude = fabs (percent);
  int decimals;

  if (magnitude == 0 || magnitude >= 1)
    return 0;

  decimals = 1 - (int) floor (log10 (magnitude));
  /* 0.00996 rounds to 0.010 at four decimals: count again from the rounded value */
  magnitude = round (magnitude * pow (10, decimals)) / pow (10, decimals);
  if (magnitude >= 1)
    return 0;

  return 1 - (int) floor (log10 (magnitude));
}

/* The precision of a fixed-point format such as "%5.1f" (1), or -1 for
 * anything else ("%.6g" keeps its own significant digits). */
static int
fixed_precision (const char *format)
{
  const char *dot = strchr (format, '.');
  char *end = NULL;
  gint64 precision;

  if (!g_str_has_suffix (format, "f"))
    return -1;
  if (dot == NULL)
    return 6;

  precision = g_ascii_strtoll (dot + 1, &end, 10);
  return end != NULL && *end == 'f' ? (int) precision : -1;
}

/**
 * fm_figure_format_percent:
 * @percent: the number of percent: 12.5, not 0.125
 * @format: how to write the number, as fm_format_decimal() takes it:
 *   "%.1f", "%.0f"
 *
 * The one wording of a percentage, so that a translation of "%s %%" holds
 * for the panels, the slides, the accessible labels and the CLI alike.
 *
 * Percentages under 1 keep two significant digits whatever @format says
 * ("0.0092 %", "0.50 %"); from 1 on, @format alone decides, so "12.5 %"
 * reads as it always has.
 *
 * Returns: (transfer full): "12.5 %" ("12,5 %" in German); "–" when
 *   @percent is not a finite number
 */
char *
fm_figure_format_percent (double      percent,
                          const char *format)
{
  g_autofree char *number = NULL;
  int decimals;
  int precision;

  g_return_val_if_fail (format != NULL, NULL);

  if (!isfinite (percent))
    return g_strdup ("–");

  /* A rolled %C&A of a thousand steps at 80 % is 10⁻⁹⁵ %: its digits say
   * nothing to a room, and would not fit any box. */
  if (percent != 0 && fabs (percent) < FM_FIGURE_SMALLEST_PERCENT)
    {
      number = format_decimal (FM_FIGURE_SMALLEST_PERCENT, "%.4f");
      /* Translators: a percentage too small to write, as in "< 0.0001 %" */
      return g_strdup_printf (percent > 0 ? _("< %s %%") : _("> −%s %%"), number);
    }

  decimals = small_percent_decimals (percent);
  precision = fixed_precision (format);
  if (decimals > 0 && precision >= 0 && precision < decimals)
    {
      /* Keep the width of the caller's format ("%5.1f") for aligned columns */
      g_autofree char *width = g_strndup (format, strcspn (format, "."));
      g_autofree char *wider = g_strdup_printf ("%s.%df", width, decimals);

      number = format_decimal (percent, wider);
    }
  else
    number = format_decimal (percent, format);
  /* Translators: a percentage, as in "12.5 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/**
 * fm_figure_get_kind:
 * @name: a key of the metrics JSON, such as "lead_time_s"
 *
 * Process, cycle and takt times are read exactly, in seconds where they
 * are seconds; every other duration is a lead time or a wait.
 *
 * Returns: what the duration @name measures
 */
FmDurationKind
fm_figure_get_kind (const char *name)
{
  static const char * const process[] = {
    "process_time_s", "takt_time_s", "cycle_time_s", "rework_process_time_s", "timeline_processing_s",
  };

  g_return_val_if_fail (name != NULL, FM_DURATION_LEAD);

  for (guint i = 0; i < G_N_ELEMENTS (process); i++)
    if (g_str_equal (name, process[i]))
      return FM_DURATION_PROCESS;

  return FM_DURATION_LEAD;
}

static char *
format_value (const char *name,
              double      value,
              FmTimeUnit  lead_unit,
              double      day_length_s)
{
  if (isnan (value) || !isfinite (value))
    return g_strdup ("–");
  if (g_str_has_suffix (name, "_s") &&
      value > 36525.0 / 7 * fm_duration_week_length (day_length_s))
    return g_strdup (_("more than 100 years"));
  if (g_str_has_suffix (name, "_s"))
    return fm_duration_format_figure (value, fm_figure_get_kind (name), lead_unit, day_length_s);
  if (g_str_equal (name, "flow_efficiency") || g_str_equal (name, "rolled_pca"))
    return fm_figure_format_percent (100 * value, "%.1f");
  if (fabs (value - round (value)) < 0.005)
    return format_decimal (value, "%.0f");

  return format_decimal (value, "%.2f");
}

/**
 * fm_figure_format_value:
 *
 * A duration of more than a hundred years (of the map's weeks) reads
 * "more than 100 years": a rework rate next to 1 makes the expected lead
 * time astronomical, and "10²¹ w" would only look precise. Lead times
 * read in days, as fm_figure_format_for() reads them in a document that
 * keeps the default unit.
 *
 * Returns: (transfer full): @value as the figure @name reads: "23.6 d",
 *   "188 s", "7.9 %", "4"; "–" when undefined
 */
char *
fm_figure_format_value (const char *name,
                        double      value,
                        double      day_length_s)
{
  g_return_val_if_fail (name != NULL, NULL);

  return format_value (name, value, FM_TIME_UNIT_DAYS, day_length_s);
}

static double
document_day (FmDocument *document)
{
  return document != NULL ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
}

static FmTimeUnit
document_unit (FmDocument *document)
{
  return document != NULL ? fm_document_get_lead_time_unit (document) : FM_TIME_UNIT_DAYS;
}

/**
 * fm_figure_format_for:
 * @document: (nullable): the document whose day and lead time unit apply
 * @name: a key of the metrics JSON, such as "lead_time_s"
 *
 * fm_figure_format_value() in the units @document sets.
 *
 * Returns: (transfer full): the figure as people read it
 */
char *
fm_figure_format_for (FmDocument *document,
                      const char *name,
                      double      value)
{
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return format_value (name, value, document_unit (document), document_day (document));
}

/**
 * fm_figure_format_duration:
 * @document: (nullable): the document whose day and lead time unit apply
 *
 * One duration as a figure: a node's time, a wait, a cycle time.
 *
 * Returns: (transfer full): "23.6 d", "62 s"; "–" when unknown
 */
char *
fm_figure_format_duration (FmDocument    *document,
                           FmDurationKind kind,
                           double         seconds)
{
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);

  return fm_duration_format_figure (seconds, kind, document_unit (document), document_day (document));
}

/**
 * fm_figure_format_throughput:
 * @document: (nullable): the document whose day and lead time unit apply
 * @per_day: items finished a day
 *
 * A throughput as the panel and the reports show it: two significant
 * digits, and below one a day also how often one comes, which is what a
 * team reads from 1/7 a day.
 *
 * Returns: (transfer full): "12 a day", "0.14 a day · one every 7.0 d";
 *   "–" when unknown
 */
char *
fm_figure_format_throughput (FmDocument *document,
                             double      per_day)
{
  g_autofree char *number = NULL;
  g_autofree char *interval = NULL;
  char format[8];
  int decimals;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);

  if (!isfinite (per_day) || per_day < 0)
    return g_strdup ("–");
  if (per_day == 0)
    return g_strdup_printf (_("%s a day"), "0");

  decimals = CLAMP (1 - (int) floor (log10 (per_day)), 0, 6);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  number = fm_format_decimal (format, per_day);
  if (per_day >= 1)
    /* Translators: items finished a day, as in "12 a day" */
    return g_strdup_printf (_("%s a day"), number);

  interval = fm_figure_format_duration (document, FM_DURATION_LEAD, document_day (document) / per_day);
  /* Translators: items finished a day and how often one is, as in
   * "0.14 a day · one every 7.0 d" */
  return g_strdup_printf (_("%s a day · one every %s"), number, interval);
}

/**
 * fm_figure_format_rolled_pca:
 * @rolled_pca: the rolled %C&A, 0.94 for 94 %; NAN when none was entered
 * @pca_steps: how many steps on the path have a %C&A
 * @path_steps: how many steps the path has
 *
 * The rolled %C&A with what it rests on, for the panel, the legend and
 * the CLI: a step without a %C&A counts as 100 %, so a figure from three
 * steps of five must say so, and one from none is no figure at all.
 *
 * Returns: (transfer full): "94.0 %" when every step has one; "94.0 %, 3
 *   of 5 steps"; "– (no %C&A entered)"; "–" without steps
 */
char *
fm_figure_format_rolled_pca (double rolled_pca,
                             guint  pca_steps,
                             guint  path_steps)
{
  g_autofree char *percent = NULL;

  if (path_steps == 0)
    return g_strdup ("–");
  if (pca_steps == 0 || isnan (rolled_pca))
    /* Translators: the rolled %C&A when no step has one */
    return g_strdup (_("– (no %C&A entered)"));

  percent = fm_figure_format_percent (100 * rolled_pca, "%.1f");
  if (pca_steps >= path_steps)
    return g_steal_pointer (&percent);

  /* Translators: the rolled %C&A and how many steps on the path have a
   * %C&A, as in "94.0 %, 3 of 5 steps" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u of %u step", "%s, %u of %u steps", path_steps),
                          percent, pca_steps, path_steps);
}

/**
 * fm_figure_format_change:
 * @change: a relative change, −0.75 for a quarter of what it was
 *
 * Returns: (transfer full): "−75 %", "+12 %", "±0 %"; "" when @change is NAN
 */
char *
fm_figure_format_change (double change)
{
  g_autofree char *number = NULL;
  double percent;

  if (isnan (change) || !isfinite (change))
    return g_strdup ("");

  percent = round (100 * change);
  number = format_decimal (fabs (percent), "%.0f");
  if (percent == 0)
    /* Translators: no change, as a percentage */
    return g_strdup_printf (_("±%s %%"), number);

  /* Translators: a change as a percentage: the sign, then the number, as in "−75 %" */
  return g_strdup_printf (_("%s%s %%"), percent < 0 ? MINUS : "+", number);
}

static char *
format_delta (double         seconds,
              FmDurationKind kind,
              FmTimeUnit     lead_unit,
              double         day_length_s)
{
  g_autofree char *magnitude = NULL;

  if (isnan (seconds))
    return g_strdup ("");
  if (fabs (seconds) < 0.5)
    return g_strdup ("±0");

  magnitude = fm_duration_format_figure (fabs (seconds), kind, lead_unit, day_length_s);
  return g_strconcat (seconds < 0 ? MINUS : "+", magnitude, NULL);
}

/**
 * fm_figure_format_delta:
 *
 * Returns: (transfer full): a change of a lead time or wait with its
 *   sign, "−5.0 d", "+0.5 d"; "±0" when it is nothing
 */
char *
fm_figure_format_delta (double seconds,
                        double day_length_s)
{
  return format_delta (seconds, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, day_length_s);
}

/**
 * fm_figure_format_delta_for:
 * @document: (nullable): the document whose day and lead time unit apply
 *
 * Returns: (transfer full): a change of a duration of @kind with its sign
 */
char *
fm_figure_format_delta_for (FmDocument    *document,
                            FmDurationKind kind,
                            double         seconds)
{
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);

  return format_delta (seconds, kind, document_unit (document), document_day (document));
}

/**
 * fm_figure_get_trend:
 *
 * Returns: whether going from @from to @to is an improvement of the
 *   figure @name: shorter lead times, higher flow efficiency…
 */
FmTrend
fm_figure_get_trend (const char *name,
                     double      from,
                     double      to)
{
  gint i = lookup (name);

  if (i < 0 || figures[i].better == 0 || isnan (from) || isnan (to) || from == to)
    return FM_TREND_NEUTRAL;

  return (to - from) * figures[i].better > 0 ? FM_TREND_BETTER : FM_TREND_WORSE;
}

static void
format_pair (const char *name,
             double      from,
             double      to,
             FmTimeUnit  lead_unit,
             double      day_length_s,
             char      **from_text,
             char      **to_text)
{
  *from_text = format_value (name, from, lead_unit, day_length_s);
  *to_text = format_value (name, to, lead_unit, day_length_s);

  /* Process times each exact in their own unit would read "106 h → 3450
   * min": the second in the unit of the first. */
  if (g_str_has_suffix (name, "_s") && fm_figure_get_kind (name) == FM_DURATION_PROCESS &&
      isfinite (from) && from > 0 && isfinite (to) && to >= 0 &&
      to <= 36525.0 / 7 * fm_duration_week_length (day_length_s))
    {
      g_free (*to_text);
      *to_text = fm_duration_format_figure_like (to, from, day_length_s);
    }
}

/**
 * fm_figure_format_pair_for:
 * @document: (nullable): the document whose day and lead time unit apply
 * @from_text: (out) (transfer full): @from as the figure @name reads
 * @to_text: (out) (transfer full): @to likewise, a process time in the
 *   unit of @from ("106 h → 57.5 h")
 *
 * A figure of two maps, to be read side by side.
 */
void
fm_figure_format_pair_for (FmDocument *document,
                           const char *name,
                           double      from,
                           double      to,
                           char      **from_text,
                           char      **to_text)
{
  g_return_if_fail (document == NULL || FM_IS_DOCUMENT (document));
  g_return_if_fail (name != NULL && from_text != NULL && to_text != NULL);

  format_pair (name, from, to, document_unit (document), document_day (document), from_text, to_text);
}

static char *
describe (const char *name,
          const char *a,
          const char *b,
          double      change)
{
  g_autofree char *c = fm_figure_format_change (change);

  if (c[0] == '\0')
    /* Translators: a figure from one map to the other, as in "Lead time 8 w → 2 w" */
    return g_strdup_printf (_("%s %s → %s"), fm_figure_get_title (name), a, b);

  /* Translators: a figure from one map to the other and the change, as in
   * "Lead time 8 w → 2 w, −75 %" */
  return g_strdup_printf (_("%s %s → %s, %s"), fm_figure_get_title (name), a, b, c);
}

/**
 * fm_figure_describe:
 *
 * Returns: (transfer full): one line, such as "Lead time 56.0 d → 14.0 d, −75 %"
 */
char *
fm_figure_describe (const char *name,
                    double      from,
                    double      to,
                    double      change,
                    double      day_length_s)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  format_pair (name, from, to, FM_TIME_UNIT_DAYS, day_length_s, &a, &b);
  return describe (name, a, b, change);
}

/**
 * fm_figure_describe_for:
 * @document: (nullable): the document whose day and lead time unit apply
 *
 * fm_figure_describe() in the units @document sets.
 *
 * Returns: (transfer full): one line
 */
char *
fm_figure_describe_for (FmDocument *document,
                        const char *name,
                        double      from,
                        double      to,
                        double      change)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);

  fm_figure_format_pair_for (document, name, from, to, &a, &b);
  return describe (name, a, b, change);
}
