/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-fmt.c: `flowmap fmt [-i] FILE`, a formatter for maps kept in git */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <gio/gio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-json.h"

int
fm_cli_fmt (int    argc,
            char **argv)
{
  gboolean in_place = FALSE;
  GOptionEntry entries[] = {
    { "in-place", 'i', 0, G_OPTION_ARG_NONE, &in_place, N_("Rewrite the file instead of printing it"), NULL },
    { NULL }
  };
  g_autoptr(FmDocument) document = NULL;
  int status;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  status = fm_cli_parse_and_load (_("Prints the map file in its canonical form, the one a save "
                                    "writes, or rewrites it in place with -i."),
                                  entries, &argc, &argv, &document);
  if (status != FM_CLI_OK)
    return status;

  if (in_place)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      if (!fm_json_save_file (document, file, &error))
        {
          fm_cli_print_error (error);
          return FM_CLI_FAILED;
        }
      return FM_CLI_OK;
    }

  text = fm_json_save_to_data (document, &length);
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr (_("flowmap fmt: could not write to standard output\n"));
      return FM_CLI_FAILED;
    }

  return FM_CLI_OK;
}
