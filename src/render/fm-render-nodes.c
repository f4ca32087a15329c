/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-nodes.c: the value-stream-mapping icons
 *
 * A process step is a box whose head carries the name and whose data box
 * below lists the figures; a queue is the inventory triangle with its "I";
 * triggers and outcomes are the customer/supplier factory; a system is an
 * information box; a kaizen burst is a starburst; a note is a sticky note.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fm-figures.h"
#include "fm-kaizen.h"
#include "fm-node-shape.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-render-private.h"

#define PADDING 8.0
#define ROW_HEIGHT 18.0
#define N_ROWS 4

static void
fill_and_stroke (FmRenderContext *ctx,
                 const FmColor   *fill,
                 double           line_width)
{
  cairo_t *cr = ctx->cr;

  fm_render_set_color (cr, fill, 1);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &ctx->palette->ink, 1);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static char *
people_text (FmProcessStep *step)
{
  double people = fm_process_step_get_people (step);
  const char *role = fm_process_step_get_role (step);
  gboolean has_role = role != NULL && role[0] != '\0';
  g_autofree char *count = NULL;

  if (!fm_value_is_set (people))
    return g_strdup (has_role ? role : "–");

  count = fm_render_format_number (people);
  if (!has_role)
    return g_steal_pointer (&count);

  /* Translators: people working a step and their role, as in "2 × Tester" */
  return g_strdup_printf (_("%s × %s"), count, role);
}

/* "80 %", or "87.5 %": one decimal only where it says something, as
 * fm_render_format_number() writes numbers. */
static char *
percent_text (double value)
{
  if (!fm_value_is_set (value))
    return g_strdup ("–");

  return fm_figure_format_percent (value, fabs (value - round (value)) < 0.05 ? "%.0f" : "%.1f");
}

static void
draw_process (FmRenderContext *ctx,
              FmNode          *node,
              const FmRect    *b)
{
  FmProcessStep *step = FM_PROCESS_STEP (node);
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  double row_height = ROW_HEIGHT, head;
  g_autofree char *pt = fm_render_format_duration (ctx, FM_DURATION_PROCESS, fm_process_step_get_process_s (step));
  g_autofree char *lt = fm_render_format_duration (ctx, FM_DURATION_LEAD, fm_process_step_get_lead_s (step));
  g_autofree char *pca = percent_text (fm_process_step_get_pca (step));
  g_autofree char *people = people_text (step);
  const struct {
    const char *name;
    const char *value;
  } rows[N_ROWS] = {
    /* Translators: process time, the hands-on time of a step; keep it short */
    { C_("data box", "PT"), pt },
    /* Translators: lead time, the elapsed time of a step; keep it short */
    { C_("data box", "LT"), lt },
    /* Translators: percent complete and accurate; keep it short */
    { C_("data box", "%C&A"), pca },
    /* Translators: the people working a step; keep it short */
    { C_("data box", "People"), people },
  };

  /* The data box keeps its rows; the head takes what is left, so a taller
   * box gives a long name more lines. A very flat box drops the rows. */
  head = b->height - N_ROWS * row_height - 4;
  if (head < 30)
    {
      row_height = MAX (0, (b->height - 30 - 4) / N_ROWS);
      head = row_height < 12 ? b->height : 30;
      if (row_height < 12)
        row_height = 0;
    }

  fm_render_rounded_rect (cr, b->x, b->y, b->width, b->height, FM_CORNER_RADIUS);
  fm_render_set_color (cr, &palette->background, 1);
  cairo_fill_preserve (cr);

  /* The head is the box's top with its rounded corners, as a path of its
   * own rather than a clip: a clip is two <clipPath>s and two groups per
   * box in an SVG. Rows keep the head at least 52 units above the bottom
   * corners, so only the top ones are in it. */
  cairo_save (cr);
  if (head < b->height)
    {
      double radius = MIN (FM_CORNER_RADIUS, MIN (b->width, b->height) / 2);

      cairo_new_path (cr);
      cairo_move_to (cr, b->x, b->y + head);
      cairo_arc (cr, b->x + radius, b->y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_arc (cr, b->x + b->width - radius, b->y + radius, radius, -G_PI / 2, 0);
      cairo_line_to (cr, b->x + b->width, b->y + head);
      cairo_close_path (cr);
    }
  fm_render_set_color (cr, &palette->process_fill, 1);
  cairo_fill (cr);

  if (row_height > 0)
    {
      /* Rules between the rows make the data box read as a table. */
      cairo_set_line_width (cr, FM_THIN_LINE_WIDTH * 0.75);
      fm_render_set_color (cr, &palette->ink, 0.18);
      for (guint i = 1; i < N_ROWS; i++)
        {
          double y = b->y + head + 2 + i * row_height;

          cairo_move_to (cr, b->x + PADDING / 2, y);
          cairo_line_to (cr, b->x + b->width - PADDING / 2, y);
        }
      cairo_stroke (cr);

      fm_render_set_color (cr, &palette->ink, 1);
      cairo_set_line_width (cr, FM_THIN_LINE_WIDTH);
      cairo_move_to (cr, b->x, b->y + head);
      cairo_line_to (cr, b->x + b->width, b->y + head);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  fm_render_rounded_rect (cr, b->x, b->y, b->width, b->height, FM_CORNER_RADIUS);
  fm_render_set_color (cr, &palette->ink, 1);
  cairo_set_line_width (cr, FM_LINE_WIDTH);
  cairo_stroke (cr);

  fm_render_text (ctx, fm_node_get_label (node), FM_FONT_TITLE, &palette->ink,
                  &(FmRect) { b->x + PADDING, b->y + 3, b->width - 2 * PADDING, head - 6 },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE | FM_TEXT_WRAP);

  for (guint i = 0; row_height > 0 && i < N_ROWS; i++)
    {
      FmRect row = { b->x + PADDING, b->y + head + 2 + i * row_height,
                     b->width - 2 * PADDING, row_height };
      double name_width, name_height;

      fm_render_text_size (ctx, rows[i].name, FM_FONT_SMALL, -1, 0, &name_width, &name_height);
      fm_render_text (ctx, rows[i].name, FM_FONT_SMALL, &palette->muted, &row, FM_TEXT_MIDDLE);
      row.x += name_width + 6;
      row.width -= name_width + 6;
      fm_render_text (ctx, rows[i].value, FM_FONT_BODY, &palette->ink, &row,
                      FM_TEXT_RIGHT | FM_TEXT_MIDDLE);
    }
}

static void
draw_queue (FmRenderContext *ctx,
            FmNode          *node,
            const FmRect    *b)
{
  FmQueue *queue = FM_QUEUE (node);
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  const char *label = fm_node_get_label (node);
  double time = fm_render_queue_wait (ctx->document, queue);
  double items = fm_queue_get_items (queue);
  g_autofree char *time_text = fm_render_format_duration (ctx, FM_DURATION_LEAD, time);
  g_autofree char *figures = NULL;
  FmPoint t[3];
  double h, stem, serif, top, bottom, y;

  fm_shape_queue_triangle (b, t);
  h = t[1].y - t[0].y;

  cairo_move_to (cr, t[0].x, t[0].y);
  cairo_line_to (cr, t[1].x, t[1].y);
  cairo_line_to (cr, t[2].x, t[2].y);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  fill_and_stroke (ctx, &palette->queue_fill, FM_LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  /* The inventory "I", drawn rather than typeset so it scales with the
   * triangle and needs no font. */
  stem = MAX (1.5, h * 0.07);
  serif = h * 0.13;
  top = t[0].y + h * 0.42;
  bottom = t[0].y + h * 0.86;
  fm_render_set_color (cr, &palette->ink, 1);
  cairo_rectangle (cr, t[0].x - stem / 2, top, stem, bottom - top);
  cairo_rectangle (cr, t[0].x - serif, top, 2 * serif, stem * 0.8);
  cairo_rectangle (cr, t[0].x - serif, bottom - stem * 0.8, 2 * serif, stem * 0.8);
  cairo_fill (cr);

  /* Waits derived from the items and the demand are marked as such. */
  if (fm_value_is_set (time) && !fm_value_is_set (fm_queue_get_wait_s (queue)))
    {
      g_autofree char *approx = g_strconcat ("≈ ", time_text, NULL);

      g_free (time_text);
      time_text = g_steal_pointer (&approx);
    }

  if (fm_value_is_set (items))
    {
      g_autofree char *count = fm_render_format_number (items);
      g_autofree char *escaped = g_markup_escape_text (time_text, -1);
      g_autofree char *items_text =
        /* Translators: the number of items waiting in a queue */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items",
                                      (gulong) MIN (round (items), G_MAXLONG)),
                         count);
      g_autofree char *items_escaped = g_markup_escape_text (items_text, -1);

      figures = g_strdup_printf ("<b>%s</b> · %s", escaped, items_escaped);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (time_text, -1);

      figures = g_strdup_printf ("<b>%s</b>", escaped);
    }

  y = t[1].y + 3;
  if (label[0] != '\0')
    /* Room for one line, or for two a little smaller: a long name is
     * read whole, not cut. */
    y += fm_render_text (ctx, label, FM_FONT_SMALL, &palette->ink,
                         &(FmRect) { b->x - 4, y, b->width + 8, 19 }, FM_TEXT_CENTER | FM_TEXT_WRAP);
  fm_render_text (ctx, figures, FM_FONT_BODY, &palette->ink,
                  &(FmRect) { b->x - 4, y, b->width + 8, 16 }, FM_TEXT_CENTER | FM_TEXT_MARKUP);
}

static void
draw_endpoint (FmRenderContext *ctx,
               FmNode          *node,
               const FmRect    *b)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  guint n_teeth;
  double roof = fm_shape_factory_roof (b, &n_teeth);
  double tooth = b->width / n_teeth;
  double body = b->y + roof;
  const char *caption;
  double caption_height;

  cairo_move_to (cr, b->x, b->y + b->height);
  cairo_line_to (cr, b->x, body);
  for (guint i = 0; i < n_teeth; i++)
    {
      double x = b->x + (i + 1) * tooth;

      cairo_line_to (cr, x, b->y);
      if (i + 1 < n_teeth)
        cairo_line_to (cr, x, body);
    }
  cairo_line_to (cr, b->x + b->width, b->y + b->height);
  cairo_close_path (cr);
  cairo_set_miter_limit (cr, 12);
  fill_and_stroke (ctx, &palette->endpoint_fill, FM_LINE_WIDTH);

  caption = fm_node_get_kind (node) == FM_NODE_KIND_TRIGGER
    /* Translators: caption of the start trigger icon; keep it short */
    ? C_("map icon", "Trigger")
    /* Translators: caption of the end point icon; keep it short */
    : C_("map icon", "Outcome");

  caption_height = fm_render_text (ctx, caption, FM_FONT_SMALL, &palette->muted,
                                   &(FmRect) { b->x + PADDING, body + 4, b->width - 2 * PADDING, 14 },
                                   FM_TEXT_CENTER);
  fm_render_text (ctx, fm_node_get_label (node), FM_FONT_TITLE, &palette->ink,
                  &(FmRect) { b->x + PADDING, body + 4 + caption_height,
                              b->width - 2 * PADDING,
                              b->y + b->height - body - 8 - caption_height },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE | FM_TEXT_WRAP);
}

static void
draw_system (FmRenderContext *ctx,
             FmNode          *node,
             const FmRect    *b)
{
  const FmPalette *palette = ctx->palette;

  fm_render_rounded_rect (ctx->cr, b->x, b->y, b->width, b->height, FM_CORNER_RADIUS / 2);
  fill_and_stroke (ctx, &palette->system_fill, FM_LINE_WIDTH);

  fm_render_text (ctx, fm_node_get_label (node), FM_FONT_TITLE, &palette->ink,
                  &(FmRect) { b->x + PADDING, b->y + 4, b->width - 2 * PADDING, b->height - 8 },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE | FM_TEXT_WRAP);
}

static void
draw_kaizen (FmRenderContext *ctx,
             FmNode          *node,
             const FmRect    *b)
{
  FmKaizen *kaizen = FM_KAIZEN (node);
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  const char *owner = fm_kaizen_get_owner (kaizen);
  gboolean dropped = fm_kaizen_get_status (kaizen) == FM_KAIZEN_STATUS_DROPPED;
  FmPoint points[FM_KAIZEN_POINTS * 2];
  FmRect text;
  double owner_height = 0;

  /* A dropped experiment stays on the map as history, faded. */
  if (dropped)
    cairo_push_group (cr);

  fm_shape_kaizen_burst (b, points);
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < G_N_ELEMENTS (points); i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
  cairo_set_miter_limit (cr, 12);
  fill_and_stroke (ctx, &palette->kaizen_fill, FM_LINE_WIDTH);

  fm_shape_kaizen_text_box (b, &text);
  if (owner != NULL && owner[0] != '\0')
    {
      /* Translators: the owner of a kaizen experiment, under its hypothesis */
      g_autofree char *by = g_strdup_printf (_("— %s"), owner);

      owner_height = fm_render_text (ctx, by, FM_FONT_SMALL, &palette->ink, &text,
                                     FM_TEXT_CENTER | FM_TEXT_BOTTOM);
    }
  fm_render_text (ctx, fm_node_get_label (node), FM_FONT_SMALL, &palette->ink,
                  &(FmRect) { text.x, text.y, text.width, text.height - owner_height },
                  FM_TEXT_CENTER | FM_TEXT_MIDDLE | FM_TEXT_WRAP);

  if (dropped)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.4);
    }
}

static void
draw_note (FmRenderContext *ctx,
           FmNode          *node,
           const FmRect    *b)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  double fold = MIN (14, MIN (b->width, b->height) / 4);
  double x2 = b->x + b->width, y2 = b->y + b->height;

  /* A soft shadow lifts the note off the map like paper. */
  fm_render_set_color (cr, &palette->ink, 0.08);
  cairo_move_to (cr, b->x + 3, b->y + 3);
  cairo_line_to (cr, x2 + 2, b->y + 3);
  cairo_line_to (cr, x2 + 2, y2 - fold + 2);
  cairo_line_to (cr, x2 - fold + 2, y2 + 2);
  cairo_line_to (cr, b->x + 3, y2 + 2);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_move_to (cr, b->x, b->y);
  cairo_line_to (cr, x2, b->y);
  cairo_line_to (cr, x2, y2 - fold);
  cairo_line_to (cr, x2 - fold, y2);
  cairo_line_to (cr, b->x, y2);
  cairo_close_path (cr);
  fm_render_set_color (cr, &palette->note_fill, 1);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &palette->ink, 0.45);
  cairo_set_line_width (cr, FM_THIN_LINE_WIDTH);
  cairo_stroke (cr);

  cairo_move_to (cr, x2, y2 - fold);
  cairo_line_to (cr, x2 - fold, y2 - fold);
  cairo_line_to (cr, x2 - fold, y2);
  cairo_close_path (cr);
  fm_render_set_color (cr, &palette->ink, 0.12);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &palette->ink, 0.45);
  cairo_stroke (cr);

  fm_render_text (ctx, fm_node_get_label (node), FM_FONT_BODY, &palette->ink,
                  &(FmRect) { b->x + PADDING, b->y + PADDING,
                              b->width - 2 * PADDING, b->height - PADDING - fold },
                  FM_TEXT_WRAP);
}

#define SIMPLE_BELOW_PX 24.0

/* The kinds in the order their simple shapes are drawn, each group with
 * its fill: notes and kaizen bursts over the steps they may lie on. */
static const FmNodeKind simple_order[] = {
  FM_NODE_KIND_PROCESS, FM_NODE_KIND_QUEUE, FM_NODE_KIND_TRIGGER,
  FM_NODE_KIND_SYSTEM, FM_NODE_KIND_KAIZEN, FM_NODE_KIND_NOTE,
};

static const FmColor *
simple_fill (const FmPalette *palette,
             FmNodeKind       kind)
{
  switch (kind)
    {
    case FM_NODE_KIND_PROCESS: return &palette->process_fill;
    case FM_NODE_KIND_QUEUE: return &palette->queue_fill;
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME: return &palette->endpoint_fill;
    case FM_NODE_KIND_SYSTEM: return &palette->system_fill;
    case FM_NODE_KIND_KAIZEN: return &palette->kaizen_fill;
    case FM_NODE_KIND_NOTE:
    default: return &palette->note_fill;
    }
}

/**
 * fm_render_node_outline:
 * @radius: the corners' radius; 0 for square corners
 *
 * Adds the outline of @node's shape to the path: a queue's triangle, or
 * the box of any other node.
 */
void
fm_render_node_outline (cairo_t *cr,
                        FmNode  *node,
                        double   radius)
{
  FmRect b;

  fm_node_get_bounds (node, &b);
  if (fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
    {
      FmPoint t[3];

      fm_shape_queue_triangle (&b, t);
      cairo_move_to (cr, t[0].x, t[0].y);
      cairo_line_to (cr, t[1].x, t[1].y);
      cairo_line_to (cr, t[2].x, t[2].y);
      cairo_close_path (cr);
    }
  else if (radius > 0)
    fm_render_rounded_rect (cr, b.x, b.y, b.width, b.height, radius);
  else
    cairo_rectangle (cr, b.x, b.y, b.width, b.height);
}

/**
 * fm_render_node_is_simple:
 *
 * Whether @node is drawn a few pixels wide, where it shows only its
 * shape and colour: its rows, rules and text would be specks (a map of a
 * thousand steps zoomed to fit), and drawing them is most of the cost of
 * such a view.
 */
gboolean
fm_render_node_is_simple (FmRenderContext *ctx,
                          FmNode          *node)
{
  FmRect b;

  fm_node_get_bounds (node, &b);
  return b.width > 0 && b.height > 0 && MAX (b.width, b.height) < SIMPLE_BELOW_PX * ctx->pixel;
}

/**
 * fm_render_nodes_simple:
 * @nodes: nodes for which fm_render_node_is_simple() holds
 *
 * Draws their shapes, those of one fill as one path: a fill and an
 * outline for each kind rather than for each node (a map of a thousand
 * steps zoomed to fit draws twelve shapes instead of four thousand).
 * Within the nodes given, a kind's shapes lie over the kinds before it
 * in simple_order[], whatever the nodes' own order.
 */
void
fm_render_nodes_simple (FmRenderContext *ctx,
                        FmNode * const  *nodes,
                        guint            n_nodes)
{
  cairo_t *cr = ctx->cr;

  for (guint k = 0; k < G_N_ELEMENTS (simple_order); k++)
    {
      const FmColor *fill = simple_fill (ctx->palette, simple_order[k]);
      gboolean any = FALSE;

      for (guint i = 0; i < n_nodes; i++)
        {
          if (simple_fill (ctx->palette, fm_node_get_kind (nodes[i])) != fill)
            continue;
          fm_render_node_outline (cr, nodes[i], 0);
          any = TRUE;
        }
      if (!any)
        continue;

      fm_render_set_color (cr, fill, 1);
      cairo_fill_preserve (cr);
      fm_render_set_color (cr, &ctx->palette->ink, 1);
      cairo_set_line_width (cr, FM_LINE_WIDTH);
      cairo_stroke (cr);
    }
}

void
fm_render_node (FmRenderContext *ctx,
                FmNode          *node)
{
  FmRect b;

  fm_node_get_bounds (node, &b);
  if (b.width <= 0 || b.height <= 0)
    return;

  if (fm_render_node_is_simple (ctx, node))
    {
      fm_render_nodes_simple (ctx, &node, 1);
      return;
    }

  cairo_save (ctx->cr);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);

  switch (fm_node_get_kind (node))
    {
    case FM_NODE_KIND_PROCESS:
      draw_process (ctx, node, &b);
      break;
    case FM_NODE_KIND_QUEUE:
      draw_queue (ctx, node, &b);
      break;
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
      draw_endpoint (ctx, node, &b);
      break;
    case FM_NODE_KIND_SYSTEM:
      draw_system (ctx, node, &b);
      break;
    case FM_NODE_KIND_KAIZEN:
      draw_kaizen (ctx, node, &b);
      break;
    case FM_NODE_KIND_NOTE:
      draw_note (ctx, node, &b);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Times measured from tracker data, not assumed (fm-render-badges.c). */
  fm_render_observed_badge (ctx, node);

  cairo_restore (ctx->cr);
}
