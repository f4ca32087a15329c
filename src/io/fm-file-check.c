/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-file-check.c: refuse what is not a regular file before opening it
 *
 * Opening a FIFO waits for its other end: to read one with no writer, or
 * to write one with no reader, blocks forever. A device or a socket is no
 * better. Every file the app reads or writes other than its documents (a
 * tracker's export, an exported picture, a chart) is checked here first,
 * with the words the document save uses (fm-atomic-file.c).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-io"

#include <glib/gi18n.h>

#include "fm-file-check.h"

/**
 * fm_file_check_regular:
 * @file: a file about to be read, or replaced by a write
 * @error: a %G_IO_ERROR, %G_IO_ERROR_IS_DIRECTORY or
 *   %G_IO_ERROR_NOT_REGULAR_FILE, whose message does not name the file:
 *   the caller puts it in front
 *
 * Checks, without opening it, that @file is a regular file (following a
 * symbolic link), so that a FIFO, a device or a folder is refused at once.
 * A file that is not there, or cannot be looked at, passes: opening it
 * then says why it fails, as it did before.
 *
 * Returns: %TRUE if @file may be opened
 */
gboolean
fm_file_check_regular (GFile   *file,
                       GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return TRUE;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("a folder has that name"));
      return FALSE;
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
      return FALSE;
    }
}
