/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart.c: charts of observed flow data, drawn with Cairo for the panel and for slides
 *
 * Four charts (fm-chart-cfd.c, -scatter.c, -throughput.c, -aging.c) share
 * a page: white, with the title and a caption above when drawn for a slide,
 * a plot with its axes (fm-chart-axes.c) and a legend. Colours are the
 * Okabe–Ito set, which readers with any common colour blindness tell
 * apart; what matters is also said with a mark, a dash or a label, never
 * by colour alone. Small sizes (the side panel) get smaller type and fewer
 * words. No GTK: the panel and the exports draw the same.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-chart"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-private.h"
#include "fm-duration.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }

#define FONT_FAMILY "Cantarell, Sans"
/* Below this width a chart is drawn for the side panel. */
#define COMPACT_WIDTH 560.0

const FmColor fm_chart_ink = RGB (0x1d232b);
const FmColor fm_chart_muted = RGB (0x5e6772);
const FmColor fm_chart_grid = RGB (0xe2e5e9);
const FmColor fm_chart_background = RGB (0xffffff);
const FmColor fm_chart_accent = RGB (0x0072b2);
const FmColor fm_chart_alert = RGB (0xd55e00);

/* Okabe & Ito, "Color Universal Design": blue, orange, bluish green,
 * reddish purple, sky blue, yellow. Vermillion is kept for alerts. */
static const FmColor hues[] = {
  RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7), RGB (0x56b4e9), RGB (0xf0e442),
};

static const FmChartKindName kinds[FM_N_CHARTS] = {
  [FM_CHART_CFD] = { "cfd", N_("Cumulative Flow") },
  [FM_CHART_SCATTER] = { "scatter", N_("Lead Time Scatterplot") },
  [FM_CHART_THROUGHPUT] = { "throughput", N_("Throughput") },
  [FM_CHART_AGING] = { "aging", N_("Aging Work in Progress") },
};

/* "cfd", "scatter", "throughput" or "aging": the name on the command line. */
const char *
fm_chart_kind_to_string (FmChartKind kind)
{
  g_return_val_if_fail (kind < FM_N_CHARTS, NULL);

  return kinds[kind].name;
}

gboolean
fm_chart_kind_from_string (const char  *name,
                           FmChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  return fm_chart_kind_lookup (kinds, FM_N_CHARTS, name, (guint *) kind);
}

/**
 * fm_chart_kind_lookup:
 * @name: (nullable): a name as typed, in any case
 * @index: (out) (optional): where @name is in @table
 *
 * Returns: whether @name is one of @table
 */
gboolean
fm_chart_kind_lookup (const FmChartKindName *table,
                      guint                  n_kinds,
                      const char            *name,
                      guint                 *index)
{
  for (guint i = 0; name != NULL && i < n_kinds; i++)
    if (g_ascii_strcasecmp (name, table[i].name) == 0)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }

  return FALSE;
}

/* The chart's name, translated: "Cumulative Flow". */
const char *
fm_chart_kind_get_title (FmChartKind kind)
{
  g_return_val_if_fail (kind < FM_N_CHARTS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].title);
}

FmColor
fm_chart_hue (guint i)
{
  return hues[i % G_N_ELEMENTS (hues)];
}

/* @color mixed with white: 0 is the colour, 1 white. */
FmColor
fm_chart_tint (const FmColor *color,
               double         white)
{
  return (FmColor) { color->r + (1 - color->r) * white, color->g + (1 - color->g) * white,
                     color->b + (1 - color->b) * white, color->a };
}

void
fm_chart_set_color (FmChart       *chart,
                    const FmColor *color,
                    double         alpha)
{
  cairo_set_source_rgba (chart->cr, color->r, color->g, color->b, color->a * alpha);
}

static void
setup_layout (FmChart     *chart,
              const char  *text,
              FmChartFont  font,
              double       max_width,
              FmChartAlign align)
{
  PangoLayout *layout = chart->layout;

  pango_layout_set_font_description (layout, chart->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, (align & FM_CHART_ALIGN_CENTER) ? PANGO_ALIGN_CENTER
                                      : (align & FM_CHART_ALIGN_RIGHT) ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, max_width > 0 ? fm_render_pango_units (max_width) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Up to three lines when wrapping, then an ellipsis. */
  pango_layout_set_height (layout, max_width > 0 ? -3 : -1);
  pango_layout_set_ellipsize (layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

void
fm_chart_measure (FmChart     *chart,
                  const char  *text,
                  FmChartFont  font,
                  double       max_width,
                  double      *width,
                  double      *height)
{
  PangoRectangle logical;

  setup_layout (chart, text, font, max_width, FM_CHART_ALIGN_LEFT);
  pango_layout_get_extents (chart->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * fm_chart_text:
 * @x: the left, centre or right of the text, by @align
 * @y: its top, middle or bottom, by @align
 * @max_width: wrap (up to three lines) and ellipsize at this width; 0: one line
 *
 * Returns: the height of the text
 */
double
fm_chart_text (FmChart       *chart,
               const char    *text,
               FmChartFont    font,
               const FmColor *color,
               double         x,
               double         y,
               FmChartAlign   align,
               double         max_width)
{
  PangoRectangle logical;
  double width, height, left;

  if (text == NULL || *text == '\0')
    return 0;

  setup_layout (chart, text, font, max_width, align);
  pango_layout_get_extents (chart->layout, NULL, &logical);
  width = max_width > 0 ? max_width : (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  left = (align & FM_CHART_ALIGN_CENTER) ? x - width / 2 : (align & FM_CHART_ALIGN_RIGHT) ? x - width : x;
  if (align & FM_CHART_ALIGN_MIDDLE)
    y -= height / 2;
  else if (align & FM_CHART_ALIGN_BOTTOM)
    y -= height;

  fm_chart_set_color (chart, color, 1);
  cairo_move_to (chart->cr, left, y);
  pango_cairo_show_layout (chart->cr, chart->layout);
  cairo_new_path (chart->cr);

  return height;
}

/* Says why there is nothing to draw, in the middle of the page. */
void
fm_chart_message (FmChart    *chart,
                  const char *text)
{
  FmRect *a = &chart->area;

  fm_chart_text (chart, text, FM_CHART_FONT_LABEL, &fm_chart_muted,
                 a->x + a->width / 2, a->y + a->height / 2,
                 FM_CHART_ALIGN_CENTER | FM_CHART_ALIGN_MIDDLE, MAX (1, a->width * 0.8));
}

static double
mark_size (FmChart *chart)
{
  return round (chart->em * 0.9);
}

static void
draw_mark (FmChart          *chart,
           const FmChartKey *key,
           double            x,
           double            y)
{
  cairo_t *cr = chart->cr;
  double s = mark_size (chart);

  cairo_save (cr);
  switch (key->mark)
    {
    case FM_CHART_MARK_DOT:
      cairo_arc (cr, x + s / 2, y, s * 0.36, 0, 2 * G_PI);
      fm_chart_set_color (chart, &key->color, 1);
      cairo_fill (cr);
      break;
    case FM_CHART_MARK_LINE:
    case FM_CHART_MARK_DASH:
      if (key->mark == FM_CHART_MARK_DASH)
        cairo_set_dash (cr, (double[]) { s * 0.35, s * 0.2 }, 2, 0);
      cairo_move_to (cr, x - s * 0.3, y);
      cairo_line_to (cr, x + s * 1.3, y);
      cairo_set_line_width (cr, MAX (1.5, s * 0.16));
      fm_chart_set_color (chart, &key->color, 1);
      cairo_stroke (cr);
      break;
    case FM_CHART_MARK_HATCH:
      cairo_rectangle (cr, x, y - s / 2, s, s);
      fm_chart_set_color (chart, &key->color, 0.35);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      for (double d = -s; d < s; d += s / 3)
        {
          cairo_move_to (cr, x + d, y + s / 2);
          cairo_line_to (cr, x + d + s, y - s / 2);
        }
      cairo_set_line_width (cr, 1);
      fm_chart_set_color (chart, &key->color, 1);
      cairo_stroke (cr);
      break;
    case FM_CHART_MARK_AREA:
    default:
      cairo_rectangle (cr, x, y - s / 2, s, s);
      fm_chart_set_color (chart, &key->color, 1);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

/* Lays out the keys: in rows that wrap at @max_width, or one under the
 * other. Draws them when @draw. */
static void
legend_layout (FmChart          *chart,
               const FmChartKey *keys,
               guint             n_keys,
               gboolean          in_rows,
               double            x0,
               double            y0,
               double            max_width,
               gboolean          draw,
               double           *width,
               double           *height)
{
  double s = mark_size (chart), gap = chart->em * 0.45, spacing = chart->em * 1.3;
  double x = x0, y = y0, line = 0, widest = 0;

  for (guint i = 0; i < n_keys; i++)
    {
      double label_max = in_rows ? 0 : MAX (1, max_width - s - gap);
      double w, h, item;

      fm_chart_measure (chart, keys[i].label, FM_CHART_FONT_LABEL, label_max, &w, &h);
      item = s + gap + w;
      if (in_rows && x > x0 && x + item > x0 + max_width)
        {
          x = x0;
          y += line + chart->em * 0.3;
          line = 0;
        }

      if (draw)
        {
          double first_line = MIN (h, chart->em * 1.35);

          draw_mark (chart, &keys[i], x, y + first_line / 2);
          fm_chart_text (chart, keys[i].label, FM_CHART_FONT_LABEL, &fm_chart_ink,
                         x + s + gap, y, FM_CHART_ALIGN_LEFT, label_max);
        }

      line = MAX (line, h);
      widest = MAX (widest, x + item - x0);
      if (in_rows)
        x += item + spacing;
      else
        {
          y += h + chart->em * 0.35;
          line = 0;
        }
    }

  *width = widest;
  *height = y + line - y0;
}

void
fm_chart_legend_size (FmChart          *chart,
                      const FmChartKey *keys,
                      guint             n_keys,
                      gboolean          in_rows,
                      double            max_width,
                      double           *width,
                      double           *height)
{
  legend_layout (chart, keys, n_keys, in_rows, 0, 0, max_width, FALSE, width, height);
}

void
fm_chart_legend (FmChart          *chart,
                 const FmChartKey *keys,
                 guint             n_keys,
                 gboolean          in_rows,
                 double            x,
                 double            y,
                 double            max_width)
{
  double width, height;

  legend_layout (chart, keys, n_keys, in_rows, x, y, max_width, TRUE, &width, &height);
}

/* "18 May", or "18 May 2026". */
char *
fm_chart_format_day (const GDate *date,
                     gboolean     with_year)
{
  char month[64];
  g_autofree char *text = NULL;

  if (!g_date_valid (date) || g_date_strftime (month, sizeof month, "%b", date) == 0)
    return g_strdup ("?");

  if (with_year)
    /* Translators: a day on a chart's axis or caption: day, month, year, as in "18 May 2026" */
    return g_strdup_printf (C_("chart date", "%u %s %u"), g_date_get_day (date), month, g_date_get_year (date));

  /* Translators: a day on a chart's axis: day and month, as in "18 May" */
  return g_strdup_printf (C_("chart date", "%u %s"), g_date_get_day (date), month);
}

/* "18 May – 25 Nov 2026": the year once when both days have the same. */
char *
fm_chart_format_period (FmObserved *observed)
{
  gboolean same_year = g_date_get_year (&observed->first_day) == g_date_get_year (&observed->last_day);
  g_autofree char *first = fm_chart_format_day (&observed->first_day, !same_year);
  g_autofree char *last = fm_chart_format_day (&observed->last_day, TRUE);

  /* Translators: a period, from its first day to its last */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
fm_chart_format_duration (FmChart *chart,
                          double   seconds)
{
  double day = chart->data->day_length_s > 0 ? chart->data->day_length_s : 86400;

  /* Every duration on the charts is a lead time or a part of one: in the
   * figures' unit with a decimal, "23.6 d", as the map reads them. */
  return fm_duration_format_figure (seconds, FM_DURATION_LEAD, chart->data->lead_unit, day);
}

static char *
caption (FmChartKind        kind,
         const FmChartData *data)
{
  FmObserved *o = data->observed;
  g_autofree char *period = fm_chart_format_period (o);
  g_autofree char *as_of = fm_chart_format_day (&o->last_day, TRUE);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case FM_CHART_CFD:
      /* Translators: under the title of a cumulative flow diagram; %s is a period */
      text = g_strdup_printf (_("Items in each step and queue at the end of each day, %s"), period);
      break;
    case FM_CHART_SCATTER:
      /* Translators: under the title of a lead-time scatterplot; %s is a period */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u item finished %s, by the day it finished",
                                           "%u items finished %s, each by the day it finished",
                                           o->finished),
                              o->finished, period);
      break;
    case FM_CHART_THROUGHPUT:
      /* Translators: under the title of a throughput run chart; %s is a period */
      text = g_strdup_printf (_("Items finished each week, %s"), period);
      break;
    case FM_CHART_AGING:
    default:
      /* Translators: under the title of an aging chart; %s is a day */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u item in progress on %s, by where it is and how long since it started",
                                           "%u items in progress on %s, by where they are and how long since they started",
                                           o->in_progress),
                              o->in_progress, as_of);
      break;
    }

  if (data->source != NULL && *data->source != '\0')
    {
      /* Translators: a chart's caption, then where its data comes from */
      char *with_source = g_strdup_printf (_("%s · data: %s"), text, data->source);

      g_free (text);
      text = with_source;
    }

  return g_steal_pointer (&text);
}

void
fm_chart_init (FmChart           *chart,
               cairo_t           *cr,
               const FmChartData *data,
               double             width,
               double             height)
{
  static const struct {
    double size;
    PangoWeight weight;
  } specs[FM_CHART_N_FONTS] = {
    [FM_CHART_FONT_TITLE] = { 1.85, PANGO_WEIGHT_BOLD },
    [FM_CHART_FONT_CAPTION] = { 1.08, PANGO_WEIGHT_NORMAL },
    [FM_CHART_FONT_LABEL] = { 1.04, PANGO_WEIGHT_NORMAL },
    [FM_CHART_FONT_TICK] = { 1.0, PANGO_WEIGHT_NORMAL },
    [FM_CHART_FONT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
    [FM_CHART_FONT_SMALL] = { 0.86, PANGO_WEIGHT_NORMAL },
  };
  cairo_font_options_t *options;

  *chart = (FmChart) { 0 };
  chart->cr = cr;
  chart->data = data;
  chart->width = width;
  chart->height = height;
  chart->compact = width < COMPACT_WIDTH;
  chart->em = chart->compact ? 10.5 : 13.0;

  /* Unhinted, unrounded: the same lines at every size and in every file. */
  chart->pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (chart->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (chart->pango, FALSE);
  chart->layout = pango_layout_new (chart->pango);

  for (guint i = 0; i < FM_CHART_N_FONTS; i++)
    {
      chart->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_absolute_size (chart->fonts[i], specs[i].size * chart->em * PANGO_SCALE);
      pango_font_description_set_weight (chart->fonts[i], specs[i].weight);
    }
}

void
fm_chart_clear (FmChart *chart)
{
  for (guint i = 0; i < FM_CHART_N_FONTS; i++)
    g_clear_pointer (&chart->fonts[i], pango_font_description_free);
  g_clear_object (&chart->layout);
  g_clear_object (&chart->pango);
}

/**
 * fm_chart_draw:
 * @cr: where to draw; user units are pixels on screen, pixels of a PNG
 *   at scale 1 and points of an SVG
 * @width: the page's width
 * @height: the page's height
 *
 * Draws the chart on a white page of @width × @height from (0, 0), with
 * a title and a caption when @data asks for them. Without the data the
 * chart needs, the page says so.
 */
void
fm_chart_draw (cairo_t           *cr,
               FmChartKind        kind,
               const FmChartData *data,
               double             width,
               double             height)
{
  FmChart chart;
  double pad;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < FM_N_CHARTS);
  g_return_if_fail (data != NULL && data->observed != NULL && data->series != NULL);

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    return;

  cairo_save (cr);
  fm_chart_init (&chart, cr, data, width, height);

  cairo_rectangle (cr, 0, 0, width, height);
  fm_chart_set_color (&chart, &fm_chart_background, 1);
  cairo_fill (cr);

  pad = chart.compact ? 6 : round (chart.em * 2.2);
  chart.area = (FmRect) { pad, pad, width - 2 * pad, height - 2 * pad };

  if (data->title)
    {
      g_autofree char *text = caption (kind, data);
      double h;

      h = fm_chart_text (&chart, fm_chart_kind_get_title (kind), FM_CHART_FONT_TITLE, &fm_chart_ink,
                         chart.area.x, chart.area.y, FM_CHART_ALIGN_LEFT, chart.area.width);
      h += chart.em * 0.2;
      h += fm_chart_text (&chart, text, FM_CHART_FONT_CAPTION, &fm_chart_muted,
                          chart.area.x, chart.area.y + h, FM_CHART_ALIGN_LEFT, chart.area.width);
      h += chart.em * 1.4;
      chart.area.y += h;
      chart.area.height -= h;
    }

  if (chart.area.width > chart.em * 8 && chart.area.height > chart.em * 6)
    {
      switch (kind)
        {
        case FM_CHART_CFD:
          fm_chart_draw_cfd (&chart);
          break;
        case FM_CHART_SCATTER:
          fm_chart_draw_scatter (&chart);
          break;
        case FM_CHART_THROUGHPUT:
          fm_chart_draw_throughput (&chart);
          break;
        case FM_CHART_AGING:
        default:
          fm_chart_draw_aging (&chart);
          break;
        }
    }

  fm_chart_clear (&chart);
  cairo_restore (cr);
}
