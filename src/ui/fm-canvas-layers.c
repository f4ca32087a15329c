/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-layers.c: what does not move during a drag, drawn once
 *
 * A drag of a few nodes changes only them, their edges and a few edges
 * whose ends shift on a shared side. Redrawing the thousand other things
 * on screen for each motion event would cost most of the frame, and
 * GTK's replay of all those Cairo calls as much again. So while a move
 * drags on, the canvas draws what stays still into two images, what lies
 * under the nodes and what lies over them (the renderer's layers, see
 * #FmRenderLayer), and each frame paints the first, draws the moving
 * edges, paints the second and draws the moving nodes: the same picture
 * but where a moving node passes under a still one.
 *
 * The images are for one view (zoom, scroll, size, scale), one look
 * (palette, selection, hover, grid, figures) and one set of moving
 * things: anything else that changes drops them, and an edge that
 * changes course although it was not thought to move joins the moving
 * ones and the images are drawn again.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas"

#include "fm-canvas-private.h"

/* A label lies at most this far from its route (the renderer's reach). */
#define LABEL_REACH 400.0

struct _FmCanvasLayers
{
  cairo_surface_t *under;       /* background, grid, still leaders, halos and edges */
  cairo_surface_t *over;        /* still nodes, labels, badges, marks; clear elsewhere */
  GHashTable *moving;           /* ids (owned by the map's items) */
  GArray *drawn_routes;         /* routes near the view when the images were drawn */
  guint serial;                 /* the routes' serial then */
  int width, height, scale;
  double zoom, ox, oy;
  char *hover;
  const FmMetrics *metrics;
  FmEdgeRoutes *routes;         /* compared only */
  gboolean valid;
  guint n_drawn;                /* how many times the images were drawn */
};

void
fm_canvas_layers_free (FmCanvasLayers *layers)
{
  if (layers == NULL)
    return;

  g_clear_pointer (&layers->under, cairo_surface_destroy);
  g_clear_pointer (&layers->over, cairo_surface_destroy);
  g_clear_pointer (&layers->moving, g_hash_table_unref);
  g_clear_pointer (&layers->drawn_routes, g_array_unref);
  g_clear_pointer (&layers->hover, g_free);
  g_free (layers);
}

/**
 * fm_canvas_layers_invalidate:
 *
 * Something the still layers show changed other than by the drag's own
 * move: they are drawn again for the next frame.
 */
void
fm_canvas_layers_invalidate (FmCanvas *self)
{
  if (self->layers != NULL)
    self->layers->valid = FALSE;
}

/* For tests: how many times the images of this drag were drawn. */
guint
fm_canvas_layers_get_n_drawn (FmCanvas *self)
{
  return self->layers != NULL ? self->layers->n_drawn : 0;
}

/* The moved nodes and the edges that meet them. */
static GHashTable *
moving_set (FmCanvas     *self,
            FmEdgeRoutes *routes)
{
  GHashTable *moving = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *ids = fm_canvas_tools_get_moved_ids (self);

  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      FmNode *node = fm_map_lookup_node (self->map, ids[k]);

      if (node != NULL)
        g_hash_table_add (moving, (gpointer) fm_node_get_id (node));
    }

  for (guint i = 0; i < fm_edge_routes_get_n (routes); i++)
    {
      FmEdge *edge = fm_edge_routes_get (routes, i)->edge;

      if (g_hash_table_contains (moving, fm_edge_get_from (edge)) ||
          g_hash_table_contains (moving, fm_edge_get_to (edge)))
        g_hash_table_add (moving, (gpointer) fm_edge_get_id (edge));
    }

  return moving;
}

/* Routes that changed since the images were drawn and are not among the
 * moving ones, in @routes' @found: they join the moving. */
static gboolean
catch_changed (FmCanvasLayers *layers,
               FmEdgeRoutes   *routes,
               GArray         *found)
{
  gboolean caught = FALSE;

  for (guint k = 0; k < found->len; k++)
    {
      guint i = g_array_index (found, guint, k);
      const char *id;

      if (!fm_edge_routes_changed_since (routes, i, layers->serial))
        continue;

      id = fm_edge_get_id (fm_edge_routes_get (routes, i)->edge);
      if (!g_hash_table_contains (layers->moving, id))
        {
          g_hash_table_add (layers->moving, (gpointer) id);
          caught = TRUE;
        }
    }

  return caught;
}

static cairo_surface_t *
new_layer (int width,
           int height,
           int scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);

  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static void
draw_layer (FmCanvas        *self,
            cairo_t         *cr,
            FmRenderOptions *options,
            FmRenderLayer    layer)
{
  double zoom = fm_canvas_state_get_zoom (self->state), ox, oy;

  fm_canvas_state_get_origin (self->state, &ox, &oy);
  options->layer = layer;
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -ox, -oy);
  fm_renderer_draw (cr, self->map, options);
  cairo_restore (cr);
  options->layer = FM_RENDER_LAYER_ALL;
}

/* Whether the view or the look the images were drawn for changed. */
static gboolean
same_view (FmCanvasLayers        *layers,
           FmCanvas              *self,
           const FmRenderOptions *options,
           int                    width,
           int                    height,
           int                    scale)
{
  double ox, oy;

  fm_canvas_state_get_origin (self->state, &ox, &oy);
  return layers->width == width && layers->height == height && layers->scale == scale &&
         layers->zoom == fm_canvas_state_get_zoom (self->state) &&
         layers->ox == ox && layers->oy == oy &&
         g_strcmp0 (layers->hover, options->hover_id) == 0 &&
         layers->metrics == options->metrics;
}

/**
 * fm_canvas_layers_draw:
 * @draw_background: paints the background and the grid on a context
 *   in widget units
 * @options: set up for the whole view, routes up to date
 *
 * Draws the view on @cr as fm_renderer_draw() with @options would, after
 * @draw_background, from the still layers when a move drags on.
 *
 * Returns: %FALSE when no move drags on: the caller draws all, and the
 *   layers are dropped
 */
gboolean
fm_canvas_layers_draw (FmCanvas         *self,
                       cairo_t          *cr,
                       FmRenderOptions  *options,
                       void            (*draw_background) (FmCanvas *self,
                                                          cairo_t  *cr,
                                                          double    width,
                                                          double    height))
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  FmEdgeRoutes *routes = options->routes;
  FmCanvasLayers *layers;
  guint serial, built;
  FmRect near;

  /* The comparison's marks follow the moves: no still layer for them. */
  if (fm_canvas_tools_get_moved_ids (self) == NULL || routes == NULL || options->comparison != NULL ||
      width <= 0 || height <= 0)
    {
      g_clear_pointer (&self->layers, fm_canvas_layers_free);
      return FALSE;
    }

  if (self->layers == NULL)
    self->layers = g_new0 (FmCanvasLayers, 1);
  layers = self->layers;

  serial = fm_edge_routes_get_serial (routes, &built);
  if (layers->moving == NULL || built > layers->serial || layers->routes != routes)
    {
      /* Made again from nothing (many moved, or the map changed). */
      g_clear_pointer (&layers->moving, g_hash_table_unref);
      layers->moving = moving_set (self, routes);
      layers->routes = routes;
      layers->valid = FALSE;
    }

  if (!same_view (layers, self, options, width, height, scale))
    layers->valid = FALSE;

  /* An edge that changed course where the images show it, or where they
   * will, moves from now on. */
  near = options->visible;
  near = (FmRect) { near.x - LABEL_REACH, near.y - LABEL_REACH,
                    near.width + 2 * LABEL_REACH, near.height + 2 * LABEL_REACH };
  if (layers->valid)
    {
      if (catch_changed (layers, routes, layers->drawn_routes) |
          catch_changed (layers, routes, fm_edge_routes_find_routes (routes, &near)))
        layers->valid = FALSE;
    }

  options->moving = layers->moving;

  if (!layers->valid)
    {
      cairo_t *lcr;

      g_clear_pointer (&layers->under, cairo_surface_destroy);
      g_clear_pointer (&layers->over, cairo_surface_destroy);
      layers->under = new_layer (width, height, scale);
      layers->over = new_layer (width, height, scale);

      lcr = cairo_create (layers->under);
      draw_background (self, lcr, width, height);
      draw_layer (self, lcr, options, FM_RENDER_LAYER_STILL_UNDER);
      cairo_destroy (lcr);

      lcr = cairo_create (layers->over);
      draw_layer (self, lcr, options, FM_RENDER_LAYER_STILL_OVER);
      cairo_destroy (lcr);

      g_clear_pointer (&layers->drawn_routes, g_array_unref);
      {
        GArray *found = fm_edge_routes_find_routes (routes, &near);

        layers->drawn_routes = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->len);
        g_array_append_vals (layers->drawn_routes, found->data, found->len);
      }
      layers->serial = serial;
      layers->width = width;
      layers->height = height;
      layers->scale = scale;
      layers->zoom = fm_canvas_state_get_zoom (self->state);
      fm_canvas_state_get_origin (self->state, &layers->ox, &layers->oy);
      g_free (layers->hover);
      layers->hover = g_strdup (options->hover_id);
      layers->metrics = options->metrics;
      layers->valid = TRUE;
      layers->n_drawn++;
      g_debug ("still layers drawn again (%u moving)", g_hash_table_size (layers->moving));
    }
  else
    layers->serial = serial;

  cairo_save (cr);
  cairo_set_source_surface (cr, layers->under, 0, 0);
  cairo_paint (cr);
  draw_layer (self, cr, options, FM_RENDER_LAYER_MOVING_UNDER);
  cairo_set_source_surface (cr, layers->over, 0, 0);
  cairo_paint (cr);
  draw_layer (self, cr, options, FM_RENDER_LAYER_MOVING_OVER);
  cairo_restore (cr);

  options->moving = NULL;
  return TRUE;
}
