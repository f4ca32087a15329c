/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document.h: a value stream and its maps, the unit that is saved */
#pragma once

#include <gio/gio.h>

#include "fm-map.h"
#include "fm-undo-stack.h"

G_BEGIN_DECLS

#define FM_TYPE_DOCUMENT (fm_document_get_type ())
G_DECLARE_FINAL_TYPE (FmDocument, fm_document, FM, DOCUMENT, GObject)

#define FM_DEFAULT_DAY_LENGTH_S 86400.0
#define FM_DEFAULT_AVAILABLE_TIME_S 28800.0

FmDocument   *fm_document_new                  (void);
FmUndoStack  *fm_document_get_undo_stack       (FmDocument   *self);
void          fm_document_emit_changed         (FmDocument   *self);

const char   *fm_document_get_title            (FmDocument   *self);
const char   *fm_document_get_customer         (FmDocument   *self);
const char   *fm_document_get_value            (FmDocument   *self);
const char   *fm_document_get_trigger          (FmDocument   *self);
const char   *fm_document_get_outcome          (FmDocument   *self);
const char   *fm_document_get_working_hours    (FmDocument   *self);
const char   *fm_document_get_holidays         (FmDocument   *self);
const char   *fm_document_get_calendar_time_zone (FmDocument *self);
FmStreamType  fm_document_get_stream_type      (FmDocument   *self);
FmTimeUnit    fm_document_get_lead_time_unit   (FmDocument   *self);
double        fm_document_get_day_length_s     (FmDocument   *self);
double        fm_document_get_available_time_s (FmDocument   *self);
double        fm_document_get_demand_per_day   (FmDocument   *self);
const char   *fm_document_get_extra            (FmDocument   *self);
void          fm_document_set_extra            (FmDocument   *self,
                                                const char   *extra_json);

GListModel   *fm_document_get_maps             (FmDocument   *self);
guint         fm_document_get_n_maps           (FmDocument   *self);
FmMap        *fm_document_get_map              (FmDocument   *self,
                                                guint         position);
FmMap        *fm_document_lookup_map           (FmDocument   *self,
                                                const char   *id_or_name);
char         *fm_document_new_map_id           (FmDocument   *self);

/* Undoable changes. Everything that changes a document after it is loaded
 * goes through these. */
void          fm_document_begin_group          (FmDocument   *self,
                                                const char   *label);
void          fm_document_end_group            (FmDocument   *self);
void          fm_document_cancel_group         (FmDocument   *self);
void          fm_document_set_value_full       (FmDocument   *self,
                                                FmMap        *map,
                                                const char   *object_id,
                                                const char   *property,
                                                const GValue *value,
                                                gboolean      coalesce);
void          fm_document_set                  (FmDocument   *self,
                                                FmMap        *map,
                                                const char   *object_id,
                                                const char   *first_property,
                                                ...) G_GNUC_NULL_TERMINATED;
void          fm_document_add_node             (FmDocument   *self,
                                                FmMap        *map,
                                                FmNode       *node);
void          fm_document_add_edge             (FmDocument   *self,
                                                FmMap        *map,
                                                FmEdge       *edge);
void          fm_document_remove               (FmDocument   *self,
                                                FmMap        *map,
                                                const char * const *ids);
void          fm_document_move_nodes           (FmDocument   *self,
                                                FmMap        *map,
                                                const char * const *ids,
                                                double        dx,
                                                double        dy);
void          fm_document_set_node_bounds      (FmDocument   *self,
                                                FmMap        *map,
                                                const char   *id,
                                                const FmRect *bounds);
void          fm_document_set_nodes_bounds     (FmDocument   *self,
                                                FmMap        *map,
                                                const char   *label,
                                                const char * const *ids,
                                                const FmRect *bounds);
void          fm_document_add_map              (FmDocument   *self,
                                                FmMap        *map,
                                                guint         position);
void          fm_document_remove_map           (FmDocument   *self,
                                                FmMap        *map);
void          fm_document_move_map             (FmDocument   *self,
                                                guint         from,
                                                guint         to);

const char   *fm_stream_type_to_string         (FmStreamType  type);
gboolean      fm_stream_type_from_string       (const char   *str,
                                                FmStreamType *type);
const char   *fm_time_unit_to_string           (FmTimeUnit    unit);
gboolean      fm_time_unit_from_string         (const char   *str,
                                                FmTimeUnit   *unit);

G_END_DECLS
