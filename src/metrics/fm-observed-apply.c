/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-apply.c: putting observed times on a map, as one undoable step */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-limits.h"
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
  if (node->count != node->items && statistic == FM_OBSERVED_MEAN)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "observed %s – %s, mean of %u visit by %u items",
                                         "observed %s – %s, mean of %u visits by %u items",
                                         node->count),
                            first, last, node->count, node->items);
  if (statistic == FM_OBSERVED_MEAN)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "observed %s – %s, mean of %u item",
                                         "observed %s – %s, mean of %u items",
                                         node->count),
                            first, last, node->count);
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

/* The property fm_observed_apply() sets on @node, or NULL. */
static const char *
applied_property (FmNode *node)
{
  if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
    return "wait-s";
  if (fm_node_get_kind (node) == FM_NODE_KIND_PROCESS)
    return "lead-s";

  return NULL;
}

static gboolean
fits_map (double value)
{
  return round (value) <= FM_MAX_SECONDS;
}

/* The step or queue of @map the figures at @position are of, with the
 * @statistic in @value, or NULL when there is nothing to put on it. */
static FmNode *
applicable (FmObserved          *self,
            FmMap               *map,
            guint                position,
            FmObservedStatistic  statistic,
            double              *value)
{
  const FmObservedNode *figures = &g_array_index (self->nodes, FmObservedNode, position);
  FmNode *node = fm_map_lookup_node (map, figures->node_id);

  *value = fm_observed_node_value (figures, statistic);
  if (node == NULL || isnan (*value) || applied_property (node) == NULL)
    return NULL;

  return node;
}

/**
 * fm_observed_check_apply:
 * @document: the document @map belongs to
 * @map: the map @self was computed for
 * @statistic: the median or the 85th percentile
 *
 * Whether fm_observed_apply() can put every figure on @map: a time of a
 * map is at most %FM_MAX_SECONDS (over 300 years), and data with a
 * sentinel date far in the past can make a stay longer.
 *
 * Returns: (transfer full) (nullable): %NULL when all fit, else a
 *   sentence naming the first step or queue that does not and its figure
 */
char *
fm_observed_check_apply (FmObserved          *self,
                         FmDocument          *document,
                         FmMap               *map,
                         FmObservedStatistic  statistic)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      double value;
      FmNode *node = applicable (self, map, i, statistic, &value);
      g_autofree char *shown = NULL;
      const char *label;

      if (node == NULL || fits_map (value))
        continue;

      label = fm_node_get_label (node) != NULL && *fm_node_get_label (node) != '\0'
              ? fm_node_get_label (node) : fm_node_get_id (node);
      shown = fm_duration_format (value, fm_document_get_day_length_s (document));
      if (statistic == FM_OBSERVED_P85)
        return g_strdup_printf (_("the observed 85th percentile of “%s”, %s, is longer than a time on "
                                  "a map may be (300 years)"), label, shown);
      return g_strdup_printf (_("the observed median of “%s”, %s, is longer than a time on a map may be "
                                "(300 years)"), label, shown);
    }

  return NULL;
}

/**
 * fm_observed_apply:
 * @document: the document @map belongs to
 * @map: the map @self was computed for
 * @statistic: the mean, the median or the 85th percentile: the mean adds
 *   up along the path (docs/observed.md)
 *
 * Sets the time of every node with observed visits: a queue's wait_s, a
 * process step's lead_s, rounded to the second, and marks it observed with
 * fm_observed_describe(). All of it is one undoable step; nodes without
 * data, or with a figure fm_observed_check_apply() refuses, keep their
 * time and their mark.
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
      double value;
      FmNode *node = applicable (self, map, i, statistic, &value);
      g_autofree char *note = NULL;

      /* A map could not be saved with it: fm_observed_check_apply() says so. */
      if (node == NULL || !fits_map (value))
        continue;

      note = fm_observed_describe (self, figures, statistic);
      fm_document_set (document, map, figures->node_id,
                       applied_property (node), round (value),
                       "observed", note,
                       NULL);
      n_set++;
    }
  /* The rework edges' rates, in the same step. */
  fm_observed_apply_rework (self, document, map);
  fm_document_end_group (document);

  return n_set;
}
