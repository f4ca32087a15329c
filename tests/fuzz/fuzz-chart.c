/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-chart.c: libFuzzer target for the charts of observed data
 *
 * The bytes become a log (fuzz-observed-input.c) whose figures are
 * computed as for the Observed page, and one of the four charts (the
 * input's second byte chooses: a drawing takes long enough under the
 * sanitizers that all four would slow the search fourfold) is drawn as
 * on the page, at a size from a narrow pane to a wide window, and as on a
 * slide, titled, with an experiment's start marked: every drawing must
 * leave Cairo without an error.
 */
#include "config.h"

#include <cairo.h>

#include "fm-chart.h"
#include "fuzz-observed-input.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
draw (FuzzObserved *f,
      FmChartKind   kind,
      double        width,
      double        height,
      gboolean      slide)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  FmChartMarker marker = { 0, "Experiment" };
  FmChartData chart = { f->observed, f->series, 0, slide, slide ? "fuzz.csv" : NULL, NULL, 0 };

  if (slide && f->observed->lead_times->len > 0)
    {
      /* Within the period or not, as an experiment's date may be. */
      marker.time = 1772409600 + (gint64) f->knobs * 86400;
      chart.markers = &marker;
      chart.n_markers = 1;
    }
  fm_chart_draw (cr, kind, &chart, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzObserved f;
  /* The page's sizes, from a narrow pane to a wide window. */
  const double widths[] = { 160, 420, 960, 1400 };
  FmChartKind kind = size > 1 ? data[1] % FM_N_CHARTS : FM_CHART_AGING;

  fuzz_observed_setup ();
  fuzz_observed_build (&f, data, size);
  draw (&f, kind, widths[f.knobs % G_N_ELEMENTS (widths)], 140 + (f.knobs / 4 % 4) * 120, FALSE);
  draw (&f, kind, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, TRUE);
  fuzz_observed_clear (&f);

  return 0;
}
