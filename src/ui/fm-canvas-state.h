/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-state.h: what a canvas shows and how: selection, zoom, scroll, hover, tool */
#pragma once

#include <glib-object.h>

#include "fm-map.h"

G_BEGIN_DECLS

typedef enum {
  FM_CANVAS_TOOL_SELECT,
  FM_CANVAS_TOOL_PLACE,   /* the next click places a node of the place kind */
} FmCanvasTool;

/* Small enough that Zoom to Fit shows maps of thousands of steps whole. */
#define FM_CANVAS_MIN_ZOOM 0.02
#define FM_CANVAS_MAX_ZOOM 8.0
#define FM_CANVAS_GRID 10.0

#define FM_TYPE_CANVAS_STATE (fm_canvas_state_get_type ())
G_DECLARE_FINAL_TYPE (FmCanvasState, fm_canvas_state, FM, CANVAS_STATE, GObject)

FmCanvasState *fm_canvas_state_new                (void);

GHashTable    *fm_canvas_state_get_selection      (FmCanvasState      *self);
guint          fm_canvas_state_get_n_selected     (FmCanvasState      *self);
gboolean       fm_canvas_state_is_selected        (FmCanvasState      *self,
                                                   const char         *id);
void           fm_canvas_state_select             (FmCanvasState      *self,
                                                   const char         *id,
                                                   gboolean            add);
void           fm_canvas_state_toggle             (FmCanvasState      *self,
                                                   const char         *id);
void           fm_canvas_state_set_selection      (FmCanvasState      *self,
                                                   const char * const *ids);
void           fm_canvas_state_clear_selection    (FmCanvasState      *self);
char         **fm_canvas_state_dup_selection      (FmCanvasState      *self,
                                                   FmMap              *map,
                                                   gboolean            nodes_only);
const char    *fm_canvas_state_get_single         (FmCanvasState      *self);
gboolean       fm_canvas_state_prune              (FmCanvasState      *self,
                                                   FmMap              *map);

double         fm_canvas_state_get_zoom           (FmCanvasState      *self);
void           fm_canvas_state_get_origin         (FmCanvasState      *self,
                                                   double             *x,
                                                   double             *y);
void           fm_canvas_state_set_view           (FmCanvasState      *self,
                                                   double              zoom,
                                                   double              origin_x,
                                                   double              origin_y);
void           fm_canvas_state_zoom_at            (FmCanvasState      *self,
                                                   double              zoom,
                                                   double              widget_x,
                                                   double              widget_y);
void           fm_canvas_state_scroll_by          (FmCanvasState      *self,
                                                   double              widget_dx,
                                                   double              widget_dy);
void           fm_canvas_state_to_map             (FmCanvasState      *self,
                                                   double              widget_x,
                                                   double              widget_y,
                                                   double             *map_x,
                                                   double             *map_y);
void           fm_canvas_state_to_widget          (FmCanvasState      *self,
                                                   double              map_x,
                                                   double              map_y,
                                                   double             *widget_x,
                                                   double             *widget_y);

const char    *fm_canvas_state_get_hover          (FmCanvasState      *self);
gboolean       fm_canvas_state_set_hover          (FmCanvasState      *self,
                                                   const char         *id);

FmCanvasTool   fm_canvas_state_get_tool           (FmCanvasState      *self);
FmNodeKind     fm_canvas_state_get_place_kind     (FmCanvasState      *self);
void           fm_canvas_state_set_tool           (FmCanvasState      *self,
                                                   FmCanvasTool        tool,
                                                   FmNodeKind          place_kind);

gboolean       fm_canvas_state_get_snap_to_grid   (FmCanvasState      *self);
void           fm_canvas_state_set_snap_to_grid   (FmCanvasState      *self,
                                                   gboolean            snap);
double         fm_canvas_state_snap               (FmCanvasState      *self,
                                                   double              value);

G_END_DECLS
