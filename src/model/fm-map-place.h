/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-place.h: where a node added after another one goes */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

#define FM_PLACE_GAP 80.0   /* map units between a node and the one added after it */

void  fm_map_place_after  (FmMap   *map,
                           FmNode  *after,
                           double   grid,
                           FmRect  *rect);

G_END_DECLS
