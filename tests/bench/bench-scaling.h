/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-scaling.h: the inputs that once took quadratic time (issue 22) */
#pragma once

#include <glib.h>

#include "fm-map.h"

G_BEGIN_DECLS

typedef enum {
  BENCH_SCALING_AGING,     /* the dots of the aging chart */
  BENCH_SCALING_STATES,    /* states resolved to nodes, figures and bands */
  BENCH_SCALING_MATCH,     /* states matched to nodes by name */
  BENCH_SCALING_FAN,       /* the routes of a fan: trigger → steps → outcome */
} BenchScalingCase;

#define BENCH_SCALING_N_CASES 4

typedef struct _BenchScaling BenchScaling;

const char   *bench_scaling_key   (BenchScalingCase  which);
const char   *bench_scaling_unit  (BenchScalingCase  which);
guint         bench_scaling_size  (BenchScalingCase  which);
guint         bench_scaling_max_size (BenchScalingCase  which);
BenchScaling *bench_scaling_new   (BenchScalingCase  which,
                                   guint             size);
void          bench_scaling_work  (gpointer          data);
FmMap        *bench_scaling_get_map (BenchScaling   *self);
void          bench_scaling_free  (BenchScaling     *self);

G_END_DECLS
