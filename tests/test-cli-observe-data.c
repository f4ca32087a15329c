/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-observe-data.c: `flowmap observe` on odd and hostile exports
 *
 * What a user sees and the exit status: a file none of whose rows could
 * be read, a changelog, dates far in the future, overlapping visits, a
 * median too long for a map, a header of too many columns. The rules
 * themselves are tested in test-observed-hostile.c.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-helpers.h"

static const char map_text[] =
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"current\", \"nodes\": ["
  "{\"id\": \"start\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
  "{\"id\": \"backlog\", \"kind\": \"queue\", \"label\": \"Backlog\", \"x\": 100, \"y\": 0},"
  "{\"id\": \"build\", \"kind\": \"process\", \"label\": \"Build\", \"x\": 200, \"y\": 0},"
  "{\"id\": \"test\", \"kind\": \"process\", \"label\": \"Test\", \"x\": 300, \"y\": 0}"
  "], \"edges\": []}]}";

static void
test_every_row_fails (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("semi.csv", "item,state,entered_at\n"
                                                "A;Backlog;2026-03-02\n"
                                                "A;Done;2026-03-04\n");
  g_auto(Run) run = { 0 };

  flowmap (&run, "observe", "--csv", csv, "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "semi.csv: no row could be read; line 2: 1 field where the header has 3; the header's "
                   "fields are separated by commas, the rows seem to use semicolons: save the export with "
                   "one separator\n");
}

static void
test_changelog (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("changelog.csv", "Issue key,From,To,Changed\n"
                                                     "A-1,To Do,In Progress,2026-03-02\n"
                                                     "A-1,In Progress,Done,2026-03-04\n");
  g_auto(Run) run = { 0 };

  flowmap (&run, "observe", "--csv", csv, "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no column of states"));
  g_assert_nonnull (strstr (run.err, "“Issue key”, “From”, “To”, “Changed”"));
}

static void
test_future_dates (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("future.csv", "item,state,entered_at\n"
                                                  "A,Backlog,2026-03-02\n"
                                                  "A,Building,2026-03-04\n"
                                                  "A,Done,2026-03-05\n"
                                                  "B,Backlog,2026-03-02\n"
                                                  "B,Building,2062-03-02\n"
                                                  "C,Backlog,9999-12-31\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  JsonObject *o, *period;

  /* Fatal warnings make a GLib-CRITICAL fail the run. */
  flowmap (&text, "observe", "--csv", csv, "--time-zone", "UTC", "--forecast", "5", map, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_true (g_str_has_prefix (text.out, "Observed 2026-03-02 – 2026-03-05\n"));
  g_assert_nonnull (strstr (text.out,
                            "  line 6: 2062-03-02 is after every other event by 36 years (the others end on "
                            "2026-03-05): left out\n"
                            "  line 7: 9999-12-31 is after every other event by 7974 years (the others end on "
                            "2026-03-05): left out\n"));
  g_assert_null (strstr (text.out, "1-01-01"));

  flowmap (&json, "observe", "--csv", csv, "--time-zone", "UTC", "--json", map, NULL);
  g_assert_cmpint (json.status, ==, 0);
  o = parse_object (parser, json.out);
  period = json_object_get_object_member (o, "period");
  g_assert_cmpstr (json_object_get_string_member (period, "to"), ==, "2026-03-05");
  g_assert_cmpint (json_object_get_int_member (o, "in_progress"), ==, 1);
}

static void
test_overlap (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("overlap.csv", "item,state,entered_at,left_at\n"
                                                   "A,Backlog,2026-01-01,2026-01-02\n"
                                                   "A,Building,2026-01-02,2026-01-10\n"
                                                   "A,Testing,2026-01-03,2026-01-05\n"
                                                   "A,Done,2026-01-05,\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *o;

  flowmap (&run, "observe", "--csv", csv, "--time-zone", "UTC", "--json", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  /* 1 d building and 2 d testing of a lead time of 4 d, not 125 %. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "flow_efficiency"), 0.75, 1e-12);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "warnings"), 0), ==,
                   "1 visit ends after its item entered its next state (line 3): it is cut at that entry");
}

static void
test_median_too_long (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("old.csv", "item,state,entered_at\n"
                                               "A,Backlog,1600-01-01\n"
                                               "A,Building,2026-01-01\n"
                                               "A,Done,2026-01-05\n");
  g_autofree char *out = temp_file ("out.flowmap", NULL);
  g_auto(Run) run = { 0 };

  flowmap (&run, "observe", "--csv", csv, "--time-zone", "UTC", "-o", out, map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "out.flowmap: not saved: the observed median of “Backlog”, "));
  g_assert_nonnull (strstr (run.err, ", is longer than a time on a map may be (300 years)\n"));
  g_assert_null (strstr (run.err, "maps[0]"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_too_many_columns (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *commas = g_strnfill (10000, ',');
  g_autofree char *text = g_strdup_printf ("%s\n", commas);
  g_autofree char *csv = temp_file ("wide.csv", text);
  g_auto(Run) run = { 0 };

  flowmap (&run, "observe", "--csv", csv, map, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "wide.csv: line 1: more than 10,000 columns\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/observe-data/every-row-fails", test_every_row_fails);
  g_test_add_func ("/fm/cli/observe-data/changelog", test_changelog);
  g_test_add_func ("/fm/cli/observe-data/future-dates", test_future_dates);
  g_test_add_func ("/fm/cli/observe-data/overlap", test_overlap);
  g_test_add_func ("/fm/cli/observe-data/median-too-long", test_median_too_long);
  g_test_add_func ("/fm/cli/observe-data/too-many-columns", test_too_many_columns);

  return g_test_run ();
}
