/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-slide.h: what a slide shows beside a map: its legend of key figures, and the comparison of two maps */
#pragma once

#include <cairo.h>

#include "fm-comparison.h"
#include "fm-renderer.h"

G_BEGIN_DECLS

typedef struct _FmLegend FmLegend;

FmLegend  *fm_legend_new               (FmDocument         *document,
                                        FmMap              *map);
void       fm_legend_free              (FmLegend           *self);
double     fm_legend_get_height        (FmLegend           *self,
                                        double              width);
void       fm_legend_draw              (FmLegend           *self,
                                        cairo_t            *cr,
                                        const FmPalette    *palette,
                                        const FmRect       *box);

void       fm_slide_draw_comparison    (cairo_t            *cr,
                                        FmDocument         *document,
                                        const FmComparison *comparison,
                                        const FmPalette    *palette,
                                        const FmRect       *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmLegend, fm_legend_free)

G_END_DECLS
