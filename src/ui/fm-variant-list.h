/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-variant-list.h: the variants of a discovery, each to add as a map */
#pragma once

#include <adwaita.h>

#include "fm-discover.h"

G_BEGIN_DECLS

#define FM_TYPE_VARIANT_LIST (fm_variant_list_get_type ())
G_DECLARE_FINAL_TYPE (FmVariantList, fm_variant_list, FM, VARIANT_LIST, AdwBin)

GtkWidget   *fm_variant_list_new           (void);
void         fm_variant_list_set_discovery (FmVariantList *self,
                                            FmDiscovery   *discovery,
                                            FmDocument    *document);
FmDiscovery *fm_variant_list_get_discovery (FmVariantList *self);
GtkListBox  *fm_variant_list_get_list_box  (FmVariantList *self);

G_END_DECLS
