/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-private.h: structural changes of a map, for the undo layer and the loader only */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

void         fm_map_insert_node        (FmMap       *self,
                                        guint        position,
                                        FmNode      *node);
guint        fm_map_remove_node        (FmMap       *self,
                                        FmNode      *node);
void         fm_map_insert_edge        (FmMap       *self,
                                        guint        position,
                                        FmEdge      *edge);
guint        fm_map_remove_edge        (FmMap       *self,
                                        FmEdge      *edge);
void         fm_map_append_node_quietly (FmMap      *self,
                                         FmNode     *node);
void         fm_map_append_edge_quietly (FmMap      *self,
                                         FmEdge     *edge);
void         fm_map_flush_appends      (FmMap       *self);

G_END_DECLS
