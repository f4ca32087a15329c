/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-metrics.c: `flowmap metrics [--json] [--map ID|NAME] FILE` */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-figures.h"
#include "fm-json-writer.h"
#include "fm-lane-metrics.h"
#include "fm-metrics.h"
#include "fm-working-time.h"

/* Without a path from the trigger to the outcome the times along it cannot
 * be computed: the model leaves 0 there, and the metrics panel shows "–",
 * as the reports do (null in JSON). */
static double
along_path (FmMetrics *metrics,
            double     value)
{
  return metrics->path->len > 0 ? value : NAN;
}

/**
 * fm_cli_metrics_write_json:
 *
 * The figures as the JSON object `flowmap metrics --json` prints, with
 * exactly the keys of docs/metrics.md.
 */
/* "lanes": each lane's share of the critical path, in the order the path
 * enters them (docs/metrics.md, *Lanes*). */
static void
write_lanes_json (FmJsonWriter        *writer,
                  const FmLaneMetrics *lanes)
{
  fm_json_writer_key (writer, "lanes");
  fm_json_writer_begin_array (writer);
  for (guint i = 0; i < lanes->flow_order->len; i++)
    {
      const FmLaneFigures *lane = &g_array_index (lanes->lanes, FmLaneFigures,
                                                  g_array_index (lanes->flow_order, guint, i));

      fm_json_writer_begin_object (writer);
      fm_json_writer_key (writer, "name");
      fm_json_writer_string (writer, lane->name);
      fm_json_writer_member_number (writer, "process_time_s", lane->process_time_s);
      fm_json_writer_member_number (writer, "lead_time_s", lane->lead_time_s);
      fm_json_writer_member_number (writer, "wait_s", lane->wait_s);
      fm_json_writer_member_number (writer, "share", lane->share);
      fm_json_writer_key (writer, "steps");
      fm_json_writer_int (writer, lane->steps);
      fm_json_writer_end_object (writer);
    }
  fm_json_writer_end_array (writer);
}

void
fm_cli_metrics_write_json (FmJsonWriter *writer,
                           FmMap        *map,
                           FmMetrics    *metrics)
{
  g_autoptr(FmMapLanes) map_lanes = fm_map_lanes_new (map);
  g_autoptr(FmLaneMetrics) lanes = fm_lane_metrics_compute (map, map_lanes, metrics);
  locale_t c_numeric, user_locale = (locale_t) 0;

  fm_json_writer_begin_object (writer);
  fm_json_writer_member_number (writer, "lead_time_s", along_path (metrics, metrics->lead_time_s));
  fm_json_writer_member_number (writer, "process_time_s", along_path (metrics, metrics->process_time_s));
  fm_json_writer_member_number (writer, "flow_efficiency", metrics->flow_efficiency);
  fm_json_writer_member_number (writer, "rolled_pca", metrics->rolled_pca);
  fm_json_writer_member_number (writer, "rework_adjusted_lead_time_s",
                                along_path (metrics, metrics->rework_adjusted_lead_time_s));
  fm_json_writer_member_number (writer, "wip", metrics->wip);
  fm_json_writer_member_number (writer, "throughput_per_day", metrics->throughput_per_day);
  fm_json_writer_member_number (writer, "littles_law_lead_time_s", metrics->littles_law_lead_time_s);
  fm_json_writer_key (writer, "littles_law_skipped");
  if (metrics->littles_law_skipped != NULL)
    fm_json_writer_string (writer, metrics->littles_law_skipped);
  else
    fm_json_writer_null (writer);
  fm_json_writer_member_number (writer, "takt_time_s", metrics->takt_time_s);
  fm_json_writer_member_number (writer, "takt_interval_s", metrics->takt_interval_s);
  fm_json_writer_key (writer, "handoffs");
  fm_json_writer_int (writer, metrics->handoffs);
  fm_json_writer_member_number (writer, "rework_process_time_s", metrics->rework_process_time_s);
  fm_json_writer_member_number (writer, "rework_flow_efficiency", metrics->rework_flow_efficiency);
  fm_json_writer_member_number (writer, "rework_handoffs", metrics->rework_handoffs);
  /* The ladder's two rows: they add up to the lead time. */
  fm_json_writer_key (writer, "timeline");
  fm_json_writer_begin_object (writer);
  fm_json_writer_member_number (writer, "waiting_s", metrics->timeline_waiting_s);
  fm_json_writer_member_number (writer, "processing_s", metrics->timeline_processing_s);
  fm_json_writer_end_object (writer);
  /* More than 1: the figures are expectations over the routes. */
  fm_json_writer_key (writer, "routes");
  fm_json_writer_int (writer, metrics->routes);

  fm_json_writer_key (writer, "path");
  fm_json_writer_begin_array (writer);
  for (guint i = 0; i < metrics->path->len; i++)
    fm_json_writer_string (writer, fm_node_get_id (metrics->path->pdata[i]));
  fm_json_writer_end_array (writer);

  write_lanes_json (writer, lanes);

  fm_json_writer_key (writer, "constraints");
  fm_json_writer_begin_array (writer);
  /* JSON is for programs: the reasons' decimals ("14.0 d") are written with
   * a point whatever the user's locale, as the numbers are. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c_numeric != (locale_t) 0)
    user_locale = uselocale (c_numeric);
  for (guint i = 0; i < metrics->constraints->len; i++)
    {
      FmConstraint *c = metrics->constraints->pdata[i];

      fm_json_writer_begin_object (writer);
      fm_json_writer_key (writer, "id");
      fm_json_writer_string (writer, c->id);
      fm_json_writer_key (writer, "label");
      fm_json_writer_string (writer, c->label);
      fm_json_writer_member_number (writer, "score", c->score);
      fm_json_writer_key (writer, "reason");
      fm_json_writer_string (writer, fm_constraint_get_reason (c));
      fm_json_writer_end_object (writer);
    }
  if (c_numeric != (locale_t) 0)
    {
      uselocale (user_locale);
      freelocale (c_numeric);
    }
  fm_json_writer_end_array (writer);

  fm_json_writer_key (writer, "warnings");
  fm_json_writer_begin_array (writer);
  for (guint i = 0; i < metrics->warnings->len; i++)
    {
      FmWarning *w = metrics->warnings->pdata[i];

      fm_json_writer_begin_object (writer);
      fm_json_writer_key (writer, "code");
      fm_json_writer_string (writer, w->code);
      fm_json_writer_key (writer, "message");
      fm_json_writer_string (writer, w->message);
      if (w->id != NULL)
        {
          fm_json_writer_key (writer, "id");
          fm_json_writer_string (writer, w->id);
        }
      fm_json_writer_end_object (writer);
    }
  fm_json_writer_end_array (writer);
  fm_json_writer_end_object (writer);
}

/* The columns a terminal gives @text: printf pads by bytes, and “’”, a
 * translation's umlauts or a wide character take other numbers of bytes. */
static glong
display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
print_row (const char *name,
           const char *value,
           glong       column)
{
  glong pad = column - display_width (name);

  printf ("  %s%*s %s\n", name, (int) MAX (pad, 0), "", value);
}

/* One line a lane, in the order the path enters them, and the lane that
 * holds most of the waiting: the reader of a terminal has no bands. */
static void
print_lanes (FmDocument *document,
             FmMap      *map,
             FmMetrics  *m)
{
  g_autoptr(FmMapLanes) map_lanes = fm_map_lanes_new (map);
  g_autoptr(FmLaneMetrics) lanes = fm_lane_metrics_compute (map, map_lanes, m);
  g_autofree char *constraint = NULL;

  if (lanes->flow_order->len == 0 || m->path->len == 0)
    return;

  printf ("\n%s\n", _("Lanes:"));
  for (guint i = 0; i < lanes->flow_order->len; i++)
    {
      const FmLaneFigures *lane = &g_array_index (lanes->lanes, FmLaneFigures,
                                                  g_array_index (lanes->flow_order, guint, i));
      g_autofree char *name = fm_cli_escape_text (*lane->name != '\0' ? lane->name : _("(no role)"));
      g_autofree char *process = fm_cli_format_figure (document, "process_time_s", lane->process_time_s);
      g_autofree char *lead = fm_cli_format_figure (document, "lead_time_s", lane->lead_time_s);
      g_autofree char *wait = fm_cli_format_figure (document, "lead_time_s", lane->wait_s);
      g_autofree char *share = fm_figure_format_percent (100 * lane->share, "%.1f");

      /* Translators: a lane in `flowmap metrics`: its role, its steps on
       * the critical path, their process and lead time, the wait in front
       * of them and the share of the lead time, as in
       * "Developers: 1 step, process 3 d, lead 7 d, wait 5 d, 21.4 % of lead time" */
      printf (ngettext ("  %s: %u step, process %s, lead %s, wait %s, %s of lead time\n",
                        "  %s: %u steps, process %s, lead %s, wait %s, %s of lead time\n",
                        lane->steps),
              name, lane->steps, process, lead, wait, share);
    }
  /* Translators: edges from one lane to another, in `flowmap metrics` */
  printf (_("  Handoffs between lanes: %u\n"), lanes->handoffs);

  constraint = fm_lane_metrics_describe_constraint (lanes, fm_document_get_day_length_s (document));
  if (constraint != NULL)
    {
      g_autofree char *escaped = fm_cli_escape_message (constraint);

      printf ("  %s\n", escaped);
    }
}

static void
print_report (FmDocument *document,
              FmMap      *map,
              FmMetrics  *m)
{
  const struct {
    const char *name;
    double value;
  } rows[] = {
    { "lead_time_s", along_path (m, m->lead_time_s) },
    { "process_time_s", along_path (m, m->process_time_s) },
    { "flow_efficiency", m->flow_efficiency },
    { "rolled_pca", m->rolled_pca },
    { "rework_adjusted_lead_time_s", along_path (m, m->rework_adjusted_lead_time_s) },
    { "wip", m->wip },
    { "throughput_per_day", m->throughput_per_day },
    { "littles_law_lead_time_s", m->littles_law_lead_time_s },
    { "takt_time_s", m->takt_time_s },
    { "handoffs", m->handoffs },
  };

  /* The values in one column, after the longest name (a translation's can
   * be longer than the 28 columns the English ones fit in). */
  glong column = 28;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    column = MAX (column, display_width (fm_figure_get_title (rows[i].name)));

  g_autofree char *title = fm_cli_escape_text (*fm_map_get_name (map) ? fm_map_get_name (map) : fm_map_get_id (map));

  printf ("%s\n\n", title);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      /* The rolled %C&A says how many steps it rests on. */
      g_autofree char *value = g_str_equal (rows[i].name, "rolled_pca")
                               ? fm_figure_format_rolled_pca (m->rolled_pca, m->pca_steps, m->path_steps)
                               : g_str_equal (rows[i].name, "takt_time_s")
                               ? fm_takt_format (m->takt_time_s, m->takt_interval_s,
                                                 fm_document_get_day_length_s (document))
                               : fm_cli_format_figure (document, rows[i].name, rows[i].value);

      print_row (fm_figure_get_title (rows[i].name), value, column);
    }

  if (m->path->len > 0)
    {
      printf ("\n%s\n  ", _("Critical path:"));
      for (guint i = 0; i < m->path->len; i++)
        {
          g_autofree char *label = fm_cli_escape_text (fm_node_get_label (m->path->pdata[i]));

          printf ("%s%s", i > 0 ? " → " : "", label);
        }
      printf ("\n");
    }

  print_lanes (document, map, m);

  if (m->constraints->len > 0)
    {
      printf ("\n%s\n", _("Constraints:"));
      for (guint i = 0; i < m->constraints->len; i++)
        {
          FmConstraint *c = m->constraints->pdata[i];
          /* The reason alone ("Overloaded: …") does not say which node:
           * a terminal has no map beside it. */
          g_autofree char *name = fm_cli_escape_text (c->label != NULL && *c->label != '\0' ? c->label : c->id);
          g_autofree char *reason = fm_cli_escape_message (fm_constraint_get_reason (c));

          /* Translators: a constraint in `flowmap metrics`: its rank, the
           * node's name, the reason and the score, as in
           * "7. Assembly #1: Overloaded: needs 120 % … (1.20)" */
          printf (_("  %u. %s: %s (%.2f)\n"), i + 1, name, reason, c->score);
        }
    }

  if (m->warnings->len > 0)
    {
      printf ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < m->warnings->len; i++)
        {
          g_autofree char *message = fm_cli_escape_message (((FmWarning *) m->warnings->pdata[i])->message);

          printf ("  • %s\n", message);
        }
    }
}

int
fm_cli_metrics (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *map_name = NULL;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (keys as in docs/metrics.md)"), NULL },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map to measure, by id or name (default: the first)"), N_("ID|NAME") },
    { NULL }
  };
  g_autoptr(FmDocument) document = NULL;
  int status;
  g_autoptr(FmMetrics) metrics = NULL;
  FmMap *map;

  status = fm_cli_parse_and_load (_("Prints the lead time, process time, flow efficiency and the "
                                    "other figures of a map, its constraints and its warnings."),
                                  entries, &argc, &argv, &document);
  if (status != FM_CLI_OK)
    return status;

  map = fm_cli_pick_map (document, argv[1], map_name);
  if (map == NULL)
    return FM_CLI_FAILED;

  metrics = fm_metrics_compute (document, map, NULL);

  if (json)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      FmJsonWriter writer;

      fm_json_writer_init (&writer, out, TRUE);
      fm_cli_metrics_write_json (&writer, map, metrics);
      fm_json_writer_clear (&writer);
      printf ("%s\n", out->str);
    }
  else
    {
      print_report (document, map, metrics);
    }

  return FM_CLI_OK;
}
