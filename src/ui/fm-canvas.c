/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas.c: the one widget that draws a map and edits it with the pointer
 *
 * Everything is drawn by the shared renderer, in vector form, every frame,
 * so text stays sharp at any zoom. The canvas keeps no copy of the map: it
 * reads the model and redraws when the document says it changed.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas"

#include <math.h>

#include "fm-canvas-private.h"
#include "fm-style-palette.h"

G_DEFINE_FINAL_TYPE (FmCanvas, fm_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDGE_KIND,
  PROP_SNAP_TO_GRID,
  PROP_SHOW_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PORT_RADIUS 5.0

static void
fm_canvas_dispose (GObject *object)
{
  FmCanvas *self = FM_CANVAS (object);

  fm_canvas_edit_cancel (self);
  fm_canvas_tools_dispose (self);
  fm_canvas_lanes_dispose (self);
  fm_canvas_set_map (self, NULL, NULL);
  g_clear_object (&self->document_signals);
  fm_canvas_diff_clear (self);
  fm_canvas_metrics_dispose (self);
  g_clear_pointer (&self->layers, fm_canvas_layers_free);

  G_OBJECT_CLASS (fm_canvas_parent_class)->dispose (object);
}

static void
fm_canvas_finalize (GObject *object)
{
  FmCanvas *self = FM_CANVAS (object);

  g_clear_object (&self->state);

  G_OBJECT_CLASS (fm_canvas_parent_class)->finalize (object);
}

static void
fm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FmCanvas *self = FM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_EDGE_KIND:
      g_value_set_enum (value, self->edge_kind);
      break;
    case PROP_SNAP_TO_GRID:
      g_value_set_boolean (value, fm_canvas_state_get_snap_to_grid (self->state));
      break;
    case PROP_SHOW_CHANGES:
      g_value_set_boolean (value, self->show_changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FmCanvas *self = FM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_EDGE_KIND:
      fm_canvas_set_edge_kind (self, g_value_get_enum (value));
      break;
    case PROP_SNAP_TO_GRID:
      fm_canvas_state_set_snap_to_grid (self->state, g_value_get_boolean (value));
      break;
    case PROP_SHOW_CHANGES:
      if (fm_canvas_diff_set_show_changes (self, g_value_get_boolean (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's colours, so that dark mode and high contrast apply. */
static void
update_palette (FmCanvas *self)
{
  fm_style_palette_from_widget (GTK_WIDGET (self), &self->palette);
}

static void
fm_canvas_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fm_canvas_parent_class)->css_changed (widget, change);

  update_palette (FM_CANVAS (widget));
  fm_canvas_layers_invalidate (FM_CANVAS (widget));
  gtk_widget_queue_draw (widget);
}

void
fm_canvas_get_node_size (FmNodeKind  kind,
                         double     *width,
                         double     *height)
{
  FmNodeClass *klass = g_type_class_ref (fm_node_type_for_kind (kind));

  *width = klass->default_width;
  *height = klass->default_height;
  g_type_class_unref (klass);
}

void
fm_canvas_node_to_widget (FmCanvas        *self,
                          FmNode          *node,
                          graphene_rect_t *rect)
{
  FmRect b;
  double x, y, zoom = fm_canvas_state_get_zoom (self->state);

  fm_node_get_bounds (node, &b);
  fm_canvas_state_to_widget (self->state, b.x, b.y, &x, &y);
  graphene_rect_init (rect, x, y, b.width * zoom, b.height * zoom);
}

static void
set_source (cairo_t       *cr,
            const FmColor *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

static void
draw_grid (FmCanvas *self,
           cairo_t  *cr,
           double    width,
           double    height)
{
  double zoom = fm_canvas_state_get_zoom (self->state);
  double step = FM_CANVAS_GRID * zoom, ox, oy;

  /* Dots closer than this would be noise: show every fifth line instead. */
  while (step < 12)
    step *= 5;

  fm_canvas_state_to_widget (self->state, 0, 0, &ox, &oy);
  set_source (cr, &self->palette.muted, 0.35);
  for (double x = fmod (ox, step) - step; x < width + step; x += step)
    for (double y = fmod (oy, step) - step; y < height + step; y += step)
      cairo_rectangle (cr, round (x), round (y), 1, 1);
  cairo_fill (cr);
}

/* The renderer draws the handles of selected nodes; a hovered node gets
 * its connection handle here, in the same place and look. */
static void
draw_hover_port (FmCanvas *self,
                 cairo_t  *cr)
{
  const char *hover = fm_canvas_state_get_hover (self->state);
  FmNode *node = hover ? fm_map_lookup_node (self->map, hover) : NULL;
  double zoom = fm_canvas_state_get_zoom (self->state);
  FmPoint c;
  double x, y;

  if (node == NULL || fm_canvas_state_is_selected (self->state, hover) ||
      fm_canvas_tools_is_reshaping (self))
    return;

  fm_renderer_get_handle (node, FM_HANDLE_CONNECT, zoom, &c);
  fm_canvas_state_to_widget (self->state, c.x, c.y, &x, &y);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, PORT_RADIUS, 0, 2 * G_PI);
  set_source (cr, &self->palette.accent, 1);
  cairo_fill (cr);
  cairo_arc (cr, x, y, PORT_RADIUS * 0.4, 0, 2 * G_PI);
  set_source (cr, &self->palette.background, 1);
  cairo_fill (cr);
}

static void
draw_background (FmCanvas *self,
                 cairo_t  *cr,
                 double    width,
                 double    height)
{
  set_source (cr, &self->palette.background, 1);
  cairo_paint (cr);

  if (fm_canvas_state_get_snap_to_grid (self->state))
    draw_grid (self, cr, width, height);
}

static void
fm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  FmCanvas *self = FM_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double zoom = fm_canvas_state_get_zoom (self->state);
  FmRenderOptions options;
  double ox, oy;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->map == NULL)
    draw_background (self, cr, width, height);
  else
    {
      fm_canvas_state_get_origin (self->state, &ox, &oy);
      fm_render_options_init (&options);
      options.document = self->document;
      options.palette = &self->palette;
      fm_canvas_metrics_apply (self, &options, FALSE);
      options.selected = fm_canvas_state_get_selection (self->state);
      options.hover_id = fm_canvas_state_get_hover (self->state);
      options.comparison = self->comparison;
      options.visible = (FmRect) { ox, oy, width / zoom, height / zoom };
      options.routes = fm_canvas_get_routes (self);

      if (!fm_canvas_layers_draw (self, cr, &options, draw_background))
        {
          draw_background (self, cr, width, height);
          cairo_save (cr);
          cairo_scale (cr, zoom, zoom);
          cairo_translate (cr, -ox, -oy);
          fm_renderer_draw (cr, self->map, &options);
          cairo_restore (cr);
        }

      draw_hover_port (self, cr);
      fm_canvas_tools_draw (self, cr);
    }

  cairo_destroy (cr);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
fm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  FmCanvas *self = FM_CANVAS (widget);

  if ((self->fit_pending || (self->fitted && (width != self->fitted_width || height != self->fitted_height))) &&
      width > 1 && height > 1)
    {
      self->fit_pending = FALSE;
      fm_canvas_zoom_to_fit (self);
    }
  fm_canvas_edit_allocate (self);
  fm_canvas_lanes_allocate (self);
}

static void
fm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  *minimum = 100;
  *natural = 600;
}

static void
on_view_changed (FmCanvas *self)
{
  /* Zoomed or scrolled by the user: a new size keeps this view. */
  if (!self->fitting)
    self->fitted = FALSE;
  fm_canvas_layers_invalidate (self);
  if (self->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (FmCanvas *self)
{
  gboolean any = fm_canvas_state_get_n_selected (self->state) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cut", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.copy", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.duplicate", any);
  fm_canvas_layers_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_snap_changed (FmCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_GRID]);
  fm_canvas_layers_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_changed (FmCanvas *self)
{
  self->routes_stale = TRUE;
  if (!self->drag_moving)
    fm_canvas_layers_invalidate (self);
  /* An undo may take away what was selected or being edited. */
  if (self->editing_id != NULL && !fm_map_has_id (self->map, self->editing_id))
    fm_canvas_edit_cancel (self);
  fm_canvas_state_prune (self->state, self->map);
  if (self->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fm_canvas_class_init (FmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_canvas_dispose;
  object_class->finalize = fm_canvas_finalize;
  object_class->get_property = fm_canvas_get_property;
  object_class->set_property = fm_canvas_set_property;

  widget_class->snapshot = fm_canvas_snapshot;
  widget_class->size_allocate = fm_canvas_size_allocate;
  widget_class->measure = fm_canvas_measure;
  widget_class->css_changed = fm_canvas_css_changed;

  /* The kind of edge a drag from a connection handle makes. */
  properties[PROP_EDGE_KIND] =
    g_param_spec_enum ("edge-kind", NULL, NULL, FM_TYPE_EDGE_KIND, FM_EDGE_KIND_FLOW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAP_TO_GRID] =
    g_param_spec_boolean ("snap-to-grid", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A map made from another shows what changed since (fm-canvas-diff.c). */
  properties[PROP_SHOW_CHANGES] =
    g_param_spec_boolean ("show-changes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fmcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  fm_canvas_actions_class_init (widget_class);

  fm_canvas_clipboard_class_init (widget_class);
  fm_canvas_keyboard_class_init (widget_class);
  fm_canvas_lanes_class_init (widget_class);
}

static void
fm_canvas_init (FmCanvas *self)
{
  self->state = fm_canvas_state_new ();
  self->edge_kind = FM_EDGE_KIND_FLOW;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (self->state, "view-changed", G_CALLBACK (on_view_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::snap-to-grid", G_CALLBACK (on_snap_changed),
                           self, G_CONNECT_SWAPPED);

  /* Every handler on the document goes through this group, which moves
   * them all when another document is shown. */
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (on_document_changed),
                                 self, G_CONNECT_SWAPPED);
  fm_canvas_diff_init (self);

  update_palette (self);
  fm_canvas_tools_init (self);
  fm_canvas_dnd_init (self);
  fm_canvas_metrics_init (self);
  fm_canvas_keyboard_init (self);
  fm_canvas_lanes_init (self);
  on_selection_changed (self);
}

GtkWidget *
fm_canvas_new (void)
{
  return g_object_new (FM_TYPE_CANVAS, NULL);
}

/**
 * fm_canvas_get_state:
 *
 * Returns: (transfer none): the view state: selection, zoom, hover, tool
 */
FmCanvasState *
fm_canvas_get_state (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  return self->state;
}

/**
 * fm_canvas_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
FmDocument *
fm_canvas_get_document (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  return self->document;
}

/**
 * fm_canvas_get_map:
 *
 * Returns: (transfer none) (nullable): the map shown
 */
FmMap *
fm_canvas_get_map (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  return self->map;
}

/**
 * fm_canvas_set_map:
 * @document: (nullable): the document @map belongs to
 * @map: (nullable): the map to show and edit
 *
 * Shows @map, fitted to the widget once it has a size.
 */
void
fm_canvas_set_map (FmCanvas   *self,
                   FmDocument *document,
                   FmMap      *map)
{
  g_return_if_fail (FM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || FM_IS_DOCUMENT (document));
  g_return_if_fail (map == NULL || FM_IS_MAP (map));

  if (self->document == document && self->map == map)
    return;

  fm_canvas_edit_cancel (self);
  fm_canvas_tools_cancel (self);
  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  if (self->metrics_cache != NULL)
    fm_metrics_cache_set_map (self->metrics_cache, document, map);
  g_clear_pointer (&self->routes, fm_edge_routes_free);
  g_signal_group_set_target (self->document_signals, document);
  fm_canvas_diff_map_changed (self);

  fm_canvas_state_prune (self->state, map);
  self->paste_count = 0;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 1)
    fm_canvas_zoom_to_fit (self);
  else
    self->fit_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

FmEdgeKind
fm_canvas_get_edge_kind (FmCanvas *self)
{
  g_return_val_if_fail (FM_IS_CANVAS (self), FM_EDGE_KIND_FLOW);

  return self->edge_kind;
}

void
fm_canvas_set_edge_kind (FmCanvas   *self,
                         FmEdgeKind  kind)
{
  g_return_if_fail (FM_IS_CANVAS (self));

  if (self->edge_kind == kind)
    return;

  self->edge_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDGE_KIND]);
}

void
fm_canvas_zoom_by (FmCanvas *self,
                   double    factor)
{
  double x, y;

  g_return_if_fail (FM_IS_CANVAS (self));

  /* Keyboard zoom keeps the pointer's spot when the pointer is in, else the centre. */
  x = self->have_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  y = self->have_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  fm_canvas_state_zoom_at (self->state, fm_canvas_state_get_zoom (self->state) * factor, x, y);
}

/**
 * fm_canvas_zoom_to_fit:
 *
 * Shows the whole map, at most at 100 %, centred; a map too large for
 * the smallest zoom shows its middle at that zoom.
 *
 * Returns: whether the whole map is in the view
 */
gboolean
fm_canvas_zoom_to_fit (FmCanvas *self)
{
  double width, height, zoom, fit;
  FmRenderOptions options;
  FmRect extents;
  const double margin = 32;

  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  fm_render_options_init (&options);
  options.document = self->document;
  options.routes = fm_canvas_get_routes (self);
  fm_canvas_metrics_apply (self, &options, TRUE);

  if (self->map == NULL || width <= 2 * margin || height <= 2 * margin ||
      !fm_renderer_get_extents (self->map, &options, &extents) ||
      extents.width <= 0 || extents.height <= 0)
    {
      fm_canvas_state_set_view (self->state, 1.0, -margin, -margin);
      return TRUE;
    }

  fit = MIN ((width - 2 * margin) / extents.width, (height - 2 * margin) / extents.height);
  zoom = CLAMP (fit, FM_CANVAS_MIN_ZOOM, 1.0);
  self->fitting = TRUE;
  fm_canvas_state_set_view (self->state, zoom,
                            extents.x + extents.width / 2 - width / 2 / zoom,
                            extents.y + extents.height / 2 - height / 2 / zoom);
  self->fitting = FALSE;
  self->fitted = TRUE;
  self->fitted_width = width;
  self->fitted_height = height;
  /* Within the margins the map may still fit when a little short of it. */
  return extents.width * zoom <= width && extents.height * zoom <= height;
}

void
fm_canvas_update_cursor (FmCanvas *self)
{
  const char *name = "default";

  if (self->have_pointer || self->tool != NULL)
    name = fm_canvas_tools_cursor (self, self->pointer_x, self->pointer_y);

  /* Setting the same cursor again would make it flicker on some backends. */
  if (g_strcmp0 (name, self->cursor_name) != 0)
    {
      self->cursor_name = name;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
    }
}
