/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map.c: one value stream map (a current or a future state) */
#include "config.h"

#define G_LOG_DOMAIN "fm-map"

#include "fm-enum-nick.h"
#include "fm-map-private.h"
#include "fm-util.h"

struct _FmMap
{
  GObject parent_instance;

  char *id;
  char *name;
  FmMapState state;
  char *based_on;
  char *extra;
  /* The lanes' order when the map is shown in lanes, or NULL when it is
   * not (an empty list is "in lanes, in the flow's order"). */
  char **lanes;

  GListStore *nodes;
  GListStore *edges;
  /* The stores' items again, borrowed, kept in step by the insert and
   * remove functions below: fm_map_get_node() is called for every node
   * in every pass of the metrics and the renderer, and a store's lookup
   * costs a reference and type checks. */
  GPtrArray *node_array;
  GPtrArray *edge_array;
  /* Items at the end of the arrays not yet in the stores, appended by the
   * loader (the arrays hold a reference to them until then): a store's
   * insertion, with its items-changed and notify::n-items, was a tenth of
   * a load. */
  guint n_quiet_nodes;
  guint n_quiet_edges;
  /* id -> FmNode or FmEdge (borrowed: the stores own them); ids are unique
   * across the nodes and edges of one map. */
  GHashTable *by_id;
  guint next_id;
};

G_DEFINE_FINAL_TYPE (FmMap, fm_map, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATE,
  PROP_BASED_ON,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unref_tail (GPtrArray *array,
            guint      n)
{
  for (guint i = array->len - n; i < array->len; i++)
    g_object_unref (g_ptr_array_index (array, i));
}

static void
fm_map_finalize (GObject *object)
{
  FmMap *self = FM_MAP (object);

  /* A load that failed half-way leaves quiet items. */
  unref_tail (self->node_array, self->n_quiet_nodes);
  unref_tail (self->edge_array, self->n_quiet_edges);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->nodes);
  g_clear_object (&self->edges);
  g_clear_pointer (&self->node_array, g_ptr_array_unref);
  g_clear_pointer (&self->edge_array, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->based_on, g_free);
  g_clear_pointer (&self->extra, g_free);
  g_clear_pointer (&self->lanes, g_strfreev);

  G_OBJECT_CLASS (fm_map_parent_class)->finalize (object);
}

static void
fm_map_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  FmMap *self = FM_MAP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_BASED_ON:
      g_value_set_string (value, self->based_on);
      break;
    case PROP_LANES:
      g_value_set_boxed (value, self->lanes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_map_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  FmMap *self = FM_MAP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      fm_map_set_name (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      fm_map_set_state (self, g_value_get_enum (value));
      break;
    case PROP_BASED_ON:
      fm_map_set_based_on (self, g_value_get_string (value));
      break;
    case PROP_LANES:
      fm_map_set_lanes (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_map_class_init (FmMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fm_map_finalize;
  object_class->get_property = fm_map_get_property;
  object_class->set_property = fm_map_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FM_TYPE_MAP_STATE, FM_MAP_STATE_CURRENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASED_ON] =
    g_param_spec_string ("based-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANES] =
    g_param_spec_boxed ("lanes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_map_init (FmMap *self)
{
  self->name = g_strdup ("");
  self->nodes = g_list_store_new (FM_TYPE_NODE);
  self->edges = g_list_store_new (FM_TYPE_EDGE);
  self->node_array = g_ptr_array_new ();
  self->edge_array = g_ptr_array_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->next_id = 1;
}

/**
 * fm_map_new:
 *
 * Returns: (transfer full): an empty current-state map
 */
FmMap *
fm_map_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (FM_TYPE_MAP, "id", id, NULL);
}

/**
 * fm_map_copy:
 * @new_id: the id of the copy
 *
 * The copy keeps the ids of nodes and edges, so that a step can be matched
 * across a current state and the future state made from it.
 *
 * Returns: (transfer full): a deep copy of @self
 */
FmMap *
fm_map_copy (FmMap      *self,
             const char *new_id)
{
  FmMap *copy;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (self), NULL);
  g_return_val_if_fail (new_id != NULL, NULL);

  copy = fm_map_new (new_id);
  fm_map_set_name (copy, self->name);
  fm_map_set_state (copy, self->state);
  fm_map_set_based_on (copy, self->based_on);
  fm_map_set_extra (copy, self->extra);
  fm_map_set_lanes (copy, (const char * const *) self->lanes);

  fm_map_flush_appends (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->nodes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FmNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), i);
      g_autoptr(FmNode) node_copy = fm_node_copy (node);

      fm_map_insert_node (copy, i, node_copy);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->edges));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FmEdge) edge = g_list_model_get_item (G_LIST_MODEL (self->edges), i);
      g_autoptr(FmEdge) edge_copy = fm_edge_copy (edge);

      fm_map_insert_edge (copy, i, edge_copy);
    }

  return copy;
}

const char *
fm_map_get_id (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  return self->id;
}

const char *
fm_map_get_name (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  return self->name;
}

void
fm_map_set_name (FmMap      *self,
                 const char *name)
{
  g_return_if_fail (FM_IS_MAP (self));

  if (fm_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

FmMapState
fm_map_get_state (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), FM_MAP_STATE_CURRENT);

  return self->state;
}

void
fm_map_set_state (FmMap      *self,
                  FmMapState  state)
{
  g_return_if_fail (FM_IS_MAP (self));
  g_return_if_fail (state <= FM_MAP_STATE_FUTURE);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
fm_map_get_based_on (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  return self->based_on;
}

void
fm_map_set_based_on (FmMap      *self,
                     const char *based_on)
{
  g_return_if_fail (FM_IS_MAP (self));

  if (fm_set_str (&self->based_on, based_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASED_ON]);
}

const char *
fm_map_get_extra (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  return self->extra;
}

void
fm_map_set_extra (FmMap      *self,
                  const char *extra_json)
{
  g_return_if_fail (FM_IS_MAP (self));

  fm_set_str (&self->extra, extra_json);
}

/**
 * fm_map_get_lanes:
 *
 * Returns: (transfer none) (nullable): the roles in the order of their
 * lanes, or %NULL when the map is not shown in lanes
 */
const char * const *
fm_map_get_lanes (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  return (const char * const *) self->lanes;
}

/**
 * fm_map_set_lanes:
 * @lanes: (nullable): the roles in lane order; %NULL: not shown in lanes
 */
void
fm_map_set_lanes (FmMap              *self,
                  const char * const *lanes)
{
  g_return_if_fail (FM_IS_MAP (self));

  if (self->lanes == NULL && lanes == NULL)
    return;
  if (self->lanes != NULL && lanes != NULL &&
      g_strv_equal ((const char * const *) self->lanes, lanes))
    return;

  g_strfreev (self->lanes);
  self->lanes = g_strdupv ((char **) lanes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

/**
 * fm_map_get_nodes:
 *
 * Returns: (transfer none): the nodes, in drawing order
 */
GListModel *
fm_map_get_nodes (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  fm_map_flush_appends (self);
  return G_LIST_MODEL (self->nodes);
}

/**
 * fm_map_get_edges:
 *
 * Returns: (transfer none): the edges
 */
GListModel *
fm_map_get_edges (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  fm_map_flush_appends (self);
  return G_LIST_MODEL (self->edges);
}

guint
fm_map_get_n_nodes (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), 0);

  return self->node_array->len;
}

guint
fm_map_get_n_edges (FmMap *self)
{
  g_return_val_if_fail (FM_IS_MAP (self), 0);

  return self->edge_array->len;
}

/**
 * fm_map_get_node:
 *
 * Returns: (transfer none) (nullable): the node at @position, without the
 * reference g_list_model_get_item() would add
 */
FmNode *
fm_map_get_node (FmMap *self,
                 guint  position)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  if (position >= self->node_array->len)
    return NULL;

  return g_ptr_array_index (self->node_array, position);
}

/**
 * fm_map_get_edge:
 *
 * Returns: (transfer none) (nullable): the edge at @position
 */
FmEdge *
fm_map_get_edge (FmMap *self,
                 guint  position)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  if (position >= self->edge_array->len)
    return NULL;

  return g_ptr_array_index (self->edge_array, position);
}

/**
 * fm_map_lookup_node:
 *
 * Returns: (transfer none) (nullable): the node with @id
 */
FmNode *
fm_map_lookup_node (FmMap      *self,
                    const char *id)
{
  gpointer item;

  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  if (id == NULL)
    return NULL;

  item = g_hash_table_lookup (self->by_id, id);
  return FM_IS_NODE (item) ? item : NULL;
}

/**
 * fm_map_lookup_edge:
 *
 * Returns: (transfer none) (nullable): the edge with @id
 */
FmEdge *
fm_map_lookup_edge (FmMap      *self,
                    const char *id)
{
  gpointer item;

  g_return_val_if_fail (FM_IS_MAP (self), NULL);

  if (id == NULL)
    return NULL;

  item = g_hash_table_lookup (self->by_id, id);
  return FM_IS_EDGE (item) ? item : NULL;
}

gboolean
fm_map_has_id (FmMap      *self,
               const char *id)
{
  g_return_val_if_fail (FM_IS_MAP (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->by_id, id);
}

/**
 * fm_map_new_id:
 * @prefix: what the id starts with, such as a node kind
 *
 * Returns: (transfer full): an id no node or edge of the map has yet
 */
char *
fm_map_new_id (FmMap      *self,
               const char *prefix)
{
  g_return_val_if_fail (FM_IS_MAP (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, self->next_id++);

      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

/**
 * fm_map_get_content_bounds:
 *
 * Returns: %FALSE when the map has no nodes
 */
gboolean
fm_map_get_content_bounds (FmMap  *self,
                           FmRect *rect)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  n = fm_map_get_n_nodes (self);
  for (guint i = 0; i < n; i++)
    {
      FmRect r;

      fm_node_get_bounds (fm_map_get_node (self, i), &r);
      x1 = MIN (x1, r.x);
      y1 = MIN (y1, r.y);
      x2 = MAX (x2, r.x + r.width);
      y2 = MAX (y2, r.y + r.height);
    }

  if (n == 0)
    {
      *rect = (FmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  *rect = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
  return TRUE;
}

/* Nodes and edges share the look-up by id; each kind has its array (read
 * in loops) and its store (watched), kept in step. */
static void
insert_item (FmMap      *self,
             GPtrArray  *array,
             GListStore *store,
             guint       position,
             const char *id,
             gpointer    item)
{
  g_return_if_fail (!g_hash_table_contains (self->by_id, id));
  g_return_if_fail (position <= array->len);

  fm_map_flush_appends (self);
  g_hash_table_insert (self->by_id, (gpointer) id, item);
  /* Before the store, which tells its watchers. */
  g_ptr_array_insert (array, position, item);
  g_list_store_insert (store, position, item);
}

static guint
remove_item (FmMap      *self,
             GPtrArray  *array,
             GListStore *store,
             const char *id,
             gpointer    item)
{
  guint position;

  fm_map_flush_appends (self);
  if (!g_ptr_array_find (array, item, &position))
    g_return_val_if_reached (0);

  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (array, position);
  g_list_store_remove (store, position);

  return position;
}

void
fm_map_insert_node (FmMap  *self,
                    guint   position,
                    FmNode *node)
{
  g_return_if_fail (FM_IS_MAP (self));
  g_return_if_fail (FM_IS_NODE (node));

  insert_item (self, self->node_array, self->nodes, position, fm_node_get_id (node), node);
}

/* Returns the position the node had. */
guint
fm_map_remove_node (FmMap  *self,
                    FmNode *node)
{
  g_return_val_if_fail (FM_IS_MAP (self), 0);
  g_return_val_if_fail (FM_IS_NODE (node), 0);

  return remove_item (self, self->node_array, self->nodes, fm_node_get_id (node), node);
}

void
fm_map_insert_edge (FmMap  *self,
                    guint   position,
                    FmEdge *edge)
{
  g_return_if_fail (FM_IS_MAP (self));
  g_return_if_fail (FM_IS_EDGE (edge));

  insert_item (self, self->edge_array, self->edges, position, fm_edge_get_id (edge), edge);
}

guint
fm_map_remove_edge (FmMap  *self,
                    FmEdge *edge)
{
  g_return_val_if_fail (FM_IS_MAP (self), 0);
  g_return_val_if_fail (FM_IS_EDGE (edge), 0);

  return remove_item (self, self->edge_array, self->edges, fm_edge_get_id (edge), edge);
}

/**
 * fm_map_append_node_quietly:
 *
 * Appends @node as fm_map_insert_node() would, but tells the store of
 * nodes, and its watchers, only in fm_map_flush_appends(): for the loader,
 * which appends thousands to a map nobody watches yet.
 */
void
fm_map_append_node_quietly (FmMap  *self,
                            FmNode *node)
{
  const char *id = fm_node_get_id (node);

  g_return_if_fail (FM_IS_MAP (self));
  g_return_if_fail (FM_IS_NODE (node));
  g_return_if_fail (!g_hash_table_contains (self->by_id, id));

  g_hash_table_insert (self->by_id, (gpointer) id, node);
  g_ptr_array_add (self->node_array, g_object_ref (node));
  self->n_quiet_nodes++;
}

/* As fm_map_append_node_quietly(), for an edge. */
void
fm_map_append_edge_quietly (FmMap  *self,
                            FmEdge *edge)
{
  const char *id = fm_edge_get_id (edge);

  g_return_if_fail (FM_IS_MAP (self));
  g_return_if_fail (FM_IS_EDGE (edge));
  g_return_if_fail (!g_hash_table_contains (self->by_id, id));

  g_hash_table_insert (self->by_id, (gpointer) id, edge);
  g_ptr_array_add (self->edge_array, g_object_ref (edge));
  self->n_quiet_edges++;
}

static void
flush (GListStore *store,
       GPtrArray  *array,
       guint      *n_quiet)
{
  guint n = *n_quiet;

  if (n == 0)
    return;

  /* Zero first: the store's watchers may change the map. */
  *n_quiet = 0;
  g_list_store_splice (store, array->len - n, 0, array->pdata + array->len - n, n);
  unref_tail (array, n);
}

/* Hands the quietly appended nodes and edges to the stores, one splice
 * (one items-changed) each. Every other function that needs the stores
 * calls it first. */
void
fm_map_flush_appends (FmMap *self)
{
  g_return_if_fail (FM_IS_MAP (self));

  flush (self->nodes, self->node_array, &self->n_quiet_nodes);
  flush (self->edges, self->edge_array, &self->n_quiet_edges);
}

const char *
fm_map_state_to_string (FmMapState state)
{
  return fm_enum_to_nick (FM_TYPE_MAP_STATE, state);
}

gboolean
fm_map_state_from_string (const char *str,
                          FmMapState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_MAP_STATE, str, (int *) state);
}
