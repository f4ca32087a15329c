/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export.c: a map drawn to a PNG, SVG or PDF file
 *
 * The page is the map's extents plus a margin, drawn by the same renderer
 * as the canvas with the light palette; for slides, the map's name and key
 * figures can go above it (the legend) and the page can be padded to 16:9.
 * The file replaces the target atomically, so a failed export never
 * leaves half a file behind: a PNG or PDF is written whole into memory
 * first, an SVG (which Cairo holds in memory until the end anyway) is
 * streamed into the replacement once its drawing has succeeded.
 * Several maps at once are in fm-export-deck.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fm-export-private.h"
#include "fm-file-check.h"

/* The page of a map without nodes, in map units. */
#define EMPTY_WIDTH 320.0
#define EMPTY_HEIGHT 160.0
/* Cairo's limit for image surfaces. */
#define MAX_PIXELS 32767
/* A slide's margin, as a share of the map's larger side. */
#define SLIDE_MARGIN 0.035

/**
 * fm_export_options_init:
 *
 * Sets @options to the defaults: scale 1, a white background, the
 * timeline, no constraint highlights, a margin of 24 map units, no
 * legend, the page fitted to the content.
 */
void
fm_export_options_init (FmExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (FmExportOptions) {
    .scale = 1,
    .transparent = FALSE,
    .timeline = TRUE,
    .highlight_constraints = FALSE,
    .margin = 24,
    .legend = FALSE,
    .frame = FM_EXPORT_FRAME_FIT,
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

cairo_status_t
fm_export_append_bytes (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * fm_export_page_init:
 *
 * Lays out the page of @map: its content, margin, legend and frame.
 */
void
fm_export_page_init (FmExportPage          *page,
                     FmDocument            *document,
                     FmMap                 *map,
                     const FmExportOptions *options)
{
  double content_w, content_h;

  *page = (FmExportPage) { 0 };
  page->map = map;
  fm_render_options_init (&page->render);
  page->render.document = document;
  page->render.palette = fm_palette_light ();
  page->render.timeline = options->timeline;
  page->render.highlight_constraints = options->highlight_constraints;
  /* The extents and the drawing would each route the edges and compute
   * the figures again. A map without nodes has no timeline. */
  page->routes = fm_edge_routes_new (map);
  page->render.routes = page->routes;
  if (fm_map_get_n_nodes (map) > 0 && (options->timeline || options->highlight_constraints))
    page->metrics = fm_metrics_compute (document, map, NULL);
  page->render.metrics = page->metrics;

  page->empty = !fm_renderer_get_extents (map, &page->render, &page->extents);
  content_w = page->empty ? EMPTY_WIDTH : page->extents.width;
  content_h = page->empty ? EMPTY_HEIGHT : page->extents.height;

  /* A slide breathes more than an image pasted into a document. */
  page->margin = page->empty ? 0 : options->margin;
  if (options->legend || options->frame != FM_EXPORT_FRAME_FIT)
    page->margin = MAX (options->margin, SLIDE_MARGIN * MAX (content_w, content_h));

  page->width = content_w + 2 * page->margin;
  if (options->legend)
    {
      page->legend = fm_legend_new (document, map);
      page->legend_height = fm_legend_get_height (page->legend, MAX (content_w, 600))
                            + page->margin * 0.75;
      /* A legend wider than a small map widens the page. */
      page->width = MAX (page->width, 600 + 2 * page->margin);
    }
  page->height = content_h + 2 * page->margin + page->legend_height;

  if (options->frame == FM_EXPORT_FRAME_16_9)
    {
      if (page->width * 9 < page->height * 16)
        page->width = page->height * 16 / 9;
      else
        page->height = page->width * 9 / 16;
    }
}

void
fm_export_page_clear (FmExportPage *page)
{
  g_clear_pointer (&page->legend, fm_legend_free);
  g_clear_pointer (&page->routes, fm_edge_routes_free);
  g_clear_pointer (&page->metrics, fm_metrics_free);
}

static void
draw_empty (cairo_t         *cr,
            const FmPalette *palette,
            const FmRect    *area)
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
  cairo_move_to (cr, area->x + (area->width - width) / 2, area->y + (area->height - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * fm_export_page_draw:
 * @width: the page, at least @page's own width; the content is centred
 * @height: likewise
 *
 * Draws the page in map units, with its origin at the page's corner.
 */
void
fm_export_page_draw (FmExportPage          *page,
                     cairo_t               *cr,
                     const FmExportOptions *options,
                     double                 width,
                     double                 height)
{
  fm_export_page_draw_area (page, cr, options, width, height, NULL);
}

static gboolean
rects_touch (const FmRect *a,
             const FmRect *b)
{
  return a->x <= b->x + b->width && a->x + a->width >= b->x &&
         a->y <= b->y + b->height && a->y + a->height >= b->y;
}

/**
 * fm_export_page_draw_area:
 * @visible: (nullable): the part of the page that needs drawing, in the
 *   page's units; what lies wholly outside it may be left out
 *
 * Draws the page as fm_export_page_draw() does, or the part of it a band
 * of an image shows.
 */
void
fm_export_page_draw_area (FmExportPage          *page,
                          cairo_t               *cr,
                          const FmExportOptions *options,
                          double                 width,
                          double                 height,
                          const FmRect          *visible)
{
  const FmPalette *palette = page->render.palette;
  FmRenderOptions render = page->render;
  double m = page->margin;
  FmRect area = { m, m + page->legend_height, width - 2 * m, height - 2 * m - page->legend_height };
  FmRect legend = { m, m, width - 2 * m, page->legend_height };
  double content_w = page->empty ? EMPTY_WIDTH : page->extents.width;
  double content_h = page->empty ? EMPTY_HEIGHT : page->extents.height;
  double dx, dy;

  cairo_save (cr);
  if (!options->transparent)
    {
      cairo_set_source_rgba (cr, palette->background.r, palette->background.g,
                             palette->background.b, palette->background.a);
      cairo_paint (cr);
    }

  if (page->legend != NULL && (visible == NULL || rects_touch (visible, &legend)))
    fm_legend_draw (page->legend, cr, palette, &legend);

  if (page->empty)
    {
      draw_empty (cr, palette, &area);
      cairo_restore (cr);
      return;
    }

  dx = area.x + (area.width - content_w) / 2 - page->extents.x;
  dy = area.y + (area.height - content_h) / 2 - page->extents.y;
  /* The renderer culls in map units. */
  if (visible != NULL)
    render.visible = (FmRect) { visible->x - dx, visible->y - dy, visible->width, visible->height };
  cairo_translate (cr, dx, dy);
  fm_renderer_draw (cr, page->map, &render);
  cairo_restore (cr);
}

char *
fm_export_pdf_title (FmDocument *document,
                     FmMap      *map)
{
  const char *doc_title = document ? fm_document_get_title (document) : NULL;
  const char *map_name = map ? fm_map_get_name (map) : NULL;
  gboolean has_doc = doc_title != NULL && doc_title[0] != '\0';
  gboolean has_map = map_name != NULL && map_name[0] != '\0';

  if (has_doc && has_map)
    return g_strdup_printf ("%s — %s", doc_title, map_name);
  if (has_doc || has_map)
    return g_strdup (has_doc ? doc_title : map_name);

  return g_strdup (_("Value stream map"));
}

/* Whether an image of @width × @height units at @scale can be made: each
 * side within Cairo's limit, and the area within FM_EXPORT_MAX_AREA. */
gboolean
fm_export_check_pixels (double       width,
                        double       height,
                        double       scale,
                        const char  *display_name,
                        GError     **error)
{
  double pixels_x = ceil (width * scale - 1e-6);
  double pixels_y = ceil (height * scale - 1e-6);

  if (pixels_x > MAX_PIXELS || pixels_y > MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: the image would be %.0f × %.0f pixels, "
                     "more than the %d a PNG can have; use a smaller scale, SVG or PDF"),
                   display_name, pixels_x, pixels_y, MAX_PIXELS);
      return FALSE;
    }
  if (pixels_x * pixels_y > FM_EXPORT_MAX_AREA)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: the image would be %.0f × %.0f pixels, "
                     "more than the %.0f million a PNG may have; use a smaller scale, SVG or PDF"),
                   display_name, pixels_x, pixels_y, FM_EXPORT_MAX_AREA / 1e6);
      return FALSE;
    }

  return TRUE;
}

/* Whether @map is small enough for an SVG (FM_EXPORT_MAX_SVG_NODES);
 * asked before anything is laid out, so a refusal is immediate. */
gboolean
fm_export_check_svg (FmMap       *map,
                     const char  *display_name,
                     GError     **error)
{
  guint n_nodes = fm_map_get_n_nodes (map);

  if (n_nodes > FM_EXPORT_MAX_SVG_NODES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: the map has %u nodes, more than the %u an SVG "
                     "viewer can open (the file would be hundreds of megabytes); export PDF instead"),
                   display_name, n_nodes, (guint) FM_EXPORT_MAX_SVG_NODES);
      return FALSE;
    }

  return TRUE;
}

/* The factor a PDF page of @width × @height points is drawn at: 1, or
 * less for a page larger than viewers open, keeping its proportions. */
double
fm_export_pdf_fit (double width,
                   double height)
{
  double longest = MAX (width, height);

  return longest > FM_EXPORT_MAX_PDF_SIDE ? FM_EXPORT_MAX_PDF_SIDE / longest : 1.0;
}

static cairo_surface_t *
render_image (FmExportPage          *page,
              const FmExportOptions *options)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (page->width * options->scale - 1e-6)),
                                        MAX (1, (int) ceil (page->height * options->scale - 1e-6)));
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  fm_export_page_draw (page, cr, options, page->width, page->height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Draws one page to @bytes in @format. */
gboolean
fm_export_render (FmExportPage           *page,
                  FmDocument             *document,
                  FmExportFormat          format,
                  const FmExportOptions  *options,
                  GByteArray             *bytes,
                  const char             *display_name,
                  GError                **error)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FM_EXPORT_FORMAT_PNG:
      if (!fm_export_check_pixels (page->width, page->height, options->scale, display_name, error))
        return FALSE;

      return fm_export_png (page, options, bytes, display_name, error);

    case FM_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (fm_export_append_bytes, bytes, page->width, page->height);
      /* Pixels, so the SVG opens at the size of the PNG at scale 1. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      fm_export_page_draw (page, cr, options, page->width, page->height);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      break;

    case FM_EXPORT_FORMAT_PDF:
      {
        g_autofree char *title = fm_export_pdf_title (document, page->map);
        double fit = fm_export_pdf_fit (page->width, page->height);

        /* One map unit is one point, unless the page would be larger
         * than viewers open. */
        surface = cairo_pdf_surface_create_for_stream (fm_export_append_bytes, bytes,
                                                       page->width * fit, page->height * fit);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Flowmap " PACKAGE_VERSION);
        cr = cairo_create (surface);
        cairo_scale (cr, fit, fit);
        fm_export_page_draw (page, cr, options, page->width, page->height);
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

/* A FIFO as the target would block the write until something read it,
 * and a device would be written instead of replaced: both are refused,
 * as the document save refuses them. */
static gboolean
check_target (GFile       *file,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (fm_file_check_regular (file, &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               _("Could not export to “%s”: %s"), display_name, describe_io_error (local_error));
  return FALSE;
}

gboolean
fm_export_write_bytes (GByteArray  *bytes,
                       const char  *path,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!check_target (file, display_name, error))
    return FALSE;
  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export to “%s”: %s"), display_name, describe_io_error (local_error));
      return FALSE;
    }

  return TRUE;
}

/* Writes what cairo gives it to the stream, from the first error on
 * failing the surface. */
typedef struct {
  GOutputStream *out;   /* NULL until the file is opened */
  GError *error;
} StreamWriter;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamWriter *writer = closure;

  if (writer->out == NULL || writer->error != NULL ||
      !g_output_stream_write_all (writer->out, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* An SVG surface keeps the drawing in memory and writes the file only when
 * finished: the drawing is checked first, then streamed straight into the
 * file's replacement. A copy in memory first would be as large as the
 * file (12 MB for 1,000 steps), and freeing it after every export makes
 * the next one fault its pages in again, a fifth of the export's time.
 * The target is replaced as g_file_replace_contents() does it; on failure
 * it is left as it was, and a file that was not there is removed. */
static gboolean
export_svg (FmExportPage           *page,
            const FmExportOptions  *options,
            const char             *path,
            const char             *display_name,
            GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  StreamWriter writer = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean existed;
  cairo_t *cr;

  surface = cairo_svg_surface_create_for_stream (write_to_stream, &writer, page->width, page->height);
  /* Pixels, so the SVG opens at the size of the PNG at scale 1. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  fm_export_page_draw (page, cr, options, page->width, page->height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export to “%s”: %s"), display_name, cairo_status_to_string (status));
      return FALSE;
    }

  if (!check_target (file, display_name, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  existed = g_file_query_exists (file, NULL);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (out == NULL)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export to “%s”: %s"), display_name, describe_io_error (local_error));
      return FALSE;
    }

  /* Closing the buffer must not close the file: that would put a file
   * that failed in place of the target. */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  writer.out = buffered;
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && writer.error == NULL &&
      g_output_stream_close (buffered, NULL, &writer.error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &writer.error))
    return TRUE;

  /* A cancelled close leaves the target as it was. */
  {
    g_autoptr(GCancellable) cancel = g_cancellable_new ();

    g_cancellable_cancel (cancel);
    g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
    if (!existed)
      g_file_delete (file, NULL, NULL);
  }

  if (writer.error != NULL)
    {
      g_set_error (error, writer.error->domain, writer.error->code,
                   _("Could not export to “%s”: %s"), display_name, describe_io_error (writer.error));
      g_error_free (writer.error);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not export to “%s”: %s"), display_name, cairo_status_to_string (status));

  return FALSE;
}

gboolean
fm_export_check_options (const FmExportOptions  *options,
                         const char             *display_name,
                         GError                **error)
{
  if (!isfinite (options->scale) || options->scale <= 0 ||
      !isfinite (options->margin) || options->margin < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: the scale must be above 0 and the margin not negative"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * fm_export_map:
 * @document: (nullable): gives the day length, the demand and the title
 * @path: the file to write; replaced if it exists
 * @options: (nullable): see fm_export_options_init() for the defaults
 *
 * Draws @map to @path. The page is the map's extents with the margin
 * around, the legend above when asked, padded to 16:9 when asked; a PNG
 * is (width + 2 × margin) × scale pixels wide, rounded up, and at most
 * FM_EXPORT_MAX_AREA pixels in all; SVG measures in pixels and PDF in
 * points, one per map unit, whatever the scale, but a PDF page is scaled
 * down to 14,400 points a side at most (what viewers open), and an SVG
 * holds FM_EXPORT_MAX_SVG_NODES nodes at most. A map without
 * nodes gives a small page that says so.
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
  g_autofree char *display_name = NULL;
  FmExportOptions defaults;
  FmExportPage page;
  gboolean ok;

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
  if (!fm_export_check_options (options, display_name, error))
    return FALSE;
  if (format == FM_EXPORT_FORMAT_SVG && !fm_export_check_svg (map, display_name, error))
    return FALSE;

  fm_export_page_init (&page, document, map, options);
  if (format == FM_EXPORT_FORMAT_SVG)
    {
      ok = export_svg (&page, options, path, display_name, error);
      fm_export_page_clear (&page);
      return ok;
    }
  ok = fm_export_render (&page, document, format, options, bytes, display_name, error);
  fm_export_page_clear (&page);

  return ok && fm_export_write_bytes (bytes, path, display_name, error);
}

/**
 * fm_export_get_page_size:
 * @options: (nullable): the defaults when %NULL
 * @width: (out): the page's width, in map units
 * @height: (out): its height
 */
void
fm_export_get_page_size (FmDocument            *document,
                         FmMap                 *map,
                         const FmExportOptions *options,
                         double                *width,
                         double                *height)
{
  FmExportOptions defaults;
  FmExportPage page;

  g_return_if_fail (FM_IS_MAP (map));

  if (options == NULL)
    {
      fm_export_options_init (&defaults);
      options = &defaults;
    }

  fm_export_page_init (&page, document, map, options);
  *width = page.width;
  *height = page.height;
  fm_export_page_clear (&page);
}

/**
 * fm_export_draw_page:
 * @cr: a context whose user space is the page's, in map units
 * @width: the page's width, at least fm_export_get_page_size()'s; the
 *   content is centred in a larger one
 *
 * Draws the page of @map as an export would: for previews and printing.
 */
void
fm_export_draw_page (cairo_t               *cr,
                     FmDocument            *document,
                     FmMap                 *map,
                     const FmExportOptions *options,
                     double                 width,
                     double                 height)
{
  FmExportOptions defaults;
  FmExportPage page;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (FM_IS_MAP (map));

  if (options == NULL)
    {
      fm_export_options_init (&defaults);
      options = &defaults;
    }

  fm_export_page_init (&page, document, map, options);
  fm_export_page_draw (&page, cr, options, MAX (width, page.width), MAX (height, page.height));
  fm_export_page_clear (&page);
}

/**
 * fm_export_image:
 *
 * Draws the page of @map to an image of options->scale pixels per map
 * unit, as for the clipboard.
 *
 * Returns: (transfer full) (nullable): the image, or %NULL when it would
 *   be too large
 */
cairo_surface_t *
fm_export_image (FmDocument             *document,
                 FmMap                  *map,
                 const FmExportOptions  *options,
                 GError                **error)
{
  cairo_surface_t *surface = NULL;
  FmExportPage page;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!fm_export_check_options (options, _("the image"), error))
    return NULL;

  fm_export_page_init (&page, document, map, options);
  if (fm_export_check_pixels (page.width, page.height, options->scale, _("the image"), error))
    surface = render_image (&page, options);
  fm_export_page_clear (&page);

  return surface;
}
