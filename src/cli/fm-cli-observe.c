/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-observe.c: `flowmap observe --csv DATA.csv [OPTION…] FILE`: flow figures from tracker data */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <math.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-cli-observe-chart.h"
#include "fm-cli-observe-evidence.h"
#include "fm-cli-observe-private.h"
#include "fm-csv-import.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-json.h"
#include "fm-json-writer.h"
#include "fm-observed.h"

/* The forecast is the same for the same data unless --seed says otherwise. */
#define DEFAULT_SEED 1

static const char * const percent_keys[] = { "p50", "p85", "p95" };

static char *
format_date (const GDate *date)
{
  char text[16];

  if (!g_date_valid (date) || g_date_strftime (text, sizeof text, "%Y-%m-%d", date) == 0)
    return g_strdup ("–");

  return g_strdup (text);
}

/* "2026-W37": the ISO year is the year of the week's Thursday. */
static char *
format_week (const GDate *monday)
{
  GDate thursday = *monday;

  g_date_add_days (&thursday, 3);
  return g_strdup_printf ("%04u-W%02u", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (monday));
}

void
fm_cli_observe_write_int (FmJsonWriter *w,
                          const char   *key,
                          gint64        value)
{
  fm_json_writer_key (w, key);
  fm_json_writer_int (w, value);
}

static void
write_string (FmJsonWriter *w,
              const char   *key,
              const char   *value)
{
  fm_json_writer_key (w, key);
  if (value == NULL)
    fm_json_writer_null (w);
  else
    fm_json_writer_string (w, value);
}

static void
write_date (FmJsonWriter *w,
            const char   *key,
            const GDate  *date)
{
  g_autofree char *text = g_date_valid (date) ? format_date (date) : NULL;

  write_string (w, key, text);
}

static void
write_series (FmJsonWriter *w,
              FmObserved   *o)
{
  fm_json_writer_key (w, "weeks");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < o->weeks->len; i++)
    {
      const FmObservedWeek *week = &g_array_index (o->weeks, FmObservedWeek, i);
      g_autofree char *name = format_week (&week->monday);

      fm_json_writer_begin_object (w);
      write_string (w, "week", name);
      write_date (w, "monday", &week->monday);
      fm_cli_observe_write_int (w, "finished", week->finished);
      fm_json_writer_key (w, "complete");
      fm_json_writer_boolean (w, week->complete);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "wip");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < o->days->len; i++)
    {
      const FmObservedDay *day = &g_array_index (o->days, FmObservedDay, i);

      fm_json_writer_begin_object (w);
      write_date (w, "date", &day->date);
      fm_cli_observe_write_int (w, "count", day->wip);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "distribution");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < o->distribution->len; i++)
    {
      const FmObservedShare *share = &g_array_index (o->distribution, FmObservedShare, i);

      fm_json_writer_begin_object (w);
      write_string (w, "type", share->type);
      fm_cli_observe_write_int (w, "finished", share->finished);
      fm_json_writer_member_number (w, "share", share->share);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);
}

static void
write_forecast (FmJsonWriter             *w,
                const FmObservedForecast *forecast,
                guint32                   seed)
{
  fm_json_writer_key (w, "forecast");
  if (forecast == NULL)
    {
      fm_json_writer_null (w);
      return;
    }

  fm_json_writer_begin_object (w);
  fm_cli_observe_write_int (w, "items", forecast->items);
  fm_cli_observe_write_int (w, "runs", forecast->runs);
  fm_cli_observe_write_int (w, "seed", seed);
  for (guint i = 0; i < G_N_ELEMENTS (percent_keys); i++)
    {
      fm_json_writer_key (w, percent_keys[i]);
      fm_json_writer_begin_object (w);
      fm_json_writer_member_number (w, "days", forecast->days[i]);
      write_date (w, "date", &forecast->dates[i]);
      fm_json_writer_end_object (w);
    }
  /* Fewer than FM_OBSERVED_FORECAST_MIN_WEEKS: uncertain. */
  fm_cli_observe_write_int (w, "weeks", forecast->weeks);
  fm_json_writer_end_object (w);
}

static void
write_mapping (FmJsonWriter      *w,
               FmObservedLog     *log,
               FmObservedMapping *mapping)
{
  g_auto(GStrv) unmapped = fm_observed_mapping_dup_unmapped (mapping);

  fm_json_writer_key (w, "mapping");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_observed_mapping_get_n_states (mapping); i++)
    {
      fm_json_writer_begin_object (w);
      write_string (w, "state", fm_observed_mapping_get_state (mapping, i));
      write_string (w, "node", fm_observed_mapping_get_node_id (mapping, i));
      fm_json_writer_key (w, "done");
      fm_json_writer_boolean (w, fm_observed_mapping_get_done (mapping, i));
      fm_json_writer_key (w, "explicit");
      fm_json_writer_boolean (w, fm_observed_mapping_get_explicit (mapping, i));
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "unmapped");
  fm_json_writer_begin_array (w);
  for (guint i = 0; unmapped[i] != NULL; i++)
    fm_json_writer_string (w, unmapped[i]);
  fm_json_writer_end_array (w);

  fm_cli_observe_write_warnings (w, log);
}

/* The keys of docs/observed.md, the required ones first and in order. */
static void
write_json (FmJsonWriter             *w,
            FmObservedLog            *log,
            FmObservedMapping        *mapping,
            FmObserved               *o,
            GPtrArray                *evidence,
            const FmObservedForecast *forecast,
            guint32                   seed)
{
  fm_json_writer_begin_object (w);
  fm_cli_observe_write_int (w, "items", o->items);
  fm_cli_observe_write_int (w, "finished", o->finished);
  fm_json_writer_member_number (w, "lead_time_p50_s", o->lead_time_p50_s);
  fm_json_writer_member_number (w, "lead_time_p85_s", o->lead_time_p85_s);
  fm_json_writer_member_number (w, "lead_time_p95_s", o->lead_time_p95_s);
  fm_json_writer_member_number (w, "throughput_per_week", o->throughput_per_week);

  fm_json_writer_key (w, "nodes");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < o->nodes->len; i++)
    {
      const FmObservedNode *node = &g_array_index (o->nodes, FmObservedNode, i);

      fm_json_writer_begin_object (w);
      write_string (w, "id", node->node_id);
      fm_cli_observe_write_int (w, "count", node->count);
      fm_json_writer_member_number (w, "median_s", node->median_s);
      fm_json_writer_member_number (w, "p85_s", node->p85_s);
      fm_json_writer_member_number (w, "mean_s", node->mean_s);
      write_string (w, "kind", fm_node_kind_to_string (node->kind));
      fm_cli_observe_write_int (w, "items", node->items);
      fm_cli_observe_write_int (w, "in_progress", node->in_progress);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "aging");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < o->aging->len; i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);

      fm_json_writer_begin_object (w);
      write_string (w, "item", age->item);
      write_string (w, "state", age->state);
      fm_json_writer_member_number (w, "age_s", age->age_s);
      write_string (w, "node", age->node_id);
      fm_json_writer_key (w, "over_p85");
      fm_json_writer_boolean (w, age->over_p85);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_cli_observe_write_errors (w, log);

  fm_cli_observe_write_int (w, "in_progress", o->in_progress);
  fm_json_writer_member_number (w, "flow_efficiency", o->flow_efficiency);
  fm_json_writer_key (w, "period");
  fm_json_writer_begin_object (w);
  write_date (w, "from", &o->first_day);
  write_date (w, "to", &o->last_day);
  fm_json_writer_end_object (w);
  write_series (w, o);
  write_forecast (w, forecast, seed);
  write_mapping (w, log, mapping);
  fm_cli_observe_write_evidence (w, evidence);
  fm_json_writer_key (w, "working_time");
  fm_json_writer_boolean (w, o->calendar != NULL);
  fm_json_writer_end_object (w);
}

/* printf pads by bytes; names with “’” or translations need it by
 * characters. Its texts are names, states, ids and types from the files:
 * escaped, like every text from a file the report prints. */
static void
print_padded (const char *raw,
              int         width)
{
  g_autofree char *text = fm_cli_escape_text (raw);
  glong pad = width - g_utf8_strlen (text, -1);

  printf ("%s%*s", text, (int) MAX (pad, 1), "");
}

/* A lead time or a stay as the map's figures read it, "3.2 d", or "–"
 * for a figure that cannot be computed. */
char *
fm_cli_observe_duration (double seconds,
                         double day_length_s)
{
  return fm_duration_format_figure (seconds, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, day_length_s);
}

static void
print_summary (FmObserved *o,
               double      day)
{
  g_autofree char *first = format_date (&o->first_day);
  g_autofree char *last = format_date (&o->last_day);
  struct {
    const char *name;
    char *value;
  } rows[] = {
    { N_("Items"), g_strdup_printf ("%u", o->items) },
    { N_("Finished"), g_strdup_printf ("%u", o->finished) },
    { N_("In progress"), g_strdup_printf ("%u", o->in_progress) },
    { N_("Lead time, median"), fm_cli_observe_duration (o->lead_time_p50_s, day) },
    { N_("Lead time, 85th percentile"), fm_cli_observe_duration (o->lead_time_p85_s, day) },
    { N_("Lead time, 95th percentile"), fm_cli_observe_duration (o->lead_time_p95_s, day) },
    { N_("Throughput a week"), isnan (o->throughput_per_week) ? g_strdup ("–")
                                 : g_strdup_printf ("%.1f", o->throughput_per_week) },
    { N_("Flow efficiency"), fm_figure_format_percent (100 * o->flow_efficiency, "%.1f") },
  };

  printf (_("Observed %s – %s\n\n"), first, last);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      printf ("  ");
      print_padded (_(rows[i].name), 30);
      printf ("%s\n", rows[i].value);
      g_free (rows[i].value);
    }
}

static void
print_nodes (FmDocument *document,
             FmMap      *map,
             FmObserved *o,
             double      day)
{
  /* The map's times are in its own days. */
  double map_day = fm_document_get_day_length_s (document);

  if (o->nodes->len == 0)
    return;

  printf ("\n%s\n  ", _("Time in each step and queue (completed visits):"));
  print_padded ("", 34);
  print_padded (_("visits"), 8);
  print_padded (_("median"), 14);
  print_padded (_("85th pct"), 14);
  printf ("%s\n", _("on the map"));
  for (guint i = 0; i < o->nodes->len; i++)
    {
      const FmObservedNode *node = &g_array_index (o->nodes, FmObservedNode, i);
      FmNode *model = fm_map_lookup_node (map, node->node_id);
      g_autofree char *count = g_strdup_printf ("%u", node->count);
      g_autofree char *median = fm_cli_observe_duration (node->median_s, day);
      g_autofree char *p85 = fm_cli_observe_duration (node->p85_s, day);
      g_autofree char *mapped = model != NULL ? fm_cli_observe_duration (fm_metrics_node_time (document, model), map_day)
                                              : g_strdup ("–");
      const char *label = model != NULL && *fm_node_get_label (model) ? fm_node_get_label (model)
                                                                       : node->node_id;

      printf ("  ");
      print_padded (label, 34);
      print_padded (count, 8);
      print_padded (median, 14);
      print_padded (p85, 14);
      printf ("%s\n", mapped);
    }
}

static void
print_aging (FmObserved *o,
             double      day)
{
  g_autofree char *p85 = fm_cli_observe_duration (o->lead_time_p85_s, day);

  if (o->aging->len == 0)
    return;

  printf ("\n");
  printf (_("Work in progress by age (85 %% of finished items took at most %s):\n"), p85);
  for (guint i = 0; i < o->aging->len; i++)
    {
      const FmObservedAge *age = &g_array_index (o->aging, FmObservedAge, i);
      g_autofree char *text = fm_cli_observe_duration (age->age_s, day);

      printf ("  ");
      print_padded (age->item, 14);
      print_padded (age->state, 30);
      if (age->over_p85)
        {
          print_padded (text, 11);
          /* xgettext:no-c-format */
          printf ("%s\n", _("older than 85 % of finished items"));
        }
      else
        {
          printf ("%s\n", text);
        }
    }
}

static void
print_distribution (FmObserved *o)
{
  if (o->distribution->len == 0)
    return;

  printf ("\n%s\n", _("Finished items by type:"));
  for (guint i = 0; i < o->distribution->len; i++)
    {
      const FmObservedShare *share = &g_array_index (o->distribution, FmObservedShare, i);
      g_autofree char *percent = fm_figure_format_percent (100 * share->share, "%5.1f");

      printf ("  ");
      print_padded (share->type != NULL ? share->type : _("(no type)"), 20);
      printf ("%s  (%u)\n", percent, share->finished);
    }
}

static void
print_forecast (const FmObservedForecast *forecast)
{
  char *dates[3] = { NULL };

  if (forecast == NULL)
    return;

  printf ("\n");
  if (isnan (forecast->days[0]))
    {
      printf (_("Forecast of %u items: not possible without a complete week in which items finished\n"),
              forecast->items);
      return;
    }

  if (isinf (forecast->days[0]))
    {
      printf (_("Forecast of %u items (%u runs): more than 100 years away at the observed throughput\n"),
              forecast->items, forecast->runs);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    dates[i] = isinf (forecast->days[i]) ? g_strdup (_("more than 100 years away"))
                                         : format_date (&forecast->dates[i]);
  printf (_("Forecast of %u items (%u runs): 50 %% likely by %s, 85 %% by %s, 95 %% by %s\n"),
          forecast->items, forecast->runs, dates[0], dates[1], dates[2]);
  if (forecast->weeks < FM_OBSERVED_FORECAST_MIN_WEEKS)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Warning: the forecast draws on %u week only; with fewer than %u it is uncertain\n",
                         "Warning: the forecast draws on %u weeks only; with fewer than %u it is uncertain\n",
                         forecast->weeks),
            forecast->weeks, FM_OBSERVED_FORECAST_MIN_WEEKS);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_free (dates[i]);
}

static void
print_mapping (FmObservedLog     *log,
               FmObservedMapping *mapping)
{
  printf ("\n%s\n", _("States:"));
  for (guint i = 0; i < fm_observed_mapping_get_n_states (mapping); i++)
    {
      const char *node_id = fm_observed_mapping_get_node_id (mapping, i);

      printf ("  ");
      print_padded (fm_observed_mapping_get_state (mapping, i), 30);
      if (fm_observed_mapping_get_done (mapping, i))
        printf ("%s\n", _("finishes an item"));
      else if (node_id == NULL)
        printf ("%s\n", _("not mapped: counts in lead time only"));
      else
        {
          g_autofree char *shown = fm_cli_escape_text (node_id);

          printf ("→ %s%s\n", shown, fm_observed_mapping_get_explicit (mapping, i) ? "" : _(" (by name)"));
        }
    }

  fm_cli_observe_print_problems (log);
}

/* The key `errors`: the rows left out, with their lines; shared with
 * `flowmap discover`, whose JSON reports the same log. */
void
fm_cli_observe_write_errors (FmJsonWriter  *w,
                             FmObservedLog *log)
{
  fm_json_writer_key (w, "errors");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_observed_log_get_n_errors (log); i++)
    {
      const FmObservedProblem *problem = fm_observed_log_get_error (log, i);

      fm_json_writer_begin_object (w);
      fm_cli_observe_write_int (w, "line", problem->line);
      write_string (w, "message", problem->message);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);
}

/* The key `warnings`: what the importer says of the file as a whole. */
void
fm_cli_observe_write_warnings (FmJsonWriter  *w,
                               FmObservedLog *log)
{
  fm_json_writer_key (w, "warnings");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_observed_log_get_n_warnings (log); i++)
    fm_json_writer_string (w, fm_observed_log_get_warning (log, i));
  fm_json_writer_end_array (w);
}

/* The importer's warnings and the rows it left out, escaped: shared with
 * `flowmap discover`. */
void
fm_cli_observe_print_problems (FmObservedLog *log)
{
  for (guint i = 0; i < fm_observed_log_get_n_warnings (log); i++)
    {
      g_autofree char *warning = fm_cli_escape_message (fm_observed_log_get_warning (log, i));

      printf ("%s %s\n", i == 0 ? "\n•" : "•", warning);
    }

  if (fm_observed_log_get_n_errors (log) > 0)
    {
      printf ("\n%s\n", _("Rows not imported:"));
      for (guint i = 0; i < fm_observed_log_get_n_errors (log); i++)
        {
          const FmObservedProblem *problem = fm_observed_log_get_error (log, i);
          g_autofree char *message = fm_cli_escape_message (problem->message);

          printf (_("  line %u: %s\n"), problem->line, message);
        }
    }
}

static gboolean
parse_date_option (const char  *name,
                   const char  *text,
                   GTimeZone   *tz,
                   gboolean     end_of_day,
                   GDateTime  **out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 t;

  if (!fm_csv_parse_time (trimmed, tz, &t))
    {
      g_printerr (_("flowmap observe: %s “%s” is not a date (YYYY-MM-DD) or a date and time\n"), name, text);
      return FALSE;
    }

  /* --to 2026-11-20 takes in the whole of that day. */
  if (end_of_day && strlen (trimmed) <= 10)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

      *out = g_date_time_add_days (local, 1);
    }
  else
    {
      *out = g_date_time_new_from_unix_utc (t);
    }

  return TRUE;
}

/* Maps the states of --mapping STATE=NODE_ID by hand; says what is wrong
 * as @command. Shared with `flowmap simulate --csv`. */
gboolean
fm_cli_observe_apply_mappings (const char        *command,
                               FmObservedMapping *mapping,
                               FmMap             *map,
                               char             **mappings)
{
  for (guint i = 0; mappings != NULL && mappings[i] != NULL; i++)
    {
      g_autofree char *state = g_strdup (mappings[i]);
      g_autoptr(GError) error = NULL;
      char *node_id = strrchr (state, '=');

      /* Split at the last "=": a state may hold one, a node id does not. */
      g_assert (node_id != NULL);
      *node_id++ = '\0';
      if (!fm_observed_mapping_set (mapping, map, state, *node_id != '\0' ? node_id : NULL, &error))
        {
          g_autofree char *shown = fm_cli_escape_text (mappings[i]);
          g_autofree char *message = fm_cli_escape_message (error->message);

          g_printerr ("%s: --mapping “%s”: %s\n", command, shown, message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_output (FmDocument          *document,
              FmMap               *map,
              FmObserved          *observed,
              FmObservedStatistic  statistic,
              const char          *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = fm_observed_check_apply (observed, document, map, statistic);

  if (too_long != NULL)
    {
      g_autofree char *shown = fm_cli_escape_text (output);
      g_autofree char *message = fm_cli_escape_message (too_long);

      g_printerr (_("flowmap observe: %s: not saved: %s\n"), shown, message);
      return FALSE;
    }
  fm_observed_apply (observed, document, map, statistic);
  if (!fm_json_save_file (document, file, &error))
    {
      fm_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}

int
fm_cli_observe (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *csv_path = NULL;
  g_autofree char *map_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *statistic_name = NULL;
  g_autofree char *zone_name = NULL;
  g_autofree char *chart = NULL;
  g_auto(GStrv) mappings = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *calendar_spec = NULL;
  g_auto(GStrv) holidays = NULL;
  gboolean working_time = FALSE;
  int forecast_items = 0;
  int seed = DEFAULT_SEED;
  GOptionEntry entries[] = {
    { "csv", 'c', 0, G_OPTION_ARG_FILENAME, &csv_path, N_("The export of work items to read"), N_("DATA.csv") },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map whose nodes the states are, by id or name (default: the first)"), N_("ID|NAME") },
    { "mapping", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mappings, N_("Map a state to a node by hand (empty NODE_ID: to none); repeat for more"), N_("STATE=NODE_ID") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (keys as in docs/observed.md)"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Only items finished from this day on"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Only items finished up to this day; work in progress as of its end"), N_("DATE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("The data as it was at the end of this day, or at this date and time (default: just after its last event)"), N_("DATE") },
    { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, &types, N_("Only items of this work item type; repeat for more"), N_("TYPE") },
    { "working-time", 'w', 0, G_OPTION_ARG_NONE, &working_time, N_("Durations in working time, by the calendar of FILE"), NULL },
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &calendar_spec, N_("Durations in working time, by these days and hours in --time-zone instead of FILE’s calendar"), N_("\"Mon-Fri 09:00-17:00\"") },
    { "holiday", 0, 0, G_OPTION_ARG_STRING_ARRAY, &holidays, N_("A day off of --calendar; repeat for more"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write FILE with the observed times on the map’s nodes"), N_("OUT.flowmap") },
    { "statistic", 0, 0, G_OPTION_ARG_STRING, &statistic_name, N_("What -o puts on the map: mean (default: adds up along the path, as in the app), median or p85"), N_("mean|median|p85") },
    { "forecast", 0, 0, G_OPTION_ARG_INT, &forecast_items, N_("Forecast when N more items will be finished"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the forecast’s random numbers (default: 1)"), N_("N") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &zone_name, N_("Time zone of times without an offset, and of days (default: local)"), N_("TZ") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart, N_("Make -o a chart instead: cfd, scatter, throughput or aging (PNG, SVG or PDF, by its extension)"), N_("KIND") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) observed = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(FmCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  /* The mean, as the app's Apply offers first: means add up along the path. */
  FmObservedStatistic statistic = FM_OBSERVED_MEAN;
  FmCsvImportOptions import_options;
  FmObservedOptions options;
  FmObservedForecast forecast;
  gboolean has_forecast = FALSE;
  FmMap *map;

  context = fm_cli_option_context_new (_("FILE"),
                                       _("Reads an export of work items from a tracker (a row per state "
                                         "change, or a row per item with a column per state), maps its "
                                         "states to the steps and queues of a map of FILE and prints the "
                                         "observed lead time, throughput, time in each node, aging work "
                                         "and flow efficiency. See docs/observed.md."),
                                       entries);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;

  if (csv_path == NULL)
    {
      g_printerr (_("flowmap observe: --csv DATA.csv is needed\n"));
      return FM_CLI_USAGE;
    }
  if (statistic_name != NULL && g_str_equal (statistic_name, "p85"))
    statistic = FM_OBSERVED_P85;
  else if (statistic_name != NULL && g_str_equal (statistic_name, "median"))
    statistic = FM_OBSERVED_MEDIAN;
  else if (statistic_name != NULL && !g_str_equal (statistic_name, "mean"))
    {
      g_printerr (_("flowmap observe: --statistic must be mean, median or p85\n"));
      return FM_CLI_USAGE;
    }
  if (forecast_items < 0 || seed < 0)
    {
      g_printerr (_("flowmap observe: --forecast and --seed take a number of 0 or more\n"));
      return FM_CLI_USAGE;
    }
  for (guint i = 0; mappings != NULL && mappings[i] != NULL; i++)
    if (strchr (mappings[i], '=') == NULL)
      {
        g_printerr (_("flowmap observe: --mapping “%s” is not STATE=NODE_ID\n"), mappings[i]);
        return FM_CLI_USAGE;
      }

  if (chart != NULL && !fm_cli_observe_check_chart (chart, output))
    return FM_CLI_USAGE;

  tz = zone_name != NULL ? fm_cli_time_zone_new (zone_name) : g_time_zone_new_local ();
  if (tz == NULL)
    {
      g_printerr (_("flowmap observe: unknown time zone “%s”\n"), zone_name);
      return FM_CLI_USAGE;
    }
  /* --as-of is --to by the name the Observed page gives it. */
  if (to_text != NULL && as_of_text != NULL)
    {
      g_printerr (_("flowmap observe: --to and --as-of are the same: give one\n"));
      return FM_CLI_USAGE;
    }
  if ((from_text != NULL && !parse_date_option ("--from", from_text, tz, FALSE, &from)) ||
      (to_text != NULL && !parse_date_option ("--to", to_text, tz, TRUE, &to)) ||
      (as_of_text != NULL && !parse_date_option ("--as-of", as_of_text, tz, TRUE, &to)))
    return FM_CLI_USAGE;
  if (as_of_text != NULL)
    to_text = g_strdup (as_of_text);
  if (from != NULL && to != NULL && g_date_time_compare (from, to) >= 0)
    {
      g_printerr (_("flowmap observe: --from %s is not before --to %s\n"), from_text, to_text);
      return FM_CLI_USAGE;
    }

  if (holidays != NULL && calendar_spec == NULL)
    {
      g_printerr (_("flowmap observe: --holiday needs --calendar\n"));
      return FM_CLI_USAGE;
    }
  if (calendar_spec != NULL)
    {
      g_autofree char *days_off = holidays != NULL ? g_strjoinv (",", holidays) : NULL;

      calendar = fm_calendar_new_from_fields (calendar_spec, days_off, NULL, tz, &error);
      if (calendar == NULL)
        {
          g_printerr ("flowmap observe: --calendar: %s\n", error->message);
          return FM_CLI_USAGE;
        }
    }

  document = fm_cli_load (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;
  if (calendar == NULL && working_time)
    {
      /* The file's calendar was checked as it was read. */
      if (fm_document_get_working_hours (document) == NULL)
        {
          g_autofree char *shown = fm_cli_escape_text (argv[1]);

          g_printerr (_("flowmap observe: %s has no working calendar: give one with --calendar\n"), shown);
          return FM_CLI_FAILED;
        }
      calendar = fm_calendar_new_from_fields (fm_document_get_working_hours (document),
                                              fm_document_get_holidays (document),
                                              fm_document_get_calendar_time_zone (document), tz, NULL);
      g_assert (calendar != NULL);
    }
  map = fm_cli_pick_map (document, argv[1], map_name);
  if (map == NULL)
    return FM_CLI_FAILED;

  fm_csv_import_options_init (&import_options);
  import_options.time_zone = tz;
  csv_file = g_file_new_for_commandline_arg (csv_path);
  log = fm_csv_import_file (csv_file, &import_options, NULL, &error);
  if (log == NULL)
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }

  mapping = fm_observed_mapping_new (log, map);
  if (!fm_cli_observe_apply_mappings ("flowmap observe", mapping, map, mappings))
    return FM_CLI_FAILED;

  fm_observed_options_init (&options);
  options.from = from;
  options.to = to;
  options.time_zone = tz;
  options.types = (const char * const *) types;
  options.calendar = calendar;
  observed = fm_observed_compute (log, mapping, map, &options);
  /* A period that starts after the data ends holds nothing: every figure
   * would be "–" without a word why. */
  if (from != NULL && g_date_time_compare (from, observed->as_of) >= 0)
    {
      /* The period ends just after the last event (or at --to). */
      g_autoptr(GDateTime) last = g_date_time_add_seconds (observed->as_of, -1);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (last, tz);
      g_autofree char *end = g_date_time_format (local, "%Y-%m-%d");

      g_printerr (_("flowmap observe: --from %s is after the end of the data (%s)\n"), from_text, end);
      return FM_CLI_USAGE;
    }
  evidence = fm_evidence_compute (log, mapping, map, observed, &options);
  if (forecast_items > 0)
    {
      fm_observed_forecast (observed, forecast_items, FM_OBSERVED_FORECAST_RUNS, seed, &forecast);
      has_forecast = TRUE;
    }

  /* A chart is all that is asked for. */
  if (chart != NULL)
    return fm_cli_observe_write_chart (chart, output, document, log, mapping, map, observed, &options, csv_path)
           ? FM_CLI_OK : FM_CLI_FAILED;

  if (json)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      FmJsonWriter writer;

      fm_json_writer_init (&writer, out, TRUE);
      write_json (&writer, log, mapping, observed, evidence, has_forecast ? &forecast : NULL, seed);
      fm_json_writer_clear (&writer);
      printf ("%s\n", out->str);
    }
  else
    {
      /* In working time, "1 d" is a working day. */
      double day = calendar != NULL ? fm_calendar_day_length_s (calendar) : fm_document_get_day_length_s (document);

      print_summary (observed, day);
      print_nodes (document, map, observed, day);
      print_aging (observed, day);
      print_distribution (observed);
      print_forecast (has_forecast ? &forecast : NULL);
      fm_cli_observe_print_evidence (evidence, map, day);
      print_mapping (log, mapping);
    }

  if (output != NULL && !write_output (document, map, observed, statistic, output))
    return FM_CLI_FAILED;

  return FM_CLI_OK;
}
