/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-context.c: the state of one draw: colours, fonts and text
 *
 * Text is laid out without hinting and without rounding glyph positions,
 * so a label breaks into the same lines at every zoom and in every export.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>
#include <string.h>

#include "fm-duration.h"
#include "fm-metrics.h"
#include "fm-render-private.h"

#define FONT_FAMILY "Cantarell, Sans"

static const struct {
  double size;
  PangoWeight weight;
} font_specs[FM_N_FONTS] = {
  [FM_FONT_TITLE] = { 13, PANGO_WEIGHT_SEMIBOLD },
  [FM_FONT_BODY] = { 11.5, PANGO_WEIGHT_NORMAL },
  [FM_FONT_BODY_BOLD] = { 11.5, PANGO_WEIGHT_BOLD },
  [FM_FONT_SMALL] = { 10, PANGO_WEIGHT_NORMAL },
};

/* Laying text out is most of the cost of drawing a node, and the same
 * labels are drawn frame after frame: the layouts are kept, with the Pango
 * context they were made in, for as long as the drawings go to the same
 * kind of surface, at any scale (text is laid out in map units). One
 * cache per thread. */
#define MAX_CACHED_LAYOUTS 8192

typedef struct {
  PangoContext *pango;
  GHashTable *layouts;  /* key (char *) -> PangoLayout */
  cairo_surface_type_t surface_type;
  gboolean valid;
} LayoutCache;

static void
layout_cache_free (gpointer data)
{
  LayoutCache *cache = data;

  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_object (&cache->pango);
  g_free (cache);
}

static GPrivate layout_cache_key = G_PRIVATE_INIT (layout_cache_free);

/* The thread's context, brought up to date with @cr as
 * pango_cairo_create_context() would make it; its layouts are forgotten
 * when that changes anything. */
static PangoContext *
shared_context (cairo_t *cr)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  if (cache == NULL)
    {
      cairo_font_options_t *font_options = cairo_font_options_create ();

      cache = g_new0 (LayoutCache, 1);
      cache->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (cache->pango, font_options);
      cairo_font_options_destroy (font_options);
      pango_context_set_round_glyph_positions (cache->pango, FALSE);
      cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&layout_cache_key, cache);
    }

  /* The context takes its font options from the kind of surface; it is
   * laid out without the matrix (below), so neither scrolling nor zooming
   * changes a layout and both keep them. */
  if (!cache->valid || type != cache->surface_type)
    {
      pango_cairo_update_context (cr, cache->pango);
      /* Text is laid out in map units whatever the scale: a label wraps
       * and fits the same on screen, in an export and on paper (at a
       * small scale the font's device metrics would push it out of its
       * box). */
      pango_context_set_matrix (cache->pango, NULL);
      g_hash_table_remove_all (cache->layouts);
      cache->surface_type = type;
      cache->valid = TRUE;
    }

  return cache->pango;
}

void
fm_render_context_init (FmRenderContext       *ctx,
                        cairo_t               *cr,
                        const FmRenderOptions *options)
{
  double dx = 1, dy = 0;

  *ctx = (FmRenderContext) { 0 };
  ctx->cr = cr;
  ctx->options = options;
  ctx->palette = options->palette ? options->palette : fm_palette_light ();
  ctx->document = options->document;
  ctx->day_length_s = options->document
    ? fm_document_get_day_length_s (options->document)
    : FM_DEFAULT_DAY_LENGTH_S;

  cairo_user_to_device_distance (cr, &dx, &dy);
  ctx->pixel = 1 / MAX (hypot (dx, dy), 1e-6);

  ctx->pango = g_object_ref (shared_context (cr));
  ctx->layout = pango_layout_new (ctx->pango);

  for (guint i = 0; i < FM_N_FONTS; i++)
    {
      ctx->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_absolute_size (ctx->fonts[i], font_specs[i].size * PANGO_SCALE);
      pango_font_description_set_weight (ctx->fonts[i], font_specs[i].weight);
    }
}

void
fm_render_context_clear (FmRenderContext *ctx)
{
  for (guint i = 0; i < FM_N_FONTS; i++)
    g_clear_pointer (&ctx->fonts[i], pango_font_description_free);
  g_clear_object (&ctx->layout);
  g_clear_object (&ctx->pango);
}

void
fm_render_set_color (cairo_t       *cr,
                     const FmColor *color,
                     double         alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

void
fm_render_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   width,
                        double   height,
                        double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* "2 w", "95 %": a number keeps its unit on its line when text wraps. */
static char *
glue_units (const char *text)
{
  GString *glued = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && p[1] != '\0' && p[1] != ' ')
        g_string_append (glued, "\u00a0");
      else
        g_string_append_c (glued, *p);
    }

  return g_string_free (glued, FALSE);
}

static void
setup_layout (PangoLayout     *layout,
              FmRenderContext *ctx,
              const char      *text,
              FmFont           font,
              double           width,
              double           height,
              FmTextFlags      flags)
{
  PangoAlignment alignment = PANGO_ALIGN_LEFT;

  if (flags & FM_TEXT_CENTER)
    alignment = PANGO_ALIGN_CENTER;
  else if (flags & FM_TEXT_RIGHT)
    alignment = PANGO_ALIGN_RIGHT;

  pango_layout_set_font_description (layout, ctx->fonts[font]);
  pango_layout_set_attributes (layout, NULL);
  if (flags & FM_TEXT_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    {
      g_autofree char *glued = glue_units (text);

      pango_layout_set_text (layout, glued, -1);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_width (layout, width > 0 ? fm_render_pango_units (width) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  /* A negative height is a number of lines: one unless wrapping. */
  pango_layout_set_height (layout, (flags & FM_TEXT_WRAP) && height > 0
                           ? fm_render_pango_units (height) : -1);
}

/* The layout of @text in the thread's cache, made if need be. */
static PangoLayout *
cached_layout (FmRenderContext *ctx,
               const char      *text,
               FmFont           font,
               double           width,
               double           height,
               FmTextFlags      flags)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);
  char numbers[2][G_ASCII_DTOSTR_BUF_SIZE];
  /* The flags that change the layout (not the vertical placement). */
  g_autofree char *key = g_strdup_printf ("%d %d %s %s %s", (int) font,
                                          (int) (flags & (FM_TEXT_MARKUP | FM_TEXT_CENTER | FM_TEXT_RIGHT | FM_TEXT_WRAP)),
                                          g_ascii_dtostr (numbers[0], sizeof numbers[0], width),
                                          g_ascii_dtostr (numbers[1], sizeof numbers[1], height),
                                          text);
  PangoLayout *layout;

  g_assert (cache != NULL && cache->pango == ctx->pango);

  layout = g_hash_table_lookup (cache->layouts, key);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache->layouts) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (cache->layouts);

  layout = pango_layout_new (ctx->pango);
  setup_layout (layout, ctx, text, font, width, height, flags);
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);

  return layout;
}

/* Text smaller than this many device pixels cannot be read: a map of a
 * thousand steps zoomed to fit shows it 0.7 px high. It is drawn as a
 * faint bar of about its length, which looks the same at that size and
 * costs no text layout. */
#define GREEK_BELOW_PX 3.0

/* Text too long for its box shrinks in steps down to this share of its
 * size (still legible next to its neighbours); only past it is it cut. */
#define MIN_TEXT_SCALE 0.7
#define MAX_SHRINK_STEPS 6

static double
greek_text (FmRenderContext *ctx,
            const char      *text,
            FmFont           font,
            const FmColor   *color,
            const FmRect    *box,
            FmTextFlags      flags)
{
  double size = font_specs[font].size;
  double length = g_utf8_strlen (text, -1) * size * 0.5;
  double line = size * 1.25;
  guint lines = 1;
  double width, height, x = box->x, y = box->y;

  if ((flags & FM_TEXT_WRAP) && length > box->width)
    lines = MAX (1, MIN (ceil (length / box->width), floor (box->height / line)));
  width = MIN (length / lines, box->width);
  height = lines * line;

  if (flags & FM_TEXT_CENTER)
    x += (box->width - width) / 2;
  else if (flags & FM_TEXT_RIGHT)
    x += box->width - width;
  if (flags & FM_TEXT_MIDDLE)
    y += (box->height - height) / 2;
  else if (flags & FM_TEXT_BOTTOM)
    y += box->height - height;

  fm_render_set_color (ctx->cr, color, 0.35);
  for (guint i = 0; i < lines; i++)
    cairo_rectangle (ctx->cr, x, y + i * line + line * 0.3, width, line * 0.45);
  cairo_fill (ctx->cr);

  return height;
}

/**
 * fm_render_text_is_legible:
 *
 * Returns: whether text in @font can be read at the context's zoom;
 *   fm_render_text() draws it as a faint bar otherwise
 */
gboolean
fm_render_text_is_legible (FmRenderContext *ctx,
                           FmFont           font)
{
  return font_specs[font].size >= GREEK_BELOW_PX * ctx->pixel;
}

void
fm_render_text_size (FmRenderContext *ctx,
                     const char      *text,
                     FmFont           font,
                     double           max_width,
                     FmTextFlags      flags,
                     double          *width,
                     double          *height)
{
  PangoRectangle logical;
  PangoLayout *layout = cached_layout (ctx, text, font, max_width, G_MAXINT / PANGO_SCALE / 2, flags);

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/**
 * fm_render_text:
 * @box: where the text goes; its width wraps or ellipsizes the text
 *
 * Returns: the height of the text drawn
 */
double
fm_render_text (FmRenderContext *ctx,
                const char      *text,
                FmFont           font,
                const FmColor   *color,
                const FmRect    *box,
                FmTextFlags      flags)
{
  PangoRectangle logical;
  PangoLayout *layout;
  double y = box->y, height, scale = 1;

  if (text == NULL || text[0] == '\0' || box->width <= 0)
    return 0;

  if (!fm_render_text_is_legible (ctx, font))
    return greek_text (ctx, text, font, color, box, flags);

  layout = cached_layout (ctx, text, font, box->width, box->height, flags);
  if (pango_layout_is_ellipsized (layout))
    {
      /* Labels and figures are read whole: the text shrinks to its box
       * (the layout gets the box at a larger scale) before it is cut. */
      PangoLayout *whole = NULL;

      for (int step = 1; step <= MAX_SHRINK_STEPS && whole == NULL; step++)
        {
          PangoLayout *smaller;

          scale = 1.0 - step * (1.0 - MIN_TEXT_SCALE) / MAX_SHRINK_STEPS;
          smaller = cached_layout (ctx, text, font, box->width / scale, box->height / scale, flags);
          if (!pango_layout_is_ellipsized (smaller))
            whole = smaller;
        }
      if (whole != NULL)
        layout = whole;
      else
        {
          scale = 1;
          if (ctx->options->cut_texts != NULL)
            g_ptr_array_add (ctx->options->cut_texts, g_strdup (text));
        }
    }
  pango_layout_get_extents (layout, NULL, &logical);
  height = (double) logical.height / PANGO_SCALE * scale;

  if (flags & FM_TEXT_MIDDLE)
    y += (box->height - height) / 2;
  else if (flags & FM_TEXT_BOTTOM)
    y += box->height - height;

  fm_render_set_color (ctx->cr, color, 1);
  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, box->x, y);
  cairo_scale (ctx->cr, scale, scale);
  cairo_move_to (ctx->cr, 0, 0);
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_restore (ctx->cr);
  cairo_new_path (ctx->cr);

  return height;
}

/* A figure on the map, as value stream maps write it: lead times and
 * waits in the document's unit, process times exactly. */
char *
fm_render_format_duration (FmRenderContext *ctx,
                           FmDurationKind   kind,
                           double           seconds)
{
  FmTimeUnit unit = ctx->document != NULL ? fm_document_get_lead_time_unit (ctx->document) : FM_TIME_UNIT_DAYS;

  return fm_duration_format_figure (seconds, kind, unit, ctx->day_length_s);
}

/* "2", "2.5": whole numbers without decimals, others with one; never the
 * locale's separator, like the durations. */
char *
fm_render_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!fm_value_is_set (value) || !isfinite (value))
    return g_strdup ("–");

  if (fabs (value - round (value)) < 0.05)
    fm_locale_formatd (buf, sizeof buf, "%.0f", value);
  else
    fm_locale_formatd (buf, sizeof buf, "%.1f", value);

  return g_strdup (buf);
}

/* A queue's wait as the metrics count it (its wait, or its items over the
 * demand), or FM_UNSET when neither gives one: drawn as "–", not "0 min". */
double
fm_render_queue_wait (FmDocument *document,
                      FmQueue    *queue)
{
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;

  if (!fm_value_is_set (fm_queue_get_wait_s (queue)) &&
      !(fm_value_is_set (fm_queue_get_items (queue)) && demand > 0))
    return FM_UNSET;

  return fm_metrics_node_time (document, FM_NODE (queue));
}
