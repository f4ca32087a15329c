/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-lanes.h: which swimlane (role) each node of a map is in */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

/* The lanes of a map, worked out from its steps' roles: the map's own
 * lane order first, then roles no lane names yet in the order the flow
 * meets them, then a lane named "" for steps without a role. */
typedef struct _FmMapLanes FmMapLanes;

FmMapLanes  *fm_map_lanes_new          (FmMap             *map);
void         fm_map_lanes_free         (FmMapLanes        *self);
guint        fm_map_lanes_get_n_lanes  (const FmMapLanes  *self);
const char  *fm_map_lanes_get_name     (const FmMapLanes  *self,
                                        guint              lane);
int          fm_map_lanes_lookup       (const FmMapLanes  *self,
                                        FmNode            *node);
gboolean     fm_map_lanes_is_handoff   (const FmMapLanes  *self,
                                        FmMap             *map,
                                        FmEdge            *edge);
FmNode      *fm_map_lanes_get_step     (const FmMapLanes  *self,
                                        FmNode            *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmMapLanes, fm_map_lanes_free)

G_END_DECLS
