/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-atomic-file.c: write a file so that a crash or a failure never leaves half of it
 *
 * The text goes to a temporary file in the same folder, is flushed to the
 * disk with fsync(), and only then renamed over the old file: at every
 * moment the name holds either the whole old version or the whole new one.
 * g_file_replace_contents() does most of this, but writes a new file in
 * place without a temporary file or an fsync(), and never syncs the
 * folder, so it is done here by hand.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-io"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fm-atomic-file.h"

/* Leaves room for the dot, the dash and XXXXXX within a 255-byte name. */
#define MAX_TEMP_STEM 200

/* Sets @error to "WHAT: the system's reason", in the domain of errno. */
static gboolean
fail_errno (GError     **error,
            int          saved_errno,
            const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* A symbolic link is written through, so that a map kept behind a link
 * stays behind it; a dangling one is replaced. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;
  char *target;
  char *real;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);

  real = realpath (path, NULL);
  if (real == NULL)
    return g_strdup (path);

  /* Allocated by libc, freed with free(): hand over a GLib copy. */
  target = g_strdup (real);
  free (real);
  return target;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

static int
fsync_retry (int fd)
{
  int result;

  do
    result = fsync (fd);
  while (result != 0 && errno == EINTR);

  return result;
}

static gboolean
fsync_ok (int  fd,
          int *saved_errno)
{
  if (fsync_retry (fd) == 0)
    return TRUE;

  *saved_errno = errno;
  return FALSE;
}

/* The rename is only durable once the folder is on disk too. Some file
 * systems cannot sync a folder: that is not a failure of the save. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync_retry (fd) != 0)
    g_debug ("Could not sync the folder %s: %s", folder, g_strerror (errno));
  close (fd);
}

/* Copies @path to @backup, for file systems without hard links. */
static gboolean
copy_to_backup (const char  *path,
                const char  *backup,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return g_file_set_contents_full (backup, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* Makes @backup the previous version of @path, before @path is replaced. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *backup_name = g_filename_display_basename (backup);
  g_autoptr(GError) local_error = NULL;
  int saved_errno;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      saved_errno = errno;
      /* A name too long for the "~": there can be no backup, which must
       * not stop the save itself. */
      if (saved_errno == ENAMETOOLONG)
        return TRUE;
      {
        g_autofree char *what = g_strdup_printf (_("could not keep the previous version as “%s”"),
                                                 backup_name);

        return fail_errno (error, saved_errno, what);
      }
    }

  if (link (path, backup) == 0)
    return TRUE;
  saved_errno = errno;
  if (saved_errno == ENAMETOOLONG)
    return TRUE;

  if (!copy_to_backup (path, backup, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("could not keep the previous version as “%s”: %s"), backup_name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * fm_atomic_file_write:
 * @path: where to write, in the GLib file name encoding
 * @make_backup: keep the version @path held before as `@path~`
 * @error: a %G_IO_ERROR whose message says what failed and why, without
 *   the file's name: the caller puts it in front
 *
 * Writes @data to @path through a temporary file in the same folder,
 * synced to the disk before it is renamed over @path, then syncs the
 * folder. The file keeps its permissions and, where allowed, its owner.
 * A symbolic link is written through.
 *
 * On failure (a folder that is gone or read-only, a full disk, a name too
 * long, a folder at @path…) @path is as it was, and no temporary file is
 * left behind.
 *
 * Returns: %TRUE if @path now holds @data
 */
gboolean
fm_atomic_file_write (const char  *path,
                      const char  *data,
                      gsize        length,
                      gboolean     make_backup,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *folder_name = NULL;
  gboolean exists;
  GStatBuf st;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_target (path);
  folder = g_path_get_dirname (target);
  folder_name = g_filename_display_name (folder);

  exists = g_stat (target, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      g_autofree char *what = NULL;

      saved_errno = errno;
      /* "Not a directory" is about the folder: name it. */
      if (saved_errno == ENOTDIR)
        what = g_strdup_printf (_("could not write in the folder “%s”"), folder_name);
      else
        what = g_strdup (_("could not write the file"));
      return fail_errno (error, saved_errno, what);
    }
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("a folder has that name"));
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      /* Renaming over /dev/null or a pipe would replace the device, not
       * write to it. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
      return FALSE;
    }
  /* The rename needs only the folder: a file made read-only on purpose
   * is refused here, as writing it in place would be. */
  if (exists && g_access (target, W_OK) != 0)
    return fail_errno (error, errno, _("could not write the file"));

  basename = g_path_get_basename (target);
  if (strlen (basename) > MAX_TEMP_STEM)
    basename[MAX_TEMP_STEM] = '\0';
  temp_name = g_strdup_printf (".%s-XXXXXX", basename);
  temp_path = g_build_filename (folder, temp_name, NULL);

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, exists ? (st.st_mode & 0777) : 0666);
  if (fd < 0)
    {
      g_autofree char *what = NULL;

      saved_errno = errno;
      what = g_strdup_printf (_("could not write in the folder “%s”"), folder_name);
      return fail_errno (error, saved_errno, what);
    }

  if (exists)
    {
      /* The umask applied to the temporary file; the old file's mode wins.
       * Its owner is kept where we may (as root), and left to us otherwise. */
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("Could not keep the mode of %s: %s", target, g_strerror (errno));
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
    }

  if (!write_all (fd, data, length, &saved_errno) ||
      !fsync_ok (fd, &saved_errno))
    {
      close (fd);
      g_unlink (temp_path);
      return fail_errno (error, saved_errno, _("could not write the file"));
    }

  /* Some file systems (NFS) report a failed write only here. */
  if (close (fd) != 0 && errno != EINTR)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail_errno (error, saved_errno, _("could not write the file"));
    }

  if (exists && make_backup && !keep_backup (target, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail_errno (error, saved_errno, _("could not replace the file"));
    }

  sync_folder (folder);
  return TRUE;
}
