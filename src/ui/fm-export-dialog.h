/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-dialog.h: export a map, or every map, with a live preview */
#pragma once

#include <adwaita.h>

#include "fm-document.h"
#include "fm-export.h"

G_BEGIN_DECLS

#define FM_TYPE_EXPORT_DIALOG (fm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FmExportDialog, fm_export_dialog, FM, EXPORT_DIALOG, AdwWindow)

FmExportDialog *fm_export_dialog_present (GtkWindow       *parent,
                                          AdwToastOverlay *toasts,
                                          FmDocument      *document,
                                          FmMap           *map,
                                          const char      *base_name,
                                          GFile           *folder);
void            fm_export_dialog_add_filter (GtkFileChooser  *chooser,
                                             FmExportFormat   format);

G_END_DECLS
