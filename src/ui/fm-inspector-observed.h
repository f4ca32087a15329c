/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-observed.h: where a node's times come from, in the inspector */
#pragma once

#include <adwaita.h>

#include "fm-document.h"

G_BEGIN_DECLS

void      fm_inspector_observed_show      (GtkWidget  *row,
                                           FmNode     *node);
gboolean  fm_inspector_observed_replaces  (GObject    *object,
                                           const char *property);
void      fm_inspector_observed_set       (FmDocument   *document,
                                           FmMap        *map,
                                           const char   *node_id,
                                           const char   *property,
                                           const GValue *value);

G_END_DECLS
