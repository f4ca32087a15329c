/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog.h: New Map from Event Data: a drafted map and its variants */
#pragma once

#include <adwaita.h>

#include "fm-discover.h"

G_BEGIN_DECLS

#define FM_TYPE_DISCOVER_DIALOG (fm_discover_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FmDiscoverDialog, fm_discover_dialog, FM, DISCOVER_DIALOG, AdwWindow)

FmDiscoverDialog *fm_discover_dialog_present       (GtkWindow        *parent,
                                                    FmDocument       *document,
                                                    GFile            *file);
FmDiscovery      *fm_discover_dialog_get_discovery (FmDiscoverDialog *self);
gboolean          fm_discover_dialog_is_busy       (FmDiscoverDialog *self);
const char       *fm_discover_dialog_get_error     (FmDiscoverDialog *self);

G_END_DECLS
