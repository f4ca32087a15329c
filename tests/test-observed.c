/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-observed.c: flow figures from work-item data, checked against hand computations
 *
 * Dates only, in UTC; day n is 2026-03-02 + n days (day 0 is a Monday).
 * The map: backlog (queue) → build (step) → wait-test (queue) → test (step).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-csv-import.h"
#include "fm-document-private.h"
#include "fm-map-private.h"
#include "fm-json.h"
#include "fm-observed.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"

#define D 86400.0
#define T0 1772409600 /* 2026-03-02T00:00Z */

/* Items A to D finish; E, F and H are in progress on day 21.
 *
 *   A  backlog 0–2  build 2–5  wait 5–6  test 6–8   done 8    lead 8   active 3+2 = 5
 *   B  backlog 1–2  build 2–4  wait 4–8  test 8–10  done 10   lead 9   active 2+2 = 4
 *   C  backlog 2–4  build 4–9  wait 9–10 test 10–11, back to
 *                   build 11–12 wait 12–13 test 13–15 done 15 lead 13  active 5+1+1+2 = 9
 *   D  backlog 3–7  build 7–12 wait 12–14 test 14–17 done 17  lead 14  active 5+3 = 8
 *   E  backlog 10–15 build 15–
 *   F  backlog 14–
 *   H  backlog 1–3  build 3–6  wait 6–
 */
static const char flow_csv[] =
  "item,type,state,entered_at\n"
  "A,feature,Backlog,2026-03-02\n"
  "A,feature,Building,2026-03-04\n"
  "A,feature,Ready for Test,2026-03-07\n"
  "A,feature,Testing,2026-03-08\n"
  "A,feature,Done,2026-03-10\n"
  "B,defect,Backlog,2026-03-03\n"
  "B,defect,Building,2026-03-04\n"
  "B,defect,Ready for Test,2026-03-06\n"
  "B,defect,Testing,2026-03-10\n"
  "B,defect,Done,2026-03-12\n"
  "C,feature,Backlog,2026-03-04\n"
  "C,feature,Building,2026-03-06\n"
  "C,feature,Ready for Test,2026-03-11\n"
  "C,feature,Testing,2026-03-12\n"
  "C,feature,Building,2026-03-13\n"
  "C,feature,Ready for Test,2026-03-14\n"
  "C,feature,Testing,2026-03-15\n"
  "C,feature,Done,2026-03-17\n"
  "D,,Backlog,2026-03-05\n"
  "D,,Building,2026-03-09\n"
  "D,,Ready for Test,2026-03-14\n"
  "D,,Testing,2026-03-16\n"
  "D,,Done,2026-03-19\n"
  "E,feature,Backlog,2026-03-12\n"
  "E,feature,Building,2026-03-17\n"
  "F,feature,Backlog,2026-03-16\n"
  "H,feature,Backlog,2026-03-03\n"
  "H,feature,Building,2026-03-05\n"
  "H,feature,Ready for Test,2026-03-08\n";

typedef struct {
  FmDocument *document;
  FmMap *map;
  GTimeZone *utc;
} Fixture;

static void
add (FmMap      *map,
     FmNodeKind  kind,
     const char *id,
     const char *label)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_label (node, label);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");

  add (map, FM_NODE_KIND_TRIGGER, "start", "Request");
  add (map, FM_NODE_KIND_QUEUE, "backlog", "Backlog");
  add (map, FM_NODE_KIND_PROCESS, "build", "Build");
  add (map, FM_NODE_KIND_QUEUE, "wait-test", "Waiting for test");
  add (map, FM_NODE_KIND_PROCESS, "test", "Test");
  add (map, FM_NODE_KIND_OUTCOME, "end", "In use");
  add (map, FM_NODE_KIND_SYSTEM, "tracker", "Tracker");
  fm_queue_set_wait_s (FM_QUEUE (fm_map_lookup_node (map, "backlog")), 10 * D);

  f->document = fm_document_new ();
  fm_document_insert_map_internal (f->document, 0, map);
  f->map = map;
  f->utc = g_time_zone_new_utc ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_time_zone_unref (f->utc);
  g_assert_finalize_object (f->document);
}

static FmObservedLog *
import (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) csv = fm_csv_parse (text, -1, "test.csv", 0, &error);
  FmCsvImportOptions options;
  FmObservedLog *log;

  g_assert_no_error (error);
  fm_csv_import_options_init (&options);
  options.time_zone = f->utc;
  log = fm_csv_import (csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  return log;
}

static GDateTime *
day (int n)
{
  return g_date_time_new_from_unix_utc (T0 + (gint64) n * 86400);
}

/* Computes @text as of day @to (and from day @from unless negative). */
static FmObserved *
compute (Fixture            *f,
         const char         *text,
         int                 from,
         int                 to,
         FmObservedMapping **mapping_out)
{
  g_autoptr(FmObservedLog) log = import (f, text);
  g_autoptr(FmObservedMapping) mapping = fm_observed_mapping_new (log, f->map);
  g_autoptr(GDateTime) from_time = from >= 0 ? day (from) : NULL;
  g_autoptr(GDateTime) to_time = day (to);
  FmObservedOptions options;

  fm_observed_options_init (&options);
  options.from = from_time;
  options.to = to_time;
  options.time_zone = f->utc;
  if (mapping_out != NULL)
    *mapping_out = fm_observed_mapping_ref (mapping);

  return fm_observed_compute (log, mapping, f->map, &options);
}

static void
assert_node (FmObserved *o,
             const char *id,
             guint       count,
             guint       items,
             guint       in_progress,
             double      median_days,
             double      p85_days)
{
  const FmObservedNode *node = fm_observed_lookup_node (o, id);

  g_test_message ("node %s", id);
  g_assert_nonnull (node);
  g_assert_cmpuint (node->count, ==, count);
  g_assert_cmpuint (node->items, ==, items);
  g_assert_cmpuint (node->in_progress, ==, in_progress);
  g_assert_cmpfloat_with_epsilon (node->median_s, median_days * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (node->p85_s, p85_days * D, 1e-6);
}

static void
assert_age (FmObserved *o,
            guint       position,
            const char *item,
            const char *state,
            const char *node_id,
            double      days,
            gboolean    over_p85)
{
  const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, position);

  g_assert_cmpstr (age->item, ==, item);
  g_assert_cmpstr (age->state, ==, state);
  g_assert_cmpstr (age->node_id, ==, node_id);
  g_assert_cmpfloat (age->age_s, ==, days * D);
  g_assert_cmpint (age->over_p85, ==, over_p85);
}

static void
test_percentile (void)
{
  const double values[] = { 1, 2, 3, 4 };
  const double one[] = { 7 };

  /* Rank h = (n − 1) p: the median of 1, 2, 3, 4 is half way from 2 to 3;
   * the 85th percentile is at h = 2.55, from 3 towards 4. */
  g_assert_cmpfloat (fm_observed_percentile (values, 4, 0.5), ==, 2.5);
  g_assert_cmpfloat_with_epsilon (fm_observed_percentile (values, 4, 0.85), 3.55, 1e-12);
  g_assert_cmpfloat (fm_observed_percentile (values, 4, 0), ==, 1);
  g_assert_cmpfloat (fm_observed_percentile (values, 4, 1), ==, 4);
  g_assert_cmpfloat (fm_observed_percentile (one, 1, 0.95), ==, 7);
  g_assert_true (isnan (fm_observed_percentile (NULL, 0, 0.5)));

  /* The nearest rank, for "85 % of the finished items took at most …"
   * (issue 21): of 1, 2, 3, 4 only 3 of 4 (75 %) are at or below 3.55; the
   * nearest rank is the ⌈0.85 × 4⌉ = 4th value, 4. */
  g_assert_cmpfloat (fm_observed_percentile_rank (values, 4, 0.85), ==, 4);
  g_assert_cmpfloat (fm_observed_percentile_rank (values, 4, 0.5), ==, 2);
  g_assert_cmpfloat (fm_observed_percentile_rank (values, 4, 0.75), ==, 3);
  g_assert_cmpfloat (fm_observed_percentile_rank (values, 4, 0), ==, 1);
  g_assert_cmpfloat (fm_observed_percentile_rank (one, 1, 0.95), ==, 7);
  g_assert_true (isnan (fm_observed_percentile_rank (NULL, 0, 0.85)));
  {
    double twenty[20];

    /* 0.85 × 20 is 17.000000000000004 in doubles: still the 17th. */
    for (guint i = 0; i < 20; i++)
      twenty[i] = i + 1;
    g_assert_cmpfloat (fm_observed_percentile_rank (twenty, 20, 0.85), ==, 17);
  }
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) o = compute (f, flow_csv, -1, 21, &mapping);
  /* End-of-day WIP, from the spans A 0–8, B 1–10, C 2–15, D 3–17, E 10–,
   * F 14–, H 1– (an item does not count on the day it finishes). */
  const guint wip[] = { 1, 3, 4, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 5, 4, 4, 3, 3, 3, 3 };
  const FmObservedShare *share;

  /* Automatic mapping: Ready for Test waits, so the queue; Testing the step. */
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "Backlog")), ==, "backlog");
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "Building")), ==, "build");
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "Ready for Test")), ==, "wait-test");
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "Testing")), ==, "test");
  g_assert_true (fm_observed_mapping_get_done (mapping, fm_observed_mapping_lookup_state (mapping, "Done")));

  g_assert_cmpuint (o->finished, ==, 4);
  g_assert_cmpuint (o->in_progress, ==, 3);
  g_assert_cmpuint (o->items, ==, 7);

  /* Lead times 8, 9, 13, 14: median at h = 1.5, 9 + ½ × 4 = 11; the 85th
   * and 95th by the nearest rank (issue 21): ⌈0.85 × 4⌉ = ⌈0.95 × 4⌉ = 4th,
   * 14 d, so that "85 % of the finished items took at most 14 d" is true
   * (an interpolated 13.55 d has only 3 of the 4, 75 %, at or below it). */
  g_assert_cmpfloat_with_epsilon (o->lead_time_p50_s, 11 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (o->lead_time_p85_s, 14 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (o->lead_time_p95_s, 14 * D, 1e-6);
  g_assert_cmpuint (o->lead_times->len, ==, 4);

  /* Backlog 1, 2, 2, 2, 4, 5 (E's 5 too; F is still there): median 2, 85th
   * at h = 4.25: 4 + 0.25 = 4.25. Build 1, 2, 3, 3, 5, 5 (C twice, so 5
   * items): 3 and 5. Wait 1, 1, 1, 2, 4: 1 and 2 + 0.4 × 2 = 2.8. Test
   * 1, 2, 2, 2, 3: 2 and 2.4. */
  g_assert_cmpuint (o->nodes->len, ==, 4);
  g_assert_cmpstr (g_array_index (o->nodes, FmObservedNode, 0).node_id, ==, "backlog");
  g_assert_cmpstr (g_array_index (o->nodes, FmObservedNode, 3).node_id, ==, "test");
  assert_node (o, "backlog", 6, 6, 1, 2, 4.25);
  assert_node (o, "build", 6, 5, 1, 3, 5);
  assert_node (o, "wait-test", 5, 4, 1, 1, 2.8);
  assert_node (o, "test", 5, 4, 0, 2, 2.4);
  g_assert_null (fm_observed_lookup_node (o, "start"));
  /* The means, what Apply Observed Data puts by default (issue 21): they
   * add up along the path. Backlog (1 + 2 + 2 + 2 + 4 + 5) ÷ 6 = 16/6 d;
   * build (1 + 2 + 3 + 3 + 5 + 5) ÷ 6 = 19/6 d; wait 9/5 d; test 10/5 d. */
  g_assert_cmpfloat_with_epsilon (fm_observed_lookup_node (o, "backlog")->mean_s, 16.0 / 6 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (fm_observed_lookup_node (o, "build")->mean_s, 19.0 / 6 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (fm_observed_node_value (fm_observed_lookup_node (o, "wait-test"), FM_OBSERVED_MEAN),
                                  9.0 / 5 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (fm_observed_node_value (fm_observed_lookup_node (o, "test"), FM_OBSERVED_MEAN),
                                  2 * D, 1e-6);

  /* Time in the steps over lead time: (5 + 4 + 9 + 8) ÷ (8 + 9 + 13 + 14). */
  g_assert_cmpfloat_with_epsilon (o->flow_efficiency, 26.0 / 44.0, 1e-12);

  /* Day 21 is past every event; the oldest first, H older than 14 days. */
  g_assert_cmpuint (o->aging->len, ==, 3);
  assert_age (o, 0, "H", "Ready for Test", "wait-test", 20, TRUE);
  assert_age (o, 1, "E", "Building", "build", 11, FALSE);
  assert_age (o, 2, "F", "Backlog", "backlog", 7, FALSE);

  /* Finishes on days 8 and 10 (week of 03-09) and 15 and 17 (week of
   * 03-16); the period ends at midnight before day 21, a Sunday night. */
  g_assert_cmpuint (o->weeks->len, ==, 2);
  g_assert_cmpuint (g_date_get_day (&g_array_index (o->weeks, FmObservedWeek, 0).monday), ==, 9);
  g_assert_cmpuint (g_array_index (o->weeks, FmObservedWeek, 0).finished, ==, 2);
  g_assert_true (g_array_index (o->weeks, FmObservedWeek, 1).complete);
  g_assert_cmpfloat (o->throughput_per_week, ==, 2);

  g_assert_cmpuint (g_date_get_day (&o->first_day), ==, 2);
  g_assert_cmpuint (g_date_get_day (&o->last_day), ==, 22);
  g_assert_cmpuint (o->days->len, ==, G_N_ELEMENTS (wip));
  for (guint i = 0; i < G_N_ELEMENTS (wip); i++)
    g_assert_cmpuint (g_array_index (o->days, FmObservedDay, i).wip, ==, wip[i]);

  /* Finished: A and C features, B a defect, D without a type. */
  g_assert_cmpuint (o->distribution->len, ==, 3);
  share = &g_array_index (o->distribution, FmObservedShare, 0);
  g_assert_cmpstr (share->type, ==, "feature");
  g_assert_cmpuint (share->finished, ==, 2);
  g_assert_cmpfloat (share->share, ==, 0.5);
  g_assert_cmpstr (g_array_index (o->distribution, FmObservedShare, 1).type, ==, "defect");
  g_assert_null (g_array_index (o->distribution, FmObservedShare, 2).type);
  g_assert_cmpfloat (g_array_index (o->distribution, FmObservedShare, 2).share, ==, 0.25);
}

static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  /* From day 9, as of day 16: A finished before; D's Done (day 17) has
   * not happened, so D is in progress, in test. Lead times 9 (B) and 13
   * (C): median 11, 85th by the nearest rank ⌈0.85 × 2⌉ = 2nd: 13. */
  g_autoptr(FmObserved) o = compute (f, flow_csv, 9, 16, NULL);
  FmObservedForecast forecast;

  g_assert_cmpuint (o->finished, ==, 2);
  g_assert_cmpuint (o->in_progress, ==, 4);
  g_assert_cmpuint (o->items, ==, 6);
  g_assert_cmpfloat_with_epsilon (o->lead_time_p50_s, 11 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (o->lead_time_p85_s, 13 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (o->flow_efficiency, 13.0 / 22.0, 1e-12);

  assert_age (o, 0, "H", "Ready for Test", "wait-test", 15, TRUE);
  /* 13 d is not older than the 85th percentile, 13 d (nearest rank). */
  assert_age (o, 1, "D", "Testing", "test", 13, FALSE);
  assert_age (o, 2, "E", "Building", "build", 6, FALSE);
  assert_age (o, 3, "F", "Backlog", "backlog", 2, FALSE);

  /* Only visits that ended from day 9 on: backlog E's 5; build C's 5 and
   * 1 and D's 5; wait C's 1, 1 and D's 2; test B's 2, C's 1 and 2. */
  assert_node (o, "backlog", 1, 1, 1, 5, 5);
  assert_node (o, "build", 3, 2, 1, 5, 5);
  assert_node (o, "wait-test", 3, 2, 1, 1, 1.7);
  assert_node (o, "test", 3, 2, 1, 2, 2);

  /* Days 9 to 15: the period ends at midnight before day 16. */
  g_assert_cmpuint (o->days->len, ==, 7);
  g_assert_cmpuint (g_date_get_day (&o->first_day), ==, 11);

  /* Neither week is whole in the period: no throughput, no forecast. */
  g_assert_cmpuint (o->weeks->len, ==, 2);
  g_assert_false (g_array_index (o->weeks, FmObservedWeek, 0).complete);
  g_assert_true (isnan (o->throughput_per_week));
  g_assert_false (fm_observed_forecast (o, 5, 100, 1, &forecast));
  g_assert_true (isnan (forecast.days[1]));
  g_assert_false (g_date_valid (&forecast.dates[1]));
}

static void
test_forecast_exact (Fixture       *f,
                     gconstpointer  data)
{
  /* Both weeks finished 2 items, so every run is the same: 5 items take
   * 2 + 2 and half of the third week's 2, 2.5 weeks = 17.5 days from
   * day 21 (03-23): 04-09 at noon. */
  g_autoptr(FmObserved) o = compute (f, flow_csv, -1, 21, NULL);
  FmObservedForecast forecast;

  g_assert_true (fm_observed_forecast (o, 5, FM_OBSERVED_FORECAST_RUNS, 7, &forecast));
  g_assert_cmpuint (forecast.items, ==, 5);
  g_assert_cmpuint (forecast.runs, ==, FM_OBSERVED_FORECAST_RUNS);
  /* Two complete weeks drawn from: below the 10 of a steady forecast. */
  g_assert_cmpuint (forecast.weeks, ==, 2);
  g_assert_cmpuint (forecast.weeks, <, FM_OBSERVED_FORECAST_MIN_WEEKS);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (forecast.days[i], ==, 17.5);
      g_assert_cmpuint (g_date_get_month (&forecast.dates[i]), ==, 4);
      g_assert_cmpuint (g_date_get_day (&forecast.dates[i]), ==, 9);
    }
}

/* Four items finished in the week of 03-02, none in the next. */
static const char burst_csv[] =
  "item,state,entered_at\n"
  "W1,Backlog,2026-03-02\nW1,Done,2026-03-03\n"
  "W2,Backlog,2026-03-02\nW2,Done,2026-03-04\n"
  "W3,Backlog,2026-03-02\nW3,Done,2026-03-05\n"
  "W4,Backlog,2026-03-02\nW4,Done,2026-03-06\n";

static void
test_forecast_bound (Fixture       *f,
                     gconstpointer  data)
{
  /* Weeks are drawn from {4, 0}: 4 items take the first week that drew a
   * 4, so k weeks or fewer with probability 1 − 2^−k: 0.5, 0.75, 0.875,
   * 0.9375, 0.96875. Of 10,000 runs, 85 % first reached at k = 3 (expected
   * 8,750 runs, 7 standard deviations above 8,500) and 95 % at k = 5
   * (9,688 against 9,500; at k = 4, 9,375). The median is 1 or 2 weeks:
   * 50 % is exactly on the edge. */
  g_autoptr(FmObserved) o = compute (f, burst_csv, -1, 14, NULL);
  FmObservedForecast forecast, again, other_seed;

  g_assert_cmpfloat (o->throughput_per_week, ==, 2);
  g_assert_true (fm_observed_forecast (o, 4, FM_OBSERVED_FORECAST_RUNS, 42, &forecast));
  g_assert_true (forecast.days[0] == 7 || forecast.days[0] == 14);
  g_assert_cmpfloat (forecast.days[1], ==, 21);
  g_assert_cmpfloat (forecast.days[2], ==, 35);
  /* Day 14 is 03-16; three weeks on is 04-06. */
  g_assert_cmpuint (g_date_get_day (&forecast.dates[1]), ==, 6);
  g_assert_cmpuint (g_date_get_month (&forecast.dates[1]), ==, 4);

  /* A seed gives the same answer every time; another seed the same bounds. */
  g_assert_true (fm_observed_forecast (o, 4, FM_OBSERVED_FORECAST_RUNS, 42, &again));
  g_assert_cmpmem (forecast.days, sizeof forecast.days, again.days, sizeof again.days);
  g_assert_true (fm_observed_forecast (o, 4, FM_OBSERVED_FORECAST_RUNS, 4242, &other_seed));
  g_assert_cmpfloat (other_seed.days[1], ==, 21);
  g_assert_cmpfloat (other_seed.days[2], ==, 35);
}

static void
test_left_at (Fixture       *f,
              gconstpointer  data)
{
  /* X leaves Building on day 4 for no state: it left the stream, finished,
   * lead time 4 days. Y has no end: in progress, 5 days old on day 7. */
  g_autoptr(FmObserved) o = compute (f,
    "item,state,entered_at,left_at\n"
    "X,Backlog,2026-03-02,2026-03-03\n"
    "X,Building,2026-03-03,2026-03-06\n"
    "Y,Building,2026-03-04,\n", -1, 7, NULL);

  g_assert_cmpuint (o->finished, ==, 1);
  g_assert_cmpfloat (o->lead_time_p50_s, ==, 4 * D);
  g_assert_cmpuint (o->in_progress, ==, 1);
  assert_age (o, 0, "Y", "Building", "build", 5, TRUE);
  assert_node (o, "build", 1, 1, 1, 3, 3);
}

static void
test_end_of_period (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] = "item,state,entered_at\nK,Backlog,2026-03-02\nK,Done,2026-03-09\n";
  /* Done at day 7 exactly: as of day 7 that has not happened yet. */
  g_autoptr(FmObserved) before = compute (f, csv, -1, 7, NULL);
  /* As of day 8 it has: lead time 7 days, in a week that has not ended. */
  g_autoptr(FmObserved) after = compute (f, csv, -1, 8, NULL);

  g_assert_cmpuint (before->finished, ==, 0);
  assert_age (before, 0, "K", "Backlog", "backlog", 7, FALSE);
  g_assert_cmpuint (g_date_get_day (&before->last_day), ==, 8);

  g_assert_cmpuint (after->finished, ==, 1);
  g_assert_cmpfloat (after->lead_time_p50_s, ==, 7 * D);
  g_assert_cmpuint (after->weeks->len, ==, 1);
  g_assert_cmpuint (g_array_index (after->weeks, FmObservedWeek, 0).finished, ==, 1);
  g_assert_false (g_array_index (after->weeks, FmObservedWeek, 0).complete);
  g_assert_true (isnan (after->throughput_per_week));
}

static void
test_merge_states (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FmObservedLog) log = import (f,
    "item,state,entered_at\n"
    "Z,Backlog,2026-03-02\n"
    "Z,Building,2026-03-03\n"
    "Z,Code Review,2026-03-05\n"
    "Z,Blocked,2026-03-06\n"
    "Z,Testing,2026-03-07\n"
    "Z,Done,2026-03-08\n");
  g_autoptr(FmObservedMapping) mapping = fm_observed_mapping_new (log, f->map);
  g_autoptr(GDateTime) to = day (10);
  g_autoptr(FmObserved) o = NULL;
  g_auto(GStrv) unmapped = NULL;
  FmObservedOptions options;

  /* Building and Code Review are one stay in build: 1 to 4, 3 days. The
   * unmapped Blocked counts in lead time (6 days) but in no node. */
  g_assert_true (fm_observed_mapping_set (mapping, f->map, "Code Review", "build", NULL));
  g_assert_true (fm_observed_mapping_get_explicit (mapping, fm_observed_mapping_lookup_state (mapping, "Code Review")));
  unmapped = fm_observed_mapping_dup_unmapped (mapping);
  g_assert_cmpstrv (unmapped, ((const char * const []) { "Blocked", NULL }));

  fm_observed_options_init (&options);
  options.to = to;
  options.time_zone = f->utc;
  o = fm_observed_compute (log, mapping, f->map, &options);
  assert_node (o, "build", 1, 1, 0, 3, 3);
  g_assert_cmpfloat (o->lead_time_p50_s, ==, 6 * D);
  /* Build 3 days and test 1 of 6. */
  g_assert_cmpfloat (o->flow_efficiency, ==, 4.0 / 6.0);
}

static void
test_mapping (void)
{
  g_autoptr(FmDocument) document = fm_test_load_example ("release.flowmap");
  g_autoptr(GError) error = NULL;
  g_autoptr(FmObservedLog) log = fm_observed_log_new ();
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_auto(GStrv) unmapped = NULL;
  const struct { const char *state; const char *node; } cases[] = {
    /* The tracker states of data/examples/release-observed.csv. */
    { "Backlog", "backlog" },
    { "Refinement", "refine" },
    { "Ready for Dev", "ready" },
    { "In Development", "code" },
    { "Awaiting Security Review", "wait-security" },
    { "Security Review", "security" },
    { "Waiting for Environment", "wait-env" },
    { "Integration Testing", "test" },
    { "Ready for Release", "wait-release" },
    { "Releasing", "release" },
    /* And others trackers use. */
    { "Selected for Development", "ready" },
    { "IN-PROGRESS: coding", "code" },
    { "QA", "test" },
    { "Deploying", "release" },
    { "Blocked", NULL },
    { "To Do", NULL },
    { "Done", NULL },
  };
  FmMap *map;

  map = fm_document_lookup_map (document, "current");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].state);
      g_assert_cmpstr (fm_observed_match_state (map, cases[i].state), ==, cases[i].node);
      fm_observed_log_add_state (log, cases[i].state);
    }

  g_assert_true (fm_observed_state_means_waiting ("Awaiting review"));
  g_assert_true (fm_observed_state_means_waiting ("Dev done"));
  g_assert_true (fm_observed_state_means_waiting ("to-do"));
  g_assert_false (fm_observed_state_means_waiting ("Review"));
  g_assert_false (fm_observed_state_means_waiting ("Done"));
  g_assert_true (fm_observed_state_means_done ("CLOSED"));
  g_assert_true (fm_observed_state_means_done ("Released"));
  g_assert_false (fm_observed_state_means_done ("Ready for Release"));

  fm_observed_log_set_state_done (log, fm_observed_log_lookup_state (log, "Done"), TRUE);
  fm_observed_log_seal (log);
  mapping = fm_observed_mapping_new (log, map);
  g_assert_cmpuint (fm_observed_mapping_get_n_states (mapping), ==, G_N_ELEMENTS (cases));
  unmapped = fm_observed_mapping_dup_unmapped (mapping);
  g_assert_cmpstrv (unmapped, ((const char * const []) { "Blocked", "To Do", NULL }));

  /* By hand: a queue, the outcome (finishes), nothing; and what is refused. */
  g_assert_true (fm_observed_mapping_set (mapping, map, "Blocked", "wait-env", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "Blocked")), ==, "wait-env");
  g_assert_true (fm_observed_mapping_set (mapping, map, "Releasing", "outcome", &error));
  g_assert_true (fm_observed_mapping_get_done (mapping, fm_observed_mapping_lookup_state (mapping, "Releasing")));
  g_assert_true (fm_observed_mapping_set (mapping, map, "QA", NULL, &error));
  g_assert_null (fm_observed_mapping_get_node_id (mapping, fm_observed_mapping_lookup_state (mapping, "QA")));

  g_assert_false (fm_observed_mapping_set (mapping, map, "Nope", "code", &error));
  g_assert_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NO_STATE);
  g_assert_cmpstr (error->message, ==, "no item of the data is ever in the state “Nope”");
  g_clear_error (&error);
  g_assert_false (fm_observed_mapping_set (mapping, map, "QA", "nope", &error));
  g_assert_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NO_NODE);
  g_clear_error (&error);
  g_assert_false (fm_observed_mapping_set (mapping, map, "QA", "tracker", &error));
  g_assert_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NODE_KIND);
  g_assert_cmpstr (error->message, ==,
                   "“tracker” is a system; a state maps to a process step, a queue or the outcome");
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FmObserved) o = compute (f, flow_csv, -1, 21, NULL);
  FmUndoStack *undo = fm_document_get_undo_stack (f->document);
  FmNode *backlog = fm_map_lookup_node (f->map, "backlog");
  FmNode *build = fm_map_lookup_node (f->map, "build");
  FmNode *test = fm_map_lookup_node (f->map, "test");
  g_autofree char *text = NULL;
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint depth = fm_undo_stack_get_depth (undo);

  g_assert_cmpuint (fm_observed_apply (o, f->document, f->map, FM_OBSERVED_MEDIAN), ==, 4);

  /* Medians on the nodes, and where they come from. */
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (backlog)), ==, 2 * D);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (build)), ==, 3 * D);
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (fm_map_lookup_node (f->map, "wait-test"))), ==, 1 * D);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (test)), ==, 2 * D);
  g_assert_cmpstr (fm_node_get_observed (backlog), ==, "observed 2026-03-02 – 2026-03-22, median of 6 items");
  g_assert_cmpstr (fm_node_get_observed (build), ==, "observed 2026-03-02 – 2026-03-22, median of 6 visits by 5 items");
  g_assert_null (fm_node_get_observed (fm_map_lookup_node (f->map, "start")));

  /* One step, undone at once. */
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth + 1);
  g_assert_cmpstr (fm_undo_stack_get_undo_label (undo), ==, "Apply Observed Times");
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (backlog)), ==, 10 * D);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (build)), ==, FM_UNSET);
  g_assert_null (fm_node_get_observed (backlog));
  g_assert_null (fm_node_get_observed (test));
  g_assert_false (fm_undo_stack_get_can_undo (undo));
  g_assert_true (fm_undo_stack_redo (undo));
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (build)), ==, 3 * D);

  /* The means (issue 21): backlog 16/6 d = 230,400 s, build 19/6 d =
   * 273,600 s; they add up along the path, where the medians and the
   * percentiles of the nodes do not. */
  fm_observed_apply (o, f->document, f->map, FM_OBSERVED_MEAN);
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (backlog)), ==, 230400);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (build)), ==, 273600);
  g_assert_cmpstr (fm_node_get_observed (backlog), ==, "observed 2026-03-02 – 2026-03-22, mean of 6 items");
  g_assert_cmpstr (fm_node_get_observed (build), ==, "observed 2026-03-02 – 2026-03-22, mean of 6 visits by 5 items");

  /* The 85th percentile, 4.25 days, rounded to the second. */
  fm_observed_apply (o, f->document, f->map, FM_OBSERVED_P85);
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (backlog)), ==, 367200);
  g_assert_cmpstr (fm_node_get_observed (backlog), ==,
                   "observed 2026-03-02 – 2026-03-22, 85th percentile of 6 items");

  /* The mark is saved and loaded. */
  text = fm_json_save_to_data (f->document, NULL);
  g_assert_nonnull (strstr (text, "\"observed\": \"observed 2026-03-02 – 2026-03-22, 85th percentile of 6 items\""));
  loaded = fm_json_load_data (text, -1, "applied.flowmap", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fm_node_get_observed (fm_map_lookup_node (fm_document_get_map (loaded, 0), "backlog")), ==,
                   fm_node_get_observed (backlog));
}

static void
add_named_node (FmMap      *map,
                FmNodeKind  kind,
                const char *id,
                const char *label)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_label (node, label);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
}

/* Many states against many nodes sharing words (issue 22 made the match
 * count words through an index): ties go to the node first on the map, a
 * strictly better one later wins, waiting prefers queues, and each state
 * of a whole mapping gets what it gets alone. */
static void
test_mapping_many (void)
{
  g_autoptr(FmMap) map = fm_map_new ("many");
  g_autoptr(FmObservedLog) log = fm_observed_log_new ();
  g_autoptr(FmObservedMapping) mapping = NULL;
  const guint n_parts = 400;
  const struct { const char *state; const char *node; } cases[] = {
    { "Design review", "d1" },
    { "Reviewing the design", "d1" },
    { "Security review", "s2" },
    { "Doing security review now", "s2" },
    { "Security", "s1" },
    { "Build part 7", "p6" },
    { "Waiting for part 8 build", "p7" },
    /* Part 7 is a step: the first queue sharing two of three words. */
    { "Waiting for part 7 build", "p1" },
    { "Build part 400", "p399" },
    { "Something else", NULL },
    { "p123", "p123" },
  };

  add_named_node (map, FM_NODE_KIND_PROCESS, "d1", "Design review");
  add_named_node (map, FM_NODE_KIND_PROCESS, "s1", "Security");
  add_named_node (map, FM_NODE_KIND_PROCESS, "d2", "Design review");
  add_named_node (map, FM_NODE_KIND_PROCESS, "s2", "Security review");
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("Build part %u", i + 1);

      add_named_node (map, i % 2 ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS, id, label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].state);
      g_assert_cmpstr (fm_observed_match_state (map, cases[i].state), ==, cases[i].node);
      fm_observed_log_add_state (log, cases[i].state);
    }
  for (guint i = 0; i < 3 * n_parts; i++)
    {
      g_autofree char *state = i % 3 == 0 ? g_strdup_printf ("Build part %u", i / 3 + 1)
                             : i % 3 == 1 ? g_strdup_printf ("Waiting for part %u build", i / 3 + 1)
                             : g_strdup_printf ("part %u", i / 3 + 1);

      fm_observed_log_add_state (log, state);
    }
  fm_observed_log_seal (log);

  mapping = fm_observed_mapping_new (log, map);
  g_assert_cmpuint (fm_observed_mapping_get_n_states (mapping), ==, fm_observed_log_get_n_states (log));
  for (guint i = 0; i < fm_observed_log_get_n_states (log); i++)
    {
      const char *state = fm_observed_log_get_state_name (log, i);

      g_assert_cmpint (fm_observed_mapping_lookup_state (mapping, state), ==, i);
      g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, i), ==, fm_observed_match_state (map, state));
    }
  g_assert_cmpstr (fm_observed_mapping_get_node_id (mapping, G_N_ELEMENTS (cases)), ==, "p0");
  g_assert_cmpint (fm_observed_mapping_lookup_state (mapping, "No such state"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/observed/percentile", test_percentile);
  g_test_add ("/fm/observed/flow", Fixture, NULL, fixture_set_up, test_flow, fixture_tear_down);
  g_test_add ("/fm/observed/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/fm/observed/forecast-exact", Fixture, NULL, fixture_set_up, test_forecast_exact, fixture_tear_down);
  g_test_add ("/fm/observed/forecast-bound", Fixture, NULL, fixture_set_up, test_forecast_bound, fixture_tear_down);
  g_test_add ("/fm/observed/left-at", Fixture, NULL, fixture_set_up, test_left_at, fixture_tear_down);
  g_test_add ("/fm/observed/end-of-period", Fixture, NULL, fixture_set_up, test_end_of_period, fixture_tear_down);
  g_test_add ("/fm/observed/merge-states", Fixture, NULL, fixture_set_up, test_merge_states, fixture_tear_down);
  g_test_add_func ("/fm/observed/mapping", test_mapping);
  g_test_add_func ("/fm/observed/mapping-many", test_mapping_many);
  g_test_add ("/fm/observed/apply", Fixture, NULL, fixture_set_up, test_apply, fixture_tear_down);

  return g_test_run ();
}
