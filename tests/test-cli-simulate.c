/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-simulate.c: `flowmap simulate`, run as a user runs it */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "cli-helpers.h"

static char *
example (void)
{
  return g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
}

/* With nothing drawn, a run of the release map's current state takes the
 * 56 d of its first pass (4,838,400 s) when no rework sends it back, which
 * is the case for 0.85 × 0.9 = 76.5 % of the runs: so p50 is 56 d. */
static void
test_monte_carlo_json (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *counts;

  flowmap (&run, "simulate", "--json", "--variability", "none", "--runs", "2000", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "monte-carlo");
  g_assert_cmpint (json_object_get_int_member (object, "samples"), ==, 2000);
  g_assert_cmpfloat (json_object_get_double_member (object, "lead_time_p50_s"), ==, 4838400);
  g_assert_true (json_object_has_member (object, "lead_time_mean_s"));
  g_assert_cmpfloat (json_object_get_double_member (object, "lead_time_p85_s"), >, 4838400);
  g_assert_cmpfloat (json_object_get_double_member (object, "lead_time_p95_s"), >=,
                     json_object_get_double_member (object, "lead_time_p85_s"));
  g_assert_false (json_object_has_member (object, "nodes"));
  counts = json_object_get_array_member (json_object_get_object_member (object, "histogram"), "counts");
  g_assert_cmpuint (json_array_get_length (counts), ==, 20);
}

static void
test_flow_json (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *nodes;
  gboolean seen_code = FALSE;

  flowmap (&run, "simulate", "--json", "--mode", "flow", "--items", "500", "--map", "future", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "flow");
  g_assert_cmpstr (json_object_get_string_member (object, "variability"), ==, "exponential");
  g_assert_cmpfloat (json_object_get_double_member (object, "throughput_per_day"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (object, "wip_mean"), >, 0);
  nodes = json_object_get_array_member (object, "nodes");
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      g_assert_true (json_object_has_member (node, "utilization"));
      g_assert_true (json_object_has_member (node, "queue_mean"));
      g_assert_true (json_object_has_member (node, "wait_mean_s"));
      if (g_str_equal (json_object_get_string_member (node, "id"), "code"))
        {
          double utilization = json_object_get_double_member (node, "utilization");

          seen_code = TRUE;
          /* The metrics' load of the future coding: 2 working days
           * (57,600 s) an item, one every 7 days, two people with
           * 20,571 s a day: 57,600 / 7 / 41,143 = 20 %, a little more
           * with its rework; within what 500 items can tell. */
          g_assert_cmpfloat (utilization, >, 0.12);
          g_assert_cmpfloat (utilization, <, 0.35);
        }
    }
  g_assert_true (seen_code);

  /* The same seed prints the same. */
  flowmap (&again, "simulate", "--json", "--mode", "flow", "--items", "500", "--map", "future", path, NULL);
  g_assert_cmpstr (again.out, ==, run.out);
}

static void
test_text_and_usage (void)
{
  g_autofree char *path = example ();
  g_auto(Run) text = { 0 };
  g_auto(Run) bad_mode = { 0 };
  g_auto(Run) bad_variability = { 0 };
  g_auto(Run) bad_runs = { 0 };

  flowmap (&text, "simulate", "--mode", "flow", "--items", "300", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Current state"));
  g_assert_nonnull (strstr (text.out, "Coding"));

  flowmap (&bad_mode, "simulate", "--mode", "fast", path, NULL);
  g_assert_cmpint (bad_mode.status, ==, 2);
  flowmap (&bad_variability, "simulate", "--variability", "wild", path, NULL);
  g_assert_cmpint (bad_variability.status, ==, 2);
  flowmap (&bad_runs, "simulate", "--runs", "0", path, NULL);
  g_assert_cmpint (bad_runs.status, ==, 2);

  /* Without --runs, a map of 17 nodes gets the 10,000 runs in full
   * (fm_simulate_default_runs(): fewer only past 20,000 nodes). */
  {
    g_auto(Run) monte_carlo = { 0 };

    flowmap (&monte_carlo, "simulate", path, NULL);
    g_assert_cmpint (monte_carlo.status, ==, 0);
    g_assert_nonnull (strstr (monte_carlo.out, "Monte Carlo of 10000 runs"));
  }
}

/* t → P (1 h of work) → o, without demand. */
static const char one_step_map[] =
  "{\n"
  "  \"format\": \"flowmap\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"x\",\n"
  "  \"maps\": [\n"
  "    {\n"
  "      \"id\": \"m\",\n"
  "      \"name\": \"M\",\n"
  "      \"nodes\": [\n"
  "        { \"id\": \"t\", \"kind\": \"trigger\", \"label\": \"T\", \"x\": 0, \"y\": 0 },\n"
  "        { \"id\": \"p\", \"kind\": \"process\", \"label\": \"P\", \"x\": 200, \"y\": 0, \"process_s\": 3600 },\n"
  "        { \"id\": \"o\", \"kind\": \"outcome\", \"label\": \"O\", \"x\": 400, \"y\": 0 }\n"
  "      ],\n"
  "      \"edges\": [\n"
  "        { \"id\": \"e1\", \"from\": \"t\", \"to\": \"p\", \"kind\": \"flow\" },\n"
  "        { \"id\": \"e2\", \"from\": \"p\", \"to\": \"o\", \"kind\": \"flow\" }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* A flow simulation needs the demand; this map has none. */
static void
test_needs_demand (void)
{
  g_autofree char *dir = g_dir_make_tmp ("flowmap-simulate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-demand.flowmap", NULL);
  g_auto(Run) flow = { 0 };
  g_auto(Run) monte_carlo = { 0 };

  g_assert_true (g_file_set_contents (path, one_step_map, -1, NULL));
  flowmap (&flow, "simulate", "--mode", "flow", path, NULL);
  g_assert_cmpint (flow.status, ==, 1);
  g_assert_nonnull (strstr (flow.err, "demand"));
  flowmap (&monte_carlo, "simulate", "--variability", "none", "--json", path, NULL);
  g_assert_cmpint (monte_carlo.status, ==, 0);
  g_assert_nonnull (strstr (monte_carlo.out, "\"lead_time_p85_s\": 3600"));

  g_unlink (path);
  g_rmdir (dir);
}


/* The map: t → P (1 h) → o. The data: two items each 2 h in P. Every
 * run is P's observed 2 h, 7,200 s, and the one step drew from its stays
 * (tests/test-simulate-observed.c has the nodes without stays). The same
 * seed prints the same JSON. */
static void
test_observed (void)
{
  g_autofree char *path = temp_file ("observed.flowmap", one_step_map);
  g_autofree char *csv = temp_file ("observed.csv",
                                    "item,state,entered_at\n"
                                    "A,P,2026-03-02T09:00:00Z\n"
                                    "A,Done,2026-03-02T11:00:00Z\n"
                                    "B,P,2026-03-03T09:00:00Z\n"
                                    "B,Done,2026-03-03T11:00:00Z\n");
  g_autofree char *release = example ();
  g_autofree char *release_csv = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release-observed.csv", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  flowmap (&run, "simulate", "--json", "--runs", "200", "--csv", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "variability"), ==, "observed");
  g_assert_cmpfloat (json_object_get_double_member (object, "lead_time_mean_s"), ==, 7200);
  g_assert_cmpfloat (json_object_get_double_member (object, "lead_time_p95_s"), ==, 7200);
  g_assert_cmpint (json_object_get_int_member (object, "observed_nodes"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "observable_nodes"), ==, 1);

  flowmap (&text, "simulate", "--variability", "observed", "--runs", "200", "--csv", csv, path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "1 of 1 steps and queues"));

  flowmap (&first, "simulate", "--json", "--mode", "flow", "--items", "300", "--time-zone", "UTC",
           "--csv", release_csv, "--map", "current", release, NULL);
  flowmap (&again, "simulate", "--json", "--mode", "flow", "--items", "300", "--time-zone", "UTC",
           "--csv", release_csv, "--map", "current", release, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "\"observed_nodes\": 5"));
  g_assert_cmpstr (again.out, ==, first.out);

  g_unlink (path);
  g_unlink (csv);
}

/* Without observed data, --variability observed says how to give it. */
static void
test_observed_needs_data (void)
{
  g_autofree char *path = example ();
  g_auto(Run) missing = { 0 };
  g_auto(Run) other = { 0 };
  g_auto(Run) unreadable = { 0 };

  flowmap (&missing, "simulate", "--variability", "observed", path, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "--csv DATA.csv"));
  flowmap (&other, "simulate", "--variability", "triangular", "--csv", "x.csv", path, NULL);
  g_assert_cmpint (other.status, ==, 2);
  flowmap (&unreadable, "simulate", "--csv", "/nonexistent/x.csv", path, NULL);
  g_assert_cmpint (unreadable.status, ==, 1);
}

/* --chart KIND -o OUT writes the Simulate page's chart as a 16:9 slide:
 * a PNG at twice the pixels; the queues and utilization need flow mode. */
static void
test_chart (void)
{
  g_autofree char *path = example ();
  const char *kinds[] = { "histogram", "queues", "utilization" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("simulated-%s.png", kinds[i]);
      g_autofree char *png = temp_file (name, NULL);
      g_auto(Run) run = { 0 };
      cairo_surface_t *surface;

      flowmap (&run, "simulate", "--mode", "flow", "--items", "300", "--chart", kinds[i], "-o", png, path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "");
      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
      cairo_surface_destroy (surface);
      g_remove (png);
    }

  {
    g_autofree char *png = temp_file ("simulated-usage.png", NULL);
    g_autofree char *txt = temp_file ("simulated.txt", NULL);
    g_auto(Run) monte_carlo = { 0 };
    g_auto(Run) kind = { 0 };
    g_auto(Run) extension = { 0 };

    flowmap (&monte_carlo, "simulate", "--chart", "queues", "-o", png, path, NULL);
    g_assert_cmpint (monte_carlo.status, ==, 2);
    g_assert_nonnull (strstr (monte_carlo.err, "--mode flow"));
    flowmap (&kind, "simulate", "--chart", "pie", "-o", png, path, NULL);
    g_assert_cmpint (kind.status, ==, 2);
    flowmap (&extension, "simulate", "--chart", "histogram", "-o", txt, path, NULL);
    g_assert_cmpint (extension.status, ==, 2);
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/simulate/monte-carlo-json", test_monte_carlo_json);
  g_test_add_func ("/fm/cli/simulate/flow-json", test_flow_json);
  g_test_add_func ("/fm/cli/simulate/text-and-usage", test_text_and_usage);
  g_test_add_func ("/fm/cli/simulate/needs-demand", test_needs_demand);
  g_test_add_func ("/fm/cli/simulate/chart", test_chart);
  g_test_add_func ("/fm/cli/simulate/observed", test_observed);
  g_test_add_func ("/fm/cli/simulate/observed-needs-data", test_observed_needs_data);

  return g_test_run ();
}
