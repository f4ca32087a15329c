/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json.h: the Flowmap file format, version 1: loading, saving, clipboard fragments */
#pragma once

#include <gio/gio.h>

#include "fm-document.h"
#include "fm-limits.h"

G_BEGIN_DECLS

/* The version this Flowmap reads and writes. */
#define FM_JSON_FORMAT_VERSION 1

/* Limits of the text of a file past which it is refused with
 * FM_JSON_ERROR_LIMIT, so that a hostile or broken file fails fast instead
 * of eating memory; checked before any value is read. The limits of the
 * document itself (maps, nodes, edges, text, numbers) are the model's
 * FM_MAX_* (fm-limits.h), refused with the same error. */
#define FM_JSON_MAX_FILE_SIZE     (64 * 1024 * 1024)  /* bytes */
#define FM_JSON_MAX_DEPTH         64                  /* nested objects and arrays */
#define FM_JSON_MAX_VALUES        2000000             /* JSON values in one file */
#define FM_JSON_MAX_STRING_BYTES  (1024 * 1024)       /* one string, as written */

#define FM_JSON_ERROR (fm_json_error_quark ())

/**
 * FmJsonError:
 * @FM_JSON_ERROR_SYNTAX: not JSON: empty, bad UTF-8, a grammar error
 * @FM_JSON_ERROR_FORMAT: JSON, but not a Flowmap file (no `"format": "flowmap"`)
 * @FM_JSON_ERROR_VERSION: the version is missing, invalid or newer than this Flowmap
 * @FM_JSON_ERROR_INVALID: a Flowmap file with a wrong value: a type, a range,
 *   a duplicate id, an edge to a missing node…
 * @FM_JSON_ERROR_LIMIT: the file is past one of the FM_JSON_MAX_* or FM_MAX_* limits
 *
 * Errors reading a file also come in the %G_IO_ERROR domain.
 */
typedef enum {
  FM_JSON_ERROR_SYNTAX,
  FM_JSON_ERROR_FORMAT,
  FM_JSON_ERROR_VERSION,
  FM_JSON_ERROR_INVALID,
  FM_JSON_ERROR_LIMIT,
} FmJsonError;

GQuark       fm_json_error_quark          (void);

FmDocument  *fm_json_load_file            (GFile              *file,
                                           GError            **error);
FmDocument  *fm_json_load_data            (const char         *data,
                                           gssize              length,
                                           const char         *display_name,
                                           GError            **error);
char        *fm_json_save_to_data         (FmDocument         *document,
                                           gsize              *length);
gboolean     fm_json_save_file            (FmDocument         *document,
                                           GFile              *file,
                                           GError            **error);
gboolean     fm_json_save_file_full       (FmDocument         *document,
                                           GFile              *file,
                                           GBytes            **written,
                                           GError            **error);

char        *fm_json_serialize_selection  (FmMap              *map,
                                           const char * const *ids);
gboolean     fm_json_parse_selection      (const char         *text,
                                           GPtrArray         **nodes_out,
                                           GPtrArray         **edges_out,
                                           GError            **error);

G_END_DECLS
