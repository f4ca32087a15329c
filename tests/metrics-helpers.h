/* SPDX-License-Identifier: GPL-3.0-or-later */
/* metrics-helpers.h: small maps in a few lines, for the metrics tests */
#pragma once

#include "fm-document.h"
#include "fm-map.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

FmNode   *fm_test_node        (FmMap       *map,
                               FmNodeKind   kind,
                               const char  *id);
FmNode   *fm_test_step        (FmMap       *map,
                               const char  *id,
                               double       process_s,
                               double       lead_s);
FmNode   *fm_test_queue       (FmMap       *map,
                               const char  *id,
                               double       wait_s);
FmEdge   *fm_test_link        (FmMap       *map,
                               const char  *from,
                               const char  *to,
                               FmEdgeKind   kind);
void      fm_test_chain       (FmMap       *map,
                               ...) G_GNUC_NULL_TERMINATED;
gboolean  fm_test_has_warning (FmMetrics   *metrics,
                               const char  *code,
                               const char  *id);
void      fm_test_assert_near (double       got,
                               double       expected);
FmDocument *fm_test_queueing_document (double   demand_per_day,
                                       double   process_s,
                                       double   people,
                                       FmMap  **map_out);

G_END_DECLS
