/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-paste.c: rows pasted into the table, as one undo step
 *
 * What fm_table_paste_parse() read (fm-table-text.c) goes over the table's
 * rows and past them, through the document's commands in one group, so
 * that a paste is undone at once and a paste that fails changes nothing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-table"

#include <glib/gi18n-lib.h>

#include "fm-edge.h"
#include "fm-limits.h"
#include "fm-map-order.h"
#include "fm-map-place.h"
#include "fm-table-text-private.h"

/* The line of the pasted text row @r came from, as a spreadsheet numbers it. */
static guint
line_of (FmTablePaste *paste,
         guint         r)
{
  return r + 1 + (paste->has_header ? 1 : 0);
}

static const char *
cell_of (FmTablePaste  *paste,
         guint          r,
         FmTableColumn  column)
{
  for (guint i = 0; i < paste->n_columns; i++)
    if (paste->columns[i] == column)
      return fm_table_paste_get_cell (paste, r, i);
  return NULL;
}

/* What a new row is: as its Kind cell says; else a queue when it has only
 * a queue's figures, a step otherwise. */
static gboolean
new_row_kind (FmTablePaste  *paste,
              guint          r,
              FmNodeKind    *kind,
              GError       **error)
{
  const char *said = cell_of (paste, r, FM_TABLE_KIND);
  gboolean queue_only = FALSE, step_only = FALSE;

  if (!fm_table_is_blank (said))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (said));

      if (fm_table_kind_from_text (said, kind))
        return TRUE;
      g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_VALUE,
                   /* Translators: "Line 3, Kind: “Box” is neither Step nor Queue" */
                   _("Line %u, %s: “%s” is neither %s nor %s"), line_of (paste, r),
                   fm_table_column_title (FM_TABLE_KIND), stripped,
                   fm_table_kind_title (FM_NODE_KIND_PROCESS), fm_table_kind_title (FM_NODE_KIND_QUEUE));
      return FALSE;
    }

  for (guint c = FM_TABLE_ROLE; c < FM_TABLE_N_COLUMNS; c++)
    if (!fm_table_is_blank (cell_of (paste, r, c)))
      {
        if (fm_table_column_applies (c, FM_NODE_KIND_QUEUE))
          queue_only = TRUE;
        else
          step_only = TRUE;
      }

  *kind = queue_only && !step_only ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS;
  return TRUE;
}

/* Adds a node of @kind after @last, joined to it by a flow edge. */
static FmNode *
add_row_node (FmDocument *document,
              FmMap      *map,
              FmNodeKind  kind,
              FmNode     *last,
              double      grid)
{
  g_autofree char *id = fm_map_new_id (map, fm_node_kind_to_string (kind));
  g_autoptr(FmNode) node = fm_node_new (kind, id);
  FmRect r = { 0, 0, fm_node_get_width (node), fm_node_get_height (node) };

  fm_map_place_after (map, last, grid, &r);
  fm_node_set_position (node, r.x, r.y);
  fm_document_add_node (document, map, node);

  if (last != NULL)
    {
      g_autofree char *edge_id = fm_map_new_id (map, "edge");
      g_autoptr(FmEdge) edge = fm_edge_new (edge_id, fm_node_get_id (last), id, FM_EDGE_KIND_FLOW);

      fm_document_add_edge (document, map, edge);
    }

  return fm_map_lookup_node (map, id);
}

/* Sets the cells of pasted row @r on @node. */
static gboolean
apply_row (FmTablePaste       *paste,
           guint               r,
           FmDocument         *document,
           FmMap              *map,
           FmNode             *node,
           const FmTableCodec *codec,
           GError            **error)
{
  FmNodeKind kind = fm_node_get_kind (node);

  for (guint i = 0; i < paste->n_columns; i++)
    {
      FmTableColumn column = paste->columns[i];
      const char *text = fm_table_paste_get_cell (paste, r, i);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *hint = NULL;
      GParamSpec *pspec;

      if (column == FM_TABLE_IGNORED || text == NULL)
        continue;

      if (column == FM_TABLE_KIND)
        {
          FmNodeKind said;

          /* A row copied and pasted back says what it is; a step cannot
           * become a queue by a paste. */
          if (!fm_table_is_blank (text) && (!fm_table_kind_from_text (text, &said) || said != kind))
            {
              g_autofree char *stripped = g_strstrip (g_strdup (text));

              g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_VALUE,
                           /* Translators: "Line 3, Kind: “Queue” goes over “Review”, which is a Step" */
                           _("Line %u, %s: “%s” goes over “%s”, which is a %s"), line_of (paste, r),
                           fm_table_column_title (FM_TABLE_KIND), stripped,
                           fm_node_get_label (node), fm_table_kind_title (kind));
              return FALSE;
            }
          continue;
        }

      if (!fm_table_column_applies (column, kind))
        {
          if (fm_table_is_blank (text))
            continue;
          g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_VALUE,
                       /* Translators: "Line 4: a Queue has no Process Time" */
                       _("Line %u: a %s has no %s"), line_of (paste, r),
                       fm_table_kind_title (kind), fm_table_column_title (column));
          return FALSE;
        }

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), fm_table_column_property (column));
      g_assert (pspec != NULL);
      g_value_init (&value, pspec->value_type);
      if (!codec->parse (column, pspec, text, &value, &hint, codec->user_data))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_VALUE,
                       /* Translators: "Line 3, Process Time: “2 x”: Type a duration such as …" */
                       _("Line %u, %s: “%s”: %s"), line_of (paste, r),
                       fm_table_column_title (column), stripped,
                       hint != NULL ? hint : _("this does not read as a value"));
          return FALSE;
        }

      if (codec->set != NULL)
        codec->set (document, map, node, pspec->name, &value, codec->user_data);
      else
        fm_document_set_value_full (document, map, fm_node_get_id (node), pspec->name, &value, FALSE);
    }

  return TRUE;
}

/* The node new rows follow: the table's last row, or else the trigger. */
static FmNode *
end_of_flow (FmMap     *map,
             GPtrArray *rows)
{
  g_autoptr(GPtrArray) order = NULL;
  FmNode *last = NULL;

  if (rows->len > 0)
    return rows->pdata[rows->len - 1];

  order = fm_map_flow_order (map);
  for (guint i = 0; i < order->len; i++)
    if (fm_node_get_kind (order->pdata[i]) == FM_NODE_KIND_TRIGGER)
      last = order->pdata[i];

  return last;
}

/**
 * fm_table_paste_apply:
 * @first_row: the table row the first pasted row goes over
 * @grid: the grid new rows' nodes snap to, or 0
 *
 * Puts the pasted rows into the table as one undo step: rows over
 * existing rows change their cells (an empty cell clears a figure), the
 * rest add steps, or queues, each after the last with a flow edge, placed
 * as fm_map_place_after() places them. A row left blank changes nothing
 * and adds nothing. Nothing changes when a cell does not read, or holds a
 * figure its row does not have.
 *
 * Returns: %FALSE with @error set (FM_TABLE_ERROR_VALUE, naming the line,
 *   the column and what it takes) when nothing was changed
 */
gboolean
fm_table_paste_apply (FmTablePaste        *paste,
                      FmDocument          *document,
                      FmMap               *map,
                      guint                first_row,
                      double               grid,
                      const FmTableCodec  *codec,
                      GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  FmNode *last;
  guint row;

  g_return_val_if_fail (paste != NULL, FALSE);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (codec != NULL && codec->parse != NULL, FALSE);

  rows = fm_table_rows (map);
  first_row = MIN (first_row, rows->len);
  if (fm_map_get_n_nodes (map) + paste->rows->len > FM_MAX_NODES)
    {
      g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_TOO_LARGE,
                   _("The clipboard holds %u rows; a map holds at most %u steps and queues"),
                   paste->rows->len, (guint) FM_MAX_NODES);
      return FALSE;
    }

  last = end_of_flow (map, rows);
  row = first_row;
  fm_document_begin_group (document, _("Paste Table"));
  for (guint r = 0; r < paste->rows->len; r++)
    {
      FmNode *node;

      if (fm_table_row_is_blank (paste->rows->pdata[r]))
        {
          row++;
          continue;
        }

      if (row < rows->len)
        node = rows->pdata[row];
      else
        {
          FmNodeKind kind;

          if (!new_row_kind (paste, r, &kind, error))
            {
              fm_document_cancel_group (document);
              return FALSE;
            }
          node = add_row_node (document, map, kind, last, grid);
          last = node;
        }
      row++;

      if (!apply_row (paste, r, document, map, node, codec, error))
        {
          fm_document_cancel_group (document);
          return FALSE;
        }
    }
  fm_document_end_group (document);

  return TRUE;
}
