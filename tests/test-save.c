/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c: saving is atomic, keeps a backup, and a failed save loses nothing
 *
 * Every failure that can be made without privileges: a folder that is gone,
 * a parent that is a file, a name too long, a folder or a pipe where the
 * file should be, a backup that cannot be made, a full disk (a file size
 * limit), a read-only folder (not as root: root writes anyway). After each,
 * the old file holds what it held and no temporary file is left.
 */
#include "config.h"

/* unshare() and CLONE_NEWNS, for the test of a full disk. */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#endif

#include "fm-atomic-file.h"
#include "fm-json.h"
#include "fm-test-utils.h"

typedef struct {
  char *folder;
  char *path;
  GFile *file;
  FmDocument *document;
} Fixture;

static FmDocument *
make_document (const char *title)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("current");
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_PROCESS, "build");

  g_object_set (document, "title", title, NULL);
  fm_node_set_label (node, "Build");
  fm_document_add_map (document, map, 0);
  fm_document_add_node (document, map, node);
  fm_undo_stack_clear (fm_document_get_undo_stack (document));

  return g_steal_pointer (&document);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = g_dir_make_tmp ("flowmap-save-XXXXXX", NULL);
  g_assert_nonnull (f->folder);
  f->path = g_build_filename (f->folder, "map.flowmap", NULL);
  f->file = g_file_new_for_path (f->path);
  f->document = make_document ("First");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fm_test_remove_tree (f->folder);
  g_assert_finalize_object (f->document);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->folder);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted and joined with spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("(none)");
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
save_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fm_json_save_file (f->document, f->file, &error));
  g_assert_no_error (error);
}

/* A first save, then a change that a failed save must not write. */
static char *
save_then_change (Fixture *f)
{
  save_ok (f);
  g_object_set (f->document, "title", "Second", NULL);
  return read_text (f->path);
}

static void
assert_failed (Fixture     *f,
               GError      *error,
               int          code,
               const char  *name)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (code >= 0)
    g_assert_error (error, G_IO_ERROR, code);
  if (!g_str_has_prefix (error->message, name) || error->message[strlen (name)] != ':')
    g_error ("\"%s\" does not start with \"%s:\"", error->message, name);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *expected = fm_json_save_to_data (f->document, NULL);
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  save_ok (f);
  text = read_text (f->path);
  g_assert_cmpstr (text, ==, expected);

  /* No backup of nothing, no temporary file left, the usual mode. */
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  first = save_then_change (f);
  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  save_ok (f);
  second = read_text (f->path);
  g_assert_nonnull (strstr (second, "\"Second\""));

  text = read_text (backup);
  g_assert_cmpstr (text, ==, first);
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap map.flowmap~");

  /* The file keeps its mode through the rename. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* The next save replaces the backup with the previous version. */
  g_object_set (f->document, "title", "Third", NULL);
  save_ok (f);
  g_free (text);
  text = read_text (backup);
  g_assert_cmpstr (text, ==, second);
}

/* A map kept behind a symbolic link stays behind it. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->folder, "real.flowmap", NULL);
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.flowmap", f->path), ==, 0);
  save_ok (f);

  g_assert_cmpint (g_lstat (f->path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (real);
  g_assert_nonnull (strstr (text, "\"First\""));
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap real.flowmap real.flowmap~");
}

/* Deleted while open: the save writes it again. */
static void
test_file_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_free (save_then_change (f));
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  save_ok (f);
  text = read_text (f->path);
  g_assert_nonnull (strstr (text, "\"Second\""));
}

/* The folder deleted while the map is open. */
static void
test_folder_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  save_ok (f);
  fm_test_remove_tree (f->folder);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, G_IO_ERROR_NOT_FOUND, "map.flowmap");
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));
}

static void
test_parent_is_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *parent = g_build_filename (f->folder, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (parent, "map.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (parent, "a file", -1, NULL));
  g_assert_false (fm_json_save_file (f->document, file, &error));
  assert_failed (f, error, G_IO_ERROR_NOT_DIRECTORY, "map.flowmap");
  text = read_text (parent);
  g_assert_cmpstr (text, ==, "a file");
}

static void
test_name_too_long (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *name = g_strnfill (300, 'm');
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_false (fm_json_save_file (f->document, file, &error));
  assert_failed (f, error, G_IO_ERROR_FILENAME_TOO_LONG, name);
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "");
}

/* The longest name a folder takes still saves: the temporary file's name
 * is cut to fit, and a backup that cannot be named is not made. */
static void
test_longest_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *name = g_strnfill (255, 'm');
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *names = NULL;

  g_assert_true (fm_json_save_file (f->document, file, NULL));
  g_assert_true (fm_json_save_file (f->document, file, NULL));
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, name);
}

static void
test_target_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, G_IO_ERROR_IS_DIRECTORY, "map.flowmap");
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

/* A pipe or a device must not be renamed over: that would replace it. */
static void
test_target_is_special (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, G_IO_ERROR_NOT_REGULAR_FILE, "map.flowmap");
  g_assert_cmpint (g_lstat (f->path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap");
}

/* A folder where the backup goes: the save stops before touching the file. */
static void
test_backup_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *inside = g_build_filename (backup, "keep", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;

  before = save_then_change (f);
  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", -1, NULL));

  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, -1, "map.flowmap");
  g_assert_nonnull (strstr (error->message, "map.flowmap~"));
  after = read_text (f->path);
  g_assert_cmpstr (after, ==, before);
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap map.flowmap~");
}

/* A full disk, as a file size limit: the write fails part way through. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *names = NULL;
      struct rlimit limit;

      before = save_then_change (f);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = 64;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (fm_json_save_file (f->document, f->file, &error));
      assert_failed (f, error, -1, "map.flowmap");
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      after = read_text (f->path);
      g_assert_cmpstr (after, ==, before);
      names = list_folder (f->folder);
      g_assert_cmpstr (names, ==, "map.flowmap");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

#ifdef __linux__
/* Mounts a 16 KiB tmpfs on @folder, seen by this process only. */
static gboolean
mount_tiny_fs (const char *folder)
{
  return unshare (CLONE_NEWNS) == 0 &&
         mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
         mount ("flowmap-test", folder, "tmpfs", 0, "size=16k") == 0;
}

/* Tries it in a child, which takes its mount namespace with it. */
static gboolean
can_mount (const char *folder)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (mount_tiny_fs (folder) ? 0 : 1);

  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}
#endif

/* A really full disk: a tiny tmpfs, mounted in a mount namespace of the
 * test's own so that it goes away with it. Needs CAP_SYS_ADMIN (root in
 * CI); skipped otherwise. */
static void
test_disk_full_tmpfs (Fixture       *f,
                      gconstpointer  data)
{
#ifdef __linux__
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *names = NULL;
      g_autofree char *filler = g_build_filename (f->folder, "filler", NULL);
      g_autofree char *zeros = g_malloc0 (64 * 1024);
      int fd;

      g_assert_true (mount_tiny_fs (f->folder));

      before = save_then_change (f);
      /* Fill what is left; the write stops at the end of the space. */
      fd = g_open (filler, O_WRONLY | O_CREAT, 0600);
      g_assert_cmpint (fd, >=, 0);
      while (write (fd, zeros, 64 * 1024) > 0)
        ;
      close (fd);

      g_assert_false (fm_json_save_file (f->document, f->file, &error));
      assert_failed (f, error, G_IO_ERROR_NO_SPACE, "map.flowmap");
      after = read_text (f->path);
      g_assert_cmpstr (after, ==, before);
      names = list_folder (f->folder);
      g_assert_cmpstr (names, ==, "filler map.flowmap");
      return;
    }

  if (!can_mount (f->folder))
    {
      g_test_skip ("cannot mount a tmpfs here (needs CAP_SYS_ADMIN)");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("Linux only");
#endif
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root");
      return;
    }

  before = save_then_change (f);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, G_IO_ERROR_PERMISSION_DENIED, "map.flowmap");
  after = read_text (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;

  if (geteuid () == 0)
    {
      /* Root writes in a read-only folder: the failure cannot be made. */
      g_test_skip ("running as root");
      return;
    }

  before = save_then_change (f);
  g_assert_cmpint (g_chmod (f->folder, 0500), ==, 0);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  assert_failed (f, error, G_IO_ERROR_PERMISSION_DENIED, "map.flowmap");
  g_assert_cmpint (g_chmod (f->folder, 0700), ==, 0);
  after = read_text (f->path);
  g_assert_cmpstr (after, ==, before);
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap");
}

/* A failed save does not mark the document saved: that is the caller's
 * job once the save worked, and the window only does it then. */
static void
test_stays_modified (Fixture       *f,
                     gconstpointer  data)
{
  FmUndoStack *stack = fm_document_get_undo_stack (f->document);
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_NOTE, "note");
  g_autoptr(GError) error = NULL;

  fm_document_add_node (f->document, fm_document_get_map (f->document, 0), node);
  g_assert_true (fm_undo_stack_get_modified (stack));
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_false (fm_json_save_file (f->document, f->file, &error));
  g_assert_true (fm_undo_stack_get_modified (stack));

  /* A recovered document is modified from the start, until it is saved. */
  g_clear_error (&error);
  g_rmdir (f->path);
  fm_undo_stack_clear (stack);
  fm_undo_stack_set_unsaved (stack);
  g_assert_true (fm_undo_stack_get_modified (stack));
  save_ok (f);
  fm_undo_stack_set_saved (stack);
  g_assert_false (fm_undo_stack_get_modified (stack));
}

/* The writer alone, for callers that are not maps (the autosave). */
static void
test_atomic_write (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;

  g_assert_true (fm_atomic_file_write (f->path, "one", 3, FALSE, &error));
  g_assert_true (fm_atomic_file_write (f->path, "", 0, FALSE, &error));
  g_assert_no_error (error);
  text = read_text (f->path);
  g_assert_cmpstr (text, ==, "");
  names = list_folder (f->folder);
  g_assert_cmpstr (names, ==, "map.flowmap");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/fm/save/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-file", test_new_file);
  ADD ("backup", test_backup);
  ADD ("symlink", test_symlink);
  ADD ("file-deleted", test_file_deleted);
  ADD ("fail/folder-deleted", test_folder_deleted);
  ADD ("fail/parent-is-file", test_parent_is_file);
  ADD ("fail/name-too-long", test_name_too_long);
  ADD ("longest-name", test_longest_name);
  ADD ("fail/target-is-folder", test_target_is_folder);
  ADD ("fail/target-is-special", test_target_is_special);
  ADD ("fail/backup", test_backup_fails);
  ADD ("fail/disk-full", test_disk_full);
  ADD ("fail/disk-full-tmpfs", test_disk_full_tmpfs);
  ADD ("fail/read-only-folder", test_read_only_folder);
  ADD ("fail/read-only-file", test_read_only_file);
  ADD ("stays-modified", test_stays_modified);
  ADD ("atomic-write", test_atomic_write);

#undef ADD

  return g_test_run ();
}
