/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-undo-stack.c: the document's history of commands
 *
 * Commands arrive already applied. Inside a group they are collected and
 * the group becomes one step when the outermost group ends.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-undo-stack"

#include "fm-document.h"
#include "fm-undo-stack-private.h"

struct _FmUndoStack
{
  GObject parent_instance;

  FmDocument *document; /* not owned: the document owns the stack */
  GPtrArray *done;
  GPtrArray *undone;
  GPtrArray *open_groups;
  /* The depth of done at the last save, or -1 when that state is gone. */
  gint64 saved_depth;
  gboolean sealed;
};

G_DEFINE_FINAL_TYPE (FmUndoStack, fm_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_undo_stack_finalize (GObject *object)
{
  FmUndoStack *self = FM_UNDO_STACK (object);

  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->undone, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (fm_undo_stack_parent_class)->finalize (object);
}

static void
fm_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FmUndoStack *self = FM_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fm_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fm_undo_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, fm_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, fm_undo_stack_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, fm_undo_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_undo_stack_class_init (FmUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fm_undo_stack_finalize;
  object_class->get_property = fm_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_undo_stack_init (FmUndoStack *self)
{
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_command_free);
  self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_command_free);
  self->open_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_command_free);
}

FmUndoStack *
fm_undo_stack_new (FmDocument *document)
{
  FmUndoStack *self = g_object_new (FM_TYPE_UNDO_STACK, NULL);

  self->document = document;

  return self;
}

static void
notify_all (FmUndoStack *self)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
record (FmUndoStack *self,
        FmCommand   *command)
{
  FmCommand *top = self->done->len > 0
    ? g_ptr_array_index (self->done, self->done->len - 1)
    : NULL;

  g_ptr_array_set_size (self->undone, 0);
  if (self->saved_depth > (gint64) self->done->len)
    self->saved_depth = -1;

  /* Never merge into the saved state: the change must show as modified. */
  if (top != NULL && !self->sealed &&
      self->saved_depth != (gint64) self->done->len &&
      fm_command_merge (top, command))
    {
      fm_command_free (command);
    }
  else
    {
      g_ptr_array_add (self->done, command);
    }

  self->sealed = FALSE;
  notify_all (self);
}

void
fm_undo_stack_push (FmUndoStack *self,
                    FmCommand   *command)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));
  g_return_if_fail (command != NULL);

  if (self->open_groups->len > 0)
    fm_command_group_add (g_ptr_array_index (self->open_groups, self->open_groups->len - 1),
                          command);
  else
    record (self, command);
}

void
fm_undo_stack_begin_group (FmUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));

  g_ptr_array_add (self->open_groups, fm_command_new_group (label));
}

void
fm_undo_stack_end_group (FmUndoStack *self)
{
  FmCommand *group;

  g_return_if_fail (FM_IS_UNDO_STACK (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);

  if (fm_command_group_get_size (group) == 0)
    {
      fm_command_free (group);
      return;
    }

  if (fm_command_group_get_size (group) == 1)
    {
      FmCommand *only = fm_command_group_steal_only (group);

      fm_command_free (group);
      group = only;
      /* One gesture is one step: a finished drag does not merge with the next. */
      fm_command_set_mergeable (group, FALSE);
    }

  if (self->open_groups->len > 0)
    fm_command_group_add (g_ptr_array_index (self->open_groups, self->open_groups->len - 1), group);
  else
    record (self, group);
}

/* Reverts what the innermost open group did and forgets it: neither undo
 * nor redo ever sees a cancelled gesture, and since the history is as it
 * was before the group, so is the saved marker (an undo would have moved
 * the gesture to the redo side, and redo would replay it). */
void
fm_undo_stack_cancel_group (FmUndoStack *self)
{
  g_autoptr(FmCommand) group = NULL;
  gboolean changed;

  g_return_if_fail (FM_IS_UNDO_STACK (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);
  changed = fm_command_group_get_size (group) > 0;
  if (changed)
    {
      fm_command_apply (group, self->document, TRUE);
      /* As after an undo: the next edit starts a step of its own rather
       * than merging into the one before the cancelled gesture. */
      self->sealed = TRUE;
    }
  /* can-undo and can-redo depend on whether a group is open. */
  notify_all (self);
  if (changed)
    fm_document_emit_changed (self->document);
}

/**
 * fm_undo_stack_revert_to:
 * @depth: a depth the history had, no deeper than now
 *
 * Undoes the steps done since the history was @depth deep and forgets
 * them, as Escape in a field does with what was typed there: neither undo
 * nor redo sees them afterwards, and the document is modified unless the
 * state at @depth is the saved one.
 */
void
fm_undo_stack_revert_to (FmUndoStack *self,
                         guint        depth)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));
  g_return_if_fail (depth <= self->done->len);
  g_return_if_fail (self->open_groups->len == 0);

  if (depth == self->done->len)
    return;

  while (self->done->len > depth)
    {
      g_autoptr(FmCommand) command = g_ptr_array_steal_index (self->done, self->done->len - 1);

      fm_command_apply (command, self->document, TRUE);
    }
  if (self->saved_depth > (gint64) depth)
    self->saved_depth = -1;
  self->sealed = TRUE;
  notify_all (self);
  fm_document_emit_changed (self->document);
}

gboolean
fm_undo_stack_in_group (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  return self->open_groups->len > 0;
}

gboolean
fm_undo_stack_get_can_undo (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  return self->done->len > 0 && self->open_groups->len == 0;
}

gboolean
fm_undo_stack_get_can_redo (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  return self->undone->len > 0 && self->open_groups->len == 0;
}

/**
 * fm_undo_stack_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, such as "Move"
 */
const char *
fm_undo_stack_get_undo_label (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), NULL);

  if (self->done->len == 0)
    return NULL;

  return fm_command_get_label (g_ptr_array_index (self->done, self->done->len - 1));
}

/**
 * fm_undo_stack_get_redo_label:
 *
 * Returns: (nullable): what redo would redo
 */
const char *
fm_undo_stack_get_redo_label (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), NULL);

  if (self->undone->len == 0)
    return NULL;

  return fm_command_get_label (g_ptr_array_index (self->undone, self->undone->len - 1));
}

gboolean
fm_undo_stack_get_modified (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  return self->saved_depth != (gint64) self->done->len;
}

guint
fm_undo_stack_get_depth (FmUndoStack *self)
{
  g_return_val_if_fail (FM_IS_UNDO_STACK (self), 0);

  return self->done->len;
}

gboolean
fm_undo_stack_undo (FmUndoStack *self)
{
  FmCommand *command;

  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  if (!fm_undo_stack_get_can_undo (self))
    return FALSE;

  command = g_ptr_array_steal_index (self->done, self->done->len - 1);
  fm_command_apply (command, self->document, TRUE);
  g_ptr_array_add (self->undone, command);
  self->sealed = TRUE;
  notify_all (self);
  fm_document_emit_changed (self->document);

  return TRUE;
}

gboolean
fm_undo_stack_redo (FmUndoStack *self)
{
  FmCommand *command;

  g_return_val_if_fail (FM_IS_UNDO_STACK (self), FALSE);

  if (!fm_undo_stack_get_can_redo (self))
    return FALSE;

  command = g_ptr_array_steal_index (self->undone, self->undone->len - 1);
  fm_command_apply (command, self->document, FALSE);
  g_ptr_array_add (self->done, command);
  self->sealed = TRUE;
  notify_all (self);
  fm_document_emit_changed (self->document);

  return TRUE;
}

/* The state now is what is on disk. */
void
fm_undo_stack_set_saved (FmUndoStack *self)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));

  self->saved_depth = self->done->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* What is on disk is not this state, nor any state of the history: a
 * document recovered after a crash, or one whose file was changed by
 * another program. It stays modified until it is saved. */
void
fm_undo_stack_set_unsaved (FmUndoStack *self)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));

  self->saved_depth = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The next command starts a new step even if it could merge. */
void
fm_undo_stack_seal (FmUndoStack *self)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));

  self->sealed = TRUE;
}

void
fm_undo_stack_clear (FmUndoStack *self)
{
  g_return_if_fail (FM_IS_UNDO_STACK (self));

  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  self->saved_depth = 0;
  notify_all (self);
}
