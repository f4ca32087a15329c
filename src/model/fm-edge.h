/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge.h: a connection between two nodes of a map */
#pragma once

#include <glib-object.h>

#include "fm-enums.h"
#include "fm-model-enums.h"

G_BEGIN_DECLS

#define FM_TYPE_EDGE (fm_edge_get_type ())
G_DECLARE_FINAL_TYPE (FmEdge, fm_edge, FM, EDGE, GObject)

FmEdge      *fm_edge_new               (const char  *id,
                                        const char  *from,
                                        const char  *to,
                                        FmEdgeKind   kind);
FmEdge      *fm_edge_copy              (FmEdge      *self);
const char  *fm_edge_get_id            (FmEdge      *self);
const char  *fm_edge_get_from          (FmEdge      *self);
const char  *fm_edge_get_to            (FmEdge      *self);
FmEdgeKind   fm_edge_get_kind          (FmEdge      *self);
void         fm_edge_set_kind          (FmEdge      *self,
                                        FmEdgeKind   kind);
double       fm_edge_get_rate          (FmEdge      *self);
void         fm_edge_set_rate          (FmEdge      *self,
                                        double       rate);
double       fm_edge_get_share         (FmEdge      *self);
void         fm_edge_set_share         (FmEdge      *self,
                                        double       share);
const char  *fm_edge_get_observed      (FmEdge      *self);
void         fm_edge_set_observed      (FmEdge      *self,
                                        const char  *observed);
const char  *fm_edge_get_extra         (FmEdge      *self);
void         fm_edge_set_extra         (FmEdge      *self,
                                        const char  *extra_json);
gboolean     fm_edge_is_flow           (FmEdge      *self);

const char  *fm_edge_kind_to_string    (FmEdgeKind   kind);
gboolean     fm_edge_kind_from_string  (const char  *str,
                                        FmEdgeKind  *kind);

G_END_DECLS
