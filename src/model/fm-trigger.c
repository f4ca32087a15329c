/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-trigger.c: the start trigger: the event that creates demand */
#include "config.h"

#define G_LOG_DOMAIN "fm-trigger"

#include "fm-trigger.h"
#include "fm-util.h"

struct _FmTrigger
{
  FmNode parent_instance;

};

G_DEFINE_FINAL_TYPE (FmTrigger, fm_trigger, FM_TYPE_NODE)

static void
fm_trigger_class_init (FmTriggerClass *klass)
{
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  node_class->kind = FM_NODE_KIND_TRIGGER;
  node_class->default_width = 140;
  node_class->default_height = 90;

}

static void
fm_trigger_init (FmTrigger *self)
{
}
