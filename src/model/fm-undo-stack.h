/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-undo-stack.h: the document's history of commands */
#pragma once

#include <glib-object.h>

#include "fm-command.h"

G_BEGIN_DECLS

#define FM_TYPE_UNDO_STACK (fm_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (FmUndoStack, fm_undo_stack, FM, UNDO_STACK, GObject)

gboolean     fm_undo_stack_get_can_undo   (FmUndoStack *self);
gboolean     fm_undo_stack_get_can_redo   (FmUndoStack *self);
const char  *fm_undo_stack_get_undo_label (FmUndoStack *self);
const char  *fm_undo_stack_get_redo_label (FmUndoStack *self);
gboolean     fm_undo_stack_get_modified   (FmUndoStack *self);
guint        fm_undo_stack_get_depth      (FmUndoStack *self);
gboolean     fm_undo_stack_undo           (FmUndoStack *self);
gboolean     fm_undo_stack_redo           (FmUndoStack *self);
void         fm_undo_stack_revert_to      (FmUndoStack *self,
                                           guint        depth);
void         fm_undo_stack_set_saved      (FmUndoStack *self);
void         fm_undo_stack_set_unsaved    (FmUndoStack *self);
void         fm_undo_stack_seal           (FmUndoStack *self);
void         fm_undo_stack_clear          (FmUndoStack *self);
gboolean     fm_undo_stack_in_group       (FmUndoStack *self);

G_END_DECLS
