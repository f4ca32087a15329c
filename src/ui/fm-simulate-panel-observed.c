/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel-observed.c: the Simulate page's observed variability
 *
 * Observed data is the window's (FmObservedSession), not the document's.
 * The variability's Observed choice is offered only while some is
 * imported: without it, its row in the list is insensitive and says why.
 * A run measures the data against the map (and its current state) as the
 * Observed page does, with the session's as-of, types and working time,
 * on the run's thread: a million transitions take half a second. What it
 * reads is taken on the main thread (FmSimulateObserving). See
 * docs/simulation.md.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate-panel"

#include <glib/gi18n.h>

#include "fm-simulate-panel-private.h"

/**
 * fm_simulate_panel_has_observed:
 *
 * Returns: whether observed data is there for the observed variability
 */
gboolean
fm_simulate_panel_has_observed (FmSimulatePanel *self)
{
  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), FALSE);

  return self->session != NULL && fm_observed_session_get_log (self->session) != NULL;
}

/* The rows of the list: the text and, as GTK's own rows have, a check
 * mark at the one selected. */
static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
show_check (GtkDropDown *drop,
            GParamSpec  *pspec,
            GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected (drop) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  FmSimulatePanel *self = data;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  gboolean offered = gtk_list_item_get_position (item) != FM_VARIABILITY_OBSERVED
                     || fm_simulate_panel_has_observed (self);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), gtk_string_object_get_string (string));
  gtk_widget_set_sensitive (box, offered);
  gtk_widget_set_tooltip_text (box, offered ? NULL
                               : _("No observed data: import it with Import Observed Data… (Ctrl+I) "
                                   "to draw the times from its stays"));
  gtk_list_item_set_selectable (item, offered);
  gtk_list_item_set_activatable (item, offered);
  /* Gone with the row should it go unbound, as when the factory changes. */
  g_signal_connect_object (self->variability_drop, "notify::selected", G_CALLBACK (show_check), item, 0);
  show_check (self->variability_drop, NULL, item);
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  FmSimulatePanel *self = data;

  g_signal_handlers_disconnect_by_data (self->variability_drop, item);
}

/* The list's rows are bound anew, with the Observed row's sensitivity;
 * the button shows the choice as GTK does. */
static void
set_factory (FmSimulatePanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), self);
  gtk_drop_down_set_list_factory (self->variability_drop, factory);
}

/**
 * fm_simulate_panel_set_session:
 * @session: (nullable): the window's observed data
 *
 * Gives the page the observed data its observed variability draws from.
 */
void
fm_simulate_panel_set_session (FmSimulatePanel   *self,
                               FmObservedSession *session)
{
  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));
  g_return_if_fail (session == NULL || FM_IS_OBSERVED_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (set_factory), self, G_CONNECT_SWAPPED);
  set_factory (self);
}

/* What measuring the observed data reads, taken from the session on the
 * main thread; a run's thread reads it, nothing writes it. */
struct _FmSimulateObserving {
  FmObservedLog *log;
  FmCalendar *calendar;
  GTimeZone *time_zone;
  GDateTime *as_of;
  char **types;
};

/**
 * fm_simulate_panel_observing_new:
 *
 * Returns: (transfer full) (nullable): the session's data and filters as
 *   they are now, for fm_simulate_observing_measure(); %NULL without data
 */
FmSimulateObserving *
fm_simulate_panel_observing_new (FmSimulatePanel *self)
{
  FmSimulateObserving *observing;
  FmObservedOptions options;

  if (!fm_simulate_panel_has_observed (self))
    return NULL;

  observing = g_new0 (FmSimulateObserving, 1);
  observing->log = fm_observed_log_ref (fm_observed_session_get_log (self->session));
  /* Sealed here, once: the thread then only reads the log. */
  fm_observed_log_seal (observing->log);
  observing->calendar = fm_observed_session_dup_calendar (self->session, self->document);
  fm_observed_options_init (&options);
  fm_observed_session_fill_options (self->session, &options);
  observing->time_zone = options.time_zone != NULL ? g_time_zone_ref (options.time_zone) : NULL;
  observing->as_of = options.to != NULL ? g_date_time_ref (options.to) : NULL;
  observing->types = g_strdupv ((char **) options.types);
  return observing;
}

void
fm_simulate_observing_free (FmSimulateObserving *observing)
{
  g_clear_pointer (&observing->log, fm_observed_log_unref);
  g_clear_pointer (&observing->calendar, fm_calendar_unref);
  g_clear_pointer (&observing->time_zone, g_time_zone_unref);
  g_clear_pointer (&observing->as_of, g_date_time_unref);
  g_strfreev (observing->types);
  g_free (observing);
}

/**
 * fm_simulate_panel_observed_mapping:
 * @map: the copy of the map on screen, or of its current state, to run
 *
 * Returns: (transfer full) (nullable): the session's choices of which
 *   node each state of the data is, for @map; %NULL without data
 */
FmObservedMapping *
fm_simulate_panel_observed_mapping (FmSimulatePanel *self,
                                    FmMap           *map)
{
  if (!fm_simulate_panel_has_observed (self))
    return NULL;
  return fm_observed_session_dup_mapping (self->session, map);
}

/**
 * fm_simulate_observing_measure:
 * @mapping: from fm_simulate_panel_observed_mapping() for @map
 *
 * On any thread: the observed data measured against @map, as the
 * Observed page measures it over all its period.
 *
 * Returns: (transfer full): the figures
 */
FmObserved *
fm_simulate_observing_measure (const FmSimulateObserving *observing,
                               FmObservedMapping         *mapping,
                               FmMap                     *map)
{
  FmObservedOptions options;

  fm_observed_options_init (&options);
  options.time_zone = observing->time_zone;
  options.to = observing->as_of;
  options.types = (const char * const *) observing->types;
  options.calendar = observing->calendar;
  return fm_observed_compute (observing->log, mapping, map, &options);
}

/* The line under the figures: how many nodes the stays gave times to. */
char *
fm_simulate_panel_describe_observed (const FmSimulateResult *result)
{
  return result->mode == FM_SIMULATE_FLOW
         ? g_strdup_printf (_("%u of %u steps"), result->observed_nodes, result->observable_nodes)
         : g_strdup_printf (_("%u of %u steps and queues"), result->observed_nodes, result->observable_nodes);
}

void
fm_simulate_panel_observed_init (FmSimulatePanel *self)
{
  set_factory (self);
}

void
fm_simulate_panel_observed_dispose (FmSimulatePanel *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}
