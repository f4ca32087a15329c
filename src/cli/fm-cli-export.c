/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-export.c: `flowmap export -o OUT FILE`, for slides and documents */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <math.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-export.h"
#include "fm-export-chart.h"
#include "fm-metrics.h"

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
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg or pdf (default: from OUT’s extension)"), N_("FORMAT") },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map to export, by id or name (default: the first)"), N_("ID|NAME") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per map unit for PNG (default: 1)"), N_("N") },
    { "transparent", 't', 0, G_OPTION_ARG_NONE, &transparent, N_("No background (default: white)"), NULL },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Every map: a PDF of one page per map, or one PNG or SVG per map named OUT-1, OUT-2…"), NULL },
    { "legend", 'l', 0, G_OPTION_ARG_NONE, &legend, N_("The map’s name and key figures above it"), NULL },
    { "no-timeline", 0, 0, G_OPTION_ARG_NONE, &no_timeline, N_("Leave out the timeline ladder"), NULL },
    { "highlight", 0, 0, G_OPTION_ARG_NONE, &highlight, N_("Mark the top three constraints, as the canvas does"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_name, N_("balance: the map’s cycle time / takt chart, a 16:9 slide, instead of the map"), N_("CHART") },
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
                                         "one file per map, OUT-1.png, OUT-2.png…"),
                                       entries);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;

  if (output == NULL)
    {
      g_printerr (_("flowmap export: -o OUT is needed\n"));
      return FM_CLI_USAGE;
    }
  if (format_name != NULL ? !parse_format (format_name, &format)
                          : !fm_export_format_from_path (output, &format))
    {
      g_printerr (_("flowmap export: unknown format “%s”; use png, svg or pdf\n"),
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
