/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-edges.c: the arrows of a draw.io page, and the flow of one
 * whose boxes are not connected
 *
 * The palette's info flows are edges; its push arrow is a loose shape
 * placed between two boxes, and many maps connect nothing at all. When no
 * arrow carries material, the trigger, the queues and steps in reading
 * order (left to right, row by row) and the outcome are connected, each
 * link a push where a push arrow lies between its ends.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-drawio-map-private.h"
#include "fm-map-private.h"

/* The box an arrow's end stands for: a title cell's or a data box's step. */
static Item *
resolve_end (Ctx        *ctx,
             const char *id)
{
  Item *item = id != NULL ? g_hash_table_lookup (ctx->by_id, id) : NULL;

  for (guint depth = 0; item != NULL && depth < 8; depth++)
    {
      if (item->role == ROLE_DATA && item->owner != NULL)
        item = item->owner;
      else if (item->node != NULL)
        return item;
      else if (item->owner != NULL)
        item = item->owner;
      else
        item = item->parent;
    }

  return NULL;
}

static gboolean
is_flow_node (FmNode *node)
{
  FmNodeKind kind = fm_node_get_kind (node);

  return kind == FM_NODE_KIND_TRIGGER || kind == FM_NODE_KIND_OUTCOME ||
         kind == FM_NODE_KIND_PROCESS || kind == FM_NODE_KIND_QUEUE;
}

/* A push arrow drawn between @a and @b, marked as used. */
static gboolean
push_between (Ctx  *ctx,
              Item *a,
              Item *b)
{
  double left = MIN (a->x + a->w / 2, b->x + b->w / 2);
  double right = MAX (a->x + a->w / 2, b->x + b->w / 2);
  /* Beside both: the rows they share, not the page between them. */
  double top = MAX (a->y, b->y), bottom = MIN (a->y + a->h, b->y + b->h);

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *arrow = g_ptr_array_index (ctx->items, i);
      double cx = arrow->x + arrow->w / 2, cy = arrow->y + arrow->h / 2;

      if (arrow->role != ROLE_PUSH_ARROW)
        continue;
      if (cx > left && cx < right && cy >= top - arrow->h && cy <= bottom + arrow->h)
        {
          arrow->used = TRUE;
          return TRUE;
        }
    }

  return FALSE;
}

static FmEdge *
add_edge (Ctx        *ctx,
          GHashTable *seen,
          Item       *from,
          Item       *to,
          FmEdgeKind  kind)
{
  g_autofree char *id = NULL;
  g_autoptr(FmEdge) edge = NULL;
  char *key = g_strdup_printf ("%s\n%s\n%d", fm_node_get_id (from->node), fm_node_get_id (to->node), kind);

  if (!g_hash_table_add (seen, key))
    return NULL;

  id = fm_map_new_id (ctx->map, "edge");
  edge = fm_edge_new (id, fm_node_get_id (from->node), fm_node_get_id (to->node), kind);
  fm_map_append_edge_quietly (ctx->map, edge);
  return edge;
}

static FmEdgeKind
edge_kind (Item   *edge,
           FmNode *from,
           FmNode *to)
{
  g_autofree char *mark = fm_drawio_style_get (edge->cell->style, "flowmapKind");
  FmEdgeKind kind;

  /* What Flowmap's export wrote, where the palette has no arrow for it. */
  if (mark != NULL && fm_edge_kind_from_string (mark, &kind))
    return kind;
  if (strstr (edge->shape, "electronic_info_flow") != NULL)
    return FM_EDGE_KIND_ELECTRONIC;
  if (strstr (edge->shape, "manual_info_flow") != NULL)
    return FM_EDGE_KIND_INFO;
  if (!is_flow_node (from) || !is_flow_node (to))
    return FM_EDGE_KIND_INFO;
  if (strstr (edge->shape, "push") != NULL)
    return FM_EDGE_KIND_PUSH;
  return FM_EDGE_KIND_FLOW;
}

static int
compare_x (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  return fm_drawio_compare_x (a, b);
}

/* The queues and steps in reading order: rows by their vertical extent,
 * each from left to right. */
static GPtrArray *
reading_order (Ctx *ctx)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GPtrArray *ordered = g_ptr_array_new ();
  guint row_start = 0;
  double row_bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);

      if (item->node != NULL && (item->role == ROLE_PROCESS || item->role == ROLE_QUEUE))
        g_ptr_array_add (boxes, item);
    }
  g_ptr_array_sort (boxes, fm_drawio_compare_reading);

  for (guint i = 0; i <= boxes->len; i++)
    {
      Item *item = i < boxes->len ? g_ptr_array_index (boxes, i) : NULL;

      if (item == NULL || item->y + item->h / 2 > row_bottom)
        {
          /* The row that ends here, left to right. */
          if (i > row_start)
            {
              gpointer *row = boxes->pdata + row_start;

              g_qsort_with_data (row, i - row_start, sizeof (gpointer), compare_x, NULL);
              for (guint j = 0; j < i - row_start; j++)
                g_ptr_array_add (ordered, row[j]);
            }
          row_start = i;
          if (item != NULL)
            row_bottom = item->y + item->h;
        }
      else
        row_bottom = MAX (row_bottom, item->y + item->h);
    }

  return ordered;
}

static void
connect_in_reading_order (Ctx        *ctx,
                          GHashTable *seen)
{
  g_autoptr(GPtrArray) chain = reading_order (ctx);
  guint n_edges = 0;

  if (ctx->trigger != NULL)
    g_ptr_array_insert (chain, 0, ctx->trigger);
  if (ctx->outcome != NULL)
    g_ptr_array_add (chain, ctx->outcome);

  for (guint i = 0; i + 1 < chain->len; i++)
    {
      Item *a = g_ptr_array_index (chain, i), *b = g_ptr_array_index (chain, i + 1);

      if (add_edge (ctx, seen, a, b, push_between (ctx, a, b) ? FM_EDGE_KIND_PUSH : FM_EDGE_KIND_FLOW) != NULL)
        n_edges++;
    }

  if (n_edges > 0)
    g_ptr_array_add (ctx->unknown,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: no arrow carries material: the supplier, inventories, steps and customer are connected in reading order (%u arrow)",
                                                   "%s: no arrow carries material: the supplier, inventories, steps and customer are connected in reading order (%u arrows)",
                                                   n_edges),
                                      ctx->page_name, n_edges));
}

/**
 * fm_drawio_make_edges:
 *
 * The page's arrows between the map's nodes: the palette's info flows as
 * info and electronic edges, arrows to a system or a kaizen as info, the
 * others as flow (push with the push arrow's style). Then the material
 * flow in reading order when no arrow carries it.
 */
void
fm_drawio_make_edges (Ctx *ctx)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean material = FALSE;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);
      Item *from, *to;
      FmEdgeKind kind;
      FmEdge *edge;

      if (!item->cell->edge || item->role == ROLE_TIMELINE)
        continue;
      from = resolve_end (ctx, item->cell->source);
      to = resolve_end (ctx, item->cell->target);
      if (from == NULL || to == NULL || from->node == to->node)
        {
          fm_drawio_unknown (ctx, item, _("an arrow that does not join two boxes of the map"));
          continue;
        }

      kind = edge_kind (item, from->node, to->node);
      if (kind == FM_EDGE_KIND_FLOW && push_between (ctx, from, to))
        kind = FM_EDGE_KIND_PUSH;
      edge = add_edge (ctx, seen, from, to, kind);
      item->used = TRUE;
      if (edge != NULL && fm_edge_is_flow (edge))
        material = TRUE;
      if (item->text[0] != '\0')
        fm_drawio_unknown (ctx, item, _("the label of an arrow is left out"));
    }

  if (!material)
    connect_in_reading_order (ctx, seen);
}
