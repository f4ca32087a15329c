/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-private.h: what the counting (fm-discover.c) and the drafting
 * of the map (fm-discover-map.c) share */
#pragma once

#include "fm-discover.h"

G_BEGIN_DECLS

/* The moves between two states, counted over all items. */
typedef struct {
  guint64 key;      /* from << 32 | to: the hash table's key */
  guint from;
  guint to;
  guint moves;
  guint items;
  guint last_item;  /* + 1: to count each item once */
} FmDiscoverMove;

/* What the walk counted of one state. */
typedef struct {
  guint items;        /* items that were in it at least once */
  guint entries;      /* items whose first state it is */
  guint moves_out;    /* moves out of a stay in it to any state, itself included */
  guint self_moves;   /* of them, back into the same state */
  guint self_items;   /* items that made such a move */
  guint last_item;    /* + 1 */
  guint last_self_item;
} FmDiscoverState;

struct _FmDiscovery
{
  FmObservedLog *log;
  double min_share;
  GTimeZone *tz;
  guint n_states;
  FmDiscoverRole *roles;      /* per state, resolved: never AUTO */
  FmDiscoverState *states;
  GHashTable *moves;          /* &FmDiscoverMove.key -> FmDiscoverMove*, owned */
  guint items;                /* items with at least one visit not left out */
  guint finished;
  GArray *variants;           /* FmDiscoverVariant, most frequent first */
  GPtrArray *variant_states;  /* per variant: a GArray of guint state indexes */
  GArray *main_line;          /* guint: the sequence the draft's main line comes from */
  GArray *nodes;              /* FmDiscoverNode of the draft */
  GArray *edges;              /* FmDiscoverEdge of the draft */
  FmMap *map;
};

const FmDiscoverMove *fm_discover_lookup_move (FmDiscovery *self,
                                               guint        from,
                                               guint        to);
FmMap                *fm_discover_draft       (FmDiscovery *self,
                                               const guint *sequence,
                                               guint        n_sequence,
                                               gboolean     off_line,
                                               const char  *id,
                                               GArray      *nodes,
                                               GArray      *edges);
void                  fm_discover_node_clear  (gpointer     data);
void                  fm_discover_edge_clear  (gpointer     data);

G_END_DECLS
