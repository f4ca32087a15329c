/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-queue.h: a queue or wait state between steps */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_QUEUE (fm_queue_get_type ())
G_DECLARE_FINAL_TYPE (FmQueue, fm_queue, FM, QUEUE, FmNode)


double               fm_queue_get_wait_s (FmQueue *self);
void                 fm_queue_set_wait_s (FmQueue *self, double value);
double               fm_queue_get_items (FmQueue *self);
void                 fm_queue_set_items (FmQueue *self, double value);
double               fm_queue_get_limit (FmQueue *self);
void                 fm_queue_set_limit (FmQueue *self, double value);

G_END_DECLS
