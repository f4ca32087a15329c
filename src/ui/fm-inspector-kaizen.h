/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-kaizen.h: the inspector's rows for an experiment: waste, review date, targets */
#pragma once

#include <adwaita.h>

#include "fm-document.h"
#include "fm-kaizen.h"

G_BEGIN_DECLS

typedef struct _FmKaizenRows FmKaizenRows;

FmKaizenRows *fm_kaizen_rows_new      (AdwComboRow    *waste,
                                       AdwEntryRow    *review_date,
                                       AdwExpanderRow *targets);
void          fm_kaizen_rows_free     (FmKaizenRows   *self);
void          fm_kaizen_rows_show     (FmKaizenRows   *self,
                                       FmDocument     *document,
                                       FmMap          *map,
                                       FmKaizen       *kaizen);

G_END_DECLS
