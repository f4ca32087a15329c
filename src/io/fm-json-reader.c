/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-reader.c: typed members of checked values, with errors that name their place */
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
 * fm_json_value_member:
 *
 * Returns: (nullable): the member @key of @object
 */
const FmJsonValue *
fm_json_value_member (const FmJsonValue *object,
                      const char        *key)
{
  const FmJsonValue *member = fm_json_value_first (object);

  g_assert (object->type == FM_JSON_VALUE_OBJECT);

  for (guint i = 0; i < object->n; i++, member = fm_json_value_next (member))
    if (member->key[0] == key[0] && strcmp (member->key, key) == 0)
      return member;

  return NULL;
}

/* fm_json_value_member(), first looking where the last lookup in @object
 * left off. */
static const FmJsonValue *
reader_member (FmJsonReader      *r,
               const FmJsonValue *object,
               const char        *key)
{
  const FmJsonValue *member;
  guint i;

  g_assert (object->type == FM_JSON_VALUE_OBJECT);

  if (r->object == object)
    {
      member = r->next;
      i = r->next_index;
    }
  else
    {
      member = fm_json_value_first (object);
      i = 0;
      r->object = object;
      r->next = member;
      r->next_index = 0;
      r->found = 0;
    }

  for (guint seen = 0; seen < object->n; seen++)
    {
      if (i == object->n)
        {
          member = fm_json_value_first (object);
          i = 0;
        }
      if (member->key[0] == key[0] && strcmp (member->key, key) == 0)
        {
          r->next = fm_json_value_next (member);
          r->next_index = i + 1;
          if (i < 64)
            r->found |= G_GUINT64_CONSTANT (1) << i;
          return member;
        }
      member = fm_json_value_next (member);
      i++;
    }

  return NULL;
}

/**
 * fm_json_describe:
 *
 * Returns: (transfer full): what @value is, for "got …" in a message: a
 *   number or a quoted string (cut after 40 characters), "an object"…
 */
char *
fm_json_describe (const FmJsonValue *value)
{
  char buffer[FM_JSON_NUMBER_BUF_SIZE];
  GString *text;

  switch ((FmJsonValueType) value->type)
    {
    case FM_JSON_VALUE_OBJECT:
      return g_strdup (_("an object"));
    case FM_JSON_VALUE_ARRAY:
      return g_strdup (_("an array"));
    case FM_JSON_VALUE_NULL:
      return g_strdup ("null");
    case FM_JSON_VALUE_BOOLEAN:
      return g_strdup (value->u.boolean ? "true" : "false");
    case FM_JSON_VALUE_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->u.integer);
    case FM_JSON_VALUE_DOUBLE:
      fm_json_format_number (value->u.number, buffer);
      return g_strdup (buffer);
    case FM_JSON_VALUE_STRING:
      text = g_string_new (NULL);
      fm_json_append_quoted (text, value->u.string, 40);
      return g_string_free (text, FALSE);
    default:
      return g_strdup ("?");
    }
}

gboolean
fm_json_reader_fail_type (FmJsonReader      *r,
                          const char        *key,
                          const FmJsonValue *value,
                          const char        *expected)
{
  g_autofree char *got = fm_json_describe (value);

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
fm_json_reader_fail_choice (FmJsonReader      *r,
                            const FmJsonValue *object,
                            const char        *key,
                            const char        *choices)
{
  g_autofree char *expected = g_strdup_printf (_("one of %s"), choices);

  return fm_json_reader_fail_type (r, key, fm_json_value_member (object, key), expected);
}

/**
 * fm_json_reader_string:
 * @out: (out) (transfer none): the string, or %NULL when the member is absent
 *
 * Returns: %FALSE if the member is not a string, is longer than
 *   %FM_MAX_TEXT_CHARS, or is @required and absent
 */
gboolean
fm_json_reader_string (FmJsonReader       *r,
                       const FmJsonValue  *object,
                       const char         *key,
                       gboolean            required,
                       const char        **out)
{
  const FmJsonValue *value = reader_member (r, object, key);
  const char *text;

  *out = NULL;
  if (value == NULL)
    return required ? fail_missing (r, key) : TRUE;
  if (value->type != FM_JSON_VALUE_STRING)
    return fm_json_reader_fail_type (r, key, value, _("a string"));

  text = value->u.string;
  /* Bytes bound characters from above: count only when it may matter. */
  if (strlen (text) > FM_MAX_TEXT_CHARS &&
      g_utf8_strlen (text, -1) > FM_MAX_TEXT_CHARS)
    return fm_json_reader_fail (r, key, FM_JSON_ERROR_LIMIT,
                                _("longer than %d characters"), FM_MAX_TEXT_CHARS);

  *out = text;
  return TRUE;
}

/* A required, non-empty string. */
gboolean
fm_json_reader_id (FmJsonReader       *r,
                   const FmJsonValue  *object,
                   const char         *key,
                   const char        **out)
{
  if (!fm_json_reader_string (r, object, key, TRUE, out))
    return FALSE;
  if (**out == '\0')
    return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("expected an id, got an empty string"));

  return TRUE;
}

/* The bounds of each FmJsonRange. @expected describes the lower bound, and
 * the upper one too when @closed; otherwise the upper one is a documented
 * FM_MAX_* limit, past which a value is refused as past the limit. */
static const struct {
  double min;
  double max;
  gboolean max_excluded;
  gboolean closed;
  const char *expected;
} ranges[] = {
  [FM_JSON_RANGE_SECONDS] = { 0, FM_MAX_SECONDS, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_DAY] = { 1, FM_MAX_SECONDS, FALSE, FALSE, N_("a number >= 1") },
  [FM_JSON_RANGE_COUNT] = { 0, FM_MAX_COUNT, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_COORDINATE] = { -FM_MAX_COORDINATE, FM_MAX_COORDINATE, FALSE, FALSE, N_("a number") },
  [FM_JSON_RANGE_SIZE] = { 0, FM_MAX_NODE_SIZE, FALSE, FALSE, N_("a number >= 0") },
  [FM_JSON_RANGE_PERCENT] = { 0, 100, FALSE, TRUE, N_("a number from 0 to 100") },
  [FM_JSON_RANGE_RATE] = { 0, 1, TRUE, TRUE, N_("a number >= 0 and < 1") },
  [FM_JSON_RANGE_SHARE] = { 0, 1, FALSE, TRUE, N_("a number from 0 to 1") },
};

/**
 * fm_json_reader_number:
 * @out: (inout): the number; left as it is when the member is absent
 *
 * Returns: %FALSE if the member is not a finite number in @range, or is
 *   @required and absent
 */
gboolean
fm_json_reader_number (FmJsonReader      *r,
                       const FmJsonValue *object,
                       const char        *key,
                       gboolean           required,
                       FmJsonRange        range,
                       double            *out)
{
  const FmJsonValue *node = reader_member (r, object, key);
  char limit[FM_JSON_NUMBER_BUF_SIZE];
  g_autofree char *got = NULL;
  gboolean below, above;
  double value;

  g_assert (range < G_N_ELEMENTS (ranges));

  if (node == NULL)
    return required ? fail_missing (r, key) : TRUE;

  /* The check of the text already refuses NaN and Infinity; a tree built
   * some other way must not sneak them in. */
  if (!fm_json_value_is_number (node) ||
      !isfinite (value = fm_json_value_get_double (node)))
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
fm_json_reader_array (FmJsonReader       *r,
                      const FmJsonValue  *object,
                      const char         *key,
                      gboolean            required,
                      const FmJsonValue **out)
{
  const FmJsonValue *value = reader_member (r, object, key);

  *out = NULL;
  if (value == NULL)
    return required ? fail_missing (r, key) : TRUE;
  if (value->type != FM_JSON_VALUE_ARRAY)
    return fm_json_reader_fail_type (r, key, value, _("an array"));

  *out = value;
  return TRUE;
}

/* Checks that the element the reader is in is an object. */
gboolean
fm_json_reader_object (FmJsonReader      *r,
                       const FmJsonValue *value)
{
  if (value->type != FM_JSON_VALUE_OBJECT)
    return fm_json_reader_fail_type (r, NULL, value, _("an object"));

  return TRUE;
}

/* As fm_json_writer_node() writes the tree json-glib would have built. */
static void
write_value (FmJsonWriter      *writer,
             const FmJsonValue *value)
{
  const FmJsonValue *child = fm_json_value_first (value);

  switch ((FmJsonValueType) value->type)
    {
    case FM_JSON_VALUE_OBJECT:
      fm_json_writer_begin_object (writer);
      for (guint i = 0; i < value->n; i++, child = fm_json_value_next (child))
        {
          fm_json_writer_key (writer, child->key);
          write_value (writer, child);
        }
      fm_json_writer_end_object (writer);
      break;
    case FM_JSON_VALUE_ARRAY:
      fm_json_writer_begin_array (writer);
      for (guint i = 0; i < value->n; i++, child = fm_json_value_next (child))
        write_value (writer, child);
      fm_json_writer_end_array (writer);
      break;
    case FM_JSON_VALUE_NULL:
      fm_json_writer_null (writer);
      break;
    case FM_JSON_VALUE_BOOLEAN:
      fm_json_writer_boolean (writer, value->u.boolean);
      break;
    case FM_JSON_VALUE_INT:
      fm_json_writer_int (writer, value->u.integer);
      break;
    case FM_JSON_VALUE_DOUBLE:
      fm_json_writer_number (writer, value->u.number);
      break;
    case FM_JSON_VALUE_STRING:
      fm_json_writer_string (writer, value->u.string);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * fm_json_collect_extra:
 * @more_known: (nullable): a second list of known keys
 *
 * Every key @r was asked for in @object must be in @known or @more_known.
 *
 * Returns: (transfer full) (nullable): the members of @object no key list
 *   knows, as the text of a JSON object in their order, or %NULL if none
 */
char *
fm_json_collect_extra (FmJsonReader       *r,
                       const FmJsonValue  *object,
                       const char * const *known,
                       const char * const *more_known)
{
  const FmJsonValue *member = fm_json_value_first (object);
  FmJsonWriter writer;
  GString *text = NULL;

  /* Every member was read, so every one is known: the common case, without
   * comparing each name with the lists. */
  if (r->object == object && object->n <= 64 &&
      r->found == (object->n == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << object->n) - 1))
    return NULL;

  for (guint i = 0; i < object->n; i++, member = fm_json_value_next (member))
    {
      if (fm_json_key_is_known (known, member->key) ||
          (more_known != NULL && fm_json_key_is_known (more_known, member->key)))
        continue;

      if (text == NULL)
        {
          text = g_string_new (NULL);
          fm_json_writer_init (&writer, text, FALSE);
          fm_json_writer_begin_object (&writer);
        }
      fm_json_writer_key (&writer, member->key);
      write_value (&writer, member);
    }

  if (text == NULL)
    return NULL;

  fm_json_writer_end_object (&writer);
  fm_json_writer_clear (&writer);
  return g_string_free (text, FALSE);
}

/**
 * fm_json_value_to_node:
 *
 * Returns: (transfer full): @value as the JsonNode tree json-glib's parser
 *   would have built from its text
 */
JsonNode *
fm_json_value_to_node (const FmJsonValue *value)
{
  JsonNode *node;

  switch ((FmJsonValueType) value->type)
    {
    case FM_JSON_VALUE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        const FmJsonValue *member = fm_json_value_first (value);

        for (guint i = 0; i < value->n; i++, member = fm_json_value_next (member))
          json_object_set_member (object, member->key, fm_json_value_to_node (member));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }

    case FM_JSON_VALUE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->n);
        const FmJsonValue *element = fm_json_value_first (value);

        for (guint i = 0; i < value->n; i++, element = fm_json_value_next (element))
          json_array_add_element (array, fm_json_value_to_node (element));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }

    case FM_JSON_VALUE_STRING:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value->u.string);
      return node;

    case FM_JSON_VALUE_BOOLEAN:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, value->u.boolean);
      return node;

    case FM_JSON_VALUE_INT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, value->u.integer);
      return node;

    case FM_JSON_VALUE_DOUBLE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, value->u.number);
      return node;

    case FM_JSON_VALUE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

/**
 * fm_json_build_tree:
 * @data: a text that passed fm_json_check_text(), without a byte order mark
 *
 * Returns: (transfer full): its tree, as json-glib's parser would build it
 */
JsonNode *
fm_json_build_tree (const char *data,
                    gsize       length)
{
  g_autoptr(FmJsonDoc) doc = fm_json_doc_parse (data, length, "", NULL);

  g_return_val_if_fail (doc != NULL, NULL);

  return fm_json_value_to_node (doc->values);
}
