/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog-private.h: the dialog's insides, for its tests */
#pragma once

#include "fm-discover-dialog.h"

G_BEGIN_DECLS

struct _FmDiscoverDialog
{
  AdwWindow parent_instance;

  GtkSpinButton *min_share;
  GtkLabel *counts;
  GtkListBox *variants;
  GtkWidget *add_button;

  FmDocument *document;
  FmObservedLog *log;
  GArray *roles;                 /* FmDiscoverRole per state, or NULL */
  FmDiscovery *discovery;
};

G_END_DECLS
