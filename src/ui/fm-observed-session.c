/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-session.c: the observed data imported into a window: view state, not the document
 *
 * The imported log stays with the window, like its selection and zoom:
 * it is not saved in the map's file (only the times applied from it are,
 * as document changes). Importing again replaces it. The states mapped by
 * hand in the import dialog are kept by name, so that the mapping of any
 * map the window shows is the automatic one with those choices over it.
 * The as-of date and the types looked at are chosen on the Observed page
 * and apply to every view of the data (the page, its charts, the
 * experiments' evidence); new data starts again with all of it, as of
 * its end.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-session"

#include "fm-observed-session.h"

typedef struct {
  char *state;
  char *node_id;   /* nullable: mapped to nothing */
  gboolean done;
} Choice;

struct _FmObservedSession
{
  GObject parent_instance;

  FmObservedLog *log;
  GTimeZone *time_zone;
  char *source;
  GArray *choices;   /* Choice: the states mapped by hand */
  GDateTime *as_of;  /* nullable: just after the data's last event */
  GStrv types;       /* nullable: all types */
  gboolean working_time;  /* durations by the document's working calendar */
};

G_DEFINE_FINAL_TYPE (FmObservedSession, fm_observed_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  FILTER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->state);
  g_free (choice->node_id);
}

static void
fm_observed_session_finalize (GObject *object)
{
  FmObservedSession *self = FM_OBSERVED_SESSION (object);

  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->types, g_strfreev);

  G_OBJECT_CLASS (fm_observed_session_parent_class)->finalize (object);
}

static void
fm_observed_session_class_init (FmObservedSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fm_observed_session_finalize;

  /**
   * FmObservedSession::changed:
   *
   * Data was imported, replaced or cleared.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FmObservedSession::filter-changed:
   *
   * The as-of date or the types looked at changed.
   */
  signals[FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fm_observed_session_init (FmObservedSession *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, choice_clear);
}

FmObservedSession *
fm_observed_session_new (void)
{
  return g_object_new (FM_TYPE_OBSERVED_SESSION, NULL);
}

/**
 * fm_observed_session_set:
 * @log: the imported data
 * @mapping: its mapping as the dialog left it: the states mapped by hand
 *   are kept
 * @time_zone: (nullable): the time zone it was read in; %NULL: local
 * @source: (nullable): where it comes from, such as the file's name
 *
 * Replaces the data, and emits ::changed.
 */
void
fm_observed_session_set (FmObservedSession *self,
                         FmObservedLog     *log,
                         FmObservedMapping *mapping,
                         GTimeZone         *time_zone,
                         const char        *source)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));
  g_return_if_fail (log != NULL);
  g_return_if_fail (mapping != NULL);

  fm_observed_log_ref (log);
  g_clear_pointer (&self->log, fm_observed_log_unref);
  self->log = log;
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  g_free (self->source);
  self->source = g_strdup (source);

  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->types, g_strfreev);
  g_array_set_size (self->choices, 0);
  for (guint i = 0; i < fm_observed_mapping_get_n_states (mapping); i++)
    {
      Choice choice;

      if (!fm_observed_mapping_get_explicit (mapping, i))
        continue;
      choice.state = g_strdup (fm_observed_mapping_get_state (mapping, i));
      choice.node_id = g_strdup (fm_observed_mapping_get_node_id (mapping, i));
      choice.done = fm_observed_mapping_get_done (mapping, i);
      g_array_append_val (self->choices, choice);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
fm_observed_session_clear (FmObservedSession *self)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));

  if (self->log == NULL)
    return;

  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->types, g_strfreev);
  g_array_set_size (self->choices, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the data, or %NULL before an import */
FmObservedLog *
fm_observed_session_get_log (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);

  return self->log;
}

/* Returns: (transfer none) (nullable): where the data's days begin */
GTimeZone *
fm_observed_session_get_time_zone (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);

  return self->time_zone;
}

/* Returns: (nullable): the name of the file the data came from */
const char *
fm_observed_session_get_source (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);

  return self->source;
}

/**
 * fm_observed_session_dup_mapping:
 *
 * The states of the data matched to the nodes of @map by name, with the
 * choices made by hand over the match where @map has their nodes.
 *
 * Returns: (transfer full) (nullable): the mapping, %NULL before an import
 */
FmObservedMapping *
fm_observed_session_dup_mapping (FmObservedSession *self,
                                 FmMap             *map)
{
  FmObservedMapping *mapping;

  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  if (self->log == NULL)
    return NULL;

  mapping = fm_observed_mapping_new (self->log, map);
  for (guint i = 0; i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);
      int state;

      /* A node this map does not have: the match by name stands. */
      if (!fm_observed_mapping_set (mapping, map, choice->state, choice->node_id, NULL))
        continue;
      state = fm_observed_mapping_lookup_state (mapping, choice->state);
      if (state >= 0)
        fm_observed_mapping_set_done (mapping, state, choice->done);
    }

  return mapping;
}

/**
 * fm_observed_session_set_as_of:
 * @as_of: (nullable): look at the data as it was then; %NULL: just after
 *   its last event
 *
 * Emits ::filter-changed when it changes.
 */
void
fm_observed_session_set_as_of (FmObservedSession *self,
                               GDateTime         *as_of)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));

  if (self->as_of == as_of ||
      (self->as_of != NULL && as_of != NULL && g_date_time_equal (self->as_of, as_of)))
    return;

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the as-of chosen; %NULL: the data's end */
GDateTime *
fm_observed_session_get_as_of (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);

  return self->as_of;
}

/**
 * fm_observed_session_set_types:
 * @types: (nullable) (array zero-terminated=1): the work item types to
 *   look at; %NULL or empty: all
 *
 * Emits ::filter-changed when they change.
 */
void
fm_observed_session_set_types (FmObservedSession  *self,
                               const char * const *types)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));

  if (types != NULL && types[0] == NULL)
    types = NULL;
  if ((self->types == NULL && types == NULL) ||
      (self->types != NULL && types != NULL && g_strv_equal ((const char * const *) self->types, types)))
    return;

  g_clear_pointer (&self->types, g_strfreev);
  self->types = g_strdupv ((char **) types);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the types looked at; %NULL: all */
const char * const *
fm_observed_session_get_types (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);

  return (const char * const *) self->types;
}

/**
 * fm_observed_session_fill_options:
 * @options: initialised with fm_observed_options_init()
 *
 * Sets the time zone, the as-of and the types of @options to the
 * session's; they stay the session's, valid until it changes.
 */
void
fm_observed_session_fill_options (FmObservedSession *self,
                                  FmObservedOptions *options)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));
  g_return_if_fail (options != NULL);

  options->time_zone = self->time_zone;
  options->to = self->as_of;
  options->types = (const char * const *) self->types;
}

/**
 * fm_observed_session_set_working_time:
 * @working_time: count durations in the working time of the document's
 *   calendar (fm_observed_session_dup_calendar())
 *
 * Emits ::filter-changed when it changes.
 */
void
fm_observed_session_set_working_time (FmObservedSession *self,
                                      gboolean           working_time)
{
  g_return_if_fail (FM_IS_OBSERVED_SESSION (self));

  if (self->working_time == !!working_time)
    return;

  self->working_time = !!working_time;
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

gboolean
fm_observed_session_get_working_time (FmObservedSession *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), FALSE);

  return self->working_time;
}

/**
 * fm_observed_session_dup_calendar:
 * @document: whose working calendar to take
 *
 * Returns: (transfer full) (nullable): the calendar durations are counted
 *   in: %NULL unless working time is on and @document has a calendar; its
 *   hours are in its time zone, or else in the data's
 */
FmCalendar *
fm_observed_session_dup_calendar (FmObservedSession *self,
                                  FmDocument        *document)
{
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (self), NULL);
  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);

  if (!self->working_time || document == NULL || fm_document_get_working_hours (document) == NULL)
    return NULL;

  return fm_calendar_new_from_fields (fm_document_get_working_hours (document), fm_document_get_holidays (document),
                                      fm_document_get_calendar_time_zone (document), self->time_zone, NULL);
}
