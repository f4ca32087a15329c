/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-command.c: one undoable change of a document, recorded by ids
 *
 * A command finds what it changes by the ids of the map and the node or
 * edge, never by pointer, so that it still applies after the objects it
 * touched were removed and inserted again by other commands.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-command"

#include "fm-command.h"
#include "fm-document-private.h"
#include "fm-map-private.h"

#include <string.h>

struct _FmCommand
{
  FmCommandType type;
  char *label;
  gboolean mergeable;

  char *map_id;
  union {
    struct {
      char *object_id;
      char *property;
      GValue old_value;
      GValue new_value;
    } prop;
    struct {
      guint n;
      char **ids;
      FmRect *old_bounds;
      FmRect *new_bounds;
    } bounds;
    struct {
      /* Positions ascend; nodes and edges are kept alive while undone. */
      GPtrArray *nodes;
      GArray *node_positions;
      GPtrArray *edges;
      GArray *edge_positions;
    } items;
    struct {
      FmMap *map;
      guint position;
    } map;
    struct {
      guint from;
      guint to;
    } move;
    struct {
      GPtrArray *children;
    } group;
  };
};

static FmCommand *
fm_command_alloc (FmCommandType  type,
                  const char    *label,
                  const char    *map_id)
{
  FmCommand *self = g_new0 (FmCommand, 1);

  self->type = type;
  self->label = g_strdup (label);
  self->map_id = g_strdup (map_id);

  return self;
}

FmCommand *
fm_command_new_set_property (const char   *label,
                             const char   *map_id,
                             const char   *object_id,
                             const char   *property,
                             const GValue *old_value,
                             const GValue *new_value)
{
  FmCommand *self = fm_command_alloc (FM_COMMAND_SET_PROPERTY, label, map_id);

  self->prop.object_id = g_strdup (object_id);
  self->prop.property = g_strdup (property);
  g_value_init (&self->prop.old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &self->prop.old_value);
  g_value_init (&self->prop.new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &self->prop.new_value);

  return self;
}

FmCommand *
fm_command_new_set_bounds (const char    *label,
                           const char    *map_id,
                           guint          n_nodes,
                           const char   **ids,
                           const FmRect  *old_bounds,
                           const FmRect  *new_bounds)
{
  FmCommand *self = fm_command_alloc (FM_COMMAND_SET_BOUNDS, label, map_id);

  self->bounds.n = n_nodes;
  self->bounds.ids = g_new0 (char *, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    self->bounds.ids[i] = g_strdup (ids[i]);
  self->bounds.old_bounds = g_memdup2 (old_bounds, sizeof (FmRect) * n_nodes);
  self->bounds.new_bounds = g_memdup2 (new_bounds, sizeof (FmRect) * n_nodes);

  return self;
}

/* Takes references to the arrays. */
FmCommand *
fm_command_new_items (const char *label,
                      gboolean    insert,
                      const char *map_id,
                      GPtrArray  *nodes,
                      GArray     *node_positions,
                      GPtrArray  *edges,
                      GArray     *edge_positions)
{
  FmCommand *self = fm_command_alloc (insert ? FM_COMMAND_INSERT_ITEMS : FM_COMMAND_REMOVE_ITEMS,
                                      label, map_id);

  g_assert (nodes->len == node_positions->len);
  g_assert (edges->len == edge_positions->len);

  self->items.nodes = g_ptr_array_ref (nodes);
  self->items.node_positions = g_array_ref (node_positions);
  self->items.edges = g_ptr_array_ref (edges);
  self->items.edge_positions = g_array_ref (edge_positions);

  return self;
}

FmCommand *
fm_command_new_map (const char *label,
                    gboolean    insert,
                    FmMap      *map,
                    guint       position)
{
  FmCommand *self = fm_command_alloc (insert ? FM_COMMAND_INSERT_MAP : FM_COMMAND_REMOVE_MAP,
                                      label, fm_map_get_id (map));

  self->map.map = g_object_ref (map);
  self->map.position = position;

  return self;
}

FmCommand *
fm_command_new_move_map (const char *label,
                         guint       from,
                         guint       to)
{
  FmCommand *self = fm_command_alloc (FM_COMMAND_MOVE_MAP, label, NULL);

  self->move.from = from;
  self->move.to = to;

  return self;
}

FmCommand *
fm_command_new_group (const char *label)
{
  FmCommand *self = fm_command_alloc (FM_COMMAND_GROUP, label, NULL);

  self->group.children = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_command_free);

  return self;
}

void
fm_command_group_add (FmCommand *group,
                      FmCommand *child)
{
  FmCommand *last;

  g_return_if_fail (group->type == FM_COMMAND_GROUP);

  /* A drag inside a group records many small moves: keep one. */
  last = group->group.children->len > 0
    ? g_ptr_array_index (group->group.children, group->group.children->len - 1)
    : NULL;
  if (last != NULL && fm_command_merge (last, child))
    {
      fm_command_free (child);
      return;
    }

  g_ptr_array_add (group->group.children, child);
}

guint
fm_command_group_get_size (FmCommand *group)
{
  g_return_val_if_fail (group->type == FM_COMMAND_GROUP, 0);

  return group->group.children->len;
}

/* A group of one is recorded as that one command, so that it can merge. */
FmCommand *
fm_command_group_steal_only (FmCommand *group)
{
  FmCommand *only;

  g_return_val_if_fail (group->type == FM_COMMAND_GROUP, NULL);
  g_return_val_if_fail (group->group.children->len == 1, NULL);

  only = g_ptr_array_steal_index (group->group.children, 0);
  if (group->label != NULL)
    {
      g_free (only->label);
      only->label = g_strdup (group->label);
    }

  return only;
}

FmCommandType
fm_command_get_command_type (FmCommand *self)
{
  return self->type;
}

const char *
fm_command_get_label (FmCommand *self)
{
  return self->label;
}

void
fm_command_set_mergeable (FmCommand *self,
                          gboolean   mergeable)
{
  self->mergeable = mergeable;
}

static gboolean
same_ids (char **a,
          char **b)
{
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Folds @next into @self when both are mergeable changes of the same thing
 * (a nudge of the same nodes, typing in the same field). */
gboolean
fm_command_merge (FmCommand *self,
                  FmCommand *next)
{
  if (!self->mergeable || !next->mergeable || self->type != next->type ||
      g_strcmp0 (self->map_id, next->map_id) != 0)
    return FALSE;

  switch (self->type)
    {
    case FM_COMMAND_SET_BOUNDS:
      if (self->bounds.n != next->bounds.n || !same_ids (self->bounds.ids, next->bounds.ids))
        return FALSE;
      memcpy (self->bounds.new_bounds, next->bounds.new_bounds, sizeof (FmRect) * self->bounds.n);
      return TRUE;

    case FM_COMMAND_SET_PROPERTY:
      if (g_strcmp0 (self->prop.object_id, next->prop.object_id) != 0 ||
          g_strcmp0 (self->prop.property, next->prop.property) != 0)
        return FALSE;
      g_value_unset (&self->prop.new_value);
      g_value_init (&self->prop.new_value, G_VALUE_TYPE (&next->prop.new_value));
      g_value_copy (&next->prop.new_value, &self->prop.new_value);
      return TRUE;

    case FM_COMMAND_INSERT_ITEMS:
    case FM_COMMAND_REMOVE_ITEMS:
    case FM_COMMAND_INSERT_MAP:
    case FM_COMMAND_REMOVE_MAP:
    case FM_COMMAND_MOVE_MAP:
    case FM_COMMAND_GROUP:
    default:
      return FALSE;
    }
}

static GObject *
resolve_target (FmCommand  *self,
                FmDocument *document)
{
  FmMap *map;
  GObject *object;

  if (self->map_id == NULL)
    return G_OBJECT (document);

  map = fm_document_lookup_map (document, self->map_id);
  g_assert (map != NULL);

  if (self->prop.object_id == NULL)
    return G_OBJECT (map);

  object = G_OBJECT (fm_map_lookup_node (map, self->prop.object_id));
  if (object == NULL)
    object = G_OBJECT (fm_map_lookup_edge (map, self->prop.object_id));
  g_assert (object != NULL);

  return object;
}

static void
apply_items (FmCommand  *self,
             FmDocument *document,
             gboolean    insert)
{
  FmMap *map = fm_document_lookup_map (document, self->map_id);

  g_assert (map != NULL);

  if (insert)
    {
      /* Ascending positions: each lands where it was. Nodes before edges,
       * so that no edge is ever in the map without its ends. */
      for (guint i = 0; i < self->items.nodes->len; i++)
        fm_map_insert_node (map, g_array_index (self->items.node_positions, guint, i),
                            g_ptr_array_index (self->items.nodes, i));
      for (guint i = 0; i < self->items.edges->len; i++)
        fm_map_insert_edge (map, g_array_index (self->items.edge_positions, guint, i),
                            g_ptr_array_index (self->items.edges, i));
    }
  else
    {
      for (guint i = self->items.edges->len; i > 0; i--)
        fm_map_remove_edge (map, g_ptr_array_index (self->items.edges, i - 1));
      for (guint i = self->items.nodes->len; i > 0; i--)
        fm_map_remove_node (map, g_ptr_array_index (self->items.nodes, i - 1));
    }
}

void
fm_command_apply (FmCommand  *self,
                  FmDocument *document,
                  gboolean    undo)
{
  switch (self->type)
    {
    case FM_COMMAND_SET_PROPERTY:
      g_object_set_property (resolve_target (self, document), self->prop.property,
                             undo ? &self->prop.old_value : &self->prop.new_value);
      break;

    case FM_COMMAND_SET_BOUNDS:
      {
        FmMap *map = fm_document_lookup_map (document, self->map_id);
        const FmRect *bounds = undo ? self->bounds.old_bounds : self->bounds.new_bounds;

        g_assert (map != NULL);
        for (guint i = 0; i < self->bounds.n; i++)
          {
            FmNode *node = fm_map_lookup_node (map, self->bounds.ids[i]);

            g_assert (node != NULL);
            fm_node_set_position (node, bounds[i].x, bounds[i].y);
            fm_node_set_size (node, bounds[i].width, bounds[i].height);
          }
      }
      break;

    case FM_COMMAND_INSERT_ITEMS:
    case FM_COMMAND_REMOVE_ITEMS:
      apply_items (self, document, (self->type == FM_COMMAND_INSERT_ITEMS) != undo);
      break;

    case FM_COMMAND_INSERT_MAP:
    case FM_COMMAND_REMOVE_MAP:
      if ((self->type == FM_COMMAND_INSERT_MAP) != undo)
        fm_document_insert_map_internal (document, self->map.position, self->map.map);
      else
        fm_document_remove_map_internal (document, self->map.map);
      break;

    case FM_COMMAND_MOVE_MAP:
      if (undo)
        fm_document_move_map_internal (document, self->move.to, self->move.from);
      else
        fm_document_move_map_internal (document, self->move.from, self->move.to);
      break;

    case FM_COMMAND_GROUP:
      if (undo)
        {
          for (guint i = self->group.children->len; i > 0; i--)
            fm_command_apply (g_ptr_array_index (self->group.children, i - 1), document, TRUE);
        }
      else
        {
          for (guint i = 0; i < self->group.children->len; i++)
            fm_command_apply (g_ptr_array_index (self->group.children, i), document, FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
fm_command_free (FmCommand *self)
{
  if (self == NULL)
    return;

  switch (self->type)
    {
    case FM_COMMAND_SET_PROPERTY:
      g_free (self->prop.object_id);
      g_free (self->prop.property);
      g_value_unset (&self->prop.old_value);
      g_value_unset (&self->prop.new_value);
      break;

    case FM_COMMAND_SET_BOUNDS:
      g_strfreev (self->bounds.ids);
      g_free (self->bounds.old_bounds);
      g_free (self->bounds.new_bounds);
      break;

    case FM_COMMAND_INSERT_ITEMS:
    case FM_COMMAND_REMOVE_ITEMS:
      g_ptr_array_unref (self->items.nodes);
      g_array_unref (self->items.node_positions);
      g_ptr_array_unref (self->items.edges);
      g_array_unref (self->items.edge_positions);
      break;

    case FM_COMMAND_INSERT_MAP:
    case FM_COMMAND_REMOVE_MAP:
      g_object_unref (self->map.map);
      break;

    case FM_COMMAND_MOVE_MAP:
      break;

    case FM_COMMAND_GROUP:
      g_ptr_array_unref (self->group.children);
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (self->label);
  g_free (self->map_id);
  g_free (self);
}
