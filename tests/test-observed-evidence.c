/* test-observed-evidence.c: as of the data, by type, and before and after an experiment, by hand
 *
 * Dates only, in UTC; day n is 2026-03-02 + n days (day 0 is a Monday).
 * The map: backlog (queue) → build (step) → wait-test (queue) → test
 * (step), and the experiment "k", started on day 14 (Monday 16 March),
 * applying to wait-test and test (and to the trigger, which has no stays).
 */
#include "config.h"

#include <math.h>

#include "fm-csv-import.h"
#include "fm-document-private.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-observed.h"
#include "fm-observed-evidence.h"
#include "fm-observed-series.h"

#define D 86400.0
#define T0 1772409600 /* 2026-03-02T00:00Z */

/*        type     backlog build  wait-test  test    done  lead
 *   A   feature   0       1      3–7        7–8     8     8     before
 *   B   defect    0       2      4–9        9–11    11    11    before
 *   C   feature   0       2      4–10       10–12   12    12    before
 *   D   feature   10      11     12–16      16–17   17    7     in flight
 *   E   feature   12      13     15–16      16–18   18    6     in flight
 *   F   feature   14      15     17–18      18–20   20    6     after
 *   G   defect    15      16     18–20      20–22   22    7     after
 *   H   feature   16      17     19–20      20–24   24    8     after
 *   J   feature   20      22–                                   started after, not finished
 */
static const char csv_text[] =
  "item,type,state,entered_at\n"
  "A,feature,Backlog,2026-03-02\n"
  "A,feature,Building,2026-03-03\n"
  "A,feature,Ready for Test,2026-03-05\n"
  "A,feature,Testing,2026-03-09\n"
  "A,feature,Done,2026-03-10\n"
  "B,Defect,Backlog,2026-03-02\n"
  "B,Defect,Building,2026-03-04\n"
  "B,Defect,Ready for Test,2026-03-06\n"
  "B,Defect,Testing,2026-03-11\n"
  "B,Defect,Done,2026-03-13\n"
  "C,feature,Backlog,2026-03-02\n"
  "C,feature,Building,2026-03-04\n"
  "C,feature,Ready for Test,2026-03-06\n"
  "C,feature,Testing,2026-03-12\n"
  "C,feature,Done,2026-03-14\n"
  "D,feature,Backlog,2026-03-12\n"
  "D,feature,Building,2026-03-13\n"
  "D,feature,Ready for Test,2026-03-14\n"
  "D,feature,Testing,2026-03-18\n"
  "D,feature,Done,2026-03-19\n"
  "E,feature,Backlog,2026-03-14\n"
  "E,feature,Building,2026-03-15\n"
  "E,feature,Ready for Test,2026-03-17\n"
  "E,feature,Testing,2026-03-18\n"
  "E,feature,Done,2026-03-20\n"
  "F,feature,Backlog,2026-03-16\n"
  "F,feature,Building,2026-03-17\n"
  "F,feature,Ready for Test,2026-03-19\n"
  "F,feature,Testing,2026-03-20\n"
  "F,feature,Done,2026-03-22\n"
  "G,Defect,Backlog,2026-03-17\n"
  "G,Defect,Building,2026-03-18\n"
  "G,Defect,Ready for Test,2026-03-20\n"
  "G,Defect,Testing,2026-03-22\n"
  "G,Defect,Done,2026-03-24\n"
  "H,feature,Backlog,2026-03-18\n"
  "H,feature,Building,2026-03-19\n"
  "H,feature,Ready for Test,2026-03-21\n"
  "H,feature,Testing,2026-03-22\n"
  "H,feature,Done,2026-03-26\n"
  "J,feature,Backlog,2026-03-22\n"
  "J,feature,Building,2026-03-24\n";

typedef struct {
  FmDocument *document;
  FmMap *map;
  GTimeZone *utc;
  FmObservedLog *log;
  FmObservedMapping *mapping;
} Fixture;

static FmNode *
add (FmMap      *map,
     FmNodeKind  kind,
     const char *id,
     const char *label)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  fm_node_set_label (node, label);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
  return node;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  const char * const targets[] = { "start", "wait-test", "test", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) csv = NULL;
  FmCsvImportOptions options;
  FmNode *kaizen;

  add (map, FM_NODE_KIND_TRIGGER, "start", "Request");
  add (map, FM_NODE_KIND_QUEUE, "backlog", "Backlog");
  add (map, FM_NODE_KIND_PROCESS, "build", "Build");
  add (map, FM_NODE_KIND_QUEUE, "wait-test", "Waiting for test");
  add (map, FM_NODE_KIND_PROCESS, "test", "Test");
  add (map, FM_NODE_KIND_OUTCOME, "end", "In use");
  kaizen = add (map, FM_NODE_KIND_KAIZEN, "k", "Test as soon as built");
  fm_kaizen_set_started (FM_KAIZEN (kaizen), "2026-03-16");
  fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);
  /* Without a start date: no evidence. */
  add (map, FM_NODE_KIND_KAIZEN, "k2", "Smaller items");

  f->document = fm_document_new ();
  fm_document_insert_map_internal (f->document, 0, map);
  f->map = map;
  f->utc = g_time_zone_new_utc ();

  csv = fm_csv_parse (csv_text, -1, "test.csv", 0, &error);
  g_assert_no_error (error);
  fm_csv_import_options_init (&options);
  options.time_zone = f->utc;
  f->log = fm_csv_import (csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_observed_log_get_n_errors (f->log), ==, 0);
  f->mapping = fm_observed_mapping_new (f->log, f->map);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fm_observed_mapping_unref (f->mapping);
  fm_observed_log_unref (f->log);
  g_time_zone_unref (f->utc);
  g_assert_finalize_object (f->document);
}

static GDateTime *
day (int n)
{
  return g_date_time_new_from_unix_utc (T0 + (gint64) n * 86400);
}

static FmObserved *
compute (Fixture                 *f,
         const FmObservedOptions *options)
{
  return fm_observed_compute (f->log, f->mapping, f->map, options);
}

/* Without an as-of, the data's own end: H's Done at the start of day 24,
 * the last event, and a second; never the clock. */
static void
test_as_of_data (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FmObserved) o = NULL;
  g_autoptr(FmObserved) pinned = NULL;
  g_autoptr(GDateTime) to = day (25);
  FmObservedOptions options;

  fm_observed_options_init (&options);
  options.time_zone = f->utc;
  o = compute (f, &options);
  g_assert_cmpint (g_date_time_to_unix (o->as_of), ==, T0 + 24 * 86400 + 1);
  g_assert_cmpuint (g_date_get_day (&o->last_day), ==, 26);
  /* Eight finished, J in progress, 24 days − 20 old. */
  g_assert_cmpuint (o->finished, ==, 8);
  g_assert_cmpuint (o->in_progress, ==, 1);
  g_assert_cmpfloat (g_array_index (o->aging, FmObservedAge, 0).age_s, ==, 4 * D + 1);

  /* As of the end of day 24 (midnight before day 25): the same, but J
   * is 5 days old. */
  options.to = to;
  pinned = compute (f, &options);
  g_assert_cmpuint (pinned->finished, ==, 8);
  g_assert_cmpuint (g_date_get_day (&pinned->last_day), ==, 26);
  g_assert_cmpfloat (g_array_index (pinned->aging, FmObservedAge, 0).age_s, ==, 5 * D);
}

/* --type: every figure of the chosen types only, whatever their case. */
static void
test_types (Fixture       *f,
            gconstpointer  data)
{
  const char * const features[] = { "feature", NULL };
  const char * const defects[] = { "DEFECT", NULL };
  const char * const both[] = { "defect", "Feature", NULL };
  const char * const none[] = { "risk", NULL };
  g_autoptr(GDateTime) to = day (28);
  g_autoptr(FmObserved) o = NULL;
  g_autoptr(FmObserved) d = NULL;
  g_autoptr(FmObserved) all = NULL;
  g_autoptr(FmObserved) empty = NULL;
  g_autoptr(FmObservedSeries) series = NULL;
  FmObservedOptions options;
  const FmObservedNode *wait;

  fm_observed_options_init (&options);
  options.time_zone = f->utc;
  options.to = to;
  options.types = features;
  o = compute (f, &options);

  /* Features: A C D E F H finished, J in progress. Lead times 6 (E), 6
   * (F), 7 (D), 8 (A, H), 12 (C): the median at h = 2.5 is 7.5. */
  g_assert_cmpuint (o->finished, ==, 6);
  g_assert_cmpuint (o->in_progress, ==, 1);
  g_assert_cmpuint (o->items, ==, 7);
  g_assert_cmpfloat_with_epsilon (o->lead_time_p50_s, 7.5 * D, 1e-6);
  /* Their waits for test: 4 (A), 6 (C), 4 (D), 1 (E), 1 (F), 1 (H):
   * sorted 1, 1, 1, 4, 4, 6, median 2.5. */
  wait = fm_observed_lookup_node (o, "wait-test");
  g_assert_cmpuint (wait->count, ==, 6);
  g_assert_cmpfloat_with_epsilon (wait->median_s, 2.5 * D, 1e-6);
  /* One type: the distribution is all features. */
  g_assert_cmpuint (o->distribution->len, ==, 1);
  g_assert_cmpfloat (g_array_index (o->distribution, FmObservedShare, 0).share, ==, 1);

  /* The chart's dots are of the same items. */
  series = fm_observed_series_compute (f->log, f->mapping, f->map, o, &options);
  g_assert_cmpuint (series->finishes->len, ==, 6);

  /* "DEFECT" matches "Defect": B and G, lead times 11 and 7, median 9. */
  options.types = defects;
  d = compute (f, &options);
  g_assert_cmpuint (d->finished, ==, 2);
  g_assert_cmpuint (d->in_progress, ==, 0);
  g_assert_cmpfloat_with_epsilon (d->lead_time_p50_s, 9 * D, 1e-6);

  options.types = both;
  all = compute (f, &options);
  g_assert_cmpuint (all->finished, ==, 8);

  options.types = none;
  empty = compute (f, &options);
  g_assert_cmpuint (empty->items, ==, 0);
  g_assert_true (isnan (empty->lead_time_p50_s));

  g_assert_true (fm_observed_type_selected (NULL, NULL));
  g_assert_false (fm_observed_type_selected (features, NULL));
}

static FmEvidence *
only_evidence (GPtrArray *evidence)
{
  g_assert_cmpuint (evidence->len, ==, 1);
  return evidence->pdata[0];
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) to = day (28);
  g_autoptr(FmObserved) o = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  const FmEvidenceNode *wait, *test;
  FmObservedOptions options;
  FmEvidence *e;

  fm_observed_options_init (&options);
  options.time_zone = f->utc;
  options.to = to;
  o = compute (f, &options);
  evidence = fm_evidence_compute (f->log, f->mapping, f->map, o, &options);
  e = only_evidence (evidence);

  g_assert_cmpstr (e->kaizen_id, ==, "k");
  g_assert_cmpuint (g_date_get_day (&e->started), ==, 16);
  g_assert_cmpint (e->start, ==, T0 + 14 * 86400);

  /* Before: A, B and C finished before day 14. Lead times 8, 11, 12:
   * median 11; 85th at h = 1.7: 11 + 0.7 × 1 = 11.7. Their first finish
   * (day 8) is in the week of Monday day 7, and the side ends with Sunday
   * day 13: one whole week, with all three: 3 a week. */
  g_assert_cmpuint (e->before.items, ==, 3);
  g_assert_cmpfloat_with_epsilon (e->before.lead_time_p50_s, 11 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (e->before.lead_time_p85_s, 11.7 * D, 1e-6);
  g_assert_cmpuint (e->before.weeks, ==, 1);
  g_assert_cmpfloat (e->before.throughput_per_week, ==, 3);

  /* After: F, G and H started on day 14 or later and finished. Lead times
   * 6, 7, 8: median 7; 85th 7 + 0.7 × 1 = 7.7. The first finish (F, day
   * 20, a Sunday) is in the week of Monday day 14; the period ends with
   * Sunday day 27: two whole weeks, three items: 1.5 a week. */
  g_assert_cmpuint (e->after.items, ==, 3);
  g_assert_cmpfloat_with_epsilon (e->after.lead_time_p50_s, 7 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (e->after.lead_time_p85_s, 7.7 * D, 1e-6);
  g_assert_cmpuint (e->after.weeks, ==, 2);
  g_assert_cmpfloat (e->after.throughput_per_week, ==, 1.5);

  /* D and E started before day 14 and finished after it; J started
   * after and is not finished. */
  g_assert_cmpuint (e->in_flight, ==, 2);
  g_assert_cmpuint (e->unfinished, ==, 1);
  g_assert_true (fm_evidence_is_weak (e));

  /* Its steps and queues, not the trigger. Waits for test that ended
   * before day 14: A 4, B 5, C 6 (median 5); that began on or after it:
   * E 1, F 1, G 2, H 1 (median 1). D's, 12–16, spans the start: neither.
   * Tests before: A 1, B 2, C 2 (median 2); after: D 1, E 2, F 2, G 2,
   * H 4 (median 2). */
  g_assert_cmpuint (e->nodes->len, ==, 2);
  wait = &g_array_index (e->nodes, FmEvidenceNode, 0);
  test = &g_array_index (e->nodes, FmEvidenceNode, 1);
  g_assert_cmpstr (wait->node_id, ==, "wait-test");
  g_assert_cmpuint (wait->before_count, ==, 3);
  g_assert_cmpuint (wait->after_count, ==, 4);
  g_assert_cmpfloat_with_epsilon (wait->before_median_s, 5 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (wait->after_median_s, 1 * D, 1e-6);
  g_assert_cmpstr (test->node_id, ==, "test");
  g_assert_cmpuint (test->before_count, ==, 3);
  g_assert_cmpuint (test->after_count, ==, 5);
  g_assert_cmpfloat_with_epsilon (test->before_median_s, 2 * D, 1e-6);
  g_assert_cmpfloat_with_epsilon (test->after_median_s, 2 * D, 1e-6);
}

/* As of day 21 (the end of day 20): G's and H's Done and J's Building
 * have not happened; G, H and J (in the backlog since day 20) count
 * apart, and F is the only item after. */
static void
test_evidence_as_of (Fixture       *f,
                     gconstpointer  data)
{
  const char * const features[] = { "feature", NULL };
  g_autoptr(GDateTime) to = day (21);
  g_autoptr(FmObserved) o = NULL;
  g_autoptr(FmObserved) by_type = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) features_only = NULL;
  FmObservedOptions options;
  FmEvidence *e;

  fm_observed_options_init (&options);
  options.time_zone = f->utc;
  options.to = to;
  o = compute (f, &options);
  evidence = fm_evidence_compute (f->log, f->mapping, f->map, o, &options);
  e = only_evidence (evidence);

  /* F finished on day 20, in the week of day 14, which ends day 20, the
   * period's last day: one week, one item. */
  g_assert_cmpuint (e->after.items, ==, 1);
  g_assert_cmpfloat (e->after.lead_time_p50_s, ==, 6 * D);
  g_assert_cmpfloat (e->after.throughput_per_week, ==, 1);
  g_assert_cmpuint (e->unfinished, ==, 3);
  g_assert_cmpuint (e->in_flight, ==, 2);
  g_assert_cmpuint (e->before.items, ==, 3);

  /* Features only: A and C before (8 and 12: median 10), F after; D and
   * E in flight; H and J unfinished. */
  options.types = features;
  by_type = compute (f, &options);
  features_only = fm_evidence_compute (f->log, f->mapping, f->map, by_type, &options);
  e = only_evidence (features_only);
  g_assert_cmpuint (e->before.items, ==, 2);
  g_assert_cmpfloat_with_epsilon (e->before.lead_time_p50_s, 10 * D, 1e-6);
  g_assert_cmpuint (e->after.items, ==, 1);
  g_assert_cmpuint (e->in_flight, ==, 2);
  g_assert_cmpuint (e->unfinished, ==, 2);
}

/* Start dates that are not dates give no evidence. */
static void
test_started_parse (void)
{
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_KAIZEN, "k");
  FmKaizen *kaizen = FM_KAIZEN (node);
  GDate date;

  g_assert_false (fm_evidence_parse_started (kaizen, &date));
  fm_kaizen_set_started (kaizen, "2026-02-30");
  g_assert_false (fm_evidence_parse_started (kaizen, &date));
  fm_kaizen_set_started (kaizen, "2026-3-1");
  g_assert_false (fm_evidence_parse_started (kaizen, &date));
  fm_kaizen_set_started (kaizen, "2028-02-29");
  g_assert_true (fm_evidence_parse_started (kaizen, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fm/observed/as-of-data", Fixture, NULL, fixture_set_up, test_as_of_data, fixture_tear_down);
  g_test_add ("/fm/observed/types", Fixture, NULL, fixture_set_up, test_types, fixture_tear_down);
  g_test_add ("/fm/observed/evidence", Fixture, NULL, fixture_set_up, test_evidence, fixture_tear_down);
  g_test_add ("/fm/observed/evidence-as-of", Fixture, NULL, fixture_set_up, test_evidence_as_of, fixture_tear_down);
  g_test_add_func ("/fm/observed/started", test_started_parse);

  return g_test_run ();
}
