/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-process-step.h: a process step: where work is done */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_PROCESS_STEP (fm_process_step_get_type ())
G_DECLARE_FINAL_TYPE (FmProcessStep, fm_process_step, FM, PROCESS_STEP, FmNode)


double               fm_process_step_get_process_s (FmProcessStep *self);
void                 fm_process_step_set_process_s (FmProcessStep *self, double value);
double               fm_process_step_get_lead_s (FmProcessStep *self);
void                 fm_process_step_set_lead_s (FmProcessStep *self, double value);
double               fm_process_step_get_pca (FmProcessStep *self);
void                 fm_process_step_set_pca (FmProcessStep *self, double value);
double               fm_process_step_get_people (FmProcessStep *self);
void                 fm_process_step_set_people (FmProcessStep *self, double value);
const char *         fm_process_step_get_role (FmProcessStep *self);
void                 fm_process_step_set_role (FmProcessStep *self, const char * value);
double               fm_process_step_get_wip (FmProcessStep *self);
void                 fm_process_step_set_wip (FmProcessStep *self, double value);

G_END_DECLS
