/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-apply.c: putting observed times on a map, as one undoable step */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-observed.h"
#include "fm-observed-private.h"

static char *
format_day (const GDate *date)
{
  char text[16];

  if (!g_date_valid (date) || g_date_strftime (text, sizeof text, "%Y-%m-%d", date) == 0)
    return g_strdup ("?");

  return g_strdup (text);
}

/**
 * fm_observed_describe:
 * @node: figures of @self
 *
 * The note a node gets when its time comes from data: the period, the
 * statistic and how many items it stands on, such as "observed 2026-09-01
 * – 2026-11-20, median of 42 items".
 *
 * Returns: (transfer full): the text
 */
char *
fm_observed_describe (FmObserved           *self,
                      const FmObservedNode *node,
                      FmObservedStatistic   statistic)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  first = format_day (&self->first_day);
  last = format_day (&self->last_day);

  /* Rework makes some items pass more than once: then both counts show. */
  if (node->count != node->items)
    {
      if (statistic == FM_OBSERVED_P85)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "observed %s – %s, 85th percentile of %u visit by %u items",
                                             "observed %s – %s, 85th percentile of %u visits by %u items",
                                             node->count),
                                first, last, node->count, node->items);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "observed %s – %s, median of %u visit by %u items",
                                           "observed %s – %s, median of %u visits by %u items",
                                           node->count),
                              first, last, node->count, node->items);
    }

  if (statistic == FM_OBSERVED_P85)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "observed %s – %s, 85th percentile of %u item",
                                         "observed %s – %s, 85th percentile of %u items",
                                         node->count),
                            first, last, node->count);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "observed %s – %s, median of %u item",
                                       "observed %s – %s, median of %u items",
                                       node->count),
                          first, last, node->count);
}

/**
 * fm_observed_apply:
 * @document: the document @map belongs to
 * @map: the map @self was computed for
 * @statistic: the median or the 85th percentile
 *
 * Sets the time of every node with observed visits: a queue's wait_s, a
 * process step's lead_s, rounded to the second, and marks it observed with
 * fm_observed_describe(). All of it is one undoable step; nodes without
 * data keep their time and their mark.
 *
 * Returns: how many nodes were set
 */
guint
fm_observed_apply (FmObserved          *self,
                   FmDocument          *document,
                   FmMap               *map,
                   FmObservedStatistic  statistic)
{
  guint n_set = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (FM_IS_MAP (map), 0);

  fm_document_begin_group (document, _("Apply Observed Times"));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const FmObservedNode *figures = &g_array_index (self->nodes, FmObservedNode, i);
      FmNode *node = fm_map_lookup_node (map, figures->node_id);
      double value = fm_observed_node_value (figures, statistic);
      g_autofree char *note = NULL;
      const char *property;

      if (node == NULL || isnan (value))
        continue;

      if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
        property = "wait-s";
      else if (fm_node_get_kind (node) == FM_NODE_KIND_PROCESS)
        property = "lead-s";
      else
        continue;

      note = fm_observed_describe (self, figures, statistic);
      fm_document_set (document, map, figures->node_id,
                       property, round (value),
                       "observed", note,
                       NULL);
      n_set++;
    }
  /* The rework edges' rates, in the same step. */
  fm_observed_apply_rework (self, document, map);
  fm_document_end_group (document);

  return n_set;
}
