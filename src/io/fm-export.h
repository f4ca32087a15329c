/* fm-export.h: a map drawn to a PNG, SVG or PDF file */
#pragma once

#include <gio/gio.h>

#include "fm-document.h"

G_BEGIN_DECLS

typedef enum {
  FM_EXPORT_FORMAT_PNG,
  FM_EXPORT_FORMAT_SVG,
  FM_EXPORT_FORMAT_PDF,
} FmExportFormat;

typedef struct {
  double scale;           /* PNG pixels per map unit: 1, or 2 or 3 for slides */
  gboolean transparent;   /* no background; white otherwise */
  gboolean timeline;      /* draw the timeline ladder */
  double margin;          /* around the content, in map units */
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

G_END_DECLS
