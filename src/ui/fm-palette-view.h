/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-palette-view.h: the shapes to place on the canvas and the connector to draw with */
#pragma once

#include <gtk/gtk.h>

#include "fm-canvas.h"

G_BEGIN_DECLS

#define FM_TYPE_PALETTE_VIEW (fm_palette_view_get_type ())
G_DECLARE_FINAL_TYPE (FmPaletteView, fm_palette_view, FM, PALETTE_VIEW, GtkWidget)

GtkWidget *fm_palette_view_new        (void);
void       fm_palette_view_set_canvas (FmPaletteView *self,
                                       FmCanvas      *canvas);

G_END_DECLS
