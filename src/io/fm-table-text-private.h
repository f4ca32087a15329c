/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-text-private.h: what fm-table-text.c and fm-table-paste.c share */
#pragma once

#include "fm-table-text.h"

G_BEGIN_DECLS

struct _FmTablePaste
{
  GPtrArray *rows;            /* GStrv each, the header left out */
  FmTableColumn *columns;     /* what each pasted column is */
  guint n_columns;
  gboolean has_header;
};

gboolean  fm_table_is_blank        (const char  *text);
gboolean  fm_table_row_is_blank    (char       **row);
gboolean  fm_table_kind_from_text  (const char  *text,
                                    FmNodeKind  *kind);

G_END_DECLS
