/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool-view.c: the tools that change what is seen, not the map
 *
 * The rubber band selects what it covers (with Shift or Ctrl, in addition
 * to what was selected); the pan tool moves the view with the pointer
 * (Space and the primary button, or the middle button).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tool-view"

#include <math.h>

#include "fm-canvas-tool.h"

typedef struct {
  FmTool parent;
  GHashTable *initial_selection;  /* with Shift: what stays selected */
} FmBandTool;

static void
band_begin (FmTool            *tool,
            FmCanvas          *canvas,
            const FmCanvasHit *hit,
            GdkModifierType    modifiers)
{
  FmBandTool *self = (FmBandTool *) tool;

  if ((modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    {
      /* A copy: the state's table changes as the band grows. */
      GHashTableIter iter;
      gpointer key;

      self->initial_selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, fm_canvas_state_get_selection (canvas->state));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->initial_selection, g_strdup (key));
    }
  else
    {
      fm_canvas_state_clear_selection (canvas->state);
    }
}

static void
band_update (FmTool   *tool,
             FmCanvas *canvas)
{
  FmBandTool *self = (FmBandTool *) tool;
  double x1, y1, x2, y2;
  FmRect rect;

  fm_canvas_state_to_map (canvas->state, tool->start_x, tool->start_y, &x1, &y1);
  fm_canvas_state_to_map (canvas->state, tool->pointer_x, tool->pointer_y, &x2, &y2);
  rect = (FmRect) { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) };
  fm_canvas_select_rect_keeping (canvas, &rect, self->initial_selection);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

static void
band_end (FmTool          *tool,
          FmCanvas        *canvas,
          GdkModifierType  modifiers)
{
}

/* Escape gives back the selection from before the band. */
static void
band_cancel (FmTool   *tool,
             FmCanvas *canvas)
{
  FmBandTool *self = (FmBandTool *) tool;
  g_autofree const char **ids = NULL;

  if (self->initial_selection == NULL)
    return;

  ids = (const char **) g_hash_table_get_keys_as_array (self->initial_selection, NULL);
  fm_canvas_state_set_selection (canvas->state, ids);
}

static void
band_draw (FmTool   *tool,
           FmCanvas *canvas,
           cairo_t  *cr)
{
  const FmColor *accent = &canvas->palette.accent;
  double x = MIN (tool->start_x, tool->pointer_x), y = MIN (tool->start_y, tool->pointer_y);

  cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5,
                   round (fabs (tool->pointer_x - tool->start_x)),
                   round (fabs (tool->pointer_y - tool->start_y)));
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.15);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static const char *
band_cursor (FmTool   *tool,
             FmCanvas *canvas)
{
  return "default";
}

static void
band_finalize (FmTool *tool)
{
  g_clear_pointer (&((FmBandTool *) tool)->initial_selection, g_hash_table_unref);
}

const FmToolClass fm_band_tool_class = {
  .name = "rubber-band",
  .instance_size = sizeof (FmBandTool),
  .begin = band_begin,
  .update = band_update,
  .end = band_end,
  .cancel = band_cancel,
  .draw = band_draw,
  .cursor = band_cursor,
  .finalize = band_finalize,
};

typedef struct {
  FmTool parent;
  double origin_x, origin_y;   /* the view's origin at the press */
} FmPanTool;

static void
pan_begin (FmTool            *tool,
           FmCanvas          *canvas,
           const FmCanvasHit *hit,
           GdkModifierType    modifiers)
{
  FmPanTool *self = (FmPanTool *) tool;

  fm_canvas_state_get_origin (canvas->state, &self->origin_x, &self->origin_y);
}

static void
pan_update (FmTool   *tool,
            FmCanvas *canvas)
{
  FmPanTool *self = (FmPanTool *) tool;
  double zoom = fm_canvas_state_get_zoom (canvas->state);

  fm_canvas_state_set_view (canvas->state, zoom,
                            self->origin_x - (tool->pointer_x - tool->start_x) / zoom,
                            self->origin_y - (tool->pointer_y - tool->start_y) / zoom);
}

static void
pan_end (FmTool          *tool,
         FmCanvas        *canvas,
         GdkModifierType  modifiers)
{
}

static const char *
pan_cursor (FmTool   *tool,
            FmCanvas *canvas)
{
  return "grabbing";
}

const FmToolClass fm_pan_tool_class = {
  .name = "pan",
  .instance_size = sizeof (FmPanTool),
  .begin = pan_begin,
  .update = pan_update,
  .end = pan_end,
  .cursor = pan_cursor,
};
