/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-private.h: what the renderer's files share */
#pragma once

#include <pango/pangocairo.h>

#include "fm-duration.h"
#include "fm-queue.h"
#include "fm-renderer.h"
#include "fm-timeline.h"

G_BEGIN_DECLS

/* A length in Pango units, for a layout's width or height: clamped before
 * the conversion, since a double past an int's range (a legend as wide as
 * a map of 20,000,000 units) is undefined behaviour when converted, and
 * no text needs more than a million pixels. NaN counts as too large. */
#define FM_RENDER_MAX_TEXT_LENGTH 1e6

static inline int
fm_render_pango_units (double length)
{
  if (!(length < FM_RENDER_MAX_TEXT_LENGTH))
    return (int) (FM_RENDER_MAX_TEXT_LENGTH * PANGO_SCALE);
  return length > 0 ? (int) (length * PANGO_SCALE) : 0;
}

/* A count from a double (rows, ticks, labels to skip), clamped to
 * [@lo, @hi] before the conversion; NaN gives @lo. */
static inline guint
fm_render_clamp_count (double value,
                       guint  lo,
                       guint  hi)
{
  if (!(value >= lo))
    return lo;
  return value >= hi ? hi : (guint) value;
}

/* Line widths and radii in map units, the same for every icon. */
#define FM_LINE_WIDTH 1.5
#define FM_THIN_LINE_WIDTH 1.0
#define FM_CORNER_RADIUS 6.0

typedef enum {
  FM_FONT_TITLE,        /* node labels */
  FM_FONT_BODY,         /* data rows, timeline figures */
  FM_FONT_BODY_BOLD,
  FM_FONT_SMALL,        /* captions, row names */
  FM_N_FONTS
} FmFont;

typedef enum {
  FM_TEXT_LEFT   = 0,
  FM_TEXT_CENTER = 1 << 0,
  FM_TEXT_RIGHT  = 1 << 1,
  FM_TEXT_MIDDLE = 1 << 2,  /* centred vertically in the box */
  FM_TEXT_BOTTOM = 1 << 3,
  FM_TEXT_WRAP   = 1 << 4,  /* as many lines as fit, else one */
  FM_TEXT_MARKUP = 1 << 5,
} FmTextFlags;

typedef struct {
  cairo_t *cr;
  const FmRenderOptions *options;
  const FmPalette *palette;
  FmDocument *document;
  double day_length_s;
  double pixel;                 /* one device pixel in map units */
  PangoContext *pango;
  PangoLayout *layout;
  PangoFontDescription *fonts[FM_N_FONTS];
} FmRenderContext;

void      fm_render_context_init    (FmRenderContext        *ctx,
                                     cairo_t                *cr,
                                     const FmRenderOptions  *options);
void      fm_render_context_clear   (FmRenderContext        *ctx);

/* Whether the layer drawn holds a thing that moves (@moving) or not. */
static inline gboolean
fm_render_layer_holds (const FmRenderOptions *options,
                       gboolean               moving)
{
  switch (options->layer)
    {
    case FM_RENDER_LAYER_STILL_UNDER:
    case FM_RENDER_LAYER_STILL_OVER:
      return !moving;
    case FM_RENDER_LAYER_MOVING_UNDER:
    case FM_RENDER_LAYER_MOVING_OVER:
      return moving;
    case FM_RENDER_LAYER_ALL:
    default:
      return TRUE;
    }
}

static inline gboolean
fm_render_is_moving (const FmRenderOptions *options,
                     const char            *id)
{
  return options->moving != NULL && g_hash_table_contains (options->moving, id);
}

void      fm_render_set_color       (cairo_t                *cr,
                                     const FmColor          *color,
                                     double                  alpha);
void      fm_render_rounded_rect    (cairo_t                *cr,
                                     double                  x,
                                     double                  y,
                                     double                  width,
                                     double                  height,
                                     double                  radius);
gboolean  fm_render_text_is_legible (FmRenderContext        *ctx,
                                     FmFont                  font);
double    fm_render_text            (FmRenderContext        *ctx,
                                     const char             *text,
                                     FmFont                  font,
                                     const FmColor          *color,
                                     const FmRect           *box,
                                     FmTextFlags             flags);
void      fm_render_text_size       (FmRenderContext        *ctx,
                                     const char             *text,
                                     FmFont                  font,
                                     double                  max_width,
                                     FmTextFlags             flags,
                                     double                 *width,
                                     double                 *height);
char     *fm_render_format_duration (FmRenderContext        *ctx,
                                     FmDurationKind          kind,
                                     double                  seconds);
char     *fm_render_format_number   (double                  value);
double    fm_render_queue_wait      (FmDocument             *document,
                                     FmQueue                *queue);

/* fm-renderer.c: held while the result of fm_node_index_find() or
 * fm_edge_routes_find_routes() is in use, when drawing may run on
 * several threads at once. */
extern GMutex fm_render_lookup_lock;

/* fm-render-nodes.c */
void      fm_render_node            (FmRenderContext        *ctx,
                                     FmNode                 *node);
void      fm_render_node_outline    (cairo_t                *cr,
                                     FmNode                 *node,
                                     double                  radius);
gboolean  fm_render_node_is_simple  (FmRenderContext        *ctx,
                                     FmNode                 *node);
void      fm_render_nodes_simple    (FmRenderContext        *ctx,
                                     FmNode * const         *nodes,
                                     guint                   n_nodes);

/* fm-render-edges.c */
void      fm_render_edge            (FmRenderContext        *ctx,
                                     const FmEdgeRoute      *route);
gboolean  fm_render_edge_is_far     (FmRenderContext        *ctx,
                                     const FmEdgeRoute      *route);
void      fm_render_edges_far       (FmRenderContext        *ctx,
                                     const FmEdgeRoute * const *routes,
                                     guint                   n_routes);
void      fm_render_edge_halo       (FmRenderContext        *ctx,
                                     const FmEdgeRoute      *route,
                                     const FmColor          *color,
                                     double                  alpha,
                                     double                  width);
void      fm_render_edge_label      (FmRenderContext        *ctx,
                                     const FmEdgeRoute      *route);
void      fm_render_edge_label_rect (const FmEdgeRoute      *route,
                                     FmRect                 *rect);

/* fm-render-constraints.c */
#define FM_CONSTRAINT_HALO_REACH 12.0

guint     fm_render_highlighted_constraints (FmMap          *map,
                                             const FmMetrics *metrics,
                                             FmNode         *nodes[FM_N_HIGHLIGHTED_CONSTRAINTS]);
void      fm_render_constraint_halo  (FmRenderContext       *ctx,
                                      FmNode                *node);
void      fm_render_constraint_badge (FmRenderContext       *ctx,
                                      FmNode                *node,
                                      guint                  rank);

/* fm-render-badges.c */
gboolean  fm_render_observed_badge_centre (FmNode       *node,
                                           FmPoint      *centre);
void      fm_render_observed_badge  (FmRenderContext        *ctx,
                                     FmNode                 *node);

/* fm-render-kaizen.c */
void      fm_render_kaizen_leaders  (FmRenderContext        *ctx,
                                     FmMap                  *map,
                                     FmEdgeRoutes           *routes);

/* fm-render-lanes.c */
void      fm_render_lanes_extents   (FmMap                  *map,
                                     FmRect                 *extents);
void      fm_render_lanes_under     (FmRenderContext        *ctx,
                                     FmMap                  *map,
                                     const FmMetrics        *metrics);
void      fm_render_lanes_handoffs  (FmRenderContext        *ctx,
                                     FmMap                  *map,
                                     FmEdgeRoutes           *routes);

/* fm-render-diff.c */
void      fm_render_diff_extents    (FmMap                  *map,
                                     const FmRenderOptions  *options,
                                     const FmRect           *content,
                                     FmEdgeRoutes           *routes,
                                     FmRect                 *extents);
void      fm_render_diff_under      (FmRenderContext        *ctx,
                                     FmMap                  *map,
                                     const FmRect           *content,
                                     FmEdgeRoutes           *routes);
void      fm_render_diff_over       (FmRenderContext        *ctx,
                                     FmMap                  *map);
gboolean  fm_render_diff_ladder_end (FmMap                  *map,
                                     const FmRenderOptions  *options,
                                     const FmRect           *content,
                                     FmEdgeRoutes           *routes,
                                     const FmRect           *box,
                                     double                 *x);

/* fm-timeline.c */
void      fm_render_timeline        (FmRenderContext        *ctx,
                                     const FmTimeline       *timeline);

G_END_DECLS
