/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window.h: one window per document */
#pragma once

#include <adwaita.h>

#include "fm-canvas.h"
#include "fm-discover.h"
#include "fm-document.h"

G_BEGIN_DECLS

#define FM_TYPE_WINDOW (fm_window_get_type ())
G_DECLARE_FINAL_TYPE (FmWindow, fm_window, FM, WINDOW, AdwApplicationWindow)

FmWindow    *fm_window_new            (GtkApplication *application);
FmDocument  *fm_window_get_document   (FmWindow       *self);
GFile       *fm_window_get_file       (FmWindow       *self);
FmCanvas    *fm_window_get_canvas     (FmWindow       *self);
gboolean     fm_window_is_pristine    (FmWindow       *self);
gboolean     fm_window_load_file      (FmWindow       *self,
                                       GFile          *file,
                                       gboolean        missing_is_new);
gboolean     fm_window_open_loaded    (FmWindow       *self,
                                       GFile          *file,
                                       FmDocument     *loaded,
                                       const GError   *load_error,
                                       FmEdgeRoutes   *routes,
                                       gboolean        missing_is_new);
gboolean     fm_window_save           (FmWindow       *self,
                                       GError        **error);
void         fm_window_open_file      (FmWindow       *self,
                                       GFile          *file);
void         fm_window_open_files     (FmWindow       *self,
                                       GFile         **files,
                                       guint           n_files);
gboolean     fm_window_load_template  (FmWindow       *self,
                                       const char     *name,
                                       GError        **error);
FmWindow    *fm_window_new_for_discovery (GtkApplication *application,
                                       FmDiscovery    *discovery);

G_END_DECLS
