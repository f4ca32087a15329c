/* fm-json-reader.c: typed members of a JSON tree, with errors that name their place */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-json-private.h"

/**
 * fm_json_reader_fail:
 * @key: (nullable): the member at fault, after the reader's path
 *
 * Sets the reader's error to "NAME: PATH.KEY: MESSAGE".
 *
 * Returns: %FALSE, to return it
 */
gboolean
fm_json_reader_fail (FmJsonReader *r,
                     const char   *key,
                     FmJsonError   code,
                     const char   *format,
                     ...)
{
  g_autoptr(GString) where = g_string_new (r->path->str);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    {
      if (where->len > 0)
        g_string_append_c (where, '.');
      g_string_append (where, key);
    }

  if (where->len > 0)
    g_set_error (r->error, FM_JSON_ERROR, code, "%s: %s: %s", r->name, where->str, message);
  else
    g_set_error (r->error, FM_JSON_ERROR, code, "%s: %s", r->name, message);

  return FALSE;
}

/* Enters element @index of the array @key; returns what to give to
 * fm_json_reader_pop() to leave it. */
gsize
fm_json_reader_push (FmJsonReader *r,
                     const char   *key,
                     guint         index)
{
  gsize old_length = r->path->len;
  char digits[16];
  int i = sizeof digits;

  /* Once per node and edge of a load: without printf. */
  digits[--i] = '\0';
  do
    {
      digits[--i] = '0' + index % 10;
      index /= 10;
    }
  while (index > 0);

  if (old_length > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);
  g_string_append_c (r->path, '[');
  g_string_append (r->path, digits + i);
  g_string_append_c (r->path, ']');

  return old_length;
}

void
fm_json_reader_pop (FmJsonReader *r,
                    gsize         old_length)
{
  g_string_truncate (r->path, old_length);
}

/**
 * fm_json_describe:
 *
 * Returns: (transfer full): what @node is, for "got …" in a message: a
 *   number or a quoted string (cut after 40 characters), "an object"…
 */
char *
fm_json_describe (JsonNode *node)
{
  char buffer[FM_JSON_NUMBER_BUF_SIZE];
  GString *text;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      fm_json_format_number (json_node_get_double (node), buffer);
      return g_strdup (buffer);
    case G_TYPE_STRING:
      text = g_string_new (NULL);
      fm_json_append_quoted (text, json_node_get_string (node), 40);
      return g_string_free (text, FALSE);
    default:
      return g_strdup ("?");
    }
}

gboolean
fm_json_is_type (JsonNode *node,
                 GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
fm_json_reader_fail_type (FmJsonReader *r,
                          const char   *key,
                          JsonNode     *node,
                          const char   *expected)
{
  g_autofree char *got = fm_json_describe (node);

  return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("expected %s, got %s"), expected, got);
}

static gboolean
fail_missing (FmJsonReader *r,
              const char   *key)
{
  return fm_json_reader_fail (r, NULL, FM_JSON_ERROR_INVALID, _("missing \"%s\""), key);
}

/* @choices: the values allowed, as "a, b, c" */
gboolean
fm_json_reader_fail_choice (FmJsonReader *r,
                            JsonObject   *object,
                            const char   *key,
                            const char   *choices)
{
  g_autofree char *expected = g_strdup_printf (_("one of %s"), choices);

  return fm_json_reader_fail_type (r, key, json_object_get_member (object, key), expected);
}

/**
 * fm_json_reader_string:
 * @out: (out) (transfer none): the string, or %NULL when the member is absent
 *
 * Returns: %FALSE if the member is not a string, is longer than
 *   %FM_JSON_MAX_TEXT_CHARS, or is @required and absent
 */
gboolean
fm_json_reader_string (FmJsonReader  *r,
                       JsonObject    *object,
                       const char    *key,
                       gboolean       required,
                       const char   **out)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (r, key) : TRUE;
  if (!fm_json_is_type (node, G_TYPE_STRING))
    return fm_json_reader_fail_type (r, key, node, _("a string"));

  text = json_node_get_string (node);
  /* Bytes bound characters from above: count only when it may matter. */
  if (strlen (text) > FM_JSON_MAX_TEXT_CHARS &&
      g_utf8_strlen (text, -1) > FM_JSON_MAX_TEXT_CHARS)
    return fm_json_reader_fail (r, key, FM_JSON_ERROR_LIMIT,
                                _("longer than %d characters"), FM_JSON_MAX_TEXT_CHARS);

  *out = text;
  return TRUE;
}

/* A required, non-empty string. */
gboolean
fm_json_reader_id (FmJsonReader  *r,
                   JsonObject    *object,
                   const char    *key,
                   const char   **out)
{
  if (!fm_json_reader_string (r, object, key, TRUE, out))
    return FALSE;
  if (**out == '\0')
    return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("expected an id, got an empty string"));

  return TRUE;
}

/* The bounds of each FmJsonRange. @expected describes the lower bound, and
 * the upper one too when @closed; otherwise the upper one is a documented
 * FM_JSON_MAX_* limit, past which a value is refused as past the limit. */
static const struct {
  double min;
  double max;
  gboolean max_excluded;
  gboolean closed;
  const char *expected;
} ranges[] = {
  [FM_JSON_RANGE_SECONDS] = { 0, FM_JSON_MAX_SECONDS, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_DAY] = { 1, FM_JSON_MAX_SECONDS, FALSE, FALSE, N_("a number >= 1") },
  [FM_JSON_RANGE_COUNT] = { 0, FM_JSON_MAX_COUNT, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_COORDINATE] = { -FM_JSON_MAX_COORDINATE, FM_JSON_MAX_COORDINATE, FALSE, FALSE, N_("a number") },
  [FM_JSON_RANGE_SIZE] = { 0, FM_JSON_MAX_NODE_SIZE, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_PERCENT] = { 0, 100, FALSE, TRUE, N_("a number from 0 to 100") },
  [FM_JSON_RANGE_RATE] = { 0, 1, TRUE, TRUE, N_("a number >= 0 and < 1") },
};

/**
 * fm_json_reader_number:
 * @out: (inout): the number; left as it is when the member is absent
 *
 * Returns: %FALSE if the member is not a finite number in @range, or is
 *   @required and absent
 */
gboolean
fm_json_reader_number (FmJsonReader *r,
                       JsonObject   *object,
                       const char   *key,
                       gboolean      required,
                       FmJsonRange   range,
                       double       *out)
{
  JsonNode *node = json_object_get_member (object, key);
  char limit[FM_JSON_NUMBER_BUF_SIZE];
  g_autofree char *got = NULL;
  gboolean below, above;
  double value;

  g_assert (range < G_N_ELEMENTS (ranges));

  if (node == NULL)
    return required ? fail_missing (r, key) : TRUE;

  /* The check of the text already refuses NaN and Infinity; a tree built
   * some other way must not sneak them in. */
  if (!(fm_json_is_type (node, G_TYPE_INT64) || fm_json_is_type (node, G_TYPE_DOUBLE)) ||
      !isfinite (value = json_node_get_double (node)))
    return fm_json_reader_fail_type (r, key, node, _(ranges[range].expected));

  below = value < ranges[range].min;
  above = ranges[range].max_excluded ? value >= ranges[range].max : value > ranges[range].max;
  if (!below && !above)
    {
      *out = value;
      return TRUE;
    }

  if (ranges[range].closed || (below && range != FM_JSON_RANGE_COORDINATE))
    return fm_json_reader_fail_type (r, key, node, _(ranges[range].expected));

  got = fm_json_describe (node);
  fm_json_format_number (ranges[range].max, limit);
  if (range == FM_JSON_RANGE_COORDINATE)
    return fm_json_reader_fail (r, key, FM_JSON_ERROR_LIMIT,
                                _("got %s, past the limit of -%s to %s"), got, limit, limit);

  return fm_json_reader_fail (r, key, FM_JSON_ERROR_LIMIT,
                              _("got %s, more than the limit of %s"), got, limit);
}

/* @out: (out) (transfer none): the array, or %NULL when the member is absent */
gboolean
fm_json_reader_array (FmJsonReader  *r,
                      JsonObject    *object,
                      const char    *key,
                      gboolean       required,
                      JsonArray    **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return required ? fail_missing (r, key) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fm_json_reader_fail_type (r, key, node, _("an array"));

  *out = json_node_get_array (node);
  return TRUE;
}

/* Checks that the element the reader is in is an object. */
gboolean
fm_json_reader_object (FmJsonReader *r,
                       JsonNode     *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fm_json_reader_fail_type (r, NULL, node, _("an object"));

  return TRUE;
}

/**
 * fm_json_collect_extra:
 * @more_known: (nullable): a second list of known keys
 *
 * Returns: (transfer full) (nullable): the members of @object no key list
 *   knows, as the text of a JSON object in their order, or %NULL if none
 */
char *
fm_json_collect_extra (JsonObject         *object,
                       const char * const *known,
                       const char * const *more_known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  FmJsonWriter writer;
  GString *text = NULL;

  /* In the members' order, as json_object_get_members() would give them,
   * without a list for every node of a load. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {

      if (fm_json_key_is_known (known, key) ||
          (more_known != NULL && fm_json_key_is_known (more_known, key)))
        continue;

      if (text == NULL)
        {
          text = g_string_new (NULL);
          fm_json_writer_init (&writer, text, FALSE);
          fm_json_writer_begin_object (&writer);
        }
      fm_json_writer_key (&writer, key);
      fm_json_writer_node (&writer, member);
    }

  if (text == NULL)
    return NULL;

  fm_json_writer_end_object (&writer);
  fm_json_writer_clear (&writer);
  return g_string_free (text, FALSE);
}
