/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  g_autoptr(FmDocument) document = NULL;
  int status;

  status = fm_cli_parse_and_load (_("Loads and validates a map file. Prints OK and exits 0 when "
                                    "it is valid; otherwise prints what is wrong and where, and exits 1."),
                                  NULL, &argc, &argv, &document);
  if (status != FM_CLI_OK)
    return status;

  printf ("OK\n");
  return FM_CLI_OK;
}
