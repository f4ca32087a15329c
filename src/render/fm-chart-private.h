/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-private.h: what the charts' files share: the page, text, colours, axes and legends */
#pragma once

#include <pango/pangocairo.h>

#include "fm-chart.h"
#include "fm-renderer.h"
#include "fm-render-private.h"

G_BEGIN_DECLS

typedef enum {
  FM_CHART_FONT_TITLE,    /* the slide's title */
  FM_CHART_FONT_CAPTION,  /* the line under it */
  FM_CHART_FONT_LABEL,    /* legends, axis titles, line labels */
  FM_CHART_FONT_TICK,     /* the figures along the axes */
  FM_CHART_FONT_BOLD,     /* figures that matter: a percentile, a bar's count */
  FM_CHART_FONT_SMALL,    /* names in narrow columns */
  FM_CHART_N_FONTS
} FmChartFont;

typedef enum {
  FM_CHART_ALIGN_LEFT   = 0,
  FM_CHART_ALIGN_CENTER = 1 << 0,
  FM_CHART_ALIGN_RIGHT  = 1 << 1,
  FM_CHART_ALIGN_TOP    = 0,
  FM_CHART_ALIGN_MIDDLE = 1 << 2,
  FM_CHART_ALIGN_BOTTOM = 1 << 3,
} FmChartAlign;

/* A vertical scale from @min to @max with a tick every @step. */
typedef struct {
  double min;
  double max;
  double step;
  gboolean duration;      /* seconds, labelled as durations */
} FmChartScale;

typedef enum {
  FM_CHART_MARK_AREA,     /* a filled square */
  FM_CHART_MARK_DOT,
  FM_CHART_MARK_LINE,
  FM_CHART_MARK_DASH,
  FM_CHART_MARK_HATCH,    /* a hatched square: what is incomplete */
} FmChartMark;

typedef struct {
  const char *label;
  FmColor color;
  FmChartMark mark;
} FmChartKey;

typedef struct {
  cairo_t *cr;
  const FmChartData *data;
  double width;
  double height;
  gboolean compact;       /* small, in a side panel: fewer words, smaller type */
  double em;              /* the size of the tick font */
  PangoContext *pango;
  PangoLayout *layout;
  PangoFontDescription *fonts[FM_CHART_N_FONTS];
  FmRect area;            /* the page less its margins and title */
  FmRect plot;            /* inside the axes */
  FmChartScale y;
  double x0;              /* the horizontal range: days or columns */
  double x1;
} FmChart;

/* fm-chart.c */
/* The fonts and page of a chart, for the charts fm_chart_draw() does not draw. */
void     fm_chart_init            (FmChart            *chart,
                                   cairo_t            *cr,
                                   const FmChartData  *data,
                                   double              width,
                                   double              height);
void     fm_chart_clear           (FmChart            *chart);
extern const FmColor fm_chart_ink;
extern const FmColor fm_chart_muted;
extern const FmColor fm_chart_grid;
extern const FmColor fm_chart_background;
extern const FmColor fm_chart_accent;     /* the main series: blue */
extern const FmColor fm_chart_alert;      /* what is late: vermillion */

/* A kind of chart: its name on the command line and its title, marked
 * for translation. */
typedef struct {
  const char *name;
  const char *title;
} FmChartKindName;

gboolean fm_chart_kind_lookup (const FmChartKindName *table,
                               guint                  n_kinds,
                               const char            *name,
                               guint                 *index);

FmColor  fm_chart_hue             (guint               i);
FmColor  fm_chart_tint            (const FmColor      *color,
                                   double              white);
void     fm_chart_set_color       (FmChart            *chart,
                                   const FmColor      *color,
                                   double              alpha);
double   fm_chart_text            (FmChart            *chart,
                                   const char         *text,
                                   FmChartFont         font,
                                   const FmColor      *color,
                                   double              x,
                                   double              y,
                                   FmChartAlign        align,
                                   double              max_width);
void     fm_chart_measure         (FmChart            *chart,
                                   const char         *text,
                                   FmChartFont         font,
                                   double              max_width,
                                   double             *width,
                                   double             *height);
void     fm_chart_message         (FmChart            *chart,
                                   const char         *text);
void     fm_chart_legend_size     (FmChart            *chart,
                                   const FmChartKey   *keys,
                                   guint               n_keys,
                                   gboolean            in_rows,
                                   double              max_width,
                                   double             *width,
                                   double             *height);
void     fm_chart_legend          (FmChart            *chart,
                                   const FmChartKey   *keys,
                                   guint               n_keys,
                                   gboolean            in_rows,
                                   double              x,
                                   double              y,
                                   double              max_width);
char    *fm_chart_format_day      (const GDate        *date,
                                   gboolean            with_year);
char    *fm_chart_format_duration (FmChart            *chart,
                                   double              seconds);

/* fm-chart-axes.c */
void     fm_chart_count_scale     (double              max,
                                   guint               n_ticks,
                                   FmChartScale       *scale);
void     fm_chart_duration_scale  (FmChart            *chart,
                                   double              max_s,
                                   guint               n_ticks,
                                   FmChartScale       *scale);
void     fm_chart_layout_plot     (FmChart            *chart,
                                   double              right,
                                   double              bottom,
                                   const char         *y_title);
double   fm_chart_x               (FmChart            *chart,
                                   double              value);
double   fm_chart_y               (FmChart            *chart,
                                   double              value);
void     fm_chart_y_axis          (FmChart            *chart,
                                   const char         *y_title);
double   fm_chart_date_axis_height (FmChart           *chart);
void     fm_chart_date_axis       (FmChart            *chart,
                                   const GDate        *first_day);
void     fm_chart_baseline        (FmChart            *chart);
void     fm_chart_reference_line  (FmChart            *chart,
                                   double              value,
                                   const FmColor      *color,
                                   FmChartMark         style,
                                   const char         *label,
                                   const char         *figure,
                                   double             *last_label_y);
double   fm_chart_reference_width (FmChart            *chart,
                                   const char         *label,
                                   const char         *figure);

/* One file per chart. */
void     fm_chart_draw_cfd        (FmChart            *chart);
void     fm_chart_draw_scatter    (FmChart            *chart);
void     fm_chart_draw_throughput (FmChart            *chart);
void     fm_chart_draw_aging      (FmChart            *chart);
gboolean fm_chart_place_name      (GArray             *placed,
                                   const double       *lines,
                                   guint               n_lines,
                                   FmRect             *name);
void     fm_chart_place_dots      (GArray             *points,
                                   double              radius,
                                   double              half_width);

G_END_DECLS
