/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-part.h: a part of a map as a map of its own, and the neighbourhood of a node */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

FmMap      *fm_map_copy_part         (FmMap       *self,
                                      const char  *new_id,
                                      GHashTable  *keep);
GHashTable *fm_map_dup_neighbourhood (FmMap       *self,
                                      const char  *node_id,
                                      guint        hops);

G_END_DECLS
