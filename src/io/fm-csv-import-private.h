/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-import-private.h: what the files of the CSV import share */
#pragma once

#include "fm-csv-import.h"

G_BEGIN_DECLS

/* A file none of whose rows could be read fails as a whole: FALSE with
 * @error set, naming the first row's error and the rows' separator when
 * it is not the header's. */
gboolean fm_csv_import_check_any_row (FmCsv          *csv,
                                      FmObservedLog  *log,
                                      GError        **error);

G_END_DECLS
