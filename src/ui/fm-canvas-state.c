/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-state.c: what a canvas shows and how: selection, zoom, scroll, hover, tool
 *
 * None of this is saved with the document: two windows on one document
 * could show it differently. The canvas listens and redraws.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-state"

#include <math.h>

#include "fm-canvas-state.h"

struct _FmCanvasState
{
  GObject parent_instance;

  GHashTable *selection;  /* id -> itself, owned */
  double zoom;
  double origin_x;        /* the map point at the widget's top left */
  double origin_y;
  char *hover;
  FmCanvasTool tool;
  FmNodeKind place_kind;
  gboolean snap_to_grid;
};

G_DEFINE_FINAL_TYPE (FmCanvasState, fm_canvas_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_TOOL,
  PROP_PLACE_KIND,
  PROP_SNAP_TO_GRID,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  VIEW_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fm_canvas_state_finalize (GObject *object)
{
  FmCanvasState *self = FM_CANVAS_STATE (object);

  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->hover, g_free);

  G_OBJECT_CLASS (fm_canvas_state_parent_class)->finalize (object);
}

static void
fm_canvas_state_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FmCanvasState *self = FM_CANVAS_STATE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    case PROP_PLACE_KIND:
      g_value_set_enum (value, self->place_kind);
      break;
    case PROP_SNAP_TO_GRID:
      g_value_set_boolean (value, self->snap_to_grid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_canvas_state_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FmCanvasState *self = FM_CANVAS_STATE (object);

  switch (prop_id)
    {
    case PROP_SNAP_TO_GRID:
      fm_canvas_state_set_snap_to_grid (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_canvas_state_class_init (FmCanvasStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fm_canvas_state_finalize;
  object_class->get_property = fm_canvas_state_get_property;
  object_class->set_property = fm_canvas_state_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, FM_CANVAS_MIN_ZOOM, FM_CANVAS_MAX_ZOOM, 1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, FM_CANVAS_TOOL_SELECT, FM_CANVAS_TOOL_PLACE,
                      FM_CANVAS_TOOL_SELECT,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE_KIND] =
    g_param_spec_enum ("place-kind", NULL, NULL, FM_TYPE_NODE_KIND, FM_NODE_KIND_PROCESS,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAP_TO_GRID] =
    g_param_spec_boolean ("snap-to-grid", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Zoom, scroll or hover changed: only a redraw is needed. */
  signals[VIEW_CHANGED] =
    g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fm_canvas_state_init (FmCanvasState *self)
{
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zoom = 1.0;
  self->snap_to_grid = TRUE;
  self->place_kind = FM_NODE_KIND_PROCESS;
}

FmCanvasState *
fm_canvas_state_new (void)
{
  return g_object_new (FM_TYPE_CANVAS_STATE, NULL);
}

/**
 * fm_canvas_state_get_selection:
 *
 * Returns: (transfer none): the set of selected ids (keys are ids)
 */
GHashTable *
fm_canvas_state_get_selection (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), NULL);

  return self->selection;
}

guint
fm_canvas_state_get_n_selected (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), 0);

  return g_hash_table_size (self->selection);
}

gboolean
fm_canvas_state_is_selected (FmCanvasState *self,
                             const char    *id)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FALSE);

  return id != NULL && g_hash_table_contains (self->selection, id);
}

static void
selection_changed (FmCanvasState *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/**
 * fm_canvas_state_select:
 * @add: keep what is selected; otherwise @id becomes the only selected item
 */
void
fm_canvas_state_select (FmCanvasState *self,
                        const char    *id,
                        gboolean       add)
{
  gboolean changed = FALSE;

  g_return_if_fail (FM_IS_CANVAS_STATE (self));
  g_return_if_fail (id != NULL);

  if (!add && !(g_hash_table_size (self->selection) == 1 &&
                g_hash_table_contains (self->selection, id)))
    {
      changed = g_hash_table_size (self->selection) > 0;
      g_hash_table_remove_all (self->selection);
    }
  changed |= g_hash_table_add (self->selection, g_strdup (id));

  if (changed)
    selection_changed (self);
}

void
fm_canvas_state_toggle (FmCanvasState *self,
                        const char    *id)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));
  g_return_if_fail (id != NULL);

  if (!g_hash_table_remove (self->selection, id))
    g_hash_table_add (self->selection, g_strdup (id));
  selection_changed (self);
}

/**
 * fm_canvas_state_set_selection:
 * @ids: (nullable): the ids to select, replacing the selection
 */
void
fm_canvas_state_set_selection (FmCanvasState      *self,
                               const char * const *ids)
{
  guint n = ids ? g_strv_length ((char **) ids) : 0;
  gboolean same = n == g_hash_table_size (self->selection);

  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  for (guint i = 0; same && i < n; i++)
    same = g_hash_table_contains (self->selection, ids[i]);
  if (same)
    return;

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (self->selection, g_strdup (ids[i]));
  selection_changed (self);
}

void
fm_canvas_state_clear_selection (FmCanvasState *self)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  if (g_hash_table_size (self->selection) == 0)
    return;

  g_hash_table_remove_all (self->selection);
  selection_changed (self);
}

/**
 * fm_canvas_state_dup_selection:
 * @map: the map the ids belong to; gives the order
 * @nodes_only: leave out edges
 *
 * Returns: (transfer full): the selected ids in the map's order (nodes
 * first), so that commands built from them do not depend on hashing
 */
char **
fm_canvas_state_dup_selection (FmCanvasState *self,
                               FmMap         *map,
                               gboolean       nodes_only)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;
  guint n;

  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  n = fm_map_get_n_nodes (map);
  for (guint i = 0; i < n; i++)
    {
      const char *id = fm_node_get_id (fm_map_get_node (map, i));

      if (g_hash_table_contains (self->selection, id))
        g_strv_builder_add (builder, id);
    }
  if (!nodes_only)
    {
      n = fm_map_get_n_edges (map);
      for (guint i = 0; i < n; i++)
        {
          const char *id = fm_edge_get_id (fm_map_get_edge (map, i));

          if (g_hash_table_contains (self->selection, id))
            g_strv_builder_add (builder, id);
        }
    }

  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/**
 * fm_canvas_state_get_single:
 *
 * Returns: (nullable): the selected id when exactly one item is selected
 */
const char *
fm_canvas_state_get_single (FmCanvasState *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), NULL);

  if (g_hash_table_size (self->selection) != 1)
    return NULL;

  g_hash_table_iter_init (&iter, self->selection);
  g_hash_table_iter_next (&iter, &key, NULL);
  return key;
}

/**
 * fm_canvas_state_prune:
 *
 * Forgets selected and hovered ids that @map no longer has (after a delete
 * or an undo).
 *
 * Returns: whether the selection changed
 */
gboolean
fm_canvas_state_prune (FmCanvasState *self,
                       FmMap         *map)
{
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FALSE);

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (map == NULL || !fm_map_has_id (map, key))
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
    }
  if (self->hover != NULL && (map == NULL || !fm_map_has_id (map, self->hover)))
    fm_canvas_state_set_hover (self, NULL);

  if (changed)
    selection_changed (self);

  return changed;
}

double
fm_canvas_state_get_zoom (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), 1.0);

  return self->zoom;
}

void
fm_canvas_state_get_origin (FmCanvasState *self,
                            double        *x,
                            double        *y)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  *x = self->origin_x;
  *y = self->origin_y;
}

void
fm_canvas_state_set_view (FmCanvasState *self,
                          double         zoom,
                          double         origin_x,
                          double         origin_y)
{
  gboolean zoom_changed;

  g_return_if_fail (FM_IS_CANVAS_STATE (self));
  g_return_if_fail (isfinite (zoom) && isfinite (origin_x) && isfinite (origin_y));

  zoom = CLAMP (zoom, FM_CANVAS_MIN_ZOOM, FM_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom && origin_x == self->origin_x && origin_y == self->origin_y)
    return;

  zoom_changed = zoom != self->zoom;
  self->zoom = zoom;
  self->origin_x = origin_x;
  self->origin_y = origin_y;

  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Zooms so that the map point under (@widget_x, @widget_y) stays there. */
void
fm_canvas_state_zoom_at (FmCanvasState *self,
                         double         zoom,
                         double         widget_x,
                         double         widget_y)
{
  double mx, my;

  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  zoom = CLAMP (zoom, FM_CANVAS_MIN_ZOOM, FM_CANVAS_MAX_ZOOM);
  fm_canvas_state_to_map (self, widget_x, widget_y, &mx, &my);
  fm_canvas_state_set_view (self, zoom, mx - widget_x / zoom, my - widget_y / zoom);
}

/* Moves the view by a distance in widget pixels (content moves the other way). */
void
fm_canvas_state_scroll_by (FmCanvasState *self,
                           double         widget_dx,
                           double         widget_dy)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  fm_canvas_state_set_view (self, self->zoom,
                            self->origin_x + widget_dx / self->zoom,
                            self->origin_y + widget_dy / self->zoom);
}

void
fm_canvas_state_to_map (FmCanvasState *self,
                        double         widget_x,
                        double         widget_y,
                        double        *map_x,
                        double        *map_y)
{
  *map_x = self->origin_x + widget_x / self->zoom;
  *map_y = self->origin_y + widget_y / self->zoom;
}

void
fm_canvas_state_to_widget (FmCanvasState *self,
                           double         map_x,
                           double         map_y,
                           double        *widget_x,
                           double        *widget_y)
{
  *widget_x = (map_x - self->origin_x) * self->zoom;
  *widget_y = (map_y - self->origin_y) * self->zoom;
}

const char *
fm_canvas_state_get_hover (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), NULL);

  return self->hover;
}

/* Returns whether the hovered item changed. */
gboolean
fm_canvas_state_set_hover (FmCanvasState *self,
                           const char    *id)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FALSE);

  if (g_strcmp0 (self->hover, id) == 0)
    return FALSE;

  g_free (self->hover);
  self->hover = g_strdup (id);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);

  return TRUE;
}

FmCanvasTool
fm_canvas_state_get_tool (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FM_CANVAS_TOOL_SELECT);

  return self->tool;
}

FmNodeKind
fm_canvas_state_get_place_kind (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FM_NODE_KIND_PROCESS);

  return self->place_kind;
}

void
fm_canvas_state_set_tool (FmCanvasState *self,
                          FmCanvasTool   tool,
                          FmNodeKind     place_kind)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->place_kind != place_kind)
    {
      self->place_kind = place_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_KIND]);
    }
  if (self->tool != tool)
    {
      self->tool = tool;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
fm_canvas_state_get_snap_to_grid (FmCanvasState *self)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), FALSE);

  return self->snap_to_grid;
}

void
fm_canvas_state_set_snap_to_grid (FmCanvasState *self,
                                  gboolean       snap)
{
  g_return_if_fail (FM_IS_CANVAS_STATE (self));

  snap = !!snap;
  if (self->snap_to_grid == snap)
    return;

  self->snap_to_grid = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_GRID]);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* @value rounded to the grid when snapping is on. */
double
fm_canvas_state_snap (FmCanvasState *self,
                      double         value)
{
  g_return_val_if_fail (FM_IS_CANVAS_STATE (self), value);

  if (!self->snap_to_grid)
    return value;

  return round (value / FM_CANVAS_GRID) * FM_CANVAS_GRID;
}
