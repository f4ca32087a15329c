/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-metrics-panel.c: the figures, constraints and warnings of the map on screen
 *
 * Shows what the window's FmMetricsCache computed, the same figures the
 * canvas marks its constraints with, and shows them again each time the
 * cache says they changed. Activating a constraint or a warning about a
 * node emits ::reveal with its id; the window selects it on the canvas.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics-panel"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-balance.h"
#include "fm-chart-balance.h"
#include "fm-chart-export.h"
#include "fm-export-chart.h"
#include "fm-export-name.h"
#include "fm-figures.h"
#include "fm-lane-metrics.h"
#include "fm-metrics-panel.h"
#include "fm-renderer.h"
#include "fm-working-time.h"

/* A long list helps nobody: the rest are counted. */
#define MAX_CONSTRAINTS 10
#define MAX_WARNINGS 20

struct _FmMetricsPanel
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *lead_time;
  GtkLabel *process_time;
  GtkLabel *flow_efficiency;
  GtkLevelBar *efficiency_bar;
  GtkLabel *rolled_pca;
  GtkLabel *rework_lead_time;
  GtkLabel *handoffs;
  GtkLabel *wip;
  GtkLabel *throughput;
  AdwActionRow *littles_law_row;
  GtkImage *littles_law_flag;
  GtkLabel *littles_law;
  GtkLabel *takt_time;
  AdwPreferencesGroup *balance_group;
  GtkDrawingArea *balance_chart;
  AdwPreferencesGroup *lanes_group;
  GtkListBox *lanes_list;
  GtkListBox *constraints_list;
  GtkListBox *warnings_list;

  FmMetricsCache *cache;
  GSignalGroup *cache_signals;  /* follows the cache, whichever it is */
  gboolean stale;               /* changed while hidden: shown anew on map */
};

G_DEFINE_FINAL_TYPE (FmMetricsPanel, fm_metrics_panel, GTK_TYPE_WIDGET)

enum {
  REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* As value stream maps write them: lead times in days (or the document's
 * unit) with a decimal, process times exactly. */
static char *
format_duration (FmDocument     *document,
                 FmDurationKind  kind,
                 double          seconds)
{
  if (!isfinite (seconds))
    return g_strdup ("–");

  return fm_figure_format_duration (document, kind, seconds);
}

static char *
format_number (double      value,
               const char *format)
{
  if (!isfinite (value))
    return g_strdup ("–");

  return fm_format_decimal (format, value);
}

static void
set_label (GtkLabel *label,
           char     *text)
{
  gtk_label_set_text (label, text);
  g_free (text);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
on_row_activated (AdwActionRow   *row,
                  FmMetricsPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "fm-id");

  if (id != NULL)
    g_signal_emit (self, signals[REVEAL], 0, id);
}

/* A row about the map item @id (nullable), which activating reveals. */
static GtkWidget *
new_row (FmMetricsPanel *self,
         const char     *title,
         const char     *subtitle,
         const char     *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (id != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "fm-id", g_strdup (id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show on the map"));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
    }

  return row;
}

static GtkWidget *
new_more_row (guint n_more)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* Translators: under a shortened list, as in "4 more" */
  g_autofree char *text = g_strdup_printf (ngettext ("%u more", "%u more", n_more), n_more);
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "fm-more");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  return row;
}

/* The lanes' figures, as `flowmap metrics` prints them, in the order the
 * path enters them; hidden when no step on the path has a role. */
static void
update_lanes (FmMetricsPanel      *self,
              FmDocument          *document,
              const FmMetrics     *metrics,
              const FmLaneMetrics *lanes)
{
  gboolean any = FALSE;

  remove_rows (self->lanes_list);
  for (guint i = 0; metrics->path->len > 0 && i < lanes->flow_order->len; i++)
    {
      const FmLaneFigures *lane = &g_array_index (lanes->lanes, FmLaneFigures,
                                                  g_array_index (lanes->flow_order, guint, i));
      g_autofree char *process = format_duration (document, FM_DURATION_PROCESS, lane->process_time_s);
      g_autofree char *lead = format_duration (document, FM_DURATION_LEAD, lane->lead_time_s);
      g_autofree char *wait = format_duration (document, FM_DURATION_LEAD, lane->wait_s);
      g_autofree char *share = fm_figure_format_percent (100 * lane->share, "%.1f");
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *label;

      if (lane->first < 0)
        continue;
      any |= *lane->name != '\0';
      /* Translators: a lane's figures on the Metrics page, under its
       * name, as in "wait 5.0 d · lead 7.0 d · process 24 h · 1 step" */
      subtitle = g_strdup_printf (ngettext ("wait %s · lead %s · process %s · %u step",
                                            "wait %s · lead %s · process %s · %u steps",
                                            lane->steps),
                                  wait, lead, process, lane->steps);
      row = new_row (self, *lane->name != '\0' ? lane->name : _("No role"), subtitle, NULL);
      label = gtk_label_new (share);
      gtk_widget_add_css_class (label, "numeric");
      /* Translators: tooltip of a lane's share on the Metrics page */
      gtk_widget_set_tooltip_text (label, _("Share of the lead time"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->lanes_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_group), any);
}

static void
update_constraints (FmMetricsPanel      *self,
                    FmDocument          *document,
                    const FmMetrics     *metrics,
                    const FmLaneMetrics *lanes)
{
  guint n = metrics->constraints->len;
  g_autofree char *lane_reason = fm_lane_metrics_describe_constraint (lanes, fm_document_get_day_length_s (document));

  remove_rows (self->constraints_list);

  for (guint i = 0; i < MIN (n, MAX_CONSTRAINTS); i++)
    {
      FmConstraint *constraint = g_ptr_array_index (metrics->constraints, i);
      const char *title = constraint->label != NULL && *constraint->label ? constraint->label : constraint->id;
      GtkWidget *row = new_row (self, title, fm_constraint_get_reason (constraint), constraint->id);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *badge = gtk_label_new (number);

      /* The same number as the badge on the map, in the same colour. */
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "fm-rank");
      if (i < FM_N_HIGHLIGHTED_CONSTRAINTS)
        gtk_widget_add_css_class (badge, "fm-constraint");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      gtk_list_box_append (self->constraints_list, row);
    }

  /* A lane that holds most of the waiting is a constraint of its own,
   * with no place on the map to mark: unnumbered. */
  if (lane_reason != NULL)
    {
      const FmLaneFigures *lane = &g_array_index (lanes->lanes, FmLaneFigures, lanes->most_waiting);
      /* Translators: a lane in the list of constraints, as in "Lane: QA" */
      g_autofree char *title = g_strdup_printf (_("Lane: %s"), *lane->name != '\0' ? lane->name : _("No role"));
      GtkWidget *row = new_row (self, title, lane_reason, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->constraints_list, row);
    }

  if (n > MAX_CONSTRAINTS)
    gtk_list_box_append (self->constraints_list, new_more_row (n - MAX_CONSTRAINTS));

  if (n == 0 && lane_reason == NULL)
    {
      GtkWidget *row = new_row (self, _("No constraints"), _("Give the queues their wait times and the steps their times"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->constraints_list, row);
    }
}

static void
update_warnings (FmMetricsPanel  *self,
                 const FmMetrics *metrics,
                 FmMap           *map)
{
  guint n = metrics->warnings->len;

  remove_rows (self->warnings_list);

  for (guint i = 0; i < MIN (n, MAX_WARNINGS); i++)
    {
      const FmWarning *warning = g_ptr_array_index (metrics->warnings, i);
      const char *id = warning->id != NULL && fm_map_has_id (map, warning->id) ? warning->id : NULL;
      GtkWidget *row = new_row (self, warning->message, NULL, id);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }

  if (n > MAX_WARNINGS)
    gtk_list_box_append (self->warnings_list, new_more_row (n - MAX_WARNINGS));

  if (n == 0)
    {
      GtkWidget *row = new_row (self, _("No warnings"), _("The map passes every check"), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
}

static const FmWarning *
find_warning (const FmMetrics *metrics,
              const char      *code)
{
  for (guint i = 0; i < metrics->warnings->len; i++)
    {
      const FmWarning *warning = g_ptr_array_index (metrics->warnings, i);

      if (g_str_equal (warning->code, code))
        return warning;
    }

  return NULL;
}

/* Little's law agrees with the map, or does not: say by how much. */
static void
update_littles_law (FmMetricsPanel  *self,
                    const FmMetrics *metrics,
                    FmDocument      *document)
{
  const FmWarning *mismatch = find_warning (metrics, "littles-law");
  /* Against the expected lead time, with rework and over the routes, as
   * the check does (docs/metrics.md). */
  double little = metrics->littles_law_lead_time_s, lead = metrics->rework_adjusted_lead_time_s;
  g_autofree char *subtitle = NULL;

  set_label (self->littles_law, format_duration (document, FM_DURATION_LEAD, little));
  gtk_widget_set_visible (GTK_WIDGET (self->littles_law_flag), mismatch != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->littles_law_flag), mismatch ? mismatch->message : NULL);

  if (metrics->littles_law_skipped != NULL)
    subtitle = g_strdup (metrics->littles_law_skipped);
  else if (isfinite (little) && isfinite (lead) && lead > 0)
    {
      g_autofree char *off = format_number (100 * fabs (little - lead) / lead, "%.0f");

      subtitle = mismatch != NULL
        /* Translators: how far Little's law is from the mapped lead time */
        ? g_strdup_printf (_("%s %% off the mapped lead time"), off)
        : g_strdup_printf (_("Within %s %% of the mapped lead time"), off);
    }
  adw_action_row_set_subtitle (self->littles_law_row, subtitle ? subtitle : "");
}

/* The chart only where a step has a process time to draw. */
static void
update_balance (FmMetricsPanel *self,
                FmMap          *map)
{
  gboolean any = FALSE;

  for (guint i = 0; i < fm_map_get_n_nodes (map) && !any; i++)
    any = !isnan (fm_balance_cycle_time (fm_map_get_node (map, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->balance_group), any);
  gtk_widget_queue_draw (GTK_WIDGET (self->balance_chart));
}

static void
draw_balance (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  FmMetricsPanel *self = data;
  const FmMetrics *metrics = self->cache ? fm_metrics_cache_get_metrics (self->cache) : NULL;
  FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
  FmMap *map = self->cache ? fm_metrics_cache_get_map (self->cache) : NULL;

  if (metrics == NULL || document == NULL || map == NULL)
    return;

  /* The figures were computed by the cache; this only draws them. */
  fm_chart_balance_draw (cr, document, map, metrics->takt_time_s, FALSE, width, height, NULL);
}

static gboolean
write_balance (GtkWidget       *owner,
               const char      *path,
               FmExportFormat   format,
               double           scale,
               gpointer         data,
               GError         **error)
{
  FmMetricsPanel *self = FM_METRICS_PANEL (owner);
  const FmMetrics *metrics = self->cache ? fm_metrics_cache_get_metrics (self->cache) : NULL;
  FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
  FmMap *map = self->cache ? fm_metrics_cache_get_map (self->cache) : NULL;

  if (metrics == NULL || document == NULL || map == NULL)
    return FALSE;

  /* The same slide as `flowmap export --chart balance`. */
  return fm_export_balance_chart (document, map, metrics->takt_time_s, path, format, FM_CHART_EXPORT_WIDTH,
                                  FM_CHART_EXPORT_HEIGHT, scale, error);
}

static void
action_export_balance (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FmMetricsPanel *self = FM_METRICS_PANEL (widget);
  FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
  FmMap *map = self->cache ? fm_metrics_cache_get_map (self->cache) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *suggestion = NULL;

  if (document == NULL || map == NULL)
    return;

  /* "acme-current-state-balance.png", beside the map's other exports */
  name = fm_export_suggest_name (fm_document_get_title (document), fm_map_get_name (map));
  suggestion = g_strdup_printf ("%s-balance.png", name);
  fm_chart_export_ask (widget, suggestion, write_balance, NULL);
}

static void
update (FmMetricsPanel *self)
{
  const FmMetrics *metrics = self->cache ? fm_metrics_cache_get_metrics (self->cache) : NULL;
  FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
  FmMap *map = self->cache ? fm_metrics_cache_get_map (self->cache) : NULL;
  g_autoptr(FmMapLanes) map_lanes = NULL;
  g_autoptr(FmLaneMetrics) lanes = NULL;

  if (metrics == NULL || map == NULL || fm_map_get_n_nodes (map) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      remove_rows (self->constraints_list);
      remove_rows (self->lanes_list);
      remove_rows (self->warnings_list);
      gtk_widget_queue_draw (GTK_WIDGET (self->balance_chart));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "figures");

  set_label (self->lead_time, format_duration (document, FM_DURATION_LEAD,
                                             metrics->path->len > 0 ? metrics->lead_time_s : NAN));
  set_label (self->process_time, format_duration (document, FM_DURATION_PROCESS,
                                                metrics->path->len > 0 ? metrics->process_time_s : NAN));
  set_label (self->flow_efficiency, fm_figure_format_percent (100 * metrics->flow_efficiency, "%.1f"));
  gtk_level_bar_set_value (self->efficiency_bar,
                           isfinite (metrics->flow_efficiency) ? CLAMP (metrics->flow_efficiency, 0, 1) : 0);
  set_label (self->rolled_pca, fm_figure_format_rolled_pca (metrics->rolled_pca, metrics->pca_steps,
                                                           metrics->path_steps));
  set_label (self->rework_lead_time,
             format_duration (document, FM_DURATION_LEAD,
                              metrics->path->len > 0 ? metrics->rework_adjusted_lead_time_s : NAN));
  set_label (self->handoffs, g_strdup_printf ("%u", metrics->handoffs));
  set_label (self->wip, format_number (metrics->wip, "%g"));
  set_label (self->throughput, fm_figure_format_throughput (document, metrics->throughput_per_day));
  update_littles_law (self, metrics, document);
  /* Takt on both clocks: "40 h of work · one every 7 d". */
  set_label (self->takt_time, fm_takt_format (metrics->takt_time_s, metrics->takt_interval_s,
                                              fm_document_get_day_length_s (document)));
  update_balance (self, map);

  map_lanes = fm_map_lanes_new (map);
  lanes = fm_lane_metrics_compute (map, map_lanes, metrics);
  update_lanes (self, document, metrics, lanes);
  update_constraints (self, document, metrics, lanes);
  update_warnings (self, metrics, map);
}

/* Hidden behind another page, as it is when a window opens, the panel
 * waits until it is shown: building its rows for a 1,000-step map costs
 * the first frame about 60 M instructions. */
static void
schedule_update (FmMetricsPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  update (self);
}

/* What the accessors return is up to date, shown or not. */
static void
ensure_updated (FmMetricsPanel *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      update (self);
    }
}

static void
fm_metrics_panel_map (GtkWidget *widget)
{
  FmMetricsPanel *self = FM_METRICS_PANEL (widget);

  GTK_WIDGET_CLASS (fm_metrics_panel_parent_class)->map (widget);
  ensure_updated (self);
}

static void
fm_metrics_panel_dispose (GObject *object)
{
  FmMetricsPanel *self = FM_METRICS_PANEL (object);

  fm_metrics_panel_set_cache (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_METRICS_PANEL);

  G_OBJECT_CLASS (fm_metrics_panel_parent_class)->dispose (object);
}

static void
fm_metrics_panel_finalize (GObject *object)
{
  FmMetricsPanel *self = FM_METRICS_PANEL (object);

  g_clear_object (&self->cache_signals);

  G_OBJECT_CLASS (fm_metrics_panel_parent_class)->finalize (object);
}

static void
fm_metrics_panel_class_init (FmMetricsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_metrics_panel_dispose;
  widget_class->map = fm_metrics_panel_map;
  object_class->finalize = fm_metrics_panel_finalize;

  /**
   * FmMetricsPanel::reveal:
   * @id: the node or edge
   *
   * A constraint or a warning about @id was activated.
   */
  signals[REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-metrics-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, lead_time);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, process_time);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, flow_efficiency);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, efficiency_bar);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, rolled_pca);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, rework_lead_time);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, handoffs);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, wip);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, throughput);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, littles_law_row);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, littles_law_flag);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, littles_law);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, takt_time);
  gtk_widget_class_install_action (widget_class, "metrics.export-balance", NULL, action_export_balance);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, balance_group);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, balance_chart);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, lanes_group);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, lanes_list);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, constraints_list);
  gtk_widget_class_bind_template_child (widget_class, FmMetricsPanel, warnings_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmmetricspanel");
}

static void
fm_metrics_panel_init (FmMetricsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cache_signals = g_signal_group_new (FM_TYPE_METRICS_CACHE);
  g_signal_group_connect_swapped (self->cache_signals, "changed", G_CALLBACK (schedule_update), self);

  /* One colour for the bar: a low efficiency is the usual case, not an error. */
  gtk_level_bar_remove_offset_value (self->efficiency_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->efficiency_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->efficiency_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  gtk_drawing_area_set_draw_func (self->balance_chart, draw_balance, self, NULL);
  update (self);
}

GtkWidget *
fm_metrics_panel_new (void)
{
  return g_object_new (FM_TYPE_METRICS_PANEL, NULL);
}

/**
 * fm_metrics_panel_get_cache:
 *
 * Returns: (transfer none) (nullable): where the figures come from
 */
FmMetricsCache *
fm_metrics_panel_get_cache (FmMetricsPanel *self)
{
  g_return_val_if_fail (FM_IS_METRICS_PANEL (self), NULL);

  return self->cache;
}

/**
 * fm_metrics_panel_set_cache:
 * @cache: (nullable): the figures to show, shown again whenever they change
 */
void
fm_metrics_panel_set_cache (FmMetricsPanel *self,
                            FmMetricsCache *cache)
{
  g_return_if_fail (FM_IS_METRICS_PANEL (self));
  g_return_if_fail (cache == NULL || FM_IS_METRICS_CACHE (cache));

  if (self->cache == cache)
    return;

  g_set_object (&self->cache, cache);
  g_signal_group_set_target (self->cache_signals, cache);

  schedule_update (self);
}

/**
 * fm_metrics_panel_get_figure:
 * @name: lead-time, process-time, flow-efficiency, rolled-pca,
 *   rework-lead-time, handoffs, wip, throughput, littles-law or takt-time
 *
 * Returns: (transfer none) (nullable): the label showing the figure
 */
GtkWidget *
fm_metrics_panel_get_figure (FmMetricsPanel *self,
                             const char     *name)
{
  const struct {
    const char *name;
    GtkLabel *label;
  } figures[] = {
    { "lead-time", self->lead_time },
    { "process-time", self->process_time },
    { "flow-efficiency", self->flow_efficiency },
    { "rolled-pca", self->rolled_pca },
    { "rework-lead-time", self->rework_lead_time },
    { "handoffs", self->handoffs },
    { "wip", self->wip },
    { "throughput", self->throughput },
    { "littles-law", self->littles_law },
    { "takt-time", self->takt_time },
  };

  g_return_val_if_fail (FM_IS_METRICS_PANEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  ensure_updated (self);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (g_str_equal (figures[i].name, name))
      return GTK_WIDGET (figures[i].label);

  return NULL;
}

/**
 * fm_metrics_panel_get_constraint_row:
 *
 * Returns: (transfer none) (nullable): the #AdwActionRow of the constraint
 *   ranked @position + 1
 */
GtkWidget *
fm_metrics_panel_get_constraint_row (FmMetricsPanel *self,
                                     guint           position)
{
  g_return_val_if_fail (FM_IS_METRICS_PANEL (self), NULL);

  ensure_updated (self);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->constraints_list, position));
}

/**
 * fm_metrics_panel_get_warning_row:
 *
 * Returns: (transfer none) (nullable): the #AdwActionRow of a warning
 */
GtkWidget *
fm_metrics_panel_get_warning_row (FmMetricsPanel *self,
                                  guint           position)
{
  g_return_val_if_fail (FM_IS_METRICS_PANEL (self), NULL);

  ensure_updated (self);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->warnings_list, position));
}

/**
 * fm_metrics_panel_get_lane_row:
 *
 * Returns: (transfer none) (nullable): the #AdwActionRow of the lane the
 *   critical path enters @position + 1st
 */
GtkWidget *
fm_metrics_panel_get_lane_row (FmMetricsPanel *self,
                               guint           position)
{
  g_return_val_if_fail (FM_IS_METRICS_PANEL (self), NULL);

  ensure_updated (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->lanes_group)))
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->lanes_list, position));
}
