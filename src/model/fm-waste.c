/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-waste.c: the wastes an improvement experiment attacks, by keyword
 *
 * The file stores the keyword (a kaizen's "waste"), so that a map reads
 * the same in every language; people see the translated name. A keyword
 * this list does not know is kept and shown as it is.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-waste"

#include <glib/gi18n-lib.h>

#include "fm-waste.h"

static const struct {
  const char *keyword;
  const char *name;
} wastes[] = {
  { "waiting", NC_("waste", "Waiting") },
  { "handoff", NC_("waste", "Handoff") },
  { "rework", NC_("waste", "Rework") },
  { "over-processing", NC_("waste", "Over-processing") },
  { "over-production", NC_("waste", "Over-production") },
  { "inventory", NC_("waste", "Inventory") },
  { "task-switching", NC_("waste", "Task switching") },
  { "practice-gap", NC_("waste", "Practice gap") },
};

guint
fm_waste_get_n_kinds (void)
{
  return G_N_ELEMENTS (wastes);
}

/**
 * fm_waste_get_keyword:
 *
 * Returns: (nullable): the keyword at @index, as stored in files
 */
const char *
fm_waste_get_keyword (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (wastes), NULL);

  return wastes[index].keyword;
}

/**
 * fm_waste_lookup:
 *
 * Returns: the index of @keyword, or -1 when it is not one of ours
 */
gint
fm_waste_lookup (const char *keyword)
{
  if (keyword == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (wastes); i++)
    if (g_str_equal (wastes[i].keyword, keyword))
      return i;

  return -1;
}

/**
 * fm_waste_get_name:
 * @keyword: (nullable): a kaizen's waste
 *
 * Returns: (nullable): the translated name of @keyword, @keyword itself
 *   when it is not a known one, %NULL for none
 */
const char *
fm_waste_get_name (const char *keyword)
{
  gint i = fm_waste_lookup (keyword);

  if (keyword == NULL || keyword[0] == '\0')
    return NULL;
  if (i < 0)
    return keyword;

  return g_dpgettext2 (GETTEXT_PACKAGE, "waste", wastes[i].name);
}
