/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-observe-chart.h: `flowmap observe --chart KIND -o OUT.png|svg|pdf` */
#pragma once

#include "fm-observed.h"

G_BEGIN_DECLS

gboolean  fm_cli_observe_check_chart  (const char              *kind,
                                       const char              *output);
gboolean  fm_cli_observe_write_chart  (const char              *kind,
                                       const char              *output,
                                       FmDocument              *document,
                                       FmObservedLog           *log,
                                       FmObservedMapping       *mapping,
                                       FmMap                   *map,
                                       FmObserved              *observed,
                                       const FmObservedOptions *options,
                                       const char              *csv_path);

G_END_DECLS
