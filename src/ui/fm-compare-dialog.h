/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-compare-dialog.h: two maps side by side, figure by figure and step by step */
#pragma once

#include <adwaita.h>

#include "fm-document.h"

G_BEGIN_DECLS

#define FM_TYPE_COMPARE_DIALOG (fm_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FmCompareDialog, fm_compare_dialog, FM, COMPARE_DIALOG, AdwWindow)

FmCompareDialog *fm_compare_dialog_present  (GtkWindow   *parent,
                                             FmDocument  *document,
                                             FmMap       *from,
                                             FmMap       *to);

G_END_DECLS
