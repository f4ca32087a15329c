/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-markup.h: what the GMarkup readers of other tools' files share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *fm_markup_attribute (const char **names,
                                 const char **values,
                                 const char  *name);

G_END_DECLS
