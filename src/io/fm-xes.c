/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-xes.c: XES event logs (IEEE 1849), plain or gzipped, as observed flow data
 *
 * An XES log is a <log> of <trace>s (one per item, named by its
 * concept:name) of <event>s, each with the activity's concept:name, a
 * time:timestamp and a lifecycle:transition (complete when absent). It is
 * read with GMarkup as it streams in, through a GZlibDecompressor when the
 * file starts as gzip does, bounded by FM_XES_MAX_SIZE of XML.
 *
 * Trackers record states; XES records activities. An activity with a
 * start and a complete event is a process step whose stays are touch time
 * (FM_DISCOVER_ROLE_ACTIVITY), and the gap between one activity's
 * complete and the next one's start is a stay in a queue in front of the
 * next activity, "Waiting for …" (FM_DISCOVER_ROLE_QUEUE). An event with
 * only a complete is read as a tracker's state change: the item enters
 * the activity then and stays until its next event. A start and a
 * complete of one activity are paired first in, first out. Every trace
 * whose last activity is complete ends in a state "End" that finishes
 * items, unless that activity's name finishes items already (Done,
 * Closed…). An event without a name or a usable time is left out and
 * listed with its line, as a CSV row is.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-xes"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-csv-import.h"
#include "fm-file-check.h"
#include "fm-markup.h"
#include "fm-xes.h"

#define CHUNK (64 * 1024)

typedef enum {
  TRANSITION_COMPLETE,
  TRANSITION_START,
  TRANSITION_OTHER,
} Transition;

typedef struct {
  const char *name;   /* interned */
  gint64 time;
  Transition transition;
  guint line;
} Event;

/* One run of an activity: its start and complete, either may be missing. */
typedef struct {
  const char *name;
  gint64 start;
  gint64 complete;
  guint line;
} Instance;

typedef struct {
  FmObservedLog *log;
  GArray *roles;            /* FmDiscoverRole per state */
  GTimeZone *tz;
  GMarkupParseContext *context;
  GStringChunk *names;
  GHashTable *interned;     /* name -> the same in names */
  GHashTable *open_starts;  /* activity -> GQueue of instance indexes */
  int depth;                /* of the element being read; 1 is <log> */
  int trace_depth;          /* 0 outside a trace */
  int event_depth;          /* 0 outside an event */
  char *trace_id;
  guint n_traces;
  GArray *events;           /* Event, of the trace being read */
  Event event;              /* being read */
  gboolean event_has_time;
  gboolean event_bad_time;
  guint n_other;            /* events of other transitions, left out */
  guint n_events;           /* events read into visits */
} Reader;

G_DEFINE_QUARK (fm-xes-error-quark, fm_xes_error)

/**
 * fm_xes_options_init:
 *
 * Sets every option to its default: times without an offset in local time.
 */
void
fm_xes_options_init (FmXesOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

static guint
current_line (Reader *r)
{
  int line = 0;

  g_markup_parse_context_get_position (r->context, &line, NULL);
  return (guint) MAX (line, 0);
}

static const char *
intern (Reader     *r,
        const char *name)
{
  const char *kept = g_hash_table_lookup (r->interned, name);

  if (kept == NULL)
    {
      kept = g_string_chunk_insert (r->names, name);
      g_hash_table_add (r->interned, (gpointer) kept);
    }

  return kept;
}

/* The state @name, with @role unless it has a stronger one: an activity
 * seen once with a start is an activity. */
static guint
state_for (Reader         *r,
           const char     *name,
           FmDiscoverRole  role)
{
  guint n = fm_observed_log_get_n_states (r->log);
  guint state = fm_observed_log_add_state (r->log, name);
  FmDiscoverRole *kept;

  if (state == n)
    {
      g_array_set_size (r->roles, n + 1);
      /* The names that finish items, as the CSV import reads them. */
      if (fm_observed_state_means_done (name))
        fm_observed_log_set_state_done (r->log, state, TRUE);
    }
  kept = &g_array_index (r->roles, FmDiscoverRole, state);
  if (*kept == FM_DISCOVER_ROLE_AUTO || role == FM_DISCOVER_ROLE_ACTIVITY)
    *kept = role;

  return state;
}

static void
read_event_attribute (Reader     *r,
                      const char *element,
                      const char *key,
                      const char *value)
{
  if (g_str_equal (key, "concept:name"))
    r->event.name = intern (r, value);
  else if (g_str_equal (key, "lifecycle:transition"))
    {
      if (g_ascii_strcasecmp (value, "complete") == 0)
        r->event.transition = TRANSITION_COMPLETE;
      else if (g_ascii_strcasecmp (value, "start") == 0)
        r->event.transition = TRANSITION_START;
      else
        r->event.transition = TRANSITION_OTHER;
    }
  else if (g_str_equal (key, "time:timestamp") && g_str_equal (element, "date"))
    {
      if (fm_csv_parse_time (value, r->tz, &r->event.time))
        r->event_has_time = TRUE;
      else
        {
          fm_observed_log_add_error (r->log, current_line (r),
                                     _("“%s” in time:timestamp is not a date and time"), value);
          r->event_bad_time = TRUE;
        }
    }
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;
  const char *key, *value;

  r->depth++;
  if (r->depth == 1)
    {
      if (!g_str_equal (element, "log"))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     _("the root element is <%s>, not an XES <log>"), element);
      return;
    }

  if (r->depth == 2 && g_str_equal (element, "trace"))
    {
      r->trace_depth = r->depth;
      r->n_traces++;
      g_clear_pointer (&r->trace_id, g_free);
      g_array_set_size (r->events, 0);
      return;
    }

  if (r->trace_depth > 0 && r->depth == r->trace_depth + 1 && g_str_equal (element, "event"))
    {
      r->event_depth = r->depth;
      memset (&r->event, 0, sizeof r->event);
      r->event.line = current_line (r);
      r->event_has_time = r->event_bad_time = FALSE;
      return;
    }

  /* An attribute of the trace or the event itself, not a nested one. */
  key = fm_markup_attribute (names, values, "key");
  value = fm_markup_attribute (names, values, "value");
  if (key == NULL || value == NULL)
    return;
  if (r->event_depth > 0 && r->depth == r->event_depth + 1)
    read_event_attribute (r, element, key, value);
  else if (r->trace_depth > 0 && r->event_depth == 0 && r->depth == r->trace_depth + 1 &&
           g_str_equal (key, "concept:name") && *value != '\0')
    {
      g_free (r->trace_id);
      r->trace_id = g_strdup (value);
    }
}

static void
end_event (Reader *r)
{
  if (r->event.name == NULL)
    {
      fm_observed_log_add_error (r->log, r->event.line, _("an event without a concept:name is left out"));
      return;
    }
  if (!r->event_has_time)
    {
      /* A time that is not one is reported where it is read. */
      if (!r->event_bad_time)
        fm_observed_log_add_error (r->log, r->event.line,
                                   _("the event “%s” has no time:timestamp and is left out"), r->event.name);
      return;
    }
  if (r->event.transition == TRANSITION_OTHER)
    {
      r->n_other++;
      return;
    }

  g_array_append_val (r->events, r->event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  return (ea->time > eb->time) - (ea->time < eb->time);
}

/* Pairs each start with the next complete of the same activity. */
static GArray *
instances_of (Reader *r)
{
  GArray *instances = g_array_new (FALSE, FALSE, sizeof (Instance));

  g_hash_table_remove_all (r->open_starts);
  for (guint i = 0; i < r->events->len; i++)
    {
      const Event *e = &g_array_index (r->events, Event, i);
      Instance instance = { e->name, FM_OBSERVED_OPEN, FM_OBSERVED_OPEN, e->line };
      GQueue *open = g_hash_table_lookup (r->open_starts, e->name);

      if (e->transition == TRANSITION_START)
        {
          if (open == NULL)
            {
              open = g_queue_new ();
              g_hash_table_insert (r->open_starts, (gpointer) e->name, open);
            }
          instance.start = e->time;
          g_queue_push_tail (open, GUINT_TO_POINTER (instances->len));
          g_array_append_val (instances, instance);
        }
      else if (open != NULL && !g_queue_is_empty (open))
        {
          guint index = GPOINTER_TO_UINT (g_queue_pop_head (open));

          g_array_index (instances, Instance, index).complete = e->time;
        }
      else
        {
          instance.complete = e->time;
          g_array_append_val (instances, instance);
        }
    }

  return instances;
}

static void
end_trace (Reader *r)
{
  g_autofree char *id = r->trace_id != NULL ? g_strdup (r->trace_id)
                                           : g_strdup_printf (_("trace %u"), r->n_traces);
  g_autoptr(GArray) instances = NULL;
  gint64 previous_end = FM_OBSERVED_OPEN, last_time = G_MININT64;
  const Instance *last = NULL;

  /* Stable: events at the same time keep the order of the file. */
  g_array_sort (r->events, compare_events);
  instances = instances_of (r);

  for (guint i = 0; i < instances->len; i++)
    {
      const Instance *in = &g_array_index (instances, Instance, i);
      gint64 end = in->complete != FM_OBSERVED_OPEN ? in->complete : in->start;

      if (in->start != FM_OBSERVED_OPEN && in->complete != FM_OBSERVED_OPEN)
        {
          /* The wait from the previous activity's complete to this start;
           * none where the two overlap. */
          if (previous_end != FM_OBSERVED_OPEN && in->start >= previous_end)
            {
              /* Translators: the queue in front of an activity of an XES log */
              g_autofree char *wait = g_strdup_printf (_("Waiting for %s"), in->name);

              fm_observed_log_add_visit (r->log, id, NULL, state_for (r, wait, FM_DISCOVER_ROLE_QUEUE),
                                         previous_end, in->start, in->line);
            }
          fm_observed_log_add_visit (r->log, id, NULL, state_for (r, in->name, FM_DISCOVER_ROLE_ACTIVITY),
                                     in->start, in->complete, in->line);
          previous_end = previous_end == FM_OBSERVED_OPEN ? in->complete : MAX (previous_end, in->complete);
        }
      else if (in->start != FM_OBSERVED_OPEN)
        {
          /* Started, not completed: in it still. */
          fm_observed_log_add_visit (r->log, id, NULL, state_for (r, in->name, FM_DISCOVER_ROLE_ACTIVITY),
                                     in->start, FM_OBSERVED_OPEN, in->line);
          previous_end = FM_OBSERVED_OPEN;
        }
      else
        {
          /* A complete alone: a state change, as a tracker's. */
          fm_observed_log_add_visit (r->log, id, NULL, state_for (r, in->name, FM_DISCOVER_ROLE_AUTO),
                                     in->complete, FM_OBSERVED_OPEN, in->line);
          previous_end = FM_OBSERVED_OPEN;
        }
      r->n_events++;
      if (end >= last_time)
        {
          last_time = end;
          last = in;
        }
    }

  if (last != NULL && last->complete != FM_OBSERVED_OPEN && !fm_observed_state_means_done (last->name))
    {
      guint end_state = state_for (r, C_("the state an XES trace ends in", "End"), FM_DISCOVER_ROLE_DONE);

      fm_observed_log_add_visit (r->log, id, NULL, end_state, last_time, FM_OBSERVED_OPEN, last->line);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *r = user_data;

  if (r->depth == r->event_depth)
    {
      end_event (r);
      r->event_depth = 0;
    }
  else if (r->depth == r->trace_depth)
    {
      end_trace (r);
      r->trace_depth = 0;
    }
  r->depth--;
}

static const GMarkupParser parser = {
  .start_element = start_element,
  .end_element = end_element,
};

/* @stream, through a gzip decompressor when it starts as gzip does. */
static GInputStream *
maybe_decompress (GInputStream  *stream,
                  GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (stream);
  const guint8 *head;
  gsize n;

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, NULL, error) < 0)
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
  if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      return g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));
    }

  return g_steal_pointer (&buffered);
}

static gboolean
parse (Reader        *r,
       GInputStream  *stream,
       const char    *display_name,
       GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK);
  g_autoptr(GInputStream) input = NULL;
  GError *local_error = NULL;
  gsize total = 0;

  input = maybe_decompress (stream, &local_error);
  if (input == NULL)
    goto failed;

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, CHUNK, NULL, &local_error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      total += n;
      if (total > FM_XES_MAX_SIZE)
        {
          g_set_error (error, FM_XES_ERROR, FM_XES_ERROR_LIMIT, _("%s: larger than %d MiB of XML"),
                       display_name, FM_XES_MAX_SIZE / (1024 * 1024));
          return FALSE;
        }
      if (!g_markup_parse_context_parse (r->context, buffer, n, &local_error))
        goto failed;
    }
  if (!g_markup_parse_context_end_parse (r->context, &local_error))
    goto failed;

  return TRUE;

failed:
  /* GMarkup's messages say the line and the character, and quote what
   * they could not read, not always as UTF-8. */
  if (local_error->domain == G_MARKUP_ERROR)
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, FM_XES_ERROR, FM_XES_ERROR_PARSE, "%s: %s", display_name, message);
      g_error_free (local_error);
    }
  else
    g_propagate_prefixed_error (error, local_error, "%s: ", display_name);

  return FALSE;
}

/**
 * fm_xes_read_stream:
 * @stream: the XES text, or gzip of it
 * @display_name: the file's name, which every message starts with
 * @roles: (out) (optional) (transfer full): per state of the log, an
 *   #FmDiscoverRole: activities with a start, the waits between them and
 *   the end state; the others %FM_DISCOVER_ROLE_AUTO
 * @error: an %FM_XES_ERROR or a %G_IO_ERROR
 *
 * Reads an XES log; see the top of fm-xes.c for how events become visits.
 *
 * Returns: (transfer full) (nullable): the log, sealed, or %NULL with @error set
 */
FmObservedLog *
fm_xes_read_stream (GInputStream        *stream,
                    const char          *display_name,
                    const FmXesOptions  *options,
                    GArray             **roles,
                    GError             **error)
{
  Reader r = { 0 };
  FmObservedLog *log = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (roles != NULL)
    *roles = NULL;

  r.log = fm_observed_log_new ();
  r.roles = g_array_new (FALSE, TRUE, sizeof (FmDiscoverRole));
  r.tz = options->time_zone != NULL ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  r.context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &r, NULL);
  r.names = g_string_chunk_new (4096);
  r.interned = g_hash_table_new (g_str_hash, g_str_equal);
  r.open_starts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_queue_free);
  r.events = g_array_new (FALSE, FALSE, sizeof (Event));

  if (parse (&r, stream, display_name, error))
    {
      if (r.n_events == 0)
        g_set_error (error, FM_XES_ERROR, FM_XES_ERROR_EMPTY,
                     _("%s: no event has a concept:name and a time:timestamp"), display_name);
      else
        {
          if (r.n_other > 0)
            fm_observed_log_add_warning (r.log,
                                         g_dngettext (GETTEXT_PACKAGE,
                                                      "%u event of a lifecycle transition other than start and complete was left out",
                                                      "%u events of lifecycle transitions other than start and complete were left out",
                                                      r.n_other),
                                         r.n_other);
          fm_observed_log_seal (r.log);
          log = fm_observed_log_ref (r.log);
          if (roles != NULL)
            *roles = g_array_ref (r.roles);
        }
    }

  fm_observed_log_unref (r.log);
  g_array_unref (r.roles);
  g_time_zone_unref (r.tz);
  g_markup_parse_context_free (r.context);
  g_string_chunk_free (r.names);
  g_hash_table_unref (r.interned);
  g_hash_table_unref (r.open_starts);
  g_array_unref (r.events);
  g_free (r.trace_id);

  return log;
}

/**
 * fm_xes_read_data:
 * @data: (array length=length): the XES text, or gzip of it
 *
 * As fm_xes_read_stream(), from memory.
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set
 */
FmObservedLog *
fm_xes_read_data (const guint8        *data,
                  gsize                length,
                  const char          *display_name,
                  const FmXesOptions  *options,
                  GArray             **roles,
                  GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  return fm_xes_read_stream (stream, display_name, options, roles, error);
}

/**
 * fm_xes_read_file:
 *
 * As fm_xes_read_stream(), from @file, which must be a regular file.
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set
 */
FmObservedLog *
fm_xes_read_file (GFile               *file,
                  const FmXesOptions  *options,
                  GArray             **roles,
                  GError             **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  display_name = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
  /* A FIFO with no writer would block the read forever. */
  if (!fm_file_check_regular (file, &local_error) ||
      (stream = g_file_read (file, NULL, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  return fm_xes_read_stream (G_INPUT_STREAM (stream), display_name, options, roles, error);
}
