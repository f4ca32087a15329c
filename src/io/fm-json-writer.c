/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-writer.c: canonical JSON text, byte for byte the same for the same values */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <math.h>
#include <string.h>

#include "fm-json-writer.h"

/* JsonGenerator cannot give a canonical text: it writes 3600.0 for an
 * integral double and 0.10000000000000001 for 0.1 (it prints "%.17g").
 * So the text is written here, with json-glib kept for parsing. The layout
 * is the one of JavaScript's JSON.stringify (value, null, 2). */

/**
 * fm_json_format_number:
 * @buffer: (out caller-allocates): at least %FM_JSON_NUMBER_BUF_SIZE bytes
 *
 * Writes @value the shortest way that reads back as the same double:
 * integers without a fraction (3600, not 3600.0), others with the fewest
 * digits that round-trip (0.1, not 0.10000000000000001), whatever the locale.
 */
void
fm_json_format_number (double  value,
                       char   *buffer)
{
  /* 2^53: up to there every integer is exact, and json-glib reads it back
   * as a gint64 of the same value. */
  const double exact_limit = 9007199254740992.0;

  if (!isfinite (value))
    {
      /* The model never holds one; null at least keeps the file JSON. */
      g_strlcpy (buffer, "null", FM_JSON_NUMBER_BUF_SIZE);
      return;
    }

  if (value == floor (value) && fabs (value) < exact_limit)
    {
      g_snprintf (buffer, FM_JSON_NUMBER_BUF_SIZE, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, FM_JSON_NUMBER_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
}

/**
 * fm_json_append_quoted:
 * @max_chars: cut the text after this many characters and add "…" after
 *   the closing quote, or -1
 *
 * Appends @str as a JSON string: quotes, backslashes and control characters
 * escaped, everything else, non-ASCII included, kept as UTF-8.
 */
void
fm_json_append_quoted (GString    *out,
                       const char *str,
                       gssize      max_chars)
{
  const char *end = NULL;

  if (max_chars >= 0 && g_utf8_strlen (str, -1) > max_chars)
    end = g_utf8_offset_to_pointer (str, max_chars);

  g_string_append_c (out, '"');
  for (const char *p = str; *p && p != end; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');

  if (end != NULL)
    g_string_append (out, "…");
}

/**
 * fm_json_writer_init:
 * @out: receives the text
 * @pretty: one member or element a line, indented by two spaces; or all on
 *   one line without spaces
 */
void
fm_json_writer_init (FmJsonWriter *self,
                     GString      *out,
                     gboolean      pretty)
{
  self->out = out;
  self->pretty = pretty;
  self->after_key = FALSE;
  self->empty = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

/* Frees what the writer holds, not the text it wrote. */
void
fm_json_writer_clear (FmJsonWriter *self)
{
  g_clear_pointer (&self->empty, g_array_unref);
}

static void
newline (FmJsonWriter *self)
{
  if (!self->pretty)
    return;

  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->empty->len; i++)
    g_string_append (self->out, "  ");
}

/* The separator and line break before a member or an element. */
static void
before_value (FmJsonWriter *self)
{
  gboolean *empty;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->empty->len == 0)
    return;

  empty = &g_array_index (self->empty, gboolean, self->empty->len - 1);
  if (!*empty)
    g_string_append_c (self->out, ',');
  *empty = FALSE;
  newline (self);
}

static void
writer_open (FmJsonWriter *self,
             char          bracket)
{
  gboolean empty = TRUE;

  before_value (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->empty, empty);
}

static void
writer_close (FmJsonWriter *self,
              char          bracket)
{
  gboolean empty;

  g_return_if_fail (self->empty->len > 0);
  g_return_if_fail (!self->after_key);

  empty = g_array_index (self->empty, gboolean, self->empty->len - 1);
  g_array_set_size (self->empty, self->empty->len - 1);
  if (!empty)
    newline (self);
  g_string_append_c (self->out, bracket);
}

/* Opens an object: a value of its own, after a key or in an array. */
void
fm_json_writer_begin_object (FmJsonWriter *self)
{
  writer_open (self, '{');
}

void
fm_json_writer_end_object (FmJsonWriter *self)
{
  writer_close (self, '}');
}

void
fm_json_writer_begin_array (FmJsonWriter *self)
{
  writer_open (self, '[');
}

void
fm_json_writer_end_array (FmJsonWriter *self)
{
  writer_close (self, ']');
}

/**
 * fm_json_writer_key:
 * @key: the name of the next member of the object being written
 *
 * Writes the name; the next call writes the value.
 */
void
fm_json_writer_key (FmJsonWriter *self,
                    const char   *key)
{
  g_return_if_fail (key != NULL);
  g_return_if_fail (!self->after_key);
  g_return_if_fail (self->empty->len > 0);

  before_value (self);
  fm_json_append_quoted (self->out, key, -1);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_key = TRUE;
}

void
fm_json_writer_string (FmJsonWriter *self,
                       const char   *value)
{
  before_value (self);
  fm_json_append_quoted (self->out, value, -1);
}

/* A double, the way fm_json_format_number() writes it. */
void
fm_json_writer_number (FmJsonWriter *self,
                       double        value)
{
  char buffer[FM_JSON_NUMBER_BUF_SIZE];

  before_value (self);
  fm_json_format_number (value, buffer);
  g_string_append (self->out, buffer);
}

void
fm_json_writer_int (FmJsonWriter *self,
                    gint64        value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
fm_json_writer_boolean (FmJsonWriter *self,
                        gboolean      value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
fm_json_writer_null (FmJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}

/**
 * fm_json_writer_member_number:
 * @key: the member's name
 * @value: its value, or NAN for a figure that is undefined
 *
 * Writes the member @key with @value, or with null when @value is not a
 * finite number: the CLI's --json output says "undefined" that way.
 */
void
fm_json_writer_member_number (FmJsonWriter *self,
                              const char   *key,
                              double        value)
{
  fm_json_writer_key (self, key);
  if (isfinite (value))
    fm_json_writer_number (self, value);
  else
    fm_json_writer_null (self);
}

/* Writes a value of json-glib's tree, for the unknown fields kept from a file. */
void
fm_json_writer_node (FmJsonWriter *self,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        fm_json_writer_begin_object (self);
        for (GList *l = members; l != NULL; l = l->next)
          {
            fm_json_writer_key (self, l->data);
            fm_json_writer_node (self, json_object_get_member (object, l->data));
          }
        fm_json_writer_end_object (self);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        fm_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          fm_json_writer_node (self, json_array_get_element (array, i));
        fm_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      fm_json_writer_null (self);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          fm_json_writer_int (self, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          fm_json_writer_number (self, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          fm_json_writer_boolean (self, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
          fm_json_writer_string (self, json_node_get_string (node));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }
}
