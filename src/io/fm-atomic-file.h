/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-atomic-file.h: write a file so that a crash or a failure never leaves half of it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     fm_atomic_file_write         (const char   *path,
                                           const char   *data,
                                           gsize         length,
                                           gboolean      make_backup,
                                           GError      **error);

G_END_DECLS
