/* fm-observed-evidence.c: before and after an experiment's start, from observed data
 *
 * An experiment (kaizen) with a start date splits the finished items in
 * two: before, those that finished before the start; after, those that
 * started (entered their first mapped state) on or after it. Items in
 * flight at the start belong to neither: they saw some of the old way
 * and some of the new. For each node the experiment applies to, the stays
 * that ended before the start are compared with those that began on or
 * after it. Items are walked by the rules of the other figures
 * (fm_observed_walk_item()), up to the same as-of, of the same types.
 * docs/observed.md gives each definition.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <string.h>

#include "fm-iso-date.h"
#include "fm-observed-evidence.h"
#include "fm-observed-private.h"

typedef struct {
  GArray *leads;     /* double: lead times of the side's items */
  GArray *days;      /* guint32: the Julian days they finished on */
} SideAcc;

typedef struct {
  FmNode *node;
  GArray *before;    /* double: stays that ended before the start */
  GArray *after;     /* double: stays that began on or after it */
} NodeAcc;

/**
 * fm_evidence_parse_started:
 * @date: (out caller-allocates): the start date, when it has one
 *
 * Returns: whether @kaizen has a valid start date
 */
gboolean
fm_evidence_parse_started (FmKaizen *kaizen,
                           GDate    *date)
{
  g_return_val_if_fail (FM_IS_KAIZEN (kaizen), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return fm_iso_date_parse (fm_kaizen_get_started (kaizen), date);
}

void
fm_evidence_free (FmEvidence *self)
{
  if (self == NULL)
    return;

  g_free (self->kaizen_id);
  g_array_unref (self->nodes);
  g_free (self);
}

/* Returns: whether a side has fewer items than can tell a change from chance */
gboolean
fm_evidence_is_weak (const FmEvidence *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->before.items < FM_EVIDENCE_FEW_ITEMS || self->after.items < FM_EVIDENCE_FEW_ITEMS;
}

static void
clear_node (gpointer data)
{
  g_free (((FmEvidenceNode *) data)->node_id);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, fm_observed_compare_doubles);
  return fm_observed_percentile ((double *) values->data, values->len, 0.5);
}

/* As the throughput of the whole period: the side's items finished in
 * each complete ISO week, from the week of its first finish to the last
 * week that ends by @last_day, and their mean. */
static void
side_figures (SideAcc        *acc,
              guint32         last_day,
              FmEvidenceSide *side)
{
  guint32 first = G_MAXUINT32;
  guint in_weeks = 0;
  GDate date;

  side->items = acc->leads->len;
  g_array_sort (acc->leads, fm_observed_compare_doubles);
  side->lead_time_p50_s = fm_observed_percentile ((double *) acc->leads->data, acc->leads->len, 0.50);
  side->lead_time_p85_s = fm_observed_percentile ((double *) acc->leads->data, acc->leads->len, 0.85);
  side->throughput_per_week = NAN;
  side->weeks = 0;

  for (guint i = 0; i < acc->days->len; i++)
    first = MIN (first, g_array_index (acc->days, guint32, i));
  if (first == G_MAXUINT32)
    return;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  first -= g_date_get_weekday (&date) - G_DATE_MONDAY;
  if (last_day < first + 6)
    return;

  side->weeks = (last_day - first + 1) / 7;
  for (guint i = 0; i < acc->days->len; i++)
    if (g_array_index (acc->days, guint32, i) < first + 7 * side->weeks)
      in_weeks++;
  side->throughput_per_week = (double) in_weeks / side->weeks;
}

/* The process steps and queues @kaizen applies to, in its order. */
static GArray *
applied_nodes (FmKaizen *kaizen,
               FmMap    *map)
{
  const char * const *ids = fm_kaizen_get_applies_to (kaizen);
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (NodeAcc));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);
      NodeAcc acc;

      if (node == NULL ||
          (fm_node_get_kind (node) != FM_NODE_KIND_PROCESS && fm_node_get_kind (node) != FM_NODE_KIND_QUEUE))
        continue;
      acc.node = node;
      acc.before = g_array_new (FALSE, FALSE, sizeof (double));
      acc.after = g_array_new (FALSE, FALSE, sizeof (double));
      g_array_append_val (nodes, acc);
    }

  return nodes;
}

typedef struct {
  FmObservedLog *log;
  FmNode **state_node;
  gboolean *state_done;
  const char * const *types;
  const FmCalendar *calendar;
  GTimeZone *tz;
  gint64 as_of;
  guint32 last_day;
} Walk;

static FmEvidence *
evidence_for (Walk     *w,
              FmKaizen *kaizen,
              FmMap    *map)
{
  g_autoptr(GArray) stays = g_array_new (FALSE, FALSE, sizeof (FmObservedStay));
  g_autoptr(GArray) nodes = NULL;
  SideAcc before, after;
  g_autoptr(GDateTime) midnight = NULL;
  FmEvidence *self;
  GDate started;

  if (!fm_evidence_parse_started (kaizen, &started))
    return NULL;
  /* The start date begins at its midnight where the data's days do. */
  midnight = g_date_time_new (w->tz, g_date_get_year (&started), g_date_get_month (&started),
                              g_date_get_day (&started), 0, 0, 0);
  if (midnight == NULL)
    return NULL;

  self = g_new0 (FmEvidence, 1);
  self->kaizen_id = g_strdup (fm_node_get_id (FM_NODE (kaizen)));
  self->started = started;
  self->start = g_date_time_to_unix (midnight);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (FmEvidenceNode));
  g_array_set_clear_func (self->nodes, clear_node);

  before.leads = g_array_new (FALSE, FALSE, sizeof (double));
  before.days = g_array_new (FALSE, FALSE, sizeof (guint32));
  after.leads = g_array_new (FALSE, FALSE, sizeof (double));
  after.days = g_array_new (FALSE, FALSE, sizeof (guint32));
  nodes = applied_nodes (kaizen, map);

  for (guint i = 0; i < fm_observed_log_get_n_items (w->log); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (w->log, i);
      const FmObservedVisit *last;
      gint64 start, finish;
      SideAcc *side = NULL;

      if (!fm_observed_type_selected (w->types, item->type) ||
          !fm_observed_walk_item (item, w->state_node, w->state_done, w->as_of, stays, &start, &finish, &last))
        continue;

      if (finish != FM_OBSERVED_OPEN && finish < self->start)
        side = &before;
      else if (start >= self->start && finish != FM_OBSERVED_OPEN)
        side = &after;
      else if (start >= self->start)
        self->unfinished++;
      else
        self->in_flight++;

      if (side != NULL)
        {
          double lead_s = fm_observed_span (w->calendar, start, finish);
          guint32 day = fm_observed_day_of (w->tz, finish);

          g_array_append_val (side->leads, lead_s);
          g_array_append_val (side->days, day);
        }

      /* Stays count by when they happened, whichever side their item is on. */
      for (guint s = 0; s < stays->len; s++)
        {
          const FmObservedStay *stay = &g_array_index (stays, FmObservedStay, s);

          if (stay->left == FM_OBSERVED_OPEN)
            continue;
          for (guint n = 0; n < nodes->len; n++)
            {
              NodeAcc *acc = &g_array_index (nodes, NodeAcc, n);
              double seconds;

              if (acc->node != stay->node)
                continue;
              seconds = fm_observed_span (w->calendar, stay->entered, stay->left);
              if (stay->left < self->start)
                g_array_append_val (acc->before, seconds);
              else if (stay->entered >= self->start)
                g_array_append_val (acc->after, seconds);
            }
        }
    }

  /* The before side ends the day before the start, the after side with
   * the period. */
  side_figures (&before, g_date_get_julian (&started) - 1, &self->before);
  side_figures (&after, w->last_day, &self->after);

  for (guint n = 0; n < nodes->len; n++)
    {
      NodeAcc *acc = &g_array_index (nodes, NodeAcc, n);
      FmEvidenceNode figures;

      figures.node_id = g_strdup (fm_node_get_id (acc->node));
      figures.before_count = acc->before->len;
      figures.after_count = acc->after->len;
      figures.before_median_s = median_of (acc->before);
      figures.after_median_s = median_of (acc->after);
      g_array_append_val (self->nodes, figures);
      g_array_unref (acc->before);
      g_array_unref (acc->after);
    }

  g_array_unref (before.leads);
  g_array_unref (before.days);
  g_array_unref (after.leads);
  g_array_unref (after.days);

  return self;
}

/**
 * fm_evidence_compute:
 * @log: the data @observed was computed from
 * @mapping: its mapping
 * @map: its map, whose experiments are looked at
 * @observed: the figures, which give the as-of and the time zone
 * @options: the options @observed was computed with (only @types and
 *   @calendar are read: the sides take all the data up to the as-of,
 *   whatever @from)
 *
 * Returns: (transfer container) (element-type FmEvidence): the evidence
 *   of every experiment of @map with a start date, in the map's order
 */
GPtrArray *
fm_evidence_compute (FmObservedLog           *log,
                     FmObservedMapping       *mapping,
                     FmMap                   *map,
                     FmObserved              *observed,
                     const FmObservedOptions *options)
{
  GPtrArray *result;
  Walk w = { 0 };

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (observed != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  fm_observed_log_seal (log);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_evidence_free);

  w.log = log;
  w.types = options->types;
  w.calendar = options->calendar;
  w.tz = observed->time_zone;
  w.as_of = g_date_time_to_unix (observed->as_of);
  w.last_day = g_date_get_julian (&observed->last_day);
  fm_observed_resolve_states (log, mapping, map, &w.state_node, &w.state_done);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmEvidence *evidence;

      if (fm_node_get_kind (node) != FM_NODE_KIND_KAIZEN)
        continue;
      evidence = evidence_for (&w, FM_KAIZEN (node), map);
      if (evidence != NULL)
        g_ptr_array_add (result, evidence);
    }

  g_free (w.state_node);
  g_free (w.state_done);

  return result;
}
