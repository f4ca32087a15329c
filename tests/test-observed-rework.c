/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-observed-rework.c: the rework rates observed data puts on a drawn map
 *
 * Dates only, in UTC; day n is 2026-03-02 + n days. The data is the small
 * log of test-discover.c:
 *
 *   A  Backlog 0  Build 1  Review 3  Done 4
 *   B  Backlog 0  Build 2  Review 5  Done 6
 *   C  Backlog 1  Build 2  Review 4  Build 5  Review 7  Done 8
 *   D  Backlog 2  Build 3  Done 5
 *   E  Backlog 3  Build 4 …
 *   F  Backlog 1  Build 2  Build 3  Review 4  Done 5
 *
 * Moves out of Review's stays: A, B, F and C's second to Done, C's first
 * back to Build: 5, of which 1 back: rate 0.2, by 1 item of 6.
 */
#include "config.h"

#include <string.h>

#include "fm-csv-import.h"
#include "fm-json.h"
#include "fm-observed.h"
#include "fm-process-step.h"
#include "fm-test-utils.h"
#include "fm-undo-stack.h"

static const char small_csv[] =
  "item,state,entered_at\n"
  "A,Backlog,2026-03-02\nA,Build,2026-03-03\nA,Review,2026-03-05\nA,Done,2026-03-06\n"
  "B,Backlog,2026-03-02\nB,Build,2026-03-04\nB,Review,2026-03-07\nB,Done,2026-03-08\n"
  "C,Backlog,2026-03-03\nC,Build,2026-03-04\nC,Review,2026-03-06\nC,Build,2026-03-07\n"
  "C,Review,2026-03-09\nC,Done,2026-03-10\n"
  "D,Backlog,2026-03-04\nD,Build,2026-03-05\nD,Done,2026-03-07\n"
  "E,Backlog,2026-03-05\nE,Build,2026-03-06\n"
  "F,Backlog,2026-03-03\nF,Build,2026-03-04\nF,Build,2026-03-05\nF,Review,2026-03-06\nF,Done,2026-03-07\n";

/* A map drawn by hand, with the team's guess of the rework; @rework:
 * whether it has the rework edge at all. */
static FmDocument *
small_map (gboolean rework)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"current\", \"nodes\": ["
    "{\"id\": \"start\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"backlog\", \"kind\": \"queue\", \"label\": \"Backlog\", \"x\": 200, \"y\": 0},"
    "{\"id\": \"build\", \"kind\": \"process\", \"label\": \"Build\", \"x\": 400, \"y\": 0},"
    "{\"id\": \"review\", \"kind\": \"process\", \"label\": \"Review\", \"x\": 600, \"y\": 0},"
    "{\"id\": \"end\", \"kind\": \"outcome\", \"x\": 800, \"y\": 0}], \"edges\": ["
    "{\"id\": \"f1\", \"from\": \"start\", \"to\": \"backlog\", \"kind\": \"flow\"},"
    "{\"id\": \"f2\", \"from\": \"backlog\", \"to\": \"build\", \"kind\": \"flow\"},"
    "{\"id\": \"f3\", \"from\": \"build\", \"to\": \"review\", \"kind\": \"flow\"},"
    "{\"id\": \"f4\", \"from\": \"review\", \"to\": \"end\", \"kind\": \"flow\"}%s]}]}",
    rework ? ", {\"id\": \"back\", \"from\": \"review\", \"to\": \"build\", \"kind\": \"rework\", \"rate\": 0.5}" : "");
  FmDocument *document = fm_json_load_data (text, -1, "small.flowmap", &error);

  g_assert_no_error (error);
  return document;
}

static FmObserved *
measure (FmDocument *document,
         const char *csv_text,
         GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) csv = fm_csv_parse (csv_text, -1, "test.csv", 0, &error);
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  FmMap *map = fm_document_get_map (document, 0);
  FmCsvImportOptions import_options;
  FmObservedOptions options;

  g_assert_no_error (error);
  fm_csv_import_options_init (&import_options);
  import_options.time_zone = tz;
  log = fm_csv_import (csv, &import_options, NULL, &error);
  g_assert_no_error (error);
  mapping = fm_observed_mapping_new (log, map);
  fm_observed_options_init (&options);
  options.time_zone = tz;

  return fm_observed_compute (log, mapping, map, &options);
}

static void
test_moves (void)
{
  g_autoptr(FmDocument) document = small_map (TRUE);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObserved) o = measure (document, small_csv, utc);
  /* backlog: 6 on to build; build: A B C C F on to review, D to the
   * finish (C's second pass and F's two visits are one stay each);
   * review: C back to build, 4 to the finish. */
  static const struct { const char *from, *to; guint moves, items; } expected[] = {
    { "backlog", NULL, 6, 6 }, { "backlog", "build", 6, 6 },
    { "build", NULL, 6, 5 }, { "build", "review", 5, 4 },
    { "review", NULL, 5, 4 }, { "review", "build", 1, 1 },
  };

  g_assert_cmpuint (o->moves->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FmObservedMove *move = &g_array_index (o->moves, FmObservedMove, i);

      g_assert_cmpstr (move->from_id, ==, expected[i].from);
      g_assert_cmpstr (move->to_id, ==, expected[i].to);
      g_assert_cmpuint (move->moves, ==, expected[i].moves);
      g_assert_cmpuint (move->items, ==, expected[i].items);
    }
}

/* The team guessed 0.5; the data says 1 of 5. One step, undone at once. */
static void
test_rate (void)
{
  g_autoptr(FmDocument) document = small_map (TRUE);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObserved) o = measure (document, small_csv, utc);
  FmMap *map = fm_document_get_map (document, 0);
  FmEdge *back = fm_map_lookup_edge (map, "back");
  FmUndoStack *undo = fm_document_get_undo_stack (document);
  guint depth = fm_undo_stack_get_depth (undo);

  g_assert_cmpuint (fm_observed_apply (o, document, map, FM_OBSERVED_MEDIAN), ==, 3);
  g_assert_cmpfloat (fm_edge_get_rate (back), ==, 0.2);
  g_assert_cmpstr (fm_edge_get_observed (back), ==, "observed 2026-03-02 – 2026-03-10, 1 of 5 moves out went back");
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 5);

  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, depth + 1);
  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_cmpfloat (fm_edge_get_rate (back), ==, 0.5);
  g_assert_null (fm_edge_get_observed (back));
}

/* Without the rework edge, the data's loop (1 item of 6, over the 5 %
 * threshold) is added, marked; undone with the times. */
static void
test_missing (void)
{
  g_autoptr(FmDocument) document = small_map (FALSE);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FmObserved) o = measure (document, small_csv, utc);
  FmMap *map = fm_document_get_map (document, 0);
  FmUndoStack *undo = fm_document_get_undo_stack (document);
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FmEdge *added;

  fm_observed_apply (o, document, map, FM_OBSERVED_MEDIAN);
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 5);
  added = fm_map_get_edge (map, 4);
  g_assert_cmpint (fm_edge_get_kind (added), ==, FM_EDGE_KIND_REWORK);
  g_assert_cmpstr (fm_edge_get_from (added), ==, "review");
  g_assert_cmpstr (fm_edge_get_to (added), ==, "build");
  g_assert_cmpfloat (fm_edge_get_rate (added), ==, 0.2);
  g_assert_nonnull (fm_edge_get_observed (added));

  /* The mark is saved and loaded. */
  text = fm_json_save_to_data (document, NULL);
  g_assert_nonnull (strstr (text, "\"observed\": \"observed 2026-03-02 – 2026-03-10, 1 of 5 moves out went back\""));
  loaded = fm_json_load_data (text, -1, "applied.flowmap", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fm_edge_get_observed (fm_map_get_edge (fm_document_get_map (loaded, 0), 4)), ==,
                   fm_edge_get_observed (added));

  g_assert_true (fm_undo_stack_undo (undo));
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 4);
  g_assert_false (fm_value_is_set (fm_process_step_get_lead_s (FM_PROCESS_STEP (fm_map_lookup_node (map, "build")))));
}

/* The bundled map and export: the team's 0.15 and 0.10 become the 16 of
 * 106 and 9 of 87 moves back the data shows (as `flowmap discover` finds
 * them); without its test → code loop, the map gets it back. */
static void
test_release (void)
{
  g_autoptr(FmDocument) document = fm_test_load_example ("release.flowmap");
  g_autofree char *path = fm_test_example_path ("release-observed.csv");
  g_autofree char *csv = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(FmObserved) o = NULL;
  FmMap *map = fm_document_get_map (document, 0);
  const char * const remove[] = { "rework-1", NULL };
  guint n_edges;

  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  o = measure (document, csv, tz);
  fm_observed_apply (o, document, map, FM_OBSERVED_MEDIAN);
  g_assert_cmpfloat (fm_edge_get_rate (fm_map_lookup_edge (map, "rework-2")), ==, 0.151);
  g_assert_cmpstr (fm_edge_get_observed (fm_map_lookup_edge (map, "rework-2")), ==,
                   "observed 2026-05-18 – 2026-11-20, 16 of 106 moves out went back");
  g_assert_cmpfloat (fm_edge_get_rate (fm_map_lookup_edge (map, "rework-1")), ==, 0.103);

  fm_document_remove (document, map, remove);
  n_edges = fm_map_get_n_edges (map);
  fm_observed_apply (o, document, map, FM_OBSERVED_MEDIAN);
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, n_edges + 1);
  {
    FmEdge *added = fm_map_get_edge (map, n_edges);

    g_assert_cmpstr (fm_edge_get_from (added), ==, "test");
    g_assert_cmpstr (fm_edge_get_to (added), ==, "code");
    g_assert_cmpfloat (fm_edge_get_rate (added), ==, 0.103);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/observed/rework/moves", test_moves);
  g_test_add_func ("/fm/observed/rework/rate", test_rate);
  g_test_add_func ("/fm/observed/rework/missing", test_missing);
  g_test_add_func ("/fm/observed/rework/release", test_release);

  return g_test_run ();
}
