/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-rework.c: the rework rates of a map measured from work-item data
 *
 * The items' stays (fm-observed-walk.c) are walked once more for the
 * moves between them: from each stay to the next one, and from the last to
 * the finish. A rework edge from F to T is a loop back, so its rate is the
 * per-pass probability the metrics' r ÷ (1 − r) needs: the moves from F to
 * T over all the moves out of F. fm_observed_apply() sets it on every
 * rework edge whose source has moves out, and adds a rework edge where
 * items went back along the flow and the map has none, when at least
 * FM_DISCOVER_MIN_SHARE of the items did: the loop nobody drew. Both are
 * marked observed, as the nodes' times are. See docs/observed.md.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "fm-discover.h"
#include "fm-observed.h"
#include "fm-observed-private.h"

typedef struct {
  guint64 key;        /* from << 32 | to, to being n for the total */
  guint from;
  guint to;
  guint moves;
  guint items;
  guint last_item;    /* + 1 */
} Count;

static void
clear_move (gpointer data)
{
  FmObservedMove *move = data;

  g_free (move->from_id);
  g_free (move->to_id);
}

static void
count (GHashTable *counts,
       guint       from,
       guint       to,
       guint       item)
{
  guint64 key = (guint64) from << 32 | to;
  Count *c = g_hash_table_lookup (counts, &key);

  if (c == NULL)
    {
      c = g_new0 (Count, 1);
      c->key = key;
      c->from = from;
      c->to = to;
      g_hash_table_insert (counts, &c->key, c);
    }
  c->moves++;
  if (c->last_item != item + 1)
    {
      c->items++;
      c->last_item = item + 1;
    }
}

/* By source, its total (to @n_nodes) first, then by target. */
static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      n_nodes)
{
  const Count *ca = *(Count * const *) a, *cb = *(Count * const *) b;
  guint total = GPOINTER_TO_UINT (n_nodes);

  if (ca->from != cb->from)
    return ca->from < cb->from ? -1 : 1;
  if ((ca->to == total) != (cb->to == total))
    return ca->to == total ? -1 : 1;

  return (ca->to > cb->to) - (ca->to < cb->to);
}

/**
 * fm_observed_count_moves:
 * @as_of: the end of the period, as fm_observed_compute() found it
 *
 * Counts the moves of the items selected by @options between the nodes
 * of @map: to the next stay, and from the last stay to the finish, each
 * at the time it was made; with a start of the period, only those made
 * from then on.
 *
 * Returns: (transfer full): an array of #FmObservedMove, by the map's
 *   order of their source, each source's total (to_id %NULL) first
 */
GArray *
fm_observed_count_moves (FmObservedLog           *log,
                         FmObservedMapping       *mapping,
                         FmMap                   *map,
                         const FmObservedOptions *options,
                         gint64                   as_of)
{
  g_autofree FmNode **state_node = NULL;
  g_autofree gboolean *state_done = NULL;
  g_autoptr(GHashTable) position = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) stays = g_array_new (FALSE, FALSE, sizeof (FmObservedStay));
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean has_from = options->from != NULL;
  gint64 from = has_from ? g_date_time_to_unix (options->from) : 0;
  guint n_nodes = fm_map_get_n_nodes (map);
  GArray *moves = g_array_new (FALSE, TRUE, sizeof (FmObservedMove));
  GHashTableIter iter;
  gpointer value;

  g_array_set_clear_func (moves, clear_move);
  fm_observed_resolve_states (log, mapping, map, &state_node, &state_done);
  for (guint i = 0; i < n_nodes; i++)
    g_hash_table_insert (position, fm_map_get_node (map, i), GUINT_TO_POINTER (i));

  for (guint i = 0; i < fm_observed_log_get_n_items (log); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (log, i);
      const FmObservedVisit *last;
      gint64 start, finish;

      if (!fm_observed_type_selected (options->types, item->type) ||
          !fm_observed_walk_item (item, state_node, state_done, as_of, stays, &start, &finish, &last))
        continue;

      for (guint j = 0; j < stays->len; j++)
        {
          const FmObservedStay *stay = &g_array_index (stays, FmObservedStay, j);
          guint source = GPOINTER_TO_UINT (g_hash_table_lookup (position, stay->node));
          gint64 when;

          if (j + 1 < stays->len)
            {
              const FmObservedStay *next = &g_array_index (stays, FmObservedStay, j + 1);

              when = next->entered;
              if (has_from && when < from)
                continue;
              count (counts, source, GPOINTER_TO_UINT (g_hash_table_lookup (position, next->node)), i);
            }
          else if (finish != FM_OBSERVED_OPEN)
            {
              when = finish;
              if (has_from && when < from)
                continue;
            }
          else
            continue;
          count (counts, source, n_nodes, i);
        }
    }

  sorted = g_ptr_array_sized_new (g_hash_table_size (counts));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort_with_data (sorted, compare_counts, GUINT_TO_POINTER (n_nodes));
  for (guint i = 0; i < sorted->len; i++)
    {
      const Count *c = sorted->pdata[i];
      FmObservedMove move;

      move.from_id = g_strdup (fm_node_get_id (fm_map_get_node (map, c->from)));
      move.to_id = c->to != n_nodes ? g_strdup (fm_node_get_id (fm_map_get_node (map, c->to))) : NULL;
      move.moves = c->moves;
      move.items = c->items;
      g_array_append_val (moves, move);
    }

  return moves;
}

/* Whether the flow leads from @from to @to: a move from @to back to
 * @from is then a loop back, as the metrics read a rework edge. */
static gboolean
flow_leads_to (FmMap      *map,
               const char *from,
               const char *to)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n_edges = fm_map_get_n_edges (map);

  g_ptr_array_add (stack, (gpointer) from);
  g_hash_table_add (seen, (gpointer) from);
  while (stack->len > 0)
    {
      const char *id = g_ptr_array_steal_index (stack, stack->len - 1);

      for (guint i = 0; i < n_edges; i++)
        {
          FmEdge *edge = fm_map_get_edge (map, i);
          const char *next = fm_edge_get_to (edge);

          if (!fm_edge_is_flow (edge) || !g_str_equal (fm_edge_get_from (edge), id))
            continue;
          if (g_str_equal (next, to))
            return TRUE;
          if (g_hash_table_add (seen, (gpointer) next))
            g_ptr_array_add (stack, (gpointer) next);
        }
    }

  return FALSE;
}

/* Per mille; a rate the file takes (below 1), and a loop that happened is
 * not 0. */
static double
rate_of (guint moves,
         guint total)
{
  double rate = round (1000.0 * moves / total) / 1000.0;

  if (moves > 0)
    rate = MAX (rate, 0.001);

  return MIN (rate, 0.999);
}

static char *
describe (FmObserved *self,
          guint       moves,
          guint       total)
{
  char first[16] = "?", last[16] = "?";

  if (g_date_valid (&self->first_day))
    g_date_strftime (first, sizeof first, "%Y-%m-%d", &self->first_day);
  if (g_date_valid (&self->last_day))
    g_date_strftime (last, sizeof last, "%Y-%m-%d", &self->last_day);

  /* Translators: the note on a rework edge whose rate was measured */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "observed %s – %s, %u of %u move out went back",
                                       "observed %s – %s, %u of %u moves out went back",
                                       total),
                          first, last, moves, total);
}

static char *
pair_key (const char *from,
          const char *to)
{
  return g_strconcat (from, "\n", to, NULL);
}

/**
 * fm_observed_apply_rework:
 * @document: the document @map belongs to
 *
 * The rework part of fm_observed_apply(), inside its undo group: sets the
 * rate of each rework edge whose source has moves out, and adds the rework
 * edges the data shows and the map lacks; see the top of this file.
 *
 * Returns: how many edges were set or added
 */
guint
fm_observed_apply_rework (FmObserved *self,
                          FmDocument *document,
                          FmMap      *map)
{
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_set = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->moves == NULL)
    return 0;

  for (guint i = 0; i < self->moves->len; i++)
    {
      FmObservedMove *move = &g_array_index (self->moves, FmObservedMove, i);

      if (move->to_id == NULL)
        g_hash_table_insert (totals, move->from_id, move);
      else
        g_hash_table_insert (pairs, pair_key (move->from_id, move->to_id), move);
    }

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      const FmObservedMove *total, *pair;
      g_autofree char *key = NULL;
      g_autofree char *note = NULL;
      guint moves;

      if (fm_edge_get_kind (edge) != FM_EDGE_KIND_REWORK)
        continue;
      key = pair_key (fm_edge_get_from (edge), fm_edge_get_to (edge));
      g_hash_table_add (drawn, g_strdup (key));
      total = g_hash_table_lookup (totals, fm_edge_get_from (edge));
      if (total == NULL || total->moves == 0)
        continue;

      pair = g_hash_table_lookup (pairs, key);
      moves = pair != NULL ? pair->moves : 0;
      note = describe (self, moves, total->moves);
      fm_document_set (document, map, fm_edge_get_id (edge),
                       "rate", rate_of (moves, total->moves),
                       "observed", note,
                       NULL);
      n_set++;
    }

  /* In the order of the moves, so that the same data adds the same edges. */
  for (guint i = 0; i < self->moves->len; i++)
    {
      const FmObservedMove *move = &g_array_index (self->moves, FmObservedMove, i);
      const FmObservedMove *total;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      g_autofree char *note = NULL;
      g_autoptr(FmEdge) edge = NULL;

      if (move->to_id == NULL || g_str_equal (move->from_id, move->to_id))
        continue;
      key = pair_key (move->from_id, move->to_id);
      if (g_hash_table_contains (drawn, key) || self->items == 0 ||
          (double) move->items / self->items < FM_DISCOVER_MIN_SHARE - 1e-9 ||
          !flow_leads_to (map, move->to_id, move->from_id))
        continue;

      total = g_hash_table_lookup (totals, move->from_id);
      g_assert (total != NULL && total->moves > 0);
      id = fm_map_new_id (map, "rework");
      edge = fm_edge_new (id, move->from_id, move->to_id, FM_EDGE_KIND_REWORK);
      note = describe (self, move->moves, total->moves);
      fm_edge_set_rate (edge, rate_of (move->moves, total->moves));
      fm_edge_set_observed (edge, note);
      fm_document_add_edge (document, map, edge);
      n_set++;
    }

  return n_set;
}
