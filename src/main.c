/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: dispatch to a headless command or to the application */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fm-cli.h"
#ifdef FM_WITH_GUI
#include "fm-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The tests run the translations of the build tree (build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FLOWMAP_LOCALEDIR") ? g_getenv ("FLOWMAP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && fm_cli_is_command (argv[1]))
    return fm_cli_run (argc, argv);

#ifdef FM_WITH_GUI
  return fm_application_run (argc, argv);
#else
  g_printerr (_("This build of Flowmap has no window (built with -Dgui=false); "
                "run “flowmap --help” for the commands it has.\n"));
  return FM_CLI_USAGE;
#endif
}
