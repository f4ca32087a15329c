/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-discover.c: `flowmap discover`, run as a user runs it
 *
 * The data is the small log of test-discover.c, where every figure is
 * worked out by hand; here each JSON key is checked, in its order.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-helpers.h"

#define D 86400.0

static const char small_csv[] =
  "item,state,entered_at\n"
  "A,Backlog,2026-03-02\nA,Build,2026-03-03\nA,Review,2026-03-05\nA,Done,2026-03-06\n"
  "B,Backlog,2026-03-02\nB,Build,2026-03-04\nB,Review,2026-03-07\nB,Done,2026-03-08\n"
  "C,Backlog,2026-03-03\nC,Build,2026-03-04\nC,Review,2026-03-06\nC,Build,2026-03-07\n"
  "C,Review,2026-03-09\nC,Done,2026-03-10\n"
  "D,Backlog,2026-03-04\nD,Build,2026-03-05\nD,Done,2026-03-07\n"
  "E,Backlog,2026-03-05\nE,Build,2026-03-06\n"
  "F,Backlog,2026-03-03\nF,Build,2026-03-04\nF,Build,2026-03-05\nF,Review,2026-03-06\nF,Done,2026-03-07\n";

/* The object's keys are @keys, in this order. */
static void
assert_node (JsonArray  *nodes,
             guint       position,
             const char *id,
             const char *kind,
             double      median_s,
             gint64      count)
{
  JsonObject *node = json_array_get_object_element (nodes, position);

  assert_keys (node, (const char * const []) { "id", "label", "kind", "median_s", "count", NULL });
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (node, "kind"), ==, kind);
  if (isnan (median_s))
    g_assert_true (json_object_get_null_member (node, "median_s"));
  else
    g_assert_cmpfloat (json_object_get_double_member (node, "median_s"), ==, median_s);
  g_assert_cmpint (json_object_get_int_member (node, "count"), ==, count);
}

static void
assert_edge (JsonArray  *edges,
             guint       position,
             const char *from,
             const char *to,
             const char *kind,
             double      rate,
             gint64      moves)
{
  JsonObject *edge = json_array_get_object_element (edges, position);

  assert_keys (edge, (const char * const []) { "from", "to", "kind", "rate", "moves", NULL });
  g_assert_cmpstr (json_object_get_string_member (edge, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (edge, "to"), ==, to);
  g_assert_cmpstr (json_object_get_string_member (edge, "kind"), ==, kind);
  if (isnan (rate))
    g_assert_true (json_object_get_null_member (edge, "rate"));
  else
    g_assert_cmpfloat (json_object_get_double_member (edge, "rate"), ==, rate);
  g_assert_cmpint (json_object_get_int_member (edge, "moves"), ==, moves);
}

static void
test_json (void)
{
  g_autofree char *csv = temp_file ("small.csv", small_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *o, *variant;
  JsonArray *nodes, *edges, *variants, *states;

  flowmap (&run, "discover", "--json", "--time-zone", "UTC", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  o = parse_object (parser, run.out);
  assert_keys (o, (const char * const []) { "items", "finished", "nodes", "edges", "variants", NULL });
  g_assert_cmpint (json_object_get_int_member (o, "items"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 5);

  nodes = json_object_get_array_member (o, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 5);
  assert_node (nodes, 0, "trigger", "trigger", NAN, 6);
  assert_node (nodes, 1, "backlog", "queue", 1 * D, 6);
  assert_node (nodes, 2, "build", "process", 2 * D, 6);
  assert_node (nodes, 3, "review", "process", 1 * D, 5);
  assert_node (nodes, 4, "outcome", "outcome", NAN, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 1), "label"), ==, "Backlog");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (nodes, 2), "pca"), ==, 85.7);

  edges = json_object_get_array_member (o, "edges");
  g_assert_cmpuint (json_array_get_length (edges), ==, 5);
  assert_edge (edges, 0, "trigger", "backlog", "flow", NAN, 6);
  assert_edge (edges, 2, "build", "review", "flow", NAN, 5);
  assert_edge (edges, 4, "review", "build", "rework", 0.2, 1);

  variants = json_object_get_array_member (o, "variants");
  g_assert_cmpuint (json_array_get_length (variants), ==, 4);
  variant = json_array_get_object_element (variants, 1);
  assert_keys (variant, (const char * const []) { "states", "items", "share", "lead_time_p50_s", NULL });
  states = json_object_get_array_member (variant, "states");
  g_assert_cmpuint (json_array_get_length (states), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (states, 3), ==, "Build");
  g_assert_cmpint (json_object_get_int_member (variant, "items"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (variant, "share"), ==, 0.2);
  g_assert_cmpfloat (json_object_get_double_member (variant, "lead_time_p50_s"), ==, 7 * D);
}

/* -o writes a map file that `flowmap check` accepts and that measures
 * the same with `flowmap observe`. */
static void
test_output (void)
{
  g_autofree char *csv = temp_file ("small-out.csv", small_csv);
  g_autofree char *out = temp_file ("draft.flowmap", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) observe = { 0 };
  JsonObject *o;
  JsonArray *nodes;

  flowmap (&run, "discover", "--time-zone", "UTC", "-o", out, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Drafted from"));
  g_assert_nonnull (strstr (run.out, "Review → Build: 20.0 % (1 move back, by 1 item)"));

  flowmap (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);

  flowmap (&observe, "observe", "--csv", csv, "--time-zone", "UTC", "--json", out, NULL);
  g_assert_cmpint (observe.status, ==, 0);
  o = parse_object (parser, observe.out);
  nodes = json_object_get_array_member (o, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 1), "id"), ==, "build");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (nodes, 1), "median_s"), ==, 2 * D);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (nodes, 1), "count"), ==, 6);
}

static void
test_usage (void)
{
  g_autofree char *csv = temp_file ("small-usage.csv", small_csv);
  g_autofree char *missing = temp_file ("missing.csv", NULL);
  g_auto(Run) share = { 0 };
  g_auto(Run) zone = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) absent = { 0 };

  flowmap (&share, "discover", "--min-share", "1.5", csv, NULL);
  g_assert_cmpint (share.status, ==, 2);
  g_assert_nonnull (strstr (share.err, "--min-share"));

  flowmap (&zone, "discover", "--time-zone", "Nowhere/Atlantis", csv, NULL);
  g_assert_cmpint (zone.status, ==, 2);

  flowmap (&none, "discover", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_true (g_str_has_prefix (none.err, "flowmap discover: an event log is needed"));

  flowmap (&absent, "discover", missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "missing.csv"));
}

/* A state's name from the file reaches the terminal escaped. */
static void
test_escaped (void)
{
  g_autofree char *csv = temp_file ("evil.csv",
                                    "item,state,entered_at\n"
                                    "A,\"Evil\x1b]0;owned\x07\",2026-03-02\nA,Done,2026-03-03\n");
  g_auto(Run) run = { 0 };

  flowmap (&run, "discover", "--time-zone", "UTC", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\x1b'));
  g_assert_null (strchr (run.out, '\x07'));
  g_assert_nonnull (strstr (run.out, "Evil\\x1B]0;owned\\x07"));
}

/* An XES log, its kind sniffed from its first bytes: Review 1 h and 3 h
 * of touch time, the wait before Approve 2 h. */
static void
test_xes (void)
{
  g_autofree char *xes = temp_file ("cases.log",
                                    "<?xml version=\"1.0\"?>\n<log>"
                                    "<trace><string key=\"concept:name\" value=\"c1\"/>"
                                    "<event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Review\"/><date key=\"time:timestamp\" value=\"2026-03-02T10:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T12:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Approve\"/><date key=\"time:timestamp\" value=\"2026-03-02T13:00:00Z\"/></event>"
                                    "</trace><trace><string key=\"concept:name\" value=\"c2\"/>"
                                    "<event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Review\"/><date key=\"time:timestamp\" value=\"2026-03-02T12:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T14:00:00Z\"/></event>"
                                    "<event><string key=\"concept:name\" value=\"Approve\"/><date key=\"time:timestamp\" value=\"2026-03-02T15:00:00Z\"/></event>"
                                    "</trace></log>\n");
  g_autofree char *bad = temp_file ("bad.xes", "<log>\n<trace>\n</log>\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) broken = { 0 };
  JsonArray *nodes;

  flowmap (&run, "discover", "--json", "--time-zone", "UTC", xes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  nodes = json_object_get_array_member (parse_object (parser, run.out), "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 5);
  assert_node (nodes, 1, "review", "process", 2 * 3600, 2);
  assert_node (nodes, 2, "waiting-for-approve", "queue", 2 * 3600, 2);
  assert_node (nodes, 3, "approve", "process", 3600, 2);
  assert_node (nodes, 4, "outcome", "outcome", NAN, 2);

  flowmap (&broken, "discover", bad, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_true (g_str_has_prefix (broken.err, "bad.xes: Error on line 3"));
}

/* The bundled export finds the release map's two rework loops. */
static void
test_release (void)
{
  g_autofree char *csv = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release-observed.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *edges;
  guint rework = 0;

  flowmap (&run, "discover", "--json", "--time-zone", "Europe/Berlin", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  edges = json_object_get_array_member (parse_object (parser, run.out), "edges");
  for (guint i = 0; i < json_array_get_length (edges); i++)
    {
      JsonObject *edge = json_array_get_object_element (edges, i);

      if (!g_str_equal (json_object_get_string_member (edge, "kind"), "rework"))
        continue;
      rework++;
      g_assert_cmpstr (json_object_get_string_member (edge, "to"), ==, "in-development");
    }
  g_assert_cmpuint (rework, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/discover/json", test_json);
  g_test_add_func ("/fm/cli/discover/output", test_output);
  g_test_add_func ("/fm/cli/discover/usage", test_usage);
  g_test_add_func ("/fm/cli/discover/escaped", test_escaped);
  g_test_add_func ("/fm/cli/discover/xes", test_xes);
  g_test_add_func ("/fm/cli/discover/release", test_release);

  return g_test_run ();
}
