/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-table-view-keys.c: the table's keys, as a spreadsheet's
 *
 * The arrows, Tab and Shift+Tab move between cells (while typing, Left and
 * Right move the caret); F2, Enter or typing a character edits, Enter
 * keeps what was typed and moves down, Escape cancels it, Delete clears a
 * figure; Ctrl+Enter adds a step at the end (Ctrl+Shift+Enter a queue). The cells are GtkEditableLabels; the keys are taken before them
 * and before the list, which would move its own cursor.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-table-view"

#include "fm-table-view-private.h"

/* Moves the cursor by rows and columns; Tab wraps to the next row. */
static void
move (FmTableView *self,
      GtkWidget   *cell,
      int          rows,
      int          columns,
      gboolean     wrap)
{
  int n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int row = (int) fm_table_view_cell_row (cell) + rows;
  int column = (int) fm_table_view_cell_column (cell) + columns;

  if (wrap && column >= FM_TABLE_N_COLUMNS && row + 1 < n_rows)
    row++, column = 0;
  else if (wrap && column < 0 && row > 0)
    row--, column = FM_TABLE_N_COLUMNS - 1;
  row = CLAMP (row, 0, MAX (n_rows - 1, 0));
  column = CLAMP (column, 0, FM_TABLE_N_COLUMNS - 1);

  fm_table_view_focus_cell (self, row, column);
}

static GtkWidget *
focused_cell (FmTableView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    if (GTK_IS_EDITABLE_LABEL (focus) && g_hash_table_contains (self->cells, focus))
      return focus;
  return NULL;
}

/* Stops typing in @cell, keeping what was typed. Returns: whether it read. */
gboolean
fm_table_view_finish (FmTableView *self,
                      GtkWidget   *cell)
{
  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    return !gtk_widget_has_css_class (cell, "error");

  self->updating = TRUE;
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), TRUE);
  self->updating = FALSE;
  return fm_table_view_commit_cell (self, cell);
}

static void
cancel (FmTableView *self,
        GtkWidget   *cell)
{
  self->updating = TRUE;
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), FALSE);
  self->updating = FALSE;
  fm_table_view_refresh_cell (self, cell);
  fm_table_view_show_message (self, NULL);
}

static void
begin (FmTableView *self,
       GtkWidget   *cell,
       const char  *replace)
{
  if (!fm_table_view_cell_editable (cell))
    {
      gtk_widget_error_bell (cell);
      return;
    }

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  if (replace != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (cell), replace);
      gtk_editable_set_position (GTK_EDITABLE (cell), -1);
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FmTableView           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkWidget *cell = focused_cell (self);
  gboolean editing;
  gunichar c;

  /* Ctrl+Enter adds a step after the last row, as on the canvas after the
   * selection; with Shift, a queue. */
  if ((mods & GDK_CONTROL_MASK) &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      if (cell != NULL && !fm_table_view_finish (self, cell))
        return TRUE;
      fm_table_view_add_row (self, (mods & GDK_SHIFT_MASK) ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS);
      return TRUE;
    }

  if (cell == NULL || (mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;
  editing = gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell));

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (!editing && !gtk_widget_has_css_class (cell, "error"))
        return FALSE;
      cancel (self, cell);
      return TRUE;
    case GDK_KEY_F2:
      if (!editing)
        begin (self, cell, NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!editing)
        begin (self, cell, NULL);
      else if (fm_table_view_finish (self, cell))
        move (self, cell, (mods & GDK_SHIFT_MASK) ? -1 : 1, 0, FALSE);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (fm_table_view_finish (self, cell))
        move (self, cell, 0, (mods & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1, TRUE);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (fm_table_view_finish (self, cell))
        move (self, cell, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0, FALSE);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      /* While typing they move the caret. */
      if (editing)
        return FALSE;
      move (self, cell, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1, FALSE);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (editing)
        return FALSE;
      /* Clears the figure, as in a spreadsheet. */
      if (fm_table_view_cell_editable (cell) && fm_table_view_cell_column (cell) != FM_TABLE_LABEL)
        {
          gtk_editable_set_text (GTK_EDITABLE (cell), "");
          fm_table_view_commit_cell (self, cell);
        }
      return TRUE;
    default:
      break;
    }

  /* Typing into a cell that is not being edited replaces what it says. */
  c = gdk_keyval_to_unicode (keyval);
  if (!editing && c != 0 && g_unichar_isprint (c))
    {
      char text[7] = { 0, };

      g_unichar_to_utf8 (c, text);
      begin (self, cell, text);
      return TRUE;
    }

  return FALSE;
}

void
fm_table_view_keys_init (FmTableView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the cells and the list: the arrows, Tab and Enter are the table's. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
