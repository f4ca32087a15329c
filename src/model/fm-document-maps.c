/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document-maps.c: whole-map changes of a document: duplicate, future state
 *
 * A copy keeps the ids of its nodes and edges (fm_map_copy()), so that the
 * steps of a future state can be matched with the current state it was
 * made from. Each change is one undoable step named after what the user
 * asked for, not "Add Map".
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-document"

#include <glib/gi18n-lib.h>

#include "fm-document-maps.h"
#include "fm-document-private.h"

static void
insert_map (FmDocument *self,
            const char *label,
            FmMap      *map,
            guint       position)
{
  position = MIN (position, fm_document_get_n_maps (self));
  fm_document_run (self, fm_command_new_map (label, TRUE, map, position));
}

static gboolean
has_map_named (FmDocument *self,
               const char *name)
{
  guint n = fm_document_get_n_maps (self);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fm_map_get_name (fm_document_get_map (self, i)), name) == 0)
      return TRUE;

  return FALSE;
}

/**
 * fm_document_unique_map_name:
 * @base: the name wanted, such as "Future state"
 *
 * Returns: (transfer full): @base, or "@base 2", "@base 3"… when a map of
 *   the document already has that name
 */
char *
fm_document_unique_map_name (FmDocument *self,
                             const char *base)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (!has_map_named (self, base))
    return g_strdup (base);

  for (guint i = 2;; i++)
    {
      /* Translators: a map's name made unique, as in "Future state 2" */
      g_autofree char *name = g_strdup_printf (C_("map name", "%s %u"), base, i);

      if (!has_map_named (self, name))
        return g_steal_pointer (&name);
    }
}

/**
 * fm_document_get_map_position:
 *
 * Returns: where @map is in the document's list, or -1
 */
gint
fm_document_get_map_position (FmDocument *self,
                              FmMap      *map)
{
  guint position;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (FM_IS_MAP (map), -1);

  if (!g_list_store_find (G_LIST_STORE (fm_document_get_maps (self)), map, &position))
    return -1;

  return position;
}

/**
 * fm_document_add_new_map:
 * @position: where it goes; past the end appends
 *
 * Adds an empty current-state map, named "New map" (made unique), as one
 * undoable step.
 *
 * Returns: (transfer none): the new map
 */
FmMap *
fm_document_add_new_map (FmDocument *self,
                         guint       position)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FmMap) map = NULL;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);

  id = fm_document_new_map_id (self);
  name = fm_document_unique_map_name (self, _("New map"));
  map = fm_map_new (id);
  fm_map_set_name (map, name);
  insert_map (self, _("New Map"), map, position);

  return map; /* the document keeps a reference */
}

/**
 * fm_document_duplicate_map:
 *
 * Puts a copy of @map right after it, named "NAME (copy)", with the same
 * state, origin and ids, as one undoable step.
 *
 * Returns: (transfer none): the copy
 */
FmMap *
fm_document_duplicate_map (FmDocument *self,
                           FmMap      *map)
{
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FmMap) copy = NULL;
  gint position;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  position = fm_document_get_map_position (self, map);
  g_return_val_if_fail (position >= 0, NULL);

  id = fm_document_new_map_id (self);
  /* Translators: the name of a duplicated map, as in "Current state (copy)" */
  base = g_strdup_printf (_("%s (copy)"), fm_map_get_name (map));
  name = fm_document_unique_map_name (self, base);
  copy = fm_map_copy (map, id);
  fm_map_set_name (copy, name);
  insert_map (self, _("Duplicate Map"), copy, position + 1);

  return copy;
}

/**
 * fm_document_create_future_state:
 * @origin: the map the future state starts from, usually the current state
 *
 * Copies @origin into a new future-state map, based on @origin and named
 * "Future state" (made unique), after @origin and the future states
 * already made from it, as one undoable step. The copy keeps the ids of
 * the nodes and edges, so that fm_comparison_new() matches its steps.
 *
 * Returns: (transfer none): the future state
 */
FmMap *
fm_document_create_future_state (FmDocument *self,
                                 FmMap      *origin)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FmMap) future = NULL;
  guint position, n;
  gint origin_position;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (FM_IS_MAP (origin), NULL);

  origin_position = fm_document_get_map_position (self, origin);
  g_return_val_if_fail (origin_position >= 0, NULL);

  /* After the other future states of the same origin, so that they read
   * in the order they were made. */
  n = fm_document_get_n_maps (self);
  position = origin_position + 1;
  while (position < n &&
         g_strcmp0 (fm_map_get_based_on (fm_document_get_map (self, position)),
                    fm_map_get_id (origin)) == 0)
    position++;

  id = fm_document_new_map_id (self);
  name = fm_document_unique_map_name (self, _("Future state"));
  future = fm_map_copy (origin, id);
  fm_map_set_name (future, name);
  fm_map_set_state (future, FM_MAP_STATE_FUTURE);
  fm_map_set_based_on (future, fm_map_get_id (origin));
  insert_map (self, _("Create Future State"), future, position);

  return future;
}

/**
 * fm_document_get_origin_map:
 *
 * Returns: (transfer none) (nullable): the map @map was made from, when
 *   it names one that the document still has
 */
FmMap *
fm_document_get_origin_map (FmDocument *self,
                            FmMap      *map)
{
  const char *based_on;
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  based_on = fm_map_get_based_on (map);
  if (based_on == NULL || based_on[0] == '\0')
    return NULL;

  n = fm_document_get_n_maps (self);
  for (guint i = 0; i < n; i++)
    {
      FmMap *other = fm_document_get_map (self, i);

      if (other != map && g_str_equal (fm_map_get_id (other), based_on))
        return other;
    }

  return NULL;
}
