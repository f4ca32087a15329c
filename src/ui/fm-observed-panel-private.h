/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-panel-private.h: the Observed page's insides, shared by its lists and charts */
#pragma once

#include <adwaita.h>

#include "fm-chart.h"
#include "fm-observed-panel.h"

G_BEGIN_DECLS

struct _FmObservedPanel
{
  GtkWidget parent_instance;

  /* template children */
  GtkStack *stack;
  AdwActionRow *source_row;
  AdwComboRow *period_row;
  AdwActionRow *as_of_row;
  GtkWidget *as_of_reset;
  GtkMenuButton *as_of_button;
  GtkPopover *as_of_popover;
  GtkCalendar *as_of_calendar;
  AdwComboRow *type_row;
  GtkStringList *type_names;
  AdwActionRow *working_row;
  GtkSwitch *working_switch;
  AdwActionRow *mapping_row;
  GtkLabel *lead_p50;
  GtkLabel *lead_p85;
  GtkLabel *lead_p95;
  GtkLabel *throughput;
  AdwActionRow *items_row;
  GtkLabel *items;
  GtkLabel *efficiency;
  GtkDropDown *chart_dropdown;
  GtkDrawingArea *chart_area;
  GtkSpinButton *forecast_spin;
  GtkLabel *forecast_label;
  GtkLabel *forecast_detail;
  AdwComboRow *statistic_row;
  AdwPreferencesGroup *apply_group;
  GtkListBox *nodes_list;
  AdwPreferencesGroup *aging_group;
  GtkListBox *aging_list;
  AdwPreferencesGroup *distribution_group;
  GtkListBox *distribution_list;

  FmObservedSession *session;
  FmMetricsCache *cache;          /* the document and the map on screen */
  GSignalGroup *session_signals;  /* follow the session and the cache */
  GSignalGroup *cache_signals;
  FmObserved *observed;           /* nullable: before an import */
  FmObservedSeries *series;
  GPtrArray *evidence;            /* FmEvidence of the map's experiments */
  GArray *markers;                /* FmChartMarker: their starts, for the scatterplot */
  char **types_listed;            /* the types the type row offers, after "All" */
  gboolean updating_filter;
  double working_day_s;           /* a working day of the calendar, 0 in elapsed time */
  guint key;                      /* of the map the figures are of, see map_key() */
  gboolean stale;                 /* the data or the period changed since */
  guint update_id;
};

/* fm-observed-panel-lists.c */
void      fm_observed_panel_show_nodes         (FmObservedPanel *self,
                                                FmDocument      *document,
                                                FmMap           *map);
void      fm_observed_panel_show_aging         (FmObservedPanel *self,
                                                double           day_length_s,
                                                FmTimeUnit       lead_unit);
void      fm_observed_panel_show_distribution  (FmObservedPanel *self);
void      fm_observed_panel_clear_lists        (FmObservedPanel *self);

/* fm-observed-panel-filter.c */
void      fm_observed_panel_filter_init        (FmObservedPanel *self);
void      fm_observed_panel_filter_class_init  (GtkWidgetClass  *widget_class);
void      fm_observed_panel_show_filter        (FmObservedPanel *self);

/* fm-observed-panel-charts.c */
void      fm_observed_panel_charts_init        (FmObservedPanel *self);
void      fm_observed_panel_charts_class_init  (GtkWidgetClass  *widget_class);
FmChartKind fm_observed_panel_get_chart        (FmObservedPanel *self);
void      fm_observed_panel_chart_data         (FmObservedPanel *self,
                                                FmChartData     *data,
                                                gboolean         for_slide);

G_END_DECLS
