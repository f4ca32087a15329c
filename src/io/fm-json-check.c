/* fm-json-check.c: a strict scan of the text before json-glib parses it */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-json-private.h"

/* json-glib 1.6 is lenient where a file format must not be: it reads 0123
 * as octal, wraps integers past 64 bits to -1, turns 1e309 into infinity,
 * takes single quotes, comments and text after the root value, keeps the
 * last of two equal keys, cuts strings at \u0000, and recurses without
 * bound (100,000 open brackets crash it). So the text is first checked
 * against RFC 8259 and our limits, with a bounded depth and early exits for
 * hostile sizes; fm_json_build_tree() below then builds the tree of a text
 * known good, as json-glib would. */

typedef struct {
  gboolean is_object;
  gboolean current;     /* a member or element is being read: the path names it */
  guint count;          /* members or elements seen */
  GString *key;
  /* Object: the names seen, for duplicates. Most objects have a few
   * members: a list is searched, and a hash table made only for a long one
   * (a table per object made a third of a load). */
  GPtrArray *key_list;  /* owns the names */
  GHashTable *keys;     /* (nullable): the same names, past KEY_LIST_MAX */
} Frame;

#define KEY_LIST_MAX 16

typedef struct {
  const char *data;
  gsize length;
  gsize pos;
  const char *name;
  GError **error;
  guint depth;
  guint64 n_values;
  GString *scratch;
  Frame frames[FM_JSON_MAX_DEPTH];
} Scanner;

static void
location (const char *data,
          gsize       at,
          guint      *line,
          guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < at; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        {
          /* Columns count characters, not the bytes of UTF-8. */
          (*column)++;
        }
    }
}

static gboolean
is_plain_key (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* The JSON path of the value at the scan position, as in maps[0].nodes[3].x,
 * through the first @n_frames open containers. */
static void
append_path (Scanner *s,
             guint    n_frames,
             GString *path)
{
  for (guint i = 0; i < n_frames; i++)
    {
      Frame *f = &s->frames[i];

      if (!f->current)
        continue;

      if (!f->is_object)
        {
          g_string_append_printf (path, "[%u]", f->count - 1);
        }
      else
        {
          if (is_plain_key (f->key->str))
            {
              if (path->len > 0)
                g_string_append_c (path, '.');
              g_string_append (path, f->key->str);
            }
          else
            {
              g_string_append_c (path, '[');
              fm_json_append_quoted (path, f->key->str, 40);
              g_string_append_c (path, ']');
            }
        }
    }
}

static gboolean
fail_at (Scanner     *s,
         gsize        at,
         guint        n_frames,
         FmJsonError  code,
         const char  *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (Scanner     *s,
         gsize        at,
         guint        n_frames,
         FmJsonError  code,
         const char  *format,
         ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  location (s->data, at, &line, &column);
  append_path (s, n_frames, path);
  if (path->len > 0)
    g_set_error (s->error, FM_JSON_ERROR, code, "%s:%u:%u: %s: %s",
                 s->name, line, column, path->str, message);
  else
    g_set_error (s->error, FM_JSON_ERROR, code, "%s:%u:%u: %s",
                 s->name, line, column, message);

  return FALSE;
}

#define fail(s, code, ...) fail_at ((s), (s)->pos, (s)->depth, (code), __VA_ARGS__)

static gboolean
fail_surrogate (Scanner  *s,
                gsize     at,
                gunichar  half)
{
  return fail_at (s, at, s->depth, FM_JSON_ERROR_SYNTAX,
                  _("not valid JSON: \\u%04X is half of a UTF-16 pair without its other half"), half);
}

static gboolean
fail_syntax (Scanner    *s,
             const char *what)
{
  if (s->pos >= s->length)
    return fail (s, FM_JSON_ERROR_SYNTAX,
                 _("not valid JSON: the file ends too early, expected %s"), what);

  return fail (s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: expected %s"), what);
}

static inline void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
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

static gboolean
scan_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar value = 0;

  if (s->length - s->pos < 4)
    return fail_syntax (s, _("four hexadecimal digits after \\u"));

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->data[s->pos]);

      if (digit < 0)
        return fail_syntax (s, _("four hexadecimal digits after \\u"));
      value = value * 16 + digit;
      s->pos++;
    }

  *out = value;
  return TRUE;
}

/* @decoded: (nullable): receives the string's text, for member names */
static gboolean
scan_string (Scanner *s,
             GString *decoded)
{
  gsize start = s->pos;

  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos - start > FM_JSON_MAX_STRING_BYTES)
        return fail_at (s, start, s->depth, FM_JSON_ERROR_LIMIT,
                        _("a string longer than %d bytes"), FM_JSON_MAX_STRING_BYTES);
      if (s->pos >= s->length)
        return fail_at (s, start, s->depth, FM_JSON_ERROR_SYNTAX,
                        _("not valid JSON: a string is not closed"));

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
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
            return fail_syntax (s, _("an escape after \\"));

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
                    return fail_surrogate (s, escape, ch);
                  s->pos += 2;
                  if (!scan_hex4 (s, &low))
                    return FALSE;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return fail_surrogate (s, escape, ch);
                  ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                }
              else if (ch >= 0xDC00 && ch <= 0xDFFF)
                {
                  return fail_surrogate (s, escape, ch);
                }
              else if (ch == 0)
                {
                  /* C strings end at NUL; json-glib would cut the text there. */
                  return fail_at (s, escape, s->depth, FM_JSON_ERROR_INVALID,
                                  _("\\u0000 is not allowed in a string"));
                }
            }

          if (decoded != NULL)
            g_string_append_unichar (decoded, ch);
        }
      else
        {
          if (decoded != NULL)
            g_string_append_c (decoded, c);
          s->pos++;
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

  if (peek (s, '-'))
    s->pos++;
  if (peek (s, 'I'))
    return fail (s, FM_JSON_ERROR_SYNTAX,
                 _("not valid JSON: Infinity is not a JSON number"));
  if (!peek_digit (s))
    return fail_syntax (s, _("a digit"));

  if (peek (s, '0'))
    {
      s->pos++;
      if (peek_digit (s))
        return fail_at (s, start, s->depth, FM_JSON_ERROR_SYNTAX,
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
        return fail_syntax (s, _("a digit after the decimal point"));
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
        return fail_syntax (s, _("a digit in the exponent"));
      while (peek_digit (s))
        s->pos++;
    }

  /* json-glib reads integers as gint64 and the others as double: both must
   * hold the number, or it would be read as another one. */
  g_string_truncate (s->scratch, 0);
  g_string_append_len (s->scratch, s->data + start, s->pos - start);
  text = s->scratch->str;
  if (integral)
    {
      errno = 0;
      g_ascii_strtoll (text, NULL, 10);
      out_of_range = errno == ERANGE;
    }
  else
    {
      /* Too small a number reads as 0 or a subnormal: fine for us. */
      out_of_range = !isfinite (g_ascii_strtod (text, NULL));
    }

  if (out_of_range)
    {
      if (s->scratch->len > 40)
        g_string_overwrite (g_string_truncate (s->scratch, 40), 37, "…");
      return fail_at (s, start, s->depth, FM_JSON_ERROR_INVALID,
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
          s->pos = end;
          return TRUE;
        }
    }

  if ((length == 3 && memcmp (s->data + s->pos, "NaN", 3) == 0) ||
      (length == 8 && memcmp (s->data + s->pos, "Infinity", 8) == 0))
    return fail (s, FM_JSON_ERROR_SYNTAX,
                 _("not valid JSON: NaN and Infinity are not JSON numbers"));

  return fail_syntax (s, _("a value (a string needs double quotes)"));
}

static Frame *
push (Scanner  *s,
      gboolean  is_object)
{
  Frame *f;

  if (s->depth >= FM_JSON_MAX_DEPTH)
    {
      /* Without the path: it would be 64 levels long. */
      fail_at (s, s->pos, 0, FM_JSON_ERROR_LIMIT,
               _("nested more than %d levels deep"), FM_JSON_MAX_DEPTH);
      return NULL;
    }

  f = &s->frames[s->depth++];
  f->is_object = is_object;
  f->current = FALSE;
  f->count = 0;
  if (is_object)
    {
      if (f->key == NULL)
        f->key = g_string_new (NULL);
      g_clear_pointer (&f->keys, g_hash_table_unref);
      if (f->key_list == NULL)
        f->key_list = g_ptr_array_new_with_free_func (g_free);
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
    if (g_str_equal (f->key_list->pdata[i], key))
      return TRUE;

  return FALSE;
}

static void
frame_add_key (Frame      *f,
               const char *key)
{
  char *copy = g_strdup (key);

  g_ptr_array_add (f->key_list, copy);
  if (f->keys != NULL)
    {
      g_hash_table_add (f->keys, copy);
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
         g_str_equal (s->frames[i].key->str, key);
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

  if (d == 2 && frame_key_is (s, 0, "maps") && count > FM_JSON_MAX_MAPS)
    return fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                    _("more than %d maps"), FM_JSON_MAX_MAPS);

  if (((in_map && frame_key_is (s, 2, "nodes")) ||
       (in_selection && frame_key_is (s, 0, "nodes"))) &&
      count > FM_JSON_MAX_NODES)
    return fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                    _("more than %d nodes in one map"), FM_JSON_MAX_NODES);

  if (((in_map && frame_key_is (s, 2, "edges")) ||
       (in_selection && frame_key_is (s, 0, "edges"))) &&
      count > FM_JSON_MAX_EDGES)
    return fail_at (s, s->pos, d - 1, FM_JSON_ERROR_LIMIT,
                    _("more than %d edges in one map"), FM_JSON_MAX_EDGES);

  return TRUE;
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
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      gsize key_start;

      skip_space (s);
      if (peek (s, '}'))
        return fail (s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: a comma before '}'"));
      if (!peek (s, '"'))
        return fail_syntax (s, _("a member name in double quotes"));

      key_start = s->pos;
      f->current = FALSE;
      g_string_truncate (s->scratch, 0);
      if (!scan_string (s, s->scratch))
        return FALSE;
      if (frame_has_key (f, s->scratch->str))
        {
          g_autoptr(GString) quoted = g_string_new (NULL);

          fm_json_append_quoted (quoted, s->scratch->str, 40);
          return fail_at (s, key_start, s->depth, FM_JSON_ERROR_INVALID,
                          _("the key %s is there twice"), quoted->str);
        }
      frame_add_key (f, s->scratch->str);
      g_string_assign (f->key, s->scratch->str);
      f->current = TRUE;
      f->count++;

      skip_space (s);
      if (!peek (s, ':'))
        return fail_syntax (s, _("':' after the member name"));
      s->pos++;

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
          s->pos++;
          s->depth--;
          return TRUE;
        }
      return fail_syntax (s, _("',' or '}' after a member"));
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
      s->pos++;
      s->depth--;
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
          s->pos++;
          s->depth--;
          return TRUE;
        }
      return fail_syntax (s, _("',' or ']' after an element"));
    }
}

static gboolean
scan_value (Scanner *s)
{
  char c;

  skip_space (s);
  if (s->pos >= s->length)
    return fail_syntax (s, _("a value"));

  if (++s->n_values > FM_JSON_MAX_VALUES)
    return fail (s, FM_JSON_ERROR_LIMIT, _("more than %d values in one file"), FM_JSON_MAX_VALUES);

  c = s->data[s->pos];
  if (c == '{')
    return scan_object (s);
  if (c == '[')
    return scan_array (s);
  if (c == '"')
    return scan_string (s, NULL);
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (s);
  if (g_ascii_isalpha (c))
    return scan_word (s);

  return fail_syntax (s, _("a value"));
}

/**
 * fm_json_check_text:
 * @data: the text, without a byte order mark
 * @display_name: the name that starts every error message
 *
 * Checks that @data is UTF-8, one strict JSON value and within the
 * FM_JSON_MAX_* limits of depth, values, string size and item counts.
 *
 * Returns: %FALSE with @error set, with line and column, if not
 */
gboolean
fm_json_check_text (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  Scanner s = { 0, };
  const char *end;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  s.data = data;
  s.length = length;
  s.name = display_name;
  s.error = error;

  if (!g_utf8_validate_len (data, length, &end))
    {
      s.pos = end - data;
      if (*end == '\0')
        return fail (&s, FM_JSON_ERROR_SYNTAX, _("not valid JSON: a NUL byte"));
      return fail (&s, FM_JSON_ERROR_SYNTAX, _("not valid UTF-8"));
    }

  skip_space (&s);
  if (s.pos == s.length)
    {
      g_set_error (error, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  s.scratch = g_string_new (NULL);
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
      if (s.frames[i].key != NULL)
        g_string_free (s.frames[i].key, TRUE);
      g_clear_pointer (&s.frames[i].keys, g_hash_table_unref);
      g_clear_pointer (&s.frames[i].key_list, g_ptr_array_unref);
    }

  return ok;
}

/* Building the tree of a checked text. json-glib's JsonParser reads it
 * through a general-purpose scanner and took more than half of a load;
 * the text here is known to be one strict JSON value within our limits,
 * so a direct pass builds the same tree: integers as gint64, other
 * numbers as double (json-glib's own split), strings decoded, members in
 * their order. */

typedef struct {
  const char *p;
  const char *end;
  GString *scratch;
} Builder;

static inline void
build_space (Builder *b)
{
  while (b->p < b->end && (*b->p == ' ' || *b->p == '\t' || *b->p == '\n' || *b->p == '\r'))
    b->p++;
}

/* Decodes the string at b->p (its opening quote) into b->scratch. */
static void
build_string (Builder *b)
{
  const char *start;

  g_string_truncate (b->scratch, 0);
  b->p++;
  for (;;)
    {
      start = b->p;
      while (*b->p != '"' && *b->p != '\\')
        b->p++;
      g_string_append_len (b->scratch, start, b->p - start);
      if (*b->p == '"')
        {
          b->p++;
          return;
        }

      /* An escape; the check has seen that it is a good one. */
      b->p++;
      switch (*b->p++)
        {
        case '"': g_string_append_c (b->scratch, '"'); break;
        case '\\': g_string_append_c (b->scratch, '\\'); break;
        case '/': g_string_append_c (b->scratch, '/'); break;
        case 'b': g_string_append_c (b->scratch, '\b'); break;
        case 'f': g_string_append_c (b->scratch, '\f'); break;
        case 'n': g_string_append_c (b->scratch, '\n'); break;
        case 'r': g_string_append_c (b->scratch, '\r'); break;
        case 't': g_string_append_c (b->scratch, '\t'); break;
        case 'u':
        default:
          {
            gunichar ch = 0;

            for (guint i = 0; i < 4; i++)
              ch = ch * 16 + g_ascii_xdigit_value (*b->p++);
            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                gunichar low = 0;

                b->p += 2;
                for (guint i = 0; i < 4; i++)
                  low = low * 16 + g_ascii_xdigit_value (*b->p++);
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (b->scratch, ch);
          }
          break;
        }
    }
}

static JsonNode *
build_value (Builder *b)
{
  JsonNode *node;

  build_space (b);
  switch (*b->p)
    {
    case '{':
      {
        JsonObject *object = json_object_new ();

        b->p++;
        build_space (b);
        while (*b->p != '}')
          {
            /* Member names are short: on the stack, as the value's own
             * strings reuse b->scratch (json-glib copies the name). */
            char key_buffer[64];
            g_autofree char *long_key = NULL;
            const char *key = key_buffer;
            JsonNode *member;

            if (*b->p == ',')
              {
                b->p++;
                build_space (b);
              }
            build_string (b);
            if (b->scratch->len < sizeof key_buffer)
              memcpy (key_buffer, b->scratch->str, b->scratch->len + 1);
            else
              key = long_key = g_strndup (b->scratch->str, b->scratch->len);
            build_space (b);
            b->p++; /* ':' */
            member = build_value (b);
            json_object_set_member (object, key, member);
            build_space (b);
          }
        b->p++;
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }

    case '[':
      {
        JsonArray *array = json_array_new ();

        b->p++;
        build_space (b);
        while (*b->p != ']')
          {
            if (*b->p == ',')
              b->p++;
            json_array_add_element (array, build_value (b));
            build_space (b);
          }
        b->p++;
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }

    case '"':
      build_string (b);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, b->scratch->str);
      return node;

    case 't':
    case 'f':
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, *b->p == 't');
      b->p += *b->p == 't' ? 4 : 5;
      return node;

    case 'n':
      b->p += 4;
      return json_node_new (JSON_NODE_NULL);

    default:
      {
        const char *start = b->p;
        gboolean integral = TRUE;

        while (b->p < b->end && (g_ascii_isdigit (*b->p) || *b->p == '-' || *b->p == '+' ||
                                 *b->p == '.' || *b->p == 'e' || *b->p == 'E'))
          {
            if (*b->p == '.' || *b->p == 'e' || *b->p == 'E')
              integral = FALSE;
            b->p++;
          }

        /* The text need not end with a NUL: copy the number out. */
        g_string_truncate (b->scratch, 0);
        g_string_append_len (b->scratch, start, b->p - start);
        node = json_node_new (JSON_NODE_VALUE);
        if (integral)
          json_node_set_int (node, g_ascii_strtoll (b->scratch->str, NULL, 10));
        else
          json_node_set_double (node, g_ascii_strtod (b->scratch->str, NULL));
        return node;
      }
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
  g_autoptr(GString) scratch = g_string_new (NULL);
  Builder b = { data, data + length, scratch };

  return build_value (&b);
}
