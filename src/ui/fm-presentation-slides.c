/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation-slides.c: the story the presentation's slides tell
 *
 * The current state, its top constraints each zoomed in, its steps
 * against the takt time, the observed and simulated evidence, the future
 * state with what it changes and both maps' figures side by side, then
 * each experiment under way. Made when the presentation opens and when
 * the document changes (fm-presentation.c draws them).
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

#define N_CONSTRAINT_SLIDES 3

void
fm_presentation_slide_free (Slide *slide)
{
  g_free (slide->node_id);
  g_free (slide->title);
  g_free (slide->caption);
  g_free (slide->body);
  g_clear_object (&slide->part);
  g_clear_pointer (&slide->chart, fm_slide_chart_free);
  g_free (slide);
}

static Slide *
add_slide (FmPresentation *self,
           SlideKind       kind,
           FmMap          *map,
           char           *title,
           char           *caption)
{
  Slide *slide = g_new0 (Slide, 1);

  slide->kind = kind;
  slide->map = map;
  slide->title = title;
  slide->caption = caption;
  g_ptr_array_add (self->slides, slide);
  return slide;
}

/* "Lead time 8 w · Process time 4 d 10 h · Flow efficiency 7.9 %" */
static char *
key_figures (FmPresentation  *self,
             const FmMetrics *metrics)
{
  g_autofree char *lead = fm_figure_format_for (self->document, "lead_time_s", metrics->lead_time_s);
  g_autofree char *process = fm_figure_format_for (self->document, "process_time_s", metrics->process_time_s);
  g_autofree char *efficiency = fm_figure_format_for (self->document, "flow_efficiency", metrics->flow_efficiency);

  return g_strdup_printf ("%s %s  ·  %s %s  ·  %s %s",
                          fm_figure_get_title ("lead_time_s"), lead,
                          fm_figure_get_title ("process_time_s"), process,
                          fm_figure_get_title ("flow_efficiency"), efficiency);
}

/* The cycle time / takt slide, when there is a takt to hold the steps
 * against: its caption names the first step over it with both numbers. */
static void
add_balance_slide (FmPresentation *self)
{
  g_autoptr(GArray) bars = NULL;
  g_autofree char *takt = NULL;
  char *caption = NULL;

  if (!(isfinite (self->metrics->takt_time_s) && self->metrics->takt_time_s > 0))
    return;
  bars = fm_balance_compute (self->current, self->metrics->takt_time_s);
  if (bars->len == 0)
    return;

  takt = fm_figure_format_duration (self->document, FM_DURATION_PROCESS, self->metrics->takt_time_s);
  for (guint i = 0; i < bars->len && caption == NULL; i++)
    {
      const FmBalanceBar *bar = &g_array_index (bars, FmBalanceBar, i);
      g_autofree char *cycle = NULL;

      if (!bar->over_takt)
        continue;
      cycle = fm_duration_format_figure_like (bar->cycle_time_s, self->metrics->takt_time_s,
                                              fm_document_get_day_length_s (self->document));
      /* Translators: the caption of the cycle time / takt slide, as in
       * "Assembly #1: 62 s per piece against a takt of 60 s" */
      caption = g_strdup_printf (_("%s: %s per piece against a takt of %s"),
                                 fm_node_get_label (bar->node) ? fm_node_get_label (bar->node) : "", cycle, takt);
    }
  if (caption == NULL)
    /* Translators: the caption of the cycle time / takt slide when every step keeps up */
    caption = g_strdup_printf (_("Every step keeps up with the takt time of %s"), takt);

  add_slide (self, SLIDE_BALANCE, self->current,
             /* Translators: a slide's title, as in "Cycle time / takt: Current state" */
             g_strdup_printf (_("Cycle time / takt: %s"), fm_map_get_name (self->current)), caption);
}

/* Which maps the story tells: the map shown and the future state made
 * from it, or the origin of the future state shown. */
static void
choose_maps (FmPresentation *self)
{
  FmMap *origin;
  guint n = fm_document_get_n_maps (self->document);

  self->current = NULL;
  self->future = NULL;
  if (self->shown == NULL || fm_document_get_map_position (self->document, self->shown) < 0)
    g_set_object (&self->shown, fm_document_get_map (self->document, 0));
  if (self->shown == NULL)
    return;

  if ((origin = fm_document_get_origin_map (self->document, self->shown)) != NULL)
    {
      self->current = origin;
      self->future = self->shown;
      return;
    }

  self->current = self->shown;
  for (guint i = 0; i < n && self->future == NULL; i++)
    {
      FmMap *map = fm_document_get_map (self->document, i);

      if (fm_document_get_origin_map (self->document, map) == self->current)
        self->future = map;
    }
}

/* The node with its neighbours upstream and downstream (a queue and a
 * step each way), what informs it and what is tried on it: whole boxes
 * and arrows, nothing cut at the border of the slide. */
static FmMap *
close_up (FmMap      *map,
          const char *node_id)
{
  g_autoptr(GHashTable) near = fm_map_dup_neighbourhood (map, node_id, 2);

  return fm_map_copy_part (map, fm_map_get_id (map), near);
}

/* The map an experiment is on, the first of the story's maps that has it. */
static void
add_experiment_slides_of (FmPresentation *self,
                          FmMap          *map,
                          GHashTable     *seen,
                          GPtrArray      *slides)
{
  g_autoptr(GPtrArray) evidence = NULL;
  double day;

  evidence = fm_experiments_evidence_compute (self->observed, self->document, map, &day);
  for (guint i = 0; evidence != NULL && i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      const char * const *applies_to;
      const FmEvidence *e;
      g_autofree char *date = NULL;
      Slide *slide;

      /* A future state copies its origin's experiments: one slide each. */
      if (!FM_IS_KAIZEN (node) || (e = fm_experiments_evidence_lookup (evidence, fm_node_get_id (node))) == NULL
          || !g_hash_table_add (seen, (gpointer) fm_node_get_id (node)))
        continue;

      date = fm_experiments_evidence_format_started (e);

      slide = g_new0 (Slide, 1);
      slide->kind = SLIDE_EXPERIMENT;
      slide->map = map;
      slide->title = g_strdup (fm_node_get_label (node)[0] ? fm_node_get_label (node) : _("Untitled experiment"));
      /* Translators: under an experiment's title on its slide */
      slide->caption = g_strdup_printf (_("Started %s · before and after, from the observed data"), date);
      slide->body = fm_experiments_evidence_describe_all (FM_KAIZEN (node), e, map, day);
      applies_to = fm_kaizen_get_applies_to (FM_KAIZEN (node));
      slide->node_id = g_strdup (applies_to != NULL && applies_to[0] != NULL && fm_map_lookup_node (map, applies_to[0])
                                 ? applies_to[0] : fm_node_get_id (node));
      slide->part = close_up (map, slide->node_id);
      g_ptr_array_add (slides, slide);
    }
}

/* "Experiment 1 of 2: Security checks run in every pipeline build" */
static void
add_experiment_slides (FmPresentation *self)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->observed == NULL || fm_observed_session_get_log (self->observed) == NULL)
    return;

  add_experiment_slides_of (self, self->current, seen, slides);
  if (self->future != NULL)
    add_experiment_slides_of (self, self->future, seen, slides);

  for (guint i = 0; i < slides->len; i++)
    {
      Slide *slide = slides->pdata[i];
      char *title;

      /* Translators: a slide's title, as in "Experiment 1 of 2: Security checks run in every pipeline build" */
      title = g_strdup_printf (_("Experiment %u of %u: %s"), i + 1, slides->len, slide->title);
      g_free (slide->title);
      slide->title = title;
      g_ptr_array_add (self->slides, slide);
    }
}

/* Takes the charts' slides, in their order. */
static void
add_chart_slides (FmPresentation *self,
                  GPtrArray      *charts,
                  FmMap          *map)
{
  g_autoptr(GPtrArray) taken = charts;

  for (guint i = 0; i < taken->len; i++)
    {
      FmSlideChart *chart = g_steal_pointer (&taken->pdata[i]);
      Slide *slide = add_slide (self, SLIDE_CHART, map, g_strdup (fm_slide_chart_get_title (chart)),
                                g_strdup (fm_slide_chart_get_caption (chart)));

      slide->chart = chart;
    }
}

/* Makes the slides of the story from the document and the data, with
 * their figures: drawing them computes nothing. */
void
fm_presentation_build_slides (FmPresentation *self)
{
  guint n_constraints = 0;

  g_ptr_array_set_size (self->slides, 0);
  g_clear_pointer (&self->metrics, fm_metrics_free);
  g_clear_pointer (&self->future_metrics, fm_metrics_free);
  g_clear_pointer (&self->comparison, fm_comparison_free);

  choose_maps (self);
  if (self->current == NULL)
    return;

  self->metrics = fm_metrics_compute (self->document, self->current, NULL);
  add_slide (self, SLIDE_MAP, self->current, g_strdup (fm_map_get_name (self->current)),
             key_figures (self, self->metrics));

  for (guint i = 0; i < self->metrics->constraints->len && n_constraints < N_CONSTRAINT_SLIDES; i++)
    {
      const FmConstraint *constraint = self->metrics->constraints->pdata[i];

      if (fm_map_lookup_node (self->current, constraint->id) != NULL)
        n_constraints++;
    }
  for (guint i = 0, k = 0; i < self->metrics->constraints->len && k < n_constraints; i++)
    {
      FmConstraint *constraint = self->metrics->constraints->pdata[i];
      Slide *slide;

      if (fm_map_lookup_node (self->current, constraint->id) == NULL)
        continue;

      k++;
      slide = add_slide (self, SLIDE_CONSTRAINT, self->current,
                         /* Translators: a slide's title, as in "Constraint 1 of 3: Coding" */
                         g_strdup_printf (_("Constraint %u of %u: %s"), k, n_constraints, constraint->label),
                         g_strdup (fm_constraint_get_reason (constraint)));
      slide->node_id = g_strdup (constraint->id);
      slide->part = close_up (slide->map, slide->node_id);
    }
  add_balance_slide (self);
  add_chart_slides (self, fm_slide_charts_observed (self->observed, self->document, self->current, self->metrics),
                    self->current);
  add_chart_slides (self, fm_slide_charts_simulation (self->simulation, self->document, self->current),
                    self->current);

  if (self->future != NULL)
    {
      Slide *slide;
      char *caption;

      self->future_metrics = fm_metrics_compute (self->document, self->future, NULL);
      self->comparison = fm_comparison_new (self->document, self->current, self->future);
      caption = fm_figure_describe_for (self->document, "lead_time_s", self->metrics->lead_time_s,
                                        self->future_metrics->lead_time_s,
                                        g_array_index (self->comparison->figures, FmFigureChange, 0).change);
      slide = add_slide (self, SLIDE_MAP, self->future, g_strdup (fm_map_get_name (self->future)), caption);
      slide->changes = TRUE;

      add_slide (self, SLIDE_COMPARISON, self->future,
                 /* Translators: the comparison slide's title, as in "Current state → Future state" */
                 g_strdup_printf (_("%s → %s"), fm_map_get_name (self->current), fm_map_get_name (self->future)),
                 NULL);
      add_chart_slides (self, fm_slide_charts_simulation (self->simulation, self->document, self->future),
                        self->future);
    }

  add_experiment_slides (self);

  if (self->slide >= self->slides->len)
    self->slide = self->slides->len > 0 ? self->slides->len - 1 : 0;
}
