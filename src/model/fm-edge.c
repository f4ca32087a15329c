/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-edge.c: a connection between two nodes of a map */
#include "config.h"

#define G_LOG_DOMAIN "fm-edge"

#include "fm-edge.h"
#include "fm-enum-nick.h"
#include "fm-node.h"
#include "fm-util.h"

struct _FmEdge
{
  GObject parent_instance;

  char *id;
  char *from;
  char *to;
  FmEdgeKind kind;
  double rate;
  double share;
  char *observed;
  char *extra;
};

G_DEFINE_FINAL_TYPE (FmEdge, fm_edge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FROM,
  PROP_TO,
  PROP_KIND,
  PROP_RATE,
  PROP_SHARE,
  PROP_OBSERVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_edge_finalize (GObject *object)
{
  FmEdge *self = FM_EDGE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->observed, g_free);
  g_clear_pointer (&self->extra, g_free);

  G_OBJECT_CLASS (fm_edge_parent_class)->finalize (object);
}

static void
fm_edge_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FmEdge *self = FM_EDGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_SHARE:
      g_value_set_double (value, self->share);
      break;
    case PROP_OBSERVED:
      g_value_set_string (value, self->observed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_edge_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FmEdge *self = FM_EDGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_FROM:
      self->from = g_value_dup_string (value);
      break;
    case PROP_TO:
      self->to = g_value_dup_string (value);
      break;
    case PROP_KIND:
      fm_edge_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_RATE:
      fm_edge_set_rate (self, g_value_get_double (value));
      break;
    case PROP_SHARE:
      fm_edge_set_share (self, g_value_get_double (value));
      break;
    case PROP_OBSERVED:
      fm_edge_set_observed (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_edge_class_init (FmEdgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fm_edge_finalize;
  object_class->get_property = fm_edge_get_property;
  object_class->set_property = fm_edge_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The ends are fixed: reconnecting is a delete and an add, so undo stays simple. */
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FM_TYPE_EDGE_KIND, FM_EDGE_KIND_FLOW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The share of items sent back, for rework edges; FM_UNSET when not given. */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, FM_UNSET, 1.0, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The share of items that take this route, for flow edges: the edges out
   * of a node that carry one are alternatives (docs/metrics.md); FM_UNSET
   * for parallel work. */
  properties[PROP_SHARE] =
    g_param_spec_double ("share", NULL, NULL, FM_UNSET, 1.0, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where a rework edge's rate comes from when it was measured from data
   * (fm-observed-rework.c); NULL while it is an assumption. */
  properties[PROP_OBSERVED] =
    g_param_spec_string ("observed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_edge_init (FmEdge *self)
{
  self->rate = FM_UNSET;
  self->share = FM_UNSET;
}

/**
 * fm_edge_new:
 *
 * Returns: (transfer full): a new edge from the node @from to the node @to
 */
FmEdge *
fm_edge_new (const char *id,
             const char *from,
             const char *to,
             FmEdgeKind  kind)
{
  FmEdge *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (kind <= FM_EDGE_KIND_REWORK, NULL);

  /* The fields straight, not through the properties: a load makes one
   * edge per connector (20,000 in a large map), and the property machinery
   * was a third of the cost. Nobody watches a new object. */
  self = g_object_new (FM_TYPE_EDGE, NULL);
  self->id = g_strdup (id);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->kind = kind;

  return self;
}

/**
 * fm_edge_copy:
 *
 * Returns: (transfer full): an edge with the same id, ends and fields
 */
FmEdge *
fm_edge_copy (FmEdge *self)
{
  FmEdge *copy;

  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  copy = fm_edge_new (self->id, self->from, self->to, self->kind);
  copy->rate = self->rate;
  copy->share = self->share;
  copy->observed = g_strdup (self->observed);
  copy->extra = g_strdup (self->extra);

  return copy;
}

const char *
fm_edge_get_id (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  return self->id;
}

const char *
fm_edge_get_from (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  return self->from;
}

const char *
fm_edge_get_to (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  return self->to;
}

FmEdgeKind
fm_edge_get_kind (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), FM_EDGE_KIND_FLOW);

  return self->kind;
}

void
fm_edge_set_kind (FmEdge     *self,
                  FmEdgeKind  kind)
{
  g_return_if_fail (FM_IS_EDGE (self));
  g_return_if_fail (kind <= FM_EDGE_KIND_REWORK);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

double
fm_edge_get_rate (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), FM_UNSET);

  return self->rate;
}

void
fm_edge_set_rate (FmEdge *self,
                  double  rate)
{
  g_return_if_fail (FM_IS_EDGE (self));
  g_return_if_fail (rate == FM_UNSET || (rate >= 0 && rate < 1));

  if (fm_set_double (&self->rate, rate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

double
fm_edge_get_share (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), FM_UNSET);

  return self->share;
}

void
fm_edge_set_share (FmEdge *self,
                   double  share)
{
  g_return_if_fail (FM_IS_EDGE (self));
  g_return_if_fail (share == FM_UNSET || (share >= 0 && share <= 1));

  if (fm_set_double (&self->share, share))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
}

/**
 * fm_edge_get_extra:
 *
 * Returns: (nullable): unknown fields of the file, as the text of a JSON object
 */
const char *
fm_edge_get_extra (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  return self->extra;
}

void
fm_edge_set_extra (FmEdge     *self,
                   const char *extra_json)
{
  g_return_if_fail (FM_IS_EDGE (self));

  fm_set_str (&self->extra, extra_json);
}

/* Flow, push and pull edges carry the work itself; the others carry information. */
gboolean
fm_edge_is_flow (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), FALSE);

  return self->kind == FM_EDGE_KIND_FLOW ||
         self->kind == FM_EDGE_KIND_PUSH ||
         self->kind == FM_EDGE_KIND_PULL;
}

const char *
fm_edge_kind_to_string (FmEdgeKind kind)
{
  return fm_enum_to_nick (FM_TYPE_EDGE_KIND, kind);
}

gboolean
fm_edge_kind_from_string (const char *str,
                          FmEdgeKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_EDGE_KIND, str, (int *) kind);
}

/**
 * fm_edge_get_observed:
 *
 * Returns: (nullable): where the edge's rate was measured, such as
 *   "observed 2026-09-01 – 2026-11-20, 16 of 106 moves out"; %NULL while
 *   it is an assumption
 */
const char *
fm_edge_get_observed (FmEdge *self)
{
  g_return_val_if_fail (FM_IS_EDGE (self), NULL);

  return self->observed;
}

void
fm_edge_set_observed (FmEdge     *self,
                      const char *observed)
{
  g_return_if_fail (FM_IS_EDGE (self));

  if (fm_set_str (&self->observed, observed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBSERVED]);
}
