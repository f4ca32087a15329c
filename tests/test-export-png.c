/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-png.c: the PNG writer (fm-export-png.c) read back by another decoder
 *
 * The writer draws a page in bands on several threads, converts Cairo's
 * premultiplied ARGB to PNG's straight RGB(A) itself and compresses with
 * libdeflate: gdk-pixbuf's loader (libpng) must read back every pixel of
 * the page as Cairo draws it at once, into one surface.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "fm-document.h"
#include "fm-export.h"
#include "fm-export-private.h"
#include "fm-json.h"
#include "fm-test-utils.h"

typedef struct {
  FmDocument *doc;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (SOURCE_EXAMPLES_DIR, "release.flowmap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->doc = fm_json_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->doc);
  g_assert_cmpuint (fm_document_get_n_maps (f->doc), >=, 2);
  f->dir = fm_test_make_tmp_dir ("export-png");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (fm_test_remove_tree (f->dir));
  g_free (f->dir);
  g_assert_finalize_object (f->doc);
}

typedef struct {
  guint pixels;
  guint transparent;      /* alpha 0 */
  guint translucent;      /* alpha between 0 and 255 */
  guint inexact;          /* not exactly the pixel of the surface */
} Counts;

/* The straight colour PNG stores for a pixel of Cairo's premultiplied
 * ARGB, rounded as cairo-png.c does; a pixel of alpha 0 has no colour. */
static void
straight (guint32  argb,
          guint8   want[4])
{
  guint a = argb >> 24;

  want[3] = a;
  for (guint c = 0; c < 3; c++)
    {
      guint premultiplied = (argb >> (16 - 8 * c)) & 0xff;

      want[c] = a > 0 ? (premultiplied * 255 + a / 2) / a : 0;
    }
}

/* Compares the PNG at @path with @surface pixel by pixel. With @tolerance
 * 0 every pixel must be exact; otherwise a pixel may be a level of alpha
 * and two of premultiplied colour away (Cairo rasterizes a translucent
 * edge cut by a band's border slightly differently), and is counted. */
static Counts
compare_with_surface (const char      *path,
                      cairo_surface_t *surface,
                      guint            channels,
                      guint            tolerance)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels;
  int rowstride;
  Counts counts = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
  g_assert_cmpint (gdk_pixbuf_get_n_channels (pixbuf), ==, channels);
  g_assert_cmpint (gdk_pixbuf_get_has_alpha (pixbuf), ==, channels == 4);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 argb = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
        const guint8 *got = pixels + (gsize) y * rowstride + (gsize) x * channels;
        guint a = argb >> 24;
        guint8 want[4];

        straight (argb, want);
        if (channels == 3)
          g_assert_cmpuint (a, ==, 0xff);

        counts.pixels++;
        counts.transparent += a == 0;
        counts.translucent += a > 0 && a < 0xff;
        if (memcmp (got, want, channels) == 0)
          continue;

        counts.inexact++;
        if (tolerance > 0 && channels == 4 && ABS ((int) got[3] - (int) a) <= 1)
          {
            gboolean near = TRUE;

            for (guint c = 0; c < 3; c++)
              near = near && ABS ((int) ((got[c] * got[3] + 127) / 255) - (int) ((argb >> (16 - 8 * c)) & 0xff)) <= 2;
            if (near)
              continue;
          }
        g_error ("%s: pixel (%d, %d) is %02x%02x%02x%02x, the page has %02x%02x%02x%02x",
                 path, x, y, got[0], got[1], got[2], channels == 4 ? got[3] : 0xff,
                 want[0], want[1], want[2], want[3]);
      }

  return counts;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
export_and_compare (Fixture               *f,
                    FmMap                 *map,
                    const char            *name,
                    const FmExportOptions *options,
                    Counts                *counts)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) cairo_png = g_byte_array_new ();
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  gsize length;

  g_assert_true (fm_export_map (f->doc, map, path, FM_EXPORT_FORMAT_PNG, options, &error));
  g_assert_no_error (error);

  /* The same page drawn at once, as the clipboard gets it. */
  surface = fm_export_image (f->doc, map, options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* Taller than a band (at least 32 rows), so that the bands' seams
   * are compared too. */
  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 4 * 32);

  *counts = compare_with_surface (path, surface, options->transparent ? 4 : 3, options->transparent);

  /* Within 1.3 times the size of Cairo's own writer (libpng's adaptive
   * filter, zlib's level 6). */
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, cairo_png),
                   ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes, Cairo's %u", name, length, cairo_png->len);
  g_assert_cmpuint (length, <=, cairo_png->len * 13 / 10);

  cairo_surface_destroy (surface);
}

/* The opaque page is written as RGB, every pixel as Cairo drew it. */
static void
test_pixels_opaque (Fixture       *f,
                    gconstpointer  data)
{
  FmExportOptions options;
  Counts counts;

  fm_export_options_init (&options);
  for (guint i = 0; i < fm_document_get_n_maps (f->doc); i++)
    {
      g_autoptr(FmMap) map = g_list_model_get_item (fm_document_get_maps (f->doc), i);
      g_autofree char *name = g_strdup_printf ("map-%u.png", i);

      export_and_compare (f, map, name, &options, &counts);
      g_assert_cmpuint (counts.inexact, ==, 0);
      g_assert_cmpuint (counts.transparent, ==, 0);
      g_assert_cmpuint (counts.translucent, ==, 0);
    }
}

/* A transparent page, as a slide at two pixels per unit with the
 * constraints marked and the legend: RGBA, with the antialiased edges'
 * half-transparent pixels turned back to straight colour exactly. */
static void
test_pixels_transparent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FmMap) map = g_list_model_get_item (fm_document_get_maps (f->doc), 0);
  FmExportOptions options;
  Counts counts;

  fm_export_options_init (&options);
  options.transparent = TRUE;
  options.scale = 2;
  options.highlight_constraints = TRUE;
  options.legend = TRUE;
  options.frame = FM_EXPORT_FRAME_16_9;
  export_and_compare (f, map, "slide.png", &options, &counts);

  g_assert_cmpuint (counts.transparent, >, counts.pixels / 4);
  g_assert_cmpuint (counts.translucent, >, 1000);
  /* A few pixels along edges: 13 of 12.4 million when this was written. */
  g_test_message ("%u of %u pixels not exact", counts.inexact, counts.pixels);
  g_assert_cmpuint (counts.inexact, <=, counts.pixels / 10000);
}

/* The encoder alone, exactly: every level of alpha over colours from
 * black to white, turned back into straight colour as Cairo's own writer
 * does, and an opaque image written as RGB. */
static void
test_encoder (Fixture       *f,
              gconstpointer  data)
{
  for (guint opaque = 0; opaque <= 1; opaque++)
    {
      g_autofree char *path = g_build_filename (f->dir, opaque ? "opaque.png" : "levels.png", NULL);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 18);
      guint8 *pixels = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      Counts counts;

      cairo_surface_flush (surface);
      for (guint y = 0; y < 18; y++)
        for (guint a = 0; a < 256; a++)
          {
            /* Straight colours a step apart, premultiplied by alpha. */
            guint alpha = opaque ? 0xff : a;
            guint r = (y * 15 + a) % 256, g = (255 - y * 15) % 256, b = (a * 7 + y) % 256;
            guint32 argb = (guint32) alpha << 24 | ((r * alpha + 127) / 255) << 16 |
                           ((g * alpha + 127) / 255) << 8 | ((b * alpha + 127) / 255);

            ((guint32 *) (pixels + y * stride))[a] = argb;
          }
      cairo_surface_mark_dirty (surface);

      g_assert_true (fm_export_png_write_surface (surface, bytes));
      g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
      counts = compare_with_surface (path, surface, opaque ? 3 : 4, 0);
      g_assert_cmpuint (counts.pixels, ==, 256 * 18);
      g_assert_cmpuint (counts.inexact, ==, 0);
      g_assert_cmpuint (counts.transparent, ==, opaque ? 0 : 18);
      g_assert_cmpuint (counts.translucent, ==, opaque ? 0 : 254 * 18);
      cairo_surface_destroy (surface);
    }
}

/* A target that cannot be written is named in a clear error, and
 * nothing is left behind. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FmMap) map = g_list_model_get_item (fm_document_get_maps (f->doc), 0);
  g_autofree char *folder = g_build_filename (f->dir, "folder.png", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.txt", NULL);
  g_autofree char *under_file = g_build_filename (plain, "map.png", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* A folder where the file should go. */
  g_assert_false (fm_export_map (f->doc, map, folder, FM_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "Could not export"));
  g_clear_error (&error);

  /* A file where its folder should be: the folder cannot be written. */
  g_assert_false (fm_export_map (f->doc, map, under_file, FM_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, under_file));
  g_assert_nonnull (strstr (error->message, "Could not export"));
  g_clear_error (&error);

  /* Not a regular file: refused rather than written into. */
  g_assert_false (fm_export_map (f->doc, map, fifo, FM_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (under_file, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/export-png/pixels-opaque", test_pixels_opaque);
  ADD ("/fm/export-png/pixels-transparent", test_pixels_transparent);
  ADD ("/fm/export-png/encoder", test_encoder);
  ADD ("/fm/export-png/errors", test_errors);
#undef ADD

  return g_test_run ();
}
