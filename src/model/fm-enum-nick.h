/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-enum-nick.h: the model's enumerations by name, as the file writes them */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char  *fm_enum_to_nick    (GType       type,
                                 int         value);
gboolean     fm_enum_from_nick  (GType       type,
                                 const char *nick,
                                 int        *value);

G_END_DECLS
