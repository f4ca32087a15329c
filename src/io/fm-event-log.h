/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-event-log.h: an event log of any kind the discovery reads: a tracker's CSV or XES */
#pragma once

#include <gio/gio.h>

#include "fm-csv.h"
#include "fm-csv-import.h"
#include "fm-discover.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

/**
 * FmEventLogKind:
 * @FM_EVENT_LOG_AUTO: by the file's name, else by its first bytes
 * @FM_EVENT_LOG_CSV: a tracker's export (fm-csv-import.h)
 * @FM_EVENT_LOG_XES: IEEE 1849 XES, gzipped or not (fm-xes.h)
 */
typedef enum {
  FM_EVENT_LOG_AUTO,
  FM_EVENT_LOG_CSV,
  FM_EVENT_LOG_XES,
} FmEventLogKind;

FmEventLogKind  fm_event_log_kind_for_name  (const char      *name);
FmEventLogKind  fm_event_log_sniff          (const guint8    *data,
                                             gsize            length);
FmObservedLog  *fm_event_log_load_file      (GFile           *file,
                                             FmEventLogKind   kind,
                                             GTimeZone       *time_zone,
                                             GArray         **roles,
                                             GError         **error);
FmObservedLog  *fm_event_log_load_file_full (GFile           *file,
                                             FmEventLogKind   kind,
                                             GTimeZone       *time_zone,
                                             GArray         **roles,
                                             FmCsv          **csv,
                                             FmCsvColumns    *columns,
                                             GError         **error);

G_END_DECLS
