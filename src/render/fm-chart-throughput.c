/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-throughput.c: the throughput run chart
 *
 * A bar per ISO week, the items finished in it, with the mean over the
 * complete weeks (the figure the forecast draws from). A week that is
 * only partly in the period is hatched: it is shown, not counted.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-chart-private.h"

#define TICK_LENGTH 4.0

static void
hatch (FmChart       *chart,
       double         x,
       double         y,
       double         width,
       double         height,
       const FmColor *color)
{
  cairo_t *cr = chart->cr;
  double step = MAX (4, chart->em * 0.5);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  fm_chart_set_color (chart, color, 0.25);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  for (double d = -height; d < width; d += step)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_set_line_width (cr, 1);
  fm_chart_set_color (chart, color, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (0, width - 1), MAX (0, height - 1));
  cairo_set_line_width (cr, 1);
  fm_chart_set_color (chart, color, 1);
  cairo_stroke (cr);
}

/* The Mondays under the bars, as many as there is room for. */
static void
week_axis (FmChart *chart,
           GArray  *weeks)
{
  cairo_t *cr = chart->cr;
  double label_w, label_h, base = chart->plot.y + chart->plot.height;
  double slot = chart->plot.width / MAX (1, weeks->len);
  guint every, last_year = 0;

  fm_chart_measure (chart, "28 Sep", FM_CHART_FONT_TICK, 0, &label_w, &label_h);
  every = fm_render_clamp_count (ceil ((label_w + chart->em * 1.0) / slot), 1, G_MAXINT);
  /* Fortnights and months read better than every third week. */
  if (every == 3)
    every = 4;
  else if (every > 4 && every < 8)
    every = 8;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < weeks->len; i += every)
    {
      const FmObservedWeek *week = &g_array_index (weeks, FmObservedWeek, i);
      g_autofree char *label = fm_chart_format_day (&week->monday, FALSE);
      double x = fm_chart_x (chart, i + 0.5);

      fm_chart_set_color (chart, &fm_chart_muted, 1);
      cairo_move_to (cr, floor (x) + 0.5, base);
      cairo_line_to (cr, floor (x) + 0.5, base + TICK_LENGTH);
      cairo_stroke (cr);

      fm_chart_text (chart, label, FM_CHART_FONT_TICK, &fm_chart_muted, x,
                     base + TICK_LENGTH + chart->em * 0.3, FM_CHART_ALIGN_CENTER, 0);
      if (g_date_get_year (&week->monday) != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%u", g_date_get_year (&week->monday));

          fm_chart_text (chart, year, FM_CHART_FONT_TICK, &fm_chart_muted, x,
                         base + TICK_LENGTH + chart->em * 0.3 + label_h, FM_CHART_ALIGN_CENTER, 0);
          last_year = g_date_get_year (&week->monday);
        }
    }
  cairo_restore (cr);
}

void
fm_chart_draw_throughput (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  GArray *weeks = o->weeks;
  const char *y_title = _("Items finished");
  g_autofree char *mean_figure = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  FmChartKey keys[3];
  guint n_keys = 0, max = 0;
  gboolean any_incomplete = FALSE;
  double right, bottom, legend_w, legend_h, slot, bar_w, last_label = -G_MAXDOUBLE;
  cairo_t *cr = chart->cr;

  if (weeks->len == 0)
    {
      fm_chart_message (chart, _("No item finished in the period"));
      return;
    }

  for (guint i = 0; i < weeks->len; i++)
    {
      const FmObservedWeek *week = &g_array_index (weeks, FmObservedWeek, i);

      max = MAX (max, week->finished);
      /* Only a hatched bar needs the key. */
      any_incomplete |= !week->complete && week->finished > 0;
    }

  /* Translators: in a chart's legend: a week wholly in the period */
  keys[n_keys++] = (FmChartKey) { _("Week"), fm_chart_accent, FM_CHART_MARK_AREA };
  if (any_incomplete)
    /* Translators: in a chart's legend: a week partly outside the period */
    keys[n_keys++] = (FmChartKey) { _("Part of a week, not in the mean"), fm_chart_accent, FM_CHART_MARK_HATCH };
  if (isfinite (o->throughput_per_week))
    /* Translators: in a chart's legend: the mean of the weekly counts */
    keys[n_keys++] = (FmChartKey) { _("Mean of the whole weeks"), fm_chart_alert, FM_CHART_MARK_DASH };
  fm_chart_legend_size (chart, keys, n_keys, TRUE, chart->area.width, &legend_w, &legend_h);

  fm_locale_formatd (number, sizeof number, "%.1f", o->throughput_per_week);
  /* Translators: the mean throughput on a chart, as in "3.9 a week" */
  mean_figure = g_strdup_printf (_("%s a week"), number);
  /* Translators: the label of the line of the mean on a chart */
  right = isfinite (o->throughput_per_week) ? fm_chart_reference_width (chart, _("Mean"), mean_figure) : chart->em;

  bottom = fm_chart_date_axis_height (chart) + legend_h + chart->em * 0.8;
  fm_chart_count_scale (max, fm_render_clamp_count ((chart->area.height - bottom) / (chart->em * 3.2), 2, 1000), &chart->y);
  fm_chart_layout_plot (chart, right, bottom, y_title);
  chart->x0 = 0;
  chart->x1 = weeks->len;
  fm_chart_y_axis (chart, y_title);

  slot = chart->plot.width / weeks->len;
  bar_w = MAX (1, slot * (slot > 12 ? 0.72 : 0.85));
  for (guint i = 0; i < weeks->len; i++)
    {
      const FmObservedWeek *week = &g_array_index (weeks, FmObservedWeek, i);
      double x = fm_chart_x (chart, i + 0.5) - bar_w / 2;
      double top = fm_chart_y (chart, week->finished), base = fm_chart_y (chart, 0);

      if (week->finished > 0)
        {
          if (week->complete)
            {
              cairo_rectangle (cr, x, top, bar_w, base - top);
              fm_chart_set_color (chart, &fm_chart_accent, 1);
              cairo_fill (cr);
            }
          else
            hatch (chart, x, top, bar_w, base - top, &fm_chart_accent);
        }

      /* The count on the bar when it fits: no need to read the scale. */
      if (slot >= chart->em * 1.9)
        {
          g_autofree char *count = g_strdup_printf ("%u", week->finished);

          fm_chart_text (chart, count, FM_CHART_FONT_TICK, week->complete ? &fm_chart_ink : &fm_chart_muted,
                         x + bar_w / 2, top - chart->em * 0.15, FM_CHART_ALIGN_CENTER | FM_CHART_ALIGN_BOTTOM, 0);
        }
    }

  fm_chart_baseline (chart);
  week_axis (chart, weeks);
  if (isfinite (o->throughput_per_week))
    fm_chart_reference_line (chart, o->throughput_per_week, &fm_chart_alert, FM_CHART_MARK_DASH,
                             _("Mean"), mean_figure, &last_label);

  fm_chart_legend (chart, keys, n_keys, TRUE, chart->plot.x,
                   chart->area.y + chart->area.height - legend_h, chart->area.width - (chart->plot.x - chart->area.x));
}
