/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-autosave.c: the autosave folder is read like any file from outside; the interval
 *
 * No display needed: listing and loading autosaves is GIO only. The
 * recovery dialog is tested in gui/test-recover.py.
 */
#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "fm-autosave.h"
#include "fm-test-utils.h"

static char *state_folder;

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

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for it: the state folder is read once. */
  state_folder = fm_test_make_tmp_dir ("state");
  g_setenv ("XDG_STATE_HOME", state_folder, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/autosave/entries", test_autosave_entries);
  g_test_add_func ("/fm/autosave/interval", test_autosave_interval);

  status = g_test_run ();
  fm_test_remove_tree (state_folder);
  g_free (state_folder);
  return status;
}
