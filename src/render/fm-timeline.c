/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-timeline.c: the timeline ladder drawn under a map
 *
 * The square wave of value stream mapping: along the critical path the
 * metrics found, the waits of the queues on the upper rungs and the
 * process times of the steps on the lower ones, each rung under its node;
 * the waiting inside a step (its lead time minus its process time) is on
 * the upper level over the first part of the step's rung, so that the
 * upper and the lower level add up to the lead time
 * where the layout allows, and a box with the metrics' totals at the
 * right end. A flow laid out in rows gets a ladder row for each, stacked
 * under the map, so that the ladder is never much wider than the map.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-timeline"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-queue.h"
#include "fm-process-step.h"
#include "fm-render-private.h"
#include "fm-timeline.h"

#define GAP_ABOVE 40.0        /* between the map and the ladder's labels */
#define LABEL_HEIGHT 18.0
#define STEP_HEIGHT 32.0      /* between the two levels */
#define LABELS_BELOW 34.0
#define MIN_RUNG 56.0
#define RUNG_GAP 10.0
#define TOTALS_GAP 32.0
#define TOTALS_WIDTH 210.0
#define TOTALS_ROW 20.0
/* From one ladder row's upper level to the next one's: its labels above,
 * the step, its labels below and a gap. */
#define ROW_PITCH (LABEL_HEIGHT + STEP_HEIGHT + LABELS_BELOW + 24.0)

/**
 * fm_timeline_new:
 * @metrics: the figures of the map: its critical path and totals
 * @document: (nullable): for the demand that turns items into waits
 * @content: the extent of what is drawn above the ladder
 *
 * Lays out the ladder for the critical path of @metrics.
 *
 * Returns: (transfer full) (nullable): the ladder, or %NULL when the path
 *   has no queue and no process step
 */
FmTimeline *
fm_timeline_new (const FmMetrics *metrics,
                 FmDocument      *document,
                 const FmRect    *content)
{
  g_autoptr(FmTimeline) self = g_new0 (FmTimeline, 1);
  double cursor = -G_MAXDOUBLE, last_x1, right = -G_MAXDOUBLE, left = G_MAXDOUBLE;
  double content_x1 = content->x + content->width;
  FmRect previous = { 0, 0, 0, 0 };
  guint n_totals, row = 0;

  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  self->rungs = g_array_new (FALSE, FALSE, sizeof (FmTimelineRung));
  self->upper_y = content->y + content->height + GAP_ABOVE + LABEL_HEIGHT;
  self->lower_y = self->upper_y + STEP_HEIGHT;
  self->lead_s = metrics->lead_time_s;
  self->process_s = metrics->process_time_s;
  self->flow_efficiency = metrics->flow_efficiency;
  /* Half a second apart is the same on screen. */
  self->rework_lead_s = fabs (metrics->rework_adjusted_lead_time_s - metrics->lead_time_s) >= 0.5
    ? metrics->rework_adjusted_lead_time_s
    : NAN;
  self->rework_flow_efficiency = isnan (self->rework_lead_s) ? NAN : metrics->rework_flow_efficiency;
  self->expected = metrics->routes > 1;

  for (guint i = 0; i < metrics->path->len; i++)
    {
      FmNode *node = g_ptr_array_index (metrics->path, i);
      FmNodeKind kind = fm_node_get_kind (node);
      FmTimelineRung rung = { node, 0, 0, kind == FM_NODE_KIND_QUEUE, FM_UNSET, FM_UNSET, 0, 0 };

      if (kind == FM_NODE_KIND_QUEUE)
        {
          rung.time_s = fm_render_queue_wait (document, FM_QUEUE (node));
        }
      else if (kind == FM_NODE_KIND_PROCESS)
        {
          rung.time_s = fm_process_step_get_process_s (FM_PROCESS_STEP (node));
          rung.lead_s = fm_process_step_get_lead_s (FM_PROCESS_STEP (node));
          /* The same as the metrics' timeline_waiting_s counts. */
          if (fm_value_is_set (rung.lead_s))
            rung.in_step_s = MAX (0, rung.lead_s - (fm_value_is_set (rung.time_s) ? rung.time_s : 0));
        }
      else
        continue;

      {
        FmRect r;
        double x0, x1;

        fm_node_get_bounds (node, &r);
        /* Under the node unless the path turns back or nodes overlap; then
         * the rungs follow one another left to right. */
        x0 = MAX (r.x, cursor + RUNG_GAP);
        x1 = MAX (r.x + r.width, x0 + MIN_RUNG);
        /* A flow wrapped into rows starts a new ladder row where it starts
         * a new row of nodes (below and left of the last one), and where
         * the rungs would run out past the right of the map. */
        if (self->rungs->len > 0 &&
            ((r.y >= previous.y + previous.height && r.x + r.width <= previous.x) ||
             (x1 > content_x1 && x0 > r.x)))
          {
            row++;
            x0 = r.x;
            x1 = MAX (r.x + r.width, x0 + MIN_RUNG);
          }
        rung.x0 = x0;
        rung.x1 = x1;
        rung.split_x = rung.in_step_s > 0 ? (x0 + x1) / 2 : x0;
        rung.upper_y = self->upper_y + row * ROW_PITCH;
        rung.lower_y = rung.upper_y + STEP_HEIGHT;
        cursor = x1;
        previous = r;
        left = MIN (left, x0);
        right = MAX (right, x1);
      }
      g_array_append_val (self->rungs, rung);
    }

  if (self->rungs->len == 0)
    return NULL;

  self->n_rows = row + 1;
  n_totals = isnan (self->rework_lead_s) ? 3 : 5;
  last_x1 = g_array_index (self->rungs, FmTimelineRung, self->rungs->len - 1).x1;
  self->totals.width = TOTALS_WIDTH;
  self->totals.height = n_totals * TOTALS_ROW + 12;
  self->totals.x = last_x1 + TOTALS_GAP;
  self->totals.y = (self->upper_y + self->lower_y) / 2 + row * ROW_PITCH - self->totals.height / 2;

  self->bounds.x = left - 2;
  self->bounds.y = MIN (self->upper_y - LABEL_HEIGHT - 2, self->totals.y - 2);
  self->bounds.width = MAX (right, self->totals.x + self->totals.width) + 2 - self->bounds.x;
  self->bounds.height = MAX (self->lower_y + row * ROW_PITCH + LABELS_BELOW,
                             self->totals.y + self->totals.height) + 2 - self->bounds.y;

  return g_steal_pointer (&self);
}

/**
 * fm_timeline_move_totals:
 * @x: where the totals box may begin at the earliest
 *
 * Moves the totals box right, clear of something drawn beside the ladder
 * (the faint ladder of the map a future state was made from).
 */
void
fm_timeline_move_totals (FmTimeline *self,
                         double      x)
{
  g_return_if_fail (self != NULL);

  if (x <= self->totals.x)
    return;

  self->totals.x = x;
  self->bounds.width = MAX (self->bounds.width, self->totals.x + self->totals.width + 2 - self->bounds.x);
}

void
fm_timeline_free (FmTimeline *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rungs, g_array_unref);
  g_free (self);
}

/**
 * fm_timeline_trace:
 *
 * Adds the square wave of @self to the current path of @cr, a sub-path
 * for each of its rows.
 */
void
fm_timeline_trace (cairo_t          *cr,
                   const FmTimeline *self)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      const FmTimelineRung *next = i + 1 < self->rungs->len
        ? &g_array_index (self->rungs, FmTimelineRung, i + 1) : NULL;
      double level = rung->wait ? rung->upper_y : rung->lower_y;

      gboolean first = i == 0 || rung->upper_y != g_array_index (self->rungs, FmTimelineRung, i - 1).upper_y;

      if (!rung->wait && rung->split_x > rung->x0)
        {
          /* The waiting inside the step on top, then its work below. */
          if (first)
            cairo_move_to (cr, rung->x0, rung->upper_y);
          else
            cairo_line_to (cr, rung->x0, rung->upper_y);
          cairo_line_to (cr, rung->split_x, rung->upper_y);
          cairo_line_to (cr, rung->split_x, level);
        }
      else if (first)
        cairo_move_to (cr, rung->x0, level);
      else
        {
          /* The gaps between rungs are waits too: run them on top. */
          cairo_line_to (cr, rung->x0, rung->upper_y);
          cairo_line_to (cr, rung->x0, level);
        }
      cairo_line_to (cr, rung->x1, level);
      if (!rung->wait && next != NULL && next->upper_y == rung->upper_y)
        cairo_line_to (cr, rung->x1, rung->upper_y);
    }
}

static void
draw_ladder (FmRenderContext  *ctx,
             const FmTimeline *self)
{
  cairo_t *cr = ctx->cr;

  fm_timeline_trace (cr, self);
  fm_render_set_color (cr, &ctx->palette->ink, 1);
  cairo_set_line_width (cr, FM_LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

static void
draw_rung_labels (FmRenderContext      *ctx,
                  const FmTimeline     *self,
                  const FmTimelineRung *rung)
{
  const FmPalette *palette = ctx->palette;
  g_autofree char *time = fm_render_format_duration (ctx, rung->wait ? FM_DURATION_LEAD : FM_DURATION_PROCESS,
                                                            rung->time_s);
  double width = MAX (rung->x1 - rung->x0, 96);
  double x = (rung->x0 + rung->x1) / 2 - width / 2;

  if (rung->wait)
    {
      /* Waits derived from the items and the demand are marked as such. */
      if (fm_value_is_set (rung->time_s) && !fm_value_is_set (fm_queue_get_wait_s (FM_QUEUE (rung->node))))
        {
          g_autofree char *approx = g_strconcat ("≈ ", time, NULL);

          g_free (time);
          time = g_steal_pointer (&approx);
        }

      fm_render_text (ctx, time, FM_FONT_BODY_BOLD, &palette->ink,
                      &(FmRect) { x, rung->upper_y - LABEL_HEIGHT, width, LABEL_HEIGHT - 3 },
                      FM_TEXT_CENTER | FM_TEXT_BOTTOM);
      return;
    }

  if (rung->split_x > rung->x0)
    {
      /* The waiting over the first part, the work under the second. */
      g_autofree char *waiting = fm_render_format_duration (ctx, FM_DURATION_LEAD, rung->in_step_s);
      double half = MAX (rung->split_x - rung->x0, 48);

      fm_render_text (ctx, waiting, FM_FONT_BODY_BOLD, &palette->ink,
                      &(FmRect) { (rung->x0 + rung->split_x - half) / 2, rung->upper_y - LABEL_HEIGHT,
                                  half, LABEL_HEIGHT - 3 },
                      FM_TEXT_CENTER | FM_TEXT_BOTTOM);
      width = MAX (rung->x1 - rung->split_x, 48);
      x = (rung->split_x + rung->x1) / 2 - width / 2;
    }

  fm_render_text (ctx, time, FM_FONT_BODY_BOLD, &palette->ink,
                  &(FmRect) { x, rung->lower_y + 3, width, 16 }, FM_TEXT_CENTER);

  if (fm_value_is_set (rung->lead_s) && rung->lead_s != rung->time_s)
    {
      g_autofree char *lead = fm_render_format_duration (ctx, FM_DURATION_LEAD, rung->lead_s);
      /* Translators: a step's lead time under the timeline, as in "LT 2 d" */
      g_autofree char *text = g_strdup_printf (_("LT %s"), lead);

      fm_render_text (ctx, text, FM_FONT_SMALL, &palette->muted,
                      &(FmRect) { x, rung->lower_y + 19, width, 14 }, FM_TEXT_CENTER);
    }
}

static void
draw_totals (FmRenderContext  *ctx,
             const FmTimeline *self)
{
  const FmPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  const FmRect *box = &self->totals;
  g_autofree char *lead = fm_render_format_duration (ctx, FM_DURATION_LEAD, self->lead_s);
  g_autofree char *process = fm_render_format_duration (ctx, FM_DURATION_PROCESS, self->process_s);
  g_autofree char *efficiency = fm_figure_format_percent (100 * self->flow_efficiency, "%.1f");
  g_autofree char *rework = NULL;
  g_autofree char *rework_efficiency = NULL;
  const char *names[5];
  const char *values[5];
  guint n = 3;

  /* Over alternative routes the totals are expectations, and say so. */
  names[0] = self->expected ? _("Expected lead time") : _("Lead time");
  names[1] = _("Process time");
  names[2] = _("Flow efficiency");
  values[0] = lead;
  values[1] = process;
  values[2] = efficiency;
  if (!isnan (self->rework_lead_s))
    {
      rework = fm_render_format_duration (ctx, FM_DURATION_LEAD, self->rework_lead_s);
      names[n] = _("Lead time with rework");
      values[n++] = rework;
      /* Against the lead time beside it: with rework, the work with rework. */
      rework_efficiency = fm_figure_format_percent (100 * self->rework_flow_efficiency, "%.1f");
      names[n] = _("Flow efficiency with rework");
      values[n++] = rework_efficiency;
    }

  fm_render_rounded_rect (cr, box->x, box->y, box->width, box->height, FM_CORNER_RADIUS);
  fm_render_set_color (cr, &palette->background, 1);
  cairo_fill_preserve (cr);
  fm_render_set_color (cr, &palette->ink, 1);
  cairo_set_line_width (cr, FM_LINE_WIDTH);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      FmRect row = { box->x + 10, box->y + 6 + i * TOTALS_ROW, box->width - 20, TOTALS_ROW };
      double name_width, name_height;

      fm_render_text_size (ctx, names[i], FM_FONT_SMALL, -1, 0, &name_width, &name_height);
      fm_render_text (ctx, names[i], FM_FONT_SMALL, &palette->muted, &row, FM_TEXT_MIDDLE);
      row.x += name_width + 8;
      row.width -= name_width + 8;
      fm_render_text (ctx, values[i], FM_FONT_BODY_BOLD, &palette->ink, &row,
                      FM_TEXT_RIGHT | FM_TEXT_MIDDLE);
    }
}

void
fm_render_timeline (FmRenderContext  *ctx,
                    const FmTimeline *self)
{
  cairo_save (ctx->cr);

  draw_ladder (ctx, self);
  for (guint i = 0; i < self->rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      const FmRect *v = &ctx->options->visible;
      double half = MAX (rung->x1 - rung->x0, 96) / 2, middle = (rung->x0 + rung->x1) / 2;

      /* A long ladder is mostly off screen: its labels are skipped there. */
      if (v->width > 0 &&
          (middle + half < v->x || middle - half > v->x + v->width ||
           rung->lower_y + LABELS_BELOW < v->y || rung->upper_y - LABEL_HEIGHT > v->y + v->height))
        continue;
      draw_rung_labels (ctx, self, rung);
    }
  draw_totals (ctx, self);

  cairo_restore (ctx->cr);
}
