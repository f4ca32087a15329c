/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node-grid.h: which nodes lie in a rectangle, without visiting them all */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

typedef struct _FmNodeGrid FmNodeGrid;

FmNodeGrid  *fm_node_grid_new        (GArray        *rects);
void         fm_node_grid_free       (FmNodeGrid    *self);
GArray      *fm_node_grid_query      (FmNodeGrid    *self,
                                      const FmRect  *area,
                                      guint          skip_a,
                                      guint          skip_b);
guint        fm_node_grid_count      (FmNodeGrid    *self,
                                      const FmRect  *area,
                                      guint          skip_a,
                                      guint          skip_b,
                                      guint          budget,
                                      gboolean      *complete);
GArray      *fm_node_grid_candidates (FmNodeGrid    *self,
                                      const FmRect  *area);
void         fm_node_grid_move       (FmNodeGrid    *self,
                                      guint          index,
                                      const FmRect  *old_rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmNodeGrid, fm_node_grid_free)

G_END_DECLS
