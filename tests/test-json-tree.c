/* test-json-tree.c: the loader's own tree builder against json-glib's parser
 *
 * fm_json_build_tree() replaced JsonParser on the load path (it was more
 * than half of a load). For every text that passes fm_json_check_text(),
 * the two must give the same tree: the same kinds of node, integers as
 * gint64 and other numbers as double with the same bits, the same decoded
 * strings and the members in the same order.
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (assert_same_as_json_glib (texts[i], strlen (texts[i])));

  /* Not NUL-terminated: a number at the very end of the buffer. */
  {
    char buffer[3] = { '4', '2', '7' };

    g_assert_true (assert_same_as_json_glib (buffer, 2));
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

  return g_test_run ();
}
