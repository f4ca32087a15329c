/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-text.c: what a draw.io cell says: its style, its label's lines,
 * the numbers and durations in them
 *
 * A file's text is not in the user's language: "27,600 sec" groups
 * thousands with a comma whatever the locale, so numbers are read here
 * rather than with fm_duration_parse(), which follows the locale.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include "fm-drawio-private.h"
#include "fm-duration.h"
#include "fm-limits.h"

/**
 * fm_drawio_style_get:
 * @style: (nullable): a cell's style, "key=value;key=value;"
 *
 * Returns: (transfer full) (nullable): the value of @key
 */
char *
fm_drawio_style_get (const char *style,
                     const char *key)
{
  gsize key_length = strlen (key);
  const char *p = style;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, ';');

      if (end == NULL)
        end = p + strlen (p);
      if ((gsize) (end - p) > key_length && strncmp (p, key, key_length) == 0 && p[key_length] == '=')
        return g_strndup (p + key_length + 1, end - p - key_length - 1);
      p = *end == ';' ? end + 1 : end;
    }

  return NULL;
}

/**
 * fm_drawio_shape_name:
 *
 * The name of a cell's shape without the palette's prefix: "inventory_box"
 * for shape=mxgraph.lean_mapping.inventory_box; the style's first word
 * ("text", "ellipse") when it names no shape; "" when it has no style.
 *
 * Returns: (transfer full): the name
 */
char *
fm_drawio_shape_name (const char *style)
{
  char *shape = fm_drawio_style_get (style, "shape");
  const char *prefix = "mxgraph.lean_mapping.";

  if (shape == NULL && style != NULL && strchr (style, '=') != NULL &&
      strchr (style, '=') < (strchr (style, ';') != NULL ? strchr (style, ';') : style + strlen (style)))
    shape = g_strdup ("");
  else if (shape == NULL)
    shape = g_strndup (style != NULL ? style : "", style != NULL ? strcspn (style, ";") : 0);

  if (g_str_has_prefix (shape, prefix))
    {
      char *name = g_strdup (shape + strlen (prefix));

      g_free (shape);
      return name;
    }

  return shape;
}

static gboolean
block_tag (const char *name)
{
  static const char * const tags[] = { "br", "div", "p", "tr", "li", "h1", "h2", "h3",
                                       "h4", "h5", "h6", "table", "ul", "ol", NULL };

  return g_strv_contains (tags, name);
}

/* Appends the character an HTML entity at @p stands for; returns its end. */
static const char *
append_entity (GString    *out,
               const char *p)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
    { "apos;", "'" }, { "nbsp;", " " },
  };

  g_assert (*p == '&');
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strncmp (p + 1, named[i].name, strlen (named[i].name)) == 0)
      {
        g_string_append (out, named[i].text);
        return p + 1 + strlen (named[i].name);
      }

  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      const char *digits = p + (hex ? 3 : 2);
      char *end = NULL;
      guint64 c = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

      if (end != digits && *end == ';' && end - digits <= 8)
        {
          if (c > 0 && c <= G_MAXUINT32 && g_unichar_validate ((gunichar) c))
            g_string_append_unichar (out, c == 0xa0 ? ' ' : (gunichar) c);
          return end + 1;
        }
    }

  g_string_append_c (out, '&');
  return p + 1;
}

/**
 * fm_drawio_plain_text:
 * @value: (nullable): a cell's label
 * @html: whether its style says html=1
 *
 * The lines a label shows, each stripped, without empty ones: HTML line
 * breaks, blocks and table rows end a line, a table's cells are separated
 * by a space, tags are dropped and entities read.
 *
 * Returns: (transfer full): the lines joined with "\n"
 */
char *
fm_drawio_plain_text (const char *value,
                      gboolean    html)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  const char *p = value != NULL ? value : "";

  if (!html)
    g_string_append (raw, p);
  else
    while (*p != '\0')
      {
        if (*p == '<')
          {
            const char *end = strchr (p, '>');
            const char *name = p + 1;
            g_autofree char *tag = NULL;

            if (end == NULL)
              break;
            if (*name == '/')
              name++;
            tag = g_ascii_strdown (name, strcspn (name, " \t\r\n/>"));
            if (block_tag (tag))
              g_string_append_c (raw, '\n');
            else if (g_str_equal (tag, "td") || g_str_equal (tag, "th"))
              g_string_append_c (raw, ' ');
            p = end + 1;
          }
        else if (*p == '&')
          p = append_entity (raw, p);
        else if (*p == '\n' || *p == '\r' || *p == '\t')
          {
            g_string_append_c (raw, ' ');
            p++;
          }
        else
          {
            g_string_append_c (raw, *p);
            p++;
          }
      }

  lines = g_strsplit (raw->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gboolean space = FALSE;

      if (*line == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Runs of spaces, as HTML shows them. */
      for (const char *c = line; *c != '\0'; c++)
        {
          if (*c == ' ' || *c == '\t' || *c == '\r')
            space = TRUE;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, *c);
            }
        }
    }

  /* What entities and cut tags leave is still UTF-8 only if the value was;
   * GMarkup made sure of that, but a label is never trusted further. */
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

/**
 * fm_drawio_parse_number:
 * @p: where the number starts; moved past it when it reads
 *
 * Reads "4600", "27,600", "7.6", "1,5": a comma followed by exactly
 * three digits groups thousands, otherwise it is a decimal point.
 *
 * Returns: whether a number was read
 */
gboolean
fm_drawio_parse_number (const char **p,
                        double      *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *s = *p;
  gboolean point = FALSE;

  if (!g_ascii_isdigit (*s) && !(*s == '.' && g_ascii_isdigit (s[1])))
    return FALSE;

  for (; digits->len < 40; s++)
    {
      if (g_ascii_isdigit (*s))
        g_string_append_c (digits, *s);
      else if (*s == ',' && !point && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) &&
               g_ascii_isdigit (s[3]) && !g_ascii_isdigit (s[4]))
        continue;
      else if ((*s == '.' || *s == ',') && !point && g_ascii_isdigit (s[1]))
        {
          point = TRUE;
          g_string_append_c (digits, '.');
        }
      else
        break;
    }

  *value = g_ascii_strtod (digits->str, NULL);
  *p = s;
  return isfinite (*value);
}

typedef enum { U_NONE, U_SECOND, U_MINUTE, U_HOUR, U_DAY, U_WEEK, U_SHIFT } Unit;

static const struct {
  const char *name;
  Unit unit;
} units[] = {
  { "s", U_SECOND }, { "sec", U_SECOND }, { "secs", U_SECOND }, { "second", U_SECOND },
  { "seconds", U_SECOND }, { "m", U_MINUTE }, { "min", U_MINUTE }, { "mins", U_MINUTE },
  { "minute", U_MINUTE }, { "minutes", U_MINUTE }, { "h", U_HOUR }, { "hr", U_HOUR },
  { "hrs", U_HOUR }, { "hour", U_HOUR }, { "hours", U_HOUR }, { "d", U_DAY },
  { "day", U_DAY }, { "days", U_DAY }, { "w", U_WEEK }, { "wk", U_WEEK },
  { "wks", U_WEEK }, { "week", U_WEEK }, { "weeks", U_WEEK }, { "shift", U_SHIFT },
  { "shifts", U_SHIFT },
};

/**
 * fm_drawio_parse_duration:
 * @text: "39 sec", "1 hour", "7.6 days", "1 hr 30 min", "2 shifts"
 * @day_length_s: what a day is
 * @shift_length_s: what a shift is, or 0 when the document does not say
 * @bare_is_seconds: whether a number without a unit is seconds
 *
 * Returns: whether all of @text is a duration
 */
gboolean
fm_drawio_parse_duration (const char *text,
                          double      day_length_s,
                          double      shift_length_s,
                          gboolean    bare_is_seconds,
                          double     *seconds_out)
{
  const char *p = text;
  double total = 0;
  guint parts = 0;

  for (;;)
    {
      double number, size = 0;
      const char *word;
      gsize length;
      Unit unit = U_NONE;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      if (!fm_drawio_parse_number (&p, &number))
        return FALSE;
      while (*p == ' ')
        p++;
      word = p;
      while (g_ascii_isalpha (*p))
        p++;
      length = p - word;
      if (*p == '.')
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (units) && length > 0; i++)
        if (strlen (units[i].name) == length && g_ascii_strncasecmp (word, units[i].name, length) == 0)
          unit = units[i].unit;

      switch (unit)
        {
        case U_SECOND: size = 1; break;
        case U_MINUTE: size = 60; break;
        case U_HOUR: size = 3600; break;
        case U_DAY: size = day_length_s; break;
        case U_WEEK: size = fm_duration_week_length (day_length_s); break;
        case U_SHIFT: size = shift_length_s; break;
        case U_NONE:
        default:
          if (length > 0 || !bare_is_seconds || parts > 0)
            return FALSE;
          size = 1;
          break;
        }
      if (size <= 0)
        return FALSE;
      total += number * size;
      parts++;
    }

  if (parts == 0 || !isfinite (total) || total > FM_MAX_SECONDS)
    return FALSE;

  /* 2.7 days is 233,280 s, not 233,280.00000000003. */
  *seconds_out = round (total * 1000) / 1000;
  return TRUE;
}
