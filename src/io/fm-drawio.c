/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio.c: a draw.io file opened as a document, a page per map */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-document-private.h"
#include "fm-drawio-private.h"
#include "fm-file-check.h"
#include "fm-limits.h"

/**
 * fm_drawio_is_file_name:
 * @name: a file's name or path
 *
 * Returns: whether @name is one draw.io writes: `.drawio`, `.drawio.svg`,
 *   `.drawio.png`, `.dio` or `.xml`
 */
gboolean
fm_drawio_is_file_name (const char *name)
{
  static const char * const endings[] = { ".drawio", ".drawio.svg", ".drawio.png", ".dio", ".xml" };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (lower, endings[i]))
      return TRUE;

  return FALSE;
}

/* "acme.drawio.svg" → "acme" */
static char *
title_from_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup (base);
}

/**
 * fm_drawio_read_data:
 * @data: the bytes of a draw.io file (see fm_drawio_is_file_name())
 * @display_name: the file's name, for the messages
 * @unknown_out: (out) (optional) (transfer full) (element-type utf8): a
 *   line for each shape, text or arrow that is not part of a map
 *
 * Reads the pages drawn with draw.io's Value Stream Mapping palette into
 * maps, one per page. The document comes back unmodified, with an empty
 * history: it has no file of its own yet.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set (%FM_DRAWIO_ERROR) for a file that is not draw.io's
 */
FmDocument *
fm_drawio_read_data (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GPtrArray  **unknown_out,
                     GError     **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FmDocument) document = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  pages = fm_drawio_read_pages (data, length, display_name, error);
  if (pages == NULL)
    return NULL;

  document = fm_document_new ();
  title = title_from_name (display_name);
  /* The palette draws factories. */
  g_object_set (document, "title", title, "stream-type", FM_STREAM_TYPE_OPERATIONAL, NULL);

  for (guint i = 0; i < pages->len; i++)
    {
      FmDrawioPage *page = g_ptr_array_index (pages, i);
      g_autofree char *id = fm_document_new_map_id (document);
      g_autoptr(FmMap) map = fm_drawio_page_to_map (page, document, id, unknown);
      g_autofree char *lower = g_ascii_strdown (fm_map_get_name (map), -1);

      if (strstr (lower, "future") != NULL)
        fm_map_set_state (map, FM_MAP_STATE_FUTURE);
      if (fm_map_get_n_nodes (map) > FM_MAX_NODES)
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                       _("%s: more than %d shapes on one page"), display_name, FM_MAX_NODES);
          return NULL;
        }
      fm_document_insert_map_internal (document, i, map);
    }

  /* The first map's supplier and customer name the stream's ends. */
  if (fm_document_get_n_maps (document) > 0)
    {
      FmMap *map = fm_document_get_map (document, 0);

      for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
        {
          FmNode *node = fm_map_get_node (map, i);
          g_autofree char *line = g_strndup (fm_node_get_label (node), strcspn (fm_node_get_label (node), "\n"));

          if (fm_node_get_kind (node) == FM_NODE_KIND_TRIGGER && line[0] != '\0')
            g_object_set (document, "trigger", line, NULL);
          else if (fm_node_get_kind (node) == FM_NODE_KIND_OUTCOME && line[0] != '\0')
            g_object_set (document, "outcome", line, "customer", line, NULL);
        }
    }

  if (unknown_out != NULL)
    *unknown_out = g_steal_pointer (&unknown);
  return g_steal_pointer (&document);
}

/**
 * fm_drawio_read_file:
 *
 * fm_drawio_read_data() of a file; errors of reading it in %G_IO_ERROR.
 *
 * Returns: (transfer full) (nullable): the document
 */
FmDocument *
fm_drawio_read_file (GFile      *file,
                     GPtrArray **unknown_out,
                     GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!fm_file_check_regular (file, error))
    return NULL;
  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > FM_DRAWIO_MAX_FILE_SIZE)
    {
      g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                   _("%s: larger than %d MiB"), name, FM_DRAWIO_MAX_FILE_SIZE >> 20);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return fm_drawio_read_data (contents, length, name, unknown_out, error);
}
