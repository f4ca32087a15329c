/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-panel-lists.c: the Observed page's lists: steps and queues, aging work, types
 *
 * Each step and queue states map to, in the order of the flow, with its
 * observed median and 85th percentile beside the time the map assumes
 * (activating one shows it on the map); the items in progress, oldest
 * first, those older than 85 % of the finished items marked; the finished
 * items by type.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-panel"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-observed-panel-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* A long list helps nobody: the rest are counted. */
#define MAX_AGING 10

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static GtkWidget *
new_more_row (guint n_more)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* Translators: under a shortened list, as in "4 more" */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", n_more), n_more);
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "fm-more");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  return row;
}

static GtkWidget *
suffix_label (const char *text,
              const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

static void
on_node_activated (AdwActionRow    *row,
                   FmObservedPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "fm-id");

  if (id != NULL)
    g_signal_emit_by_name (self, "reveal", id);
}

/* The time the map gives a node now: what the observed figures replace. */
static double
map_time (FmDocument *document,
          FmNode     *node)
{
  if (FM_IS_PROCESS_STEP (node))
    return fm_process_step_get_lead_s (FM_PROCESS_STEP (node));
  if (FM_IS_QUEUE (node))
    return fm_queue_get_wait_s (FM_QUEUE (node));

  return FM_UNSET;
}

void
fm_observed_panel_show_nodes (FmObservedPanel *self,
                              FmDocument      *document,
                              FmMap           *map)
{
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  FmTimeUnit unit = document ? fm_document_get_lead_time_unit (document) : FM_TIME_UNIT_DAYS;
  FmObservedSeries *series = self->series;

  remove_rows (self->nodes_list);

  /* In the order of the flow, as the charts have them. */
  for (guint b = 0; b < series->bands->len; b++)
    {
      const FmObservedBand *band = &g_array_index (series->bands, FmObservedBand, b);
      const FmObservedNode *figures = band->node_id ? fm_observed_lookup_node (self->observed, band->node_id) : NULL;
      FmNode *node = band->node_id ? fm_map_lookup_node (map, band->node_id) : NULL;
      g_autofree char *median = NULL;
      g_autofree char *p85 = NULL;
      g_autofree char *assumed = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *on_map = NULL;
      double time;
      GtkWidget *row;

      if (figures == NULL || node == NULL)
        continue;

      /* A stay in a node is a wait or a step's lead time: in the figures' unit. */
      median = fm_duration_format_figure (figures->median_s, FM_DURATION_LEAD, unit, day);
      p85 = fm_duration_format_figure (figures->p85_s, FM_DURATION_LEAD, unit, day);
      /* Translators: a node's observed figures, as in "median 5.0 d · 85 %: 8.5 d · 110 visits" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "median %s · 85 %%: %s · %u visit",
                                               "median %s · 85 %%: %s · %u visits", figures->count),
                                  median, p85, figures->count);
      row = new_row (band->label, subtitle);

      time = map_time (document, node);
      assumed = fm_value_is_set (time) ? fm_duration_format_figure (time, FM_DURATION_LEAD, unit, day) : g_strdup ("–");
      /* Translators: the time a node has on the map, beside the observed one */
      on_map = g_strdup_printf (_("map %s"), assumed);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suffix_label (on_map, fm_node_get_observed (node) != NULL
                                                       ? _("The time on the map, measured")
                                                       : _("The time on the map, assumed")));
      if (fm_node_get_observed (node) != NULL)
        {
          GtkWidget *eye = gtk_image_new_from_icon_name ("view-reveal-symbolic");

          gtk_widget_add_css_class (eye, "fm-observed-icon");
          gtk_widget_set_tooltip_text (eye, fm_node_get_observed (node));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), eye);
        }

      g_object_set_data_full (G_OBJECT (row), "fm-id", g_strdup (band->node_id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show on the map"));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_node_activated), self, 0);
      gtk_list_box_append (self->nodes_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->nodes_list)) == NULL)
    gtk_list_box_append (self->nodes_list, new_row (_("No state is mapped to a step or queue"),
                                                    _("Import again and map the states")));
}

void
fm_observed_panel_show_aging (FmObservedPanel *self,
                              double           day_length_s,
                              FmTimeUnit       lead_unit)
{
  FmObserved *o = self->observed;
  guint n_late = 0;
  g_autofree char *description = NULL;

  remove_rows (self->aging_list);

  for (guint i = 0; i < o->aging->len; i++)
    n_late += g_array_index (o->aging, FmObservedAge, i).over_p85;

  description = n_late > 0
    /* Translators: over the aging work: items in progress, and how many are older than most finished */
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in progress, %u older than 85 %% of the finished items",
                                    "%u in progress, %u older than 85 %% of the finished items", o->in_progress),
                       o->in_progress, n_late)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in progress, oldest first",
                                    "%u in progress, oldest first", o->in_progress), o->in_progress);
  adw_preferences_group_set_description (self->aging_group, description);

  for (guint i = 0; i < MIN (o->aging->len, MAX_AGING); i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
      g_autofree char *duration = fm_duration_format_figure (age->age_s, FM_DURATION_LEAD, lead_unit, day_length_s);
      /* Translators: an item in progress: where it is and its age */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), age->state, duration);
      GtkWidget *row = new_row (age->item, subtitle);

      if (age->over_p85)
        {
          GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (flag, "warning");
          /* xgettext:no-c-format */
          gtk_widget_set_tooltip_text (flag, _("Older than 85 % of the finished items"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), flag);
          gtk_widget_add_css_class (row, "fm-late");
        }
      gtk_list_box_append (self->aging_list, row);
    }

  if (o->aging->len > MAX_AGING)
    gtk_list_box_append (self->aging_list, new_more_row (o->aging->len - MAX_AGING));
  gtk_widget_set_visible (GTK_WIDGET (self->aging_group), o->aging->len > 0);
}

void
fm_observed_panel_show_distribution (FmObservedPanel *self)
{
  FmObserved *o = self->observed;

  remove_rows (self->distribution_list);
  gtk_widget_set_visible (GTK_WIDGET (self->distribution_group), o->distribution->len > 0);

  for (guint i = 0; i < o->distribution->len; i++)
    {
      const FmObservedShare *share = &g_array_index (o->distribution, FmObservedShare, i);
      /* Translators: how many items of a type finished */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finished", "%u finished",
                                                                share->finished), share->finished);
      g_autofree char *percent = fm_figure_format_percent (100 * share->share, "%.1f");
      /* Translators: finished items without a type */
      GtkWidget *row = new_row (share->type ? share->type : _("No type"), subtitle);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (share->share, 0, 1));
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 64, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (percent, NULL));
      gtk_list_box_append (self->distribution_list, row);
    }
}

void
fm_observed_panel_clear_lists (FmObservedPanel *self)
{
  remove_rows (self->nodes_list);
  remove_rows (self->aging_list);
  remove_rows (self->distribution_list);
}
