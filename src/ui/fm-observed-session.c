/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-session.c: the observed data imported into a window: view state, not the document
 *
 * The imported log stays with the window, like its selection and zoom:
 * it is not saved in the map's file (only the times applied from it are,
 * as document changes). Importing again replaces it. The states mapped by
 * hand in the import dialog are kept by name, so that the mapping of any
 * map the window shows is the automatic one with those choices over it.
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
};

G_DEFINE_FINAL_TYPE (FmObservedSession, fm_observed_session, G_TYPE_OBJECT)

enum {
  CHANGED,
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
