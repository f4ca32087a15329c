/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-template-dialog.h: File → New from Template */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FM_TYPE_TEMPLATE_DIALOG (fm_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FmTemplateDialog, fm_template_dialog, FM, TEMPLATE_DIALOG, AdwWindow)

FmTemplateDialog   *fm_template_dialog_new          (GtkWindow        *parent);
const char * const *fm_template_names               (void);
const char         *fm_template_dialog_get_selected (FmTemplateDialog *self);
void                fm_template_dialog_select       (FmTemplateDialog *self,
                                                     const char       *name);

G_END_DECLS
