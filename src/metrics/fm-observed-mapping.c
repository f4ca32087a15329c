/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-mapping.c: which step or queue of a map each tracker state is
 *
 * States are matched to nodes by the words of their names. Both sides are
 * reduced to a set of word stems, without the words that only say the
 * item waits ("Waiting for", "Ready for", "In"), so that "Awaiting Security
 * Review" and "Waiting for security review" meet on {security, review};
 * a few synonyms join what trackers and maps call the same work
 * ("Development" and "Coding"). The score is the Dice coefficient of the two
 * sets. A state whose name means waiting goes to a queue when a queue
 * matches, any other state to a process step when one matches.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-observed-mapping.h"
#include "fm-observed-private.h"

/* Below this score a state is left unmapped: half the words must agree. */
#define MATCH_THRESHOLD 0.5
/* The whole names are the same: better than any share of words. */
#define EXACT_SCORE 2.0

typedef struct {
  char *state;
  char *node_id;
  gboolean done;
  gboolean explicit;
} Entry;

struct _FmObservedMapping
{
  GArray *entries; /* Entry, in the log's order of states */
};

G_DEFINE_QUARK (fm-observed-error-quark, fm_observed_error)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->state);
  g_free (entry->node_id);
}

static void
fm_observed_mapping_finalize (FmObservedMapping *self)
{
  g_array_unref (self->entries);
}

static const char *
stem (char *word)
{
  static const char * const suffixes[] = { "ing", "ment", "ation", "ion", "ate", "ed", "s", "e" };
  static const struct { const char *from; const char *to; } synonyms[] = {
    { "dev", "cod" }, { "develop", "cod" }, { "implement", "cod" }, { "build", "cod" },
    { "programm", "cod" }, { "qa", "test" }, { "verific", "test" }, { "deploy", "releas" },
    { "ship", "releas" }, { "rollout", "releas" }, { "groom", "refin" }, { "sec", "security" },
    { "env", "environ" }, { "specific", "refin" },
  };
  gsize length = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      /* "ss" is not a plural ("access"); short words keep their ending. */
      if (length > n + 2 && g_str_has_suffix (word, suffixes[i]) &&
          !(g_str_equal (suffixes[i], "s") && word[length - 2] == 's'))
        {
          word[length - n] = '\0';
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (word, synonyms[i].from))
      return synonyms[i].to;

  return word;
}

/* The set of stems that say what a state or node is, without what says it
 * waits. Returns: (transfer full): a set of strings */
static GHashTable *
words_of (const char *text)
{
  static const char * const prefixes[] = {
    "waiting for ", "waiting on ", "waiting ", "awaiting ", "wait for ", "wait ",
    "ready for ", "ready to ", "pending ", "queued for ", "selected for ", "in ", NULL
  };
  static const char * const stop_words[] = {
    "the", "a", "an", "for", "of", "to", "on", "in", "and", "by", "with", "at", "progress", NULL
  };
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *normalized = fm_observed_normalize (text);
  g_auto(GStrv) words = NULL;
  const char *rest = normalized;

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (rest, prefixes[i]))
      {
        rest += strlen (prefixes[i]);
        break;
      }

  words = g_strsplit (rest, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || g_strv_contains (stop_words, words[i]))
        continue;
      g_hash_table_add (set, g_strdup (stem (words[i])));
    }

  return set;
}

static double
dice (GHashTable *a,
      GHashTable *b)
{
  GHashTableIter iter;
  gpointer word;
  guint common = 0;
  guint total = g_hash_table_size (a) + g_hash_table_size (b);

  if (total == 0)
    return 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (b, word))
      common++;

  return 2.0 * common / total;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *na = fm_observed_normalize (a);
  g_autofree char *nb = fm_observed_normalize (b);

  return *na != '\0' && g_str_equal (na, nb);
}

static double
score_node (const char *state,
            GHashTable *state_words,
            FmNode     *node)
{
  g_autoptr(GHashTable) label_words = NULL;
  g_autoptr(GHashTable) id_words = NULL;

  if (same_name (state, fm_node_get_label (node)) || same_name (state, fm_node_get_id (node)))
    return EXACT_SCORE;

  label_words = words_of (fm_node_get_label (node));
  id_words = words_of (fm_node_get_id (node));

  return MAX (dice (state_words, label_words), dice (state_words, id_words));
}

/**
 * fm_observed_match_state:
 * @state: a state's name as a tracker writes it
 *
 * The automatic match of one state: see the top of fm-observed-mapping.c.
 *
 * Returns: (nullable) (transfer none): the id of the process step or queue
 *   of @map that @state is, or %NULL when none matches well enough
 */
const char *
fm_observed_match_state (FmMap      *map,
                         const char *state)
{
  g_autoptr(GHashTable) state_words = NULL;
  FmNodeKind preferred;
  FmNode *best_preferred = NULL, *best_any = NULL;
  double score_preferred = MATCH_THRESHOLD, score_any = MATCH_THRESHOLD;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  state_words = words_of (state);
  preferred = fm_observed_state_means_waiting (state) ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS;

  /* Strictly better only: on a tie the node first on the map wins. */
  n = fm_map_get_n_nodes (map);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmNodeKind kind = fm_node_get_kind (node);
      double score;

      if (kind != FM_NODE_KIND_PROCESS && kind != FM_NODE_KIND_QUEUE)
        continue;

      score = score_node (state, state_words, node);
      if (score >= EXACT_SCORE)
        return fm_node_get_id (node);
      if (kind == preferred && (score > score_preferred || (best_preferred == NULL && score == score_preferred)))
        {
          best_preferred = node;
          score_preferred = score;
        }
      if (score > score_any || (best_any == NULL && score == score_any))
        {
          best_any = node;
          score_any = score;
        }
    }

  if (best_preferred != NULL)
    return fm_node_get_id (best_preferred);
  if (best_any != NULL)
    return fm_node_get_id (best_any);

  return NULL;
}

/**
 * fm_observed_mapping_new:
 * @log: the data, whose states are mapped
 * @map: the map they are mapped onto
 *
 * Matches each state of @log to a process step or queue of @map by name.
 * A state the importer found to finish items (Done…) is mapped to nothing
 * and marked done.
 *
 * Returns: (transfer full): the mapping, to change with
 *   fm_observed_mapping_set()
 */
FmObservedMapping *
fm_observed_mapping_new (FmObservedLog *log,
                         FmMap         *map)
{
  FmObservedMapping *self;
  guint n;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_atomic_rc_box_new0 (FmObservedMapping);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  n = fm_observed_log_get_n_states (log);
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { 0 };

      entry.state = g_strdup (fm_observed_log_get_state_name (log, i));
      entry.done = fm_observed_log_get_state_done (log, i);
      if (!entry.done)
        entry.node_id = g_strdup (fm_observed_match_state (map, entry.state));
      g_array_append_val (self->entries, entry);
    }

  return self;
}

FmObservedMapping *
fm_observed_mapping_ref (FmObservedMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
fm_observed_mapping_unref (FmObservedMapping *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) fm_observed_mapping_finalize);
}

static Entry *
entry_at (FmObservedMapping *self,
          guint              state)
{
  return &g_array_index (self->entries, Entry, state);
}

guint
fm_observed_mapping_get_n_states (FmObservedMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/* The states are those of the log, in its order. */
const char *
fm_observed_mapping_get_state (FmObservedMapping *self,
                               guint              state)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (state < self->entries->len, NULL);

  return entry_at (self, state)->state;
}

/* Returns: the index of the state named @name, or -1 */
int
fm_observed_mapping_lookup_state (FmObservedMapping *self,
                                  const char        *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (entry_at (self, i)->state, name))
      return i;

  return -1;
}

/**
 * fm_observed_mapping_get_node_id:
 *
 * Returns: (nullable): the id of the node @state is mapped to
 */
const char *
fm_observed_mapping_get_node_id (FmObservedMapping *self,
                                 guint              state)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (state < self->entries->len, NULL);

  return entry_at (self, state)->node_id;
}

/* Returns: whether entering @state finishes an item */
gboolean
fm_observed_mapping_get_done (FmObservedMapping *self,
                              guint              state)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (state < self->entries->len, FALSE);

  return entry_at (self, state)->done;
}

/* Returns: whether @state was mapped by hand rather than by its name */
gboolean
fm_observed_mapping_get_explicit (FmObservedMapping *self,
                                  guint              state)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (state < self->entries->len, FALSE);

  return entry_at (self, state)->explicit;
}

/**
 * fm_observed_mapping_set:
 * @map: the map @node_id is looked up in
 * @state: the name of a state of the data
 * @node_id: (nullable): a process step or queue of @map; an outcome, to
 *   say that entering @state finishes an item; or %NULL to leave @state
 *   unmapped
 * @error: an %FM_OBSERVED_ERROR
 *
 * Maps @state by hand, over the automatic match.
 *
 * Returns: %TRUE if @state is now mapped as asked
 */
gboolean
fm_observed_mapping_set (FmObservedMapping  *self,
                         FmMap              *map,
                         const char         *state,
                         const char         *node_id,
                         GError            **error)
{
  Entry *entry;
  FmNode *node = NULL;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FM_IS_MAP (map), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  index = fm_observed_mapping_lookup_state (self, state);
  if (index < 0)
    {
      g_set_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NO_STATE,
                   _("no item of the data is ever in the state “%s”"), state);
      return FALSE;
    }

  if (node_id != NULL)
    {
      node = fm_map_lookup_node (map, node_id);
      if (node == NULL)
        {
          g_set_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NO_NODE,
                       _("the map has no node with the id “%s”"), node_id);
          return FALSE;
        }
      switch (fm_node_get_kind (node))
        {
        case FM_NODE_KIND_PROCESS:
        case FM_NODE_KIND_QUEUE:
        case FM_NODE_KIND_OUTCOME:
          break;
        case FM_NODE_KIND_TRIGGER:
        case FM_NODE_KIND_SYSTEM:
        case FM_NODE_KIND_KAIZEN:
        case FM_NODE_KIND_NOTE:
        default:
          g_set_error (error, FM_OBSERVED_ERROR, FM_OBSERVED_ERROR_NODE_KIND,
                       _("“%s” is a %s; a state maps to a process step, a queue or the outcome"),
                       node_id, fm_node_kind_to_string (fm_node_get_kind (node)));
          return FALSE;
        }
    }

  entry = entry_at (self, index);
  g_free (entry->node_id);
  entry->node_id = g_strdup (node_id);
  entry->explicit = TRUE;
  /* Reaching the outcome is finishing; a step or queue is not. */
  entry->done = node != NULL && fm_node_get_kind (node) == FM_NODE_KIND_OUTCOME;

  return TRUE;
}

/**
 * fm_observed_mapping_set_done:
 * @done: whether entering @state finishes an item
 */
void
fm_observed_mapping_set_done (FmObservedMapping *self,
                              guint              state,
                              gboolean           done)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (state < self->entries->len);

  entry_at (self, state)->done = !!done;
}

/**
 * fm_observed_mapping_dup_unmapped:
 *
 * Returns: (transfer full): the names of the states that are neither mapped
 *   to a node nor finish an item: time spent in them counts in lead time
 *   but in no node
 */
char **
fm_observed_mapping_dup_unmapped (FmObservedMapping *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);

      if (entry->node_id == NULL && !entry->done)
        g_strv_builder_add (builder, entry->state);
    }

  return g_strv_builder_end (builder);
}
