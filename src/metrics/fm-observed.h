/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed.h: flow figures measured from work-item data, and putting them on a map */
#pragma once

#include "fm-calendar.h"
#include "fm-document.h"
#include "fm-observed-log.h"
#include "fm-observed-mapping.h"

G_BEGIN_DECLS

/* Runs of the Monte Carlo forecast when the caller does not say. */
#define FM_OBSERVED_FORECAST_RUNS 10000

/**
 * FmObservedStatistic:
 * @FM_OBSERVED_MEDIAN: the median: the typical item
 * @FM_OBSERVED_P85: the 85th percentile: what to promise
 * @FM_OBSERVED_MEAN: the mean: means add up along the path and agree with
 *   Little's law, where medians and percentiles of the nodes do not
 *
 * Which figure of a node's observed times to put on the map.
 */
typedef enum {
  FM_OBSERVED_MEDIAN,
  FM_OBSERVED_P85,
  FM_OBSERVED_MEAN,
} FmObservedStatistic;

/**
 * FmObservedOptions:
 * @from: (nullable): count only items finished at or after this time, and
 *   node times of visits that ended at or after it
 * @to: (nullable): look at the data as it was at this time: events at it
 *   or later are ignored, work in progress and aging are as of then.
 *   %NULL: just after the last event of the data, so that the same data
 *   gives the same figures on any day
 * @time_zone: (nullable): where days and weeks begin; %NULL: local time
 * @types: (nullable) (array zero-terminated=1): count only items of these
 *   work item types (compared without regard to case); %NULL: all items
 * @calendar: (nullable): count durations (stays, lead times, ages, flow
 *   efficiency) in its working seconds; %NULL: in elapsed seconds
 *
 * Initialise with fm_observed_options_init(); the caller keeps ownership.
 */
typedef struct {
  GDateTime *from;
  GDateTime *to;
  GTimeZone *time_zone;
  const char * const *types;
  const FmCalendar *calendar;
} FmObservedOptions;

/**
 * FmObservedNode:
 * @node_id: a process step or queue of the map that states are mapped to
 * @kind: its kind
 * @count: completed visits: the samples of @median_s and @p85_s
 * @items: the distinct items among them (fewer when work went round a loop)
 * @in_progress: items in the node at the end of the period
 * @median_s: the median time of a completed visit, NAN without any
 * @p85_s: the 85th percentile, NAN without any
 * @mean_s: the mean time of a completed visit, NAN without any
 * @stays: (element-type double): the times of the completed visits,
 *   ascending: what the simulation's observed variability draws from
 *
 * Consecutive states mapped to the same node count as one visit.
 */
typedef struct {
  char *node_id;
  FmNodeKind kind;
  guint count;
  guint items;
  guint in_progress;
  double median_s;
  double p85_s;
  double mean_s;
  GArray *stays;
} FmObservedNode;

/**
 * FmObservedAge:
 * @item: an item in progress at the end of the period
 * @state: the state it is in
 * @node_id: (nullable): the node that state maps to
 * @age_s: the time since it entered the first mapped state
 * @over_p85: older than the 85th percentile of finished items' lead time
 */
typedef struct {
  char *item;
  char *state;
  char *node_id;
  double age_s;
  gboolean over_p85;
} FmObservedAge;

/**
 * FmObservedWeek:
 * @monday: the first day of the ISO week
 * @finished: items finished in it
 * @complete: the whole week lies in the period; only complete weeks count
 *   in the mean throughput and the forecast
 */
typedef struct {
  GDate monday;
  guint finished;
  gboolean complete;
} FmObservedWeek;

/* Items in progress at the end of a day of the period. */
typedef struct {
  GDate date;
  guint wip;
} FmObservedDay;

/* The finished items of one work item type; @type is NULL for items without one. */
typedef struct {
  char *type;
  guint finished;
  double share;
} FmObservedShare;

/**
 * FmObservedMove:
 * @from_id: a node states are mapped to
 * @to_id: (nullable): the node the items went on to (the same node again
 *   when they went through an unmapped state in between); %NULL for all
 *   the moves out of @from_id, to any node or out of the stream
 * @moves: how many moves
 * @items: the distinct items that made them
 *
 * The moves between the nodes of a map, which give the rates of its
 * rework edges (fm-observed-rework.c).
 */
typedef struct {
  char *from_id;
  char *to_id;
  guint moves;
  guint items;
} FmObservedMove;

/**
 * FmObserved:
 * @items: the items looked at: finished in the period, or in progress at its end
 * @finished: items finished in the period
 * @in_progress: items in progress at its end
 * @lead_time_p50_s: median lead time of the finished items: from entering
 *   the first mapped state to finishing; NAN without finished items
 * @lead_time_p85_s: its 85th percentile, by the nearest rank: 85 % of the
 *   finished items took at most this long
 * @lead_time_p95_s: its 95th percentile, by the nearest rank
 * @throughput_per_week: finished items a week, the mean over the complete
 *   weeks; NAN without a complete week
 * @flow_efficiency: time in process steps ÷ lead time, over all finished
 *   items; NAN without finished items
 * @nodes: #FmObservedNode of every node a state maps to, in the map's order
 * @aging: #FmObservedAge of every item in progress, oldest first
 * @weeks: #FmObservedWeek from the first to the last week of throughput
 * @days: #FmObservedDay of every day of the period
 * @distribution: #FmObservedShare of finished items by type, most first;
 *   empty when the data has no types
 * @lead_times: the lead times of the finished items in seconds, ascending
 * @first_day: the first day of the period
 * @last_day: the last day of the period
 * @as_of: the end of the period
 * @time_zone: where its days begin
 * @calendar: (nullable): the working calendar durations are counted in
 *   (and the forecast's days); %NULL: elapsed time
 * @moves: #FmObservedMove of the items between the nodes, by the map's
 *   order of their source, each source's total first
 *
 * Figures measured from data; see docs/observed.md for each definition.
 */
typedef struct {
  guint items;
  guint finished;
  guint in_progress;
  double lead_time_p50_s;
  double lead_time_p85_s;
  double lead_time_p95_s;
  double throughput_per_week;
  double flow_efficiency;

  GArray *nodes;
  GArray *aging;
  GArray *weeks;
  GArray *days;
  GArray *distribution;
  GArray *lead_times;

  GDate first_day;
  GDate last_day;
  GDateTime *as_of;
  GTimeZone *time_zone;
  FmCalendar *calendar;
  GArray *moves;
} FmObserved;

/**
 * FmObservedForecast:
 * @items: how many items were forecast
 * @runs: simulations run
 * @days: days from the end of the period until the items are finished in
 *   50 %, 85 % and 95 % of the runs (working days in working time); NAN
 *   when it cannot be forecast, INFINITY when it is more than 100 years
 *   away (with no date)
 * @dates: the days they fall on
 * @weeks: the complete weeks the runs draw from; fewer than
 *   %FM_OBSERVED_FORECAST_MIN_WEEKS make an uncertain forecast
 */
typedef struct {
  guint items;
  guint runs;
  double days[3];
  GDate dates[3];
  guint weeks;
} FmObservedForecast;

/* Weekly samples below which a forecast is said to be uncertain: a few
 * weeks drawn again and again look steadier than the work is. */
#define FM_OBSERVED_FORECAST_MIN_WEEKS 10

void                  fm_observed_options_init  (FmObservedOptions       *options);
FmObserved           *fm_observed_compute       (FmObservedLog           *log,
                                                 FmObservedMapping       *mapping,
                                                 FmMap                   *map,
                                                 const FmObservedOptions *options);
FmObserved           *fm_observed_ref           (FmObserved              *self);
void                  fm_observed_unref         (FmObserved              *self);
const FmObservedNode *fm_observed_lookup_node   (FmObserved              *self,
                                                 const char              *node_id);
double                fm_observed_node_value    (const FmObservedNode    *node,
                                                 FmObservedStatistic      statistic);
double                fm_observed_percentile    (const double            *sorted,
                                                 gsize                    n,
                                                 double                   p);
double                fm_observed_percentile_rank (const double          *sorted,
                                                   gsize                  n,
                                                   double                 p);
gboolean              fm_observed_type_selected (const char * const      *types,
                                                 const char              *type);

gboolean              fm_observed_forecast      (FmObserved              *self,
                                                 guint                    items,
                                                 guint                    runs,
                                                 guint32                  seed,
                                                 FmObservedForecast      *forecast);

char                 *fm_observed_describe      (FmObserved              *self,
                                                 const FmObservedNode    *node,
                                                 FmObservedStatistic      statistic);
char                 *fm_observed_check_apply   (FmObserved              *self,
                                                 FmDocument              *document,
                                                 FmMap                   *map,
                                                 FmObservedStatistic      statistic);
guint                 fm_observed_apply         (FmObserved              *self,
                                                 FmDocument              *document,
                                                 FmMap                   *map,
                                                 FmObservedStatistic      statistic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmObserved, fm_observed_unref)

G_END_DECLS
