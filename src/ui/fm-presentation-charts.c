/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation-charts.c: the evidence of a retrospective as slides: observed and simulated charts
 *
 * Three of the Observed page's charts, measured against the current state
 * over all the data (as the experiments' before and after are):
 *   - the lead-time scatterplot, with the start of each experiment marked:
 *     how long items really took, set against the map's lead time;
 *   - the throughput run chart: how many were delivered, week by week;
 *   - the cumulative flow diagram: where work piled up, which the
 *     constraint slides before it name from the map.
 * The aging chart is left out: it answers "which item needs help today",
 * a question of the daily stand-up, not of looking back.
 * And the Simulate page's last run, each of its charts (the histogram; in
 * flow mode also the queues and the utilization), with the page's result
 * line as the caption.
 * The charts are drawn by the renderer (fm-chart.c, fm-chart-simulate.c)
 * as for an exported 16:9 slide, scaled to the presentation, under the
 * presentation's own title and caption. Figures are computed when the
 * slides are made; the simulation is copied then, so that a new run on the
 * page or the page going away changes nothing on screen.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-presentation"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-chart.h"
#include "fm-chart-simulate.h"
#include "fm-figures.h"
#include "fm-presentation-charts.h"

struct _FmSlideSimulation
{
  FmMap *map;                  /* the copy the page simulated, with its what-ifs */
  FmSimulateResult *result;    /* its nodes are @map's */
  char *comparison;            /* "Lead time p85 31.0 d → 12.0 d", or NULL */
  char *what_if;               /* "3 people at Testing", or NULL */
};

struct _FmSlideChart
{
  gboolean simulated;
  guint kind;                  /* FmChartKind, or FmSimChartKind when @simulated */
  char *title;
  char *caption;

  /* Observed */
  FmObserved *observed;
  FmObservedSeries *series;
  double day_length_s;
  FmTimeUnit lead_unit;
  GArray *markers;             /* FmChartMarker; labels owned by @labels */
  GPtrArray *labels;

  /* Simulated: borrowed from the presentation's FmSlideSimulation */
  FmSlideSimulation *simulation;
};

/* ---- What a simulation gave ---------------------------------------- */

/**
 * fm_slide_simulation_new:
 * @simulated: the map the result is of (the Simulate page's copy of the
 *   map on screen); held
 * @result: what the simulation gave; copied
 * @comparison: (nullable): the page's line for a future state set
 *   against its current state, as in "Lead time p85 31.0 d → 12.0 d"
 * @what_if: (nullable): the overrides the run read, as the page words
 *   them ("3 people at Testing"); the captions start with them, since a
 *   slide must not pass a what-if off as the map
 *
 * Returns: (transfer full): the slides' own copy of a simulation
 */
FmSlideSimulation *
fm_slide_simulation_new (FmMap                  *simulated,
                         const FmSimulateResult *result,
                         const char             *comparison,
                         const char             *what_if)
{
  FmSlideSimulation *self;

  g_return_val_if_fail (FM_IS_MAP (simulated), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  self = g_new0 (FmSlideSimulation, 1);
  self->map = g_object_ref (simulated);
  self->result = fm_simulate_result_copy (result);
  self->comparison = g_strdup (comparison);
  self->what_if = g_strdup (what_if);
  return self;
}

void
fm_slide_simulation_free (FmSlideSimulation *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->result, fm_simulate_result_free);
  g_clear_object (&self->map);
  g_free (self->comparison);
  g_free (self->what_if);
  g_free (self);
}

/* The id of the map simulated: the page's copy keeps its map's. */
const char *
fm_slide_simulation_get_map_id (FmSlideSimulation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return fm_map_get_id (self->map);
}

/* ---- Slides --------------------------------------------------------- */

void
fm_slide_chart_free (FmSlideChart *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->caption);
  g_clear_pointer (&self->observed, fm_observed_unref);
  g_clear_pointer (&self->series, fm_observed_series_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self);
}

const char *
fm_slide_chart_get_title (FmSlideChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
fm_slide_chart_get_caption (FmSlideChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

/* "observed-chart" or "simulation-chart", as fm_presentation_get_slide_kind() says */
const char *
fm_slide_chart_get_kind (FmSlideChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->simulated ? "simulation-chart" : "observed-chart";
}

static char *
format_lead (const FmSlideChart *chart,
             double              seconds)
{
  return fm_duration_format_figure (seconds, FM_DURATION_LEAD, chart->lead_unit, chart->day_length_s);
}

/* "74 items finished 18 May – 20 Nov 2026: half within 63.9 d, 85 % within
 * 79.1 d. The map, rework included: 64.2 d", as the Observed page sets them
 * side by side: the data's lead times went round the loops too. */
static char *
scatter_caption (const FmSlideChart *chart,
                 const FmMetrics    *metrics,
                 const char         *period)
{
  const FmObserved *o = chart->observed;
  g_autofree char *p50 = format_lead (chart, o->lead_time_p50_s);
  g_autofree char *p85 = format_lead (chart, o->lead_time_p85_s);

  if (metrics != NULL && metrics->path->len > 0 && isfinite (metrics->rework_adjusted_lead_time_s))
    {
      g_autofree char *lead = format_lead (chart, metrics->rework_adjusted_lead_time_s);

      /* Translators: the caption of the observed lead-time scatterplot's
       * slide, then the map's lead time, as in "74 items finished 18 May –
       * 20 Nov 2026: half within 63.9 d, 85 % within 79.1 d. The map, rework
       * included: 64.2 d" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u item finished %s: half within %s, 85 %% within %s. "
                                           "The map, rework included: %s",
                                           "%u items finished %s: half within %s, 85 %% within %s. "
                                           "The map, rework included: %s",
                                           o->finished),
                              o->finished, period, p50, p85, lead);
    }

  /* Translators: the caption of the observed lead-time scatterplot's slide */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item finished %s: half within %s, 85 %% within %s",
                                       "%u items finished %s: half within %s, 85 %% within %s",
                                       o->finished),
                          o->finished, period, p50, p85);
}

static char *
throughput_caption (const FmSlideChart *chart,
                    const char         *period)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (chart->observed->throughput_per_week))
    /* Translators: the caption of the throughput slide; %s is a period */
    return g_strdup_printf (_("Items finished each week, %s"), period);

  /* Translators: the caption of the throughput slide, as in "3.9 items
   * finished a week, the mean of the complete weeks, 18 May – 20 Nov 2026" */
  return g_strdup_printf (_("%s items finished a week, the mean of the complete weeks, %s"),
                          fm_locale_formatd (number, sizeof number, "%.1f", chart->observed->throughput_per_week),
                          period);
}

/* Where most of the work in progress is at the end: the pile-up the
 * cumulative flow shows as the widest band. */
static char *
cfd_caption (const FmSlideChart *chart,
             FmMap              *map,
             const char         *period)
{
  const FmObserved *o = chart->observed;
  const FmObservedNode *most = NULL;
  FmNode *node;

  for (guint i = 0; i < o->nodes->len; i++)
    {
      const FmObservedNode *n = &g_array_index (o->nodes, FmObservedNode, i);

      if (n->in_progress > 0 && (most == NULL || n->in_progress > most->in_progress))
        most = n;
    }

  if (most == NULL || (node = fm_map_lookup_node (map, most->node_id)) == NULL)
    /* Translators: the caption of the cumulative flow slide; %s is a period */
    return g_strdup_printf (_("Items in each step and queue at the end of each day, %s"), period);

  /* Translators: the caption of the cumulative flow slide, as in "18 May –
   * 20 Nov 2026: 12 items in progress at the end, 4 of them in Waiting for
   * security review" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u item in progress at the end, %u of them in %s",
                                       "%s: %u items in progress at the end, %u of them in %s", o->in_progress),
                          period, o->in_progress, most->in_progress,
                          *fm_node_get_label (node) ? fm_node_get_label (node) : fm_node_get_id (node));
}

/* Whether chart @kind has something to show: a slide saying "no data" is
 * left out rather than shown. */
static gboolean
observed_has (FmChartKind       kind,
              const FmObserved *o,
              FmObservedSeries *series)
{
  switch (kind)
    {
    case FM_CHART_SCATTER:
      return series->finishes->len > 0;
    case FM_CHART_THROUGHPUT:
      return o->finished > 0 && o->weeks->len > 0;
    case FM_CHART_CFD:
      return series->n_days >= 2 && series->bands->len >= 2;
    case FM_CHART_AGING:
    default:
      return o->aging->len > 0;
    }
}

/**
 * fm_slide_charts_observed:
 * @session: (nullable): the window's observed data
 * @map: the map the data is measured against: the current state
 * @metrics: (nullable): @map's figures, whose lead time the scatterplot's
 *   caption sets beside the observed one
 *
 * Returns: (transfer container) (element-type FmSlideChart): the
 *   scatterplot, throughput and cumulative flow slides, those with data;
 *   empty without data
 */
GPtrArray *
fm_slide_charts_observed (FmObservedSession *session,
                          FmDocument        *document,
                          FmMap             *map,
                          const FmMetrics   *metrics)
{
  static const FmChartKind story[] = { FM_CHART_SCATTER, FM_CHART_THROUGHPUT, FM_CHART_CFD };
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_slide_chart_free);
  FmObservedLog *log = session != NULL ? fm_observed_session_get_log (session) : NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) observed = NULL;
  g_autoptr(FmObservedSeries) series = NULL;
  g_autoptr(FmCalendar) calendar = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autofree char *period = NULL;
  FmObservedOptions options;
  double day_length_s;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), slides);
  g_return_val_if_fail (FM_IS_MAP (map), slides);

  if (log == NULL)
    return slides;

  /* The same figures as the Experiments page's before and after. */
  calendar = fm_observed_session_dup_calendar (session, document);
  day_length_s = calendar != NULL ? fm_calendar_day_length_s (calendar) : fm_document_get_day_length_s (document);
  mapping = fm_observed_session_dup_mapping (session, map);
  fm_observed_options_init (&options);
  fm_observed_session_fill_options (session, &options);
  options.calendar = calendar;
  observed = fm_observed_compute (log, mapping, map, &options);
  series = fm_observed_series_compute (log, mapping, map, observed, &options);
  evidence = fm_evidence_compute (log, mapping, map, observed, &options);
  markers = fm_chart_evidence_markers (evidence, map);
  period = fm_chart_format_period (observed);

  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    {
      FmSlideChart *chart;
      char *caption;

      if (!observed_has (story[i], observed, series))
        continue;

      chart = g_new0 (FmSlideChart, 1);
      chart->kind = story[i];
      chart->title = g_strdup (fm_chart_kind_get_title (story[i]));
      chart->observed = fm_observed_ref (observed);
      chart->series = fm_observed_series_ref (series);
      chart->day_length_s = day_length_s;
      chart->lead_unit = fm_document_get_lead_time_unit (document);
      /* The map may change while the slides are up: labels of their own. */
      chart->markers = g_array_new (FALSE, TRUE, sizeof (FmChartMarker));
      chart->labels = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; story[i] == FM_CHART_SCATTER && j < markers->len; j++)
        {
          FmChartMarker marker = g_array_index (markers, FmChartMarker, j);

          marker.label = g_strdup (marker.label);
          g_ptr_array_add (chart->labels, (char *) marker.label);
          g_array_append_val (chart->markers, marker);
        }

      switch (story[i])
        {
        case FM_CHART_SCATTER:
          caption = scatter_caption (chart, metrics, period);
          break;
        case FM_CHART_THROUGHPUT:
          caption = throughput_caption (chart, period);
          break;
        case FM_CHART_CFD:
        case FM_CHART_AGING:
        default:
          caption = cfd_caption (chart, map, period);
          break;
        }
      /* The period, not the file: a caption is one line, and the scatterplot's fills it. */
      chart->caption = caption;
      g_ptr_array_add (slides, chart);
    }

  return slides;
}

/* The busiest step, the first of equals, as the page and the chart name it. */
static const FmSimulateNode *
bottleneck (const FmSimulateResult *result)
{
  const FmSimulateNode *busiest = NULL;

  for (guint i = 0; result->nodes != NULL && i < result->nodes->len; i++)
    {
      const FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (!isnan (node->utilization) && (busiest == NULL || node->utilization > busiest->utilization))
        busiest = node;
    }
  return busiest;
}

static char *
simulation_caption (FmSlideSimulation *simulation,
                    FmDocument        *document,
                    FmSimChartKind     kind)
{
  const FmSimulateResult *r = simulation->result;
  g_autofree char *line = NULL;
  const FmSimulateNode *busiest;

  if (simulation->comparison != NULL)
    line = g_strdup (simulation->comparison);
  else
    {
      g_autofree char *p50 = fm_figure_format_duration (document, FM_DURATION_LEAD, r->lead_time_p50_s);
      g_autofree char *p85 = fm_figure_format_duration (document, FM_DURATION_LEAD, r->lead_time_p85_s);
      g_autofree char *p95 = fm_figure_format_duration (document, FM_DURATION_LEAD, r->lead_time_p95_s);

      /* Translators: the caption of a simulation's slide, in the Simulate page's words */
      line = g_strdup_printf (_("Lead time p50 %s · p85 %s · p95 %s"), p50, p85, p95);
    }
  if (simulation->what_if != NULL)
    {
      /* Translators: a simulation's slide caption when the run tried
       * overrides, as in "What if 3 people at Testing: Lead time p85 …" */
      g_autofree char *tried = g_strdup_printf (_("What if %s: %s"), simulation->what_if, line);

      g_free (line);
      line = g_steal_pointer (&tried);
    }

  if (kind == FM_SIM_CHART_HISTOGRAM && r->mode == FM_SIMULATE_FLOW)
    /* Translators: a simulation's result line, then what was simulated */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · a flow simulation of %u item",
                                         "%s · a flow simulation of %u items", r->samples),
                            line, r->samples);
  if (kind == FM_SIM_CHART_HISTOGRAM)
    /* Translators: a simulation's result line, then what was simulated */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u run of a Monte Carlo simulation",
                                         "%s · %u runs of a Monte Carlo simulation", r->samples),
                            line, r->samples);
  if (kind == FM_SIM_CHART_QUEUES && isfinite (r->wip_mean))
    {
      g_autofree char *wip = fm_format_decimal ("%.1f", r->wip_mean);

      /* Translators: a simulation's result line, then the mean work in progress */
      return g_strdup_printf (_("%s · work in progress %s on average"), line, wip);
    }
  if (kind == FM_SIM_CHART_UTILIZATION && (busiest = bottleneck (r)) != NULL)
    {
      const char *label = fm_node_get_label (busiest->node);
      g_autofree char *busy = fm_figure_format_percent (100 * busiest->utilization, "%.0f");

      /* Translators: a simulation's result line, then its busiest step, as
       * in "Lead time p85 31.0 d → 12.0 d · bottleneck: Coding, 97 % busy" */
      return g_strdup_printf (_("%s · bottleneck: %s, %s busy"), line,
                              label != NULL && *label ? label : fm_node_get_id (busiest->node), busy);
    }

  return g_steal_pointer (&line);
}

/**
 * fm_slide_charts_simulation:
 * @simulation: (nullable): the Simulate page's last run
 * @map: a map of the story: slides only when @simulation is of it
 *
 * Returns: (transfer container) (element-type FmSlideChart): a slide for
 *   each chart the run has (the histogram; the queues and the utilization
 *   of a flow simulation); empty when it is of another map
 */
GPtrArray *
fm_slide_charts_simulation (FmSlideSimulation *simulation,
                            FmDocument        *document,
                            FmMap             *map)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_slide_chart_free);

  g_return_val_if_fail (FM_IS_DOCUMENT (document), slides);
  g_return_val_if_fail (FM_IS_MAP (map), slides);

  if (simulation == NULL || !g_str_equal (fm_map_get_id (simulation->map), fm_map_get_id (map)))
    return slides;

  for (FmSimChartKind kind = FM_SIM_CHART_HISTOGRAM; kind < FM_N_SIM_CHARTS; kind++)
    {
      FmSlideChart *chart;

      if (!fm_sim_chart_kind_available (kind, simulation->result))
        continue;

      chart = g_new0 (FmSlideChart, 1);
      chart->simulated = TRUE;
      chart->kind = kind;
      chart->simulation = simulation;
      /* Translators: a slide's title, as in "Simulated Lead Time: Future state" */
      chart->title = g_strdup_printf (_("%s: %s"), fm_sim_chart_kind_get_title (kind), fm_map_get_name (map));
      chart->caption = simulation_caption (simulation, document, kind);
      g_ptr_array_add (slides, chart);
    }

  return slides;
}

/**
 * fm_slide_chart_draw:
 * @page: where the chart goes, in the presentation's pixels; the chart's
 *   own margin is inside it
 * @unit: the presentation's pixels per unit of its 1600 × 900 design
 *
 * Draws the chart without its title (the slide has its own), in the type
 * of an exported slide: 960 units of the chart across 1600 of the slide.
 */
void
fm_slide_chart_draw (FmSlideChart *self,
                     cairo_t      *cr,
                     FmDocument   *document,
                     const FmRect *page,
                     double        unit)
{
  double scale = unit * 1600 / FM_CHART_EXPORT_WIDTH;

  g_return_if_fail (self != NULL && cr != NULL && page != NULL);

  if (!(scale > 0) || page->width <= 0 || page->height <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, page->x, page->y);
  cairo_scale (cr, scale, scale);
  if (self->simulated)
    fm_sim_chart_draw (cr, self->kind, document, self->simulation->map, self->simulation->result, FALSE,
                       page->width / scale, page->height / scale, NULL);
  else
    {
      FmChartData data = { 0 };

      data.observed = self->observed;
      data.series = self->series;
      data.day_length_s = self->day_length_s;
      data.lead_unit = self->lead_unit;
      data.markers = (const FmChartMarker *) self->markers->data;
      data.n_markers = self->markers->len;
      fm_chart_draw (cr, self->kind, &data, page->width / scale, page->height / scale);
    }
  cairo_restore (cr);
}
