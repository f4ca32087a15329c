/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the headless commands, run as a user runs them */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sys/stat.h>

#include "cli-helpers.h"

static char *
example (void)
{
  return g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
}

static char *
temp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("flowmap-cli-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) unknown_option = { 0 };

  flowmap (&none, "check", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "a map file is needed"));

  flowmap (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "export"));
  g_assert_nonnull (strstr (help.out, "metrics"));

  flowmap (&unknown_option, "export", "--frobnicate", "x.flowmap", NULL);
  g_assert_cmpint (unknown_option.status, ==, 2);
}

static void
test_check (void)
{
  g_autofree char *path = example ();
  g_autofree char *bad = temp_path ("bad.flowmap");
  g_auto(Run) ok = { 0 };
  g_auto(Run) fail = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) directory = { 0 };
  g_autofree char *folder = temp_path ("folder.flowmap");

  flowmap (&ok, "check", path, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "OK\n");

  g_assert_true (g_file_set_contents (bad,
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", \"name\": \"\", "
    "\"state\": \"current\", \"nodes\": [{\"id\": \"p\", \"kind\": \"process\", \"label\": \"\", "
    "\"x\": 0, \"y\": 0, \"process_s\": \"abc\"}], \"edges\": []}]}", -1, NULL));
  flowmap (&fail, "check", bad, NULL);
  g_assert_cmpint (fail.status, ==, 1);
  g_assert_cmpstr (fail.out, ==, "");
  g_assert_nonnull (strstr (fail.err, "bad.flowmap"));
  g_assert_nonnull (strstr (fail.err, "maps[0].nodes[0].process_s"));

  flowmap (&missing, "check", "/nonexistent/map.flowmap", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "map.flowmap"));

  /* A folder is refused with a message, not read. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  flowmap (&directory, "check", folder, NULL);
  g_assert_cmpint (directory.status, ==, 1);
  g_assert_cmpstr (directory.out, ==, "");
  g_assert_true (g_str_has_prefix (directory.err, "folder.flowmap: "));
  g_rmdir (folder);
}

static void
test_fmt (void)
{
  g_autofree char *path = example ();
  g_autofree char *original = NULL;
  g_autofree char *copy = temp_path ("messy.flowmap");
  g_autofree char *rewritten = NULL;
  g_auto(Run) print = { 0 };
  g_auto(Run) in_place = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *messy = NULL;

  /* The bundled example is in canonical form: fmt prints it unchanged. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  flowmap (&print, "fmt", path, NULL);
  g_assert_cmpint (print.status, ==, 0);
  g_assert_cmpstr (print.out, ==, original);

  /* The same document written on one line; fmt -i restores the canonical form. */
  g_assert_true (json_parser_load_from_data (parser, original, -1, NULL));
  json_generator_set_root (generator, json_parser_get_root (parser));
  messy = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (messy, !=, original);
  g_assert_true (g_file_set_contents (copy, messy, -1, NULL));
  flowmap (&in_place, "fmt", "-i", copy, NULL);
  g_assert_cmpint (in_place.status, ==, 0);
  g_assert_true (g_file_get_contents (copy, &rewritten, NULL, NULL));
  g_assert_cmpstr (rewritten, ==, original);
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *data = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (data, length, magic, length);
}

static void
test_export (void)
{
  g_autofree char *path = example ();
  g_autofree char *png = temp_path ("map.png");
  g_autofree char *svg = temp_path ("map.svg");
  g_autofree char *pdf = temp_path ("map.pdf");
  g_autofree char *forced = temp_path ("forced.out");
  g_autofree char *gif = temp_path ("x.gif");
  g_autofree char *marked = temp_path ("marked.png");
  g_autofree char *plain_data = NULL;
  g_autofree char *marked_data = NULL;
  gsize plain_size, marked_size;
  g_auto(Run) a = { 0 };
  g_auto(Run) highlight = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) bad_map = { 0 };
  g_auto(Run) no_output = { 0 };

  flowmap (&a, "export", "-o", png, path, NULL);
  g_assert_cmpint (a.status, ==, 0);
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);

  /* --highlight marks the constraints: another picture. */
  flowmap (&highlight, "export", "--highlight", "-o", marked, path, NULL);
  g_assert_cmpint (highlight.status, ==, 0);
  assert_file_starts_with (marked, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_get_contents (png, &plain_data, &plain_size, NULL));
  g_assert_true (g_file_get_contents (marked, &marked_data, &marked_size, NULL));
  g_assert_false (plain_size == marked_size && memcmp (plain_data, marked_data, plain_size) == 0);

  flowmap (&b, "export", "-o", svg, "--map", "future", path, NULL);
  g_assert_cmpint (b.status, ==, 0);
  assert_file_starts_with (svg, "<?xml", 5);

  flowmap (&c, "export", "-o", pdf, "--map", "Future state", path, NULL);
  g_assert_cmpint (c.status, ==, 0);
  assert_file_starts_with (pdf, "%PDF-", 5);

  flowmap (&d, "export", "--format", "pdf", "-o", forced, path, NULL);
  g_assert_cmpint (d.status, ==, 0);
  assert_file_starts_with (forced, "%PDF-", 5);

  flowmap (&bad_format, "export", "-o", gif, path, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "png, svg or pdf"));

  flowmap (&bad_map, "export", "-o", png, "--map", "nope", path, NULL);
  g_assert_cmpint (bad_map.status, ==, 1);
  g_assert_nonnull (strstr (bad_map.err, "nope"));
  g_assert_nonnull (strstr (bad_map.err, "current"));

  flowmap (&no_output, "export", path, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
}

static void
assert_member_near (JsonObject *object,
                    const char *key,
                    double      expected)
{
  double got;

  g_assert_true (json_object_has_member (object, key));
  got = json_object_get_double_member (object, key);
  g_assert_cmpfloat_with_epsilon (got, expected, 1e-6 * MAX (1, fabs (expected)));
}

/* The release map's current state: the figures worked out in
 * tests/test-metrics.c and docs/metrics.md, key by key. */
/* --all: a deck; one PDF page per map, or one numbered PNG per map. */
static void
test_export_all (void)
{
  g_autofree char *path = example ();
  g_autofree char *pdf = temp_path ("deck.pdf");
  g_autofree char *png = temp_path ("deck.png");
  g_autofree char *png1 = temp_path ("deck-1.png");
  g_autofree char *png2 = temp_path ("deck-2.png");
  g_autofree char *pdf_data = NULL;
  gsize pdf_size = 0;
  gboolean counted = FALSE;
  g_auto(Run) deck = { 0 };
  g_auto(Run) pngs = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) bad_frame = { 0 };

  flowmap (&deck, "export", "--all", "--legend", "--no-timeline", "--frame", "16:9", "-o", pdf, path, NULL);
  g_assert_cmpint (deck.status, ==, 0);
  assert_file_starts_with (pdf, "%PDF-", 5);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_size, NULL));
  /* The page tree counts the two maps (the file holds NUL bytes: search
   * all of it). */
  for (gsize i = 0; i + 8 <= pdf_size && !counted; i++)
    counted = memcmp (pdf_data + i, "/Count 2", 8) == 0;
  g_assert_true (counted);

  flowmap (&pngs, "export", "--all", "-o", png, path, NULL);
  g_assert_cmpint (pngs.status, ==, 0);
  assert_file_starts_with (png1, "\x89PNG\r\n\x1a\n", 8);
  assert_file_starts_with (png2, "\x89PNG\r\n\x1a\n", 8);

  flowmap (&both, "export", "--all", "--map", "future", "-o", pdf, path, NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.err, "--all"));

  flowmap (&bad_frame, "export", "--frame", "4:3", "-o", pdf, path, NULL);
  g_assert_cmpint (bad_frame.status, ==, 2);
  g_assert_nonnull (strstr (bad_frame.err, "16:9"));
}

static void
test_metrics_json (void)
{
  static const char *keys[] = {
    "lead_time_s", "process_time_s", "flow_efficiency", "rolled_pca",
    "rework_adjusted_lead_time_s", "wip", "throughput_per_day",
    "littles_law_lead_time_s", "littles_law_skipped", "takt_time_s", "takt_interval_s", "handoffs",
    "rework_process_time_s", "rework_flow_efficiency", "rework_handoffs",
    "timeline", "routes", "path", "lanes", "constraints", "warnings",
  };
  g_autofree char *path = example ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root, *first;
  JsonArray *path_ids, *constraints;
  guint i = 0;

  flowmap (&run, "metrics", "--json", "--map", "current", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);

  /* Exactly these keys, in this order. */
  members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, keys[i]);

  assert_member_near (root, "lead_time_s", 4838400);
  /* Three working days of coding are 24 h of work (issue 21). */
  assert_member_near (root, "process_time_s", 151200);
  assert_member_near (root, "flow_efficiency", 151200.0 / 4838400.0);
  assert_member_near (root, "rolled_pca", 0.27132);
  /* docs/metrics.md works these out. */
  assert_member_near (root, "rework_adjusted_lead_time_s", 5544847.058824);
  assert_member_near (root, "wip", 11);
  assert_member_near (root, "throughput_per_day", 1.0 / 7);
  assert_member_near (root, "littles_law_lead_time_s", 77 * 86400);
  /* Takt on both clocks: 40 h of work, one every 7 d. */
  assert_member_near (root, "takt_time_s", 144000);
  assert_member_near (root, "takt_interval_s", 7 * 86400);
  g_assert_cmpint (json_object_get_int_member (root, "handoffs"), ==, 4);
  /* The ladder: 56 d of lead time, 42 h of it work, 54 d 6 h waiting
   * in queues (41 d) and inside the steps (13 d 6 h). */
  assert_member_near (json_object_get_object_member (root, "timeline"), "waiting_s", 4838400 - 151200);
  assert_member_near (json_object_get_object_member (root, "timeline"), "processing_s", 151200);
  g_assert_cmpint (json_object_get_int_member (root, "routes"), ==, 1);

  path_ids = json_object_get_array_member (root, "path");
  g_assert_cmpuint (json_array_get_length (path_ids), ==, 12);
  g_assert_cmpstr (json_array_get_string_element (path_ids, 0), ==, "trigger");
  g_assert_cmpstr (json_array_get_string_element (path_ids, 11), ==, "outcome");

  constraints = json_object_get_array_member (root, "constraints");
  /* No step at capacity (coding at 39 %): the largest delays by score. */
  first = json_array_get_object_element (constraints, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "wait-security");
  assert_member_near (first, "score", 0.25);
  g_assert_nonnull (strstr (json_object_get_string_member (first, "reason"), "25 % of lead time"));
  first = json_array_get_object_element (constraints, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "code");
  g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "Coding");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
}

/* An empty map: undefined figures are null. */
static void
test_metrics_json_nulls (void)
{
  g_autofree char *path = temp_path ("empty.flowmap");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;

  g_assert_true (g_file_set_contents (path,
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", \"name\": \"Empty\", "
    "\"state\": \"current\", \"nodes\": [], \"edges\": []}]}", -1, NULL));
  flowmap (&run, "metrics", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  /* No path from a trigger to an outcome: no lead time, as on the panel. */
  g_assert_true (json_object_get_null_member (root, "lead_time_s"));
  g_assert_true (json_object_get_null_member (root, "flow_efficiency"));
  g_assert_true (json_object_get_null_member (root, "rolled_pca"));
  g_assert_true (json_object_get_null_member (root, "wip"));
  g_assert_true (json_object_get_null_member (root, "throughput_per_day"));
  g_assert_true (json_object_get_null_member (root, "takt_time_s"));
  g_assert_true (json_object_get_null_member (root, "littles_law_lead_time_s"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), >=, 2);
}

static void
test_metrics_report (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };

  flowmap (&run, "metrics", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Current state"));
  g_assert_nonnull (strstr (run.out, "56.0 d"));
  g_assert_nonnull (strstr (run.out, "3.1 %"));
  g_assert_nonnull (strstr (run.out, "40 h of work · one every 7 d"));
  /* The constraints name their node: the wait for the security review
   * first (14 d of 56 d = 25 % of lead time), then Coding. */
  g_assert_nonnull (strstr (run.out, "\n  1. Waiting for security review: 25 % of lead time"));
  g_assert_nonnull (strstr (run.out, "\n  2. Coding: "));
  /* All five steps on the path have a %C&A: .8 × .85 × .6 × .7 × .95 = 27.1 % */
  g_assert_nonnull (strstr (run.out, "Rolled %C&A                  27.1 %\n"));
}

/* Acme Stamping (Learning to See, tests/data/acme.flowmap) reads as the
 * book writes it: lead time 23.6 d (not "3 w 3 d"), processing 188 s (not
 * "3 min 8 s"), takt 60 s, and Assembly #1, 62 s a piece, the constraint. */
static void
test_metrics_report_acme (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "acme.flowmap", NULL);
  g_auto(Run) run = { 0 };

  flowmap (&run, "metrics", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Lead time                    23.6 d\n"));
  g_assert_nonnull (strstr (run.out, "Process time                 188 s\n"));
  g_assert_nonnull (strstr (run.out, "Takt time                    60 s of work · one every 1 min 34 s\n"));
  g_assert_nonnull (strstr (run.out, "\n  1. Assembly #1: 62 s per piece against a takt of 60 s ("));
  /* The steps under the takt are no constraint for their load. */
  g_assert_null (strstr (run.out, "S. Weld #2: 46 s"));
}

/* `flowmap export --chart balance` writes the cycle time / takt chart;
 * a chart it does not know is a usage error. */
static void
test_export_balance_chart (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "acme.flowmap", NULL);
  g_autofree char *png = temp_path ("balance.png");
  g_autofree char *pdf = temp_path ("balance.pdf");
  g_autofree char *nope = temp_path ("nope.png");
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) all = { 0 };

  flowmap (&a, "export", "--chart", "balance", "-o", png, path, NULL);
  g_assert_cmpint (a.status, ==, 0);
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);
  flowmap (&b, "export", "--chart", "balance", "-o", pdf, path, NULL);
  g_assert_cmpint (b.status, ==, 0);
  assert_file_starts_with (pdf, "%PDF", 4);

  flowmap (&bad, "export", "--chart", "pie", "-o", nope, path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "unknown chart"));
  g_assert_false (g_file_test (nope, G_FILE_TEST_EXISTS));
  flowmap (&all, "export", "--chart", "balance", "--all", "-o", nope, path, NULL);
  g_assert_cmpint (all.status, ==, 2);
}

#define PCA_MAP(pca) \
  "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", \"name\": \"M\", " \
    "\"state\": \"current\", \"nodes\": [" \
    "{\"id\": \"t\", \"kind\": \"trigger\", \"label\": \"T\", \"x\": 0, \"y\": 0}," \
    "{\"id\": \"a\", \"kind\": \"process\", \"label\": \"A\", \"x\": 100, \"y\": 0, \"process_s\": 60" pca "}," \
    "{\"id\": \"b\", \"kind\": \"process\", \"label\": \"B\", \"x\": 200, \"y\": 0, \"process_s\": 60}," \
    "{\"id\": \"o\", \"kind\": \"outcome\", \"label\": \"O\", \"x\": 300, \"y\": 0}], " \
    "\"edges\": [{\"id\": \"e1\", \"from\": \"t\", \"to\": \"a\", \"kind\": \"flow\"}, {\"id\": \"e2\", \"from\": \"a\", \"to\": \"b\", \"kind\": \"flow\"}, " \
    "{\"id\": \"e3\", \"from\": \"b\", \"to\": \"o\", \"kind\": \"flow\"}]}]}"

/* A map whose steps have no %C&A: the rolled %C&A is unknown, not 100 %,
 * in the text and in JSON; with one of two steps at 80 % it is 80 %,
 * counted from 1 of 2 steps (the other is taken as 100 %). */
static void
test_metrics_report_pca (void)
{
  g_autofree char *none = temp_path ("no-pca.flowmap");
  g_autofree char *some = temp_path ("some-pca.flowmap");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) partial = { 0 };
  const char *without = PCA_MAP ("");
  const char *with = PCA_MAP (", \"pca\": 80");

  g_assert_true (g_file_set_contents (none, without, -1, NULL));
  g_assert_true (g_file_set_contents (some, with, -1, NULL));

  flowmap (&text, "metrics", none, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "– (no %C&A entered)"));
  flowmap (&json, "metrics", "--json", none, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_object_get_null_member (parse_object (parser, json.out), "rolled_pca"));

  flowmap (&partial, "metrics", some, NULL);
  g_assert_cmpint (partial.status, ==, 0);
  g_assert_nonnull (strstr (partial.out, "80.0 %, 1 of 2 steps"));
}

/* The figures' values in one column whatever the length of the names: in
 * German the longest is "Durchlaufzeit nach Littles Gesetz", 33
 * characters, past the 28 the English names fit in, so every value starts
 * at column 2 + 33 + 1 = 36 (it used to start at 31 on every other row). */
static void
test_metrics_report_aligned (void)
{
  static const char *names[] = {
    "Lead time", "Process time", "Flow efficiency", "Rolled %C&A", "Rework-adjusted lead time",
    "Work in progress", "Throughput a day", "Little’s law lead time", "Takt time", "Handoffs",
  };
  g_autofree char *path = example ();
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  const char *translated[G_N_ELEMENTS (names)];
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  glong longest = 0;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  g_setenv ("LANGUAGE", "de", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      translated[i] = g_dgettext (GETTEXT_PACKAGE, names[i]);
      longest = MAX (longest, g_utf8_strlen (translated[i], -1));
    }
  /* Else this would not test a name past the 28 columns. */
  g_assert_cmpint (longest, >, 28);

  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("FLOWMAP_LOCALEDIR", localedir, TRUE);
  flowmap (&run, "metrics", path, NULL);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("FLOWMAP_LOCALEDIR");
  g_assert_cmpint (run.status, ==, 0);

  /* The map's name, a blank line, then a row per figure. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, G_N_ELEMENTS (names) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *row = lines[i + 2];
      const char *rest = row + 2 + strlen (translated[i]);
      glong spaces = 0;

      g_assert_true (g_str_has_prefix (row, "  "));
      g_assert_true (g_str_has_prefix (row + 2, translated[i]));
      while (rest[spaces] == ' ')
        spaces++;
      g_assert_cmpint (rest[spaces], !=, '\0');
      g_assert_cmpint (2 + g_utf8_strlen (translated[i], -1) + spaces, ==, 2 + longest + 1);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

/* Current → future of the release map: lead time 56 d → 14 d is −75 %;
 * the two waits for security and environments are gone; the security
 * review went from 2 d to 1 h. */
static void
test_compare_json (void)
{
  g_autofree char *path = example ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *lead = NULL;
  JsonArray *figures, *steps;
  gboolean seen_removed = FALSE, seen_security = FALSE;

  flowmap (&run, "compare", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "current");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "future");

  figures = json_object_get_array_member (root, "metrics");
  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonObject *f = json_array_get_object_element (figures, i);

      if (g_str_equal (json_object_get_string_member (f, "name"), "lead_time_s"))
        lead = f;
    }
  g_assert_nonnull (lead);
  assert_member_near (lead, "from", 4838400);
  assert_member_near (lead, "to", 1209600);
  assert_member_near (lead, "change", -0.75);
  /* A share changes in percentage points: 3.125 % → 91,800 / 1,209,600 =
   * 7.589 %, +4.464 pp (not +143 %). */
  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonObject *f = json_array_get_object_element (figures, i);

      g_assert_cmpstr (json_object_get_string_member (f, "name"), !=, "takt_time_s");
      if (g_str_equal (json_object_get_string_member (f, "name"), "flow_efficiency"))
        {
          g_assert_true (json_object_get_null_member (f, "change"));
          assert_member_near (f, "change_pp", 100 * (91800.0 / 1209600 - 0.03125));
        }
    }
  /* The inputs equal in both maps, once. */
  assert_member_near (json_object_get_object_member (root, "reference"), "takt_time_s", 144000);
  assert_member_near (json_object_get_object_member (root, "reference"), "throughput_per_day", 1.0 / 7);

  steps = json_object_get_array_member (root, "steps");
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *s = json_array_get_object_element (steps, i);
      const char *id = json_object_get_string_member (s, "id");
      const char *status = json_object_get_string_member (s, "status");

      if (g_str_equal (id, "wait-security"))
        {
          g_assert_cmpstr (status, ==, "removed");
          assert_member_near (s, "time_from_s", 14 * 86400);
          g_assert_true (json_object_get_null_member (s, "time_to_s"));
          seen_removed = TRUE;
        }
      else if (g_str_equal (id, "security"))
        {
          g_assert_cmpstr (status, ==, "changed");
          assert_member_near (s, "time_from_s", 2 * 86400);
          assert_member_near (s, "time_to_s", 3600);
          seen_security = TRUE;
        }
    }
  g_assert_true (seen_removed);
  g_assert_true (seen_security);
}

/* The report for people: the figures side by side, the steps by status. */
static void
test_compare_report (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };
  g_auto(Run) reverse = { 0 };

  flowmap (&run, "compare", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Current state → Future state"));
  g_assert_nonnull (strstr (run.out, "56.0 d → 14.0 d"));
  /* A process time in the unit of the one before it */
  g_assert_nonnull (strstr (run.out, "42 h → 25.5 h"));
  /* The changes in the words of the slides and the comparison view. */
  g_assert_nonnull (strstr (run.out, "−75 %"));
  g_assert_nonnull (strstr (run.out, "3.1 % → 7.6 %        +4.5 pp"));
  /* Demand and takt are the document's: the same in both, shown once. */
  g_assert_null (strstr (run.out, "±0 %"));
  g_assert_nonnull (strstr (run.out, "The same in both maps:\n"));
  g_assert_nonnull (strstr (run.out, "40 h of work · one every 7 d"));
  g_assert_nonnull (strstr (run.out, "removed  Waiting for security review"));
  g_assert_nonnull (strstr (run.out, "changed  Automated security checks"));

  /* The other way round, what was removed is added. */
  flowmap (&reverse, "compare", "--json", "--from", "future", "--to", "current", path, NULL);
  g_assert_cmpint (reverse.status, ==, 0);
  g_assert_nonnull (strstr (reverse.out, "\"added\""));
}

static void
test_compare_needs_both_ids (void)
{
  g_autofree char *path = example ();
  g_auto(Run) run = { 0 };

  flowmap (&run, "compare", "--from", "current", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* What a terminal would act on: a C0 control other than the report's own
 * newlines and tabs, DEL, a C1 control (U+0080–U+009F), or a bidi
 * override or isolate. */
static void
assert_terminal_safe (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (g_utf8_validate (p, -1, NULL));
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_error ("U+%04X printed raw in:\n%s", c, text);
    }
}

/* Labels, names, states, items and types that clear the screen (ESC[2J),
 * conceal text (ESC[8m), set the window title (an OSC sequence) or turn
 * the line around (U+202E): every text output shows them escaped. */
static void
test_escapes_control_characters (void)
{
  /* JSON's \u escapes, so the file itself is plain ASCII. */
  const char *clear = "\\u001b[2J";
  const char *conceal = "\\u001b[8m";
  const char *title = "\\u001b]0;owned\\u0007";
  const char *rlo = "\\u202e";
  const char *c1 = "\\u009b";
  g_autofree char *path = temp_path ("hostile.flowmap");
  /* A file name is data too: the loader's messages name it. */
  g_autofree char *bad = temp_path ("\x1b[2Jhostile.flowmap");
  g_autofree char *csv = temp_path ("hostile.csv");
  g_autofree char *map = g_strdup_printf (
    "{\"format\": \"flowmap\", \"version\": 1, \"maps\": ["
    "{\"id\": \"m\", \"name\": \"%sNow%s\", \"state\": \"current\", \"nodes\": ["
    "{\"id\": \"t\", \"kind\": \"trigger\", \"label\": \"Go%s\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"q\", \"kind\": \"queue\", \"label\": \"Wait%s\", \"x\": 100, \"y\": 0, \"wait_s\": 86400},"
    "{\"id\": \"p\", \"kind\": \"process\", \"label\": \"Build%s\", \"x\": 200, \"y\": 0, \"process_s\": 3600, \"lead_s\": 7200},"
    "{\"id\": \"o\", \"kind\": \"outcome\", \"label\": \"Done%s\", \"x\": 300, \"y\": 0}],"
    "\"edges\": [{\"id\": \"e1\", \"from\": \"t\", \"to\": \"q\", \"kind\": \"flow\"},"
    "{\"id\": \"e2\", \"from\": \"q\", \"to\": \"p\", \"kind\": \"flow\"},"
    "{\"id\": \"e3\", \"from\": \"p\", \"to\": \"o\", \"kind\": \"flow\"}]},"
    "{\"id\": \"f\", \"name\": \"Later%s\", \"state\": \"future\", \"based_on\": \"m\", \"nodes\": ["
    "{\"id\": \"p\", \"kind\": \"process\", \"label\": \"Build%s\", \"x\": 200, \"y\": 0, \"process_s\": 60}],"
    "\"edges\": []}]}",
    title, clear, rlo, conceal, clear, c1, rlo, conceal);
  const char *runs[][6] = {
    { "metrics", path, NULL },
    { "compare", path, NULL },
    { "check", bad, NULL },
    { "metrics", "--map", "nope", path, NULL },
    { "observe", "--csv", csv, path, NULL },
  };

  g_assert_true (g_file_set_contents (path, map, -1, NULL));
  /* A loader's message quotes what it could not read. */
  g_assert_true (g_file_set_contents (bad,
    "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", \"name\": \"\", "
    "\"state\": \"current\", \"nodes\": [{\"id\": \"p\", \"kind\": \"\\u001b[2J\", \"label\": \"\", "
    "\"x\": 0, \"y\": 0}], \"edges\": []}]}", -1, NULL));
  g_assert_true (g_file_set_contents (csv,
    "item,type,state,entered_at\n"
    "\x1b]0;owned\x07" "A,\x1b[8mbug,Build\x1b[2J,2026-03-02\n"
    "\x1b]0;owned\x07" "A,\x1b[8mbug,Wait\xe2\x80\xae,2026-03-04\n"
    "B,feature,Build\x1b[2J,2026-03-03\n"
    "B,feature,\xc2\x9b" "Done,2026-03-05\n"
    "C,feature,Build\x1b[2J,not a date \x1b[2J\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(Run) run = { 0 };

      if (g_str_equal (runs[i][0], "observe"))
        flowmap (&run, runs[i][0], runs[i][1], runs[i][2], runs[i][3], NULL);
      else if (runs[i][2] != NULL && runs[i][3] != NULL)
        flowmap (&run, runs[i][0], runs[i][1], runs[i][2], runs[i][3], NULL);
      else
        flowmap (&run, runs[i][0], runs[i][1], NULL);
      assert_terminal_safe (run.out);
      assert_terminal_safe (run.err);
      g_assert_nonnull (strstr (run.out[0] != '\0' ? run.out : run.err, "\\x1B"));
      if (i == 0)
        {
          g_assert_nonnull (strstr (run.out, "\\x1B]0;owned\\x07Now\\x1B[2J\n"));
          g_assert_nonnull (strstr (run.out, "Go\\u202E → Wait\\x1B[8m → Build\\x1B[2J → Done\\x9B"));
        }
      if (i == 4)
        g_assert_nonnull (strstr (run.out, "\\x9BDone"));
    }
}

/* A FIFO has no end: reading one with no writer, or writing one with no
 * reader, used to block forever. A map file, or an export's target, that
 * is not a regular file is refused at once, as the document save does. */
static void
test_refuses_fifo (void)
{
  g_autofree char *path = example ();
  g_autofree char *map_fifo = temp_path ("fifo.flowmap");
  g_autofree char *png_fifo = temp_path ("fifo.png");
  g_autofree char *svg_fifo = temp_path ("fifo.svg");
  g_auto(Run) check = { 0 };
  g_auto(Run) png = { 0 };
  g_auto(Run) svg = { 0 };

  g_assert_cmpint (mkfifo (map_fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (png_fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (svg_fifo, 0600), ==, 0);

  flowmap_promptly (&check, "check", map_fifo, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_cmpstr (check.err, ==, "fifo.flowmap: not a regular file\n");

  /* The PNG and SVG exports write in two different ways. */
  flowmap_promptly (&png, "export", "-o", png_fifo, path, NULL);
  g_assert_cmpint (png.status, ==, 1);
  g_assert_nonnull (strstr (png.err, "fifo.png"));
  g_assert_nonnull (strstr (png.err, "not a regular file"));

  flowmap_promptly (&svg, "export", "-o", svg_fifo, path, NULL);
  g_assert_cmpint (svg.status, ==, 1);
  g_assert_nonnull (strstr (svg.err, "fifo.svg"));
  g_assert_nonnull (strstr (svg.err, "not a regular file"));

  /* Refused, not replaced. */
  g_assert_true (g_file_test (png_fifo, G_FILE_TEST_EXISTS) && !g_file_test (png_fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (svg_fifo, G_FILE_TEST_EXISTS) && !g_file_test (svg_fifo, G_FILE_TEST_IS_REGULAR));
}

/* Figures that cannot be computed: with no flow from the trigger to the
 * outcome there is no lead time (it used to print "0 min" beside the
 * warning that there is none); a rework rate of 1 − 2⁻⁵³ makes the
 * expected lead time astronomical, which is shown as what it means
 * ("more than 100 years") rather than as millions of weeks. */
static void
test_metrics_cannot_compute (void)
{
  g_autofree char *path = temp_path ("unreachable.flowmap");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) loop = { 0 };
  g_auto(Run) loop_json = { 0 };
  JsonObject *root;
  g_autofree char *lead_row = NULL;

  g_assert_true (g_file_set_contents (path,
    "{\"format\": \"flowmap\", \"version\": 1, \"maps\": ["
    "{\"id\": \"apart\", \"name\": \"Apart\", \"state\": \"current\", \"nodes\": ["
    "{\"id\": \"t\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"p\", \"kind\": \"process\", \"label\": \"Work\", \"x\": 100, \"y\": 0, \"process_s\": 3600, \"lead_s\": 7200},"
    "{\"id\": \"o\", \"kind\": \"outcome\", \"x\": 200, \"y\": 0}],"
    "\"edges\": [{\"id\": \"e1\", \"from\": \"t\", \"to\": \"p\", \"kind\": \"flow\"}]},"
    "{\"id\": \"loop\", \"name\": \"Loop\", \"state\": \"current\", \"nodes\": ["
    "{\"id\": \"t\", \"kind\": \"trigger\", \"x\": 0, \"y\": 0},"
    "{\"id\": \"a\", \"kind\": \"process\", \"label\": \"Make\", \"x\": 100, \"y\": 0, \"process_s\": 360000, \"lead_s\": 3600000},"
    "{\"id\": \"b\", \"kind\": \"process\", \"label\": \"Check\", \"x\": 200, \"y\": 0, \"process_s\": 360000, \"lead_s\": 3600000},"
    "{\"id\": \"o\", \"kind\": \"outcome\", \"x\": 300, \"y\": 0}],"
    "\"edges\": [{\"id\": \"e1\", \"from\": \"t\", \"to\": \"a\", \"kind\": \"flow\"},"
    "{\"id\": \"e2\", \"from\": \"a\", \"to\": \"b\", \"kind\": \"flow\"},"
    "{\"id\": \"e3\", \"from\": \"b\", \"to\": \"o\", \"kind\": \"flow\"},"
    "{\"id\": \"r\", \"from\": \"b\", \"to\": \"a\", \"kind\": \"rework\", \"rate\": 0.9999999999999999}]}]}",
    -1, NULL));

  flowmap (&json, "metrics", "--json", "--map", "apart", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_object (parser, json.out);
  g_assert_true (json_object_get_null_member (root, "lead_time_s"));
  g_assert_true (json_object_get_null_member (root, "process_time_s"));
  g_assert_true (json_object_get_null_member (root, "rework_adjusted_lead_time_s"));

  flowmap (&text, "metrics", "--map", "apart", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "there is no lead time"));
  lead_row = g_strdup (strstr (text.out, "  Lead time "));
  g_assert_nonnull (lead_row);
  *strchr (lead_row, '\n') = '\0';
  g_assert_true (g_str_has_suffix (lead_row, " –"));

  flowmap (&loop, "metrics", "--map", "loop", path, NULL);
  g_assert_cmpint (loop.status, ==, 0);
  g_assert_nonnull (strstr (loop.out, "Rework-adjusted lead time    more than 100 years\n"));
  g_assert_null (strstr (loop.out, "e+"));

  /* JSON keeps the number, for whoever computes with it. */
  flowmap (&loop_json, "metrics", "--json", "--map", "loop", path, NULL);
  g_assert_cmpint (loop_json.status, ==, 0);
  root = parse_object (parser, loop_json.out);
  g_assert_cmpfloat (json_object_get_double_member (root, "rework_adjusted_lead_time_s"), >, 1e12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/cli/usage", test_usage);
  g_test_add_func ("/fm/cli/check", test_check);
  g_test_add_func ("/fm/cli/fmt", test_fmt);
  g_test_add_func ("/fm/cli/export", test_export);
  g_test_add_func ("/fm/cli/export-all", test_export_all);
  g_test_add_func ("/fm/cli/metrics-json", test_metrics_json);
  g_test_add_func ("/fm/cli/metrics-json-nulls", test_metrics_json_nulls);
  g_test_add_func ("/fm/cli/metrics-report", test_metrics_report);
  g_test_add_func ("/fm/cli/metrics-report-aligned", test_metrics_report_aligned);
  g_test_add_func ("/fm/cli/metrics-report-pca", test_metrics_report_pca);
  g_test_add_func ("/fm/cli/compare-json", test_compare_json);
  g_test_add_func ("/fm/cli/compare-report", test_compare_report);
  g_test_add_func ("/fm/cli/compare-needs-both", test_compare_needs_both_ids);
  g_test_add_func ("/fm/cli/escapes-control-characters", test_escapes_control_characters);
  g_test_add_func ("/fm/cli/refuses-fifo", test_refuses_fifo);
  g_test_add_func ("/fm/cli/metrics-cannot-compute", test_metrics_cannot_compute);
  g_test_add_func ("/fm/cli/metrics-report-acme", test_metrics_report_acme);
  g_test_add_func ("/fm/cli/export-balance-chart", test_export_balance_chart);

  return g_test_run ();
}
