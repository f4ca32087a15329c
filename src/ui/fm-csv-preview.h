/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-preview.h: a look at a tracker's export: its first rows and what was read */
#pragma once

#include <gtk/gtk.h>

#include "fm-csv.h"
#include "fm-csv-import.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

void   fm_csv_preview_fill     (GtkGrid            *grid,
                                FmCsv              *csv,
                                FmObservedLog      *log,
                                const FmCsvColumns *columns);
char  *fm_csv_preview_describe (FmCsv              *csv,
                                FmObservedLog      *log);

G_END_DECLS
