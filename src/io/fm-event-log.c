/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-event-log.c: an event log of any kind the discovery reads
 *
 * The kind of a file is told by its name (.csv; .xes or .xes.gz) and,
 * when the name does not say, by its first bytes: gzip's magic number or
 * a "<" after blanks is XES, anything else CSV.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-event-log"

#include <string.h>

#include "fm-event-log.h"
#include "fm-file-check.h"
#include "fm-xes.h"

/* Returns: the kind a file's name says, or %FM_EVENT_LOG_AUTO */
FmEventLogKind
fm_event_log_kind_for_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FM_EVENT_LOG_AUTO);

  folded = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (folded, ".xes") || g_str_has_suffix (folded, ".xes.gz"))
    return FM_EVENT_LOG_XES;
  if (g_str_has_suffix (folded, ".csv") || g_str_has_suffix (folded, ".tsv"))
    return FM_EVENT_LOG_CSV;

  return FM_EVENT_LOG_AUTO;
}

/* Returns: the kind the first bytes of a file say: XES or CSV */
FmEventLogKind
fm_event_log_sniff (const guint8 *data,
                    gsize         length)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, FM_EVENT_LOG_CSV);

  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return FM_EVENT_LOG_XES;
  /* A UTF-8 byte order mark, then blanks. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '<' ? FM_EVENT_LOG_XES : FM_EVENT_LOG_CSV;
}

static FmEventLogKind
sniff_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[512];
  gsize n = 0;

  /* What cannot be read is read as CSV, whose reader says why. */
  if (!fm_file_check_regular (file, NULL))
    return FM_EVENT_LOG_CSV;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FM_EVENT_LOG_CSV;

  return fm_event_log_sniff (head, n);
}

/**
 * fm_event_log_load_file:
 * @kind: the kind of @file, or %FM_EVENT_LOG_AUTO to tell it from its
 *   name or its first bytes
 * @time_zone: (nullable): the time zone of times without an offset;
 *   %NULL: local time
 * @roles: (out) (optional) (transfer full) (nullable): per state, an
 *   #FmDiscoverRole where the file says more than the state's name (XES's
 *   activities and waits), else %NULL
 * @error: the reader's error, whose message names the file (and a line)
 *
 * Returns: (transfer full) (nullable): the log, sealed, or %NULL with @error set
 */
FmObservedLog *
fm_event_log_load_file (GFile           *file,
                        FmEventLogKind   kind,
                        GTimeZone       *time_zone,
                        GArray         **roles,
                        GError         **error)
{
  return fm_event_log_load_file_full (file, kind, time_zone, roles, NULL, NULL, error);
}

/**
 * fm_event_log_load_file_full:
 * @csv: (out) (optional) (transfer full) (nullable): a CSV file's text as
 *   read, for a preview of its rows; %NULL for XES
 * @columns: (out) (optional): the columns of a CSV file the import read
 *
 * As fm_event_log_load_file(), keeping what a preview of the file shows.
 * @csv is set even when the import fails, if the text could be read.
 */
FmObservedLog *
fm_event_log_load_file_full (GFile           *file,
                             FmEventLogKind   kind,
                             GTimeZone       *time_zone,
                             GArray         **roles,
                             FmCsv          **csv,
                             FmCsvColumns    *columns,
                             GError         **error)
{
  FmObservedLog *log;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (roles != NULL)
    *roles = NULL;
  if (csv != NULL)
    *csv = NULL;
  if (columns != NULL)
    memset (columns, 0, sizeof *columns);

  if (kind == FM_EVENT_LOG_AUTO)
    {
      g_autofree char *basename = g_file_get_basename (file);

      kind = basename != NULL ? fm_event_log_kind_for_name (basename) : FM_EVENT_LOG_AUTO;
      if (kind == FM_EVENT_LOG_AUTO)
        kind = sniff_file (file);
    }

  if (kind == FM_EVENT_LOG_XES)
    {
      FmXesOptions options;

      fm_xes_options_init (&options);
      options.time_zone = time_zone;
      log = fm_xes_read_file (file, &options, roles, error);
    }
  else
    {
      FmCsvImportOptions options;
      g_autoptr(FmCsv) text = fm_csv_read_file (file, 0, error);

      if (text == NULL)
        return NULL;
      fm_csv_import_options_init (&options);
      options.time_zone = time_zone;
      log = fm_csv_import (text, &options, columns, error);
      if (csv != NULL)
        *csv = g_steal_pointer (&text);
    }

  if (log != NULL)
    fm_observed_log_seal (log);

  return log;
}
