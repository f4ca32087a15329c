/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-present.c: presentation mode, for retrospectives
 *
 * F5 puts the slides (FmPresentation) in the window's place of the editor,
 * full screen, without header bar or panels; Escape (or F5 again) brings
 * the editor back as it was. The window's title names the slide shown, so
 * that a screen reader, a window list and the GUI tests can follow.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-present"

#include <stdio.h>
#include <glib/gi18n.h>

#include "fm-presentation.h"
#include "fm-window-private.h"

gboolean
fm_window_is_presenting (FmWindow *self)
{
  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);

  return self->presentation != NULL;
}

static void
update_title (FmWindow *self)
{
  FmPresentation *presentation = FM_PRESENTATION (self->presentation);
  const char *slide = fm_presentation_get_slide_title (presentation);
  g_autofree char *title = NULL;

  /* Translators: the window's title while presenting, as in "Current state (1/6) — Flowmap" */
  title = g_strdup_printf (_("%s (%u/%u) — Flowmap"), slide ? slide : "",
                           fm_presentation_get_slide (presentation) + 1,
                           fm_presentation_get_n_slides (presentation));
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (g_getenv ("FLOWMAP_DEBUG_SLIDES") != NULL)
    {
      g_print ("slide %u/%u %s: %s\n", fm_presentation_get_slide (presentation) + 1,
               fm_presentation_get_n_slides (presentation), fm_presentation_get_slide_kind (presentation),
               slide ? slide : "");
      fflush (stdout);
    }
}

static void
enter (FmWindow *self)
{
  if (self->presentation != NULL)
    return;

  if (fm_canvas_is_editing (self->canvas))
    fm_canvas_commit_edit (self->canvas);
  fm_canvas_cancel_gesture (self->canvas);

  self->presentation = fm_presentation_new (self->document, self->map);
  /* The page's last run, if it was of the story's maps; then the data,
   * whose figures are measured once, when the slides are made last. */
  if (self->simulate_panel != NULL && fm_simulate_panel_get_result (self->simulate_panel) != NULL)
    fm_presentation_set_simulation (FM_PRESENTATION (self->presentation),
                                    fm_simulate_panel_get_result_map (self->simulate_panel),
                                    fm_simulate_panel_get_result (self->simulate_panel),
                                    fm_simulate_panel_get_figure (self->simulate_panel, "comparison"),
                                    fm_simulate_panel_get_figure (self->simulate_panel, "what-if"));
  fm_presentation_set_observed (FM_PRESENTATION (self->presentation), self->observed_session);
  g_signal_connect_object (self->presentation, "notify::slide", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);
  self->editor_content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->presentation);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->presentation);
  update_title (self);
}

static void
leave (FmWindow *self)
{
  if (self->presentation == NULL)
    return;

  gtk_window_unfullscreen (GTK_WINDOW (self));
  self->presentation = NULL;
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->editor_content);
  g_clear_object (&self->editor_content);
  fm_window_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
action_present (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  if (self->presentation != NULL)
    leave (self);
  else
    enter (self);
}

static void
action_leave (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  leave (FM_WINDOW (widget));
}

void
fm_window_present_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, action_present);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, action_leave);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

/* Puts the editor back, so that the window's template finds it on closing. */
void
fm_window_present_dispose (FmWindow *self)
{
  if (self->presentation != NULL)
    {
      self->presentation = NULL;
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->editor_content);
    }
  g_clear_object (&self->editor_content);
}
