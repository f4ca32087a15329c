/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-scaling.c: the inputs that once took quadratic time (issue 22)
 *
 * Each case is generated at a size, 1× being what a red team found slow
 * (docs/performance.md): the aging chart of 20,000 items in progress,
 * 200,000 distinct states resolved to nodes (the figures and the chart's
 * bands), 300 states matched by name onto 20,000 steps, and the routes of
 * a fan of 20,000 steps between a trigger and an outcome. flowmap-bench
 * times them at 1× and 10×: near-linear work takes about ten times as long
 * at 10×, quadratic work a hundred.
 */
#include "config.h"

#include <cairo.h>

#include "bench-scaling.h"
#include "fm-chart.h"
#include "fm-edge-route.h"
#include "fm-map-private.h"
#include "fm-observed.h"
#include "fm-observed-mapping.h"
#include "fm-observed-series.h"

#define D 86400
#define T0 1772409600 /* 2026-03-02T00:00Z */
#define FAN_ROW 70

struct _BenchScaling
{
  BenchScalingCase which;
  FmMap *map;
  FmObservedLog *log;
  FmObservedMapping *mapping;
  FmObserved *observed;
  FmObservedSeries *series;
  GTimeZone *utc;
  cairo_surface_t *surface;
};

static const struct {
  const char *key;
  const char *unit;
  guint size;
  guint max_size;       /* larger would take minutes: still quadratic */
} cases[] = {
  [BENCH_SCALING_AGING] = { "aging_chart_ms", "items in progress", 20000, G_MAXUINT },
  [BENCH_SCALING_STATES] = { "resolve_states_ms", "distinct states", 200000, G_MAXUINT },
  [BENCH_SCALING_MATCH] = { "match_states_ms", "steps (300 states)", 20000, G_MAXUINT },
  [BENCH_SCALING_FAN] = { "route_fan_ms", "steps in the fan", 20000, G_MAXUINT },
};

const char *
bench_scaling_key (BenchScalingCase which)
{
  return cases[which].key;
}

const char *
bench_scaling_unit (BenchScalingCase which)
{
  return cases[which].unit;
}

guint
bench_scaling_size (BenchScalingCase which)
{
  return cases[which].size;
}

/* The largest size worth timing: more would take minutes. */
guint
bench_scaling_max_size (BenchScalingCase which)
{
  return cases[which].max_size;
}

static FmNode *
add_node (FmMap      *map,
          FmNodeKind  kind,
          const char *id,
          const char *label,
          double      x,
          double      y)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  if (label != NULL)
    fm_node_set_label (node, label);
  fm_node_set_position (node, x, y);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);

  return node;
}

static void
add_edge (FmMap      *map,
          const char *from,
          const char *to)
{
  g_autofree char *id = g_strdup_printf ("e%u", fm_map_get_n_edges (map));
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, FM_EDGE_KIND_FLOW);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
}

/* Three nodes; @size items in progress of every age up to 90 days, and
 * a hundred finished ones for the percentiles. */
static void
aging_new (BenchScaling *self,
           guint         size)
{
  const char *names[] = { "Backlog", "Build", "Test" };
  guint states[G_N_ELEMENTS (names)], done;
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);

  self->map = fm_map_new ("aging");
  add_node (self->map, FM_NODE_KIND_QUEUE, "backlog", "Backlog", 0, 0);
  add_node (self->map, FM_NODE_KIND_PROCESS, "build", "Build", 200, 0);
  add_node (self->map, FM_NODE_KIND_PROCESS, "test", "Test", 400, 0);

  self->log = fm_observed_log_new ();
  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    states[s] = fm_observed_log_add_state (self->log, names[s]);
  done = fm_observed_log_add_state (self->log, "Done");
  fm_observed_log_set_state_done (self->log, done, TRUE);

  for (guint i = 0; i < size + 100; i++)
    {
      g_autofree char *item = g_strdup_printf ("ITEM-%u", i + 1);
      gint64 start = T0 + g_rand_int_range (rand, 0, 90 * D);

      fm_observed_log_add_visit (self->log, item, NULL, states[i % 3], start, FM_OBSERVED_OPEN, 0);
      if (i >= size)
        fm_observed_log_add_visit (self->log, item, NULL, done, start + g_rand_int_range (rand, D, 20 * D),
                                   FM_OBSERVED_OPEN, 0);
    }
  fm_observed_log_seal (self->log);
}

/* @size distinct states, "Stage 1" to "Stage N", each entered by one
 * item of ten; the map has a few steps, one of them "Stage 1". */
static void
states_new (BenchScaling *self,
            guint         size)
{
  guint done;

  self->map = fm_map_new ("states");
  add_node (self->map, FM_NODE_KIND_PROCESS, "stage-1", "Stage 1", 0, 0);
  add_node (self->map, FM_NODE_KIND_QUEUE, "review-wait", "Waiting for review", 200, 0);
  add_node (self->map, FM_NODE_KIND_PROCESS, "review", "Review", 400, 0);

  self->log = fm_observed_log_new ();
  for (guint s = 0; s < size; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      fm_observed_log_add_state (self->log, name);
    }
  done = fm_observed_log_add_state (self->log, "Done");
  fm_observed_log_set_state_done (self->log, done, TRUE);

  for (guint s = 0; s < size; s++)
    {
      g_autofree char *item = g_strdup_printf ("ITEM-%u", s / 10 + 1);
      gint64 t = T0 + (gint64) (s / 10) * 3600 + (s % 10) * 600;

      fm_observed_log_add_visit (self->log, item, NULL, s, t, FM_OBSERVED_OPEN, 0);
      if (s % 10 == 9 && s % 20 == 19)
        fm_observed_log_add_visit (self->log, item, NULL, done, t + 600, FM_OBSERVED_OPEN, 0);
    }
  fm_observed_log_seal (self->log);
}

/* @size steps named "Build part N" and 300 states that name one of them
 * exactly, share some of their words, or none: every state shares a word
 * with every step, the most work a state's match can take. */
static void
match_new (BenchScaling *self,
           guint         size)
{
  guint n_states = 300;

  self->map = fm_map_new ("match");
  for (guint i = 0; i < size; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("Build part %u", i + 1);

      add_node (self->map, i % 2 ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS, id, label,
                (i % FAN_ROW) * 200.0, (i / FAN_ROW) * 150.0);
    }

  self->log = fm_observed_log_new ();
  for (guint s = 0; s < n_states; s++)
    {
      guint part = (guint) (((guint64) s * 7919) % size) + 1;
      g_autofree char *name = s % 3 == 0 ? g_strdup_printf ("Build part %u", part)
                            : s % 3 == 1 ? g_strdup_printf ("Waiting for part %u build", part)
                            : g_strdup_printf ("Something else %u", s);

      fm_observed_log_add_state (self->log, name);
    }
  fm_observed_log_seal (self->log);
}

/* A trigger, @size steps in rows of 70 each fed by the trigger and
 * feeding the outcome. */
static void
fan_new (BenchScaling *self,
         guint         size)
{
  guint rows = (size + FAN_ROW - 1) / FAN_ROW;

  self->map = fm_map_new ("fan");
  add_node (self->map, FM_NODE_KIND_TRIGGER, "trigger", "Request", -300, rows * 75.0);
  add_node (self->map, FM_NODE_KIND_OUTCOME, "outcome", "Delivered", FAN_ROW * 200.0 + 100, rows * 75.0);
  for (guint i = 0; i < size; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("Step %u", i + 1);

      add_node (self->map, FM_NODE_KIND_PROCESS, id, label, (i % FAN_ROW) * 200.0, (i / FAN_ROW) * 150.0);
      add_edge (self->map, "trigger", id);
      add_edge (self->map, id, "outcome");
    }
}

BenchScaling *
bench_scaling_new (BenchScalingCase which,
                   guint            size)
{
  BenchScaling *self = g_new0 (BenchScaling, 1);

  self->which = which;
  self->utc = g_time_zone_new_utc ();
  switch (which)
    {
    case BENCH_SCALING_AGING:
      {
        FmObservedOptions options;

        aging_new (self, size);
        fm_observed_options_init (&options);
        options.time_zone = self->utc;
        self->mapping = fm_observed_mapping_new (self->log, self->map);
        self->observed = fm_observed_compute (self->log, self->mapping, self->map, &options);
        self->series = fm_observed_series_compute (self->log, self->mapping, self->map, self->observed, &options);
        self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT);
        g_assert_cmpuint (self->observed->aging->len, ==, size);
      }
      break;
    case BENCH_SCALING_STATES:
      states_new (self, size);
      break;
    case BENCH_SCALING_MATCH:
      match_new (self, size);
      break;
    case BENCH_SCALING_FAN:
      fan_new (self, size);
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

/* What a user waits for on each input: the chart drawn; the figures and
 * the chart's series computed (both resolve every state); the states
 * mapped; the map routed. */
void
bench_scaling_work (gpointer data)
{
  BenchScaling *self = data;

  switch (self->which)
    {
    case BENCH_SCALING_AGING:
      {
        cairo_t *cr = cairo_create (self->surface);
        FmChartData chart = { self->observed, self->series, 0, FALSE, NULL, NULL, 0 };

        fm_chart_draw (cr, FM_CHART_AGING, &chart, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT);
        cairo_destroy (cr);
        cairo_surface_flush (self->surface);
      }
      break;
    case BENCH_SCALING_STATES:
      {
        g_autoptr(FmObservedMapping) mapping = fm_observed_mapping_new (self->log, self->map);
        g_autoptr(FmObserved) observed = NULL;
        g_autoptr(FmObservedSeries) series = NULL;
        FmObservedOptions options;

        fm_observed_options_init (&options);
        options.time_zone = self->utc;
        observed = fm_observed_compute (self->log, mapping, self->map, &options);
        series = fm_observed_series_compute (self->log, mapping, self->map, observed, &options);
        g_assert_cmpuint (series->bands->len, >=, 2);
      }
      break;
    case BENCH_SCALING_MATCH:
      {
        g_autoptr(FmObservedMapping) mapping = fm_observed_mapping_new (self->log, self->map);

        g_assert_nonnull (fm_observed_mapping_get_node_id (mapping, 0));
      }
      break;
    case BENCH_SCALING_FAN:
      fm_edge_routes_free (fm_edge_routes_new (self->map));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The map of the case, (transfer none) (nullable): the fan's, to save
 * as a file and time the command line on it. */
FmMap *
bench_scaling_get_map (BenchScaling *self)
{
  return self->map;
}

void
bench_scaling_free (BenchScaling *self)
{
  g_clear_pointer (&self->series, fm_observed_series_unref);
  g_clear_pointer (&self->observed, fm_observed_unref);
  g_clear_pointer (&self->mapping, fm_observed_mapping_unref);
  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_object (&self->map);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_time_zone_unref (self->utc);
  g_free (self);
}
