/* fm-node-index-private.h: the index's insides, for the edge router's
 * inner loops, which look up a box per candidate route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fm-node-grid.h"
#include "fm-node-index.h"

G_BEGIN_DECLS

struct _FmNodeIndex
{
  GPtrArray *nodes;     /* FmNode, referenced, in the map's order */
  GArray *bounds;       /* FmRect, parallel to nodes */
  FmNodeGrid *grid;     /* over bounds */
};

G_END_DECLS
