/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-private.h: the window's insides, shared by its actions and file handling */
#pragma once

#include "fm-autosave.h"
#include "fm-experiments-view.h"
#include "fm-file-watch.h"
#include "fm-inspector.h"
#include "fm-map-list.h"
#include "fm-metrics-cache.h"
#include "fm-metrics-panel.h"
#include "fm-observed-panel.h"
#include "fm-palette-view.h"
#include "fm-table-view.h"
#include "fm-simulate-panel.h"
#include "fm-window.h"

G_BEGIN_DECLS

struct _FmWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  FmPaletteView *palette;
  FmCanvas *canvas;
  GtkStack *view_stack;           /* the canvas or the table (fm-window-table.c) */
  AdwBin *table_bin;
  FmTableView *table_view;        /* NULL until the table is first shown */
  GtkStack *side_stack;
  FmInspector *inspector;
  AdwBin *metrics_bin;
  FmMetricsPanel *metrics_panel;    /* NULL until the Metrics page is first shown */
  FmMapList *map_list;
  AdwBin *experiments_bin;
  FmExperimentsView *experiments;   /* NULL until the Experiments page is first shown */
  AdwBin *observed_bin;
  FmObservedPanel *observed_panel;  /* NULL until the Observed page is first shown */
  AdwBin *simulate_bin;
  FmSimulatePanel *simulate_panel;  /* NULL until the Simulate page is first shown */
  GtkWidget *changes_button;
  GMenu *history_section;
  GMenuModel *primary_menu;         /* the main menu's, set when first opened */
  GtkMenuButton *primary_menu_button;
  GMenu *recent_menu;
  GtkWidget *undo_button;
  GtkWidget *redo_button;

  FmDocument *document;
  FmMap *map;
  FmMetricsCache *metrics_cache;  /* the canvas's and the metrics panel's */
  /* Follow the document shown, whichever it is: its undo stack here, its
   * maps and changes in fm-window-maps.c. */
  GSignalGroup *stack_signals;
  GSignalGroup *maps_signals;
  GSignalGroup *document_signals;
  GFile *file;
  gboolean closing_confirmed;
  GFile *pending_open;            /* to open once the changes are dealt with */

  /* Reliability: unsaved changes kept aside, and the file watched for
   * changes by other programs, shown in banner_area above the map. */
  GtkBox *banner_area;
  FmAutosave *autosave;
  FmFileWatch *file_watch;

  /* fm-window-maps.c: each map's selection and view while another is shown */
  GHashTable *map_views;          /* FmMap -> its view */
  FmMap *pending_map;             /* added by the change under way: show it */
  guint removed_position;

  /* fm-window-observed.c: the imported tracker data, view state */
  FmObservedSession *observed_session;

  /* fm-window-present.c: the slides, in place of the editor while presenting */
  GtkWidget *presentation;
  GtkWidget *editor_content;
};

/* What to do once unsaved changes were saved or discarded. */
typedef enum {
  FM_AFTER_NOTHING,
  FM_AFTER_CLOSE,
  FM_AFTER_OPEN,                  /* open pending_open in this window */
} FmWindowContinue;

/* fm-window.c */
void  fm_window_set_document        (FmWindow         *self,
                                     FmDocument       *document,
                                     GFile            *file);
void  fm_window_show_error          (FmWindow         *self,
                                     const char       *heading,
                                     const GError     *error);
void  fm_window_update_title        (FmWindow         *self);
void  fm_window_settle              (FmWindow         *self);

/* fm-window-files.c */
void  fm_window_files_class_init    (GtkWidgetClass   *widget_class);
void  fm_window_files_init          (FmWindow         *self);
void  fm_window_confirm_unsaved     (FmWindow         *self,
                                     FmWindowContinue  then);
void  fm_window_save_as             (FmWindow         *self,
                                     FmWindowContinue  then);
char *fm_window_dup_display_name    (FmWindow         *self);

/* fm-window-export.c */
void  fm_window_export_class_init   (GtkWidgetClass   *widget_class);

/* fm-window-import.c */
gboolean fm_window_import_drawio    (FmWindow         *self,
                                     GFile            *file);

/* fm-window-maps.c */
void  fm_window_maps_class_init     (GtkWidgetClass   *widget_class);
void  fm_window_maps_init           (FmWindow         *self);
void  fm_window_maps_dispose        (FmWindow         *self);
void  fm_window_maps_set_document   (FmWindow         *self);
void  fm_window_show_map            (FmWindow         *self,
                                     FmMap            *map);

/* fm-window-side.c */
void  fm_window_side_class_init     (GtkWidgetClass   *widget_class);
void  fm_window_side_init           (FmWindow         *self);
void  fm_window_side_set_map        (FmWindow         *self);

/* fm-window-simulate.c */
void  fm_window_simulate_class_init (GtkWidgetClass   *widget_class);
void  fm_window_simulate_init       (FmWindow         *self);
void  fm_window_simulate_set_map    (FmWindow         *self);

/* fm-window-present.c */
void  fm_window_present_class_init  (GtkWidgetClass   *widget_class);
void  fm_window_present_dispose     (FmWindow         *self);
gboolean fm_window_is_presenting    (FmWindow         *self);

/* fm-window-print.c: printing, and the map as an image on the clipboard */
void  fm_window_print_class_init    (GtkWidgetClass   *widget_class);
GtkPrintOperation *fm_window_new_print_operation (FmWindow *self);

/* fm-window-observed.c */
void  fm_window_observed_class_init (GtkWidgetClass   *widget_class);
void  fm_window_observed_init       (FmWindow         *self);
void  fm_window_observed_dispose    (FmWindow         *self);
void  fm_window_import_observed     (FmWindow         *self,
                                     GFile            *file);
void  fm_window_new_map_from_data   (FmWindow         *self,
                                     GFile            *file);

/* fm-window-table.c */
void  fm_window_table_class_init    (GtkWidgetClass   *widget_class);
void  fm_window_table_init          (FmWindow         *self);
void  fm_window_table_set_map       (FmWindow         *self);

/* fm-window-actions.c */
void  fm_window_actions_class_init  (GtkWidgetClass   *widget_class);
void  fm_window_actions_init        (FmWindow         *self);
void  fm_window_update_history      (FmWindow         *self);

G_END_DECLS
