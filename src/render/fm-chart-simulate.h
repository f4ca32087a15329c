/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-simulate.h: the charts of a simulation: lead times, queues, utilization */
#pragma once

#include <cairo.h>

#include "fm-document.h"
#include "fm-renderer.h"
#include "fm-simulate.h"

G_BEGIN_DECLS

/**
 * FmSimChartKind:
 * @FM_SIM_CHART_HISTOGRAM: how many runs (or items) took each lead time,
 *   with the 50th, 85th and 95th percentiles marked
 * @FM_SIM_CHART_QUEUES: items waiting in each queue over the simulated
 *   time (flow mode)
 * @FM_SIM_CHART_UTILIZATION: each step's busy share of its people, the
 *   bottleneck in the alert colour (flow mode)
 */
typedef enum {
  FM_SIM_CHART_HISTOGRAM,
  FM_SIM_CHART_QUEUES,
  FM_SIM_CHART_UTILIZATION,
} FmSimChartKind;

#define FM_N_SIM_CHARTS 3

/**
 * FmSimChartBox:
 * @node: (nullable): the step or queue a bar or line is of; %NULL for a
 *   histogram's bar or a percentile
 * @rect: the bar, or the box around a queue's line, or a percentile's line
 *   (0 wide), in the page's units
 * @value: the bar's count or utilization (0–1), a queue's most items
 *   waiting, or the percentile's seconds
 * @alert: drawn in the alert colour: the bottleneck
 *
 * What a drawn chart shows where, for tests and hit testing.
 */
typedef struct {
  FmNode *node;
  FmRect rect;
  double value;
  gboolean alert;
} FmSimChartBox;

const char *fm_sim_chart_kind_to_string (FmSimChartKind          kind);
const char *fm_sim_chart_kind_get_title (FmSimChartKind          kind);
gboolean    fm_sim_chart_kind_from_string (const char           *name,
                                           FmSimChartKind       *kind);
gboolean    fm_sim_chart_kind_available (FmSimChartKind          kind,
                                         const FmSimulateResult *result);
void        fm_sim_chart_draw           (cairo_t                *cr,
                                         FmSimChartKind          kind,
                                         FmDocument             *document,
                                         FmMap                  *map,
                                         const FmSimulateResult *result,
                                         gboolean                title,
                                         double                  width,
                                         double                  height,
                                         GArray                 *boxes);

G_END_DECLS
