/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-import.h: work-item exports (CSV) as observed flow data */
#pragma once

#include "fm-csv.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

/**
 * FmCsvShape:
 * @FM_CSV_SHAPE_AUTO: tell from the header
 * @FM_CSV_SHAPE_TRANSITIONS: one row per state change: item, state, when
 *   it entered, optionally when it left, optionally the item's type
 * @FM_CSV_SHAPE_WIDE: one row per item, one column per state holding when
 *   the item entered it
 */
typedef enum {
  FM_CSV_SHAPE_AUTO,
  FM_CSV_SHAPE_TRANSITIONS,
  FM_CSV_SHAPE_WIDE,
} FmCsvShape;

/* A column index: found from the header, or none at all. */
#define FM_CSV_COLUMN_AUTO (-1)
#define FM_CSV_COLUMN_NONE (-2)

/**
 * FmCsvColumns:
 * @shape: the shape of the export
 * @item: the column of the item's id (both shapes)
 * @state: the column of the state (transitions)
 * @entered: the column of the time the item entered the state (transitions)
 * @left: the column of the time it left, or %FM_CSV_COLUMN_NONE (transitions)
 * @type: the column of the item's type, or %FM_CSV_COLUMN_NONE (both shapes)
 *
 * Column indexes from 0, or %FM_CSV_COLUMN_AUTO / %FM_CSV_COLUMN_NONE.
 */
typedef struct {
  FmCsvShape shape;
  int item;
  int state;
  int entered;
  int left;
  int type;
} FmCsvColumns;

/**
 * FmCsvImportOptions:
 * @columns: the shape and the columns; %FM_CSV_SHAPE_AUTO and
 *   %FM_CSV_COLUMN_AUTO by default
 * @state_columns: (array length=n_state_columns) (nullable): in the wide
 *   shape, the columns that are states, in the order of the flow; %NULL:
 *   every other column that holds dates
 * @n_state_columns: the length of @state_columns
 * @time_zone: (nullable): the time zone of times without an offset; %NULL:
 *   local time
 * @done_states: (array zero-terminated=1) (nullable): more names of states
 *   that finish an item, besides Done, Closed, Resolved, Released…
 *
 * Initialise with fm_csv_import_options_init(); the caller keeps ownership.
 */
typedef struct {
  FmCsvColumns columns;
  const guint *state_columns;
  guint n_state_columns;
  GTimeZone *time_zone;
  const char * const *done_states;
} FmCsvImportOptions;

void            fm_csv_import_options_init  (FmCsvImportOptions        *options);
FmObservedLog  *fm_csv_import               (FmCsv                     *csv,
                                             const FmCsvImportOptions  *options,
                                             FmCsvColumns              *used,
                                             GError                   **error);
FmObservedLog  *fm_csv_import_file          (GFile                     *file,
                                             const FmCsvImportOptions  *options,
                                             FmCsvColumns              *used,
                                             GError                   **error);
gboolean        fm_csv_parse_time           (const char                *text,
                                             GTimeZone                 *time_zone,
                                             gint64                    *unix_time);

G_END_DECLS
