/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-helpers.c: what the command-line tests share */
#include "config.h"

#include <sys/wait.h>
#include <gio/gio.h>

#include "cli-helpers.h"

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* `$FLOWMAP_BIN ARGS…`, NULL-terminated. */
static GPtrArray *
command_line (va_list args)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FLOWMAP_BIN"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return argv;
}

/* Runs `$FLOWMAP_BIN ARGS…` and returns its exit status and output. */
void
flowmap (Run *run, ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list args;

  va_start (args, run);
  argv = command_line (args);
  va_end (args);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

typedef struct {
  GMainLoop *loop;
  gboolean timed_out;
} Wait;

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;
  Run *run = g_object_get_data (source, "run");
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_main_loop_quit (wait->loop);
}

static gboolean
too_long (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* As flowmap(), for a command that used to block (on a FIFO, say): one
 * that has not finished within 30 s is killed and the test fails, rather
 * than hanging until the suite's timeout. */
void
flowmap_promptly (Run *run, ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (30);
  Wait wait = { loop, FALSE };
  va_list args;

  va_start (args, run);
  argv = command_line (args);
  va_end (args);

  g_main_context_push_thread_default (context);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (process), "run", run);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, &wait);
  g_source_set_callback (timeout, too_long, &wait, NULL);
  g_source_attach (timeout, context);
  g_main_loop_run (loop);
  g_source_destroy (timeout);
  if (wait.timed_out)
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_main_context_pop_thread_default (context);
      g_error ("flowmap %s did not finish within 30 s", (const char *) argv->pdata[1]);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (context);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Parses @text, which must be a JSON object, with @parser, which owns the
 * object returned. */
JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

/**
 * temp_file:
 * @contents: (nullable): written to the file; %NULL only names it
 *
 * Returns: (transfer full): the path of @name in a folder of the test
 *   program's own
 */
char *
temp_file (const char *name,
           const char *contents)
{
  static char *dir = NULL;
  char *path;

  if (dir == NULL)
    dir = g_dir_make_tmp ("flowmap-cli-XXXXXX", NULL);
  path = g_build_filename (dir, name, NULL);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return path;
}

/* The members of @object begin with @keys, in that order. */
void
assert_keys (JsonObject         *object,
             const char * const *keys)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GList *l = members;

  for (guint i = 0; keys[i] != NULL; i++, l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, keys[i]);
    }
}
