/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-enums.h: the enumerations of the Flowmap document model */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  FM_NODE_KIND_TRIGGER,
  FM_NODE_KIND_OUTCOME,
  FM_NODE_KIND_PROCESS,
  FM_NODE_KIND_QUEUE,
  FM_NODE_KIND_SYSTEM,
  FM_NODE_KIND_KAIZEN,
  FM_NODE_KIND_NOTE,
} FmNodeKind;

typedef enum {
  FM_EDGE_KIND_FLOW,
  FM_EDGE_KIND_PUSH,
  FM_EDGE_KIND_PULL,
  FM_EDGE_KIND_INFO,
  FM_EDGE_KIND_ELECTRONIC,
  FM_EDGE_KIND_REWORK,
} FmEdgeKind;

typedef enum {
  FM_MAP_STATE_CURRENT,
  FM_MAP_STATE_FUTURE,
} FmMapState;

typedef enum {
  FM_STREAM_TYPE_OPERATIONAL,
  FM_STREAM_TYPE_DEVELOPMENT,
  FM_STREAM_TYPE_SUPPORT,
  FM_STREAM_TYPE_COMPLIANCE,
} FmStreamType;

/* The unit lead times and waits are read in; process times keep their own. */
typedef enum {
  FM_TIME_UNIT_DAYS,
  FM_TIME_UNIT_WEEKS,
  FM_TIME_UNIT_HOURS,
} FmTimeUnit;

typedef enum {
  FM_KAIZEN_STATUS_PLANNED,
  FM_KAIZEN_STATUS_RUNNING,
  FM_KAIZEN_STATUS_KEPT,
  FM_KAIZEN_STATUS_DROPPED,
} FmKaizenStatus;

G_END_DECLS
