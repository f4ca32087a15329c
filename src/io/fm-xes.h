/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-xes.h: XES event logs (IEEE 1849), plain or gzipped, as observed flow data */
#pragma once

#include <gio/gio.h>

#include "fm-discover.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

#define FM_XES_ERROR (fm_xes_error_quark ())

/* The XML of a log at most, after decompression. */
#define FM_XES_MAX_SIZE (256 * 1024 * 1024)

/**
 * FmXesError:
 * @FM_XES_ERROR_PARSE: not well-formed XML, or not an XES log
 * @FM_XES_ERROR_LIMIT: larger than %FM_XES_MAX_SIZE
 * @FM_XES_ERROR_EMPTY: no event with a name and a time
 */
typedef enum {
  FM_XES_ERROR_PARSE,
  FM_XES_ERROR_LIMIT,
  FM_XES_ERROR_EMPTY,
} FmXesError;

/**
 * FmXesOptions:
 * @time_zone: (nullable): the time zone of times without an offset; %NULL:
 *   local time
 *
 * Initialise with fm_xes_options_init(); the caller keeps ownership.
 */
typedef struct {
  GTimeZone *time_zone;
} FmXesOptions;

GQuark          fm_xes_error_quark    (void);
void            fm_xes_options_init   (FmXesOptions        *options);
FmObservedLog  *fm_xes_read_stream    (GInputStream        *stream,
                                       const char          *display_name,
                                       const FmXesOptions  *options,
                                       GArray             **roles,
                                       GError             **error);
FmObservedLog  *fm_xes_read_data      (const guint8        *data,
                                       gsize                length,
                                       const char          *display_name,
                                       const FmXesOptions  *options,
                                       GArray             **roles,
                                       GError             **error);
FmObservedLog  *fm_xes_read_file      (GFile               *file,
                                       const FmXesOptions  *options,
                                       GArray             **roles,
                                       GError             **error);

G_END_DECLS
