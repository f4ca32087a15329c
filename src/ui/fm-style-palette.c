/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-style-palette.c: the renderer's colours taken from a widget's style
 *
 * The canvas and the palette's shape pictures draw with the window's ink,
 * background and accent so that dark mode and high contrast apply; exports
 * and presentations keep fm_palette_light() for slides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fm-style-palette.h"

static FmColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (FmColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static FmColor
mix (FmColor a,
     FmColor b,
     double  t)
{
  return (FmColor) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t,
                     a.b + (b.b - a.b) * t, 1.0 };
}

/**
 * fm_style_palette_from_widget:
 * @widget: a widget whose style gives the colours
 * @palette: (out caller-allocates): the palette to fill
 */
void
fm_style_palette_from_widget (GtkWidget *widget,
                              FmPalette *palette)
{
  GtkStyleContext *context;
  GdkRGBA rgba;
  gboolean dark;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (palette != NULL);

  *palette = *fm_palette_light ();

  /* GtkStyleContext is the only way to read named colours on GTK 4.8. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &rgba);
  palette->ink = color_from_rgba (&rgba);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    palette->background = color_from_rgba (&rgba);
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &rgba))
    palette->selection = color_from_rgba (&rgba);
  if (gtk_style_context_lookup_color (context, "accent_color", &rgba))
    palette->accent = color_from_rgba (&rgba);
G_GNUC_END_IGNORE_DEPRECATIONS

  palette->muted = mix (palette->ink, palette->background, 0.45);
  dark = (palette->background.r + palette->background.g + palette->background.b) < 1.5;
  if (dark)
    {
      /* The light fills would glare: keep their hue, darken them. */
      FmColor *fills[] = { &palette->process_fill, &palette->queue_fill,
                           &palette->endpoint_fill, &palette->system_fill,
                           &palette->kaizen_fill, &palette->note_fill };

      for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
        *fills[i] = mix (*fills[i], palette->background, 0.78);

      /* The rework red is made for white paper: lift it towards the ink
       * so its dashed lines and labels stay readable. */
      palette->rework = mix (palette->rework, palette->ink, 0.4);
    }
}
