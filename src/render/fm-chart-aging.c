/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-aging.c: the aging work-in-progress chart
 *
 * A column per step and queue, in the order of the flow; each item in
 * progress a dot in the column of where it is, at the height of its age
 * (since it started). The 50th and 85th percentiles of the finished items'
 * lead time run across: a dot above the 85th is older than 85 % of the
 * items that finished, and is drawn in the colour of alerts and named.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"

#define TICK_LENGTH 4.0
/* Items named next to their dot, the oldest first. */
#define MAX_NAMED 6

typedef struct {
  const char *node_id;   /* NULL: a state mapped to nothing, named by @label */
  const char *label;
  guint n_items;
} Column;

static int
find_column (GArray               *columns,
             const FmObservedAge  *age)
{
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *c = &g_array_index (columns, Column, i);

      if (age->node_id != NULL ? g_strcmp0 (c->node_id, age->node_id) == 0
                               : c->node_id == NULL && g_strcmp0 (c->label, age->state) == 0)
        return (int) i;
    }

  return -1;
}

/* The steps and queues in the order of the flow, then the states that are
 * no node; only those with items when the room is short. */
static GArray *
collect_columns (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  FmObservedSeries *series = chart->data->series;
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));

  for (guint b = 0; b < series->bands->len; b++)
    {
      const FmObservedBand *band = &g_array_index (series->bands, FmObservedBand, b);
      Column c = { band->node_id, band->label, 0 };

      if (band->node_id != NULL)
        g_array_append_val (columns, c);
    }

  for (guint i = 0; i < o->aging->len; i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
      int column = find_column (columns, age);

      if (column < 0)
        {
          Column c = { NULL, age->state, 0 };

          g_array_append_val (columns, c);
          column = (int) columns->len - 1;
        }
      g_array_index (columns, Column, column).n_items++;
    }

  if (columns->len > 0 && chart->area.width / columns->len < chart->em * 6)
    for (guint i = columns->len; i-- > 0;)
      if (g_array_index (columns, Column, i).n_items == 0)
        g_array_remove_index (columns, i);

  return columns;
}

/* The names of the columns in the tick font, or smaller when a word of
 * one would not fit its column: words are not broken. */
static FmChartFont
labels_font (FmChart *chart,
             GArray  *columns,
             double   slot)
{
  for (guint i = 0; i < columns->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_array_index (columns, Column, i).label, " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        {
          double w;

          fm_chart_measure (chart, words[j], FM_CHART_FONT_TICK, 0, &w, NULL);
          if (w > slot - chart->em * 0.3)
            return FM_CHART_FONT_SMALL;
        }
    }

  return FM_CHART_FONT_TICK;
}

static double
labels_height (FmChart     *chart,
               GArray      *columns,
               double       slot,
               FmChartFont  font)
{
  double tallest = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      double h;

      fm_chart_measure (chart, g_array_index (columns, Column, i).label, font,
                        MAX (1, slot - chart->em * 0.3), NULL, &h);
      tallest = MAX (tallest, h);
    }

  return TICK_LENGTH + chart->em * 0.3 + tallest;
}

/* Places the dots of a column side by side where they would overlap:
 * the oldest in the middle, the others as near to it as they fit. */
static void
place_dots (GArray *points,
            double  radius,
            double  half_width)
{
  /* Two doubles a dot: its offset across and its height. */
  for (guint i = 0; i < points->len / 2; i++)
    {
      double *p = &g_array_index (points, double, 2 * i);
      double step = radius * 1.15;

      for (guint k = 0; k < 64; k++)
        {
          double dx = (k % 2 == 0 ? 1 : -1) * step * ((k + 1) / 2);
          gboolean clear = TRUE;

          if (fabs (dx) > half_width)
            {
              dx = 0;
              p[0] = dx;
              break;
            }
          for (guint j = 0; j < i && clear; j++)
            {
              const double *q = &g_array_index (points, double, 2 * j);

              clear = hypot (dx - q[0], p[1] - q[1]) >= 2 * radius + 0.5;
            }
          p[0] = dx;
          if (clear)
            break;
        }
    }
}

void
fm_chart_draw_aging (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  g_autoptr(GArray) columns = NULL;
  const char *y_title = _("Age");
  g_autofree char *p85_figure = fm_chart_format_duration (chart, o->lead_time_p85_s);
  g_autofree char *p50_figure = fm_chart_format_duration (chart, o->lead_time_p50_s);
  FmChartKey keys[2];
  guint n_keys = 0, named = 0;
  FmChartFont label_font;
  double max = 0, right, bottom, legend_w, legend_h, slot, radius, last_label = -G_MAXDOUBLE;
  cairo_t *cr = chart->cr;

  if (o->aging->len == 0)
    {
      fm_chart_message (chart, _("No item in progress at the end of the period"));
      return;
    }

  columns = collect_columns (chart);
  for (guint i = 0; i < o->aging->len; i++)
    max = MAX (max, g_array_index (o->aging, FmObservedAge, i).age_s);
  if (isfinite (o->lead_time_p85_s))
    max = MAX (max, o->lead_time_p85_s);

  /* Translators: in the legend of the aging chart */
  keys[n_keys++] = (FmChartKey) { _("In progress"), fm_chart_accent, FM_CHART_MARK_DOT };
  if (isfinite (o->lead_time_p85_s))
    /* Translators: in the legend of the aging chart */
    /* xgettext:no-c-format */
    keys[n_keys++] = (FmChartKey) { _("Older than 85 % of finished items"), fm_chart_alert, FM_CHART_MARK_DOT };
  fm_chart_legend_size (chart, keys, n_keys, TRUE, chart->area.width, &legend_w, &legend_h);

  right = MAX (fm_chart_reference_width (chart, _("85 %"), p85_figure),
               fm_chart_reference_width (chart, _("50 %"), p50_figure));
  slot = (chart->area.width - right - chart->em * 4) / MAX (1, columns->len);
  label_font = labels_font (chart, columns, slot);
  bottom = labels_height (chart, columns, slot, label_font) + legend_h + chart->em * 0.8;

  fm_chart_duration_scale (chart, max, (guint) MAX (2, (chart->area.height - bottom) / (chart->em * 3.2)),
                           &chart->y);
  fm_chart_layout_plot (chart, right, bottom, y_title);
  chart->x0 = 0;
  chart->x1 = columns->len;
  slot = chart->plot.width / MAX (1, columns->len);

  /* Every other column shaded, so that dots read as in their column. */
  for (guint i = 1; i < columns->len; i += 2)
    {
      cairo_rectangle (cr, fm_chart_x (chart, i), chart->plot.y, slot, chart->plot.height);
      fm_chart_set_color (chart, &fm_chart_grid, 0.45);
      cairo_fill (cr);
    }
  fm_chart_y_axis (chart, y_title);

  radius = chart->compact ? 3.0 : MAX (4, chart->em * 0.36);
  for (guint c = 0; c < columns->len; c++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) ages = g_ptr_array_new ();
      double centre = fm_chart_x (chart, c + 0.5);

      /* Oldest first, as in FmObserved::aging. */
      for (guint i = 0; i < o->aging->len; i++)
        {
          const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
          double point[2] = { 0, fm_chart_y (chart, age->age_s) };

          if (find_column (columns, age) != (int) c)
            continue;
          g_array_append_vals (points, point, 2);
          g_ptr_array_add (ages, (gpointer) age);
        }
      place_dots (points, radius, slot / 2 - radius - 1);

      cairo_set_line_width (cr, 1);
      for (guint i = 0; i < ages->len; i++)
        {
          const FmObservedAge *age = ages->pdata[i];
          const double *p = &g_array_index (points, double, 2 * i);

          cairo_new_sub_path (cr);
          cairo_arc (cr, centre + p[0], p[1], radius, 0, 2 * G_PI);
          fm_chart_set_color (chart, age->over_p85 ? &fm_chart_alert : &fm_chart_accent, 0.9);
          cairo_fill_preserve (cr);
          fm_chart_set_color (chart, &fm_chart_background, 1);
          cairo_stroke (cr);

          /* On a slide, the items to ask about are named. */
          if (age->over_p85 && !chart->compact && named < MAX_NAMED)
            {
              fm_chart_text (chart, age->item, FM_CHART_FONT_TICK, &fm_chart_alert,
                             centre + p[0] + radius + chart->em * 0.3, p[1],
                             FM_CHART_ALIGN_LEFT | FM_CHART_ALIGN_MIDDLE, 0);
              named++;
            }
        }
    }

  fm_chart_baseline (chart);
  for (guint c = 0; c < columns->len; c++)
    fm_chart_text (chart, g_array_index (columns, Column, c).label, label_font, &fm_chart_muted,
                   fm_chart_x (chart, c + 0.5), chart->plot.y + chart->plot.height + TICK_LENGTH + chart->em * 0.3,
                   FM_CHART_ALIGN_CENTER, MAX (1, slot - chart->em * 0.3));

  fm_chart_reference_line (chart, o->lead_time_p85_s, &fm_chart_alert, FM_CHART_MARK_DASH,
                           _("85 %"), p85_figure, &last_label);
  fm_chart_reference_line (chart, o->lead_time_p50_s, &fm_chart_ink, FM_CHART_MARK_LINE,
                           _("50 %"), p50_figure, &last_label);

  fm_chart_legend (chart, keys, n_keys, TRUE, chart->plot.x,
                   chart->area.y + chart->area.height - legend_h, chart->area.width - (chart->plot.x - chart->area.x));
}
