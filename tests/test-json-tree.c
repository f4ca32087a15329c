/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-tree.c: the loader's own reading of JSON against json-glib's parser
 *
 * fm_json_doc_parse() checks the text and reads it into one array of
 * values, which the loader reads instead of a JsonNode tree (the tree was
 * more than half of a load). For every text that passes the check, the
 * values, turned into a tree by fm_json_build_tree(), must be json-glib's
 * tree: the same kinds of node, integers as gint64 and other numbers as
 * double with the same bits, the same decoded strings and the members in
 * the same order.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "fm-json-private.h"

static gboolean
same_tree (JsonNode *a,
           JsonNode *b,
           GString  *where)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          return json_node_get_int (a) == json_node_get_int (b);
        case G_TYPE_DOUBLE:
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            /* Bit for bit: -0.0 and 0.0 differ. */
            return memcmp (&x, &y, sizeof x) == 0;
          }
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        case G_TYPE_STRING:
          return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        default:
          return FALSE;
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          {
            g_string_append_printf (where, "[%u]", i);
            if (!same_tree (json_array_get_element (x, i), json_array_get_element (y, i), where))
              return FALSE;
            g_string_truncate (where, strrchr (where->str, '[') - where->str);
          }
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) xs = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) ys = json_object_get_members (json_node_get_object (b));
        GList *l, *m;

        for (l = xs, m = ys; l != NULL && m != NULL; l = l->next, m = m->next)
          {
            gsize length = where->len;

            if (!g_str_equal (l->data, m->data))
              return FALSE;
            g_string_append_printf (where, ".%s", (const char *) l->data);
            if (!same_tree (json_object_get_member (json_node_get_object (a), l->data),
                            json_object_get_member (json_node_get_object (b), m->data), where))
              return FALSE;
            g_string_truncate (where, length);
          }
        return l == NULL && m == NULL;
      }

    default:
      return FALSE;
    }
}

/* Returns FALSE if the check refuses @text (nothing to compare then). */
static gboolean
assert_same_as_json_glib (const char *text,
                          gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) where = g_string_new ("$");

  if (!fm_json_check_text (text, length, "test", NULL))
    return FALSE;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  ours = fm_json_build_tree (text, length);
  g_assert_nonnull (ours);
  if (!same_tree (json_parser_get_root (parser), ours, where))
    g_error ("the trees differ at or below %s in: %.200s", where->str, text);

  return TRUE;
}

static void
test_tricky_texts (void)
{
  static const char * const texts[] = {
    "{}", "[]", "0", "-0", "-0.0", "0.0", "1", "-1", "1.5", "-1.5e-3", "1E5", "1e+5",
    "2.5E-300", "123456789012345678", "-9223372036854775808", "9223372036854775807",
    "1.7976931348623157e308", "4.9e-324", "0.1", "1e-400", "100000000000000000000.0",
    "true", "false", "null", "\"\"",
    "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u20AC\\uD83D\\uDE00 é € 😀\"",
    "\"\\u0001\\u001f\\u007F\"",
    " \t\r\n{ \"a\" : [ 1 , 2.0 , \"x\" , null , true , false , { } , [ ] ] } \n",
    "{\"z\":1,\"a\":2,\"m\":{\"y\":[{\"k\":\"v\"}],\"b\":-0}}",
    "{\"key with space\":1,\"\\u006bey\":2,\"\":3}",
    "[[[[[[[[[[1]]]]]]]]]]",
    /* Member names of 63, 64 and 70 bytes: the builder keeps short ones
     * on the stack. */
    "{\"k23456789012345678901234567890123456789012345678901234567890123\":1,"
    "\"k234567890123456789012345678901234567890123456789012345678901234\":{\"a\":2},"
    "\"k234567890123456789012345678901234567890123456789012345678901234567890\":[3]}",
    "{\"format\":\"flowmap\",\"version\":1,\"maps\":[{\"id\":\"m\",\"nodes\":[{\"id\":\"a\","
    "\"kind\":\"queue\",\"x\":1.25,\"y\":-3,\"wait_s\":3600,\"extra\":{\"deep\":[1,\"2\"]}}]}]}",
    /* Integers of up to 18 characters are read digit by digit, longer
     * ones by strtoll: both sides of that line. */
    "999999999999999999", "-99999999999999999", "1000000000000000000",
    "-999999999999999999", "[-0,0e0,-0e-0,0.000000000000000000001]",
    /* Plain runs between escapes, and strings past 64 bytes. */
    "[\"a\\nb\\\\c\\u0041d\",\"\\\"\",\"x\\t\",\"\\/\",\"0123456789012345678901234567890123456789"
    "0123456789012345678901234567890123456789\\u00e9\\uD83D\\uDE00end\"]",
    /* More than 16 members: the duplicate check's hash table. */
    "{\"m01\":1,\"m02\":2,\"m03\":3,\"m04\":4,\"m05\":5,\"m06\":6,\"m07\":7,\"m08\":8,"
    "\"m09\":9,\"m10\":10,\"m11\":11,\"m12\":12,\"m13\":13,\"m14\":14,\"m15\":15,"
    "\"m16\":16,\"m17\":{\"m01\":[]},\"m18\":18,\"\":19}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (assert_same_as_json_glib (texts[i], strlen (texts[i])));

  /* Not NUL-terminated: a number at the very end of the buffer. */
  {
    char buffer[3] = { '4', '2', '7' };

    g_assert_true (assert_same_as_json_glib (buffer, 2));
  }

  /* Ten thousand values, two bytes each: the array of values, first
   * sized by the text's length, has to grow. */
  {
    g_autoptr(GString) text = g_string_new ("[");

    for (guint i = 0; i < 10000; i++)
      g_string_append (text, i % 2 ? "1," : "[],");
    g_string_append (text, "{\"last\":true}]");
    g_assert_true (assert_same_as_json_glib (text->str, text->len));
  }
}

/* The layout of the values: a container's members follow it, and each
 * one's size leads to the next. */
static void
test_values (void)
{
  static const char text[] =
    "{\"a\": [1, [2, 3], {\"b\": null}], \"c\": \"x\\u00e9\", \"d\": -2.5, \"e\": true}";
  g_autoptr(FmJsonDoc) doc = fm_json_doc_parse (text, strlen (text), "test", NULL);
  const FmJsonValue *root, *a, *element, *c;

  g_assert_nonnull (doc);
  root = doc->values;
  g_assert_cmpuint (root->type, ==, FM_JSON_VALUE_OBJECT);
  g_assert_cmpuint (root->n, ==, 4);
  /* The root, a, 1, [2, 3], 2, 3, {b}, null, c, d, e. */
  g_assert_cmpuint (root->size, ==, 11);
  g_assert_null (root->key);

  a = fm_json_value_first (root);
  g_assert_cmpstr (a->key, ==, "a");
  g_assert_cmpuint (a->type, ==, FM_JSON_VALUE_ARRAY);
  g_assert_cmpuint (a->n, ==, 3);
  g_assert_cmpuint (a->size, ==, 7);

  element = fm_json_value_first (a);
  g_assert_null (element->key);
  g_assert_cmpuint (element->type, ==, FM_JSON_VALUE_INT);
  g_assert_cmpint (element->u.integer, ==, 1);
  element = fm_json_value_next (element);
  g_assert_cmpuint (element->type, ==, FM_JSON_VALUE_ARRAY);
  g_assert_cmpuint (element->n, ==, 2);
  g_assert_cmpuint (element->size, ==, 3);
  element = fm_json_value_next (element);
  g_assert_cmpuint (element->type, ==, FM_JSON_VALUE_OBJECT);
  g_assert_cmpuint (fm_json_value_first (element)->type, ==, FM_JSON_VALUE_NULL);
  g_assert_cmpstr (fm_json_value_first (element)->key, ==, "b");

  c = fm_json_value_next (a);
  g_assert_true (c == fm_json_value_member (root, "c"));
  g_assert_cmpuint (c->type, ==, FM_JSON_VALUE_STRING);
  g_assert_cmpstr (c->u.string, ==, "x\u00e9");
  g_assert_cmpfloat (fm_json_value_get_double (fm_json_value_member (root, "d")), ==, -2.5);
  g_assert_true (fm_json_value_member (root, "e")->u.boolean);
  g_assert_true (fm_json_value_next (fm_json_value_member (root, "e")) == root + root->size);
  g_assert_null (fm_json_value_member (root, "b"));
  g_assert_null (fm_json_value_member (root, ""));
}

static void
assert_check_error (const char *text,
                    gsize       length,
                    const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fm_json_check_text (text, length, "t", &error));
  g_assert_error (error, FM_JSON_ERROR, error->code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A literal with its length, NULs and all. */
#define CHECK_ERROR(text, message) assert_check_error ((text), sizeof (text) - 1, (message))

/* Errors found by the pass that also reads the values, each as the build
 * before it gave them. */
static void
test_check_errors (void)
{
  /* The ASCII start of a text is checked eight bytes at a time: a NUL or a
   * bad byte in the first word, in a later one, after other UTF-8. */
  CHECK_ERROR ("[\"a\0\"]", "t:1:4: not valid JSON: a NUL byte");
  CHECK_ERROR ("[\"abcdefghijklm\0\"]", "t:1:16: not valid JSON: a NUL byte");
  CHECK_ERROR ("[\"abcdefghijklm\xff\"]", "t:1:16: not valid UTF-8");
  CHECK_ERROR ("[\"\xc3\xa9\xe9\"]", "t:1:4: not valid UTF-8");
  /* A name twice, in a short object and past the 16 of the list. */
  CHECK_ERROR ("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}", "t:1:19: b: the key \"c\" is there twice");
  CHECK_ERROR ("{\"m01\":1,\"m02\":2,\"m03\":3,\"m04\":4,\"m05\":5,\"m06\":6,\"m07\":7,"
               "\"m08\":8,\"m09\":9,\"m10\":10,\"m11\":11,\"m12\":12,\"m13\":13,\"m14\":14,"
               "\"m15\":15,\"m16\":16,\"m17\":17,\"m18\":18,\"m03\":0}",
               "t:1:155: the key \"m03\" is there twice");
  /* Escapes decode to the same name. */
  CHECK_ERROR ("{\"ab\":1,\"a\\u0062\":2}", "t:1:9: the key \"ab\" is there twice");
  /* A string past the limit, its bytes plain: the error names its start. */
  {
    gsize length = FM_JSON_MAX_STRING_BYTES + 10;
    g_autofree char *text = g_malloc (length);
    g_autofree char *expected = g_strdup_printf ("t:1:2: [0]: a string longer than %d bytes",
                                                 FM_JSON_MAX_STRING_BYTES);

    memset (text, 'x', length);
    text[0] = '[';
    text[1] = '"';
    assert_check_error (text, length, expected);
  }
  /* Deeper than the limit. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *expected = g_strdup_printf ("t:1:%d: nested more than %d levels deep",
                                                 FM_JSON_MAX_DEPTH + 1, FM_JSON_MAX_DEPTH);

    for (guint i = 0; i <= FM_JSON_MAX_DEPTH; i++)
      g_string_append_c (text, '[');
    assert_check_error (text->str, text->len, expected);
  }
}

static guint
compare_files_in (const char *dir_name)
{
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_name, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".flowmap"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      if (assert_same_as_json_glib (text, length))
        n++;
    }

  return n;
}

static void
test_files (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  const char *examples = g_getenv ("FLOWMAP_EXAMPLES");
  guint n;

  /* Many of the bad files are good JSON that the loader refuses later. */
  n = compare_files_in (bad);
  g_assert_cmpuint (n, >, 50);
  if (examples != NULL)
    g_assert_cmpuint (compare_files_in (examples), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-tree/tricky-texts", test_tricky_texts);
  g_test_add_func ("/json-tree/files", test_files);
  g_test_add_func ("/json-tree/values", test_values);
  g_test_add_func ("/json-tree/check-errors", test_check_errors);

  return g_test_run ();
}
