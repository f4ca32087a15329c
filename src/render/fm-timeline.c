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
 * right end. A flow laid out in rows (the path's nodes in horizontal
 * bands, a snaking flow's odd rows right to left) gets a ladder row for
 * each, right under that row of nodes, below whatever else lies there
 * and above the next row; a row with no room there is stacked under the
 * whole map instead, since the ladder is never drawn over a node. Each
 * row but the last ends with the lead time so far, which the next row
 * continues.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-timeline"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-queue.h"
#include "fm-process-step.h"
#include "fm-render-private.h"
#include "fm-timeline.h"

#define GAP_ABOVE 40.0        /* between the map and the ladder's labels */
#define GAP_UNDER_ROW 20.0    /* between a row's nodes and its ladder */
#define RUNNING_WIDTH 110.0   /* "12.0 d so far" at a row's end */
#define EDGE_REACH 12.0       /* an edge's arrow heads and marks */
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

/* Rows: where the flow wraps, a node out of the band of the row so far
 * that does not go on in the row's direction past the one before it (a
 * new row below and left, or under the end of a snaking row). A flow in
 * lanes, from lane to lane but always onwards, stays one row. */
static void
group_rows (FmTimeline *self)
{
  FmTimelineRow row = { 0 };
  FmRect previous = { 0, 0, 0, 0 }, first = { 0, 0, 0, 0 };

  for (guint i = 0; i < self->rungs->len; i++)
    {
      FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      gboolean reverse = previous.x + previous.width / 2 < first.x + first.width / 2;
      gboolean onwards;
      FmRect r;

      fm_node_get_bounds (rung->node, &r);
      onwards = reverse ? r.x + r.width <= previous.x : r.x >= previous.x + previous.width;
      if (row.n > 0 && (r.y >= row.band.y + row.band.height || r.y + r.height <= row.band.y) && !onwards)
        {
          g_array_append_val (self->rows, row);
          row = (FmTimelineRow) { .first = i };
        }
      if (row.n == 0)
        row.band = first = r;
      else
        fm_rect_union (&row.band, &r);
      row.n++;
      rung->row = self->rows->len;
      previous = r;
    }
  g_array_append_val (self->rows, row);
}

/* Each rung under its node, one after another in the row's direction,
 * and the running lead time along them. */
static void
place_rungs_along (FmTimeline    *self,
                   FmTimelineRow *row,
                   double        *total)
{
  FmTimelineRung *first = &g_array_index (self->rungs, FmTimelineRung, row->first);
  FmTimelineRung *last = &g_array_index (self->rungs, FmTimelineRung, row->first + row->n - 1);
  FmRect a, b;
  double cursor;

  fm_node_get_bounds (first->node, &a);
  fm_node_get_bounds (last->node, &b);
  /* A snaking flow runs its odd rows right to left. */
  row->reverse = b.x + b.width / 2 < a.x + a.width / 2;
  cursor = row->reverse ? G_MAXDOUBLE : -G_MAXDOUBLE;
  row->start_s = *total;

  for (guint i = row->first; i < row->first + row->n; i++)
    {
      FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      FmRect r;

      fm_node_get_bounds (rung->node, &r);
      /* Under the node unless the path turns back or nodes overlap; then
       * the rungs follow one another. */
      if (row->reverse)
        {
          rung->x1 = MIN (r.x + r.width, cursor - RUNG_GAP);
          rung->x0 = MIN (r.x, rung->x1 - MIN_RUNG);
          cursor = rung->x0;
        }
      else
        {
          rung->x0 = MAX (r.x, cursor + RUNG_GAP);
          rung->x1 = MAX (r.x + r.width, rung->x0 + MIN_RUNG);
          cursor = rung->x1;
        }
      rung->reverse = row->reverse;
      rung->split_x = rung->in_step_s > 0 ? (rung->x0 + rung->x1) / 2 : row->reverse ? rung->x1 : rung->x0;
      *total += rung->in_step_s + (fm_value_is_set (rung->time_s) ? rung->time_s : 0);
      rung->total_s = *total;
    }
  row->end_s = *total;
}

/* The right end of a row's rungs, where the totals box follows. */
static double
row_right (const FmTimeline    *self,
           const FmTimelineRow *row)
{
  double right = -G_MAXDOUBLE;

  for (guint i = row->first; i < row->first + row->n; i++)
    right = MAX (right, g_array_index (self->rungs, FmTimelineRung, i).x1);
  return right;
}

/* The totals box is centred on the levels of the last row. */
static double
totals_top (const FmTimeline *self,
            double            upper_y)
{
  return upper_y + STEP_HEIGHT / 2 - self->totals.height / 2;
}

/* What a row's part of the ladder covers, labels included, with its
 * levels at @upper_y: the totals box too on the last row. */
static void
row_area (const FmTimeline    *self,
          const FmTimelineRow *row,
          gboolean             last,
          double               upper_y,
          FmRect              *area)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, top = upper_y - LABEL_HEIGHT, bottom;

  for (guint i = row->first; i < row->first + row->n; i++)
    {
      const FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      /* The labels are at least 96 wide, centred on their rung. */
      double half = MAX (rung->x1 - rung->x0, 96) / 2, middle = (rung->x0 + rung->x1) / 2;

      left = MIN (left, middle - half);
      right = MAX (right, middle + half);
    }
  bottom = upper_y + STEP_HEIGHT + LABELS_BELOW;

  if (last)
    {
      right = MAX (right, row_right (self, row) + TOTALS_GAP + TOTALS_WIDTH);
      top = MIN (top, totals_top (self, upper_y));
      bottom = MAX (bottom, totals_top (self, upper_y) + self->totals.height);
    }
  else if (row->reverse)
    left -= RUNNING_WIDTH;
  else
    right += RUNNING_WIDTH;

  *area = (FmRect) { left - 2, top - 2, right - left + 4, bottom - top + 4 };
}

static gboolean
intersects (const FmRect *a,
            const FmRect *b)
{
  return a->x < b->x + b->width && a->x + a->width > b->x &&
         a->y < b->y + b->height && a->y + a->height > b->y;
}

/* The lowest bottom of what a ladder in @area would be drawn over: a
 * node, an edge's label or a horizontal stretch of an edge (the ladder
 * may cross an edge going down to the next row, not run along one), or
 * -G_MAXDOUBLE when nothing is in the way. */
static double
blocked_to (FmEdgeRoutes *routes,
            const FmRect *area)
{
  FmNodeIndex *nodes = fm_edge_routes_get_nodes (routes);
  /* The bands of an exported page lay their ladders out at once. */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fm_render_lookup_lock);
  GArray *found;
  double bottom = -G_MAXDOUBLE;

  found = fm_node_index_find (nodes, area);
  for (guint k = 0; k < found->len; k++)
    {
      const FmRect *b = fm_node_index_get_bounds (nodes, g_array_index (found, guint, k));

      if (intersects (b, area))
        bottom = MAX (bottom, b->y + b->height);
    }

  found = fm_edge_routes_find_routes (routes, &(FmRect) { area->x - EDGE_REACH, area->y - EDGE_REACH,
                                                          area->width + 2 * EDGE_REACH,
                                                          area->height + 2 * EDGE_REACH });
  for (guint k = 0; k < found->len; k++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (routes, g_array_index (found, guint, k));
      FmRect label;

      for (guint j = 0; j + 1 < route->n_points; j++)
        {
          const FmPoint *p = &route->points[j], *q = &route->points[j + 1];
          FmRect stretch = { MIN (p->x, q->x), p->y - EDGE_REACH, fabs (q->x - p->x), 2 * EDGE_REACH };

          if (fabs (p->y - q->y) < 0.5 && intersects (&stretch, area))
            bottom = MAX (bottom, stretch.y + stretch.height);
        }
      fm_render_edge_label_rect (route, &label);
      if (label.width > 0 && intersects (&label, area))
        bottom = MAX (bottom, label.y + label.height);
    }

  return bottom;
}

/* Finds a row's place right under its nodes, below whatever lies there
 * and above the next row of the path's nodes under it. Returns %FALSE
 * when there is no room: the ladder is never drawn over a node. */
static gboolean
place_row_under (FmTimeline    *self,
                 FmTimelineRow *row,
                 gboolean       last,
                 FmEdgeRoutes  *routes)
{
  double limit = G_MAXDOUBLE, row_bottom = row->band.y + row->band.height;
  double upper_y = row_bottom + GAP_UNDER_ROW + LABEL_HEIGHT;

  /* The nearest row of the path below this one. */
  for (guint j = 0; j < self->rows->len; j++)
    {
      const FmRect *band = &g_array_index (self->rows, FmTimelineRow, j).band;

      if (band->y >= row_bottom)
        limit = MIN (limit, band->y);
    }

  /* Each try moves below something in the way: a bounded walk down. */
  for (guint tries = 0; tries < 32; tries++)
    {
      FmRect area;
      double blocked;

      row_area (self, row, last, upper_y, &area);
      if (area.y + area.height > limit)
        return FALSE;
      blocked = blocked_to (routes, &area);
      if (blocked == -G_MAXDOUBLE)
        {
          row->upper_y = upper_y;
          row->lower_y = upper_y + STEP_HEIGHT;
          return TRUE;
        }
      /* Below it, where the area's top (labels or totals) starts. */
      upper_y += blocked + GAP_UNDER_ROW - area.y;
    }

  return FALSE;
}

static void
set_row_levels (FmTimeline    *self,
                FmTimelineRow *row,
                double         upper_y)
{
  row->upper_y = upper_y;
  row->lower_y = upper_y + STEP_HEIGHT;
  for (guint i = row->first; i < row->first + row->n; i++)
    {
      FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);

      rung->upper_y = row->upper_y;
      rung->lower_y = row->lower_y;
    }
}

/**
 * fm_timeline_new_in_map:
 * @metrics: the figures of the map: its critical path and totals
 * @document: (nullable): for the demand that turns items into waits
 * @content: the extent of what is drawn of the map
 * @routes: (nullable): the map's nodes and edge routes, which the ladder
 *   must not be drawn over; without them every row of the ladder is
 *   stacked under @content
 *
 * Lays out the ladder for the critical path of @metrics: a row of the
 * ladder for each row of the path's nodes (their horizontal bands), right
 * under that row where the room between it and the next row allows, else
 * stacked under the whole map. The totals box ends the last row.
 *
 * Returns: (transfer full) (nullable): the ladder, or %NULL when the path
 *   has no queue and no process step
 */
FmTimeline *
fm_timeline_new_in_map (const FmMetrics *metrics,
                        FmDocument      *document,
                        const FmRect    *content,
                        FmEdgeRoutes    *routes)
{
  g_autoptr(FmTimeline) self = g_new0 (FmTimeline, 1);
  double total = 0, stack_y, left = G_MAXDOUBLE, right = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  FmTimelineRow *last;
  guint n_totals;

  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  self->rungs = g_array_new (FALSE, FALSE, sizeof (FmTimelineRung));
  self->rows = g_array_new (FALSE, FALSE, sizeof (FmTimelineRow));
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
      FmTimelineRung rung = { node, 0, 0, kind == FM_NODE_KIND_QUEUE, FM_UNSET, FM_UNSET, 0, 0, 0, 0, 0, FALSE, 0 };

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

      g_array_append_val (self->rungs, rung);
    }

  if (self->rungs->len == 0)
    return NULL;

  group_rows (self);
  self->n_rows = self->rows->len;
  for (guint k = 0; k < self->rows->len; k++)
    place_rungs_along (self, &g_array_index (self->rows, FmTimelineRow, k), &total);

  n_totals = isnan (self->rework_lead_s) ? 3 : 5;
  self->totals.width = TOTALS_WIDTH;
  self->totals.height = n_totals * TOTALS_ROW + 12;
  last = &g_array_index (self->rows, FmTimelineRow, self->rows->len - 1);

  /* Each row under its nodes where there is room; the others, in order,
   * under the map and the ladder rows placed. */
  stack_y = content->y + content->height;
  for (guint k = 0; k < self->rows->len; k++)
    {
      FmTimelineRow *row = &g_array_index (self->rows, FmTimelineRow, k);

      row->stacked = routes == NULL || !place_row_under (self, row, row == last, routes);
      if (!row->stacked)
        {
          FmRect area;

          set_row_levels (self, row, row->upper_y);
          row_area (self, row, row == last, row->upper_y, &area);
          stack_y = MAX (stack_y, area.y + area.height);
        }
    }
  stack_y += GAP_ABOVE + LABEL_HEIGHT;
  for (guint k = 0; k < self->rows->len; k++)
    {
      FmTimelineRow *row = &g_array_index (self->rows, FmTimelineRow, k);

      if (row->stacked)
        {
          set_row_levels (self, row, stack_y);
          stack_y += ROW_PITCH;
        }
    }

  self->upper_y = g_array_index (self->rows, FmTimelineRow, 0).upper_y;
  self->lower_y = g_array_index (self->rows, FmTimelineRow, 0).lower_y;
  self->totals.x = row_right (self, last) + TOTALS_GAP;
  self->totals.y = totals_top (self, last->upper_y);

  for (guint k = 0; k < self->rows->len; k++)
    {
      const FmTimelineRow *row = &g_array_index (self->rows, FmTimelineRow, k);
      FmRect area;

      row_area (self, row, row == last, row->upper_y, &area);
      left = MIN (left, area.x);
      right = MAX (right, area.x + area.width);
      top = MIN (top, area.y);
      bottom = MAX (bottom, area.y + area.height);
    }
  self->bounds = (FmRect) { left, top, right - left, bottom - top };

  return g_steal_pointer (&self);
}

/**
 * fm_timeline_new:
 * @metrics: the figures of the map: its critical path and totals
 * @document: (nullable): for the demand that turns items into waits
 * @content: the extent of what is drawn above the ladder
 *
 * Lays out the ladder for the critical path of @metrics with every row
 * stacked under @content: fm_timeline_new_in_map() without the map's
 * geometry.
 *
 * Returns: (transfer full) (nullable): the ladder, or %NULL when the path
 *   has no queue and no process step
 */
FmTimeline *
fm_timeline_new (const FmMetrics *metrics,
                 FmDocument      *document,
                 const FmRect    *content)
{
  return fm_timeline_new_in_map (metrics, document, content, NULL);
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
  g_clear_pointer (&self->rows, g_array_unref);
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
      /* Where the flow enters and leaves the rung. */
      double entry = rung->reverse ? rung->x1 : rung->x0, exit = rung->reverse ? rung->x0 : rung->x1;
      gboolean first = i == 0 || rung->row != g_array_index (self->rungs, FmTimelineRung, i - 1).row;

      if (!rung->wait && rung->split_x != entry)
        {
          /* The waiting inside the step on top, then its work below. */
          if (first)
            cairo_move_to (cr, entry, rung->upper_y);
          else
            cairo_line_to (cr, entry, rung->upper_y);
          cairo_line_to (cr, rung->split_x, rung->upper_y);
          cairo_line_to (cr, rung->split_x, level);
        }
      else if (first)
        cairo_move_to (cr, entry, level);
      else
        {
          /* The gaps between rungs are waits too: run them on top. */
          cairo_line_to (cr, entry, rung->upper_y);
          cairo_line_to (cr, entry, level);
        }
      cairo_line_to (cr, exit, level);
      if (!rung->wait && next != NULL && next->row == rung->row)
        cairo_line_to (cr, exit, rung->upper_y);
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

/* A map's steps share a few times, and a long ladder words the same
 * figure hundreds of times: each is worded once per drawing. */
typedef struct
{
  FmRenderContext *ctx;
  GHashTable *words[FM_DURATION_PROCESS + 1];  /* the value's bits -> its words */
} RungWords;

static char *
rung_words_format (RungWords      *words,
                   FmDurationKind  kind,
                   double          seconds)
{
  gint64 bits;
  const char *found;
  char *text;

  g_assert (kind <= FM_DURATION_PROCESS);
  memcpy (&bits, &seconds, sizeof bits);
  found = g_hash_table_lookup (words->words[kind], &bits);
  if (found != NULL)
    return g_strdup (found);

  text = fm_render_format_duration (words->ctx, kind, seconds);
  g_hash_table_insert (words->words[kind], g_memdup2 (&bits, sizeof bits), g_strdup (text));
  return text;
}

static void
draw_rung_labels (FmRenderContext      *ctx,
                  const FmTimeline     *self,
                  const FmTimelineRung *rung,
                  RungWords            *words)
{
  const FmPalette *palette = ctx->palette;
  g_autofree char *time = rung_words_format (words, rung->wait ? FM_DURATION_LEAD : FM_DURATION_PROCESS,
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

  if (rung->split_x != (rung->reverse ? rung->x1 : rung->x0))
    {
      /* The waiting over the first part, the work under the second, in
       * the direction of the row. */
      g_autofree char *waiting = rung_words_format (words, FM_DURATION_LEAD, rung->in_step_s);
      double wait_middle = (rung->split_x + (rung->reverse ? rung->x1 : rung->x0)) / 2;
      double work_middle = (rung->split_x + (rung->reverse ? rung->x0 : rung->x1)) / 2;
      double half = MAX (fabs (rung->split_x - rung->x0), 48);

      fm_render_text (ctx, waiting, FM_FONT_BODY_BOLD, &palette->ink,
                      &(FmRect) { wait_middle - half / 2, rung->upper_y - LABEL_HEIGHT,
                                  half, LABEL_HEIGHT - 3 },
                      FM_TEXT_CENTER | FM_TEXT_BOTTOM);
      width = MAX (fabs (rung->x1 - rung->split_x), 48);
      x = work_middle - width / 2;
    }

  fm_render_text (ctx, time, FM_FONT_BODY_BOLD, &palette->ink,
                  &(FmRect) { x, rung->lower_y + 3, width, 16 }, FM_TEXT_CENTER);

  if (fm_value_is_set (rung->lead_s) && rung->lead_s != rung->time_s)
    {
      g_autofree char *lead = rung_words_format (words, FM_DURATION_LEAD, rung->lead_s);
      /* Translators: a step's lead time under the timeline, as in "LT 2 d" */
      g_autofree char *text = g_strdup_printf (_("LT %s"), lead);

      fm_render_text (ctx, text, FM_FONT_SMALL, &palette->muted,
                      &(FmRect) { x, rung->lower_y + 19, width, 14 }, FM_TEXT_CENTER);
    }
}

/* At the end of each row but the last, the lead time so far, which the
 * next row's rungs go on adding to. */
static void
draw_running_total (FmRenderContext     *ctx,
                    const FmTimeline    *self,
                    const FmTimelineRow *row)
{
  const FmTimelineRung *end = &g_array_index (self->rungs, FmTimelineRung, row->first + row->n - 1);
  g_autofree char *total = fm_render_format_duration (ctx, FM_DURATION_LEAD, row->end_s);
  /* Translators: at the end of a row of the timeline, the lead time of
   * the rows so far, as in "12.0 d so far" */
  g_autofree char *text = g_strdup_printf (_("%s so far"), total);
  FmRect box = { 0, row->upper_y, RUNNING_WIDTH - 8, STEP_HEIGHT };

  box.x = row->reverse ? end->x0 - RUNNING_WIDTH : end->x1 + 8;
  fm_render_text (ctx, text, FM_FONT_SMALL, &ctx->palette->muted, &box,
                  FM_TEXT_MIDDLE | (row->reverse ? FM_TEXT_RIGHT : FM_TEXT_LEFT));
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
  RungWords words = { ctx, { NULL } };

  for (guint k = 0; k < G_N_ELEMENTS (words.words); k++)
    words.words[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  cairo_save (ctx->cr);

  draw_ladder (ctx, self);
  /* Where the rungs' figures could not be read, the ladder shows only its
   * shape, as the nodes above it do (a thousand steps zoomed to fit). */
  for (guint i = 0; i < self->rungs->len && fm_render_text_is_legible (ctx, FM_FONT_BODY_BOLD); i++)
    {
      const FmTimelineRung *rung = &g_array_index (self->rungs, FmTimelineRung, i);
      const FmRect *v = &ctx->options->visible;
      double half = MAX (rung->x1 - rung->x0, 96) / 2, middle = (rung->x0 + rung->x1) / 2;

      /* A long ladder is mostly off screen: its labels are skipped there. */
      if (v->width > 0 &&
          (middle + half < v->x || middle - half > v->x + v->width ||
           rung->lower_y + LABELS_BELOW < v->y || rung->upper_y - LABEL_HEIGHT > v->y + v->height))
        continue;
      draw_rung_labels (ctx, self, rung, &words);
    }
  for (guint k = 0; k + 1 < self->rows->len; k++)
    draw_running_total (ctx, self, &g_array_index (self->rows, FmTimelineRow, k));
  draw_totals (ctx, self);

  cairo_restore (ctx->cr);
  for (guint k = 0; k < G_N_ELEMENTS (words.words); k++)
    g_hash_table_unref (words.words[k]);
}
