/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-errors.c: the Flowmap file format refused: error messages and codes, the
 * corpus of bad files in tests/data/bad, and every documented limit
 */
#include "config.h"

#define G_LOG_DOMAIN "test-json"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fm-json.h"
#include "fm-json-writer.h"

static void
assert_load_error (const char  *text,
                   gssize       length,
                   GQuark       domain,
                   int          code,
                   const char  *expected)
{
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = fm_json_load_data (text, length, "test.flowmap", &error);
  g_assert_null (document);
  g_assert_error (error, domain, code);
  if (!g_str_has_prefix (error->message, "test.flowmap") ||
      strstr (error->message, expected) == NULL)
    g_error ("message \"%s\" does not contain \"%s\"", error->message, expected);
}

static void
test_error_codes (void)
{
  assert_load_error ("", 0, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX, "empty");
  assert_load_error ("{\"a\": 1", -1, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX, "ends too early");
  assert_load_error ("{\"format\": \"x\"}", -1, FM_JSON_ERROR, FM_JSON_ERROR_FORMAT, "expected \"flowmap\"");
  assert_load_error ("{\"format\": \"flowmap\"}", -1, FM_JSON_ERROR, FM_JSON_ERROR_VERSION, "missing \"version\"");
  assert_load_error ("{\"format\": \"flowmap\", \"version\": 1}", -1, FM_JSON_ERROR, FM_JSON_ERROR_INVALID,
                     "missing \"maps\"");
  assert_load_error ("{\"format\": \"flowmap\", \"version\": 1, \"maps\": [], \"t\": 1e999}", -1,
                     FM_JSON_ERROR, FM_JSON_ERROR_INVALID, "t: the number 1e999 is out of range");
  /* A NUL inside the given length. */
  assert_load_error ("{\"format\"\0: 1}", 14, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX, ":1:10: not valid JSON: a NUL byte");
  assert_load_error ("{\"a\": \"\xC3\x28\"}", -1, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX, ":1:8: not valid UTF-8");
}

static char *
bad_folder (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
}

/* One file of tests/data/bad: it must fail with the message its
 * NAME.flowmap.expected holds, after the file's name. */
static void
test_bad_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *folder = bad_folder ();
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *expected_path = g_strconcat (path, ".expected", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (expected_path, &expected, NULL, NULL))
    g_error ("%s has no .expected file", name);
  g_strchomp (expected);
  g_assert_cmpstr (expected, !=, "");

  document = fm_json_load_file (file, &error);
  if (document != NULL)
    g_error ("%s loaded, but should fail with: %s", name, expected);
  g_assert_true (error->domain == FM_JSON_ERROR);
  if (!g_str_has_prefix (error->message, name) || strstr (error->message, expected) == NULL)
    g_error ("%s: got \"%s\", expected \"%s\"", name, error->message, expected);
  g_test_message ("%s", error->message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The files of tests/data/bad, sorted: adding one adds a test. */
static GPtrArray *
list_bad_files (void)
{
  g_autofree char *folder = bad_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return names;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".flowmap"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* The corpus is there, and every sidecar has its file. */
static void
test_bad_corpus (void)
{
  g_autofree char *folder = bad_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = list_bad_files ();
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpuint (names->len, >=, 40);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *flowmap = NULL;
      g_autofree char *path = NULL;

      if (g_str_has_suffix (name, ".flowmap"))
        continue;
      g_assert_true (g_str_has_suffix (name, ".flowmap.expected"));
      flowmap = g_strndup (name, strlen (name) - strlen (".expected"));
      path = g_build_filename (folder, flowmap, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_limit_file_size (void)
{
  gsize length = FM_JSON_MAX_FILE_SIZE + 1;
  g_autofree char *text = g_malloc (length);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  memset (text, ' ', length);
  text[0] = '{';
  text[length - 1] = '}';
  assert_load_error (text, length, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT, "test.flowmap: larger than 64 MiB");

  /* A file is refused from its size, before it is read: a sparse one. */
  fd = g_file_open_tmp ("huge-XXXXXX.flowmap", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (goffset) 100 * 1024 * 1024 * 1024), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  /* Refused from its size alone: reading 100 GiB would hang the test. */
  document = fm_json_load_file (file, &error);
  g_assert_null (document);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "huge-"));
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));
  g_unlink (path);
}

static void
test_limit_huge_label (void)
{
  gsize label_length = 50 * 1000 * 1000;
  g_autoptr(GString) text = g_string_sized_new (label_length + 200);

  g_string_append (text, "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", "
                         "\"nodes\": [{\"id\": \"n\", \"kind\": \"note\", \"x\": 0, \"y\": 0, \"label\": \"");
  for (gsize i = 0; i < label_length; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}]}]}");

  assert_load_error (text->str, text->len, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                     "maps[0].nodes[0].label: a string longer than 1048576 bytes");
}

static void
test_limit_million_nodes (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[{\"id\":\"m\",\"nodes\":[");

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (text, "%s{\"id\":\"n%u\",\"kind\":\"note\",\"x\":0,\"y\":0}", i ? "," : "", i);
  g_string_append (text, "]}]}");
  g_assert_cmpuint (text->len, <, FM_JSON_MAX_FILE_SIZE);

  assert_load_error (text->str, text->len, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                     "maps[0].nodes: more than 100000 nodes in one map");
}

/* The most nodes a map may have still loads. */
static void
test_limit_max_nodes (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[{\"id\":\"m\",\"nodes\":[");
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < FM_MAX_NODES; i++)
    g_string_append_printf (text, "%s{\"id\":\"n%u\",\"kind\":\"note\",\"x\":%u,\"y\":0}", i ? "," : "", i, i);
  g_string_append (text, "]}]}");

  document = fm_json_load_data (text->str, text->len, "big.flowmap", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_map_get_n_nodes (fm_document_get_map (document, 0)), ==, FM_MAX_NODES);
}

static void
test_limit_depth (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) ok = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[],\"x\":");
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Deep enough to overflow json-glib's stack if it ever saw it. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, '[');
  assert_load_error (text->str, text->len, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                     "test.flowmap:1:65: nested more than 64 levels deep");

  /* 64 levels are fine: the top object and 63 arrays. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, ']');
  g_string_append_c (ok, '}');
  document = fm_json_load_data (ok->str, ok->len, "deep.flowmap", &error);
  g_assert_no_error (error);
}

static void
test_limit_text (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[],\"title\":\"");
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Characters, not bytes: 10,000 of "é" are 20,000 bytes. */
  for (guint i = 0; i < FM_MAX_TEXT_CHARS; i++)
    g_string_append (text, "é");
  g_string_append (text, "\"}");
  document = fm_json_load_data (text->str, text->len, "text.flowmap", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (fm_document_get_title (document), -1), ==, FM_MAX_TEXT_CHARS);

  g_string_insert (text, text->len - 2, "é");
  assert_load_error (text->str, text->len, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                     "test.flowmap: title: longer than 10000 characters");
}

static void
test_limit_values (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[],\"x\":[");

  for (guint i = 0; i < FM_JSON_MAX_VALUES; i++)
    g_string_append (text, i ? ",0" : "0");
  g_string_append (text, "]}");
  assert_load_error (text->str, text->len, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                     "more than 2000000 values in one file");
}

/* Numbers up to the documented limits load; past them they are refused
 * by name, before a sum overflows or a drawing goes astray. */
static void
test_limit_numbers (void)
{
  static const struct {
    const char *member;
    const char *at_limit;
    const char *past_limit;
    const char *message;
  } cases[] = {
    { "\"process_s\"", "10000000000", "10000000001", "process_s: got 10000000001, more than the limit of 10000000000" },
    { "\"wait_s\"", "1e10", "1e300", "wait_s: got 1e+300, more than the limit of 10000000000" },
    { "\"wip\"", "9007199254740991", "9007199254740992", "wip: got 9007199254740992, more than the limit of 9007199254740991" },
    { "\"x\"", "-10000000", "-10000000.5", "x: got -10000000.5, past the limit of -10000000 to 10000000" },
    { "\"width\"", "10000", "1e4000", "the number 1e4000 is out of range" },
    { "\"height\"", "10000", "10001", "height: got 10001, more than the limit of 10000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new ("{\"format\":\"flowmap\",\"version\":1,\"maps\":[{\"id\":\"m\",\"nodes\":["
                                              "{\"id\":\"q\",\"kind\":\"queue\",\"x\":0,\"y\":0},"
                                              "{\"id\":\"p\",\"kind\":\"process\",\"x\":0,\"y\":0,\"XX\":1}]}]}");
      g_autoptr(GString) past = NULL;
      g_autoptr(FmDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *member = g_strdup_printf ("%s:%s", cases[i].member, cases[i].at_limit);

      /* wait_s belongs to the queue; the rest to the process step. */
      if (g_str_equal (cases[i].member, "\"wait_s\""))
        g_string_replace (text, "\"kind\":\"queue\",", "\"kind\":\"queue\",\"XX\":1,", 1),
        g_string_replace (text, ",\"XX\":1}]", "}]", 1);
      /* x is required: replace the process step's own. */
      if (g_str_equal (cases[i].member, "\"x\""))
        g_string_replace (text, "\"process\",\"x\":0,", "\"process\",", 1);
      past = g_string_new (text->str);

      g_string_replace (text, "\"XX\":1", member, 1);
      document = fm_json_load_data (text->str, text->len, "limit.flowmap", &error);
      g_assert_no_error (error);
      g_clear_object (&document);

      g_free (member);
      member = g_strdup_printf ("%s:%s", cases[i].member, cases[i].past_limit);
      g_string_replace (past, "\"XX\":1", member, 1);
      document = fm_json_load_data (past->str, past->len, "limit.flowmap", &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("\"%s\" does not contain \"%s\"", error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) bad_files = NULL;

  g_test_init (&argc, &argv, NULL);
  bad_files = list_bad_files ();

  g_test_add_func ("/fm/json/error-codes", test_error_codes);
  g_test_add_func ("/fm/json/bad/corpus", test_bad_corpus);
  for (guint i = 0; i < bad_files->len; i++)
    {
      const char *name = bad_files->pdata[i];
      g_autofree char *test_path = NULL;

      test_path = g_strdup_printf ("/fm/json/bad/%.*s", (int) (strlen (name) - strlen (".flowmap")), name);
      g_test_add_data_func (test_path, name, test_bad_file);
    }
  g_test_add_func ("/fm/json/limit/file-size", test_limit_file_size);
  g_test_add_func ("/fm/json/limit/huge-label", test_limit_huge_label);
  g_test_add_func ("/fm/json/limit/million-nodes", test_limit_million_nodes);
  g_test_add_func ("/fm/json/limit/max-nodes", test_limit_max_nodes);
  g_test_add_func ("/fm/json/limit/depth", test_limit_depth);
  g_test_add_func ("/fm/json/limit/text", test_limit_text);
  g_test_add_func ("/fm/json/limit/values", test_limit_values);
  g_test_add_func ("/fm/json/limit/numbers", test_limit_numbers);

  return g_test_run ();
}
