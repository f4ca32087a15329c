/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics-cache.h: the figures of the map on screen, kept up to date */
#pragma once

#include <glib-object.h>

#include "fm-document.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

#define FM_TYPE_METRICS_CACHE (fm_metrics_cache_get_type ())
G_DECLARE_FINAL_TYPE (FmMetricsCache, fm_metrics_cache, FM, METRICS_CACHE, GObject)

FmMetricsCache  *fm_metrics_cache_new            (void);
void             fm_metrics_cache_set_map        (FmMetricsCache *self,
                                                  FmDocument     *document,
                                                  FmMap          *map);
FmDocument      *fm_metrics_cache_get_document   (FmMetricsCache *self);
FmMap           *fm_metrics_cache_get_map        (FmMetricsCache *self);
const FmMetrics *fm_metrics_cache_get_metrics    (FmMetricsCache *self);
gboolean         fm_metrics_cache_is_pending     (FmMetricsCache *self);
void             fm_metrics_cache_flush          (FmMetricsCache *self);
void             fm_metrics_cache_hold           (FmMetricsCache *self);
void             fm_metrics_cache_release        (FmMetricsCache *self);
guint            fm_metrics_cache_get_rank       (FmMetricsCache *self,
                                                  const char     *id);

G_END_DECLS
