/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool-lane.c: reordering the swimlanes: a lane's header dragged
 * up or down, or its context menu's Move Lane Up and Down
 *
 * A press on a lane's header (at the left of its band) starts the lane
 * tool: while it drags, a ghost of the header follows the pointer and a
 * line shows where the lane would go; the release moves the lane as one
 * undo step (fm_lanes_move_lane(), which arranges the nodes so that the
 * bands follow). Nothing changes in the document before the release, so
 * Escape has nothing to roll back. The same move is in the lane's context
 * menu, opened with the secondary button on its header or on a node in
 * it, or with the Menu key (Shift+F10) for the selected node.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-tool-lane"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-canvas-tool.h"
#include "fm-lane-edit.h"

#define DRAG_THRESHOLD 3.0

typedef struct {
  FmTool parent;
  FmMapLanes *lanes;    /* as they were at the press */
  GArray *bands;        /* FmLaneBand, top to bottom, at the press */
  int band;             /* the pressed lane's band, or -1 */
  guint target;         /* the band it would take the place of */
  gboolean moving;
} FmLaneTool;

/* The lanes shown and their bands, or FALSE when the map is not in lanes. */
static gboolean
lanes_of (FmCanvas    *canvas,
          FmMapLanes **lanes,
          GArray     **bands)
{
  if (canvas->map == NULL || fm_map_get_lanes (canvas->map) == NULL)
    return FALSE;

  *lanes = fm_map_lanes_new (canvas->map);
  *bands = fm_lane_bands_compute (canvas->map, *lanes);
  if ((*bands)->len > 0)
    return TRUE;

  g_clear_pointer (lanes, fm_map_lanes_free);
  g_clear_pointer (bands, g_array_unref);
  return FALSE;
}

static int
band_of_lane (GArray *bands,
              guint   lane)
{
  for (guint i = 0; i < bands->len; i++)
    if (g_array_index (bands, FmLaneBand, i).lane == lane)
      return (int) i;
  return -1;
}

/* Whether a band's lane can move: the steps without a role stay last. */
static gboolean
is_movable (const FmMapLanes *lanes,
            GArray           *bands,
            guint             band)
{
  return g_array_index (bands, FmLaneBand, band).lane < fm_lanes_get_n_movable (lanes);
}

/**
 * fm_canvas_lane_header_at:
 * @lane: (out): the lane, an index into the map's FmMapLanes
 *
 * Returns: whether (@map_x, @map_y) is on the header of a lane that can
 *   be moved
 */
gboolean
fm_canvas_lane_header_at (FmCanvas *self,
                          double    map_x,
                          double    map_y,
                          guint    *lane)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;
  int band;
  const FmRect *r;

  if (!lanes_of (self, &lanes, &bands))
    return FALSE;

  band = fm_lane_bands_find (bands, map_y);
  if (band < 0 || !is_movable (lanes, bands, band))
    return FALSE;
  r = &g_array_index (bands, FmLaneBand, band).bounds;
  if (map_x < r->x || map_x > r->x + FM_LANE_HEADER_WIDTH)
    return FALSE;

  *lane = g_array_index (bands, FmLaneBand, band).lane;
  return TRUE;
}

static void
lane_begin (FmTool            *tool,
            FmCanvas          *canvas,
            const FmCanvasHit *hit,
            GdkModifierType    modifiers)
{
  FmLaneTool *self = (FmLaneTool *) tool;

  self->band = -1;
  if (!lanes_of (canvas, &self->lanes, &self->bands))
    return;
  self->band = band_of_lane (self->bands, hit->handle);
  self->target = MAX (self->band, 0);
}

static void
lane_update (FmTool   *tool,
             FmCanvas *canvas)
{
  FmLaneTool *self = (FmLaneTool *) tool;
  double mx, my;
  const FmRect *first;
  int band;

  if (self->band < 0)
    return;
  if (!self->moving &&
      hypot (tool->pointer_x - tool->start_x, tool->pointer_y - tool->start_y) < DRAG_THRESHOLD)
    return;
  self->moving = TRUE;

  fm_canvas_state_to_map (canvas->state, tool->pointer_x, tool->pointer_y, &mx, &my);
  first = &g_array_index (self->bands, FmLaneBand, 0).bounds;
  band = fm_lane_bands_find (self->bands, my);
  if (band < 0)
    band = my < first->y ? 0 : (int) self->bands->len - 1;
  /* Never below the lane of the steps without a role. */
  while (band > 0 && !is_movable (self->lanes, self->bands, band))
    band--;
  self->target = band;
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

static void
lane_end (FmTool          *tool,
          FmCanvas        *canvas,
          GdkModifierType  modifiers)
{
  FmLaneTool *self = (FmLaneTool *) tool;

  if (self->band < 0 || !self->moving || self->target == (guint) self->band)
    return;

  fm_lanes_move_lane (canvas->document, canvas->map,
                      g_array_index (self->bands, FmLaneBand, self->band).lane,
                      g_array_index (self->bands, FmLaneBand, self->target).lane);
}

static void
to_widget_rect (FmCanvas     *canvas,
                const FmRect *r,
                FmRect       *out)
{
  double x1, y1, x2, y2;

  fm_canvas_state_to_widget (canvas->state, r->x, r->y, &x1, &y1);
  fm_canvas_state_to_widget (canvas->state, r->x + r->width, r->y + r->height, &x2, &y2);
  *out = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* The header follows the pointer; a line where the lane would go. */
static void
lane_draw (FmTool   *tool,
           FmCanvas *canvas,
           cairo_t  *cr)
{
  FmLaneTool *self = (FmLaneTool *) tool;
  const FmColor *accent = &canvas->palette.accent;
  const FmRect *pressed;
  FmRect header, target, band;
  double zoom = fm_canvas_state_get_zoom (canvas->state);
  double line_y;

  if (self->band < 0 || !self->moving)
    return;

  pressed = &g_array_index (self->bands, FmLaneBand, self->band).bounds;
  to_widget_rect (canvas, pressed, &band);
  header = (FmRect) { band.x, band.y + tool->pointer_y - tool->start_y,
                      FM_LANE_HEADER_WIDTH * zoom, band.height };
  cairo_save (cr);
  /* Opaque, so that the header it passes over does not show through. */
  cairo_rectangle (cr, header.x, header.y, header.width, header.height);
  cairo_set_source_rgba (cr, canvas->palette.background.r, canvas->palette.background.g,
                         canvas->palette.background.b, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.2);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  {
    const char *name = fm_map_lanes_get_name (self->lanes, g_array_index (self->bands, FmLaneBand, self->band).lane);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (canvas), name);
    const FmColor *ink = &canvas->palette.ink;

    /* The lane's name rides along, so that the ghost says what moves. */
    pango_layout_set_width (layout, (int) (MAX (header.width - 12, 1) * PANGO_SCALE));
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    cairo_move_to (cr, header.x + 6, header.y + 6);
    cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 1);
    pango_cairo_show_layout (cr, layout);
  }

  if (self->target != (guint) self->band)
    {
      to_widget_rect (canvas, &g_array_index (self->bands, FmLaneBand, self->target).bounds, &target);
      line_y = self->target < (guint) self->band ? target.y : target.y + target.height;
      cairo_rectangle (cr, target.x, round (line_y) - 2, target.width, 4);
      cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static const char *
lane_cursor (FmTool   *tool,
             FmCanvas *canvas)
{
  return ((FmLaneTool *) tool)->moving ? "grabbing" : "grab";
}

static void
lane_finalize (FmTool *tool)
{
  FmLaneTool *self = (FmLaneTool *) tool;

  g_clear_pointer (&self->lanes, fm_map_lanes_free);
  g_clear_pointer (&self->bands, g_array_unref);
}

const FmToolClass fm_lane_tool_class = {
  .name = "lane",
  .instance_size = sizeof (FmLaneTool),
  .begin = lane_begin,
  .update = lane_update,
  .end = lane_end,
  .draw = lane_draw,
  .cursor = lane_cursor,
  .finalize = lane_finalize,
};

/* The lane's context menu: Move Lane Up and Down, to the place of the
 * band above or below, as a drag of the header would. */
static void
show_lane_menu (FmCanvas           *self,
                guint               lane,
                const GdkRectangle *pointing_to)
{
  g_autoptr(FmMapLanes) lanes = NULL;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  int band;
  const char *name;

  if (!lanes_of (self, &lanes, &bands))
    return;
  band = band_of_lane (bands, lane);
  if (band < 0 || !is_movable (lanes, bands, band))
    return;

  if (band > 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Move Lane _Up"), NULL);

      g_menu_item_set_action_and_target (item, "canvas.move-lane", "(uu)", lane,
                                         g_array_index (bands, FmLaneBand, band - 1).lane);
      g_menu_append_item (section, item);
    }
  if ((guint) band + 1 < bands->len && is_movable (lanes, bands, band + 1))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Move Lane _Down"), NULL);

      g_menu_item_set_action_and_target (item, "canvas.move-lane", "(uu)", lane,
                                         g_array_index (bands, FmLaneBand, band + 1).lane);
      g_menu_append_item (section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) == 0)
    return;

  name = fm_map_lanes_get_name (lanes, lane);
  g_menu_append_section (menu, name, G_MENU_MODEL (section));

  if (self->lane_menu == NULL)
    {
      self->lane_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->lane_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->lane_menu), FALSE);
      gtk_widget_set_halign (self->lane_menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->lane_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->lane_menu), pointing_to);
  gtk_popover_popup (GTK_POPOVER (self->lane_menu));
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      FmCanvas        *self)
{
  FmCanvasHit hit;
  guint lane;
  g_autoptr(FmMapLanes) lanes = NULL;

  if (self->map == NULL || fm_map_get_lanes (self->map) == NULL)
    return;

  fm_canvas_hit_test (self, x, y, &hit);
  if (hit.type == FM_CANVAS_HIT_LANE)
    {
      lane = hit.handle;
    }
  else if (hit.type == FM_CANVAS_HIT_NODE)
    {
      int found;

      lanes = fm_map_lanes_new (self->map);
      found = fm_map_lanes_lookup (lanes, fm_map_lookup_node (self->map, hit.id));
      if (found < 0)
        return;
      lane = found;
    }
  else
    {
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_lane_menu (self, lane, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

static void
action_move_lane (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  guint lane, position;

  if (self->map == NULL)
    return;
  g_variant_get (param, "(uu)", &lane, &position);
  fm_lanes_move_lane (self->document, self->map, lane, position);
}

/* The Menu key: the context menu of the selected node's lane. */
static void
action_lane_menu (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  g_autoptr(FmMapLanes) lanes = NULL;
  const char *id = fm_canvas_state_get_single (self->state);
  FmNode *node = id != NULL && self->map != NULL ? fm_map_lookup_node (self->map, id) : NULL;
  graphene_rect_t rect;
  int lane;

  if (node == NULL || fm_map_get_lanes (self->map) == NULL)
    return;
  lanes = fm_map_lanes_new (self->map);
  lane = fm_map_lanes_lookup (lanes, node);
  if (lane < 0)
    return;

  fm_canvas_node_to_widget (self, node, &rect);
  show_lane_menu (self, lane, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                MAX ((int) rect.size.width, 1), MAX ((int) rect.size.height, 1) });
}

void
fm_canvas_lanes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.move-lane", "(uu)", action_move_lane);
  gtk_widget_class_install_action (widget_class, "canvas.lane-menu", NULL, action_lane_menu);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.lane-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.lane-menu", NULL);
}

void
fm_canvas_lanes_init (FmCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

void
fm_canvas_lanes_dispose (FmCanvas *self)
{
  g_clear_pointer (&self->lane_menu, gtk_widget_unparent);
}

void
fm_canvas_lanes_allocate (FmCanvas *self)
{
  if (self->lane_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->lane_menu));
}
