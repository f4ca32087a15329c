/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-check.c: a strict scan of the text that reads it into an array of values */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-json-private.h"
#include "fm-json-scanner.h"

/* json-glib 1.6 is lenient where a file format must not be: it reads 0123
 * as octal, wraps integers past 64 bits to -1, turns 1e309 into infinity,
 * takes single quotes, comments and text after the root value, keeps the
 * last of two equal keys, cuts strings at \u0000, and recurses without
 * bound (100,000 open brackets crash it). So the text is first checked
 * against RFC 8259 and our limits, with a bounded depth and early exits for
 * hostile sizes. The same pass reads it into one array of FmJsonValue, with
 * json-glib's kinds of value (integers as gint64, other numbers as double)
 * and its strings decoded into one block: a JsonNode tree (a hash table and
 * a list per object, a copy of every name, a block per value) took more
 * than half of a load to build and free. */


static inline void
skip_space (Scanner *s)
{
  const guint64 spaces = G_GUINT64_CONSTANT (0x2020202020202020);
  const char *p = s->data + s->pos;
  const char *end = s->data + s->length;

  while (p < end)
    {
      guint64 word;

      /* A saved file's indentation: eight spaces at a time. */
      if (end - p >= 8 && (memcpy (&word, p, sizeof word), word == spaces))
        p += 8;
      else if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
      else
        break;
    }

  s->pos = p - s->data;
}

static inline gboolean
peek (Scanner *s,
      char     c)
{
  return s->pos < s->length && s->data[s->pos] == c;
}

static inline gboolean
peek_digit (Scanner *s)
{
  return s->pos < s->length && g_ascii_isdigit (s->data[s->pos]);
}

static gboolean scan_value (Scanner *s);

/* Starts the next value; its index stays valid while the array grows, not
 * a pointer to it: take the index before indexing s->values. */
static inline guint
emit (Scanner         *s,
      FmJsonValueType  type)
{
  FmJsonValue *v;

  if (G_UNLIKELY (s->n_out == s->capacity))
    {
      s->capacity = MAX (64, s->capacity * 2);
      s->values = g_renew (FmJsonValue, s->values, s->capacity);
    }

  v = &s->values[s->n_out];
  v->type = type;
  v->n = 0;
  v->size = 1;
  v->key = s->member_key;
  v->u.integer = 0;
  s->member_key = NULL;

  return s->n_out++;
}

static gboolean
scan_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar value = 0;

  if (s->length - s->pos < 4)
    return fm_json_scanner_fail_syntax (s, _("four hexadecimal digits after \\u"));

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->data[s->pos]);

      if (digit < 0)
        return fm_json_scanner_fail_syntax (s, _("four hexadecimal digits after \\u"));
      value = value * 16 + digit;
      s->pos++;
    }

  *out = value;
  return TRUE;
}

/* Decodes the string at the scan position into the strings block.
 * @out: (out): the decoded string, NUL-terminated */
static gboolean
scan_string (Scanner     *s,
             const char **out)
{
  gsize start = s->pos;
  char *decoded = s->strings + s->n_strings;
  char *o = decoded;

  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos - start > FM_JSON_MAX_STRING_BYTES)
        return fm_json_scanner_fail_at (s, start, s->depth, FM_JSON_ERROR_LIMIT,
                                        _("a string longer than %d bytes"), FM_JSON_MAX_STRING_BYTES);
      if (s->pos >= s->length)
        return fm_json_scanner_fail_at (s, start, s->depth, FM_JSON_ERROR_SYNTAX,
                                        _("not valid JSON: a string is not closed"));

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          *o++ = '\0';
          s->n_strings = o - s->strings;
          *out = decoded;
          return TRUE;
        }
      else if (c < 0x20)
        {
          return fail (s, FM_JSON_ERROR_SYNTAX,
                       _("not valid JSON: a control character in a string "
                         "(write it as \\n, \\t or \\u00XX)"));
        }
      else if (c == '\\')
        {
          gunichar ch;

          s->pos++;
          if (s->pos >= s->length)
            return fm_json_scanner_fail_syntax (s, _("an escape after \\"));

          switch (s->data[s->pos])
            {
            case '"': ch = '"'; break;
            case '\\': ch = '\\'; break;
            case '/': ch = '/'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'u': ch = 0; break;
            default:
              return fail (s, FM_JSON_ERROR_SYNTAX,
                           _("not valid JSON: an unknown escape in a string"));
            }
          s->pos++;

          if (s->data[s->pos - 1] == 'u')
            {
              gsize escape = s->pos - 2;

              if (!scan_hex4 (s, &ch))
                return FALSE;

              if (ch >= 0xD800 && ch <= 0xDBFF)
                {
                  gunichar low;

                  if (s->length - s->pos < 2 ||
                      s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                    return fm_json_scanner_fail_surrogate (s, escape, ch);
                  s->pos += 2;
                  if (!scan_hex4 (s, &low))
                    return FALSE;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return fm_json_scanner_fail_surrogate (s, escape, ch);
                  ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                }
              else if (ch >= 0xDC00 && ch <= 0xDFFF)
                {
                  return fm_json_scanner_fail_surrogate (s, escape, ch);
                }
              else if (ch == 0)
                {
                  /* C strings end at NUL; json-glib would cut the text there. */
                  return fm_json_scanner_fail_at (s, escape, s->depth, FM_JSON_ERROR_INVALID,
                                                  _("\\u0000 is not allowed in a string"));
                }
            }

          /* An escape is at least two bytes, the character at most four
           * and as long as the six of \\uXXXX: no longer than its text. */
          o += g_unichar_to_utf8 (ch, o);
        }
      else
        {
          /* A run of plain bytes; the limit is checked after it, at the
           * top, and names the string's start as it would byte by byte. */
          const char *p = s->data + s->pos;
          const char *end = s->data + s->length;

          do
            *o++ = *p++;
          while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20);
          s->pos = p - s->data;
        }
    }
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integral = TRUE;
  gboolean out_of_range;
  const char *text;
  guint v;

  if (peek (s, '-'))
    s->pos++;
  if (peek (s, 'I'))
    return fail (s, FM_JSON_ERROR_SYNTAX,
                 _("not valid JSON: Infinity is not a JSON number"));
  if (!peek_digit (s))
    return fm_json_scanner_fail_syntax (s, _("a digit"));

  if (peek (s, '0'))
    {
      s->pos++;
      if (peek_digit (s))
        return fm_json_scanner_fail_at (s, start, s->depth, FM_JSON_ERROR_SYNTAX,
                                        _("not valid JSON: a number with a leading zero"));
    }
  else
    {
      while (peek_digit (s))
        s->pos++;
    }

  if (peek (s, '.'))
    {
      integral = FALSE;
      s->pos++;
      if (!peek_digit (s))
        return fm_json_scanner_fail_syntax (s, _("a digit after the decimal point"));
      while (peek_digit (s))
        s->pos++;
    }

  if (peek (s, 'e') || peek (s, 'E'))
    {
      integral = FALSE;
      s->pos++;
      if (peek (s, '+') || peek (s, '-'))
        s->pos++;
      if (!peek_digit (s))
        return fm_json_scanner_fail_syntax (s, _("a digit in the exponent"));
      while (peek_digit (s))
        s->pos++;
    }

  /* json-glib reads integers as gint64 and the others as double: both must
   * hold the number, or it would be read as another one. */
  if (integral && s->pos - start <= 18)
    {
      /* At most 17 digits after a sign: exact in a gint64, without
       * strtoll and the copy it needs (most numbers of a file). */
      const char *p = s->data + start;
      gboolean negative = *p == '-';
      gint64 value = 0;

      for (p += negative; p < s->data + s->pos; p++)
        value = value * 10 + (*p - '0');
      v = emit (s, FM_JSON_VALUE_INT);
      s->values[v].u.integer = negative ? -value : value;
      return TRUE;
    }

  g_string_truncate (s->scratch, 0);
  g_string_append_len (s->scratch, s->data + start, s->pos - start);
  text = s->scratch->str;
  if (integral)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      out_of_range = errno == ERANGE;
      if (!out_of_range)
        {
          v = emit (s, FM_JSON_VALUE_INT);
          s->values[v].u.integer = value;
        }
    }
  else
    {
      double value = g_ascii_strtod (text, NULL);

      /* Too small a number reads as 0 or a subnormal: fine for us. */
      out_of_range = !isfinite (value);
      if (!out_of_range)
        {
          v = emit (s, FM_JSON_VALUE_DOUBLE);
          s->values[v].u.number = value;
        }
    }

  if (out_of_range)
    {
      if (s->scratch->len > 40)
        g_string_overwrite (g_string_truncate (s->scratch, 40), 37, "…");
      return fm_json_scanner_fail_at (s, start, s->depth, FM_JSON_ERROR_INVALID,
                                      _("the number %s is out of range"), s->scratch->str);
    }

  return TRUE;
}

static gboolean
scan_word (Scanner *s)
{
  static const char * const words[] = { "true", "false", "null" };
  gsize end = s->pos;
  gsize length;

  while (end < s->length && (g_ascii_isalnum (s->data[end]) || s->data[end] == '_'))
    end++;
  length = end - s->pos;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (length == strlen (words[i]) && memcmp (s->data + s->pos, words[i], length) == 0)
        {
          if (i == 2)
            {
              emit (s, FM_JSON_VALUE_NULL);
            }
          else
            {
              guint v = emit (s, FM_JSON_VALUE_BOOLEAN);

              s->values[v].u.boolean = i == 0;
            }
          s->pos = end;
          return TRUE;
        }
    }

  if ((length == 3 && memcmp (s->data + s->pos, "NaN", 3) == 0) ||
      (length == 8 && memcmp (s->data + s->pos, "Infinity", 8) == 0))
    return fail (s, FM_JSON_ERROR_SYNTAX,
                 _("not valid JSON: NaN and Infinity are not JSON numbers"));

  return fm_json_scanner_fail_syntax (s, _("a value (a string needs double quotes)"));
}

static Frame *
push (Scanner  *s,
      gboolean  is_object)
{
  Frame *f;
  guint index;

  if (s->depth >= FM_JSON_MAX_DEPTH)
    {
      /* Without the path: it would be 64 levels long. */
      fm_json_scanner_fail_at (s, s->pos, 0, FM_JSON_ERROR_LIMIT,
                               _("nested more than %d levels deep"), FM_JSON_MAX_DEPTH);
      return NULL;
    }

  index = emit (s, is_object ? FM_JSON_VALUE_OBJECT : FM_JSON_VALUE_ARRAY);
  f = &s->frames[s->depth++];
  f->is_object = is_object;
  f->current = FALSE;
  f->count = 0;
  f->index = index;
  f->key = NULL;
  if (is_object)
    {
      g_clear_pointer (&f->keys, g_hash_table_unref);
      if (f->key_list == NULL)
        f->key_list = g_ptr_array_new ();
      else
        g_ptr_array_set_size (f->key_list, 0);
    }

  return f;
}

static gboolean
frame_has_key (Frame      *f,
               const char *key)
{
  if (f->keys != NULL)
    return g_hash_table_contains (f->keys, key);

  for (guint i = 0; i < f->key_list->len; i++)
    {
      const char *seen = f->key_list->pdata[i];

      if (seen[0] == key[0] && g_str_equal (seen, key))
        return TRUE;
    }

  return FALSE;
}

/* @key: in the strings block, which outlives the scan */
static void
frame_add_key (Frame      *f,
               const char *key)
{
  g_ptr_array_add (f->key_list, (gpointer) key);
  if (f->keys != NULL)
    {
      g_hash_table_add (f->keys, (gpointer) key);
    }
  else if (f->key_list->len > KEY_LIST_MAX)
    {
      f->keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < f->key_list->len; i++)
        g_hash_table_add (f->keys, f->key_list->pdata[i]);
    }
}

static gboolean
frame_key_is (Scanner    *s,
              guint       i,
              const char *key)
{
  return s->frames[i].is_object && s->frames[i].current &&
         g_str_equal (s->frames[i].key, key);
}

/* Stops a map of a million nodes at the first one too many, long before
 * json-glib would have spent a gigabyte on it. */
static gboolean
check_count (Scanner *s)
{
  guint d = s->depth;
  guint count = s->frames[d - 1].count;
  gboolean in_map = d == 4 && frame_key_is (s, 0, "maps") && !s->frames[1].is_object;
  gboolean in_selection = d == 2;

  if (d == 2 && frame_key_is (s, 0, "maps") && count > FM_MAX_MAPS)
    return fm_json_scanner_fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                                    _("more than %d maps"), FM_MAX_MAPS);

  if (((in_map && frame_key_is (s, 2, "nodes")) ||
       (in_selection && frame_key_is (s, 0, "nodes"))) &&
      count > FM_MAX_NODES)
    return fm_json_scanner_fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                                    _("more than %d nodes in one map"), FM_MAX_NODES);

  if (((in_map && frame_key_is (s, 2, "edges")) ||
       (in_selection && frame_key_is (s, 0, "edges"))) &&
      count > FM_MAX_EDGES)
    return fm_json_scanner_fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                                    _("more than %d edges in one map"), FM_MAX_EDGES);

  return TRUE;
}

/* Closes the innermost container at the scan position. */
static inline void
pop (Scanner *s)
{
  Frame *f = &s->frames[--s->depth];
  FmJsonValue *v = &s->values[f->index];

  s->pos++;
  v->n = f->count;
  v->size = s->n_out - f->index;
}

static gboolean
scan_object (Scanner *s)
{
  Frame *f = push (s, TRUE);

  if (f == NULL)
    return FALSE;

  s->pos++;
  skip_space (s);
  if (peek (s, '}'))
    {
      pop (s);
      return TRUE;
    }

  for (;;)
    {
      const char *key;
      gsize key_start;

      skip_space (s);
      if (peek (s, '}'))
        return fail (s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: a comma before '}'"));
      if (!peek (s, '"'))
        return fm_json_scanner_fail_syntax (s, _("a member name in double quotes"));

      key_start = s->pos;
      f->current = FALSE;
      if (!scan_string (s, &key))
        return FALSE;
      if (frame_has_key (f, key))
        {
          g_autoptr(GString) quoted = g_string_new (NULL);

          fm_json_append_quoted (quoted, key, 40);
          return fm_json_scanner_fail_at (s, key_start, s->depth, FM_JSON_ERROR_INVALID,
                                          _("the key %s is there twice"), quoted->str);
        }
      frame_add_key (f, key);
      f->key = key;
      f->current = TRUE;
      f->count++;

      skip_space (s);
      if (!peek (s, ':'))
        return fm_json_scanner_fail_syntax (s, _("':' after the member name"));
      s->pos++;

      s->member_key = key;
      if (!scan_value (s))
        return FALSE;
      f->current = FALSE;

      skip_space (s);
      if (peek (s, ','))
        {
          s->pos++;
          continue;
        }
      if (peek (s, '}'))
        {
          pop (s);
          return TRUE;
        }
      return fm_json_scanner_fail_syntax (s, _("',' or '}' after a member"));
    }
}

static gboolean
scan_array (Scanner *s)
{
  Frame *f = push (s, FALSE);

  if (f == NULL)
    return FALSE;

  s->pos++;
  skip_space (s);
  if (peek (s, ']'))
    {
      pop (s);
      return TRUE;
    }

  for (;;)
    {
      f->count++;
      f->current = TRUE;
      if (!check_count (s))
        return FALSE;
      if (!scan_value (s))
        return FALSE;
      f->current = FALSE;

      skip_space (s);
      if (peek (s, ','))
        {
          s->pos++;
          skip_space (s);
          if (peek (s, ']'))
            return fail (s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: a comma before ']'"));
          continue;
        }
      if (peek (s, ']'))
        {
          pop (s);
          return TRUE;
        }
      return fm_json_scanner_fail_syntax (s, _("',' or ']' after an element"));
    }
}

static gboolean
scan_value (Scanner *s)
{
  char c;

  skip_space (s);
  if (s->pos >= s->length)
    return fm_json_scanner_fail_syntax (s, _("a value"));

  if (++s->n_values > FM_JSON_MAX_VALUES)
    return fail (s, FM_JSON_ERROR_LIMIT, _("more than %d values in one file"), FM_JSON_MAX_VALUES);

  c = s->data[s->pos];
  if (c == '{')
    return scan_object (s);
  if (c == '[')
    return scan_array (s);
  if (c == '"')
    {
      guint v = emit (s, FM_JSON_VALUE_STRING);

      return scan_string (s, &s->values[v].u.string);
    }
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (s);
  if (g_ascii_isalpha (c))
    return scan_word (s);

  return fm_json_scanner_fail_syntax (s, _("a value"));
}

/* g_utf8_validate_len(), which stops at a NUL too, with the ASCII start
 * of the text (most of a file, if not all) checked eight bytes at a time. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      /* A byte >= 0x80, or a NUL (the classic "has a zero byte" test). */
      if ((word & highs) != 0 || ((word - ones) & ~word & highs) != 0)
        break;
    }

  /* From a character boundary: every byte before i is ASCII. */
  return g_utf8_validate_len (data + i, length - i, end);
}

/**
 * fm_json_doc_parse:
 * @data: the text, without a byte order mark
 * @display_name: the name that starts every error message
 *
 * Checks that @data is UTF-8, one strict JSON value and within the
 * FM_JSON_MAX_* limits of depth, values and string size, the FM_MAX_* ones
 * of item counts, and
 * reads it.
 *
 * Returns: (transfer full) (nullable): its values, or %NULL with @error
 *   set, with line and column
 */
FmJsonDoc *
fm_json_doc_parse (const char  *data,
                   gsize        length,
                   const char  *display_name,
                   GError     **error)
{
  Scanner s = { 0, };
  FmJsonDoc *doc;
  const char *end;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  s.data = data;
  s.length = length;
  s.name = display_name;
  s.error = error;

  if (!validate_utf8 (data, length, &end))
    {
      s.pos = end - data;
      if (*end == '\0')
        fail (&s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: a NUL byte"));
      else
        fail (&s, FM_JSON_ERROR_SYNTAX, _("not valid UTF-8"));
      return NULL;
    }

  skip_space (&s);
  if (s.pos == s.length)
    {
      g_set_error (error, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  s.scratch = g_string_new (NULL);
  /* About one value per 16 bytes of a saved map; it grows if need be. */
  s.capacity = CLAMP (length / 16, 64, FM_JSON_MAX_VALUES);
  s.values = g_new (FmJsonValue, s.capacity);
  s.strings = g_malloc (length + 1);
  ok = scan_value (&s);
  if (ok)
    {
      skip_space (&s);
      if (s.pos < s.length)
        ok = fail (&s, FM_JSON_ERROR_SYNTAX,
                   _("not valid JSON: more text after the end of the document"));
    }

  g_string_free (s.scratch, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (s.frames); i++)
    {
      g_clear_pointer (&s.frames[i].keys, g_hash_table_unref);
      g_clear_pointer (&s.frames[i].key_list, g_ptr_array_unref);
    }

  if (!ok)
    {
      g_free (s.values);
      g_free (s.strings);
      return NULL;
    }

  doc = g_new (FmJsonDoc, 1);
  doc->values = s.values;
  doc->strings = s.strings;
  return doc;
}

void
fm_json_doc_free (FmJsonDoc *doc)
{
  g_free (doc->values);
  g_free (doc->strings);
  g_free (doc);
}

/**
 * fm_json_check_text:
 *
 * Like fm_json_doc_parse(), for a text whose values are not needed.
 *
 * Returns: %FALSE with @error set, with line and column, if not
 */
gboolean
fm_json_check_text (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  FmJsonDoc *doc = fm_json_doc_parse (data, length, display_name, error);

  if (doc == NULL)
    return FALSE;

  fm_json_doc_free (doc);
  return TRUE;
}
