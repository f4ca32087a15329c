/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel-whatif.c: what-if on the Simulate page: demand and people tried without editing the map
 *
 * The values typed here override the document's demand and the steps'
 * people in the snapshot a run reads (fm_simulate_panel_run() copies the
 * map and the figures into a holder document): the document itself is
 * never touched, so trying "two more testers" leaves nothing to undo.
 * Make Future State from This turns what was tried into a future-state
 * map, with the overrides set on it, as one undo step.
 *
 * A value is an override once the person changed it; the others follow
 * the document as it changes, so that the page never hides an edit made
 * in the inspector.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate-panel"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-document-maps.h"
#include "fm-duration.h"
#include "fm-process-step.h"
#include "fm-simulate-panel-private.h"

#define OVERRIDDEN "fm-overridden"

static gboolean any_override (FmSimulatePanel *self);

/* What the engine reads for a step's people: 1 when unset. */
static double
mapped_people (FmNode *node)
{
  double people = fm_process_step_get_people (FM_PROCESS_STEP (node));

  return fm_value_is_set (people) ? people : 1;
}

static double
mapped_demand (FmDocument *document)
{
  double demand = fm_document_get_demand_per_day (document);

  return fm_value_is_set (demand) ? demand : 0;
}

static gboolean
is_overridden (GtkSpinButton *spin)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), OVERRIDDEN));
}

/* Whether @spin shows another value than @mapped. A spin button shows
 * its digits only, and reads back what it shows when it loses the focus
 * ("0.143" for a demand of 1 ÷ 7): that is the map's value, not a new one. */
static gboolean
differs (GtkSpinButton *spin,
         double         mapped)
{
  double scale = pow (10, gtk_spin_button_get_digits (spin));

  return round (gtk_spin_button_get_value (spin) * scale) != round (mapped * scale);
}

static void
on_people_changed (GtkSpinButton   *spin,
                   FmSimulatePanel *self)
{
  FmNode *node;

  if (self->whatif_updating || self->map == NULL)
    return;
  node = fm_map_lookup_node (self->map, g_object_get_data (G_OBJECT (spin), "fm-step"));
  g_object_set_data (G_OBJECT (spin), OVERRIDDEN,
                     GINT_TO_POINTER (node != NULL && FM_IS_PROCESS_STEP (node) && differs (spin, mapped_people (node))));
  gtk_widget_set_sensitive (self->whatif_reset_button, any_override (self));
}

static void
on_demand_changed (FmSimulatePanel *self)
{
  if (self->whatif_updating || self->document == NULL)
    return;
  self->demand_overridden = differs (self->demand_spin, mapped_demand (self->document));
  gtk_widget_set_sensitive (self->whatif_reset_button, any_override (self));
}

static gboolean
any_override (FmSimulatePanel *self)
{
  GHashTableIter iter;
  gpointer spin;

  if (self->demand_overridden)
    return TRUE;
  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, NULL, &spin))
    if (is_overridden (spin))
      return TRUE;
  return FALSE;
}

/**
 * fm_simulate_panel_whatif_update:
 *
 * Shows a row of people for each process step of the map, with the
 * overrides kept by step id, and the demand unless it is overridden.
 */
void
fm_simulate_panel_whatif_update (FmSimulatePanel *self)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer id, spin;
  GtkWidget *child;
  guint row = 0;

  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, &id, &spin))
    if (is_overridden (spin))
      g_hash_table_insert (kept, g_strdup (id), g_memdup2 ((double[]) { gtk_spin_button_get_value (spin) },
                                                           sizeof (double)));
  g_hash_table_remove_all (self->people);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_grid))) != NULL)
    gtk_grid_remove (self->people_grid, child);

  self->whatif_updating = TRUE;
  if (self->document != NULL && !self->demand_overridden)
    gtk_spin_button_set_value (self->demand_spin, mapped_demand (self->document));

  for (guint i = 0; self->map != NULL && i < fm_map_get_n_nodes (self->map); i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);
      const char *label = fm_node_get_label (node);
      const double *override;
      GtkWidget *title, *people;

      if (!FM_IS_PROCESS_STEP (node))
        continue;

      title = gtk_label_new (label != NULL && *label != '\0' ? label : fm_node_get_id (node));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      /* 0 people: an automated step, as the engine reads it. */
      people = gtk_spin_button_new_with_range (0, 1000, 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (people), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (people), mapped_people (node));
      override = g_hash_table_lookup (kept, fm_node_get_id (node));
      if (override != NULL)
        {
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (people), *override);
          g_object_set_data (G_OBJECT (people), OVERRIDDEN, GINT_TO_POINTER (TRUE));
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (people), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (GTK_LABEL (title)), -1);
      g_object_set_data_full (G_OBJECT (people), "fm-step", g_strdup (fm_node_get_id (node)), g_free);
      g_signal_connect (people, "value-changed", G_CALLBACK (on_people_changed), self);
      gtk_grid_attach (self->people_grid, title, 0, row, 1, 1);
      gtk_grid_attach (self->people_grid, people, 1, row, 1, 1);
      g_hash_table_insert (self->people, g_strdup (fm_node_get_id (node)), people);
      row++;
    }
  self->whatif_updating = FALSE;

  gtk_widget_set_sensitive (self->whatif_reset_button, any_override (self));
  gtk_widget_set_sensitive (self->future_button, self->map != NULL);
}

/**
 * fm_simulate_panel_whatif_apply:
 * @holder: the snapshot's document, whose demand a run reads
 * @map: the snapshot's copy of the map on screen
 *
 * Sets the overrides on the snapshot: never on the document.
 */
void
fm_simulate_panel_whatif_apply (FmSimulatePanel *self,
                                FmDocument      *holder,
                                FmMap           *map)
{
  GHashTableIter iter;
  gpointer id, spin;

  if (self->demand_overridden)
    g_object_set (holder, "demand-per-day", gtk_spin_button_get_value (self->demand_spin), NULL);

  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, &id, &spin))
    {
      FmNode *node = fm_map_lookup_node (map, id);

      if (is_overridden (spin) && node != NULL && FM_IS_PROCESS_STEP (node))
        fm_process_step_set_people (FM_PROCESS_STEP (node), gtk_spin_button_get_value (spin));
    }
}

/**
 * fm_simulate_panel_whatif_describe:
 *
 * Returns: (nullable): the overrides a run would read, in words, as in
 *   "3 people at Testing, a demand of 2.00 a day": steps in map order,
 *   then the demand; %NULL when nothing is overridden
 */
char *
fm_simulate_panel_whatif_describe (FmSimulatePanel *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->map != NULL && i < fm_map_get_n_nodes (self->map); i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);
      GtkSpinButton *spin = g_hash_table_lookup (self->people, fm_node_get_id (node));
      const char *label = fm_node_get_label (node);
      g_autofree char *count = NULL;
      guint people;

      if (spin == NULL || !is_overridden (spin))
        continue;
      people = (guint) gtk_spin_button_get_value (spin);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person at %s", "%u people at %s", people),
                               people, label != NULL && *label ? label : fm_node_get_id (node));
      if (text->len > 0)
        /* Translators: between the what-ifs of a simulation */
        g_string_append (text, _(", "));
      g_string_append (text, count);
    }
  if (self->demand_overridden && self->document != NULL)
    {
      g_autofree char *demand = fm_format_decimal ("%.2f", gtk_spin_button_get_value (self->demand_spin));

      if (text->len > 0)
        g_string_append (text, _(", "));
      /* Translators: a what-if of a simulation, as in "a demand of 2.50 a day" */
      g_string_append_printf (text, _("a demand of %s a day"), demand);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * fm_simulate_panel_get_override:
 * @id: a process step's id, or %NULL for the demand
 *
 * Returns: the value tried for @id, or NAN when the map's is used
 */
double
fm_simulate_panel_get_override (FmSimulatePanel *self,
                                const char      *id)
{
  GtkSpinButton *spin;

  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NAN);

  if (id == NULL)
    return self->demand_overridden ? gtk_spin_button_get_value (self->demand_spin) : NAN;
  spin = g_hash_table_lookup (self->people, id);
  return spin != NULL && is_overridden (spin) ? gtk_spin_button_get_value (spin) : NAN;
}

/**
 * fm_simulate_panel_set_override:
 * @id: a process step's id, or %NULL for the demand
 *
 * Tries @value for @id, as if typed (to the digits shown: a value shown
 * as the map's is the map's).
 */
void
fm_simulate_panel_set_override (FmSimulatePanel *self,
                                const char      *id,
                                double           value)
{
  GtkSpinButton *spin;

  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));

  spin = id == NULL ? self->demand_spin : g_hash_table_lookup (self->people, id);
  g_return_if_fail (spin != NULL);
  gtk_spin_button_set_value (spin, value);
  /* The map's own value is no override, as when typed. */
  if (id == NULL)
    on_demand_changed (self);
  else
    on_people_changed (spin, self);
}

static void
reset_overrides (FmSimulatePanel *self)
{
  GHashTableIter iter;
  gpointer spin;

  self->demand_overridden = FALSE;
  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, NULL, &spin))
    g_object_set_data (G_OBJECT (spin), OVERRIDDEN, NULL);
  fm_simulate_panel_whatif_update (self);
}

/**
 * fm_simulate_panel_make_future_state:
 *
 * Adds a future state of the map on screen with the overrides set on it
 * (and the demand on the document, which is the document's), as one undo
 * step; the overrides are then cleared, as the map now has them.
 *
 * Returns: (transfer none) (nullable): the new map
 */
FmMap *
fm_simulate_panel_make_future_state (FmSimulatePanel *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double demand = self->demand_overridden ? gtk_spin_button_get_value (self->demand_spin) : NAN;
  GHashTableIter iter;
  gpointer id, spin;
  FmMap *future;

  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NULL);

  if (self->document == NULL || self->map == NULL)
    return NULL;

  /* Read first: each change below rebuilds the rows. */
  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, &id, &spin))
    if (is_overridden (spin))
      {
        double value = gtk_spin_button_get_value (spin);

        g_ptr_array_add (ids, g_strdup (id));
        g_array_append_val (values, value);
      }

  fm_document_begin_group (self->document, _("Make Future State from Simulation"));
  future = fm_document_create_future_state (self->document, self->map);
  for (guint i = 0; i < ids->len; i++)
    if (fm_map_lookup_node (future, g_ptr_array_index (ids, i)) != NULL)
      fm_document_set (self->document, future, g_ptr_array_index (ids, i), "people",
                       g_array_index (values, double, i), NULL);
  if (!isnan (demand))
    fm_document_set (self->document, NULL, NULL, "demand-per-day", demand, NULL);
  fm_document_end_group (self->document);

  reset_overrides (self);
  if (future != NULL)
    fm_simulate_panel_emit_future_state_made (self, future);
  return future;
}

static void
on_future_clicked (FmSimulatePanel *self)
{
  fm_simulate_panel_make_future_state (self);
}

void
fm_simulate_panel_whatif_init (FmSimulatePanel *self)
{
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_swapped (self->demand_spin, "value-changed", G_CALLBACK (on_demand_changed), self);
  g_signal_connect_swapped (self->whatif_reset_button, "clicked", G_CALLBACK (reset_overrides), self);
  g_signal_connect_swapped (self->future_button, "clicked", G_CALLBACK (on_future_clicked), self);
  gtk_widget_set_sensitive (self->whatif_reset_button, FALSE);
  gtk_widget_set_sensitive (self->future_button, FALSE);
}

void
fm_simulate_panel_whatif_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, demand_spin);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, people_grid);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, future_button);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, whatif_reset_button);
}
