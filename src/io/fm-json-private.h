/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-private.h: the parts of the JSON loader and saver, shared by its files */
#pragma once

#include <json-glib/json-glib.h>

#include "fm-json.h"
#include "fm-json-writer.h"

G_BEGIN_DECLS

/* The "format" of a clipboard fragment, to tell it from a whole document. */
#define FM_JSON_SELECTION_FORMAT "flowmap-selection"

/* fm-json.c: the keys each object of the format knows, NULL-terminated, in
 * the order a save writes them. Any other key is an unknown field, kept. */
extern const char * const fm_json_document_keys[];
extern const char * const fm_json_map_keys[];
extern const char * const fm_json_node_keys[];
extern const char * const fm_json_edge_keys[];

const char * const *fm_json_kind_keys      (FmNodeKind          kind);
gboolean            fm_json_key_is_known   (const char * const *keys,
                                            const char         *key);

/* fm-json-check.c: RFC 8259 and the FM_JSON_MAX_* and FM_MAX_* limits,
 * checked in the same pass that reads the text into one array of values
 * (no JsonNode tree: its hash tables, lists and copies were most of a
 * load). */
typedef enum {
  FM_JSON_VALUE_NULL,
  FM_JSON_VALUE_BOOLEAN,
  FM_JSON_VALUE_INT,       /* a number without '.', 'e' or 'E', as json-glib's gint64 */
  FM_JSON_VALUE_DOUBLE,    /* any other number */
  FM_JSON_VALUE_STRING,
  FM_JSON_VALUE_ARRAY,
  FM_JSON_VALUE_OBJECT,
} FmJsonValueType;

/* A value of a checked text. All values sit in one array in the order of
 * the text: the members or elements of a container follow it, and its next
 * sibling is at value + size. */
typedef struct {
  guint32 type;       /* an FmJsonValueType */
  guint32 n;          /* members or elements of an object or array */
  guint32 size;       /* values in its subtree, itself included */
  const char *key;    /* (nullable): its name, as a member of an object */
  union {
    gboolean boolean;
    gint64 integer;
    double number;
    const char *string;   /* decoded, NUL-terminated */
  } u;
} FmJsonValue;

typedef struct {
  FmJsonValue *values;  /* values[0] is the root */
  char *strings;        /* every decoded string and member name */
} FmJsonDoc;

FmJsonDoc   *fm_json_doc_parse             (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            GError      **error);
void         fm_json_doc_free              (FmJsonDoc    *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmJsonDoc, fm_json_doc_free)

gboolean     fm_json_check_text            (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            GError      **error);
JsonNode    *fm_json_build_tree            (const char   *data,
                                            gsize         length);
JsonNode    *fm_json_value_to_node         (const FmJsonValue *value);

/* The first member or element of a non-empty container. */
static inline const FmJsonValue *
fm_json_value_first (const FmJsonValue *value)
{
  return value + 1;
}

/* The member or element after @value in its container. */
static inline const FmJsonValue *
fm_json_value_next (const FmJsonValue *value)
{
  return value + value->size;
}

static inline gboolean
fm_json_value_is_number (const FmJsonValue *value)
{
  return value->type == FM_JSON_VALUE_INT || value->type == FM_JSON_VALUE_DOUBLE;
}

static inline double
fm_json_value_get_double (const FmJsonValue *value)
{
  return value->type == FM_JSON_VALUE_INT ? (double) value->u.integer : value->u.number;
}

/* fm-json-reader.c: typed members of checked values, errors with their path. */
typedef struct {
  const char *name;   /* starts every message */
  GString *path;      /* the JSON path of the object being read */
  GError **error;
  /* Where the next member lookup in @object starts: after the last one
   * found, as the loader asks for members in the order a save writes them. */
  const FmJsonValue *object;
  const FmJsonValue *next;
  guint next_index;
  guint64 found;      /* bit i: member i of @object was asked for and found */
} FmJsonReader;

typedef enum {
  FM_JSON_RANGE_SECONDS,      /* 0 <= x <= FM_MAX_SECONDS */
  FM_JSON_RANGE_DAY,          /* 1 <= x <= FM_MAX_SECONDS */
  FM_JSON_RANGE_COUNT,        /* 0 <= x <= FM_MAX_COUNT */
  FM_JSON_RANGE_COORDINATE,   /* |x| <= FM_MAX_COORDINATE */
  FM_JSON_RANGE_SIZE,         /* 0 <= x <= FM_MAX_NODE_SIZE */
  FM_JSON_RANGE_PERCENT,      /* 0 <= x <= 100 */
  FM_JSON_RANGE_RATE,         /* 0 <= x < 1 */
  FM_JSON_RANGE_SHARE,        /* 0 <= x <= 1 */
} FmJsonRange;

const FmJsonValue *fm_json_value_member    (const FmJsonValue *object,
                                            const char        *key);
gboolean     fm_json_reader_fail           (FmJsonReader  *r,
                                            const char    *key,
                                            FmJsonError    code,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (4, 5);
gboolean     fm_json_reader_fail_type      (FmJsonReader      *r,
                                            const char        *key,
                                            const FmJsonValue *value,
                                            const char        *expected);
gboolean     fm_json_reader_fail_choice    (FmJsonReader      *r,
                                            const FmJsonValue *object,
                                            const char        *key,
                                            const char        *choices);
gsize        fm_json_reader_push           (FmJsonReader  *r,
                                            const char    *key,
                                            guint          index);
void         fm_json_reader_pop            (FmJsonReader  *r,
                                            gsize          old_length);
gboolean     fm_json_reader_string         (FmJsonReader       *r,
                                            const FmJsonValue  *object,
                                            const char         *key,
                                            gboolean            required,
                                            const char        **out);
gboolean     fm_json_reader_id             (FmJsonReader       *r,
                                            const FmJsonValue  *object,
                                            const char         *key,
                                            const char        **out);
gboolean     fm_json_reader_number         (FmJsonReader       *r,
                                            const FmJsonValue  *object,
                                            const char         *key,
                                            gboolean            required,
                                            FmJsonRange         range,
                                            double             *out);
gboolean     fm_json_reader_array          (FmJsonReader       *r,
                                            const FmJsonValue  *object,
                                            const char         *key,
                                            gboolean            required,
                                            const FmJsonValue **out);
gboolean     fm_json_reader_object         (FmJsonReader       *r,
                                            const FmJsonValue  *value);
char        *fm_json_describe              (const FmJsonValue  *value);
char        *fm_json_collect_extra         (FmJsonReader       *r,
                                            const FmJsonValue  *object,
                                            const char * const *known,
                                            const char * const *more_known);

/* fm-json-save.c: the model as Flowmap JSON. */
void         fm_json_write_document        (FmJsonWriter *writer,
                                            FmDocument   *document);
void         fm_json_write_selection       (FmJsonWriter *writer,
                                            FmMap        *map,
                                            GHashTable   *node_ids);

/* fm-json-load.c: the values of a checked text as the model. */
FmDocument  *fm_json_read_document         (const FmJsonValue *root,
                                            const char        *display_name,
                                            GError           **error);
gboolean     fm_json_read_selection        (const FmJsonValue *root,
                                            const char        *display_name,
                                            FmMap             *into,
                                            GError           **error);

G_END_DECLS
