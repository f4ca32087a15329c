/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-name.c: the file name an export proposes
 *
 * A plain function of two names, apart from the dialog that shows it, so
 * that a test reaches it without a display.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <string.h>

#include "fm-export-name.h"

/* @text in lower-case ASCII letters and digits, one hyphen for each run
 * of anything else: "Übergabe → QA" is "ubergabe-qa". */
static char *
file_name_part (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *part = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (part, FALSE);

  /* "C": the same name whatever the locale; what has no ASCII form
   * becomes "?", a separator like any other. */
  ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (part, g_ascii_tolower (*p));
      else if (part->len > 0 && part->str[part->len - 1] != '-')
        g_string_append_c (part, '-');
    }
  if (part->len > 0 && part->str[part->len - 1] == '-')
    g_string_truncate (part, part->len - 1);

  return g_string_free (part, FALSE);
}

/**
 * fm_export_suggest_name:
 * @document_name: (nullable): the document's file name without its
 *   extension, or its title; NULL for an untitled one
 * @map_name: (nullable): the map's name, such as "Future State"
 *
 * A file name for an export, without extension, that every file system
 * and shell takes as it is: the document's name, then the map's, since
 * one document's maps are exported side by side ("acme" and "Future
 * State" give "acme-future-state"; a map named "Acme future state"
 * gives it too).
 *
 * Returns: (transfer full): the name; "map" when neither gives one
 */
char *
fm_export_suggest_name (const char *document_name,
                        const char *map_name)
{
  g_autofree char *document = file_name_part (document_name);
  g_autofree char *map = file_name_part (map_name);

  if (*map == '\0')
    return *document != '\0' ? g_steal_pointer (&document) : g_strdup ("map");
  /* A map named after its document says it already. */
  if (*document == '\0' || g_str_equal (map, document) ||
      (g_str_has_prefix (map, document) && map[strlen (document)] == '-'))
    return g_steal_pointer (&map);

  return g_strconcat (document, "-", map, NULL);
}
