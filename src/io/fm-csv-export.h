/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-export.h: a map's figures as a table for spreadsheets */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

char *fm_csv_export_nodes    (FmDocument *document,
                              FmMap      *map,
                              gsize      *length);
char *fm_csv_export_figures  (FmDocument *document,
                              gsize      *length);

G_END_DECLS
