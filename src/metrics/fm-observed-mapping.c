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
  GArray *entries;    /* Entry, in the log's order of states */
  GHashTable *index;  /* a state's name (the entry's) -> its position + 1 */
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
  g_hash_table_unref (self->index);
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

/* What the matching needs of a map's steps and queues, made once for all
 * the states: the word sets of 20,000 nodes rebuilt for each of 300 states
 * took ten seconds. Scores are counted through the words: a node that
 * shares no word with a state scores 0 and is never matched. */
typedef struct {
  GPtrArray *nodes;       /* FmNode, the steps and queues in the map's order */
  GHashTable *exact;      /* a normalised label or id -> the first node's rank + 1 */
  GHashTable *postings;   /* word -> GArray of guint: rank * 2 + (0 label, 1 id), ascending */
  guint *n_words;         /* by rank * 2 + field: the size of that word set */
  guint *common;          /* by rank * 2 + field: words shared with the state */
  GArray *touched;        /* the ranks * 2 + field with common > 0 */
} Matcher;

static void
matcher_add_words (Matcher    *m,
                   const char *text,
                   guint       slot)
{
  g_autoptr(GHashTable) words = words_of (text);
  GHashTableIter iter;
  gpointer word;

  m->n_words[slot] = g_hash_table_size (words);
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      GArray *posting = g_hash_table_lookup (m->postings, word);

      if (posting == NULL)
        {
          posting = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (m->postings, g_strdup (word), posting);
        }
      g_array_append_val (posting, slot);
    }
}

static void
matcher_add_exact (Matcher    *m,
                   const char *name,
                   guint       rank)
{
  char *normalized = fm_observed_normalize (name);

  if (*normalized == '\0' || g_hash_table_contains (m->exact, normalized))
    g_free (normalized);
  else
    g_hash_table_insert (m->exact, normalized, GUINT_TO_POINTER (rank + 1));
}

static void
matcher_init (Matcher *m,
              FmMap   *map)
{
  guint n = fm_map_get_n_nodes (map);

  m->nodes = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      FmNodeKind kind = fm_node_get_kind (node);

      if (kind == FM_NODE_KIND_PROCESS || kind == FM_NODE_KIND_QUEUE)
        g_ptr_array_add (m->nodes, node);
    }

  m->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  m->n_words = g_new0 (guint, 2 * m->nodes->len + 1);
  m->common = g_new0 (guint, 2 * m->nodes->len + 1);
  m->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < m->nodes->len; r++)
    {
      FmNode *node = m->nodes->pdata[r];

      matcher_add_exact (m, fm_node_get_label (node), r);
      matcher_add_exact (m, fm_node_get_id (node), r);
      matcher_add_words (m, fm_node_get_label (node), 2 * r);
      matcher_add_words (m, fm_node_get_id (node), 2 * r + 1);
    }
}

static void
matcher_clear (Matcher *m)
{
  g_clear_pointer (&m->nodes, g_ptr_array_unref);
  g_clear_pointer (&m->exact, g_hash_table_unref);
  g_clear_pointer (&m->postings, g_hash_table_unref);
  g_clear_pointer (&m->n_words, g_free);
  g_clear_pointer (&m->common, g_free);
  g_clear_pointer (&m->touched, g_array_unref);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The Dice coefficient of the state's words and those of a node's label
 * or id, as 2 × common / (the sizes of both sets). */
static double
matcher_dice (Matcher *m,
              guint    n_state_words,
              guint    slot)
{
  guint total = n_state_words + m->n_words[slot];

  return total == 0 ? 0 : 2.0 * m->common[slot] / total;
}

static FmNode *
matcher_match (Matcher    *m,
               const char *state)
{
  g_autofree char *normalized = fm_observed_normalize (state);
  g_autoptr(GHashTable) state_words = NULL;
  GHashTableIter iter;
  gpointer word;
  FmNodeKind preferred;
  FmNode *best_preferred = NULL, *best_any = NULL;
  double score_preferred = MATCH_THRESHOLD, score_any = MATCH_THRESHOLD;
  guint exact, n_state_words;

  /* The whole names are the same: better than any share of words. */
  exact = *normalized != '\0' ? GPOINTER_TO_UINT (g_hash_table_lookup (m->exact, normalized)) : 0;
  if (exact > 0)
    return m->nodes->pdata[exact - 1];

  state_words = words_of (state);
  n_state_words = g_hash_table_size (state_words);
  preferred = fm_observed_state_means_waiting (state) ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS;

  g_array_set_size (m->touched, 0);
  g_hash_table_iter_init (&iter, state_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      GArray *posting = g_hash_table_lookup (m->postings, word);

      for (guint k = 0; posting != NULL && k < posting->len; k++)
        {
          guint slot = g_array_index (posting, guint, k);

          if (m->common[slot]++ == 0)
            g_array_append_val (m->touched, slot);
        }
    }

  /* In the map's order: on a tie the node first on the map wins, and
   * only strictly better replaces it. */
  g_array_sort (m->touched, compare_uint);
  for (guint k = 0; k < m->touched->len; k++)
    {
      guint slot = g_array_index (m->touched, guint, k);
      guint rank = slot / 2;
      FmNode *node = m->nodes->pdata[rank];
      double score;

      /* The label and the id of a node come one after the other. */
      if (slot % 2 == 1 && k > 0 && g_array_index (m->touched, guint, k - 1) == slot - 1)
        continue;
      score = MAX (matcher_dice (m, n_state_words, 2 * rank), matcher_dice (m, n_state_words, 2 * rank + 1));
      if (fm_node_get_kind (node) == preferred &&
          (score > score_preferred || (best_preferred == NULL && score == score_preferred)))
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
  for (guint k = 0; k < m->touched->len; k++)
    m->common[g_array_index (m->touched, guint, k)] = 0;

  return best_preferred != NULL ? best_preferred : best_any;
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
  Matcher m = { 0 };
  FmNode *node;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  matcher_init (&m, map);
  node = matcher_match (&m, state);
  matcher_clear (&m);

  return node != NULL ? fm_node_get_id (node) : NULL;
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
  Matcher matcher = { 0 };
  guint n;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_atomic_rc_box_new0 (FmObservedMapping);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  /* An export can have 200,000 states, each looked up by name. */
  self->index = g_hash_table_new (g_str_hash, g_str_equal);

  n = fm_observed_log_get_n_states (log);
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { 0 };

      entry.state = g_strdup (fm_observed_log_get_state_name (log, i));
      entry.done = fm_observed_log_get_state_done (log, i);
      if (!entry.done)
        {
          FmNode *node;

          if (matcher.nodes == NULL)
            matcher_init (&matcher, map);
          node = matcher_match (&matcher, entry.state);
          entry.node_id = g_strdup (node != NULL ? fm_node_get_id (node) : NULL);
        }
      g_array_append_val (self->entries, entry);
      /* The first of a name, as a search in order would find. */
      if (!g_hash_table_contains (self->index, entry.state))
        g_hash_table_insert (self->index, entry.state, GUINT_TO_POINTER (i + 1));
    }
  matcher_clear (&matcher);

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

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->index, name)) - 1;
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
