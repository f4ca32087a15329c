/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart.h: charts of observed flow data, drawn with Cairo for the panel and for slides */
#pragma once

#include <cairo.h>

#include "fm-observed.h"
#include "fm-observed-series.h"

G_BEGIN_DECLS

/**
 * FmChartKind:
 * @FM_CHART_CFD: cumulative flow diagram: the items in each node at the
 *   end of each day, stacked, the finished ones at the bottom
 * @FM_CHART_SCATTER: lead-time scatterplot: each finished item by the day
 *   it finished and its lead time, with the 50th, 85th and 95th percentiles
 * @FM_CHART_THROUGHPUT: throughput run chart: items finished each week,
 *   with the mean of the complete weeks
 * @FM_CHART_AGING: aging work in progress: each item in progress in the
 *   column of its node, at the height of its age, with the 85th percentile
 *   of the lead time
 */
typedef enum {
  FM_CHART_CFD,
  FM_CHART_SCATTER,
  FM_CHART_THROUGHPUT,
  FM_CHART_AGING,
} FmChartKind;

#define FM_N_CHARTS 4

/* The page of an exported chart: 16:9, for slides. */
#define FM_CHART_EXPORT_WIDTH 960.0
#define FM_CHART_EXPORT_HEIGHT 540.0

/**
 * FmChartData:
 * @observed: the figures
 * @series: their series (fm_observed_series_compute())
 * @day_length_s: the day of durations ("3 d"); 0 for 24 h
 * @title: draw a title and a caption above the chart, as for a slide
 * @source: (nullable): where the data comes from, such as the file's name,
 *   said in the caption
 *
 * What a chart is drawn from; the caller keeps ownership.
 */
typedef struct {
  FmObserved *observed;
  FmObservedSeries *series;
  double day_length_s;
  gboolean title;
  const char *source;
} FmChartData;

const char  *fm_chart_kind_to_string    (FmChartKind        kind);
gboolean     fm_chart_kind_from_string  (const char        *name,
                                         FmChartKind       *kind);
const char  *fm_chart_kind_get_title    (FmChartKind        kind);

char        *fm_chart_format_period     (FmObserved        *observed);

void         fm_chart_draw              (cairo_t           *cr,
                                         FmChartKind        kind,
                                         const FmChartData *data,
                                         double             width,
                                         double             height);

G_END_DECLS
