/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export.h: a map drawn to a PNG, SVG or PDF file */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "fm-document.h"

G_BEGIN_DECLS

typedef enum {
  FM_EXPORT_FORMAT_PNG,
  FM_EXPORT_FORMAT_SVG,
  FM_EXPORT_FORMAT_PDF,
} FmExportFormat;

typedef enum {
  FM_EXPORT_FRAME_FIT,    /* the page is the content and the margin */
  FM_EXPORT_FRAME_16_9,   /* the content centred on a 16:9 page, for slides */
} FmExportFrame;

typedef struct {
  double scale;           /* PNG pixels per map unit: 1, or 2 or 3 for slides */
  gboolean transparent;   /* no background; white otherwise */
  gboolean timeline;      /* draw the timeline ladder */
  gboolean highlight_constraints; /* halo and badge on the top three constraints */
  double margin;          /* around the content, in map units */
  gboolean legend;        /* the map's name and key figures above it */
  FmExportFrame frame;
} FmExportOptions;

void      fm_export_options_init      (FmExportOptions        *options);
gboolean  fm_export_format_from_path  (const char             *path,
                                       FmExportFormat         *format);
gboolean  fm_export_map               (FmDocument             *document,
                                       FmMap                  *map,
                                       const char             *path,
                                       FmExportFormat          format,
                                       const FmExportOptions  *options,
                                       GError                **error);


/* Pages for previews and printing, drawn the way the files are. */
void      fm_export_get_page_size     (FmDocument             *document,
                                       FmMap                  *map,
                                       const FmExportOptions  *options,
                                       double                 *width,
                                       double                 *height);
void      fm_export_draw_page         (cairo_t                *cr,
                                       FmDocument             *document,
                                       FmMap                  *map,
                                       const FmExportOptions  *options,
                                       double                  width,
                                       double                  height);
cairo_surface_t *fm_export_image      (FmDocument             *document,
                                       FmMap                  *map,
                                       const FmExportOptions  *options,
                                       GError                **error);

/* fm-export-deck.c: several maps at once */
char     *fm_export_numbered_path     (const char             *path,
                                       guint                   number);
gboolean  fm_export_maps              (FmDocument             *document,
                                       FmMap                 **maps,
                                       guint                   n_maps,
                                       const char             *path,
                                       FmExportFormat          format,
                                       const FmExportOptions  *options,
                                       GError                **error);

G_END_DECLS
