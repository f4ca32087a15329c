/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-view.c: the map's steps and queues as a table to type in
 *
 * A second view of the map shown on the canvas, for a workshop where one
 * person reads figures off sticky notes and another types them: one row
 * per step and queue in flow order (fm_table_rows()), a column per figure.
 * A cell reads what is typed as the inspector's row of the same property
 * does (fm-inspector-fields.c), with the same words when it refuses, and
 * every edit is a command of the document, so the canvas, the inspector
 * and undo see it at once. The document's "changed" signal brings every
 * change back, whoever made it. The keys are a spreadsheet's
 * (fm-table-view-keys.c). Ctrl+V pastes rows from a spreadsheet and
 * Ctrl+C copies the table, both through fm-table-text.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-table-view"

#include <glib/gi18n.h>

#include "fm-canvas-state.h"
#include "fm-inspector-fields.h"
#include "fm-inspector-observed.h"
#include "fm-table-view-private.h"


G_DEFINE_FINAL_TYPE (FmTableView, fm_table_view, GTK_TYPE_WIDGET)

/* The inspector's field of each column (fm_inspector_fields[]). */
static guint column_field[FM_TABLE_N_COLUMNS];

static guint
field_of_property (const char *property)
{
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (fm_inspector_fields[i].target == FM_FIELD_ON_NODE &&
        g_str_equal (fm_inspector_fields[i].property, property))
      return i;
  g_assert_not_reached ();
}

static gboolean
codec_parse (FmTableColumn   column,
             GParamSpec     *pspec,
             const char     *text,
             GValue         *value,
             char          **hint,
             gpointer        user_data)
{
  FmTableView *self = user_data;
  guint i = column_field[column];

  if (fm_inspector_field_parse (i, pspec, text, fm_inspector_field_day_length (i, self->document), value))
    return TRUE;
  *hint = fm_inspector_field_hint (i);
  return FALSE;
}

static char *
codec_format (FmTableColumn  column,
              const GValue  *value,
              gpointer       user_data)
{
  FmTableView *self = user_data;
  guint i = column_field[column];

  return fm_inspector_field_format (i, value, fm_inspector_field_day_length (i, self->document));
}

/* As the inspector sets it: a measured time typed over is an estimate again. */
static void
codec_set (FmDocument   *document,
           FmMap        *map,
           FmNode       *node,
           const char   *property,
           const GValue *value,
           gpointer      user_data)
{
  if (fm_inspector_observed_replaces (G_OBJECT (node), property))
    fm_inspector_observed_set (document, map, fm_node_get_id (node), property, value);
  else
    fm_document_set_value_full (document, map, fm_node_get_id (node), property, value, FALSE);
}

void
fm_table_view_show_message (FmTableView *self,
                            const char  *text)
{
  gtk_label_set_label (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

/* The cell's row, its node and its column. */
FmNode *
fm_table_view_cell_node (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "fm-item");

  return item ? gtk_list_item_get_item (item) : NULL;
}

FmTableColumn
fm_table_view_cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "fm-column"));
}

guint
fm_table_view_cell_row (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "fm-item");

  return item ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
}

gboolean
fm_table_view_cell_editable (GtkWidget *cell)
{
  FmNode *node = fm_table_view_cell_node (cell);

  return node != NULL && fm_table_view_cell_column (cell) != FM_TABLE_KIND &&
         fm_table_column_applies (fm_table_view_cell_column (cell), fm_node_get_kind (node));
}

/* Shows the model's value in @cell, unless it is being typed in. */
void
fm_table_view_refresh_cell (FmTableView *self,
                            GtkWidget   *cell)
{
  FmNode *node = fm_table_view_cell_node (cell);
  g_autofree char *text = NULL;

  if (node == NULL || gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    return;

  text = fm_table_cell_text (node, fm_table_view_cell_column (cell), &self->codec);
  self->updating = TRUE;
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (cell))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (cell), text);
  self->updating = FALSE;
  gtk_widget_remove_css_class (cell, "error");
  if (fm_table_view_cell_editable (cell))
    gtk_widget_remove_css_class (cell, "dim-label");
  else
    gtk_widget_add_css_class (cell, "dim-label");
}

/* Applies what was typed in @cell as one undo step. Returns: whether it read. */
gboolean
fm_table_view_commit_cell (FmTableView *self,
                           GtkWidget   *cell)
{
  FmNode *node = fm_table_view_cell_node (cell);
  FmTableColumn column = fm_table_view_cell_column (cell);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell));
  g_autofree char *shown = NULL;
  g_autofree char *hint = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (node == NULL || self->document == NULL || !fm_table_view_cell_editable (cell))
    return TRUE;

  shown = fm_table_cell_text (node, column, &self->codec);
  if (g_str_equal (shown, text))
    {
      fm_table_view_refresh_cell (self, cell);
      fm_table_view_show_message (self, NULL);
      return TRUE;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), fm_table_column_property (column));
  g_value_init (&value, pspec->value_type);
  if (!codec_parse (column, pspec, text, &value, &hint, self))
    {
      /* The text stays, marked, until it reads or Escape puts back the value. */
      g_autofree char *message = g_strdup_printf ("%s: %s", fm_table_column_title (column), hint);

      gtk_widget_add_css_class (cell, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
      fm_table_view_show_message (self, message);
      return FALSE;
    }

  gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  fm_table_view_show_message (self, NULL);
  codec_set (self->document, self->map, node, pspec->name, &value, self);
  /* The next edit is a step of its own, as typing in another row is. */
  fm_undo_stack_seal (fm_document_get_undo_stack (self->document));
  fm_table_view_refresh_cell (self, cell);
  return TRUE;
}

static void
on_editing_changed (GtkWidget   *cell,
                    GParamSpec  *pspec,
                    FmTableView *self)
{
  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    {
      /* A step's wait or a queue's process time: nothing to type. */
      if (!fm_table_view_cell_editable (cell))
        {
          gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), FALSE);
          gtk_widget_error_bell (cell);
        }
      return;
    }

  if (!self->updating)
    fm_table_view_commit_cell (self, cell);
}

static void
on_cell_focus (GtkEventControllerFocus *controller,
               FmTableView             *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FmNode *node = fm_table_view_cell_node (cell);

  if (node == NULL)
    return;

  self->cursor_row = fm_table_view_cell_row (cell);
  self->cursor_column = fm_table_view_cell_column (cell);
  self->has_cursor = TRUE;
  /* The inspector and the canvas follow the row, as they follow a click. */
  if (self->state != NULL && g_strcmp0 (fm_canvas_state_get_single (self->state), fm_node_get_id (node)) != 0)
    fm_canvas_state_select (self->state, fm_node_get_id (node), FALSE);
}

/* A cell given the focus by the table: typing starts when it was asked for. */
static void
focused (FmTableView *self,
         GtkWidget   *cell)
{
  if (!self->edit_pending)
    return;
  self->edit_pending = FALSE;
  if (fm_table_view_cell_editable (cell))
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
}

static GtkWidget *
find_cell (FmTableView   *self,
           guint          row,
           FmTableColumn  column)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (fm_table_view_cell_row (cell) == row && fm_table_view_cell_column (cell) == column)
      return cell;
  return NULL;
}

static void update_rows (FmTableView *self);
static gboolean focus_cell (FmTableView   *self,
                            guint          row,
                            FmTableColumn  column,
                            gboolean       edit);

/**
 * fm_table_view_focus_cell:
 *
 * Moves the focus to a cell, scrolling its row into view.
 *
 * Returns: %FALSE when there is no such row
 */
gboolean
fm_table_view_focus_cell (FmTableView   *self,
                          guint          row,
                          FmTableColumn  column)
{
  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (column < FM_TABLE_N_COLUMNS, FALSE);

  return focus_cell (self, row, column, FALSE);
}

/* @edit: start typing in it too (a row just added) */
static gboolean
focus_cell (FmTableView   *self,
            guint          row,
            FmTableColumn  column,
            gboolean       edit)
{
  GtkWidget *cell;

  if (self->rows_dirty)
    {
      self->rows_dirty = FALSE;
      update_rows (self);
    }
  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return FALSE;

  self->edit_pending = edit;

  self->cursor_row = row;
  self->cursor_column = column;
  self->has_cursor = TRUE;
  cell = find_cell (self, row, column);
  if (cell != NULL)
    {
      self->focus_pending = FALSE;
      gtk_widget_grab_focus (cell);
      focused (self, cell);
    }
  else
    {
      /* Not on screen: its cell gets the focus once it is bound. */
      self->focus_pending = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", row);
    }
  return TRUE;
}

static gboolean
release_cell (gpointer cell)
{
  g_object_unref (cell);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's GtkEditableLabel answers a focus leaving it in an idle that
 * holds no reference (fixed in later versions); a cell whose row goes away
 * right after (an undo, a paste) must outlive that idle, queued before
 * this one. */
static void
on_cell_leave (GtkEventControllerFocus *controller,
               FmTableView             *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_idle_add (release_cell, g_object_ref (cell));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            FmTableView              *self)
{
  GtkWidget *cell = gtk_editable_label_new ("");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  FmTableColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fm-column"));

  g_object_set_data (G_OBJECT (cell), "fm-column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "fm-item", item);
  g_signal_connect (cell, "notify::editing", G_CALLBACK (on_editing_changed), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_leave), self);
  gtk_widget_add_controller (cell, focus);
  gtk_widget_add_css_class (cell, "fm-table-cell");
  gtk_list_item_set_child (item, cell);
  /* The cells take the focus, not the row around them. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FmTableView              *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_hash_table_add (self->cells, cell);
  fm_table_view_refresh_cell (self, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fm_table_column_title (fm_table_view_cell_column (cell)), -1);

  if (self->focus_pending && fm_table_view_cell_row (cell) == self->cursor_row &&
      fm_table_view_cell_column (cell) == self->cursor_column)
    {
      self->focus_pending = FALSE;
      gtk_widget_grab_focus (cell);
      focused (self, cell);
    }
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FmTableView              *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    fm_table_view_finish (self, cell);
  g_hash_table_remove (self->cells, cell);
}

/* The rows again after a change: only what differs is replaced, so that
 * the cells of other rows (and the focus) stay. */
static void
update_rows (FmTableView *self)
{
  g_autoptr(GPtrArray) rows = self->map ? fm_table_rows (self->map) : g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint start = 0, end_old = n_old, end_new = rows->len;
  GHashTableIter iter;
  gpointer cell;

  while (start < n_old && start < rows->len)
    {
      g_autoptr(FmNode) old = g_list_model_get_item (G_LIST_MODEL (self->rows), start);

      if (old != rows->pdata[start])
        break;
      start++;
    }
  while (end_old > start && end_new > start)
    {
      g_autoptr(FmNode) old = g_list_model_get_item (G_LIST_MODEL (self->rows), end_old - 1);

      if (old != rows->pdata[end_new - 1])
        break;
      end_old--, end_new--;
    }
  if (end_old > start || end_new > start)
    g_list_store_splice (self->rows, start, end_old - start, rows->pdata + start, end_new - start);

  /* A figure changed anywhere (the canvas, the inspector, undo) shows here. */
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    fm_table_view_refresh_cell (self, cell);
}

/* Hidden behind the canvas, the table waits to be shown: a drag on a
 * map of thousands of steps need not order them at every motion. */
static void
on_document_changed (FmTableView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rows_dirty = TRUE;
      return;
    }
  self->rows_dirty = FALSE;
  update_rows (self);
}

static void
fm_table_view_map (GtkWidget *widget)
{
  FmTableView *self = FM_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (fm_table_view_parent_class)->map (widget);
  if (self->rows_dirty)
    on_document_changed (self);
}

static void
copy_table (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FmTableView *self = FM_TABLE_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->map == NULL)
    return;

  text = fm_table_copy_text (self->map, &self->codec);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* Keeps what is being typed before the table changes under it. */
static void
finish_typing (FmTableView *self)
{
  g_autoptr(GPtrArray) editing = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
      g_ptr_array_add (editing, cell);
  for (guint i = 0; i < editing->len; i++)
    fm_table_view_finish (self, editing->pdata[i]);
}

/**
 * fm_table_view_paste_text:
 * @text: tab-separated rows, with or without a row of the columns' names
 *
 * Pastes @text at the cursor (the first row and, without a header, the
 * cursor's column) as one undo step, or says in the table why not.
 *
 * Returns: whether anything was pasted
 */
gboolean
fm_table_view_paste_text (FmTableView *self,
                          const char  *text)
{
  g_autoptr(FmTablePaste) paste = NULL;
  g_autoptr(GError) error = NULL;
  guint row = self->has_cursor ? self->cursor_row : 0;
  FmTableColumn column = self->has_cursor ? self->cursor_column : FM_TABLE_LABEL;
  double grid;

  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->map == NULL)
    return FALSE;

  finish_typing (self);
  /* The kind is not typed: a block from a spreadsheet goes from the label on. */
  if (column == FM_TABLE_KIND)
    column = FM_TABLE_LABEL;
  grid = self->state && fm_canvas_state_get_snap_to_grid (self->state) ? FM_CANVAS_GRID : 0;
  paste = fm_table_paste_parse (text, column, &error);
  if (paste == NULL ||
      !fm_table_paste_apply (paste, self->document, self->map, row, grid, &self->codec, &error))
    {
      fm_table_view_show_message (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  fm_table_view_show_message (self, NULL);
  fm_undo_stack_seal (fm_document_get_undo_stack (self->document));
  fm_table_view_focus_cell (self, MIN (row, fm_table_view_get_n_rows (self) - 1), column);
  return TRUE;
}

/**
 * fm_table_view_add_row:
 * @kind: a step or a queue
 *
 * Adds a step or a queue at the end of the flow, as a pasted row is
 * added, as one undo step, and starts typing its label.
 *
 * Returns: whether it was added
 */
gboolean
fm_table_view_add_row (FmTableView *self,
                       FmNodeKind   kind)
{
  g_autoptr(FmTablePaste) paste = NULL;
  g_autoptr(GError) error = NULL;
  guint n = fm_table_view_get_n_rows (self);
  double grid;
  gboolean added;

  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (fm_table_is_row_kind (kind), FALSE);

  if (self->map == NULL)
    return FALSE;

  finish_typing (self);
  /* A row with its kind alone, pasted past the last row. */
  paste = fm_table_paste_parse (kind == FM_NODE_KIND_QUEUE ? "Kind\nqueue\n" : "Kind\nstep\n",
                                FM_TABLE_LABEL, &error);
  g_assert_no_error (error);
  grid = self->state && fm_canvas_state_get_snap_to_grid (self->state) ? FM_CANVAS_GRID : 0;
  fm_document_begin_group (self->document, kind == FM_NODE_KIND_QUEUE ? _("Add Queue") : _("Add Step"));
  added = fm_table_paste_apply (paste, self->document, self->map, n, grid, &self->codec, &error);
  fm_document_end_group (self->document);
  if (!added)
    {
      fm_table_view_show_message (self, error->message);
      return FALSE;
    }

  fm_undo_stack_seal (fm_document_get_undo_stack (self->document));
  focus_cell (self, n, FM_TABLE_LABEL, TRUE);
  return TRUE;
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FmTableView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      g_debug ("Nothing to paste: %s", error ? error->message : "no text");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  fm_table_view_paste_text (self, text);
}

static void
paste_table (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 on_clipboard_text, g_object_ref (widget));
}

static void
on_pressed (FmTableView *self)
{
  if (fm_table_view_get_n_rows (self) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* How wide @text is in the table's font, in pixels. */
static int
text_width (FmTableView *self,
            const char  *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A figure's column: wide enough for its figures, and for its title and
 * kinds as translated ("Bearbeitungszeit", "Warteschlange"), which would
 * otherwise be cut. */
static int
column_width (FmTableView   *self,
              FmTableColumn  column)
{
  /* The header's padding and sort arrow, and a cell's. */
  int width = MAX (column == FM_TABLE_KIND ? 64 : 88, text_width (self, fm_table_column_title (column)) + 36);

  if (column == FM_TABLE_KIND)
    {
      width = MAX (width, text_width (self, fm_table_kind_title (FM_NODE_KIND_QUEUE)) + 20);
      width = MAX (width, text_width (self, fm_table_kind_title (FM_NODE_KIND_PROCESS)) + 20);
    }

  return width;
}

static GtkColumnViewColumn *
new_column (FmTableView   *self,
            FmTableColumn  column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "fm-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  view_column = gtk_column_view_column_new (fm_table_column_title (column), factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == FM_TABLE_LABEL || column == FM_TABLE_ROLE);
  if (column != FM_TABLE_LABEL && column != FM_TABLE_ROLE)
    gtk_column_view_column_set_fixed_width (view_column, column_width (self, column));

  return view_column;
}

static void
fm_table_view_dispose (GObject *object)
{
  FmTableView *self = FM_TABLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_TABLE_VIEW);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (fm_table_view_parent_class)->dispose (object);
}

static void
fm_table_view_class_init (FmTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_table_view_dispose;
  widget_class->map = fm_table_view_map;

  for (guint c = FM_TABLE_LABEL; c < FM_TABLE_N_COLUMNS; c++)
    column_field[c] = field_of_property (fm_table_column_property (c));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FmTableView, box);
  gtk_widget_class_bind_template_child (widget_class, FmTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, FmTableView, view);
  gtk_widget_class_bind_template_child (widget_class, FmTableView, message);

  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_table);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, paste_table);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "table.paste", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmtable");
}

static void
fm_table_view_init (FmTableView *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (FM_TYPE_NODE);
  self->cells = g_hash_table_new (NULL, NULL);
  self->codec = (FmTableCodec) { codec_parse, codec_format, codec_set, self };
  self->cursor_column = FM_TABLE_LABEL;

  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                               g_object_ref (G_LIST_MODEL (self->rows)))));
  for (guint c = 0; c < FM_TABLE_N_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = new_column (self, c);

      gtk_column_view_append_column (self->view, column);
    }

  /* An empty table takes the focus itself, for Ctrl+V; a click gives it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  fm_table_view_keys_init (self);

  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_document_changed), self);
}

GtkWidget *
fm_table_view_new (void)
{
  return g_object_new (FM_TYPE_TABLE_VIEW, NULL);
}

/**
 * fm_table_view_set_map:
 * @state: (nullable): the canvas's view state, whose selection follows the cursor
 *
 * Shows @map of @document.
 */
void
fm_table_view_set_map (FmTableView   *self,
                       FmDocument    *document,
                       FmMap         *map,
                       FmCanvasState *state)
{
  g_return_if_fail (FM_IS_TABLE_VIEW (self));
  g_return_if_fail (document == NULL || FM_IS_DOCUMENT (document));
  g_return_if_fail (map == NULL || FM_IS_MAP (map));

  if (self->map != map)
    {
      self->has_cursor = FALSE;
      self->focus_pending = FALSE;
      fm_table_view_show_message (self, NULL);
    }
  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  g_set_object (&self->state, state);
  g_signal_group_set_target (self->document_signals, document);
  /* Hidden, as it is when a file opens, the rows wait to be shown: a
   * column view of a 1,000-step map costs the window's first frame half
   * a second otherwise. */
  on_document_changed (self);
}

/* Returns: how a cell's text reads and is written: the inspector's rules */
const FmTableCodec *
fm_table_view_get_codec (FmTableView *self)
{
  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), NULL);

  return &self->codec;
}

guint
fm_table_view_get_n_rows (FmTableView *self)
{
  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), 0);

  if (self->rows_dirty)
    {
      self->rows_dirty = FALSE;
      update_rows (self);
    }
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* Returns: (nullable): what the table says about the last refused cell or paste */
const char *
fm_table_view_get_message (FmTableView *self)
{
  g_return_val_if_fail (FM_IS_TABLE_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_label (self->message) : NULL;
}
