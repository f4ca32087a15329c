/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-observed.c: observed flow data in the window: importing it and the Observed page
 *
 * The imported data is view state (FmObservedSession), kept with the
 * window and never saved in the document; the Observed page measures it
 * against the map on screen. Import Observed Data asks for a CSV file
 * first, then shows the import dialog (fm-observed-dialog.c); importing
 * replaces the data and brings the Observed page forward. The page's
 * panel is made when the page is first shown: most windows never show it,
 * and building it took a tenth of a window's start.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-observed"

#include <glib/gi18n.h>

#include "fm-discover-dialog.h"
#include "fm-observed-dialog.h"
#include "fm-window-private.h"

/**
 * fm_window_import_observed:
 * @file: a CSV file
 *
 * Shows the import dialog on @file, for the map on screen.
 */
void
fm_window_import_observed (FmWindow *self,
                           GFile    *file)
{
  g_return_if_fail (FM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->map == NULL || fm_window_is_presenting (self))
    return;

  fm_observed_dialog_present (GTK_WINDOW (self), self->map, self->observed_session, file);
}

static void
import_chosen (GtkWindow *window,
               GFile     *file)
{
  fm_window_import_observed (FM_WINDOW (window), file);
}

static void
action_import_observed (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  if (fm_window_is_presenting (self))
    return;

  fm_observed_dialog_choose_file (GTK_WINDOW (self), self->file, import_chosen);
}

/**
 * fm_window_new_map_from_data:
 * @file: an event log: a tracker's CSV or XES
 *
 * Shows the discovery's dialog over the window, which reads @file in a
 * thread and drafts a map from it; Add Map adds the draft to the document
 * as a new map, Open in New Window shows it as a document of its own.
 */
void
fm_window_new_map_from_data (FmWindow *self,
                             GFile    *file)
{
  g_return_if_fail (FM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (fm_window_is_presenting (self))
    return;

  fm_discover_dialog_present (GTK_WINDOW (self), self->document, file);
}

static void
new_map_chosen (GtkWindow *window,
                GFile     *file)
{
  fm_window_new_map_from_data (FM_WINDOW (window), file);
}

static void
action_new_map_from_data (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);

  if (fm_window_is_presenting (self))
    return;

  fm_observed_dialog_choose_event_log (GTK_WINDOW (self), self->file, new_map_chosen);
}

/* New data: show what it says. */
static void
on_session_changed (FmWindow *self)
{
  if (fm_observed_session_get_log (self->observed_session) != NULL)
    gtk_stack_set_visible_child_name (self->side_stack, "observed");
}

static void
on_reveal (FmCanvas   *canvas,
           const char *id)
{
  fm_canvas_select_and_reveal (canvas, id);
}

static void on_side_page_changed (FmWindow *self);

void
fm_window_observed_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (FM_TYPE_OBSERVED_PANEL);

  gtk_widget_class_install_action (widget_class, "win.import-observed", NULL, action_import_observed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-observed", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-map-from-data", NULL, action_new_map_from_data);
  gtk_widget_class_bind_template_callback (widget_class, on_side_page_changed);
}

static void
on_side_page_changed (FmWindow *self)
{
  /* Made when shown, once the session is there (fm_window_observed_init()). */
  if (self->observed_session == NULL || self->observed_panel != NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "observed") != 0)
    return;

  self->observed_panel = FM_OBSERVED_PANEL (fm_observed_panel_new ());
  fm_observed_panel_set_session (self->observed_panel, self->observed_session);
  fm_observed_panel_set_cache (self->observed_panel, self->metrics_cache);
  g_signal_connect_object (self->observed_panel, "reveal", G_CALLBACK (on_reveal),
                           self->canvas, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->observed_bin, GTK_WIDGET (self->observed_panel));
}

void
fm_window_observed_init (FmWindow *self)
{
  self->observed_session = fm_observed_session_new ();
  if (self->experiments != NULL)
    fm_experiments_view_set_session (self->experiments, self->observed_session);
  g_signal_connect_object (self->observed_session, "changed", G_CALLBACK (on_session_changed),
                           self, G_CONNECT_SWAPPED);
  on_side_page_changed (self);
}

void
fm_window_observed_dispose (FmWindow *self)
{
  g_clear_object (&self->observed_session);
}
