/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation-charts.h: the evidence of a retrospective as slides: observed and simulated charts */
#pragma once

#include <cairo.h>

#include "fm-metrics.h"
#include "fm-observed-session.h"
#include "fm-renderer.h"
#include "fm-simulate.h"

G_BEGIN_DECLS

typedef struct _FmSlideChart FmSlideChart;
typedef struct _FmSlideSimulation FmSlideSimulation;

FmSlideSimulation *fm_slide_simulation_new     (FmMap                  *simulated,
                                                const FmSimulateResult *result,
                                                const char             *comparison,
                                                const char             *what_if);
void               fm_slide_simulation_free    (FmSlideSimulation      *self);
const char        *fm_slide_simulation_get_map_id (FmSlideSimulation   *self);

GPtrArray         *fm_slide_charts_observed    (FmObservedSession      *session,
                                                FmDocument             *document,
                                                FmMap                  *map,
                                                const FmMetrics        *metrics);
GPtrArray         *fm_slide_charts_simulation  (FmSlideSimulation      *simulation,
                                                FmDocument             *document,
                                                FmMap                  *map);

const char        *fm_slide_chart_get_title    (FmSlideChart           *self);
const char        *fm_slide_chart_get_caption  (FmSlideChart           *self);
const char        *fm_slide_chart_get_kind     (FmSlideChart           *self);
void               fm_slide_chart_draw         (FmSlideChart           *self,
                                                cairo_t                *cr,
                                                FmDocument             *document,
                                                const FmRect           *page,
                                                double                  unit);
void               fm_slide_chart_free         (FmSlideChart           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmSlideSimulation, fm_slide_simulation_free)

G_END_DECLS
