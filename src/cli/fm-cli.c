/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli.c: dispatch of the headless commands, and what they share */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-json.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "check", fm_cli_check, N_("Check that a map file is valid") },
  { "compare", fm_cli_compare, N_("Compare a current-state map with a future-state map") },
  { "convert", fm_cli_convert, N_("Convert a map between Flowmap and draw.io") },
  { "discover", fm_cli_discover, N_("Draft a current-state map from an event log (CSV or XES)") },
  { "export", fm_cli_export, N_("Export a map to PNG, SVG or PDF") },
  { "fmt", fm_cli_fmt, N_("Print or rewrite a map file in its canonical form") },
  { "metrics", fm_cli_metrics, N_("Print a map’s lead time, flow efficiency, constraints and warnings") },
  { "observe", fm_cli_observe, N_("Measure the flow of a map from a tracker’s export of work items") },
  { "simulate", fm_cli_simulate, N_("Simulate a map: its lead time run many times, or items flowing through it") },
};

gboolean
fm_cli_is_command (const char *name)
{
  if (name == NULL)
    return FALSE;

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") ||
      g_str_equal (name, "-h") || g_str_equal (name, "--version"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return TRUE;

  return FALSE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage:"));
  fprintf (stream, "  flowmap [FILE…]\n");
  fprintf (stream, "  flowmap COMMAND [OPTION…] FILE\n\n");
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “flowmap COMMAND --help” for a command’s options."));
}

/**
 * fm_cli_run:
 * @argv: the program's arguments; argv[1] is the command
 *
 * Returns: the exit status
 */
int
fm_cli_run (int    argc,
            char **argv)
{
  g_return_val_if_fail (argc >= 2, FM_CLI_USAGE);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("flowmap %s\n", PACKAGE_VERSION);
      return FM_CLI_OK;
    }

  if (g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--help") ||
      g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return FM_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  print_usage (stderr);
  return FM_CLI_USAGE;
}

/* The characters a terminal acts on instead of showing: C0 controls, DEL
 * and C1 controls can clear the screen, hide text or set the title, and
 * the bidi overrides and isolates can show figures in another order. */
static gboolean
is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static char *
escape (const char *text,
        gboolean    keep_layout)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (keep_layout && (c == '\n' || c == '\t'))
        g_string_append_c (out, (char) c);
      else if (is_unsafe (c) && c < 0x100)
        g_string_append_printf (out, "\\x%02X", c);
      else if (is_unsafe (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * fm_cli_escape_text:
 * @text: a piece of text from a file: a label, a state, a name, an id
 *
 * @text with every character a terminal would act on shown as an escape:
 * a control character as "\x1B", a bidi override as "\u202E", a byte that
 * is not UTF-8 as "\xFF". Every text output of the CLI prints data from files through it
 * (or through fm_cli_escape_message()); JSON output escapes on its own.
 *
 * Returns: (transfer full): the text to print
 */
char *
fm_cli_escape_text (const char *text)
{
  return escape (text, FALSE);
}

/**
 * fm_cli_escape_message:
 * @text: a message that holds text from a file, such as a loader's error
 *
 * As fm_cli_escape_text(), but keeps the newlines and tabs, which are the
 * message's own layout.
 *
 * Returns: (transfer full): the text to print
 */
char *
fm_cli_escape_message (const char *text)
{
  return escape (text, TRUE);
}

/**
 * fm_cli_print_error:
 *
 * Prints @error's message on stderr, escaped: it names files and quotes
 * what they hold.
 */
void
fm_cli_print_error (const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  message = fm_cli_escape_message (error->message);
  g_printerr ("%s\n", message);
}

/**
 * fm_cli_option_context_new:
 *
 * Returns: (transfer full): an option context for a command, with @entries
 */
GOptionContext *
fm_cli_option_context_new (const char   *parameter,
                           const char   *summary,
                           GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options and checks that exactly @n_files arguments remain. */
gboolean
fm_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               n_files)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("flowmap %s: %s\n", (*argv)[0], error->message);
      return FALSE;
    }

  if (*argc - 1 != n_files)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("flowmap %s: %s\n\n%s", (*argv)[0],
                  *argc - 1 < n_files ? _("a map file is needed") : _("too many arguments"),
                  help);
      return FALSE;
    }

  return TRUE;
}

/**
 * fm_cli_load:
 *
 * Loads @path, or prints why it could not on stderr.
 *
 * Returns: (transfer full) (nullable): the document
 */
FmDocument *
fm_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  FmDocument *document;

  document = fm_json_load_file (file, &error);
  if (document == NULL)
    fm_cli_print_error (error);

  return document;
}

/**
 * fm_cli_parse_and_load:
 * @summary: what the command does, for its --help
 * @entries: (nullable): its options
 * @document_out: (out) (transfer full): the map file it was given, loaded
 *
 * The start of a command that takes options and one map file (check,
 * compare, fmt, metrics): parses them, then loads the file, printing what
 * went wrong on stderr.
 *
 * Returns: %FM_CLI_OK with @document_out set, or the exit status to return
 */
int
fm_cli_parse_and_load (const char    *summary,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       FmDocument   **document_out)
{
  g_autoptr(GOptionContext) context = NULL;

  g_return_val_if_fail (document_out != NULL, FM_CLI_USAGE);

  *document_out = NULL;
  context = fm_cli_option_context_new (_("FILE"), summary, entries);
  if (!fm_cli_parse (context, argc, argv, 1))
    return FM_CLI_USAGE;

  *document_out = fm_cli_load ((*argv)[1]);
  return *document_out != NULL ? FM_CLI_OK : FM_CLI_FAILED;
}

/**
 * fm_cli_format_figure:
 * @document: the document, for its day and its unit of lead times
 * @name: a key of the metrics JSON, such as "lead_time_s"
 *
 * A figure as the reports print it: in the words of
 * fm_figure_format_value(), but for work in progress and throughput,
 * which the reports (like the metrics panel) have always printed the way
 * "%g" does ("0.2") where the slides give two decimals ("0.20").
 *
 * Returns: (transfer full): the text
 */
char *
fm_cli_format_figure (FmDocument *document,
                      const char *name,
                      double      value)
{
  g_return_val_if_fail (name != NULL, NULL);

  if ((g_str_equal (name, "wip") || g_str_equal (name, "throughput_per_day")) && isfinite (value))
    return fm_format_decimal ("%g", value);

  return fm_figure_format_for (document, name, value);
}

/**
 * fm_cli_pick_map:
 * @id_or_name: (nullable): the map asked for, or %NULL for the first
 *
 * Returns: (transfer none) (nullable): the map, or %NULL after printing why
 */
FmMap *
fm_cli_pick_map (FmDocument *document,
                 const char *path,
                 const char *id_or_name)
{
  FmMap *map;

  if (id_or_name == NULL)
    {
      map = fm_document_get_map (document, 0);
      if (map == NULL)
        {
          g_autofree char *shown = fm_cli_escape_text (path);

          g_printerr (_("%s: the document has no map\n"), shown);
        }
      return map;
    }

  map = fm_document_lookup_map (document, id_or_name);
  if (map == NULL)
    {
      g_autofree char *shown = fm_cli_escape_text (path);
      g_autofree char *asked = fm_cli_escape_text (id_or_name);

      g_printerr (_("%s: no map has the id or name “%s”; the maps are:\n"), shown, asked);
      for (guint i = 0; i < fm_document_get_n_maps (document); i++)
        {
          FmMap *m = fm_document_get_map (document, i);
          g_autofree char *id = fm_cli_escape_text (fm_map_get_id (m));
          g_autofree char *name = fm_cli_escape_text (fm_map_get_name (m));

          g_printerr ("  %s  %s\n", id, name);
        }
    }

  return map;
}

/* GLib reads a time zone's name as a file (absolute, or under TZDIR or
 * /usr/share/zoneinfo) and fails a critical assertion on one that is not
 * a TZif file, such as /etc/passwd, or blocks on a FIFO: the file GLib
 * would read is looked at first. Names that are no file ("UTC", "+02:00",
 * "CET-1CEST") are left to GLib. */
GTimeZone *
fm_cli_time_zone_new (const char *name)
{
  g_autofree char *path = NULL;
  char magic[4];
  gsize n = 0;
  FILE *file;

  if (name[0] == ':')
    name++;
  if (g_path_is_absolute (name))
    path = g_strdup (name);
  else
    path = g_build_filename (g_getenv ("TZDIR") != NULL ? g_getenv ("TZDIR") : "/usr/share/zoneinfo",
                             name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return NULL;
      file = fopen (path, "rb");
      if (file != NULL)
        {
          n = fread (magic, 1, sizeof magic, file);
          fclose (file);
        }
      if (n != sizeof magic || memcmp (magic, "TZif", 4) != 0)
        return NULL;
    }

  return g_time_zone_new_identifier (name);
}
