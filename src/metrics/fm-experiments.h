/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-experiments.h: a map's improvement experiments, in the order of their reviews */
#pragma once

#include "fm-kaizen.h"
#include "fm-map.h"

G_BEGIN_DECLS

GPtrArray  *fm_experiments_list          (FmMap     *map);
gboolean    fm_experiment_get_review     (FmKaizen  *kaizen,
                                          GDate     *date);
gboolean    fm_experiment_is_overdue     (FmKaizen  *kaizen,
                                          GDate     *today);
gboolean    fm_experiment_is_open        (FmKaizen  *kaizen);

G_END_DECLS
