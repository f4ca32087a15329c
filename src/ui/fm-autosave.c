/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-autosave.c: unsaved changes written aside every 30 s, offered back after a crash
 *
 * Each window owns an FmAutosave. While its document has changes that are
 * not saved, the document is written, at most every 30 s (or
 * FLOWMAP_AUTOSAVE_INTERVAL seconds), to the user's state folder:
 * flowmap/autosave/ID.flowmap, with ID.json beside it saying where the
 * document is saved, when it was written and by which process. Saving the
 * document, or closing it cleanly (saved or discarded), removes both.
 *
 * So whatever is left there at start was left by a Flowmap that crashed
 * or was killed: fm_autosave_offer_recovery() lists it and offers to open
 * it again, as a modified document bound to its own file.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-autosave"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fm-atomic-file.h"
#include "fm-autosave.h"
#include "fm-json.h"
#include "fm-window-private.h"

#define DEFAULT_INTERVAL_MS (30 * 1000)
/* A sidecar is a few hundred bytes; anything larger is not ours. */
#define MAX_INFO_SIZE (64 * 1024)

struct _FmAutosave
{
  GObject parent_instance;

  FmWindow *window;       /* (weak): owns us */
  FmDocument *document;
  /* Follow the window's document and its saved state, whichever it is. */
  GSignalGroup *document_signals;
  GSignalGroup *stack_signals;
  char *id;
  guint timeout_id;
  gboolean dirty;         /* changed since the last write */
  gboolean written;       /* the slot's files exist */
};

G_DEFINE_FINAL_TYPE (FmAutosave, fm_autosave, G_TYPE_OBJECT)

/**
 * fm_autosave_dup_folder:
 *
 * Returns: (transfer full): the folder of the autosaves, in the user's
 *   state folder (XDG_STATE_HOME)
 */
char *
fm_autosave_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "flowmap", "autosave", NULL);
}

/* 30 s, or FLOWMAP_AUTOSAVE_INTERVAL seconds (a fraction is fine), so that
 * a test does not wait half a minute. */
guint
fm_autosave_get_interval_ms (void)
{
  const char *env = g_getenv ("FLOWMAP_AUTOSAVE_INTERVAL");
  double seconds;
  char *end = NULL;

  if (env == NULL || *env == '\0')
    return DEFAULT_INTERVAL_MS;

  seconds = g_ascii_strtod (env, &end);
  if (end == env || *end != '\0' || !(seconds > 0) || seconds > 24 * 3600)
    return DEFAULT_INTERVAL_MS;

  return MAX (1, (guint) (seconds * 1000));
}

static char *
slot_path (const char *id,
           const char *suffix)
{
  g_autofree char *folder = fm_autosave_dup_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

static void
remove_slot (const char *id)
{
  g_autofree char *data_path = slot_path (id, ".flowmap");
  g_autofree char *info_path = slot_path (id, ".json");

  /* The sidecar first: a document without one is never offered. */
  if (g_unlink (info_path) != 0 && errno != ENOENT)
    g_message ("Could not remove %s: %s", info_path, g_strerror (errno));
  if (g_unlink (data_path) != 0 && errno != ENOENT)
    g_message ("Could not remove %s: %s", data_path, g_strerror (errno));
}

static char *
info_text (FmAutosave *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  GFile *file = fm_window_get_file (self->window);
  const char *title = fm_document_get_title (self->document);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "flowmap-autosave");
  json_builder_set_member_name (builder, "original");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      json_builder_add_string_value (builder, uri);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title ? title : "");
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * fm_autosave_write_now:
 *
 * Writes the document and its sidecar to the autosave folder, each
 * atomically, the document first.
 *
 * Returns: %FALSE with @error set if either could not be written
 */
gboolean
fm_autosave_write_now (FmAutosave  *self,
                       GError     **error)
{
  g_autofree char *folder = fm_autosave_dup_folder ();
  g_autofree char *data_path = slot_path (self->id, ".flowmap");
  g_autofree char *info_path = slot_path (self->id, ".json");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  gsize length;

  g_return_val_if_fail (FM_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  /* Only the user may read what they were working on. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* Not what is being typed in place: committing it from a timer would
   * cut the typing short. It is kept with the next change. */
  text = fm_json_save_to_data (self->document, &length);
  info = info_text (self);
  if (!fm_atomic_file_write (data_path, text, length, FALSE, error) ||
      !fm_atomic_file_write (info_path, info, strlen (info), FALSE, error))
    return FALSE;

  self->written = TRUE;
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  FmAutosave *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (self->document == NULL || !self->dirty ||
      !fm_undo_stack_get_modified (fm_document_get_undo_stack (self->document)))
    return G_SOURCE_REMOVE;

  /* A full disk must not interrupt the work with a dialog every 30 s: the
   * next change tries again. */
  if (!fm_autosave_write_now (self, &error))
    g_message ("Could not write the autosave: %s", error->message);
  else
    g_debug ("Autosaved %s", self->id);

  return G_SOURCE_REMOVE;
}

/* Called on every change of the document and of its saved state. */
static void
update (FmAutosave *self)
{
  if (self->document == NULL)
    return;

  if (!fm_undo_stack_get_modified (fm_document_get_undo_stack (self->document)))
    {
      /* Saved, or undone back to what is saved: nothing to keep aside. */
      fm_autosave_discard (self);
      return;
    }

  self->dirty = TRUE;
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_full (G_PRIORITY_LOW, fm_autosave_get_interval_ms (),
                                           on_timeout, self, NULL);
}

static void
on_document_notify (FmAutosave *self)
{
  FmDocument *document = fm_window_get_document (self->window);

  if (document == self->document)
    return;

  /* The document was replaced (a file opened or reloaded in this window):
   * the one that is gone is closed cleanly. */
  g_signal_group_set_target (self->document_signals, NULL);
  g_signal_group_set_target (self->stack_signals, NULL);
  fm_autosave_discard (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_group_set_target (self->document_signals, document);
      g_signal_group_set_target (self->stack_signals, fm_document_get_undo_stack (document));
      update (self);
    }
}

/* Saved under another name: the sidecar must say so. */
static void
on_file_notify (FmAutosave *self)
{
  if (self->written)
    update (self);
}

static void
fm_autosave_dispose (GObject *object)
{
  FmAutosave *self = FM_AUTOSAVE (object);

  /* Disposed with its window: the document is closed cleanly. */
  fm_autosave_discard (self);
  g_signal_group_set_target (self->document_signals, NULL);
  g_signal_group_set_target (self->stack_signals, NULL);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (fm_autosave_parent_class)->dispose (object);
}

static void
fm_autosave_finalize (GObject *object)
{
  FmAutosave *self = FM_AUTOSAVE (object);

  g_free (self->id);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->stack_signals);

  G_OBJECT_CLASS (fm_autosave_parent_class)->finalize (object);
}

static void
fm_autosave_class_init (FmAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fm_autosave_dispose;
  object_class->finalize = fm_autosave_finalize;
}

static void
fm_autosave_init (FmAutosave *self)
{
  self->id = g_uuid_string_random ();
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (update), self);
  self->stack_signals = g_signal_group_new (FM_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "notify::modified", G_CALLBACK (update), self);
}

/**
 * fm_autosave_new:
 * @window: the window whose document is kept aside; it owns the result
 *
 * Returns: (transfer full): the autosave of @window's documents
 */
FmAutosave *
fm_autosave_new (FmWindow *window)
{
  FmAutosave *self;

  g_return_val_if_fail (FM_IS_WINDOW (window), NULL);

  self = g_object_new (FM_TYPE_AUTOSAVE, NULL);
  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (window, "notify::document", G_CALLBACK (on_document_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::file", G_CALLBACK (on_file_notify),
                           self, G_CONNECT_SWAPPED);
  on_document_notify (self);

  return self;
}

const char *
fm_autosave_get_id (FmAutosave *self)
{
  g_return_val_if_fail (FM_IS_AUTOSAVE (self), NULL);

  return self->id;
}

/**
 * fm_autosave_adopt:
 * @id: the id of an autosave left by an earlier Flowmap
 *
 * Takes over @id's files for the document just restored from them, so
 * that they stay until it is saved or closed: a second crash before the
 * next write loses nothing either.
 */
void
fm_autosave_adopt (FmAutosave *self,
                   const char *id)
{
  g_return_if_fail (FM_IS_AUTOSAVE (self));
  g_return_if_fail (id != NULL);

  fm_autosave_discard (self);
  g_free (self->id);
  self->id = g_strdup (id);
  self->written = TRUE;
  update (self);
}

/**
 * fm_autosave_discard:
 *
 * Removes what was written aside, and stops the next write: the document
 * was saved or closed.
 */
void
fm_autosave_discard (FmAutosave *self)
{
  g_return_if_fail (FM_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->dirty = FALSE;
  if (self->written)
    remove_slot (self->id);
  self->written = FALSE;
}

void
fm_autosave_entry_free (FmAutosaveEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->data_path);
  g_free (entry->info_path);
  g_clear_object (&entry->original);
  g_free (entry->title);
  g_clear_pointer (&entry->saved_at, g_date_time_unref);
  g_free (entry);
}

/* Another Flowmap running now (one that is not the single instance, as
 * without a session bus) is still working on its autosaves. */
static gboolean
is_other_flowmap (gint64 pid)
{
#ifdef __linux__
  g_autofree char *exe_link = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *self_exe = NULL;

  if (pid <= 0 || pid > G_MAXINT || pid == getpid ())
    return FALSE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;

  /* The pid may have been given to something else since. */
  exe_link = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/exe", pid);
  exe = g_file_read_link (exe_link, NULL);
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe != NULL && self_exe != NULL && g_str_equal (exe, self_exe);
#else
  return FALSE;
#endif
}

/* Reads a sidecar; %NULL if it is not one, or is another Flowmap's. */
static FmAutosaveEntry *
read_entry (const char *folder,
            const char *info_name)
{
  g_autoptr(FmAutosaveEntry) entry = g_new0 (FmAutosaveEntry, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *original;
  gsize length;

  entry->id = g_strndup (info_name, strlen (info_name) - strlen (".json"));
  entry->info_path = g_build_filename (folder, info_name, NULL);
  entry->data_path = slot_path (entry->id, ".flowmap");

  if (!g_file_test (entry->data_path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (entry->info_path, &text, &length, &error) ||
      length > MAX_INFO_SIZE ||
      !json_parser_load_from_data (parser, text, length, &error) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Not an autosave: %s", entry->info_path);
      return NULL;
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), "flowmap-autosave") != 0)
    return NULL;
  if (is_other_flowmap (json_object_get_int_member_with_default (object, "pid", 0)))
    return NULL;

  original = json_object_get_string_member_with_default (object, "original", NULL);
  if (original != NULL && *original != '\0')
    entry->original = g_file_new_for_uri (original);
  entry->title = g_strdup (json_object_get_string_member_with_default (object, "title", NULL));
  entry->saved_at = g_date_time_new_from_iso8601 (
    json_object_get_string_member_with_default (object, "saved_at", ""), NULL);
  if (entry->saved_at == NULL)
    {
      /* The sidecar's own time is the next best. */
      g_autoptr(GFile) file = g_file_new_for_path (entry->info_path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      entry->saved_at = info ? g_file_info_get_modification_date_time (info) : g_date_time_new_now_utc ();
    }

  return g_steal_pointer (&entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FmAutosaveEntry *ea = *(FmAutosaveEntry * const *) a;
  const FmAutosaveEntry *eb = *(FmAutosaveEntry * const *) b;

  return g_date_time_compare (ea->saved_at, eb->saved_at);
}

/**
 * fm_autosave_list_entries:
 *
 * Returns: (transfer full) (element-type FmAutosaveEntry): the documents
 *   left in the autosave folder by a Flowmap that is not running, oldest
 *   first
 */
GPtrArray *
fm_autosave_list_entries (void)
{
  g_autofree char *folder = fm_autosave_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_autosave_entry_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      FmAutosaveEntry *entry;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      if ((entry = read_entry (folder, name)) != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);

  return entries;
}

/* Returns: (transfer full): what to call @entry: its file's name, else its title */
char *
fm_autosave_entry_dup_name (FmAutosaveEntry *entry)
{
  if (entry->original != NULL)
    return g_file_get_basename (entry->original);
  if (entry->title != NULL && *entry->title != '\0')
    return g_strdup (entry->title);

  return g_strdup (_("Untitled"));
}

/* Returns: (transfer full) (nullable): the document, read as any file is */
FmDocument *
fm_autosave_entry_load (FmAutosaveEntry  *entry,
                        GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (entry->data_path);

  return fm_json_load_file (file, error);
}

void
fm_autosave_entry_discard (FmAutosaveEntry *entry)
{
  remove_slot (entry->id);
}

/* The window to restore @entry in: the one that has its file open and
 * unchanged, a new untouched one, or a new one. */
static FmWindow *
window_for (GtkApplication  *application,
            FmAutosaveEntry *entry)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      FmWindow *window = l->data;
      GFile *file;

      if (!FM_IS_WINDOW (window) || entry->original == NULL)
        continue;
      file = fm_window_get_file (window);
      if (file != NULL && g_file_equal (file, entry->original) &&
          !fm_undo_stack_get_modified (fm_document_get_undo_stack (fm_window_get_document (window))))
        return window;
    }

  if (FM_IS_WINDOW (active) && fm_window_is_pristine (FM_WINDOW (active)))
    return FM_WINDOW (active);

  return fm_window_new (application);
}

static void
restore (GtkApplication  *application,
         FmAutosaveEntry *entry)
{
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FmWindow *window;

  document = fm_autosave_entry_load (entry, &error);
  if (document == NULL)
    {
      g_autofree char *name = fm_autosave_entry_dup_name (entry);
      g_autofree char *heading = g_strdup_printf (_("Could Not Restore “%s”"), name);
      GtkWindow *parent = gtk_application_get_active_window (application);

      /* Kept, for the next start to offer again or to discard. */
      g_prefix_error (&error, _("It stays in %s. "), entry->data_path);
      if (FM_IS_WINDOW (parent))
        fm_window_show_error (FM_WINDOW (parent), heading, error);
      return;
    }

  window = window_for (application, entry);
  fm_window_set_document (window, document, entry->original);
  /* Not what is on disk, whatever the history says, until it is saved. */
  fm_undo_stack_set_unsaved (fm_document_get_undo_stack (document));
  fm_autosave_adopt (window->autosave, entry->id);
  fm_canvas_zoom_to_fit (window->canvas);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GtkApplication   *application)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");

  for (guint i = 0; i < entries->len; i++)
    {
      if (g_str_equal (response, "restore"))
        restore (application, entries->pdata[i]);
      else if (g_str_equal (response, "discard"))
        fm_autosave_entry_discard (entries->pdata[i]);
      /* "later", from Escape: left for the next start. */
    }
}

/**
 * fm_autosave_offer_recovery:
 *
 * Lists the documents a Flowmap that crashed left in the autosave folder,
 * if any, in a dialog over the active window: Restore opens each as a
 * modified document bound to its file; Discard deletes them; Escape leaves
 * them for the next start.
 */
void
fm_autosave_offer_recovery (GtkApplication *application)
{
  g_autoptr(GPtrArray) entries = fm_autosave_list_entries ();
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWindow *parent;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (entries->len == 0)
    return;

  g_string_append (body, ngettext ("Flowmap did not close properly. This map has changes that were not saved:",
                                   "Flowmap did not close properly. These maps have changes that were not saved:",
                                   entries->len));
  g_string_append (body, "\n");
  for (guint i = 0; i < entries->len; i++)
    {
      FmAutosaveEntry *entry = entries->pdata[i];
      g_autoptr(GDateTime) local = g_date_time_to_local (entry->saved_at);
      g_autofree char *name = fm_autosave_entry_dup_name (entry);
      g_autofree char *time = g_date_time_format (local, "%H:%M");
      g_autofree char *date = g_date_time_format (local, "%x");
      /* Translators: a map to restore: its name, then the time and date it
       * was written aside, as "release.flowmap, saved at 14:05, 25/11/2026" */
      g_autofree char *line = g_strdup_printf (_("%s, saved at %s, %s"), name, time, date);

      g_string_append_printf (body, "\n• %s", line);
    }

  parent = gtk_application_get_active_window (application);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), body->str));
  /* The title names the dialog to window lists and to the GUI tests. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore Unsaved Changes"));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), application, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
