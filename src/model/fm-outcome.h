/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-outcome.h: the end point: where value reaches the customer */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_OUTCOME (fm_outcome_get_type ())
G_DECLARE_FINAL_TYPE (FmOutcome, fm_outcome, FM, OUTCOME, FmNode)

G_END_DECLS
