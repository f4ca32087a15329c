/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-export.c: `flowmap export -o OUT FILE`, for slides and documents */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <math.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-csv-export.h"
#include "fm-drawio-write.h"
#include "fm-export.h"
#include "fm-export-chart.h"
#include "fm-metrics.h"

/* Whether the export is to @name (csv, drawio): by --format, or by OUT's
 * extension when there is no --format. */
static gboolean
is_format (const char *format_name,
           const char *output,
           const char *name)
{
  g_autofree char *suffix = g_strconcat (".", name, NULL);
  g_autofree char *lower = NULL;

  if (format_name != NULL)
    return g_ascii_strcasecmp (format_name, name) == 0;
  lower = g_ascii_strdown (output, -1);
  return g_str_has_suffix (lower, suffix);
}

/* A table (CSV) or a draw.io page: text, to OUT or to stdout with "-o -". */
static int
export_text (FmDocument *document,
             FmMap      *map,
             const char *output,
             gboolean    csv,
             gboolean    all_maps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!csv)
    text = fm_drawio_write_data (document, map, &length);
  else if (all_maps)
    text = fm_csv_export_figures (document, &length);
  else
    text = fm_csv_export_nodes (document, map, &length);

  if (g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr (_("flowmap export: could not write to standard output\n"));
          return FM_CLI_FAILED;
        }
      return FM_CLI_OK;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }
  return FM_CLI_OK;
}

static gboolean
parse_format (const char     *name,
              FmExportFormat *format)
{
  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = FM_EXPORT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = FM_EXPORT_FORMAT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = FM_EXPORT_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

int
fm_cli_export (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *map_name = NULL;
  g_autofree char *frame_name = NULL;
  g_autofree char *chart_name = NULL;
  double scale = 1;
  gboolean transparent = FALSE;
  gboolean all = FALSE;
  gboolean legend = FALSE;
  gboolean no_timeline = FALSE;
  gboolean highlight = FALSE;
  gboolean all_maps = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg, pdf, csv or drawio (default: from OUT’s extension)"), N_("FORMAT") },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map to export, by id or name (default: the first)"), N_("ID|NAME") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per map unit for PNG (default: 1)"), N_("N") },
    { "transparent", 't', 0, G_OPTION_ARG_NONE, &transparent, N_("No background (default: white)"), NULL },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Every map: a PDF of one page per map, or one PNG or SVG per map named OUT-1, OUT-2…"), NULL },
    { "legend", 'l', 0, G_OPTION_ARG_NONE, &legend, N_("The map’s name and key figures above it"), NULL },
    { "no-timeline", 0, 0, G_OPTION_ARG_NONE, &no_timeline, N_("Leave out the timeline ladder"), NULL },
    { "highlight", 0, 0, G_OPTION_ARG_NONE, &highlight, N_("Mark the top three constraints, as the canvas does"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_name, N_("balance: the map’s cycle time / takt chart, a 16:9 slide, instead of the map"), N_("CHART") },
    { "all-maps", 0, 0, G_OPTION_ARG_NONE, &all_maps, N_("With csv: the figures of every map side by side, instead of a row per node of one map"), NULL },
    { "frame", 0, 0, G_OPTION_ARG_STRING, &frame_name, N_("16:9 pads the page to a slide’s shape (default: fit, the content and a margin)"), N_("16:9|fit") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FmExportOptions options;
  FmExportFormat format;
  FmExportFrame frame = FM_EXPORT_FRAME_FIT;
  FmMap *map = NULL;

  context = fm_cli_option_context_new (_("FILE"),
                                       _("Draws a map of FILE to a PNG, SVG or PDF file, fitted to its "
                                         "content with a margin, on white unless --transparent. With "
                                         "--all, every map: a PDF gets one page per map; PNG and SVG "
                                         "one file per map, OUT-1.png, OUT-2.png…. A CSV table has a "
                                         "row per node, the critical path's first (--all-maps: the "
                                         "figures of every map side by side); drawio writes the map "
                                         "as a draw.io page. “-o -” writes CSV and drawio to stdout."),
                                       entries);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;

  if (output == NULL)
    {
      g_printerr (_("flowmap export: -o OUT is needed\n"));
      return FM_CLI_USAGE;
    }
  if (is_format (format_name, output, "csv") || is_format (format_name, output, "drawio"))
    {
      gboolean csv = is_format (format_name, output, "csv");

      if (all && !csv)
        {
          g_printerr (_("flowmap export: --all is not for drawio; export one map at a time\n"));
          return FM_CLI_USAGE;
        }
      if ((all || all_maps) && map_name != NULL)
        {
          g_printerr (_("flowmap export: --all-maps and --map cannot go together\n"));
          return FM_CLI_USAGE;
        }
      document = fm_cli_load (argv[1]);
      if (document == NULL)
        return FM_CLI_FAILED;
      if (!(csv && (all || all_maps)) && (map = fm_cli_pick_map (document, argv[1], map_name)) == NULL)
        return FM_CLI_FAILED;
      return export_text (document, map, output, csv, all || all_maps);
    }
  if (all_maps)
    {
      g_printerr (_("flowmap export: --all-maps is for csv\n"));
      return FM_CLI_USAGE;
    }
  if (format_name != NULL ? !parse_format (format_name, &format)
                          : !fm_export_format_from_path (output, &format))
    {
      g_printerr (_("flowmap export: unknown format “%s”; use png, svg or pdf for a drawing, csv for a table, drawio for draw.io\n"),
                  format_name != NULL ? format_name : output);
      return FM_CLI_USAGE;
    }
  if (!isfinite (scale) || scale <= 0 || scale > 16)
    {
      g_printerr (_("flowmap export: --scale must be a number above 0 and at most 16\n"));
      return FM_CLI_USAGE;
    }
  if (frame_name != NULL && g_str_equal (frame_name, "16:9"))
    frame = FM_EXPORT_FRAME_16_9;
  else if (frame_name != NULL && !g_str_equal (frame_name, "fit"))
    {
      g_printerr (_("flowmap export: unknown frame “%s”; use 16:9 or fit\n"), frame_name);
      return FM_CLI_USAGE;
    }
  if (chart_name != NULL && !g_str_equal (chart_name, "balance"))
    {
      g_printerr (_("flowmap export: unknown chart “%s”; use balance (charts of observed data: flowmap observe --chart)\n"),
                  chart_name);
      return FM_CLI_USAGE;
    }
  if (chart_name != NULL && all)
    {
      g_printerr (_("flowmap export: --chart and --all cannot go together\n"));
      return FM_CLI_USAGE;
    }
  if (all && map_name != NULL)
    {
      g_printerr (_("flowmap export: --all and --map cannot go together\n"));
      return FM_CLI_USAGE;
    }

  document = fm_cli_load (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;

  if (!all && (map = fm_cli_pick_map (document, argv[1], map_name)) == NULL)
    return FM_CLI_FAILED;

  if (chart_name != NULL)
    {
      g_autoptr(FmMetrics) metrics = fm_metrics_compute (document, map, NULL);

      if (!fm_export_balance_chart (document, map, metrics->takt_time_s, output, format, FM_CHART_EXPORT_WIDTH,
                                    FM_CHART_EXPORT_HEIGHT, scale, &error))
        {
          fm_cli_print_error (error);
          return FM_CLI_FAILED;
        }
      return FM_CLI_OK;
    }

  fm_export_options_init (&options);
  options.scale = scale;
  options.transparent = transparent;
  options.legend = legend;
  options.timeline = !no_timeline;
  options.highlight_constraints = highlight;
  options.frame = frame;

  if (all && fm_document_get_n_maps (document) == 0)
    {
      g_autofree char *shown = fm_cli_escape_text (argv[1]);

      g_printerr (_("%s: the document has no map\n"), shown);
      return FM_CLI_FAILED;
    }

  if (all)
    {
      guint n = fm_document_get_n_maps (document);
      g_autofree FmMap **maps = g_new (FmMap *, n);

      for (guint i = 0; i < n; i++)
        maps[i] = fm_document_get_map (document, i);
      if (!fm_export_maps (document, maps, n, output, format, &options, &error))
        {
          fm_cli_print_error (error);
          return FM_CLI_FAILED;
        }
    }
  else if (!fm_export_map (document, map, output, format, &options, &error))
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }

  return FM_CLI_OK;
}
