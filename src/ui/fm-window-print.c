/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-print.c: the map printed, or copied as an image for a slide deck
 *
 * Both draw the page an export would (fm_export_draw_page()): the light
 * palette, the timeline. Printing fits the page to the paper, turned to
 * landscape for a wide map, with the legend of a slide above it (the map's
 * name and key figures), since a sheet of paper has no window title. Copy as Image (Ctrl+Shift+C) puts the map, or
 * only the selected nodes and the edges between them, on the clipboard
 * as an image at twice the size, sharp on a slide.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-print"

#include <glib/gi18n.h>

#include "fm-export.h"
#include "fm-map-part.h"
#include "fm-window-private.h"

#define IMAGE_SCALE 2.0

/* ---- Copy as image ------------------------------------------------- */

static void
action_copy_image (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  g_auto(GStrv) selected = fm_canvas_state_dup_selection (fm_canvas_get_state (self->canvas), self->map, TRUE);
  g_autoptr(FmMap) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FmMap *map = self->map;
  FmExportOptions options;
  cairo_surface_t *surface;
  gboolean part = selected != NULL && selected[0] != NULL;

  fm_export_options_init (&options);
  options.scale = IMAGE_SCALE;
  options.margin = 16;
  if (part)
    {
      g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; selected[i] != NULL; i++)
        g_hash_table_add (keep, selected[i]);
      map = copy = fm_map_copy_part (self->map, "selection", keep);
      /* A part of the flow has no lead time of its own to show. */
      options.timeline = FALSE;
    }

  surface = fm_export_image (self->document, map, &options, &error);
  if (surface == NULL)
    {
      fm_window_show_error (self, _("Could Not Copy the Map"), error);
      return;
    }

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian
   * machines: GDK's default memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (part ? _("Selection copied as an image")
                                                   : _("Map copied as an image")));
}

/* ---- Printing ------------------------------------------------------ */

static void
print_options_init (FmExportOptions *options)
{
  fm_export_options_init (options);
  options->transparent = TRUE;
  options->legend = TRUE;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              FmWindow          *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_w, page_h, scale;
  FmExportOptions options;

  print_options_init (&options);
  fm_export_get_page_size (self->document, self->map, &options, &page_w, &page_h);
  scale = MIN (width / page_w, height / page_h);

  cairo_translate (cr, (width - page_w * scale) / 2, (height - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  fm_export_draw_page (cr, self->document, self->map, &options, page_w, page_h);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               FmWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      fm_window_show_error (self, _("Could Not Print the Map"), error);
    }
  g_object_unref (operation);
}

/**
 * fm_window_new_print_operation:
 *
 * Returns: (transfer full): the printing of the map shown, one page
 */
GtkPrintOperation *
fm_window_new_print_operation (FmWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *name = fm_window_dup_display_name (self);
  FmExportOptions options;
  double page_w, page_h;

  print_options_init (&options);
  fm_export_get_page_size (self->document, self->map, &options, &page_w, &page_h);
  gtk_page_setup_set_orientation (setup, page_w > page_h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);

  return operation;
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FmWindow *self = FM_WINDOW (widget);
  GtkPrintOperation *operation = fm_window_new_print_operation (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  /* Asynchronous: "done" says how it ended and lets the operation go. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    fm_window_show_error (self, _("Could Not Print the Map"), error);
}

void
fm_window_print_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, action_copy_image);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
