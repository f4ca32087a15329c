/* test-file-watch.c: changes by other programs are noticed, our own saves are not;
 * the autosave folder is read safely
 *
 * No display needed: the watch's logic is GIO only, and so is the listing
 * of autosaves. The banner and the recovery dialog are in gui/test-recover.py.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fm-atomic-file.h"
#include "fm-autosave.h"
#include "fm-file-watch.h"

#define WAIT_US (10 * G_USEC_PER_SEC)

static char *state_folder;

/* Runs the main loop until @watch is in @state, or fails after 10 s. */
static void
wait_for_state (FmFileWatch      *watch,
                FmFileWatchState  state)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (fm_file_watch_get_state (watch) != state)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("state %d, expected %d", fm_file_watch_get_state (watch), state);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Lets the monitor report what it saw, for a state that must not change. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
test_watch (void)
{
  g_autofree char *folder = g_dir_make_tmp ("flowmap-watch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "map.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmFileWatch) watch = fm_file_watch_new ();

  g_assert_true (g_file_set_contents (path, "one", -1, NULL));
  fm_file_watch_set_file (watch, file);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* Our own save, told to the watch as the window does. */
  g_assert_true (fm_atomic_file_write (path, "two", 3, TRUE, NULL));
  fm_file_watch_note_saved (watch, NULL);
  settle ();
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* Another program writes other bytes. */
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  wait_for_state (watch, FM_FILE_WATCH_CHANGED);

  /* Kept: only a later change is news. */
  fm_file_watch_acknowledge (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* The same bytes written again, or a touch, is not a change. */
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  settle ();
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* Deleted, then back as it was. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_state (watch, FM_FILE_WATCH_DELETED);
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  wait_for_state (watch, FM_FILE_WATCH_SAME);

  /* Written in place, without a rename. */
  {
    FILE *f = fopen (path, "a");

    g_assert_nonnull (f);
    fputs (" and more", f);
    fclose (f);
  }
  wait_for_state (watch, FM_FILE_WATCH_CHANGED);

  fm_file_watch_set_file (watch, NULL);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (folder);
}

/* Another program writes the file in the moment between our write and the
 * window telling the watch (the save was still syncing the folder): its
 * bytes are news, and stay news when the monitor then reports the file. */
static void
test_watch_write_after_save (void)
{
  g_autofree char *folder = g_dir_make_tmp ("flowmap-watch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "map.flowmap", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmFileWatch) watch = fm_file_watch_new ();
  g_autoptr(GBytes) ours = g_bytes_new_static ("ours", 4);

  g_assert_true (g_file_set_contents (path, "one", -1, NULL));
  fm_file_watch_set_file (watch, file);

  g_assert_true (fm_atomic_file_write (path, "ours", 4, TRUE, NULL));
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  fm_file_watch_note_saved (watch, ours);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_CHANGED);
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_CHANGED);

  /* Our bytes written back: nothing to tell. */
  g_assert_true (g_file_set_contents (path, "ours", -1, NULL));
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* A save nobody interrupted, told with its bytes, is quiet. */
  g_assert_true (fm_atomic_file_write (path, "ours", 4, TRUE, NULL));
  fm_file_watch_note_saved (watch, ours);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  fm_file_watch_set_file (watch, NULL);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (folder);
}

/* A map saved where there was none: its appearance is not news. */
static void
test_watch_new_file (void)
{
  g_autofree char *folder = g_dir_make_tmp ("flowmap-watch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "new.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmFileWatch) watch = fm_file_watch_new ();

  fm_file_watch_set_file (watch, file);
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  g_assert_true (fm_atomic_file_write (path, "ours", 4, TRUE, NULL));
  fm_file_watch_note_saved (watch, NULL);
  settle ();
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  g_unlink (path);
  g_rmdir (folder);
}

static void
write_slot (const char *folder,
            const char *id,
            const char *data,
            const char *info)
{
  g_autofree char *data_name = g_strconcat (id, ".flowmap", NULL);
  g_autofree char *info_name = g_strconcat (id, ".json", NULL);
  g_autofree char *data_path = g_build_filename (folder, data_name, NULL);
  g_autofree char *info_path = g_build_filename (folder, info_name, NULL);

  if (data != NULL)
    g_assert_true (g_file_set_contents (data_path, data, -1, NULL));
  if (info != NULL)
    g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
}

/* What is in the autosave folder is read like any file from outside:
 * what is not an autosave is skipped, a broken document is an error. */
static void
test_autosave_entries (void)
{
  g_autofree char *folder = fm_autosave_dup_folder ();
  g_autofree char *big = NULL;
  g_autofree char *good_info = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  static const char map[] = "{\"format\": \"flowmap\", \"version\": 1, \"title\": \"Kept\", \"maps\": []}";
  FmAutosaveEntry *entry;

  g_assert_true (g_str_has_prefix (folder, state_folder));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  good_info = g_strdup_printf ("{\"format\": \"flowmap-autosave\", \"original\": \"file:///tmp/release.flowmap\", "
                               "\"title\": \"Kept\", \"saved_at\": \"2026-11-25T14:05:00Z\", \"pid\": %d}",
                               (int) getpid ());
  write_slot (folder, "good", map, good_info);
  write_slot (folder, "older", map,
              "{\"format\": \"flowmap-autosave\", \"original\": null, \"saved_at\": \"2026-11-24T09:00:00Z\"}");
  write_slot (folder, "broken", "{\"format\": \"flowmap\", \"version\": 1, \"maps\": [",
              "{\"format\": \"flowmap-autosave\", \"saved_at\": \"2026-11-25T15:00:00Z\"}");
  write_slot (folder, "no-data", NULL, "{\"format\": \"flowmap-autosave\"}");
  write_slot (folder, "no-info", map, NULL);
  write_slot (folder, "not-json", map, "{{{");
  write_slot (folder, "other-format", map, "{\"format\": \"flowmap\"}");
  write_slot (folder, "array", map, "[]");
  big = g_strnfill (100 * 1024, ' ');
  write_slot (folder, "too-big", map, big);

  entries = fm_autosave_list_entries ();
  g_assert_cmpuint (entries->len, ==, 3);

  /* Oldest first; no time is as old as can be. */
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->id, ==, "older");
  g_assert_null (entry->original);
  {
    g_autofree char *name = fm_autosave_entry_dup_name (entry);

    g_assert_cmpstr (name, ==, "Untitled");
  }

  entry = entries->pdata[1];
  g_assert_cmpstr (entry->id, ==, "good");
  g_assert_cmpstr (entry->title, ==, "Kept");
  g_assert_cmpint (g_date_time_get_hour (entry->saved_at), ==, 14);
  {
    g_autofree char *name = fm_autosave_entry_dup_name (entry);
    g_autofree char *path = g_file_get_path (entry->original);

    g_assert_cmpstr (name, ==, "release.flowmap");
    g_assert_cmpstr (path, ==, "/tmp/release.flowmap");
  }
  document = fm_autosave_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fm_document_get_title (document), ==, "Kept");

  /* A broken document is an error, not a crash, and stays until discarded. */
  entry = entries->pdata[2];
  g_assert_cmpstr (entry->id, ==, "broken");
  g_clear_object (&document);
  document = fm_autosave_entry_load (entry, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (g_file_test (entry->data_path, G_FILE_TEST_EXISTS));
  fm_autosave_entry_discard (entry);
  g_assert_false (g_file_test (entry->data_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (entry->info_path, G_FILE_TEST_EXISTS));
}

static void
test_autosave_interval (void)
{
  g_unsetenv ("FLOWMAP_AUTOSAVE_INTERVAL");
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 30000);
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "0.25", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 250);
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "2", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 2000);
  /* Nonsense falls back to the default rather than to 0, a busy loop. */
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "0", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 30000);
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "-1", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 30000);
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "soon", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 30000);
  g_setenv ("FLOWMAP_AUTOSAVE_INTERVAL", "nan", TRUE);
  g_assert_cmpuint (fm_autosave_get_interval_ms (), ==, 30000);
  g_unsetenv ("FLOWMAP_AUTOSAVE_INTERVAL");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for it: the state folder is read once. */
  state_folder = g_dir_make_tmp ("flowmap-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_folder, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/file-watch/changes", test_watch);
  g_test_add_func ("/fm/file-watch/new-file", test_watch_new_file);
  g_test_add_func ("/fm/file-watch/write-after-save", test_watch_write_after_save);
  g_test_add_func ("/fm/autosave/entries", test_autosave_entries);
  g_test_add_func ("/fm/autosave/interval", test_autosave_interval);

  status = g_test_run ();
  remove_tree (state_folder);
  g_free (state_folder);
  return status;
}
