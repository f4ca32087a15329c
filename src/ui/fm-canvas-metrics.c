/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-metrics.c: the canvas's figures, and showing one item of the map
 *
 * The canvas draws its timeline and constraint highlights from an
 * FmMetricsCache, never computing figures itself while drawing. It has a
 * cache of its own until the window gives it the one the metrics panel
 * reads, and keeps the cache on the map it shows.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas"

#include "fm-canvas-private.h"

static void
on_metrics_changed (FmCanvas *self)
{
  fm_canvas_layers_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fm_canvas_metrics_init (FmCanvas *self)
{
  g_autoptr(FmMetricsCache) cache = fm_metrics_cache_new ();

  self->cache_signals = g_signal_group_new (FM_TYPE_METRICS_CACHE);
  g_signal_group_connect_object (self->cache_signals, "changed", G_CALLBACK (on_metrics_changed),
                                 self, G_CONNECT_SWAPPED);
  fm_canvas_set_metrics_cache (self, cache);
}

void
fm_canvas_metrics_dispose (FmCanvas *self)
{
  g_clear_object (&self->cache_signals);
  g_clear_object (&self->metrics_cache);
}

/**
 * fm_canvas_metrics_apply:
 * @flush: compute the figures first if the document changed (never while
 *   drawing)
 *
 * Sets the timeline, the highlights and the figures of @options. Should
 * the cache be on another map, the canvas draws neither.
 */
void
fm_canvas_metrics_apply (FmCanvas        *self,
                         FmRenderOptions *options,
                         gboolean         flush)
{
  gboolean ours = self->metrics_cache != NULL && self->map != NULL &&
                  fm_metrics_cache_get_map (self->metrics_cache) == self->map;

  if (ours && flush)
    fm_metrics_cache_flush (self->metrics_cache);

  options->metrics = ours ? fm_metrics_cache_get_metrics (self->metrics_cache) : NULL;
  options->timeline = options->metrics != NULL;
  options->highlight_constraints = options->metrics != NULL;
}

/**
 * fm_canvas_get_metrics_cache:
 *
 * Returns: (transfer none): the figures the canvas draws from
 */
FmMetricsCache *
fm_canvas_get_metrics_cache (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  return self->metrics_cache;
}

/**
 * fm_canvas_set_metrics_cache:
 * @cache: the figures to draw from, shared with whoever else shows them
 *
 * From now on the canvas keeps @cache on the map it shows.
 */
void
fm_canvas_set_metrics_cache (FmCanvas       *self,
                             FmMetricsCache *cache)
{
  g_return_if_fail (FM_IS_CANVAS (self));
  g_return_if_fail (FM_IS_METRICS_CACHE (cache));

  if (self->metrics_cache == cache)
    return;

  g_set_object (&self->metrics_cache, cache);
  g_signal_group_set_target (self->cache_signals, cache);
  fm_metrics_cache_set_map (cache, self->document, self->map);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fm_canvas_select_and_reveal:
 * @id: a node or an edge of the map shown
 *
 * Selects @id alone and scrolls it to the middle of the view, at the same
 * zoom.
 *
 * Returns: %FALSE when the map has no such item
 */
gboolean
fm_canvas_select_and_reveal (FmCanvas   *self,
                             const char *id)
{
  FmNode *node;
  FmEdge *edge;
  FmRect r;
  double width, height, zoom;

  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->map == NULL)
    return FALSE;

  if ((node = fm_map_lookup_node (self->map, id)) != NULL)
    fm_node_get_bounds (node, &r);
  else if ((edge = fm_map_lookup_edge (self->map, id)) != NULL)
    {
      FmNode *from = fm_map_lookup_node (self->map, fm_edge_get_from (edge));
      FmNode *to = fm_map_lookup_node (self->map, fm_edge_get_to (edge));
      FmRect a, b;

      if (from == NULL || to == NULL)
        return FALSE;

      /* Between its two ends: where most of an edge runs. */
      fm_node_get_bounds (from, &a);
      fm_node_get_bounds (to, &b);
      r.x = MIN (a.x, b.x);
      r.y = MIN (a.y, b.y);
      r.width = MAX (a.x + a.width, b.x + b.width) - r.x;
      r.height = MAX (a.y + a.height, b.y + b.height) - r.y;
    }
  else
    return FALSE;

  fm_canvas_state_select (self->state, id, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  zoom = fm_canvas_state_get_zoom (self->state);
  if (width > 1 && height > 1)
    fm_canvas_state_set_view (self->state, zoom,
                              r.x + r.width / 2 - width / 2 / zoom,
                              r.y + r.height / 2 - height / 2 / zoom);

  return TRUE;
}
