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
const char         *fm_json_kaizen_status_to_string   (FmKaizenStatus  status);
gboolean            fm_json_kaizen_status_from_string (const char     *str,
                                                       FmKaizenStatus *status);

/* fm-json-check.c: RFC 8259 and the FM_JSON_MAX_* limits, before parsing. */
gboolean     fm_json_check_text            (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            GError      **error);
JsonNode    *fm_json_build_tree            (const char   *data,
                                            gsize         length);

/* fm-json-reader.c: typed members of a JSON tree, errors with their path. */
typedef struct {
  const char *name;   /* starts every message */
  GString *path;      /* the JSON path of the object being read */
  GError **error;
} FmJsonReader;

typedef enum {
  FM_JSON_RANGE_SECONDS,      /* 0 <= x <= FM_JSON_MAX_SECONDS */
  FM_JSON_RANGE_DAY,          /* 1 <= x <= FM_JSON_MAX_SECONDS */
  FM_JSON_RANGE_COUNT,        /* 0 <= x <= FM_JSON_MAX_COUNT */
  FM_JSON_RANGE_COORDINATE,   /* |x| <= FM_JSON_MAX_COORDINATE */
  FM_JSON_RANGE_SIZE,         /* 0 <= x <= FM_JSON_MAX_NODE_SIZE */
  FM_JSON_RANGE_PERCENT,      /* 0 <= x <= 100 */
  FM_JSON_RANGE_RATE,         /* 0 <= x < 1 */
} FmJsonRange;

gboolean     fm_json_reader_fail           (FmJsonReader  *r,
                                            const char    *key,
                                            FmJsonError    code,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (4, 5);
gboolean     fm_json_reader_fail_type      (FmJsonReader  *r,
                                            const char    *key,
                                            JsonNode      *node,
                                            const char    *expected);
gboolean     fm_json_reader_fail_choice    (FmJsonReader  *r,
                                            JsonObject    *object,
                                            const char    *key,
                                            const char    *choices);
gsize        fm_json_reader_push           (FmJsonReader  *r,
                                            const char    *key,
                                            guint          index);
void         fm_json_reader_pop            (FmJsonReader  *r,
                                            gsize          old_length);
gboolean     fm_json_reader_string         (FmJsonReader  *r,
                                            JsonObject    *object,
                                            const char    *key,
                                            gboolean       required,
                                            const char   **out);
gboolean     fm_json_reader_id             (FmJsonReader  *r,
                                            JsonObject    *object,
                                            const char    *key,
                                            const char   **out);
gboolean     fm_json_reader_number         (FmJsonReader  *r,
                                            JsonObject    *object,
                                            const char    *key,
                                            gboolean       required,
                                            FmJsonRange    range,
                                            double        *out);
gboolean     fm_json_reader_array          (FmJsonReader  *r,
                                            JsonObject    *object,
                                            const char    *key,
                                            gboolean       required,
                                            JsonArray    **out);
gboolean     fm_json_reader_object         (FmJsonReader  *r,
                                            JsonNode      *node);
char        *fm_json_describe              (JsonNode      *node);
gboolean     fm_json_is_type               (JsonNode      *node,
                                            GType          type);
char        *fm_json_collect_extra         (JsonObject         *object,
                                            const char * const *known,
                                            const char * const *more_known);

/* fm-json-save.c: the model as Flowmap JSON. */
void         fm_json_write_document        (FmJsonWriter *writer,
                                            FmDocument   *document);
void         fm_json_write_selection       (FmJsonWriter *writer,
                                            FmMap        *map,
                                            GHashTable   *node_ids);

/* fm-json-load.c: a checked JSON tree as the model. */
FmDocument  *fm_json_read_document         (JsonNode     *root,
                                            const char   *display_name,
                                            GError      **error);
gboolean     fm_json_read_selection        (JsonNode     *root,
                                            const char   *display_name,
                                            FmMap        *into,
                                            GError      **error);

G_END_DECLS
