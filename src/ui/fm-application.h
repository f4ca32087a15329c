/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-application.h: the Flowmap application: windows, files, about */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _FmWindow FmWindow;

#define FM_TYPE_APPLICATION (fm_application_get_type ())
G_DECLARE_FINAL_TYPE (FmApplication, fm_application, FM, APPLICATION, AdwApplication)

FmApplication *fm_application_new        (void);
FmWindow      *fm_application_open_file  (FmApplication *self,
                                          GFile         *file,
                                          FmWindow      *hint);
FmWindow      *fm_application_new_from_template (FmApplication *self,
                                                 const char    *name,
                                                 FmWindow      *hint);
int            fm_application_run        (int            argc,
                                          char         **argv);

G_END_DECLS
