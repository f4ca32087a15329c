/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector.h: edits the selected item's fields, or the document's */
#pragma once

#include <gtk/gtk.h>

#include "fm-canvas-state.h"
#include "fm-document.h"

G_BEGIN_DECLS

#define FM_TYPE_INSPECTOR (fm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (FmInspector, fm_inspector, FM, INSPECTOR, GtkWidget)

GtkWidget  *fm_inspector_new             (void);
void        fm_inspector_set_map         (FmInspector   *self,
                                          FmDocument    *document,
                                          FmMap         *map,
                                          FmCanvasState *state);
const char *fm_inspector_get_page        (FmInspector   *self);
GtkWidget  *fm_inspector_get_field       (FmInspector   *self,
                                          const char    *property);

gboolean    fm_inspector_parse_number    (const char    *text,
                                          double        *value);

G_END_DECLS
