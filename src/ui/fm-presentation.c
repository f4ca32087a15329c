/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation.c: the slides of a retrospective, drawn full screen
 *
 * The story of a value stream in a few slides: the whole current map, each
 * of its top constraints in turn (zoomed in, with the reason in words), its
 * steps' cycle times against the takt time, the future state with what it
 * changes, and the figures of both side by side.
 * With observed data imported, each experiment with a start date gets a
 * slide of its own: its measure and target, and what the data says before
 * and after the start, beside the part of the map it changes.
 * The evidence charts (fm-presentation-charts.c) tell what happened and
 * what was tried: the observed charts follow the current state's slides
 * (the data as the map's reality check), and a simulation run follows the
 * map it is of: the current state's slides, or the future state and its
 * comparison, before the experiments that are under way.
 * Page Down and Page Up step through them, as a presenter's clicker sends,
 * and so do Space, Backspace and the arrows. Everything is drawn by the
 * renderer in the light palette, whatever the desktop's theme: a projector
 * shows dark ink on white best. Figures are computed when the slides are
 * made (fm-presentation-slides.c; again when the document changes), never
 * while drawing.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-presentation"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-balance.h"
#include "fm-chart-balance.h"
#include "fm-comparison.h"
#include "fm-document-maps.h"
#include "fm-experiments-evidence.h"
#include "fm-figures.h"
#include "fm-kaizen.h"
#include "fm-map-part.h"
#include "fm-presentation-private.h"
#include "fm-renderer.h"
#include "fm-slide.h"

G_DEFINE_FINAL_TYPE (FmPresentation, fm_presentation, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SLIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Slide *
current_slide (FmPresentation *self)
{
  return self->slide < self->slides->len ? self->slides->pdata[self->slide] : NULL;
}

/* ---- Drawing ------------------------------------------------------- */

static PangoLayout *
text_layout (FmPresentation *self,
             const char     *text,
             double          size,
             PangoWeight     weight,
             double          width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
show_text (FmPresentation *self,
           cairo_t        *cr,
           const char     *text,
           double          size,
           PangoWeight     weight,
           const FmColor  *color,
           double          x,
           double          y,
           double          width,
           gboolean        right)
{
  g_autoptr(PangoLayout) layout = text_layout (self, text, size, weight, width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_move_to (cr, right ? x - w : x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  return h;
}

/* Text that must be read whole: wrapped at @width, never ellipsized. */
static void
show_body (FmPresentation *self,
           cairo_t        *cr,
           const char     *text,
           double          size,
           const FmColor  *color,
           double          x,
           double          y,
           double          width)
{
  g_autoptr(PangoLayout) layout = text_layout (self, text, size, PANGO_WEIGHT_NORMAL, width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int) (size * 0.5 * PANGO_SCALE));
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* Fits @focus of @map into @area, at most at @max_zoom, and draws it. */
static void
draw_map (FmPresentation *self,
          cairo_t        *cr,
          const Slide    *slide,
          const FmRect   *area)
{
  FmMap *map = slide->part != NULL ? slide->part : slide->map;
  FmRenderOptions options;
  FmRect focus;
  double zoom;

  fm_render_options_init (&options);
  options.document = self->document;
  options.palette = fm_palette_light ();
  options.timeline = TRUE;
  if (slide->map == self->current)
    {
      options.metrics = self->metrics;
      options.highlight_constraints = TRUE;
    }
  else
    {
      options.metrics = self->future_metrics;
      options.comparison = slide->changes ? self->comparison : NULL;
    }

  /* A close-up shows its part whole, without the ladder of the whole
   * flow (its rungs would be those of other rows). */
  if (slide->part != NULL)
    options.timeline = FALSE;
  if (!fm_renderer_get_extents (map, &options, &focus))
    return;

  zoom = MIN (area->width / focus.width, area->height / focus.height);
  zoom = MIN (zoom, slide->kind == SLIDE_MAP ? 2.0 : 3.0);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  cairo_translate (cr, area->x + area->width / 2, area->y + area->height / 2);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -(focus.x + focus.width / 2), -(focus.y + focus.height / 2));
  options.visible = (FmRect) { focus.x + focus.width / 2 - area->width / 2 / zoom,
                               focus.y + focus.height / 2 - area->height / 2 / zoom,
                               area->width / zoom, area->height / zoom };
  fm_renderer_draw (cr, map, &options);
  cairo_restore (cr);
}

static void
fm_presentation_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FmPresentation *self = FM_PRESENTATION (widget);
  const FmPalette *palette = fm_palette_light ();
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double unit = MIN (width / 1600, height / 900);
  double margin = 48 * unit, top, bottom;
  const Slide *slide = current_slide (self);
  g_autofree char *counter = NULL;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (slide == NULL)
    {
      show_text (self, cr, _("Nothing to present: the document has no map"), 32 * unit, PANGO_WEIGHT_NORMAL,
                 &palette->muted, margin, margin, width - 2 * margin, FALSE);
      cairo_destroy (cr);
      return;
    }

  bottom = height - margin * 0.6;
  if (slide->kind == SLIDE_COMPARISON && self->comparison != NULL)
    {
      fm_slide_draw_comparison (cr, self->document, self->comparison, palette,
                                &(FmRect) { 0, 0, width, bottom - 20 * unit });
    }
  else if (slide->kind == SLIDE_EXPERIMENT)
    {
      double column = (width - 2 * margin) * 0.5;

      top = margin * 0.8;
      top += show_text (self, cr, slide->title, 46 * unit, PANGO_WEIGHT_BOLD, &palette->ink,
                        margin, top, width - 2 * margin, FALSE);
      top += 6 * unit + show_text (self, cr, slide->caption, 26 * unit, PANGO_WEIGHT_NORMAL, &palette->muted,
                                   margin, top + 6 * unit, width - 2 * margin, FALSE);
      top += 32 * unit;
      /* The figures whole, wrapped, on the left; what they are about on the right. */
      show_body (self, cr, slide->body, 26 * unit, &palette->ink, margin, top, column - 24 * unit);
      draw_map (self, cr, slide, &(FmRect) { margin + column, top, width - margin - column - margin * 0.5,
                                             bottom - 28 * unit - top });
    }
  else if (slide->kind != SLIDE_COMPARISON)
    {
      top = margin * 0.8;
      top += show_text (self, cr, slide->title, 46 * unit, PANGO_WEIGHT_BOLD, &palette->ink,
                        margin, top, width - 2 * margin, FALSE);
      if (slide->caption != NULL)
        top += 6 * unit + show_text (self, cr, slide->caption, 26 * unit, PANGO_WEIGHT_NORMAL,
                                     slide->kind == SLIDE_CONSTRAINT ? &palette->constraint : &palette->muted,
                                     margin, top + 6 * unit, width - 2 * margin, FALSE);
      top += 24 * unit;
      if (slide->kind == SLIDE_CHART)
        /* The chart's page has its own margins: from the slide's edges. */
        fm_slide_chart_draw (slide->chart, cr, self->document,
                             &(FmRect) { 0, top - 20 * unit, width, bottom - top }, unit);
      else if (slide->kind == SLIDE_BALANCE)
        {
          cairo_save (cr);
          cairo_translate (cr, margin, top);
          fm_chart_balance_draw (cr, self->document, slide->map, self->metrics->takt_time_s, FALSE,
                                 width - 2 * margin, bottom - 28 * unit - top, NULL);
          cairo_restore (cr);
        }
      else
        draw_map (self, cr, slide, &(FmRect) { margin * 0.5, top, width - margin, bottom - 28 * unit - top });
    }

  /* The counter and how to leave, small, at the bottom. */
  counter = g_strdup_printf ("%u / %u", self->slide + 1, self->slides->len);
  show_text (self, cr, counter, 18 * unit, PANGO_WEIGHT_BOLD, &palette->muted,
             width - margin, bottom - 18 * unit, -1, TRUE);
  show_text (self, cr, _("Page Down: next  ·  Page Up: back  ·  Esc: leave"), 15 * unit, PANGO_WEIGHT_NORMAL,
             &palette->muted, margin, bottom - 16 * unit, width / 2, FALSE);

  cairo_destroy (cr);
}

/* ---- Navigation ---------------------------------------------------- */

static void
update_accessible (FmPresentation *self)
{
  const Slide *slide = current_slide (self);
  g_autofree char *label = NULL;

  if (slide == NULL)
    return;

  /* Translators: what a screen reader says of a slide, as in "Slide 2 of 6: Constraint 1 of 3: Coding" */
  label = g_strdup_printf (_("Slide %u of %u: %s"), self->slide + 1, self->slides->len, slide->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  slide->body != NULL ? slide->body : slide->caption != NULL ? slide->caption : "",
                                  -1);
}

void
fm_presentation_set_slide (FmPresentation *self,
                           guint           slide)
{
  g_return_if_fail (FM_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;

  slide = MIN (slide, self->slides->len - 1);
  if (slide == self->slide)
    return;

  self->slide = slide;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

static void
action_step (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FmPresentation *self = FM_PRESENTATION (widget);
  int step = g_variant_get_int32 (param);

  if (step < 0 && self->slide == 0)
    return;
  fm_presentation_set_slide (self, step == G_MININT32 ? 0 : step == G_MAXINT32 ? G_MAXUINT : self->slide + step);
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FmPresentation  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "presentation.step", "i",
                              button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
rebuild (gpointer data)
{
  FmPresentation *self = data;

  self->rebuild_id = 0;
  fm_presentation_build_slides (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
  return G_SOURCE_REMOVE;
}

/* The figures are the document's: a change (a file reloaded) remakes the slides. */
static void
on_document_changed (FmPresentation *self)
{
  g_clear_pointer (&self->comparison, fm_comparison_free);
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild, self, NULL);
}

static void
fm_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FmPresentation *self = FM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_presentation_dispose (GObject *object)
{
  FmPresentation *self = FM_PRESENTATION (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->metrics, fm_metrics_free);
  g_clear_pointer (&self->future_metrics, fm_metrics_free);
  g_clear_pointer (&self->comparison, fm_comparison_free);
  g_clear_object (&self->shown);
  g_clear_object (&self->observed);
  g_clear_pointer (&self->simulation, fm_slide_simulation_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fm_presentation_parent_class)->dispose (object);
}

static void
bind_step (GtkWidgetClass *widget_class,
           guint           key,
           int             step)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "presentation.step", "i", step);
}

static void
fm_presentation_class_init (FmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_presentation_dispose;
  object_class->get_property = fm_presentation_get_property;
  widget_class->snapshot = fm_presentation_snapshot;

  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fmpresentation");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "presentation.step", "i", action_step);

  /* Clickers send Page Down and Page Up; keyboards have the rest. */
  bind_step (widget_class, GDK_KEY_Page_Down, 1);
  bind_step (widget_class, GDK_KEY_KP_Page_Down, 1);
  bind_step (widget_class, GDK_KEY_space, 1);
  bind_step (widget_class, GDK_KEY_Right, 1);
  bind_step (widget_class, GDK_KEY_Down, 1);
  bind_step (widget_class, GDK_KEY_Return, 1);
  bind_step (widget_class, GDK_KEY_Page_Up, -1);
  bind_step (widget_class, GDK_KEY_KP_Page_Up, -1);
  bind_step (widget_class, GDK_KEY_BackSpace, -1);
  bind_step (widget_class, GDK_KEY_Left, -1);
  bind_step (widget_class, GDK_KEY_Up, -1);
  bind_step (widget_class, GDK_KEY_Home, G_MININT32);
  bind_step (widget_class, GDK_KEY_End, G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
}

static void
fm_presentation_init (FmPresentation *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_presentation_slide_free);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * fm_presentation_new:
 * @shown: (nullable): the map on screen: the story starts from it, or from
 *   its origin when it is a future state
 */
GtkWidget *
fm_presentation_new (FmDocument *document,
                     FmMap      *shown)
{
  FmPresentation *self;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);

  self = g_object_new (FM_TYPE_PRESENTATION, NULL);
  self->document = g_object_ref (document);
  self->shown = shown ? g_object_ref (shown) : NULL;
  fm_presentation_build_slides (self);
  update_accessible (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

guint
fm_presentation_get_n_slides (FmPresentation *self)
{
  g_return_val_if_fail (FM_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

guint
fm_presentation_get_slide (FmPresentation *self)
{
  g_return_val_if_fail (FM_IS_PRESENTATION (self), 0);

  return self->slide;
}

/**
 * fm_presentation_get_slide_title:
 *
 * Returns: (nullable): the title of the slide shown, as on screen
 */
const char *
fm_presentation_get_slide_title (FmPresentation *self)
{
  const Slide *slide;

  g_return_val_if_fail (FM_IS_PRESENTATION (self), NULL);

  slide = current_slide (self);
  return slide ? slide->title : NULL;
}

/**
 * fm_presentation_get_slide_kind:
 *
 * Returns: (nullable): "map", "constraint", "balance", "future",
 *   "comparison", "experiment", "observed-chart" or "simulation-chart"
 */
const char *
fm_presentation_get_slide_kind (FmPresentation *self)
{
  const Slide *slide;

  g_return_val_if_fail (FM_IS_PRESENTATION (self), NULL);

  if ((slide = current_slide (self)) == NULL)
    return NULL;

  switch (slide->kind)
    {
    case SLIDE_CONSTRAINT: return "constraint";
    case SLIDE_BALANCE: return "balance";
    case SLIDE_COMPARISON: return "comparison";
    case SLIDE_EXPERIMENT: return "experiment";
    case SLIDE_CHART: return fm_slide_chart_get_kind (slide->chart);
    case SLIDE_MAP:
    default: return slide->changes ? "future" : "map";
    }
}

/**
 * fm_presentation_get_slide_text:
 *
 * Returns: (nullable): the words of the slide shown under its title: the
 *   caption, and an experiment's figures a line each
 */
char *
fm_presentation_get_slide_text (FmPresentation *self)
{
  const Slide *slide;

  g_return_val_if_fail (FM_IS_PRESENTATION (self), NULL);

  if ((slide = current_slide (self)) == NULL)
    return NULL;

  return g_strjoin ("\n", slide->caption != NULL ? slide->caption : "", slide->body != NULL ? slide->body : "", NULL);
}

/**
 * fm_presentation_set_observed:
 * @session: (nullable): the window's imported data, whose experiments with
 *   a start date get a slide each
 */
void
fm_presentation_set_observed (FmPresentation    *self,
                              FmObservedSession *session)
{
  g_return_if_fail (FM_IS_PRESENTATION (self));
  g_return_if_fail (session == NULL || FM_IS_OBSERVED_SESSION (session));

  if (g_set_object (&self->observed, session))
    {
      fm_presentation_build_slides (self);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
    }
}

/**
 * fm_presentation_get_slide_caption:
 *
 * Returns: (nullable): the line under the title of the slide shown, as on
 *   screen: its figures or its reason
 */
const char *
fm_presentation_get_slide_caption (FmPresentation *self)
{
  const Slide *slide;

  g_return_val_if_fail (FM_IS_PRESENTATION (self), NULL);

  slide = current_slide (self);
  return slide ? slide->caption : NULL;
}

/**
 * fm_presentation_set_simulation:
 * @simulated: (nullable): the map simulated (the Simulate page's copy of a
 *   map of the document, which keeps its id); %NULL: no simulation
 * @result: (nullable): what the simulation gave; copied
 * @comparison: (nullable): the page's line for a future state against its
 *   current state, "Lead time p85 31.0 d → 12.0 d", the slides' caption
 * @what_if: (nullable): the overrides the run read, in the page's words
 *   ("3 people at Testing"), which the captions start with
 *
 * The simulation's charts get a slide each after the map it is of.
 */
void
fm_presentation_set_simulation (FmPresentation         *self,
                                FmMap                  *simulated,
                                const FmSimulateResult *result,
                                const char             *comparison,
                                const char             *what_if)
{
  /* The slides drawing the old one go first. */
  g_autoptr(FmSlideSimulation) old = NULL;

  g_return_if_fail (FM_IS_PRESENTATION (self));
  g_return_if_fail (simulated == NULL || FM_IS_MAP (simulated));

  old = g_steal_pointer (&self->simulation);
  if (simulated != NULL && result != NULL)
    self->simulation = fm_slide_simulation_new (simulated, result, comparison, what_if);
  fm_presentation_build_slides (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}
