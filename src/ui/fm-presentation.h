/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation.h: the slides of a retrospective, drawn full screen */
#pragma once

#include <gtk/gtk.h>

#include "fm-document.h"
#include "fm-observed-session.h"
#include "fm-simulate.h"

G_BEGIN_DECLS

#define FM_TYPE_PRESENTATION (fm_presentation_get_type ())
G_DECLARE_FINAL_TYPE (FmPresentation, fm_presentation, FM, PRESENTATION, GtkWidget)

GtkWidget   *fm_presentation_new              (FmDocument     *document,
                                               FmMap          *shown);
guint        fm_presentation_get_n_slides     (FmPresentation *self);
guint        fm_presentation_get_slide        (FmPresentation *self);
void         fm_presentation_set_slide        (FmPresentation *self,
                                               guint           slide);
const char  *fm_presentation_get_slide_title  (FmPresentation *self);
const char  *fm_presentation_get_slide_kind   (FmPresentation *self);
const char  *fm_presentation_get_slide_caption (FmPresentation *self);
char        *fm_presentation_get_slide_text   (FmPresentation *self);
void         fm_presentation_set_observed     (FmPresentation *self,
                                               FmObservedSession *session);
void         fm_presentation_set_simulation   (FmPresentation *self,
                                               FmMap          *simulated,
                                               const FmSimulateResult *result,
                                               const char     *comparison,
                                               const char     *what_if);

G_END_DECLS
