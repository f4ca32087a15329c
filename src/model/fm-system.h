/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-system.h: an information source or decision body (a tracker, a change board) */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_SYSTEM (fm_system_get_type ())
G_DECLARE_FINAL_TYPE (FmSystem, fm_system, FM, SYSTEM, FmNode)

G_END_DECLS
