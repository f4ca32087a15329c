/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-series.c: observed flow data item by item and day by day, for charts
 *
 * The charts need what fm_observed_compute() sums up: when each finished
 * item finished (the lead-time scatterplot) and which node each item was
 * in at the end of each day (the cumulative flow diagram). Items are
 * walked by the same rules as there (docs/observed.md): an item starts
 * when it first enters a mapped state and finishes when it enters a state
 * that finishes items, or leaves its last state; the period and the time
 * zone are those of the FmObserved given.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <glib/gi18n-lib.h>

#include "fm-observed-private.h"
#include "fm-observed-series.h"

typedef struct {
  FmObservedLog *log;
  int *state_band;       /* per state: the band of its node, or -1 */
  gboolean *state_done;  /* per state: entering it finishes the item */
  guint n_bands;         /* with the finished items' */
  guint done_band;
  GTimeZone *tz;
  const char * const *types;
  const FmCalendar *calendar;
  gint64 as_of;
  gboolean has_from;
  gint64 from;
  guint32 first;         /* the period's days, as Julian days */
  guint32 last;
  int *delta;            /* per day and band: the change of the count */
} Walk;

static void
clear_finish (gpointer data)
{
  FmObservedFinish *finish = data;

  g_free (finish->item);
  g_free (finish->type);
}

static void
clear_band (gpointer data)
{
  FmObservedBand *band = data;

  g_free (band->node_id);
  g_free (band->label);
}

static int
compare_finishes (gconstpointer a,
                  gconstpointer b)
{
  const FmObservedFinish *fa = a, *fb = b;

  if (fa->finish != fb->finish)
    return fa->finish < fb->finish ? -1 : 1;

  return g_strcmp0 (fa->item, fb->item);
}

typedef struct {
  FmNode *node;
  guint position;
} Placed;

/* Left to right is upstream to downstream on a value stream map; the
 * order of the map breaks ties. */
static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;
  FmRect ra, rb;
  double xa, xb;

  fm_node_get_bounds (pa->node, &ra);
  fm_node_get_bounds (pb->node, &rb);
  xa = ra.x + ra.width / 2;
  xb = rb.x + rb.width / 2;
  if (xa != xb)
    return xa < xb ? -1 : 1;

  return (pa->position > pb->position) - (pa->position < pb->position);
}

/* The bands: every node a state maps to, in the order of the flow. */
static void
resolve_bands (Walk              *w,
               FmObservedSeries  *self,
               FmObservedMapping *mapping,
               FmMap             *map)
{
  guint n = fm_observed_log_get_n_states (w->log);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) node_band = g_hash_table_new (NULL, NULL);
  FmNode **state_node = g_new0 (FmNode *, MAX (n, 1));
  FmObservedBand done = { 0 };

  w->state_band = g_new (int, MAX (n, 1));
  w->state_done = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      int m = fm_observed_mapping_lookup_state (mapping, fm_observed_log_get_state_name (w->log, i));
      const char *node_id;
      FmNode *node;

      w->state_band[i] = -1;
      if (m < 0)
        {
          w->state_done[i] = fm_observed_log_get_state_done (w->log, i);
          continue;
        }

      w->state_done[i] = fm_observed_mapping_get_done (mapping, m);
      node_id = fm_observed_mapping_get_node_id (mapping, m);
      node = node_id != NULL ? fm_map_lookup_node (map, node_id) : NULL;
      if (node == NULL ||
          (fm_node_get_kind (node) != FM_NODE_KIND_PROCESS && fm_node_get_kind (node) != FM_NODE_KIND_QUEUE))
        continue;

      state_node[i] = node;
      if (!g_hash_table_contains (seen, node))
        {
          Placed p = { node, 0 };

          /* Where each node is on the map, once: a search per node would
           * take the square of a map of 20,000 steps. */
          if (g_hash_table_size (positions) == 0)
            for (guint j = 0; j < fm_map_get_n_nodes (map); j++)
              g_hash_table_insert (positions, fm_map_get_node (map, j), GUINT_TO_POINTER (j));
          p.position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, node));
          g_hash_table_add (seen, node);
          g_array_append_val (placed, p);
        }
    }

  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      FmNode *node = g_array_index (placed, Placed, i).node;
      const char *label = fm_node_get_label (node);
      FmObservedBand band;

      band.node_id = g_strdup (fm_node_get_id (node));
      band.label = g_strdup (label != NULL && label[0] != '\0' ? label : fm_node_get_id (node));
      band.kind = fm_node_get_kind (node);
      g_array_append_val (self->bands, band);
      g_hash_table_insert (node_band, node, GUINT_TO_POINTER (i));
    }
  for (guint s = 0; s < n; s++)
    if (state_node[s] != NULL)
      w->state_band[s] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (node_band, state_node[s]));

  /* Translators: the band of finished items in a cumulative flow diagram */
  done.label = g_strdup (_("Done"));
  done.kind = FM_NODE_KIND_OUTCOME;
  g_array_append_val (self->bands, done);
  w->n_bands = self->bands->len;
  w->done_band = w->n_bands - 1;

  g_free (state_node);
}

/* The item is in @band at the end of each day from the one it entered on
 * to the one before it left: the rule of the work in progress. */
static void
count_segment (Walk   *w,
               guint   band,
               gint64  entered,
               gint64  left)
{
  guint32 d0 = fm_observed_day_of (w->tz, entered);
  guint32 d1 = left == FM_OBSERVED_OPEN ? w->last + 1 : fm_observed_day_of (w->tz, left);

  d0 = CLAMP (d0, w->first, w->last + 1);
  d1 = CLAMP (d1, w->first, w->last + 1);
  if (d1 <= d0)
    return;

  w->delta[(gsize) (d0 - w->first) * w->n_bands + band]++;
  w->delta[(gsize) (d1 - w->first) * w->n_bands + band]--;
}

typedef struct {
  guint band;
  gint64 entered;
  gint64 left;
} Segment;

static void
walk_item (Walk                 *w,
           FmObservedSeries     *self,
           const FmObservedItem *item,
           GArray               *segments)
{
  const FmObservedVisit *last = NULL;
  gint64 start = FM_OBSERVED_OPEN, finish = FM_OBSERVED_OPEN, last_left = FM_OBSERVED_OPEN;
  int band = -1;

  if (!fm_observed_type_selected (w->types, item->type))
    return;

  g_array_set_size (segments, 0);
  for (guint i = 0; i < item->visits->len; i++)
    {
      const FmObservedVisit *v = &g_array_index (item->visits, FmObservedVisit, i);
      gint64 left;
      Segment segment;

      if (v->entered >= w->as_of)
        break;

      left = v->left != FM_OBSERVED_OPEN && v->left < w->as_of ? v->left : FM_OBSERVED_OPEN;
      last = v;
      last_left = left;

      if (w->state_done[v->state])
        band = (int) w->done_band;
      else if (w->state_band[v->state] >= 0)
        band = w->state_band[v->state];
      else if (band == (int) w->done_band)
        band = -1;  /* back from done into a state that is no node: not counted */
      /* else an unmapped state: the item stays where it was */

      if (start == FM_OBSERVED_OPEN && band >= 0 && band != (int) w->done_band)
        start = v->entered;
      if (start == FM_OBSERVED_OPEN || band < 0)
        continue;

      segment.band = (guint) band;
      segment.entered = v->entered;
      segment.left = left;
      g_array_append_val (segments, segment);
    }

  if (start == FM_OBSERVED_OPEN)
    return;

  if (w->state_done[last->state])
    finish = last->entered;
  else if (last_left != FM_OBSERVED_OPEN)
    {
      Segment gone = { w->done_band, last_left, FM_OBSERVED_OPEN };

      /* It left its last state for none: out of the stream, finished. */
      finish = last_left;
      g_array_append_val (segments, gone);
    }

  /* Finished before the period: not in it at all. */
  if (finish != FM_OBSERVED_OPEN && w->has_from && finish < w->from)
    return;

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *s = &g_array_index (segments, Segment, i);

      count_segment (w, s->band, s->entered, s->left);
    }

  if (finish != FM_OBSERVED_OPEN)
    {
      FmObservedFinish f;

      f.item = g_strdup (item->id);
      f.type = g_strdup (item->type);
      f.start = start;
      f.finish = finish;
      f.lead_s = fm_observed_span (w->calendar, start, finish);
      g_array_append_val (self->finishes, f);
    }
}

/**
 * fm_observed_series_compute:
 * @log: the data @observed was computed from
 * @mapping: its mapping
 * @map: its map
 * @observed: the figures, which give the period and the time zone
 * @options: the options @observed was computed with (only @from,
 *   @types and @calendar are read)
 *
 * Returns: (transfer full): the series of @observed
 */
FmObservedSeries *
fm_observed_series_compute (FmObservedLog           *log,
                            FmObservedMapping       *mapping,
                            FmMap                   *map,
                            FmObserved              *observed,
                            const FmObservedOptions *options)
{
  FmObservedSeries *self;
  g_autoptr(GArray) segments = NULL;
  Walk w = { 0 };
  guint n_items;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (observed != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  fm_observed_log_seal (log);

  self = g_atomic_rc_box_new0 (FmObservedSeries);
  self->finishes = g_array_new (FALSE, TRUE, sizeof (FmObservedFinish));
  g_array_set_clear_func (self->finishes, clear_finish);
  self->bands = g_array_new (FALSE, TRUE, sizeof (FmObservedBand));
  g_array_set_clear_func (self->bands, clear_band);

  w.log = log;
  w.tz = observed->time_zone;
  w.as_of = g_date_time_to_unix (observed->as_of);
  w.types = options->types;
  w.calendar = options->calendar;
  w.has_from = options->from != NULL;
  w.from = w.has_from ? g_date_time_to_unix (options->from) : 0;
  w.first = g_date_get_julian (&observed->first_day);
  w.last = g_date_get_julian (&observed->last_day);
  resolve_bands (&w, self, mapping, map);

  self->first_day = observed->first_day;
  self->n_days = w.last - w.first + 1;
  w.delta = g_new0 (int, ((gsize) self->n_days + 1) * w.n_bands);

  segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  n_items = fm_observed_log_get_n_items (log);
  for (guint i = 0; i < n_items; i++)
    walk_item (&w, self, fm_observed_log_get_item (log, i), segments);
  g_array_sort (self->finishes, compare_finishes);

  self->counts = g_new0 (guint, (gsize) self->n_days * w.n_bands);
  for (guint b = 0; b < w.n_bands; b++)
    {
      int count = 0;

      for (guint d = 0; d < self->n_days; d++)
        {
          count += w.delta[(gsize) d * w.n_bands + b];
          self->counts[(gsize) d * w.n_bands + b] = (guint) MAX (count, 0);
        }
    }

  g_free (w.delta);
  g_free (w.state_band);
  g_free (w.state_done);

  return self;
}

FmObservedSeries *
fm_observed_series_ref (FmObservedSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
series_finalize (FmObservedSeries *self)
{
  g_array_unref (self->finishes);
  g_array_unref (self->bands);
  g_free (self->counts);
}

void
fm_observed_series_unref (FmObservedSeries *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) series_finalize);
}

/* The items in @band at the end of day @day of the period (from 0). */
guint
fm_observed_series_get (FmObservedSeries *self,
                        guint             day,
                        guint             band)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day < self->n_days && band < self->bands->len, 0);

  return self->counts[(gsize) day * self->bands->len + band];
}

/* Returns: the band of @node_id, or -1 */
int
fm_observed_series_lookup_band (FmObservedSeries *self,
                                const char       *node_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; node_id != NULL && i < self->bands->len; i++)
    if (g_strcmp0 (g_array_index (self->bands, FmObservedBand, i).node_id, node_id) == 0)
      return (int) i;

  return -1;
}
