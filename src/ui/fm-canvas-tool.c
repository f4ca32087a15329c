/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool.c: what every gesture shares: its state and its undo group
 *
 * Changes go to the document as they happen, inside one undo group, so
 * the renderer shows the real map and one gesture is one undo step;
 * Escape cancels the group, which reverts it and records nothing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tool"

#include "fm-canvas-tool.h"

/**
 * fm_tool_new:
 * @x: (in widget coordinates) where the gesture starts
 *
 * Returns: (transfer full): a tool of @klass, not begun yet
 */
FmTool *
fm_tool_new (const FmToolClass *klass,
             double             x,
             double             y)
{
  FmTool *tool;

  g_assert (klass->instance_size >= sizeof (FmTool));

  tool = g_malloc0 (klass->instance_size);
  tool->klass = klass;
  tool->start_x = tool->pointer_x = x;
  tool->start_y = tool->pointer_y = y;

  return tool;
}

void
fm_tool_free (FmTool *tool)
{
  if (tool == NULL)
    return;

  /* A group left open would swallow every later edit. */
  g_assert (!tool->group_open);
  if (tool->klass->finalize != NULL)
    tool->klass->finalize (tool);
  g_free (tool);
}

/* Opens the gesture's undo group, once. */
void
fm_tool_begin_group (FmTool     *tool,
                     FmCanvas   *canvas,
                     const char *label)
{
  if (tool->group_open)
    return;

  fm_document_begin_group (canvas->document, label);
  tool->group_open = TRUE;

  /* Moving and resizing change no figure: computing them on every motion
   * would cost more than the frame on a big map. Once at the end. */
  if (canvas->held_metrics == NULL && canvas->metrics_cache != NULL)
    {
      canvas->held_metrics = g_object_ref (canvas->metrics_cache);
      fm_metrics_cache_hold (canvas->held_metrics);
    }
}

static void
release_metrics (FmCanvas *canvas)
{
  g_autoptr(FmMetricsCache) cache = g_steal_pointer (&canvas->held_metrics);

  if (cache != NULL)
    fm_metrics_cache_release (cache);
}

/* The gesture is done: its changes become one undo step. */
void
fm_tool_end_group (FmTool   *tool,
                   FmCanvas *canvas)
{
  if (!tool->group_open)
    return;

  tool->group_open = FALSE;
  fm_document_end_group (canvas->document);
  release_metrics (canvas);
}

/* The gesture is cancelled: its changes are reverted and forgotten, so
 * that redo cannot bring them back. */
void
fm_tool_cancel_group (FmTool   *tool,
                      FmCanvas *canvas)
{
  if (!tool->group_open)
    return;

  tool->group_open = FALSE;
  fm_document_cancel_group (canvas->document);
  release_metrics (canvas);
}
