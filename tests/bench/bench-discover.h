/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-discover.h: how long drafting a map from a large event log takes */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_discover_ms (guint  n_events,
                          int    n_runs,
                          guint *n_items,
                          guint *n_nodes);

G_END_DECLS
