/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-observed.c: libFuzzer target for the figures of observed data
 *
 * The bytes become a log (fuzz-observed-input.c), mapped onto the release
 * example's map; the figures, the charts' series, a forecast and the
 * wording of each node's figure are computed, and must keep their
 * promises: counts that add up, percentiles in order, a series as long as
 * its period.
 */
#include "config.h"

#include <math.h>

#include "fuzz-observed-input.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (FuzzObserved *f)
{
  FmObserved *o = f->observed;
  FmObservedForecast forecast;

  g_assert_cmpuint (o->finished, <=, o->items);
  g_assert_cmpuint (o->in_progress, <=, o->items);
  if (isfinite (o->lead_time_p50_s) && isfinite (o->lead_time_p85_s))
    g_assert_cmpfloat (o->lead_time_p50_s, <=, o->lead_time_p85_s);
  if (isfinite (o->lead_time_p85_s) && isfinite (o->lead_time_p95_s))
    g_assert_cmpfloat (o->lead_time_p85_s, <=, o->lead_time_p95_s);
  g_assert_cmpuint (o->aging->len, <=, o->items);

  for (guint i = 0; i < o->nodes->len; i++)
    {
      const FmObservedNode *node = &g_array_index (o->nodes, FmObservedNode, i);
      g_autofree char *median = fm_observed_describe (o, node, FM_OBSERVED_MEDIAN);
      g_autofree char *p85 = fm_observed_describe (o, node, FM_OBSERVED_P85);

      g_assert_true (median == NULL || g_utf8_validate (median, -1, NULL));
      g_assert_true (p85 == NULL || g_utf8_validate (p85, -1, NULL));
      if (isfinite (node->median_s) && isfinite (node->p85_s))
        g_assert_cmpfloat (node->median_s, <=, node->p85_s);
      g_assert_true (fm_observed_lookup_node (o, node->node_id) == node);
    }

  g_assert_cmpuint (f->series->bands->len, >=, 1);
  for (guint d = 0; d < f->series->n_days; d++)
    for (guint b = 0; b < f->series->bands->len; b++)
      fm_observed_series_get (f->series, d, b);

  if (fm_observed_forecast (o, 1 + f->knobs % 40, 50, f->knobs, &forecast))
    {
      g_assert_cmpfloat (forecast.days[0], <=, forecast.days[1]);
      g_assert_cmpfloat (forecast.days[1], <=, forecast.days[2]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzObserved f;

  fuzz_observed_setup ();
  fuzz_observed_build (&f, data, size);
  check (&f);
  fuzz_observed_clear (&f);

  return 0;
}
