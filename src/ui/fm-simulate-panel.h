/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel.h: the Simulate page: run the map on screen, and its current state */
#pragma once

#include <gtk/gtk.h>

#include "fm-document.h"
#include "fm-observed-session.h"
#include "fm-simulate.h"

G_BEGIN_DECLS

#define FM_TYPE_SIMULATE_PANEL (fm_simulate_panel_get_type ())
G_DECLARE_FINAL_TYPE (FmSimulatePanel, fm_simulate_panel, FM, SIMULATE_PANEL, GtkWidget)

GtkWidget  *fm_simulate_panel_new         (void);
void        fm_simulate_panel_set_map     (FmSimulatePanel         *self,
                                           FmDocument              *document,
                                           FmMap                   *map);
void        fm_simulate_panel_set_options (FmSimulatePanel         *self,
                                           const FmSimulateOptions *options);
void        fm_simulate_panel_run         (FmSimulatePanel         *self);
void        fm_simulate_panel_cancel      (FmSimulatePanel         *self);
gboolean    fm_simulate_panel_is_running  (FmSimulatePanel         *self);
const char *fm_simulate_panel_get_figure  (FmSimulatePanel         *self,
                                           const char              *name);
const char *fm_simulate_panel_get_status  (FmSimulatePanel         *self);
double      fm_simulate_panel_get_override (FmSimulatePanel        *self,
                                            const char             *id);
void        fm_simulate_panel_set_override (FmSimulatePanel        *self,
                                            const char             *id,
                                            double                  value);
FmMap      *fm_simulate_panel_make_future_state (FmSimulatePanel   *self);
const FmSimulateResult *fm_simulate_panel_get_result (FmSimulatePanel *self);
FmMap      *fm_simulate_panel_get_result_map (FmSimulatePanel     *self);
void        fm_simulate_panel_set_session (FmSimulatePanel         *self,
                                           FmObservedSession       *session);
gboolean    fm_simulate_panel_has_observed (FmSimulatePanel        *self);

G_END_DECLS
