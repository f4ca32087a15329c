/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document-private.h: structural changes of a document, for the undo layer and the loader */
#pragma once

#include "fm-command.h"
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

/* fm-document-edit.c: every undoable edit ends here */
void   fm_document_run                 (FmDocument *self,
                                        FmCommand  *command);
FmMap *fm_document_lookup_map_by_id    (FmDocument *self,
                                        const char *id);

G_END_DECLS
