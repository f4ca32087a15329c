/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-file-check.h: refuse what is not a regular file before opening it */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean     fm_file_check_regular        (GFile        *file,
                                           GError      **error);

G_END_DECLS
