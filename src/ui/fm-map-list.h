/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-list.h: the maps of a document, in a sidebar list to switch, rename and reorder them */
#pragma once

#include <gtk/gtk.h>

#include "fm-document.h"

G_BEGIN_DECLS

#define FM_TYPE_MAP_LIST (fm_map_list_get_type ())
G_DECLARE_FINAL_TYPE (FmMapList, fm_map_list, FM, MAP_LIST, GtkWidget)

void        fm_map_list_set_document   (FmMapList   *self,
                                        FmDocument  *document);
void        fm_map_list_set_current    (FmMapList   *self,
                                        FmMap       *map);
void        fm_map_list_begin_rename   (FmMapList   *self);

G_END_DECLS
