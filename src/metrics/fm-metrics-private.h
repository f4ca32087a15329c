/* fm-metrics-private.h: the parts of the computation, each in its own file */
#pragma once

#include "fm-metrics.h"

G_BEGIN_DECLS

void fm_metrics_add_warning   (FmMetrics  *metrics,
                               const char *code,
                               const char *id,
                               const char *format,
                               ...) G_GNUC_PRINTF (4, 5);
void fm_constraints_rank      (FmMetrics  *metrics,
                               FmDocument *document,
                               FmMap      *map);
void fm_map_checks_run        (FmMetrics  *metrics,
                               FmDocument *document,
                               FmMap      *map,
                               GDate      *today);

G_END_DECLS
