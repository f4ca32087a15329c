/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-duration.h: durations in the units people read and type */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *fm_duration_format        (double       seconds,
                                      double       day_length_s);
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
