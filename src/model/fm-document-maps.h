/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document-maps.h: whole-map changes of a document: duplicate, future state */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

char   *fm_document_unique_map_name       (FmDocument *self,
                                           const char *base);
FmMap  *fm_document_add_new_map           (FmDocument *self,
                                           guint       position);
FmMap  *fm_document_duplicate_map         (FmDocument *self,
                                           FmMap      *map);
FmMap  *fm_document_create_future_state   (FmDocument *self,
                                           FmMap      *origin);
FmMap  *fm_document_get_origin_map        (FmDocument *self,
                                           FmMap      *map);
gint    fm_document_get_map_position      (FmDocument *self,
                                           FmMap      *map);

G_END_DECLS
