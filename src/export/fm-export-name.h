/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-name.h: the file name an export proposes */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *fm_export_suggest_name (const char *document_name,
                              const char *map_name);

G_END_DECLS
