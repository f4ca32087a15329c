/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-experiments.c: a map's improvement experiments, in the order of their reviews
 *
 * A map without change is theatre; the list puts first what is to be
 * reviewed first, so that a retrospective starts with what is due.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include "fm-experiments.h"
#include "fm-iso-date.h"

/**
 * fm_experiment_get_review:
 * @date: (out caller-allocates): the review date, when it has one
 *
 * Returns: whether @kaizen has a valid review date
 */
gboolean
fm_experiment_get_review (FmKaizen *kaizen,
                          GDate    *date)
{
  g_return_val_if_fail (FM_IS_KAIZEN (kaizen), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return fm_iso_date_parse (fm_kaizen_get_review_date (kaizen), date);
}

/* Planned and running experiments still wait for their verdict. */
gboolean
fm_experiment_is_open (FmKaizen *kaizen)
{
  FmKaizenStatus status;

  g_return_val_if_fail (FM_IS_KAIZEN (kaizen), FALSE);

  status = fm_kaizen_get_status (kaizen);
  return status == FM_KAIZEN_STATUS_PLANNED || status == FM_KAIZEN_STATUS_RUNNING;
}

/**
 * fm_experiment_is_overdue:
 * @today: (nullable): the day to compare with; %NULL for the local today
 *
 * Returns: whether @kaizen is still planned or running while its review
 *   date has passed
 */
gboolean
fm_experiment_is_overdue (FmKaizen *kaizen,
                          GDate    *today)
{
  GDate review, now;

  g_return_val_if_fail (FM_IS_KAIZEN (kaizen), FALSE);

  if (!fm_experiment_is_open (kaizen) || !fm_experiment_get_review (kaizen, &review))
    return FALSE;

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  return g_date_compare (&review, today) < 0;
}

static int
compare_experiments (gconstpointer a,
                     gconstpointer b)
{
  FmKaizen *ka = *(FmKaizen **) a, *kb = *(FmKaizen **) b;
  GDate da, db;
  gboolean has_a = fm_experiment_get_review (ka, &da);
  gboolean has_b = fm_experiment_get_review (kb, &db);
  int order;

  /* Dated first, earliest first; undated last. */
  if (has_a != has_b)
    return has_a ? -1 : 1;
  if (has_a && (order = g_date_compare (&da, &db)) != 0)
    return order;

  return g_utf8_collate (fm_node_get_label (FM_NODE (ka)), fm_node_get_label (FM_NODE (kb)));
}

/**
 * fm_experiments_list:
 *
 * Returns: (transfer container) (element-type FmKaizen): the experiments
 *   of @map, borrowed, by review date (earliest first, undated last), then
 *   by hypothesis
 */
GPtrArray *
fm_experiments_list (FmMap *map)
{
  GPtrArray *list;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  list = g_ptr_array_new ();
  n = fm_map_get_n_nodes (map);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      if (FM_IS_KAIZEN (node))
        g_ptr_array_add (list, node);
    }

  /* Stable, so that equal experiments keep the map's order. */
  g_ptr_array_sort (list, compare_experiments);
  return list;
}
