/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document-edit.c: the undoable edits of a document
 *
 * Each builds an FmCommand that names what it changes by map id and node
 * or edge id, with the old value, applies it and hands it to the undo
 * stack, through fm_document_run().
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-document"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "fm-document-maps.h"
#include "fm-document-private.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-undo-stack-private.h"

/* Applies @command (taking it) and records it: every edit ends here. */
void
fm_document_run (FmDocument *self,
                 FmCommand  *command)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (command != NULL);

  fm_command_apply (command, self, FALSE);
  fm_undo_stack_push (fm_document_get_undo_stack (self), command);
  fm_document_emit_changed (self);
}

static const char *
label_for_property (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "label", N_("Rename") },
    { "name", N_("Rename Map") },
    { "process-s", N_("Change Process Time") },
    { "lead-s", N_("Change Lead Time") },
    { "pca", N_("Change %C&A") },
    { "people", N_("Change People") },
    { "role", N_("Change Role") },
    { "wip", N_("Change WIP") },
    { "wait-s", N_("Change Wait Time") },
    { "items", N_("Change Items Waiting") },
    { "limit", N_("Change Queue Limit") },
    { "kind", N_("Change Connector") },
    { "rate", N_("Change Rework Rate") },
    { "share", N_("Change Route Share") },
    { "status", N_("Change Experiment Status") },
    { "owner", N_("Change Owner") },
    { "measure", N_("Change Measure") },
    { "baseline", N_("Change Baseline") },
    { "target", N_("Change Target") },
    { "review-date", N_("Change Review Date") },
    { "working-hours", N_("Change Working Hours") },
    { "holidays", N_("Change Holidays") },
    { "calendar-time-zone", N_("Change Time Zone") },
    { "started", N_("Change Start Date") },
    { "waste", N_("Change Waste") },
    { "applies-to", N_("Change Targets") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].property, property))
      return _(labels[i].label);

  return _("Change Property");
}

/* The document, @map, or a node or edge of @map: what an edit changes. */
static GObject *
find_target (FmDocument *self,
             FmMap      *map,
             const char *object_id)
{
  FmNode *node;

  if (map == NULL)
    return G_OBJECT (self);
  if (object_id == NULL)
    return G_OBJECT (map);

  node = fm_map_lookup_node (map, object_id);
  if (node != NULL)
    return G_OBJECT (node);

  return (GObject *) fm_map_lookup_edge (map, object_id);
}

/**
 * fm_document_set_value_full:
 * @map: (nullable): the map, or %NULL for a field of the document
 * @object_id: (nullable): a node or edge of @map, or %NULL for the map itself
 * @coalesce: merge with the previous change of the same field, as typing does
 *
 * Sets one property as an undoable step; does nothing when it has the value.
 */
void
fm_document_set_value_full (FmDocument   *self,
                            FmMap        *map,
                            const char   *object_id,
                            const char   *property,
                            const GValue *value,
                            gboolean      coalesce)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  GObject *target;
  GParamSpec *pspec;
  FmCommand *command;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (map == NULL || FM_IS_MAP (map));
  g_return_if_fail (object_id == NULL || map != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  target = find_target (self, map, object_id);
  g_return_if_fail (target != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
  g_return_if_fail (pspec != NULL);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (target, property, &old_value);
  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    g_return_if_reached ();
  if (g_param_value_validate (pspec, &new_value))
    {
      g_critical ("Value out of range for %s", property);
      return;
    }
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  command = fm_command_new_set_property (label_for_property (pspec->name),
                                         map ? fm_map_get_id (map) : NULL,
                                         object_id, pspec->name, &old_value, &new_value);
  fm_command_set_mergeable (command, coalesce);
  fm_document_run (self, command);
}

/**
 * fm_document_set:
 * @first_property: the first property name, followed by its value, as in
 *   g_object_set(); the list ends with %NULL
 *
 * Sets one or more properties of the document, a map or one of its nodes
 * or edges as one undoable step.
 */
void
fm_document_set (FmDocument *self,
                 FmMap      *map,
                 const char *object_id,
                 const char *first_property,
                 ...)
{
  GObject *target;
  const char *name;
  va_list args;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  target = find_target (self, map, object_id);
  g_return_if_fail (target != NULL);

  fm_document_begin_group (self, NULL);
  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), name);

      if (pspec == NULL)
        {
          g_critical ("%s has no property %s", G_OBJECT_TYPE_NAME (target), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      fm_document_set_value_full (self, map, object_id, name, &value, FALSE);
    }
  va_end (args);
  fm_document_end_group (self);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return (pa > pb) - (pa < pb);
}

/* Puts @items (nodes or edges) in the order of their positions in @store,
 * the end of it for an insert, into @sorted and @positions. */
static void
sort_by_position (GPtrArray  *items,
                  GListModel *store,
                  gboolean    insert,
                  GPtrArray  *sorted,
                  GArray     *positions)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint n = g_list_model_get_n_items (store);

  /* (position, index) pairs sorted by position. Inserted items go to the end. */
  for (guint i = 0; i < items->len; i++)
    {
      guint entry[2] = { 0, i };

      if (insert)
        entry[0] = n + i;
      else if (!g_list_store_find (G_LIST_STORE (store), items->pdata[i], &entry[0]))
        g_assert_not_reached ();
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_positions);

  for (guint i = 0; i < entries->len; i++)
    {
      guint *entry = &g_array_index (entries, guint, i * 2);

      g_array_append_val (positions, entry[0]);
      g_ptr_array_add (sorted, g_object_ref (items->pdata[entry[1]]));
    }
}

/* Builds an insert or remove command for nodes and edges, positions ascending. */
static FmCommand *
items_command (const char *label,
               gboolean    insert,
               FmMap      *map,
               GPtrArray  *nodes,
               GPtrArray  *edges)
{
  g_autoptr(GPtrArray) sorted_nodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sorted_edges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) node_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edge_positions = g_array_new (FALSE, FALSE, sizeof (guint));

  sort_by_position (nodes, fm_map_get_nodes (map), insert, sorted_nodes, node_positions);
  sort_by_position (edges, fm_map_get_edges (map), insert, sorted_edges, edge_positions);

  return fm_command_new_items (label, insert, fm_map_get_id (map),
                               sorted_nodes, node_positions, sorted_edges, edge_positions);
}

/**
 * fm_document_add_node:
 * @node: a node whose id @map does not have yet
 *
 * Adds @node at the end of @map's nodes as an undoable step.
 */
void
fm_document_add_node (FmDocument *self,
                      FmMap      *map,
                      FmNode     *node)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (FM_IS_NODE (node));
  g_return_if_fail (!fm_map_has_id (map, fm_node_get_id (node)));

  g_ptr_array_add (nodes, node);
  fm_document_run (self, items_command (_("Add"), TRUE, map, nodes, edges));
}

/**
 * fm_document_add_edge:
 * @edge: an edge between two nodes of @map, with an id @map does not have
 *
 * Adds @edge as an undoable step.
 */
void
fm_document_add_edge (FmDocument *self,
                      FmMap      *map,
                      FmEdge     *edge)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (FM_IS_EDGE (edge));
  g_return_if_fail (!fm_map_has_id (map, fm_edge_get_id (edge)));
  g_return_if_fail (fm_map_lookup_node (map, fm_edge_get_from (edge)) != NULL);
  g_return_if_fail (fm_map_lookup_node (map, fm_edge_get_to (edge)) != NULL);
  g_return_if_fail (g_strcmp0 (fm_edge_get_from (edge), fm_edge_get_to (edge)) != 0);

  g_ptr_array_add (edges, edge);
  fm_document_run (self, items_command (_("Connect"), TRUE, map, nodes, edges));
}

static void
forget_targets (FmDocument *self,
                FmMap      *map,
                GHashTable *removed_ids)
{
  guint n = fm_map_get_n_nodes (map);

  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      const char * const *targets;
      g_autoptr(GStrvBuilder) kept = NULL;
      g_auto(GStrv) kept_ids = NULL;
      gboolean changed = FALSE;

      if (!FM_IS_KAIZEN (node) || g_hash_table_contains (removed_ids, fm_node_get_id (node)))
        continue;

      targets = fm_kaizen_get_applies_to (FM_KAIZEN (node));
      if (targets == NULL)
        continue;

      kept = g_strv_builder_new ();
      for (guint j = 0; targets[j] != NULL; j++)
        {
          if (g_hash_table_contains (removed_ids, targets[j]))
            changed = TRUE;
          else
            g_strv_builder_add (kept, targets[j]);
        }

      if (changed)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          kept_ids = g_strv_builder_end (kept);
          g_value_init (&value, G_TYPE_STRV);
          g_value_set_boxed (&value, kept_ids);
          fm_document_set_value_full (self, map, fm_node_get_id (node), "applies-to", &value, FALSE);
        }
    }
}

/**
 * fm_document_remove:
 * @ids: ids of nodes and edges of @map; unknown ids are ignored
 *
 * Removes the nodes and edges, and every edge of a removed node, as one
 * undoable step.
 */
void
fm_document_remove (FmDocument         *self,
                    FmMap              *map,
                    const char * const *ids)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  g_autoptr(GHashTable) node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edge_set = g_hash_table_new (NULL, NULL);
  guint n_edges;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (ids != NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);
      FmEdge *edge = fm_map_lookup_edge (map, ids[i]);

      if (node != NULL && g_hash_table_add (node_ids, (gpointer) fm_node_get_id (node)))
        g_ptr_array_add (nodes, node);
      else if (edge != NULL)
        g_hash_table_add (edge_set, edge);
    }

  n_edges = fm_map_get_n_edges (map);
  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      if (g_hash_table_contains (edge_set, edge) ||
          g_hash_table_contains (node_ids, fm_edge_get_from (edge)) ||
          g_hash_table_contains (node_ids, fm_edge_get_to (edge)))
        g_ptr_array_add (edges, edge);
    }

  if (nodes->len == 0 && edges->len == 0)
    return;

  /* Experiments that target a deleted node stop naming it, in the same step. */
  fm_document_begin_group (self, _("Delete"));
  forget_targets (self, map, node_ids);
  fm_document_run (self, items_command (_("Delete"), FALSE, map, nodes, edges));
  fm_document_end_group (self);
}

static void
set_bounds (FmDocument         *self,
            FmMap              *map,
            const char         *label,
            const char * const *ids,
            const FmRect       *new_bounds,
            gboolean            mergeable)
{
  guint n = g_strv_length ((char **) ids);
  g_autofree FmRect *old_bounds = g_new0 (FmRect, n);
  gboolean changed = FALSE;
  FmCommand *command;

  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);

      g_return_if_fail (node != NULL);
      fm_node_get_bounds (node, &old_bounds[i]);
      changed |= memcmp (&old_bounds[i], &new_bounds[i], sizeof (FmRect)) != 0;
    }

  if (!changed)
    return;

  command = fm_command_new_set_bounds (label, fm_map_get_id (map), n,
                                       (const char **) ids, old_bounds, new_bounds);
  fm_command_set_mergeable (command, mergeable);
  fm_document_run (self, command);
}

/**
 * fm_document_move_nodes:
 *
 * Moves the nodes by (@dx, @dy). Consecutive moves of the same nodes make
 * one undoable step (arrow-key nudges); a drag should be a group.
 */
void
fm_document_move_nodes (FmDocument         *self,
                        FmMap              *map,
                        const char * const *ids,
                        double              dx,
                        double              dy)
{
  guint n;
  g_autofree FmRect *bounds = NULL;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (ids != NULL);

  n = g_strv_length ((char **) ids);
  if (n == 0)
    return;

  bounds = g_new0 (FmRect, n);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);

      g_return_if_fail (node != NULL);
      fm_node_get_bounds (node, &bounds[i]);
      bounds[i].x += dx;
      bounds[i].y += dy;
    }

  set_bounds (self, map, _("Move"), ids, bounds, TRUE);
}

void
fm_document_set_node_bounds (FmDocument   *self,
                             FmMap        *map,
                             const char   *id,
                             const FmRect *bounds)
{
  const char *ids[] = { id, NULL };

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (id != NULL);
  g_return_if_fail (bounds != NULL && bounds->width >= 0 && bounds->height >= 0);

  set_bounds (self, map, _("Resize"), ids, bounds, TRUE);
}

void
fm_document_add_map (FmDocument *self,
                     FmMap      *map,
                     guint       position)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (fm_document_get_map_position (self, map) < 0);
  g_return_if_fail (fm_document_lookup_map_by_id (self, fm_map_get_id (map)) == NULL);

  position = MIN (position, fm_document_get_n_maps (self));
  fm_document_run (self, fm_command_new_map (_("Add Map"), TRUE, map, position));
}

void
fm_document_remove_map (FmDocument *self,
                        FmMap      *map)
{
  gint position;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));

  position = fm_document_get_map_position (self, map);
  g_return_if_fail (position >= 0);

  fm_document_run (self, fm_command_new_map (_("Delete Map"), FALSE, map, position));
}

void
fm_document_move_map (FmDocument *self,
                      guint       from,
                      guint       to)
{
  guint n;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  n = fm_document_get_n_maps (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  fm_document_run (self, fm_command_new_move_map (_("Move Map"), from, to));
}
