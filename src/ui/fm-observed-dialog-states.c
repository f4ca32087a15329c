/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-dialog-states.c: the import dialog's states, warnings and rows not imported
 *
 * Each state of the data gets a row with the map's steps and queues to
 * choose from, matched by name at first (fm_observed_mapping_new()); a
 * choice by hand is kept by the state's name when the file is imported
 * again with other columns. A state mapped to nothing is marked: its time
 * counts in the lead time but in no step. The rows the importer left out
 * are listed with their lines.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-dialog"

#include <glib/gi18n.h>

#include "fm-observed-dialog-private.h"
#include "fm-state-rows.h"

/* Past this, the rows not imported are counted, not listed. */
#define MAX_PROBLEMS 100

enum {
  TARGET_NONE,
  TARGET_DONE,
  N_FIXED_TARGETS
};

typedef struct {
  FmNode *node;
  guint position;
} Placed;

/* Left to right on the map is the order of the flow. */
static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;
  FmRect ra, rb;

  fm_node_get_bounds (pa->node, &ra);
  fm_node_get_bounds (pb->node, &rb);
  if (ra.x + ra.width / 2 != rb.x + rb.width / 2)
    return ra.x + ra.width / 2 < rb.x + rb.width / 2 ? -1 : 1;

  return (pa->position > pb->position) - (pa->position < pb->position);
}

/* The steps and queues a state can be, in the order of the flow. */
void
fm_observed_dialog_init_targets (FmObservedDialog *self)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < fm_map_get_n_nodes (self->map); i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);
      FmNodeKind kind = fm_node_get_kind (node);
      Placed p = { node, i };

      if (kind == FM_NODE_KIND_PROCESS || kind == FM_NODE_KIND_QUEUE)
        g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (self->targets, g_strdup (fm_node_get_id (g_array_index (placed, Placed, i).node)));
}

static GListModel *
targets_model (FmObservedDialog *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: a state of the data that is no step or queue of the map */
  gtk_string_list_append (list, _("Not Mapped"));
  /* Translators: entering this state of the data finishes the item */
  gtk_string_list_append (list, _("Finishes the Item"));
  for (guint i = 0; i < self->targets->len; i++)
    {
      FmNode *node = fm_map_lookup_node (self->map, self->targets->pdata[i]);
      const char *label = fm_node_get_label (node);
      const char *name = label != NULL && *label ? label : fm_node_get_id (node);
      g_autofree char *text = fm_node_get_kind (node) == FM_NODE_KIND_QUEUE
        /* Translators: a queue of the map a state can be mapped to */
        ? g_strdup_printf (_("%s (queue)"), name)
        /* Translators: a process step of the map a state can be mapped to */
        : g_strdup_printf (_("%s (step)"), name);

      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

static guint
target_of (FmObservedDialog *self,
           guint             state)
{
  const char *node_id = fm_observed_mapping_get_node_id (self->mapping, state);
  guint position;

  if (fm_observed_mapping_get_done (self->mapping, state))
    return TARGET_DONE;
  if (node_id != NULL && g_ptr_array_find_with_equal_func (self->targets, node_id, g_str_equal, &position))
    return N_FIXED_TARGETS + position;

  return TARGET_NONE;
}

/* Maps @state as target @target says, by hand. */
static void
apply_target (FmObservedDialog *self,
              const char       *state,
              guint             target)
{
  int index;

  if (target >= N_FIXED_TARGETS && target - N_FIXED_TARGETS < self->targets->len)
    {
      fm_observed_mapping_set (self->mapping, self->map, state, self->targets->pdata[target - N_FIXED_TARGETS], NULL);
      return;
    }

  if (!fm_observed_mapping_set (self->mapping, self->map, state, NULL, NULL))
    return;
  index = fm_observed_mapping_lookup_state (self->mapping, state);
  if (index >= 0)
    fm_observed_mapping_set_done (self->mapping, index, target == TARGET_DONE);
}

static void
describe_row (FmObservedDialog *self,
              GtkWidget        *row,
              guint             state)
{
  gboolean done = fm_observed_mapping_get_done (self->mapping, state);
  gboolean unmapped = !done && fm_observed_mapping_get_node_id (self->mapping, state) == NULL;
  const char *how;

  if (fm_observed_mapping_get_explicit (self->mapping, state))
    how = _("Chosen by hand");
  else if (done)
    how = _("Finishes items, by its name");
  else if (!unmapped)
    how = _("Matched by name");
  else
    how = _("Not mapped: its time counts in the lead time but in no step");

  fm_state_row_describe (row, how, unmapped ? _("Not mapped") : NULL);
}

static void
on_state_selected (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   FmObservedDialog *self)
{
  const char *state = fm_state_row_get_state (GTK_WIDGET (row));
  guint target = adw_combo_row_get_selected (row);
  int index;

  if (self->updating || self->mapping == NULL || target == GTK_INVALID_LIST_POSITION)
    return;

  apply_target (self, state, target);
  g_hash_table_insert (self->choices, g_strdup (state), GUINT_TO_POINTER (target + 1));

  index = fm_observed_mapping_lookup_state (self->mapping, state);
  if (index >= 0)
    describe_row (self, GTK_WIDGET (row), index);
}

static void
remove_state_rows (FmObservedDialog *self)
{
  for (guint i = 0; i < self->state_rows->len; i++)
    adw_preferences_group_remove (self->states_group, self->state_rows->pdata[i]);
  g_ptr_array_set_size (self->state_rows, 0);
}

/* A row for each state of the data, with the choices made by hand kept. */
void
fm_observed_dialog_show_states (FmObservedDialog *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autofree guint *visits = NULL;
  g_autofree char *description = NULL;
  const char *map_name;
  GHashTableIter iter;
  gpointer key, value;

  remove_state_rows (self);
  if (self->log == NULL || self->mapping == NULL)
    return;

  g_hash_table_iter_init (&iter, self->choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (fm_observed_mapping_lookup_state (self->mapping, key) >= 0)
      apply_target (self, key, GPOINTER_TO_UINT (value) - 1);

  map_name = fm_map_get_name (self->map) && *fm_map_get_name (self->map) ? fm_map_get_name (self->map)
                                                                         : fm_map_get_id (self->map);
  /* Translators: %s is the name of the map */
  description = g_strdup_printf (_("Each state of the data is a step or queue of “%s”, finishes an item, "
                                   "or is not mapped"), map_name);
  adw_preferences_group_set_description (self->states_group, description);

  model = targets_model (self);
  visits = fm_state_rows_count_visits (self->log);
  self->updating = TRUE;
  for (guint i = 0; i < fm_observed_mapping_get_n_states (self->mapping); i++)
    {
      const char *state = fm_observed_mapping_get_state (self->mapping, i);
      int log_state = fm_observed_log_lookup_state (self->log, state);
      guint n_visits = log_state >= 0 ? visits[log_state] : 0;
      GtkWidget *row = fm_state_row_new (state, model, target_of (self, i), n_visits);

      describe_row (self, row, i);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_state_selected), self);

      adw_preferences_group_add (self->states_group, row);
      g_ptr_array_add (self->state_rows, row);
    }
  self->updating = FALSE;
}

static void
add_row (FmObservedDialog    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      gtk_widget_add_css_class (image, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
    }
  g_object_set_data (G_OBJECT (row), "fm-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, row);
}

/* The warnings about the file, and the rows not imported with their lines. */
void
fm_observed_dialog_show_problems (FmObservedDialog *self)
{
  guint n_errors, n_warnings;

  for (guint i = 0; i < self->group_rows->len; i++)
    adw_preferences_group_remove (g_object_get_data (self->group_rows->pdata[i], "fm-group"),
                                  self->group_rows->pdata[i]);
  g_ptr_array_set_size (self->group_rows, 0);

  n_errors = self->log ? fm_observed_log_get_n_errors (self->log) : 0;
  n_warnings = self->log ? fm_observed_log_get_n_warnings (self->log) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n_warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_errors > 0);

  for (guint i = 0; i < n_warnings; i++)
    add_row (self, self->warnings_group, fm_observed_log_get_warning (self->log, i), NULL,
             "dialog-warning-symbolic");

  if (n_errors > 0)
    {
      /* Translators: the title over the rows of the file that were left out */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Row Not Imported",
                                                             "%u Rows Not Imported", n_errors), n_errors);

      adw_preferences_group_set_title (self->problems_group, title);
    }

  for (guint i = 0; i < MIN (n_errors, MAX_PROBLEMS); i++)
    {
      const FmObservedProblem *problem = fm_observed_log_get_error (self->log, i);
      /* Translators: a line of the file, as in "Line 12" */
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

      add_row (self, self->problems_group, line, problem->message, NULL);
    }

  if (n_errors > MAX_PROBLEMS)
    {
      guint more = n_errors - MAX_PROBLEMS;
      /* Translators: under a shortened list of rows not imported */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more row",
                                                            "And %u more rows", more), more);

      add_row (self, self->problems_group, text, NULL, NULL);
    }
}

/* Nothing imported: no states, no problems to list. */
void
fm_observed_dialog_clear_rows (FmObservedDialog *self)
{
  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->mapping, fm_observed_mapping_unref);
  remove_state_rows (self);
  adw_preferences_group_set_description (self->states_group, NULL);
  fm_observed_dialog_show_problems (self);
}
