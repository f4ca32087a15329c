/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel-private.h: what the Simulate page's files share */
#pragma once

#include "fm-chart-simulate.h"
#include "fm-simulate-panel.h"

G_BEGIN_DECLS

struct _FmSimulatePanel
{
  GtkWidget parent_instance;

  GtkDropDown *mode_drop;
  GtkDropDown *variability_drop;
  GtkLabel *count_label;
  GtkSpinButton *count_spin;
  GtkSpinButton *seed_spin;
  GtkWidget *run_button;
  GtkWidget *cancel_button;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  GtkGrid *results_grid;
  GtkLabel *comparison_label;
  GtkWidget *steps_heading;
  GtkGrid *steps_grid;
  GtkWidget *charts_box;
  GtkWidget *whatif_reset_button;
  GtkSpinButton *demand_spin;
  GtkGrid *people_grid;
  GtkWidget *future_button;

  FmDocument *document;
  FmMap *map;
  GHashTable *figures;        /* name -> GtkLabel showing it */
  GCancellable *cancellable;  /* the run under way, or NULL */
  guint progress_source;
  gint progress_permille;     /* written by the thread, read here */
  guint runs_counted;         /* runs wanted a while apart: Monte Carlo, flow */
  guint items_counted;

  /* The last run's results, and the copy of the map they name nodes of. */
  FmSimulateResult *result;
  FmMap *result_map;
  GtkWidget *charts[FM_N_SIM_CHARTS];   /* the drawing areas */
  GtkWidget *chart_boxes[FM_N_SIM_CHARTS];

  /* What-if: people per step, by step id, where they differ from the map's. */
  GHashTable *people;         /* id -> GtkSpinButton */
  gboolean demand_overridden;
  gboolean whatif_updating;   /* values set by the page, not typed */

  FmObservedSession *session; /* the window's observed data, or NULL */
};


void      fm_simulate_panel_emit_future_state_made (FmSimulatePanel *self,
                                                    FmMap           *future);

/* fm-simulate-panel-charts.c */
void      fm_simulate_panel_charts_init       (FmSimulatePanel *self);
void      fm_simulate_panel_charts_update     (FmSimulatePanel *self);
void      fm_simulate_panel_charts_class_init (GtkWidgetClass  *widget_class);

/* fm-simulate-panel-observed.c */
void        fm_simulate_panel_observed_init     (FmSimulatePanel        *self);
void        fm_simulate_panel_observed_dispose  (FmSimulatePanel        *self);
typedef struct _FmSimulateObserving FmSimulateObserving;

FmSimulateObserving *fm_simulate_panel_observing_new    (FmSimulatePanel           *self);
void                 fm_simulate_observing_free         (FmSimulateObserving       *observing);
FmObservedMapping   *fm_simulate_panel_observed_mapping (FmSimulatePanel           *self,
                                                         FmMap                     *map);
FmObserved          *fm_simulate_observing_measure      (const FmSimulateObserving *observing,
                                                         FmObservedMapping         *mapping,
                                                         FmMap                     *map);
char       *fm_simulate_panel_describe_observed (const FmSimulateResult *result);

/* fm-simulate-panel-whatif.c */
void      fm_simulate_panel_whatif_init       (FmSimulatePanel *self);
void      fm_simulate_panel_whatif_update     (FmSimulatePanel *self);
char     *fm_simulate_panel_whatif_describe   (FmSimulatePanel *self);
void      fm_simulate_panel_whatif_apply      (FmSimulatePanel *self,
                                               FmDocument      *holder,
                                               FmMap           *map);
void      fm_simulate_panel_whatif_class_init (GtkWidgetClass  *widget_class);

G_END_DECLS
