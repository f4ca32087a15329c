/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-chart.c: a chart (of observed flow data, cycle time / takt, or a simulation) written to a PNG, SVG or PDF file
 *
 * The chart is drawn by the same code as in the side panel (fm-chart.c),
 * with its title and caption, on a white page. As for maps (fm-export.c),
 * the file is made whole in memory and then replaces the target
 * atomically, so a failed export never leaves half a file behind.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "fm-chart-balance.h"
#include "fm-chart-simulate.h"
#include "fm-export-chart.h"
#include "fm-export-private.h"

/* Cairo's limit for image surfaces. */
#define MAX_PIXELS 32767

/* What a page shows: an observed-data chart, the cycle time / takt chart
 * or a chart of a simulation. */
typedef struct {
  FmChartKind kind;
  const FmChartData *data;      /* NULL for the cycle time / takt chart */
  FmDocument *document;
  FmMap *map;
  double takt_time_s;
  const FmSimulateResult *simulation;  /* set for a simulation's chart */
  FmSimChartKind sim_kind;
} Page;

static cairo_status_t
draw_on (cairo_surface_t *surface,
         const Page      *page,
         double           width,
         double           height,
         double           scale)
{
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  if (page->data != NULL)
    fm_chart_draw (cr, page->kind, page->data, width, height);
  else if (page->simulation != NULL)
    fm_sim_chart_draw (cr, page->sim_kind, page->document, page->map, page->simulation, TRUE, width, height, NULL);
  else
    fm_chart_balance_draw (cr, page->document, page->map, page->takt_time_s, TRUE, width, height, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

static gboolean
export_page (const Page      *page,
             const char      *title,
             const char      *path,
             FmExportFormat   format,
             double           width,
             double           height,
             double           scale,
             GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *display_name = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;

  display_name = g_filename_display_basename (path);
  if (!(width >= 1 && height >= 1 && isfinite (width) && isfinite (height) && scale > 0 && isfinite (scale)) ||
      ceil (width * scale) > MAX_PIXELS || ceil (height * scale) > MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: a chart must be between 1 and %d pixels wide and high"),
                   display_name, MAX_PIXELS);
      return FALSE;
    }

  if (format == FM_EXPORT_FORMAT_PNG && !fm_export_check_pixels (width, height, scale, display_name, error))
    return FALSE;

  switch (format)
    {
    case FM_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale - 1e-6),
                                            (int) ceil (height * scale - 1e-6));
      status = draw_on (surface, page, width, height, scale);
      cairo_surface_flush (surface);
      if (status == CAIRO_STATUS_SUCCESS && !fm_export_png_write_surface (surface, bytes))
        status = CAIRO_STATUS_NO_MEMORY;
      break;

    case FM_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (fm_export_append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      status = draw_on (surface, page, width, height, 1);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      break;

    case FM_EXPORT_FORMAT_PDF:
      /* Within what viewers open, as a map's page. */
      surface = cairo_pdf_surface_create_for_stream (fm_export_append_bytes, bytes,
                                                     width * fm_export_pdf_fit (width, height),
                                                     height * fm_export_pdf_fit (width, height));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Flowmap " PACKAGE_VERSION);
      status = draw_on (surface, page, width, height, fm_export_pdf_fit (width, height));
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export to “%s”: unknown format"), display_name);
      return FALSE;
    }

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export to “%s”: %s"), display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return fm_export_write_bytes (bytes, path, display_name, error);
}

/**
 * fm_export_chart:
 * @data: what to draw; its @title is for the caller to set (a slide has one)
 * @path: the file to write; replaced if it exists
 * @width: the page in pixels at scale 1 (SVG: pixels, PDF: points);
 *   %FM_CHART_EXPORT_WIDTH for a slide
 * @height: likewise; %FM_CHART_EXPORT_HEIGHT for a slide
 * @scale: PNG pixels per unit: 2 for a sharp slide; SVG and PDF ignore it
 *
 * Returns: %TRUE on success; on failure @path is left as it was and
 *   @error names it and what went wrong
 */
gboolean
fm_export_chart (FmChartKind         kind,
                 const FmChartData  *data,
                 const char         *path,
                 FmExportFormat      format,
                 double              width,
                 double              height,
                 double              scale,
                 GError            **error)
{
  Page page = { kind, data, NULL, NULL, NAN, NULL, 0 };

  g_return_val_if_fail (kind < FM_N_CHARTS, FALSE);
  g_return_val_if_fail (data != NULL && data->observed != NULL && data->series != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_page (&page, fm_chart_kind_get_title (kind), path, format, width, height, scale, error);
}

/**
 * fm_export_balance_chart:
 * @document: the document of @map, for its day and units
 * @map: the map whose steps are drawn
 * @takt_time_s: the takt time (FmMetrics's), NAN when unknown
 *
 * The cycle time / takt chart of @map, with its title, as
 * fm_export_chart() writes the observed-data charts.
 *
 * Returns: %TRUE on success; on failure @path is left as it was and
 *   @error names it and what went wrong
 */
gboolean
fm_export_balance_chart (FmDocument      *document,
                         FmMap           *map,
                         double           takt_time_s,
                         const char      *path,
                         FmExportFormat   format,
                         double           width,
                         double           height,
                         double           scale,
                         GError         **error)
{
  Page page = { 0, NULL, document, map, takt_time_s, NULL, 0 };

  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_page (&page, _("Cycle time / takt"), path, format, width, height, scale, error);
}

/**
 * fm_export_simulation_chart:
 * @document: the document of @map, for its day
 * @map: the map simulated
 * @result: what its simulation gave
 *
 * Chart @kind of a simulation, with its title, as fm_export_chart() writes
 * the observed-data charts.
 *
 * Returns: %TRUE on success; on failure @path is left as it was and
 *   @error names it and what went wrong
 */
gboolean
fm_export_simulation_chart (FmSimChartKind          kind,
                            FmDocument             *document,
                            FmMap                  *map,
                            const FmSimulateResult *result,
                            const char             *path,
                            FmExportFormat          format,
                            double                  width,
                            double                  height,
                            double                  scale,
                            GError                **error)
{
  Page page = { 0, NULL, document, map, NAN, result, kind };

  g_return_val_if_fail (kind < FM_N_SIM_CHARTS, FALSE);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_page (&page, fm_sim_chart_kind_get_title (kind), path, format, width, height, scale, error);
}
