/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-dialog.c: export a map, or every map, with a live preview
 *
 * The preview is the page the file will hold, drawn by the exporter itself
 * (fm_export_draw_page()) into a recording when an option changes, so that
 * drawing the preview only replays it. PNG at 1×, 2× or 3×, SVG, PDF; the
 * map shown or all of them (a PDF of one page per map; numbered PNG or SVG
 * files); fitted to the map or padded to a 16:9 slide; with or without the
 * timeline and the legend; white or transparent. The format list also
 * offers a draw.io page of the map shown (fm-drawio-write.c) and a CSV
 * table (fm-csv-export.c: the map's nodes, or with all maps their figures
 * side by side), which the preview shows as the map. The choices are
 * remembered for the next export (GSettings).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export-dialog"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-csv-export.h"
#include "fm-drawio-write.h"
#include "fm-export.h"
#include "fm-export-dialog.h"

#define PREVIEW_PADDING 28.0

struct _FmExportDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwComboRow *scale_row;
  AdwComboRow *maps_row;
  AdwComboRow *frame_row;
  GtkSwitch *timeline_switch;
  GtkSwitch *legend_switch;
  GtkSwitch *transparent_switch;
  GtkDrawingArea *preview;
  GtkLabel *size_label;

  FmDocument *document;
  FmMap *map;
  AdwToastOverlay *toasts;    /* weak */
  char *base_name;
  gboolean ready;  /* the options say what was saved: a change redraws */
  GFile *folder;
  GSettings *settings;        /* nullable: no schema installed */

  cairo_surface_t *recording; /* the page, for the preview */
  double page_width;
  double page_height;
};

G_DEFINE_FINAL_TYPE (FmExportDialog, fm_export_dialog, ADW_TYPE_WINDOW)

/* The format row's choices: FmExportFormat's, then the text formats. */
enum {
  CHOICE_DRAWIO = FM_EXPORT_FORMAT_PDF + 1,
  CHOICE_CSV,
  N_CHOICES
};

static const char *extensions[N_CHOICES] = { ".png", ".svg", ".pdf", ".drawio", ".csv" };
static const char *choice_names[N_CHOICES] = { "png", "svg", "pdf", "drawio", "csv" };

static guint
get_choice (FmExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), N_CHOICES - 1);
}

static void
read_options (FmExportDialog  *self,
              FmExportOptions *options,
              FmExportFormat  *format,
              gboolean        *all)
{
  fm_export_options_init (options);
  *format = (FmExportFormat) MIN (adw_combo_row_get_selected (self->format_row), FM_EXPORT_FORMAT_PDF);
  *all = adw_combo_row_get_selected (self->maps_row) == 1;
  options->scale = MIN (adw_combo_row_get_selected (self->scale_row), 2) + 1;
  options->frame = adw_combo_row_get_selected (self->frame_row) == 1 ? FM_EXPORT_FRAME_16_9 : FM_EXPORT_FRAME_FIT;
  options->timeline = gtk_switch_get_active (self->timeline_switch);
  options->legend = gtk_switch_get_active (self->legend_switch);
  options->transparent = gtk_switch_get_active (self->transparent_switch);
}

static void
update_size_label (FmExportDialog        *self,
                   const FmExportOptions *options,
                   FmExportFormat         format,
                   gboolean               all)
{
  guint n = fm_document_get_n_maps (self->document);
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  /* A text format has no page to measure: what it holds instead. */
  if (get_choice (self) == CHOICE_DRAWIO)
    {
      gtk_label_set_text (self->size_label, _("The map shown, as a draw.io page"));
      return;
    }
  if (get_choice (self) == CHOICE_CSV)
    {
      gtk_label_set_text (self->size_label, all ? _("The figures of every map, side by side")
                                                : _("A row per node of the map shown"));
      return;
    }

  if (format == FM_EXPORT_FORMAT_PNG)
    /* Translators: the size of the exported image */
    size = g_strdup_printf (_("%.0f × %.0f pixels"), ceil (self->page_width * options->scale - 1e-6),
                            ceil (self->page_height * options->scale - 1e-6));
  else
    /* Translators: the size of the exported page, in points (1/72 inch) */
    size = g_strdup_printf (_("%.0f × %.0f points"), self->page_width, self->page_height);

  if (!all || n < 2)
    text = g_steal_pointer (&size);
  else if (format == FM_EXPORT_FORMAT_PDF)
    /* Translators: under the export preview, as in "2 pages, one per map; this one 2338 × 1072 points" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page, one per map; this one %s",
                                         "%u pages, one per map; this one %s", n), n, size);
  else
    /* Translators: under the export preview, as in "2 files, numbered NAME-1, NAME-2…; this one …" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file, numbered NAME-1, NAME-2…; this one %s",
                                         "%u files, numbered NAME-1, NAME-2…; this one %s", n), n, size);

  gtk_label_set_text (self->size_label, text);
}

/* Records the page as the exporter draws it; drawing the preview replays it. */
static void
update_preview (FmExportDialog *self)
{
  FmExportOptions options;
  FmExportFormat format;
  gboolean all;
  cairo_t *cr;

  read_options (self, &options, &format, &all);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), get_choice (self) == FM_EXPORT_FORMAT_PNG);

  fm_export_get_page_size (self->document, self->map, &options, &self->page_width, &self->page_height);
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  self->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                    &(cairo_rectangle_t) { 0, 0, self->page_width,
                                                                           self->page_height });
  cr = cairo_create (self->recording);
  fm_export_draw_page (cr, self->document, self->map, &options, self->page_width, self->page_height);
  cairo_destroy (cr);

  update_size_label (self, &options, format, all);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_option_changed (FmExportDialog *self)
{
  if (self->ready)
    update_preview (self);
}

static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  const double size = 8;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  for (double y = 0; y < height; y += size)
    for (double x = ((int) (y / size) % 2) * size; x < width; x += 2 * size)
      cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  FmExportDialog *self = data;
  double scale, w, h, x, y;

  if (self->recording == NULL || self->page_width <= 0 || self->page_height <= 0)
    return;

  scale = MIN ((width - 2 * PREVIEW_PADDING) / self->page_width,
               (height - 2 * PREVIEW_PADDING) / self->page_height);
  if (scale <= 0)
    return;
  w = self->page_width * scale;
  h = self->page_height * scale;
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  /* The page lifted off the background, like paper. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_rectangle (cr, x - i + 1, y - i + 3, w + 2 * i - 2, h + 2 * i - 2);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.04);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  if (gtk_switch_get_active (self->transparent_switch))
    draw_checkerboard (cr, w, h);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->recording, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* ---- Settings ------------------------------------------------------ */

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build without its compiled schema: remember nothing. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

static void
load_settings (FmExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *frame = NULL;
  double scale;

  if (self->settings == NULL)
    {
      adw_combo_row_set_selected (self->scale_row, 1);
      gtk_switch_set_active (self->timeline_switch, TRUE);
      return;
    }

  format = g_settings_get_string (self->settings, "export-format");
  frame = g_settings_get_string (self->settings, "export-frame");
  scale = g_settings_get_double (self->settings, "export-scale");
  for (guint i = 0; i < N_CHOICES; i++)
    if (g_str_equal (format, choice_names[i]))
      adw_combo_row_set_selected (self->format_row, i);
  adw_combo_row_set_selected (self->scale_row, (guint) CLAMP (round (scale), 1, 3) - 1);
  adw_combo_row_set_selected (self->maps_row, g_settings_get_boolean (self->settings, "export-all-maps") ? 1 : 0);
  adw_combo_row_set_selected (self->frame_row, g_str_equal (frame, "16:9") ? 1 : 0);
  gtk_switch_set_active (self->timeline_switch, g_settings_get_boolean (self->settings, "export-timeline"));
  gtk_switch_set_active (self->legend_switch, g_settings_get_boolean (self->settings, "export-legend"));
  gtk_switch_set_active (self->transparent_switch, g_settings_get_boolean (self->settings, "export-transparent"));
}

static void
save_settings (FmExportDialog        *self,
               const FmExportOptions *options,
               gboolean               all)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "export-format", choice_names[get_choice (self)]);
  g_settings_set_double (self->settings, "export-scale", options->scale);
  g_settings_set_boolean (self->settings, "export-all-maps", all);
  g_settings_set_string (self->settings, "export-frame", options->frame == FM_EXPORT_FRAME_16_9 ? "16:9" : "fit");
  g_settings_set_boolean (self->settings, "export-timeline", options->timeline);
  g_settings_set_boolean (self->settings, "export-legend", options->legend);
  g_settings_set_boolean (self->settings, "export-transparent", options->transparent);
}

/* ---- Exporting ----------------------------------------------------- */

static gboolean
export_to (FmExportDialog  *self,
           const char      *path,
           GError         **error)
{
  FmExportOptions options;
  FmExportFormat format;
  gboolean all;

  read_options (self, &options, &format, &all);
  save_settings (self, &options, all);

  if (get_choice (self) >= CHOICE_DRAWIO)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *text = NULL;
      gsize length = 0;

      /* draw.io holds the map shown; a table all maps' figures, or one
       * map's nodes. */
      if (get_choice (self) == CHOICE_DRAWIO)
        return fm_drawio_write_file (self->document, self->map, file, error);
      text = all ? fm_csv_export_figures (self->document, &length)
                 : fm_csv_export_nodes (self->document, self->map, &length);
      return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                      NULL, NULL, error);
    }

  if (all)
    {
      guint n = fm_document_get_n_maps (self->document);
      g_autofree FmMap **maps = g_new (FmMap *, n);

      for (guint i = 0; i < n; i++)
        maps[i] = fm_document_get_map (self->document, i);
      return fm_export_maps (self->document, maps, n, path, format, &options, error);
    }

  return fm_export_map (self->document, self->map, path, format, &options, error);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     FmExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_object_unref (self);
      return;
    }

  {
    guint format = get_choice (self);
    FmExportFormat named;

    /* A name without a known extension gets the chosen format's. */
    if (!fm_export_format_from_path (path, &named) && !g_str_has_suffix (path, extensions[format]))
      {
        char *with = g_strconcat (path, extensions[format], NULL);

        g_free (path);
        path = with;
      }
  }

  if (export_to (self, path, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

      if (self->toasts != NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Map"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (self);
}

/**
 * fm_export_dialog_add_filter:
 *
 * Adds to @chooser the filter of the files of @format, named as every
 * export names it ("PNG Image").
 */
void
fm_export_dialog_add_filter (GtkFileChooser *chooser,
                             FmExportFormat  format)
{
  static const char *names[] = { N_("PNG Image"), N_("SVG Drawing"), N_("PDF Document") };
  static const char *patterns[] = { "*.png", "*.svg", "*.pdf" };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (format <= FM_EXPORT_FORMAT_PDF);

  gtk_file_filter_set_name (filter, _(names[format]));
  gtk_file_filter_add_pattern (filter, patterns[format]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FmExportDialog *self = FM_EXPORT_DIALOG (widget);
  guint format = get_choice (self);
  g_autofree char *suggestion = g_strconcat (self->base_name, extensions[format], NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format <= FM_EXPORT_FORMAT_PDF)
    fm_export_dialog_add_filter (GTK_FILE_CHOOSER (chooser), format);
  else
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, format == CHOICE_DRAWIO ? _("draw.io Drawing") : _("CSV Table"));
      gtk_file_filter_add_pattern (filter, format == CHOICE_DRAWIO ? "*.drawio" : "*.csv");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fm_export_dialog_dispose (GObject *object)
{
  FmExportDialog *self = FM_EXPORT_DIALOG (object);

  g_clear_pointer (&self->recording, cairo_surface_destroy);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->folder);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->base_name, g_free);
  g_clear_weak_pointer (&self->toasts);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (fm_export_dialog_parent_class)->dispose (object);
}

static void
fm_export_dialog_class_init (FmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, maps_row);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, frame_row);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, timeline_switch);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, FmExportDialog, size_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.save", NULL);
}

static void
fm_export_dialog_init (FmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

/**
 * fm_export_dialog_present:
 * @toasts: (nullable): where to say that the file was written
 * @base_name: the file name to suggest, without extension
 * @folder: (nullable): the folder to suggest
 *
 * Returns: (transfer none): the dialog, shown over @parent
 */
FmExportDialog *
fm_export_dialog_present (GtkWindow       *parent,
                          AdwToastOverlay *toasts,
                          FmDocument      *document,
                          FmMap           *map,
                          const char      *base_name,
                          GFile           *folder)
{
  FmExportDialog *self;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_object_new (FM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->map = g_object_ref (map);
  self->base_name = g_strdup (base_name);
  self->folder = folder ? g_object_ref (folder) : NULL;
  g_set_weak_pointer (&self->toasts, toasts);
  self->settings = open_settings ();
  load_settings (self);

  self->ready = TRUE;
  update_preview (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
