/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-series.h: observed flow data item by item and day by day, for charts */
#pragma once

#include "fm-observed.h"

G_BEGIN_DECLS

/**
 * FmObservedFinish:
 * @item: an item finished in the period
 * @type: (nullable): its work item type
 * @start: when it entered its first mapped state (seconds since 1970 UTC)
 * @finish: when it finished
 * @lead_s: @finish − @start
 */
typedef struct {
  char *item;
  char *type;
  gint64 start;
  gint64 finish;
  double lead_s;
} FmObservedFinish;

/**
 * FmObservedBand:
 * @node_id: (nullable): a process step or queue that states map to; %NULL
 *   for the band of finished items, always the last
 * @label: what to call it: the node's label, or "Done"
 * @kind: the node's kind; %FM_NODE_KIND_OUTCOME for the finished items
 *
 * One band of a cumulative flow diagram, one column of an aging chart.
 */
typedef struct {
  char *node_id;
  char *label;
  FmNodeKind kind;
} FmObservedBand;

/**
 * FmObservedSeries:
 * @finishes: #FmObservedFinish of the items finished in the period, by
 *   finish; their lead times are those of #FmObserved
 * @bands: #FmObservedBand of the nodes states map to, in the order of the
 *   flow (left to right on the map, upstream first), then the finished items
 * @first_day: the first day of the period
 * @n_days: the days of the period
 * @counts: (array): @n_days × @bands->len counts, day by day: the items in
 *   each band at the end of the day (in progress from the day it entered to
 *   the day before it left, as #FmObservedDay counts work in progress);
 *   the last band counts the items finished in the period so far
 *
 * What the charts draw besides #FmObserved.
 */
typedef struct {
  GArray *finishes;
  GArray *bands;
  GDate first_day;
  guint n_days;
  guint *counts;
} FmObservedSeries;

FmObservedSeries *fm_observed_series_compute (FmObservedLog           *log,
                                              FmObservedMapping       *mapping,
                                              FmMap                   *map,
                                              FmObserved              *observed,
                                              const FmObservedOptions *options);
FmObservedSeries *fm_observed_series_ref     (FmObservedSeries        *self);
void              fm_observed_series_unref   (FmObservedSeries        *self);
guint             fm_observed_series_get     (FmObservedSeries        *self,
                                              guint                    day,
                                              guint                    band);
int               fm_observed_series_lookup_band (FmObservedSeries    *self,
                                                  const char          *node_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmObservedSeries, fm_observed_series_unref)

G_END_DECLS
