/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-chart.h: a chart of observed flow data written to a PNG, SVG or PDF file */
#pragma once

#include "fm-chart.h"
#include "fm-chart-simulate.h"
#include "fm-export.h"

G_BEGIN_DECLS

gboolean  fm_export_chart  (FmChartKind         kind,
                            const FmChartData  *data,
                            const char         *path,
                            FmExportFormat      format,
                            double              width,
                            double              height,
                            double              scale,
                            GError            **error);
gboolean  fm_export_balance_chart (FmDocument      *document,
                                   FmMap           *map,
                                   double           takt_time_s,
                                   const char      *path,
                                   FmExportFormat   format,
                                   double           width,
                                   double           height,
                                   double           scale,
                                   GError         **error);
gboolean  fm_export_simulation_chart (FmSimChartKind          kind,
                                      FmDocument             *document,
                                      FmMap                  *map,
                                      const FmSimulateResult *result,
                                      const char             *path,
                                      FmExportFormat          format,
                                      double                  width,
                                      double                  height,
                                      double                  scale,
                                      GError                **error);

G_END_DECLS
