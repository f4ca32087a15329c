/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-panel-charts.c: the Observed page's charts, larger views and exports
 *
 * One chart at a time, chosen in a drop-down, drawn by the renderer's
 * chart code (fm-chart.c) into a drawing area: the same drawing as the
 * exported slide, in the small size's type. "View Larger" opens the chart
 * as a slide in a window of its own; "Export Chart…" writes that slide
 * to PNG (at twice the size, for projectors), SVG or PDF
 * (fm-export-chart.c).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-panel"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-chart-export.h"
#include "fm-export-chart.h"
#include "fm-observed-panel-private.h"

#define CARD_RADIUS 12.0

FmChartKind
fm_observed_panel_get_chart (FmObservedPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_dropdown);

  return selected < FM_N_CHARTS ? (FmChartKind) selected : FM_CHART_CFD;
}

/* What the charts draw from; @data points into @self. */
void
fm_observed_panel_chart_data (FmObservedPanel *self,
                              FmChartData     *data,
                              gboolean         for_slide)
{
  FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;

  *data = (FmChartData) { 0 };
  data->observed = self->observed;
  data->series = self->series;
  data->day_length_s = self->working_day_s > 0 ? self->working_day_s
                      : document ? fm_document_get_day_length_s (document) : 0;
  data->lead_unit = document ? fm_document_get_lead_time_unit (document) : FM_TIME_UNIT_DAYS;
  data->title = for_slide;
  data->source = self->session ? fm_observed_session_get_source (self->session) : NULL;
  if (self->markers != NULL)
    {
      data->markers = (const FmChartMarker *) self->markers->data;
      data->n_markers = self->markers->len;
    }
}

static void
rounded_rect (cairo_t *cr,
              double   width,
              double   height,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  FmObservedPanel *self = data;
  FmChartData chart;

  if (self->observed == NULL || self->series == NULL)
    return;

  /* White like the slide, inside the card's rounded corners. */
  rounded_rect (cr, width, height, CARD_RADIUS);
  cairo_clip (cr);
  fm_observed_panel_chart_data (self, &chart, FALSE);
  fm_chart_draw (cr, fm_observed_panel_get_chart (self), &chart, width, height);
}

static void
on_chart_changed (FmObservedPanel *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fm_chart_kind_get_title (fm_observed_panel_get_chart (self)), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

/* The larger view keeps the figures it was opened with. */
typedef struct {
  FmChartKind kind;
  FmObserved *observed;
  FmObservedSeries *series;
  double day_length_s;
  FmTimeUnit lead_unit;
  char *source;
  GArray *markers;     /* FmChartMarker, labels from @labels */
  GPtrArray *labels;
} Slide;

static void
slide_free (Slide *slide)
{
  fm_observed_unref (slide->observed);
  fm_observed_series_unref (slide->series);
  g_free (slide->source);
  g_array_unref (slide->markers);
  g_ptr_array_unref (slide->labels);
  g_free (slide);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Slide *slide = data;
  FmChartData chart = { 0 };
  double scale = MIN (width / FM_CHART_EXPORT_WIDTH, height / FM_CHART_EXPORT_HEIGHT);

  chart.observed = slide->observed;
  chart.series = slide->series;
  chart.day_length_s = slide->day_length_s;
  chart.lead_unit = slide->lead_unit;
  chart.title = TRUE;
  chart.source = slide->source;
  chart.markers = (const FmChartMarker *) slide->markers->data;
  chart.n_markers = slide->markers->len;

  /* The slide's proportions and type, as large as the window allows. */
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.94);
  cairo_paint (cr);
  cairo_translate (cr, (width - FM_CHART_EXPORT_WIDTH * scale) / 2, (height - FM_CHART_EXPORT_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  fm_chart_draw (cr, slide->kind, &chart, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT);
}

static void
action_view_chart (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  Slide *slide;
  GtkWidget *window, *box, *area;
  GtkEventController *shortcuts;
  FmChartData data;

  if (self->observed == NULL)
    return;

  fm_observed_panel_chart_data (self, &data, TRUE);
  slide = g_new0 (Slide, 1);
  slide->kind = fm_observed_panel_get_chart (self);
  slide->observed = fm_observed_ref (self->observed);
  slide->series = fm_observed_series_ref (self->series);
  slide->day_length_s = data.day_length_s;
  slide->lead_unit = data.lead_unit;
  slide->source = g_strdup (data.source);
  /* The map may change while the window is open: its own labels. */
  slide->markers = g_array_new (FALSE, TRUE, sizeof (FmChartMarker));
  slide->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data.n_markers; i++)
    {
      FmChartMarker marker = data.markers[i];

      marker.label = g_strdup (marker.label);
      g_ptr_array_add (slide->labels, (char *) marker.label);
      g_array_append_val (slide->markers, marker);
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), fm_chart_kind_get_title (slide->kind));
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 700);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_slide, slide, (GDestroyNotify) slide_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fm_chart_kind_get_title (slide->kind), -1);
  gtk_box_append (GTK_BOX (box), area);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
write_chart (GtkWidget       *owner,
             const char      *path,
             FmExportFormat   format,
             double           scale,
             gpointer         data,
             GError         **error)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (owner);
  FmChartData chart;

  if (self->observed == NULL)
    return FALSE;

  fm_observed_panel_chart_data (self, &chart, TRUE);
  return fm_export_chart (fm_observed_panel_get_chart (self), &chart, path, format, FM_CHART_EXPORT_WIDTH,
                          FM_CHART_EXPORT_HEIGHT, scale, error);
}

static void
action_export_chart (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (widget);
  const char *source = self->session ? fm_observed_session_get_source (self->session) : NULL;
  g_autofree char *base = g_strdup (source ? source : "observed");
  g_autofree char *suggestion = NULL;
  char *dot;

  if (self->observed == NULL)
    return;

  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  suggestion = g_strdup_printf ("%s-%s.png", base, fm_chart_kind_to_string (fm_observed_panel_get_chart (self)));
  fm_chart_export_ask (widget, suggestion, write_chart, NULL);
}

void
fm_observed_panel_charts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_chart_changed);
  gtk_widget_class_install_action (widget_class, "observed.export-chart", NULL, action_export_chart);
  gtk_widget_class_install_action (widget_class, "observed.view-chart", NULL, action_view_chart);
}

void
fm_observed_panel_charts_init (FmObservedPanel *self)
{
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
}
