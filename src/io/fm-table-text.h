/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-text.h: a map's steps and queues as a table of text, pasted and copied */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

/* The table's columns, in the order the table view shows them. */
typedef enum {
  FM_TABLE_KIND,       /* step or queue: not editable, chosen for new rows */
  FM_TABLE_LABEL,
  FM_TABLE_ROLE,
  FM_TABLE_PEOPLE,
  FM_TABLE_PROCESS,
  FM_TABLE_LEAD,
  FM_TABLE_WAIT,
  FM_TABLE_ITEMS,
  FM_TABLE_PCA,
  FM_TABLE_N_COLUMNS
} FmTableColumn;

#define FM_TABLE_IGNORED FM_TABLE_N_COLUMNS   /* a pasted column no header names */

#define FM_TABLE_ERROR (fm_table_error_quark ())

typedef enum {
  FM_TABLE_ERROR_EMPTY,      /* no text, or no row to paste */
  FM_TABLE_ERROR_TOO_LARGE,  /* more rows than a map may have nodes */
  FM_TABLE_ERROR_VALUE,      /* a cell that does not read, or does not apply */
} FmTableError;

/* How a cell's text reads and is written: the inspector's rules, which
 * live with the widgets that show them (src/ui/fm-inspector-fields.c). */
typedef struct {
  /* Reads @text into @value (initialised to @pspec's type); on failure
   * sets @hint to the sentence that says what the cell takes. */
  gboolean (*parse)  (FmTableColumn  column,
                      GParamSpec    *pspec,
                      const char    *text,
                      GValue        *value,
                      char         **hint,
                      gpointer       user_data);
  char    *(*format) (FmTableColumn  column,
                      const GValue  *value,
                      gpointer       user_data);
  /* (nullable) How a value is set, when not by fm_document_set_value_full(). */
  void     (*set)    (FmDocument    *document,
                      FmMap         *map,
                      FmNode        *node,
                      const char    *property,
                      const GValue  *value,
                      gpointer       user_data);
  gpointer user_data;
} FmTableCodec;

typedef struct _FmTablePaste FmTablePaste;

GQuark         fm_table_error_quark      (void);

const char    *fm_table_column_title     (FmTableColumn  column);
const char    *fm_table_column_property  (FmTableColumn  column);
gboolean       fm_table_column_applies   (FmTableColumn  column,
                                          FmNodeKind     kind);
gboolean       fm_table_column_from_name (const char    *name,
                                          FmTableColumn *column);
const char    *fm_table_kind_title       (FmNodeKind     kind);
gboolean       fm_table_is_row_kind      (FmNodeKind     kind);

GPtrArray     *fm_table_rows             (FmMap         *map);
char          *fm_table_cell_text        (FmNode        *node,
                                          FmTableColumn  column,
                                          const FmTableCodec *codec);
char          *fm_table_copy_text        (FmMap         *map,
                                          const FmTableCodec *codec);

FmTablePaste  *fm_table_paste_parse      (const char    *text,
                                          FmTableColumn  first_column,
                                          GError       **error);
void           fm_table_paste_free       (FmTablePaste  *paste);
guint          fm_table_paste_get_n_rows (FmTablePaste  *paste);
gboolean       fm_table_paste_has_header (FmTablePaste  *paste);
FmTableColumn  fm_table_paste_get_column (FmTablePaste  *paste,
                                          guint          i);
guint          fm_table_paste_get_n_columns (FmTablePaste *paste);
const char    *fm_table_paste_get_cell   (FmTablePaste  *paste,
                                          guint          row,
                                          guint          i);
gboolean       fm_table_paste_apply      (FmTablePaste  *paste,
                                          FmDocument    *document,
                                          FmMap         *map,
                                          guint          first_row,
                                          double         grid,
                                          const FmTableCodec *codec,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmTablePaste, fm_table_paste_free)

G_END_DECLS
