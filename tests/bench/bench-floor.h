/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-floor.h: the floor an SVG export is compared with (issue 8) */
#pragma once

#include "fm-document.h"
#include "fm-edge-route.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

typedef struct _BenchFloor BenchFloor;

BenchFloor *bench_floor_new      (FmDocument      *document,
                                  FmMap           *map,
                                  FmEdgeRoutes    *routes,
                                  const FmMetrics *metrics);
void        bench_floor_draw_svg (BenchFloor      *self,
                                  const char      *path);
void        bench_floor_free     (BenchFloor      *self);

G_END_DECLS
