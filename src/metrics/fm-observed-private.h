/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-private.h: what the files of observed flow data share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower case, letters and digits only, words separated by one space:
 * "In Review (QA)" is "in review qa". */
char        *fm_observed_normalize        (const char *text);

/* The calendar day of @t (seconds since 1970 UTC) in @tz, as a Julian day
 * number (1 is 0001-01-01). */
guint32      fm_observed_day_of           (GTimeZone  *tz,
                                           gint64      t);
int          fm_observed_compare_doubles  (gconstpointer a,
                                           gconstpointer b);

G_END_DECLS
