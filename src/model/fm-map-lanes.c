/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-lanes.c: which swimlane (role) each node of a map is in
 *
 * A step's lane is its role. A queue is in the lane of the step it feeds
 * (work waits in front of whoever takes it next), the trigger in the lane
 * of what it starts and the outcome in the lane of what ends in it.
 * Systems, notes and kaizen bursts are in no lane. Model only: the
 * metrics, the arrangement and the drawing all ask here.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-map"

#include "fm-map-lanes.h"
#include "fm-map-order.h"
#include "fm-process-step.h"

struct _FmMapLanes
{
  GPtrArray *names;       /* char*, owned, lane order */
  GHashTable *lane_of;    /* FmNode* (borrowed) -> lane + 1 */
  GHashTable *steps;      /* FmNode* of a queue, trigger or outcome -> the
                           * FmProcessStep whose lane it takes */
  GHashTable *in;         /* FmNode* -> GPtrArray of the nodes whose flow
                           * edges come to it */
};

static gboolean
is_flow (FmEdge *edge)
{
  FmEdgeKind kind = fm_edge_get_kind (edge);

  return kind == FM_EDGE_KIND_FLOW || kind == FM_EDGE_KIND_PUSH || kind == FM_EDGE_KIND_PULL;
}

/* The first step reached from @node along flow edges, forwards or
 * backwards, through queues only; NULL when there is none. */
static FmNode *
nearest_step (FmMap      *map,
              GHashTable *out,
              GHashTable *in,
              FmNode     *node,
              gboolean    forwards)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTable *links = forwards ? out : in;

  while (node != NULL && g_hash_table_add (seen, node))
    {
      GPtrArray *next = g_hash_table_lookup (links, node);
      FmNode *queue = NULL;

      for (guint i = 0; next != NULL && i < next->len; i++)
        {
          FmNode *other = g_ptr_array_index (next, i);

          if (FM_IS_PROCESS_STEP (other))
            return other;
          if (queue == NULL && fm_node_get_kind (other) == FM_NODE_KIND_QUEUE)
            queue = other;
        }
      node = queue;
    }

  return NULL;
}

static void
add_link (GHashTable *links,
          FmNode     *from,
          FmNode     *to)
{
  GPtrArray *list = g_hash_table_lookup (links, from);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (links, from, list);
    }
  g_ptr_array_add (list, to);
}

static const char *
role_of (FmNode *step)
{
  const char *role = fm_process_step_get_role (FM_PROCESS_STEP (step));

  return role != NULL ? role : "";
}

static guint
lane_index (GPtrArray  *names,
            GHashTable *by_name,
            const char *name)
{
  gpointer index;

  if (g_hash_table_lookup_extended (by_name, name, NULL, &index))
    return GPOINTER_TO_UINT (index);

  g_ptr_array_add (names, g_strdup (name));
  g_hash_table_insert (by_name, (gpointer) name, GUINT_TO_POINTER (names->len - 1));
  return names->len - 1;
}

/**
 * fm_map_lanes_new:
 *
 * Works out the lanes of @map as it is now; the result does not follow
 * later changes.
 *
 * Returns: (transfer full): the lanes
 */
FmMapLanes *
fm_map_lanes_new (FmMap *map)
{
  FmMapLanes *self;
  const char * const *stored;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) out = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTable *in = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = NULL;
  gboolean roleless = FALSE;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_new0 (FmMapLanes, 1);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->lane_of = g_hash_table_new (NULL, NULL);
  self->steps = g_hash_table_new (NULL, NULL);
  self->in = in;

  stored = fm_map_get_lanes (map);
  for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
    if (stored[i][0] != '\0')
      lane_index (self->names, by_name, stored[i]);

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      FmNode *from = fm_map_lookup_node (map, fm_edge_get_from (edge));
      FmNode *to = fm_map_lookup_node (map, fm_edge_get_to (edge));

      if (from == NULL || to == NULL || !is_flow (edge))
        continue;
      add_link (out, from, to);
      add_link (in, to, from);
    }

  /* Roles no lane names yet, in the order the flow meets them. */
  order = fm_map_flow_order (map);
  for (guint i = 0; i < order->len; i++)
    {
      FmNode *node = g_ptr_array_index (order, i);

      if (!FM_IS_PROCESS_STEP (node))
        continue;
      if (*role_of (node) == '\0')
        roleless = TRUE;
      else
        lane_index (self->names, by_name, role_of (node));
    }
  if (roleless)
    lane_index (self->names, by_name, "");

  for (guint i = 0; i < order->len; i++)
    {
      FmNode *node = g_ptr_array_index (order, i);
      FmNode *step = NULL;

      switch (fm_node_get_kind (node))
        {
        case FM_NODE_KIND_PROCESS:
          step = node;
          break;
        case FM_NODE_KIND_QUEUE:
          step = nearest_step (map, out, in, node, TRUE);
          if (step == NULL)
            step = nearest_step (map, out, in, node, FALSE);
          break;
        case FM_NODE_KIND_TRIGGER:
          step = nearest_step (map, out, in, node, TRUE);
          break;
        case FM_NODE_KIND_OUTCOME:
          step = nearest_step (map, out, in, node, FALSE);
          break;
        case FM_NODE_KIND_SYSTEM:
        case FM_NODE_KIND_KAIZEN:
        case FM_NODE_KIND_NOTE:
        default:
          break;
        }
      if (step == NULL)
        continue;
      if (step != node)
        g_hash_table_insert (self->steps, node, step);
      g_hash_table_insert (self->lane_of, node,
                           GUINT_TO_POINTER (lane_index (self->names, by_name, role_of (step)) + 1));
    }

  return self;
}

void
fm_map_lanes_free (FmMapLanes *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->lane_of);
  g_hash_table_unref (self->steps);
  g_hash_table_unref (self->in);
  g_free (self);
}

guint
fm_map_lanes_get_n_lanes (const FmMapLanes *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->names->len;
}

/* Returns: (transfer none): the role of @lane; "" for steps without one */
const char *
fm_map_lanes_get_name (const FmMapLanes *self,
                       guint             lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->names->len, NULL);

  return g_ptr_array_index (self->names, lane);
}

/* Returns: the lane of @node, or -1 when it is in none */
int
fm_map_lanes_lookup (const FmMapLanes *self,
                     FmNode           *node)
{
  g_return_val_if_fail (self != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_of, node)) - 1;
}

static FmNode *
step_of (const FmMapLanes *self,
         FmNode           *node)
{
  FmNode *step = g_hash_table_lookup (self->steps, node);

  return step != NULL ? step : node;
}

/**
 * fm_map_lanes_get_step:
 *
 * The step whose lane @node takes: @node itself for a step, the step a
 * queue feeds (or, at the end of the flow, the one before it), the step
 * the trigger starts or the outcome ends.
 *
 * Returns: (transfer none) (nullable): the step, or %NULL for a node in
 *   no lane
 */
FmNode *
fm_map_lanes_get_step (const FmMapLanes *self,
                       FmNode           *node)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (fm_map_lanes_lookup (self, node) < 0)
    return NULL;
  return step_of (self, node);
}

static gboolean
is_automated (FmNode *step)
{
  return fm_process_step_get_people (FM_PROCESS_STEP (step)) == 0;
}

/* The step of people that handed @node its work: @node itself, or the
 * nearest before it through queues and automated steps; NULL if none. */
static FmNode *
handed_by (const FmMapLanes *self,
           FmNode           *node)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  while (node != NULL && g_hash_table_add (seen, node))
    {
      GPtrArray *before;

      if (FM_IS_PROCESS_STEP (node) && !is_automated (node))
        return node;
      if (!FM_IS_PROCESS_STEP (node) && fm_node_get_kind (node) != FM_NODE_KIND_QUEUE)
        return NULL;
      before = g_hash_table_lookup (self->in, node);
      node = before != NULL && before->len > 0 ? g_ptr_array_index (before, 0) : NULL;
    }

  return NULL;
}

/**
 * fm_map_lanes_is_handoff:
 *
 * Whether @edge hands work from one lane to another: a flow edge whose
 * ends are in different lanes, into the lane of a step of people. An
 * automated step (no people) receives nothing, and hands on what the
 * people before it gave it, as the metrics count handoffs: Developers →
 * pipeline → QA is one handoff, on the edge into QA. The trigger's and
 * the outcome's edges are not handoffs, nor rework.
 */
gboolean
fm_map_lanes_is_handoff (const FmMapLanes *self,
                         FmMap            *map,
                         FmEdge           *edge)
{
  FmNode *from, *to;
  int lane_from, lane_to;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FM_IS_EDGE (edge), FALSE);

  if (!is_flow (edge))
    return FALSE;
  from = fm_map_lookup_node (map, fm_edge_get_from (edge));
  to = fm_map_lookup_node (map, fm_edge_get_to (edge));
  if (from == NULL || to == NULL ||
      fm_node_get_kind (from) == FM_NODE_KIND_TRIGGER || fm_node_get_kind (to) == FM_NODE_KIND_OUTCOME)
    return FALSE;

  lane_from = fm_map_lanes_lookup (self, from);
  lane_to = fm_map_lanes_lookup (self, to);
  if (lane_from < 0 || lane_to < 0 || lane_from == lane_to)
    return FALSE;
  if (*fm_map_lanes_get_name (self, lane_from) == '\0' || *fm_map_lanes_get_name (self, lane_to) == '\0')
    return FALSE;

  to = step_of (self, to);
  if (is_automated (to))
    return FALSE;
  from = handed_by (self, from);
  if (from == NULL)
    return FALSE;
  lane_from = fm_map_lanes_lookup (self, from);
  return lane_from >= 0 && lane_from != lane_to && *fm_map_lanes_get_name (self, lane_from) != '\0';
}
