/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-waste.h: the wastes an improvement experiment attacks, by keyword */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint        fm_waste_get_n_kinds   (void);
const char  *fm_waste_get_keyword   (guint       index);
const char  *fm_waste_get_name      (const char *keyword);
gint         fm_waste_lookup        (const char *keyword);

G_END_DECLS
