/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-import-checks.c: what an import says of a file none of whose rows could be read */
#include "config.h"

#define G_LOG_DOMAIN "fm-csv"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-csv-import-private.h"

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    default:
      return _("commas");
    }
}

/* The separator other than the header's that most rows of @csv have in
 * their fields, or 0: rows of "a;b;c" under a header of "a,b,c" are one
 * field each. The first hundred rows tell. */
static char
rows_separator (FmCsv *csv)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint rows_with[G_N_ELEMENTS (candidates)] = { 0 };
  guint n_rows = MIN (fm_csv_get_n_rows (csv), 100);
  guint best = 0;

  for (guint row = 0; row < n_rows; row++)
    for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
      for (guint i = 0; i < fm_csv_get_n_fields (csv, row); i++)
        if (candidates[c] != fm_csv_get_separator (csv) &&
            strchr (fm_csv_get_field (csv, row, i), candidates[c]) != NULL)
          {
            rows_with[c]++;
            break;
          }

  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (rows_with[c] > rows_with[best])
      best = c;

  return rows_with[best] * 2 > n_rows ? candidates[best] : 0;
}

/* A file none of whose rows could be read fails as a whole, with the
 * first row's error and, when the rows seem to use another separator than
 * the header, which. */
gboolean
fm_csv_import_check_any_row (FmCsv          *csv,
                             FmObservedLog  *log,
                             GError        **error)
{
  const FmObservedProblem *first;
  g_autoptr(GString) message = NULL;
  char other;

  if (fm_observed_log_get_n_visits (log) > 0 || fm_observed_log_get_n_errors (log) == 0)
    return TRUE;

  first = fm_observed_log_get_error (log, 0);
  message = g_string_new (NULL);
  g_string_printf (message, _("%s: no row could be read; line %u: %s"),
                   fm_csv_get_display_name (csv), first->line, first->message);
  other = rows_separator (csv);
  if (other != 0)
    {
      g_string_append (message, "; ");
      g_string_append_printf (message,
                              _("the header's fields are separated by %s, the rows seem to use %s: "
                                "save the export with one separator"),
                              separator_name (fm_csv_get_separator (csv)), separator_name (other));
    }
  g_set_error_literal (error, FM_CSV_ERROR, FM_CSV_ERROR_ROWS, message->str);

  return FALSE;
}
