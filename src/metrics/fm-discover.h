/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover.h: a current-state map drafted from event data */
#pragma once

#include "fm-document.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

/* The detail threshold when the caller does not say. */
#define FM_DISCOVER_MIN_SHARE 0.05

/**
 * FmDiscoverRole:
 * @FM_DISCOVER_ROLE_AUTO: by the state's name, as the import reads it: a
 *   state the log marks done finishes items, a waiting state is a queue,
 *   any other a process step
 * @FM_DISCOVER_ROLE_QUEUE: a queue: its stays are waits (wait_s)
 * @FM_DISCOVER_ROLE_STEP: a process step: its stays are its lead time (lead_s)
 * @FM_DISCOVER_ROLE_ACTIVITY: a process step whose stays are touch time
 *   (process_s), as an activity's start and complete events give it
 * @FM_DISCOVER_ROLE_DONE: entering it finishes an item: the outcome
 * @FM_DISCOVER_ROLE_OMIT: left out, as if its visits were not in the data
 *
 * What a state of the data becomes on the drafted map.
 */
typedef enum {
  FM_DISCOVER_ROLE_AUTO,
  FM_DISCOVER_ROLE_QUEUE,
  FM_DISCOVER_ROLE_STEP,
  FM_DISCOVER_ROLE_ACTIVITY,
  FM_DISCOVER_ROLE_DONE,
  FM_DISCOVER_ROLE_OMIT,
} FmDiscoverRole;

/**
 * FmDiscoverOptions:
 * @min_share: the detail threshold, 0 to 1: states and rework moves that
 *   fewer than this share of the items take are left off the map (the
 *   variants keep every finished item)
 * @time_zone: (nullable): where the days of the observed notes begin;
 *   %NULL: local time
 * @roles: (array length=n_roles) (nullable): per state of the log, its
 *   role; states past @n_roles are %FM_DISCOVER_ROLE_AUTO
 * @n_roles: the length of @roles
 *
 * Initialise with fm_discover_options_init(); the caller keeps ownership.
 */
typedef struct {
  double min_share;
  GTimeZone *time_zone;
  const FmDiscoverRole *roles;
  guint n_roles;
} FmDiscoverOptions;

/**
 * FmDiscoverNode:
 * @id: the node's id on the drafted map
 * @label: its label: the state's name (the outcome's: the names of the
 *   states that finish items)
 * @kind: trigger, queue, process step or outcome
 * @state: the state of the log it stands for, -1 for the trigger and the outcome
 * @on_main_line: whether it is on the main line (else it sits below it, unconnected)
 * @count: completed stays (the trigger: items that started; the outcome:
 *   items that finished)
 * @median_s: the median of the completed stays, NAN without any (and for
 *   the trigger and the outcome)
 * @pca: a step's %C&A from its self-repeats, NAN without any
 */
typedef struct {
  char *id;
  char *label;
  FmNodeKind kind;
  int state;
  gboolean on_main_line;
  guint count;
  double median_s;
  double pca;
} FmDiscoverNode;

/**
 * FmDiscoverEdge:
 * @from: the id of the node it leaves
 * @to: the id of the node it enters
 * @kind: %FM_EDGE_KIND_FLOW along the main line, %FM_EDGE_KIND_REWORK back
 * @rate: a rework's rate: moves back ÷ all moves out of @from; NAN for flow
 * @moves: the moves from @from's state to @to's seen in the data
 * @items: the items that made such a move at least once
 */
typedef struct {
  char *from;
  char *to;
  FmEdgeKind kind;
  double rate;
  guint moves;
  guint items;
} FmDiscoverEdge;

/**
 * FmDiscoverVariant:
 * @states: (array zero-terminated=1): the states of the finished items
 *   that took it, in order, repeats included, a state that finishes items last
 * @n_states: the length of @states
 * @items: how many items took it
 * @share: @items ÷ the finished items
 * @lead_time_p50_s: the median of their lead times: from entering the
 *   first state to entering the last
 */
typedef struct {
  char **states;
  guint n_states;
  guint items;
  double share;
  double lead_time_p50_s;
} FmDiscoverVariant;

typedef struct _FmDiscovery FmDiscovery;

void                     fm_discover_options_init   (FmDiscoverOptions       *options);
FmDiscovery             *fm_discover                (FmObservedLog           *log,
                                                     const FmDiscoverOptions *options);
FmDiscovery             *fm_discovery_ref           (FmDiscovery             *self);
void                     fm_discovery_unref         (FmDiscovery             *self);

guint                    fm_discovery_get_n_items   (FmDiscovery             *self);
guint                    fm_discovery_get_n_finished (FmDiscovery            *self);
guint                    fm_discovery_get_n_nodes   (FmDiscovery             *self);
const FmDiscoverNode    *fm_discovery_get_node      (FmDiscovery             *self,
                                                     guint                    position);
guint                    fm_discovery_get_n_edges   (FmDiscovery             *self);
const FmDiscoverEdge    *fm_discovery_get_edge      (FmDiscovery             *self,
                                                     guint                    position);
guint                    fm_discovery_get_n_variants (FmDiscovery            *self);
const FmDiscoverVariant *fm_discovery_get_variant   (FmDiscovery             *self,
                                                     guint                    position);
FmDiscoverRole           fm_discovery_get_role      (FmDiscovery             *self,
                                                     guint                    state);

FmMap                   *fm_discovery_get_map       (FmDiscovery             *self);
FmMap                   *fm_discovery_build_variant_map (FmDiscovery         *self,
                                                     guint                    variant,
                                                     const char              *id);
FmMap                   *fm_discovery_add_to_document (FmDiscovery           *self,
                                                     FmDocument              *document,
                                                     int                      variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmDiscovery, fm_discovery_unref)

G_END_DECLS
