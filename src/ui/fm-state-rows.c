/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-state-rows.c: a row per state of observed data, with what it becomes
 *
 * The import dialog maps each state to a step or queue of the map, New Map
 * from Event Data gives each a role on the draft: both show a state as
 * the same combo row, its title the state's name, its subtitle how the
 * choice was made and how often items entered it, flagged when the
 * choice loses the state's time.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-state-rows"

#include <glib/gi18n.h>

#include "fm-state-rows.h"

/**
 * fm_state_rows_count_visits:
 *
 * Returns: (transfer full): per state of @log, how many times items entered it
 */
guint *
fm_state_rows_count_visits (FmObservedLog *log)
{
  guint *counts;

  g_return_val_if_fail (log != NULL, NULL);

  counts = g_new0 (guint, MAX (1, fm_observed_log_get_n_states (log)));
  for (guint i = 0; i < fm_observed_log_get_n_items (log); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (log, i);

      for (guint j = 0; j < item->visits->len; j++)
        counts[g_array_index (item->visits, FmObservedVisit, j).state]++;
    }

  return counts;
}

/**
 * fm_state_row_new:
 * @state: the state's name, shown as it is (no markup)
 * @choices: what it can become
 * @selected: the position of its choice in @choices
 * @n_visits: how many times items entered it
 *
 * Returns: (transfer floating): an #AdwComboRow; describe it with
 *   fm_state_row_describe() before connecting to its notify::selected
 */
GtkWidget *
fm_state_row_new (const char *state,
                  GListModel *choices,
                  guint       selected,
                  guint       n_visits)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (choices), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), state);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_add_css_class (flag, "warning");
  gtk_widget_set_visible (flag, FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), flag);
  g_object_set_data_full (G_OBJECT (row), "fm-state", g_strdup (state), g_free);
  g_object_set_data (G_OBJECT (row), "fm-flag", flag);
  g_object_set_data (G_OBJECT (row), "fm-visits", GUINT_TO_POINTER (n_visits));

  return row;
}

/* Returns: (transfer none): the name of the state of a row of fm_state_row_new() */
const char *
fm_state_row_get_state (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "fm-state");
}

/**
 * fm_state_row_describe:
 * @how: how the state's choice was made ("Matched by name")
 * @warning: (nullable): what the choice loses, as the tooltip of the
 *   warning that marks the row ("Not mapped"); %NULL: no warning
 */
void
fm_state_row_describe (GtkWidget  *row,
                       const char *how,
                       const char *warning)
{
  guint n_visits = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fm-visits"));
  GtkWidget *flag = g_object_get_data (G_OBJECT (row), "fm-flag");
  g_autofree char *visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits", n_visits),
                                             n_visits);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (how != NULL);

  /* Translators: under a state: how it is mapped, then how often items entered it */
  subtitle = g_strdup_printf (_("%s · %s"), how, visits);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (flag, warning);
  gtk_widget_set_visible (flag, warning != NULL);
  if (warning != NULL)
    gtk_widget_add_css_class (row, "fm-unmapped");
  else
    gtk_widget_remove_css_class (row, "fm-unmapped");
}
