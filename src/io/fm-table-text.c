/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-text.c: a map's steps and queues as a table of text, pasted and copied
 *
 * The table view (src/ui/fm-table-view.c) lists a map's steps and queues in
 * flow order, one row each. What a spreadsheet puts on the clipboard is
 * tab-separated text, quoted as RFC 4180 quotes CSV when a cell holds a
 * tab, a line break or a quote; a first row that names the columns says
 * which column is which. Pasted rows over existing rows change them,
 * further rows add steps (or queues) connected after the last one, all as
 * one undo step. No widget is needed for any of it, so the tests of what
 * a paste does need no display; how a cell's text reads comes from the
 * caller (FmTableCodec), since those rules are the inspector's.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-table"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-limits.h"
#include "fm-map-order.h"
#include "fm-table-text-private.h"

typedef struct {
  const char *title;          /* shown, translated; copied as the header */
  const char *property;       /* of the node, NULL for the kind */
  const char *names;          /* English header names that mean it, '|' between */
} ColumnInfo;

static const ColumnInfo columns[FM_TABLE_N_COLUMNS] = {
  [FM_TABLE_KIND] = { N_("Kind"), NULL, "kind|type" },
  [FM_TABLE_LABEL] = { N_("Label"), "label", "label|name|step|activity|process step" },
  [FM_TABLE_ROLE] = { N_("Role"), "role", "role|lane|team|who" },
  [FM_TABLE_PEOPLE] = { N_("People"), "people", "people|staff|headcount|persons|operators" },
  [FM_TABLE_PROCESS] = { N_("Process Time"), "process-s", "process time|process|pt|p/t|touch time|work time" },
  [FM_TABLE_LEAD] = { N_("Lead Time"), "lead-s", "lead time|lead|lt|l/t|elapsed time" },
  [FM_TABLE_WAIT] = { N_("Wait"), "wait-s", "wait|wait time|waiting|waiting time|delay" },
  [FM_TABLE_ITEMS] = { N_("Items"), "items", "items|inventory|items waiting|queue size" },
  [FM_TABLE_PCA] = { N_("%C&A"), "pca", "%c&a|% c&a|c&a|pca|%ca|complete and accurate|"
                                          "% complete and accurate|percent complete and accurate" },
};

G_DEFINE_QUARK (fm-table-error-quark, fm_table_error)

const char *
fm_table_column_title (FmTableColumn column)
{
  g_return_val_if_fail (column < FM_TABLE_N_COLUMNS, NULL);

  return _(columns[column].title);
}

/* Returns: (nullable): the node property of @column; NULL for the kind */
const char *
fm_table_column_property (FmTableColumn column)
{
  g_return_val_if_fail (column < FM_TABLE_N_COLUMNS, NULL);

  return columns[column].property;
}

gboolean
fm_table_is_row_kind (FmNodeKind kind)
{
  return kind == FM_NODE_KIND_PROCESS || kind == FM_NODE_KIND_QUEUE;
}

/**
 * fm_table_column_applies:
 *
 * Returns: whether a row of @kind has the cell of @column: a step has no
 *   wait and a queue no process time, so those cells are not edited
 */
gboolean
fm_table_column_applies (FmTableColumn column,
                         FmNodeKind    kind)
{
  switch (column)
    {
    case FM_TABLE_KIND:
    case FM_TABLE_LABEL:
      return TRUE;
    case FM_TABLE_WAIT:
    case FM_TABLE_ITEMS:
      return kind == FM_NODE_KIND_QUEUE;
    case FM_TABLE_ROLE:
    case FM_TABLE_PEOPLE:
    case FM_TABLE_PROCESS:
    case FM_TABLE_LEAD:
    case FM_TABLE_PCA:
      return kind == FM_NODE_KIND_PROCESS;
    case FM_TABLE_N_COLUMNS:
    default:
      return FALSE;
    }
}

/* Lower case, spaces collapsed, and a unit in brackets at the end left
 * out: "Process time (h)" names the process time. */
static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  char *bracket = strchr (folded, '(');

  if (bracket != NULL && bracket != folded)
    *bracket = '\0';
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * fm_table_column_from_name:
 *
 * Reads a header cell: a column's title as shown (in the user's language)
 * or one of the English names a spreadsheet would give it, in any case.
 *
 * Returns: whether @name names a column
 */
gboolean
fm_table_column_from_name (const char    *name,
                           FmTableColumn *column)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  wanted = normalize_name (name);
  if (*wanted == '\0')
    return FALSE;

  for (guint c = 0; c < FM_TABLE_N_COLUMNS; c++)
    {
      g_autofree char *title = normalize_name (_(columns[c].title));
      g_auto(GStrv) names = g_strsplit (columns[c].names, "|", -1);

      if (g_str_equal (title, wanted) || g_strv_contains ((const char * const *) names, wanted))
        {
          *column = c;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fm_table_kind_title (FmNodeKind kind)
{
  return kind == FM_NODE_KIND_QUEUE ? _("Queue") : _("Step");
}

/* What a pasted Kind cell says: a step, a queue or neither. */
gboolean
fm_table_kind_from_text (const char *text,
                         FmNodeKind *kind)
{
  static const char *queues[] = { "queue", "wait", "waiting", "inventory", NULL };
  static const char *steps[] = { "step", "process", "process step", "activity", "task", NULL };
  g_autofree char *name = normalize_name (text);
  g_autofree char *queue = normalize_name (fm_table_kind_title (FM_NODE_KIND_QUEUE));
  g_autofree char *step = normalize_name (fm_table_kind_title (FM_NODE_KIND_PROCESS));

  if (g_str_equal (name, queue) || g_strv_contains (queues, name))
    *kind = FM_NODE_KIND_QUEUE;
  else if (g_str_equal (name, step) || g_strv_contains (steps, name))
    *kind = FM_NODE_KIND_PROCESS;
  else
    return FALSE;

  return TRUE;
}

/**
 * fm_table_rows:
 *
 * Returns: (transfer container) (element-type FmNode): the map's steps and
 *   queues in flow order (fm_map_flow_order()), the table's rows
 */
GPtrArray *
fm_table_rows (FmMap *map)
{
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  order = fm_map_flow_order (map);
  rows = g_ptr_array_sized_new (order->len);
  for (guint i = 0; i < order->len; i++)
    if (fm_table_is_row_kind (fm_node_get_kind (order->pdata[i])))
      g_ptr_array_add (rows, order->pdata[i]);

  return rows;
}

/**
 * fm_table_cell_text:
 *
 * Returns: (transfer full): the text of @node's cell in @column, as the
 *   inspector writes it; empty when the cell does not apply
 */
char *
fm_table_cell_text (FmNode             *node,
                    FmTableColumn       column,
                    const FmTableCodec *codec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (FM_IS_NODE (node), NULL);
  g_return_val_if_fail (column < FM_TABLE_N_COLUMNS, NULL);

  if (column == FM_TABLE_KIND)
    return g_strdup (fm_table_kind_title (fm_node_get_kind (node)));
  if (!fm_table_column_applies (column, fm_node_get_kind (node)))
    return g_strdup ("");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), columns[column].property);
  g_return_val_if_fail (pspec != NULL, g_strdup (""));
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (node), pspec->name, &value);

  return codec->format (column, &value, codec->user_data);
}

/* A cell as a spreadsheet reads it back: quoted when it holds a tab, a
 * line break or a quote, or begins or ends with a space. */
static void
append_cell (GString    *out,
             const char *text)
{
  gsize len = strlen (text);

  if (strpbrk (text, "\t\r\n\"") == NULL &&
      (len == 0 || (text[0] != ' ' && text[len - 1] != ' ')))
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * fm_table_copy_text:
 *
 * Returns: (transfer full): the whole table as tab-separated text, the
 *   columns' titles first, each line ended by a line feed
 */
char *
fm_table_copy_text (FmMap              *map,
                    const FmTableCodec *codec)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (codec != NULL, NULL);

  for (guint c = 0; c < FM_TABLE_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, '\t');
      append_cell (out, fm_table_column_title (c));
    }
  g_string_append_c (out, '\n');

  rows = fm_table_rows (map);
  for (guint r = 0; r < rows->len; r++)
    {
      for (guint c = 0; c < FM_TABLE_N_COLUMNS; c++)
        {
          g_autofree char *text = fm_table_cell_text (rows->pdata[r], c, codec);

          if (c > 0)
            g_string_append_c (out, '\t');
          append_cell (out, text);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Returns: whether @text is NULL or only white space */
gboolean
fm_table_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Returns: whether every cell of @row is blank */
gboolean
fm_table_row_is_blank (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (!fm_table_is_blank (row[i]))
      return FALSE;
  return TRUE;
}

/* Tab-separated rows, with quoted cells as spreadsheets write them. */
static GPtrArray *
split_rows (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean row_open = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && cell->len == 0)
        {
          /* A quoted cell: "" is a quote; what follows the closing quote
           * up to the next tab belongs to the cell as it is. */
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (cell, *p);
            }
          row_open = TRUE;
          continue;
        }
      if (*p == '\t')
        {
          g_strv_builder_add (row, cell->str);
          g_string_truncate (cell, 0);
          row_open = TRUE;
        }
      else if (*p == '\n' || *p == '\r')
        {
          g_strv_builder_add (row, cell->str);
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          row_open = FALSE;
          if (*p == '\r' && p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (cell, *p);
          row_open = TRUE;
        }
      p++;
    }
  if (row_open)
    {
      g_strv_builder_add (row, cell->str);
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }

  /* A spreadsheet ends its text with a line break, and may add blank lines. */
  while (rows->len > 0 && fm_table_row_is_blank (rows->pdata[rows->len - 1]))
    g_ptr_array_remove_index (rows, rows->len - 1);

  return rows;
}

/* A first row is a header when at least half of its cells that say
 * something name a column. */
static gboolean
read_header (char          **row,
             FmTableColumn **out_columns,
             guint          *n_out)
{
  guint n = g_strv_length (row), named = 0, filled = 0;
  g_autofree FmTableColumn *found = g_new (FmTableColumn, MAX (n, 1));
  gboolean seen[FM_TABLE_N_COLUMNS] = { FALSE, };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (row[i]));
      FmTableColumn column;

      found[i] = FM_TABLE_IGNORED;
      if (*stripped == '\0')
        continue;
      filled++;
      if (!fm_table_column_from_name (stripped, &column))
        continue;
      named++;
      /* A column named twice is read once, from the first. */
      if (!seen[column])
        found[i] = column;
      seen[column] = TRUE;
    }

  if (named == 0 || named * 2 < filled)
    return FALSE;

  *out_columns = g_steal_pointer (&found);
  *n_out = n;
  return TRUE;
}

/**
 * fm_table_paste_parse:
 * @first_column: the column the first pasted column goes into, when the
 *   text has no header row
 *
 * Reads tab-separated text as rows of the table.
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 *   when there is nothing to paste or more than a map may hold
 */
FmTablePaste *
fm_table_paste_parse (const char     *text,
                      FmTableColumn   first_column,
                      GError        **error)
{
  g_autoptr(FmTablePaste) paste = g_new0 (FmTablePaste, 1);

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (first_column < FM_TABLE_N_COLUMNS, NULL);

  paste->rows = split_rows (text);
  if (paste->rows->len > 0 &&
      read_header (paste->rows->pdata[0], &paste->columns, &paste->n_columns))
    {
      paste->has_header = TRUE;
      g_ptr_array_remove_index (paste->rows, 0);
    }
  else
    {
      paste->n_columns = 0;
      for (guint r = 0; r < paste->rows->len; r++)
        paste->n_columns = MAX (paste->n_columns, g_strv_length (paste->rows->pdata[r]));
      paste->columns = g_new (FmTableColumn, MAX (paste->n_columns, 1));
      for (guint i = 0; i < paste->n_columns; i++)
        paste->columns[i] = first_column + i < FM_TABLE_N_COLUMNS ? first_column + i : FM_TABLE_IGNORED;
    }

  if (paste->rows->len == 0)
    {
      g_set_error_literal (error, FM_TABLE_ERROR, FM_TABLE_ERROR_EMPTY,
                           _("The clipboard holds no rows to paste"));
      return NULL;
    }
  if (paste->rows->len > FM_MAX_NODES)
    {
      g_set_error (error, FM_TABLE_ERROR, FM_TABLE_ERROR_TOO_LARGE,
                   _("The clipboard holds %u rows; a map holds at most %u steps and queues"),
                   paste->rows->len, (guint) FM_MAX_NODES);
      return NULL;
    }

  return g_steal_pointer (&paste);
}

void
fm_table_paste_free (FmTablePaste *paste)
{
  if (paste == NULL)
    return;

  g_clear_pointer (&paste->rows, g_ptr_array_unref);
  g_free (paste->columns);
  g_free (paste);
}

guint
fm_table_paste_get_n_rows (FmTablePaste *paste)
{
  g_return_val_if_fail (paste != NULL, 0);

  return paste->rows->len;
}

gboolean
fm_table_paste_has_header (FmTablePaste *paste)
{
  g_return_val_if_fail (paste != NULL, FALSE);

  return paste->has_header;
}

guint
fm_table_paste_get_n_columns (FmTablePaste *paste)
{
  g_return_val_if_fail (paste != NULL, 0);

  return paste->n_columns;
}

/* Returns: the column pasted column @i goes into, or FM_TABLE_IGNORED */
FmTableColumn
fm_table_paste_get_column (FmTablePaste *paste,
                           guint         i)
{
  g_return_val_if_fail (paste != NULL, FM_TABLE_IGNORED);
  g_return_val_if_fail (i < paste->n_columns, FM_TABLE_IGNORED);

  return paste->columns[i];
}

/* Returns: (nullable): the text of pasted column @i in @row; NULL past the
 *   end of a short row */
const char *
fm_table_paste_get_cell (FmTablePaste *paste,
                         guint         row,
                         guint         i)
{
  char **cells;

  g_return_val_if_fail (paste != NULL, NULL);
  g_return_val_if_fail (row < paste->rows->len, NULL);

  cells = paste->rows->pdata[row];
  return i < g_strv_length (cells) ? cells[i] : NULL;
}
