/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-duration.h: durations in the units people read and type */
#pragma once

#include <glib.h>

#include "fm-enums.h"

G_BEGIN_DECLS

/* What a duration shown as a figure measures, which decides its unit. */
typedef enum {
  FM_DURATION_LEAD,     /* lead times and waits: in days (or the document's
                         * unit) with a decimal, "23.6 d" */
  FM_DURATION_PROCESS,  /* process, cycle and takt times: exact, "62 s" */
} FmDurationKind;

char      *fm_duration_format        (double       seconds,
                                      double       day_length_s);
char      *fm_duration_format_entry  (double       seconds,
                                      double       day_length_s);
char      *fm_duration_format_figure (double         seconds,
                                      FmDurationKind kind,
                                      FmTimeUnit     lead_unit,
                                      double         day_length_s);
char      *fm_duration_format_figure_like (double  seconds,
                                           double  reference_s,
                                           double  day_length_s);
gboolean   fm_duration_parse         (const char  *text,
                                      double       day_length_s,
                                      double      *seconds_out);
double     fm_duration_week_length   (double       day_length_s);
gboolean   fm_number_parse_prefix    (const char **p,
                                      gboolean     either_point,
                                      double      *value);
char      *fm_locale_formatd         (char        *buffer,
                                      int          buf_len,
                                      const char  *format,
                                      double       value);
char      *fm_format_decimal         (const char  *format,
                                      double       value);

G_END_DECLS
