/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-observe.c: `flowmap observe`, run as a user runs it
 *
 * The data is the one of test-observed.c, where every figure is worked
 * out by hand; here each JSON key is checked, in its order.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "cli-helpers.h"

#define D 86400.0

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), name, NULL);
}

/* The map and data of test-observed.c. */
static const char map_text[] =
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"current\", \"nodes\": ["
  "{\"id\": \"start\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
  "{\"id\": \"backlog\", \"kind\": \"queue\", \"label\": \"Backlog\", \"x\": 100, \"y\": 0, \"wait_s\": 864000},"
  "{\"id\": \"build\", \"kind\": \"process\", \"label\": \"Build\", \"x\": 200, \"y\": 0},"
  "{\"id\": \"wait-test\", \"kind\": \"queue\", \"label\": \"Waiting for test\", \"x\": 300, \"y\": 0},"
  "{\"id\": \"test\", \"kind\": \"process\", \"label\": \"Test\", \"x\": 400, \"y\": 0},"
  "{\"id\": \"tracker\", \"kind\": \"system\", \"label\": \"Tracker\", \"x\": 0, \"y\": 200}"
  "], \"edges\": []}]}";

static const char flow_csv[] =
  "item,type,state,entered_at\n"
  "A,feature,Backlog,2026-03-02\nA,feature,Building,2026-03-04\nA,feature,Ready for Test,2026-03-07\n"
  "A,feature,Testing,2026-03-08\nA,feature,Done,2026-03-10\n"
  "B,defect,Backlog,2026-03-03\nB,defect,Building,2026-03-04\nB,defect,Ready for Test,2026-03-06\n"
  "B,defect,Testing,2026-03-10\nB,defect,Done,2026-03-12\n"
  "C,feature,Backlog,2026-03-04\nC,feature,Building,2026-03-06\nC,feature,Ready for Test,2026-03-11\n"
  "C,feature,Testing,2026-03-12\nC,feature,Building,2026-03-13\nC,feature,Ready for Test,2026-03-14\n"
  "C,feature,Testing,2026-03-15\nC,feature,Done,2026-03-17\n"
  "D,,Backlog,2026-03-05\nD,,Building,2026-03-09\nD,,Ready for Test,2026-03-14\n"
  "D,,Testing,2026-03-16\nD,,Done,2026-03-19\n"
  "E,feature,Backlog,2026-03-12\nE,feature,Building,2026-03-17\n"
  "F,feature,Backlog,2026-03-16\n"
  "H,feature,Backlog,2026-03-03\nH,feature,Building,2026-03-05\nH,feature,Ready for Test,2026-03-08\n";

/* The object's first keys are @keys, in this order. */
static void
assert_number (JsonObject *object,
               const char *key,
               double      expected)
{
  JsonNode *node = json_object_get_member (object, key);

  g_test_message ("%s", key);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-6);
}

static void
assert_node (JsonArray  *nodes,
             guint       position,
             const char *id,
             gint64      count,
             double      median_s,
             double      p85_s)
{
  JsonObject *node = json_array_get_object_element (nodes, position);

  assert_keys (node, (const char * const []) { "id", "count", "median_s", "p85_s", NULL });
  g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (node, "count"), ==, count);
  assert_number (node, "median_s", median_s);
  assert_number (node, "p85_s", p85_s);
}

static void
assert_age (JsonArray  *aging,
            guint       position,
            const char *item,
            const char *state,
            double      age_s)
{
  JsonObject *age = json_array_get_object_element (aging, position);

  assert_keys (age, (const char * const []) { "item", "state", "age_s", NULL });
  g_assert_cmpstr (json_object_get_string_member (age, "item"), ==, item);
  g_assert_cmpstr (json_object_get_string_member (age, "state"), ==, state);
  assert_number (age, "age_s", age_s);
}

static void
test_json (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *o;
  JsonArray *nodes, *aging;

  flowmap (&run, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC", map, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  o = parse_object (parser, run.out);
  assert_keys (o, (const char * const []) {
    "items", "finished", "lead_time_p50_s", "lead_time_p85_s", "lead_time_p95_s",
    "throughput_per_week", "nodes", "aging", "errors", NULL });

  g_assert_cmpint (json_object_get_int_member (o, "items"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 4);
  assert_number (o, "lead_time_p50_s", 11 * D);
  /* The nearest rank: the 4th of 8, 9, 13, 14 d. */
  assert_number (o, "lead_time_p85_s", 14 * D);
  assert_number (o, "lead_time_p95_s", 14 * D);
  assert_number (o, "throughput_per_week", 2);

  nodes = json_object_get_array_member (o, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 4);
  assert_node (nodes, 0, "backlog", 6, 2 * D, 4.25 * D);
  assert_node (nodes, 1, "build", 6, 3 * D, 5 * D);
  assert_node (nodes, 2, "wait-test", 5, 1 * D, 2.8 * D);
  assert_node (nodes, 3, "test", 5, 2 * D, 2.4 * D);

  aging = json_object_get_array_member (o, "aging");
  g_assert_cmpuint (json_array_get_length (aging), ==, 3);
  assert_age (aging, 0, "H", "Ready for Test", 20 * D);
  assert_age (aging, 1, "E", "Building", 11 * D);
  assert_age (aging, 2, "F", "Backlog", 7 * D);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (aging, 0), "over_p85"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "errors")), ==, 0);

  /* The keys after the required ones. */
  g_assert_cmpint (json_object_get_int_member (o, "in_progress"), ==, 3);
  assert_number (o, "flow_efficiency", 26.0 / 44.0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "period"), "from"), ==, "2026-03-02");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "period"), "to"), ==, "2026-03-22");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "weeks")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "wip")), ==, 21);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "distribution")), ==, 3);
  g_assert_true (json_object_get_null_member (o, "forecast"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "unmapped")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "mapping")), ==, 5);
}

static void
test_forecast (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *forecast, *p85;

  /* Two weeks of 2 items: 5 items take 2.5 weeks in every run. */
  flowmap (&run, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--forecast", "5", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  forecast = json_object_get_object_member (parse_object (parser, run.out), "forecast");
  g_assert_cmpint (json_object_get_int_member (forecast, "items"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (forecast, "runs"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (forecast, "seed"), ==, 1);
  p85 = json_object_get_object_member (forecast, "p85");
  assert_number (p85, "days", 17.5);
  g_assert_cmpstr (json_object_get_string_member (p85, "date"), ==, "2026-04-09");
  /* Two weekly samples: fewer than 10, an uncertain forecast. */
  g_assert_cmpint (json_object_get_int_member (forecast, "weeks"), ==, 2);

  {
    g_auto(Run) text = { 0 };

    flowmap (&text, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC",
             "--forecast", "5", map, NULL);
    g_assert_cmpint (text.status, ==, 0);
    g_assert_nonnull (strstr (text.out, "\nWarning: the forecast draws on 2 weeks only; "
                                        "with fewer than 10 it is uncertain\n"));
  }
}

static void
test_errors (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("bad.csv",
                                    "item,state,entered_at\n"
                                    "A,Backlog,2026-03-02\n"
                                    "A,Building,March 4th\n"
                                    "B,Backlog\n"
                                    "A,Done,2026-03-10\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  JsonArray *errors;
  JsonObject *o, *first;

  flowmap (&json, "observe", "--csv", csv, "--json", "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (json.status, ==, 0);
  o = parse_object (parser, json.out);
  errors = json_object_get_array_member (o, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  first = json_array_get_object_element (errors, 0);
  assert_keys (first, (const char * const []) { "line", "message", NULL });
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "message"), ==,
                   "“March 4th” in the column “entered_at” is not a date and time");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 1), "line"), ==, 4);

  /* The rest is imported: A went from the backlog to done in 8 days. */
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 1);
  assert_number (o, "lead_time_p50_s", 8 * D);

  flowmap (&text, "observe", "--csv", csv, "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Rows not imported:\n"
                                      "  line 3: “March 4th” in the column “entered_at” is not a date and time\n"
                                      "  line 4: 2 fields where the header has 3\n"));
}

static void
test_report (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_auto(Run) run = { 0 };

  flowmap (&run, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Observed 2026-03-02 – 2026-03-22\n"));
  g_assert_nonnull (strstr (run.out, "Finished                      4\n"));
  g_assert_nonnull (strstr (run.out, "Ready for Test                → wait-test (by name)\n"));
  g_assert_nonnull (strstr (run.out, "Done                          finishes an item\n"));
  g_assert_nonnull (strstr (run.out, "older than 85 % of finished items"));
}

static void
test_output (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autofree char *out = temp_file ("applied.flowmap", NULL);
  g_autofree char *original = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  JsonArray *nodes;
  JsonObject *backlog, *build, *start;

  flowmap (&run, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC",
           "--statistic", "median", "-o", out, map, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* FILE is left alone; OUT has the medians and says so. */
  g_assert_true (g_file_get_contents (map, &original, NULL, NULL));
  g_assert_cmpstr (original, ==, map_text);
  flowmap (&check, "check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);

  g_free (original);
  g_assert_true (g_file_get_contents (out, &original, NULL, NULL));
  nodes = json_object_get_array_member (json_array_get_object_element (
            json_object_get_array_member (parse_object (parser, original), "maps"), 0), "nodes");
  start = json_array_get_object_element (nodes, 0);
  backlog = json_array_get_object_element (nodes, 1);
  build = json_array_get_object_element (nodes, 2);
  assert_number (backlog, "wait_s", 2 * D);
  g_assert_cmpstr (json_object_get_string_member (backlog, "observed"), ==,
                   "observed 2026-03-02 – 2026-03-22, median of 6 items");
  assert_number (build, "lead_s", 3 * D);
  g_assert_false (json_object_has_member (start, "observed"));
}

/* Without --statistic, -o puts the means on the map, as the app's Apply
 * does. Backlog's finished stays: A 2 d, B 1 d, C 2 d, D 4 d, E 5 d, H 2 d
 * (F is still there), a mean of 16 ÷ 6 = 2.667 d = 230,400 s (median 2 d);
 * Building's: A 3, B 2, C 5 and 1, D 5, H 3 d (E is still there): six
 * visits by five items, 19 ÷ 6 = 3.167 d = 273,600 s a visit. */
static void
test_output_mean_by_default (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autofree char *out = temp_file ("applied-mean.flowmap", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *nodes;
  JsonObject *backlog, *build;

  flowmap (&run, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC", "-o", out, map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  nodes = json_object_get_array_member (json_array_get_object_element (
            json_object_get_array_member (parse_object (parser, text), "maps"), 0), "nodes");
  backlog = json_array_get_object_element (nodes, 1);
  build = json_array_get_object_element (nodes, 2);
  assert_number (backlog, "wait_s", 230400);
  g_assert_cmpstr (json_object_get_string_member (backlog, "observed"), ==,
                   "observed 2026-03-02 – 2026-03-22, mean of 6 items");
  assert_number (build, "lead_s", 273600);
  g_assert_cmpstr (json_object_get_string_member (build, "observed"), ==,
                   "observed 2026-03-02 – 2026-03-22, mean of 6 visits by 5 items");
}

static void
test_mapping_option (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) bad_node = { 0 };
  g_auto(Run) bad_state = { 0 };
  JsonObject *o;
  JsonArray *nodes, *unmapped;

  /* Unmapped by hand, the wait is in no node; Building goes to test. */
  flowmap (&run, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--mapping", "Ready for Test=", "--mapping", "Building=test", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  nodes = json_object_get_array_member (o, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 1), "id"), ==, "test");
  unmapped = json_object_get_array_member (o, "unmapped");
  g_assert_cmpuint (json_array_get_length (unmapped), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (unmapped, 0), ==, "Ready for Test");

  flowmap (&bad_node, "observe", "--csv", csv, "--mapping", "Testing=tracker", map, NULL);
  g_assert_cmpint (bad_node.status, ==, 1);
  g_assert_cmpstr (bad_node.err, ==, "flowmap observe: --mapping “Testing=tracker”: “tracker” is a system; "
                                     "a state maps to a process step, a queue or the outcome\n");

  flowmap (&bad_state, "observe", "--csv", csv, "--mapping", "Nope=test", map, NULL);
  g_assert_cmpint (bad_state.status, ==, 1);
}

static void
test_usage (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autofree char *empty = temp_file ("empty.csv", "");
  const char *usage[][4] = {
    { "--json", NULL },
    { "--csv", csv, "--to", "22.03.2026" },
    { "--csv", csv, "--mapping", "Backlog" },
    { "--csv", csv, "--statistic", "mode" },
    { "--csv", csv, "--time-zone", "Mars/Olympus_Mons" },
    { "--csv", csv, "--forecast", "-3" },
  };
  g_auto(Run) missing = { 0 };
  g_auto(Run) empty_run = { 0 };
  g_auto(Run) no_map = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0 };

      if (usage[i][1] == NULL)
        flowmap (&run, "observe", usage[i][0], map, NULL);
      else
        flowmap (&run, "observe", usage[i][0], usage[i][1], usage[i][2], usage[i][3], map, NULL);
      g_test_message ("%s %s", usage[i][0], usage[i][2]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "flowmap observe: "));
    }

  flowmap (&missing, "observe", "--csv", "/nonexistent/export.csv", map, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "export.csv: "));

  flowmap (&empty_run, "observe", "--csv", empty, map, NULL);
  g_assert_cmpint (empty_run.status, ==, 1);
  g_assert_cmpstr (empty_run.err, ==, "empty.csv: the file is empty\n");

  flowmap (&no_map, "observe", "--csv", csv, "--map", "future", map, NULL);
  g_assert_cmpint (no_map.status, ==, 1);
}

static void
test_example (void)
{
  g_autofree char *map = example ("release.flowmap");
  g_autofree char *csv = example ("release-observed.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *ids[] = { "backlog", "refine", "ready", "code", "wait-security", "security",
                        "wait-env", "test", "wait-release", "release" };
  g_auto(Run) run = { 0 };
  JsonObject *o, *forecast;
  JsonArray *nodes, *aging;
  double previous = G_MAXDOUBLE;
  const char *node_of_largest = NULL;
  double largest = 0;

  flowmap (&run, "observe", "--csv", csv, "--json", "--to", "2026-11-20", "--time-zone", "UTC",
           "--forecast", "20", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);

  g_assert_cmpint (json_object_get_int_member (o, "items"), ==, 86);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 74);
  g_assert_cmpint (json_object_get_int_member (o, "in_progress"), ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "errors")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "unmapped")), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (o, "lead_time_p50_s"), <=,
                     json_object_get_double_member (o, "lead_time_p85_s"));
  g_assert_cmpfloat (json_object_get_double_member (o, "lead_time_p85_s"), <=,
                     json_object_get_double_member (o, "lead_time_p95_s"));

  /* Every state found its node. Since the security checks moved into the
   * pipeline (2026-08-17, the experiment below), the longest wait is no
   * longer for security review but for the release window. */
  nodes = json_object_get_array_member (o, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      double median = json_object_get_double_member (node, "median_s");

      g_assert_cmpstr (json_object_get_string_member (node, "id"), ==, ids[i]);
      g_assert_cmpint (json_object_get_int_member (node, "count"), >=, 74);
      if (median > largest)
        {
          largest = median;
          node_of_largest = ids[i];
        }
    }
  g_assert_cmpstr (node_of_largest, ==, "wait-release");

  aging = json_object_get_array_member (o, "aging");
  g_assert_cmpuint (json_array_get_length (aging), ==, 12);
  for (guint i = 0; i < json_array_get_length (aging); i++)
    {
      double age = json_object_get_double_member (json_array_get_object_element (aging, i), "age_s");

      g_assert_cmpfloat (age, <=, previous);
      previous = age;
    }

  forecast = json_object_get_object_member (o, "forecast");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (forecast, "p50"), "days"), <=,
                     json_object_get_double_member (json_object_get_object_member (forecast, "p85"), "days"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (forecast, "p85"), "days"), <=,
                     json_object_get_double_member (json_object_get_object_member (forecast, "p95"), "days"));
}

/* The bundled experiment, "Security checks run in every pipeline build",
 * started on Monday 2026-08-17 (its midnight in UTC). Of the 86 items, 18
 * finished before that day, 17 started on or after it and finished by
 * 2026-11-20, the 12 in progress all started after it, and the other
 * 86 − 18 − 17 − 12 = 39 were in flight. Waits for security review that
 * ended before the start: 42, median 13 d 18 h 7 min 30 s (1,188,450 s);
 * that began on or after it: 53, median 4 d 16 h 50 min (406,200 s): the
 * waits the export shows shortened by whole weeks from that day. */
static void
test_example_experiment (void)
{
  g_autofree char *map = example ("release.flowmap");
  g_autofree char *csv = example ("release-observed.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  JsonArray *experiments, *nodes;
  JsonObject *e, *before, *after, *wait;

  flowmap (&run, "observe", "--csv", csv, "--json", "--as-of", "2026-11-20", "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  experiments = json_object_get_array_member (parse_object (parser, run.out), "experiments");
  g_assert_cmpuint (json_array_get_length (experiments), ==, 1);
  e = json_array_get_object_element (experiments, 0);
  assert_keys (e, (const char * const []) { "id", "started", "before", "after", "in_flight", "nodes", NULL });
  g_assert_cmpstr (json_object_get_string_member (e, "id"), ==, "kaizen-security");
  g_assert_cmpstr (json_object_get_string_member (e, "started"), ==, "2026-08-17");
  before = json_object_get_object_member (e, "before");
  after = json_object_get_object_member (e, "after");
  assert_keys (before, (const char * const []) { "items", "lead_time_p50_s", "lead_time_p85_s",
                                                 "throughput_per_week", NULL });
  g_assert_cmpint (json_object_get_int_member (before, "items"), ==, 18);
  g_assert_cmpint (json_object_get_int_member (after, "items"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (e, "in_flight"), ==, 39);
  g_assert_cmpint (json_object_get_int_member (e, "unfinished"), ==, 12);
  g_assert_false (json_object_get_boolean_member (e, "few_items"));

  nodes = json_object_get_array_member (e, "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 2);
  wait = json_array_get_object_element (nodes, 0);
  g_assert_cmpstr (json_object_get_string_member (wait, "id"), ==, "wait-security");
  g_assert_cmpint (json_object_get_int_member (wait, "before_count"), ==, 42);
  g_assert_cmpint (json_object_get_int_member (wait, "after_count"), ==, 53);
  assert_number (wait, "before_median_s", 1188450);
  assert_number (wait, "after_median_s", 406200);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 1), "id"), ==, "security");

  flowmap (&text, "observe", "--csv", csv, "--as-of", "2026-11-20", "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Security checks run in every pipeline build, started 2026-08-17\n"));
  /* In days with a decimal: 1,188,450 / 86,400 = 13.755 d, "13.8 d";
   * 406,200 / 86,400 = 4.701 d, "4.7 d". */
  g_assert_nonnull (strstr (text.out, "Waiting for security review     13.8 d (42) → 4.7 d (53)\n"));
  g_assert_nonnull (strstr (text.out, "Left out: 39 in flight at the start, 12 started since and not finished\n"));
}

/* --as-of is --to; without either, the data's last event (D's Done, the
 * midnight of 2026-03-19) and a second, whatever day it is. */
static void
test_as_of (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) to = { 0 };
  g_auto(Run) as_of = { 0 };
  g_auto(Run) data_end = { 0 };
  g_auto(Run) moment = { 0 };
  g_auto(Run) both = { 0 };
  JsonObject *o;

  flowmap (&to, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC", map, NULL);
  flowmap (&as_of, "observe", "--csv", csv, "--json", "--as-of", "2026-03-22", "--time-zone", "UTC", map, NULL);
  g_assert_cmpint (as_of.status, ==, 0);
  g_assert_cmpstr (as_of.out, ==, to.out);

  flowmap (&data_end, "observe", "--csv", csv, "--json", "--time-zone", "UTC", map, NULL);
  o = parse_object (parser, data_end.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "period"), "to"), ==,
                   "2026-03-19");
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 4);
  /* H started on 2026-03-03: 16 days and a second before. */
  assert_age (json_object_get_array_member (o, "aging"), 0, "H", "Ready for Test", 16 * D + 1);

  /* A moment: C's Done (03-17) and D's (03-19) have not happened; H is
   * 13 days and 12 hours old. */
  flowmap (&moment, "observe", "--csv", csv, "--json", "--as-of", "2026-03-16T12:00:00Z", "--time-zone", "UTC",
           map, NULL);
  g_assert_cmpint (moment.status, ==, 0);
  o = parse_object (parser, moment.out);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 2);
  assert_age (json_object_get_array_member (o, "aging"), 0, "H", "Ready for Test", 13.5 * D);

  flowmap (&both, "observe", "--csv", csv, "--to", "2026-03-22", "--as-of", "2026-03-22", map, NULL);
  g_assert_cmpint (both.status, ==, 2);
}

/* --type: A and C are the features (lead times 8 and 13: median 10.5);
 * with the defect B too, three; D has no type and is never chosen. */
static void
test_type (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) features = { 0 };
  g_auto(Run) two = { 0 };
  JsonObject *o;

  flowmap (&features, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--type", "Feature", map, NULL);
  g_assert_cmpint (features.status, ==, 0);
  o = parse_object (parser, features.out);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 2);
  /* E, F and H, all features, are in progress. */
  g_assert_cmpint (json_object_get_int_member (o, "in_progress"), ==, 3);
  assert_number (o, "lead_time_p50_s", 10.5 * D);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "experiments")), ==, 0);

  flowmap (&two, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--type", "feature", "--type", "defect", map, NULL);
  o = parse_object (parser, two.out);
  g_assert_cmpint (json_object_get_int_member (o, "finished"), ==, 3);
}

/* --calendar: durations in working seconds. Day 0 (2026-03-02) is a
 * Monday; days 5, 6, 12, 13, 19 and 20 are a weekend. Each weekday is 8
 * working hours, all inside the spans (the data has dates only).
 *   A 0–8: days 0–4 and 7: 6 working days; build 2–5 (3) + test 6–8 (1)
 *   B 1–10: 1–4, 7–9: 7; build 2–4 (2) + test 8–10 (2)
 *   C 2–15: 2–4, 7–11, 14: 9; build 4–9 (3) + test 10–11 (1) + build
 *     11–12 (1) + test 13–15 (1)
 *   D 3–17: 3–4, 7–11, 14–16: 10; build 7–12 (5) + test 14–17 (3)
 * Lead times 6, 7, 9, 10: median 8, 85th 9 + 0.55 = 9.55 working days;
 * flow efficiency (4 + 4 + 6 + 8) / (6 + 7 + 9 + 10) = 22 / 32. H, in
 * progress since day 1, is 4 + 5 + 5 = 14 working days old at the end
 * of day 20. With Monday 9 March (day 7) off, each lead time is a day
 * shorter: 5, 6, 8, 9, median 7.
 * Waits for test: A 5–6 (a Saturday: 0), B 4–8 (Friday and Monday: 2),
 * C 9–10 (1) and 12–13 (0), D 12–14 (a weekend: 0): 0, 0, 0, 1, 2, so
 * the median wait is no working time at all (1 day elapsed) and the
 * 85th percentile 1 + 0.4 × 1 = 1.4 working days.
 * The forecast of 5 items (two whole weeks of 2: 2.5 weeks in every run)
 * is 2.5 × 5 = 12.5 working days from the end of Sunday 22 March: the
 * 13th working day after it, Wednesday 8 April; with Good Friday (3
 * April) off, Thursday 9 April. */
static void
test_calendar (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) holiday = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) no_calendar = { 0 };
  g_auto(Run) forecast = { 0 };
  g_auto(Run) easter = { 0 };
  JsonObject *p85;
  const double wd = 8 * 3600;
  JsonObject *o;

  flowmap (&run, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--calendar", "Mon-Fri 09:00-17:00", map, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  assert_number (o, "lead_time_p50_s", 8 * wd);
  /* The nearest rank: the 4th of the four, 10 working days. */
  assert_number (o, "lead_time_p85_s", 10 * wd);
  assert_number (o, "flow_efficiency", 22.0 / 32.0);
  assert_age (json_object_get_array_member (o, "aging"), 0, "H", "Ready for Test", 14 * wd);
  g_assert_true (json_object_get_boolean_member (o, "working_time"));
  assert_node (json_object_get_array_member (o, "nodes"), 2, "wait-test", 5, 0, 1.4 * wd);
  /* The weeks are the same: two whole weeks of two. */
  assert_number (o, "throughput_per_week", 2);

  flowmap (&holiday, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--calendar", "Mon-Fri 09:00-17:00", "--holiday", "2026-03-09", map, NULL);
  g_assert_cmpint (holiday.status, ==, 0);
  assert_number (parse_object (parser, holiday.out), "lead_time_p50_s", 7 * wd);

  /* In text, a day is a working day: 8 × 8 h = 64 h is 8.0 d, not 2.7 d. */
  flowmap (&text, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC",
           "--calendar", "Mon-Fri 09:00-17:00", map, NULL);
  g_assert_nonnull (strstr (text.out, "Lead time, median             8.0 d\n"));

  flowmap (&forecast, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--calendar", "Mon-Fri 09:00-17:00", "--forecast", "5", map, NULL);
  p85 = json_object_get_object_member (json_object_get_object_member (parse_object (parser, forecast.out), "forecast"),
                                       "p85");
  assert_number (p85, "days", 12.5);
  g_assert_cmpstr (json_object_get_string_member (p85, "date"), ==, "2026-04-08");
  flowmap (&easter, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--calendar", "Mon-Fri 09:00-17:00", "--holiday", "2026-04-03", "--forecast", "5", map, NULL);
  p85 = json_object_get_object_member (json_object_get_object_member (parse_object (parser, easter.out), "forecast"),
                                       "p85");
  g_assert_cmpstr (json_object_get_string_member (p85, "date"), ==, "2026-04-09");

  flowmap (&bad, "observe", "--csv", csv, "--calendar", "weekdays", map, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  /* The map has no calendar of its own. */
  flowmap (&no_calendar, "observe", "--csv", csv, "--working-time", map, NULL);
  g_assert_cmpint (no_calendar.status, ==, 1);
}

/* The width and height a PNG's header gives. */
static void
png_size (const char *path,
          guint      *width,
          guint      *height)
{
  g_autofree guint8 *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

/* --chart KIND -o OUT draws the chart as a 16:9 slide: PNG at twice the
 * size, SVG in pixels; nothing else is printed or written. */
static void
test_chart (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  const char *kinds[] = { "cfd", "scatter", "throughput", "aging" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *png_name = g_strdup_printf ("chart-%s.png", kinds[i]);
      g_autofree char *svg_name = g_strdup_printf ("chart-%s.svg", kinds[i]);
      g_autofree char *png = temp_file (png_name, NULL);
      g_autofree char *svg = temp_file (svg_name, NULL);
      g_autofree char *text = NULL;
      g_auto(Run) png_run = { 0 };
      g_auto(Run) svg_run = { 0 };
      guint width, height;

      flowmap (&png_run, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC",
               "--chart", kinds[i], "-o", png, map, NULL);
      g_assert_cmpint (png_run.status, ==, 0);
      g_assert_cmpstr (png_run.out, ==, "");
      png_size (png, &width, &height);
      g_assert_cmpuint (width, ==, 1920);
      g_assert_cmpuint (height, ==, 1080);

      flowmap (&svg_run, "observe", "--csv", csv, "--chart", kinds[i], "--output", svg, map, NULL);
      g_assert_cmpint (svg_run.status, ==, 0);
      g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
      g_assert_true (g_str_has_prefix (text, "<?xml"));
      g_assert_nonnull (strstr (text, "width=\"960px\""));
      g_assert_nonnull (strstr (text, "height=\"540px\""));
    }
}

static void
test_chart_errors (void)
{
  g_autofree char *map = temp_file ("flow.flowmap", map_text);
  g_autofree char *csv = temp_file ("flow.csv", flow_csv);
  g_autofree char *txt = temp_file ("chart.txt", NULL);
  g_autofree char *png = temp_file ("chart-usage.png", NULL);
  g_auto(Run) kind = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) folder = { 0 };

  flowmap (&kind, "observe", "--csv", csv, "--chart", "pie", "-o", png, map, NULL);
  g_assert_cmpint (kind.status, ==, 2);
  g_assert_true (g_str_has_prefix (kind.err, "flowmap observe: --chart"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  flowmap (&no_output, "observe", "--csv", csv, "--chart", "cfd", map, NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  flowmap (&format, "observe", "--csv", csv, "--chart", "cfd", "-o", txt, map, NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  flowmap (&folder, "observe", "--csv", csv, "--chart", "aging", "-o", "/nonexistent/folder/aging.png", map, NULL);
  g_assert_cmpint (folder.status, ==, 1);
  g_assert_nonnull (strstr (folder.err, "aging.png"));
}

/* A tracker's export given as a FIFO with no writer, or a chart written
 * to a FIFO with no reader, used to block forever: refused at once. */
static void
test_refuses_fifo (void)
{
  g_autofree char *map = temp_file ("fifo-map.flowmap", map_text);
  g_autofree char *csv = temp_file ("fifo-flow.csv", flow_csv);
  g_autofree char *csv_fifo = temp_file ("fifo.csv", NULL);
  g_autofree char *png_fifo = temp_file ("fifo-chart.png", NULL);
  g_auto(Run) read = { 0 };
  g_auto(Run) chart = { 0 };

  g_assert_cmpint (mkfifo (csv_fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (png_fifo, 0600), ==, 0);

  flowmap_promptly (&read, "observe", "--csv", csv_fifo, map, NULL);
  g_assert_cmpint (read.status, ==, 1);
  g_assert_cmpstr (read.out, ==, "");
  g_assert_cmpstr (read.err, ==, "fifo.csv: not a regular file\n");

  flowmap_promptly (&chart, "observe", "--csv", csv, "--chart", "aging", "-o", png_fifo, map, NULL);
  g_assert_cmpint (chart.status, ==, 1);
  g_assert_nonnull (strstr (chart.err, "fifo-chart.png"));
  g_assert_nonnull (strstr (chart.err, "not a regular file"));
  g_assert_false (g_file_test (png_fifo, G_FILE_TEST_IS_REGULAR));
}

/* What cannot be forecast or measured says why: 2,147,483,647 items at 2
 * a week is more than a century away (it used to read "not possible"
 * though the throughput is known), and a --from after the last event
 * leaves nothing to measure. */
static void
test_out_of_range (void)
{
  g_autofree char *map = temp_file ("range.flowmap", map_text);
  g_autofree char *csv = temp_file ("range.csv", flow_csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) late = { 0 };
  JsonObject *forecast, *p50;

  flowmap (&text, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC",
           "--forecast", "2147483647", map, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Forecast of 2147483647 items (10000 runs): "
                                      "more than 100 years away at the observed throughput\n"));
  g_assert_null (strstr (text.out, "not possible"));

  flowmap (&json, "observe", "--csv", csv, "--json", "--to", "2026-03-22", "--time-zone", "UTC",
           "--forecast", "2147483647", map, NULL);
  g_assert_cmpint (json.status, ==, 0);
  forecast = json_object_get_object_member (parse_object (parser, json.out), "forecast");
  p50 = json_object_get_object_member (forecast, "p50");
  g_assert_true (json_object_get_null_member (p50, "days"));
  g_assert_true (json_object_get_null_member (p50, "date"));

  /* The data ends on 2026-03-19. */
  flowmap (&late, "observe", "--csv", csv, "--time-zone", "UTC", "--from", "2026-04-01", map, NULL);
  g_assert_cmpint (late.status, ==, 2);
  g_assert_cmpstr (late.out, ==, "");
  g_assert_cmpstr (late.err, ==, "flowmap observe: --from 2026-04-01 is after the end of the data (2026-03-19)\n");
}

/* GLib reads a time zone's name as a file: one that is not a time zone
 * file used to trigger a GLib-CRITICAL before the error. */
static void
test_time_zone_not_a_zone (void)
{
  g_autofree char *map = temp_file ("zone.flowmap", map_text);
  g_autofree char *csv = temp_file ("zone.csv", flow_csv);
  g_autofree char *fake = temp_file ("fake-zone", "root:x:0:0:root:/root:/bin/sh\n");
  g_auto(Run) absolute = { 0 };
  g_auto(Run) relative = { 0 };
  g_auto(Run) berlin = { 0 };
  g_autofree char *expected = g_strdup_printf ("flowmap observe: unknown time zone “%s”\n", fake);

  flowmap (&absolute, "observe", "--csv", csv, "--time-zone", fake, map, NULL);
  g_assert_cmpint (absolute.status, ==, 2);
  g_assert_cmpstr (absolute.err, ==, expected);

  /* Under the zone folder, ".." climbs out of it. */
  flowmap (&relative, "observe", "--csv", csv, "--time-zone", "../../../../../../../../etc/passwd", map, NULL);
  g_assert_cmpint (relative.status, ==, 2);
  g_assert_cmpstr (relative.err, ==, "flowmap observe: unknown time zone “../../../../../../../../etc/passwd”\n");

  flowmap (&berlin, "observe", "--csv", csv, "--time-zone", "Europe/Berlin", map, NULL);
  g_assert_cmpint (berlin.status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/observe/json", test_json);
  g_test_add_func ("/fm/cli/observe/forecast", test_forecast);
  g_test_add_func ("/fm/cli/observe/errors", test_errors);
  g_test_add_func ("/fm/cli/observe/report", test_report);
  g_test_add_func ("/fm/cli/observe/output", test_output);
  g_test_add_func ("/fm/cli/observe/output-mean-by-default", test_output_mean_by_default);
  g_test_add_func ("/fm/cli/observe/mapping", test_mapping_option);
  g_test_add_func ("/fm/cli/observe/usage", test_usage);
  g_test_add_func ("/fm/cli/observe/example", test_example);
  g_test_add_func ("/fm/cli/observe/example-experiment", test_example_experiment);
  g_test_add_func ("/fm/cli/observe/as-of", test_as_of);
  g_test_add_func ("/fm/cli/observe/type", test_type);
  g_test_add_func ("/fm/cli/observe/calendar", test_calendar);
  g_test_add_func ("/fm/cli/observe/chart", test_chart);
  g_test_add_func ("/fm/cli/observe/chart-errors", test_chart_errors);
  g_test_add_func ("/fm/cli/observe/refuses-fifo", test_refuses_fifo);
  g_test_add_func ("/fm/cli/observe/out-of-range", test_out_of_range);
  g_test_add_func ("/fm/cli/observe/time-zone-not-a-zone", test_time_zone_not_a_zone);

  return g_test_run ();
}
