/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: CSV text, timestamps and the two shapes of work-item exports
 *
 * Each broken input is checked for the error it gives, not only for not
 * crashing: an empty file, a header alone, ragged rows, a quote never
 * closed, text that is not UTF-8.
 */
#include "config.h"

#include <string.h>

#include "fm-csv.h"
#include "fm-csv-import.h"

static GTimeZone *
utc (void)
{
  static GTimeZone *tz = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return tz;
}

static FmCsv *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  FmCsv *csv = fm_csv_parse (text, -1, "test.csv", 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static FmObservedLog *
import (const char *text)
{
  g_autoptr(FmCsv) csv = parse (text);
  g_autoptr(GError) error = NULL;
  FmCsvImportOptions options;
  FmObservedLog *log;

  fm_csv_import_options_init (&options);
  options.time_zone = utc ();
  log = fm_csv_import (csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static void
assert_row (FmCsv              *csv,
            guint               row,
            guint               line,
            const char * const *fields)
{
  guint n = g_strv_length ((char **) fields);

  g_assert_cmpuint (fm_csv_get_line (csv, row), ==, line);
  g_assert_cmpuint (fm_csv_get_n_fields (csv, row), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (fm_csv_get_field (csv, row, i), ==, fields[i]);
  g_assert_null (fm_csv_get_field (csv, row, n));
}

#define ROW(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
test_basic (void)
{
  g_autoptr(FmCsv) csv = parse ("item,state,entered_at\nA-1,Backlog,2026-03-02\nA-2, In Dev ,2026-03-03\n");

  g_assert_cmpint (fm_csv_get_separator (csv), ==, ',');
  g_assert_false (fm_csv_get_transcoded (csv));
  g_assert_cmpuint (fm_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpstr (fm_csv_get_header (csv, 2), ==, "entered_at");
  g_assert_cmpuint (fm_csv_get_n_rows (csv), ==, 2);
  assert_row (csv, 0, 2, ROW ("A-1", "Backlog", "2026-03-02"));
  /* Spaces around an unquoted field are not part of it. */
  assert_row (csv, 1, 3, ROW ("A-2", "In Dev", "2026-03-03"));
  g_assert_cmpuint (fm_csv_get_n_problems (csv), ==, 0);
}

static void
test_quotes (void)
{
  g_autoptr(FmCsv) csv = parse ("a,b,c\n"
                                "\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n"
                                "\"\",plain\"quote, \"kept\" \n"
                                "last,row,here");

  g_assert_cmpuint (fm_csv_get_n_rows (csv), ==, 3);
  assert_row (csv, 0, 2, ROW ("x, y", "he said \"hi\"", "two\nlines"));
  /* The record after the one with a line break starts on line 4; a quote
   * inside an unquoted field is a character; blanks after a closing quote go. */
  assert_row (csv, 1, 4, ROW ("", "plain\"quote", "kept"));
  /* No final line break. */
  assert_row (csv, 2, 5, ROW ("last", "row", "here"));
}

static void
test_line_endings (void)
{
  g_autoptr(FmCsv) crlf = parse ("a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,5\r\n");
  g_autoptr(FmCsv) cr = parse ("a,b\r1,2\r3,4\r");

  /* The blank line 3 is skipped; the quoted CRLF is one line break. */
  g_assert_cmpuint (fm_csv_get_n_rows (crlf), ==, 3);
  assert_row (crlf, 0, 2, ROW ("1", "2"));
  assert_row (crlf, 1, 4, ROW ("3", "x\r\ny"));
  assert_row (crlf, 2, 6, ROW ("4", "5"));

  g_assert_cmpuint (fm_csv_get_n_rows (cr), ==, 2);
  assert_row (cr, 1, 3, ROW ("3", "4"));
}

static void
test_bom (void)
{
  g_autoptr(FmCsv) csv = parse ("\xEF\xBB\xBFitem,state\nA,B\n");

  g_assert_cmpstr (fm_csv_get_header (csv, 0), ==, "item");
  assert_row (csv, 0, 2, ROW ("A", "B"));
}

static void
test_separators (void)
{
  g_autoptr(FmCsv) semicolon = parse ("item;state;entered_at\nA;1,5;2026-03-02\n");
  g_autoptr(FmCsv) tab = parse ("item\tstate\tentered at\nA\tIn Dev\t2026-03-02\n");
  /* The commas are inside quotes: the header has more semicolons. */
  g_autoptr(FmCsv) quoted = parse ("\"a,b,c\";d\n1;2\n");
  g_autoptr(FmCsv) single = parse ("item\nA\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) forced = fm_csv_parse ("a;b,c\n1;2,3\n", -1, NULL, ',', &error);

  g_assert_cmpint (fm_csv_get_separator (semicolon), ==, ';');
  assert_row (semicolon, 0, 2, ROW ("A", "1,5", "2026-03-02"));
  g_assert_cmpint (fm_csv_get_separator (tab), ==, '\t');
  assert_row (tab, 0, 2, ROW ("A", "In Dev", "2026-03-02"));
  g_assert_cmpint (fm_csv_get_separator (quoted), ==, ';');
  assert_row (quoted, 0, 2, ROW ("1", "2"));
  g_assert_cmpint (fm_csv_get_separator (single), ==, ',');
  g_assert_no_error (error);
  assert_row (forced, 0, 2, ROW ("1;2", "3"));
}

static void
test_empty (void)
{
  const char *empties[] = { "", "\n\n\r\n", ",,,\n  \n", "\xEF\xBB\xBF" };
  g_autoptr(FmCsv) header_only = parse ("item,state,entered_at\n");
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GError) empty_error = NULL;
      g_autoptr(FmCsv) csv = fm_csv_parse (empties[i], -1, "empty.csv", 0, &empty_error);

      g_assert_null (csv);
      g_assert_error (empty_error, FM_CSV_ERROR, FM_CSV_ERROR_EMPTY);
      g_assert_cmpstr (empty_error->message, ==, "empty.csv: the file is empty");
    }

  /* A header alone is a table; importing it is an error. */
  g_assert_cmpuint (fm_csv_get_n_rows (header_only), ==, 0);
  log = fm_csv_import (header_only, NULL, NULL, &error);
  g_assert_null (log);
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "test.csv: only a header, no rows");
}

static void
test_unterminated (void)
{
  g_autoptr(FmCsv) csv = parse ("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) only = fm_csv_parse ("\"a,b\n1,2\n", -1, "q.csv", 0, &error);
  guint line;

  /* The rest of the file is in the open field: one problem, on its line. */
  g_assert_cmpuint (fm_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpuint (fm_csv_get_n_problems (csv), ==, 1);
  g_assert_cmpstr (fm_csv_get_problem (csv, 0, &line), ==,
                   "the quoted field that starts here is not closed: lines 3 to 5 are not read");
  g_assert_cmpuint (line, ==, 3);

  g_assert_null (only);
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "q.csv: line 1: the quoted field that starts here is not closed: lines 1 to 2 are not read");
}

static void
test_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmCsv) latin = NULL;
  g_autoptr(FmCsv) bad = NULL;
  g_autoptr(FmCsv) utf16 = NULL;
  g_autoptr(FmCsv) nul = NULL;
  g_autoptr(FmObservedLog) log = NULL;

  /* "Café" and an en dash (0x96) in Windows-1252. */
  latin = fm_csv_parse ("item,state,entered_at\nA,Caf\xE9 \x96 Bar,2026-03-02\n", -1, "w.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (fm_csv_get_transcoded (latin));
  g_assert_cmpstr (fm_csv_get_field (latin, 0, 1), ==, "Café – Bar");
  log = fm_csv_import (latin, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 1);
  g_assert_cmpstr (fm_observed_log_get_warning (log, 0), ==,
                   "the file is not UTF-8: it was read as Windows-1252");

  /* 0x81 is not a character of Windows-1252 either. */
  bad = fm_csv_parse ("a,b\n1,2\nx\x81y,3\n", -1, "b.csv", 0, &error);
  g_assert_null (bad);
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "b.csv: line 3, column 2: neither UTF-8 nor Windows-1252 text (byte 0x81); "
                   "save the export as UTF-8");
  g_clear_error (&error);

  utf16 = fm_csv_parse ("\xFF\xFEi\0t\0", 6, "u.csv", 0, &error);
  g_assert_null (utf16);
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "u.csv: UTF-16 text; save the export as UTF-8 CSV");
  g_clear_error (&error);

  nul = fm_csv_parse ("a,b\n1\0,2\n", 9, "n.csv", 0, &error);
  g_assert_null (nul);
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "n.csv: line 2, column 2: a NUL byte: not a text file");
}

/* Where a byte that is not text is: lines as the parser counts them (a CR
 * alone ends one too, as old Mac exports do), columns in characters. */
static void
test_encoding_place (void)
{
  const struct {
    const char *text;
    gssize length;
    const char *message;
  } cases[] = {
    /* Line 3 after two CRs; "x" is column 1, 0x8D column 2. */
    { "a,b\r1,2\rx\x8Dy,3\r", -1,
      "p.csv: line 3, column 2: neither UTF-8 nor Windows-1252 text (byte 0x8D); save the export as UTF-8" },
    /* CRLF is one line break, not two: line 2. "\xE9" (é in Windows-1252)
     * is one character: 0x90 is column 4 of "é,b\x90". */
    { "a,b\r\n\xE9,b\x90\r\n", -1,
      "p.csv: line 2, column 4: neither UTF-8 nor Windows-1252 text (byte 0x90); save the export as UTF-8" },
    /* Read as Windows-1252, "\xC3\xA9" is two characters ("Ã©"), not one é. */
    { "a\n\xC3\xA9\x81", -1,
      "p.csv: line 2, column 3: neither UTF-8 nor Windows-1252 text (byte 0x81); save the export as UTF-8" },
    /* The byte order mark is not a character of line 1: "ab" then NUL at 3. */
    { "\xEF\xBB\xBF" "ab\0", 6, "p.csv: line 1, column 3: a NUL byte: not a text file" },
    /* "Café" is four characters of UTF-8 (five bytes): NUL at column 5 of line 2. */
    { "a\rCaf\xC3\xA9\0", 8, "p.csv: line 2, column 5: a NUL byte: not a text file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FmCsv) csv = fm_csv_parse (cases[i].text, cases[i].length, "p.csv", 0, &error);

      g_assert_null (csv);
      g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_time (void)
{
  const struct {
    const char *text;
    gint64 expected;
  } good[] = {
    { "2026-03-02", 1772409600 },
    { " 2026-03-02 ", 1772409600 },
    { "2026-3-2", 1772409600 },
    { "2026-03-02T10:30", 1772447400 },
    { "2026-03-02 10:30:15", 1772447415 },
    { "2026-03-02T10:30:15.250", 1772447415 },
    { "2026-03-02T10:30:15Z", 1772447415 },
    { "2026-03-02t10:30:15z", 1772447415 },
    { "2026-03-02T12:30:15+02:00", 1772447415 },
    { "2026-03-02T12:30:15+0200", 1772447415 },
    { "2026-03-02T12:30:15 +02", 1772447415 },
    { "2026-03-02T05:00:15-05:30", 1772447415 },
    { "2024-02-29", 1709164800 },
    { "1970-01-01T00:00:00Z", 0 },
    /* The ends of GDateTime's range: 719162 days before 1970-01-01, and
     * 2932897 days after it less one second. */
    { "0001-01-01T00:00:00Z", -62135596800 },
    { "0001-01-01T10:00:00+10:00", -62135596800 },
    { "9999-12-31T23:59:59Z", 253402300799 },
    { "9999-12-31T13:59:59-10:00", 253402300799 },
  };
  const char *bad[] = {
    "", "2026", "2026-13-01", "2026-02-29", "2026-03-02T25:00", "2026-03-02T10:60",
    "2026-03-02T10", "2026-03-02T10:30+15:00", "02.03.2026", "03/02/2026",
    "2026-03-02 garbage", "2026-03-02T10:30:15+02:00x", "yesterday",
    /* Real dates, but an offset puts them in the year 0 or 10000. */
    "0001-01-01T00:00:00+00:01", "0001-01-01T09:59:59+10", "9999-12-31T23:59:59-00:01",
    "9999-12-31T23:00-14:00",
  };
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  gint64 t;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i].text);
      g_assert_true (fm_csv_parse_time (good[i].text, utc (), &t));
      g_assert_cmpint (t, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (fm_csv_parse_time (bad[i], utc (), &t));
    }

  /* The time zone is that of naive times only. */
  g_assert_true (fm_csv_parse_time ("2026-03-02T12:30:15", plus_two, &t));
  g_assert_cmpint (t, ==, 1772447415);
  g_assert_true (fm_csv_parse_time ("2026-03-02T10:30:15Z", plus_two, &t));
  g_assert_cmpint (t, ==, 1772447415);
  /* Midnight of the first day at +02:00 is 22:00 the day before in UTC,
   * in the year 0; 02:00 is the first instant of the range. */
  g_assert_false (fm_csv_parse_time ("0001-01-01", plus_two, &t));
  g_assert_true (fm_csv_parse_time ("0001-01-01T02:00", plus_two, &t));
  g_assert_cmpint (t, ==, -62135596800);
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

static const FmObservedVisit *
visit (FmObservedLog *log,
       guint          item,
       guint          position)
{
  return &g_array_index (fm_observed_log_get_item (log, item)->visits, FmObservedVisit, position);
}

#define DAY 86400
#define T0 1772409600 /* 2026-03-02 */

static void
test_import_transitions (void)
{
  /* Tracker-style header names; rows out of order; one of each error. */
  g_autoptr(FmObservedLog) log = import (
    "Issue key,Status,Entered At,Left,Issue Type,Summary\n"
    "A-1,In Dev,2026-03-04,,feature,Login\n"                 /* 2 */
    "A-1,Backlog,2026-03-02,2026-03-03,feature,Login\n"      /* 3: left before the next entry */
    "A-1,Done,2026-03-09,,,Login\n"                          /* 4 */
    "A-2,Backlog,2026-03-05,,defect,Crash\n"                 /* 5 */
    "A-2,In Dev,2026-13-01,,defect,Crash\n"                  /* 6: bad date */
    ",Backlog,2026-03-05,,,\n"                               /* 7: no item */
    "A-3,In Dev,2026-03-06,2026-03-05,,x\n"                  /* 8: leaves before it enters */
    "A-3,Backlog\n"                                          /* 9: too few fields */
    "A-3,Backlog,2026-03-01,,,x,extra\n"                     /* 10: too many */
    "A-3,Backlog,2026-03-01,,,x,,\n"                         /* 11: trailing empties are fine */
    "A-3,,2026-03-01,,,x\n"                                  /* 12: no state */
    "A-3,Backlog,2026-03-01,,,x\n");                         /* 13: a repeat of 11 */
  const FmObservedItem *a1;

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 7);
  assert_error (log, 0, 6, "“2026-13-01” in the column “Entered At” is not a date and time");
  assert_error (log, 1, 7, "no item id in the column “Issue key”");
  assert_error (log, 2, 8, "item “A-3” leaves “In Dev” before it enters it");
  assert_error (log, 3, 9, "2 fields where the header has 6");
  assert_error (log, 4, 10, "7 fields where the header has 6");
  assert_error (log, 5, 12, "no state in the column “Status”");
  assert_error (log, 6, 13, "item “A-3” enters “Backlog” at the same time as on line 11");

  g_assert_cmpuint (fm_observed_log_get_n_states (log), ==, 3);
  g_assert_cmpstr (fm_observed_log_get_state_name (log, 0), ==, "In Dev");
  g_assert_false (fm_observed_log_get_state_done (log, 0));
  g_assert_true (fm_observed_log_get_state_done (log, fm_observed_log_lookup_state (log, "Done")));
  g_assert_cmpint (fm_observed_log_lookup_state (log, "Nope"), ==, -1);
  g_assert_true (fm_observed_log_has_types (log));
  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 3);
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 5);

  /* Sorted by time; an open visit ends at the next entry, an explicit end stays. */
  a1 = fm_observed_log_get_item (log, 0);
  g_assert_cmpstr (a1->id, ==, "A-1");
  g_assert_cmpstr (a1->type, ==, "feature");
  g_assert_cmpuint (a1->visits->len, ==, 3);
  g_assert_cmpint (visit (log, 0, 0)->entered, ==, T0);
  g_assert_cmpint (visit (log, 0, 0)->left, ==, T0 + DAY);
  g_assert_cmpuint (visit (log, 0, 0)->line, ==, 3);
  g_assert_cmpint (visit (log, 0, 1)->entered, ==, T0 + 2 * DAY);
  g_assert_cmpint (visit (log, 0, 1)->left, ==, T0 + 7 * DAY);
  g_assert_cmpint (visit (log, 0, 2)->left, ==, FM_OBSERVED_OPEN);
  g_assert_cmpstr (fm_observed_log_get_item (log, 2)->type, ==, NULL);
}

static void
test_import_wide (void)
{
  /* A row per item; Notes is not dates; the last state column finishes. */
  g_autoptr(FmObservedLog) log = import (
    "ID;Type;Backlog;In Progress;Review;Shipped?;Notes\n"
    "W-1;feature;2026-03-02;2026-03-03;2026-03-05;2026-03-06;fine\n"
    "W-2;defect;2026-03-02;;2026-03-04;;slow\n"
    "W-3;risk;2026-03-02;tomorrow;;;\n"
    ";risk;2026-03-02;;;;\n"
    "W-4;debt;2026-03-02;2026-03-02;2026-03-02;;\n");
  const FmObservedItem *w2;

  g_assert_cmpuint (fm_observed_log_get_n_states (log), ==, 4);
  g_assert_cmpstr (fm_observed_log_get_state_name (log, 3), ==, "Shipped?");
  g_assert_true (fm_observed_log_get_state_done (log, 3));
  g_assert_false (fm_observed_log_get_state_done (log, 2));
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 1);
  g_assert_cmpstr (fm_observed_log_get_warning (log, 0), ==, "the column “Notes” is not read: it does not hold dates");

  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 2);
  assert_error (log, 0, 4, "“tomorrow” in the column “In Progress” is not a date and time");
  assert_error (log, 1, 5, "no item id in the column “ID”");

  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 3);
  w2 = fm_observed_log_get_item (log, 1);
  g_assert_cmpstr (w2->type, ==, "defect");
  /* An empty state is skipped: Backlog lasts until Review. */
  g_assert_cmpuint (w2->visits->len, ==, 2);
  g_assert_cmpint (visit (log, 1, 0)->left, ==, T0 + 2 * DAY);
  g_assert_cmpuint (visit (log, 1, 1)->state, ==, 2);

  /* Entered on the same day: the column order holds. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (visit (log, 2, i)->state, ==, i);
      g_assert_cmpint (visit (log, 2, i)->entered, ==, T0);
    }
}

static void
test_import_wide_ragged (void)
{
  /* 2001 columns: an id and states s0 to s1999, of which only s0 and s1
   * hold dates; then 3000 rows of one field. The columns are weighed by
   * their cells, not by columns times rows (6 million, when a header this
   * wide over short rows was read a column at a time). */
  g_autoptr(GString) text = g_string_new ("id");
  g_autoptr(FmObservedLog) log = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, ",s%u", i);
  g_string_append (text, "\nW-1,2026-03-02,2026-03-04");
  for (guint i = 2; i < 2000; i++)
    g_string_append_c (text, ',');
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "x\n");

  log = import (text->str);
  g_assert_cmpuint (fm_observed_log_get_n_states (log), ==, 2);
  g_assert_cmpstr (fm_observed_log_get_state_name (log, 1), ==, "s1");
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 1998);
  g_assert_cmpstr (fm_observed_log_get_warning (log, 0), ==, "the column “s2” is not read: it does not hold dates");
  /* Lines 3 to 3002, each one field short of 2001. */
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 3000);
  assert_error (log, 0, 3, "1 field where the header has 2001");
  assert_error (log, 2999, 3002, "1 field where the header has 2001");
  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 1);
  g_assert_cmpuint (fm_observed_log_get_n_visits (log), ==, 2);
  g_assert_cmpint (visit (log, 0, 0)->left, ==, T0 + 2 * DAY);
}

static void
test_import_columns (void)
{
  g_autoptr(FmCsv) csv = parse ("who,what,since,flavour\n"
                                "B-1,Doing,2026-03-02T09:00Z,bug\n"
                                "B-1,Finito,2026-03-02T17:00Z,bug\n");
  g_autoptr(FmCsv) named = parse ("key,status,date,extra\nK,Open,2026-03-02,1\n");
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedLog) auto_log = NULL;
  g_autoptr(GError) error = NULL;
  const char * const done[] = { "Finito", NULL };
  FmCsvImportOptions options;
  FmCsvColumns used;

  /* Nothing is named, and one column of dates is not a wide export. */
  g_assert_null (fm_csv_import (csv, NULL, NULL, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==,
                   "test.csv: found no columns item, state and entered_at, nor two or more columns of "
                   "dates, one per state");
  g_clear_error (&error);

  /* Chosen by hand, as the import dialog does. */
  fm_csv_import_options_init (&options);
  options.columns.shape = FM_CSV_SHAPE_TRANSITIONS;
  options.columns.item = 0;
  options.columns.state = 1;
  options.columns.entered = 2;
  options.columns.left = FM_CSV_COLUMN_NONE;
  options.columns.type = 3;
  options.done_states = done;
  log = fm_csv_import (csv, &options, &used, &error);
  g_assert_no_error (error);
  g_assert_cmpint (used.shape, ==, FM_CSV_SHAPE_TRANSITIONS);
  g_assert_cmpint (used.left, ==, FM_CSV_COLUMN_NONE);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  g_assert_true (fm_observed_log_get_state_done (log, 1));
  g_assert_cmpint (visit (log, 0, 0)->left - visit (log, 0, 0)->entered, ==, 8 * 3600);
  g_assert_cmpstr (fm_observed_log_get_item (log, 0)->type, ==, "bug");

  options.columns.state = 9;
  g_assert_null (fm_csv_import (csv, &options, NULL, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==, "test.csv: no column 10; the file has 4");
  g_clear_error (&error);

  options.columns.state = FM_CSV_COLUMN_NONE;
  g_assert_null (fm_csv_import (csv, &options, NULL, &error));
  g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_COLUMNS);
  g_clear_error (&error);

  /* Found by name: key, status, date; no left, no type. */
  auto_log = fm_csv_import (named, NULL, &used, &error);
  g_assert_no_error (error);
  g_assert_cmpint (used.shape, ==, FM_CSV_SHAPE_TRANSITIONS);
  g_assert_cmpint (used.item, ==, 0);
  g_assert_cmpint (used.state, ==, 1);
  g_assert_cmpint (used.entered, ==, 2);
  g_assert_cmpint (used.left, ==, FM_CSV_COLUMN_NONE);
  g_assert_cmpint (used.type, ==, FM_CSV_COLUMN_NONE);
  g_assert_false (fm_observed_log_has_types (auto_log));
}

static void
test_import_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release-observed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/export.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  FmCsvColumns used;

  log = fm_csv_import_file (file, NULL, &used, &error);
  g_assert_no_error (error);
  g_assert_cmpint (used.shape, ==, FM_CSV_SHAPE_TRANSITIONS);
  g_assert_cmpint (used.type, ==, 1);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 0);
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 0);
  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 86);
  g_assert_cmpuint (fm_observed_log_get_n_states (log), ==, 11);
  g_assert_true (fm_observed_log_get_state_done (log, fm_observed_log_lookup_state (log, "Done")));

  g_assert_null (fm_csv_import_file (missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "export.csv: "));
}

/* UTF-16 without a byte order mark used to be "a NUL byte: not a text
 * file", and UTF-32 with one was called UTF-16. */
static void
test_utf16_without_bom (void)
{
  const char *text = "item,state,entered_at\nA,To do,2026-03-02\nA,Done,2026-03-04\n";
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gsize length;
      g_autofree char *data = g_convert (text, -1, encodings[i], "UTF-8", NULL, &length, &error);
      g_autoptr(FmCsv) csv = NULL;

      g_assert_no_error (error);
      csv = fm_csv_parse (data, length, "w.csv", 0, &error);
      g_assert_null (csv);
      g_assert_error (error, FM_CSV_ERROR, FM_CSV_ERROR_ENCODING);
      g_assert_cmpstr (error->message, ==, "w.csv: looks like UTF-16; save the export as UTF-8 CSV");
      g_clear_error (&error);
    }

  {
    gsize length;
    g_autofree char *data = g_convert ("\xEF\xBB\xBF" "item,state\n", -1, "UTF-32LE", "UTF-8", NULL, &length, &error);
    g_autoptr(FmCsv) csv = NULL;

    g_assert_no_error (error);
    csv = fm_csv_parse (data, length, "w.csv", 0, &error);
    g_assert_null (csv);
    g_assert_cmpstr (error->message, ==, "w.csv: UTF-32 text; save the export as UTF-8 CSV");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/csv/basic", test_basic);
  g_test_add_func ("/fm/csv/quotes", test_quotes);
  g_test_add_func ("/fm/csv/line-endings", test_line_endings);
  g_test_add_func ("/fm/csv/bom", test_bom);
  g_test_add_func ("/fm/csv/separators", test_separators);
  g_test_add_func ("/fm/csv/empty", test_empty);
  g_test_add_func ("/fm/csv/unterminated", test_unterminated);
  g_test_add_func ("/fm/csv/encoding", test_encoding);
  g_test_add_func ("/fm/csv/encoding-place", test_encoding_place);
  g_test_add_func ("/fm/csv/time", test_time);
  g_test_add_func ("/fm/csv/import/transitions", test_import_transitions);
  g_test_add_func ("/fm/csv/import/wide", test_import_wide);
  g_test_add_func ("/fm/csv/import/wide-ragged", test_import_wide_ragged);
  g_test_add_func ("/fm/csv/import/columns", test_import_columns);
  g_test_add_func ("/fm/csv/import/example", test_import_example);
  g_test_add_func ("/fm/csv/utf16-without-bom", test_utf16_without_bom);

  return g_test_run ();
}
