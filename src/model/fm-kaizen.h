/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-kaizen.h: an improvement experiment (kaizen burst); its label is the hypothesis */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_KAIZEN (fm_kaizen_get_type ())
G_DECLARE_FINAL_TYPE (FmKaizen, fm_kaizen, FM, KAIZEN, FmNode)


const char *         fm_kaizen_get_owner (FmKaizen *self);
void                 fm_kaizen_set_owner (FmKaizen *self, const char * value);
const char *         fm_kaizen_get_measure (FmKaizen *self);
void                 fm_kaizen_set_measure (FmKaizen *self, const char * value);
const char *         fm_kaizen_get_baseline (FmKaizen *self);
void                 fm_kaizen_set_baseline (FmKaizen *self, const char * value);
const char *         fm_kaizen_get_target (FmKaizen *self);
void                 fm_kaizen_set_target (FmKaizen *self, const char * value);
const char *         fm_kaizen_get_review_date (FmKaizen *self);
void                 fm_kaizen_set_review_date (FmKaizen *self, const char * value);
FmKaizenStatus       fm_kaizen_get_status (FmKaizen *self);
void                 fm_kaizen_set_status (FmKaizen *self, FmKaizenStatus value);
const char *         fm_kaizen_get_waste (FmKaizen *self);
void                 fm_kaizen_set_waste (FmKaizen *self, const char * value);
const char * const * fm_kaizen_get_applies_to (FmKaizen *self);
void                 fm_kaizen_set_applies_to (FmKaizen *self, const char * const * value);

const char          *fm_kaizen_status_to_string (FmKaizenStatus status);
gboolean             fm_kaizen_status_from_string (const char *str, FmKaizenStatus *status);

G_END_DECLS
