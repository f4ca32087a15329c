/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-data.h: how long the data features take at their target sizes */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

char   *bench_csv_generate   (guint        n_transitions,
                              gboolean     naive);
FmMap  *bench_csv_make_map   (void);
double  bench_observed_ms    (guint        n_transitions,
                              int          n_runs,
                              double      *import_ms,
                              guint       *n_items);
double  bench_drawio_ms      (FmDocument  *document,
                              int          n_runs,
                              guint       *n_nodes);

G_END_DECLS
