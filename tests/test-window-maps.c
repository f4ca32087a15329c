/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-maps.c: the window with several maps: switching keeps each
 * map's selection, future states and deleting are undoable, the map or
 * the selection copied as an image, presentation mode and its slides,
 * the export dialog */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "fm-document-maps.h"
#include "fm-export.h"
#include "fm-export-dialog.h"
#include "fm-presentation.h"
#include "fm-test-utils.h"
#include "fm-window.h"
#include "fm-window-private.h"

#include <poppler.h>

typedef struct {
  FmWindow *window;
  FmDocument *doc;
  FmCanvas *canvas;
  FmCanvasState *state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fm_test_example_path ("release.flowmap");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->window = g_object_ref_sink (fm_window_new (NULL));
  g_assert_true (fm_window_load_file (f->window, file, FALSE));
  f->doc = fm_window_get_document (f->window);
  f->canvas = fm_window_get_canvas (f->window);
  f->state = fm_canvas_get_state (f->canvas);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
}

static FmMap *
shown (Fixture *f)
{
  return fm_canvas_get_map (f->canvas);
}

/* Each map keeps its own selection while another is shown. */
static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  FmMap *current = fm_document_get_map (f->doc, 0);
  FmMap *future = fm_document_get_map (f->doc, 1);

  g_assert_true (shown (f) == current);
  fm_canvas_state_select (f->state, "code", FALSE);

  activate (f, "win.show-map", g_variant_new_uint32 (1));
  g_assert_true (shown (f) == future);
  g_assert_cmpuint (fm_canvas_state_get_n_selected (f->state), ==, 0);
  fm_canvas_state_select (f->state, "security", FALSE);

  activate (f, "win.previous-map", NULL);
  g_assert_true (shown (f) == current);
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "code");

  activate (f, "win.next-map", NULL);
  g_assert_true (shown (f) == future);
  g_assert_cmpstr (fm_canvas_state_get_single (f->state), ==, "security");
}

/* Create Future State copies the map shown, shows the copy with its
 * changes, and undo takes it away again. */
static void
test_future_state (Fixture       *f,
                   gconstpointer  data)
{
  FmMap *current = fm_document_get_map (f->doc, 0);
  FmMap *made;
  gboolean changes;

  activate (f, "win.create-future-state", NULL);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 3);
  made = shown (f);
  g_assert_true (made == fm_document_get_map (f->doc, 2));
  g_assert_cmpint (fm_map_get_state (made), ==, FM_MAP_STATE_FUTURE);
  g_assert_cmpstr (fm_map_get_based_on (made), ==, "current");
  g_assert_cmpstr (fm_map_get_name (made), ==, "Future state 2");
  g_assert_cmpuint (fm_map_get_n_nodes (made), ==, fm_map_get_n_nodes (current));
  g_object_get (f->canvas, "show-changes", &changes, NULL);
  g_assert_true (changes);
  g_assert_true (fm_canvas_can_show_changes (f->canvas));
  g_assert_nonnull (fm_canvas_get_comparison (f->canvas));

  activate (f, "win.undo", NULL);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 2);
  g_assert_cmpint (fm_document_get_map_position (f->doc, shown (f)), >=, 0);

  activate (f, "win.redo", NULL);
  g_assert_true (shown (f) == made);
}

/* Rename Map opens a popover on the map's row (made then, the first
 * time), with the name to edit; its Rename names the map, as one undo
 * step, and a second rename uses the same popover. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  FmMap *current = fm_document_get_map (f->doc, 0);
  g_autofree char *before = g_strdup (fm_map_get_name (current));
  GtkWidget *entry;
  GtkWidget *popover;

  activate (f, "win.rename-map", NULL);
  entry = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
  popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  As it is today ");
  g_assert_true (gtk_widget_activate_action (entry, "map-list.rename", NULL));
  g_assert_cmpstr (fm_map_get_name (current), ==, "As it is today");
  g_assert_false (gtk_widget_get_visible (popover));

  activate (f, "win.undo", NULL);
  g_assert_cmpstr (fm_map_get_name (current), ==, before);

  activate (f, "win.rename-map", NULL);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
}

/* The main menu is made when first opened, with the undo history's
 * items as they are then, and follows the history from there on. */
static void
test_primary_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkMenuButton *button = f->window->primary_menu_button;
  GMenuModel *history = G_MENU_MODEL (f->window->history_section);
  g_autofree char *label = NULL;

  g_assert_null (gtk_menu_button_get_popover (button));
  fm_canvas_state_select (f->state, "code", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL));

  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == f->window->primary_menu);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  g_assert_cmpint (g_menu_model_get_n_items (history), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (history, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  /* "Undo " and what it undoes. */
  g_assert_true (g_str_has_prefix (label, "Undo "));
  gtk_menu_button_popdown (button);

  activate (f, "win.undo", NULL);
  g_clear_pointer (&label, g_free);
  g_assert_true (g_menu_model_get_item_attribute (history, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Undo");
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == f->window->primary_menu);
}

/* Deleting the map shown shows its neighbour; undo brings it back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  FmMap *future = fm_document_get_map (f->doc, 1);

  activate (f, "win.show-map", g_variant_new_uint32 (1));
  activate (f, "win.delete-map", NULL);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 1);
  g_assert_true (shown (f) == fm_document_get_map (f->doc, 0));
  /* The last map cannot go. */
  g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.delete-map", NULL) &&
                  fm_document_get_n_maps (f->doc) == 0);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 1);

  activate (f, "win.undo", NULL);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), ==, 2);
  g_assert_true (shown (f) == future);

  /* Moving is undoable too, and the map shown stays shown. */
  activate (f, "win.move-map-up", NULL);
  g_assert_true (fm_document_get_map (f->doc, 0) == future);
  g_assert_true (shown (f) == future);
  activate (f, "win.undo", NULL);
  g_assert_true (fm_document_get_map (f->doc, 1) == future);
}

static GdkTexture *
clipboard_texture (Fixture *f)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (content);
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  return g_value_dup_object (&value);
}

/* Ctrl+Shift+C: the whole map at twice its size, or only the selection. */
static void
test_copy_image (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) whole = NULL;
  g_autoptr(GdkTexture) part = NULL;

  activate (f, "win.copy-image", NULL);
  whole = clipboard_texture (f);
  /* The release map is over 2000 units wide. */
  g_assert_cmpint (gdk_texture_get_width (whole), >, 4000);

  fm_canvas_state_select (f->state, "code", FALSE);
  activate (f, "win.copy-image", NULL);
  part = clipboard_texture (f);
  /* One 160 × 120 step and a margin of 16, at 2×. */
  g_assert_cmpint (gdk_texture_get_width (part), <, 500);
  g_assert_cmpint (gdk_texture_get_height (part), <, 400);
}

/* F5: the slides in the editor's place; the title names the slide. */
static void
test_present (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *editor = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkWidget *slides;

  activate (f, "win.present", NULL);
  slides = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (FM_IS_PRESENTATION (slides));
  g_assert_cmpuint (fm_presentation_get_n_slides (FM_PRESENTATION (slides)), ==, 7);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Current state (1/7) — Flowmap");
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "map");

  g_assert_true (gtk_widget_activate_action (slides, "presentation.step", "i", 1));
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "constraint");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Constraint 1 of 3: Waiting for security review (2/7) — Flowmap");
  /* The steps' cycle times against the takt, after the constraints */
  fm_presentation_set_slide (FM_PRESENTATION (slides), 4);
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "balance");
  fm_presentation_set_slide (FM_PRESENTATION (slides), 5);
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "future");
  fm_presentation_set_slide (FM_PRESENTATION (slides), 99);
  g_assert_cmpstr (fm_presentation_get_slide_kind (FM_PRESENTATION (slides)), ==, "comparison");

  activate (f, "win.leave-presentation", NULL);
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window)) == editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "release.flowmap — Flowmap");
}

/* Closing the window while presenting puts the editor back first. */
static void
test_close_presenting (Fixture       *f,
                       gconstpointer  data)
{
  activate (f, "win.present", NULL);
  g_assert_true (FM_IS_PRESENTATION (adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window))));
}

/* A part of a template, by its id in the .ui file. */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The alpha of the preview's pixel at its middle, as GTK's Cairo renderer
 * draws it. */
static guint
preview_alpha_at_middle (GtkWidget *preview)
{
  int width = gtk_widget_get_width (preview);
  int height = gtk_widget_get_height (preview);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;
  guint alpha;

  GTK_WIDGET_GET_CLASS (preview)->snapshot (preview, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_clear_pointer (&node, gsk_render_node_unref);
  cairo_surface_flush (surface);
  alpha = cairo_image_surface_get_data (surface)[(height / 2) * cairo_image_surface_get_stride (surface)
                                                 + (width / 2) * 4 + 3];
  cairo_surface_destroy (surface);

  return alpha;
}

/* The export dialog opens over the window with the defaults of a first
 * export (PNG at 2×, the map shown, with its timeline), a preview of the
 * page and its size; the size follows the options. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  GtkWidget *preview, *size_label, *scale_row;
  FmExportOptions options;
  double width, height;
  g_autofree char *expected = NULL;

  activate (f, "win.export", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (FM_IS_EXPORT_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));

  /* The defaults of the settings' schema. */
  scale_row = find_by_id (GTK_WIDGET (dialog), "scale_row");
  g_assert_nonnull (scale_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "format_row"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scale_row)), ==, 1);
  g_assert_true (gtk_widget_get_visible (scale_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "maps_row"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "frame_row"))), ==, 0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_by_id (GTK_WIDGET (dialog), "timeline_switch"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_by_id (GTK_WIDGET (dialog), "legend_switch"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_by_id (GTK_WIDGET (dialog), "transparent_switch"))));

  /* The size of the page the exporter draws for the map shown, at 2×. */
  fm_export_options_init (&options);
  options.scale = 2;
  options.timeline = TRUE;
  fm_export_get_page_size (f->doc, shown (f), &options, &width, &height);
  g_assert_cmpfloat (width, >, 1000);
  size_label = find_by_id (GTK_WIDGET (dialog), "size_label");
  g_assert_nonnull (size_label);
  expected = g_strdup_printf ("%.0f × %.0f pixels", ceil (width * 2 - 1e-6), ceil (height * 2 - 1e-6));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (size_label)), ==, expected);

  /* The preview shows the page: opaque white paper in its middle. */
  preview = find_by_id (GTK_WIDGET (dialog), "preview");
  g_assert_true (GTK_IS_DRAWING_AREA (preview));
  while (gtk_widget_get_width (preview) <= 1 || gtk_widget_get_height (preview) <= 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (preview_alpha_at_middle (preview), ==, 255);

  /* A PDF of every map: no scale, a page per map, in points. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "format_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "maps_row")), 1);
  g_assert_false (gtk_widget_get_visible (scale_row));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("2 pages, one per map; this one %.0f × %.0f points", width, height);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (size_label)), ==, expected);

  /* The text formats say what they hold. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "format_row")), 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (size_label)), ==, "The figures of every map, side by side");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (dialog), "format_row")), 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (size_label)), ==, "The map shown, as a draw.io page");
  g_assert_false (gtk_widget_get_visible (scale_row));

  gtk_window_destroy (dialog);
}

/* Ctrl+P prints the page an export with a legend draws: the map's name
 * and its figures above it (printed to a PDF file). Whether a label is
 * whole cannot be read back from a PDF (an ellipsis carries the text it
 * hides): test-render-labels checks that at a printed page's scale. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = fm_test_make_tmp_dir ("print");
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GtkPrintOperation) operation = fm_window_new_print_operation (f->window);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  /* Labels wrap: compare the words, not the lines. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Current state"));
  g_assert_nonnull (strstr (flat, "Lead time"));
  g_assert_nonnull (strstr (flat, "Validated feature request"));
  g_assert_nonnull (strstr (flat, "Change advisory board"));
  g_assert_nonnull (strstr (flat, "Waiting for the release window"));

  g_object_unref (page);
  g_object_unref (pdf);
  fm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  if (fm_test_skip_without_display ())
    return 0;

  /* Opening a file adds it to the recent files: not the user's. */
  home = g_dir_make_tmp ("flowmap-window-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fm/window/maps/switch", test_switch);
  ADD ("/fm/window/maps/future-state", test_future_state);
  ADD ("/fm/window/maps/delete-undo", test_delete_undo);
  ADD ("/fm/window/maps/rename", test_rename);
  ADD ("/fm/window/primary-menu", test_primary_menu);
  ADD ("/fm/window/copy-image", test_copy_image);
  ADD ("/fm/window/present", test_present);
  ADD ("/fm/window/close-presenting", test_close_presenting);
  ADD ("/fm/window/export-dialog", test_export_dialog);
  ADD ("/fm/window/print", test_print);
#undef ADD

  return g_test_run ();
}
