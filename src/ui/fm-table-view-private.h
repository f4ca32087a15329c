/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-view-private.h: what the table view's files share */
#pragma once

#include "fm-table-view.h"

G_BEGIN_DECLS

struct _FmTableView
{
  GtkWidget parent_instance;

  /* template children */
  GtkWidget *box;
  GtkScrolledWindow *scroller;
  GtkColumnView *view;
  GtkLabel *message;

  GListStore *rows;             /* FmNode, the table's rows */
  GHashTable *cells;            /* the GtkEditableLabel cells bound to a row */
  FmDocument *document;
  FmMap *map;
  FmCanvasState *state;
  GSignalGroup *document_signals;
  FmTableCodec codec;

  guint cursor_row;             /* the cell last focused */
  FmTableColumn cursor_column;
  gboolean has_cursor;
  gboolean focus_pending;       /* move the focus to the cursor once it is bound */
  gboolean edit_pending;        /* and start typing in it */
  gboolean updating;
  gboolean rows_dirty;          /* changed while hidden: redone when shown */
};

/* fm-table-view.c */
FmNode        *fm_table_view_cell_node     (GtkWidget   *cell);
FmTableColumn  fm_table_view_cell_column   (GtkWidget   *cell);
guint          fm_table_view_cell_row      (GtkWidget   *cell);
gboolean       fm_table_view_cell_editable (GtkWidget   *cell);
void           fm_table_view_refresh_cell  (FmTableView *self,
                                            GtkWidget   *cell);
gboolean       fm_table_view_commit_cell   (FmTableView *self,
                                            GtkWidget   *cell);
void           fm_table_view_show_message  (FmTableView *self,
                                            const char  *text);

/* fm-table-view-keys.c */
void           fm_table_view_keys_init     (FmTableView *self);
gboolean       fm_table_view_finish        (FmTableView *self,
                                            GtkWidget   *cell);

G_END_DECLS
