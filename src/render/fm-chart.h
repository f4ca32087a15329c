/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart.h: charts of observed flow data, drawn with Cairo for the panel and for slides */
#pragma once

#include <cairo.h>

#include "fm-observed.h"
#include "fm-observed-evidence.h"
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
 * FmChartMarker:
 * @time: an instant, in seconds since 1970 UTC
 * @label: (nullable): what happened then, such as an experiment's start
 *
 * A moment drawn as a vertical line on the lead-time scatterplot.
 */
typedef struct {
  gint64 time;
  const char *label;
} FmChartMarker;

/**
 * FmChartData:
 * @observed: the figures
 * @series: their series (fm_observed_series_compute())
 * @day_length_s: the day of durations ("3.0 d"); 0 for 24 h
 * @title: draw a title and a caption above the chart, as for a slide
 * @source: (nullable): where the data comes from, such as the file's name,
 *   said in the caption
 * @markers: (array length=n_markers) (nullable): moments to mark on the
 *   scatterplot: the start dates of experiments
 * @n_markers: how many
 * @lead_unit: the unit lead times are read in, as the document's figures
 *   are: days (the default, 0), weeks or hours, with a decimal
 *
 * What a chart is drawn from; the caller keeps ownership.
 */
typedef struct {
  FmObserved *observed;
  FmObservedSeries *series;
  double day_length_s;
  gboolean title;
  const char *source;
  const FmChartMarker *markers;
  guint n_markers;
  FmTimeUnit lead_unit;
} FmChartData;

const char  *fm_chart_kind_to_string    (FmChartKind        kind);
gboolean     fm_chart_kind_from_string  (const char        *name,
                                         FmChartKind       *kind);
const char  *fm_chart_kind_get_title    (FmChartKind        kind);

char        *fm_chart_format_period     (FmObserved        *observed);
GArray      *fm_chart_evidence_markers  (GPtrArray         *evidence,
                                         FmMap             *map);

void         fm_chart_draw              (cairo_t           *cr,
                                         FmChartKind        kind,
                                         const FmChartData *data,
                                         double             width,
                                         double             height);

G_END_DECLS
