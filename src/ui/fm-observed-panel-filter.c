/* fm-observed-panel-filter.c: the Observed page's as-of date and type filter
 *
 * Beside the period: the day the data is looked at as of (by default the
 * end of the data, just after its last event, never today: the same file
 * gives the same figures on any day), picked in a calendar; and the work
 * item types counted (features and defects flow differently); and, when
 * the document has a working calendar, whether durations are counted in
 * its working time. All three are
 * the window's FmObservedSession's, so that every view of the data (the
 * figures, the charts, the experiments' evidence) follows them.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-panel"

#include <glib/gi18n.h>

#include "fm-observed-panel-private.h"

/* "20 November 2026", in the user's language. */
static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid (date))
    return g_strdup ("–");
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);

  /* Translators: the as-of date of observed data, see the strftime() manual; as in "20 November 2026" */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static void
show_types (FmObservedPanel *self,
            FmObservedLog   *log)
{
  g_auto(GStrv) types = fm_observed_log_dup_types (log);
  const char * const *chosen = fm_observed_session_get_types (self->session);
  guint selected = 0;

  if (self->types_listed == NULL || !g_strv_equal ((const char * const *) self->types_listed,
                                                   (const char * const *) types))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->type_names));

      gtk_string_list_splice (self->type_names, 0, n, NULL);
      /* Translators: the type filter of observed data: no filter */
      gtk_string_list_append (self->type_names, _("All Types"));
      for (guint i = 0; types[i] != NULL; i++)
        gtk_string_list_append (self->type_names, types[i]);
      g_strfreev (self->types_listed);
      self->types_listed = g_steal_pointer (&types);
    }

  /* One type at a time here; `flowmap observe --type` takes several. */
  for (guint i = 0; chosen != NULL && self->types_listed[i] != NULL; i++)
    if (g_str_equal (self->types_listed[i], chosen[0]))
      selected = i + 1;
  adw_combo_row_set_selected (self->type_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), self->types_listed[0] != NULL);
}

/* Shows the as-of and the types of the figures on screen. */
void
fm_observed_panel_show_filter (FmObservedPanel *self)
{
  FmObservedLog *log = self->session ? fm_observed_session_get_log (self->session) : NULL;
  gboolean chosen;
  g_autofree char *date = NULL;

  if (self->observed == NULL || log == NULL)
    return;

  self->updating_filter = TRUE;
  chosen = fm_observed_session_get_as_of (self->session) != NULL;
  date = format_date (&self->observed->last_day);
  if (chosen)
    adw_action_row_set_subtitle (self->as_of_row, date);
  else
    {
      /* Translators: the as-of date of observed data when none was picked, as in "20 November 2026, the end of the data" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, the end of the data"), date);

      adw_action_row_set_subtitle (self->as_of_row, subtitle);
    }
  gtk_widget_set_visible (self->as_of_reset, chosen);
  show_types (self, log);
  {
    FmDocument *document = self->cache ? fm_metrics_cache_get_document (self->cache) : NULL;
    const char *hours = document ? fm_document_get_working_hours (document) : NULL;

    gtk_widget_set_visible (GTK_WIDGET (self->working_row), hours != NULL);
    gtk_switch_set_active (self->working_switch, fm_observed_session_get_working_time (self->session));
    if (hours != NULL)
      {
        /* Translators: under "Working Time": the document's working hours, as in "Mon-Fri 09:00-17:00, holidays off" */
        g_autofree char *subtitle = g_strdup_printf (_("%s, holidays off"), hours);

        adw_action_row_set_subtitle (self->working_row, subtitle);
      }
  }
  self->updating_filter = FALSE;
}

static void
on_popover_shown (FmObservedPanel *self)
{
  g_autoptr(GDateTime) day = NULL;
  const GDate *last;

  if (self->observed == NULL)
    return;

  last = &self->observed->last_day;
  day = g_date_time_new_local (g_date_get_year (last), g_date_get_month (last), g_date_get_day (last), 12, 0, 0);
  self->updating_filter = TRUE;
  gtk_calendar_select_day (self->as_of_calendar, day);
  self->updating_filter = FALSE;
}

static void
on_day_selected (FmObservedPanel *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->as_of_calendar);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) end = NULL;
  GTimeZone *tz;
  int y, m, d;

  if (self->updating_filter || self->session == NULL || fm_observed_session_get_log (self->session) == NULL)
    return;

  /* The end of the day picked, where the data's days end: as --as-of DATE. */
  tz = fm_observed_session_get_time_zone (self->session);
  g_date_time_get_ymd (picked, &y, &m, &d);
  midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);
  end = midnight != NULL ? g_date_time_add_days (midnight, 1) : NULL;
  if (end == NULL)
    return;

  gtk_popover_popdown (self->as_of_popover);
  fm_observed_session_set_as_of (self->session, end);
}

static void
on_type_selected (FmObservedPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  const char *types[2] = { NULL, NULL };

  if (self->updating_filter || self->session == NULL || self->types_listed == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected >= 1 &&
      selected - 1 < g_strv_length (self->types_listed))
    types[0] = self->types_listed[selected - 1];
  fm_observed_session_set_types (self->session, types);
}

static void
on_working_time (FmObservedPanel *self)
{
  if (self->updating_filter || self->session == NULL)
    return;

  fm_observed_session_set_working_time (self->session, gtk_switch_get_active (self->working_switch));
}

static void
action_as_of_end (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FmObservedPanel *self = FM_OBSERVED_PANEL (widget);

  if (self->session != NULL)
    fm_observed_session_set_as_of (self->session, NULL);
}

void
fm_observed_panel_filter_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, as_of_reset);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, type_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, type_names);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, working_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedPanel, working_switch);
  gtk_widget_class_install_action (widget_class, "observed.as-of-end", NULL, action_as_of_end);
}

void
fm_observed_panel_filter_init (FmObservedPanel *self)
{
  g_signal_connect_swapped (self->as_of_popover, "show", G_CALLBACK (on_popover_shown), self);
  g_signal_connect_swapped (self->as_of_calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_type_selected), self);
  g_signal_connect_swapped (self->working_switch, "notify::active", G_CALLBACK (on_working_time), self);
}
