/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-util.h: small helpers shared by the model's setters and the metrics */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* GLib 2.76 has g_set_str; Debian 12 ships 2.74. */
static inline gboolean
fm_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str ||
      (*str_pointer && new_str && strcmp (*str_pointer, new_str) == 0))
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

static inline gboolean
fm_set_double (double *field,
               double  value)
{
  if (*field == value)
    return FALSE;

  *field = value;
  return TRUE;
}

/* Appends @n in decimal: what "%.0f" or "%" G_GUINT64_FORMAT would write,
 * without printf's cost, for text built thousands of times a frame. */
static inline void
fm_string_append_uint (GString *text,
                       guint64  n)
{
  char digits[24];
  int i = sizeof digits;

  digits[--i] = '\0';
  do
    {
      digits[--i] = '0' + n % 10;
      n /= 10;
    }
  while (n > 0);
  g_string_append (text, digits + i);
}

G_END_DECLS
