/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-preview.c: a look at a tracker's export: its first rows and what was read
 *
 * The header, under each column the role the import gave it (item,
 * state, entered…, or not read), then the first rows with their lines;
 * above them, how many rows, how they are separated and what was imported.
 * The import dialog and New Map from Event Data show the same preview.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-csv-preview"

#include <glib/gi18n.h>

#include "fm-csv-preview.h"

#define PREVIEW_ROWS 8
#define PREVIEW_MAX_CHARS 24

/* The role of column @column in the import, for the preview. */
static const char *
column_role (FmCsv              *csv,
             FmObservedLog      *log,
             const FmCsvColumns *c,
             guint               column)
{
  int col = (int) column;

  if (log == NULL)
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
  else if (fm_observed_log_lookup_state (log, fm_csv_get_header (csv, column)) >= 0)
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

/**
 * fm_csv_preview_fill:
 * @grid: the grid to fill; what it held is removed
 * @csv: (nullable): the file as read; %NULL leaves @grid empty
 * @log: (nullable): the import of @csv, %NULL when it failed
 * @columns: the columns the import read
 *
 * Shows the header, the role of each column under it, then the first rows.
 */
void
fm_csv_preview_fill (GtkGrid            *grid,
                     FmCsv              *csv,
                     FmObservedLog      *log,
                     const FmCsvColumns *columns)
{
  GtkWidget *child;
  guint n_columns, n_rows;

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (columns != NULL || log == NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  if (csv == NULL)
    return;

  n_columns = MIN (fm_csv_get_n_columns (csv), 64);
  n_rows = MIN (fm_csv_get_n_rows (csv), PREVIEW_ROWS);

  /* Translators: the heading of the preview's column of line numbers */
  gtk_grid_attach (grid, cell (_("Line"), "fm-preview-heading"), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *role = column_role (csv, log, columns, c);
      const char *header = fm_csv_get_header (csv, c);

      gtk_grid_attach (grid, cell (header, "fm-preview-heading"), c + 1, 0, 1, 1);
      /* Without an import there are no roles to show. */
      if (log != NULL)
        /* Translators: under a column of the preview that is not imported */
        gtk_grid_attach (grid, cell (role ? role : _("not read"), role ? "fm-preview-role" : "fm-preview-unused"),
                         c + 1, 1, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *line = g_strdup_printf ("%u", fm_csv_get_line (csv, r));

      gtk_grid_attach (grid, cell (line, "fm-preview-line"), 0, r + 2, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *field = fm_csv_get_field (csv, r, c);

          gtk_grid_attach (grid, cell (field ? field : "", "fm-preview-cell"), c + 1, r + 2, 1, 1);
        }
    }
}

/**
 * fm_csv_preview_describe:
 * @csv: (nullable): the file as read, %NULL for a file that is no CSV
 * @log: (nullable): what was imported
 *
 * Returns: (transfer full) (nullable): the rows, how they are separated
 *   and what was imported ("86 rows, separated by commas: 86 items in 11
 *   states"); without @csv, what was imported; %NULL without either
 */
char *
fm_csv_preview_describe (FmCsv         *csv,
                         FmObservedLog *log)
{
  g_autofree char *rows = NULL;
  g_autofree char *read = NULL;
  const char *separator;

  if (log != NULL)
    {
      guint n_items = fm_observed_log_get_n_items (log);
      guint n_states = fm_observed_log_get_n_states (log);
      g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items),
                                                n_items);
      g_autofree char *states = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u state", "%u states", n_states),
                                                 n_states);

      /* Translators: what was imported, as in "86 items in 11 states" */
      read = g_strdup_printf (_("%s in %s"), items, states);
    }

  if (csv == NULL)
    return g_steal_pointer (&read);

  switch (fm_csv_get_separator (csv))
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

  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", fm_csv_get_n_rows (csv)),
                          fm_csv_get_n_rows (csv));
  /* Translators: under "File": the rows, how they are separated, and what was imported */
  return read ? g_strdup_printf (_("%s, %s: %s"), rows, separator, read)
              : g_strdup_printf (_("%s, %s"), rows, separator);
}
