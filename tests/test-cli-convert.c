/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-convert.c: `flowmap convert` between Flowmap and draw.io, and
 * `flowmap export --format csv|drawio`, run as a user runs them */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-helpers.h"

#define DAY 86400.0

static char *
example (void)
{
  return g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
}

static char *
drawio_data (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "drawio", name, NULL);
}

static char *
temp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("flowmap-convert-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
assert_near (double got,
             double expected)
{
  if (!(fabs (got - expected) <= 1e-6 * MAX (1, fabs (expected))))
    g_error ("expected %.9g, got %.9g", expected, got);
}

/* `flowmap metrics --json` of @path's first map, or of @map. */
static void
figures (const char *path,
         const char *map,
         double     *lead_time_s,
         double     *process_time_s)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;

  if (map != NULL)
    flowmap (&run, "metrics", "--json", "--map", map, path, NULL);
  else
    flowmap (&run, "metrics", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  *lead_time_s = json_object_get_double_member (root, "lead_time_s");
  *process_time_s = json_object_get_double_member (root, "process_time_s");
}

static void
test_acme (void)
{
  g_autofree char *in = drawio_data ("acme-current-state.drawio");
  g_autofree char *out = temp_path ("acme.flowmap");
  g_auto(Run) run = { 0 };
  double lead, process;

  flowmap (&run, "convert", "-o", out, in, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "16 things are not part of the map:\n"));
  g_assert_nonnull (strstr (run.err, "  Current State: truck_shipment “1x Daily” (1240, 160): "));

  figures (out, NULL, &lead, &process);
  assert_near (lead, 23.6 * DAY + 188);
  assert_near (process, 188);
}

/* The release example to draw.io and back: the same figures, map by map. */
static void
test_round_trip (void)
{
  g_autofree char *in = example ();
  const char *maps[] = { "current", "future" };

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *name = g_strdup_printf ("release-%s.drawio", maps[i]);
      g_autofree char *back_name = g_strdup_printf ("release-%s.flowmap", maps[i]);
      g_autofree char *drawio = temp_path (name);
      g_autofree char *back = temp_path (back_name);
      g_auto(Run) to = { 0 };
      g_auto(Run) from = { 0 };
      double lead, process, lead_again, process_again;

      flowmap (&to, "convert", "--map", maps[i], "-o", drawio, in, NULL);
      g_assert_cmpint (to.status, ==, 0);
      g_assert_cmpstr (to.err, ==, "");
      flowmap (&from, "convert", "-o", back, drawio, NULL);
      g_assert_cmpint (from.status, ==, 0);
      /* Only the timeline the export drew is left out. */
      g_assert_nonnull (strstr (from.err, "1 thing is not part of the map"));
      g_assert_nonnull (strstr (from.err, "timeline"));

      figures (in, maps[i], &lead, &process);
      figures (back, NULL, &lead_again, &process_again);
      assert_near (lead_again, lead);
      assert_near (process_again, process);
    }
}

static void
test_errors (void)
{
  g_autofree char *in = example ();
  g_autofree char *bad = temp_path ("bad.drawio");
  g_autofree char *escape = temp_path ("escape.drawio");
  g_autofree char *out = temp_path ("out.flowmap");
  g_auto(Run) no_output = { 0 };
  g_auto(Run) wrong_name = { 0 };
  g_auto(Run) not_drawio = { 0 };
  g_auto(Run) escaped = { 0 };

  flowmap (&no_output, "convert", in, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o FILE"));

  flowmap (&wrong_name, "convert", "-o", "out.png", in, NULL);
  g_assert_cmpint (wrong_name.status, ==, 2);

  g_assert_true (g_file_set_contents (bad, "<mxfile><diagram>%%%</diagram></mxfile>", -1, NULL));
  flowmap (&not_drawio, "convert", "-o", out, bad, NULL);
  g_assert_cmpint (not_drawio.status, ==, 1);
  g_assert_nonnull (strstr (not_drawio.err, "bad.drawio: page “”: neither XML nor a compressed page"));

  /* What a file holds reaches the terminal escaped. */
  g_assert_true (g_file_set_contents (escape,
                                      "<mxGraphModel><root><mxCell id=\"t\" value=\"a&amp;#27;[2Jb\" "
                                      "style=\"text;html=1;\" vertex=\"1\" parent=\"1\">"
                                      "<mxGeometry x=\"1\" y=\"2\" width=\"3\" height=\"4\" as=\"geometry\"/>"
                                      "</mxCell></root></mxGraphModel>", -1, NULL));
  flowmap (&escaped, "convert", "-o", out, escape, NULL);
  g_assert_cmpint (escaped.status, ==, 0);
  g_assert_nonnull (strstr (escaped.err, "“a\\x1B[2Jb”"));
  g_assert_null (strchr (escaped.err, '\x1b'));
}

static void
test_csv (void)
{
  g_autofree char *in = example ();
  g_autofree char *quoted = temp_path ("quoted.flowmap");
  g_autofree char *file = temp_path ("table.csv");
  g_autofree char *written = NULL;
  g_auto(Run) nodes = { 0 };
  g_auto(Run) maps = { 0 };
  g_auto(Run) quoting = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(GStrv) lines = NULL;

  flowmap (&nodes, "export", "--format", "csv", "-o", "-", in, NULL);
  g_assert_cmpint (nodes.status, ==, 0);
  lines = g_strsplit (nodes.out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "kind,id,label,critical_path,role,people,process_time_s,process_time,"
                                 "lead_time_s,lead_time,wait_s,wait,items,pca_percent");
  g_assert_cmpstr (lines[1], ==, "trigger,trigger,Validated feature request,yes,,,,,,,,,,");
  /* "As shown" is the map's wording: waits in days with a decimal, the
   * 158,400 s between process and lead time 158,400 ÷ 86,400 = 1.833 d,
   * which "1.8 d" would round by 1.8 %: two decimals. */
  g_assert_cmpstr (lines[2], ==, "queue,backlog,Product backlog,yes,,,,,432000,5.0 d,432000,5.0 d,3,");
  g_assert_cmpstr (lines[3], ==, "process,refine,Refinement,yes,Product team,3,14400,4 h,172800,2.0 d,158400,1.83 d,,80");
  g_assert_true (g_str_has_prefix (lines[13], "system,tracker,Issue tracker,no,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 19);  /* 17 nodes, the header, the last CRLF */

  flowmap (&maps, "export", "--format", "csv", "--all-maps", "-o", "-", in, NULL);
  g_assert_cmpint (maps.status, ==, 0);
  g_assert_true (g_str_has_prefix (maps.out,
                                   "figure,key,Current state,Current state (as shown),Future state,Future state (as shown)\r\n"
                                   "Lead time,lead_time_s,4838400,56.0 d,1209600,14.0 d\r\n"));
  /* Computed figures to fifteen digits: 1/7 a day, and the takt 40 h ÷ 7
   * × 7 = 144,000 s, which floating point makes 144000.00000000003. */
  g_assert_nonnull (strstr (maps.out, "\r\nThroughput a day,throughput_per_day,0.142857142857143,0.14,"
                                           "0.142857142857143,0.14\r\n"));
  g_assert_nonnull (strstr (maps.out, "\r\nTakt time,takt_time_s,144000,40 h,144000,40 h\r\n"));
  g_assert_nonnull (strstr (maps.out, "\r\nProcess time,process_time_s,151200,42 h,91800,25.5 h\r\n"));

  g_assert_true (g_file_set_contents (quoted,
                                      "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", "
                                      "\"name\": \"A, \\\"b\\\"\", \"nodes\": [{\"id\": \"a\", \"kind\": \"process\", "
                                      "\"label\": \"Say \\\"hi\\\",\\nthen\", \"x\": 0, \"y\": 0, \"role\": \"=SUM(1)\"}], "
                                      "\"edges\": []}]}", -1, NULL));
  flowmap (&quoting, "export", "--format", "csv", "-o", "-", quoted, NULL);
  g_assert_cmpint (quoting.status, ==, 0);
  g_assert_nonnull (strstr (quoting.out, "\r\nprocess,a,\"Say \"\"hi\"\",\nthen\",yes,'=SUM(1),"));

  flowmap (&to_file, "export", "-o", file, "--all-maps", in, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (file, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "figure,key,"));

  flowmap (&both, "export", "--format", "csv", "--all-maps", "--map", "current", "-o", "-", in, NULL);
  g_assert_cmpint (both.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/convert/acme", test_acme);
  g_test_add_func ("/fm/cli/convert/round-trip", test_round_trip);
  g_test_add_func ("/fm/cli/convert/errors", test_errors);
  g_test_add_func ("/fm/cli/export/csv", test_csv);

  return g_test_run ();
}
