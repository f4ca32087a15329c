/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-iso-date.h: the document's dates, as YYYY-MM-DD */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  fm_iso_date_parse  (const char *text,
                              GDate      *date);

G_END_DECLS
