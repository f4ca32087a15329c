/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-visits.c: expected visits, routes and the lead time along them
 *
 * An item passes a node once on a plain path; rework sends a share of the
 * passes of a step back upstream, so the item passes the nodes of the loop
 * more than once. The expected passes are the solution of the traffic
 * equations v = e + v·P (e: 1 at each start; P: a node hands 1 − r of its
 * passes on along the flow and r back along each rework edge), solved here
 * by sweeps in flow order, which converge as the loops' rates (each below 1)
 * do. A node's expected time is its visits × its time, and the lead time
 * with rework is the longest path over those; the first pass is the
 * longest path over the times themselves.
 *
 * Where the flow edges out of a node carry shares, they are alternative
 * routes: each item takes one of them. Every combination of choices is a
 * route with the product of its shares as probability; on a route the
 * remaining forks are parallel work, which joins where the branches meet
 * (a join is passed once for all its branches). The figures are the
 * expectation over the routes: "the expectation over alternatives of the
 * longest path over parallel branches". The path shown is the most likely
 * route's.
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

#define MAX_SWEEPS 200000
/* Sweeps after which a small stretch is solved directly instead: a loop
 * whose rate is near 1 converges by a factor of the rate each sweep, so
 * at 0.9999 the sweeps would take hundreds of thousands of rounds and stop
 * short of the answer. */
#define DIRECT_AFTER_SWEEPS 2000
#define DIRECT_MAX_NODES 512

static gboolean
is_source (const FmVisits *self,
           guint           v)
{
  const FmMetricsInput *input = self->input;

  return input->any_trigger
    ? input->facts[v].kind == FM_NODE_KIND_TRIGGER
    : self->graph->in_flow[v] && self->graph->in_degree[v] == 0;
}

static gboolean
is_sink (const FmVisits *self,
         guint           v)
{
  const FmMetricsInput *input = self->input;
  const FmFlowGraph *graph = self->graph;

  return input->any_outcome
    ? input->facts[v].kind == FM_NODE_KIND_OUTCOME
    : graph->in_flow[v] && graph->succ_start[v + 1] == graph->succ_start[v];
}

static double
share_of (GHashTable *shares,
          guint       n,
          guint       from,
          guint       to)
{
  gpointer value;
  guint64 key = (guint64) from * n + to;

  if (shares != NULL && g_hash_table_lookup_extended (shares, &key, NULL, &value))
    return *(double *) value;
  return FM_UNSET;
}

/* The shares of the flow edges, by their ends; %NULL when no edge has one. */
static GHashTable *
read_shares (const FmMetricsInput *input,
             FmMap                *map)
{
  GHashTable *shares = NULL;

  for (guint i = 0; i < input->n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      double share = fm_edge_get_share (edge);
      guint64 *key;
      double *value;

      if (!fm_value_is_set (share) || !fm_edge_is_flow (edge) ||
          input->edge_from[i] == G_MAXUINT || input->edge_to[i] == G_MAXUINT)
        continue;

      if (shares == NULL)
        shares = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      key = g_new (guint64, 1);
      *key = (guint64) input->edge_from[i] * input->n_nodes + input->edge_to[i];
      value = g_new (double, 1);
      *value = share;
      g_hash_table_replace (shares, key, value);
    }

  return shares;
}

/* Whether @to can be reached from @from along the flow: a rework edge is a
 * loop back only then. Nodes after @to in the flow order cannot lead to it. */
static gboolean
leads_to (const FmVisits *self,
          guint           from,
          guint           to,
          const guint    *position,
          guint          *stamp,
          guint           mark,
          guint          *stack)
{
  const FmFlowGraph *graph = self->graph;
  guint depth = 0;

  if (from == to)
    return TRUE;

  stack[depth++] = from;
  stamp[from] = mark;
  while (depth > 0)
    {
      guint v = stack[--depth];

      for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
        {
          guint w = graph->succ[j];

          if (w == to)
            return TRUE;
          if (stamp[w] == mark || position[w] > position[to])
            continue;
          stamp[w] = mark;
          stack[depth++] = w;
        }
    }

  return FALSE;
}

static void
read_reworks (FmVisits  *self,
              FmMetrics *metrics,
              FmMap     *map)
{
  const FmMetricsInput *input = self->input;
  const FmFlowGraph *graph = self->graph;
  guint n = graph->n;
  g_autofree guint *position = g_new (guint, MAX (n, 1));
  g_autofree guint *stamp = g_new0 (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autofree double *sum = g_new0 (double, MAX (n, 1));
  guint mark = 0;

  for (guint i = 0; i < n; i++)
    position[i] = G_MAXUINT;
  for (guint k = 0; k < self->order->len; k++)
    position[g_array_index (self->order, guint, k)] = k;

  self->reworks = g_new (FmRework, MAX (input->n_edges, 1));
  self->n_reworks = 0;
  for (guint i = 0; i < input->n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      guint sender = input->edge_from[i], receiver = input->edge_to[i];
      double rate;

      /* The kind first: most edges are not rework. */
      if (fm_edge_get_kind (edge) != FM_EDGE_KIND_REWORK)
        continue;
      if (sender == G_MAXUINT || receiver == G_MAXUINT)
        continue;

      if (!graph->in_flow[sender] || !graph->in_flow[receiver] ||
          position[sender] == G_MAXUINT || position[receiver] == G_MAXUINT ||
          !leads_to (self, receiver, sender, position, stamp, ++mark, stack))
        {
          fm_metrics_add_warning (metrics, "rework-off-path", fm_edge_get_id (edge),
                                  _("The rework from “%s” to “%s” is not a loop back: the flow does "
                                    "not lead from “%s” to “%s”, so it is not counted"),
                                  fm_node_get_label (input->facts[sender].node),
                                  fm_node_get_label (input->facts[receiver].node),
                                  fm_node_get_label (input->facts[receiver].node),
                                  fm_node_get_label (input->facts[sender].node));
          continue;
        }
      rate = fm_edge_get_rate (edge);
      if (!fm_value_is_set (rate) || rate <= 0)
        continue;

      self->reworks[self->n_reworks++] = (FmRework) { sender, receiver, rate };
      sum[sender] += rate;
    }

  /* A step that sends all its passes back never lets an item through. */
  for (guint k = 0; k < self->n_reworks; k++)
    {
      FmRework *rework = &self->reworks[k];

      if (sum[rework->from] < 1)
        continue;
      if (sum[rework->from] < 2)
        fm_metrics_add_warning (metrics, "rework-rate", fm_node_get_id (input->facts[rework->from].node),
                                _("The rework out of “%s” adds up to 100 %% or more, so no item would "
                                  "ever get past it; it is not counted"),
                                fm_node_get_label (input->facts[rework->from].node));
      /* Marked so that it is reported once. */
      sum[rework->from] = 2;
      self->reworks[k--] = self->reworks[--self->n_reworks];
    }

  /* The stretches of the flow order each loop spans, merged. */
  {
    g_autofree guint *reach = g_new (guint, MAX (self->order->len, 1));

    for (guint k = 0; k < self->order->len; k++)
      reach[k] = G_MAXUINT;
    for (guint k = 0; k < self->n_reworks; k++)
      {
        guint lo = position[self->reworks[k].to], hi = position[self->reworks[k].from];

        if (reach[lo] == G_MAXUINT || reach[lo] < hi)
          reach[lo] = hi;
      }
    self->span_lo = g_new (guint, MAX (self->n_reworks, 1));
    self->span_hi = g_new (guint, MAX (self->n_reworks, 1));
    self->n_spans = 0;
    for (guint k = 0; k < self->order->len; k++)
      {
        if (reach[k] == G_MAXUINT)
          continue;
        if (self->n_spans > 0 && k <= self->span_hi[self->n_spans - 1])
          self->span_hi[self->n_spans - 1] = MAX (self->span_hi[self->n_spans - 1], reach[k]);
        else
          {
            self->span_lo[self->n_spans] = k;
            self->span_hi[self->n_spans++] = reach[k];
          }
      }
  }

  self->back = g_new0 (double, MAX (n, 1));
  self->rework_in_start = g_new0 (guint, n + 1);
  self->rework_in = g_new (guint, MAX (self->n_reworks, 1));
  for (guint k = 0; k < self->n_reworks; k++)
    {
      self->back[self->reworks[k].from] += self->reworks[k].rate;
      self->rework_in_start[self->reworks[k].to + 1]++;
    }
  for (guint i = 0; i < n; i++)
    self->rework_in_start[i + 1] += self->rework_in_start[i];
  {
    g_autofree guint *fill = g_new0 (guint, MAX (n, 1));

    for (guint k = 0; k < self->n_reworks; k++)
      {
        guint to = self->reworks[k].to;

        self->rework_in[self->rework_in_start[to] + fill[to]++] = k;
      }
  }
}

void
fm_visits_init (FmVisits             *self,
                FmMetrics            *metrics,
                const FmFlowGraph    *graph,
                GArray               *order,
                const FmMetricsInput *input,
                FmMap                *map)
{
  const FmNodeFigures *figures = (const FmNodeFigures *) (gconstpointer) metrics->figures->data;
  g_autoptr(GHashTable) shares = read_shares (input, map);
  guint n = graph->n;
  g_autofree guint *fill = g_new0 (guint, MAX (n, 1));
  g_autofree guint8 *is_choice = g_new0 (guint8, MAX (n, 1));

  memset (self, 0, sizeof *self);
  self->graph = graph;
  self->input = input;
  self->order = order;

  /* The slots of the edges left, and who enters each node. */
  self->pred_start = g_new0 (guint, n + 1);
  for (guint v = 0; v < n; v++)
    {
      self->n_slots += graph->succ_len[v];
      for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
        self->pred_start[graph->succ[j] + 1]++;
    }
  for (guint v = 0; v < n; v++)
    self->pred_start[v + 1] += self->pred_start[v];
  self->pred = g_new (guint, MAX (self->n_slots, 1));
  self->slot_from = g_new (guint, MAX (graph->succ_start[n], 1));
  self->share = g_new (double, MAX (graph->succ_start[n], 1));
  for (guint v = 0; v < n; v++)
    for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
      {
        guint w = graph->succ[j];

        self->slot_from[j] = v;
        self->share[j] = share_of (shares, n, v, w);
        self->pred[self->pred_start[w] + fill[w]++] = j;
        if (fm_value_is_set (self->share[j]))
          is_choice[v] = TRUE;
      }

  self->source = g_new (guint8, MAX (n, 1));
  self->sink = g_new (guint8, MAX (n, 1));
  self->time = g_new (double, MAX (n, 1));
  self->process = g_new (double, MAX (n, 1));
  self->role = g_new0 (const char *, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      const FmNodeFacts *facts = &input->facts[v];

      self->source[v] = is_source (self, v);
      self->sink[v] = is_sink (self, v);
      self->time[v] = figures[v].time_s;
      self->process[v] = fm_value_is_set (facts->process_s) ? facts->process_s : 0;
      if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          FmProcessStep *step = (FmProcessStep *) facts->node;
          const char *role = fm_process_step_get_role (step);

          /* A handoff is a change of role; a step without one does not
           * count, nor an automated one (no people): work that passes
           * through a pipeline is not handed to anybody. */
          if (role != NULL && *role != '\0' && fm_process_step_get_people (step) != 0)
            self->role[v] = role;
        }
    }

  self->choices = g_new (guint, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    if (is_choice[v])
      self->choices[self->n_choices++] = v;
  self->chosen = g_new0 (guint, MAX (self->n_choices, 1));

  read_reworks (self, metrics, map);

  self->active = g_new (guint8, MAX (graph->succ_start[n], 1));
  self->reached = g_new (guint8, MAX (n, 1));
  self->joins = g_new (guint, MAX (n, 1));
  self->visits = g_new (double, MAX (n, 1));
  self->dist = g_new (double, MAX (n, 1));
  self->via = g_new (gint, MAX (n, 1));
}

void
fm_visits_clear (FmVisits *self)
{
  g_free (self->slot_from);
  g_free (self->share);
  g_free (self->pred_start);
  g_free (self->pred);
  g_free (self->source);
  g_free (self->sink);
  g_free (self->time);
  g_free (self->process);
  g_free (self->role);
  g_free (self->back);
  g_free (self->reworks);
  g_free (self->rework_in_start);
  g_free (self->rework_in);
  g_free (self->span_lo);
  g_free (self->span_hi);
  g_free (self->choices);
  g_free (self->chosen);
  g_free (self->active);
  g_free (self->reached);
  g_free (self->joins);
  g_free (self->visits);
  g_free (self->dist);
  g_free (self->via);
}

/* The alternatives out of choice @c, as slots, with their shares summed. *//* Which nodes the route reaches, and how many branches join at each. */
void
fm_visits_reach (FmVisits *self)
{
  const FmFlowGraph *graph = self->graph;

  memset (self->reached, 0, graph->n);
  memset (self->joins, 0, graph->n * sizeof (guint));
  for (guint k = 0; k < self->order->len; k++)
    {
      guint v = g_array_index (self->order, guint, k);

      if (self->source[v])
        self->reached[v] = TRUE;
      if (!self->reached[v])
        continue;
      for (guint j = graph->succ_start[v]; j < graph->succ_start[v] + graph->succ_len[v]; j++)
        if (self->active[j])
          {
            self->reached[graph->succ[j]] = TRUE;
            self->joins[graph->succ[j]]++;
          }
    }
}

/* The passes of the node at @k in the flow order, from what comes in. */static inline double
passes_at (FmVisits *self,
           guint     k)
{
  guint v = g_array_index (self->order, guint, k);
  double forward = 0, passes = self->source[v] ? 1 : 0;

  for (guint p = self->pred_start[v]; p < self->pred_start[v + 1]; p++)
    {
      guint slot = self->pred[p], u = self->slot_from[slot];

      if (self->active[slot])
        forward += self->visits[u] * (1 - self->back[u]);
    }
  passes += forward / MAX (self->joins[v], 1);
  for (guint p = self->rework_in_start[v]; p < self->rework_in_start[v + 1]; p++)
    {
      const FmRework *rework = &self->reworks[self->rework_in[p]];

      passes += self->visits[rework->from] * rework->rate;
    }

  return passes;
}

/* Solves the traffic equations of the stretch lo..hi of the flow order
 * directly: (I − A) v = b by Gaussian elimination with partial pivoting,
 * where b is what comes in from before the stretch (already settled) and A
 * what its nodes pass to one another. A rate a hair below 1 gives a huge
 * but finite number of visits ("more than 100 years" on screen). Returns
 * FALSE when the system is singular: every item would stay in the loop. */
static gboolean
solve_stretch (FmVisits *self,
               guint     lo,
               guint     hi)
{
  guint m = hi - lo + 1, n = self->graph->n;
  g_autofree double *a = g_new0 (double, (gsize) m * m);
  g_autofree double *b = g_new0 (double, m);
  g_autofree guint *at = g_new (guint, n);

  for (guint v = 0; v < n; v++)
    at[v] = G_MAXUINT;
  for (guint k = lo; k <= hi; k++)
    at[g_array_index (self->order, guint, k)] = k - lo;

  /* Row i: v_i − Σ a_ij v_j = b_i, with the same terms as passes_at(). */
  for (guint i = 0; i < m; i++)
    {
      guint v = g_array_index (self->order, guint, lo + i);
      double joins = MAX (self->joins[v], 1);

      a[(gsize) i * m + i] = 1;
      b[i] = self->source[v] ? 1 : 0;
      for (guint p = self->pred_start[v]; p < self->pred_start[v + 1]; p++)
        {
          guint slot = self->pred[p], u = self->slot_from[slot];
          double weight = (1 - self->back[u]) / joins;

          if (!self->active[slot])
            continue;
          if (at[u] != G_MAXUINT)
            a[(gsize) i * m + at[u]] -= weight;
          else
            b[i] += self->visits[u] * weight;
        }
      for (guint p = self->rework_in_start[v]; p < self->rework_in_start[v + 1]; p++)
        {
          const FmRework *rework = &self->reworks[self->rework_in[p]];

          if (at[rework->from] != G_MAXUINT)
            a[(gsize) i * m + at[rework->from]] -= rework->rate;
          else
            b[i] += self->visits[rework->from] * rework->rate;
        }
    }

  for (guint c = 0; c < m; c++)
    {
      guint pivot = c;

      for (guint r = c + 1; r < m; r++)
        if (fabs (a[(gsize) r * m + c]) > fabs (a[(gsize) pivot * m + c]))
          pivot = r;
      if (a[(gsize) pivot * m + c] == 0)
        return FALSE;
      if (pivot != c)
        {
          for (guint j = 0; j < m; j++)
            {
              double t = a[(gsize) c * m + j];

              a[(gsize) c * m + j] = a[(gsize) pivot * m + j];
              a[(gsize) pivot * m + j] = t;
            }
          { double t = b[c]; b[c] = b[pivot]; b[pivot] = t; }
        }
      for (guint r = c + 1; r < m; r++)
        {
          double f = a[(gsize) r * m + c] / a[(gsize) c * m + c];

          if (f == 0)
            continue;
          for (guint j = c; j < m; j++)
            a[(gsize) r * m + j] -= f * a[(gsize) c * m + j];
          b[r] -= f * b[c];
        }
    }
  for (guint i = m; i-- > 0;)
    {
      double sum = b[i];

      for (guint j = i + 1; j < m; j++)
        sum -= a[(gsize) i * m + j] * b[j];
      b[i] = sum / a[(gsize) i * m + i];
      if (!isfinite (b[i]))
        return FALSE;
    }
  for (guint i = 0; i < m; i++)
    self->visits[g_array_index (self->order, guint, lo + i)] = b[i];

  return TRUE;
}

/* The traffic equations, in flow order. Flow edges go forward in it, so
 * one pass is exact outside the loops; each stretch of the order that
 * rework edges span (merged where they overlap) is swept again and again
 * (Gauss–Seidel) to the floating-point fixed point, where a loop of rate
 * ½ gives exactly 2 passes; a last bit that flips back and forth stops it.
 * Parallel branches that meet are one pass of the join: what they hand on
 * is divided among them. */
void
fm_visits_solve (FmVisits *self)
{
  guint n = self->graph->n, next = 0;

  memset (self->visits, 0, n * sizeof (double));
  for (guint s = 0; s <= self->n_spans; s++)
    {
      guint lo = s < self->n_spans ? self->span_lo[s] : self->order->len;
      guint hi = s < self->n_spans ? self->span_hi[s] : self->order->len;
      guint settled = 0;

      for (; next < lo; next++)
        self->visits[g_array_index (self->order, guint, next)] = passes_at (self, next);
      if (s == self->n_spans)
        break;

      for (guint sweep = 0; sweep < MAX_SWEEPS; sweep++)
        {
          double change = 0, largest = 1;

          /* Slow to settle (a rate near 1): solve it at once if it is
           * small; a system singular to the last bit (which the rates'
           * check, below 100 %, rules out) goes on being swept. */
          if (sweep == DIRECT_AFTER_SWEEPS && hi - lo < DIRECT_MAX_NODES && solve_stretch (self, lo, hi))
            break;

          for (guint k = lo; k <= hi; k++)
            {
              guint v = g_array_index (self->order, guint, k);
              double passes = passes_at (self, k);

              change = MAX (change, fabs (passes - self->visits[v]));
              largest = MAX (largest, passes);
              self->visits[v] = passes;
            }
          if (change == 0 || (change <= 4 * DBL_EPSILON * largest && ++settled > 8))
            break;
        }
      next = hi + 1;
    }
}

/* The longest path to each node over @weight of the nodes @usable has; returns
 * the sink it ends at, or -1 */
