/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-balance.h: the cycle time / takt chart of a map's steps */
#pragma once

#include <cairo.h>

#include "fm-document.h"
#include "fm-renderer.h"

G_BEGIN_DECLS

/**
 * FmBalanceBox:
 * @node: (transfer none): the step
 * @bar: its bar, in the page's units; empty for a cycle time of 0
 * @label: where its name is written under the bar; empty when there is no
 *   room for it
 * @over_takt: its cycle time exceeds the takt time: drawn in the alert colour
 *
 * One bar of a drawn cycle time / takt chart, for tests and hit testing.
 */
typedef struct {
  FmNode *node;
  FmRect bar;
  FmRect label;
  gboolean over_takt;
} FmBalanceBox;

void  fm_chart_balance_draw (cairo_t     *cr,
                             FmDocument  *document,
                             FmMap       *map,
                             double       takt_time_s,
                             gboolean     title,
                             double       width,
                             double       height,
                             GArray      *boxes);

G_END_DECLS
