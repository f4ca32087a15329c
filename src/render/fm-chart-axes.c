/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-axes.c: the scales, axes and reference lines of the charts
 *
 * Counts go up in steps of 1, 2 or 5 times a power of ten, durations in
 * the units people say (hours, days, weeks); dates are marked by days,
 * Mondays or the first of months, whichever leaves room for the labels,
 * with the year under the first label and wherever it changes.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"
#include "fm-duration.h"

#define TICK_LENGTH 4.0

/**
 * fm_chart_count_scale:
 * @max: the largest count to show
 * @n_ticks: at most this many steps
 *
 * A scale from 0 to @max or a little more, in whole steps.
 */
void
fm_chart_count_scale (double        max,
                      guint         n_ticks,
                      FmChartScale *scale)
{
  static const double factors[] = { 1, 2, 5 };
  double step = 1;

  n_ticks = MAX (n_ticks, 2);
  if (!(max > 0) || !isfinite (max))
    max = 1;

  for (double power = 1; ; power *= 10)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (factors) && !found; i++)
        {
          step = factors[i] * power;
          found = ceil (max / step - 1e-9) <= n_ticks;
        }
      if (found || power > 1e12)
        break;
    }

  scale->min = 0;
  scale->step = step;
  scale->max = MAX (1, ceil (max / step - 1e-9)) * step;
  scale->duration = FALSE;
}

/**
 * fm_chart_duration_scale:
 * @max_s: the longest duration to show, in seconds
 *
 * A scale of durations from 0, in steps of minutes, hours, days or weeks
 * of the document's day.
 */
void
fm_chart_duration_scale (FmChart      *chart,
                         double        max_s,
                         guint         n_ticks,
                         FmChartScale *scale)
{
  double day = chart->data->day_length_s > 0 ? chart->data->day_length_s : 86400;
  double week = fm_duration_week_length (day);
  gboolean weeks = chart->data->lead_unit == FM_TIME_UNIT_WEEKS;
  /* Round numbers of the unit the figures are read in: "10.0 d", "20.0 d"
   * rather than weeks written as days. */
  const double steps[] = {
    60, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600,
    day, 2 * day, weeks ? 3 * day : 5 * day, weeks ? week : 10 * day, weeks ? 2 * week : 20 * day,
    weeks ? 3 * week : 30 * day, weeks ? 4 * week : 50 * day, weeks ? 6 * week : 100 * day,
    weeks ? 8 * week : 200 * day, weeks ? 12 * week : 300 * day, weeks ? 26 * week : 500 * day,
    weeks ? 52 * week : 1000 * day,
  };
  double step = steps[G_N_ELEMENTS (steps) - 1];

  n_ticks = MAX (n_ticks, 2);
  if (!(max_s > 0) || !isfinite (max_s))
    max_s = day;
  /* A little room above the highest dot, which would sit on the edge. */
  max_s *= 1.03;

  /* From two weeks on, ticks of whole weeks ("2.0 w") or of ten days. */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (ceil (max_s / steps[i] - 1e-9) <= n_ticks &&
        (steps[i] >= (weeks ? week : 10 * day) || max_s < 2 * week))
      {
        step = steps[i];
        break;
      }

  /* Beyond: years of 52 weeks, or thousands of days. */
  while (ceil (max_s / step - 1e-9) > n_ticks)
    step += weeks ? 52 * week : 1000 * day;

  scale->min = 0;
  scale->step = step;
  scale->max = MAX (1, ceil (max_s / step - 1e-9)) * step;
  scale->duration = TRUE;
}

static char *
tick_label (FmChart *chart,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (chart->y.duration)
    return value <= 0 ? g_strdup ("0") : fm_chart_format_duration (chart, value);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
}

double
fm_chart_x (FmChart *chart,
            double   value)
{
  double span = chart->x1 - chart->x0;

  return chart->plot.x + (span > 0 ? (value - chart->x0) / span : 0.5) * chart->plot.width;
}

double
fm_chart_y (FmChart *chart,
            double   value)
{
  double span = chart->y.max - chart->y.min;

  return chart->plot.y + chart->plot.height * (1 - (span > 0 ? (value - chart->y.min) / span : 0));
}

/* A 1-unit line on a pixel boundary stays sharp on screen. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

/**
 * fm_chart_layout_plot:
 * @right: room to keep right of the plot (labels of lines, a legend)
 * @bottom: room to keep under it (the axis's labels)
 * @y_title: (nullable): the vertical axis's name, shown above it
 *
 * Places the plot in the chart's area, leaving room on the left for the
 * labels of the vertical scale, which must be set.
 */
void
fm_chart_layout_plot (FmChart    *chart,
                      double      right,
                      double      bottom,
                      const char *y_title)
{
  double widest = 0, top, tick_h = 0;
  FmRect *a = &chart->area;

  for (double v = chart->y.min; v <= chart->y.max + chart->y.step * 0.01; v += chart->y.step)
    {
      g_autofree char *label = tick_label (chart, v);
      double w, h;

      fm_chart_measure (chart, label, FM_CHART_FONT_TICK, 0, &w, &h);
      widest = MAX (widest, w);
      tick_h = MAX (tick_h, h);
    }

  top = tick_h / 2;
  if (y_title != NULL)
    {
      double h;

      fm_chart_measure (chart, y_title, FM_CHART_FONT_LABEL, 0, NULL, &h);
      top = MAX (top, h + chart->em * 0.5);
    }

  chart->plot.x = a->x + ceil (widest + chart->em * 0.6);
  chart->plot.y = a->y + top;
  chart->plot.width = MAX (1, a->x + a->width - right - chart->plot.x);
  chart->plot.height = MAX (1, a->height - top - bottom);
}

/* The grid of the vertical scale, its labels and its name above them. */
void
fm_chart_y_axis (FmChart    *chart,
                 const char *y_title)
{
  cairo_t *cr = chart->cr;
  FmRect *p = &chart->plot;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  fm_chart_set_color (chart, &fm_chart_grid, 1);
  for (double v = chart->y.min + chart->y.step; v <= chart->y.max + chart->y.step * 0.01; v += chart->y.step)
    {
      double y = crisp (fm_chart_y (chart, v));

      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (double v = chart->y.min; v <= chart->y.max + chart->y.step * 0.01; v += chart->y.step)
    {
      g_autofree char *label = tick_label (chart, v);

      fm_chart_text (chart, label, FM_CHART_FONT_TICK, &fm_chart_muted,
                     p->x - chart->em * 0.6, fm_chart_y (chart, v),
                     FM_CHART_ALIGN_RIGHT | FM_CHART_ALIGN_MIDDLE, 0);
    }

  if (y_title != NULL)
    fm_chart_text (chart, y_title, FM_CHART_FONT_LABEL, &fm_chart_muted,
                   chart->area.x, chart->area.y, FM_CHART_ALIGN_LEFT, 0);
}

/* The line the bars and areas stand on. */
void
fm_chart_baseline (FmChart *chart)
{
  cairo_t *cr = chart->cr;
  double y = crisp (chart->plot.y + chart->plot.height);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  fm_chart_set_color (chart, &fm_chart_muted, 1);
  cairo_move_to (cr, chart->plot.x, y);
  cairo_line_to (cr, chart->plot.x + chart->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
fm_chart_date_axis_height (FmChart *chart)
{
  double h;

  fm_chart_measure (chart, "0", FM_CHART_FONT_TICK, 0, NULL, &h);
  return TICK_LENGTH + chart->em * 0.3 + 2 * h;
}

typedef enum {
  STEP_DAYS,
  STEP_MONDAYS,
  STEP_MONTHS,
} StepKind;

static gboolean
is_tick (const GDate *date,
         StepKind     kind,
         guint        n,
         guint32      first_monday)
{
  switch (kind)
    {
    case STEP_DAYS:
      return TRUE;
    case STEP_MONDAYS:
      return g_date_get_weekday (date) == G_DATE_MONDAY &&
             ((g_date_get_julian (date) - first_monday) / 7) % n == 0;
    case STEP_MONTHS:
    default:
      return g_date_get_day (date) == 1 && (g_date_get_month (date) - 1) % n == 0;
    }
}

/**
 * fm_chart_date_axis:
 * @first_day: the day at 0 on the horizontal scale, which counts days
 *
 * Marks the days under the plot: each day, every Monday or every first of
 * the month (or fewer), as many as their labels leave room for.
 */
void
fm_chart_date_axis (FmChart     *chart,
                    const GDate *first_day)
{
  static const struct {
    StepKind kind;
    guint n;
  } steps[] = {
    { STEP_DAYS, 1 }, { STEP_MONDAYS, 1 }, { STEP_MONDAYS, 2 }, { STEP_MONTHS, 1 },
    { STEP_MONTHS, 2 }, { STEP_MONTHS, 3 }, { STEP_MONTHS, 6 }, { STEP_MONTHS, 12 },
  };
  cairo_t *cr = chart->cr;
  guint32 first = g_date_get_julian (first_day);
  guint32 day0 = first + (guint32) MAX (0, floor (chart->x0));
  guint32 day1 = first + (guint32) MAX (0, floor (chart->x1));
  guint32 first_monday = day0;
  double label_w, label_h, base = chart->plot.y + chart->plot.height;
  double max_ticks, last_right = -G_MAXDOUBLE;
  guint last_year = 0, chosen = G_N_ELEMENTS (steps) - 1;
  GDate date;

  fm_chart_measure (chart, "28 Sep", FM_CHART_FONT_TICK, 0, &label_w, &label_h);
  max_ticks = MAX (1, floor (chart->plot.width / (label_w + chart->em * 1.2)));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day0);
  while (g_date_get_weekday (&date) != G_DATE_MONDAY)
    {
      g_date_add_days (&date, 1);
      first_monday++;
    }

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      guint count = 0;

      for (guint32 d = day0; d <= day1 && count <= max_ticks; d++)
        {
          g_date_set_julian (&date, d);
          count += is_tick (&date, steps[s].kind, steps[s].n, first_monday);
        }
      if (count <= max_ticks && (count >= 2 || s + 1 == G_N_ELEMENTS (steps) || day1 - day0 < 2))
        {
          chosen = s;
          break;
        }
    }

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint32 d = day0; d <= day1; d++)
    {
      gboolean months = steps[chosen].kind == STEP_MONTHS;
      g_autofree char *label = NULL;
      double x, w, left;

      g_date_set_julian (&date, d);
      if (!is_tick (&date, steps[chosen].kind, steps[chosen].n, first_monday))
        continue;

      x = fm_chart_x (chart, d - first);
      if (x < chart->plot.x - 0.5 || x > chart->plot.x + chart->plot.width + 0.5)
        continue;

      fm_chart_set_color (chart, &fm_chart_muted, 1);
      cairo_move_to (cr, crisp (x), base);
      cairo_line_to (cr, crisp (x), base + TICK_LENGTH);
      cairo_stroke (cr);

      if (months)
        {
          char month[64];

          if (g_date_strftime (month, sizeof month, "%b", &date) == 0)
            continue;
          label = g_strdup (month);
        }
      else
        label = fm_chart_format_day (&date, FALSE);

      /* A label never hangs off the page, nor over its neighbour. */
      fm_chart_measure (chart, label, FM_CHART_FONT_TICK, 0, &w, NULL);
      left = CLAMP (x - w / 2, chart->area.x, chart->area.x + chart->area.width - w);
      if (left < last_right + chart->em * 0.4)
        continue;
      last_right = left + w;

      fm_chart_text (chart, label, FM_CHART_FONT_TICK, &fm_chart_muted, left,
                     base + TICK_LENGTH + chart->em * 0.3, FM_CHART_ALIGN_LEFT, 0);
      if (g_date_get_year (&date) != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%u", g_date_get_year (&date));

          fm_chart_text (chart, year, FM_CHART_FONT_TICK, &fm_chart_muted, left,
                         base + TICK_LENGTH + chart->em * 0.3 + label_h, FM_CHART_ALIGN_LEFT, 0);
          last_year = g_date_get_year (&date);
        }
    }
  cairo_restore (cr);
}

/* The room the label of a reference line takes right of the plot. */
double
fm_chart_reference_width (FmChart    *chart,
                          const char *label,
                          const char *figure)
{
  double w1, w2;

  fm_chart_measure (chart, label, FM_CHART_FONT_BOLD, 0, &w1, NULL);
  fm_chart_measure (chart, figure, FM_CHART_FONT_TICK, 0, &w2, NULL);

  return ceil (MAX (w1, w2) + chart->em * 0.8);
}

/**
 * fm_chart_reference_line:
 * @style: %FM_CHART_MARK_LINE, or %FM_CHART_MARK_DASH for a dashed line
 * @label: what the line is, such as "85 %", in bold right of the plot
 * @figure: its value, under @label
 * @last_label_y: (inout): the bottom of the label drawn last; draw the
 *   lines from the top down and the labels never overlap
 *
 * A horizontal line across the plot at @value, named right of the plot.
 */
void
fm_chart_reference_line (FmChart       *chart,
                         double         value,
                         const FmColor *color,
                         FmChartMark    style,
                         const char    *label,
                         const char    *figure,
                         double        *last_label_y)
{
  cairo_t *cr = chart->cr;
  double y = fm_chart_y (chart, value), h1, h2, top;
  double width = MAX (1.5, chart->em * 0.15);

  if (!isfinite (value) || value < chart->y.min || value > chart->y.max * 1.001)
    return;

  cairo_save (cr);
  if (style == FM_CHART_MARK_DASH)
    cairo_set_dash (cr, (double[]) { chart->em * 0.55, chart->em * 0.35 }, 2, 0);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, chart->plot.x, y);
  cairo_line_to (cr, chart->plot.x + chart->plot.width + chart->em * 0.3, y);
  /* A white edge keeps the line legible over dots and areas. */
  fm_chart_set_color (chart, &fm_chart_background, 0.8);
  cairo_set_line_width (cr, width + 2);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  fm_chart_set_color (chart, color, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  fm_chart_measure (chart, label, FM_CHART_FONT_BOLD, 0, NULL, &h1);
  fm_chart_measure (chart, figure, FM_CHART_FONT_TICK, 0, NULL, &h2);
  top = y - h1 / 2;
  if (last_label_y != NULL && top < *last_label_y + chart->em * 0.15)
    top = *last_label_y + chart->em * 0.15;

  fm_chart_text (chart, label, FM_CHART_FONT_BOLD, color,
                 chart->plot.x + chart->plot.width + chart->em * 0.6, top, FM_CHART_ALIGN_LEFT, 0);
  fm_chart_text (chart, figure, FM_CHART_FONT_TICK, &fm_chart_ink,
                 chart->plot.x + chart->plot.width + chart->em * 0.6, top + h1, FM_CHART_ALIGN_LEFT, 0);
  if (last_label_y != NULL)
    *last_label_y = top + h1 + h2;
}
