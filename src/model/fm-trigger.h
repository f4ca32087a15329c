/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-trigger.h: the start trigger: the event that creates demand */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_TRIGGER (fm_trigger_get_type ())
G_DECLARE_FINAL_TYPE (FmTrigger, fm_trigger, FM, TRIGGER, FmNode)

G_END_DECLS
