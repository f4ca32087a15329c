/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-lane-metrics.c: the figures of a map's swimlanes along its critical path
 *
 * Metrics-Based Process Mapping reads a map by role: how much of the lead
 * time each lane holds, and where the work waits. The figures follow the
 * critical path the metrics found, so that the lanes add up to its lead
 * time: a step gives its lane its process and lead time, a queue its wait
 * to the lane of the step it feeds.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-lane-metrics.h"
#include "fm-process-step.h"

static void
clear_figures (gpointer data)
{
  FmLaneFigures *figures = data;

  g_clear_pointer (&figures->name, g_free);
}

static int
compare_first (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const FmLaneFigures *lanes = user_data;
  int fa = lanes[*(const guint *) a].first, fb = lanes[*(const guint *) b].first;

  /* The lanes off the path (-1) after the others, in their own order. */
  if (fa < 0 || fb < 0)
    return fa < 0 && fb < 0 ? (int) *(const guint *) a - (int) *(const guint *) b : (fa < 0) - (fb < 0);
  return fa - fb;
}

/**
 * fm_lane_metrics_compute:
 * @lanes: the lanes of @map (fm_map_lanes_new())
 * @metrics: the figures of @map
 *
 * Returns: (transfer full): the figures of each lane
 */
FmLaneMetrics *
fm_lane_metrics_compute (FmMap            *map,
                         const FmMapLanes *lanes,
                         const FmMetrics  *metrics)
{
  FmLaneMetrics *self;
  guint n_lanes;
  double total_waiting = 0;
  double most = 0;
  guint on_path = 0;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (lanes != NULL, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);

  n_lanes = fm_map_lanes_get_n_lanes (lanes);
  self = g_new0 (FmLaneMetrics, 1);
  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (FmLaneFigures), n_lanes);
  g_array_set_clear_func (self->lanes, clear_figures);
  self->flow_order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_lanes);
  self->most_waiting = -1;

  for (guint i = 0; i < n_lanes; i++)
    {
      FmLaneFigures figures = { 0 };

      figures.name = g_strdup (fm_map_lanes_get_name (lanes, i));
      figures.first = -1;
      g_array_append_val (self->lanes, figures);
      g_array_append_val (self->flow_order, i);
    }

  for (guint i = 0; i < metrics->path->len; i++)
    {
      FmNode *node = g_ptr_array_index (metrics->path, i);
      const FmNodeFigures *node_figures = fm_metrics_lookup_figures (metrics, node);
      int lane = fm_map_lanes_lookup (lanes, node);
      FmLaneFigures *figures;
      double time_s = node_figures != NULL ? node_figures->time_s : 0;

      if (lane < 0)
        continue;
      figures = &g_array_index (self->lanes, FmLaneFigures, lane);

      if (FM_IS_PROCESS_STEP (node))
        {
          double process_s = fm_process_step_get_process_s (FM_PROCESS_STEP (node));

          process_s = fm_value_is_set (process_s) ? process_s : 0;
          figures->process_time_s += process_s;
          figures->lead_time_s += time_s;
          figures->waiting_s += MAX (time_s - process_s, 0);
          figures->steps++;
        }
      else if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
        {
          figures->wait_s += time_s;
          figures->waiting_s += time_s;
        }
      else
        {
          continue;
        }
      if (figures->first < 0)
        {
          figures->first = (int) i;
          on_path++;
        }
    }

  for (guint i = 0; i < n_lanes; i++)
    {
      FmLaneFigures *figures = &g_array_index (self->lanes, FmLaneFigures, i);

      figures->share = metrics->path->len > 0 && metrics->lead_time_s > 0
                       ? (figures->lead_time_s + figures->wait_s) / metrics->lead_time_s
                       : NAN;
      total_waiting += figures->waiting_s;
      if (figures->waiting_s > most)
        {
          most = figures->waiting_s;
          self->most_waiting = (int) i;
        }
    }
  if (on_path < 2 || total_waiting <= 0)
    self->most_waiting = -1;
  else
    self->most_waiting_share = most / total_waiting;

  g_array_sort_with_data (self->flow_order, compare_first, self->lanes->data);

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    if (fm_map_lanes_is_handoff (lanes, map, fm_map_get_edge (map, i)))
      self->handoffs++;

  return self;
}

void
fm_lane_metrics_free (FmLaneMetrics *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->lanes);
  g_array_unref (self->flow_order);
  g_free (self);
}

/**
 * fm_lane_metrics_describe_constraint:
 *
 * A lane that holds most of the waiting is a constraint in its own right:
 * the handoffs into it, or its capacity, hold the flow back.
 *
 * Returns: (transfer full) (nullable): that said in a sentence, or %NULL
 *   when no lane stands out
 */
char *
fm_lane_metrics_describe_constraint (const FmLaneMetrics *self,
                                     double               day_length_s)
{
  const FmLaneFigures *figures;
  g_autofree char *percent = NULL;
  g_autofree char *waiting = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->most_waiting < 0)
    return NULL;

  figures = &g_array_index (self->lanes, FmLaneFigures, self->most_waiting);
  percent = fm_figure_format_percent (100 * self->most_waiting_share, "%.0f");
  waiting = fm_duration_format_figure (figures->waiting_s, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, day_length_s);
  /* Translators: a lane as a constraint, as in "The lane Security team
   * holds the most waiting: 31 % of it (16 d)" */
  return g_strdup_printf (_("The lane %s holds the most waiting: %s of it (%s)"),
                          *figures->name != '\0' ? figures->name : _("without a role"),
                          percent, waiting);
}
