/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-scatter.c: the lead-time scatterplot
 *
 * Each finished item is a dot: across, the day it finished; up, its lead
 * time. Lines at the 50th, 85th and 95th percentiles say what the typical
 * item took and what can be promised. Dots take the colour of the item's
 * type when the data has types (the five most common; the rest grey).
 * A dotted vertical line marks each experiment's start, so that the dots
 * before and after it can be told apart.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"

#define MAX_TYPES 5

typedef struct {
  const char *type;   /* NULL: no type */
  guint count;
} TypeCount;

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const TypeCount *ta = a, *tb = b;

  if (ta->count != tb->count)
    return ta->count < tb->count ? 1 : -1;
  if ((ta->type == NULL) != (tb->type == NULL))
    return ta->type == NULL ? 1 : -1;

  return g_strcmp0 (ta->type, tb->type);
}

/* The types by how many items finished, most first. */
static GArray *
count_types (GArray *finishes)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *types = g_array_new (FALSE, FALSE, sizeof (TypeCount));

  for (guint i = 0; i < finishes->len; i++)
    {
      const FmObservedFinish *f = &g_array_index (finishes, FmObservedFinish, i);
      const char *key = f->type != NULL ? f->type : "";
      gpointer position;

      if (g_hash_table_lookup_extended (positions, key, NULL, &position))
        g_array_index (types, TypeCount, GPOINTER_TO_UINT (position)).count++;
      else
        {
          TypeCount t = { f->type, 1 };

          g_hash_table_insert (positions, (gpointer) key, GUINT_TO_POINTER (types->len));
          g_array_append_val (types, t);
        }
    }
  g_array_sort (types, compare_counts);

  return types;
}

static const FmColor *
type_color (GArray     *types,
            const char *type,
            FmColor    *colors)
{
  for (guint i = 0; i < MIN (types->len, MAX_TYPES); i++)
    if (g_strcmp0 (g_array_index (types, TypeCount, i).type, type) == 0 && type != NULL)
      return &colors[i];

  return &colors[MAX_TYPES];
}

/* Seconds since 1970 as days since the start of @first in @tz. */
static double
day_position (GTimeZone   *tz,
              const GDate *first,
              gint64       t)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_get_year (first), g_date_get_month (first),
                                                   g_date_get_day (first), 0, 0, 0);

  if (midnight == NULL)
    return 0;

  return (double) (t - g_date_time_to_unix (midnight)) / 86400.0;
}

/**
 * fm_chart_evidence_markers:
 * @evidence: (element-type FmEvidence): fm_evidence_compute()'s
 * @map: the map of its experiments
 *
 * Returns: (transfer full) (element-type FmChartMarker): the start of each
 *   experiment, labelled with its hypothesis (borrowed from @map)
 */
GArray *
fm_chart_evidence_markers (GPtrArray *evidence,
                           FmMap     *map)
{
  GArray *markers = g_array_new (FALSE, TRUE, sizeof (FmChartMarker));

  g_return_val_if_fail (FM_IS_MAP (map), markers);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const FmEvidence *e = evidence->pdata[i];
      FmNode *kaizen = fm_map_lookup_node (map, e->kaizen_id);
      FmChartMarker marker = { e->start, NULL };

      if (kaizen != NULL && *fm_node_get_label (kaizen) != '\0')
        marker.label = fm_node_get_label (kaizen);
      g_array_append_val (markers, marker);
    }

  return markers;
}

/* The start of a change: a dotted line up the plot, its label at the top. */
static void
draw_markers (FmChart          *chart,
              FmObserved       *o,
              FmObservedSeries *series)
{
  cairo_t *cr = chart->cr;

  for (guint i = 0; i < chart->data->n_markers; i++)
    {
      const FmChartMarker *marker = &chart->data->markers[i];
      double day = day_position (o->time_zone, &series->first_day, marker->time);
      double x = fm_chart_x (chart, day);

      if (day < chart->x0 || day > chart->x1)
        continue;

      cairo_save (cr);
      cairo_set_dash (cr, (double[]) { chart->em * 0.15, chart->em * 0.3 }, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, MAX (1.5, chart->em * 0.15));
      cairo_move_to (cr, x, chart->plot.y + chart->plot.height);
      cairo_line_to (cr, x, chart->plot.y);
      fm_chart_set_color (chart, &fm_chart_ink, 0.8);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (marker->label != NULL)
        fm_chart_text (chart, marker->label, FM_CHART_FONT_SMALL, &fm_chart_ink, x + chart->em * 0.3,
                       chart->plot.y, FM_CHART_ALIGN_LEFT,
                       MAX (chart->em * 4, chart->plot.x + chart->plot.width - x - chart->em * 0.3));
    }
}

void
fm_chart_draw_scatter (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  FmObservedSeries *series = chart->data->series;
  GArray *finishes = series->finishes;
  g_autoptr(GArray) types = NULL;
  FmColor colors[MAX_TYPES + 1];
  FmChartKey keys[MAX_TYPES + 1];
  const struct {
    double value;
    const char *label;
    const FmColor *color;
    FmChartMark style;
  } lines[] = {
    /* Translators: the label of a percentile line on a chart, as in "95 %" */
    { o->lead_time_p95_s, _("95 %"), &fm_chart_muted, FM_CHART_MARK_DASH },
    { o->lead_time_p85_s, _("85 %"), &fm_chart_alert, FM_CHART_MARK_DASH },
    { o->lead_time_p50_s, _("50 %"), &fm_chart_ink, FM_CHART_MARK_LINE },
  };
  const char *y_title = _("Lead time");
  cairo_t *cr = chart->cr;
  double max = 0, right = 0, legend_w = 0, legend_h = 0, bottom, radius, last_label = -G_MAXDOUBLE;
  guint n_keys = 0;
  gboolean typed;

  if (finishes->len == 0)
    {
      fm_chart_message (chart, _("No item finished in the period"));
      return;
    }

  types = count_types (finishes);
  typed = types->len > 1 || g_array_index (types, TypeCount, 0).type != NULL;
  for (guint i = 0; i < MAX_TYPES; i++)
    colors[i] = typed ? fm_chart_hue (i) : fm_chart_accent;
  colors[MAX_TYPES] = fm_chart_tint (&fm_chart_muted, 0.3);

  if (typed)
    {
      for (guint i = 0; i < MIN (types->len, MAX_TYPES); i++)
        {
          const char *type = g_array_index (types, TypeCount, i).type;

          /* Translators: in a chart's legend, the items without a type */
          keys[n_keys++] = (FmChartKey) { type != NULL ? type : _("No type"), colors[type != NULL ? i : MAX_TYPES],
                                          FM_CHART_MARK_DOT };
        }
      if (types->len > MAX_TYPES)
        /* Translators: in a chart's legend, the items of the less common types */
        keys[n_keys++] = (FmChartKey) { _("Other types"), colors[MAX_TYPES], FM_CHART_MARK_DOT };
      fm_chart_legend_size (chart, keys, n_keys, TRUE, chart->area.width, &legend_w, &legend_h);
    }

  for (guint i = 0; i < finishes->len; i++)
    max = MAX (max, g_array_index (finishes, FmObservedFinish, i).lead_s);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *figure = fm_chart_format_duration (chart, lines[i].value);

      if (isfinite (lines[i].value))
        max = MAX (max, lines[i].value);
      right = MAX (right, fm_chart_reference_width (chart, lines[i].label, figure));
    }

  bottom = fm_chart_date_axis_height (chart) + (n_keys > 0 ? legend_h + chart->em * 0.8 : 0);
  fm_chart_duration_scale (chart, max, fm_render_clamp_count ((chart->area.height - bottom) / (chart->em * 3.2), 2, 1000),
                           &chart->y);
  fm_chart_layout_plot (chart, right, bottom, y_title);
  /* From a few days before the first finish: the weeks before it hold
   * no dot. */
  chart->x0 = MAX (0, floor (day_position (o->time_zone, &series->first_day,
                                           g_array_index (finishes, FmObservedFinish, 0).finish)) - 3);
  chart->x1 = series->n_days;
  fm_chart_y_axis (chart, y_title);

  radius = chart->compact ? 2.6 : MAX (3.5, chart->em * 0.32);
  cairo_save (cr);
  cairo_rectangle (cr, chart->plot.x - radius, chart->plot.y - radius,
                   chart->plot.width + 2 * radius, chart->plot.height + 2 * radius);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.8);
  for (guint i = 0; i < finishes->len; i++)
    {
      const FmObservedFinish *f = &g_array_index (finishes, FmObservedFinish, i);
      double x = fm_chart_x (chart, day_position (o->time_zone, &series->first_day, f->finish));
      double y = fm_chart_y (chart, f->lead_s);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      fm_chart_set_color (chart, typed ? type_color (types, f->type, colors) : &fm_chart_accent, 0.85);
      cairo_fill_preserve (cr);
      fm_chart_set_color (chart, &fm_chart_background, 0.9);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  fm_chart_baseline (chart);
  fm_chart_date_axis (chart, &series->first_day);
  draw_markers (chart, o, series);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *figure = fm_chart_format_duration (chart, lines[i].value);

      fm_chart_reference_line (chart, lines[i].value, lines[i].color, lines[i].style,
                               lines[i].label, figure, &last_label);
    }

  if (n_keys > 0)
    fm_chart_legend (chart, keys, n_keys, TRUE, chart->plot.x,
                     chart->area.y + chart->area.height - legend_h, chart->area.width - (chart->plot.x - chart->area.x));
}
