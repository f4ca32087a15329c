/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-watch.c: changes by other programs are noticed, our own saves are not
 *
 * No display needed: the watch's logic is GIO only. The banner is tested
 * in gui/test-recover.py.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "fm-atomic-file.h"
#include "fm-file-watch.h"
#include "fm-test-utils.h"

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the monitor's events bring @watch to @state;
 * fails after 10 s. */
static void
wait_for_state (FmFileWatch      *watch,
                FmFileWatchState  state)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (10, set_flag, &timed_out);

  while (fm_file_watch_get_state (watch) != state && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("state %d, expected %d", fm_file_watch_get_state (watch), state);
  g_source_remove (timeout_id);
}

static void
test_watch (void)
{
  g_autofree char *folder = fm_test_make_tmp_dir ("watch");
  g_autofree char *path = g_build_filename (folder, "map.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmFileWatch) watch = fm_file_watch_new ();

  g_assert_true (g_file_set_contents (path, "one", -1, NULL));
  fm_file_watch_set_file (watch, file);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* Our own save, told to the watch as the window does. */
  g_assert_true (fm_atomic_file_write (path, "two", 3, TRUE, NULL));
  fm_file_watch_note_saved (watch, NULL);
  /* Whatever the monitor reports next, the comparison it runs says: */
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* Another program writes other bytes. */
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  wait_for_state (watch, FM_FILE_WATCH_CHANGED);

  /* Kept: only a later change is news. */
  fm_file_watch_acknowledge (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  /* The same bytes written again, or a touch, is not a change. */
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  /* Whatever the monitor reports next, the comparison it runs says: */
  fm_file_watch_check_now (watch);
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

  g_assert_true (fm_test_remove_tree (folder));
}

/* Another program writes the file in the moment between our write and the
 * window telling the watch (the save was still syncing the folder): its
 * bytes are news, and stay news when the monitor then reports the file. */
static void
test_watch_write_after_save (void)
{
  g_autofree char *folder = fm_test_make_tmp_dir ("watch");
  g_autofree char *path = g_build_filename (folder, "map.flowmap", NULL);
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
  g_assert_true (fm_test_remove_tree (folder));
}

/* A map saved where there was none: its appearance is not news. */
static void
test_watch_new_file (void)
{
  g_autofree char *folder = fm_test_make_tmp_dir ("watch");
  g_autofree char *path = g_build_filename (folder, "new.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmFileWatch) watch = fm_file_watch_new ();

  fm_file_watch_set_file (watch, file);
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  g_assert_true (fm_atomic_file_write (path, "ours", 4, TRUE, NULL));
  fm_file_watch_note_saved (watch, NULL);
  /* Whatever the monitor reports next, the comparison it runs says: */
  fm_file_watch_check_now (watch);
  g_assert_cmpint (fm_file_watch_get_state (watch), ==, FM_FILE_WATCH_SAME);

  g_assert_true (fm_test_remove_tree (folder));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/file-watch/changes", test_watch);
  g_test_add_func ("/fm/file-watch/new-file", test_watch_new_file);
  g_test_add_func ("/fm/file-watch/write-after-save", test_watch_write_after_save);

  return g_test_run ();
}
