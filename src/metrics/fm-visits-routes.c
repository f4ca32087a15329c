/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-visits-routes.c: the alternative routes, and the figures along the
 * longest paths of each (see fm-visits.c for the visits themselves)
 *
 * Every combination of the choices at the nodes whose flow edges carry
 * shares is a route, with the product of its shares as probability; each
 * figure is the expectation over the routes of the figure along the
 * longest path over the parallel branches, and the path shown is the
 * likeliest route's.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "fm-edge.h"
#include "fm-process-step.h"
#include "fm-visits-private.h"

/* More combinations than this are not enumerated: the most likely choice
 * at each node stands for them all. */
#define MAX_ROUTES 4096

static guint
alternatives (const FmVisits *self,
              guint           c,
              guint          *slots,
              double         *total)
{
  const FmFlowGraph *graph = self->graph;
  guint v = self->choices[c], n = 0;

  *total = 0;
  for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
    if (fm_value_is_set (self->share[j]))
      {
        if (slots != NULL)
          slots[n] = j;
        n++;
        *total += self->share[j];
      }

  return n;
}

/* Marks the edges of the route in self->chosen; returns its probability. */
static double
route_activate (FmVisits *self)
{
  const FmFlowGraph *graph = self->graph;
  double probability = 1;

  for (guint j = 0; j < graph->succ_start[graph->n]; j++)
    self->active[j] = !fm_value_is_set (self->share[j]);
  for (guint c = 0; c < self->n_choices; c++)
    {
      double total;

      alternatives (self, c, NULL, &total);
      self->active[self->chosen[c]] = TRUE;
      /* Shares that do not add up to 1 are read as proportions. */
      probability *= total > 0 ? self->share[self->chosen[c]] / total : 0;
    }

  return probability;
}

static gint
route_longest (FmVisits     *self,
               const double *visits)
{
  const FmFlowGraph *graph = self->graph;
  gint best = -1;

  for (guint v = 0; v < graph->n; v++)
    {
      double weight = visits != NULL ? visits[v] * self->time[v] : self->time[v];

      self->dist[v] = self->source[v] ? weight : -INFINITY;
      self->via[v] = -1;
    }

  for (guint k = 0; k < self->order->len; k++)
    {
      guint v = g_array_index (self->order, guint, k);

      if (self->dist[v] == -INFINITY)
        continue;

      for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
        {
          guint w = graph->succ[j];
          double weight = visits != NULL ? visits[w] * self->time[w] : self->time[w];
          double through = self->dist[v] + weight;

          if (!self->active[j] || (visits != NULL ? visits[w] <= 0 : !self->reached[w]))
            continue;
          if (through > self->dist[w])
            {
              self->dist[w] = through;
              self->via[w] = v;
            }
        }
    }

  for (guint v = 0; v < graph->n; v++)
    if (self->sink[v] && self->dist[v] > -INFINITY && (best < 0 || self->dist[v] > self->dist[best]))
      best = v;

  return best;
}

/* The path ending at @end, from its start, into @path (positions). */
static guint
route_path (FmVisits *self,
            gint      end,
            guint    *path)
{
  guint len = 0;

  for (gint v = end; v >= 0; v = self->via[v])
    len++;
  for (gint v = end, i = len; v >= 0; v = self->via[v])
    path[--i] = v;

  return len;
}

/* The expected changes of role along @path: each change counts as often
 * as work passes it forward, and a rework edge between two roles as
 * often as it sends work back. */
static double
path_handoffs (const FmVisits *self,
               const guint    *path,
               guint           len,
               const double   *visits,
               guint          *position)
{
  double handoffs = 0;
  gint last = -1;

  for (guint i = 0; i < len; i++)
    {
      guint v = path[i];

      position[v] = i + 1;
      if (self->role[v] == NULL)
        continue;
      if (last >= 0 && g_strcmp0 (self->role[last], self->role[v]) != 0)
        handoffs += visits != NULL ? visits[last] * (1 - self->back[last]) : 1;
      last = v;
    }

  if (visits != NULL)
    for (guint k = 0; k < self->n_reworks; k++)
      {
        const FmRework *rework = &self->reworks[k];
        const char *back_to = NULL;

        if (position[rework->from] == 0 || position[rework->to] == 0 || self->role[rework->from] == NULL)
          continue;
        /* The work goes back to the first step with a role from the target on. */
        for (guint i = position[rework->to] - 1; i < len && back_to == NULL; i++)
          back_to = self->role[path[i]];
        if (back_to != NULL && g_strcmp0 (back_to, self->role[rework->from]) != 0)
          handoffs += visits[rework->from] * rework->rate;
      }

  for (guint i = 0; i < len; i++)
    position[path[i]] = 0;

  return handoffs;
}

static void
route_figures (FmVisits       *self,
               FmRouteFigures *route,
               guint          *path,
               guint          *path_len,
               guint          *position)
{
  const FmMetricsInput *input = self->input;
  gint end;
  guint len;

  memset (route, 0, sizeof *route);
  route->pca = 1;

  fm_visits_reach (self);
  fm_visits_solve (self);

  /* With rework first, so that the first pass's path stays in dist and via. */
  end = route_longest (self, self->visits);
  if (end >= 0)
    {
      len = route_path (self, end, path);
      route->rework_lead = self->dist[end];
      for (guint i = 0; i < len; i++)
        route->rework_process += self->visits[path[i]] * self->process[path[i]];
      route->rework_handoffs = path_handoffs (self, path, len, self->visits, position);
    }

  end = route_longest (self, NULL);
  *path_len = 0;
  if (end < 0)
    return;

  route->any_path = TRUE;
  *path_len = len = route_path (self, end, path);
  route->lead = self->dist[end];
  for (guint i = 0; i < len; i++)
    {
      const FmNodeFacts *facts = &input->facts[path[i]];

      if (facts->kind != FM_NODE_KIND_PROCESS)
        continue;
      route->any_step = TRUE;
      route->steps++;
      route->process += self->process[path[i]];
      if (fm_value_is_set (facts->pca))
        {
          route->pca *= facts->pca / 100.0;
          route->pca_steps++;
        }
    }
  route->handoffs = path_handoffs (self, path, len, NULL, position);
}

/* FmRework time goes to the step whose output failed, the rework edge's
 * target: each time the edge sends work back, the item passes the loop
 * from the target to the sender once more, the first-pass time between
 * them (self->dist holds the first pass's longest paths). */
static void
route_charge_rework (FmVisits      *self,
                     FmNodeFigures *figures,
                     double         probability)
{
  for (guint k = 0; k < self->n_reworks; k++)
    {
      const FmRework *rework = &self->reworks[k];
      double span;

      if (!self->reached[rework->from] || !self->reached[rework->to])
        continue;
      span = self->dist[rework->from] - self->dist[rework->to] + self->time[rework->to];
      figures[rework->to].rework_s += probability * rework->rate * self->visits[rework->from] * MAX (span, 0);
    }
}

/* Moves to the next route; FALSE after the last. */
static gboolean
next_route (FmVisits     *self,
            guint       **slots,
            const guint  *n_slots)
{
  for (guint c = 0; c < self->n_choices; c++)
    {
      guint i = 0;

      while (slots[c][i] != self->chosen[c])
        i++;
      if (i + 1 < n_slots[c])
        {
          self->chosen[c] = slots[c][i + 1];
          return TRUE;
        }
      self->chosen[c] = slots[c][0];
    }

  return FALSE;
}

void
fm_visits_compute (FmMetrics            *metrics,
                   const FmFlowGraph    *graph,
                   GArray               *order,
                   const FmMetricsInput *input,
                   FmDocument           *document,
                   FmMap                *map)
{
  FmNodeFigures *figures = (FmNodeFigures *) (gpointer) metrics->figures->data;
  FmVisits self;
  FmRouteFigures total = { 0 }, route;
  guint n = graph->n;
  g_autofree guint *path = g_new (guint, MAX (n, 1));
  g_autofree guint *best_path = g_new (guint, MAX (n, 1));
  g_autofree guint *position = g_new0 (guint, MAX (n, 1));
  g_autofree guint **slots = NULL;
  g_autofree guint *n_slots = NULL;
  guint path_len = 0, best_len = 0;
  double best_probability = -1, routes = 1, best_lead = 0, best_process = 0;
  gboolean all_routes = TRUE;

  fm_visits_init (&self, metrics, graph, order, input, map);

  /* Every combination of the alternatives, or the most likely one. */
  slots = g_new0 (guint *, MAX (self.n_choices, 1));
  n_slots = g_new0 (guint, MAX (self.n_choices, 1));
  for (guint c = 0; c < self.n_choices; c++)
    {
      double sum;

      n_slots[c] = alternatives (&self, c, NULL, &sum);
      slots[c] = g_new (guint, n_slots[c]);
      alternatives (&self, c, slots[c], &sum);
      if (fabs (sum - 1) > 1e-6)
        {
          FmNode *node = input->facts[self.choices[c]].node;

          fm_metrics_add_warning (metrics, "share-sum", fm_node_get_id (node),
                                  _("The shares of the routes out of “%s” add up to %.0f %%, not 100 %%: "
                                    "they are read as proportions"),
                                  fm_node_get_label (node), 100 * sum);
        }
      self.chosen[c] = slots[c][0];
      routes *= n_slots[c];
    }
  if (routes > MAX_ROUTES)
    {
      all_routes = FALSE;
      fm_metrics_add_warning (metrics, "too-many-routes", NULL,
                              _("The map has too many combinations of alternative routes to average "
                                "them: its figures follow the most likely route"));
      for (guint c = 0; c < self.n_choices; c++)
        for (guint i = 0; i < n_slots[c]; i++)
          if (self.share[slots[c][i]] > self.share[self.chosen[c]])
            self.chosen[c] = slots[c][i];
    }

  for (guint v = 0; v < n; v++)
    figures[v].visits = 0;

  do
    {
      double probability = route_activate (&self);

      if (!all_routes)
        probability = 1;
      route_figures (&self, &route, path, &path_len, position);
      route_charge_rework (&self, figures, probability);
      for (guint v = 0; v < n; v++)
        figures[v].visits += probability * self.visits[v];

      if (route.any_path)
        {
          total.any_path = TRUE;
          total.lead += probability * route.lead;
          total.process += probability * route.process;
          total.pca += probability * route.pca;
          total.handoffs += probability * route.handoffs;
          total.rework_lead += probability * route.rework_lead;
          total.rework_process += probability * route.rework_process;
          total.rework_handoffs += probability * route.rework_handoffs;
          total.any_step |= route.any_step;
          total.pca_steps += route.pca_steps;
          if (probability > best_probability)
            {
              best_probability = probability;
              best_len = path_len;
              memcpy (best_path, path, path_len * sizeof (guint));
              metrics->handoffs = (guint) route.handoffs;
              best_lead = route.lead;
              best_process = route.process;
              metrics->path_steps = route.steps;
              metrics->pca_steps = route.pca_steps;
            }
        }
    }
  while (all_routes && next_route (&self, slots, n_slots));

  for (guint c = 0; c < self.n_choices; c++)
    g_free (slots[c]);

  if (!total.any_path && input->any_trigger && input->any_outcome)
    fm_metrics_add_warning (metrics, "no-path", NULL,
                            _("No flow connects the trigger to the outcome, so there is no lead time"));

  for (guint i = 0; i < best_len; i++)
    {
      g_ptr_array_add (metrics->path, input->facts[best_path[i]].node);
      figures[best_path[i]].on_path = TRUE;
    }

  metrics->routes = all_routes ? (guint) routes : 1;
  metrics->lead_time_s = total.lead;
  metrics->process_time_s = total.process;
  /* Unknown is not 100 %: with no %C&A entered on any route there is
   * nothing to roll up. */
  metrics->rolled_pca = total.any_step && total.pca_steps > 0 ? total.pca : NAN;
  metrics->flow_efficiency = total.lead > 0 ? total.process / total.lead : NAN;
  metrics->rework_adjusted_lead_time_s = total.rework_lead;
  metrics->rework_process_time_s = total.rework_process;
  metrics->rework_flow_efficiency = total.rework_lead > 0 ? total.rework_process / total.rework_lead : NAN;
  metrics->rework_handoffs = total.rework_handoffs;
  /* The ladder, along the path shown: what is not process time is
   * waiting, in a queue or in a step. */
  metrics->timeline_processing_s = best_process;
  metrics->timeline_waiting_s = best_lead - best_process;

  (void) document;
  fm_visits_clear (&self);
}
