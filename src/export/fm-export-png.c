/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-export-png.c: a page rasterized in bands on every core and written as a PNG with libdeflate
 *
 * cairo_surface_write_to_png() drew the page on one thread, kept the ARGB
 * image, and spent half of a large export in zlib at its default level.
 * Here each thread draws horizontal bands of the page into its own small
 * surface, with its own Cairo context (and, fm-render-context.c, its own
 * text layouts), culling what lies outside the band, and turns the band's
 * rows straight into the PNG's filtered scanlines: the only image of the
 * whole page is the filtered one, and it is compressed in one piece by
 * libdeflate, in about half the time of zlib's level 6 for a slightly
 * smaller file. docs/performance.md says why the compression itself is
 * not split between threads.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-export"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <glib/gi18n-lib.h>
#include <libdeflate.h>

#include "fm-export-private.h"

/* libdeflate's level: on the peer map's filtered rows 6 was both the
 * smallest and the fastest of 1, 2, 4 and 6 (long runs give long matches
 * quickly), and smaller than zlib's level 6 in about half its time
 * (docs/performance.md). */
#define DEFLATE_LEVEL 6
/* The rows a thread draws at a time: small enough that the threads share
 * the work evenly and the band surfaces stay a few MB, large enough that
 * the work of each draw outside the pixels (culling, the legend, the
 * ladder's layout) stays small. */
#define MIN_BAND_ROWS 32
#define MAX_BAND_ROWS 128
#define BANDS_PER_THREAD 8
/* IDAT chunks are cut at this size, as most encoders do, although one
 * could hold 2 GiB. */
#define IDAT_SIZE (1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)

enum {
  FILTER_SUB = 1,
  FILTER_UP = 2,
};

typedef struct {
  FmExportPage *page;
  const FmExportOptions *options;
  int width;              /* pixels */
  int height;
  guint channels;         /* 3 for an opaque page, 4 with transparency */
  gsize row_bytes;        /* the filter byte, then channels × width */
  guint8 *scanlines;      /* height × row_bytes, filtered */
  int band_rows;
  int n_bands;
  int next_band;          /* atomic: the next band a thread takes */
  int status;             /* atomic: the first cairo_status_t that failed */
} Raster;

/* One pixel of Cairo's premultiplied, native-endian ARGB as PNG's straight
 * RGB(A), rounded as cairo-png.c does. A fully transparent pixel is 0, 0,
 * 0, 0 (its colour is lost in premultiplication anyway). */
static inline void
unpremultiply (guint32  argb,
               guint8  *out,
               guint    channels)
{
  guint a = argb >> 24;
  guint r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;

  if (a != 0xff && a != 0)
    {
      r = (r * 255 + a / 2) / a;
      g = (g * 255 + a / 2) / a;
      b = (b * 255 + a / 2) / a;
    }
  out[0] = r;
  out[1] = g;
  out[2] = b;
  if (channels == 4)
    out[3] = a;
}

/* Filters one row: Up (the difference to the row above) where there is
 * a row above in the band, which turns the long runs of identical rows of
 * a map's background and boxes into zeros; Sub (the difference to the
 * pixel on the left) for a band's first row, whose row above another
 * thread may not have drawn yet. On the peer map Sub alone made the file
 * a quarter larger than Up; libpng's per-row choice among five filters
 * costs a pass per filter and row for little more. */
static void
filter_row (const guint8 *row,
            const guint8 *above,
            guint8       *out,
            gsize         n,
            guint         bpp)
{
  if (above != NULL)
    {
      out[0] = FILTER_UP;
      for (gsize i = 0; i < n; i++)
        out[1 + i] = row[i] - above[i];
    }
  else
    {
      out[0] = FILTER_SUB;
      memcpy (out + 1, row, bpp);
      for (gsize i = bpp; i < n; i++)
        out[1 + i] = row[i] - row[i - bpp];
    }
}

/* Turns @n_rows rows of ARGB at @data into filtered scanlines at @out;
 * @rows are two scratch rows of width × channels bytes. */
static void
convert_rows (const guint8 *data,
              int           stride,
              int           n_rows,
              int           width,
              guint         channels,
              guint8       *rows[2],
              guint8       *out)
{
  gsize n = (gsize) width * channels;
  const guint8 *above = NULL;   /* the row above, straight */

  for (int y = 0; y < n_rows; y++)
    {
      const guint8 *argb = data + (gsize) y * stride;
      guint8 *filtered = out + (gsize) y * (1 + n);
      guint8 *row;

      /* Most rows of a map are the row above again (the background, the
       * sides of boxes): Up makes them zeros without converting them. */
      if (y > 0 && memcmp (argb, argb - stride, (gsize) width * 4) == 0)
        {
          filtered[0] = FILTER_UP;
          memset (filtered + 1, 0, n);
          continue;
        }

      row = above == rows[0] ? rows[1] : rows[0];
      for (int x = 0; x < width; x++)
        unpremultiply (((const guint32 *) argb)[x], row + (gsize) x * channels, channels);
      filter_row (row, above, filtered, n, channels);
      above = row;
    }
}

static void
draw_band (Raster          *raster,
           cairo_surface_t *surface,
           guint8          *rows[2],
           int              band)
{
  const FmExportOptions *options = raster->options;
  int y0 = band * raster->band_rows;
  int n_rows = MIN (raster->band_rows, raster->height - y0);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  cairo_status_t status;
  cairo_t *cr;

  memset (data, 0, (gsize) stride * raster->band_rows);
  cairo_surface_mark_dirty (surface);

  cr = cairo_create (surface);
  /* A whole number of pixels up, and what lies outside the band left
   * out: the same pixels as drawing the page at once, but where Cairo
   * cuts a translucent edge at the band surface's border (a level of
   * alpha, test-export-png.c). */
  cairo_translate (cr, 0, -y0);
  cairo_scale (cr, options->scale, options->scale);
  fm_export_page_draw_area (raster->page, cr, options, raster->page->width, raster->page->height,
                            &(FmRect) { 0, y0 / options->scale, raster->page->width, n_rows / options->scale });
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_atomic_int_compare_and_exchange (&raster->status, CAIRO_STATUS_SUCCESS, status);
      return;
    }

  convert_rows (data, stride, n_rows, raster->width, raster->channels, rows,
                raster->scanlines + (gsize) y0 * raster->row_bytes);
}

static gpointer
raster_thread (gpointer data)
{
  Raster *raster = data;
  cairo_surface_t *surface;
  gsize n = (gsize) raster->width * raster->channels;
  guint8 *rows[2] = { g_malloc (n), g_malloc (n) };

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, raster->width, raster->band_rows);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_atomic_int_compare_and_exchange (&raster->status, CAIRO_STATUS_SUCCESS, cairo_surface_status (surface));
  else
    for (int band = g_atomic_int_add (&raster->next_band, 1);
         band < raster->n_bands && g_atomic_int_get (&raster->status) == CAIRO_STATUS_SUCCESS;
         band = g_atomic_int_add (&raster->next_band, 1))
      draw_band (raster, surface, rows, band);

  cairo_surface_destroy (surface);
  g_free (rows[0]);
  g_free (rows[1]);

  return NULL;
}

static void
append_chunk (GByteArray   *bytes,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc = libdeflate_crc32 (0, type, 4);
  guint32 be_crc;

  /* libdeflate_crc32() of NULL is its initial value, not the CRC. */
  if (length > 0)
    crc = libdeflate_crc32 (crc, data, length);
  be_crc = GUINT32_TO_BE (crc);
  g_byte_array_append (bytes, (const guint8 *) &be_length, 4);
  g_byte_array_append (bytes, (const guint8 *) type, 4);
  g_byte_array_append (bytes, data, length);
  g_byte_array_append (bytes, (const guint8 *) &be_crc, 4);
}

static void
append_png (GByteArray   *bytes,
            int           width,
            int           height,
            guint         channels,
            const guint8 *zlib_data,
            gsize         zlib_length)
{
  guint8 header[13];
  guint32 be;

  g_byte_array_append (bytes, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  be = GUINT32_TO_BE ((guint32) width);
  memcpy (header, &be, 4);
  be = GUINT32_TO_BE ((guint32) height);
  memcpy (header + 4, &be, 4);
  header[8] = 8;                              /* bits per channel */
  header[9] = channels == 4 ? 6 : 2;          /* RGBA or RGB */
  header[10] = 0;                             /* deflate */
  header[11] = 0;                             /* adaptive filtering */
  header[12] = 0;                             /* not interlaced */
  append_chunk (bytes, "IHDR", header, sizeof header);

  for (gsize offset = 0; offset < zlib_length; offset += IDAT_SIZE)
    append_chunk (bytes, "IDAT", zlib_data + offset, MIN (IDAT_SIZE, zlib_length - offset));
  append_chunk (bytes, "IEND", NULL, 0);
}

/* A buffer of hundreds of MB, in huge pages where the system gives them
 * for the asking: filling it otherwise costs a page fault every 4 KiB, a
 * third of the CPU time of a large export in the kernel. Freed with
 * free(). */
static guint8 *
alloc_large (gsize size)
{
  void *buffer = NULL;

  if (size < HUGE_PAGE)
    return malloc (size);
  if (posix_memalign (&buffer, HUGE_PAGE, size) != 0)
    return NULL;
#ifdef MADV_HUGEPAGE
  madvise (buffer, size, MADV_HUGEPAGE);
#endif
  return buffer;
}

/* Compresses the filtered @scanlines and appends the PNG to @bytes.
 * Returns: %FALSE when memory ran out */
static gboolean
compress_and_append (const guint8 *scanlines,
                     gsize         size,
                     int           width,
                     int           height,
                     guint         channels,
                     GByteArray   *bytes)
{
  struct libdeflate_compressor *compressor = libdeflate_alloc_compressor (DEFLATE_LEVEL);
  guint8 *zlib_data;
  gsize bound, zlib_length = 0;

  if (compressor == NULL)
    return FALSE;
  /* Only the pages written to are ever touched, a few percent of it. */
  bound = libdeflate_zlib_compress_bound (compressor, size);
  zlib_data = alloc_large (bound);
  if (zlib_data != NULL)
    zlib_length = libdeflate_zlib_compress (compressor, scanlines, size, zlib_data, bound);
  libdeflate_free_compressor (compressor);
  if (zlib_length > 0)
    append_png (bytes, width, height, channels, zlib_data, zlib_length);
  free (zlib_data);

  return zlib_length > 0;
}

/**
 * fm_export_png_write_surface:
 * @surface: a flushed ARGB32 image surface
 * @bytes: the PNG file is appended here
 *
 * Encodes @surface as fm_export_png() encodes a page: RGB when every
 * pixel is opaque, as Cairo's own writer does, RGBA otherwise.
 *
 * Returns: %FALSE when memory ran out
 */
gboolean
fm_export_png_write_surface (cairo_surface_t *surface,
                             GByteArray      *bytes)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint channels = 3;
  g_autofree guint8 *scanlines = NULL;
  guint8 *rows[2];
  gsize size;
  gboolean ok;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  for (int y = 0; y < height && channels == 3; y++)
    for (int x = 0; x < width && channels == 3; x++)
      if (((const guint32 *) (data + (gsize) y * stride))[x] >> 24 != 0xff)
        channels = 4;

  size = (1 + (gsize) width * channels) * height;
  scanlines = g_try_malloc (size);
  if (scanlines == NULL)
    return FALSE;
  rows[0] = g_malloc ((gsize) width * channels);
  rows[1] = g_malloc ((gsize) width * channels);
  convert_rows (data, stride, height, width, channels, rows, scanlines);
  g_free (rows[0]);
  g_free (rows[1]);
  ok = compress_and_append (scanlines, size, width, height, channels, bytes);

  return ok;
}

/**
 * fm_export_png:
 * @bytes: the PNG file is appended here
 *
 * Draws @page at options->scale pixels per map unit, on as many threads
 * as there are cores, and encodes it as a PNG: RGB when the page is
 * opaque, RGBA when options->transparent. The caller has checked the
 * image's size (fm_export_check_pixels()).
 */
gboolean
fm_export_png (FmExportPage           *page,
               const FmExportOptions  *options,
               GByteArray             *bytes,
               const char             *display_name,
               GError                **error)
{
  Raster raster = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  gsize scanlines_size;
  guint n_threads;
  gboolean ok;

  raster.page = page;
  raster.options = options;
  raster.width = MAX (1, (int) ceil (page->width * options->scale - 1e-6));
  raster.height = MAX (1, (int) ceil (page->height * options->scale - 1e-6));
  /* The background is painted opaque over the whole page unless the
   * export is transparent, and nothing is drawn with another operator
   * than OVER: the alpha channel would be 255 throughout. */
  raster.channels = options->transparent || page->render.palette->background.a < 1 ? 4 : 3;
  raster.row_bytes = 1 + (gsize) raster.width * raster.channels;
  raster.status = CAIRO_STATUS_SUCCESS;

  n_threads = MAX (1, g_get_num_processors ());
  raster.band_rows = CLAMP (raster.height / (int) (n_threads * BANDS_PER_THREAD), MIN_BAND_ROWS, MAX_BAND_ROWS);
  raster.band_rows = MIN (raster.band_rows, raster.height);
  raster.n_bands = (raster.height + raster.band_rows - 1) / raster.band_rows;
  n_threads = MIN (n_threads, (guint) raster.n_bands);

  scanlines_size = raster.row_bytes * raster.height;
  raster.scanlines = alloc_large (scanlines_size);
  if (raster.scanlines == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not export to “%s”: not enough memory for an image of %d × %d pixels"),
                   display_name, raster.width, raster.height);
      return FALSE;
    }

  /* This thread draws too. */
  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("fm-export-png", raster_thread, &raster));
  raster_thread (&raster);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);

  if (raster.status != CAIRO_STATUS_SUCCESS)
    {
      free (raster.scanlines);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not export to “%s”: %s"),
                   display_name, cairo_status_to_string (raster.status));
      return FALSE;
    }

  ok = compress_and_append (raster.scanlines, scanlines_size, raster.width, raster.height,
                            raster.channels, bytes);
  free (raster.scanlines);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not export to “%s”: not enough memory for an image of %d × %d pixels"),
                   display_name, raster.width, raster.height);
      return FALSE;
    }

  return TRUE;
}
