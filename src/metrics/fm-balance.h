/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-balance.h: each step's cycle time against the takt time */
#pragma once

#include "fm-metrics.h"

G_BEGIN_DECLS

/* One bar of the cycle time / takt chart (operator balance chart). */
typedef struct {
  FmNode *node;          /* borrowed: a process step */
  double cycle_time_s;   /* process time ÷ people; NAN when no process time */
  gboolean over_takt;    /* it cannot meet the demand */
} FmBalanceBar;

double    fm_balance_cycle_time   (FmNode    *node);
gboolean  fm_balance_exceeds_takt (double     cycle_time_s,
                                   double     takt_time_s);
GArray   *fm_balance_compute      (FmMap     *map,
                                   double     takt_time_s);

G_END_DECLS
