/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio.h: value stream maps drawn in draw.io (diagrams.net), in and out */
#pragma once

#include <gio/gio.h>

#include "fm-document.h"

G_BEGIN_DECLS

/* Limits past which a file is refused with FM_DRAWIO_ERROR_LIMIT, so that a
 * broken or hostile file fails fast; the model's FM_MAX_* hold too. */
#define FM_DRAWIO_MAX_FILE_SIZE  (64 * 1024 * 1024)  /* bytes of the file */
#define FM_DRAWIO_MAX_PAGE_SIZE  (64 * 1024 * 1024)  /* bytes of a page, inflated */
/* Cells of a page: shapes are matched with each other by place, pair by
 * pair, so this bounds the time a page takes (about a second at the
 * limit); draw.io itself slows down long before. */
#define FM_DRAWIO_MAX_CELLS      20000

/* draw.io's drawings hold about 100 units where Flowmap's hold 160: the
 * palette's process box is 100 × 70, Flowmap's step 160 × 120. */
#define FM_DRAWIO_SCALE 1.6

#define FM_DRAWIO_ERROR (fm_drawio_error_quark ())

/**
 * FmDrawioError:
 * @FM_DRAWIO_ERROR_FORMAT: not a draw.io file, or a page that cannot be read
 * @FM_DRAWIO_ERROR_LIMIT: past one of the FM_DRAWIO_MAX_* or FM_MAX_* limits
 */
typedef enum {
  FM_DRAWIO_ERROR_FORMAT,
  FM_DRAWIO_ERROR_LIMIT,
} FmDrawioError;

GQuark       fm_drawio_error_quark  (void);

gboolean     fm_drawio_is_file_name (const char  *name);

FmDocument  *fm_drawio_read_data    (const char  *data,
                                     gsize        length,
                                     const char  *display_name,
                                     GPtrArray  **unknown_out,
                                     GError     **error);
FmDocument  *fm_drawio_read_file    (GFile       *file,
                                     GPtrArray  **unknown_out,
                                     GError     **error);

G_END_DECLS
