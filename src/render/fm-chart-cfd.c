/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-cfd.c: the cumulative flow diagram
 *
 * The items in each step and queue at the end of each day, stacked in the
 * order of the flow with the finished items at the bottom: the bands'
 * widths are work in progress, their slopes arrivals and departures. A
 * queue and the step after it share a hue, the queue lighter: waiting
 * and working on the same thing read as one stage.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"

static void
band_colors (FmObservedSeries *series,
             FmColor          *colors)
{
  guint n = series->bands->len, hue = 0;
  gboolean open_queue = FALSE;

  for (guint b = 0; b < n; b++)
    {
      const FmObservedBand *band = &g_array_index (series->bands, FmObservedBand, b);
      FmColor base;

      if (band->node_id == NULL)
        {
          /* Done: a quiet grey, the ground the stages stand on. */
          colors[b] = fm_chart_tint (&fm_chart_muted, 0.45);
          continue;
        }

      if (band->kind == FM_NODE_KIND_QUEUE)
        {
          base = fm_chart_hue (hue++);
          colors[b] = fm_chart_tint (&base, 0.62);
          open_queue = TRUE;
        }
      else
        {
          base = fm_chart_hue (open_queue ? hue - 1 : hue++);
          colors[b] = fm_chart_tint (&base, 0.08);
          open_queue = FALSE;
        }
    }
}

void
fm_chart_draw_cfd (FmChart *chart)
{
  FmObservedSeries *series = chart->data->series;
  guint n_bands = series->bands->len, n_days = series->n_days;
  g_autofree FmColor *colors = g_new0 (FmColor, n_bands);
  g_autofree FmChartKey *keys = g_new0 (FmChartKey, n_bands);
  g_autofree double *lower = g_new0 (double, n_days);
  g_autofree double *upper = g_new0 (double, n_days);
  const char *y_title = _("Items");
  cairo_t *cr = chart->cr;
  double max = 0, legend_w, legend_h, right = 0, bottom;
  gboolean in_rows = chart->compact;

  for (guint d = 0; d < n_days; d++)
    {
      double total = 0;

      for (guint b = 0; b < n_bands; b++)
        total += fm_observed_series_get (series, d, b);
      max = MAX (max, total);
    }

  if (n_days < 2 || max == 0 || n_bands < 2)
    {
      fm_chart_message (chart, _("Not enough days of data to show the flow"));
      return;
    }

  band_colors (series, colors);
  for (guint b = 0; b < n_bands; b++)
    {
      keys[b].label = g_array_index (series->bands, FmObservedBand, b).label;
      keys[b].color = colors[b];
      keys[b].mark = FM_CHART_MARK_AREA;
    }

  /* The legend lists the bands as they lie, upstream on top. */
  if (in_rows)
    fm_chart_legend_size (chart, keys, n_bands, TRUE, chart->area.width, &legend_w, &legend_h);
  else
    {
      fm_chart_legend_size (chart, keys, n_bands, FALSE, chart->area.width * 0.26, &legend_w, &legend_h);
      right = legend_w + chart->em * 1.5;
    }
  bottom = fm_chart_date_axis_height (chart) + (in_rows ? legend_h + chart->em * 0.8 : 0);

  fm_chart_count_scale (max, fm_render_clamp_count ((chart->area.height - bottom) / (chart->em * 3.2), 2, 1000), &chart->y);
  fm_chart_layout_plot (chart, right, bottom, y_title);
  chart->x0 = 0;
  chart->x1 = n_days;
  fm_chart_y_axis (chart, y_title);

  /* Each day's count is drawn at the day's end; the first day's also at
   * its start, so the areas begin at the axis. */
  for (guint i = 0; i < n_bands; i++)
    {
      guint b = n_bands - 1 - i;

      for (guint d = 0; d < n_days; d++)
        upper[d] = lower[d] + fm_observed_series_get (series, d, b);

      cairo_move_to (cr, fm_chart_x (chart, 0), fm_chart_y (chart, upper[0]));
      for (guint d = 0; d < n_days; d++)
        cairo_line_to (cr, fm_chart_x (chart, d + 1), fm_chart_y (chart, upper[d]));
      for (guint d = n_days; d-- > 0;)
        cairo_line_to (cr, fm_chart_x (chart, d + 1), fm_chart_y (chart, lower[d]));
      cairo_line_to (cr, fm_chart_x (chart, 0), fm_chart_y (chart, lower[0]));
      cairo_close_path (cr);
      fm_chart_set_color (chart, &colors[b], 1);
      cairo_fill (cr);

      /* A thin white edge between bands keeps neighbours apart. */
      cairo_move_to (cr, fm_chart_x (chart, 0), fm_chart_y (chart, upper[0]));
      for (guint d = 0; d < n_days; d++)
        cairo_line_to (cr, fm_chart_x (chart, d + 1), fm_chart_y (chart, upper[d]));
      cairo_set_line_width (cr, chart->compact ? 0.6 : 0.9);
      fm_chart_set_color (chart, &fm_chart_background, 0.9);
      cairo_stroke (cr);

      memcpy (lower, upper, n_days * sizeof (double));
    }

  fm_chart_baseline (chart);
  fm_chart_date_axis (chart, &series->first_day);

  if (in_rows)
    fm_chart_legend (chart, keys, n_bands, TRUE, chart->area.x,
                     chart->area.y + chart->area.height - legend_h, chart->area.width);
  else
    fm_chart_legend (chart, keys, n_bands, FALSE, chart->area.x + chart->area.width - legend_w,
                     chart->plot.y, chart->area.width * 0.26);
}
