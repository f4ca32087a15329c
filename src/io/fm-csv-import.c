/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-import.c: work-item exports (CSV) as observed flow data
 *
 * Trackers export state changes in one of two shapes: a row per
 * transition (item, state, when), or a row per item with a column per
 * state holding when the item entered it. The shape and the columns are
 * found from the header's names unless the caller gives them. A row that
 * cannot be read (a bad date, a missing id, too few fields) becomes an
 * error with its line; the other rows are imported.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-csv"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-csv-import.h"
#include "fm-csv-import-private.h"

/* Header names of each role, lower case, letters and digits only. */
static const char * const item_names[] = {
  "item", "itemid", "id", "key", "issue", "issueid", "issuekey", "number",
  "ticket", "ticketid", "workitem", "workitemid", NULL
};
static const char * const state_names[] = {
  "state", "status", "column", "stage", NULL
};
static const char * const entered_names[] = {
  "entered", "enteredat", "enteredon", "start", "startedat", "from",
  "timestamp", "date", "datetime", "time", "changed", "changedat", NULL
};
static const char * const left_names[] = {
  "left", "leftat", "end", "endedat", "to", "exited", "exitedat", NULL
};
static const char * const type_names[] = {
  "type", "issuetype", "workitemtype", "itemtype", "kind", "label", "labels", NULL
};

void
fm_csv_import_options_init (FmCsvImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->columns.shape = FM_CSV_SHAPE_AUTO;
  options->columns.item = FM_CSV_COLUMN_AUTO;
  options->columns.state = FM_CSV_COLUMN_AUTO;
  options->columns.entered = FM_CSV_COLUMN_AUTO;
  options->columns.left = FM_CSV_COLUMN_AUTO;
  options->columns.type = FM_CSV_COLUMN_AUTO;
}

static gboolean
read_int (const char **p,
          guint        min_digits,
          guint        max_digits,
          int         *out)
{
  guint n = 0;
  int value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    value = value * 10 + ((*p)[n++] - '0');
  if (n < min_digits)
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * fm_csv_parse_time:
 * @text: `YYYY-MM-DD`, or that with a time `HH:MM` or `HH:MM:SS` (with
 *   decimals, dropped) after a `T` or a space, and optionally an offset:
 *   `Z`, `+02:00`, `+0200` or `+02`
 * @time_zone: (nullable): the time zone of a time without an offset, and
 *   of a date alone (which is its midnight); %NULL: local time
 * @unix_time: (out): seconds since 1970-01-01 UTC
 *
 * The instant must fall within the years 1 to 9999 in UTC, the range of a
 * #GDateTime, so that whoever reads the times can make one of each: an
 * offset or a time zone can push a date at either end out of it.
 *
 * Returns: whether @text is such a date and time, and a real one
 */
gboolean
fm_csv_parse_time (const char *text,
                   GTimeZone  *time_zone,
                   gint64     *unix_time)
{
  const char *p = text;
  int y, mo, d, h = 0, mi = 0, s = 0, off_h = 0, off_m = 0;
  gboolean has_offset = FALSE;
  int sign = 1;
  gint64 t;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unix_time != NULL, FALSE);

  while (*p == ' ')
    p++;
  if (!read_int (&p, 4, 4, &y) || *p++ != '-' ||
      !read_int (&p, 1, 2, &mo) || *p++ != '-' ||
      !read_int (&p, 1, 2, &d))
    return FALSE;

  if ((*p == 'T' || *p == 't' || *p == ' ') && g_ascii_isdigit (p[1]))
    {
      p++;
      if (!read_int (&p, 2, 2, &h) || *p++ != ':' || !read_int (&p, 2, 2, &mi))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_int (&p, 2, 2, &s))
            return FALSE;
          if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
            for (p++; g_ascii_isdigit (*p); p++)
              ;
        }
      if (*p == ' ' && (p[1] == 'Z' || p[1] == 'z' || p[1] == '+' || p[1] == '-'))
        p++;
      if (*p == 'Z' || *p == 'z')
        {
          has_offset = TRUE;
          p++;
        }
      else if (*p == '+' || *p == '-')
        {
          sign = *p++ == '-' ? -1 : 1;
          has_offset = TRUE;
          if (!read_int (&p, 2, 2, &off_h))
            return FALSE;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p) && !read_int (&p, 2, 2, &off_m))
            return FALSE;
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  if (y < 1 || !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || s > 59 ||
      off_h > 14 || off_m > 59)
    return FALSE;

  if (has_offset)
    {
      t = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s
          - sign * (off_h * 3600 + off_m * 60);
    }
  else
    {
      g_autoptr(GTimeZone) local = time_zone == NULL ? g_time_zone_new_local () : NULL;
      g_autoptr(GDateTime) dt = g_date_time_new (time_zone != NULL ? time_zone : local,
                                                 y, mo, d, h, mi, s);

      if (dt == NULL)
        return FALSE;
      t = g_date_time_to_unix (dt);
    }

  /* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
  if (t < days_from_civil (1, 1, 1) * 86400 || t >= days_from_civil (10000, 1, 1) * 86400)
    return FALSE;

  *unix_time = t;
  return TRUE;
}

/* "Entered at" is "enteredat". */
static char *
header_key (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

/* The first column, not yet @taken, whose header is one of @names. */
static int
find_column (FmCsv              *csv,
             const char * const *names,
             const gboolean     *taken)
{
  guint n = fm_csv_get_n_columns (csv);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = header_key (fm_csv_get_header (csv, i));

      if (!taken[i] && g_strv_contains (names, key))
        return i;
    }

  return FM_CSV_COLUMN_NONE;
}

/* A cell for a message: quoted, cut after 40 characters. */
static char *
quote (const char *text)
{
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 40);

      return g_strdup_printf ("“%s…”", cut);
    }

  return g_strdup_printf ("“%s”", text);
}

typedef struct {
  FmCsv *csv;
  FmObservedLog *log;
  FmCsvColumns columns;
  GTimeZone *tz;
  GArray *states;       /* wide: guint columns that are states */
  GArray *state_ids;    /* wide: guint log state per entry of states */
  gboolean any_named;   /* a state, entered or left column was found by name */
} Import;

/* Checks the number of fields; reports the row when it is wrong. */
static gboolean
check_fields (Import *im,
              guint   row)
{
  guint n = fm_csv_get_n_fields (im->csv, row);
  guint n_columns = fm_csv_get_n_columns (im->csv);
  guint used = n;

  /* Empty fields past the header's last are harmless trailing separators. */
  while (used > n_columns && *fm_csv_get_field (im->csv, row, used - 1) == '\0')
    used--;
  if (used == n_columns)
    return TRUE;

  fm_observed_log_add_error (im->log, fm_csv_get_line (im->csv, row),
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u field where the header has %u",
                                          "%u fields where the header has %u", n),
                             n, n_columns);
  return FALSE;
}

static const char *
field (Import *im,
       guint   row,
       int     column)
{
  if (column < 0)
    return "";

  return fm_csv_get_field (im->csv, row, column);
}

static gboolean
parse_cell (Import *im,
            guint   row,
            int     column,
            gint64 *out)
{
  const char *text = field (im, row, column);
  g_autofree char *quoted = NULL;

  if (fm_csv_parse_time (text, im->tz, out))
    return TRUE;

  quoted = quote (text);
  fm_observed_log_add_error (im->log, fm_csv_get_line (im->csv, row),
                             _("%s in the column “%s” is not a date and time"),
                             quoted, fm_csv_get_header (im->csv, column));
  return FALSE;
}

static void
import_transition (Import *im,
                   guint   row)
{
  guint line = fm_csv_get_line (im->csv, row);
  const char *item = field (im, row, im->columns.item);
  const char *state = field (im, row, im->columns.state);
  const char *left_text = field (im, row, im->columns.left);
  gint64 entered, left = FM_OBSERVED_OPEN;

  if (!check_fields (im, row))
    return;
  if (*item == '\0')
    {
      fm_observed_log_add_error (im->log, line, _("no item id in the column “%s”"),
                                 fm_csv_get_header (im->csv, im->columns.item));
      return;
    }
  if (*state == '\0')
    {
      fm_observed_log_add_error (im->log, line, _("no state in the column “%s”"),
                                 fm_csv_get_header (im->csv, im->columns.state));
      return;
    }
  if (!parse_cell (im, row, im->columns.entered, &entered))
    return;
  if (*left_text != '\0' && !parse_cell (im, row, im->columns.left, &left))
    return;
  if (left != FM_OBSERVED_OPEN && left < entered)
    {
      g_autofree char *quoted = quote (state);

      fm_observed_log_add_error (im->log, line, _("item “%s” leaves %s before it enters it"),
                                 item, quoted);
      return;
    }

  fm_observed_log_add_visit (im->log, item, field (im, row, im->columns.type),
                             fm_observed_log_add_state (im->log, state), entered, left, line);
}

static void
import_wide (Import *im,
             guint   row)
{
  guint line = fm_csv_get_line (im->csv, row);
  const char *item = field (im, row, im->columns.item);
  g_autofree gint64 *times = NULL;

  if (!check_fields (im, row))
    return;
  if (*item == '\0')
    {
      fm_observed_log_add_error (im->log, line, _("no item id in the column “%s”"),
                                 fm_csv_get_header (im->csv, im->columns.item));
      return;
    }

  /* Only now that the row has a field per state column: a short row costs
   * no more than its fields, however many columns the header has. */
  times = g_new (gint64, im->states->len);

  /* One bad date spoils the row: without it the time would go to the
   * state before. */
  for (guint i = 0; i < im->states->len; i++)
    {
      int column = g_array_index (im->states, guint, i);

      times[i] = FM_OBSERVED_OPEN;
      if (*field (im, row, column) != '\0' && !parse_cell (im, row, column, &times[i]))
        return;
    }

  /* The columns are the states in the order of the flow: a date before
   * the one of an earlier state is a typo or columns out of order, and
   * read anyway it would end the earlier state before it began. */
  for (guint i = 0, before = G_MAXUINT; i < im->states->len; i++)
    {
      if (times[i] == FM_OBSERVED_OPEN)
        continue;
      if (before != G_MAXUINT && times[i] < times[before])
        {
          g_autofree char *quoted = quote (field (im, row, g_array_index (im->states, guint, i)));
          g_autofree char *quoted_before = quote (field (im, row, g_array_index (im->states, guint, before)));

          fm_observed_log_add_error (im->log, line,
                                     _("%s in the column “%s” is before %s in the column “%s”, "
                                       "a state earlier in the flow"),
                                     quoted, fm_csv_get_header (im->csv, g_array_index (im->states, guint, i)),
                                     quoted_before,
                                     fm_csv_get_header (im->csv, g_array_index (im->states, guint, before)));
          return;
        }
      before = i;
    }

  for (guint i = 0; i < im->states->len; i++)
    if (times[i] != FM_OBSERVED_OPEN)
      fm_observed_log_add_visit (im->log, item, field (im, row, im->columns.type),
                                 g_array_index (im->state_ids, guint, i), times[i],
                                 FM_OBSERVED_OPEN, line);
}

/* Returns: (transfer full): for each column, whether most of its non-empty
 * cells are dates; an empty column does not. One pass over the cells there
 * are: a column at a time would cost the header's columns times the rows,
 * most of them short. */
static gboolean *
columns_holding_dates (Import *im)
{
  guint n_columns = fm_csv_get_n_columns (im->csv);
  guint n_rows = fm_csv_get_n_rows (im->csv);
  g_autofree guint *dates = g_new0 (guint, n_columns);
  g_autofree guint *other = g_new0 (guint, n_columns);
  gboolean *result = g_new0 (gboolean, n_columns);

  for (guint row = 0; row < n_rows; row++)
    {
      guint n = MIN (fm_csv_get_n_fields (im->csv, row), n_columns);

      for (guint column = 0; column < n; column++)
        {
          const char *text = fm_csv_get_field (im->csv, row, column);
          gint64 t;

          if ((int) column == im->columns.item || (int) column == im->columns.type || *text == '\0')
            continue;
          if (fm_csv_parse_time (text, im->tz, &t))
            dates[column]++;
          else
            other[column]++;
        }
    }

  for (guint column = 0; column < n_columns; column++)
    result[column] = dates[column] > 0 && dates[column] >= other[column];

  return result;
}

/* Returns: (transfer full): the headers, quoted: “Issue key”, “From”… */
static char *
list_columns (FmCsv *csv)
{
  const guint shown = 12;
  guint n = fm_csv_get_n_columns (csv);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, shown); i++)
    {
      g_autofree char *quoted = quote (fm_csv_get_header (csv, i));

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, quoted);
    }
  if (n > shown)
    g_string_append_printf (out, _(" and %u more"), n - shown);

  return g_string_free (out, FALSE);
}

static gboolean
choose_wide_states (Import                    *im,
                    const FmCsvImportOptions  *options,
                    GError                   **error)
{
  guint n_columns = fm_csv_get_n_columns (im->csv);

  if (options->state_columns != NULL)
    {
      for (guint i = 0; i < options->n_state_columns; i++)
        {
          if (options->state_columns[i] >= n_columns)
            {
              g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS,
                           _("%s: no column %u; the file has %u"),
                           fm_csv_get_display_name (im->csv), options->state_columns[i] + 1, n_columns);
              return FALSE;
            }
          g_array_append_val (im->states, options->state_columns[i]);
        }
    }
  else
    {
      g_autofree gboolean *holds_dates = columns_holding_dates (im);

      for (guint i = 0; i < n_columns; i++)
        {
          if ((int) i == im->columns.item || (int) i == im->columns.type ||
              *fm_csv_get_header (im->csv, i) == '\0')
            continue;
          if (holds_dates[i])
            g_array_append_val (im->states, i);
          else
            fm_observed_log_add_warning (im->log, _("the column “%s” is not read: it does not hold dates"),
                                         fm_csv_get_header (im->csv, i));
        }
    }

  if (im->states->len < 2 && options->state_columns == NULL && im->any_named)
    {
      g_autofree char *columns = list_columns (im->csv);

      /* A changelog (Issue key, From, To, Changed) has times but no
       * state: say what is missing rather than that nothing was found. */
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS,
                   _("%s: no column of states (state, status, column or stage) nor two or more "
                     "columns of dates, one per state, among the columns read: %s"),
                   fm_csv_get_display_name (im->csv), columns);
      return FALSE;
    }
  if (im->states->len < 2)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS,
                   _("%s: found no columns item, state and entered_at, nor two or more columns of "
                     "dates, one per state"),
                   fm_csv_get_display_name (im->csv));
      return FALSE;
    }

  for (guint i = 0; i < im->states->len; i++)
    {
      const char *name = fm_csv_get_header (im->csv, g_array_index (im->states, guint, i));
      guint state = fm_observed_log_add_state (im->log, name);

      g_array_append_val (im->state_ids, state);
      /* The last column is where items end up. */
      if (i + 1 == im->states->len)
        fm_observed_log_set_state_done (im->log, state, TRUE);
    }

  return TRUE;
}

static gboolean
check_column (FmCsv       *csv,
              int          column,
              GError     **error)
{
  if (column >= 0 && (guint) column >= fm_csv_get_n_columns (csv))
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS, _("%s: no column %d; the file has %u"),
                   fm_csv_get_display_name (csv), column + 1, fm_csv_get_n_columns (csv));
      return FALSE;
    }

  return TRUE;
}

/* Fills in the columns the caller left to find. */
static gboolean
choose_columns (Import                    *im,
                const FmCsvImportOptions  *options,
                GError                   **error)
{
  const FmCsvColumns *given = &options->columns;
  FmCsvColumns *c = &im->columns;
  guint n_columns = fm_csv_get_n_columns (im->csv);
  g_autofree gboolean *taken = g_new0 (gboolean, n_columns);
  struct { int *column; int wanted; const char * const *names; } roles[] = {
    { &c->item, given->item, item_names },
    { &c->state, given->state, state_names },
    { &c->entered, given->entered, entered_names },
    { &c->left, given->left, left_names },
    { &c->type, given->type, type_names },
  };

  /* Columns chosen by hand first, so that a guess does not take them. */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (!check_column (im->csv, roles[i].wanted, error))
        return FALSE;
      *roles[i].column = roles[i].wanted;
      if (roles[i].wanted >= 0)
        taken[roles[i].wanted] = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (*roles[i].column != FM_CSV_COLUMN_AUTO)
        continue;
      *roles[i].column = find_column (im->csv, roles[i].names, taken);
      if (*roles[i].column >= 0)
        taken[*roles[i].column] = TRUE;
    }

  c->shape = given->shape;
  if (c->shape == FM_CSV_SHAPE_AUTO)
    c->shape = c->state >= 0 && c->entered >= 0 ? FM_CSV_SHAPE_TRANSITIONS : FM_CSV_SHAPE_WIDE;

  im->any_named = c->state >= 0 || c->entered >= 0 || c->left >= 0;
  if (c->shape == FM_CSV_SHAPE_WIDE)
    {
      /* A wide export has no state or time columns: its dates are states. */
      c->state = c->entered = c->left = FM_CSV_COLUMN_NONE;
    }
  else if (c->state < 0)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS,
                   _("%s: no column of states: name it state or status, or choose it"),
                   fm_csv_get_display_name (im->csv));
      return FALSE;
    }
  else if (c->entered < 0)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS,
                   _("%s: no column of times a state was entered: name it entered_at, "
                     "timestamp or date, or choose it"),
                   fm_csv_get_display_name (im->csv));
      return FALSE;
    }

  if (c->item < 0)
    {
      /* Without a named one, the first column left is the id. */
      for (guint i = 0; i < n_columns && c->item < 0; i++)
        if (!taken[i])
          c->item = i;
      if (c->item < 0)
        {
          g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS, _("%s: no column for the item id"),
                       fm_csv_get_display_name (im->csv));
          return FALSE;
        }
      fm_observed_log_add_warning (im->log, _("no column is named item, id or key: the column “%s” is taken as the item id"),
                                   fm_csv_get_header (im->csv, c->item));
    }

  return TRUE;
}

/**
 * fm_csv_import:
 * @csv: an export of work items
 * @options: (nullable): the shape, the columns, the time zone; %NULL: all found
 * @used: (out caller-allocates) (optional): the shape and columns used,
 *   for a dialog to show what was found
 * @error: an %FM_CSV_ERROR: no rows, the columns needed are not there, or
 *   no row could be read (%FM_CSV_ERROR_ROWS)
 *
 * Reads the states items went through, and when. Rows that cannot be read
 * are listed in the log's errors with their line; the log's warnings say
 * what the caller should know about the file as a whole.
 *
 * Column roles are found by header name, in any case and punctuation:
 * the item (item, id, key, issue, number), the state (state, status,
 * column), when it was entered (entered, entered_at, start, from,
 * timestamp, date, changed), when it was left (left, left_at, end, to) and
 * the item's type (type, issue type, work item type, kind, label). With a
 * state and a time entered, each row is a transition; otherwise every
 * column of dates is a state, in the order of the columns, and the last
 * one finishes an item.
 *
 * Returns: (transfer full) (nullable): the log, sealed, or %NULL with @error set
 */
FmObservedLog *
fm_csv_import (FmCsv                     *csv,
               const FmCsvImportOptions  *options,
               FmCsvColumns              *used,
               GError                   **error)
{
  FmCsvImportOptions defaults;
  g_autoptr(FmObservedLog) log = NULL;
  Import im = { 0 };
  guint n_rows;
  gboolean ok;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      fm_csv_import_options_init (&defaults);
      options = &defaults;
    }

  n_rows = fm_csv_get_n_rows (csv);
  if (n_rows == 0)
    {
      g_set_error (error, FM_CSV_ERROR, FM_CSV_ERROR_EMPTY, _("%s: only a header, no rows"),
                   fm_csv_get_display_name (csv));
      return NULL;
    }

  log = fm_observed_log_new ();
  im.csv = csv;
  im.log = log;
  im.tz = options->time_zone != NULL ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  im.states = g_array_new (FALSE, FALSE, sizeof (guint));
  im.state_ids = g_array_new (FALSE, FALSE, sizeof (guint));

  if (fm_csv_get_transcoded (csv))
    fm_observed_log_add_warning (log, _("the file is not UTF-8: it was read as Windows-1252"));

  ok = choose_columns (&im, options, error);
  if (ok && im.columns.shape == FM_CSV_SHAPE_WIDE)
    ok = choose_wide_states (&im, options, error);

  if (ok)
    {
      for (guint row = 0; row < n_rows; row++)
        {
          if (im.columns.shape == FM_CSV_SHAPE_WIDE)
            import_wide (&im, row);
          else
            import_transition (&im, row);
        }

      for (guint i = 0; i < fm_csv_get_n_problems (csv); i++)
        {
          guint line;
          const char *message = fm_csv_get_problem (csv, i, &line);

          fm_observed_log_add_error (log, line, "%s", message);
        }

      for (guint i = 0; i < fm_observed_log_get_n_states (log); i++)
        {
          const char *name = fm_observed_log_get_state_name (log, i);

          if (fm_observed_state_means_done (name) ||
              (options->done_states != NULL && g_strv_contains (options->done_states, name)))
            fm_observed_log_set_state_done (log, i, TRUE);
        }
      fm_observed_log_set_time_zone (log, im.tz);
      fm_observed_log_seal (log);
      ok = fm_csv_import_check_any_row (csv, log, error);

      if (ok && used != NULL)
        *used = im.columns;
    }

  g_time_zone_unref (im.tz);
  g_array_unref (im.states);
  g_array_unref (im.state_ids);

  return ok ? g_steal_pointer (&log) : NULL;
}

/**
 * fm_csv_import_file:
 *
 * Reads @file with fm_csv_read_file() (the separator found from its
 * header), then imports it with fm_csv_import().
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set
 */
FmObservedLog *
fm_csv_import_file (GFile                     *file,
                    const FmCsvImportOptions  *options,
                    FmCsvColumns              *used,
                    GError                   **error)
{
  g_autoptr(FmCsv) csv = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  csv = fm_csv_read_file (file, 0, error);
  if (csv == NULL)
    return NULL;

  return fm_csv_import (csv, options, used, error);
}
