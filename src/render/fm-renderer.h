/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-renderer.h: the one renderer, used by the canvas and every exporter */
#pragma once

#include <cairo.h>

#include "fm-document.h"
#include "fm-edge-route.h"
#include "fm-comparison.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} FmColor;

/* How many of the top constraints get a halo and a numbered badge. */
#define FM_N_HIGHLIGHTED_CONSTRAINTS 3

/* The colours of a drawing. Exports use fm_palette_light(); the canvas
 * fills one from the widget's style so dark mode works. */
typedef struct {
  FmColor background;
  FmColor ink;            /* outlines, arrows, text */
  FmColor muted;          /* secondary text, the timeline */
  FmColor process_fill;
  FmColor queue_fill;
  FmColor endpoint_fill;  /* trigger and outcome */
  FmColor system_fill;
  FmColor kaizen_fill;
  FmColor note_fill;
  FmColor rework;         /* rework loops */
  FmColor selection;      /* selection outline and handles */
  FmColor accent;         /* hover, highlights */
  FmColor constraint;     /* the halo and badge of the top constraints */
} FmPalette;

/* What a draw draws: everything, or one of four layers that together
 * draw the same, so that a drag can keep what does not move between
 * frames (the canvas, fm-canvas-layers.c). Each layer holds, in drawing
 * order, the things of one kind: under the nodes (the leaders, the
 * halos, the edges, the ladder) or over them (the nodes, the labels,
 * the badges, the marks), still or moving. Drawn still under, moving
 * under, still over, moving over, they look the same as everything
 * drawn at once but where moving things overlap still ones of the same
 * kind drawn after them. */
typedef enum {
  FM_RENDER_LAYER_ALL,
  FM_RENDER_LAYER_STILL_UNDER,
  FM_RENDER_LAYER_MOVING_UNDER,
  FM_RENDER_LAYER_STILL_OVER,
  FM_RENDER_LAYER_MOVING_OVER,
} FmRenderLayer;

typedef struct {
  /* nullable: gives the day length used for "3 d"; without it a day is 24 h */
  FmDocument *document;
  /* nullable: fm_palette_light() */
  const FmPalette *palette;
  /* draw the timeline ladder under the map (off after fm_render_options_init) */
  gboolean timeline;
  /* nullable: ids (char *) of selected nodes and edges, drawn with handles */
  GHashTable *selected;
  /* nullable: id of the node or edge under the pointer */
  const char *hover_id;
  /* the part of the map, in map coordinates, that needs drawing; width 0
   * means everything. Lets the canvas skip what is off screen. */
  FmRect visible;
  /* nullable: the map's edge routes, if the caller keeps them between
   * draws (they must be up to date); otherwise each draw computes them */
  FmEdgeRoutes *routes;
  /* nullable: the map's figures (fm_metrics_compute()), for the timeline
   * and the constraint highlights; the nodes they point to must still be
   * alive. Without them a draw that needs them computes them. */
  const FmMetrics *metrics;
  /* a halo and a numbered badge on the top three constraints (off after
   * fm_render_options_init) */
  gboolean highlight_constraints;
  /* nullable: a comparison whose "to" is the map drawn: removed steps are
   * drawn faded where they were, added and changed ones get a badge, and
   * the "from" map's ladder lies faintly behind (fm-render-diff.c) */
  const FmComparison *comparison;
  /* FM_RENDER_LAYER_ALL after fm_render_options_init */
  FmRenderLayer layer;
  /* nullable: the ids (char *) of the nodes and edges that move, for a
   * layer other than all; a leader moves with its burst or its target,
   * the ladder with any step (it goes with the moving edges, under the
   * still nodes); the comparison's marks are still. */
  GHashTable *moving;
  /* nullable, out: a copy of every text that could not be drawn whole
   * even at the smallest size text shrinks to, and was ellipsized (give
   * the array g_free to free them). Lets a test check that nothing is cut. */
  GPtrArray *cut_texts;
} FmRenderOptions;

/* The handles of a selected node: resizing at the corners and sides, and
 * the connection handle right of it that starts a new edge. */
typedef enum {
  FM_HANDLE_NONE,
  FM_HANDLE_NORTH_WEST,
  FM_HANDLE_NORTH,
  FM_HANDLE_NORTH_EAST,
  FM_HANDLE_EAST,
  FM_HANDLE_SOUTH_EAST,
  FM_HANDLE_SOUTH,
  FM_HANDLE_SOUTH_WEST,
  FM_HANDLE_WEST,
  FM_HANDLE_CONNECT,
} FmHandle;

const FmPalette *fm_palette_light          (void);
void             fm_render_options_init    (FmRenderOptions       *options);

void             fm_renderer_draw          (cairo_t               *cr,
                                            FmMap                 *map,
                                            const FmRenderOptions *options);
gboolean         fm_renderer_get_extents   (FmMap                 *map,
                                            const FmRenderOptions *options,
                                            FmRect                *extents);

void             fm_renderer_get_handle    (FmNode                *node,
                                            FmHandle               handle,
                                            double                 zoom,
                                            FmPoint               *centre);
FmHandle         fm_renderer_handle_at     (FmNode                *node,
                                            double                 zoom,
                                            double                 x,
                                            double                 y);

G_END_DECLS
