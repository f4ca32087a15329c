/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas.h: the one widget that draws a map and edits it with the pointer */
#pragma once

#include <gtk/gtk.h>

#include "fm-canvas-state.h"
#include "fm-document.h"
#include "fm-edge-route.h"
#include "fm-comparison.h"
#include "fm-metrics-cache.h"

G_BEGIN_DECLS

typedef enum {
  FM_CANVAS_HIT_NONE,
  FM_CANVAS_HIT_NODE,
  FM_CANVAS_HIT_EDGE,
  FM_CANVAS_HIT_HANDLE,   /* a resize handle of a selected node */
  FM_CANVAS_HIT_PORT,     /* the connection handle of a selected or hovered node */
  FM_CANVAS_HIT_LANE,     /* the header of a lane, which drags to reorder the lanes */
} FmCanvasHitType;

typedef struct {
  FmCanvasHitType type;
  const char *id;         /* the node or edge; owned by the map */
  guint handle;           /* the FmHandle of a HANDLE or PORT hit; a LANE
                           * hit's lane, an index into the map's FmMapLanes */
} FmCanvasHit;

#define FM_TYPE_CANVAS (fm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (FmCanvas, fm_canvas, FM, CANVAS, GtkWidget)

GtkWidget     *fm_canvas_new                  (void);
FmCanvasState *fm_canvas_get_state            (FmCanvas           *self);
FmDocument    *fm_canvas_get_document         (FmCanvas           *self);
FmMap         *fm_canvas_get_map              (FmCanvas           *self);
void           fm_canvas_set_map              (FmCanvas           *self,
                                               FmDocument         *document,
                                               FmMap              *map);
void           fm_canvas_offer_routes         (FmCanvas           *self,
                                               FmMap              *map,
                                               FmEdgeRoutes       *routes);
FmEdgeKind     fm_canvas_get_edge_kind        (FmCanvas           *self);
void           fm_canvas_set_edge_kind        (FmCanvas           *self,
                                               FmEdgeKind          kind);

void           fm_canvas_hit_test             (FmCanvas           *self,
                                               double              widget_x,
                                               double              widget_y,
                                               FmCanvasHit        *hit);
FmNode        *fm_canvas_place_node           (FmCanvas           *self,
                                               FmNodeKind          kind,
                                               double              widget_x,
                                               double              widget_y);
FmEdge        *fm_canvas_connect              (FmCanvas           *self,
                                               const char         *from,
                                               const char         *to);
void           fm_canvas_select_rect          (FmCanvas           *self,
                                               const FmRect       *map_rect,
                                               gboolean            add);
void           fm_canvas_select_all           (FmCanvas           *self);
void           fm_canvas_delete_selection     (FmCanvas           *self);
void           fm_canvas_nudge                (FmCanvas           *self,
                                               double              dx,
                                               double              dy);
gboolean       fm_canvas_zoom_to_fit          (FmCanvas           *self);
void           fm_canvas_zoom_by              (FmCanvas           *self,
                                               double              factor);
gboolean       fm_canvas_begin_edit           (FmCanvas           *self,
                                               const char         *node_id);
gboolean       fm_canvas_is_editing           (FmCanvas           *self);
void           fm_canvas_commit_edit          (FmCanvas           *self);
void           fm_canvas_cancel_gesture       (FmCanvas           *self);

FmMetricsCache *fm_canvas_get_metrics_cache   (FmCanvas           *self);
void           fm_canvas_set_metrics_cache    (FmCanvas           *self,
                                               FmMetricsCache     *cache);
gboolean       fm_canvas_select_and_reveal    (FmCanvas           *self,
                                               const char         *id);

gboolean       fm_canvas_get_show_changes     (FmCanvas           *self);
gboolean       fm_canvas_can_show_changes     (FmCanvas           *self);
const FmComparison *fm_canvas_get_comparison  (FmCanvas           *self);

char          *fm_canvas_serialize_selection  (FmCanvas           *self);
gboolean       fm_canvas_paste_json           (FmCanvas           *self,
                                               const char         *json,
                                               double              dx,
                                               double              dy,
                                               GError            **error);

G_END_DECLS
