/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map.h: one value stream map (a current or a future state) */
#pragma once

#include <gio/gio.h>

#include "fm-edge.h"
#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_MAP (fm_map_get_type ())
G_DECLARE_FINAL_TYPE (FmMap, fm_map, FM, MAP, GObject)

FmMap       *fm_map_new                (const char  *id);
FmMap       *fm_map_copy               (FmMap       *self,
                                        const char  *new_id);
const char  *fm_map_get_id             (FmMap       *self);
const char  *fm_map_get_name           (FmMap       *self);
void         fm_map_set_name           (FmMap       *self,
                                        const char  *name);
FmMapState   fm_map_get_state          (FmMap       *self);
void         fm_map_set_state          (FmMap       *self,
                                        FmMapState   state);
const char  *fm_map_get_based_on       (FmMap       *self);
void         fm_map_set_based_on       (FmMap       *self,
                                        const char  *based_on);
const char  *fm_map_get_extra          (FmMap       *self);
void         fm_map_set_extra          (FmMap       *self,
                                        const char  *extra_json);
const char * const *fm_map_get_lanes   (FmMap       *self);
void         fm_map_set_lanes          (FmMap       *self,
                                        const char * const *lanes);

GListModel  *fm_map_get_nodes          (FmMap       *self);
GListModel  *fm_map_get_edges          (FmMap       *self);
guint        fm_map_get_n_nodes        (FmMap       *self);
guint        fm_map_get_n_edges        (FmMap       *self);
FmNode      *fm_map_get_node           (FmMap       *self,
                                        guint        position);
FmEdge      *fm_map_get_edge           (FmMap       *self,
                                        guint        position);
FmNode      *fm_map_lookup_node        (FmMap       *self,
                                        const char  *id);
FmEdge      *fm_map_lookup_edge        (FmMap       *self,
                                        const char  *id);
gboolean     fm_map_has_id             (FmMap       *self,
                                        const char  *id);
char        *fm_map_new_id             (FmMap       *self,
                                        const char  *prefix);
gboolean     fm_map_get_content_bounds (FmMap       *self,
                                        FmRect      *rect);

const char  *fm_map_state_to_string    (FmMapState   state);
gboolean     fm_map_state_from_string  (const char  *str,
                                        FmMapState  *state);

G_END_DECLS
