/* fm-window-private.h: the window's insides, shared by its actions and file handling */
#pragma once

#include "fm-inspector.h"
#include "fm-palette-view.h"
#include "fm-window.h"

G_BEGIN_DECLS

struct _FmWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  FmPaletteView *palette;
  FmCanvas *canvas;
  GtkStack *side_stack;
  FmInspector *inspector;
  GMenu *history_section;
  GMenu *recent_menu;
  GtkWidget *undo_button;
  GtkWidget *redo_button;

  FmDocument *document;
  FmMap *map;
  GFile *file;
  gboolean closing_confirmed;
};

/* What to do once unsaved changes were saved or discarded. */
typedef enum {
  FM_AFTER_NOTHING,
  FM_AFTER_CLOSE,
} FmWindowContinue;

/* fm-window.c */
void  fm_window_set_document        (FmWindow         *self,
                                     FmDocument       *document,
                                     GFile            *file);
void  fm_window_show_error          (FmWindow         *self,
                                     const char       *heading,
                                     const GError     *error);
void  fm_window_update_title        (FmWindow         *self);

/* fm-window-files.c */
void  fm_window_files_class_init    (GtkWidgetClass   *widget_class);
void  fm_window_files_init          (FmWindow         *self);
void  fm_window_confirm_unsaved     (FmWindow         *self,
                                     FmWindowContinue  then);
void  fm_window_save_as             (FmWindow         *self,
                                     FmWindowContinue  then);
char *fm_window_dup_display_name    (FmWindow         *self);

/* fm-window-export.c */
void  fm_window_export_class_init   (GtkWidgetClass   *widget_class);

/* fm-window-actions.c */
void  fm_window_actions_class_init  (GtkWidgetClass   *widget_class);
void  fm_window_actions_init        (FmWindow         *self);
void  fm_window_update_history      (FmWindow         *self);

G_END_DECLS
