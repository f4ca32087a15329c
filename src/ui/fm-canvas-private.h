/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-private.h: the canvas's insides, shared by its files */
#pragma once

#include "fm-canvas.h"
#include "fm-edge-route.h"
#include "fm-metrics-cache.h"
#include "fm-renderer.h"

G_BEGIN_DECLS

/* A gesture in progress (fm-canvas-tool.h). */
typedef struct _FmTool FmTool;

typedef struct _FmCanvasLayers FmCanvasLayers;

struct _FmCanvas
{
  GtkWidget parent_instance;

  FmDocument *document;
  FmMap *map;
  GSignalGroup *document_signals; /* the canvas's files' handlers on the document shown */
  FmCanvasState *state;
  FmEdgeKind edge_kind;
  FmPalette palette;
  FmEdgeRoutes *routes;           /* made when first needed */
  gboolean routes_stale;          /* the document changed since: update before use */
  FmMetricsCache *held_metrics;   /* held while a move or resize drags on */
  FmMetricsCache *metrics_cache;  /* what the timeline and highlights show */
  GSignalGroup *cache_signals;    /* the canvas's handlers on that cache */
  gboolean show_changes;
  FmComparison *comparison;       /* with the map's origin, when shown */
  guint diff_idle;

  FmTool *tool;                   /* the gesture in progress: primary button or keys */
  FmTool *pan_tool;               /* a pan with the middle button, beside any other */
  FmTool *drop_tool;              /* a palette item dragged over the canvas, drawn as a ghost */
  gboolean drag_moving;           /* the drag's own move is in the document */
  FmCanvasLayers *layers;         /* during a move: what does not move */
  GtkGesture *primary_drag;
  gboolean space_down;
  gboolean have_pointer;
  double pointer_x, pointer_y;
  const char *cursor_name;
  double pinch_zoom;
  gboolean fit_pending;
  /* The view is the one Zoom to Fit chose, for the size it had then:
   * until the view is moved, a new size fits the map again (the side
   * panel is laid out after the first frame of a window just opened). */
  gboolean fitted;
  gboolean fitting;
  int fitted_width, fitted_height;

  /* In-place label editing. */
  GtkWidget *editor;
  char *editing_id;

  guint paste_count;

  GtkWidget *lane_menu;           /* a lane's context menu, made when first needed */

  /* fm-canvas-accessible.c: another document is shown, not told yet. */
  gboolean a11y_stale;
};

/* fm-canvas-hit.c */
FmEdgeRoutes *fm_canvas_get_routes     (FmCanvas    *self);
FmNode  *fm_canvas_node_at             (FmCanvas    *self,
                                        double       map_x,
                                        double       map_y);

/* fm-canvas-actions.c */
void     fm_canvas_actions_class_init  (GtkWidgetClass *widget_class);

/* fm-canvas-commands.c */
void     fm_canvas_select_rect_keeping (FmCanvas    *self,
                                        const FmRect *map_rect,
                                        GHashTable  *keep);

/* fm-canvas.c */
void     fm_canvas_update_cursor       (FmCanvas    *self);
void     fm_canvas_node_to_widget      (FmCanvas    *self,
                                        FmNode      *node,
                                        graphene_rect_t *rect);
void     fm_canvas_get_node_size       (FmNodeKind   kind,
                                        double      *width,
                                        double      *height);

/* fm-canvas-metrics.c */
void     fm_canvas_metrics_init        (FmCanvas        *self);
void     fm_canvas_metrics_dispose     (FmCanvas        *self);
void     fm_canvas_metrics_apply       (FmCanvas        *self,
                                        FmRenderOptions *options,
                                        gboolean         flush);

/* fm-canvas-diff.c */
void     fm_canvas_diff_init           (FmCanvas        *self);
void     fm_canvas_diff_map_changed    (FmCanvas        *self);
void     fm_canvas_diff_clear          (FmCanvas        *self);
gboolean fm_canvas_diff_set_show_changes (FmCanvas      *self,
                                        gboolean         show);

/* fm-canvas-tools.c */
void     fm_canvas_tools_init          (FmCanvas    *self);
void     fm_canvas_tools_dispose       (FmCanvas    *self);
void     fm_canvas_tools_cancel        (FmCanvas    *self);
void     fm_canvas_tools_draw          (FmCanvas    *self,
                                        cairo_t     *cr);
const char *fm_canvas_tools_cursor     (FmCanvas    *self,
                                        double       x,
                                        double       y);
const char * const *fm_canvas_tools_get_moved_ids (FmCanvas *self);
gboolean fm_canvas_tools_is_reshaping  (FmCanvas    *self);
const char *fm_canvas_tools_get_connect_source (FmCanvas *self);

/* fm-canvas-layers.c */
gboolean fm_canvas_layers_draw         (FmCanvas        *self,
                                        cairo_t         *cr,
                                        FmRenderOptions *options,
                                        void           (*draw_background) (FmCanvas *self,
                                                                           cairo_t  *cr,
                                                                           double    width,
                                                                           double    height));
void     fm_canvas_layers_invalidate   (FmCanvas        *self);
guint    fm_canvas_layers_get_n_drawn  (FmCanvas        *self);
void     fm_canvas_layers_free         (FmCanvasLayers  *layers);

/* fm-canvas-dnd.c */
void     fm_canvas_dnd_init            (FmCanvas    *self);

/* fm-canvas-clipboard.c */
void     fm_canvas_clipboard_class_init (GtkWidgetClass *widget_class);

/* fm-canvas-edit.c */
void     fm_canvas_edit_allocate       (FmCanvas    *self);
void     fm_canvas_edit_cancel         (FmCanvas    *self);

/* fm-canvas-keyboard.c */
void     fm_canvas_keyboard_class_init (GtkWidgetClass *widget_class);
void     fm_canvas_keyboard_init       (FmCanvas    *self);
gboolean fm_canvas_keyboard_step       (FmCanvas    *self,
                                        int          step);
gboolean fm_canvas_keyboard_begin_connect (FmCanvas *self);
FmEdge  *fm_canvas_keyboard_finish_connect (FmCanvas *self);
FmNode  *fm_canvas_keyboard_add_node   (FmCanvas    *self,
                                        FmNodeKind   kind,
                                        gboolean     connect);
gboolean fm_canvas_keyboard_is_connecting (FmCanvas *self);

/* fm-canvas-tool-lane.c */
gboolean fm_canvas_lane_header_at      (FmCanvas    *self,
                                        double       map_x,
                                        double       map_y,
                                        guint       *lane);
void     fm_canvas_lanes_class_init    (GtkWidgetClass *widget_class);
void     fm_canvas_lanes_init          (FmCanvas    *self);
void     fm_canvas_lanes_dispose       (FmCanvas    *self);
void     fm_canvas_lanes_allocate      (FmCanvas    *self);

/* fm-canvas-accessible.c */
void     fm_canvas_accessible_init     (FmCanvas    *self);
void     fm_canvas_accessible_update   (FmCanvas    *self);
char    *fm_canvas_accessible_describe (FmCanvas    *self);

G_END_DECLS
