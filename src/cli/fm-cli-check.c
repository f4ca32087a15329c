/* fm-cli-check.c: `flowmap check FILE` */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"

int
fm_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;

  context = fm_cli_option_context_new (_("FILE"),
                                       _("Loads and validates a map file. Prints OK and exits 0 when "
                                         "it is valid; otherwise prints what is wrong and where, and exits 1."),
                                       NULL);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;

  document = fm_cli_load (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;

  printf ("OK\n");
  return FM_CLI_OK;
}
