/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-dialog-private.h: the import dialog's insides, shared with its state mapping */
#pragma once

#include "fm-csv-import.h"
#include "fm-observed-dialog.h"

G_BEGIN_DECLS

struct _FmObservedDialog
{
  AdwWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;
  AdwPreferencesGroup *file_group;
  GtkGrid *preview_grid;
  AdwComboRow *shape_row;
  AdwComboRow *item_row;
  AdwComboRow *state_row;
  AdwComboRow *entered_row;
  AdwComboRow *left_row;
  AdwActionRow *wide_states_row;
  AdwComboRow *type_row;
  AdwComboRow *zone_row;
  AdwEntryRow *zone_entry;
  AdwPreferencesGroup *states_group;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *problems_group;

  FmMap *map;
  FmObservedSession *session;
  GFile *file;
  GCancellable *cancellable;
  FmCsv *csv;                   /* the file as read */
  FmObservedLog *log;           /* as imported with the columns shown; NULL on error */
  FmObservedMapping *mapping;   /* its states on the map */
  FmCsvColumns used;            /* the columns the import read */
  GPtrArray *targets;           /* the node ids a state can be mapped to */
  GHashTable *choices;          /* state name -> the target chosen by hand (+1) */
  GPtrArray *state_rows;        /* one AdwComboRow per state */
  GPtrArray *group_rows;        /* rows added to the states, warnings and problems groups */
  char *error;                  /* what is shown as the error, or NULL */
  guint zone_timeout;
  gboolean updating;
};

/* fm-observed-dialog-states.c */
void  fm_observed_dialog_init_targets    (FmObservedDialog *self);
void  fm_observed_dialog_show_states     (FmObservedDialog *self);
void  fm_observed_dialog_show_problems   (FmObservedDialog *self);
void  fm_observed_dialog_clear_rows      (FmObservedDialog *self);

G_END_DECLS
