/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog-states.c: what each state of the data becomes on the draft
 *
 * A row per state, as the import dialog shows them (fm-state-rows.c),
 * with the roles the discovery takes instead of the map's steps: a queue,
 * a process step, an activity (its stays are touch time), the end of the
 * item, or left out (the first MAX_ROWS states in the order of the data:
 * the rest are counted and keep their roles). Each starts with the role the draft gave it (by its
 * name, or as an XES file's start and complete events say); a choice
 * drafts the map again with it.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-discover-dialog"

#include <glib/gi18n.h>

#include "fm-discover-dialog-private.h"
#include "fm-state-rows.h"

/* Past this, the states keep the role their name gives them, unlisted:
 * a row each for thousands of states would stall the window. */
#define MAX_ROWS 200

/* The choices of a row, in this order. */
static const FmDiscoverRole choices[] = {
  FM_DISCOVER_ROLE_QUEUE,
  FM_DISCOVER_ROLE_STEP,
  FM_DISCOVER_ROLE_ACTIVITY,
  FM_DISCOVER_ROLE_DONE,
  FM_DISCOVER_ROLE_OMIT,
};

static GListModel *
choices_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: what a state of the data becomes on the drafted map */
  gtk_string_list_append (list, _("Queue (Waiting)"));
  gtk_string_list_append (list, _("Process Step"));
  gtk_string_list_append (list, _("Activity (Touch Time)"));
  gtk_string_list_append (list, _("Finishes the Item"));
  gtk_string_list_append (list, _("Left Out"));
  G_STATIC_ASSERT (G_N_ELEMENTS (choices) == 5);

  return G_LIST_MODEL (list);
}

static guint
choice_of (FmDiscoverRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i] == role)
      return i;

  g_assert_not_reached ();
}

static FmDiscoverRole
file_role (FmDiscoverDialog *self,
           guint             state)
{
  if (self->file_roles == NULL || state >= self->file_roles->len)
    return FM_DISCOVER_ROLE_AUTO;

  return g_array_index (self->file_roles, FmDiscoverRole, state);
}

static void
describe_row (FmDiscoverDialog *self,
              GtkWidget        *row,
              guint             state)
{
  FmDiscoverRole role = g_array_index (self->roles, FmDiscoverRole, state);
  const char *how;

  if (role != file_role (self, state))
    how = _("Chosen by hand");
  else if (role != FM_DISCOVER_ROLE_AUTO)
    how = _("From the file’s start and complete events");
  else
    how = _("By its name");

  /* Translators: the tooltip of the warning of a state left out of the draft */
  fm_state_row_describe (row, how, choices[adw_combo_row_get_selected (ADW_COMBO_ROW (row))] == FM_DISCOVER_ROLE_OMIT
                                   ? _("Left out: its time counts nowhere") : NULL);
}

static void
on_role_selected (AdwComboRow      *row,
                  GParamSpec       *pspec,
                  FmDiscoverDialog *self)
{
  int state = fm_observed_log_lookup_state (self->log, fm_state_row_get_state (GTK_WIDGET (row)));
  guint selected = adw_combo_row_get_selected (row);

  if (state < 0 || selected >= G_N_ELEMENTS (choices))
    return;

  g_array_index (self->roles, FmDiscoverRole, state) = choices[selected];
  describe_row (self, GTK_WIDGET (row), state);
  fm_discover_dialog_redraft (self);
}

/* A row per state of the data, with the role the first draft gave it. */
void
fm_discover_dialog_show_states (FmDiscoverDialog *self)
{
  g_autoptr(GListModel) model = choices_model ();
  g_autofree guint *visits = NULL;
  g_autofree char *description = NULL;
  guint n_states;

  for (guint i = 0; i < self->state_rows->len; i++)
    adw_preferences_group_remove (self->states_group, self->state_rows->pdata[i]);
  g_ptr_array_set_size (self->state_rows, 0);
  if (self->log == NULL || self->discovery == NULL)
    return;

  n_states = fm_observed_log_get_n_states (self->log);
  if (n_states > MAX_ROWS)
    /* Translators: under "States" when only the first are listed */
    description = g_strdup_printf (_("What each state of the data becomes on the draft; the first %u of %u "
                                     "are listed, the others keep the role their names give them"),
                                   MAX_ROWS, n_states);
  adw_preferences_group_set_description (self->states_group, description != NULL ? description
                                         : _("What each state of the data becomes on the draft"));

  visits = fm_state_rows_count_visits (self->log);
  for (guint i = 0; i < MIN (n_states, MAX_ROWS); i++)
    {
      const char *state = fm_observed_log_get_state_name (self->log, i);
      guint selected = choice_of (fm_discovery_get_role (self->discovery, i));
      GtkWidget *row = fm_state_row_new (state, model, selected, visits[i]);

      describe_row (self, row, i);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_role_selected), self);
      adw_preferences_group_add (self->states_group, row);
      g_ptr_array_add (self->state_rows, row);
    }
}
