/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-scanner.h: the state of the strict scan of a file's text, shared
 * by the scan (fm-json-check.c) and its error messages (fm-json-check-errors.c) */
#pragma once

#include "fm-json-private.h"

G_BEGIN_DECLS

typedef struct {
  gboolean is_object;
  gboolean current;     /* a member or element is being read: the path names it */
  guint count;          /* members or elements seen */
  guint index;          /* of its value in Scanner.values */
  const char *key;      /* the current member's name, in Scanner.strings */
  /* Object: the names seen, for duplicates. Most objects have a few
   * members: a list is searched, and a hash table made only for a long one
   * (a table per object made a third of a load). */
  GPtrArray *key_list;
  GHashTable *keys;     /* (nullable): the same names, past KEY_LIST_MAX */
} Frame;

#define KEY_LIST_MAX 16

typedef struct {
  const char *data;
  gsize length;
  gsize pos;
  const char *name;
  GError **error;
  guint depth;
  guint64 n_values;
  GString *scratch;
  Frame frames[FM_JSON_MAX_DEPTH];
  /* What it reads: values[n_out] is the next one; the decoded strings are
   * never longer than their text, so one block of the text's length holds
   * them all, and a name or string keeps its address. */
  FmJsonValue *values;
  guint n_out;
  guint capacity;
  char *strings;
  gsize n_strings;
  const char *member_key;   /* (nullable): the name of the value to come */
} Scanner;

gboolean fm_json_scanner_fail_at        (Scanner     *s,
                                         gsize        at,
                                         guint        n_frames,
                                         FmJsonError  code,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (5, 6);
gboolean fm_json_scanner_fail_surrogate (Scanner     *s,
                                         gsize        at,
                                         gunichar     half);
gboolean fm_json_scanner_fail_syntax    (Scanner     *s,
                                         const char  *what);

/* Fails at the scan position, naming the path of the open containers. */
#define fail(s, code, ...) fm_json_scanner_fail_at ((s), (s)->pos, (s)->depth, (code), __VA_ARGS__)

G_END_DECLS
