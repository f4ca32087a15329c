/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-log.h: work items and the states they went through, as exported by a tracker */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The end of a visit that is not known: the item is still in the state. */
#define FM_OBSERVED_OPEN G_MININT64

/* The last second a #GDateTime holds, 9999-12-31T23:59:59Z: no time of a
 * log is later. */
#define FM_OBSERVED_MAX_TIME G_GINT64_CONSTANT (253402300799)

/* Times more than this after the time before them, followed by fewer
 * times than come before, are after the data's plausible end: a year
 * (of 366 days). */
#define FM_OBSERVED_PLAUSIBLE_GAP ((gint64) 366 * 86400)

/**
 * FmObservedVisit:
 * @state: the index of the state, see fm_observed_log_get_state_name()
 * @entered: when the item entered it, in seconds since 1970-01-01 UTC
 * @left: when it left, or %FM_OBSERVED_OPEN
 * @line: the line of the file it came from (1-based), 0 if none
 *
 * One stay of one item in one state.
 */
typedef struct {
  guint state;
  gint64 entered;
  gint64 left;
  guint line;
} FmObservedVisit;

/**
 * FmObservedItem:
 * @id: the item's key in the tracker
 * @type: (nullable): its work item type, such as "feature" or "defect"
 * @visits: its #FmObservedVisit, by time of entry once the log is sealed
 */
typedef struct {
  char *id;
  char *type;
  GArray *visits;
} FmObservedItem;

/**
 * FmObservedProblem:
 * @line: the 1-based line of the row that was not imported
 * @message: why, in words
 */
typedef struct {
  guint line;
  char *message;
} FmObservedProblem;

typedef struct _FmObservedLog FmObservedLog;

FmObservedLog          *fm_observed_log_new             (void);
FmObservedLog          *fm_observed_log_ref             (FmObservedLog *self);
void                    fm_observed_log_unref           (FmObservedLog *self);

/* Building: the importer's side. */
guint                   fm_observed_log_add_state       (FmObservedLog *self,
                                                         const char    *name);
void                    fm_observed_log_set_state_done  (FmObservedLog *self,
                                                         guint          state,
                                                         gboolean       done);
void                    fm_observed_log_add_visit       (FmObservedLog *self,
                                                         const char    *item,
                                                         const char    *type,
                                                         guint          state,
                                                         gint64         entered,
                                                         gint64         left,
                                                         guint          line);
void                    fm_observed_log_add_error       (FmObservedLog *self,
                                                         guint          line,
                                                         const char    *format,
                                                         ...) G_GNUC_PRINTF (3, 4);
void                    fm_observed_log_add_warning     (FmObservedLog *self,
                                                         const char    *format,
                                                         ...) G_GNUC_PRINTF (2, 3);
void                    fm_observed_log_set_time_zone   (FmObservedLog *self,
                                                         GTimeZone     *time_zone);
void                    fm_observed_log_seal            (FmObservedLog *self);

/* Reading. */
guint                   fm_observed_log_get_n_states    (FmObservedLog *self);
const char             *fm_observed_log_get_state_name  (FmObservedLog *self,
                                                         guint          state);
gboolean                fm_observed_log_get_state_done  (FmObservedLog *self,
                                                         guint          state);
int                     fm_observed_log_lookup_state    (FmObservedLog *self,
                                                         const char    *name);
guint                   fm_observed_log_get_n_items     (FmObservedLog *self);
const FmObservedItem   *fm_observed_log_get_item        (FmObservedLog *self,
                                                         guint          position);
gboolean                fm_observed_log_has_types       (FmObservedLog *self);
char                  **fm_observed_log_dup_types       (FmObservedLog *self);
guint                   fm_observed_log_get_n_visits    (FmObservedLog *self);
guint                   fm_observed_log_get_n_errors    (FmObservedLog *self);
const FmObservedProblem *fm_observed_log_get_error      (FmObservedLog *self,
                                                         guint          position);
guint                   fm_observed_log_get_n_warnings  (FmObservedLog *self);
const char             *fm_observed_log_get_warning     (FmObservedLog *self,
                                                         guint          position);

/* What state names mean, for the importer and the mapping. */
gboolean                fm_observed_state_means_done    (const char    *name);
gboolean                fm_observed_state_means_waiting (const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmObservedLog, fm_observed_log_unref)

G_END_DECLS
