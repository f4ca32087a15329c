/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-private.h: what the files of observed flow data share */
#pragma once

#include <glib.h>

#include "fm-calendar.h"
#include "fm-map.h"
#include "fm-observed-log.h"
#include "fm-observed-mapping.h"
#include "fm-observed.h"

G_BEGIN_DECLS

/* A stay of an item in a node: consecutive visits of its states. @left
 * is FM_OBSERVED_OPEN while the item is still there. */
typedef struct {
  FmNode *node;
  gint64 entered;
  gint64 left;
} FmObservedStay;

/* Lower case, letters and digits only, words separated by one space:
 * "In Review (QA)" is "in review qa". */
char        *fm_observed_normalize        (const char *text);

/* The calendar day of @t (seconds since 1970 UTC) in @tz, as a Julian day
 * number (1 is 0001-01-01). */
guint32      fm_observed_day_of           (GTimeZone  *tz,
                                           gint64      t);
int          fm_observed_compare_doubles  (gconstpointer a,
                                           gconstpointer b);

double       fm_observed_span             (const FmCalendar       *calendar,
                                           gint64                  from,
                                           gint64                  to);
void         fm_observed_resolve_states   (FmObservedLog          *log,
                                           FmObservedMapping      *mapping,
                                           FmMap                  *map,
                                           FmNode               ***state_node,
                                           gboolean              **state_done);
gboolean     fm_observed_walk_item        (const FmObservedItem   *item,
                                           FmNode * const         *state_node,
                                           const gboolean         *state_done,
                                           gint64                  as_of,
                                           GArray                 *stays,
                                           gint64                 *start,
                                           gint64                 *finish,
                                           const FmObservedVisit **last);

/* Before the log is sealed: where its times plausibly end (G_MAXINT64:
 * nowhere short of the last), and the error of a time after that. */
gint64       fm_observed_log_find_plausible_end (FmObservedLog *log);
void         fm_observed_log_report_implausible (FmObservedLog *log,
                                                 GTimeZone     *tz,
                                                 guint          line,
                                                 const char    *item,
                                                 const char    *state,
                                                 gint64         t,
                                                 gint64         plausible_end);
/* The moves between nodes and the rework rates they give: fm-observed-rework.c. */
GArray      *fm_observed_count_moves      (FmObservedLog          *log,
                                           FmObservedMapping      *mapping,
                                           FmMap                  *map,
                                           const FmObservedOptions *options,
                                           gint64                  as_of);
guint        fm_observed_apply_rework     (FmObserved             *self,
                                           FmDocument             *document,
                                           FmMap                  *map);

G_END_DECLS
