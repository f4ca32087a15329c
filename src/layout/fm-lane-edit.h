/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-edit.h: the undoable edits of swimlanes: their order, and a step dropped into another lane */
#pragma once

#include "fm-lane-layout.h"

G_BEGIN_DECLS

guint        fm_lanes_get_n_movable       (const FmMapLanes  *lanes);
int          fm_lane_bands_find           (GArray            *bands,
                                           double             y);
gboolean     fm_lanes_move_lane           (FmDocument        *document,
                                           FmMap             *map,
                                           guint              lane,
                                           guint              position);
guint        fm_lanes_drop_steps          (FmDocument        *document,
                                           FmMap             *map,
                                           const FmMapLanes  *lanes,
                                           GArray            *bands,
                                           const char * const *ids);

G_END_DECLS
