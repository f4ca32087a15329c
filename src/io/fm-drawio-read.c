/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-read.c: the pages of a draw.io file, whatever carries them
 *
 * A draw.io file is an `mxfile` with a `diagram` per page; a page holds its
 * `mxGraphModel` either as XML or compressed (raw deflate, then base64, of
 * the URI-encoded XML). A `.drawio.svg` carries the same `mxfile` in its
 * root's `content` attribute and a `.drawio.png` in a text chunk named
 * "mxfile"; an `.xml` export may be a bare `mxGraphModel`. Everything is
 * read with GMarkup and GIO, so no dependency is added.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-drawio-private.h"
#include "fm-limits.h"
#include "fm-markup.h"

G_DEFINE_QUARK (fm-drawio-error-quark, fm_drawio_error)

/* Text of a page's `diagram` element, compressed: bounded like the page. */
#define MAX_COMPRESSED_SIZE FM_DRAWIO_MAX_FILE_SIZE

typedef struct {
  const char *display_name;
  GPtrArray *pages;         /* FmDrawioPage* */
  FmDrawioPage *page;       /* the page being read, borrowed */
  FmDrawioCell *cell;       /* the open mxCell, borrowed */
  char *object_id;          /* an open UserObject's id and label */
  char *object_label;
  gboolean in_object;
  gboolean in_model;
  gboolean model_seen;      /* the open diagram held its model as XML */
  gboolean nested;          /* reading a compressed page's XML */
  GString *text;            /* the open diagram's text: a compressed page */
  char *svg_content;        /* an SVG root's `content` */
  int depth;
  int page_depth;           /* where the open diagram and model started, */
  int model_depth;          /* so that only their own end tags end them */
} Reader;

/* Stops the parse once an SVG's `content` is read: the rest is drawing. */
#define STOP_CODE 1000

void
fm_drawio_page_free (FmDrawioPage *page)
{
  if (page == NULL)
    return;
  g_free (page->name);
  g_clear_pointer (&page->cells, g_ptr_array_unref);
  g_free (page);
}

static void
cell_free (gpointer data)
{
  FmDrawioCell *cell = data;

  g_free (cell->id);
  g_free (cell->parent);
  g_free (cell->value);
  g_free (cell->style);
  g_free (cell->source);
  g_free (cell->target);
  g_free (cell);
}

static FmDrawioPage *
page_new (const char *name)
{
  FmDrawioPage *page = g_new0 (FmDrawioPage, 1);

  page->name = g_strdup (name);
  page->cells = g_ptr_array_new_with_free_func (cell_free);
  return page;
}

/* A number of a geometry; whatever is not one is 0, as draw.io reads it. */
static double
geometry_value (const char **names,
                const char **values,
                const char  *name)
{
  const char *text = fm_markup_attribute (names, values, name);
  char *end = NULL;
  double value;

  if (text == NULL)
    return 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value))
    return 0;

  return CLAMP (value, -FM_MAX_COORDINATE, FM_MAX_COORDINATE);
}

static gboolean
parse_xml (Reader      *r,
           const char  *text,
           gssize       length,
           GError     **error);

/* Inflates @data (raw deflate or zlib) into a NUL-terminated text of at
 * most FM_DRAWIO_MAX_PAGE_SIZE bytes. */
static char *
inflate (const guchar              *data,
         gsize                      length,
         GZlibCompressorFormat      format,
         gsize                     *length_out,
         GError                   **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (format);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize read_total = 0;

  for (;;)
    {
      guchar buffer[16384];
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;
      GError *local = NULL;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    data + read_total, length - read_total,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &local);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                       _("the compressed page cannot be inflated (%s)"), local->message);
          g_error_free (local);
          return NULL;
        }
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (out->len > FM_DRAWIO_MAX_PAGE_SIZE)
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                       _("a page larger than %d MiB"), FM_DRAWIO_MAX_PAGE_SIZE >> 20);
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                               _("the compressed page is cut short"));
          return NULL;
        }
    }

  if (length_out != NULL)
    *length_out = out->len;
  g_byte_array_append (out, (const guchar *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

/* A compressed page's text: base64 of the raw deflate of the URI-encoded
 * XML, as draw.io's Graph.compress() writes it. */
static char *
inflate_page (const char  *text,
              gsize       *length_out,
              GError     **error)
{
  g_autofree guchar *deflated = NULL;
  g_autofree char *inflated = NULL;
  gsize deflated_length = 0, inflated_length = 0;
  char *xml;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
      {
        g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                             _("neither XML nor a compressed page (base64)"));
        return NULL;
      }
  deflated = g_base64_decode (text, &deflated_length);
  if (deflated_length == 0)
    {
      g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                           _("an empty compressed page"));
      return NULL;
    }
  inflated = inflate (deflated, deflated_length, G_ZLIB_COMPRESSOR_FORMAT_RAW, &inflated_length, error);
  if (inflated == NULL)
    return NULL;
  if (strlen (inflated) != inflated_length)
    {
      g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                           _("the compressed page holds a NUL byte"));
      return NULL;
    }
  /* Files from before 2016 are not URI-encoded: they start with "<". */
  if (inflated[0] == '<')
    {
      *length_out = inflated_length;
      return g_steal_pointer (&inflated);
    }
  xml = g_uri_unescape_string (inflated, NULL);
  if (xml == NULL)
    {
      g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                           _("the compressed page is not URI-encoded text"));
      return NULL;
    }
  *length_out = strlen (xml);
  return xml;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;

  r->depth++;
  if (r->depth > 64)
    {
      g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                   _("%s: elements nested more than 64 deep"), r->display_name);
      return;
    }

  if (r->depth == 1 && !r->nested && g_str_equal (element, "svg"))
    {
      r->svg_content = g_strdup (fm_markup_attribute (names, values, "content"));
      g_set_error_literal (error, G_MARKUP_ERROR, STOP_CODE, "");
      return;
    }

  if (g_str_equal (element, "diagram") && !r->nested && r->page == NULL)
    {
      if (r->pages->len >= FM_MAX_MAPS)
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                       _("%s: more than %d pages"), r->display_name, FM_MAX_MAPS);
          return;
        }
      r->page = page_new (fm_markup_attribute (names, values, "name"));
      g_ptr_array_add (r->pages, r->page);
      r->page_depth = r->depth;
      r->model_seen = FALSE;
      g_string_truncate (r->text, 0);
    }
  else if (g_str_equal (element, "mxGraphModel") && !r->in_model)
    {
      if (r->page == NULL)
        {
          /* A bare model, as draw.io's "Export as XML" without compression
           * and the clipboard give it. */
          if (r->pages->len > 0)
            return;
          r->page = page_new (NULL);
          g_ptr_array_add (r->pages, r->page);
        }
      r->in_model = TRUE;
      r->model_depth = r->depth;
      r->model_seen = TRUE;
    }
  else if ((g_str_equal (element, "UserObject") || g_str_equal (element, "object")) && r->in_model)
    {
      g_free (r->object_id);
      g_free (r->object_label);
      r->object_id = g_strdup (fm_markup_attribute (names, values, "id"));
      r->object_label = g_strdup (fm_markup_attribute (names, values, "label"));
      r->in_object = TRUE;
    }
  else if (g_str_equal (element, "mxCell") && r->in_model && r->page != NULL && r->cell == NULL)
    {
      FmDrawioCell *cell;
      const char *value = fm_markup_attribute (names, values, "value");

      if (r->page->cells->len >= FM_DRAWIO_MAX_CELLS)
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                       _("%s: more than %d cells on one page"), r->display_name, FM_DRAWIO_MAX_CELLS);
          return;
        }
      cell = g_new0 (FmDrawioCell, 1);
      cell->id = g_strdup (fm_markup_attribute (names, values, "id"));
      if (r->in_object)
        {
          if (r->object_id != NULL)
            {
              g_free (cell->id);
              cell->id = g_strdup (r->object_id);
            }
          value = r->object_label;
        }
      cell->parent = g_strdup (fm_markup_attribute (names, values, "parent"));
      cell->value = g_strdup (value);
      cell->style = g_strdup (fm_markup_attribute (names, values, "style"));
      cell->source = g_strdup (fm_markup_attribute (names, values, "source"));
      cell->target = g_strdup (fm_markup_attribute (names, values, "target"));
      cell->vertex = g_strcmp0 (fm_markup_attribute (names, values, "vertex"), "1") == 0;
      cell->edge = g_strcmp0 (fm_markup_attribute (names, values, "edge"), "1") == 0;
      g_ptr_array_add (r->page->cells, cell);
      r->cell = cell;
    }
  else if (g_str_equal (element, "mxGeometry") && r->cell != NULL)
    {
      const char *as = fm_markup_attribute (names, values, "as");

      if (as != NULL && !g_str_equal (as, "geometry"))
        return;
      r->cell->x = geometry_value (names, values, "x");
      r->cell->y = geometry_value (names, values, "y");
      r->cell->width = CLAMP (geometry_value (names, values, "width"), 0, FM_MAX_NODE_SIZE);
      r->cell->height = CLAMP (geometry_value (names, values, "height"), 0, FM_MAX_NODE_SIZE);
      r->cell->relative = g_strcmp0 (fm_markup_attribute (names, values, "relative"), "1") == 0;
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *r = user_data;
  int depth = r->depth--;

  if (g_str_equal (element, "mxCell"))
    r->cell = NULL;
  else if (g_str_equal (element, "UserObject") || g_str_equal (element, "object"))
    r->in_object = FALSE;
  else if (g_str_equal (element, "mxGraphModel") && r->in_model && depth == r->model_depth)
    r->in_model = FALSE;
  else if (g_str_equal (element, "diagram") && !r->nested && r->page != NULL && depth == r->page_depth)
    {
      if (!r->model_seen)
        {
          g_autofree char *xml = NULL;
          gsize xml_length = 0;
          GError *inner = NULL;

          g_strstrip (r->text->str);
          r->text->len = strlen (r->text->str);
          if (r->text->len > 0)
            {
              if (r->text->str[0] == '<')
                xml = g_strdup (r->text->str), xml_length = r->text->len;
              else
                xml = inflate_page (r->text->str, &xml_length, &inner);
              if (xml == NULL)
                {
                  g_set_error (error, FM_DRAWIO_ERROR, inner->code, "%s: %s “%s”: %s",
                               r->display_name, _("page"),
                               r->page->name != NULL ? r->page->name : "", inner->message);
                  g_error_free (inner);
                  return;
                }
              r->nested = TRUE;
              if (!parse_xml (r, xml, xml_length, error))
                return;
              r->nested = FALSE;
            }
        }
      r->page = NULL;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Reader *r = user_data;

  if (r->page == NULL || r->in_model || r->nested)
    return;
  if (r->text->len + length > MAX_COMPRESSED_SIZE)
    {
      g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                   _("%s: a page larger than %d MiB"), r->display_name, MAX_COMPRESSED_SIZE >> 20);
      return;
    }
  g_string_append_len (r->text, text, length);
}

static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };

static gboolean
parse_xml (Reader      *r,
           const char  *xml,
           gssize       length,
           GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  int old_depth = r->depth;
  gboolean old_in_model = r->in_model;
  GError *local = NULL;

  r->depth = 0;
  r->in_model = FALSE;
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, r, NULL);
  if (!g_markup_parse_context_parse (context, xml, length, &local) ||
      !g_markup_parse_context_end_parse (context, &local))
    {
      if (local->domain == G_MARKUP_ERROR && local->code == STOP_CODE)
        {
          g_error_free (local);
          return TRUE;
        }
      if (local->domain == FM_DRAWIO_ERROR)
        g_propagate_error (error, local);
      else
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                       _("%s: not a draw.io file: %s"), r->display_name, local->message);
          g_error_free (local);
        }
      return FALSE;
    }
  r->depth = old_depth;
  r->in_model = old_in_model;
  return TRUE;
}

/* The text of a PNG's "mxfile" chunk: tEXt as is, zTXt inflated. */
static char *
png_mxfile (const guchar *data,
            gsize         length,
            GError      **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize at = 8;

  g_assert (length >= 8 && memcmp (data, signature, 8) == 0);

  while (length - at >= 12)
    {
      guint32 size = ((guint32) data[at] << 24) | ((guint32) data[at + 1] << 16) |
                     ((guint32) data[at + 2] << 8) | data[at + 3];
      const guchar *type = data + at + 4;
      const guchar *body = data + at + 8;

      if (size > length - at - 12)
        break;
      if ((memcmp (type, "tEXt", 4) == 0 || memcmp (type, "zTXt", 4) == 0) &&
          size > 7 && memcmp (body, "mxfile", 7) == 0)
        {
          if (type[0] == 't')
            return g_strndup ((const char *) body + 7, size - 7);
          /* zTXt: keyword, NUL, method 0 (zlib), then the data. */
          if (size > 8 && body[7] == 0)
            return inflate (body + 8, size - 8, G_ZLIB_COMPRESSOR_FORMAT_ZLIB, NULL, error);
        }
      if (memcmp (type, "IEND", 4) == 0)
        break;
      at += 12 + (gsize) size;
    }

  g_set_error_literal (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                       _("a PNG without a draw.io drawing in it"));
  return NULL;
}

/* The pages of @data; an SVG's content is read once, not an SVG in it. */
static GPtrArray *
read_pages (const char  *data,
            gsize        length,
            const char  *display_name,
            gboolean     outer,
            GError     **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_drawio_page_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *png_text = NULL;
  g_autofree char *unescaped = NULL;
  Reader r = { display_name, pages, NULL, NULL, NULL, NULL, FALSE, FALSE, FALSE, FALSE, text, NULL, 0, -1, -1 };
  gboolean ok;

  if (length > FM_DRAWIO_MAX_FILE_SIZE)
    {
      g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT,
                   _("%s: larger than %d MiB"), display_name, FM_DRAWIO_MAX_FILE_SIZE >> 20);
      return NULL;
    }

  if (outer && length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      GError *local = NULL;

      png_text = png_mxfile ((const guchar *) data, length, &local);
      if (png_text == NULL)
        {
          g_set_error (error, FM_DRAWIO_ERROR, local->code, "%s: %s", display_name, local->message);
          g_error_free (local);
          return NULL;
        }
      /* draw.io URI-encodes the chunk's text, which PNG wants in Latin-1. */
      if (png_text[0] == '%')
        unescaped = g_uri_unescape_string (png_text, NULL);
      data = unescaped != NULL ? unescaped : png_text;
      length = strlen (data);
    }

  ok = parse_xml (&r, data, length, error);
  g_free (r.object_id);
  g_free (r.object_label);
  if (!ok)
    {
      g_free (r.svg_content);
      return NULL;
    }

  if (r.svg_content != NULL)
    {
      g_autofree char *content = g_steal_pointer (&r.svg_content);

      if (!outer || pages->len > 0 || content[0] != '<')
        {
          g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                       _("%s: an SVG without a draw.io drawing in it"), display_name);
          return NULL;
        }
      return read_pages (content, strlen (content), display_name, FALSE, error);
    }

  if (pages->len == 0)
    {
      g_set_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT,
                   _("%s: not a draw.io file: no page (mxfile, diagram, mxGraphModel)"), display_name);
      return NULL;
    }

  return g_steal_pointer (&pages);
}

/**
 * fm_drawio_read_pages:
 * @data: the bytes of a `.drawio`, `.xml`, `.drawio.svg` or `.drawio.png` file
 *
 * Returns: (transfer full) (element-type FmDrawioPage) (nullable): the
 *   pages, or %NULL with @error set
 */
GPtrArray *
fm_drawio_read_pages (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return read_pages (data != NULL ? data : "", length, display_name, TRUE, error);
}
