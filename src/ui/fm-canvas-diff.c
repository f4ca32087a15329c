/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-diff.c: a future state shown with what changed since its origin
 *
 * With "show-changes" on and a map made from another one (based_on), the
 * canvas keeps an FmComparison of the two for the renderer to draw the
 * differences with (fm-render-diff.c). It is computed again after every
 * change of the document, before the next frame, never while drawing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas"

#include "fm-canvas-private.h"
#include "fm-document-maps.h"

static gboolean
recompute (gpointer data)
{
  FmCanvas *self = data;
  FmMap *origin;

  self->diff_idle = 0;
  g_clear_pointer (&self->comparison, fm_comparison_free);

  if (self->show_changes && self->document != NULL && self->map != NULL &&
      (origin = fm_document_get_origin_map (self->document, self->map)) != NULL)
    self->comparison = fm_comparison_new (self->document, origin, self->map);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Drops the comparison at once (its maps may be changing) and computes
 * it again before the next frame is drawn. */
static void
invalidate (FmCanvas *self)
{
  g_clear_pointer (&self->comparison, fm_comparison_free);
  if (self->diff_idle == 0)
    self->diff_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute, self, NULL);
}

/* Follows the changes of the document shown, whichever it is. */
void
fm_canvas_diff_init (FmCanvas *self)
{
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (invalidate),
                                 self, G_CONNECT_SWAPPED);
}

/* After fm_canvas_set_map(): the comparison is of another map now. */
void
fm_canvas_diff_map_changed (FmCanvas *self)
{
  invalidate (self);
}

void
fm_canvas_diff_clear (FmCanvas *self)
{
  g_clear_handle_id (&self->diff_idle, g_source_remove);
  g_clear_pointer (&self->comparison, fm_comparison_free);
}

/**
 * fm_canvas_get_comparison:
 *
 * Returns: (transfer none) (nullable): how the map shown differs from its
 *   origin, when changes are shown and it has one
 */
const FmComparison *
fm_canvas_get_comparison (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  if (self->diff_idle != 0)
    {
      g_source_remove (self->diff_idle);
      recompute (self);
    }

  return self->comparison;
}

/**
 * fm_canvas_can_show_changes:
 *
 * Returns: whether the map shown was made from another map of the
 *   document, which its changes are shown against
 */
gboolean
fm_canvas_can_show_changes (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);

  return self->document != NULL && self->map != NULL &&
         fm_document_get_origin_map (self->document, self->map) != NULL;
}

gboolean
fm_canvas_get_show_changes (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);

  return self->show_changes;
}

/* The property's setter; the canvas notifies. */
gboolean
fm_canvas_diff_set_show_changes (FmCanvas *self,
                                 gboolean  show)
{
  if (self->show_changes == !!show)
    return FALSE;

  self->show_changes = !!show;
  invalidate (self);
  return TRUE;
}
