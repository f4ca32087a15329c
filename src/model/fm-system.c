/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-system.c: an information source or decision body (a tracker, a change board) */
#include "config.h"

#define G_LOG_DOMAIN "fm-system"

#include "fm-system.h"
#include "fm-util.h"

struct _FmSystem
{
  FmNode parent_instance;

};

G_DEFINE_FINAL_TYPE (FmSystem, fm_system, FM_TYPE_NODE)

static void
fm_system_class_init (FmSystemClass *klass)
{
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  node_class->kind = FM_NODE_KIND_SYSTEM;
  node_class->default_width = 150;
  node_class->default_height = 70;

}

static void
fm_system_init (FmSystem *self)
{
}
