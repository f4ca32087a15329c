/* fm-observed-walk.c: one item's stays, start and finish; which node each state is
 *
 * The rules every figure of observed data counts by (docs/observed.md),
 * in one place for the figures (fm-observed.c) and the experiments'
 * evidence (fm-observed-evidence.c): consecutive visits of states mapped
 * to the same node are one stay; an item starts when it first enters a
 * mapped state and finishes when it enters a state that finishes items,
 * or leaves its last state for none.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include "fm-observed.h"
#include "fm-observed-private.h"

/**
 * fm_observed_resolve_states:
 * @state_node: (out) (transfer full): per state of @log, the process step
 *   or queue of @map it maps to, or %NULL
 * @state_done: (out) (transfer full): per state, whether entering it
 *   finishes items
 */
void
fm_observed_resolve_states (FmObservedLog      *log,
                            FmObservedMapping  *mapping,
                            FmMap              *map,
                            FmNode           ***state_node,
                            gboolean          **state_done)
{
  guint n = fm_observed_log_get_n_states (log);

  *state_node = g_new0 (FmNode *, MAX (n, 1));
  *state_done = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *name = fm_observed_log_get_state_name (log, i);
      int m = fm_observed_mapping_lookup_state (mapping, name);
      const char *node_id;
      FmNode *node;

      if (m < 0)
        {
          (*state_done)[i] = fm_observed_log_get_state_done (log, i);
          continue;
        }

      (*state_done)[i] = fm_observed_mapping_get_done (mapping, m);
      node_id = fm_observed_mapping_get_node_id (mapping, m);
      node = node_id != NULL ? fm_map_lookup_node (map, node_id) : NULL;
      if (node != NULL &&
          (fm_node_get_kind (node) == FM_NODE_KIND_PROCESS || fm_node_get_kind (node) == FM_NODE_KIND_QUEUE))
        (*state_node)[i] = node;
    }
}

/**
 * fm_observed_walk_item:
 * @stays: (element-type FmObservedStay): emptied, then filled with the
 *   item's stays in nodes, in time order
 * @start: (out): when it first entered a mapped state, or %FM_OBSERVED_OPEN
 *   when it never did (then nothing else is set)
 * @finish: (out): when it finished, or %FM_OBSERVED_OPEN
 * @last: (out): its last visit before @as_of
 *
 * Walks an item's visits up to @as_of by the rules of docs/observed.md:
 * consecutive visits of states of the same node are one stay; the item
 * starts when it first enters a mapped state and finishes when it enters
 * a state that finishes items, or leaves its last state for none.
 *
 * Returns: whether the item is in the stream at all
 */
gboolean
fm_observed_walk_item (const FmObservedItem    *item,
                       FmNode * const          *state_node,
                       const gboolean          *state_done,
                       gint64                   as_of,
                       GArray                  *stays,
                       gint64                  *start,
                       gint64                  *finish,
                       const FmObservedVisit  **last)
{
  gint64 last_left = FM_OBSERVED_OPEN;
  FmObservedStay run = { NULL, 0, 0 };

  *start = *finish = FM_OBSERVED_OPEN;
  *last = NULL;
  g_array_set_size (stays, 0);
  for (guint i = 0; i < item->visits->len; i++)
    {
      const FmObservedVisit *v = &g_array_index (item->visits, FmObservedVisit, i);
      gint64 left;
      FmNode *node;

      /* The end of the period is not in it: --to 2026-03-22 is the
       * midnight after that day, and a Done at that midnight is the next
       * day's. */
      if (v->entered >= as_of)
        break;

      left = v->left != FM_OBSERVED_OPEN && v->left < as_of ? v->left : FM_OBSERVED_OPEN;
      *last = v;
      last_left = left;
      node = state_done[v->state] ? NULL : state_node[v->state];
      if (node != NULL && *start == FM_OBSERVED_OPEN)
        *start = v->entered;

      if (node != NULL && node == run.node)
        {
          run.left = left;
          continue;
        }
      if (run.node != NULL)
        g_array_append_val (stays, run);
      run.node = node;
      run.entered = v->entered;
      run.left = left;
    }
  if (run.node != NULL)
    g_array_append_val (stays, run);

  if (*start == FM_OBSERVED_OPEN)
    return FALSE;

  if (state_done[(*last)->state])
    *finish = (*last)->entered;
  else if (last_left != FM_OBSERVED_OPEN)
    *finish = last_left;   /* it left its last state for none: out of the stream */

  return TRUE;
}

/**
 * fm_observed_type_selected:
 * @types: (nullable): the types asked for; %NULL: all
 * @type: (nullable): an item's type
 *
 * Returns: whether items of @type are counted; without a type, only when
 *   all are
 */
gboolean
fm_observed_type_selected (const char * const *types,
                           const char         *type)
{
  g_autofree char *folded = NULL;

  if (types == NULL)
    return TRUE;
  if (type == NULL)
    return FALSE;

  /* "Defect" in the tracker, --type defect on the command line. */
  folded = g_utf8_casefold (type, -1);
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_autofree char *wanted = g_utf8_casefold (types[i], -1);

      if (g_str_equal (wanted, folded))
        return TRUE;
    }

  return FALSE;
}

/**
 * fm_observed_span:
 * @calendar: (nullable): the working calendar durations are counted in
 *
 * Returns: the seconds from @from to @to: the working ones with a
 *   calendar, all of them without
 */
double
fm_observed_span (const FmCalendar *calendar,
                  gint64            from,
                  gint64            to)
{
  if (calendar != NULL)
    return fm_calendar_working_seconds (calendar, from, to);

  return (double) (to - from);
}
