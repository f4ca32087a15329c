/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-render-slide.c: what a slide shows beside a map
 *
 * The legend of an exported page (the map's name and its key figures, and
 * for a future state their change since its origin) and the comparison
 * slide of the presentation (the figures of two maps side by side, then
 * what happened to the steps). Sizes follow the space they are given, so
 * that they read on a projector as in a PDF.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-render"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fm-document-maps.h"
#include "fm-figures.h"
#include "fm-duration.h"
#include "fm-render-private.h"
#include "fm-slide.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }
#define FONT_FAMILY "Cantarell, Sans"

static const FmColor better_color = RGB (0x1f8a4c);
static const FmColor worse_color = RGB (0xc01c28);

/* Text laid out the renderer's way: no hinting, so that sizes scale. */
typedef struct {
  cairo_t *cr;
  PangoContext *pango;
  PangoLayout *layout;
} Text;

static void
text_init (Text    *t,
           cairo_t *cr)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  t->cr = cr;
  t->pango = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (t->pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (t->pango, FALSE);
  t->layout = pango_layout_new (t->pango);
}

static void
text_clear (Text *t)
{
  g_clear_object (&t->layout);
  g_clear_object (&t->pango);
}

static void
text_set (Text        *t,
          const char  *text,
          double       size,
          PangoWeight  weight,
          double       max_width)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (t->layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (t->layout, text ? text : "", -1);
  pango_layout_set_width (t->layout, max_width > 0 ? fm_render_pango_units (max_width) : -1);
  pango_layout_set_ellipsize (t->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (t->layout, PANGO_ALIGN_LEFT);
}

static void
text_size (Text   *t,
           double *width,
           double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (t->layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
text_show (Text          *t,
           const FmColor *color,
           double         alpha,
           double         x,
           double         y)
{
  fm_render_set_color (t->cr, color, alpha);
  cairo_move_to (t->cr, x, y);
  pango_cairo_show_layout (t->cr, t->layout);
  cairo_new_path (t->cr);
}

static FmColor
mix (const FmColor *a,
     const FmColor *b,
     double         amount)
{
  return (FmColor) { a->r + (b->r - a->r) * amount, a->g + (b->g - a->g) * amount,
                     a->b + (b->b - a->b) * amount, 1 };
}

static const FmColor *
trend_color (FmTrend          trend,
             const FmPalette *palette)
{
  switch (trend)
    {
    case FM_TREND_BETTER:
      return &better_color;
    case FM_TREND_WORSE:
      return &worse_color;
    case FM_TREND_NEUTRAL:
    default:
      return &palette->muted;
    }
}

/* ---- The legend ---------------------------------------------------- */

typedef struct {
  char *caption;
  char *value;
  char *change;       /* nullable */
  FmTrend trend;
} Chip;

struct _FmLegend
{
  char *title;        /* the document's; nullable */
  char *name;
  char *subtitle;     /* the map's state, and its origin */
  GPtrArray *chips;
};

static void
chip_free (Chip *chip)
{
  g_free (chip->caption);
  g_free (chip->value);
  g_free (chip->change);
  g_free (chip);
}

static void
add_figure_chip (FmLegend           *self,
                 const char         *name,
                 double              value,
                 const FmComparison *comparison,
                 FmDocument         *document)
{
  Chip *chip = g_new0 (Chip, 1);

  chip->caption = g_strdup (fm_figure_get_title (name));
  chip->value = fm_figure_format_for (document, name, value);
  if (comparison != NULL)
    {
      for (guint i = 0; i < comparison->figures->len; i++)
        {
          const FmFigureChange *f = &g_array_index (comparison->figures, FmFigureChange, i);

          if (g_str_equal (f->name, name) && !isnan (f->change))
            {
              chip->change = fm_figure_change_format (f);
              chip->trend = fm_figure_get_trend (name, f->from, f->to);
            }
        }
    }
  g_ptr_array_add (self->chips, chip);
}

/**
 * fm_legend_new:
 * @document: (nullable): gives the day length, the title and the origin
 *   of a future state
 *
 * Computes the figures the legend of @map shows.
 *
 * Returns: (transfer full): the legend
 */
FmLegend *
fm_legend_new (FmDocument *document,
               FmMap      *map)
{
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(FmComparison) comparison = NULL;
  FmLegend *self;
  FmMap *origin = NULL;
  const char *title = document ? fm_document_get_title (document) : NULL;

  g_return_val_if_fail (document == NULL || FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  self = g_new0 (FmLegend, 1);
  self->chips = g_ptr_array_new_with_free_func ((GDestroyNotify) chip_free);
  self->title = title && title[0] ? g_strdup (title) : NULL;
  self->name = g_strdup (fm_map_get_name (map)[0] ? fm_map_get_name (map) : _("Untitled map"));

  metrics = fm_metrics_compute (document, map, NULL);
  if (document != NULL && fm_map_get_state (map) == FM_MAP_STATE_FUTURE)
    origin = fm_document_get_origin_map (document, map);
  if (origin != NULL)
    {
      comparison = fm_comparison_new (document, origin, map);
      /* Translators: under the name of an exported future-state map */
      self->subtitle = g_strdup_printf (_("Future state, compared with “%s”"), fm_map_get_name (origin));
    }
  else
    {
      const char *state = fm_map_get_state (map) == FM_MAP_STATE_FUTURE ? _("Future state") : _("Current state");
      g_autofree char *a = g_utf8_casefold (state, -1);
      g_autofree char *b = g_utf8_casefold (self->name, -1);

      /* A map named after its state says it already. */
      if (!g_str_equal (a, b))
        self->subtitle = g_strdup (state);
    }

  add_figure_chip (self, "lead_time_s", metrics->lead_time_s, comparison, document);
  add_figure_chip (self, "process_time_s", metrics->process_time_s, comparison, document);
  add_figure_chip (self, "flow_efficiency", metrics->flow_efficiency, comparison, document);
  if (metrics->path_steps > 0)
    {
      Chip *pca;

      add_figure_chip (self, "rolled_pca", metrics->rolled_pca, comparison, document);
      /* With how many steps it rests on, or that none has one. */
      pca = g_ptr_array_index (self->chips, self->chips->len - 1);
      g_free (pca->value);
      pca->value = fm_figure_format_rolled_pca (metrics->rolled_pca, metrics->pca_steps, metrics->path_steps);
    }
  /* The takt beside the process time: a step's cycle time is read against it. */
  if (isfinite (metrics->takt_time_s))
    add_figure_chip (self, "takt_time_s", metrics->takt_time_s, comparison, document);
  add_figure_chip (self, "handoffs", metrics->handoffs, comparison, document);

  if (metrics->constraints->len > 0)
    {
      const FmConstraint *top = g_ptr_array_index (metrics->constraints, 0);
      Chip *chip = g_new0 (Chip, 1);

      chip->caption = g_strdup (_("Top constraint"));
      chip->value = g_strdup (top->label);
      g_ptr_array_add (self->chips, chip);
    }

  return self;
}

void
fm_legend_free (FmLegend *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->name);
  g_free (self->subtitle);
  g_ptr_array_unref (self->chips);
  g_free (self);
}

/* Lays the legend out in @width, drawing it when @palette is given.
 * Returns its height. */
static double
legend_layout (FmLegend        *self,
               Text            *t,
               double           x0,
               double           y0,
               double           width,
               const FmPalette *palette)
{
  double s = CLAMP (width / 1200, 1, 4);
  double y = y0, x, w, h, row_height = 0;
  const double chip_gap = 40 * s, row_gap = 14 * s;

  if (self->title != NULL)
    {
      text_set (t, self->title, 13 * s, PANGO_WEIGHT_NORMAL, width);
      text_size (t, &w, &h);
      if (palette)
        text_show (t, &palette->muted, 1, x0, y);
      y += h + 2 * s;
    }

  text_set (t, self->name, 26 * s, PANGO_WEIGHT_BOLD, width);
  text_size (t, &w, &h);
  if (palette)
    text_show (t, &palette->ink, 1, x0, y);
  y += h;

  if (self->subtitle != NULL)
    {
      text_set (t, self->subtitle, 13 * s, PANGO_WEIGHT_NORMAL, width);
      text_size (t, &w, &h);
      if (palette)
        text_show (t, &palette->muted, 1, x0, y);
      y += h;
    }
  y += 16 * s;

  x = x0;
  for (guint i = 0; i < self->chips->len; i++)
    {
      const Chip *chip = self->chips->pdata[i];
      double cap_w, cap_h, val_w, val_h, chg_w = 0, chg_h = 0, chip_w;

      text_set (t, chip->caption, 11.5 * s, PANGO_WEIGHT_NORMAL, -1);
      text_size (t, &cap_w, &cap_h);
      text_set (t, chip->value, 19 * s, PANGO_WEIGHT_BOLD, 380 * s);
      text_size (t, &val_w, &val_h);
      if (chip->change != NULL)
        {
          text_set (t, chip->change, 13 * s, PANGO_WEIGHT_BOLD, -1);
          text_size (t, &chg_w, &chg_h);
        }
      chip_w = MAX (cap_w, val_w + (chip->change ? 8 * s + chg_w : 0));

      if (x > x0 && x + chip_w > x0 + width)
        {
          y += row_height + row_gap;
          x = x0;
          row_height = 0;
        }

      if (palette)
        {
          text_set (t, chip->caption, 11.5 * s, PANGO_WEIGHT_NORMAL, -1);
          text_show (t, &palette->muted, 1, x, y);
          text_set (t, chip->value, 19 * s, PANGO_WEIGHT_BOLD, 380 * s);
          text_show (t, &palette->ink, 1, x, y + cap_h + 2 * s);
          if (chip->change != NULL)
            {
              text_set (t, chip->change, 13 * s, PANGO_WEIGHT_BOLD, -1);
              text_show (t, trend_color (chip->trend, palette), 1,
                         x + val_w + 8 * s, y + cap_h + 2 * s + (val_h - chg_h) * 0.7);
            }
        }

      row_height = MAX (row_height, cap_h + 2 * s + val_h);
      x += chip_w + chip_gap;
    }
  y += row_height + 18 * s;

  if (palette)
    {
      FmColor rule = mix (&palette->background, &palette->ink, 0.18);

      /* A stroke, not a thin filled box: PDF viewers draw a stroke at least
       * a device pixel wide at any zoom, where a box 1.2 units high on a
       * page scaled down for a big map fades into the white. */
      cairo_save (t->cr);
      cairo_move_to (t->cr, x0, y + 0.6 * s);
      cairo_line_to (t->cr, x0 + width, y + 0.6 * s);
      cairo_set_line_width (t->cr, 1.2 * s);
      cairo_set_line_cap (t->cr, CAIRO_LINE_CAP_BUTT);
      fm_render_set_color (t->cr, &rule, 1);
      cairo_stroke (t->cr);
      cairo_restore (t->cr);
    }
  y += 1.2 * s;

  return y - y0;
}

/**
 * fm_legend_get_height:
 * @width: the width the legend gets
 *
 * Returns: its height at that width, in the same units
 */
double
fm_legend_get_height (FmLegend *self,
                      double    width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Text t;
  double height;

  g_return_val_if_fail (self != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  text_init (&t, cr);
  height = legend_layout (self, &t, 0, 0, width, NULL);
  text_clear (&t);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

/**
 * fm_legend_draw:
 * @box: where it goes; its height should be fm_legend_get_height()'s
 */
void
fm_legend_draw (FmLegend        *self,
                cairo_t         *cr,
                const FmPalette *palette,
                const FmRect    *box)
{
  Text t;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (box != NULL);

  cairo_save (cr);
  text_init (&t, cr);
  legend_layout (self, &t, box->x, box->y, box->width, palette ? palette : fm_palette_light ());
  text_clear (&t);
  cairo_restore (cr);
}

/* ---- The comparison slide ------------------------------------------ */

static const char *slide_figures[] = {
  "lead_time_s",
  "process_time_s",
  "flow_efficiency",
  "rolled_pca",
  "rework_adjusted_lead_time_s",
  "handoffs",
};

static const FmFigureChange *
find_figure (const FmComparison *c,
             const char         *name)
{
  for (guint i = 0; i < c->figures->len; i++)
    if (g_str_equal (g_array_index (c->figures, FmFigureChange, i).name, name))
      return &g_array_index (c->figures, FmFigureChange, i);

  return NULL;
}

static void
draw_card (Text                 *t,
           const FmPalette      *palette,
           const FmFigureChange *f,
           FmDocument           *document,
           const FmRect         *r,
           double                s)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *change = fm_figure_change_format (f);
  g_autofree char *values = NULL;
  FmColor fill = mix (&palette->background, &palette->ink, 0.05);
  FmTrend trend = fm_figure_get_trend (f->name, f->from, f->to);
  double pad = 20 * s, w, h, y = r->y + pad;

  fm_figure_format_pair_for (document, f->name, f->from, f->to, &from, &to);
  values = g_strdup_printf ("%s → %s", from, to);

  fm_render_rounded_rect (t->cr, r->x, r->y, r->width, r->height, 12 * s);
  fm_render_set_color (t->cr, &fill, 1);
  cairo_fill (t->cr);

  text_set (t, fm_figure_get_title (f->name), 16 * s, PANGO_WEIGHT_NORMAL, r->width - 2 * pad);
  text_size (t, &w, &h);
  text_show (t, &palette->muted, 1, r->x + pad, y);
  y += h + 6 * s;

  text_set (t, values, 30 * s, PANGO_WEIGHT_BOLD, r->width - 2 * pad);
  text_size (t, &w, &h);
  text_show (t, &palette->ink, 1, r->x + pad, y);
  y += h + 6 * s;

  if (change[0] != '\0')
    {
      const FmColor *color = trend_color (trend, palette);
      double pill_h;

      text_set (t, change, 16 * s, PANGO_WEIGHT_BOLD, -1);
      text_size (t, &w, &h);
      pill_h = h + 6 * s;
      fm_render_rounded_rect (t->cr, r->x + pad, y, w + 20 * s, pill_h, pill_h / 2);
      fm_render_set_color (t->cr, color, 0.14);
      cairo_fill (t->cr);
      text_show (t, color, 1, r->x + pad + 10 * s, y + 3 * s);
    }
}

static char *
describe_step (const FmStepChange *step,
               FmDocument         *document)
{
  g_autofree char *from = fm_figure_format_duration (document, FM_DURATION_LEAD, step->time_from_s);
  g_autofree char *to = fm_figure_format_duration (document, FM_DURATION_LEAD, step->time_to_s);

  switch (step->status)
    {
    case FM_STEP_REMOVED:
      /* Translators: a step a future state removed, with its time before */
      return g_strdup_printf (_("removed, was %s"), from);
    case FM_STEP_ADDED:
      /* Translators: a step a future state added, with its time */
      return g_strdup_printf (_("new, %s"), to);
    case FM_STEP_CHANGED:
    case FM_STEP_SAME:
    default:
      {
        g_autofree char *delta = fm_figure_format_delta_for (document, FM_DURATION_LEAD,
                                                            step->time_to_s - step->time_from_s);

        return g_strdup_printf ("%s → %s  (%s)", from, to, delta);
      }
    }
}

/**
 * fm_slide_draw_comparison:
 * @document: (nullable): gives the day length and the title
 * @box: the slide, in whatever units; text scales with it
 *
 * Draws the figures of the comparison's two maps side by side, each with
 * its change, and then the steps removed, added or changed.
 */
void
fm_slide_draw_comparison (cairo_t            *cr,
                          FmDocument         *document,
                          const FmComparison *comparison,
                          const FmPalette    *palette,
                          const FmRect       *box)
{
  double s, margin, gap, card_w, card_h, y, w, h, line_h;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  guint n_same = 0, n_rows;
  Text t;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (comparison != NULL);
  g_return_if_fail (box != NULL);

  if (palette == NULL)
    palette = fm_palette_light ();

  s = MIN (box->width / 1280, box->height / 760);
  margin = 56 * s;
  gap = 20 * s;

  cairo_save (cr);
  text_init (&t, cr);

  y = box->y + margin * 0.8;
  /* Translators: the title of the comparison slide, as in "Current state → Future state" */
  title = g_strdup_printf (_("%s → %s"), fm_map_get_name (comparison->from), fm_map_get_name (comparison->to));
  text_set (&t, title, 38 * s, PANGO_WEIGHT_BOLD, box->width - 2 * margin);
  text_size (&t, &w, &h);
  text_show (&t, &palette->ink, 1, box->x + margin, y);
  y += h + 28 * s;

  /* The inputs equal in both maps, once: what the figures are measured against. */
  {
    g_autofree char *reference = fm_comparison_describe_reference (comparison, fm_document_get_day_length_s (document));

    if (reference != NULL)
      {
        text_set (&t, reference, 16 * s, PANGO_WEIGHT_NORMAL, box->width - 2 * margin);
        text_size (&t, &w, &h);
        text_show (&t, &palette->muted, 1, box->x + margin, y - 20 * s);
        y += h - 8 * s;
      }
  }

  card_w = (box->width - 2 * margin - 2 * gap) / 3;
  card_h = 150 * s;
  for (guint i = 0; i < G_N_ELEMENTS (slide_figures); i++)
    {
      const FmFigureChange *f = find_figure (comparison, slide_figures[i]);
      FmRect r = { box->x + margin + (i % 3) * (card_w + gap), y + (i / 3) * (card_h + gap), card_w, card_h };

      if (f != NULL)
        draw_card (&t, palette, f, document, &r, s);
    }
  y += 2 * card_h + gap + 34 * s;

  for (guint i = 0; i < comparison->steps->len; i++)
    {
      const FmStepChange *step = comparison->steps->pdata[i];

      if (step->status == FM_STEP_SAME)
        n_same++;
      else
        g_ptr_array_add (changes, (gpointer) step);
    }

  text_set (&t, _("What changed"), 20 * s, PANGO_WEIGHT_BOLD, -1);
  text_size (&t, &w, &h);
  text_show (&t, &palette->ink, 1, box->x + margin, y);
  y += h + 10 * s;

  line_h = 27 * s;
  n_rows = fm_render_clamp_count (floor ((box->y + box->height - margin * 0.6 - y) / line_h), 1, G_MAXINT);
  for (guint i = 0; i < changes->len; i++)
    {
      const FmStepChange *step = changes->pdata[i];
      g_autofree char *what = describe_step (step, document);
      guint column = i / n_rows, row = i % n_rows;
      double col_w = (box->width - 2 * margin - gap) / 2;
      double x = box->x + margin + column * (col_w + gap);
      const FmColor *color = step->status == FM_STEP_REMOVED ? &palette->muted
                           : step->time_to_s < step->time_from_s || step->status == FM_STEP_ADDED
                           ? &better_color : &worse_color;
      double label_w;

      if (column > 1)
        break;

      cairo_arc (cr, x + 5 * s, y + row * line_h + 11 * s, 4.5 * s, 0, 2 * G_PI);
      fm_render_set_color (cr, color, 1);
      cairo_fill (cr);

      text_set (&t, step->label, 17 * s, PANGO_WEIGHT_BOLD, col_w * 0.55);
      text_size (&t, &label_w, &h);
      text_show (&t, &palette->ink, 1, x + 18 * s, y + row * line_h);
      text_set (&t, what, 17 * s, PANGO_WEIGHT_NORMAL, col_w - 30 * s - label_w);
      text_show (&t, &palette->muted, 1, x + 30 * s + label_w, y + row * line_h);
    }
  if (changes->len == 0)
    {
      text_set (&t, _("No step changed"), 17 * s, PANGO_WEIGHT_NORMAL, -1);
      text_show (&t, &palette->muted, 1, box->x + margin, y);
    }

  text_clear (&t);
  cairo_restore (cr);
}
