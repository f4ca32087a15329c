/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv.h: CSV text as a table of strings (RFC 4180, as spreadsheets and trackers write it) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A larger file is refused before it is read. */
#define FM_CSV_MAX_FILE_SIZE (256 * 1024 * 1024)
/* A record with more fields, or a field longer, is not read: the header
 * fails the file, a row is reported. They bound the memory a file of
 * empty fields or one huge cell costs. */
#define FM_CSV_MAX_COLUMNS 10000
#define FM_CSV_MAX_FIELD_SIZE (1024 * 1024)

#define FM_CSV_ERROR (fm_csv_error_quark ())

/**
 * FmCsvError:
 * @FM_CSV_ERROR_EMPTY: no header, or (importing) a header and no rows
 * @FM_CSV_ERROR_ENCODING: neither UTF-8 nor Windows-1252 text: UTF-16,
 *   NUL bytes, bytes Windows-1252 does not define
 * @FM_CSV_ERROR_LIMIT: larger than %FM_CSV_MAX_FILE_SIZE, or a header
 *   of more than %FM_CSV_MAX_COLUMNS columns or a longer field than
 *   %FM_CSV_MAX_FIELD_SIZE
 * @FM_CSV_ERROR_COLUMNS: (importing) the columns needed are not there
 * @FM_CSV_ERROR_ROWS: (importing) not one row could be read
 *
 * Errors reading a file also come in the %G_IO_ERROR domain.
 */
typedef enum {
  FM_CSV_ERROR_EMPTY,
  FM_CSV_ERROR_ENCODING,
  FM_CSV_ERROR_LIMIT,
  FM_CSV_ERROR_COLUMNS,
  FM_CSV_ERROR_ROWS,
} FmCsvError;

typedef struct _FmCsv FmCsv;

GQuark       fm_csv_error_quark       (void);
FmCsv       *fm_csv_parse             (const char  *data,
                                       gssize       length,
                                       const char  *display_name,
                                       char         separator,
                                       GError     **error);
FmCsv       *fm_csv_read_file         (GFile       *file,
                                       char         separator,
                                       GError     **error);
FmCsv       *fm_csv_ref               (FmCsv       *self);
void         fm_csv_unref             (FmCsv       *self);

const char  *fm_csv_get_display_name  (FmCsv       *self);
char         fm_csv_get_separator     (FmCsv       *self);
gboolean     fm_csv_get_transcoded    (FmCsv       *self);
guint        fm_csv_get_n_columns     (FmCsv       *self);
const char  *fm_csv_get_header        (FmCsv       *self,
                                       guint        column);
guint        fm_csv_get_n_rows        (FmCsv       *self);
guint        fm_csv_get_line          (FmCsv       *self,
                                       guint        row);
guint        fm_csv_get_n_fields      (FmCsv       *self,
                                       guint        row);
const char  *fm_csv_get_field         (FmCsv       *self,
                                       guint        row,
                                       guint        column);
guint        fm_csv_get_n_problems    (FmCsv       *self);
const char  *fm_csv_get_problem       (FmCsv       *self,
                                       guint        position,
                                       guint       *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmCsv, fm_csv_unref)

G_END_DECLS
