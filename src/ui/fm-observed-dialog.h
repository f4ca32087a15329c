/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-dialog.h: import a tracker's export of work items as observed flow data */
#pragma once

#include <adwaita.h>

#include "fm-observed-session.h"

G_BEGIN_DECLS

#define FM_TYPE_OBSERVED_DIALOG (fm_observed_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FmObservedDialog, fm_observed_dialog, FM, OBSERVED_DIALOG, AdwWindow)

FmObservedDialog *fm_observed_dialog_present     (GtkWindow         *parent,
                                                  FmMap             *map,
                                                  FmObservedSession *session,
                                                  GFile             *file);
FmObservedLog    *fm_observed_dialog_get_log     (FmObservedDialog  *self);
FmObservedMapping *fm_observed_dialog_get_mapping (FmObservedDialog *self);
const char       *fm_observed_dialog_get_error   (FmObservedDialog  *self);
gboolean          fm_observed_dialog_is_loading  (FmObservedDialog  *self);

/* Given the window a file chooser was over and the file chosen. */
typedef void (*FmObservedChosenFunc) (GtkWindow *parent,
                                      GFile     *file);

void              fm_observed_dialog_choose_file (GtkWindow            *parent,
                                                  GFile                *near,
                                                  FmObservedChosenFunc  then);
void              fm_observed_dialog_choose_event_log (GtkWindow       *parent,
                                                  GFile                *near,
                                                  FmObservedChosenFunc  then);

G_END_DECLS
