/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-map.c: a draw.io page drawn with the Value Stream Mapping
 * palette (mxgraph.lean_mapping.*) turned into a map
 *
 * People draw with the palette, not with a model: a step's figures are in
 * a data box under it, an inventory's counts and days in its label or in
 * text beside it, and the boxes are often not connected at all. So the
 * shapes are matched by place, the figures read from their lines, and an
 * unconnected flow is connected in reading order. Whatever is not used is
 * named in @unknown, never dropped without a word.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-drawio-private.h"
#include "fm-drawio-map-private.h"
#include "fm-kaizen.h"
#include "fm-limits.h"
#include "fm-map-private.h"
#include "fm-note.h"
#include "fm-process-step.h"
#include "fm-queue.h"

static Role
role_for_shape (const char *shape,
                const char *style)
{
  static const struct { const char *shape; Role role; } roles[] = {
    { "manufacturing_process", ROLE_PROCESS }, { "manufacturing_process_shared", ROLE_PROCESS },
    { "work_cell", ROLE_PROCESS }, { "data_box", ROLE_DATA },
    { "inventory_box", ROLE_QUEUE }, { "fifo_lane", ROLE_QUEUE },
    { "supermarket", ROLE_QUEUE }, { "buffer_or_safety_stock", ROLE_QUEUE },
    { "outside_sources", ROLE_OUTSIDE }, { "schedule", ROLE_SYSTEM },
    { "mrp_erp", ROLE_SYSTEM }, { "kaizen_lightening_burst", ROLE_KAIZEN },
    { "push_arrow", ROLE_PUSH_ARROW }, { "operator", ROLE_OPERATOR },
    { "timeline", ROLE_TIMELINE }, { "timeline2", ROLE_TIMELINE },
    { "text", ROLE_TEXT }, { "note", ROLE_NOTE },
  };

  g_autofree char *timeline = fm_drawio_style_get (style, "flowmapTimeline");

  /* The timeline Flowmap's export draws, left out as a hand-drawn one. */
  if (g_strcmp0 (timeline, "1") == 0)
    return ROLE_TIMELINE;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (shape, roles[i].shape))
      return roles[i].role;

  /* A label without a box: draw.io's "Text" is "text;html=1;…", an edge's
   * label "edgeLabel;…". */
  if (style != NULL && (g_str_has_prefix (style, "text;") || g_str_has_prefix (style, "edgeLabel")))
    return ROLE_TEXT;

  return ROLE_OTHER;
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->shape);
  g_free (item->text);
  g_ptr_array_unref (item->attached);
  g_free (item);
}

/* The position of a vertex on the page: draw.io keeps a child's relative to
 * its parent vertex (the title cell inside a process box). */
static void
place (Ctx  *ctx,
       Item *item)
{
  FmDrawioCell *cell = item->cell;
  const char *parent = cell->parent;

  item->x = cell->x;
  item->y = cell->y;
  item->w = cell->width;
  item->h = cell->height;

  for (guint depth = 0; parent != NULL && depth < 64; depth++)
    {
      Item *up = g_hash_table_lookup (ctx->by_id, parent);

      if (up == NULL || up == item)
        break;
      if (up->cell->edge)
        {
          item->edge_label_of = up;
          break;
        }
      if (!up->cell->vertex)
        break;
      if (depth == 0)
        item->parent = up;
      item->x += up->cell->x;
      item->y += up->cell->y;
      parent = up->cell->parent;
    }
}

static gboolean
inside (const Item *item,
        const Item *box)
{
  double cx = item->x + item->w / 2, cy = item->y + item->h / 2;

  return cx >= box->x && cx <= box->x + box->w && cy >= box->y && cy <= box->y + box->h;
}

static gboolean
owns_text (Role role)
{
  return role == ROLE_PROCESS || role == ROLE_DATA || role == ROLE_QUEUE ||
         role == ROLE_OUTSIDE || role == ROLE_SYSTEM || role == ROLE_KAIZEN || role == ROLE_NOTE;
}

/* The box a text or an operator belongs to: its parent, the smallest box
 * it lies in, or for a queue the text just under its triangle. */
static Item *
find_owner (Ctx  *ctx,
            Item *item)
{
  Item *best = NULL;

  if (item->parent != NULL && owns_text (item->parent->role))
    return item->parent;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *box = g_ptr_array_index (ctx->items, i);

      if (box == item || !owns_text (box->role) || !inside (item, box))
        continue;
      if (best == NULL || box->w * box->h < best->w * best->h)
        best = box;
    }
  if (best != NULL || item->role != ROLE_TEXT)
    return best;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *box = g_ptr_array_index (ctx->items, i);
      double cx = item->x + item->w / 2;

      if (box->role != ROLE_QUEUE)
        continue;
      if (cx >= box->x - box->w / 2 && cx <= box->x + box->w * 1.5 &&
          item->y >= box->y + box->h - 10 && item->y <= box->y + box->h * 2)
        return box;
    }

  return NULL;
}

int
fm_drawio_compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const Item *x = *(Item **) a, *y = *(Item **) b;

  if (x->y != y->y)
    return x->y < y->y ? -1 : 1;
  return x->x < y->x ? -1 : x->x > y->x;
}

/* A box's lines: its own label's, then those of the texts in it, top down. */
static void
collect_lines (Item    *box,
               GString *out)
{
  g_ptr_array_sort (box->attached, fm_drawio_compare_reading);
  g_string_assign (out, box->text);
  for (guint i = 0; i < box->attached->len; i++)
    {
      Item *text = g_ptr_array_index (box->attached, i);

      if (text->role != ROLE_TEXT || text->text[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text->text);
    }
}

void
fm_drawio_unknown (Ctx        *ctx,
                   Item       *item,
                   const char *why)
{
  g_autofree char *shown = g_utf8_substring (item->text, 0, MIN (g_utf8_strlen (item->text, -1), 60));
  char *line;

  g_strdelimit (shown, "\n", ' ');
  /* An arrow's place is its ends'. */
  if (item->cell->edge || item->edge_label_of != NULL)
    line = g_strdup_printf (shown[0] != '\0' ? "%s: %s “%s”: %s" : "%s: %s%s: %s", ctx->page_name,
                            item->shape[0] != '\0' ? item->shape : _("arrow"), shown, why);
  else if (shown[0] != '\0')
    line = g_strdup_printf ("%s: %s “%s” (%.0f, %.0f): %s", ctx->page_name,
                            item->shape[0] != '\0' ? item->shape : _("shape"), shown,
                            item->x, item->y, why);
  else
    line = g_strdup_printf ("%s: %s (%.0f, %.0f): %s", ctx->page_name,
                            item->shape[0] != '\0' ? item->shape : _("shape"),
                            item->x, item->y, why);
  g_ptr_array_add (ctx->unknown, line);
}

/**
 * fm_drawio_add_node:
 *
 * A node of @kind for @item, its middle where the shape's was.
 *
 * Returns: (transfer none): the node, in the map
 */
FmNode *
fm_drawio_add_node (Ctx        *ctx,
                    Item       *item,
                    FmNodeKind  kind,
                    const char *prefix,
                    const char *label)
{
  g_autofree char *id = fm_map_new_id (ctx->map, prefix);
  g_autofree char *cut = NULL;
  FmNode *node = fm_node_new (kind, id);
  double cx = (item->x + item->w / 2) * FM_DRAWIO_SCALE;
  double cy = (item->y + item->h / 2) * FM_DRAWIO_SCALE;

  if (g_utf8_strlen (label, -1) > FM_MAX_TEXT_CHARS)
    label = cut = g_utf8_substring (label, 0, FM_MAX_TEXT_CHARS);
  fm_node_set_label (node, label);
  fm_node_set_position (node,
                        CLAMP (round (cx - fm_node_get_width (node) / 2), -FM_MAX_COORDINATE, FM_MAX_COORDINATE),
                        CLAMP (round (cy - fm_node_get_height (node) / 2), -FM_MAX_COORDINATE, FM_MAX_COORDINATE));
  fm_map_append_node_quietly (ctx->map, node);
  item->node = node;
  item->used = TRUE;
  g_object_unref (node);
  return node;
}

/* Whether a text cell is part of a hand-drawn timeline: durations, and
 * the words of its totals ("Production Lead Time = 23.6 days"). */
static gboolean
is_timeline_text (Ctx        *ctx,
                  const char *text)
{
  static const char * const words[] = { "lead", "time", "production", "processing",
                                        "process", "value", "added", "non", "va", "nva",
                                        "total", "lt", "pt", "wait", "cycle", NULL };
  g_autoptr(GString) rest = g_string_new (NULL);
  gboolean duration = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      double value;

      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          double seconds;
          g_autofree char *part = NULL;

          fm_drawio_parse_number (&p, &value);
          while (*p == ' ')
            p++;
          while (g_ascii_isalpha (*p))
            p++;
          part = g_strndup (start, p - start);
          if (!fm_drawio_parse_duration (part, ctx->day_length_s, 0, FALSE, &seconds))
            return FALSE;
          duration = TRUE;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *start = p;
          g_autofree char *word = NULL;

          while (g_ascii_isalpha (*p))
            p++;
          word = g_ascii_strdown (start, p - start);
          if (!g_strv_contains (words, word))
            return FALSE;
        }
      else if (strchr (" \n=:-/()", *p) != NULL)
        p++;
      else
        return FALSE;
    }

  return duration;
}

/* Texts to their boxes, data boxes to the step above them. */
static void
attach (Ctx *ctx)
{
  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);
      Item *owner;

      if ((item->role != ROLE_TEXT && item->role != ROLE_OPERATOR) || item->edge_label_of != NULL)
        continue;
      owner = find_owner (ctx, item);
      if (owner == NULL)
        continue;
      if (item->role == ROLE_OPERATOR && owner->role != ROLE_PROCESS)
        continue;
      item->owner = owner;
      item->used = TRUE;
      g_ptr_array_add (owner->attached, item);
    }

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *data = g_ptr_array_index (ctx->items, i);
      Item *best = NULL;
      double best_gap = G_MAXDOUBLE;

      if (data->role != ROLE_DATA)
        continue;
      for (guint j = 0; j < ctx->items->len; j++)
        {
          Item *step = g_ptr_array_index (ctx->items, j);
          double overlap, gap;

          if (step->role != ROLE_PROCESS)
            continue;
          overlap = MIN (step->x + step->w, data->x + data->w) - MAX (step->x, data->x);
          gap = fabs (data->y - (step->y + step->h));
          if (overlap <= 0 || data->y + data->h / 2 <= step->y + step->h / 2)
            continue;
          if (gap < best_gap)
            {
              best = step;
              best_gap = gap;
            }
        }
      if (best == NULL)
        continue;
      data->owner = best;
      data->used = TRUE;
      g_ptr_array_add (best->attached, data);
    }
}

static void
make_nodes (Ctx *ctx)
{
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  g_autoptr(GString) lines = g_string_new (NULL);
  double steps_x = 0;
  guint n_steps = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);

      collect_lines (item, lines);
      switch (item->role)
        {
        case ROLE_PROCESS:
          fm_drawio_make_step (ctx, item);
          steps_x += item->x + item->w / 2;
          n_steps++;
          break;
        case ROLE_QUEUE:
          fm_drawio_make_queue (ctx, item, lines->str);
          break;
        case ROLE_OUTSIDE:
          g_ptr_array_add (outside, item);
          break;
        case ROLE_SYSTEM:
          g_strdelimit (lines->str, "\n", ' ');
          fm_drawio_add_node (ctx, item, FM_NODE_KIND_SYSTEM, "system", lines->str);
          break;
        case ROLE_KAIZEN:
          g_strdelimit (lines->str, "\n", ' ');
          fm_drawio_add_node (ctx, item, FM_NODE_KIND_KAIZEN, "kaizen", lines->str);
          break;
        case ROLE_NOTE:
          fm_drawio_add_node (ctx, item, FM_NODE_KIND_NOTE, "note", lines->str);
          break;
        case ROLE_DATA:
        case ROLE_TEXT:
        case ROLE_OPERATOR:
        case ROLE_PUSH_ARROW:
        case ROLE_TIMELINE:
        case ROLE_OTHER:
        case ROLE_NONE:
        default:
          break;
        }
    }

  /* The supplier on the left starts the flow, the customer on the right
   * ends it; with one, the side of the steps it is on says which. */
  g_ptr_array_sort (outside, fm_drawio_compare_x);
  for (guint i = 0; i < outside->len; i++)
    {
      Item *item = g_ptr_array_index (outside, i);
      gboolean first = i == 0, last = i + 1 == outside->len;
      FmNodeKind kind;

      collect_lines (item, lines);
      /* "Michigan<br>Steel Co." is one name. */
      g_strdelimit (lines->str, "\n", ' ');
      if (outside->len == 1)
        kind = n_steps > 0 && item->x + item->w / 2 > steps_x / n_steps
               ? FM_NODE_KIND_OUTCOME : FM_NODE_KIND_TRIGGER;
      else if (first || last)
        kind = first ? FM_NODE_KIND_TRIGGER : FM_NODE_KIND_OUTCOME;
      else
        {
          fm_drawio_unknown (ctx, item, _("a third supplier or customer: only the leftmost and the rightmost start and end the flow"));
          continue;
        }
      fm_drawio_add_node (ctx, item, kind, kind == FM_NODE_KIND_TRIGGER ? "trigger" : "outcome", lines->str);
      if (kind == FM_NODE_KIND_TRIGGER)
        ctx->trigger = item;
      else
        ctx->outcome = item;
    }
}

int
fm_drawio_compare_x (gconstpointer a,
                     gconstpointer b)
{
  const Item *x = *(Item **) a, *y = *(Item **) b;
  double cx = x->x + x->w / 2, cy = y->x + y->w / 2;

  return cx < cy ? -1 : cx > cy;
}

/* What is left over is named, so that nothing is lost without a word. */
static void
report_rest (Ctx *ctx)
{
  guint timeline = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);

      if (item->used)
        continue;
      if (item->cell->edge)
        {
          g_autofree char *mark = fm_drawio_style_get (item->cell->style, "flowmapTimeline");

          if (g_strcmp0 (mark, "1") == 0)
            timeline++;
          continue;
        }
      if (item->role == ROLE_TIMELINE ||
          (item->role == ROLE_TEXT && is_timeline_text (ctx, item->text)))
        timeline++;
      else if (item->edge_label_of != NULL)
        fm_drawio_unknown (ctx, item, _("the label of an arrow is left out"));
      else if (item->role == ROLE_DATA)
        fm_drawio_unknown (ctx, item, _("a data box with no process box above it"));
      else if (item->role == ROLE_PUSH_ARROW)
        fm_drawio_unknown (ctx, item, _("a push arrow between no two boxes of the flow"));
      else if (item->role == ROLE_TEXT && item->text[0] == '\0')
        continue;
      else if (item->role == ROLE_TEXT)
        fm_drawio_unknown (ctx, item, _("a text that belongs to no box is left out"));
      else
        fm_drawio_unknown (ctx, item, _("not a shape of the Value Stream Mapping palette that Flowmap reads"));
    }

  if (timeline > 0)
    g_ptr_array_add (ctx->unknown,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: the hand-drawn timeline (%u shape) is left out: Flowmap draws its own from the figures",
                                                   "%s: the hand-drawn timeline (%u shapes) is left out: Flowmap draws its own from the figures",
                                                   timeline),
                                      ctx->page_name, timeline));
}

/**
 * fm_drawio_page_to_map:
 * @document: the document the map is for: its day length reads "days",
 *   and its available time is set from the data boxes' "Avail="
 * @unknown: (element-type utf8): receives a line for each shape, text or
 *   arrow that is not part of the map
 *
 * Returns: (transfer full): the map
 */
FmMap *
fm_drawio_page_to_map (FmDrawioPage *page,
                       FmDocument   *document,
                       const char   *map_id,
                       GPtrArray    *unknown)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FmMap) map = fm_map_new (map_id);
  Ctx ctx = { 0 };

  ctx.page_name = page->name != NULL && page->name[0] != '\0' ? page->name : map_id;
  ctx.items = items;
  ctx.by_id = by_id;
  ctx.map = map;
  ctx.document = document;
  ctx.unknown = unknown;
  ctx.day_length_s = fm_document_get_day_length_s (document);
  ctx.available_s = FM_UNSET;
  fm_map_set_name (map, ctx.page_name);

  for (guint i = 0; i < page->cells->len; i++)
    {
      FmDrawioCell *cell = g_ptr_array_index (page->cells, i);
      Item *item;
      g_autofree char *html = NULL;

      if (!cell->vertex && !cell->edge)
        continue;
      item = g_new0 (Item, 1);
      item->cell = cell;
      item->shape = fm_drawio_shape_name (cell->style);
      item->role = cell->edge ? ROLE_NONE : role_for_shape (item->shape, cell->style);
      html = fm_drawio_style_get (cell->style, "html");
      item->text = fm_drawio_plain_text (cell->value, g_strcmp0 (html, "1") == 0);
      item->attached = g_ptr_array_new ();
      g_ptr_array_add (items, item);
      if (cell->id != NULL)
        g_hash_table_insert (by_id, cell->id, item);
    }

  for (guint i = 0; i < items->len; i++)
    place (&ctx, g_ptr_array_index (items, i));

  fm_drawio_find_shift (&ctx);
  attach (&ctx);
  make_nodes (&ctx);
  fm_drawio_make_edges (&ctx);
  report_rest (&ctx);

  fm_map_flush_appends (map);
  return g_steal_pointer (&map);
}
