/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-layout.h: the geometry of swimlanes: their bands, and a map arranged in them */
#pragma once

#include "fm-document.h"
#include "fm-map-lanes.h"

G_BEGIN_DECLS

#define FM_LANE_HEADER_WIDTH 150.0  /* room at a band's left for its name and totals */
#define FM_LANE_MARGIN       40.0   /* above and below the nodes of a lane, for the edges */
#define FM_LANE_GAP          50.0   /* between two nodes side by side, for the edges */

/* The band of one lane, behind its nodes. */
typedef struct {
  guint lane;       /* index into the FmMapLanes */
  FmRect bounds;
} FmLaneBand;

GArray      *fm_lane_bands_compute        (FmMap             *map,
                                           const FmMapLanes  *lanes);
gboolean     fm_lanes_arrange_compute     (FmMap             *map,
                                           const FmMapLanes  *lanes,
                                           GPtrArray         *ids,
                                           GArray            *bounds);
gboolean     fm_lanes_arrange             (FmDocument        *document,
                                           FmMap             *map);

G_END_DECLS
