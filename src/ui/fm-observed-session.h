/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-session.h: the observed data imported into a window: view state, not the document */
#pragma once

#include <glib-object.h>

#include "fm-observed.h"

G_BEGIN_DECLS

#define FM_TYPE_OBSERVED_SESSION (fm_observed_session_get_type ())
G_DECLARE_FINAL_TYPE (FmObservedSession, fm_observed_session, FM, OBSERVED_SESSION, GObject)

FmObservedSession *fm_observed_session_new          (void);
void               fm_observed_session_set          (FmObservedSession *self,
                                                     FmObservedLog     *log,
                                                     FmObservedMapping *mapping,
                                                     GTimeZone         *time_zone,
                                                     const char        *source);
void               fm_observed_session_clear        (FmObservedSession *self);
FmObservedLog     *fm_observed_session_get_log      (FmObservedSession *self);
GTimeZone         *fm_observed_session_get_time_zone (FmObservedSession *self);
const char        *fm_observed_session_get_source   (FmObservedSession *self);
FmObservedMapping *fm_observed_session_dup_mapping  (FmObservedSession *self,
                                                     FmMap             *map);

G_END_DECLS
