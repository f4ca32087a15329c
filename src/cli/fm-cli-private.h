/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-private.h: what the commands share */
#pragma once

#include <glib.h>

#include "fm-document.h"
#include "fm-json-writer.h"
#include "fm-metrics.h"

G_BEGIN_DECLS

char           *fm_cli_escape_text        (const char   *text);
char           *fm_cli_escape_message     (const char   *text);
void            fm_cli_print_error        (const GError *error);
GOptionContext *fm_cli_option_context_new (const char   *parameter,
                                           const char   *summary,
                                           GOptionEntry *entries);
gboolean        fm_cli_parse              (GOptionContext *context,
                                           int          *argc,
                                           char       ***argv,
                                           int           n_files);
FmDocument     *fm_cli_load               (const char   *path);
int             fm_cli_parse_and_load     (const char   *summary,
                                           GOptionEntry *entries,
                                           int          *argc,
                                           char       ***argv,
                                           FmDocument  **document_out);
char           *fm_cli_format_figure      (FmDocument   *document,
                                           const char   *name,
                                           double        value);
FmMap          *fm_cli_pick_map           (FmDocument   *document,
                                           const char   *path,
                                           const char   *id_or_name);

void            fm_cli_metrics_write_json (FmJsonWriter *writer,
                                           FmMap        *map,
                                           FmMetrics    *metrics);

GTimeZone  *fm_cli_time_zone_new      (const char   *name);

G_END_DECLS
