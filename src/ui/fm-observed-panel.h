/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-panel.h: the figures and charts of the observed data, and putting them on the map */
#pragma once

#include <gtk/gtk.h>

#include "fm-metrics-cache.h"
#include "fm-observed-series.h"
#include "fm-observed-session.h"

G_BEGIN_DECLS

#define FM_TYPE_OBSERVED_PANEL (fm_observed_panel_get_type ())
G_DECLARE_FINAL_TYPE (FmObservedPanel, fm_observed_panel, FM, OBSERVED_PANEL, GtkWidget)

GtkWidget        *fm_observed_panel_new          (void);
void              fm_observed_panel_set_session  (FmObservedPanel   *self,
                                                  FmObservedSession *session);
void              fm_observed_panel_set_cache    (FmObservedPanel   *self,
                                                  FmMetricsCache    *cache);
void              fm_observed_panel_flush        (FmObservedPanel   *self);
FmObserved       *fm_observed_panel_get_observed (FmObservedPanel   *self);
FmObservedSeries *fm_observed_panel_get_series   (FmObservedPanel   *self);
GtkWidget        *fm_observed_panel_get_figure   (FmObservedPanel   *self,
                                                  const char        *name);

G_END_DECLS
