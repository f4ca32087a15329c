/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-autosave.h: unsaved changes written aside every 30 s, offered back after a crash */
#pragma once

#include "fm-window.h"

G_BEGIN_DECLS

#define FM_TYPE_AUTOSAVE (fm_autosave_get_type ())
G_DECLARE_FINAL_TYPE (FmAutosave, fm_autosave, FM, AUTOSAVE, GObject)

/* One document left behind by a Flowmap that did not close properly. */
typedef struct {
  char *id;
  char *data_path;      /* the document, as a .flowmap file */
  char *info_path;      /* the sidecar: original file, time, process */
  GFile *original;      /* (nullable): where the document was saved */
  char *title;          /* (nullable): the document's title */
  GDateTime *saved_at;  /* when it was written */
} FmAutosaveEntry;

FmAutosave   *fm_autosave_new                (FmWindow         *window);
const char   *fm_autosave_get_id             (FmAutosave       *self);
void          fm_autosave_adopt              (FmAutosave       *self,
                                              const char       *id);
gboolean      fm_autosave_write_now          (FmAutosave       *self,
                                              GError          **error);
void          fm_autosave_discard            (FmAutosave       *self);

char         *fm_autosave_dup_folder         (void);
guint         fm_autosave_get_interval_ms    (void);
GPtrArray    *fm_autosave_list_entries       (void);
char         *fm_autosave_entry_dup_name     (FmAutosaveEntry  *entry);
FmDocument   *fm_autosave_entry_load         (FmAutosaveEntry  *entry,
                                              GError          **error);
void          fm_autosave_entry_discard      (FmAutosaveEntry  *entry);
void          fm_autosave_entry_free         (FmAutosaveEntry  *entry);

void          fm_autosave_offer_recovery     (GtkApplication   *application);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmAutosaveEntry, fm_autosave_entry_free)

G_END_DECLS
