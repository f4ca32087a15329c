/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-deck.c: several maps to a deck: one PDF page per map, 16:9
 * frames, the legend, numbered PNG files; the page a preview draws */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "fm-document.h"
#include "fm-export.h"
#include "fm-json.h"
#include "fm-test-utils.h"

/* Poppler 22 has no autoptr of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  FmDocument *doc;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_load_example ("release.flowmap");
  f->dir = fm_test_make_tmp_dir ("deck");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fm_test_remove_tree (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->doc);
}

static FmMap **
all_maps (FmDocument *doc,
          guint      *n)
{
  FmMap **maps;

  *n = fm_document_get_n_maps (doc);
  maps = g_new (FmMap *, *n);
  for (guint i = 0; i < *n; i++)
    maps[i] = fm_document_get_map (doc, i);

  return maps;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

/* The page's text without its spaces: Poppler guesses where words break
 * from the glyphs' positions, and does not always guess "8 w". */
static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);
  g_autofree char *text = poppler_page_get_text (page);
  GString *packed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (packed, g_utf8_get_char (p));

  return g_string_free (packed, FALSE);
}

/* --all: one page per map, in order, each the map's own size. */
static void
test_pdf_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deck.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree FmMap **maps = NULL;
  FmExportOptions options;
  guint n;

  maps = all_maps (f->doc, &n);
  g_assert_cmpuint (n, ==, 2);
  fm_export_options_init (&options);
  g_assert_true (fm_export_maps (f->doc, maps, n, path, FM_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_no_error (error);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double width, height, expected_w, expected_h;

      poppler_page_get_size (page, &width, &height);
      fm_export_get_page_size (f->doc, maps[i], &options, &expected_w, &expected_h);
      g_assert_cmpfloat_with_epsilon (width, expected_w, 1);
      g_assert_cmpfloat_with_epsilon (height, expected_h, 1);
    }

  /* The current state is the longer map: its page is wider. */
  {
    g_autoptr(PopplerPage) first = poppler_document_get_page (pdf, 0);
    g_autoptr(PopplerPage) second = poppler_document_get_page (pdf, 1);
    double w1, h1, w2, h2;

    poppler_page_get_size (first, &w1, &h1);
    poppler_page_get_size (second, &w2, &h2);
    g_assert_cmpfloat (w1, >, w2);
  }
}

/* --frame 16:9: every page the same 16:9 size, the content inside. */
static void
test_pdf_frame (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "slides.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree FmMap **maps = NULL;
  FmExportOptions options;
  double first_w = 0, first_h = 0;
  guint n;

  maps = all_maps (f->doc, &n);
  fm_export_options_init (&options);
  options.frame = FM_EXPORT_FRAME_16_9;
  g_assert_true (fm_export_maps (f->doc, maps, n, path, FM_EXPORT_FORMAT_PDF, &options, &error));

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double width, height, natural_w, natural_h;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width / height, 16.0 / 9.0, 0.002);
      fm_export_get_page_size (f->doc, maps[i], NULL, &natural_w, &natural_h);
      g_assert_cmpfloat (width, >=, natural_w - 1);
      g_assert_cmpfloat (height, >=, natural_h - 1);
      if (i == 0)
        first_w = width, first_h = height;
      else
        {
          g_assert_cmpfloat_with_epsilon (width, first_w, 0.5);
          g_assert_cmpfloat_with_epsilon (height, first_h, 0.5);
        }
    }
}

/* --legend: each page names its map and gives its key figures, the future
 * state with its change since the current state. */
static void
test_pdf_legend (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "legend.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree FmMap **maps = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  FmExportOptions options;
  guint n;

  maps = all_maps (f->doc, &n);
  fm_export_options_init (&options);
  options.legend = TRUE;
  options.frame = FM_EXPORT_FRAME_16_9;
  g_assert_true (fm_export_maps (f->doc, maps, n, path, FM_EXPORT_FORMAT_PDF, &options, &error));

  pdf = open_pdf (path);
  first = page_text (pdf, 0);
  second = page_text (pdf, 1);
  g_assert_nonnull (strstr (first, "Currentstate"));
  g_assert_nonnull (strstr (first, "Featurerelease"));
  g_assert_nonnull (strstr (first, "Leadtime"));
  /* Lead time in days with a decimal, as value stream maps write it */
  g_assert_nonnull (strstr (first, "56.0d"));
  g_assert_nonnull (strstr (first, "Flowefficiency"));
  g_assert_nonnull (strstr (first, "3.1%"));
  g_assert_nonnull (strstr (first, "Topconstraint"));
  g_assert_nonnull (strstr (second, "Futurestate"));
  g_assert_nonnull (strstr (second, "14.0d"));
  g_assert_nonnull (strstr (second, "−75%"));

  /* Without the legend, no such text. */
  {
    g_autofree char *plain_path = g_build_filename (f->dir, "plain.pdf", NULL);
    g_autoptr(PopplerDocument) plain = NULL;
    g_autofree char *text = NULL;

    options.legend = FALSE;
    g_assert_true (fm_export_maps (f->doc, maps, 1, plain_path, FM_EXPORT_FORMAT_PDF, &options, &error));
    plain = open_pdf (plain_path);
    text = page_text (plain, 0);
    g_assert_null (strstr (text, "Topconstraint"));
  }
}

/* PNG and SVG with several maps: one file per map, numbered. */
static void
test_numbered_files (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "deck.png", NULL);
  g_autofree char *one = g_build_filename (f->dir, "deck-1.png", NULL);
  g_autofree char *two = g_build_filename (f->dir, "deck-2.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree FmMap **maps = NULL;
  g_autofree char *relative = fm_export_numbered_path ("slides", 3);
  g_autofree char *nested = fm_export_numbered_path ("/a.b/map.svg", 12);
  FmExportOptions options;
  cairo_surface_t *image;
  guint n;

  g_assert_cmpstr (relative, ==, "slides-3");
  g_assert_cmpstr (nested, ==, "/a.b/map-12.svg");

  maps = all_maps (f->doc, &n);
  fm_export_options_init (&options);
  options.frame = FM_EXPORT_FRAME_16_9;
  g_assert_true (fm_export_maps (f->doc, maps, n, path, FM_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (one, G_FILE_TEST_EXISTS));

  image = cairo_image_surface_create_from_png (two);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat_with_epsilon ((double) cairo_image_surface_get_width (image) /
                                  cairo_image_surface_get_height (image), 16.0 / 9.0, 0.01);
  cairo_surface_destroy (image);
}

/* The image for the clipboard: twice the pixels at scale 2. */
static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  FmMap *map = fm_document_get_map (f->doc, 0);
  g_autoptr(GError) error = NULL;
  FmExportOptions options;
  cairo_surface_t *image;
  double width, height;

  fm_export_options_init (&options);
  options.scale = 2;
  fm_export_get_page_size (f->doc, map, &options, &width, &height);
  image = fm_export_image (f->doc, map, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width * 2 - 1e-6));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height * 2 - 1e-6));
  cairo_surface_destroy (image);

  options.scale = 100;
  g_assert_null (fm_export_image (f->doc, map, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fm/export-deck/pdf-pages", test_pdf_pages);
  ADD ("/fm/export-deck/pdf-frame", test_pdf_frame);
  ADD ("/fm/export-deck/pdf-legend", test_pdf_legend);
  ADD ("/fm/export-deck/numbered-files", test_numbered_files);
  ADD ("/fm/export-deck/image", test_image);
#undef ADD

  return g_test_run ();
}
