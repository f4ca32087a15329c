/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-discover.c: `flowmap discover [OPTION…] LOG`: a current-state map drafted from event data */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-cli-observe-private.h"
#include "fm-discover.h"
#include "fm-duration.h"
#include "fm-event-log.h"
#include "fm-figures.h"
#include "fm-json.h"
#include "fm-json-writer.h"

/* The text report lists this many variants; --json lists them all. */
#define MAX_VARIANTS_SHOWN 10

static void
write_string (FmJsonWriter *w,
              const char   *key,
              const char   *value)
{
  fm_json_writer_key (w, key);
  fm_json_writer_string (w, value);
}

static void
write_int (FmJsonWriter *w,
           const char   *key,
           gint64        value)
{
  fm_json_writer_key (w, key);
  fm_json_writer_int (w, value);
}

/* The keys of docs/discovery.md. */
static void
write_json (FmJsonWriter  *w,
            FmObservedLog *log,
            FmDiscovery   *discovery)
{
  fm_json_writer_begin_object (w);
  write_int (w, "items", fm_discovery_get_n_items (discovery));
  write_int (w, "finished", fm_discovery_get_n_finished (discovery));

  fm_json_writer_key (w, "nodes");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

      fm_json_writer_begin_object (w);
      write_string (w, "id", node->id);
      write_string (w, "label", node->label);
      write_string (w, "kind", fm_node_kind_to_string (node->kind));
      fm_json_writer_member_number (w, "median_s", node->median_s);
      write_int (w, "count", node->count);
      fm_json_writer_key (w, "main_line");
      fm_json_writer_boolean (w, node->on_main_line);
      fm_json_writer_member_number (w, "pca", node->pca);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "edges");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_discovery_get_n_edges (discovery); i++)
    {
      const FmDiscoverEdge *edge = fm_discovery_get_edge (discovery, i);

      fm_json_writer_begin_object (w);
      write_string (w, "from", edge->from);
      write_string (w, "to", edge->to);
      write_string (w, "kind", fm_edge_kind_to_string (edge->kind));
      fm_json_writer_member_number (w, "rate", edge->rate);
      write_int (w, "moves", edge->moves);
      write_int (w, "items", edge->items);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "variants");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < fm_discovery_get_n_variants (discovery); i++)
    {
      const FmDiscoverVariant *variant = fm_discovery_get_variant (discovery, i);

      fm_json_writer_begin_object (w);
      fm_json_writer_key (w, "states");
      fm_json_writer_begin_array (w);
      for (guint j = 0; j < variant->n_states; j++)
        fm_json_writer_string (w, variant->states[j]);
      fm_json_writer_end_array (w);
      write_int (w, "items", variant->items);
      fm_json_writer_member_number (w, "share", variant->share);
      fm_json_writer_member_number (w, "lead_time_p50_s", variant->lead_time_p50_s);
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);

  fm_cli_observe_write_errors (w, log);
  fm_cli_observe_write_warnings (w, log);
  fm_json_writer_end_object (w);
}

/* Pads by characters, not bytes; the text comes from the file, escaped. */
static void
print_padded (const char *raw,
              int         width)
{
  g_autofree char *text = fm_cli_escape_text (raw);
  glong pad = width - g_utf8_strlen (text, -1);

  printf ("%s%*s", text, (int) MAX (pad, 1), "");
}

static char *
format_duration (double seconds)
{
  if (isnan (seconds))
    return g_strdup ("–");

  /* Stays and lead times as a map's figures read: "13.8 d". */
  return fm_duration_format_figure (seconds, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, FM_DEFAULT_DAY_LENGTH_S);
}

static const char *
describe_kind (FmNodeKind kind)
{
  switch (kind)
    {
    case FM_NODE_KIND_TRIGGER:
      return _("trigger");
    case FM_NODE_KIND_OUTCOME:
      return _("outcome");
    case FM_NODE_KIND_QUEUE:
      return _("queue");
    case FM_NODE_KIND_PROCESS:
      return _("step");
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_KAIZEN:
    case FM_NODE_KIND_NOTE:
    default:
      return fm_node_kind_to_string (kind);
    }
}

/* The kind column: its longest word as translated ("Warteschlange"),
 * and a space. */
static int
kind_width (void)
{
  static const FmNodeKind kinds[] = {
    FM_NODE_KIND_TRIGGER, FM_NODE_KIND_OUTCOME, FM_NODE_KIND_QUEUE, FM_NODE_KIND_PROCESS,
  };
  glong width = 8;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    width = MAX (width, g_utf8_strlen (describe_kind (kinds[i]), -1));
  return (int) width + 1;
}

static void
print_node (const FmDiscoverNode *node)
{
  g_autofree char *median = format_duration (node->median_s);

  printf ("  ");
  print_padded (node->label, 34);
  print_padded (describe_kind (node->kind), kind_width ());
  if (node->state < 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u item\n", "%u items\n", node->count), node->count);
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "median %s of %u stay", "median %s of %u stays", node->count),
              median, node->count);
      if (!isnan (node->pca))
        printf (_(", %%C&A %.1f %%"), node->pca);
      printf ("\n");
    }
}

static const char *
label_of (FmDiscovery *discovery,
          const char  *id)
{
  for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

      if (g_str_equal (node->id, id))
        return node->label;
    }

  return id;
}

static void
print_text (FmObservedLog *log,
            FmDiscovery   *discovery,
            const char    *path)
{
  g_autofree char *shown = fm_cli_escape_text (path);
  guint n_variants = fm_discovery_get_n_variants (discovery);
  gboolean off_line = FALSE, any_rework = FALSE;

  printf (_("Drafted from %s: %u items, %u finished, %u variants\n"), shown,
          fm_discovery_get_n_items (discovery), fm_discovery_get_n_finished (discovery), n_variants);

  printf ("\n%s\n", _("Main line:"));
  for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

      if (node->on_main_line)
        print_node (node);
      else
        off_line = TRUE;
    }

  if (off_line)
    {
      printf ("\n%s\n", _("Off the main line (below it, not connected):"));
      for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
        {
          const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

          if (!node->on_main_line)
            print_node (node);
        }
    }

  for (guint i = 0; i < fm_discovery_get_n_edges (discovery); i++)
    {
      const FmDiscoverEdge *edge = fm_discovery_get_edge (discovery, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *rate = NULL;

      if (edge->kind != FM_EDGE_KIND_REWORK)
        continue;
      if (!any_rework)
        printf ("\n%s\n", _("Rework (moves back ÷ all moves out):"));
      any_rework = TRUE;
      from = fm_cli_escape_text (label_of (discovery, edge->from));
      to = fm_cli_escape_text (label_of (discovery, edge->to));
      rate = fm_figure_format_percent (100 * edge->rate, "%.1f");
      printf ("  %s → %s: %s (", from, to, rate);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u move back", "%u moves back", edge->moves), edge->moves);
      printf (g_dngettext (GETTEXT_PACKAGE, ", by %u item)\n", ", by %u items)\n", edge->items), edge->items);
    }

  if (n_variants > 0)
    printf ("\n%s\n", _("Variants of the finished items, most frequent first:"));
  for (guint i = 0; i < MIN (n_variants, MAX_VARIANTS_SHOWN); i++)
    {
      const FmDiscoverVariant *variant = fm_discovery_get_variant (discovery, i);
      g_autofree char *share = fm_figure_format_percent (100 * variant->share, "%.1f");
      g_autofree char *lead = format_duration (variant->lead_time_p50_s);
      g_autofree char *joined = g_strjoinv (" → ", variant->states);
      g_autofree char *states = fm_cli_escape_text (joined);

      printf (g_dngettext (GETTEXT_PACKAGE, "  %2u. %u item (%s), lead time median %s:\n",
                           "  %2u. %u items (%s), lead time median %s:\n", variant->items),
              i + 1, variant->items, share, lead);
      printf ("      %s\n", states);
    }
  if (n_variants > MAX_VARIANTS_SHOWN)
    printf (g_dngettext (GETTEXT_PACKAGE, "  … and %u more variant (--json lists them all)\n",
                         "  … and %u more variants (--json lists them all)\n",
                         n_variants - MAX_VARIANTS_SHOWN),
            n_variants - MAX_VARIANTS_SHOWN);

  fm_cli_observe_print_problems (log);
}

static gboolean
write_output (FmDiscovery *discovery,
              const char  *log_path,
              const char  *output)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(GFile) log_file = g_file_new_for_commandline_arg (log_path);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (log_file);
  g_autofree char *display = g_filename_display_name (basename != NULL ? basename : log_path);
  g_autofree char *title = g_strdup_printf (_("Drafted from %s"), display);

  /* A new document: nothing to undo. */
  g_object_set (document, "title", title, NULL);
  fm_document_add_map (document, fm_discovery_get_map (discovery), 0);
  if (!fm_json_save_file (document, file, &error))
    {
      fm_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}

int
fm_cli_discover (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  double min_share = FM_DISCOVER_MIN_SHARE;
  g_autofree char *zone_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "min-share", 0, 0, G_OPTION_ARG_DOUBLE, &min_share, N_("Leave out states and rework moves that fewer than this share of the items take (default: 0.05)"), N_("F") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &zone_name, N_("Time zone of times without an offset, and of days (default: local)"), N_("TZ") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (keys as in docs/discovery.md)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the drafted map to this file"), N_("OUT.flowmap") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  g_autoptr(FmDiscovery) discovery = NULL;
  g_autoptr(GError) error = NULL;
  FmDiscoverOptions options;

  context = fm_cli_option_context_new (_("LOG"),
                                       _("Reads an event log (a tracker's export as CSV, or XES, "
                                         "gzipped or not) and drafts a current-state map from it: a "
                                         "node per state, the main line in the order of the most "
                                         "frequent way through, rework where items went back, and "
                                         "the observed median times. See docs/discovery.md."),
                                       entries);
  /* As fm_cli_parse(), but the file is a log, not a map. */
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("flowmap discover: %s\n", error->message);
      return FM_CLI_USAGE;
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("flowmap discover: %s\n\n%s", argc < 2 ? _("an event log is needed") : _("too many arguments"), help);
      return FM_CLI_USAGE;
    }

  if (!(min_share >= 0 && min_share <= 1))
    {
      g_printerr (_("flowmap discover: --min-share takes a share from 0 to 1, such as 0.05\n"));
      return FM_CLI_USAGE;
    }
  tz = zone_name != NULL ? fm_cli_time_zone_new (zone_name) : g_time_zone_new_local ();
  if (tz == NULL)
    {
      g_autofree char *shown = fm_cli_escape_text (zone_name);

      g_printerr (_("flowmap discover: unknown time zone “%s”\n"), shown);
      return FM_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  log = fm_event_log_load_file (file, FM_EVENT_LOG_AUTO, tz, &roles, &error);
  if (log == NULL)
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }
  if (fm_observed_log_get_n_items (log) == 0)
    {
      g_autofree char *shown = fm_cli_escape_text (argv[1]);

      g_printerr (_("%s: no item could be read\n"), shown);
      return FM_CLI_FAILED;
    }

  fm_discover_options_init (&options);
  options.min_share = min_share;
  options.time_zone = tz;
  if (roles != NULL)
    {
      options.roles = (const FmDiscoverRole *) (gpointer) roles->data;
      options.n_roles = roles->len;
    }
  discovery = fm_discover (log, &options);

  if (json)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      FmJsonWriter writer;

      fm_json_writer_init (&writer, out, TRUE);
      write_json (&writer, log, discovery);
      fm_json_writer_clear (&writer);
      printf ("%s\n", out->str);
    }
  else
    {
      print_text (log, discovery, argv[1]);
    }

  if (output != NULL && !write_output (discovery, argv[1], output))
    return FM_CLI_FAILED;

  return FM_CLI_OK;
}
