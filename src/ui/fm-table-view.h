/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-view.h: the map's steps and queues as a table to type in */
#pragma once

#include <gtk/gtk.h>

#include "fm-canvas-state.h"
#include "fm-document.h"
#include "fm-table-text.h"

G_BEGIN_DECLS

#define FM_TYPE_TABLE_VIEW (fm_table_view_get_type ())
G_DECLARE_FINAL_TYPE (FmTableView, fm_table_view, FM, TABLE_VIEW, GtkWidget)

GtkWidget          *fm_table_view_new          (void);
void                fm_table_view_set_map      (FmTableView   *self,
                                                FmDocument    *document,
                                                FmMap         *map,
                                                FmCanvasState *state);
const FmTableCodec *fm_table_view_get_codec    (FmTableView   *self);
guint               fm_table_view_get_n_rows   (FmTableView   *self);
gboolean            fm_table_view_focus_cell   (FmTableView   *self,
                                                guint          row,
                                                FmTableColumn  column);
gboolean            fm_table_view_paste_text   (FmTableView   *self,
                                                const char    *text);
gboolean            fm_table_view_add_row      (FmTableView   *self,
                                                FmNodeKind     kind);
const char         *fm_table_view_get_message  (FmTableView   *self);

G_END_DECLS
