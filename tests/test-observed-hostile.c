/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-observed-hostile.c: exports that are odd or hostile, as users have them
 *
 * Each class of issue 22 with a generated input: a header of more fields
 * than the limit, a field longer than it, visits that overlap, a sentinel
 * or a typo of a date far in the future, a repeated row not next to the
 * first, a wide export whose dates go backwards, rows of another separator
 * than the header's, a changelog without a state column, a median too long
 * for a map. Dates in UTC.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-csv-import.h"
#include "fm-document-private.h"
#include "fm-map-private.h"
#include "fm-observed.h"

#define D 86400.0

static GTimeZone *
utc (void)
{
  static GTimeZone *tz = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return tz;
}

static FmObservedLog *
import (const char  *text,
        GError     **error)
{
  g_autoptr(FmCsv) csv = fm_csv_parse (text, -1, "test.csv", 0, error);
  FmCsvImportOptions options;

  g_assert_nonnull (csv);
  fm_csv_import_options_init (&options);
  options.time_zone = utc ();
  return fm_csv_import (csv, &options, NULL, error);
}

static FmObservedLog *
import_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  FmObservedLog *log = import (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static void
assert_error (FmObservedLog *log,
              guint          position,
              guint          line,
              const char    *message)
{
  const FmObservedProblem *problem = fm_observed_log_get_error (log, position);

  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->message, ==, message);
}

/* A header of @n empty fields, or of fields "c0,c1,…" when @named. */
static GString *
header_of (guint    n,
           gboolean named)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      if (named)
        g_string_append_printf (text, "c%u", i);
    }
  g_string_append_c (text, '\n');
  return text;
}

static void
test_columns_limit (void)
{
  g_autoptr(GString) at_limit = header_of (FM_CSV_MAX_COLUMNS, TRUE);
  g_autoptr(GString) over = header_of (FM_CSV_MAX_COLUMNS + 1, TRUE);
  g_autoptr(GString) empty_over = header_of (FM_CSV_MAX_COLUMNS + 1, FALSE);
  g_autoptr(GString) wide_row = header_of (FM_CSV_MAX_COLUMNS + 1, FALSE);
  g_autoptr(FmCsv) csv = NULL;
  g_autoptr(FmCsv) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint line;

  csv = fm_csv_parse (at_limit->str, at_limit->len, "test.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_csv_get_n_columns (csv), ==, FM_CSV_MAX_COLUMNS);

  g_assert_null (fm_csv_parse (over->str, over->len, "test.csv", 0, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "test.csv: line 1: more than 10,000 columns");
  g_clear_error (&error);

  /* Empty fields are not a blank line: a header of commas alone fails
   * the same way, at no more memory than one field. */
  g_assert_null (fm_csv_parse (empty_over->str, empty_over->len, "test.csv", 0, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "test.csv: line 1: more than 10,000 columns");
  g_clear_error (&error);

  /* A row that wide is left out with its line; the rows around it are read. */
  g_string_prepend (wide_row, "item,state,entered_at\nA,Backlog,2026-03-02\n");
  g_string_append (wide_row, "A,Done,2026-03-03\n");
  rows = fm_csv_parse (wide_row->str, wide_row->len, "test.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_csv_get_n_rows (rows), ==, 2);
  g_assert_cmpuint (fm_csv_get_line (rows, 1), ==, 4);
  g_assert_cmpuint (fm_csv_get_n_problems (rows), ==, 1);
  g_assert_cmpstr (fm_csv_get_problem (rows, 0, &line), ==, "more than 10,000 fields: the row is not read");
  g_assert_cmpuint (line, ==, 3);

  /* Passed over, the row still ends where its quoted fields say. */
  {
    g_autofree char *commas = g_strnfill (FM_CSV_MAX_COLUMNS + 1, ',');
    g_autofree char *text = g_strdup_printf ("item,state,entered_at\n%s \"a,\nb\"\" c\",x\"y\nA,Done,2026-03-03\n",
                                             commas);
    g_autoptr(FmCsv) quoted = fm_csv_parse (text, -1, "test.csv", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (fm_csv_get_n_rows (quoted), ==, 1);
    g_assert_cmpuint (fm_csv_get_line (quoted, 0), ==, 4);
    g_assert_cmpstr (fm_csv_get_field (quoted, 0, 1), ==, "Done");
  }
}

static void
test_field_limit (void)
{
  g_autofree char *at_limit = g_strnfill (FM_CSV_MAX_FIELD_SIZE, 'x');
  g_autofree char *over = g_strnfill (FM_CSV_MAX_FIELD_SIZE + 1, 'x');
  g_autofree char *header = g_strdup_printf ("item,%s\nA,1\n", over);
  g_autofree char *text = g_strdup_printf ("item,state,entered_at\n"
                                           "A,Backlog,2026-03-02\n"
                                           "%s,Doing,2026-03-03\n"
                                           "A,\"%s\",2026-03-04\n"
                                           "A,Done,2026-03-05\n", at_limit, over);
  g_autoptr(FmCsv) csv = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (fm_csv_parse (header, -1, "test.csv", 0, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "test.csv: line 1: a field longer than 1 MiB");
  g_clear_error (&error);

  /* A field of exactly the limit is read; one byte more, quoted or not,
   * leaves its row out. */
  csv = fm_csv_parse (text, -1, "test.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpuint (strlen (fm_csv_get_field (csv, 1, 0)), ==, FM_CSV_MAX_FIELD_SIZE);

  log = import_ok (text);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 1);
  assert_error (log, 0, 4, "a field longer than 1 MiB: the row is not read");
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 3);
}

/* Backlog (queue) → Build (step) → Test (step). */
static FmMap *
new_map (void)
{
  static const struct { FmNodeKind kind; const char *id, *label; } nodes[] = {
    { FM_NODE_KIND_TRIGGER, "start", "Request" },
    { FM_NODE_KIND_QUEUE, "backlog", "Backlog" },
    { FM_NODE_KIND_PROCESS, "build", "Build" },
    { FM_NODE_KIND_PROCESS, "test", "Test" },
  };
  FmMap *map = fm_map_new ("current");

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      g_autoptr(FmNode) node = fm_node_new (nodes[i].kind, nodes[i].id);

      fm_node_set_label (node, nodes[i].label);
      fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
    }
  return map;
}

static FmObserved *
compute (FmObservedLog *log,
         FmMap         *map)
{
  g_autoptr(FmObservedMapping) mapping = fm_observed_mapping_new (log, map);
  FmObservedOptions options;

  fm_observed_options_init (&options);
  options.time_zone = utc ();
  return fm_observed_compute (log, mapping, map, &options);
}

static const FmObservedVisit *
visit (FmObservedLog *log,
       guint          item,
       guint          position)
{
  return &g_array_index (fm_observed_log_get_item (log, item)->visits, FmObservedVisit, position);
}

static void
test_overlap (void)
{
  /* Building is left on day 9, but Testing was entered on day 2: the
   * building ends there, else days 2 to 4 would count twice. */
  g_autoptr(FmObservedLog) log = import_ok ("item,state,entered_at,left_at\n"
                                            "A,Backlog,2026-01-01,2026-01-02\n"
                                            "A,Building,2026-01-02,2026-01-10\n"
                                            "A,Testing,2026-01-03,2026-01-05\n"
                                            "A,Done,2026-01-05,\n"
                                            "B,Backlog,2026-01-01,\n"
                                            "B,Testing,2026-01-04,2026-01-09\n"
                                            "B,Done,2026-01-06,\n");
  g_autoptr(FmMap) map = new_map ();
  g_autoptr(FmObserved) o = NULL;

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 1);
  g_assert_cmpstr (fm_observed_log_get_warning (log, 0), ==,
                   "2 visits end after their item entered its next state (the first on line 3): "
                   "each is cut at that entry");
  g_assert_cmpint (visit (log, 0, 1)->left - visit (log, 0, 1)->entered, ==, 1 * D);
  g_assert_cmpint (visit (log, 1, 1)->left - visit (log, 1, 1)->entered, ==, 2 * D);

  o = compute (log, map);
  g_assert_cmpuint (o->finished, ==, 2);
  /* A: 1 d building + 2 d testing of 4 d; B: 2 d testing of 5 d. */
  g_assert_cmpfloat_with_epsilon (o->flow_efficiency, 5.0 / 9.0, 1e-12);
  g_assert_cmpfloat (o->flow_efficiency, <=, 1.0);
}

static void
test_future_dates (void)
{
  g_autoptr(FmObservedLog) log = import_ok ("item,state,entered_at,left_at\n"
                                            "A,Backlog,2026-03-02,\n"
                                            "A,Building,2026-03-04,\n"
                                            "A,Done,2026-03-05,\n"
                                            "B,Backlog,2026-03-02,\n"
                                            "B,Building,2062-03-02,\n"
                                            "C,Backlog,2026-03-03,9999-12-31\n"
                                            "D,Backlog,9999-12-31,\n"
                                            "E,Backlog,2026-03-01,\n");
  g_autoptr(FmMap) map = new_map ();
  g_autoptr(FmObserved) o = NULL;
  char day[16];

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 3);
  assert_error (log, 0, 6, "2062-03-02 is after every other event by 36 years (the others end on 2026-03-05): left out");
  assert_error (log, 1, 7, "item “C” leaves “Backlog” on 9999-12-31, after every other event by 7974 years "
                           "(the others end on 2026-03-05): the time it left is left out");
  assert_error (log, 2, 8, "9999-12-31 is after every other event by 7974 years (the others end on 2026-03-05): "
                           "left out");
  /* D had nothing else: it is not in the data. */
  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 4);
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 6);
  g_assert_cmpint (visit (log, 2, 0)->left, ==, FM_OBSERVED_OPEN);

  /* The period ends with the plausible data: B and C are in progress. */
  o = compute (log, map);
  g_assert_nonnull (o->as_of);
  g_assert_cmpint (g_date_time_to_unix (o->as_of), ==, 1772668800 + 1); /* 2026-03-05T00:00:01Z */
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &o->last_day);
  g_assert_cmpstr (day, ==, "2026-03-05");
  g_assert_cmpuint (o->finished, ==, 1);
  g_assert_cmpuint (o->in_progress, ==, 3);
}

/* A gap of more than a year followed by more data than came before is a
 * pause in the data, not a typo: nothing is left out. */
static void
test_future_dates_pause (void)
{
  g_autoptr(FmObservedLog) log = import_ok ("item,state,entered_at\n"
                                            "A,Backlog,2020-03-02\n"
                                            "A,Done,2020-03-05\n"
                                            "B,Backlog,2026-03-02\n"
                                            "B,Building,2026-03-03\n"
                                            "B,Done,2026-03-05\n");
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 5);
}

/* Data that ends in the last second of 9999 has a period and a forecast,
 * and no date of either is the year 1. */
static void
test_end_of_dates (void)
{
  GString *text = g_string_new ("item,state,entered_at\n");
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmMap) map = new_map ();
  g_autoptr(FmObserved) o = NULL;
  FmObservedForecast forecast;

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "I%u,Backlog,9999-10-%02u\nI%u,Building,9999-10-%02u\nI%u,Done,9999-11-%02u\n",
                            i, i + 1, i, i + 2, i, i + 1);
  g_string_append (text, "Z,Backlog,9999-12-31T23:59:59Z\n");
  log = import_ok (text->str);
  g_string_free (text, TRUE);

  o = compute (log, map);
  g_assert_nonnull (o->as_of);
  g_assert_cmpint (g_date_time_get_year (o->as_of), ==, 9999);
  g_assert_cmpuint (g_date_get_year (&o->last_day), ==, 9999);
  g_assert_true (fm_observed_forecast (o, 50, 1000, 1, &forecast));
  for (guint i = 0; i < G_N_ELEMENTS (forecast.dates); i++)
    g_assert_cmpuint (g_date_get_year (&forecast.dates[i]), ==, 10000);
}

static void
test_duplicate_apart (void)
{
  /* Dates alone: Backlog and Building on the same day, and the Backlog
   * row again after Building. */
  g_autoptr(FmObservedLog) log = import_ok ("item,state,entered_at\n"
                                            "A,Backlog,2026-03-02\n"
                                            "A,Building,2026-03-02\n"
                                            "A,Done,2026-03-04\n"
                                            "A,Backlog,2026-03-02\n");

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 1);
  assert_error (log, 0, 5, "item “A” enters “Backlog” at the same time as on line 2");
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 3);
  g_assert_cmpuint (fm_observed_log_get_item (log, 0)->visits->len, ==, 3);
}

static void
test_wide_backwards (void)
{
  g_autoptr(FmObservedLog) log = import_ok ("id,Backlog,Building,Review,Done\n"
                                            "W-1,2026-03-02,2026-03-06,,2026-03-04\n"
                                            "W-2,2026-03-02,2026-03-03,2026-03-03,2026-03-05\n");

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 1);
  assert_error (log, 0, 2, "“2026-03-04” in the column “Done” is before “2026-03-06” in the column “Building”, "
                           "a state earlier in the flow");
  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 1);
  g_assert_cmpstr (fm_observed_log_get_item (log, 0)->id, ==, "W-2");
}

static void
test_every_row_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmObservedLog) some = NULL;

  g_assert_null (import ("item,state,entered_at\n"
                         "A;Backlog;2026-03-02\n"
                         "A;Done;2026-03-04\n", &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "test.csv: no row could be read; line 2: 1 field where the header has 3; the header's "
                   "fields are separated by commas, the rows seem to use semicolons: save the export with "
                   "one separator");
  g_clear_error (&error);

  /* Without a separator to blame, the first row's error alone. */
  g_assert_null (import ("item,state,entered_at\nA,Backlog,soon\n", &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "test.csv: no row could be read; line 2: “soon” in the column “entered_at” is not a date "
                   "and time");
  g_clear_error (&error);

  /* One row read is enough. */
  some = import_ok ("item,state,entered_at\nA;Backlog;2026-03-02\nA,Done,2026-03-04\n");
  g_assert_cmpuint (fm_observed_log_get_n_visits (some), ==, 1);
}

static void
test_changelog (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (import ("Issue key,From,To,Changed\n"
                         "A-1,To Do,In Progress,2026-03-02\n"
                         "A-1,In Progress,Done,2026-03-04\n", &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==,
                   "test.csv: no column of states (state, status, column or stage) nor two or more columns "
                   "of dates, one per state, among the columns read: “Issue key”, “From”, “To”, “Changed”");
}

static void
test_median_too_long (void)
{
  g_autoptr(FmObservedLog) log = import_ok ("item,state,entered_at\n"
                                            "A,Backlog,1600-01-01\n"
                                            "A,Building,2026-01-01\n"
                                            "A,Done,2026-01-05\n");
  g_autoptr(FmMap) map = new_map ();
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmObserved) o = NULL;
  g_autofree char *message = NULL;
  FmNode *backlog = fm_map_lookup_node (map, "backlog");

  fm_document_insert_map_internal (document, 0, map);
  o = compute (log, map);
  message = fm_observed_check_apply (o, document, map, FM_OBSERVED_MEDIAN);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "the observed median of “Backlog”, "));
  g_assert_true (g_str_has_suffix (message, ", is longer than a time on a map may be (300 years)"));

  /* Applied anyway, the step that fits gets its time, the queue keeps its own. */
  g_assert_cmpuint (fm_observed_apply (o, document, map, FM_OBSERVED_MEDIAN), ==, 1);
  g_assert_null (fm_node_get_observed (backlog));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/observed/hostile/columns-limit", test_columns_limit);
  g_test_add_func ("/fm/observed/hostile/field-limit", test_field_limit);
  g_test_add_func ("/fm/observed/hostile/overlap", test_overlap);
  g_test_add_func ("/fm/observed/hostile/future-dates", test_future_dates);
  g_test_add_func ("/fm/observed/hostile/future-dates-pause", test_future_dates_pause);
  g_test_add_func ("/fm/observed/hostile/end-of-dates", test_end_of_dates);
  g_test_add_func ("/fm/observed/hostile/duplicate-apart", test_duplicate_apart);
  g_test_add_func ("/fm/observed/hostile/wide-backwards", test_wide_backwards);
  g_test_add_func ("/fm/observed/hostile/every-row-fails", test_every_row_fails);
  g_test_add_func ("/fm/observed/hostile/changelog", test_changelog);
  g_test_add_func ("/fm/observed/hostile/median-too-long", test_median_too_long);

  return g_test_run ();
}
