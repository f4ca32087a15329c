/* fm-json.h: the Flowmap file format, version 1: loading, saving, clipboard fragments */
#pragma once

#include <gio/gio.h>

#include "fm-document.h"

G_BEGIN_DECLS

/* The version this Flowmap reads and writes. */
#define FM_JSON_FORMAT_VERSION 1

/* Limits past which a file is refused with FM_JSON_ERROR_LIMIT, so that a
 * hostile or broken file fails fast instead of eating memory. The file
 * size, depth, value count, string size and node, edge and map counts are
 * checked before json-glib builds a tree. */
#define FM_JSON_MAX_FILE_SIZE     (64 * 1024 * 1024)  /* bytes */
#define FM_JSON_MAX_DEPTH         64                  /* nested objects and arrays */
#define FM_JSON_MAX_VALUES        2000000             /* JSON values in one file */
#define FM_JSON_MAX_STRING_BYTES  (1024 * 1024)       /* one string, as written */
#define FM_JSON_MAX_MAPS          1000                /* maps in a document */
#define FM_JSON_MAX_NODES         100000              /* nodes in a map */
#define FM_JSON_MAX_EDGES         200000              /* edges in a map */
#define FM_JSON_MAX_TEXT_CHARS    10000               /* an id, label or other text */

/* Ranges of numbers, so that sums stay finite and drawing stays sane: a
 * time or a count far past anything real is an error, not an overflow. */
#define FM_JSON_MAX_SECONDS       1e10                /* a time or duration: over 300 years */
#define FM_JSON_MAX_COUNT         9007199254740991.0  /* people, WIP, items, demand a day: 2^53 - 1 */
#define FM_JSON_MAX_COORDINATE    1e7                 /* |x| and |y| of a node */
#define FM_JSON_MAX_NODE_SIZE     1e4                 /* width and height of a node */

#define FM_JSON_ERROR (fm_json_error_quark ())

/**
 * FmJsonError:
 * @FM_JSON_ERROR_SYNTAX: not JSON: empty, bad UTF-8, a grammar error
 * @FM_JSON_ERROR_FORMAT: JSON, but not a Flowmap file (no `"format": "flowmap"`)
 * @FM_JSON_ERROR_VERSION: the version is missing, invalid or newer than this Flowmap
 * @FM_JSON_ERROR_INVALID: a Flowmap file with a wrong value: a type, a range,
 *   a duplicate id, an edge to a missing node…
 * @FM_JSON_ERROR_LIMIT: the file is past one of the FM_JSON_MAX_* limits
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
