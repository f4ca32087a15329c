/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics-cache.c: the figures of the map on screen, kept up to date
 *
 * The window owns one; the canvas draws its highlights and timeline from
 * it and the metrics panel lists it, so both always show the same figures.
 * A change to the document schedules one computation in an idle that runs
 * before the next frame is drawn: a burst of changes (a drag, a paste, an
 * undo of a group) costs one computation, and nothing is ever computed
 * while drawing.
 *
 * Until then the previous figures stay readable. They point at nodes
 * without owning them, and a change may remove a node from the map, so the
 * cache holds a reference on every node of the map it computed for.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics-cache"

#include <gdk/gdk.h>

#include "fm-metrics-cache.h"
#include "fm-renderer.h"

struct _FmMetricsCache
{
  GObject parent_instance;

  FmDocument *document;
  GSignalGroup *document_signals;  /* follows the document, whichever it is */
  FmMap *map;
  FmMetrics *metrics;
  GPtrArray *nodes;     /* FmNode, owned: what metrics points at */
  guint idle_id;
  guint hold_count;     /* fm_metrics_cache_hold() */
  gboolean held_change; /* the document changed while held */
};

G_DEFINE_FINAL_TYPE (FmMetricsCache, fm_metrics_cache, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Before GTK lays out and draws the next frame. */
#define RECOMPUTE_PRIORITY (GDK_PRIORITY_REDRAW - 10)

static void
clear_metrics (FmMetricsCache *self)
{
  g_clear_pointer (&self->metrics, fm_metrics_free);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
}

static void
recompute (FmMetricsCache *self)
{
  guint n;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  clear_metrics (self);

  if (self->map != NULL)
    {
      n = fm_map_get_n_nodes (self->map);
      self->nodes = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->nodes, g_object_ref (fm_map_get_node (self->map, i)));
      self->metrics = fm_metrics_compute (self->document, self->map, NULL);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
recompute_idle (gpointer data)
{
  FmMetricsCache *self = data;

  self->idle_id = 0;
  recompute (self);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed (FmMetricsCache *self)
{
  if (self->hold_count > 0)
    {
      self->held_change = TRUE;
      return;
    }
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (RECOMPUTE_PRIORITY, recompute_idle, self, NULL);
}

static void
fm_metrics_cache_dispose (GObject *object)
{
  FmMetricsCache *self = FM_METRICS_CACHE (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_signal_group_set_target (self->document_signals, NULL);
  clear_metrics (self);
  g_clear_object (&self->document);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (fm_metrics_cache_parent_class)->dispose (object);
}

static void
fm_metrics_cache_finalize (GObject *object)
{
  FmMetricsCache *self = FM_METRICS_CACHE (object);

  g_clear_object (&self->document_signals);

  G_OBJECT_CLASS (fm_metrics_cache_parent_class)->finalize (object);
}

static void
fm_metrics_cache_class_init (FmMetricsCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fm_metrics_cache_dispose;
  object_class->finalize = fm_metrics_cache_finalize;

  /**
   * FmMetricsCache::changed:
   *
   * The figures were computed again, or are for another map.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fm_metrics_cache_init (FmMetricsCache *self)
{
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
}

FmMetricsCache *
fm_metrics_cache_new (void)
{
  return g_object_new (FM_TYPE_METRICS_CACHE, NULL);
}

/**
 * fm_metrics_cache_set_map:
 * @document: (nullable): the document @map belongs to
 * @map: (nullable): the map to keep the figures of
 *
 * Computes the figures of @map at once, and again after every change to
 * @document.
 */
void
fm_metrics_cache_set_map (FmMetricsCache *self,
                          FmDocument     *document,
                          FmMap          *map)
{
  g_return_if_fail (FM_IS_METRICS_CACHE (self));
  g_return_if_fail (document == NULL || FM_IS_DOCUMENT (document));
  g_return_if_fail (map == NULL || FM_IS_MAP (map));

  if (self->document == document && self->map == map)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  g_signal_group_set_target (self->document_signals, document);

  recompute (self);
}

/**
 * fm_metrics_cache_get_document:
 *
 * Returns: (transfer none) (nullable): the document of the map
 */
FmDocument *
fm_metrics_cache_get_document (FmMetricsCache *self)
{
  g_return_val_if_fail (FM_IS_METRICS_CACHE (self), NULL);

  return self->document;
}

/**
 * fm_metrics_cache_get_map:
 *
 * Returns: (transfer none) (nullable): the map the figures are of
 */
FmMap *
fm_metrics_cache_get_map (FmMetricsCache *self)
{
  g_return_val_if_fail (FM_IS_METRICS_CACHE (self), NULL);

  return self->map;
}

/**
 * fm_metrics_cache_get_metrics:
 *
 * The figures as last computed: after a change, until the idle runs (or
 * fm_metrics_cache_flush()), those from before it. The nodes they point to
 * stay alive until the next computation.
 *
 * Returns: (transfer none) (nullable): the figures, or %NULL without a map
 */
const FmMetrics *
fm_metrics_cache_get_metrics (FmMetricsCache *self)
{
  g_return_val_if_fail (FM_IS_METRICS_CACHE (self), NULL);

  return self->metrics;
}

/**
 * fm_metrics_cache_is_pending:
 *
 * Returns: whether the document changed since the figures were computed
 */
gboolean
fm_metrics_cache_is_pending (FmMetricsCache *self)
{
  g_return_val_if_fail (FM_IS_METRICS_CACHE (self), FALSE);

  return self->idle_id != 0;
}

/**
 * fm_metrics_cache_flush:
 *
 * Computes the figures now if the document changed since they were, for
 * a caller that needs them current outside drawing.
 */
void
fm_metrics_cache_flush (FmMetricsCache *self)
{
  g_return_if_fail (FM_IS_METRICS_CACHE (self));

  if (self->idle_id != 0)
    recompute (self);
}

/**
 * fm_metrics_cache_hold:
 *
 * Keeps the figures as they are through changes that cannot alter them,
 * until fm_metrics_cache_release(): a drag that moves or resizes nodes
 * changes no figure, and on a map of 10,000 steps computing them on every
 * motion would cost more than the frame. Calls nest.
 */
void
fm_metrics_cache_hold (FmMetricsCache *self)
{
  g_return_if_fail (FM_IS_METRICS_CACHE (self));

  self->hold_count++;
}

/**
 * fm_metrics_cache_release:
 *
 * Ends a fm_metrics_cache_hold(); the last one schedules the computation
 * if the document changed meanwhile, in case something else changed too.
 */
void
fm_metrics_cache_release (FmMetricsCache *self)
{
  g_return_if_fail (FM_IS_METRICS_CACHE (self));
  g_return_if_fail (self->hold_count > 0);

  if (--self->hold_count > 0 || !self->held_change)
    return;

  self->held_change = FALSE;
  on_document_changed (self);
}

/**
 * fm_metrics_cache_get_rank:
 *
 * Returns: the rank from 1 when the node @id is one of the constraints
 *   marked on the map (FM_N_HIGHLIGHTED_CONSTRAINTS), else 0
 */
guint
fm_metrics_cache_get_rank (FmMetricsCache *self,
                           const char     *id)
{
  g_return_val_if_fail (FM_IS_METRICS_CACHE (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  if (self->metrics == NULL)
    return 0;

  for (guint i = 0; i < MIN (self->metrics->constraints->len, FM_N_HIGHLIGHTED_CONSTRAINTS); i++)
    {
      const FmConstraint *constraint = g_ptr_array_index (self->metrics->constraints, i);

      if (g_str_equal (constraint->id, id))
        return i + 1;
    }

  return 0;
}
