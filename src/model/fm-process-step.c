/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-process-step.c: a process step: where work is done */
#include "config.h"

#define G_LOG_DOMAIN "fm-process-step"

#include "fm-process-step.h"
#include "fm-util.h"

struct _FmProcessStep
{
  FmNode parent_instance;

  double process_s;
  double lead_s;
  double pca;
  double people;
  char * role;
  double wip;
};

G_DEFINE_FINAL_TYPE (FmProcessStep, fm_process_step, FM_TYPE_NODE)

enum {
  PROP_0,
  PROP_PROCESS_S,
  PROP_LEAD_S,
  PROP_PCA,
  PROP_PEOPLE,
  PROP_ROLE,
  PROP_WIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fm_process_step_finalize (GObject *object)
{
  FmProcessStep *self = FM_PROCESS_STEP (object);

  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (fm_process_step_parent_class)->finalize (object);
}

static void
fm_process_step_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FmProcessStep *self = FM_PROCESS_STEP (object);

  switch (prop_id)
    {
    case PROP_PROCESS_S:
      g_value_set_double (value, self->process_s);
      break;
    case PROP_LEAD_S:
      g_value_set_double (value, self->lead_s);
      break;
    case PROP_PCA:
      g_value_set_double (value, self->pca);
      break;
    case PROP_PEOPLE:
      g_value_set_double (value, self->people);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_WIP:
      g_value_set_double (value, self->wip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_process_step_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FmProcessStep *self = FM_PROCESS_STEP (object);

  switch (prop_id)
    {
    case PROP_PROCESS_S:
      fm_process_step_set_process_s (self, g_value_get_double (value));
      break;
    case PROP_LEAD_S:
      fm_process_step_set_lead_s (self, g_value_get_double (value));
      break;
    case PROP_PCA:
      fm_process_step_set_pca (self, g_value_get_double (value));
      break;
    case PROP_PEOPLE:
      fm_process_step_set_people (self, g_value_get_double (value));
      break;
    case PROP_ROLE:
      fm_process_step_set_role (self, g_value_get_string (value));
      break;
    case PROP_WIP:
      fm_process_step_set_wip (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_process_step_class_init (FmProcessStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  object_class->finalize = fm_process_step_finalize;
  object_class->get_property = fm_process_step_get_property;
  object_class->set_property = fm_process_step_set_property;

  node_class->kind = FM_NODE_KIND_PROCESS;
  node_class->default_width = 160;
  node_class->default_height = 120;

  /* active work time in seconds */
  properties[PROP_PROCESS_S] =
    g_param_spec_double ("process-s", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* elapsed time in the step in seconds */
  properties[PROP_LEAD_S] =
    g_param_spec_double ("lead-s", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* percent complete and accurate, 0 to 100 */
  properties[PROP_PCA] =
    g_param_spec_double ("pca", NULL, NULL, FM_UNSET, 100, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* people working the step */
  properties[PROP_PEOPLE] =
    g_param_spec_double ("people", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the role doing the work */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* items in progress in the step */
  properties[PROP_WIP] =
    g_param_spec_double ("wip", NULL, NULL, FM_UNSET, G_MAXDOUBLE, FM_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_process_step_init (FmProcessStep *self)
{
  self->process_s = FM_UNSET;
  self->lead_s = FM_UNSET;
  self->pca = FM_UNSET;
  self->people = FM_UNSET;
  self->wip = FM_UNSET;
}

double
fm_process_step_get_process_s (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), FM_UNSET);

  return self->process_s;
}

void
fm_process_step_set_process_s (FmProcessStep *self,
                              double         value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->process_s, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCESS_S]);
}

double
fm_process_step_get_lead_s (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), FM_UNSET);

  return self->lead_s;
}

void
fm_process_step_set_lead_s (FmProcessStep *self,
                           double         value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->lead_s, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_S]);
}

double
fm_process_step_get_pca (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), FM_UNSET);

  return self->pca;
}

void
fm_process_step_set_pca (FmProcessStep *self,
                        double         value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= 100));

  if (fm_set_double (&self->pca, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PCA]);
}

double
fm_process_step_get_people (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), FM_UNSET);

  return self->people;
}

void
fm_process_step_set_people (FmProcessStep *self,
                           double         value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->people, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE]);
}

const char *
fm_process_step_get_role (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), NULL);

  return self->role;
}

void
fm_process_step_set_role (FmProcessStep *self,
                         const char     *value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));

  if (fm_set_str (&self->role, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

double
fm_process_step_get_wip (FmProcessStep *self)
{
  g_return_val_if_fail (FM_IS_PROCESS_STEP (self), FM_UNSET);

  return self->wip;
}

void
fm_process_step_set_wip (FmProcessStep *self,
                        double         value)
{
  g_return_if_fail (FM_IS_PROCESS_STEP (self));
  g_return_if_fail (value == FM_UNSET || (value >= 0 && value <= G_MAXDOUBLE));

  if (fm_set_double (&self->wip, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIP]);
}
