/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-diff.c: a future state drawn with what changed since its origin
 *
 * Fed by an FmComparison whose "to" is the map drawn: the steps the future
 * state removed are drawn faded where they were in the origin map (or at
 * the nearest free place above or below it, so that they do not cover the
 * new layout), added steps wear a "new" badge, steps whose time changed a
 * badge with the difference ("−5 d"), and the origin's timeline ladder
 * lies faintly behind the map's own, so both lead times can be seen.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fm-figures.h"
#include "fm-render-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }

#define GHOST_ALPHA 0.32
#define GHOST_GAP 28.0          /* between a moved ghost and the nodes */
#define GHOST_CLEARANCE 8.0     /* what counts as touching a node */
#define MAX_LIFTS 6
#define BADGE_HEIGHT 19.0
#define BADGE_PADDING 7.0
#define LADDER_ALPHA 0.3

/* Saturated enough to read on the light fills and on dark ones. */
static const FmColor better_color = RGB (0x26a269);
static const FmColor worse_color = RGB (0xc01c28);
static const FmColor added_color = RGB (0x1c71d8);
static const FmColor removed_color = RGB (0x77767b);
static const FmColor badge_ink = RGB (0xffffff);

typedef struct {
  FmNode *node;     /* of the origin map */
  FmRect place;     /* where it is drawn */
} Ghost;

static gboolean
applies (const FmRenderOptions *options,
         FmMap                 *map)
{
  return options->comparison != NULL && options->comparison->to == map &&
         options->comparison->from != map;
}

static gboolean
overlaps (const FmRect *a,
          const FmRect *b,
          double        clearance)
{
  return a->x - clearance < b->x + b->width && a->x + a->width + clearance > b->x &&
         a->y - clearance < b->y + b->height && a->y + a->height + clearance > b->y;
}

static gboolean
is_free (FmMap        *map,
         GArray       *ghosts,
         const FmRect *r)
{
  guint n = fm_map_get_n_nodes (map);

  for (guint i = 0; i < n; i++)
    {
      FmRect b;

      fm_node_get_bounds (fm_map_get_node (map, i), &b);
      if (overlaps (r, &b, GHOST_CLEARANCE))
        return FALSE;
    }
  for (guint i = 0; i < ghosts->len; i++)
    if (overlaps (r, &g_array_index (ghosts, Ghost, i).place, GHOST_CLEARANCE))
      return FALSE;

  return TRUE;
}

/* The removed steps and where to draw them: their old place when it is
 * free, else the nearest free place straight above it, else below. */
static GArray *
place_ghosts (const FmComparison *c,
              FmMap              *map)
{
  GArray *ghosts = g_array_new (FALSE, FALSE, sizeof (Ghost));

  for (guint i = 0; i < c->steps->len; i++)
    {
      const FmStepChange *step = c->steps->pdata[i];
      Ghost ghost = { 0 };
      FmRect b;
      gboolean placed = FALSE;

      if (step->status != FM_STEP_REMOVED ||
          (ghost.node = fm_map_lookup_node (c->from, step->id)) == NULL)
        continue;

      fm_node_get_bounds (ghost.node, &b);
      for (int k = 0; k <= 2 * MAX_LIFTS && !placed; k++)
        {
          /* 0, then up 1, 2… MAX_LIFTS, then down 1, 2… */
          int lift = k <= MAX_LIFTS ? -k : k - MAX_LIFTS;
          FmRect r = { b.x, b.y + lift * (b.height + GHOST_GAP), b.width, b.height };

          if (is_free (map, ghosts, &r))
            {
              ghost.place = r;
              placed = TRUE;
            }
        }
      if (!placed)
        ghost.place = b;

      g_array_append_val (ghosts, ghost);
    }

  return ghosts;
}

/* The origin's end label: "Before: 8 w", right of its ladder's last row. */
static void
origin_label_rect (const FmTimeline *ladder,
                   FmRect           *rect)
{
  const FmTimelineRow *row = &g_array_index (ladder->rows, FmTimelineRow, ladder->rows->len - 1);
  double right = -G_MAXDOUBLE;

  for (guint i = row->first; i < row->first + row->n; i++)
    right = MAX (right, g_array_index (ladder->rungs, FmTimelineRung, i).x1);
  *rect = (FmRect) { right + 10, row->upper_y - 10, 160, 20 };
}

/* What the faint line of one rung covers: it is drawn 5 wide. */
static void
origin_rung_rect (const FmTimelineRung *rung,
                  FmRect               *rect)
{
  *rect = (FmRect) { rung->x0 - 3, rung->upper_y - 3, rung->x1 - rung->x0 + 6, rung->lower_y - rung->upper_y + 6 };
}

static FmTimeline *
new_origin_ladder (const FmRenderOptions *options,
                   const FmRect          *content,
                   FmEdgeRoutes          *routes)
{
  /* The same room between the rows as the map's own ladder finds. */
  return fm_timeline_new_in_map (options->comparison->from_metrics, options->document, content, routes);
}

/**
 * fm_render_diff_extents:
 * @content: the map's nodes and edges, under which the ladders go
 * @routes: the map's geometry, which the ladders keep clear of
 * @extents: (inout): grown by the ghosts and the origin's ladder
 */
void
fm_render_diff_extents (FmMap                 *map,
                        const FmRenderOptions *options,
                        const FmRect          *content,
                        FmEdgeRoutes          *routes,
                        FmRect                *extents)
{
  g_autoptr(GArray) ghosts = NULL;

  if (!applies (options, map))
    return;

  ghosts = place_ghosts (options->comparison, map);
  for (guint i = 0; i < ghosts->len; i++)
    {
      const FmRect *r = &g_array_index (ghosts, Ghost, i).place;

      fm_rect_union (extents, &(FmRect) { r->x - 4, r->y - BADGE_HEIGHT, r->width + 12, r->height + BADGE_HEIGHT + 4 });
    }

  if (options->timeline)
    {
      g_autoptr(FmTimeline) ladder = new_origin_ladder (options, content, routes);

      if (ladder != NULL)
        {
          FmRect r;

          for (guint i = 0; i < ladder->rungs->len; i++)
            {
              origin_rung_rect (&g_array_index (ladder->rungs, FmTimelineRung, i), &r);
              fm_rect_union (extents, &r);
            }
          origin_label_rect (ladder, &r);
          fm_rect_union (extents, &r);
        }
    }
}

/**
 * fm_render_diff_ladder_end:
 * @routes: the map's geometry, which the ladders keep clear of
 * @box: the map's own totals box
 * @x: (out): the right end of what of the origin's faint ladder and its
 *   label lies beside @box, at the same height
 *
 * Returns: whether the origin's ladder is drawn beside @box
 */
gboolean
fm_render_diff_ladder_end (FmMap                 *map,
                           const FmRenderOptions *options,
                           const FmRect          *content,
                           FmEdgeRoutes          *routes,
                           const FmRect          *box,
                           double                *x)
{
  g_autoptr(FmTimeline) ladder = NULL;
  gboolean beside = FALSE;
  FmRect r;

  if (!applies (options, map) || !options->timeline ||
      (ladder = new_origin_ladder (options, content, routes)) == NULL)
    return FALSE;

  *x = -G_MAXDOUBLE;
  for (guint i = 0; i <= ladder->rungs->len; i++)
    {
      if (i < ladder->rungs->len)
        origin_rung_rect (&g_array_index (ladder->rungs, FmTimelineRung, i), &r);
      else
        origin_label_rect (ladder, &r);
      /* Only what shares the box's height can be covered by it. */
      if (r.y < box->y + box->height && r.y + r.height > box->y)
        {
          *x = MAX (*x, r.x + r.width);
          beside = TRUE;
        }
    }

  return beside;
}

static void
draw_origin_ladder (FmRenderContext *ctx,
                    const FmRect    *content,
                    FmEdgeRoutes    *routes)
{
  const FmComparison *c = ctx->options->comparison;
  g_autoptr(FmTimeline) ladder = new_origin_ladder (ctx->options, content, routes);
  g_autofree char *lead = NULL;
  g_autofree char *text = NULL;
  cairo_t *cr = ctx->cr;
  FmRect label;

  if (ladder == NULL)
    return;

  fm_timeline_trace (cr, ladder);
  fm_render_set_color (cr, &ctx->palette->muted, LADDER_ALPHA);
  cairo_set_line_width (cr, 5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  lead = fm_render_format_duration (ctx, FM_DURATION_LEAD, c->from_metrics->lead_time_s);
  /* Translators: at the end of the faint timeline of the map a future state
   * was made from, with that map's lead time, as in "Before: 8 w" */
  text = g_strdup_printf (_("Before: %s"), lead);
  origin_label_rect (ladder, &label);
  fm_render_text (ctx, text, FM_FONT_BODY_BOLD, &ctx->palette->muted, &label, FM_TEXT_MIDDLE);
}

static void
draw_badge (FmRenderContext *ctx,
            const FmRect    *node,
            const char      *text,
            const FmColor   *fill)
{
  cairo_t *cr = ctx->cr;
  double width, height, x, y;

  fm_render_text_size (ctx, text, FM_FONT_BODY_BOLD, -1, 0, &width, &height);
  width += 2 * BADGE_PADDING;
  x = node->x - 8;
  y = node->y - BADGE_HEIGHT / 2 - 2;

  fm_render_rounded_rect (cr, x, y, width, BADGE_HEIGHT, BADGE_HEIGHT / 2);
  fm_render_set_color (cr, fill, 1);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &ctx->palette->background, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  fm_render_text (ctx, text, FM_FONT_BODY_BOLD, &badge_ink,
                  &(FmRect) { x, y, width, BADGE_HEIGHT }, FM_TEXT_CENTER | FM_TEXT_MIDDLE);
}

static void
draw_ghost (FmRenderContext *ctx,
            const Ghost     *ghost)
{
  cairo_t *cr = ctx->cr;
  double dash[] = { 5, 4 };
  FmRect b;

  fm_node_get_bounds (ghost->node, &b);

  cairo_save (cr);
  cairo_push_group (cr);
  cairo_translate (cr, ghost->place.x - b.x, ghost->place.y - b.y);
  fm_render_node (ctx, ghost->node);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, GHOST_ALPHA);
  cairo_restore (cr);

  cairo_save (cr);
  fm_render_rounded_rect (cr, ghost->place.x - 4, ghost->place.y - 4,
                          ghost->place.width + 8, ghost->place.height + 8, FM_CORNER_RADIUS);
  fm_render_set_color (cr, &removed_color, 0.8);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Translators: a badge on a step a future state no longer has */
  draw_badge (ctx, &ghost->place, _("removed"), &removed_color);
}

/**
 * fm_render_diff_under:
 * @content: the map's nodes and edges, under which the ladders go
 * @routes: the map's geometry, which the ladders keep clear of
 *
 * Draws the origin's ladder and the removed steps: before everything else.
 */
void
fm_render_diff_under (FmRenderContext *ctx,
                      FmMap           *map,
                      const FmRect    *content,
                      FmEdgeRoutes    *routes)
{
  const FmRenderOptions *options = ctx->options;
  g_autoptr(GArray) ghosts = NULL;

  if (!applies (options, map))
    return;

  cairo_save (ctx->cr);
  if (options->timeline && content != NULL)
    draw_origin_ladder (ctx, content, routes);

  ghosts = place_ghosts (options->comparison, map);
  for (guint i = 0; i < ghosts->len; i++)
    draw_ghost (ctx, &g_array_index (ghosts, Ghost, i));
  cairo_restore (ctx->cr);
}

/**
 * fm_render_diff_over:
 *
 * Draws the badges of the added and changed steps: after the nodes.
 */
void
fm_render_diff_over (FmRenderContext *ctx,
                     FmMap           *map)
{
  const FmComparison *c = ctx->options->comparison;

  if (!applies (ctx->options, map))
    return;

  cairo_save (ctx->cr);
  for (guint i = 0; i < c->steps->len; i++)
    {
      const FmStepChange *step = c->steps->pdata[i];
      FmNode *node;
      FmRect b;

      if (step->status != FM_STEP_ADDED && step->status != FM_STEP_CHANGED)
        continue;
      if ((node = fm_map_lookup_node (map, step->id)) == NULL)
        continue;

      fm_node_get_bounds (node, &b);
      if (step->status == FM_STEP_ADDED)
        {
          /* Translators: a badge on a step a future state added */
          draw_badge (ctx, &b, _("new"), &added_color);
        }
      else
        {
          double delta = step->time_to_s - step->time_from_s;

          if (isnan (delta) || fabs (delta) < 0.5)
            {
              /* Translators: a badge on a step of a future state that changed, but not its time */
              draw_badge (ctx, &b, _("changed"), &removed_color);
            }
          else
            {
              g_autofree char *text = fm_figure_format_delta_for (ctx->document, FM_DURATION_LEAD, delta);

              draw_badge (ctx, &b, text, delta < 0 ? &better_color : &worse_color);
            }
        }
    }
  cairo_restore (ctx->cr);
}
