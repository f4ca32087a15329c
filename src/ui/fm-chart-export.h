/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-export.h: the Export… button of a panel's chart */
#pragma once

#include <gtk/gtk.h>

#include "fm-export.h"

G_BEGIN_DECLS

/* Writes the chart to @path; %FALSE without @error when there is no longer
 * anything to write (the data went while the dialog was open). */
typedef gboolean (*FmChartWriteFunc) (GtkWidget      *owner,
                                      const char     *path,
                                      FmExportFormat  format,
                                      double          scale,
                                      gpointer        data,
                                      GError        **error);

void fm_chart_export_ask (GtkWidget        *owner,
                          const char       *suggestion,
                          FmChartWriteFunc  write,
                          gpointer          data);

G_END_DECLS
