/* fm-style-palette.h: the renderer's colours taken from a widget's style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fm-renderer.h"

G_BEGIN_DECLS

void fm_style_palette_from_widget (GtkWidget *widget,
                                   FmPalette *palette);

G_END_DECLS
