/* fm-document-private.h: structural changes of a document, for the undo layer and the loader */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

void fm_document_insert_map_internal (FmDocument *self,
                                      guint       position,
                                      FmMap      *map);
void fm_document_remove_map_internal (FmDocument *self,
                                      FmMap      *map);
void fm_document_move_map_internal   (FmDocument *self,
                                      guint       from,
                                      guint       to);

G_END_DECLS
