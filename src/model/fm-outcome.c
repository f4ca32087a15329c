/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-outcome.c: the end point: where value reaches the customer */
#include "config.h"

#define G_LOG_DOMAIN "fm-outcome"

#include "fm-outcome.h"
#include "fm-util.h"

struct _FmOutcome
{
  FmNode parent_instance;

};

G_DEFINE_FINAL_TYPE (FmOutcome, fm_outcome, FM_TYPE_NODE)

static void
fm_outcome_class_init (FmOutcomeClass *klass)
{
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  node_class->kind = FM_NODE_KIND_OUTCOME;
  node_class->default_width = 140;
  node_class->default_height = 90;

}

static void
fm_outcome_init (FmOutcome *self)
{
}
