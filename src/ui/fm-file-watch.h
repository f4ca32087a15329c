/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-file-watch.h: notice when another program changes the open file */
#pragma once

#include "fm-window.h"

G_BEGIN_DECLS

/**
 * FmFileWatchState:
 * @FM_FILE_WATCH_SAME: the file is as this window last read or wrote it
 * @FM_FILE_WATCH_CHANGED: another program wrote other content to it
 * @FM_FILE_WATCH_DELETED: it was deleted or moved away
 */
typedef enum {
  FM_FILE_WATCH_SAME,
  FM_FILE_WATCH_CHANGED,
  FM_FILE_WATCH_DELETED,
} FmFileWatchState;

#define FM_TYPE_FILE_WATCH (fm_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (FmFileWatch, fm_file_watch, FM, FILE_WATCH, GObject)

FmFileWatch      *fm_file_watch_new          (void);
void              fm_file_watch_set_file     (FmFileWatch *self,
                                              GFile       *file);
GFile            *fm_file_watch_get_file     (FmFileWatch *self);
FmFileWatchState  fm_file_watch_get_state    (FmFileWatch *self);
void              fm_file_watch_note_saved   (FmFileWatch *self,
                                              GBytes      *written);
void              fm_file_watch_acknowledge  (FmFileWatch *self);
void              fm_file_watch_check_now    (FmFileWatch *self);

void              fm_file_watch_attach       (FmFileWatch *self,
                                              FmWindow    *window,
                                              GtkBox      *banner_area);

G_END_DECLS
