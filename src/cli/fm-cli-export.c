/* fm-cli-export.c: `flowmap export -o OUT FILE`, for slides and documents */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <math.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-export.h"

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
  double scale = 1;
  gboolean transparent = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg or pdf (default: from OUT’s extension)"), N_("FORMAT") },
    { "map", 'm', 0, G_OPTION_ARG_STRING, &map_name, N_("The map to export, by id or name (default: the first)"), N_("ID|NAME") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per map unit for PNG (default: 1)"), N_("N") },
    { "transparent", 't', 0, G_OPTION_ARG_NONE, &transparent, N_("No background (default: white)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FmExportOptions options;
  FmExportFormat format;
  FmMap *map;

  context = fm_cli_option_context_new (_("FILE"),
                                       _("Draws a map of FILE to a PNG, SVG or PDF file, fitted to its "
                                         "content with a margin, on white unless --transparent."),
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

  document = fm_cli_load (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;

  map = fm_cli_pick_map (document, argv[1], map_name);
  if (map == NULL)
    return FM_CLI_FAILED;

  fm_export_options_init (&options);
  options.scale = scale;
  options.transparent = transparent;

  if (!fm_export_map (document, map, output, format, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return FM_CLI_FAILED;
    }

  return FM_CLI_OK;
}
