/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-side.c: the Metrics and Experiments pages of the side panel
 *
 * Like the Observed and Simulate pages, their panels are made when the
 * page is first shown. A hidden page of a GtkStack is still styled for
 * the window's first frame, so a window that opens on the inspector
 * should not build, style and fill panels it does not show; once made,
 * a panel stays and follows the map on screen as before.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-side"

#include "fm-window-private.h"

/* The experiments of the map on screen, if their page was made. */
void
fm_window_side_set_map (FmWindow *self)
{
  if (self->experiments != NULL)
    fm_experiments_view_set_map (self->experiments, self->document, self->map, self->canvas);
}

static void
make_metrics (FmWindow *self)
{
  self->metrics_panel = FM_METRICS_PANEL (fm_metrics_panel_new ());
  fm_metrics_panel_set_cache (self->metrics_panel, self->metrics_cache);
  /* A constraint or warning picked in the panel, shown on the map. */
  g_signal_connect_object (self->metrics_panel, "reveal", G_CALLBACK (fm_canvas_select_and_reveal),
                           self->canvas, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->metrics_bin, GTK_WIDGET (self->metrics_panel));
}

static void
make_experiments (FmWindow *self)
{
  self->experiments = g_object_new (FM_TYPE_EXPERIMENTS_VIEW, NULL);
  fm_experiments_view_set_session (self->experiments, self->observed_session);
  adw_bin_set_child (self->experiments_bin, GTK_WIDGET (self->experiments));
  fm_window_side_set_map (self);
}

static void
on_side_page_shown (FmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->side_stack);

  if (self->metrics_panel == NULL && g_strcmp0 (name, "metrics") == 0)
    make_metrics (self);
  else if (self->experiments == NULL && g_strcmp0 (name, "experiments") == 0)
    make_experiments (self);
}

void
fm_window_side_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmWindow, metrics_bin);
  gtk_widget_class_bind_template_child (widget_class, FmWindow, experiments_bin);
}

/* After fm_window_observed_init(): the experiments' evidence is its data. */
void
fm_window_side_init (FmWindow *self)
{
  g_signal_connect_object (self->side_stack, "notify::visible-child-name",
                           G_CALLBACK (on_side_page_shown), self, G_CONNECT_SWAPPED);
  on_side_page_shown (self);
}
