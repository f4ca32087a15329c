/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-check-errors.c: where a strict scan of a file's text failed, and why:
 * the line, the column and the JSON path, as a person can act on them */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <glib/gi18n-lib.h>

#include "fm-json-scanner.h"

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
          if (is_plain_key (f->key))
            {
              if (path->len > 0)
                g_string_append_c (path, '.');
              g_string_append (path, f->key);
            }
          else
            {
              g_string_append_c (path, '[');
              fm_json_append_quoted (path, f->key, 40);
              g_string_append_c (path, ']');
            }
        }
    }
}

gboolean
fm_json_scanner_fail_at (Scanner     *s,
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

gboolean
fm_json_scanner_fail_surrogate (Scanner  *s,
                                gsize     at,
                                gunichar  half)
{
  return fm_json_scanner_fail_at (s, at, s->depth, FM_JSON_ERROR_SYNTAX,
                                  _("not valid JSON: \\u%04X is half of a UTF-16 pair without its other half"), half);
}

gboolean
fm_json_scanner_fail_syntax (Scanner    *s,
                             const char *what)
{
  if (s->pos >= s->length)
    return fm_json_scanner_fail_at (s, s->pos, s->depth, FM_JSON_ERROR_SYNTAX,
                                    _("not valid JSON: the file ends too early, expected %s"), what);

  return fm_json_scanner_fail_at (s, s->pos, s->depth, FM_JSON_ERROR_SYNTAX, _("not valid JSON: expected %s"), what);
}
