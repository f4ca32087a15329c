/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-command.h: one undoable change of a document, recorded by ids */
#pragma once

#include "fm-map.h"

G_BEGIN_DECLS

typedef struct _FmDocument FmDocument;
typedef struct _FmCommand FmCommand;

typedef enum {
  FM_COMMAND_SET_PROPERTY,
  FM_COMMAND_SET_BOUNDS,
  FM_COMMAND_INSERT_ITEMS,
  FM_COMMAND_REMOVE_ITEMS,
  FM_COMMAND_INSERT_MAP,
  FM_COMMAND_REMOVE_MAP,
  FM_COMMAND_MOVE_MAP,
  FM_COMMAND_GROUP,
} FmCommandType;

FmCommand   *fm_command_new_set_property (const char    *label,
                                          const char    *map_id,
                                          const char    *object_id,
                                          const char    *property,
                                          const GValue  *old_value,
                                          const GValue  *new_value);
FmCommand   *fm_command_new_set_bounds   (const char    *label,
                                          const char    *map_id,
                                          guint          n_nodes,
                                          const char   **ids,
                                          const FmRect  *old_bounds,
                                          const FmRect  *new_bounds);
FmCommand   *fm_command_new_items        (const char    *label,
                                          gboolean       insert,
                                          const char    *map_id,
                                          GPtrArray     *nodes,
                                          GArray        *node_positions,
                                          GPtrArray     *edges,
                                          GArray        *edge_positions);
FmCommand   *fm_command_new_map          (const char    *label,
                                          gboolean       insert,
                                          FmMap         *map,
                                          guint          position);
FmCommand   *fm_command_new_move_map     (const char    *label,
                                          guint          from,
                                          guint          to);
FmCommand   *fm_command_new_group        (const char    *label);
void         fm_command_group_add        (FmCommand     *group,
                                          FmCommand     *child);
guint        fm_command_group_get_size   (FmCommand     *group);
FmCommand   *fm_command_group_steal_only (FmCommand     *group);

FmCommandType fm_command_get_command_type (FmCommand    *self);
const char  *fm_command_get_label        (FmCommand     *self);
void         fm_command_set_mergeable    (FmCommand     *self,
                                          gboolean       mergeable);
gboolean     fm_command_merge            (FmCommand     *self,
                                          FmCommand     *next);
void         fm_command_apply            (FmCommand     *self,
                                          FmDocument    *document,
                                          gboolean       undo);
void         fm_command_free             (FmCommand     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmCommand, fm_command_free)

G_END_DECLS
