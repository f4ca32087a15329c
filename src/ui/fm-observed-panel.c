/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-panel.c: the figures and charts of the observed data, and putting them on the map
 *
 * The side panel's Observed page. It shows the window's imported data
 * (FmObservedSession) measured against the map on screen: computed again
 * in an idle when the data, the period, the document or the map change
 * (the metrics cache says when), never while drawing. The lists are in
 * fm-observed-panel-lists.c, the charts in fm-observed-panel-charts.c.
 * Applying puts the medians or the 85th percentiles on the map as one
 * undoable step (fm_observed_apply()).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-panel"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-metrics-cache.h"
#include "fm-observed-panel-private.h"

/* The forecast's random numbers, as `flowmap observe` has them. */
#define FORECAST_SEED 1

static const guint period_weeks[] = { 0, 4, 12, 26 };

G_DEFINE_FINAL_TYPE (FmObservedPanel, fm_observed_panel, GTK_TYPE_WIDGET)

enum {
  REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FmDocument *
current_document (FmObservedPanel *self)
{
  return self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
}

static FmMap *
current_map (FmObservedPanel *self)
{
  return self->cache ? fm_metrics_cache_get_map (self->cache) : NULL;
}

static double
day_length (FmObservedPanel *self)
{
  FmDocument *document = current_document (self);

  /* In working time, a day is a working day. */
  if (self->working_day_s > 0)
    return self->working_day_s;

  return document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
}

static void
set_label (GtkLabel *label,
           char     *text)
{
  gtk_label_set_text (label, text);
  g_free (text);
}

/* Lead times as the map's figures read them: "23.6 d". */
static char *
format_duration (FmObservedPanel *self,
                 double           seconds)
{
  FmDocument *document = current_document (self);

  return fm_duration_format_figure (seconds, FM_DURATION_LEAD,
                                    document ? fm_document_get_lead_time_unit (document) : FM_TIME_UNIT_DAYS,
                                    day_length (self));
}

/* "12 March", with the year when it is not the year of @today. */
static char *
format_day (const GDate *date,
            const GDate *today)
{
  char month[64];

  if (!g_date_valid (date) || g_date_strftime (month, sizeof month, "%B", date) == 0)
    return g_strdup ("–");
  if (g_date_valid (today) && g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day of a forecast, as in "12 March" */
    return g_strdup_printf (C_("forecast date", "%u %s"), g_date_get_day (date), month);

  /* Translators: a day of a forecast in another year, as in "12 March 2027" */
  return g_strdup_printf (C_("forecast date", "%u %s %u"), g_date_get_day (date), month, g_date_get_year (date));
}

static void
update_forecast (FmObservedPanel *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (self->forecast_spin);
  FmObservedForecast forecast;

  if (self->observed == NULL ||
      !fm_observed_forecast (self->observed, n, FM_OBSERVED_FORECAST_RUNS, FORECAST_SEED, &forecast))
    {
      gtk_label_set_text (self->forecast_label, _("No forecast"));
      gtk_label_set_text (self->forecast_detail,
                          _("It needs a whole week of the period in which items finished"));
      return;
    }
  /* The runs stop at a hundred years, as `flowmap observe` says. */
  if (!isfinite (forecast.days[1]))
    {
      gtk_label_set_text (self->forecast_label, _("More than 100 years away"));
      gtk_label_set_text (self->forecast_detail, _("At the observed throughput"));
      return;
    }

  {
    g_autofree char *p50 = format_day (&forecast.dates[0], &self->observed->last_day);
    g_autofree char *p85 = format_day (&forecast.dates[1], &self->observed->last_day);
    g_autofree char *p95 = format_day (&forecast.dates[2], &self->observed->last_day);

    /* Translators: a forecast, as in "50 items: 85 % likely by 12 March" */
    set_label (self->forecast_label, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item: 85 %% likely by %s",
                                                                   "%u items: 85 %% likely by %s", n),
                                                      n, p85));
    g_autofree char *detail = NULL;

    /* Translators: the other odds of a forecast */
    detail = g_strdup_printf (_("50 %% likely by %s, 95 %% by %s"), p50, p95);
    if (forecast.weeks < FM_OBSERVED_FORECAST_MIN_WEEKS)
      {
        /* A few weeks drawn again and again look steadier than the work is. */
        g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Uncertain: only %u week of data, fewer than %u",
                                                                 "Uncertain: only %u weeks of data, fewer than %u",
                                                                 forecast.weeks),
                                                    forecast.weeks, FM_OBSERVED_FORECAST_MIN_WEEKS);

        set_label (self->forecast_detail, g_strconcat (detail, "\n", warning, NULL));
      }
    else
      set_label (self->forecast_detail, g_steal_pointer (&detail));
  }
}

/* The states that are no node, and the rows left out, said once. */
static void
update_mapping_row (FmObservedPanel   *self,
                    FmObservedMapping *mapping)
{
  FmObservedLog *log = fm_observed_session_get_log (self->session);
  g_auto(GStrv) unmapped = fm_observed_mapping_dup_unmapped (mapping);
  guint n_unmapped = g_strv_length (unmapped);
  guint n_errors = fm_observed_log_get_n_errors (log);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *names = g_strjoinv (", ", unmapped);

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_row), n_unmapped > 0 || n_errors > 0);
  if (n_unmapped > 0)
    g_string_append_printf (title, g_dngettext (GETTEXT_PACKAGE, "%u state not mapped",
                                                "%u states not mapped", n_unmapped), n_unmapped);
  if (n_errors > 0)
    {
      if (title->len > 0)
        g_string_append (title, ", ");
      g_string_append_printf (title, g_dngettext (GETTEXT_PACKAGE, "%u row not imported",
                                                  "%u rows not imported", n_errors), n_errors);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mapping_row), title->str);
  adw_action_row_set_subtitle (self->mapping_row, n_unmapped > 0 ? names : _("Import again to see them"));
}

/* The end-to-end percentiles beside the map's lead time, under Apply: the
 * means put on the nodes add up to the map's lead time, which is to be
 * read against what items took from end to end. */
static void
update_apply_description (FmObservedPanel *self)
{
  const FmMetrics *metrics = self->cache ? fm_metrics_cache_get_metrics (self->cache) : NULL;
  g_autofree char *p50 = format_duration (self, self->observed->lead_time_p50_s);
  g_autofree char *p85 = format_duration (self, self->observed->lead_time_p85_s);
  g_autofree char *lead = format_duration (self, metrics && metrics->path->len > 0
                                                 ? metrics->rework_adjusted_lead_time_s : NAN);
  g_autofree char *text = NULL;

  /* Translators: under Apply to the Map: the observed lead times from end
   * to end, then the map's expected lead time, as in "Observed end to end:
   * half within 11 d, 85 % within 2 w. The map: 9 w 1 d" */
  text = g_strdup_printf (_("Puts the observed times on the steps and queues, marked as observed; "
                            "one step to undo. Observed end to end: half within %s, 85 %% within %s. "
                            "The map: %s"), p50, p85, lead);
  adw_preferences_group_set_description (self->apply_group, text);
}

static void
show_figures (FmObservedPanel   *self,
              FmDocument        *document,
              FmMap             *map,
              FmObservedMapping *mapping)
{
  FmObserved *o = self->observed;
  g_autofree char *period = fm_chart_format_period (o);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  const char *source = fm_observed_session_get_source (self->session);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), source ? source : _("Observed Data"));
  {
    /* Translators: the period of the observed data, as in "Observed 18 May – 25 Nov 2026" */
    g_autofree char *subtitle = g_strdup_printf (_("Observed %s"), period);

    adw_action_row_set_subtitle (self->source_row, subtitle);
  }
  update_mapping_row (self, mapping);

  set_label (self->lead_p50, format_duration (self, o->lead_time_p50_s));
  set_label (self->lead_p85, format_duration (self, o->lead_time_p85_s));
  set_label (self->lead_p95, format_duration (self, o->lead_time_p95_s));
  update_apply_description (self);
  if (isfinite (o->throughput_per_week))
    /* Translators: items finished a week, as in "3.9 a week" */
    set_label (self->throughput, g_strdup_printf (_("%s a week"),
                                                  fm_locale_formatd (number, sizeof number, "%.1f",
                                                                   o->throughput_per_week)));
  else
    gtk_label_set_text (self->throughput, "–");

  set_label (self->items, g_strdup_printf ("%u", o->items));
  {
    /* Translators: under "Items": how many finished and how many are in progress */
    g_autofree char *subtitle = g_strdup_printf (_("%u finished, %u in progress"), o->finished, o->in_progress);

    adw_action_row_set_subtitle (self->items_row, subtitle);
  }
  set_label (self->efficiency, fm_figure_format_percent (100 * o->flow_efficiency, "%.1f"));

  fm_observed_panel_show_nodes (self, document, map);
  fm_observed_panel_show_aging (self, day_length (self),
                                current_document (self) ? fm_document_get_lead_time_unit (current_document (self))
                                                        : FM_TIME_UNIT_DAYS);
  fm_observed_panel_show_distribution (self);
  fm_observed_panel_show_filter (self);
  update_forecast (self);
}

/* What the figures depend on in the map: its nodes' ids, kinds, labels
 * (states match them by name) and places (the order of the flow), and
 * what the experiments' evidence is of (their start and their nodes);
 * not the times, which change with every edit and Apply. */
static guint
map_key (FmMap *map)
{
  guint key = g_direct_hash (map);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      const char *label = fm_node_get_label (node);
      FmRect bounds;

      fm_node_get_bounds (node, &bounds);
      key = key * 31 + g_str_hash (fm_node_get_id (node));
      key = key * 31 + fm_node_get_kind (node);
      key = key * 31 + (label ? g_str_hash (label) : 0);
      key = key * 31 + (guint) (gint64) bounds.x;
      if (FM_IS_KAIZEN (node))
        {
          const char * const *targets = fm_kaizen_get_applies_to (FM_KAIZEN (node));
          const char *started = fm_kaizen_get_started (FM_KAIZEN (node));

          key = key * 31 + (started ? g_str_hash (started) : 0);
          for (guint j = 0; targets != NULL && targets[j] != NULL; j++)
            key = key * 31 + g_str_hash (targets[j]);
        }
    }

  return key;
}

/* Measures the data against the map on screen, over the period chosen;
 * when neither they nor what counts of the map changed, only shows the
 * map's times again. */
static void
update (FmObservedPanel *self)
{
  FmDocument *document = current_document (self);
  FmMap *map = current_map (self);
  FmObservedLog *log = self->session ? fm_observed_session_get_log (self->session) : NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(GDateTime) from = NULL;
  guint weeks = period_weeks[MIN (adw_combo_row_get_selected (self->period_row), G_N_ELEMENTS (period_weeks) - 1)];
  g_autoptr(FmCalendar) calendar = NULL;
  g_autofree char *calendar_text = NULL;
  guint key = 0;
  FmObservedOptions options;

  g_clear_handle_id (&self->update_id, g_source_remove);

  /* The calendar is the document's: a change of it is a change of the
   * figures, as one of the map. */
  if (self->session != NULL && document != NULL)
    calendar = fm_observed_session_dup_calendar (self->session, document);
  calendar_text = calendar != NULL ? g_strconcat (fm_document_get_working_hours (document), "|",
                                                  fm_document_get_holidays (document), "|",
                                                  fm_document_get_calendar_time_zone (document), NULL)
                                   : NULL;
  if (map != NULL)
    key = map_key (map) ^ (calendar_text != NULL ? g_str_hash (calendar_text) : 0);

  if (!self->stale && self->observed != NULL && log != NULL && map != NULL && key == self->key)
    {
      fm_observed_panel_show_nodes (self, document, map);
      fm_observed_panel_show_filter (self);
      /* The map's lead time changed, the observed figures did not. */
      update_apply_description (self);
      return;
    }

  g_clear_pointer (&self->observed, fm_observed_unref);
  g_clear_pointer (&self->series, fm_observed_series_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  self->stale = FALSE;
  self->key = key;
  self->working_day_s = calendar != NULL ? fm_calendar_day_length_s (calendar) : 0;

  if (log == NULL || map == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      fm_observed_panel_clear_lists (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.apply", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.export-chart", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.view-chart", FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
      return;
    }

  mapping = fm_observed_session_dup_mapping (self->session, map);
  fm_observed_options_init (&options);
  fm_observed_session_fill_options (self->session, &options);
  options.calendar = calendar;
  self->observed = fm_observed_compute (log, mapping, map, &options);

  /* The last weeks up to the end of the data: from the midnight that
   * starts the first of their days. */
  if (weeks > 0)
    {
      GDate first = self->observed->last_day;

      g_date_subtract_days (&first, 7 * weeks - 1);
      from = g_date_time_new (self->observed->time_zone, g_date_get_year (&first), g_date_get_month (&first),
                              g_date_get_day (&first), 0, 0, 0);
      if (from != NULL)
        {
          options.from = from;
          g_clear_pointer (&self->observed, fm_observed_unref);
          self->observed = fm_observed_compute (log, mapping, map, &options);
        }
    }
  self->series = fm_observed_series_compute (log, mapping, map, self->observed, &options);
  self->evidence = fm_evidence_compute (log, mapping, map, self->observed, &options);
  self->markers = fm_chart_evidence_markers (self->evidence, map);

  gtk_stack_set_visible_child_name (self->stack, "figures");
  show_figures (self, document, map, mapping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.apply", self->observed->nodes->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.export-chart", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.view-chart", TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static gboolean
on_update_idle (gpointer data)
{
  FmObservedPanel *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (FmObservedPanel *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_update_idle, self, NULL);
}

/* The data or the period changed: compute again, whatever the map. */
static void
queue_recompute (FmObservedPanel *self)
{
  self->stale = TRUE;
  queue_update (self);
}

static void
toast (FmObservedPanel *self,
       AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
action_apply (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (widget);
  FmDocument *document = current_document (self);
  FmMap *map = current_map (self);
  /* In the order of the list: the mean first, as it adds up along the path. */
  static const FmObservedStatistic statistics[] = { FM_OBSERVED_MEAN, FM_OBSERVED_MEDIAN, FM_OBSERVED_P85 };
  guint selected = adw_combo_row_get_selected (self->statistic_row);
  FmObservedStatistic statistic = statistics[MIN (selected, G_N_ELEMENTS (statistics) - 1)];
  g_autofree char *title = NULL;
  g_autofree char *too_long = NULL;
  AdwToast *note;
  guint n;

  /* The figures must be of the map as it is now. */
  if (self->update_id != 0)
    update (self);
  if (self->observed == NULL || document == NULL || map == NULL)
    return;

  /* A figure the map could not save is said rather than put on it. */
  too_long = fm_observed_check_apply (self->observed, document, map, statistic);
  if (too_long != NULL)
    {
      g_autofree char *markup = NULL;

      too_long[0] = g_ascii_toupper (too_long[0]);
      /* A toast's title is markup; the sentence quotes a label. */
      markup = g_markup_escape_text (too_long, -1);
      toast (self, adw_toast_new (markup));
      return;
    }
  n = fm_observed_apply (self->observed, document, map, statistic);
  title = n > 0
    /* Translators: after applying observed data */
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Observed time put on %u step or queue",
                                    "Observed times put on %u steps and queues", n), n)
    : g_strdup (_("No step or queue has observed visits"));
  note = adw_toast_new (title);
  if (n > 0)
    {
      adw_toast_set_button_label (note, _("_Undo"));
      adw_toast_set_action_name (note, "win.undo");
    }
  toast (self, note);
}

static void
fm_observed_panel_dispose (GObject *object)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  fm_observed_panel_set_cache (self, NULL);
  fm_observed_panel_set_session (self, NULL);
  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_OBSERVED_PANEL);
  g_clear_pointer (&self->observed, fm_observed_unref);
  g_clear_pointer (&self->series, fm_observed_series_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->types_listed, g_strfreev);

  G_OBJECT_CLASS (fm_observed_panel_parent_class)->dispose (object);
}

static void
fm_observed_panel_finalize (GObject *object)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->cache_signals);

  G_OBJECT_CLASS (fm_observed_panel_parent_class)->finalize (object);
}

static void
fm_observed_panel_class_init (FmObservedPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_observed_panel_dispose;
  object_class->finalize = fm_observed_panel_finalize;

  /**
   * FmObservedPanel::reveal:
   * @id: the node
   *
   * The figures of a node were activated.
   */
  signals[REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-observed-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, source_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, period_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, lead_p50);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, lead_p85);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, lead_p95);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, throughput);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, items_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, items);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, efficiency);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, chart_area);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, forecast_spin);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, forecast_label);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, forecast_detail);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, statistic_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, apply_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, nodes_list);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, aging_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, aging_list);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, distribution_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, distribution_list);

  gtk_widget_class_bind_template_callback (widget_class, queue_recompute);
  gtk_widget_class_bind_template_callback (widget_class, update_forecast);

  gtk_widget_class_install_action (widget_class, "observed.apply", NULL, action_apply);
  fm_observed_panel_charts_class_init (widget_class);
  fm_observed_panel_filter_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmobservedpanel");
}

static void
fm_observed_panel_init (FmObservedPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (FM_TYPE_OBSERVED_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "changed", G_CALLBACK (queue_recompute), self);
  g_signal_group_connect_swapped (self->session_signals, "filter-changed", G_CALLBACK (queue_recompute), self);
  self->cache_signals = g_signal_group_new (FM_TYPE_METRICS_CACHE);
  g_signal_group_connect_swapped (self->cache_signals, "changed", G_CALLBACK (queue_update), self);

  fm_observed_panel_charts_init (self);
  fm_observed_panel_filter_init (self);

  update (self);
}

GtkWidget *
fm_observed_panel_new (void)
{
  return g_object_new (FM_TYPE_OBSERVED_PANEL, NULL);
}

/**
 * fm_observed_panel_set_session:
 * @session: (nullable): the window's imported data
 */
void
fm_observed_panel_set_session (FmObservedPanel   *self,
                               FmObservedSession *session)
{
  g_return_if_fail (FM_IS_OBSERVED_PANEL (self));
  g_return_if_fail (session == NULL || FM_IS_OBSERVED_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  queue_recompute (self);
}

/**
 * fm_observed_panel_set_cache:
 * @cache: (nullable): says which document and map are on screen, and
 *   when they changed
 */
void
fm_observed_panel_set_cache (FmObservedPanel *self,
                             FmMetricsCache  *cache)
{
  g_return_if_fail (FM_IS_OBSERVED_PANEL (self));
  g_return_if_fail (cache == NULL || FM_IS_METRICS_CACHE (cache));

  if (self->cache == cache)
    return;

  g_set_object (&self->cache, cache);
  g_signal_group_set_target (self->cache_signals, cache);
  queue_recompute (self);
}

/* Computes now what is waiting for an idle. */
void
fm_observed_panel_flush (FmObservedPanel *self)
{
  g_return_if_fail (FM_IS_OBSERVED_PANEL (self));

  if (self->update_id != 0)
    update (self);
}

/* Returns: (transfer none) (nullable): the figures shown */
FmObserved *
fm_observed_panel_get_observed (FmObservedPanel *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_PANEL (self), NULL);

  return self->observed;
}

/* Returns: (transfer none) (nullable): the series of the charts */
FmObservedSeries *
fm_observed_panel_get_series (FmObservedPanel *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_PANEL (self), NULL);

  return self->series;
}

/**
 * fm_observed_panel_get_figure:
 * @name: lead-p50, lead-p85, lead-p95, throughput, items, efficiency or forecast
 *
 * Returns: (transfer none) (nullable): the label showing it
 */
GtkWidget *
fm_observed_panel_get_figure (FmObservedPanel *self,
                              const char      *name)
{
  const struct {
    const char *name;
    GtkLabel *label;
  } figures[] = {
    { "lead-p50", self->lead_p50 },
    { "lead-p85", self->lead_p85 },
    { "lead-p95", self->lead_p95 },
    { "throughput", self->throughput },
    { "items", self->items },
    { "efficiency", self->efficiency },
    { "forecast", self->forecast_label },
  };

  g_return_val_if_fail (FM_IS_OBSERVED_PANEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (g_str_equal (figures[i].name, name))
      return GTK_WIDGET (figures[i].label);

  return NULL;
}
