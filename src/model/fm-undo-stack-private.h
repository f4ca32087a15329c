/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-undo-stack-private.h: how the document records its commands */
#pragma once

#include "fm-undo-stack.h"

G_BEGIN_DECLS

FmUndoStack *fm_undo_stack_new            (FmDocument  *document);
void         fm_undo_stack_push           (FmUndoStack *self,
                                           FmCommand   *command);
void         fm_undo_stack_begin_group    (FmUndoStack *self,
                                           const char  *label);
void         fm_undo_stack_end_group      (FmUndoStack *self);
void         fm_undo_stack_cancel_group   (FmUndoStack *self);

G_END_DECLS
