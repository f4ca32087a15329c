/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-kaizen.c: an improvement experiment (kaizen burst); its label is the hypothesis */
#include "config.h"

#define G_LOG_DOMAIN "fm-kaizen"

#include "fm-enum-nick.h"
#include "fm-kaizen.h"
#include "fm-util.h"

struct _FmKaizen
{
  FmNode parent_instance;

  char * owner;
  char * measure;
  char * baseline;
  char * target;
  char * review_date;
  FmKaizenStatus status;
  char * waste;
  char ** applies_to;
};

G_DEFINE_FINAL_TYPE (FmKaizen, fm_kaizen, FM_TYPE_NODE)

enum {
  PROP_0,
  PROP_OWNER,
  PROP_MEASURE,
  PROP_BASELINE,
  PROP_TARGET,
  PROP_REVIEW_DATE,
  PROP_STATUS,
  PROP_WASTE,
  PROP_APPLIES_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_kaizen_finalize (GObject *object)
{
  FmKaizen *self = FM_KAIZEN (object);

  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->measure, g_free);
  g_clear_pointer (&self->baseline, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->review_date, g_free);
  g_clear_pointer (&self->waste, g_free);
  g_clear_pointer (&self->applies_to, g_strfreev);

  G_OBJECT_CLASS (fm_kaizen_parent_class)->finalize (object);
}

static void
fm_kaizen_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FmKaizen *self = FM_KAIZEN (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;
    case PROP_BASELINE:
      g_value_set_string (value, self->baseline);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_REVIEW_DATE:
      g_value_set_string (value, self->review_date);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_WASTE:
      g_value_set_string (value, self->waste);
      break;
    case PROP_APPLIES_TO:
      g_value_set_boxed (value, self->applies_to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_kaizen_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FmKaizen *self = FM_KAIZEN (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      fm_kaizen_set_owner (self, g_value_get_string (value));
      break;
    case PROP_MEASURE:
      fm_kaizen_set_measure (self, g_value_get_string (value));
      break;
    case PROP_BASELINE:
      fm_kaizen_set_baseline (self, g_value_get_string (value));
      break;
    case PROP_TARGET:
      fm_kaizen_set_target (self, g_value_get_string (value));
      break;
    case PROP_REVIEW_DATE:
      fm_kaizen_set_review_date (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      fm_kaizen_set_status (self, g_value_get_enum (value));
      break;
    case PROP_WASTE:
      fm_kaizen_set_waste (self, g_value_get_string (value));
      break;
    case PROP_APPLIES_TO:
      fm_kaizen_set_applies_to (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_kaizen_class_init (FmKaizenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  object_class->finalize = fm_kaizen_finalize;
  object_class->get_property = fm_kaizen_get_property;
  object_class->set_property = fm_kaizen_set_property;

  node_class->kind = FM_NODE_KIND_KAIZEN;
  node_class->default_width = 170;
  node_class->default_height = 100;

  /* who runs the experiment */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* what is measured */
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the measure before the change */
  properties[PROP_BASELINE] =
    g_param_spec_string ("baseline", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the value the experiment aims for */
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ISO 8601 date of the review */
  properties[PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* planned, running, kept or dropped */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, FM_TYPE_KAIZEN_STATUS, FM_KAIZEN_STATUS_PLANNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the waste the experiment attacks */
  properties[PROP_WASTE] =
    g_param_spec_string ("waste", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ids of the nodes the experiment is about */
  properties[PROP_APPLIES_TO] =
    g_param_spec_boxed ("applies-to", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_kaizen_init (FmKaizen *self)
{
}

const char *
fm_kaizen_get_owner (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->owner;
}

void
fm_kaizen_set_owner (FmKaizen *self,
                    const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->owner, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
fm_kaizen_get_measure (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->measure;
}

void
fm_kaizen_set_measure (FmKaizen *self,
                      const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->measure, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

const char *
fm_kaizen_get_baseline (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->baseline;
}

void
fm_kaizen_set_baseline (FmKaizen *self,
                       const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->baseline, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

const char *
fm_kaizen_get_target (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->target;
}

void
fm_kaizen_set_target (FmKaizen *self,
                     const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->target, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
fm_kaizen_get_review_date (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->review_date;
}

void
fm_kaizen_set_review_date (FmKaizen *self,
                          const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->review_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_DATE]);
}

FmKaizenStatus
fm_kaizen_get_status (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), FM_KAIZEN_STATUS_PLANNED);

  return self->status;
}

void
fm_kaizen_set_status (FmKaizen      *self,
                     FmKaizenStatus  value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));
  g_return_if_fail (value <= FM_KAIZEN_STATUS_DROPPED);

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
fm_kaizen_get_waste (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return self->waste;
}

void
fm_kaizen_set_waste (FmKaizen *self,
                    const char  *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (fm_set_str (&self->waste, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WASTE]);
}

/**
 * fm_kaizen_get_applies_to:
 *
 * Returns: (nullable) (transfer none): the ids of the nodes the experiment is about
 */
const char * const *
fm_kaizen_get_applies_to (FmKaizen *self)
{
  g_return_val_if_fail (FM_IS_KAIZEN (self), NULL);

  return (const char * const *) self->applies_to;
}

void
fm_kaizen_set_applies_to (FmKaizen           *self,
                         const char * const *value)
{
  g_return_if_fail (FM_IS_KAIZEN (self));

  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (self->applies_to == NULL && value == NULL)
    return;
  if (self->applies_to != NULL && value != NULL &&
      g_strv_equal ((const char * const *) self->applies_to, value))
    return;

  g_strfreev (self->applies_to);
  self->applies_to = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIES_TO]);
}

const char *
fm_kaizen_status_to_string (FmKaizenStatus status)
{
  return fm_enum_to_nick (FM_TYPE_KAIZEN_STATUS, status);
}

gboolean
fm_kaizen_status_from_string (const char     *str,
                              FmKaizenStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_KAIZEN_STATUS, str, (int *) status);
}
