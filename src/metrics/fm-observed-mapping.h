/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-mapping.h: which step or queue of a map each tracker state is */
#pragma once

#include "fm-map.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

#define FM_OBSERVED_ERROR (fm_observed_error_quark ())

/**
 * FmObservedError:
 * @FM_OBSERVED_ERROR_NO_STATE: the data has no state of that name
 * @FM_OBSERVED_ERROR_NO_NODE: the map has no node of that id
 * @FM_OBSERVED_ERROR_NODE_KIND: the node is not a process step, a queue or an outcome
 */
typedef enum {
  FM_OBSERVED_ERROR_NO_STATE,
  FM_OBSERVED_ERROR_NO_NODE,
  FM_OBSERVED_ERROR_NODE_KIND,
} FmObservedError;

typedef struct _FmObservedMapping FmObservedMapping;

GQuark              fm_observed_error_quark           (void);
FmObservedMapping  *fm_observed_mapping_new           (FmObservedLog      *log,
                                                       FmMap              *map);
FmObservedMapping  *fm_observed_mapping_ref           (FmObservedMapping  *self);
void                fm_observed_mapping_unref         (FmObservedMapping  *self);

guint               fm_observed_mapping_get_n_states  (FmObservedMapping  *self);
const char         *fm_observed_mapping_get_state     (FmObservedMapping  *self,
                                                       guint               state);
int                 fm_observed_mapping_lookup_state  (FmObservedMapping  *self,
                                                       const char         *name);
const char         *fm_observed_mapping_get_node_id   (FmObservedMapping  *self,
                                                       guint               state);
gboolean            fm_observed_mapping_get_done      (FmObservedMapping  *self,
                                                       guint               state);
gboolean            fm_observed_mapping_get_explicit  (FmObservedMapping  *self,
                                                       guint               state);
gboolean            fm_observed_mapping_set           (FmObservedMapping  *self,
                                                       FmMap              *map,
                                                       const char         *state,
                                                       const char         *node_id,
                                                       GError            **error);
void                fm_observed_mapping_set_done      (FmObservedMapping  *self,
                                                       guint               state,
                                                       gboolean            done);
char              **fm_observed_mapping_dup_unmapped  (FmObservedMapping  *self);

const char         *fm_observed_match_state           (FmMap              *map,
                                                       const char         *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmObservedMapping, fm_observed_mapping_unref)

G_END_DECLS
