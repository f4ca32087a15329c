/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-private.h: the pieces of the draw.io import */
#pragma once

#include "fm-drawio.h"
#include "fm-map.h"

G_BEGIN_DECLS

/* One mxCell of a page, as the file has it. */
typedef struct {
  char *id;
  char *parent;
  char *value;    /* the label: plain text, or HTML when the style says html=1 */
  char *style;
  char *source;
  char *target;
  gboolean vertex;
  gboolean edge;
  gboolean relative;  /* geometry relative to an edge: an edge's label */
  double x, y, width, height;  /* relative to the parent vertex, if any */
} FmDrawioCell;

typedef struct {
  char *name;
  GPtrArray *cells;  /* FmDrawioCell* */
} FmDrawioPage;

void        fm_drawio_page_free       (FmDrawioPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmDrawioPage, fm_drawio_page_free)

/* fm-drawio-read.c: the pages of a file, whatever carries them */
GPtrArray  *fm_drawio_read_pages      (const char   *data,
                                       gsize         length,
                                       const char   *display_name,
                                       GError      **error);

/* fm-drawio-text.c: what a cell says */
char       *fm_drawio_style_get       (const char   *style,
                                       const char   *key);
char       *fm_drawio_shape_name      (const char   *style);
char       *fm_drawio_plain_text      (const char   *value,
                                       gboolean      html);
gboolean    fm_drawio_parse_duration  (const char   *text,
                                       double        day_length_s,
                                       double        shift_length_s,
                                       gboolean      bare_is_seconds,
                                       double       *seconds_out);
gboolean    fm_drawio_parse_number    (const char  **p,
                                       double       *value);

/* fm-drawio-map.c: a page turned into a map */
FmMap      *fm_drawio_page_to_map     (FmDrawioPage *page,
                                       FmDocument   *document,
                                       const char   *map_id,
                                       GPtrArray    *unknown);

G_END_DECLS
