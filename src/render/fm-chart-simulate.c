/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-simulate.c: the charts of a simulation: lead times, queues, utilization
 *
 * Drawn from an FmSimulateResult as the observed charts are drawn from
 * their series, with the same page, type, colours and axes
 * (fm-chart-private.h), for the Simulate page and for slides alike:
 *   - the lead-time histogram, its 50th, 85th and 95th percentiles as
 *     vertical lines, as the scatterplot marks them across;
 *   - items waiting in each queue over the simulated time (flow mode);
 *   - each step's utilization, in the order of the flow, the busiest (the
 *     bottleneck, as the Simulate page names it) in the alert colour.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"
#include "fm-chart-simulate.h"
#include "fm-figures.h"

static const FmChartKindName kinds[FM_N_SIM_CHARTS] = {
  [FM_SIM_CHART_HISTOGRAM] = { "histogram", N_("Simulated Lead Time") },
  [FM_SIM_CHART_QUEUES] = { "queues", N_("Queue Length over Time") },
  [FM_SIM_CHART_UTILIZATION] = { "utilization", N_("Utilization per Step") },
};

const char *
fm_sim_chart_kind_to_string (FmSimChartKind kind)
{
  g_return_val_if_fail (kind < FM_N_SIM_CHARTS, NULL);

  return kinds[kind].name;
}

/**
 * fm_sim_chart_kind_from_string:
 * @name: "histogram", "queues" or "utilization"
 *
 * Returns: whether @name is a chart of a simulation
 */
gboolean
fm_sim_chart_kind_from_string (const char     *name,
                               FmSimChartKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return fm_chart_kind_lookup (kinds, FM_N_SIM_CHARTS, name, (guint *) kind);
}

const char *
fm_sim_chart_kind_get_title (FmSimChartKind kind)
{
  g_return_val_if_fail (kind < FM_N_SIM_CHARTS, NULL);

  return _(kinds[kind].title);
}

static gboolean
has_queue_series (const FmSimulateResult *result)
{
  for (guint i = 0; result->nodes != NULL && i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (node->queue_series != NULL && node->queue_series->len > 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_utilization (const FmSimulateResult *result)
{
  for (guint i = 0; result->nodes != NULL && i < result->nodes->len; i++)
    if (!isnan (g_array_index (result->nodes, FmSimulateNode, i).utilization))
      return TRUE;
  return FALSE;
}

/**
 * fm_sim_chart_kind_available:
 *
 * Returns: whether @result has what chart @kind draws: the queues and the
 *   utilization come from flow mode only
 */
gboolean
fm_sim_chart_kind_available (FmSimChartKind          kind,
                             const FmSimulateResult *result)
{
  g_return_val_if_fail (kind < FM_N_SIM_CHARTS, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  switch (kind)
    {
    case FM_SIM_CHART_HISTOGRAM:
      return result->histogram != NULL && result->histogram->len > 0;
    case FM_SIM_CHART_QUEUES:
      return has_queue_series (result);
    case FM_SIM_CHART_UTILIZATION:
    default:
      return has_utilization (result);
    }
}

static const char *
node_name (FmNode *node)
{
  const char *label = fm_node_get_label (node);

  return label != NULL && *label != '\0' ? label : fm_node_get_id (node);
}

static void
add_box (GArray        *boxes,
         FmNode        *node,
         FmRect         rect,
         double         value,
         gboolean       alert)
{
  FmSimChartBox box = { node, rect, value, alert };

  if (boxes != NULL)
    g_array_append_val (boxes, box);
}

static double
crisp (double v)
{
  return floor (v) + 0.5;
}

/* Durations along the bottom, in steps people say, from the scale that
 * fm_chart_duration_scale() picks for the range. */
static void
duration_axis (FmChart *chart)
{
  cairo_t *cr = chart->cr;
  FmChartScale scale;
  double base = chart->plot.y + chart->plot.height, label_w, last_right = -G_MAXDOUBLE;
  guint n_ticks;

  fm_chart_measure (chart, "10 w 6 d", FM_CHART_FONT_TICK, 0, &label_w, NULL);
  n_ticks = (guint) MAX (2, floor (chart->plot.width / (label_w + chart->em * 1.2)));
  fm_chart_duration_scale (chart, chart->x1 - chart->x0, n_ticks, &scale);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = ceil (chart->x0 / scale.step - 1e-9) * scale.step; v <= chart->x1 + 1e-6; v += scale.step)
    {
      g_autofree char *label = v <= 0 ? g_strdup ("0") : fm_chart_format_duration (chart, v);
      double x = fm_chart_x (chart, v), w, left;

      fm_chart_set_color (chart, &fm_chart_muted, 1);
      cairo_move_to (cr, crisp (x), base);
      cairo_line_to (cr, crisp (x), base + 4);
      cairo_stroke (cr);

      fm_chart_measure (chart, label, FM_CHART_FONT_TICK, 0, &w, NULL);
      left = CLAMP (x - w / 2, chart->area.x, chart->area.x + chart->area.width - w);
      if (left < last_right + chart->em * 0.4)
        continue;
      last_right = left + w;
      fm_chart_text (chart, label, FM_CHART_FONT_TICK, &fm_chart_muted, left, base + 4 + chart->em * 0.3,
                     FM_CHART_ALIGN_LEFT, 0);
    }
  cairo_restore (cr);
}

static double
axis_height (FmChart *chart)
{
  double h;

  fm_chart_measure (chart, "0", FM_CHART_FONT_TICK, 0, NULL, &h);
  return 4 + chart->em * 0.3 + h;
}

/* A percentile as a vertical line from the baseline up, named at its top,
 * the names stepping down so that none covers another; the median's name
 * left of its line where it fits, clear of the lines after it. */
static void
percentile_line (FmChart       *chart,
                 FmDocument    *document,
                 double         seconds,
                 const char    *name,
                 const FmColor *color,
                 guint          row,
                 gboolean       left,
                 GArray        *boxes)
{
  cairo_t *cr = chart->cr;
  /* In the words of the Simulate page's figures: "15.8 d". */
  g_autofree char *figure = fm_figure_format_duration (document, FM_DURATION_LEAD, seconds);
  g_autofree char *text = g_strdup_printf ("%s %s", name, figure);
  double x = fm_chart_x (chart, seconds), w, h, y;

  if (!isfinite (seconds) || seconds < chart->x0 || seconds > chart->x1)
    return;

  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { chart->em * 0.55, chart->em * 0.35 }, 2, 0);
  cairo_set_line_width (cr, MAX (1.5, chart->em * 0.15));
  fm_chart_set_color (chart, color, 1);
  cairo_move_to (cr, x, chart->plot.y + chart->plot.height);
  cairo_line_to (cr, x, chart->plot.y);
  cairo_stroke (cr);
  cairo_restore (cr);

  fm_chart_measure (chart, text, FM_CHART_FONT_BOLD, 0, &w, &h);
  y = chart->plot.y + row * h * 1.1;
  if (left && x - chart->em * 0.3 - w < chart->plot.x)
    left = FALSE;
  /* Right of the line, or left of it where the plot ends. */
  if (!left && x + chart->em * 0.3 + w > chart->plot.x + chart->plot.width)
    left = TRUE;
  /* On the page's colour, over the lines of the later percentiles, drawn
   * before it. */
  cairo_rectangle (cr, left ? x - chart->em * 0.3 - w - 2 : x + chart->em * 0.3 - 2, y, w + 4, h);
  fm_chart_set_color (chart, &fm_chart_background, 0.9);
  cairo_fill (cr);
  if (left)
    fm_chart_text (chart, text, FM_CHART_FONT_BOLD, color, x - chart->em * 0.3, y, FM_CHART_ALIGN_RIGHT, 0);
  else
    fm_chart_text (chart, text, FM_CHART_FONT_BOLD, color, x + chart->em * 0.3, y, FM_CHART_ALIGN_LEFT, 0);

  add_box (boxes, NULL, (FmRect) { x, chart->plot.y, 0, chart->plot.height }, seconds, FALSE);
}

static void
draw_histogram (FmChart                *chart,
                FmDocument             *document,
                const FmSimulateResult *result,
                GArray                 *boxes)
{
  cairo_t *cr = chart->cr;
  GArray *bins = result->histogram;
  guint max = 0;
  double base, gap;
  const char *y_title = result->mode == FM_SIMULATE_FLOW ? _("Items") : _("Runs");
  FmColor p95 = fm_chart_tint (&fm_chart_alert, 0.35);

  for (guint i = 0; i < bins->len; i++)
    max = MAX (max, g_array_index (bins, guint, i));

  fm_chart_count_scale (max, (guint) MAX (2, chart->area.height / (chart->em * 3.2)), &chart->y);
  fm_chart_layout_plot (chart, chart->em, axis_height (chart), y_title);
  chart->x0 = result->histogram_start_s;
  chart->x1 = result->histogram_start_s + bins->len * result->histogram_width_s;
  fm_chart_y_axis (chart, y_title);

  base = fm_chart_y (chart, 0);
  gap = chart->plot.width / bins->len > 6 ? 1 : 0;
  for (guint i = 0; i < bins->len; i++)
    {
      guint count = g_array_index (bins, guint, i);
      double left = fm_chart_x (chart, chart->x0 + i * result->histogram_width_s);
      double right = fm_chart_x (chart, chart->x0 + (i + 1) * result->histogram_width_s);
      double top = fm_chart_y (chart, count);
      FmRect bar = { left + gap / 2, top, MAX (0.5, right - left - gap), base - top };

      if (count > 0)
        {
          cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
          fm_chart_set_color (chart, &fm_chart_accent, 0.85);
          cairo_fill (cr);
        }
      add_box (boxes, NULL, bar, count, FALSE);
    }
  fm_chart_baseline (chart);
  duration_axis (chart);

  /* The last first: a name drawn later covers the lines right of it. */
  percentile_line (chart, document, result->lead_time_p95_s, _("95 %"), &p95, 2, FALSE, boxes);
  percentile_line (chart, document, result->lead_time_p85_s, _("85 %"), &fm_chart_alert, 1, FALSE, boxes);
  percentile_line (chart, document, result->lead_time_p50_s, _("50 %"), &fm_chart_ink, 0, TRUE, boxes);
}

static void
draw_queues (FmChart                *chart,
             const FmSimulateResult *result,
             GArray                 *boxes)
{
  cairo_t *cr = chart->cr;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (FmChartKey));
  double max = 0, longest = 0, legend_w, legend_h;
  const char *y_title = _("Items waiting");

  for (guint i = 0; i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);
      FmChartKey key;

      if (node->queue_series == NULL || node->queue_series->len == 0)
        continue;
      for (guint s = 0; s < node->queue_series->len; s++)
        max = MAX (max, g_array_index (node->queue_series, double, s));
      longest = MAX (longest, node->queue_series->len);
      key = (FmChartKey) { node_name (node->node), fm_chart_hue (keys->len), FM_CHART_MARK_LINE };
      g_array_append_val (keys, key);
    }

  fm_chart_legend_size (chart, (FmChartKey *) keys->data, keys->len, FALSE, chart->area.width, &legend_w, &legend_h);
  fm_chart_count_scale (max, (guint) MAX (2, chart->area.height / (chart->em * 3.2)), &chart->y);
  fm_chart_layout_plot (chart, chart->em, axis_height (chart) + chart->em * 0.8 + legend_h, y_title);
  chart->x0 = 0;
  chart->x1 = MAX (1, longest - 1) * result->series_step_s;
  fm_chart_y_axis (chart, y_title);

  for (guint i = 0, n = 0; i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);
      FmColor color = fm_chart_hue (n);
      double top = G_MAXDOUBLE, peak = 0;

      if (node->queue_series == NULL || node->queue_series->len == 0)
        continue;
      n++;

      cairo_save (cr);
      cairo_set_line_width (cr, MAX (1.2, chart->em * 0.14));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < node->queue_series->len; s++)
        {
          double v = g_array_index (node->queue_series, double, s);
          double x = fm_chart_x (chart, s * result->series_step_s), y = fm_chart_y (chart, v);

          if (s == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          top = MIN (top, y);
          peak = MAX (peak, v);
        }
      fm_chart_set_color (chart, &color, 1);
      cairo_stroke (cr);
      cairo_restore (cr);

      add_box (boxes, node->node,
               (FmRect) { chart->plot.x, top,
                          fm_chart_x (chart, (node->queue_series->len - 1) * result->series_step_s) - chart->plot.x,
                          fm_chart_y (chart, 0) - top },
               peak, FALSE);
    }
  fm_chart_baseline (chart);
  duration_axis (chart);
  fm_chart_legend (chart, (FmChartKey *) keys->data, keys->len, FALSE, chart->plot.x,
                   chart->area.y + chart->area.height - legend_h, chart->area.width - (chart->plot.x - chart->area.x));
}

static void
draw_utilization (FmChart                *chart,
                  const FmSimulateResult *result,
                  GArray                 *boxes)
{
  cairo_t *cr = chart->cr;
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  const FmSimulateNode *busiest = NULL;
  double line_h, name_h, max = 1, slot, bar_w, base, last_label = -G_MAXDOUBLE;
  /* xgettext:no-c-format */
  const char *y_title = _("Busy, % of the people’s time");
  FmChartKey keys[2];
  double legend_w, legend_h;

  for (guint i = 0; i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (isnan (node->utilization))
        continue;
      g_ptr_array_add (steps, (gpointer) node);
      /* The first of equals, as the Simulate page's list names it. */
      if (busiest == NULL || node->utilization > busiest->utilization)
        busiest = node;
      max = MAX (max, node->utilization);
    }

  /* Translators: in the utilization chart's legend */
  keys[0] = (FmChartKey) { _("Utilization"), fm_chart_accent, FM_CHART_MARK_AREA };
  /* Translators: in the utilization chart's legend: the busiest step */
  keys[1] = (FmChartKey) { _("Bottleneck"), fm_chart_alert, FM_CHART_MARK_AREA };
  fm_chart_legend_size (chart, keys, 2, FALSE, chart->area.width, &legend_w, &legend_h);

  fm_chart_measure (chart, "Ag", FM_CHART_FONT_SMALL, 0, NULL, &line_h);
  name_h = line_h * 2;
  /* Room above the tallest bar for its figure. */
  fm_chart_count_scale (100 * max * 1.12, (guint) MAX (2, chart->area.height / (chart->em * 3.2)), &chart->y);
  fm_chart_layout_plot (chart, fm_chart_reference_width (chart, "100 %", ""),
                        name_h + chart->em * 0.8 + legend_h + chart->em * 0.4, y_title);
  chart->x0 = 0;
  chart->x1 = steps->len;
  fm_chart_y_axis (chart, y_title);

  slot = chart->plot.width / steps->len;
  bar_w = MAX (1, slot * (slot > 12 ? 0.62 : 0.85));
  base = fm_chart_y (chart, 0);
  for (guint i = 0; i < steps->len; i++)
    {
      const FmSimulateNode *node = g_ptr_array_index (steps, i);
      gboolean alert = node == busiest;
      double cx = fm_chart_x (chart, i + 0.5), top = fm_chart_y (chart, 100 * node->utilization);
      g_autofree char *figure = g_strdup_printf ("%.0f %%", 100 * node->utilization);
      FmRect bar = { cx - bar_w / 2, top, bar_w, base - top };
      double w;

      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      fm_chart_set_color (chart, alert ? &fm_chart_alert : &fm_chart_accent, 1);
      cairo_fill (cr);

      fm_chart_measure (chart, figure, FM_CHART_FONT_BOLD, 0, &w, NULL);
      if (w <= slot * 0.96)
        fm_chart_text (chart, figure, FM_CHART_FONT_BOLD, alert ? &fm_chart_alert : &fm_chart_ink,
                       cx, top - chart->em * 0.2, FM_CHART_ALIGN_CENTER | FM_CHART_ALIGN_BOTTOM, 0);
      fm_chart_text (chart, node_name (node->node), FM_CHART_FONT_SMALL, &fm_chart_ink, cx, base + chart->em * 0.4,
                     FM_CHART_ALIGN_CENTER, MAX (1, slot - chart->em * 0.4));
      add_box (boxes, node->node, bar, node->utilization, alert);
    }
  fm_chart_baseline (chart);
  /* Past 100 %, a step's people cannot keep up. */
  if (chart->y.max >= 100)
    fm_chart_reference_line (chart, 100, &fm_chart_muted, FM_CHART_MARK_DASH, "100 %", "", &last_label);
  fm_chart_legend (chart, keys, 2, FALSE, chart->plot.x, chart->area.y + chart->area.height - legend_h,
                   chart->area.width - (chart->plot.x - chart->area.x));
}

static char *
caption (FmSimChartKind          kind,
         FmMap                  *map,
         const FmSimulateResult *result)
{
  if (result->mode == FM_SIMULATE_FLOW)
    /* Translators: under the title of a simulation's chart: the map's
     * name and how many items went through it */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: a flow simulation of %u item",
                                         "%s: a flow simulation of %u items", result->samples),
                            fm_map_get_name (map), result->samples);
  /* Translators: under the title of a simulation's chart: the map's name
   * and how many times it was walked */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u run of a Monte Carlo simulation",
                                       "%s: %u runs of a Monte Carlo simulation", result->samples),
                          fm_map_get_name (map), result->samples);
}

/**
 * fm_sim_chart_draw:
 * @cr: where to draw, as for fm_chart_draw()
 * @document: the document, for its day
 * @map: the map simulated, named in the caption
 * @result: what the simulation gave
 * @title: draw a title and a caption above the chart, as for a slide
 * @boxes: (nullable) (element-type FmSimChartBox): where to add the bars,
 *   lines and percentiles as drawn
 *
 * Draws chart @kind of @result on a white page of @width × @height from
 * (0, 0). Without what the chart needs (a Monte Carlo result has no
 * queues), the page says so.
 */
void
fm_sim_chart_draw (cairo_t                *cr,
                   FmSimChartKind          kind,
                   FmDocument             *document,
                   FmMap                  *map,
                   const FmSimulateResult *result,
                   gboolean                title,
                   double                  width,
                   double                  height,
                   GArray                 *boxes)
{
  FmChartData data = { .day_length_s = 0 };
  FmChart chart;
  double pad;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < FM_N_SIM_CHARTS);
  g_return_if_fail (FM_IS_DOCUMENT (document));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (result != NULL);

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    return;

  data.day_length_s = fm_document_get_day_length_s (document);
  data.title = title;
  cairo_save (cr);
  fm_chart_init (&chart, cr, &data, width, height);
  cairo_rectangle (cr, 0, 0, width, height);
  fm_chart_set_color (&chart, &fm_chart_background, 1);
  cairo_fill (cr);

  pad = chart.compact ? 6 : round (chart.em * 2.2);
  chart.area = (FmRect) { pad, pad, width - 2 * pad, height - 2 * pad };
  if (title)
    {
      g_autofree char *text = caption (kind, map, result);
      double h;

      h = fm_chart_text (&chart, fm_sim_chart_kind_get_title (kind), FM_CHART_FONT_TITLE, &fm_chart_ink,
                         chart.area.x, chart.area.y, FM_CHART_ALIGN_LEFT, chart.area.width);
      h += chart.em * 0.2;
      h += fm_chart_text (&chart, text, FM_CHART_FONT_CAPTION, &fm_chart_muted,
                          chart.area.x, chart.area.y + h, FM_CHART_ALIGN_LEFT, chart.area.width);
      h += chart.em * 1.4;
      chart.area.y += h;
      chart.area.height -= h;
    }

  if (chart.area.width <= chart.em * 8 || chart.area.height <= chart.em * 6)
    goto out;
  if (!fm_sim_chart_kind_available (kind, result))
    {
      fm_chart_message (&chart, kind == FM_SIM_CHART_HISTOGRAM ? _("No lead times were simulated")
                                                               : _("A flow simulation shows this chart"));
      goto out;
    }

  switch (kind)
    {
    case FM_SIM_CHART_HISTOGRAM:
      draw_histogram (&chart, document, result, boxes);
      break;
    case FM_SIM_CHART_QUEUES:
      draw_queues (&chart, result, boxes);
      break;
    case FM_SIM_CHART_UTILIZATION:
    default:
      draw_utilization (&chart, result, boxes);
      break;
    }

out:
  fm_chart_clear (&chart);
  cairo_restore (cr);
}
