/* fm-window-export.c: the map drawn to a PNG, SVG or PDF file
 *
 * The exporter draws with the same renderer as the canvas, in the fixed
 * light palette that reads well on slides and paper.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-export"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-export.h"
#include "fm-window-private.h"

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    FmWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FmExportOptions options;
  FmExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* No known extension: a PNG, named so. */
      if (!fm_export_format_from_path (path, &format))
        {
          char *with_png = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = with_png;
          format = FM_EXPORT_FORMAT_PNG;
        }

      fm_export_options_init (&options);
      if (fm_export_map (self->document, self->map, path, format, &options, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
      else
        {
          fm_window_show_error (self, _("Could Not Export the Map"), error);
        }
    }
  g_object_unref (self);
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = fm_window_dup_display_name (self);
  g_autofree char *suggestion = NULL;

  if (g_str_has_suffix (name, ".flowmap"))
    name[strlen (name) - strlen (".flowmap")] = '\0';
  suggestion = g_strconcat (name, ".png", NULL);

  dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (GTK_FILE_CHOOSER (dialog), _("PNG Image"), "*.png");
  add_filter (GTK_FILE_CHOOSER (dialog), _("SVG Drawing"), "*.svg");
  add_filter (GTK_FILE_CHOOSER (dialog), _("PDF Document"), "*.pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggestion);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
fm_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
