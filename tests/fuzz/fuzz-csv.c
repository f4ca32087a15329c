/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: libFuzzer target for the CSV reader and the observed-data import
 *
 * The bytes go the way `flowmap observe --csv` and the import dialog take a
 * tracker's export: fm_csv_parse() with the separator sniffed (what
 * fm_csv_read_file() does after reading), fm_csv_import() with the columns
 * found by name, then the states mapped onto the release example's map and
 * the figures computed. The dialog's other path, columns chosen by hand, is
 * taken too. Every input must parse or give an error that starts with the
 * file's name; what is read must keep the promises of fm-csv.h (valid UTF-8,
 * rows in the order of their lines, lines within the file).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fm-csv.h"
#include "fm-csv-import.h"
#include "fm-json.h"
#include "fm-observed.h"
#include "fm-observed-mapping.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define NAME "fuzz.csv"

static GTimeZone *time_zone;
static FmDocument *document;
static FmMap *map;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (FLOWMAP_EXAMPLES, "release.flowmap", NULL);
  g_autofree char *text = NULL;
  gsize length;

  /* A zone with summer time, so that its gaps and repeats are reached. */
  time_zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (time_zone == NULL)
    time_zone = g_time_zone_new_utc ();

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  document = fm_json_load_data (text, length, "release.flowmap", &error);
  g_assert_no_error (error);
  map = fm_document_get_map (document, 0);
}

/* Lines as fm-csv.c counts them: LF, CRLF and CR each end one. */
static guint
count_lines (const uint8_t *data,
             size_t         size)
{
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      lines++;

  return lines;
}

static void
assert_message (const char *message)
{
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (g_utf8_validate (message, -1, NULL));
}

static void
check_table (FmCsv *csv,
             guint  n_lines)
{
  guint n_columns = fm_csv_get_n_columns (csv);
  guint n_rows = fm_csv_get_n_rows (csv);
  guint previous_line = 0;

  g_assert_cmpuint (n_columns, >, 0);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = fm_csv_get_header (csv, c);

      g_assert_true (g_utf8_validate (header, -1, NULL));
      g_assert_true (*header == '\0' || (header[0] != ' ' && header[strlen (header) - 1] != ' '));
    }

  for (guint r = 0; r < n_rows; r++)
    {
      guint line = fm_csv_get_line (csv, r);
      guint n_fields = fm_csv_get_n_fields (csv, r);

      g_assert_cmpuint (line, >, previous_line);
      g_assert_cmpuint (line, <=, n_lines);
      previous_line = line;
      g_assert_cmpuint (n_fields, >, 0);
      for (guint c = 0; c < n_fields; c++)
        g_assert_true (g_utf8_validate (fm_csv_get_field (csv, r, c), -1, NULL));
      g_assert_null (fm_csv_get_field (csv, r, n_fields));
    }

  for (guint i = 0; i < fm_csv_get_n_problems (csv); i++)
    {
      guint line = 0;

      assert_message (fm_csv_get_problem (csv, i, &line));
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, n_lines);
    }
}

static void
check_log (FmObservedLog *log,
           guint          n_lines)
{
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) observed = NULL;
  FmObservedOptions options;

  for (guint i = 0; i < fm_observed_log_get_n_errors (log); i++)
    {
      const FmObservedProblem *problem = fm_observed_log_get_error (log, i);

      assert_message (problem->message);
      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_cmpuint (problem->line, <=, n_lines);
    }
  for (guint i = 0; i < fm_observed_log_get_n_warnings (log); i++)
    assert_message (fm_observed_log_get_warning (log, i));
  for (guint i = 0; i < fm_observed_log_get_n_items (log); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (log, i);

      g_assert_cmpstr (item->id, !=, "");
      for (guint v = 0; v < item->visits->len; v++)
        {
          const FmObservedVisit *visit = &g_array_index (item->visits, FmObservedVisit, v);

          g_assert_cmpuint (visit->state, <, fm_observed_log_get_n_states (log));
          g_assert_cmpuint (visit->line, <=, n_lines);
        }
    }

  /* What `flowmap observe` does next. */
  mapping = fm_observed_mapping_new (log, map);
  fm_observed_options_init (&options);
  options.time_zone = time_zone;
  observed = fm_observed_compute (log, mapping, map, &options);
  g_assert_nonnull (observed);
}

static void
import (FmCsv                    *csv,
        const FmCsvImportOptions *options,
        guint                     n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  FmCsvColumns used;

  log = fm_csv_import (csv, options, &used, &error);
  if (log == NULL)
    {
      g_assert_nonnull (error);
      assert_message (error->message);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      return;
    }

  g_assert_no_error (error);
  g_assert_true (used.shape == FM_CSV_SHAPE_TRANSITIONS || used.shape == FM_CSV_SHAPE_WIDE);
  g_assert_cmpint (used.item, >=, 0);
  g_assert_cmpint (used.item, <, (int) fm_csv_get_n_columns (csv));
  check_log (log, n_lines);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) csv = NULL;
  FmCsvImportOptions options;
  guint n_lines, n_columns;
  const char * const done[] = { "Shipped", "", NULL };

  if (document == NULL)
    setup ();

  n_lines = count_lines (data, size);
  csv = fm_csv_parse ((const char *) data, size, NAME, 0, &error);
  if (csv == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == FM_CSV_ERROR);
      assert_message (error->message);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      return 0;
    }
  g_assert_no_error (error);
  check_table (csv, n_lines);

  /* The columns found by their names, as `flowmap observe` does. */
  fm_csv_import_options_init (&options);
  options.time_zone = time_zone;
  options.done_states = done;
  import (csv, &options, n_lines);

  /* Chosen by hand, as in the import dialog: transitions from the first
   * columns, then a wide export whose dates are found. */
  n_columns = fm_csv_get_n_columns (csv);
  if (n_columns >= 3)
    {
      options.columns.shape = FM_CSV_SHAPE_TRANSITIONS;
      options.columns.item = 0;
      options.columns.state = 1;
      options.columns.entered = 2;
      options.columns.left = n_columns > 3 ? 3 : FM_CSV_COLUMN_NONE;
      options.columns.type = n_columns > 4 ? 4 : FM_CSV_COLUMN_NONE;
      import (csv, &options, n_lines);
    }
  fm_csv_import_options_init (&options);
  options.time_zone = time_zone;
  options.columns.shape = FM_CSV_SHAPE_WIDE;
  options.columns.item = 0;
  options.columns.type = FM_CSV_COLUMN_NONE;
  import (csv, &options, n_lines);

  return 0;
}
