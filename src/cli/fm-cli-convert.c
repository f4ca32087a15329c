/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-convert.c: `flowmap convert -o OUT IN`, between Flowmap and draw.io
 *
 * The formats follow the names: `.flowmap` is Flowmap's, `.drawio` (and
 * for reading `.drawio.svg`, `.drawio.png`, `.xml`) draw.io's. What a
 * draw.io file holds that is not part of a map is listed on stderr, one
 * line each, so that nothing is lost without a word.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-document-private.h"
#include "fm-drawio.h"
#include "fm-drawio-write.h"
#include "fm-file-check.h"
#include "fm-json.h"

static FmDocument *
load_any (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(GError) error = NULL;
  FmDocument *document;

  if (!fm_drawio_is_file_name (path))
    return fm_cli_load (path);

  document = fm_drawio_read_file (file, &unknown, &error);
  if (document == NULL)
    {
      fm_cli_print_error (error);
      return NULL;
    }

  if (unknown->len > 0)
    {
      g_autofree char *shown = fm_cli_escape_text (path);

      g_printerr (g_dngettext (NULL, "%s: %u thing is not part of the map:\n",
                               "%s: %u things are not part of the map:\n", unknown->len),
                  shown, unknown->len);
    }
  for (guint i = 0; i < unknown->len; i++)
    {
      g_autofree char *line = fm_cli_escape_text (g_ptr_array_index (unknown, i));

      g_printerr ("  %s\n", line);
    }
  return document;
}

/* Keeps only @keep of @document's maps. */
static void
keep_one_map (FmDocument *document,
              FmMap      *keep)
{
  for (guint i = fm_document_get_n_maps (document); i-- > 0;)
    {
      FmMap *map = fm_document_get_map (document, i);

      if (map != keep)
        fm_document_remove_map_internal (document, map);
    }
}

int
fm_cli_convert (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *map_name = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .flowmap or .drawio"), N_("FILE") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map_name, N_("The map to write, by id or name (default: all into .flowmap, the first into .drawio)"), N_("MAP") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean to_drawio;
  FmMap *map;

  context = fm_cli_option_context_new (_("IN"),
                                       _("Converts a map between Flowmap (.flowmap) and draw.io "
                                         "(.drawio; .drawio.svg, .drawio.png and .xml are read too), "
                                         "by the files' names. What a draw.io file holds that is "
                                         "not part of a map is listed on stderr."),
                                       entries);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;
  if (output == NULL)
    {
      g_printerr (_("flowmap convert: the output file is needed (-o FILE)\n"));
      return FM_CLI_USAGE;
    }
  to_drawio = g_str_has_suffix (output, ".drawio");
  if (!to_drawio && !g_str_has_suffix (output, ".flowmap"))
    {
      g_autofree char *shown = fm_cli_escape_text (output);

      g_printerr (_("flowmap convert: %s: the output’s name must end in .flowmap or .drawio\n"), shown);
      return FM_CLI_USAGE;
    }

  document = load_any (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;
  map = fm_cli_pick_map (document, argv[1], map_name);
  if (map == NULL)
    return FM_CLI_FAILED;

  file = g_file_new_for_commandline_arg (output);
  if (to_drawio)
    {
      if (!fm_drawio_write_file (document, map, file, &error))
        {
          fm_cli_print_error (error);
          return FM_CLI_FAILED;
        }
      return FM_CLI_OK;
    }

  if (map_name != NULL)
    keep_one_map (document, map);
  if (!fm_json_save_file (document, file, &error))
    {
      fm_cli_print_error (error);
      return FM_CLI_FAILED;
    }

  return FM_CLI_OK;
}
