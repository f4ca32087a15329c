/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-simulate.c: the Simulate page of the window's side panel
 *
 * Like the Observed page, its panel is made when the page is first shown
 * (most windows never show it), and then follows the map on screen.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-simulate"

#include "fm-window-private.h"

void
fm_window_simulate_set_map (FmWindow *self)
{
  if (self->simulate_panel == NULL)
    return;

  /* The data its observed variability draws from: the window's. */
  fm_simulate_panel_set_session (self->simulate_panel, self->observed_session);
  fm_simulate_panel_set_map (self->simulate_panel, self->document, self->map);
}

/* What the overrides changed on the copy is what it is for, as after
 * Create Future State. */
static void
on_future_state_made (FmWindow *self)
{
  g_object_set (self->canvas, "show-changes", TRUE, NULL);
}

static void
on_side_page_shown (FmWindow *self)
{
  if (self->simulate_panel != NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "simulate") != 0)
    return;

  self->simulate_panel = FM_SIMULATE_PANEL (fm_simulate_panel_new ());
  adw_bin_set_child (self->simulate_bin, GTK_WIDGET (self->simulate_panel));
  g_signal_connect_object (self->simulate_panel, "future-state-made", G_CALLBACK (on_future_state_made), self,
                           G_CONNECT_SWAPPED);
  fm_window_simulate_set_map (self);
}

void
fm_window_simulate_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmWindow, simulate_bin);
}

void
fm_window_simulate_init (FmWindow *self)
{
  g_signal_connect_object (self->side_stack, "notify::visible-child-name",
                           G_CALLBACK (on_side_page_shown), self, G_CONNECT_SWAPPED);
  on_side_page_shown (self);
}
