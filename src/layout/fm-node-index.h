/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node-index.h: a map's nodes found by place
 *
 * The nodes of a map in its order, with their boxes as last taken, over a
 * bucket grid (fm-node-grid.c): what is under the pointer, on screen or
 * in a route's way, without visiting every node. The edge routes keep one
 * up to date as nodes move (fm_edge_routes_get_nodes()), so the canvas
 * and the renderer ask that one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

typedef struct _FmNodeIndex FmNodeIndex;

FmNodeIndex   *fm_node_index_new        (FmMap         *map);
void           fm_node_index_free       (FmNodeIndex   *self);
gboolean       fm_node_index_update     (FmNodeIndex   *self,
                                         guint          max_moved,
                                         GArray        *moved,
                                         GArray        *old_bounds);
guint          fm_node_index_get_n      (FmNodeIndex   *self);
FmNode        *fm_node_index_get_node   (FmNodeIndex   *self,
                                         guint          position);
const FmRect  *fm_node_index_get_bounds (FmNodeIndex   *self,
                                         guint          position);
GArray        *fm_node_index_find       (FmNodeIndex   *self,
                                         const FmRect  *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmNodeIndex, fm_node_index_free)

G_END_DECLS
