/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover.c: a current-state map drafted from event data: the counting
 *
 * Each item's visits are walked once, in time order. Consecutive visits of
 * one state are one stay, and the second of them is a self-repeat; any
 * other pair of consecutive visits is a move from one state to another
 * (the directly-follows count of process mining). The walk counts, per
 * state, the items that were in it and the moves out of it, per pair of
 * states the moves and the items that made them, and per distinct
 * sequence of states (a variant) its items and their lead times. The most
 * frequent variant of the finished items gives the main line;
 * fm-discover-map.c draws the map from it. docs/discovery.md gives the
 * rules.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-discover"

#include <math.h>
#include <string.h>

#include "fm-discover-private.h"
#include "fm-observed.h"
#include "fm-observed-private.h"

/* A distinct sequence of states while it is counted. */
typedef struct {
  guint *states;
  guint n_states;
  gboolean finished;
  guint items;
  guint first_item;
  GArray *lead_times;   /* double, seconds */
} VariantAcc;

static guint
variant_hash (gconstpointer key)
{
  const VariantAcc *v = key;
  guint32 h = 2166136261u ^ (v->finished ? 0x9e3779b9u : 0);

  /* FNV-1a over the state indexes. */
  for (guint i = 0; i < v->n_states; i++)
    {
      h ^= v->states[i];
      h *= 16777619u;
    }

  return h;
}

static gboolean
variant_equal (gconstpointer a,
               gconstpointer b)
{
  const VariantAcc *va = a, *vb = b;

  return va->finished == vb->finished && va->n_states == vb->n_states &&
         memcmp (va->states, vb->states, va->n_states * sizeof (guint)) == 0;
}

static void
variant_acc_free (gpointer data)
{
  VariantAcc *v = data;

  g_free (v->states);
  g_array_unref (v->lead_times);
  g_free (v);
}

static void
variant_clear (gpointer data)
{
  g_strfreev (((FmDiscoverVariant *) data)->states);
}

/**
 * fm_discover_options_init:
 *
 * Sets every option to its default: a threshold of 5 %, local time, every
 * state's role by its name.
 */
void
fm_discover_options_init (FmDiscoverOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->min_share = FM_DISCOVER_MIN_SHARE;
}

static FmDiscoverRole
resolve_role (FmObservedLog           *log,
              const FmDiscoverOptions *options,
              guint                    state)
{
  if (options->roles != NULL && state < options->n_roles &&
      options->roles[state] != FM_DISCOVER_ROLE_AUTO)
    return options->roles[state];

  /* The same rules as the import's (fm-observed-log.c). */
  if (fm_observed_log_get_state_done (log, state))
    return FM_DISCOVER_ROLE_DONE;
  if (fm_observed_state_means_waiting (fm_observed_log_get_state_name (log, state)))
    return FM_DISCOVER_ROLE_QUEUE;

  return FM_DISCOVER_ROLE_STEP;
}

static FmDiscoverMove *
count_move (FmDiscovery *self,
            guint        from,
            guint        to,
            guint        item)
{
  guint64 key = (guint64) from << 32 | to;
  FmDiscoverMove *move = g_hash_table_lookup (self->moves, &key);

  if (move == NULL)
    {
      move = g_new0 (FmDiscoverMove, 1);
      move->key = key;
      move->from = from;
      move->to = to;
      g_hash_table_insert (self->moves, &move->key, move);
    }
  move->moves++;
  if (move->last_item != item + 1)
    {
      move->items++;
      move->last_item = item + 1;
    }

  return move;
}

/**
 * fm_discover_lookup_move:
 *
 * Returns: (nullable): the moves from @from to @to, %NULL when there were none
 */
const FmDiscoverMove *
fm_discover_lookup_move (FmDiscovery *self,
                         guint        from,
                         guint        to)
{
  guint64 key = (guint64) from << 32 | to;

  return g_hash_table_lookup (self->moves, &key);
}

/* Counts one item's stays and moves, and adds its sequence to @variants. */
static void
walk_item (FmDiscovery          *self,
           const FmObservedItem *item,
           guint                 index,
           GArray               *sequence,
           GHashTable           *variants)
{
  const FmObservedVisit *first = NULL, *last = NULL;
  VariantAcc key, *variant;
  int previous = -1;
  double lead_s;

  g_array_set_size (sequence, 0);
  for (guint i = 0; i < item->visits->len; i++)
    {
      const FmObservedVisit *v = &g_array_index (item->visits, FmObservedVisit, i);
      FmDiscoverState *state = &self->states[v->state];

      if (self->roles[v->state] == FM_DISCOVER_ROLE_OMIT)
        continue;

      g_array_append_val (sequence, v->state);
      if (first == NULL)
        first = v;
      last = v;

      if (previous < 0)
        state->entries++;
      else
        {
          FmDiscoverState *from = &self->states[previous];

          from->moves_out++;
          if ((guint) previous == v->state)
            {
              from->self_moves++;
              if (from->last_self_item != index + 1)
                {
                  from->self_items++;
                  from->last_self_item = index + 1;
                }
            }
          else
            count_move (self, previous, v->state, index);
        }
      if (state->last_item != index + 1)
        {
          state->items++;
          state->last_item = index + 1;
        }
      previous = v->state;
    }

  if (first == NULL)
    return;

  self->items++;
  key.states = (guint *) (gpointer) sequence->data;
  key.n_states = sequence->len;
  key.finished = self->roles[last->state] == FM_DISCOVER_ROLE_DONE;
  if (key.finished)
    self->finished++;

  variant = g_hash_table_lookup (variants, &key);
  if (variant == NULL)
    {
      variant = g_new0 (VariantAcc, 1);
      variant->states = g_memdup2 (sequence->data, sequence->len * sizeof (guint));
      variant->n_states = sequence->len;
      variant->finished = key.finished;
      variant->first_item = index;
      variant->lead_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_add (variants, variant);
    }
  variant->items++;
  lead_s = (double) (last->entered - first->entered);
  g_array_append_val (variant->lead_times, lead_s);
}

/* Most items first; on a tie, the one whose first item came first in the
 * data, so that the same data gives the same draft. */
static int
compare_variants (gconstpointer a,
                  gconstpointer b)
{
  const VariantAcc *va = *(VariantAcc * const *) a, *vb = *(VariantAcc * const *) b;

  if (va->items != vb->items)
    return va->items < vb->items ? 1 : -1;

  return (va->first_item > vb->first_item) - (va->first_item < vb->first_item);
}

static void
collect_variants (FmDiscovery *self,
                  GHashTable  *variants)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (variants));
  VariantAcc *top_unfinished = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, variants);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_variants);

  for (guint i = 0; i < sorted->len; i++)
    {
      VariantAcc *acc = sorted->pdata[i];
      FmDiscoverVariant variant = { 0 };
      GArray *states;

      if (!acc->finished)
        {
          if (top_unfinished == NULL)
            top_unfinished = acc;
          continue;
        }

      variant.n_states = acc->n_states;
      variant.states = g_new0 (char *, acc->n_states + 1);
      for (guint j = 0; j < acc->n_states; j++)
        variant.states[j] = g_strdup (fm_observed_log_get_state_name (self->log, acc->states[j]));
      variant.items = acc->items;
      variant.share = (double) acc->items / self->finished;
      g_array_sort (acc->lead_times, fm_observed_compare_doubles);
      variant.lead_time_p50_s = fm_observed_percentile ((double *) (gpointer) acc->lead_times->data,
                                                        acc->lead_times->len, 0.5);
      g_array_append_val (self->variants, variant);

      states = g_array_sized_new (FALSE, FALSE, sizeof (guint), acc->n_states);
      g_array_append_vals (states, acc->states, acc->n_states);
      g_ptr_array_add (self->variant_states, states);
    }

  /* Without a finished item, the most frequent way so far. */
  if (self->variant_states->len > 0)
    g_array_append_vals (self->main_line, ((GArray *) self->variant_states->pdata[0])->data,
                         ((GArray *) self->variant_states->pdata[0])->len);
  else if (top_unfinished != NULL)
    g_array_append_vals (self->main_line, top_unfinished->states, top_unfinished->n_states);
}

/**
 * fm_discover:
 * @log: the event data; it is sealed if it is not yet
 * @options: the threshold, the time zone and the states' roles
 *
 * Drafts a current-state map from @log: each state a node, the main line
 * in the order of the most frequent variant of the finished items, rework
 * edges for the moves back along it and the observed medians on the
 * nodes. See docs/discovery.md.
 *
 * Returns: (transfer full): the draft, its figures and its variants
 */
FmDiscovery *
fm_discover (FmObservedLog           *log,
             const FmDiscoverOptions *options)
{
  FmDiscovery *self;
  g_autoptr(GHashTable) variants = NULL;
  g_autoptr(GArray) sequence = NULL;
  guint n_items;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->min_share >= 0 && options->min_share <= 1, NULL);

  fm_observed_log_seal (log);

  self = g_atomic_rc_box_new0 (FmDiscovery);
  self->log = fm_observed_log_ref (log);
  self->min_share = options->min_share;
  self->tz = options->time_zone != NULL ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  self->n_states = fm_observed_log_get_n_states (log);
  self->roles = g_new0 (FmDiscoverRole, MAX (self->n_states, 1));
  self->states = g_new0 (FmDiscoverState, MAX (self->n_states, 1));
  for (guint i = 0; i < self->n_states; i++)
    self->roles[i] = resolve_role (log, options, i);
  self->moves = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->variants = g_array_new (FALSE, TRUE, sizeof (FmDiscoverVariant));
  g_array_set_clear_func (self->variants, variant_clear);
  self->variant_states = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->main_line = g_array_new (FALSE, FALSE, sizeof (guint));
  self->nodes = g_array_new (FALSE, TRUE, sizeof (FmDiscoverNode));
  g_array_set_clear_func (self->nodes, fm_discover_node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (FmDiscoverEdge));
  g_array_set_clear_func (self->edges, fm_discover_edge_clear);

  variants = g_hash_table_new_full (variant_hash, variant_equal, variant_acc_free, NULL);
  sequence = g_array_new (FALSE, FALSE, sizeof (guint));
  n_items = fm_observed_log_get_n_items (log);
  for (guint i = 0; i < n_items; i++)
    walk_item (self, fm_observed_log_get_item (log, i), i, sequence, variants);
  collect_variants (self, variants);

  self->map = fm_discover_draft (self, (const guint *) (gpointer) self->main_line->data,
                                 self->main_line->len, TRUE, "current", self->nodes, self->edges);

  return self;
}

FmDiscovery *
fm_discovery_ref (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
fm_discovery_finalize (FmDiscovery *self)
{
  fm_observed_log_unref (self->log);
  g_time_zone_unref (self->tz);
  g_free (self->roles);
  g_free (self->states);
  g_hash_table_unref (self->moves);
  g_array_unref (self->variants);
  g_ptr_array_unref (self->variant_states);
  g_array_unref (self->main_line);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_clear_object (&self->map);
}

void
fm_discovery_unref (FmDiscovery *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) fm_discovery_finalize);
}

/* Returns: the items with at least one visit of a state not left out */
guint
fm_discovery_get_n_items (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items;
}

/* Returns: the items whose last visit is of a state that finishes items */
guint
fm_discovery_get_n_finished (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->finished;
}

guint
fm_discovery_get_n_nodes (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

/**
 * fm_discovery_get_node:
 *
 * Returns: (transfer none): a node of the draft, in the map's order: the
 *   trigger, the main line, the outcome, then the states off the main line
 */
const FmDiscoverNode *
fm_discovery_get_node (FmDiscovery *self,
                       guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->nodes->len, NULL);

  return &g_array_index (self->nodes, FmDiscoverNode, position);
}

guint
fm_discovery_get_n_edges (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

/**
 * fm_discovery_get_edge:
 *
 * Returns: (transfer none): an edge of the draft: the flow along the main
 *   line, then the rework edges by their source along it
 */
const FmDiscoverEdge *
fm_discovery_get_edge (FmDiscovery *self,
                       guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->edges->len, NULL);

  return &g_array_index (self->edges, FmDiscoverEdge, position);
}

guint
fm_discovery_get_n_variants (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->variants->len;
}

/**
 * fm_discovery_get_variant:
 *
 * Returns: (transfer none): a variant of the finished items, most frequent first
 */
const FmDiscoverVariant *
fm_discovery_get_variant (FmDiscovery *self,
                          guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->variants->len, NULL);

  return &g_array_index (self->variants, FmDiscoverVariant, position);
}

/* Returns: what @state became: its role as given, or as its name says */
FmDiscoverRole
fm_discovery_get_role (FmDiscovery *self,
                       guint        state)
{
  g_return_val_if_fail (self != NULL, FM_DISCOVER_ROLE_AUTO);
  g_return_val_if_fail (state < self->n_states, FM_DISCOVER_ROLE_AUTO);

  return self->roles[state];
}

/**
 * fm_discovery_get_map:
 *
 * The draft, with the id "current", in no document: a caller that saves
 * it on its own adds it to a new document; fm_discovery_add_to_document()
 * adds a copy to an open one.
 *
 * Returns: (transfer none): the drafted map
 */
FmMap *
fm_discovery_get_map (FmDiscovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->map;
}
