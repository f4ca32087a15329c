/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-log.c: work items and the states they went through, as exported by a tracker
 *
 * The log knows nothing of files: an importer adds states and visits, then
 * seals it, which puts every item's visits in the order of time and closes
 * each visit whose end the export did not give at the entry into the next.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-observed-log.h"
#include "fm-observed-private.h"

typedef struct {
  char *name;
  gboolean done;
} State;

struct _FmObservedLog
{
  GArray *states;        /* State */
  GHashTable *state_ids; /* name -> index + 1 */
  GPtrArray *items;      /* FmObservedItem*, in order of first appearance */
  GHashTable *item_ids;  /* id -> FmObservedItem* */
  GArray *errors;        /* FmObservedProblem */
  GPtrArray *warnings;   /* char* */
  GTimeZone *time_zone;  /* of the dates in messages; NULL: UTC */
  guint n_visits;
  guint n_overlaps;
  guint first_overlap_line;
  gboolean has_types;
  gboolean sealed;
};

static void
state_clear (gpointer data)
{
  State *state = data;

  g_free (state->name);
}

static void
problem_clear (gpointer data)
{
  FmObservedProblem *problem = data;

  g_free (problem->message);
}

static void
item_free (gpointer data)
{
  FmObservedItem *item = data;

  g_free (item->id);
  g_free (item->type);
  g_array_unref (item->visits);
  g_free (item);
}

static void
fm_observed_log_finalize (FmObservedLog *self)
{
  g_array_unref (self->states);
  g_hash_table_unref (self->state_ids);
  g_hash_table_unref (self->item_ids);
  g_ptr_array_unref (self->items);
  g_array_unref (self->errors);
  g_ptr_array_unref (self->warnings);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
}

/**
 * fm_observed_log_new:
 *
 * Returns: (transfer full): an empty log, open for fm_observed_log_add_visit()
 */
FmObservedLog *
fm_observed_log_new (void)
{
  FmObservedLog *self = g_atomic_rc_box_new0 (FmObservedLog);

  self->states = g_array_new (FALSE, FALSE, sizeof (State));
  g_array_set_clear_func (self->states, state_clear);
  self->state_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->item_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->errors = g_array_new (FALSE, FALSE, sizeof (FmObservedProblem));
  g_array_set_clear_func (self->errors, problem_clear);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

FmObservedLog *
fm_observed_log_ref (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
fm_observed_log_unref (FmObservedLog *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) fm_observed_log_finalize);
}

/**
 * fm_observed_log_add_state:
 * @name: a state's name as the tracker writes it
 *
 * Returns: the index of the state named @name, added if new
 */
guint
fm_observed_log_add_state (FmObservedLog *self,
                           const char    *name)
{
  State state;
  gpointer index;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);

  index = g_hash_table_lookup (self->state_ids, name);
  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  state.name = g_strdup (name);
  state.done = FALSE;
  g_array_append_val (self->states, state);
  g_hash_table_insert (self->state_ids, state.name, GUINT_TO_POINTER (self->states->len));

  return self->states->len - 1;
}

/**
 * fm_observed_log_set_state_done:
 * @done: whether entering the state finishes an item
 */
void
fm_observed_log_set_state_done (FmObservedLog *self,
                                guint          state,
                                gboolean       done)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (state < self->states->len);

  g_array_index (self->states, State, state).done = !!done;
}

/**
 * fm_observed_log_add_visit:
 * @item: the item's id
 * @type: (nullable): the item's type; the first one given for an item is kept
 * @state: a state from fm_observed_log_add_state()
 * @entered: when the item entered @state, seconds since 1970 UTC
 * @left: when it left, not before @entered, or %FM_OBSERVED_OPEN when the
 *   export does not say: then it left when it entered its next state
 * @line: the line of the file, for messages
 */
void
fm_observed_log_add_visit (FmObservedLog *self,
                           const char    *item,
                           const char    *type,
                           guint          state,
                           gint64         entered,
                           gint64         left,
                           guint          line)
{
  FmObservedItem *it;
  FmObservedVisit visit = { state, entered, left, line };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (item != NULL && *item != '\0');
  g_return_if_fail (state < self->states->len);
  g_return_if_fail (left == FM_OBSERVED_OPEN || left >= entered);

  it = g_hash_table_lookup (self->item_ids, item);
  if (it == NULL)
    {
      it = g_new0 (FmObservedItem, 1);
      it->id = g_strdup (item);
      it->visits = g_array_new (FALSE, FALSE, sizeof (FmObservedVisit));
      g_ptr_array_add (self->items, it);
      g_hash_table_insert (self->item_ids, it->id, it);
    }

  if (it->type == NULL && type != NULL && *type != '\0')
    {
      it->type = g_strdup (type);
      self->has_types = TRUE;
    }

  g_array_append_val (it->visits, visit);
  self->n_visits++;
}

void
fm_observed_log_add_error (FmObservedLog *self,
                           guint          line,
                           const char    *format,
                           ...)
{
  FmObservedProblem problem;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  problem.line = line;
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->errors, problem);
}

void
fm_observed_log_add_warning (FmObservedLog *self,
                             const char    *format,
                             ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * fm_observed_log_set_time_zone:
 * @time_zone: (nullable): the time zone of the file's times without an
 *   offset; %NULL: UTC
 *
 * The dates of the messages fm_observed_log_seal() adds are said in it,
 * as the file wrote them.
 */
void
fm_observed_log_set_time_zone (FmObservedLog *self,
                               GTimeZone     *time_zone)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  if (time_zone != NULL)
    self->time_zone = g_time_zone_ref (time_zone);
}

static const char *
self_state_name (FmObservedLog *self,
                 guint          state)
{
  return g_array_index (self->states, State, state).name;
}

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  const FmObservedVisit *va = a, *vb = b;

  return (va->entered > vb->entered) - (va->entered < vb->entered);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const FmObservedProblem *pa = a, *pb = b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* Returns: (nullable): a visit of @kept entered at the same time as
 * @visit, into the same state */
static const FmObservedVisit *
find_same_entry (GArray                *kept,
                 const FmObservedVisit *visit)
{
  /* Only the visits entered at that very time, the last ones kept:
   * a handful, as exports that give dates alone have a few a day. */
  for (guint i = kept->len; i > 0; i--)
    {
      const FmObservedVisit *other = &g_array_index (kept, FmObservedVisit, i - 1);

      if (other->entered != visit->entered)
        break;
      if (other->state == visit->state)
        return other;
    }

  return NULL;
}

static void
seal_item (FmObservedLog  *self,
           FmObservedItem *item,
           gint64          plausible_end)
{
  GArray *kept;

  /* g_array_sort is stable: visits entered at the same time (exports that
   * give dates only) keep the order of the file, and a wide row its
   * column order. */
  g_array_sort (item->visits, compare_visits);

  kept = g_array_sized_new (FALSE, FALSE, sizeof (FmObservedVisit), item->visits->len);
  for (guint i = 0; i < item->visits->len; i++)
    {
      FmObservedVisit *visit = &g_array_index (item->visits, FmObservedVisit, i);
      const FmObservedVisit *same;

      if (visit->entered > plausible_end)
        {
          fm_observed_log_report_implausible (self, self->time_zone, visit->line, NULL, NULL,
                                              visit->entered, plausible_end);
          self->n_visits--;
          continue;
        }
      if (visit->left != FM_OBSERVED_OPEN && visit->left > plausible_end)
        {
          fm_observed_log_report_implausible (self, self->time_zone, visit->line, item->id,
                                              self_state_name (self, visit->state), visit->left, plausible_end);
          visit->left = FM_OBSERVED_OPEN;
        }

      /* Exports that page through a history sometimes repeat a row, and
       * not always next to the first: another state may be entered at
       * the same time (dates without times) between them. */
      same = find_same_entry (kept, visit);
      if (same != NULL)
        {
          fm_observed_log_add_error (self, visit->line,
                                     _("item “%s” enters “%s” at the same time as on line %u"),
                                     item->id, self_state_name (self, visit->state), same->line);
          self->n_visits--;
          continue;
        }
      g_array_append_val (kept, *visit);
    }
  g_array_unref (item->visits);
  item->visits = kept;

  for (guint i = 0; i + 1 < item->visits->len; i++)
    {
      FmObservedVisit *visit = &g_array_index (item->visits, FmObservedVisit, i);
      gint64 next = g_array_index (item->visits, FmObservedVisit, i + 1).entered;

      /* A visit without an end lasts until the next entry. One whose end
       * is after it overlaps the next: an item is in one state at a
       * time, so it is cut there, else its time would count twice (a
       * flow efficiency over 100 %). */
      if (visit->left == FM_OBSERVED_OPEN)
        {
          visit->left = next;
        }
      else if (visit->left > next)
        {
          if (self->n_overlaps++ == 0)
            self->first_overlap_line = visit->line;
          visit->left = next;
        }
    }
}

/* Items all of whose times were left out are not in the data. */
static void
drop_empty_items (FmObservedLog *self)
{
  GPtrArray *kept = g_ptr_array_new_full (self->items->len, item_free);

  for (guint i = 0; i < self->items->len; i++)
    {
      FmObservedItem *item = self->items->pdata[i];

      if (item->visits->len > 0)
        {
          g_ptr_array_add (kept, item);
        }
      else
        {
          g_hash_table_remove (self->item_ids, item->id);
          item_free (item);
        }
    }
  /* The items now belong to kept. */
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_unref (self->items);
  self->items = kept;
}

/**
 * fm_observed_log_seal:
 *
 * Ends the building: leaves out the times after the data's plausible end
 * (reported as errors), sorts each item's visits by time, drops repeated
 * rows (reported as errors), gives a visit without an end the time of the
 * item's next entry, cuts one that ends after it there (with a warning),
 * and sorts the errors by line.
 */
void
fm_observed_log_seal (FmObservedLog *self)
{
  gint64 plausible_end;

  g_return_if_fail (self != NULL);

  if (self->sealed)
    return;

  plausible_end = fm_observed_log_find_plausible_end (self);
  for (guint i = 0; i < self->items->len; i++)
    seal_item (self, self->items->pdata[i], plausible_end);
  drop_empty_items (self);

  if (self->n_overlaps > 0)
    fm_observed_log_add_warning (self,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%u visit ends after its item entered its next state "
                                              "(line %u): it is cut at that entry",
                                              "%u visits end after their item entered its next state "
                                              "(the first on line %u): each is cut at that entry",
                                              self->n_overlaps),
                                 self->n_overlaps, self->first_overlap_line);

  g_array_sort (self->errors, compare_problems);
  self->sealed = TRUE;
}

guint
fm_observed_log_get_n_states (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->states->len;
}

const char *
fm_observed_log_get_state_name (FmObservedLog *self,
                                guint          state)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (state < self->states->len, NULL);

  return g_array_index (self->states, State, state).name;
}

/**
 * fm_observed_log_get_state_done:
 *
 * Returns: whether the importer found that entering @state finishes an
 *   item: a name such as Done or Closed, or the last column of a wide export
 */
gboolean
fm_observed_log_get_state_done (FmObservedLog *self,
                                guint          state)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (state < self->states->len, FALSE);

  return g_array_index (self->states, State, state).done;
}

/* Returns: the index of the state named @name, or -1 */
int
fm_observed_log_lookup_state (FmObservedLog *self,
                              const char    *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->state_ids, name)) - 1;
}

guint
fm_observed_log_get_n_items (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/**
 * fm_observed_log_get_item:
 *
 * Returns: (transfer none): the item at @position, in order of first appearance
 */
const FmObservedItem *
fm_observed_log_get_item (FmObservedLog *self,
                          guint          position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return self->items->pdata[position];
}

/* Returns: whether any item has a type: the export had a type column */
gboolean
fm_observed_log_has_types (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_types;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

/**
 * fm_observed_log_dup_types:
 *
 * Returns: (transfer full): the work item types of the items, each once,
 *   in the order of their names; empty when the data has none
 */
char **
fm_observed_log_dup_types (FmObservedLog *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) types = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  types = g_ptr_array_new ();
  for (guint i = 0; i < fm_observed_log_get_n_items (self); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (self, i);

      if (item->type != NULL && g_hash_table_add (seen, item->type))
        g_ptr_array_add (types, g_strdup (item->type));
    }
  g_ptr_array_sort (types, compare_names);
  g_ptr_array_add (types, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&types), FALSE);
}

guint
fm_observed_log_get_n_visits (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_visits;
}

guint
fm_observed_log_get_n_errors (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->errors->len;
}

/**
 * fm_observed_log_get_error:
 *
 * Returns: (transfer none): a row that was not imported, by line once sealed
 */
const FmObservedProblem *
fm_observed_log_get_error (FmObservedLog *self,
                           guint          position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->errors->len, NULL);

  return &g_array_index (self->errors, FmObservedProblem, position);
}

guint
fm_observed_log_get_n_warnings (FmObservedLog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->warnings->len;
}

/**
 * fm_observed_log_get_warning:
 *
 * Returns: (transfer none): something about the file as a whole the reader
 *   should know, such as that it was not UTF-8
 */
const char *
fm_observed_log_get_warning (FmObservedLog *self,
                             guint          position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->warnings->len, NULL);

  return self->warnings->pdata[position];
}

char *
fm_observed_normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g_unichar_tolower (c));
          space = FALSE;
        }
      else
        {
          space = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char         *normalized,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (normalized, list[i]))
      return TRUE;

  return FALSE;
}

/**
 * fm_observed_state_means_done:
 *
 * Returns: whether a state named @name is where finished items go: Done,
 *   Closed, Resolved, Released, Complete(d), Finished, Shipped, Delivered,
 *   in any case and punctuation
 */
gboolean
fm_observed_state_means_done (const char *name)
{
  static const char * const done[] = {
    "done", "closed", "resolved", "released", "complete", "completed",
    "finished", "shipped", "delivered", NULL
  };
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  normalized = fm_observed_normalize (name);
  return in_list (normalized, done);
}

/**
 * fm_observed_state_means_waiting:
 *
 * Returns: whether a state named @name is a wait rather than work: "Ready
 *   for QA", "Awaiting review", "Blocked", "To do", "Backlog", "Dev done"…
 */
gboolean
fm_observed_state_means_waiting (const char *name)
{
  static const char * const whole[] = {
    "backlog", "blocked", "to do", "todo", "open", "new", "ready", "queue",
    "queued", "waiting", "on hold", "parked", "paused", "pending", NULL
  };
  static const char * const starts[] = {
    "waiting ", "awaiting ", "wait ", "ready for ", "ready to ", "pending ",
    "queued ", "selected for ", "blocked ", "on hold ", NULL
  };
  /* "Dev done", "QA ready": finished here, not yet started there. */
  static const char * const ends[] = {
    " backlog", " queue", " done", " complete", " completed", " ready",
    " waiting", " blocked", NULL
  };
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  normalized = fm_observed_normalize (name);
  if (in_list (normalized, whole))
    return TRUE;
  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (normalized, starts[i]))
      return TRUE;
  for (guint i = 0; ends[i] != NULL; i++)
    if (g_str_has_suffix (normalized, ends[i]))
      return TRUE;

  return FALSE;
}
