/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog-private.h: the dialog's insides, shared with its states and tests */
#pragma once

#include "fm-csv-import.h"
#include "fm-discover-dialog.h"
#include "fm-variant-list.h"

G_BEGIN_DECLS

struct _FmDiscoverDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;               /* "loading", "error" or "content" */
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *file_group;
  GtkWidget *preview;            /* the preview's scroller, hidden without CSV */
  GtkGrid *preview_grid;
  GtkSpinButton *min_share;
  GtkLabel *counts;
  AdwPreferencesGroup *states_group;
  FmVariantList *variants;
  GtkWidget *add_button;
  GtkWidget *window_button;

  FmDocument *document;
  GFile *file;
  GCancellable *cancellable;     /* the read, then the draft under way */
  FmCsv *csv;                    /* a CSV file as read, for the preview; NULL for XES */
  FmCsvColumns columns;          /* the columns its import read */
  FmObservedLog *log;
  GArray *file_roles;            /* FmDiscoverRole per state as the file says, or NULL */
  GArray *roles;                 /* FmDiscoverRole per state as drafted: the file's, or chosen */
  GPtrArray *state_rows;         /* one AdwComboRow per state */
  FmDiscovery *discovery;
  gboolean loading;              /* the file is being read */
  gboolean drafting;             /* a draft with other roles or threshold is on its way */
};

/* fm-discover-dialog.c */
void  fm_discover_dialog_redraft      (FmDiscoverDialog *self);

/* fm-discover-dialog-states.c */
void  fm_discover_dialog_show_states  (FmDiscoverDialog *self);

G_END_DECLS
