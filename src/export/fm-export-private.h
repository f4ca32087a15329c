/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-private.h: the layout of one exported page, shared by single maps and decks */
#pragma once

#include "fm-export.h"
#include "fm-renderer.h"
#include "fm-slide.h"

G_BEGIN_DECLS

typedef struct {
  FmMap *map;
  FmRenderOptions render;   /* the light palette, the timeline, the routes and figures below */
  FmEdgeRoutes *routes;     /* found once for the extents and the drawing */
  FmMetrics *metrics;       /* likewise; NULL when neither the timeline nor highlights need them */
  gboolean empty;           /* the map has no node */
  FmRect extents;           /* what the renderer draws, in map units */
  double margin;
  FmLegend *legend;         /* nullable */
  double legend_height;     /* with the gap under it */
  double width;             /* the page, framed */
  double height;
} FmExportPage;

/* An image's area at most: 512 MiB of pixels, so that an export stays
 * well within the 1 GiB a command may use (a side alone allowed 4 GiB). */
#define FM_EXPORT_MAX_AREA (16384.0 * 8192.0)
/* A PDF page's side at most, in points: what viewers open (200 inches,
 * Acrobat's limit); a larger page is scaled down to it. */
#define FM_EXPORT_MAX_PDF_SIDE 14400.0
/* The nodes an SVG may have at most. Cairo writes each glyph as its own
 * element, about 5 KB a node, and holds the file in memory twice: a fan
 * of 100,000 steps made 508 MB of SVG in 25 s of CPU and 2 GB, which no
 * viewer opens (its PDF: 4 MB in 8 s). 25,000 nodes stay near 130 MB. */
#define FM_EXPORT_MAX_SVG_NODES 25000

void      fm_export_page_init       (FmExportPage           *page,
                                     FmDocument             *document,
                                     FmMap                  *map,
                                     const FmExportOptions  *options);
void      fm_export_page_clear      (FmExportPage           *page);
void      fm_export_page_draw       (FmExportPage           *page,
                                     cairo_t                *cr,
                                     const FmExportOptions  *options,
                                     double                  width,
                                     double                  height);
void      fm_export_page_draw_area  (FmExportPage           *page,
                                     cairo_t                *cr,
                                     const FmExportOptions  *options,
                                     double                  width,
                                     double                  height,
                                     const FmRect           *visible);
char     *fm_export_pdf_title       (FmDocument             *document,
                                     FmMap                  *map);
gboolean  fm_export_write_bytes     (GByteArray             *bytes,
                                     const char             *path,
                                     const char             *display_name,
                                     GError                **error);
gboolean  fm_export_check_options   (const FmExportOptions  *options,
                                     const char             *display_name,
                                     GError                **error);
cairo_status_t fm_export_append_bytes (void                 *closure,
                                     const unsigned char    *data,
                                     unsigned int            length);
gboolean  fm_export_check_pixels    (double                  width,
                                     double                  height,
                                     double                  scale,
                                     const char             *display_name,
                                     GError                **error);
double    fm_export_pdf_fit         (double                  width,
                                     double                  height);
gboolean  fm_export_check_svg       (FmMap                  *map,
                                     const char             *display_name,
                                     GError                **error);
gboolean  fm_export_render          (FmExportPage           *page,
                                     FmDocument             *document,
                                     FmExportFormat          format,
                                     const FmExportOptions  *options,
                                     GByteArray             *bytes,
                                     const char             *display_name,
                                     GError                **error);

/* fm-export-png.c */
gboolean  fm_export_png             (FmExportPage           *page,
                                     const FmExportOptions  *options,
                                     GByteArray             *bytes,
                                     const char             *display_name,
                                     GError                **error);
gboolean  fm_export_png_write_surface (cairo_surface_t      *surface,
                                     GByteArray             *bytes);

G_END_DECLS
