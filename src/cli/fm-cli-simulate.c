/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-simulate.c: `flowmap simulate [--map ID|NAME] [--mode monte-carlo|flow]
 * [--variability none|triangular|exponential|observed] [--spread S]
 * [--csv DATA.csv [--mapping STATE=NODE_ID …] [--type TYPE …] [--time-zone TZ]]
 * [--runs N] [--items N] [--seed N] [--json] [--chart KIND -o OUT] FILE` */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fm-cli.h"
#include "fm-cli-observe-private.h"
#include "fm-cli-private.h"
#include "fm-csv-import.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-export-chart.h"
#include "fm-json-writer.h"
#include "fm-simulate.h"

static void
write_json (FmSimulateResult        *r,
            const FmSimulateOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  FmJsonWriter w;

  fm_json_writer_init (&w, out, TRUE);
  fm_json_writer_begin_object (&w);
  fm_json_writer_key (&w, "mode");
  fm_json_writer_string (&w, r->mode == FM_SIMULATE_FLOW ? "flow" : "monte-carlo");
  fm_json_writer_key (&w, "variability");
  fm_json_writer_string (&w, fm_variability_to_string (options->variability));
  fm_json_writer_key (&w, "seed");
  fm_json_writer_int (&w, options->seed);
  fm_json_writer_key (&w, "samples");
  fm_json_writer_int (&w, r->samples);
  fm_json_writer_member_number (&w, "lead_time_mean_s", r->lead_time_mean_s);
  fm_json_writer_member_number (&w, "lead_time_p50_s", r->lead_time_p50_s);
  fm_json_writer_member_number (&w, "lead_time_p85_s", r->lead_time_p85_s);
  fm_json_writer_member_number (&w, "lead_time_p95_s", r->lead_time_p95_s);
  if (options->variability == FM_VARIABILITY_OBSERVED)
    {
      fm_json_writer_key (&w, "observed_nodes");
      fm_json_writer_int (&w, r->observed_nodes);
      fm_json_writer_key (&w, "observable_nodes");
      fm_json_writer_int (&w, r->observable_nodes);
    }

  fm_json_writer_key (&w, "histogram");
  fm_json_writer_begin_object (&w);
  fm_json_writer_member_number (&w, "start_s", r->histogram_start_s);
  fm_json_writer_member_number (&w, "width_s", r->histogram_width_s);
  fm_json_writer_key (&w, "counts");
  fm_json_writer_begin_array (&w);
  for (guint i = 0; i < r->histogram->len; i++)
    fm_json_writer_int (&w, g_array_index (r->histogram, guint, i));
  fm_json_writer_end_array (&w);
  fm_json_writer_end_object (&w);

  if (r->mode == FM_SIMULATE_FLOW)
    {
      fm_json_writer_member_number (&w, "throughput_per_day", r->throughput_per_day);
      fm_json_writer_member_number (&w, "wip_mean", r->wip_mean);
      fm_json_writer_member_number (&w, "duration_s", r->duration_s);
      fm_json_writer_key (&w, "nodes");
      fm_json_writer_begin_array (&w);
      for (guint i = 0; i < r->nodes->len; i++)
        {
          const FmSimulateNode *node = &g_array_index (r->nodes, FmSimulateNode, i);

          fm_json_writer_begin_object (&w);
          fm_json_writer_key (&w, "id");
          fm_json_writer_string (&w, fm_node_get_id (node->node));
          fm_json_writer_member_number (&w, "utilization", node->utilization);
          fm_json_writer_member_number (&w, "queue_mean", node->queue_mean);
          fm_json_writer_member_number (&w, "wait_mean_s", node->wait_mean_s);
          fm_json_writer_end_object (&w);
        }
      fm_json_writer_end_array (&w);
    }

  fm_json_writer_end_object (&w);
  fm_json_writer_clear (&w);
  printf ("%s\n", out->str);
}

/* Lead times and waits as the map's figures read: "15.8 d". */
static char *
format_duration (FmDocument *document,
                 double      seconds)
{
  return isfinite (seconds) ? fm_figure_format_duration (document, FM_DURATION_LEAD, seconds) : g_strdup ("–");
}

static void
print_report (FmDocument              *document,
              FmMap                   *map,
              FmSimulateResult        *r,
              const FmSimulateOptions *options)
{
  g_autofree char *title = fm_cli_escape_text (*fm_map_get_name (map) ? fm_map_get_name (map) : fm_map_get_id (map));
  g_autofree char *mean = format_duration (document, r->lead_time_mean_s);
  g_autofree char *p50 = format_duration (document, r->lead_time_p50_s);
  g_autofree char *p85 = format_duration (document, r->lead_time_p85_s);
  g_autofree char *p95 = format_duration (document, r->lead_time_p95_s);

  printf ("%s\n\n", title);
  if (r->mode == FM_SIMULATE_FLOW)
    /* Translators: "flowmap simulate"'s first line in flow mode */
    printf (_("Flow simulation of %u items out (variability %s, seed %u)\n"),
            r->samples, fm_variability_to_string (options->variability), options->seed);
  else
    printf (_("Monte Carlo of %u runs (variability %s, seed %u)\n"),
            r->samples, fm_variability_to_string (options->variability), options->seed);
  printf (_("  Lead time: mean %s, 50 %% within %s, 85 %% within %s, 95 %% within %s\n"),
          mean, p50, p85, p95);
  if (options->variability == FM_VARIABILITY_OBSERVED)
    printf (r->mode == FM_SIMULATE_FLOW
            ? _("  Observed stays shape the times of %u of %u steps; the others are as mapped\n")
            : _("  Observed stays give the times of %u of %u steps and queues; the others are as mapped\n"),
            r->observed_nodes, r->observable_nodes);

  if (r->mode != FM_SIMULATE_FLOW)
    return;

  {
    g_autofree char *throughput = fm_format_decimal ("%.2f", r->throughput_per_day);
    g_autofree char *wip = fm_format_decimal ("%.1f", r->wip_mean);

    printf (_("  Throughput: %s a day; work in progress: %s on average\n"), throughput, wip);
  }

  printf ("\n%s\n", _("Nodes (utilization, items waiting on average, mean wait):"));
  for (guint i = 0; i < r->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (r->nodes, FmSimulateNode, i);
      const char *label = fm_node_get_label (node->node);
      g_autofree char *name = fm_cli_escape_text (*label ? label : fm_node_get_id (node->node));
      g_autofree char *wait = format_duration (document, node->wait_mean_s);
      g_autofree char *queue = fm_format_decimal ("%.1f", node->queue_mean);
      g_autofree char *utilization = fm_figure_format_percent (100 * node->utilization, "%.0f");

      if (fm_node_get_kind (node->node) != FM_NODE_KIND_PROCESS &&
          fm_node_get_kind (node->node) != FM_NODE_KIND_QUEUE)
        continue;
      printf ("  %s: %s, %s, %s\n", name, utilization, queue, wait);
    }
}

static gboolean
read_mode (const char     *name,
           FmSimulateMode *mode)
{
  if (name == NULL || g_str_equal (name, "monte-carlo"))
    *mode = FM_SIMULATE_MONTE_CARLO;
  else if (g_str_equal (name, "flow"))
    *mode = FM_SIMULATE_FLOW;
  else
    return FALSE;

  return TRUE;
}

/* The observed data of --csv, measured against @map as `flowmap observe`
 * measures it: all of it, as of its end. NULL after saying what is wrong. */
static FmObserved *
observe (const char *csv_path,
         char      **mappings,
         char      **types,
         const char *zone_name,
         FmMap      *map)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  FmCsvImportOptions import_options;
  FmObservedOptions options;

  tz = zone_name != NULL ? fm_cli_time_zone_new (zone_name) : g_time_zone_new_local ();
  if (tz == NULL)
    {
      g_printerr (_("flowmap simulate: unknown time zone “%s”\n"), zone_name);
      return NULL;
    }

  fm_csv_import_options_init (&import_options);
  import_options.time_zone = tz;
  file = g_file_new_for_commandline_arg (csv_path);
  log = fm_csv_import_file (file, &import_options, NULL, &error);
  if (log == NULL)
    {
      fm_cli_print_error (error);
      return NULL;
    }

  mapping = fm_observed_mapping_new (log, map);
  if (!fm_cli_observe_apply_mappings ("flowmap simulate", mapping, map, mappings))
    return NULL;

  fm_observed_options_init (&options);
  options.time_zone = tz;
  options.types = (const char * const *) types;
  return fm_observed_compute (log, mapping, map, &options);
}

int
fm_cli_simulate (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *map_name = NULL, *mode = NULL, *variability = NULL, *chart = NULL, *output = NULL;
  g_autofree char *csv_path = NULL, *zone_name = NULL;
  g_auto(GStrv) mappings = NULL;
  g_auto(GStrv) types = NULL;
  int runs = G_MININT, items = 10000, seed = 1;  /* runs: G_MININT until given */
  double spread = 0.5;
  GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map to simulate, by id or name (default: the first)"), N_("ID|NAME") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_("monte-carlo (the lead time, run many times; the default) or flow (items through the steps’ people)"), N_("MODE") },
    { "variability", 0, 0, G_OPTION_ARG_STRING, &variability,
      N_("How times vary: none, triangular (default for monte-carlo), exponential (default for flow), or observed "
         "(with --csv): in monte-carlo a node’s time is one of its observed stays, drawn at random; in flow a step’s "
         "times are scaled by a stay ÷ the mean stay, as the stays include the waits that the simulation makes itself"),
      N_("KIND") },
    { "spread", 0, 0, G_OPTION_ARG_DOUBLE, &spread, N_("Triangular: the half-width of the band, as a share of the time (default: 0.5)"), N_("S") },
    { "csv", 'c', 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Observed data, an export of work items as for flowmap observe: its stays are what --variability observed draws from (the default with it)"), N_("DATA.csv") },
    { "mapping", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mappings, N_("With --csv: map a state to a node by hand (empty NODE_ID: to none); repeat for more"), N_("STATE=NODE_ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, &types, N_("With --csv: only the stays of items of this work item type; repeat for more"), N_("TYPE") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &zone_name, N_("With --csv: the time zone of its times without an offset (default: local)"), N_("TZ") },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, N_("Monte Carlo runs (default: 10000, fewer on a map of more than 20000 nodes, so that they pass 200 million nodes at most)"), N_("N") },
    { "items", 0, 0, G_OPTION_ARG_INT, &items, N_("Items that arrive in a flow simulation (default: 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the random numbers (default: 1)"), N_("N") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (keys as in docs/simulation.md)"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart, N_("Write a chart to -o instead: histogram, or for flow mode queues or utilization (PNG, SVG or PDF, by its extension)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The chart’s file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(FmSimulateResult) result = NULL;
  g_autoptr(FmObserved) observed = NULL;
  g_autoptr(GError) error = NULL;
  FmSimulateOptions options;
  FmSimChartKind chart_kind = FM_SIM_CHART_HISTOGRAM;
  FmExportFormat format;
  FmMap *map;
  int status;

  status = fm_cli_parse_and_load (_("Simulates a map: its lead time run many times with times that vary "
                                    "(monte-carlo), or items flowing through its steps (flow)."),
                                  entries, &argc, &argv, &document);
  if (status != FM_CLI_OK)
    return status;

  fm_simulate_options_init (&options);
  if (!read_mode (mode, &options.mode))
    {
      g_printerr (_("flowmap simulate: --mode is monte-carlo or flow\n"));
      return FM_CLI_USAGE;
    }
  options.variability = options.mode == FM_SIMULATE_FLOW ? FM_VARIABILITY_EXPONENTIAL : FM_VARIABILITY_TRIANGULAR;
  /* Observed data is given to be drawn from. */
  if (csv_path != NULL)
    options.variability = FM_VARIABILITY_OBSERVED;
  if (variability != NULL && !fm_variability_from_string (variability, &options.variability))
    {
      g_printerr (_("flowmap simulate: --variability is none, triangular, exponential or observed\n"));
      return FM_CLI_USAGE;
    }
  if (options.variability == FM_VARIABILITY_OBSERVED && csv_path == NULL)
    {
      g_printerr (_("flowmap simulate: --variability observed draws the times from observed data: give an export "
                    "of work items from a tracker with --csv DATA.csv, as for flowmap observe (the document does "
                    "not keep observed data)\n"));
      return FM_CLI_USAGE;
    }
  if (csv_path != NULL && options.variability != FM_VARIABILITY_OBSERVED)
    {
      g_printerr (_("flowmap simulate: --csv is for --variability observed\n"));
      return FM_CLI_USAGE;
    }
  if ((mappings != NULL || types != NULL || zone_name != NULL) && csv_path == NULL)
    {
      g_printerr (_("flowmap simulate: --mapping, --type and --time-zone need --csv\n"));
      return FM_CLI_USAGE;
    }
  for (guint i = 0; mappings != NULL && mappings[i] != NULL; i++)
    if (strchr (mappings[i], '=') == NULL)
      {
        g_printerr (_("flowmap simulate: --mapping “%s” is not STATE=NODE_ID\n"), mappings[i]);
        return FM_CLI_USAGE;
      }
  if ((runs < 1 && runs != G_MININT) || items < 1 || seed < 0 || !(spread >= 0 && spread <= 1))
    {
      g_printerr (_("flowmap simulate: --runs and --items take a number of 1 or more, --seed 0 or more, "
                    "--spread from 0 to 1\n"));
      return FM_CLI_USAGE;
    }
  if (chart != NULL && !fm_sim_chart_kind_from_string (chart, &chart_kind))
    {
      g_printerr (_("flowmap simulate: --chart must be histogram, queues or utilization\n"));
      return FM_CLI_USAGE;
    }
  if ((chart != NULL || output != NULL) && (output == NULL || !fm_export_format_from_path (output, &format)))
    {
      g_printerr (_("flowmap simulate: --chart needs -o OUT.png, OUT.svg or OUT.pdf\n"));
      return FM_CLI_USAGE;
    }
  if (chart_kind != FM_SIM_CHART_HISTOGRAM && options.mode != FM_SIMULATE_FLOW)
    {
      g_printerr (_("flowmap simulate: the %s chart needs --mode flow\n"), chart);
      return FM_CLI_USAGE;
    }
  options.items = items;
  options.seed = seed;
  options.spread = spread;

  map = fm_cli_pick_map (document, argv[1], map_name);
  if (map == NULL)
    return FM_CLI_FAILED;
  options.runs = runs != G_MININT ? (guint) runs : fm_simulate_default_runs (map);

  if (csv_path != NULL)
    {
      observed = observe (csv_path, mappings, types, zone_name, map);
      if (observed == NULL)
        return FM_CLI_FAILED;
      options.observed = observed;
    }

  result = fm_simulate (document, map, &options, &error);
  if (result == NULL)
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }

  /* A chart is all that is asked for: the slide the Simulate page exports. */
  if (output != NULL)
    {
      if (!fm_export_simulation_chart (chart_kind, document, map, result, output, format, FM_CHART_EXPORT_WIDTH,
                                       FM_CHART_EXPORT_HEIGHT, format == FM_EXPORT_FORMAT_PNG ? 2 : 1, &error))
        {
          fm_cli_print_error (error);
          return FM_CLI_FAILED;
        }
      return FM_CLI_OK;
    }

  if (json)
    write_json (result, &options);
  else
    print_report (document, map, result, &options);

  return FM_CLI_OK;
}
