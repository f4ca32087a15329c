/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-map-checks.c: warnings for the ways a map can mislead
 *
 * Each check names what is missing or odd and, where it can, the node, so
 * that the panel can select it.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-iso-date.h"
#include "fm-kaizen.h"
#include "fm-metrics-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
check_definition (FmMetrics            *metrics,
                  const FmMetricsInput *input,
                  FmDocument           *document)
{
  if (!input->any_trigger)
    fm_metrics_add_warning (metrics, "no-trigger", NULL,
                            _("The map has no start trigger: where does the work come from?"));
  if (!input->any_outcome)
    fm_metrics_add_warning (metrics, "no-outcome", NULL,
                            _("The map has no end point: where does the customer get value?"));
  if (document != NULL && is_blank (fm_document_get_value (document)))
    fm_metrics_add_warning (metrics, "no-value", NULL,
                            _("The value stream does not say how value is observed"));
}

static void
check_nodes (FmMetrics            *metrics,
             const FmMetricsInput *input,
             FmDocument           *document)
{
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  const FmNodeFigures *all_figures = (const FmNodeFigures *) (gconstpointer) metrics->figures->data;
  /* Whether any edge ends at a node, by its position. */
  g_autofree guint8 *connected = g_new0 (guint8, MAX (input->n_nodes, 1));

  for (guint i = 0; i < input->n_edges; i++)
    {
      if (input->edge_from[i] != G_MAXUINT)
        connected[input->edge_from[i]] = TRUE;
      if (input->edge_to[i] != G_MAXUINT)
        connected[input->edge_to[i]] = TRUE;
    }

  for (guint i = 0; i < input->n_nodes; i++)
    {
      const FmNodeFacts *facts = &input->facts[i];
      const FmNodeFigures *figures = &all_figures[i];
      FmNode *node = facts->node;

      if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          if (!fm_value_is_set (facts->process_s) && !fm_value_is_set (facts->lead_s))
            fm_metrics_add_warning (metrics, "step-without-times", fm_node_get_id (node),
                                    _("“%s” has neither a process time nor a lead time"),
                                    fm_node_get_label (node));
          else if (fm_value_is_set (facts->process_s) && fm_value_is_set (facts->lead_s) &&
                   facts->process_s > facts->lead_s)
            fm_metrics_add_warning (metrics, "process-exceeds-lead", fm_node_get_id (node),
                                    _("“%s” takes longer to work on than it takes in all"),
                                    fm_node_get_label (node));
        }
      else if (facts->kind == FM_NODE_KIND_QUEUE)
        {
          /* Items and a demand give the wait (Little's law), as time_of()
           * works it out: only a queue with neither has none. */
          gboolean wait_from_items = fm_value_is_set (facts->items) && fm_value_is_set (demand) &&
                                     demand > 0;

          if (!fm_value_is_set (facts->wait_s) && !wait_from_items)
            fm_metrics_add_warning (metrics, "queue-without-wait", fm_node_get_id (node),
                                    _("The queue “%s” has no wait time"), fm_node_get_label (node));
        }

      /* Notes and experiments stand beside the flow; everything else belongs in it. */
      if (facts->kind != FM_NODE_KIND_NOTE && facts->kind != FM_NODE_KIND_KAIZEN && !connected[i])
        fm_metrics_add_warning (metrics, "disconnected", fm_node_get_id (node),
                                _("“%s” is not connected to anything"), fm_node_get_label (node));

      if (!isnan (figures->utilization) && figures->utilization > 1)
        fm_metrics_add_warning (metrics, "overloaded", fm_node_get_id (node),
                                _("“%s” is overloaded: it needs %.0f %% of its people’s available time"),
                                fm_node_get_label (node), 100 * figures->utilization);
    }
}

static void
check_experiments (FmMetrics            *metrics,
                   const FmMetricsInput *input,
                   FmMap                *map,
                   GDate                *today)
{
  guint n_experiments = 0;

  for (guint i = 0; i < input->n_nodes; i++)
    {
      FmNode *node = input->facts[i].node;
      FmKaizen *kaizen;
      const char *review;
      GDate date;

      if (input->facts[i].kind != FM_NODE_KIND_KAIZEN)
        continue;

      kaizen = (FmKaizen *) node;
      review = fm_kaizen_get_review_date (kaizen);
      n_experiments++;

      if (is_blank (fm_kaizen_get_owner (kaizen)) || is_blank (fm_kaizen_get_measure (kaizen)) ||
          is_blank (review))
        fm_metrics_add_warning (metrics, "experiment-incomplete", fm_node_get_id (node),
                                _("The experiment “%s” needs an owner, a measure and a review date"),
                                fm_node_get_label (node));

      if (fm_kaizen_get_status (kaizen) != FM_KAIZEN_STATUS_RUNNING || is_blank (review))
        continue;

      if (fm_iso_date_parse (review, &date) && g_date_compare (&date, today) < 0)
        fm_metrics_add_warning (metrics, "review-overdue", fm_node_get_id (node),
                                _("The review of “%s” was due on %s"),
                                fm_node_get_label (node), review);
    }

  /* A map of the current state that points at constraints but changes
   * nothing is theatre: ask for an experiment. */
  if (fm_map_get_state (map) == FM_MAP_STATE_CURRENT && metrics->constraints->len > 0 &&
      n_experiments == 0)
    fm_metrics_add_warning (metrics, "mapping-without-change", NULL,
                            _("The map shows constraints but no improvement experiment"));
}

/* Little's law (Little 1961; Vacanti, *Actionable Agile Metrics*): the
 * average lead time is WIP ÷ throughput in a stable system, with WIP and
 * throughput counted in the same units, the WIP being a fair snapshot.
 * The map's lead time to compare is the expected one: with rework, over
 * the routes. */
static void
check_littles_law (FmMetrics            *metrics,
                   const FmMetricsInput *input,
                   FmDocument           *document)
{
  const FmNodeFigures *figures = (const FmNodeFigures *) (gconstpointer) metrics->figures->data;
  double demand = document ? fm_document_get_demand_per_day (document) : FM_UNSET;
  double mapped = metrics->rework_adjusted_lead_time_s;
  double law = metrics->littles_law_lead_time_s;

  if (isnan (law) || mapped <= 0)
    return;

  for (guint i = 0; i < input->n_nodes; i++)
    {
      const FmNodeFacts *facts = &input->facts[i];

      /* An overloaded step's queue grows without end: no steady state. */
      if (!isnan (figures[i].utilization) && figures[i].utilization > 1)
        {
          metrics->littles_law_skipped =
            g_strdup_printf (_("Not checked: “%s” is overloaded, so the system is not stable and the "
                               "work in progress grows"), fm_node_get_label (facts->node));
          return;
        }
      /* A wait worked out from the items and the demand is Little's law
       * already: checking it against itself proves nothing. */
      if (facts->kind == FM_NODE_KIND_QUEUE && !fm_value_is_set (facts->wait_s) &&
          fm_value_is_set (facts->items) && demand > 0)
        {
          metrics->littles_law_skipped =
            g_strdup_printf (_("Not checked: the wait of “%s” is worked out from its items and the "
                               "demand, which is Little’s law itself"), fm_node_get_label (facts->node));
          return;
        }
    }

  if (fabs (law - mapped) / mapped > 0.25)
    fm_metrics_add_warning (metrics, "littles-law", NULL,
                            _("The work in progress and the demand give a lead time %.0f %% %s than "
                              "the map shows: check the counts or the times (Little’s law assumes a "
                              "stable system, WIP and demand in the same units, and a snapshot of "
                              "the WIP)"),
                            100 * fabs (law - mapped) / mapped,
                            law > mapped ? _("longer") : _("shorter"));
}

void
fm_map_checks_run (FmMetrics            *metrics,
                   const FmMetricsInput *input,
                   FmDocument           *document,
                   FmMap                *map,
                   GDate                *today)
{
  g_autoptr(GDateTime) now = NULL;
  GDate local_today;

  if (today == NULL)
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&local_today, 1);
      g_date_set_dmy (&local_today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      today = &local_today;
    }

  check_definition (metrics, input, document);
  check_nodes (metrics, input, document);
  check_experiments (metrics, input, map, today);
  check_littles_law (metrics, input, document);
}
