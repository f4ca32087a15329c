/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-note.c: free text placed on the map */
#include "config.h"

#define G_LOG_DOMAIN "fm-note"

#include "fm-note.h"
#include "fm-util.h"

struct _FmNote
{
  FmNode parent_instance;

};

G_DEFINE_FINAL_TYPE (FmNote, fm_note, FM_TYPE_NODE)

static void
fm_note_class_init (FmNoteClass *klass)
{
  FmNodeClass *node_class = FM_NODE_CLASS (klass);

  node_class->kind = FM_NODE_KIND_NOTE;
  node_class->default_width = 160;
  node_class->default_height = 80;

}

static void
fm_note_init (FmNote *self)
{
}
