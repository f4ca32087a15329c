/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-working-time.h: which clock a figure is on: elapsed days or working time */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

double  fm_working_day_s  (FmDocument *document);
char   *fm_takt_format    (double      takt_s,
                           double      interval_s,
                           double      day_length_s);

G_END_DECLS
