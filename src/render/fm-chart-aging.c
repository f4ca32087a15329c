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

/* Which column is a node's or an unmapped state's: a look-up, since
 * 200,000 states of an export can each be a column. */
typedef struct {
  GHashTable *nodes;    /* node id -> column + 1 */
  GHashTable *states;   /* the name of a state mapped to nothing -> column + 1 */
} ColumnIndex;

static void
column_index_add (ColumnIndex  *index,
                  const Column *c,
                  guint         column)
{
  GHashTable *table = c->node_id != NULL ? index->nodes : index->states;
  const char *key = c->node_id != NULL ? c->node_id : c->label;

  /* The first column of a name wins, as a search from the left would find. */
  if (key != NULL && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, (gpointer) key, GUINT_TO_POINTER (column + 1));
}

static void
column_index_init (ColumnIndex *index,
                   GArray      *columns)
{
  index->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  index->states = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < columns->len; i++)
    column_index_add (index, &g_array_index (columns, Column, i), i);
}

static void
column_index_clear (ColumnIndex *index)
{
  g_clear_pointer (&index->nodes, g_hash_table_unref);
  g_clear_pointer (&index->states, g_hash_table_unref);
}

static int
find_column (ColumnIndex         *index,
             const FmObservedAge *age)
{
  gpointer found = NULL;

  if (age->node_id != NULL)
    found = g_hash_table_lookup (index->nodes, age->node_id);
  else if (age->state != NULL)
    found = g_hash_table_lookup (index->states, age->state);

  return (int) GPOINTER_TO_UINT (found) - 1;
}

/* The steps and queues in the order of the flow, then the states that are
 * no node; only those with items when the room is short. */
static GArray *
collect_columns (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  FmObservedSeries *series = chart->data->series;
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));
  ColumnIndex index;

  for (guint b = 0; b < series->bands->len; b++)
    {
      const FmObservedBand *band = &g_array_index (series->bands, FmObservedBand, b);
      Column c = { band->node_id, band->label, 0 };

      if (band->node_id != NULL)
        g_array_append_val (columns, c);
    }

  column_index_init (&index, columns);
  for (guint i = 0; i < o->aging->len; i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
      int column = find_column (&index, age);

      if (column < 0)
        {
          Column c = { NULL, age->state, 0 };

          g_array_append_val (columns, c);
          column = (int) columns->len - 1;
          column_index_add (&index, &c, column);
        }
      g_array_index (columns, Column, column).n_items++;
    }
  column_index_clear (&index);

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

/* The offsets across that a dot is tried at: the middle, then one step
 * left and right, two… 64 of them, the last one kept when none is clear. */
#define N_TRIES 64
#define N_LANES N_TRIES

/* The lane of the offset of try @k: lanes run from the leftmost offset
 * (-32 steps) to the rightmost (+31). */
static guint
lane_of_try (guint k)
{
  int steps = k % 2 == 0 ? (int) k / 2 : -(int) (k + 1) / 2;

  return (guint) (steps + N_TRIES / 2);
}

static double
offset_of_try (guint  k,
               double step)
{
  return (k % 2 == 0 ? 1 : -1) * step * ((k + 1) / 2);
}

/* The index of the first height of @lane at or above @y. */
static guint
lane_search (GArray *lane,
             double  y)
{
  guint lo = 0, hi = lane->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lane, double, mid) < y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Whether a dot at (@dx, @y) is clear of the dots of a lane at @lane_dx:
 * of these, the nearest in height is the nearest of all. */
static gboolean
lane_clear (GArray *lane,
            double  lane_dx,
            double  dx,
            double  y,
            double  distance)
{
  guint at;

  if (lane->len == 0)
    return TRUE;
  /* Dots come oldest first, from the top down: usually below them all. */
  if (y >= g_array_index (lane, double, lane->len - 1))
    return hypot (dx - lane_dx, y - g_array_index (lane, double, lane->len - 1)) >= distance;

  at = lane_search (lane, y);
  if (hypot (dx - lane_dx, y - g_array_index (lane, double, at)) < distance)
    return FALSE;
  return at == 0 || hypot (dx - lane_dx, y - g_array_index (lane, double, at - 1)) >= distance;
}

static void
lane_insert (GArray *lane,
             double  y)
{
  if (lane->len == 0 || y >= g_array_index (lane, double, lane->len - 1))
    g_array_append_val (lane, y);
  else
    g_array_insert_val (lane, lane_search (lane, y), y);
}

/* Places the dots of a column side by side where they would overlap:
 * the oldest in the middle, the others as near to it as they fit. A dot
 * is clear when no dot placed before it is nearer than two radii; as
 * dots only ever sit at one of the offsets tried, each offset keeps the
 * heights of its dots sorted, and only the offsets near enough to touch
 * are asked, for their nearest dot: the same places as checking every
 * earlier dot, without the time that takes for 20,000 items. */
void
fm_chart_place_dots (GArray *points,
                     double  radius,
                     double  half_width)
{
  const double step = radius * 1.15;
  const double distance = 2 * radius + 0.5;
  /* Lanes farther apart than this many steps cannot touch. */
  const int reach = (int) ceil (distance / step) + 1;
  GArray *lanes[N_LANES];
  double lane_dx[N_LANES];

  for (guint k = 0; k < N_TRIES; k++)
    lane_dx[lane_of_try (k)] = offset_of_try (k, step);
  for (guint l = 0; l < N_LANES; l++)
    lanes[l] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Two doubles a dot: its offset across and its height. */
  for (guint i = 0; i < points->len / 2; i++)
    {
      double *p = &g_array_index (points, double, 2 * i);
      guint lane = lane_of_try (0);

      for (guint k = 0; k < N_TRIES; k++)
        {
          double dx = offset_of_try (k, step);
          gboolean clear = TRUE;
          int here = (int) lane_of_try (k);

          if (fabs (dx) > half_width)
            {
              p[0] = 0;
              lane = lane_of_try (0);
              break;
            }
          for (int l = MAX (0, here - reach); l <= MIN (N_LANES - 1, here + reach) && clear; l++)
            clear = fabs (dx - lane_dx[l]) >= distance ||
                    lane_clear (lanes[l], lane_dx[l], dx, p[1], distance);
          p[0] = dx;
          lane = (guint) here;
          if (clear)
            break;
        }
      lane_insert (lanes[lane], p[1]);
    }

  for (guint l = 0; l < N_LANES; l++)
    g_array_unref (lanes[l]);
}

/**
 * fm_chart_place_name:
 * @placed: (element-type FmRect): the names placed so far; @name joins them
 * @lines: the heights of the reference lines a name must not cross
 * @name: (inout): where the name would go, right of its dot; moved up or
 *   down by its height, at most twice, to clear the names before it and
 *   the lines
 *
 * Returns: whether @name found room; if not, it is left out (its dot is
 *   still drawn, in the alert colour)
 */
gboolean
fm_chart_place_name (GArray       *placed,
                     const double *lines,
                     guint         n_lines,
                     FmRect       *name)
{
  static const double shifts[] = { 0, -1, 1, -2, 2 };

  for (guint s = 0; s < G_N_ELEMENTS (shifts); s++)
    {
      FmRect r = *name;
      gboolean clear = TRUE;

      r.y += shifts[s] * (r.height + 2);
      for (guint i = 0; i < n_lines && clear; i++)
        clear = !(lines[i] > r.y - 1 && lines[i] < r.y + r.height + 1);
      for (guint i = 0; i < placed->len && clear; i++)
        {
          const FmRect *o = &g_array_index (placed, FmRect, i);

          clear = r.x + r.width + 2 <= o->x || o->x + o->width + 2 <= r.x ||
                  r.y + r.height + 1 <= o->y || o->y + o->height + 1 <= r.y;
        }
      if (clear)
        {
          *name = r;
          g_array_append_val (placed, r);
          return TRUE;
        }
    }

  return FALSE;
}

void
fm_chart_draw_aging (FmChart *chart)
{
  FmObserved *o = chart->data->observed;
  g_autoptr(GArray) columns = NULL;
  g_autofree GPtrArray **by_column = NULL;
  ColumnIndex index;
  const char *y_title = _("Age");
  g_autofree char *p85_figure = fm_chart_format_duration (chart, o->lead_time_p85_s);
  g_autofree char *p50_figure = fm_chart_format_duration (chart, o->lead_time_p50_s);
  FmChartKey keys[2];
  guint n_keys = 0, named = 0, n_lines = 0;
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (FmRect));
  double lines[2];
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

  fm_chart_duration_scale (chart, max, fm_render_clamp_count ((chart->area.height - bottom) / (chart->em * 3.2), 2, 1000),
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
  /* The items of each column in one pass, oldest first as in
   * FmObserved::aging: a column at a time would read them all each time. */
  column_index_init (&index, columns);
  by_column = g_new0 (GPtrArray *, columns->len + 1);
  for (guint c = 0; c < columns->len; c++)
    by_column[c] = g_ptr_array_new ();
  for (guint i = 0; i < o->aging->len; i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
      int column = find_column (&index, age);

      if (column >= 0)
        g_ptr_array_add (by_column[column], (gpointer) age);
    }
  column_index_clear (&index);

  /* The 85 % and 50 % lines, drawn last: names keep off them. */
  if (isfinite (o->lead_time_p85_s))
    lines[n_lines++] = fm_chart_y (chart, o->lead_time_p85_s);
  if (isfinite (o->lead_time_p50_s))
    lines[n_lines++] = fm_chart_y (chart, o->lead_time_p50_s);

  for (guint c = 0; c < columns->len; c++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) ages = g_steal_pointer (&by_column[c]);
      double centre = fm_chart_x (chart, c + 0.5);

      for (guint i = 0; i < ages->len; i++)
        {
          const FmObservedAge *age = ages->pdata[i];
          double point[2] = { 0, fm_chart_y (chart, age->age_s) };

          g_array_append_vals (points, point, 2);
        }
      fm_chart_place_dots (points, radius, slot / 2 - radius - 1);

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

          /* On a slide, the items to ask about are named, where a name
           * covers no other name and no reference line. */
          if (age->over_p85 && !chart->compact && named < MAX_NAMED)
            {
              FmRect name = { centre + p[0] + radius + chart->em * 0.3, p[1], 0, 0 };

              fm_chart_measure (chart, age->item, FM_CHART_FONT_TICK, 0, &name.width, &name.height);
              name.y -= name.height / 2;
              if (fm_chart_place_name (names, lines, n_lines, &name))
                {
                  fm_chart_text (chart, age->item, FM_CHART_FONT_TICK, &fm_chart_alert,
                                 name.x, name.y + name.height / 2,
                                 FM_CHART_ALIGN_LEFT | FM_CHART_ALIGN_MIDDLE, 0);
                  named++;
                }
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
