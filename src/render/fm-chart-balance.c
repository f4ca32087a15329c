/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-balance.c: the cycle time / takt chart of a map's steps
 *
 * The operator balance chart of Learning to See: a bar per process step in
 * the order of the flow, its cycle time (process time ÷ people), and the
 * takt time as a line across. A step over the line cannot meet the demand
 * and is drawn in the alert colour, as the constraints name it first.
 * Names under the bars wrap into their column and are left out, every
 * other one, where the columns are too narrow, so that none overlaps.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-balance.h"
#include "fm-chart-balance.h"
#include "fm-chart-private.h"
#include "fm-duration.h"

#define NAME_LINES 3

/* The unit of the scale: the largest in which the longest bar is more than
 * a few, so that the ticks are whole numbers people say. */
static double
scale_unit (double       max_s,
            double       day,
            const char **title)
{
  if (max_s < 600)
    {
      /* Translators: the vertical axis of the cycle time / takt chart */
      *title = _("Seconds per piece");
      return 1;
    }
  if (max_s < 10 * 3600)
    {
      /* Translators: the vertical axis of the cycle time / takt chart */
      *title = _("Minutes per piece");
      return 60;
    }
  if (max_s < 5 * day)
    {
      /* Translators: the vertical axis of the cycle time / takt chart */
      *title = _("Hours per piece");
      return 3600;
    }
  /* Translators: the vertical axis of the cycle time / takt chart */
  *title = _("Days per piece");
  return day;
}

static char *
figure (FmDocument *document,
        double      seconds)
{
  return fm_duration_format_figure (seconds, FM_DURATION_PROCESS, fm_document_get_lead_time_unit (document),
                                    fm_document_get_day_length_s (document));
}

/* A bar's figure in the unit of the takt, to be read against it. */
static char *
bar_figure (FmDocument *document,
            double      seconds,
            double      takt_time_s)
{
  return fm_duration_format_figure_like (seconds, takt_time_s, fm_document_get_day_length_s (document));
}

static void
draw_title (FmChart    *chart,
            FmDocument *document,
            FmMap      *map,
            double      takt_time_s)
{
  g_autofree char *text = NULL;
  double h;

  if (isfinite (takt_time_s) && takt_time_s > 0)
    {
      g_autofree char *takt = figure (document, takt_time_s);

      /* Translators: under the title of the cycle time / takt chart: the
       * map's name and the takt time, as in "Current state: each step's
       * cycle time (process time ÷ people) against the takt time of 60 s" */
      text = g_strdup_printf (_("%s: each step’s cycle time (process time ÷ people) against the takt time of %s"),
                              fm_map_get_name (map), takt);
    }
  else
    /* Translators: under the title of the cycle time / takt chart when
     * the document has no demand or available time */
    text = g_strdup_printf (_("%s: each step’s cycle time (process time ÷ people); no takt time without the demand and the available time"),
                            fm_map_get_name (map));

  h = fm_chart_text (chart, _("Cycle time / takt"), FM_CHART_FONT_TITLE, &fm_chart_ink,
                     chart->area.x, chart->area.y, FM_CHART_ALIGN_LEFT, chart->area.width);
  h += chart->em * 0.2;
  h += fm_chart_text (chart, text, FM_CHART_FONT_CAPTION, &fm_chart_muted,
                      chart->area.x, chart->area.y + h, FM_CHART_ALIGN_LEFT, chart->area.width);
  h += chart->em * 1.4;
  chart->area.y += h;
  chart->area.height -= h;
}

/* The bars, their figures and their names; fills @boxes when not %NULL. */
static void
draw_bars (FmChart    *chart,
           FmDocument *document,
           double      takt_time_s,
           GArray     *bars,
           double      unit,
           double      name_height,
           GArray     *boxes)
{
  cairo_t *cr = chart->cr;
  double slot = chart->plot.width / bars->len;
  double bar_w = MAX (1, slot * (slot > 12 ? 0.62 : 0.85));
  double base = fm_chart_y (chart, 0);
  double widest = 0;
  guint every;

  /* Every name in a column of its own: where the columns are narrower than
   * a short word, every second (third…) name gets the columns between. */
  for (guint i = 0; i < bars->len; i++)
    {
      const FmBalanceBar *bar = &g_array_index (bars, FmBalanceBar, i);
      const char *label = fm_node_get_label (bar->node);
      double w;

      fm_chart_measure (chart, label != NULL ? label : "", FM_CHART_FONT_SMALL, 0, &w, NULL);
      widest = MAX (widest, MIN (w, chart->em * 6));
    }
  every = (guint) MAX (1, ceil ((MIN (widest, chart->em * 4) + chart->em * 0.6) / slot));

  for (guint i = 0; i < bars->len; i++)
    {
      const FmBalanceBar *bar = &g_array_index (bars, FmBalanceBar, i);
      const char *label = fm_node_get_label (bar->node);
      double cx = fm_chart_x (chart, i + 0.5);
      double top = fm_chart_y (chart, bar->cycle_time_s / unit);
      FmBalanceBox box = { bar->node, { cx - bar_w / 2, top, bar_w, base - top }, { 0 }, bar->over_takt };

      cairo_rectangle (cr, box.bar.x, box.bar.y, box.bar.width, box.bar.height);
      fm_chart_set_color (chart, bar->over_takt ? &fm_chart_alert : &fm_chart_accent, 1);
      cairo_fill (cr);

      /* The figure on the bar when it fits its column: no need to read
       * the scale, and "62 s" next to "60 s" is the point of the chart. */
      {
        g_autofree char *text = bar_figure (document, bar->cycle_time_s, takt_time_s);
        double w;

        fm_chart_measure (chart, text, FM_CHART_FONT_BOLD, 0, &w, NULL);
        if (w <= slot * 0.96)
          fm_chart_text (chart, text, FM_CHART_FONT_BOLD, bar->over_takt ? &fm_chart_alert : &fm_chart_ink,
                         cx, top - chart->em * 0.2, FM_CHART_ALIGN_CENTER | FM_CHART_ALIGN_BOTTOM, 0);
      }

      if (i % every == 0 && label != NULL && *label != '\0')
        {
          double width = MAX (1, slot * every - chart->em * 0.5);
          double w, h;

          fm_chart_measure (chart, label, FM_CHART_FONT_SMALL, width, &w, &h);
          box.label = (FmRect) { cx - width / 2, base + chart->em * 0.4, width, MIN (h, name_height) };
          fm_chart_text (chart, label, FM_CHART_FONT_SMALL, &fm_chart_ink, cx, box.label.y,
                         FM_CHART_ALIGN_CENTER, width);
        }

      if (boxes != NULL)
        g_array_append_val (boxes, box);
    }
}

/**
 * fm_chart_balance_draw:
 * @cr: where to draw, as for fm_chart_draw()
 * @document: the document, for its day and units
 * @map: the map whose steps are drawn
 * @takt_time_s: the takt time, NAN when unknown (no line then)
 * @title: draw a title and a caption above the chart, as for a slide
 * @boxes: (nullable) (element-type FmBalanceBox): where to add the bars
 *   as drawn, in the order of the flow
 *
 * Draws the cycle time / takt chart of @map on a white page of @width ×
 * @height from (0, 0): a bar per process step with a process time, in
 * the order of the flow, the steps over the takt time in the alert colour.
 */
void
fm_chart_balance_draw (cairo_t    *cr,
                       FmDocument *document,
                       FmMap      *map,
                       double      takt_time_s,
                       gboolean    title,
                       double      width,
                       double      height,
                       GArray     *boxes)
{
  FmChartData data = { .day_length_s = 0 };
  g_autoptr(GArray) bars = NULL;
  g_autofree char *takt_text = NULL;
  const char *y_title = NULL;
  FmChartKey keys[3];
  guint n_keys = 0;
  gboolean any_over = FALSE, with_takt;
  double max_s = 0, unit, right, bottom, legend_w, legend_h, name_h, line_h, last_label = -G_MAXDOUBLE;
  FmChart chart;
  double pad;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (FM_IS_DOCUMENT (document));
  g_return_if_fail (FM_IS_MAP (map));

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    return;

  data.day_length_s = fm_document_get_day_length_s (document);
  with_takt = isfinite (takt_time_s) && takt_time_s > 0;
  bars = fm_balance_compute (map, takt_time_s);

  cairo_save (cr);
  fm_chart_init (&chart, cr, &data, width, height);
  cairo_rectangle (cr, 0, 0, width, height);
  fm_chart_set_color (&chart, &fm_chart_background, 1);
  cairo_fill (cr);

  pad = chart.compact ? 6 : round (chart.em * 2.2);
  chart.area = (FmRect) { pad, pad, width - 2 * pad, height - 2 * pad };
  if (title)
    draw_title (&chart, document, map, takt_time_s);

  if (chart.area.width <= chart.em * 8 || chart.area.height <= chart.em * 6)
    goto out;
  if (bars->len == 0)
    {
      fm_chart_message (&chart, _("No process step has a process time"));
      goto out;
    }

  for (guint i = 0; i < bars->len; i++)
    {
      const FmBalanceBar *bar = &g_array_index (bars, FmBalanceBar, i);

      max_s = MAX (max_s, bar->cycle_time_s);
      any_over |= bar->over_takt;
    }
  if (with_takt)
    max_s = MAX (max_s, takt_time_s);
  unit = scale_unit (max_s, data.day_length_s >= 3600 ? data.day_length_s : 86400, &y_title);

  /* Translators: in the cycle time / takt chart's legend */
  keys[n_keys++] = (FmChartKey) { _("Cycle time"), fm_chart_accent, FM_CHART_MARK_AREA };
  if (any_over)
    /* Translators: in the cycle time / takt chart's legend: a step that cannot meet the demand */
    keys[n_keys++] = (FmChartKey) { _("Over the takt time"), fm_chart_alert, FM_CHART_MARK_AREA };
  if (with_takt)
    /* Translators: in the cycle time / takt chart's legend */
    keys[n_keys++] = (FmChartKey) { _("Takt time"), fm_chart_alert, FM_CHART_MARK_DASH };
  fm_chart_legend_size (&chart, keys, n_keys, TRUE, chart.area.width, &legend_w, &legend_h);

  takt_text = with_takt ? figure (document, takt_time_s) : NULL;
  /* Translators: the label of the takt line on the cycle time / takt chart */
  right = with_takt ? fm_chart_reference_width (&chart, _("Takt"), takt_text) : chart.em;

  fm_chart_measure (&chart, "Ag", FM_CHART_FONT_SMALL, 0, NULL, &line_h);
  name_h = line_h * NAME_LINES;
  bottom = name_h + chart.em * 0.8 + legend_h + chart.em * 0.8;
  /* Room above the tallest bar for its figure. */
  fm_chart_count_scale (max_s / unit * 1.12, (guint) MAX (2, (chart.area.height - bottom) / (chart.em * 3.2)),
                        &chart.y);
  fm_chart_layout_plot (&chart, right, bottom, y_title);
  chart.x0 = 0;
  chart.x1 = bars->len;
  fm_chart_y_axis (&chart, y_title);

  draw_bars (&chart, document, takt_time_s, bars, unit, name_h, boxes);
  fm_chart_baseline (&chart);
  if (with_takt)
    fm_chart_reference_line (&chart, takt_time_s / unit, &fm_chart_alert, FM_CHART_MARK_DASH, _("Takt"), takt_text,
                             &last_label);

  fm_chart_legend (&chart, keys, n_keys, TRUE, chart.plot.x, chart.area.y + chart.area.height - legend_h,
                   chart.area.width - (chart.plot.x - chart.area.x));

out:
  fm_chart_clear (&chart);
  cairo_restore (cr);
}
