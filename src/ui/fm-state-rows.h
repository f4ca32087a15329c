/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-state-rows.h: a row per state of observed data, with what it becomes */
#pragma once

#include <adwaita.h>

#include "fm-observed-log.h"

G_BEGIN_DECLS

guint      *fm_state_rows_count_visits (FmObservedLog *log);
GtkWidget  *fm_state_row_new           (const char    *state,
                                        GListModel    *choices,
                                        guint          selected,
                                        guint          n_visits);
const char *fm_state_row_get_state     (GtkWidget     *row);
void        fm_state_row_describe      (GtkWidget     *row,
                                        const char    *how,
                                        const char    *warning);

G_END_DECLS
