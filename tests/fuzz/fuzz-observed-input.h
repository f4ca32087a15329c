/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-observed-input.h: bytes made into observed data, for the fuzzers */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fm-json.h"
#include "fm-observed.h"
#include "fm-observed-mapping.h"
#include "fm-observed-series.h"

G_BEGIN_DECLS

/* What the figures of observed data are computed from and give. */
typedef struct {
  FmObservedLog *log;
  FmObservedMapping *mapping;
  FmObserved *observed;
  FmObservedSeries *series;
  FmMap *map;           /* the release example's current state */
  uint8_t knobs;        /* the input's first byte, for the target's choices */
} FuzzObserved;

void  fuzz_observed_setup  (void);
void  fuzz_observed_build  (FuzzObserved   *f,
                            const uint8_t  *data,
                            size_t          size);
void  fuzz_observed_clear  (FuzzObserved   *f);

G_END_DECLS
