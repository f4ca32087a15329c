/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-queue.c: a queue or wait state between steps */
#include "config.h"

#define G_LOG_DOMAIN "fm-queue"

#include "fm-queue.h"
#include "fm-util.h"

struct _FmQueue
{
  FmNode parent_instance;

  double wait_s;
  double items;
  double limit;
};

G_DEFINE_FINAL_TYPE (FmQueue, fm_queue, FM_TYPE_NODE)

enum {
  PROP_0,
  PROP_WAIT_S,
  PROP_ITEMS,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_queue_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FmQueue *self = FM_QUEUE (object);

  switch (prop_id)
    {
    case PROP_WAIT_S:
      g_value_set_double (value, self->wait_s);
      break;
    case PROP_ITEMS:
      g_value_set_double (value, self->items);
      break;
    case PROP_LIMIT:
      g_value_set_double (value, self->limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_queue_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FmQueue *self = FM_QUEUE (object);

  switch (prop_id)
    {
    case PROP_WAIT_S:
      fm_queue_set_wait_s (self, g_value_get_double (value));
      break;
    case PROP_ITEMS:
      fm_queue_set_items (self, g_value_get_double (value));
      break;
    case PROP_LIMIT:
      fm_queue_set_limit (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_queue_class_init (FmQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  object_class->get_property = fm_queue_get_property;
  object_class->set_property = fm_queue_set_property;

  node_class->kind = FM_NODE_KIND_QUEUE;
  node_class->default_width = 100;
  node_class->default_height = 90;

  /* time an item waits in seconds */
  properties[PROP_WAIT_S] =
    g_param_spec_double ("wait-s", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* items waiting */
  properties[PROP_ITEMS] =
    g_param_spec_double ("items", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the most items the queue may hold (a WIP limit): the step before it
   * stops when it is full; used by the flow simulation */
  properties[PROP_LIMIT] =
    g_param_spec_double ("limit", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_queue_init (FmQueue *self)
{
  self->wait_s = FM_UNSET;
  self->items = FM_UNSET;
  self->limit = FM_UNSET;
}

double
fm_queue_get_wait_s (FmQueue *self)
{
  g_return_val_if_fail (FM_IS_QUEUE (self), FM_UNSET);

  return self->wait_s;
}

void
fm_queue_set_wait_s (FmQueue *self,
                    double   value)
{
  g_return_if_fail (FM_IS_QUEUE (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->wait_s, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIT_S]);
}

double
fm_queue_get_items (FmQueue *self)
{
  g_return_val_if_fail (FM_IS_QUEUE (self), FM_UNSET);

  return self->items;
}

void
fm_queue_set_items (FmQueue *self,
                   double   value)
{
  g_return_if_fail (FM_IS_QUEUE (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->items, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}

double
fm_queue_get_limit (FmQueue *self)
{
  g_return_val_if_fail (FM_IS_QUEUE (self), FM_UNSET);

  return self->limit;
}

void
fm_queue_set_limit (FmQueue *self,
                    double   value)
{
  g_return_if_fail (FM_IS_QUEUE (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->limit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}
