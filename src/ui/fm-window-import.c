/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-import.c: a draw.io drawing opened as a new, untitled map
 *
 * A draw.io file is not Flowmap's to save over: it opens untitled and
 * changed, so that saving asks where, and a dialog lists what the drawing
 * holds that is not part of the map (fm_drawio_read_data()'s lines), so
 * that nothing is lost without a word.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-import"

#include <glib/gi18n.h>

#include "fm-drawio.h"
#include "fm-window-private.h"

/* The most lines the dialog lists; the rest are counted. */
#define MAX_LINES 200

static void
show_unknown (FmWindow   *self,
              const char *name,
              GPtrArray  *unknown)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = g_strdup_printf (_("Opened “%s” as a New Map"), name);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *label;

  for (guint i = 0; i < unknown->len && i < MAX_LINES; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (unknown, i));
  if (unknown->len > MAX_LINES)
    g_string_append_printf (text, "\n%s", _("…and more"));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u part of the drawing is not part of the map:",
                                       "%u parts of the drawing are not part of the map:",
                                       unknown->len),
                          unknown->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  /* Named for window lists, and for the GUI tests to find. */
  gtk_window_set_title (GTK_WINDOW (dialog), heading);

  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fm_window_import_drawio:
 *
 * Replaces the window's document with the maps of a draw.io file, as a
 * new untitled document; on failure the window keeps its document and
 * shows why.
 *
 * Returns: whether the window now shows the drawing's maps
 */
gboolean
fm_window_import_drawio (FmWindow *self,
                         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (FM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = fm_drawio_read_file (file, &unknown, &error);
  if (document == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      fm_window_show_error (self, heading, error);
      return FALSE;
    }

  fm_window_set_document (self, document, NULL);
  fm_undo_stack_set_unsaved (fm_document_get_undo_stack (document));
  fm_canvas_zoom_to_fit (self->canvas);
  if (unknown->len > 0)
    show_unknown (self, name, unknown);
  return TRUE;
}
