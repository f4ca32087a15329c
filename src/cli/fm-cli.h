/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli.h: the headless commands (no display needed) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum {
  FM_CLI_OK = 0,
  FM_CLI_FAILED = 1,
  FM_CLI_USAGE = 2,
};

gboolean fm_cli_is_command (const char *name);
int      fm_cli_run        (int         argc,
                            char      **argv);

/* One per command, each in its own file; argv[0] is the command's name. */
int      fm_cli_check      (int         argc,
                            char      **argv);
int      fm_cli_fmt        (int         argc,
                            char      **argv);
int      fm_cli_export     (int         argc,
                            char      **argv);
int      fm_cli_metrics    (int         argc,
                            char      **argv);
int      fm_cli_compare    (int         argc,
                            char      **argv);
int      fm_cli_convert    (int         argc,
                            char      **argv);
int      fm_cli_observe    (int         argc,
                            char      **argv);
int      fm_cli_simulate   (int         argc,
                            char      **argv);

G_END_DECLS
