/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-floor.c: the floor an SVG export is compared with (issue 8)
 *
 * "A bare Cairo loop drawing the same rectangles, lines and text to SVG":
 * the shapes, rules, arrows, ladder and text runs the export of the
 * benchmark's map has, each drawn once with plain Cairo calls, from the
 * model's boxes and texts, the edge routes and the ladder's rungs, with no
 * code of Flowmap's renderer and no layout cache in the loop. It knows
 * only the kinds of node and edge the benchmark's map has.
 *
 * Text goes through cairo_show_text() in the fonts Pango picks for the
 * renderer ("Cantarell, Sans" at its four sizes and weights, unhinted):
 * the SVG surface writes the same glyph outlines and one <use> per glyph,
 * as for Pango's runs. Cairo's toy text API shapes nothing, so glyph
 * positions differ from Pango's by the kerning; lines are broken at spaces
 * and the last one that does not fit ends in "…", as Pango does with
 * these labels.
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bench-floor.h"
#include "fm-duration.h"
#include "fm-kaizen.h"
#include "fm-node-shape.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-renderer.h"
#include "fm-timeline.h"

enum { TITLE, BODY, BOLD, SMALL, N_FONTS };

enum {
  LEFT = 0,
  CENTER = 1 << 0,
  RIGHT = 1 << 1,
  MIDDLE = 1 << 2,
  BOTTOM = 1 << 3,
  WRAP = 1 << 4,
};

/* The renderer's light palette, as 0xRRGGBB. */
#define INK 0x1d232b
#define MUTED 0x5e6772
#define WHITE 0xffffff
#define PROCESS_FILL 0xd9e8f8
#define QUEUE_FILL 0xfbe1a3
#define ENDPOINT_FILL 0xdcefd7
#define KAIZEN_FILL 0xffd84f
#define REWORK 0xc0392b

#define MAX_LINES 4
#define MAX_LINE_BYTES 256

struct _BenchFloor {
  FmDocument *document;
  FmMap *map;
  FmEdgeRoutes *routes;
  const FmMetrics *metrics;
  double day_length_s;
  FmRect content;       /* what the ladder goes under */
  double width;         /* the page, as the export lays it out */
  double height;
  double dx;            /* from map units to the page */
  double dy;
  cairo_font_options_t *font_options;
  cairo_font_face_t *faces[N_FONTS];
  double sizes[N_FONTS];
  double ascent[N_FONTS];
  double line[N_FONTS];
};

static void
rgb (cairo_t *cr,
     guint32  hex,
     double   alpha)
{
  cairo_set_source_rgba (cr, (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0,
                         (hex & 0xff) / 255.0, alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
use_font (BenchFloor *self,
          cairo_t    *cr,
          int         font)
{
  cairo_set_font_face (cr, self->faces[font]);
  cairo_set_font_size (cr, self->sizes[font]);
}

static double
advance (cairo_t    *cr,
         const char *text)
{
  cairo_text_extents_t e;

  cairo_text_extents (cr, text, &e);
  return e.x_advance;
}

/* The first @length bytes of @text, then @tail, into @out. */
static void
copy_line (char       *out,
           const char *text,
           gsize       length,
           const char *tail)
{
  length = MIN (length, MAX_LINE_BYTES - 1 - strlen (tail));
  memcpy (out, text, length);
  strcpy (out + length, tail);
}

/* @text from @p on, ellipsized at the end to fit @width. */
static void
ellipsize (cairo_t    *cr,
           const char *p,
           double      width,
           char       *out)
{
  gsize length = strlen (p);

  copy_line (out, p, length, "");
  if (advance (cr, out) <= width)
    return;

  while (length > 0)
    {
      length = g_utf8_prev_char (p + length) - p;
      copy_line (out, p, length, "…");
      if (advance (cr, out) <= width)
        return;
    }
}

/* Breaks @text into lines of at most @width at its spaces, at most
 * @max_lines of them, the last ellipsized. */
static guint
break_lines (cairo_t    *cr,
             const char *text,
             double      width,
             guint       max_lines,
             char        lines[MAX_LINES][MAX_LINE_BYTES])
{
  const char *p = text;
  guint n = 0;

  while (*p != '\0' && n < max_lines)
    {
      gsize fit = 0;

      if (n + 1 == max_lines)
        {
          ellipsize (cr, p, width, lines[n++]);
          break;
        }

      for (gsize i = 1;; i++)
        {
          if (p[i] == ' ' || p[i] == '\0')
            {
              copy_line (lines[n], p, i, "");
              if (advance (cr, lines[n]) > width)
                break;
              fit = i;
            }
          if (p[i] == '\0')
            break;
        }

      if (fit == 0)
        {
          ellipsize (cr, p, width, lines[n++]);
          break;
        }
      copy_line (lines[n++], p, fit, "");
      p += fit;
      while (*p == ' ')
        p++;
    }

  return n;
}

/* Draws @text in @box and returns its height, as the renderer places it. */
static double
draw_text (BenchFloor *self,
           cairo_t    *cr,
           int         font,
           guint32     color,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      height,
           int         flags)
{
  char lines[MAX_LINES][MAX_LINE_BYTES];
  double line = self->line[font];
  guint max_lines = (flags & WRAP) ? CLAMP ((guint) floor (height / line), 1, MAX_LINES) : 1;
  guint n;
  double total;

  if (text[0] == '\0' || width <= 0)
    return 0;

  use_font (self, cr, font);
  n = break_lines (cr, text, width, max_lines, lines);
  total = n * line;
  if (flags & MIDDLE)
    y += (height - total) / 2;
  else if (flags & BOTTOM)
    y += height - total;

  rgb (cr, color, 1);
  for (guint i = 0; i < n; i++)
    {
      double lx = x;

      if (flags & (CENTER | RIGHT))
        {
          double w = advance (cr, lines[i]);

          lx += (flags & CENTER) ? (width - w) / 2 : width - w;
        }
      cairo_move_to (cr, lx, y + i * line + self->ascent[font]);
      cairo_show_text (cr, lines[i]);
    }
  cairo_new_path (cr);

  return total;
}

static double
text_width (BenchFloor *self,
            cairo_t    *cr,
            int         font,
            const char *text)
{
  use_font (self, cr, font);
  return advance (cr, text);
}

static void
fill_and_stroke (cairo_t *cr,
                 guint32  fill)
{
  rgb (cr, fill, 1);
  cairo_fill_preserve (cr);
  rgb (cr, INK, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_process (BenchFloor *self,
              cairo_t    *cr,
              FmNode     *node,
              FmRect     *b)
{
  FmProcessStep *step = FM_PROCESS_STEP (node);
  g_autofree char *pt = fm_duration_format (fm_process_step_get_process_s (step), self->day_length_s);
  g_autofree char *lt = fm_duration_format (fm_process_step_get_lead_s (step), self->day_length_s);
  g_autofree char *pca = g_strdup_printf ("%.0f %%", fm_process_step_get_pca (step));
  g_autofree char *people = g_strdup_printf ("%.0f × %s", fm_process_step_get_people (step),
                                             fm_process_step_get_role (step));
  const char *names[] = { "PT", "LT", "%C&A", "People" };
  const char *values[] = { pt, lt, pca, people };
  double head = b->height - 4 * 18.0 - 4, radius = MIN (6, MIN (b->width, b->height) / 2);

  g_assert (head >= 30);
  rounded_rect (cr, b->x, b->y, b->width, b->height, 6);
  rgb (cr, WHITE, 1);
  cairo_fill (cr);

  cairo_move_to (cr, b->x, b->y + head);
  cairo_arc (cr, b->x + radius, b->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, b->x + b->width - radius, b->y + radius, radius, -G_PI / 2, 0);
  cairo_line_to (cr, b->x + b->width, b->y + head);
  cairo_close_path (cr);
  rgb (cr, PROCESS_FILL, 1);
  cairo_fill (cr);

  cairo_set_line_width (cr, 0.75);
  rgb (cr, INK, 0.18);
  for (guint i = 1; i < 4; i++)
    {
      cairo_move_to (cr, b->x + 4, b->y + head + 2 + i * 18.0);
      cairo_line_to (cr, b->x + b->width - 4, b->y + head + 2 + i * 18.0);
    }
  cairo_stroke (cr);
  rgb (cr, INK, 1);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, b->x, b->y + head);
  cairo_line_to (cr, b->x + b->width, b->y + head);
  cairo_stroke (cr);

  rounded_rect (cr, b->x, b->y, b->width, b->height, 6);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  draw_text (self, cr, TITLE, INK, fm_node_get_label (node),
             b->x + 8, b->y + 3, b->width - 16, head - 6, CENTER | MIDDLE | WRAP);
  for (guint i = 0; i < 4; i++)
    {
      double y = b->y + head + 2 + i * 18.0;
      double name = text_width (self, cr, SMALL, names[i]) + 6;

      draw_text (self, cr, SMALL, MUTED, names[i], b->x + 8, y, b->width - 16, 18, MIDDLE);
      draw_text (self, cr, BODY, INK, values[i], b->x + 8 + name, y, b->width - 16 - name, 18, RIGHT | MIDDLE);
    }
}

static void
draw_queue (BenchFloor *self,
            cairo_t    *cr,
            FmNode     *node,
            FmRect     *b)
{
  FmQueue *queue = FM_QUEUE (node);
  g_autofree char *wait = fm_duration_format (fm_queue_get_wait_s (queue), self->day_length_s);
  double n_items = fm_queue_get_items (queue);
  g_autofree char *items = g_strdup_printf (n_items == 1 ? " · %.0f item" : " · %.0f items", n_items);
  FmPoint t[3];
  double h, stem, serif, top, bottom, y, bold, regular, x;

  fm_shape_queue_triangle (b, t);
  h = t[1].y - t[0].y;
  cairo_move_to (cr, t[0].x, t[0].y);
  cairo_line_to (cr, t[1].x, t[1].y);
  cairo_line_to (cr, t[2].x, t[2].y);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  fill_and_stroke (cr, QUEUE_FILL);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  stem = MAX (1.5, h * 0.07);
  serif = h * 0.13;
  top = t[0].y + h * 0.42;
  bottom = t[0].y + h * 0.86;
  cairo_rectangle (cr, t[0].x - stem / 2, top, stem, bottom - top);
  cairo_rectangle (cr, t[0].x - serif, top, 2 * serif, stem * 0.8);
  cairo_rectangle (cr, t[0].x - serif, bottom - stem * 0.8, 2 * serif, stem * 0.8);
  cairo_fill (cr);

  y = t[1].y + 3;
  y += draw_text (self, cr, SMALL, INK, fm_node_get_label (node), b->x - 4, y, b->width + 8, 14, CENTER);

  /* "<b>1 h</b> · 2 items": two runs, centred together. */
  bold = text_width (self, cr, BOLD, wait);
  regular = text_width (self, cr, BODY, items);
  x = b->x + b->width / 2 - (bold + regular) / 2;
  rgb (cr, INK, 1);
  use_font (self, cr, BOLD);
  cairo_move_to (cr, x, y + self->ascent[BODY]);
  cairo_show_text (cr, wait);
  use_font (self, cr, BODY);
  cairo_move_to (cr, x + bold, y + self->ascent[BODY]);
  cairo_show_text (cr, items);
  cairo_new_path (cr);
}

static void
draw_endpoint (BenchFloor *self,
               cairo_t    *cr,
               FmNode     *node,
               FmRect     *b)
{
  guint n_teeth;
  double roof = fm_shape_factory_roof (b, &n_teeth);
  double tooth = b->width / n_teeth, body = b->y + roof, caption;

  cairo_move_to (cr, b->x, b->y + b->height);
  cairo_line_to (cr, b->x, body);
  for (guint i = 0; i < n_teeth; i++)
    {
      cairo_line_to (cr, b->x + (i + 1) * tooth, b->y);
      if (i + 1 < n_teeth)
        cairo_line_to (cr, b->x + (i + 1) * tooth, body);
    }
  cairo_line_to (cr, b->x + b->width, b->y + b->height);
  cairo_close_path (cr);
  cairo_set_miter_limit (cr, 12);
  fill_and_stroke (cr, ENDPOINT_FILL);

  caption = draw_text (self, cr, SMALL, MUTED,
                       fm_node_get_kind (node) == FM_NODE_KIND_TRIGGER ? "Trigger" : "Outcome",
                       b->x + 8, body + 4, b->width - 16, 14, CENTER);
  draw_text (self, cr, TITLE, INK, fm_node_get_label (node), b->x + 8, body + 4 + caption,
             b->width - 16, b->y + b->height - body - 8 - caption, CENTER | MIDDLE | WRAP);
}

static void
draw_kaizen (BenchFloor *self,
             cairo_t    *cr,
             FmNode     *node,
             FmRect     *b)
{
  g_autofree char *owner = g_strdup_printf ("— %s", fm_kaizen_get_owner (FM_KAIZEN (node)));
  FmPoint points[FM_KAIZEN_POINTS * 2];
  FmRect box;
  double owner_height;

  fm_shape_kaizen_burst (b, points);
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < G_N_ELEMENTS (points); i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
  cairo_set_miter_limit (cr, 12);
  fill_and_stroke (cr, KAIZEN_FILL);

  fm_shape_kaizen_text_box (b, &box);
  owner_height = draw_text (self, cr, SMALL, INK, owner, box.x, box.y, box.width, box.height, CENTER | BOTTOM);
  draw_text (self, cr, SMALL, INK, fm_node_get_label (node), box.x, box.y, box.width,
             box.height - owner_height, CENTER | MIDDLE | WRAP);
}

/* The dotted leader from a kaizen burst's centre to just outside each
 * node it applies to. */
static void
draw_leaders (BenchFloor *self,
              cairo_t    *cr,
              FmNode     *kaizen)
{
  const char * const *targets = fm_kaizen_get_applies_to (FM_KAIZEN (kaizen));
  FmRect b;

  fm_node_get_bounds (kaizen, &b);
  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      FmNode *target = fm_map_lookup_node (self->map, targets[i]);
      double sx = b.x + b.width / 2, sy = b.y + b.height / 2, cx, cy, t = G_MAXDOUBLE;
      FmRect r;

      if (target == NULL)
        continue;
      fm_node_get_bounds (target, &r);
      cx = r.x + r.width / 2;
      cy = r.y + r.height / 2;
      if (fabs (sx - cx) > 1e-9)
        t = MIN (t, (r.width / 2 + 4) / fabs (sx - cx));
      if (fabs (sy - cy) > 1e-9)
        t = MIN (t, (r.height / 2 + 4) / fabs (sy - cy));
      if (t >= 1)
        continue;

      rgb (cr, INK, 0.6);
      cairo_set_line_width (cr, 1.8);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, 4.5 }, 2, 0);
      cairo_move_to (cr, sx, sy);
      cairo_line_to (cr, cx + (sx - cx) * t, cy + (sy - cy) * t);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, cx + (sx - cx) * t, cy + (sy - cy) * t, 2.6, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The route, ending @shorten before its last point, then its head. */
static void
draw_edge (cairo_t           *cr,
           const FmEdgeRoute *route)
{
  const FmPoint *p = route->points;
  guint n = route->n_points;
  FmEdgeKind kind = fm_edge_get_kind (route->edge);
  double dx = p[n - 1].x - p[n - 2].x, dy = p[n - 1].y - p[n - 2].y;
  double length = hypot (dx, dy), ux, uy, bx, by;
  double head = kind == FM_EDGE_KIND_PUSH ? 18 : kind == FM_EDGE_KIND_REWORK ? 10 : 11;
  double half = kind == FM_EDGE_KIND_PUSH ? 12 : kind == FM_EDGE_KIND_REWORK ? 5 : 5.5;
  double shorten = MIN (kind == FM_EDGE_KIND_PUSH ? head - 1 : head * 0.8, length);
  guint32 color = kind == FM_EDGE_KIND_REWORK ? REWORK : INK;

  g_assert (length > 0);
  ux = dx / length;
  uy = dy / length;
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 1 < n; i++)
    cairo_line_to (cr, p[i].x, p[i].y);
  cairo_line_to (cr, p[n - 1].x - ux * shorten, p[n - 1].y - uy * shorten);

  rgb (cr, color, 1);
  if (kind == FM_EDGE_KIND_PUSH)
    {
      /* The striped band: ink, white inside, ink dashes across. */
      cairo_set_line_width (cr, 10);
      cairo_stroke_preserve (cr);
      rgb (cr, WHITE, 1);
      cairo_set_line_width (cr, 7.4);
      cairo_stroke_preserve (cr);
      rgb (cr, color, 1);
      cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_line_width (cr, 1.6);
      if (kind == FM_EDGE_KIND_REWORK)
        cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  bx = p[n - 1].x - ux * head;
  by = p[n - 1].y - uy * head;
  cairo_move_to (cr, p[n - 1].x, p[n - 1].y);
  cairo_line_to (cr, bx - uy * half, by + ux * half);
  cairo_line_to (cr, bx + uy * half, by - ux * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A rework loop's rate in a pill on its middle. */
static void
draw_edge_label (BenchFloor        *self,
                 cairo_t           *cr,
                 const FmEdgeRoute *route)
{
  g_autofree char *label = g_strdup_printf ("%.0f %% rework", fm_edge_get_rate (route->edge) * 100);
  double w = text_width (self, cr, SMALL, label) + 12, h = self->line[SMALL] + 4;
  double x = route->label.x - w / 2, y = route->label.y - h / 2;

  rounded_rect (cr, x, y, w, h, h / 2);
  rgb (cr, WHITE, 1);
  cairo_fill_preserve (cr);
  rgb (cr, REWORK, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  draw_text (self, cr, SMALL, REWORK, label, x, y, w, h, CENTER | MIDDLE);
}

/* The ladder, its rungs' figures and the totals' box. */
static void
draw_timeline (BenchFloor       *self,
               cairo_t          *cr,
               const FmTimeline *timeline)
{
  GArray *rungs = timeline->rungs;
  g_autofree char *lead = fm_duration_format (timeline->lead_s, self->day_length_s);
  g_autofree char *process = fm_duration_format (timeline->process_s, self->day_length_s);
  g_autofree char *efficiency = g_strdup_printf ("%.1f %%", 100 * timeline->flow_efficiency);
  g_autofree char *rework = isnan (timeline->rework_lead_s) ? NULL
    : fm_duration_format (timeline->rework_lead_s, self->day_length_s);
  const char *names[] = { "Lead time", "Process time", "Flow efficiency", "Lead time with rework" };
  const char *values[] = { lead, process, efficiency, rework };
  const FmRect *box = &timeline->totals;

  for (guint i = 0; i < rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (rungs, FmTimelineRung, i);
      const FmTimelineRung *next = i + 1 < rungs->len ? &g_array_index (rungs, FmTimelineRung, i + 1) : NULL;
      double level = rung->wait ? rung->upper_y : rung->lower_y;
      double entry = rung->reverse ? rung->x1 : rung->x0, exit = rung->reverse ? rung->x0 : rung->x1;

      if (i == 0 || rung->row != g_array_index (rungs, FmTimelineRung, i - 1).row)
        cairo_move_to (cr, entry, level);
      else
        {
          cairo_line_to (cr, entry, rung->upper_y);
          cairo_line_to (cr, entry, level);
        }
      cairo_line_to (cr, exit, level);
      if (!rung->wait && next != NULL && next->row == rung->row)
        cairo_line_to (cr, exit, rung->upper_y);
    }
  rgb (cr, INK, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < rungs->len; i++)
    {
      const FmTimelineRung *rung = &g_array_index (rungs, FmTimelineRung, i);
      g_autofree char *time = fm_duration_format (rung->time_s, self->day_length_s);
      double width = MAX (rung->x1 - rung->x0, 96);
      double x = (rung->x0 + rung->x1) / 2 - width / 2;

      if (rung->wait)
        {
          draw_text (self, cr, BOLD, INK, time, x, rung->upper_y - 18, width, 15, CENTER | BOTTOM);
          continue;
        }
      draw_text (self, cr, BOLD, INK, time, x, rung->lower_y + 3, width, 16, CENTER);
      if (rung->lead_s != rung->time_s)
        {
          g_autofree char *lt = fm_duration_format (rung->lead_s, self->day_length_s);
          g_autofree char *label = g_strdup_printf ("LT %s", lt);

          draw_text (self, cr, SMALL, MUTED, label, x, rung->lower_y + 19, width, 14, CENTER);
        }
    }

  rounded_rect (cr, box->x, box->y, box->width, box->height, 6);
  fill_and_stroke (cr, WHITE);
  for (guint i = 0; i < G_N_ELEMENTS (names) && values[i] != NULL; i++)
    {
      double y = box->y + 6 + i * 20.0;
      double name = text_width (self, cr, SMALL, names[i]) + 8;

      draw_text (self, cr, SMALL, MUTED, names[i], box->x + 10, y, box->width - 20, 20, MIDDLE);
      draw_text (self, cr, BOLD, INK, values[i], box->x + 10 + name, y, box->width - 20 - name, 20, RIGHT | MIDDLE);
    }
}

/**
 * bench_floor_new:
 *
 * Finds what the loop needs and the export finds for itself: the page's
 * size, the fonts Pango gives the renderer.
 */
BenchFloor *
bench_floor_new (FmDocument      *document,
                 FmMap           *map,
                 FmEdgeRoutes    *routes,
                 const FmMetrics *metrics)
{
  static const struct {
    double size;
    PangoWeight weight;
  } specs[N_FONTS] = {
    [TITLE] = { 13, PANGO_WEIGHT_SEMIBOLD },
    [BODY] = { 11.5, PANGO_WEIGHT_NORMAL },
    [BOLD] = { 11.5, PANGO_WEIGHT_BOLD },
    [SMALL] = { 10, PANGO_WEIGHT_NORMAL },
  };
  BenchFloor *self = g_new0 (BenchFloor, 1);
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  FmRenderOptions options;
  FmRect extents;

  self->document = document;
  self->map = map;
  self->routes = routes;
  self->metrics = metrics;
  self->day_length_s = fm_document_get_day_length_s (document);

  fm_render_options_init (&options);
  options.document = document;
  options.routes = routes;
  options.metrics = metrics;
  fm_renderer_get_extents (map, &options, &self->content);
  options.timeline = TRUE;
  fm_renderer_get_extents (map, &options, &extents);
  self->width = extents.width + 48;
  self->height = extents.height + 48;
  self->dx = 24 - extents.x;
  self->dy = 24 - extents.y;

  self->font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (self->font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (self->font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango, self->font_options);
  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoFontDescription *description = pango_font_description_from_string ("Cantarell, Sans");
      PangoFont *font;
      PangoFontMetrics *font_metrics;

      pango_font_description_set_absolute_size (description, specs[i].size * PANGO_SCALE);
      pango_font_description_set_weight (description, specs[i].weight);
      font = pango_context_load_font (pango, description);
      self->faces[i] = cairo_font_face_reference (
        cairo_scaled_font_get_font_face (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font))));
      self->sizes[i] = specs[i].size;
      /* Pango's line: the font's ascent and descent. */
      font_metrics = pango_font_get_metrics (font, NULL);
      self->ascent[i] = (double) pango_font_metrics_get_ascent (font_metrics) / PANGO_SCALE;
      self->line[i] = self->ascent[i] + (double) pango_font_metrics_get_descent (font_metrics) / PANGO_SCALE;
      pango_font_metrics_unref (font_metrics);
      pango_font_description_free (description);
      g_object_unref (font);
    }
  g_object_unref (pango);

  return self;
}

/**
 * bench_floor_draw_svg:
 *
 * The loop: what the export of the map draws, in the renderer's order
 * (the ladder, the kaizen leaders, the edges, the nodes, the rework
 * labels), written to an SVG file at @path.
 */
void
bench_floor_draw_svg (BenchFloor *self,
                      const char *path)
{
  cairo_surface_t *surface = cairo_svg_surface_create (path, self->width, self->height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(FmTimeline) timeline = fm_timeline_new_in_map (self->metrics, self->document, &self->content,
                                                           self->routes);
  guint n_nodes = fm_map_get_n_nodes (self->map), n_routes = fm_edge_routes_get_n (self->routes);

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cairo_set_font_options (cr, self->font_options);
  rgb (cr, WHITE, 1);
  cairo_paint (cr);
  cairo_translate (cr, self->dx, self->dy);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if (timeline != NULL)
    draw_timeline (self, cr, timeline);

  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);

      if (fm_node_get_kind (node) == FM_NODE_KIND_KAIZEN)
        draw_leaders (self, cr, node);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < n_routes; i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (self->routes, i);

      if (route->n_points >= 2)
        draw_edge (cr, route);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);
      FmRect b;

      fm_node_get_bounds (node, &b);
      switch (fm_node_get_kind (node))
        {
        case FM_NODE_KIND_PROCESS:
          draw_process (self, cr, node, &b);
          break;
        case FM_NODE_KIND_QUEUE:
          draw_queue (self, cr, node, &b);
          break;
        case FM_NODE_KIND_TRIGGER:
        case FM_NODE_KIND_OUTCOME:
          draw_endpoint (self, cr, node, &b);
          break;
        case FM_NODE_KIND_KAIZEN:
          draw_kaizen (self, cr, node, &b);
          break;
        default:
          g_error ("the floor draws only the benchmark's kinds of node");
        }
    }

  for (guint i = 0; i < n_routes; i++)
    {
      const FmEdgeRoute *route = fm_edge_routes_get (self->routes, i);

      if (route->n_points >= 2 && fm_edge_get_kind (route->edge) == FM_EDGE_KIND_REWORK)
        draw_edge_label (self, cr, route);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("the floor: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

void
bench_floor_free (BenchFloor *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    cairo_font_face_destroy (self->faces[i]);
  cairo_font_options_destroy (self->font_options);
  g_free (self);
}
