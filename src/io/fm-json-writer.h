/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-writer.h: canonical JSON text, for Flowmap files and the CLI's --json output */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FmJsonWriter:
 *
 * Writes JSON text straight into a #GString: objects and arrays opened and
 * closed in order, a key before each member's value. Numbers come out in
 * their shortest round-trip form (3600, 0.1), strings escaped with
 * non-ASCII kept as UTF-8. Pretty text has the layout of JavaScript's
 * JSON.stringify (value, null, 2), without the final newline.
 *
 * A stack value: fm_json_writer_init(), then fm_json_writer_clear().
 */
typedef struct {
  /*< private >*/
  GString *out;
  gboolean pretty;
  gboolean after_key;
  GArray *empty;   /* gboolean per open container: nothing written in it yet */
} FmJsonWriter;

/* Large enough for any number fm_json_format_number() writes. */
#define FM_JSON_NUMBER_BUF_SIZE 40

void         fm_json_format_number         (double        value,
                                            char         *buffer);
void         fm_json_append_quoted         (GString      *out,
                                            const char   *str,
                                            gssize        max_chars);
void         fm_json_writer_init           (FmJsonWriter *self,
                                            GString      *out,
                                            gboolean      pretty);
void         fm_json_writer_clear          (FmJsonWriter *self);
void         fm_json_writer_begin_object   (FmJsonWriter *self);
void         fm_json_writer_end_object     (FmJsonWriter *self);
void         fm_json_writer_begin_array    (FmJsonWriter *self);
void         fm_json_writer_end_array      (FmJsonWriter *self);
void         fm_json_writer_key            (FmJsonWriter *self,
                                            const char   *key);
void         fm_json_writer_string         (FmJsonWriter *self,
                                            const char   *value);
void         fm_json_writer_number         (FmJsonWriter *self,
                                            double        value);
void         fm_json_writer_int            (FmJsonWriter *self,
                                            gint64        value);
void         fm_json_writer_boolean        (FmJsonWriter *self,
                                            gboolean      value);
void         fm_json_writer_null           (FmJsonWriter *self);
void         fm_json_writer_member_number  (FmJsonWriter *self,
                                            const char   *key,
                                            double        value);
void         fm_json_writer_node           (FmJsonWriter *self,
                                            JsonNode     *node);

G_END_DECLS
