/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-note.h: free text placed on the map */
#pragma once

#include "fm-node.h"

G_BEGIN_DECLS

#define FM_TYPE_NOTE (fm_note_get_type ())
G_DECLARE_FINAL_TYPE (FmNote, fm_note, FM, NOTE, FmNode)

G_END_DECLS
