/* fm-cli-observe-private.h: what the files of `flowmap observe` share */
#pragma once

#include "fm-cli-private.h"
#include "fm-json-writer.h"
#include "fm-observed-log.h"
#include "fm-observed-mapping.h"

G_BEGIN_DECLS

void   fm_cli_observe_write_int     (FmJsonWriter *w,
                                     const char   *key,
                                     gint64        value);
char  *fm_cli_observe_duration      (double        seconds,
                                     double        day_length_s);
void   fm_cli_observe_print_problems (FmObservedLog *log);
void   fm_cli_observe_write_errors   (FmJsonWriter  *w,
                                      FmObservedLog *log);
void   fm_cli_observe_write_warnings (FmJsonWriter  *w,
                                      FmObservedLog *log);
gboolean fm_cli_observe_apply_mappings (const char        *command,
                                        FmObservedMapping *mapping,
                                        FmMap             *map,
                                        char             **mappings);

G_END_DECLS
