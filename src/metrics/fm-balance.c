/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-balance.c: each step's cycle time against the takt time
 *
 * The operator balance chart of Learning to See: a step whose cycle time
 * (its process time shared by its people) is longer than the takt time
 * cannot make what the customer asks for, whatever its queues hold. The
 * constraints, the chart and the slides ask here, so that they agree.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <math.h>

#include "fm-balance.h"
#include "fm-map-order.h"
#include "fm-process-step.h"

/**
 * fm_balance_cycle_time:
 * @node: a node of a map
 *
 * A step's cycle time: its process time divided by its people, or the
 * process time itself when the people are unknown (or none).
 *
 * Returns: seconds per piece, or NAN for anything but a step with a
 *   process time
 */
double
fm_balance_cycle_time (FmNode *node)
{
  double process, people;

  g_return_val_if_fail (FM_IS_NODE (node), NAN);

  if (!FM_IS_PROCESS_STEP (node))
    return NAN;

  process = fm_process_step_get_process_s (FM_PROCESS_STEP (node));
  if (!fm_value_is_set (process))
    return NAN;

  people = fm_process_step_get_people (FM_PROCESS_STEP (node));
  return fm_value_is_set (people) && people > 0 ? process / people : process;
}

/**
 * fm_balance_exceeds_takt:
 *
 * Returns: whether @cycle_time_s is longer than @takt_time_s, both known;
 *   a step at exactly the takt keeps up
 */
gboolean
fm_balance_exceeds_takt (double cycle_time_s,
                         double takt_time_s)
{
  return isfinite (cycle_time_s) && isfinite (takt_time_s) && takt_time_s > 0 &&
         cycle_time_s > takt_time_s * (1 + 1e-9);
}

/**
 * fm_balance_compute:
 * @map: the map
 * @takt_time_s: the document's takt time, NAN when unknown
 *
 * A bar for each process step of @map with a process time, in the order of
 * the flow (fm_map_flow_order()).
 *
 * Returns: (transfer full) (element-type FmBalanceBar): the bars
 */
GArray *
fm_balance_compute (FmMap  *map,
                    double  takt_time_s)
{
  g_autoptr(GPtrArray) order = NULL;
  GArray *bars;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  bars = g_array_new (FALSE, FALSE, sizeof (FmBalanceBar));
  order = fm_map_flow_order (map);
  for (guint i = 0; i < order->len; i++)
    {
      FmBalanceBar bar = { order->pdata[i], fm_balance_cycle_time (order->pdata[i]), FALSE };

      if (isnan (bar.cycle_time_s))
        continue;
      bar.over_takt = fm_balance_exceeds_takt (bar.cycle_time_s, takt_time_s);
      g_array_append_val (bars, bar);
    }

  return bars;
}
