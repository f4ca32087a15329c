/* fm-flow-path.h: the path the work takes through a map, for the timeline */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

GPtrArray  *fm_flow_path_compute            (FmMap       *map,
                                             FmDocument  *document);
double      fm_flow_path_node_time          (FmNode      *node,
                                             FmDocument  *document);
double      fm_flow_path_node_process_time  (FmNode      *node);

G_END_DECLS
