/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed.c: flow figures measured from work-item data
 *
 * Each item's visits are walked once, in time order, up to the end of the
 * period: consecutive visits of states mapped to the same node make one
 * stay; the item starts when it first enters a mapped state and finishes
 * when it enters a state that finishes items (or leaves its last state).
 * Everything else (node times, lead times, throughput, work in progress,
 * aging, flow efficiency) is counted from those stays. docs/observed.md
 * gives each definition.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <math.h>
#include <string.h>

#include "fm-observed.h"
#include "fm-observed-private.h"

/* Longer series of days are cut to their last hundred years. */
#define MAX_DAYS 36600


typedef struct {
  GArray *samples;                  /* double, seconds */
  const FmObservedItem *last_item;  /* to count distinct items */
  guint items;
  guint in_progress;
} NodeAcc;

typedef struct {
  FmObservedLog *log;
  FmNode **state_node;   /* per state: the process step or queue, or NULL */
  gboolean *state_done;  /* per state: entering it finishes the item */
  GHashTable *accs;      /* FmNode* -> NodeAcc* */
  GTimeZone *tz;
  const char * const *types_wanted;
  const FmCalendar *calendar;
  gint64 as_of;
  gboolean has_from;
  gint64 from;
  GArray *stays;         /* Stay, of the item being walked */
  GArray *spans;         /* gint64 pairs: start and finish (or OPEN) of every item */
  GArray *finishes;      /* gint64: finish times in the period */
  GHashTable *types;     /* type or "" -> count */
  double total_lead_s;
  double total_active_s;
} Walk;

/**
 * fm_observed_options_init:
 *
 * Sets every option to its default: all the data, as of now, in local time.
 */
void
fm_observed_options_init (FmObservedOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/**
 * fm_observed_percentile:
 * @sorted: (array length=n): values in ascending order
 * @p: the fraction, 0 to 1: 0.5 for the median, 0.85 for the 85th percentile
 *
 * Linear interpolation between the closest ranks (the method of
 * spreadsheets' PERCENTILE.INC): rank h = (n − 1) × p counted from 0, and
 * between two values the point at the fraction of h between their ranks.
 *
 * Returns: the percentile, NAN when @n is 0
 */
double
fm_observed_percentile (const double *sorted,
                        gsize         n,
                        double        p)
{
  double h, lower;
  gsize i;

  g_return_val_if_fail (sorted != NULL || n == 0, NAN);
  g_return_val_if_fail (p >= 0 && p <= 1, NAN);

  if (n == 0)
    return NAN;

  h = (n - 1) * p;
  lower = floor (h);
  i = (gsize) lower;
  if (i + 1 >= n)
    return sorted[n - 1];

  return sorted[i] + (h - lower) * (sorted[i + 1] - sorted[i]);
}

/**
 * fm_observed_percentile_rank:
 * @sorted: (array length=n): values in ascending order
 * @p: the fraction, 0 to 1
 *
 * The nearest rank: the smallest value that at least the share @p of the
 * values are at or below, so that "85 % of the items took at most this
 * long" is true of it. Of 1, 2, 3, 4 the 85th percentile is 4 (an
 * interpolated 3.55 has only 75 % at or below it).
 *
 * Returns: the percentile, NAN when @n is 0
 */
double
fm_observed_percentile_rank (const double *sorted,
                             gsize         n,
                             double        p)
{
  double rank;

  g_return_val_if_fail (sorted != NULL || n == 0, NAN);
  g_return_val_if_fail (p >= 0 && p <= 1, NAN);

  if (n == 0)
    return NAN;

  /* The tolerance keeps 0.85 × 20 = 17.000000000000004 at rank 17. */
  rank = ceil (p * n - 1e-9);
  if (rank < 1)
    rank = 1;

  return sorted[MIN ((gsize) rank, n) - 1];
}

guint32
fm_observed_day_of (GTimeZone *tz,
                    gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int y, m, d;

  /* Past 9999 (a forecast of data that ends there): count on by days,
   * as a GDate can, rather than fall back to the year 1. */
  if (utc == NULL && t > FM_OBSERVED_MAX_TIME)
    return MIN (fm_observed_day_of (tz, FM_OBSERVED_MAX_TIME) + (t - FM_OBSERVED_MAX_TIME + 86399) / 86400,
                G_GINT64_CONSTANT (23936166) /* 65535-12-31 */);
  if (utc == NULL)
    return 1;

  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return g_date_get_julian (&date);
}

/* The day an instant ends: at midnight sharp, the day before. */
static guint32
last_day_of (GTimeZone *tz,
             gint64     t)
{
  guint32 day = fm_observed_day_of (tz, t);

  if (day > 1 && fm_observed_day_of (tz, t - 1) != day)
    return day - 1;

  return day;
}

static void
node_acc_free (gpointer data)
{
  NodeAcc *acc = data;

  g_clear_pointer (&acc->samples, g_array_unref);
  g_free (acc);
}

static double
overlap (const FmCalendar *calendar,
         gint64            a0,
         gint64            a1,
         gint64            b0,
         gint64            b1)
{
  gint64 start = MAX (a0, b0), end = MIN (a1, b1);

  return end > start ? fm_observed_span (calendar, start, end) : 0;
}

/* Counts one item. Returns: whether it is in the stream at all. */
static gboolean
walk_item (Walk                 *w,
           FmObserved           *result,
           const FmObservedItem *item)
{
  const FmObservedVisit *last = NULL;
  gint64 start, finish;
  gint64 span[2];
  gboolean in_period;
  double active_s = 0;

  if (!fm_observed_type_selected (w->types_wanted, item->type))
    return FALSE;
  if (!fm_observed_walk_item (item, w->state_node, w->state_done, w->as_of, w->stays, &start, &finish, &last))
    return FALSE;

  in_period = finish != FM_OBSERVED_OPEN && (!w->has_from || finish >= w->from);

  for (guint i = 0; i < w->stays->len; i++)
    {
      FmObservedStay *stay = &g_array_index (w->stays, FmObservedStay, i);
      NodeAcc *acc = g_hash_table_lookup (w->accs, stay->node);

      if (stay->left != FM_OBSERVED_OPEN && (!w->has_from || stay->left >= w->from))
        {
          double seconds = fm_observed_span (w->calendar, stay->entered, stay->left);

          g_array_append_val (acc->samples, seconds);
          if (acc->last_item != item)
            acc->items++;
          acc->last_item = item;
        }
      else if (stay->left == FM_OBSERVED_OPEN && finish == FM_OBSERVED_OPEN)
        {
          acc->in_progress++;
        }

      if (in_period && fm_node_get_kind (stay->node) == FM_NODE_KIND_PROCESS)
        active_s += overlap (w->calendar, stay->entered, stay->left, start, finish);
    }

  span[0] = start;
  span[1] = finish;
  g_array_append_vals (w->spans, span, 2);

  if (in_period)
    {
      double lead_s = fm_observed_span (w->calendar, start, finish);
      const char *type = item->type != NULL ? item->type : "";

      g_array_append_val (result->lead_times, lead_s);
      g_array_append_val (w->finishes, finish);
      g_hash_table_insert (w->types, (gpointer) type,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (w->types, type)) + 1));
      w->total_lead_s += lead_s;
      w->total_active_s += active_s;
      result->finished++;
    }
  else if (finish == FM_OBSERVED_OPEN)
    {
      FmObservedAge age = { 0 };
      FmNode *node = w->state_done[last->state] ? NULL : w->state_node[last->state];

      age.item = g_strdup (item->id);
      age.state = g_strdup (fm_observed_log_get_state_name (w->log, last->state));
      age.node_id = node != NULL ? g_strdup (fm_node_get_id (node)) : NULL;
      age.age_s = fm_observed_span (w->calendar, start, w->as_of);
      g_array_append_val (result->aging, age);
      result->in_progress++;
    }

  return TRUE;
}

int
fm_observed_compare_doubles (gconstpointer a,
                             gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static int
compare_ages (gconstpointer a,
              gconstpointer b)
{
  const FmObservedAge *aa = a, *ab = b;

  if (aa->age_s != ab->age_s)
    return aa->age_s < ab->age_s ? 1 : -1;

  return g_strcmp0 (aa->item, ab->item);
}

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const FmObservedShare *sa = a, *sb = b;

  if (sa->finished != sb->finished)
    return sa->finished < sb->finished ? 1 : -1;
  /* Items without a type last. */
  if ((sa->type == NULL) != (sb->type == NULL))
    return sa->type == NULL ? 1 : -1;

  return g_strcmp0 (sa->type, sb->type);
}

static void
count_days (Walk       *w,
            FmObserved *result)
{
  guint32 first = g_date_get_julian (&result->first_day);
  guint32 last = g_date_get_julian (&result->last_day);
  g_autofree int *delta = NULL;
  int wip = 0;

  delta = g_new0 (int, last - first + 2);
  for (guint i = 0; i + 1 < w->spans->len; i += 2)
    {
      gint64 start = g_array_index (w->spans, gint64, i);
      gint64 finish = g_array_index (w->spans, gint64, i + 1);
      guint32 d0 = fm_observed_day_of (w->tz, start);
      guint32 d1 = finish == FM_OBSERVED_OPEN ? last + 1 : fm_observed_day_of (w->tz, finish);

      /* In progress at the end of each day from its start to the day
       * before it finished. */
      d0 = CLAMP (d0, first, last + 1);
      d1 = CLAMP (d1, first, last + 1);
      if (d1 > d0)
        {
          delta[d0 - first]++;
          delta[d1 - first]--;
        }
    }

  for (guint32 d = first; d <= last; d++)
    {
      FmObservedDay day;

      wip += delta[d - first];
      g_date_clear (&day.date, 1);
      g_date_set_julian (&day.date, d);
      day.wip = (guint) MAX (wip, 0);
      g_array_append_val (result->days, day);
    }
}

static void
count_weeks (Walk       *w,
             FmObserved *result)
{
  guint32 start_day, monday0, last = g_date_get_julian (&result->last_day);
  guint n_weeks, n_complete = 0, complete_sum = 0;
  GDate date;

  if (w->finishes->len == 0)
    return;

  /* Without a start date the weeks begin with the first finish's, so
   * that the weeks before anything could finish do not count. */
  if (w->has_from)
    {
      start_day = g_date_get_julian (&result->first_day);
    }
  else
    {
      start_day = G_MAXUINT32;
      for (guint i = 0; i < w->finishes->len; i++)
        start_day = MIN (start_day, fm_observed_day_of (w->tz, g_array_index (w->finishes, gint64, i)));
    }

  if (start_day > last)
    return;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start_day);
  monday0 = start_day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
  if (!w->has_from)
    start_day = monday0;

  n_weeks = (last - monday0) / 7 + 1;
  for (guint i = 0; i < n_weeks; i++)
    {
      FmObservedWeek week;
      guint32 monday = monday0 + 7 * i;

      g_date_clear (&week.monday, 1);
      g_date_set_julian (&week.monday, monday);
      week.finished = 0;
      week.complete = monday >= start_day && monday + 6 <= last;
      g_array_append_val (result->weeks, week);
    }

  for (guint i = 0; i < w->finishes->len; i++)
    {
      guint32 day = fm_observed_day_of (w->tz, g_array_index (w->finishes, gint64, i));

      if (day >= monday0 && (day - monday0) / 7 < n_weeks)
        g_array_index (result->weeks, FmObservedWeek, (day - monday0) / 7).finished++;
    }

  for (guint i = 0; i < n_weeks; i++)
    {
      FmObservedWeek *week = &g_array_index (result->weeks, FmObservedWeek, i);

      if (week->complete)
        {
          n_complete++;
          complete_sum += week->finished;
        }
    }

  result->throughput_per_week = n_complete > 0 ? (double) complete_sum / n_complete : NAN;
}

static void
fill_distribution (Walk       *w,
                   FmObserved *result)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!fm_observed_log_has_types (w->log))
    return;

  g_hash_table_iter_init (&iter, w->types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FmObservedShare share;

      share.type = *(const char *) key != '\0' ? g_strdup (key) : NULL;
      share.finished = GPOINTER_TO_UINT (value);
      share.share = (double) share.finished / result->finished;
      g_array_append_val (result->distribution, share);
    }
  g_array_sort (result->distribution, compare_shares);
}

static void
clear_node (gpointer data)
{
  g_free (((FmObservedNode *) data)->node_id);
  g_clear_pointer (&((FmObservedNode *) data)->stays, g_array_unref);
}

static void
clear_age (gpointer data)
{
  FmObservedAge *age = data;

  g_free (age->item);
  g_free (age->state);
  g_free (age->node_id);
}

static void
clear_share (gpointer data)
{
  g_free (((FmObservedShare *) data)->type);
}

static FmObserved *
observed_new (void)
{
  FmObserved *self = g_atomic_rc_box_new0 (FmObserved);

  self->lead_time_p50_s = self->lead_time_p85_s = self->lead_time_p95_s = NAN;
  self->throughput_per_week = self->flow_efficiency = NAN;
  self->nodes = g_array_new (FALSE, TRUE, sizeof (FmObservedNode));
  g_array_set_clear_func (self->nodes, clear_node);
  self->aging = g_array_new (FALSE, TRUE, sizeof (FmObservedAge));
  g_array_set_clear_func (self->aging, clear_age);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (FmObservedWeek));
  self->days = g_array_new (FALSE, TRUE, sizeof (FmObservedDay));
  self->distribution = g_array_new (FALSE, TRUE, sizeof (FmObservedShare));
  g_array_set_clear_func (self->distribution, clear_share);
  self->lead_times = g_array_new (FALSE, FALSE, sizeof (double));

  return self;
}

/* Which node each state is, and an accumulator for each such node. */
static void
resolve_states (Walk              *w,
                FmObservedMapping *mapping,
                FmMap             *map)
{
  guint n = fm_observed_log_get_n_states (w->log);

  fm_observed_resolve_states (w->log, mapping, map, &w->state_node, &w->state_done);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = w->state_node[i];

      if (node != NULL && !g_hash_table_contains (w->accs, node))
        {
          NodeAcc *acc = g_new0 (NodeAcc, 1);

          acc->samples = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (w->accs, node, acc);
        }
    }
}

static gint64
last_event (FmObservedLog *log)
{
  gint64 last = G_MININT64;
  guint n = fm_observed_log_get_n_items (log);

  for (guint i = 0; i < n; i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (log, i);

      for (guint j = 0; j < item->visits->len; j++)
        {
          const FmObservedVisit *v = &g_array_index (item->visits, FmObservedVisit, j);

          last = MAX (last, MAX (v->entered, v->left));
        }
    }

  return last;
}

/**
 * fm_observed_compute:
 * @log: the data, sealed
 * @mapping: which node each of its states is
 * @map: the map the nodes are on
 * @options: the period and the time zone
 *
 * Measures the flow of the items of @log through the nodes of @map.
 *
 * Returns: (transfer full): the figures
 */
FmObserved *
fm_observed_compute (FmObservedLog           *log,
                     FmObservedMapping       *mapping,
                     FmMap                   *map,
                     const FmObservedOptions *options)
{
  FmObserved *result;
  Walk w = { 0 };
  gint64 first_start = G_MAXINT64;
  guint n_items, n_nodes;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  fm_observed_log_seal (log);

  result = observed_new ();
  w.log = log;
  w.tz = options->time_zone != NULL ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  w.accs = g_hash_table_new_full (NULL, NULL, NULL, node_acc_free);
  w.stays = g_array_new (FALSE, FALSE, sizeof (FmObservedStay));
  w.spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.finishes = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.types = g_hash_table_new (g_str_hash, g_str_equal);
  w.types_wanted = options->types;
  w.calendar = options->calendar;
  w.has_from = options->from != NULL;
  w.from = w.has_from ? g_date_time_to_unix (options->from) : 0;

  /* As of the data, never the clock: the same file gives the same figures
   * on any day. Just after the last event is when the export was made, as
   * far as the file can tell. */
  if (options->to != NULL)
    w.as_of = g_date_time_to_unix (options->to);
  else
    {
      gint64 last = last_event (log);

      /* Data in the last second of 9999 is as of that second: the one
       * after it is past what a date can be. */
      w.as_of = last != G_MININT64 ? MIN (last, FM_OBSERVED_MAX_TIME - 1) + 1 : 0;
    }

  resolve_states (&w, mapping, map);

  n_items = fm_observed_log_get_n_items (log);
  for (guint i = 0; i < n_items; i++)
    if (walk_item (&w, result, fm_observed_log_get_item (log, i)))
      first_start = MIN (first_start, g_array_index (w.spans, gint64, w.spans->len - 2));
  result->items = result->finished + result->in_progress;

  g_array_sort (result->lead_times, fm_observed_compare_doubles);
  /* The 85th and 95th by the nearest rank, as the forecast: they are read
   * as "85 % of the finished items took at most …", which an interpolation
   * can break. The interpolated median keeps that promise for half. */
  result->lead_time_p50_s = fm_observed_percentile ((double *) result->lead_times->data, result->lead_times->len, 0.50);
  result->lead_time_p85_s = fm_observed_percentile_rank ((double *) result->lead_times->data, result->lead_times->len, 0.85);
  result->lead_time_p95_s = fm_observed_percentile_rank ((double *) result->lead_times->data, result->lead_times->len, 0.95);
  result->flow_efficiency = w.total_lead_s > 0 ? w.total_active_s / w.total_lead_s : NAN;

  for (guint i = 0; i < result->aging->len; i++)
    {
      FmObservedAge *age = &g_array_index (result->aging, FmObservedAge, i);

      age->over_p85 = !isnan (result->lead_time_p85_s) && age->age_s > result->lead_time_p85_s;
    }
  g_array_sort (result->aging, compare_ages);

  n_nodes = fm_map_get_n_nodes (map);
  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      NodeAcc *acc = g_hash_table_lookup (w.accs, node);
      FmObservedNode figures = { 0 };

      if (acc == NULL)
        continue;

      g_array_sort (acc->samples, fm_observed_compare_doubles);
      figures.node_id = g_strdup (fm_node_get_id (node));
      figures.kind = fm_node_get_kind (node);
      figures.count = acc->samples->len;
      figures.items = acc->items;
      figures.in_progress = acc->in_progress;
      figures.median_s = fm_observed_percentile ((double *) acc->samples->data, acc->samples->len, 0.50);
      figures.p85_s = fm_observed_percentile ((double *) acc->samples->data, acc->samples->len, 0.85);
      figures.mean_s = NAN;
      if (acc->samples->len > 0)
        {
          double sum = 0;

          for (guint k = 0; k < acc->samples->len; k++)
            sum += g_array_index (acc->samples, double, k);
          figures.mean_s = sum / acc->samples->len;
        }
      /* Kept for the simulation to draw from (fm-simulate.c). */
      figures.stays = g_steal_pointer (&acc->samples);
      g_array_append_val (result->nodes, figures);
    }

  result->as_of = g_date_time_new_from_unix_utc (w.as_of);
  result->time_zone = g_time_zone_ref (w.tz);
  result->calendar = w.calendar != NULL ? fm_calendar_ref ((FmCalendar *) w.calendar) : NULL;
  g_date_clear (&result->first_day, 1);
  g_date_clear (&result->last_day, 1);
  {
    guint32 last = last_day_of (w.tz, w.as_of);
    guint32 first = w.has_from ? fm_observed_day_of (w.tz, w.from)
                    : first_start != G_MAXINT64 ? fm_observed_day_of (w.tz, first_start) : last;

    if (last < first)
      last = first;
    if (last - first >= MAX_DAYS)
      first = last - MAX_DAYS + 1;
    g_date_set_julian (&result->first_day, first);
    g_date_set_julian (&result->last_day, last);
  }

  count_days (&w, result);
  count_weeks (&w, result);
  fill_distribution (&w, result);
  result->moves = fm_observed_count_moves (log, mapping, map, options, w.as_of);

  g_free (w.state_node);
  g_free (w.state_done);
  g_hash_table_unref (w.accs);
  g_hash_table_unref (w.types);
  g_array_unref (w.stays);
  g_array_unref (w.spans);
  g_array_unref (w.finishes);
  g_time_zone_unref (w.tz);

  return result;
}

FmObserved *
fm_observed_ref (FmObserved *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
fm_observed_finalize (FmObserved *self)
{
  g_array_unref (self->nodes);
  g_array_unref (self->aging);
  g_array_unref (self->weeks);
  g_array_unref (self->days);
  g_array_unref (self->distribution);
  g_array_unref (self->lead_times);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->calendar, fm_calendar_unref);
  g_clear_pointer (&self->moves, g_array_unref);
}

void
fm_observed_unref (FmObserved *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) fm_observed_finalize);
}

/**
 * fm_observed_lookup_node:
 *
 * Returns: (nullable) (transfer none): the figures of the node @node_id
 */
const FmObservedNode *
fm_observed_lookup_node (FmObserved *self,
                         const char *node_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node_id != NULL, NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const FmObservedNode *node = &g_array_index (self->nodes, FmObservedNode, i);

      if (g_str_equal (node->node_id, node_id))
        return node;
    }

  return NULL;
}

/* Returns: the node's median, 85th percentile or mean, NAN without data */
double
fm_observed_node_value (const FmObservedNode *node,
                        FmObservedStatistic   statistic)
{
  g_return_val_if_fail (node != NULL, NAN);

  switch (statistic)
    {
    case FM_OBSERVED_P85:
      return node->p85_s;
    case FM_OBSERVED_MEAN:
      return node->mean_s;
    case FM_OBSERVED_MEDIAN:
    default:
      return node->median_s;
    }
}
