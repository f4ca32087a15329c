/* fm-canvas-private.h: the canvas's insides, shared by its tools, drag and drop and clipboard */
#pragma once

#include "fm-canvas.h"
#include "fm-edge-route.h"
#include "fm-metrics-cache.h"
#include "fm-renderer.h"

G_BEGIN_DECLS

/* What the primary button is doing between press and release. */
typedef enum {
  FM_DRAG_NONE,
  FM_DRAG_PENDING_MOVE,   /* pressed on a node, not moved past the threshold yet */
  FM_DRAG_MOVE,
  FM_DRAG_RESIZE,
  FM_DRAG_CONNECT,
  FM_DRAG_RUBBER_BAND,
  FM_DRAG_PAN,
} FmDragMode;

typedef struct {
  FmDragMode mode;
  double start_x, start_y;        /* widget coordinates of the press */
  double pointer_x, pointer_y;    /* widget coordinates now */
  char *id;                       /* the node pressed on */
  char **ids;                     /* the nodes moved */
  FmRect origin;                  /* the pressed node's bounds at the press */
  double applied_dx, applied_dy;  /* the part of the move already in the document */
  guint handle;
  char *target;                   /* connect: the node under the pointer */
  GHashTable *initial_selection;  /* rubber band with Shift: what stays selected */
  gboolean toggle_on_release;     /* Ctrl-click on a selected node unselects it */
  gboolean group_open;
  guint depth_before;             /* the undo depth when the group opened */
  double pan_origin_x, pan_origin_y;
} FmDrag;

typedef struct _FmCanvasLayers FmCanvasLayers;

struct _FmCanvas
{
  GtkWidget parent_instance;

  FmDocument *document;
  FmMap *map;
  FmCanvasState *state;
  FmEdgeKind edge_kind;
  FmPalette palette;
  FmEdgeRoutes *routes;           /* made when first needed */
  gboolean routes_stale;          /* the document changed since: update before use */
  FmMetricsCache *held_metrics;   /* held while a move or resize drags on */
  FmMetricsCache *metrics_cache;  /* what the timeline and highlights show */
  gboolean show_changes;
  FmComparison *comparison;       /* with the map's origin, when shown */
  guint diff_idle;

  FmDrag drag;
  gboolean drag_moving;           /* the drag's own move is in the document */
  FmCanvasLayers *layers;         /* during a move: what does not move */
  GtkGesture *primary_drag;
  gboolean space_down;
  gboolean have_pointer;
  double pointer_x, pointer_y;
  const char *cursor_name;
  double pinch_zoom;
  gboolean fit_pending;

  /* A palette item dragged over the canvas, drawn as a ghost. */
  gboolean drop_active;
  FmNodeKind drop_kind;
  double drop_x, drop_y;

  /* In-place label editing. */
  GtkWidget *editor;
  char *editing_id;

  guint paste_count;

  /* fm-canvas-keyboard.c: a connection made with the keys is the drag's
   * FM_DRAG_CONNECT without a button; the document followed for the
   * accessible label. */
  gboolean key_connect;
  FmDocument *a11y_document;
  gulong a11y_changed_id;
};

/* fm-canvas.c */
FmEdgeRoutes *fm_canvas_get_routes     (FmCanvas    *self);
FmNode  *fm_canvas_node_at             (FmCanvas    *self,
                                        double       map_x,
                                        double       map_y);
void     fm_canvas_select_rect_keeping (FmCanvas    *self,
                                        const FmRect *map_rect,
                                        GHashTable  *keep);
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
void     fm_canvas_diff_map_changed    (FmCanvas        *self);
void     fm_canvas_diff_clear          (FmCanvas        *self);
gboolean fm_canvas_diff_set_show_changes (FmCanvas      *self,
                                        gboolean         show);

/* fm-canvas-tools.c */
void     fm_canvas_tools_init          (FmCanvas    *self);
void     fm_canvas_tools_cancel        (FmCanvas    *self);
void     fm_canvas_tools_draw          (FmCanvas    *self,
                                        cairo_t     *cr);
const char *fm_canvas_tools_cursor     (FmCanvas    *self,
                                        double       x,
                                        double       y);

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
void     fm_canvas_dnd_draw            (FmCanvas    *self,
                                        cairo_t     *cr);

/* fm-canvas-clipboard.c */
void     fm_canvas_clipboard_class_init (GtkWidgetClass *widget_class);

/* fm-canvas-edit.c */
void     fm_canvas_edit_allocate       (FmCanvas    *self);
void     fm_canvas_edit_cancel         (FmCanvas    *self);

/* fm-canvas-keyboard.c */
void     fm_canvas_keyboard_class_init (GtkWidgetClass *widget_class);
void     fm_canvas_keyboard_init       (FmCanvas    *self);
GPtrArray *fm_canvas_keyboard_flow_order (FmMap     *map);
gboolean fm_canvas_keyboard_step       (FmCanvas    *self,
                                        int          step);
gboolean fm_canvas_keyboard_begin_connect (FmCanvas *self);
FmEdge  *fm_canvas_keyboard_finish_connect (FmCanvas *self);
FmNode  *fm_canvas_keyboard_add_node   (FmCanvas    *self,
                                        FmNodeKind   kind,
                                        gboolean     connect);
gboolean fm_canvas_keyboard_is_connecting (FmCanvas *self);

/* fm-canvas-accessible.c */
void     fm_canvas_accessible_init     (FmCanvas    *self);
void     fm_canvas_accessible_update   (FmCanvas    *self);
char    *fm_canvas_accessible_describe (FmCanvas    *self);

G_END_DECLS
