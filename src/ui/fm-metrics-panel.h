/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics-panel.h: the figures, constraints and warnings of the map on screen */
#pragma once

#include <gtk/gtk.h>

#include "fm-metrics-cache.h"

G_BEGIN_DECLS

#define FM_TYPE_METRICS_PANEL (fm_metrics_panel_get_type ())
G_DECLARE_FINAL_TYPE (FmMetricsPanel, fm_metrics_panel, FM, METRICS_PANEL, GtkWidget)

GtkWidget      *fm_metrics_panel_new                (void);
FmMetricsCache *fm_metrics_panel_get_cache          (FmMetricsPanel *self);
void            fm_metrics_panel_set_cache          (FmMetricsPanel *self,
                                                     FmMetricsCache *cache);
GtkWidget      *fm_metrics_panel_get_figure         (FmMetricsPanel *self,
                                                     const char     *name);
GtkWidget      *fm_metrics_panel_get_constraint_row (FmMetricsPanel *self,
                                                     guint           position);
GtkWidget      *fm_metrics_panel_get_lane_row       (FmMetricsPanel *self,
                                                     guint           position);
GtkWidget      *fm_metrics_panel_get_warning_row    (FmMetricsPanel *self,
                                                     guint           position);

G_END_DECLS
