/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node.c: the base of every element drawn as a box on a map */
#include "config.h"

#define G_LOG_DOMAIN "fm-node"

#include <math.h>

#include "fm-node.h"
#include "fm-enum-nick.h"
#include "fm-util.h"
#include "fm-trigger.h"
#include "fm-outcome.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-system.h"
#include "fm-kaizen.h"
#include "fm-note.h"

typedef struct
{
  char *id;
  char *label;
  double x;
  double y;
  double width;
  double height;
  char *extra;
  char *observed;
} FmNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FmNode, fm_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_LABEL,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_OBSERVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
fm_value_is_set (double value)
{
  return value >= 0;
}

/**
 * fm_rect_union:
 * @rect: (inout): grown to take in @other
 *
 * Sets @rect to the smallest rectangle holding both @rect and @other.
 */
void
fm_rect_union (FmRect       *rect,
               const FmRect *other)
{
  double x1, y1, x2, y2;

  g_return_if_fail (rect != NULL);
  g_return_if_fail (other != NULL);

  x1 = MIN (rect->x, other->x);
  y1 = MIN (rect->y, other->y);
  x2 = MAX (rect->x + rect->width, other->x + other->width);
  y2 = MAX (rect->y + rect->height, other->y + other->height);

  *rect = (FmRect) { x1, y1, x2 - x1, y2 - y1 };
}

static gboolean
fm_node_real_contains (FmNode *self,
                       double  x,
                       double  y)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  return x >= priv->x && x <= priv->x + priv->width &&
         y >= priv->y && y <= priv->y + priv->height;
}

static void
fm_node_finalize (GObject *object)
{
  FmNode *self = FM_NODE (object);
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->extra, g_free);
  g_clear_pointer (&priv->observed, g_free);

  G_OBJECT_CLASS (fm_node_parent_class)->finalize (object);
}

static void
fm_node_constructed (GObject *object)
{
  FmNode *self = FM_NODE (object);
  FmNodePrivate *priv = fm_node_get_instance_private (self);
  FmNodeClass *klass = FM_NODE_GET_CLASS (self);

  G_OBJECT_CLASS (fm_node_parent_class)->constructed (object);

  if (priv->width <= 0)
    priv->width = klass->default_width;
  if (priv->height <= 0)
    priv->height = klass->default_height;
}

static void
fm_node_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FmNode *self = FM_NODE (object);
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, fm_node_get_kind (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, priv->label);
      break;
    case PROP_X:
      g_value_set_double (value, priv->x);
      break;
    case PROP_Y:
      g_value_set_double (value, priv->y);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, priv->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, priv->height);
      break;
    case PROP_OBSERVED:
      g_value_set_string (value, priv->observed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_node_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FmNode *self = FM_NODE (object);
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      fm_node_set_label (self, g_value_get_string (value));
      break;
    case PROP_X:
      fm_node_set_position (self, g_value_get_double (value), priv->y);
      break;
    case PROP_Y:
      fm_node_set_position (self, priv->x, g_value_get_double (value));
      break;
    case PROP_WIDTH:
      fm_node_set_size (self, g_value_get_double (value), priv->height);
      break;
    case PROP_HEIGHT:
      fm_node_set_size (self, priv->width, g_value_get_double (value));
      break;
    case PROP_OBSERVED:
      fm_node_set_observed (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_node_class_init (FmNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fm_node_constructed;
  object_class->finalize = fm_node_finalize;
  object_class->get_property = fm_node_get_property;
  object_class->set_property = fm_node_set_property;

  klass->contains = fm_node_real_contains;
  klass->default_width = 160;
  klass->default_height = 80;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FM_TYPE_NODE_KIND, FM_NODE_KIND_PROCESS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where the node's times come from: NULL while they are assumptions,
   * else a short note such as "observed 2026-09-01 – 2026-11-20, median of
   * 42 items" (see fm_observed_apply()). */
  properties[PROP_OBSERVED] =
    g_param_spec_string ("observed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_node_init (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  priv->label = g_strdup ("");
}

FmNodeKind
fm_node_get_kind (FmNode *self)
{
  g_return_val_if_fail (FM_IS_NODE (self), FM_NODE_KIND_NOTE);

  return FM_NODE_GET_CLASS (self)->kind;
}

const char *
fm_node_get_id (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), NULL);

  return priv->id;
}

const char *
fm_node_get_label (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), NULL);

  return priv->label;
}

void
fm_node_set_label (FmNode     *self,
                   const char *label)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_if_fail (FM_IS_NODE (self));

  if (label == NULL)
    label = "";
  if (fm_set_str (&priv->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

double
fm_node_get_x (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), 0);

  return priv->x;
}

double
fm_node_get_y (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), 0);

  return priv->y;
}

double
fm_node_get_width (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), 0);

  return priv->width;
}

double
fm_node_get_height (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), 0);

  return priv->height;
}

void
fm_node_set_position (FmNode *self,
                      double  x,
                      double  y)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);
  gboolean x_changed, y_changed;

  g_return_if_fail (FM_IS_NODE (self));
  g_return_if_fail (isfinite (x) && isfinite (y));

  x_changed = priv->x != x;
  y_changed = priv->y != y;
  priv->x = x;
  priv->y = y;

  if (x_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
  if (y_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}

void
fm_node_set_size (FmNode *self,
                  double  width,
                  double  height)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);
  gboolean w_changed, h_changed;

  g_return_if_fail (FM_IS_NODE (self));
  g_return_if_fail (isfinite (width) && isfinite (height));
  g_return_if_fail (width >= 0 && height >= 0);

  w_changed = priv->width != width;
  h_changed = priv->height != height;
  priv->width = width;
  priv->height = height;

  if (w_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  if (h_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

void
fm_node_get_bounds (FmNode *self,
                    FmRect *rect)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_if_fail (FM_IS_NODE (self));
  g_return_if_fail (rect != NULL);

  rect->x = priv->x;
  rect->y = priv->y;
  rect->width = priv->width;
  rect->height = priv->height;
}

gboolean
fm_node_contains (FmNode *self,
                  double  x,
                  double  y)
{
  g_return_val_if_fail (FM_IS_NODE (self), FALSE);

  return FM_NODE_GET_CLASS (self)->contains (self, x, y);
}

/**
 * fm_node_get_observed:
 *
 * Returns: (nullable): how the node's times were observed, or %NULL when
 *   they are assumptions
 */
const char *
fm_node_get_observed (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), NULL);

  return priv->observed;
}

/**
 * fm_node_set_observed:
 * @observed: (nullable): a short note on where the times come from, or
 *   %NULL for assumptions
 */
void
fm_node_set_observed (FmNode     *self,
                      const char *observed)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_if_fail (FM_IS_NODE (self));

  if (fm_set_str (&priv->observed, observed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBSERVED]);
}

/**
 * fm_node_get_extra:
 *
 * Returns: (nullable): the fields of the file this version of Flowmap does
 * not know, as the text of a JSON object, kept so that a save writes them back.
 */
const char *
fm_node_get_extra (FmNode *self)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_val_if_fail (FM_IS_NODE (self), NULL);

  return priv->extra;
}

void
fm_node_set_extra (FmNode     *self,
                   const char *extra_json)
{
  FmNodePrivate *priv = fm_node_get_instance_private (self);

  g_return_if_fail (FM_IS_NODE (self));

  fm_set_str (&priv->extra, extra_json);
}

GType
fm_node_type_for_kind (FmNodeKind kind)
{
  switch (kind)
    {
    case FM_NODE_KIND_TRIGGER: return FM_TYPE_TRIGGER;
    case FM_NODE_KIND_OUTCOME: return FM_TYPE_OUTCOME;
    case FM_NODE_KIND_PROCESS: return FM_TYPE_PROCESS_STEP;
    case FM_NODE_KIND_QUEUE: return FM_TYPE_QUEUE;
    case FM_NODE_KIND_SYSTEM: return FM_TYPE_SYSTEM;
    case FM_NODE_KIND_KAIZEN: return FM_TYPE_KAIZEN;
    case FM_NODE_KIND_NOTE: return FM_TYPE_NOTE;
    default: g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/**
 * fm_node_new:
 * @id: the node's id, unique within its map
 *
 * Returns: (transfer full): a node of @kind with its default size
 */
FmNode *
fm_node_new (FmNodeKind  kind,
             const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  GType type = fm_node_type_for_kind (kind);
  FmNode *self;
  FmNodePrivate *priv;

  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  /* The id straight, not through its property: a load makes thousands. */
  self = g_object_new (type, NULL);
  priv = fm_node_get_instance_private (self);
  priv->id = g_strdup (id);

  return self;
}

/**
 * fm_node_copy:
 *
 * Returns: (transfer full): a node of the same kind with the same id and
 * every property and unknown field copied
 */
FmNode *
fm_node_copy (FmNode *self)
{
  g_return_val_if_fail (FM_IS_NODE (self), NULL);

  return fm_node_copy_with_id (self, fm_node_get_id (self));
}

/**
 * fm_node_copy_with_id:
 * @id: the copy's id (ids are fixed when a node is made)
 *
 * Returns: (transfer full): a copy of @self under another id, as a paste needs
 */
FmNode *
fm_node_copy_with_id (FmNode     *self,
                      const char *id)
{
  g_autofree GParamSpec **pspecs = NULL;
  FmNodePrivate *priv = fm_node_get_instance_private (self);
  FmNode *copy;
  guint n_pspecs;

  g_return_val_if_fail (FM_IS_NODE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), "id", id, NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);
      g_object_set_property (G_OBJECT (copy), pspec->name, &value);
    }
  fm_node_set_extra (copy, priv->extra);

  return copy;
}

const char *
fm_node_kind_to_string (FmNodeKind kind)
{
  return fm_enum_to_nick (FM_TYPE_NODE_KIND, kind);
}

gboolean
fm_node_kind_from_string (const char *str,
                          FmNodeKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_NODE_KIND, str, (int *) kind);
}
