/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-order.h: the order in which a reader follows a map's nodes */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

GPtrArray  *fm_map_reading_order  (FmMap *map);
GPtrArray  *fm_map_flow_order     (FmMap *map);

G_END_DECLS
