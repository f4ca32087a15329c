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

#include "cli-helpers.h"

#define D 86400.0

static char *
temp_file (const char *name,
           const char *contents)
{
  static char *dir = NULL;
  char *path;

  if (dir == NULL)
    dir = g_dir_make_tmp ("flowmap-observe-XXXXXX", NULL);
  path = g_build_filename (dir, name, NULL);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return path;
}

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
assert_keys (JsonObject         *object,
             const char * const *keys)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GList *l = members;

  for (guint i = 0; keys[i] != NULL; i++, l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, keys[i]);
    }
}

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
  assert_number (o, "lead_time_p85_s", 13.55 * D);
  assert_number (o, "lead_time_p95_s", 13.85 * D);
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

  flowmap (&run, "observe", "--csv", csv, "--to", "2026-03-22", "--time-zone", "UTC", "-o", out, map, NULL);
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
    { "--csv", csv, "--statistic", "mean" },
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

  /* Every state found its node, and the time goes to waiting for security. */
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
  g_assert_cmpstr (node_of_largest, ==, "wait-security");

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
  g_test_add_func ("/fm/cli/observe/mapping", test_mapping_option);
  g_test_add_func ("/fm/cli/observe/usage", test_usage);
  g_test_add_func ("/fm/cli/observe/example", test_example);
  g_test_add_func ("/fm/cli/observe/chart", test_chart);
  g_test_add_func ("/fm/cli/observe/chart-errors", test_chart_errors);

  return g_test_run ();
}
