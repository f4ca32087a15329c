/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-chart-export.c: the Export… button of a panel's chart
 *
 * The metrics, observed and simulate panels each export their charts as a
 * 16:9 slide; asking for the file, reading its format from its name, and
 * saying how it went is the same for all of them.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-chart-export.h"
#include "fm-export-dialog.h"
#include "fm-window.h"

/* A PNG is sharp at twice the slide's pixels; SVG and PDF scale anyway. */
#define PNG_SCALE 2.0

typedef struct {
  GtkWidget *owner;
  FmChartWriteFunc write;
  gpointer data;
} Job;

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Job             *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FmExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* A name without a known extension is a PNG. */
      if (!fm_export_format_from_path (path, &format))
        {
          char *with = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = with;
          format = FM_EXPORT_FORMAT_PNG;
        }

      if (job->write (job->owner, path, format, format == FM_EXPORT_FORMAT_PNG ? PNG_SCALE : 1, job->data, &error))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (job->owner, ADW_TYPE_TOAST_OVERLAY);
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: after a chart was written to a file */
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
        }
      else if (error != NULL)
        {
          GtkRoot *root = gtk_widget_get_root (job->owner);
          GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      _("Could Not Export the Chart"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }

  g_object_unref (job->owner);
  g_free (job);
}

/**
 * fm_chart_export_ask:
 * @owner: the panel whose chart it is; kept until the dialog is answered
 * @suggestion: the file name proposed, such as "acme-current-state-balance.png"
 * @write: writes the chart once a file is chosen
 *
 * Asks for a file to export a chart to (PNG, SVG or PDF, in the folder of
 * the window's map), writes it with @write, and says how it went: a toast,
 * or a dialog with the error.
 */
void
fm_chart_export_ask (GtkWidget        *owner,
                     const char       *suggestion,
                     FmChartWriteFunc  write,
                     gpointer          data)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (suggestion != NULL && write != NULL);

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (FmExportFormat f = FM_EXPORT_FORMAT_PNG; f <= FM_EXPORT_FORMAT_PDF; f++)
    fm_export_dialog_add_filter (GTK_FILE_CHOOSER (chooser), f);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  /* Beside the map, where its other exports go. */
  if (FM_IS_WINDOW (root) && fm_window_get_file (FM_WINDOW (root)) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (fm_window_get_file (FM_WINDOW (root)));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  job = g_new0 (Job, 1);
  job->owner = g_object_ref (owner);
  job->write = write;
  job->data = data;
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
