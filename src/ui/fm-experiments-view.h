/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-experiments-view.h: a map's improvement experiments, by review date */
#pragma once

#include <gtk/gtk.h>

#include "fm-canvas.h"
#include "fm-document.h"

G_BEGIN_DECLS

#define FM_TYPE_EXPERIMENTS_VIEW (fm_experiments_view_get_type ())
G_DECLARE_FINAL_TYPE (FmExperimentsView, fm_experiments_view, FM, EXPERIMENTS_VIEW, GtkWidget)

void   fm_experiments_view_set_map     (FmExperimentsView *self,
                                        FmDocument        *document,
                                        FmMap             *map,
                                        FmCanvas          *canvas);
guint  fm_experiments_view_get_n_overdue (FmExperimentsView *self);

G_END_DECLS
