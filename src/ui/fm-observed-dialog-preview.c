/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-dialog-preview.c: the import dialog's look at the file: its first rows and what was read
 *
 * The header, under each column the role the import gave it (item,
 * state, entered…, or not read), then the first rows with their lines;
 * above them, how many rows, how they are separated and what was imported.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-dialog"

#include <glib/gi18n.h>

#include "fm-observed-dialog-private.h"

#define PREVIEW_ROWS 8
#define PREVIEW_MAX_CHARS 24

/* The role of column @column in the last import, for the preview. */
static const char *
column_role (FmObservedDialog *self,
             guint             column)
{
  const FmCsvColumns *c = &self->used;
  int col = (int) column;

  if (self->log == NULL)
    return NULL;
  if (c->item == col)
    return _("item");
  if (c->type == col)
    return _("type");
  if (c->shape == FM_CSV_SHAPE_TRANSITIONS)
    {
      if (c->state == col)
        return _("state");
      if (c->entered == col)
        return _("entered");
      if (c->left == col)
        return _("left");
    }
  else if (fm_observed_log_lookup_state (self->log, fm_csv_get_header (self->csv, column)) >= 0)
    return _("state");

  return NULL;
}

static GtkWidget *
cell (const char *text,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_MAX_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

/* The header, the role of each column under it, then the first rows. */
void
fm_observed_dialog_show_preview (FmObservedDialog *self)
{
  GtkWidget *child;
  guint n_columns, n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  if (self->csv == NULL)
    return;

  n_columns = MIN (fm_csv_get_n_columns (self->csv), 64);
  n_rows = MIN (fm_csv_get_n_rows (self->csv), PREVIEW_ROWS);

  /* Translators: the heading of the preview's column of line numbers */
  gtk_grid_attach (self->preview_grid, cell (_("Line"), "fm-preview-heading"), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *role = column_role (self, c);
      const char *header = fm_csv_get_header (self->csv, c);

      gtk_grid_attach (self->preview_grid, cell (header, "fm-preview-heading"), c + 1, 0, 1, 1);
      /* Without an import there are no roles to show. */
      if (self->log != NULL)
        /* Translators: under a column of the preview that is not imported */
        gtk_grid_attach (self->preview_grid, cell (role ? role : _("not read"),
                                                   role ? "fm-preview-role" : "fm-preview-unused"),
                         c + 1, 1, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *line = g_strdup_printf ("%u", fm_csv_get_line (self->csv, r));

      gtk_grid_attach (self->preview_grid, cell (line, "fm-preview-line"), 0, r + 2, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *field = fm_csv_get_field (self->csv, r, c);

          gtk_grid_attach (self->preview_grid, cell (field ? field : "", "fm-preview-cell"), c + 1, r + 2, 1, 1);
        }
    }
}

void
fm_observed_dialog_show_summary (FmObservedDialog *self)
{
  g_autofree char *rows = NULL;
  g_autofree char *read = NULL;
  g_autofree char *text = NULL;
  const char *separator;

  if (self->csv == NULL)
    {
      adw_preferences_group_set_description (self->file_group, NULL);
      return;
    }

  switch (fm_csv_get_separator (self->csv))
    {
    case ';':
      separator = _("separated by semicolons");
      break;
    case '\t':
      separator = _("separated by tabs");
      break;
    default:
      separator = _("separated by commas");
      break;
    }

  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", fm_csv_get_n_rows (self->csv)),
                          fm_csv_get_n_rows (self->csv));
  if (self->log != NULL)
    {
      guint n_items = fm_observed_log_get_n_items (self->log);
      guint n_states = fm_observed_log_get_n_states (self->log);
      g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items),
                                                n_items);
      g_autofree char *states = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u state", "%u states", n_states),
                                                 n_states);

      /* Translators: what was imported, as in "86 items in 11 states" */
      read = g_strdup_printf (_("%s in %s"), items, states);
    }

  /* Translators: under "File": the rows, how they are separated, and what was imported */
  text = read ? g_strdup_printf (_("%s, %s: %s"), rows, separator, read)
              : g_strdup_printf (_("%s, %s"), rows, separator);
  adw_preferences_group_set_description (self->file_group, text);
}
