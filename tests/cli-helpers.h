/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-helpers.h: what the command-line tests share: running `flowmap`
 * as a user runs it, and reading the JSON it prints */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

void flowmap (Run *run,
              ...) G_GNUC_NULL_TERMINATED;

void flowmap_promptly (Run *run,
                       ...) G_GNUC_NULL_TERMINATED;

JsonObject *parse_object (JsonParser *parser,
                          const char *text);

char *temp_file (const char *name,
                 const char *contents);

void assert_keys (JsonObject         *object,
                  const char * const *keys);

G_END_DECLS
