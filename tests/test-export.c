/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: maps exported to PNG, SVG and PDF */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <poppler.h>

#include "fm-document.h"
#include "fm-document-private.h"
#include "fm-export.h"
#include "fm-export-name.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-export-private.h"
#include "fm-renderer.h"
#include "fm-test-utils.h"

typedef struct {
  FmDocument *doc;
  FmMap *map;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) map = fm_map_new ("current");
  FmNode *node;

  f->doc = fm_document_new ();
  g_object_set (f->doc, "title", "Release train", NULL);
  fm_map_set_name (map, "Current state");

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "Request", 0, 15);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q", "Backlog", 190, 15);
  fm_queue_set_wait_s (FM_QUEUE (node), 3 * 86400);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p1", "Refine", 340, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 2 * 3600);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p2", "Develop", 560, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 6 * 3600);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), 2 * 86400);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "Feature in use", 780, 15);
  fm_test_map_add_node (map, FM_NODE_KIND_SYSTEM, "s", "Tracker", 450, -160);
  fm_test_map_add_edge (map, "e1", "t", "q", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "q", "p1", FM_EDGE_KIND_PULL);
  fm_test_map_add_edge (map, "e3", "p1", "p2", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e4", "p2", "o", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e5", "s", "p1", FM_EDGE_KIND_ELECTRONIC);
  fm_test_map_add_edge (map, "e6", "s", "p2", FM_EDGE_KIND_INFO);
  fm_test_map_add_edge (map, "e7", "p2", "p1", FM_EDGE_KIND_REWORK);
  fm_document_insert_map_internal (f->doc, 0, map);
  f->map = map;

  f->dir = fm_test_make_tmp_dir ("export");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (fm_test_remove_tree (f->dir));
  g_free (f->dir);
  g_assert_finalize_object (f->doc);
}

static char *
export (Fixture               *f,
        const char            *name,
        FmExportFormat         format,
        const FmExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (fm_export_map (f->doc, f->map, path, format, options, &error));
  g_assert_no_error (error);

  return path;
}

static void
page_size (Fixture               *f,
           const FmExportOptions *options,
           double                *width,
           double                *height)
{
  FmRenderOptions render_options;
  FmRect extents;

  fm_render_options_init (&render_options);
  render_options.document = f->doc;
  render_options.timeline = options->timeline;
  render_options.highlight_constraints = options->highlight_constraints;
  g_assert_true (fm_renderer_get_extents (f->map, &render_options, &extents));
  *width = extents.width + 2 * options->margin;
  *height = extents.height + 2 * options->margin;
}

static guint32
argb_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);

  return *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static void
test_format_from_path (void)
{
  FmExportFormat format = -1;

  g_assert_true (fm_export_format_from_path ("map.png", &format));
  g_assert_cmpint (format, ==, FM_EXPORT_FORMAT_PNG);
  g_assert_true (fm_export_format_from_path ("/tmp/Map.SVG", &format));
  g_assert_cmpint (format, ==, FM_EXPORT_FORMAT_SVG);
  g_assert_true (fm_export_format_from_path ("/a.b/slides.Pdf", &format));
  g_assert_cmpint (format, ==, FM_EXPORT_FORMAT_PDF);
  g_assert_false (fm_export_format_from_path ("map", &format));
  g_assert_false (fm_export_format_from_path ("map.jpg", &format));
  g_assert_false (fm_export_format_from_path ("/folder.png/map", &format));
  g_assert_false (fm_export_format_from_path ("map.png.txt", &format));
}

static void
test_options_init (void)
{
  FmExportOptions options;

  memset (&options, 0xff, sizeof options);
  fm_export_options_init (&options);
  g_assert_cmpfloat (options.scale, ==, 1);
  g_assert_false (options.transparent);
  g_assert_true (options.timeline);
  g_assert_false (options.highlight_constraints);
  g_assert_cmpfloat (options.margin, ==, 24);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  FmExportOptions options;
  double width, height;

  fm_export_options_init (&options);
  page_size (f, &options, &width, &height);

  for (guint scale = 1; scale <= 3; scale++)
    {
      g_autofree char *name = g_strdup_printf ("map-%u.png", scale);
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      cairo_surface_t *surface;
      gsize length;

      options.scale = scale;
      path = export (f, name, FM_EXPORT_FORMAT_PNG, &options);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 8);
      g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * scale - 1e-6));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * scale - 1e-6));
      /* White, opaque margins. */
      g_assert_cmphex (argb_at (surface, 0, 0), ==, 0xffffffff);
      g_assert_cmphex (argb_at (surface, cairo_image_surface_get_width (surface) - 1,
                                cairo_image_surface_get_height (surface) - 1), ==, 0xffffffff);
      cairo_surface_destroy (surface);
    }
}

/* Pixels of the constraints' colour: the halos and badges. */
static guint
count_constraint_pixels (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const FmColor *c = &fm_palette_light ()->constraint;
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 argb = argb_at (surface, x, y);

        if (fabs ((argb >> 16 & 0xff) / 255.0 - c->r) < 0.03 &&
            fabs ((argb >> 8 & 0xff) / 255.0 - c->g) < 0.03 &&
            fabs ((argb & 0xff) / 255.0 - c->b) < 0.03)
          n++;
      }
  cairo_surface_destroy (surface);

  return n;
}

/* Exports mark the constraints only when asked, as for a deck. */
static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *plain = NULL;
  g_autofree char *marked = NULL;
  FmExportOptions options;
  double width, height, marked_width, marked_height;

  fm_export_options_init (&options);
  page_size (f, &options, &width, &height);
  plain = export (f, "plain.png", FM_EXPORT_FORMAT_PNG, &options);
  options.highlight_constraints = TRUE;
  page_size (f, &options, &marked_width, &marked_height);
  marked = export (f, "marked.png", FM_EXPORT_FORMAT_PNG, &options);

  g_assert_cmpuint (count_constraint_pixels (plain), ==, 0);
  /* Three halos and badges: hundreds of pixels. */
  g_assert_cmpuint (count_constraint_pixels (marked), >, 300);
  g_assert_cmpfloat (marked_width, >=, width);
}

static void
test_png_transparent (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  FmExportOptions options;
  cairo_surface_t *surface;
  gboolean opaque_ink = FALSE;

  fm_export_options_init (&options);
  options.transparent = TRUE;
  path = export (f, "clear.png", FM_EXPORT_FORMAT_PNG, &options);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (argb_at (surface, 0, 0) >> 24, ==, 0);
  g_assert_cmpuint (argb_at (surface, 3, cairo_image_surface_get_height (surface) - 2) >> 24, ==, 0);

  /* The drawing itself is there, opaque. */
  for (int y = 0; y < cairo_image_surface_get_height (surface) && !opaque_ink; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface) && !opaque_ink; x++)
      opaque_ink = argb_at (surface, x, y) >> 24 == 0xff;
  g_assert_true (opaque_ink);

  cairo_surface_destroy (surface);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *png_path = NULL;
  g_autofree char *svg_path = NULL;
  RsvgHandle *handle;
  g_autoptr(GError) error = NULL;
  FmExportOptions options;
  cairo_surface_t *png, *svg;
  cairo_t *cr;
  double width, height, svg_width, svg_height;
  guint differing = 0, total;
  int w, h;

  fm_export_options_init (&options);
  page_size (f, &options, &width, &height);
  png_path = export (f, "map.png", FM_EXPORT_FORMAT_PNG, &options);
  svg_path = export (f, "map.svg", FM_EXPORT_FORMAT_SVG, &options);

  handle = rsvg_handle_new_from_file (svg_path, &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &svg_width, &svg_height));
  g_assert_cmpfloat_with_epsilon (svg_width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_height, height, 0.01);

  png = cairo_image_surface_create_from_png (png_path);
  w = cairo_image_surface_get_width (png);
  h = cairo_image_surface_get_height (png);
  svg = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (svg);
  g_assert_true (rsvg_handle_render_document (handle, cr,
                                              &(RsvgRectangle) { 0, 0, svg_width, svg_height },
                                              &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (svg);

  /* The same drawing: only antialiasing may differ. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 a = argb_at (png, x, y), b = argb_at (svg, x, y);
        int diff = 0;

        for (int shift = 0; shift < 32; shift += 8)
          diff = MAX (diff, ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)));
        if (diff > 64)
          differing++;
      }
  total = w * h;
  g_test_message ("%u of %u pixels differ", differing, total);
  g_assert_cmpuint (differing, <, total / 100);

  cairo_surface_destroy (png);
  cairo_surface_destroy (svg);
  g_object_unref (handle);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autoptr(GError) error = NULL;
  FmExportOptions options;
  double width, height, page_width, page_height;

  fm_export_options_init (&options);
  options.scale = 3;    /* PDF pages are in points whatever the scale */
  page_size (f, &options, &width, &height);
  path = export (f, "map.pdf", FM_EXPORT_FORMAT_PDF, &options);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);

  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, "Release train — Current state");

  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &page_width, &page_height);
  g_assert_cmpfloat_with_epsilon (page_width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (page_height, height, 0.01);

  text = poppler_page_get_text (page);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Refine"));
  g_assert_nonnull (strstr (text, "Develop"));
  g_assert_nonnull (strstr (text, "Backlog"));
  g_assert_nonnull (strstr (text, "Feature in use"));
  g_assert_nonnull (strstr (text, "Tracker"));
  g_assert_nonnull (strstr (text, "Lead time"));

  g_object_unref (page);
  g_object_unref (pdf);
}

static void
test_no_timeline (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  FmExportOptions options;
  cairo_surface_t *with, *without;

  fm_export_options_init (&options);
  options.margin = 0;
  with_path = export (f, "with.png", FM_EXPORT_FORMAT_PNG, &options);
  options.timeline = FALSE;
  without_path = export (f, "without.png", FM_EXPORT_FORMAT_PNG, &options);

  with = cairo_image_surface_create_from_png (with_path);
  without = cairo_image_surface_create_from_png (without_path);
  g_assert_cmpint (cairo_image_surface_get_width (without), <=, cairo_image_surface_get_width (with));
  g_assert_cmpint (cairo_image_surface_get_height (without) + 60, <, cairo_image_surface_get_height (with));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", "map.png", NULL);
  g_autoptr(GError) error = NULL;

  for (FmExportFormat format = FM_EXPORT_FORMAT_PNG; format <= FM_EXPORT_FORMAT_PDF; format++)
    {
      g_assert_false (fm_export_map (f->doc, f->map, path, format, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      /* The message names the file, not a temporary one. */
      g_assert_nonnull (strstr (error->message, path));
      g_assert_null (strstr (error->message, "goutputstream"));
      g_clear_error (&error);
    }

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

/* A failed export leaves the file that was there. */
static void
test_failure_keeps_old_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  FmExportOptions options;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  fm_export_options_init (&options);
  options.scale = 1000;
  g_assert_false (fm_export_map (f->doc, f->map, path, FM_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  options.scale = -1;
  g_assert_false (fm_export_map (f->doc, f->map, path, FM_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* A good export replaces it. */
  g_free (export (f, "keep.png", FM_EXPORT_FORMAT_PNG, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

/* An SVG goes straight into the file's replacement (fm-export.c): it
 * replaces a file that was there, leaving no temporary file, and a target
 * it cannot replace (a folder) is left as it was, with nothing beside it. */
static void
test_svg_replaces (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_free (export (f, "map.svg", FM_EXPORT_FORMAT_SVG, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "</svg>"));
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (fm_export_map (f->doc, f->map, folder, FM_EXPORT_FORMAT_SVG, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_assert_cmpuint (count_files (f->dir), ==, 2);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_empty_map (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FmMap) empty = fm_map_new ("empty");
  g_autofree char *path = g_build_filename (f->dir, "empty.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  gboolean text = FALSE;
  int w, h;

  g_assert_true (fm_export_map (NULL, empty, path, FM_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_no_error (error);

  /* A small page that says so in its middle. */
  surface = cairo_image_surface_create_from_png (path);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  g_assert_cmpint (w, ==, 320);
  g_assert_cmpint (h, ==, 160);
  g_assert_cmphex (argb_at (surface, 0, 0), ==, 0xffffffff);
  for (int y = h / 3; y < 2 * h / 3 && !text; y++)
    for (int x = w / 3; x < 2 * w / 3 && !text; x++)
      text = (argb_at (surface, x, y) & 0xff) < 0x80;
  g_assert_true (text);
  cairo_surface_destroy (surface);
}

/* The name the export dialog proposes: the document's name and the
 * map's, lower case, ASCII, each run of anything else one hyphen. */
static void
test_suggest_name (void)
{
  const struct { const char *document, *map, *name; } cases[] = {
    { "acme", "Future State", "acme-future-state" },
    /* The map named after its document does not say it twice. */
    { "acme", "Acme future state", "acme-future-state" },
    { "Acme", "ACME", "acme" },
    /* "acmex" does not start with the word "acme" */
    { "acme", "Acmex plant", "acme-acmex-plant" },
    { NULL, "Acme  Future-State!", "acme-future-state" },
    { "release", NULL, "release" },
    { "release", "", "release" },
    /* ASCII-folded in any locale; what has no ASCII form is a separator */
    { NULL, "Übergabe → Qualität", "ubergabe-qualitat" },
    { "Café", "État futur", "cafe-etat-futur" },
    { NULL, "  --  ", "map" },
    { NULL, NULL, "map" },
    { "→", "→", "map" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = fm_export_suggest_name (cases[i].document, cases[i].map);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* Each side within Cairo's limit is not enough: 20,000 × 20,000 pixels
 * would take 1.6 GB (issue 22). The export is refused with the size and
 * what to do instead, and nothing is written. */
static void
test_png_area (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) image_error = NULL;
  FmExportOptions options;

  fm_node_set_position (fm_map_lookup_node (f->map, "s"), 20000, 20000);
  fm_export_options_init (&options);
  g_assert_false (fm_export_map (f->doc, f->map, path, FM_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "the image would be "));
  g_assert_nonnull (strstr (error->message, " million a PNG may have; use a smaller scale, SVG or PDF"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_null (fm_export_image (f->doc, f->map, &options, &image_error));
  g_assert_error (image_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* An SVG holds FM_EXPORT_MAX_SVG_NODES nodes at most: a fan of 100,000
 * steps made 508 MB that took 25 s and 2 GB to write (issue 22). One node
 * more than that is refused at once, naming the count and PDF, and the
 * file already there is left as it was, for one map and for a deck. */
static void
test_svg_node_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "big.svg", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) deck_error = NULL;
  FmMap *maps[1] = { f->map };
  guint n = fm_map_get_n_nodes (f->map);

  for (guint i = n; i < FM_EXPORT_MAX_SVG_NODES + 1; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      fm_test_map_add_node (f->map, FM_NODE_KIND_PROCESS, id, "Step", (i % 100) * 220.0, (i / 100) * 160.0);
    }
  g_assert_cmpuint (fm_map_get_n_nodes (f->map), ==, 25001);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  g_assert_false (fm_export_map (f->doc, f->map, path, FM_EXPORT_FORMAT_SVG, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("“%s”: the map has 25001 nodes, more than the 25000 an SVG viewer can open", path);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "export PDF instead"));

  g_assert_false (fm_export_maps (f->doc, maps, 1, path, FM_EXPORT_FORMAT_SVG, NULL, &deck_error));
  g_assert_error (deck_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (deck_error->message, "25001 nodes"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* A PDF page is 14,400 points a side at most, what viewers open: a map
 * 20,000,000 units wide (with its legend, whose width once overflowed an
 * int) is scaled down onto such a page, in proportion. */
static void
test_pdf_page_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;
  FmExportOptions options;
  double width, height, page_width, page_height;

  fm_node_set_position (fm_map_lookup_node (f->map, "s"), 20000000, -160);
  fm_export_options_init (&options);
  options.legend = TRUE;
  page_size (f, &options, &width, &height);
  g_assert_cmpfloat (width, >, 2e7);
  path = export (f, "wide.pdf", FM_EXPORT_FORMAT_PDF, &options);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &page_width, &page_height);
  g_test_message ("%g × %g pt for %g × %g", page_width, page_height, width, height);
  g_assert_cmpfloat_with_epsilon (page_width, 14400, 0.01);
  g_assert_cmpfloat (page_height, <=, 14400);
  g_assert_cmpfloat (page_height, >, 0);

  g_object_unref (page);
  g_object_unref (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/fm/export/format-from-path", test_format_from_path);
  g_test_add_func ("/fm/export/options-init", test_options_init);
  g_test_add_func ("/fm/export/suggest-name", test_suggest_name);
  ADD ("/fm/export/png", test_png);
  ADD ("/fm/export/png-transparent", test_png_transparent);
  ADD ("/fm/export/svg", test_svg);
  ADD ("/fm/export/pdf", test_pdf);
  ADD ("/fm/export/png-area", test_png_area);
  ADD ("/fm/export/pdf-page-limit", test_pdf_page_limit);
  ADD ("/fm/export/svg-node-limit", test_svg_node_limit);
  ADD ("/fm/export/no-timeline", test_no_timeline);
  ADD ("/fm/export/highlight", test_highlight);
  ADD ("/fm/export/missing-folder", test_missing_folder);
  ADD ("/fm/export/failure-keeps-old-file", test_failure_keeps_old_file);
  ADD ("/fm/export/svg-replaces", test_svg_replaces);
  ADD ("/fm/export/empty-map", test_empty_map);
#undef ADD

  return g_test_run ();
}
