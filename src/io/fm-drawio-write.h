/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-write.h: a map written as a draw.io page with the Value Stream
 * Mapping palette */
#pragma once

#include <gio/gio.h>

#include "fm-document.h"

G_BEGIN_DECLS

char      *fm_drawio_write_data  (FmDocument  *document,
                                  FmMap       *map,
                                  gsize       *length);
gboolean   fm_drawio_write_file  (FmDocument  *document,
                                  FmMap       *map,
                                  GFile       *file,
                                  GError     **error);

G_END_DECLS
