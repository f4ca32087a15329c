/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-export.c: the map drawn to a PNG, SVG or PDF file
 *
 * The exporter draws with the same renderer as the canvas, in the fixed
 * light palette that reads well on slides and paper; the export dialog
 * (fm-export-dialog.c) shows the page before it is written.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-export"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-export-dialog.h"
#include "fm-export-name.h"
#include "fm-window-private.h"

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  g_autoptr(GFile) folder = self->file ? g_file_get_parent (self->file) : NULL;
  g_autofree char *document_name = self->file ? g_file_get_basename (self->file)
                                              : g_strdup (fm_document_get_title (self->document));
  g_autofree char *name = NULL;

  if (document_name != NULL && g_str_has_suffix (document_name, ".flowmap"))
    document_name[strlen (document_name) - strlen (".flowmap")] = '\0';
  name = fm_export_suggest_name (document_name, fm_map_get_name (self->map));

  fm_export_dialog_present (GTK_WINDOW (self), self->toast_overlay, self->document, self->map, name, folder);
}

void
fm_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
