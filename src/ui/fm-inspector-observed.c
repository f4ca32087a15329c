/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-observed.c: where a node's times come from, in the inspector
 *
 * A step or queue whose time was measured from tracker data (see
 * fm_observed_apply()) shows how, under its times. Typing a time over it
 * makes the time an assumption again: the new time and the cleared note
 * are one undoable step, so undoing the edit brings the measured time and
 * its note back together.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-inspector"

#include <glib/gi18n.h>

#include "fm-inspector-observed.h"

/**
 * fm_inspector_observed_show:
 * @row: the #AdwActionRow under the times
 * @node: (nullable): the node shown
 *
 * Shows @row with the note of @node's observed times, or hides it.
 */
void
fm_inspector_observed_show (GtkWidget *row,
                            FmNode    *node)
{
  const char *observed = node != NULL ? fm_node_get_observed (node) : NULL;

  gtk_widget_set_visible (row, observed != NULL);
  if (observed == NULL)
    return;

  /* The note starts "observed …": the row says it as a sentence. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Measured from Tracker Data"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), observed);
  gtk_widget_set_tooltip_text (row, _("Typing a time makes it an estimate again"));
}

/* Whether setting @property of @object replaces a measured time. */
gboolean
fm_inspector_observed_replaces (GObject    *object,
                                const char *property)
{
  FmNodeKind kind;

  if (!FM_IS_NODE (object) || fm_node_get_observed (FM_NODE (object)) == NULL)
    return FALSE;

  /* The times fm_observed_apply() sets; a step's process time is never
   * measured, so typing it leaves the mark alone. */
  kind = fm_node_get_kind (FM_NODE (object));
  return (kind == FM_NODE_KIND_PROCESS && g_str_equal (property, "lead-s")) ||
         (kind == FM_NODE_KIND_QUEUE && g_str_equal (property, "wait-s"));
}

/**
 * fm_inspector_observed_set:
 *
 * Sets @property of the node to @value and clears its observed note, as
 * one undoable step.
 */
void
fm_inspector_observed_set (FmDocument   *document,
                           FmMap        *map,
                           const char   *node_id,
                           const char   *property,
                           const GValue *value)
{
  fm_document_begin_group (document, g_str_equal (property, "wait-s") ? _("Change Wait Time")
                                                                       : _("Change Lead Time"));
  fm_document_set_value_full (document, map, node_id, property, value, FALSE);
  fm_document_set (document, map, node_id, "observed", NULL, NULL);
  fm_document_end_group (document);
}
