/* fm-export.c: a map drawn to a PNG, SVG or PDF file
 *
 * The page is the map's extents plus a margin, drawn by the same renderer
 * as the canvas with the light palette. The file is written whole into
 * memory first and then replaces the target atomically, so a failed
 * export never leaves half a file behind.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fm-export.h"
#include "fm-renderer.h"

/* The page of a map without nodes, in map units. */
#define EMPTY_WIDTH 320.0
#define EMPTY_HEIGHT 160.0
/* Cairo's limit for image surfaces. */
#define MAX_PIXELS 32767

/**
 * fm_export_options_init:
 *
 * Sets @options to the defaults: scale 1, a white background, the
 * timeline, and a margin of 24 map units.
 */
void
fm_export_options_init (FmExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (FmExportOptions) {
    .scale = 1,
    .transparent = FALSE,
    .timeline = TRUE,
    .margin = 24,
  };
}

/**
 * fm_export_format_from_path:
 * @format: (out): the format the extension of @path names
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf, in any case
 */
gboolean
fm_export_format_from_path (const char     *path,
                            FmExportFormat *format)
{
  g_autofree char *basename = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  if (dot == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FM_EXPORT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FM_EXPORT_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FM_EXPORT_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_empty (cairo_t         *cr,
            const FmPalette *palette)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, 14 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* Translators: the only text of an image exported from a map without nodes */
  pango_layout_set_text (layout, _("Empty map"), -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  cairo_set_source_rgba (cr, palette->muted.r, palette->muted.g, palette->muted.b, palette->muted.a);
  cairo_move_to (cr, (EMPTY_WIDTH - width) / 2, (EMPTY_HEIGHT - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Draws the page in map units, with its origin at the page's corner. */
static void
draw_page (cairo_t               *cr,
           FmMap                 *map,
           const FmRenderOptions *render_options,
           const FmRect          *extents,
           const FmExportOptions *options)
{
  const FmPalette *palette = render_options->palette;

  if (!options->transparent)
    {
      cairo_set_source_rgba (cr, palette->background.r, palette->background.g,
                             palette->background.b, palette->background.a);
      cairo_paint (cr);
    }

  if (extents == NULL)
    {
      draw_empty (cr, palette);
      return;
    }

  cairo_translate (cr, options->margin - extents->x, options->margin - extents->y);
  fm_renderer_draw (cr, map, render_options);
}

static char *
pdf_title (FmDocument *document,
           FmMap      *map)
{
  const char *doc_title = document ? fm_document_get_title (document) : NULL;
  const char *map_name = fm_map_get_name (map);
  gboolean has_doc = doc_title != NULL && doc_title[0] != '\0';
  gboolean has_map = map_name != NULL && map_name[0] != '\0';

  if (has_doc && has_map)
    return g_strdup_printf ("%s — %s", doc_title, map_name);
  if (has_doc || has_map)
    return g_strdup (has_doc ? doc_title : map_name);

  return g_strdup (_("Value stream map"));
}

static gboolean
render (FmDocument             *document,
        FmMap                  *map,
        FmExportFormat          format,
        const FmExportOptions  *options,
        GByteArray             *bytes,
        const char             *display_name,
        GError                **error)
{
  FmRenderOptions render_options;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  FmRect extents;
  gboolean empty;
  double width, height;

  fm_render_options_init (&render_options);
  render_options.document = document;
  render_options.palette = fm_palette_light ();
  render_options.timeline = options->timeline;

  empty = !fm_renderer_get_extents (map, &render_options, &extents);
  width = empty ? EMPTY_WIDTH : extents.width + 2 * options->margin;
  height = empty ? EMPTY_HEIGHT : extents.height + 2 * options->margin;

  switch (format)
    {
    case FM_EXPORT_FORMAT_PNG:
      {
        double pixels_x = ceil (width * options->scale - 1e-6);
        double pixels_y = ceil (height * options->scale - 1e-6);

        if (pixels_x > MAX_PIXELS || pixels_y > MAX_PIXELS)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Could not export to “%s”: the image would be %.0f × %.0f pixels, "
                           "more than the %d a PNG can have; use a smaller scale, SVG or PDF"),
                         display_name, pixels_x, pixels_y, MAX_PIXELS);
            return FALSE;
          }

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                              MAX (1, (int) pixels_x), MAX (1, (int) pixels_y));
        cr = cairo_create (surface);
        cairo_scale (cr, options->scale, options->scale);
        draw_page (cr, map, &render_options, empty ? NULL : &extents, options);
        status = cairo_status (cr);
        cairo_destroy (cr);
        if (status == CAIRO_STATUS_SUCCESS)
          status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
      }
      break;

    case FM_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      /* Pixels, so the SVG opens at the size of the PNG at scale 1. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      draw_page (cr, map, &render_options, empty ? NULL : &extents, options);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      break;

    case FM_EXPORT_FORMAT_PDF:
      {
        g_autofree char *title = pdf_title (document, map);

        /* One map unit is one point. */
        surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Flowmap " PACKAGE_VERSION);
        cr = cairo_create (surface);
        draw_page (cr, map, &render_options, empty ? NULL : &extents, options);
        status = cairo_status (cr);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        if (status == CAIRO_STATUS_SUCCESS)
          status = cairo_surface_status (surface);
      }
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: unknown format"), display_name);
      return FALSE;
    }

  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export to “%s”: %s"), display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* GIO's messages name the temporary file it writes; ours name the target. */
static const char *
describe_io_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return _("its folder does not exist");
        case G_IO_ERROR_PERMISSION_DENIED:
          return _("permission denied");
        case G_IO_ERROR_IS_DIRECTORY:
          return _("it is a folder");
        case G_IO_ERROR_NO_SPACE:
          return _("the disk is full");
        case G_IO_ERROR_READ_ONLY:
          return _("the disk is read-only");
        default:
          break;
        }
    }

  return error->message;
}

/**
 * fm_export_map:
 * @document: (nullable): gives the day length, the demand and the title
 * @path: the file to write; replaced if it exists
 * @options: (nullable): see fm_export_options_init() for the defaults
 *
 * Draws @map to @path. The page is the map's extents with the margin
 * around; a PNG is (width + 2 × margin) × scale pixels wide, rounded up;
 * SVG measures in pixels and PDF in points, one per map unit, whatever
 * the scale. A map without nodes gives a small page that says so.
 *
 * Returns: %TRUE on success; on failure @path is left as it was and
 *   @error names it and what went wrong
 */
gboolean
fm_export_map (FmDocument             *document,
               FmMap                  *map,
               const char             *path,
               FmExportFormat          format,
               const FmExportOptions  *options,
               GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *display_name = NULL;
  FmExportOptions defaults;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      fm_export_options_init (&defaults);
      options = &defaults;
    }

  display_name = g_filename_display_name (path);

  if (!isfinite (options->scale) || options->scale <= 0 ||
      !isfinite (options->margin) || options->margin < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: the scale must be above 0 and the margin not negative"),
                   display_name);
      return FALSE;
    }

  if (!render (document, map, format, options, bytes, display_name, error))
    return FALSE;

  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export to “%s”: %s"), display_name, describe_io_error (local_error));
      return FALSE;
    }

  return TRUE;
}
