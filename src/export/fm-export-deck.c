/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-deck.c: several maps exported at once, as a deck of slides
 *
 * A PDF gets one page per map, in the document's order; PNG and SVG, one
 * file per map, numbered after the name asked for (deck.png gives
 * deck-1.png, deck-2.png…). Framed pages (16:9) all get the size of the
 * largest, so that a deck does not jump from slide to slide.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "fm-export-private.h"

/**
 * fm_export_numbered_path:
 * @number: counted from 1
 *
 * Returns: (transfer full): @path with "-@number" before its extension:
 *   "slides/deck.png" gives "slides/deck-2.png"
 */
char *
fm_export_numbered_path (const char *path,
                         guint       number)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *numbered = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    numbered = g_strdup_printf ("%.*s-%u%s", (int) (dot - base), base, number, dot);
  else
    numbered = g_strdup_printf ("%s-%u", base, number);

  /* Keep a relative path relative, as it was given. */
  if (strchr (path, G_DIR_SEPARATOR) == NULL)
    return g_steal_pointer (&numbered);

  return g_build_filename (dir, numbered, NULL);
}

static void
uniform_size (FmExportPage          *pages,
              guint                  n,
              const FmExportOptions *options)
{
  double width = 0, height = 0;

  if (options->frame == FM_EXPORT_FRAME_FIT)
    return;

  for (guint i = 0; i < n; i++)
    {
      width = MAX (width, pages[i].width);
      height = MAX (height, pages[i].height);
    }
  for (guint i = 0; i < n; i++)
    {
      pages[i].width = width;
      pages[i].height = height;
    }
}

static gboolean
write_pdf (FmDocument             *document,
           FmExportPage           *pages,
           guint                   n,
           const FmExportOptions  *options,
           GByteArray             *bytes,
           const char             *display_name,
           GError                **error)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  title = fm_export_pdf_title (document, n == 1 ? pages[0].map : NULL);
  surface = cairo_pdf_surface_create_for_stream (fm_export_append_bytes, bytes,
                                                 pages[0].width * fm_export_pdf_fit (pages[0].width, pages[0].height),
                                                 pages[0].height * fm_export_pdf_fit (pages[0].width, pages[0].height));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Flowmap " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < n; i++)
    {
      const char *name = fm_map_get_name (pages[i].map);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 1);
      double fit = fm_export_pdf_fit (pages[i].width, pages[i].height);

      /* The size of a page is set before anything is drawn on it; the
       * outline lets a viewer jump to a map by its name. */
      cairo_pdf_surface_set_size (surface, pages[i].width * fit, pages[i].height * fit);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     name[0] ? name : fm_map_get_id (pages[i].map), link, 0);
      cairo_save (cr);
      cairo_scale (cr, fit, fit);
      fm_export_page_draw (&pages[i], cr, options, pages[i].width, pages[i].height);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export to “%s”: %s"), display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * fm_export_maps:
 * @document: (nullable): gives the day length, the demand and the title
 * @maps: (array length=n_maps): the maps, in the order of the pages
 * @path: the file to write; for PNG and SVG with more than one map, the
 *   name the numbered files are made from (fm_export_numbered_path())
 * @options: (nullable): see fm_export_options_init() for the defaults
 *
 * Exports several maps: a PDF of one page per map, or one PNG or SVG
 * file per map. Every page is drawn before any file is written, so a
 * failure leaves no file changed unless writing itself fails.
 *
 * Returns: %TRUE on success
 */
gboolean
fm_export_maps (FmDocument             *document,
                FmMap                 **maps,
                guint                   n_maps,
                const char             *path,
                FmExportFormat          format,
                const FmExportOptions  *options,
                GError                **error)
{
  g_autofree char *display_name = NULL;
  g_autofree FmExportPage *pages = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  FmExportOptions defaults;
  gboolean ok = TRUE;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (maps != NULL && n_maps > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      fm_export_options_init (&defaults);
      options = &defaults;
    }

  display_name = g_filename_display_name (path);
  if (!fm_export_check_options (options, display_name, error))
    return FALSE;
  for (guint i = 0; i < n_maps && format == FM_EXPORT_FORMAT_SVG; i++)
    if (!fm_export_check_svg (maps[i], display_name, error))
      return FALSE;

  pages = g_new0 (FmExportPage, n_maps);
  for (guint i = 0; i < n_maps; i++)
    fm_export_page_init (&pages[i], document, maps[i], options);
  uniform_size (pages, n_maps, options);

  if (format == FM_EXPORT_FORMAT_PDF)
    {
      GByteArray *bytes = g_byte_array_new ();

      g_ptr_array_add (files, bytes);
      ok = write_pdf (document, pages, n_maps, options, bytes, display_name, error);
    }
  else
    {
      for (guint i = 0; i < n_maps && ok; i++)
        {
          g_autofree char *name = n_maps == 1 ? g_strdup (path) : fm_export_numbered_path (path, i + 1);
          g_autofree char *shown = g_filename_display_name (name);
          GByteArray *bytes = g_byte_array_new ();

          g_ptr_array_add (files, bytes);
          ok = fm_export_render (&pages[i], document, format, options, bytes, shown, error);
        }
    }

  for (guint i = 0; i < n_maps; i++)
    fm_export_page_clear (&pages[i]);

  for (guint i = 0; i < files->len && ok; i++)
    {
      g_autofree char *name = files->len == 1 ? g_strdup (path) : fm_export_numbered_path (path, i + 1);
      g_autofree char *shown = g_filename_display_name (name);

      ok = fm_export_write_bytes (files->pdata[i], name, shown, error);
    }

  return ok;
}
