/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-palette-view.c: the shapes to place on the canvas and the connector to draw with
 *
 * A shape is dragged onto the canvas, or clicked to arm the canvas so that
 * its next click places one, or activated from the keyboard to place one
 * next to the selection. Each shape's picture is drawn by the shared
 * renderer from a one-node map, so the palette looks like the map.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-palette-view"

#include <glib/gi18n.h>

#include "fm-palette-view.h"
#include "fm-renderer.h"
#include "fm-style-palette.h"

#define ICON_WIDTH 44
#define ICON_HEIGHT 30

struct _FmPaletteView
{
  GtkWidget parent_instance;

  GtkBox *shapes_box;
  GtkBox *connectors_box;

  FmCanvas *canvas;
  /* A one-node map per kind, to draw the shapes' pictures. */
  FmDocument *samples;
  GtkToggleButton *shape_buttons[FM_NODE_KIND_NOTE + 1];
  GtkCheckButton *connector_buttons[FM_EDGE_KIND_REWORK + 1];
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (FmPaletteView, fm_palette_view, GTK_TYPE_WIDGET)

static const struct {
  FmNodeKind kind;
  const char *name;
  const char *tooltip;
} shapes[] = {
  { FM_NODE_KIND_PROCESS, N_("Process Step"), N_("Where work is done") },
  { FM_NODE_KIND_QUEUE, N_("Queue"), N_("Work waiting between steps") },
  { FM_NODE_KIND_TRIGGER, N_("Trigger"), N_("What starts the stream: a request, an order") },
  { FM_NODE_KIND_OUTCOME, N_("Outcome"), N_("Where the customer gets the value") },
  { FM_NODE_KIND_SYSTEM, N_("System"), N_("A tool or system the work passes through") },
  { FM_NODE_KIND_KAIZEN, N_("Kaizen Burst"), N_("An improvement to try") },
  { FM_NODE_KIND_NOTE, N_("Note"), N_("Free text") },
};

static const struct {
  FmEdgeKind kind;
  const char *name;
} connectors[] = {
  { FM_EDGE_KIND_FLOW, N_("Flow") },
  { FM_EDGE_KIND_PUSH, N_("Push") },
  { FM_EDGE_KIND_PULL, N_("Pull") },
  { FM_EDGE_KIND_INFO, N_("Information") },
  { FM_EDGE_KIND_ELECTRONIC, N_("Electronic") },
  { FM_EDGE_KIND_REWORK, N_("Rework") },
};

static FmDocument *
make_samples (void)
{
  FmDocument *samples = fm_document_new ();

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *id = g_strdup_printf ("sample-%u", shapes[i].kind);
      g_autoptr(FmMap) map = fm_map_new (id);
      g_autoptr(FmNode) node = fm_node_new (shapes[i].kind, "sample");

      fm_document_add_map (samples, map, i);
      fm_document_add_node (samples, map, node);
    }
  fm_undo_stack_clear (fm_document_get_undo_stack (samples));

  return samples;
}

static void
draw_shape_icon (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  FmPaletteView *self = g_object_get_data (G_OBJECT (area), "palette");
  FmNodeKind kind = GPOINTER_TO_INT (user_data);
  g_autofree char *id = g_strdup_printf ("sample-%u", kind);
  FmMap *map = fm_document_lookup_map (self->samples, id);
  FmNode *node = fm_map_lookup_node (map, "sample");
  FmRenderOptions options;
  FmPalette palette;
  FmRect extents;
  double scale;

  /* Just the shape, scaled to fit: the data boxes under steps and queues
   * would make it too small to read. */
  fm_render_options_init (&options);
  fm_style_palette_from_widget (GTK_WIDGET (area), &palette);
  options.palette = &palette;
  fm_node_get_bounds (node, &extents);
  if (fm_node_get_kind (node) == FM_NODE_KIND_PROCESS || fm_node_get_kind (node) == FM_NODE_KIND_QUEUE)
    extents.height *= 0.45;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  scale = MIN ((width - 2) / extents.width, (height - 2) / extents.height);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(extents.x + extents.width / 2), -(extents.y + extents.height / 2));
  fm_renderer_draw (cr, map, &options);
}

static void
on_shape_toggled (GtkToggleButton *button,
                  FmPaletteView   *self)
{
  FmNodeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  FmCanvasState *state;

  if (self->updating || self->canvas == NULL)
    return;

  state = fm_canvas_get_state (self->canvas);
  if (gtk_toggle_button_get_active (button))
    fm_canvas_state_set_tool (state, FM_CANVAS_TOOL_PLACE, kind);
  else if (fm_canvas_state_get_place_kind (state) == kind)
    fm_canvas_state_set_tool (state, FM_CANVAS_TOOL_SELECT, kind);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  FmNodeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));

  return gdk_content_provider_new_typed (FM_TYPE_NODE_KIND, kind);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *icon)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (icon);

  gtk_drag_source_set_icon (source, paintable, ICON_WIDTH / 2, ICON_HEIGHT / 2);
}

/* Enter or Space on a shape places one without the pointer: next to the
 * selected node, or in the middle of the view; the canvas then has the
 * focus with the new node selected. A click still arms the place tool. */
static gboolean
on_shape_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      FmPaletteView         *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FmNodeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  FmCanvasState *canvas_state;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || self->canvas == NULL)
    return FALSE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
      keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return FALSE;

  canvas_state = fm_canvas_get_state (self->canvas);
  if (fm_canvas_state_get_tool (canvas_state) != FM_CANVAS_TOOL_SELECT)
    fm_canvas_state_set_tool (canvas_state, FM_CANVAS_TOOL_SELECT, kind);
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.add-node", "s",
                              fm_node_kind_to_string (kind));
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return TRUE;
}

static GtkWidget *
make_shape_button (FmPaletteView *self,
                   guint          i)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (_(shapes[i].name));
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *key;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (icon), ICON_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (icon), ICON_HEIGHT);
  g_object_set_data (G_OBJECT (icon), "palette", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (icon), draw_shape_icon,
                                  GINT_TO_POINTER (shapes[i].kind), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "fm-shape");
  gtk_widget_set_tooltip_text (button, _(shapes[i].tooltip));
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (shapes[i].kind));
  g_signal_connect (button, "toggled", G_CALLBACK (on_shape_toggled), self);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), icon);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

  key = gtk_event_controller_key_new ();
  /* Before the button's own Enter and Space, which would arm the place tool. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_shape_key_pressed), self);
  gtk_widget_add_controller (button, key);

  self->shape_buttons[shapes[i].kind] = GTK_TOGGLE_BUTTON (button);
  return button;
}

static void
on_connector_toggled (GtkCheckButton *button,
                      FmPaletteView  *self)
{
  if (self->updating || self->canvas == NULL || !gtk_check_button_get_active (button))
    return;

  fm_canvas_set_edge_kind (self->canvas,
                           GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind")));
}

static void
sync_from_canvas (FmPaletteView *self)
{
  FmCanvasState *state;
  gboolean placing;

  if (self->canvas == NULL)
    return;

  state = fm_canvas_get_state (self->canvas);
  placing = fm_canvas_state_get_tool (state) == FM_CANVAS_TOOL_PLACE;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->shape_buttons); i++)
    gtk_toggle_button_set_active (self->shape_buttons[i],
                                  placing && fm_canvas_state_get_place_kind (state) == i);
  gtk_check_button_set_active (self->connector_buttons[fm_canvas_get_edge_kind (self->canvas)], TRUE);
  self->updating = FALSE;
}

static void
fm_palette_view_dispose (GObject *object)
{
  FmPaletteView *self = FM_PALETTE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_PALETTE_VIEW);
  /* The template's scrolled window has no name to be unparented by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->canvas);
  g_clear_object (&self->samples);

  G_OBJECT_CLASS (fm_palette_view_parent_class)->dispose (object);
}

static void
fm_palette_view_class_init (FmPaletteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_palette_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-palette-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FmPaletteView, shapes_box);
  gtk_widget_class_bind_template_child (widget_class, FmPaletteView, connectors_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmpalette");
}

static void
fm_palette_view_init (FmPaletteView *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->samples = make_samples ();

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    gtk_box_append (self->shapes_box, make_shape_button (self, i));

  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (_(connectors[i].name));

      gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      group = GTK_CHECK_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (connectors[i].kind));
      g_signal_connect (button, "toggled", G_CALLBACK (on_connector_toggled), self);
      self->connector_buttons[connectors[i].kind] = GTK_CHECK_BUTTON (button);
      gtk_box_append (self->connectors_box, button);
    }
  gtk_check_button_set_active (self->connector_buttons[FM_EDGE_KIND_FLOW], TRUE);
}

GtkWidget *
fm_palette_view_new (void)
{
  return g_object_new (FM_TYPE_PALETTE_VIEW, NULL);
}

/**
 * fm_palette_view_set_canvas:
 *
 * Makes the palette arm @canvas's place tool and set the kind of the edges
 * it draws, and follow them.
 */
void
fm_palette_view_set_canvas (FmPaletteView *self,
                            FmCanvas      *canvas)
{
  g_return_if_fail (FM_IS_PALETTE_VIEW (self));
  g_return_if_fail (FM_IS_CANVAS (canvas));

  g_set_object (&self->canvas, canvas);
  g_signal_connect_object (fm_canvas_get_state (canvas), "notify::tool",
                           G_CALLBACK (sync_from_canvas), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fm_canvas_get_state (canvas), "notify::place-kind",
                           G_CALLBACK (sync_from_canvas), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "notify::edge-kind",
                           G_CALLBACK (sync_from_canvas), self, G_CONNECT_SWAPPED);
  sync_from_canvas (self);
}
