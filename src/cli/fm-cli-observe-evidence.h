/* fm-cli-observe-evidence.h: `flowmap observe`: before and after each experiment's start */
#pragma once

#include "fm-json-writer.h"
#include "fm-observed-evidence.h"

G_BEGIN_DECLS

void  fm_cli_observe_write_evidence  (FmJsonWriter *w,
                                      GPtrArray    *evidence);
void  fm_cli_observe_print_evidence  (GPtrArray    *evidence,
                                      FmMap        *map,
                                      double        day_length_s);

G_END_DECLS
