/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel-charts.c: the Simulate page's charts, and their export
 *
 * The renderer draws them (fm-chart-simulate.c) from the last run's
 * result, into drawing areas under the figures; a chart the run has
 * nothing for (queues in a Monte Carlo run) is hidden. Export… writes the
 * same chart as a slide, as the Metrics page's cycle time / takt chart.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate-panel"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-chart-export.h"
#include "fm-export-chart.h"
#include "fm-export-name.h"
#include "fm-simulate-panel-private.h"

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  FmSimulatePanel *self = data;
  FmSimChartKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "fm-sim-chart"));

  if (self->result == NULL || self->result_map == NULL || self->document == NULL)
    return;

  fm_sim_chart_draw (cr, kind, self->document, self->result_map, self->result, FALSE, width, height, NULL);
}

/**
 * fm_simulate_panel_charts_update:
 *
 * Shows the charts the last run has data for, drawn anew; none without a
 * run.
 */
void
fm_simulate_panel_charts_update (FmSimulatePanel *self)
{
  gboolean any = FALSE;

  for (guint k = 0; k < FM_N_SIM_CHARTS; k++)
    {
      gboolean shown = self->result != NULL && fm_sim_chart_kind_available (k, self->result);

      gtk_widget_set_visible (self->chart_boxes[k], shown);
      gtk_widget_queue_draw (self->charts[k]);
      any |= shown;
    }
  gtk_widget_set_visible (self->charts_box, any);
}

static gboolean
write_chart (GtkWidget       *owner,
             const char      *path,
             FmExportFormat   format,
             double           scale,
             gpointer         data,
             GError         **error)
{
  FmSimulatePanel *self = FM_SIMULATE_PANEL (owner);

  if (self->result == NULL || self->result_map == NULL)
    return FALSE;

  /* A 16:9 slide, as the other charts. */
  return fm_export_simulation_chart (GPOINTER_TO_UINT (data), self->document, self->result_map, self->result,
                                     path, format, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT, scale, error);
}

static void
action_export_chart (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FmSimulatePanel *self = FM_SIMULATE_PANEL (widget);
  const char *kind_name = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  g_autofree char *suggestion = NULL;
  guint kind;

  if (self->result == NULL || self->result_map == NULL || self->document == NULL)
    return;
  for (kind = 0; kind < FM_N_SIM_CHARTS; kind++)
    if (g_str_equal (kind_name, fm_sim_chart_kind_to_string (kind)))
      break;
  g_return_if_fail (kind < FM_N_SIM_CHARTS);

  /* "acme-future-state-simulated-histogram.png", beside the map's other exports */
  name = fm_export_suggest_name (fm_document_get_title (self->document), fm_map_get_name (self->result_map));
  suggestion = g_strdup_printf ("%s-simulated-%s.png", name, kind_name);
  fm_chart_export_ask (widget, suggestion, write_chart, GUINT_TO_POINTER (kind));
}

/* A heading with its Export… button, and the chart under it. */
void
fm_simulate_panel_charts_init (FmSimulatePanel *self)
{
  for (guint k = 0; k < FM_N_SIM_CHARTS; k++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *heading = gtk_label_new (fm_sim_chart_kind_get_title (k));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export…"));
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_set_hexpand (heading, TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "simulate.export-chart");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (fm_sim_chart_kind_to_string (k)));
      gtk_widget_set_tooltip_text (button, _("Save the chart as a slide: PNG, SVG or PDF"));
      gtk_box_append (GTK_BOX (header), heading);
      gtk_box_append (GTK_BOX (header), button);

      g_object_set_data (G_OBJECT (area), "fm-sim-chart", GUINT_TO_POINTER (k));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 220);
      gtk_widget_set_hexpand (area, TRUE);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);

      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), area);
      gtk_box_append (GTK_BOX (self->charts_box), box);
      self->charts[k] = area;
      self->chart_boxes[k] = box;
    }
  fm_simulate_panel_charts_update (self);
}

void
fm_simulate_panel_charts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "simulate.export-chart", "s", action_export_chart);
}
