/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-comparison.c: a current state against a future state
 *
 * Steps are matched by id: a future state made from a current one keeps its
 * node ids, so a step that kept its id is the same step, changed or not.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-comparison.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-process-step.h"
#include "fm-working-time.h"

static gboolean
is_step (FmNode *node)
{
  return fm_node_get_kind (node) == FM_NODE_KIND_PROCESS ||
         fm_node_get_kind (node) == FM_NODE_KIND_QUEUE;
}

static double
process_time (FmNode *node)
{
  return FM_IS_PROCESS_STEP (node) ? fm_process_step_get_process_s (FM_PROCESS_STEP (node)) : FM_UNSET;
}

static FmStepChange *
step_change_new (FmNode       *node,
                 FmStepStatus  status,
                 double        time_from_s,
                 double        time_to_s)
{
  FmStepChange *change = g_new0 (FmStepChange, 1);

  change->id = g_strdup (fm_node_get_id (node));
  change->label = g_strdup (fm_node_get_label (node));
  change->kind = fm_node_get_kind (node);
  change->status = status;
  change->time_from_s = time_from_s;
  change->time_to_s = time_to_s;

  return change;
}

static void
step_change_free (FmStepChange *change)
{
  g_free (change->id);
  g_free (change->label);
  g_free (change);
}

/* Shares: their change is a difference in percentage points, since a
 * relative change of a share (3.1 % → 10.8 %, "+253 %") reads as if the
 * share had grown by that much. */
static gboolean
is_ratio (const char *name)
{
  return g_str_equal (name, "flow_efficiency") || g_str_equal (name, "rolled_pca") ||
         g_str_equal (name, "rework_flow_efficiency");
}

/* The document's inputs, not results of a map: equal in two maps, they are
 * what both are measured against. */
static gboolean
is_input (const char *name)
{
  return g_str_equal (name, "throughput_per_day") || g_str_equal (name, "takt_time_s");
}

static void
add_figure (FmComparison *self,
            const char   *name,
            double        from,
            double        to)
{
  FmFigureChange change = { name, from, to, NAN, FM_CHANGE_RELATIVE };

  if (is_input (name) && (from == to || (isnan (from) && isnan (to))))
    change.kind = FM_CHANGE_REFERENCE;
  else if (is_ratio (name))
    {
      change.kind = FM_CHANGE_POINTS;
      if (!isnan (from) && !isnan (to))
        change.change = to - from;
    }
  else if (!isnan (from) && !isnan (to) && from != 0)
    change.change = (to - from) / from;

  g_array_append_val (self->figures, change);
}

/**
 * fm_figure_change_format:
 *
 * Words the change of @change by its kind: "−75 %" for a relative change,
 * "+7.8 pp" for a ratio, "" for a reference or when it is undefined.
 *
 * Returns: (transfer full): the text
 */
char *
fm_figure_change_format (const FmFigureChange *change)
{
  g_autofree char *number = NULL;
  double points;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->kind == FM_CHANGE_RELATIVE)
    return fm_figure_format_change (change->change);
  if (change->kind == FM_CHANGE_REFERENCE || !isfinite (change->change))
    return g_strdup ("");

  points = round (1000 * change->change) / 10;
  number = fm_format_decimal ("%.1f", fabs (points));
  if (points == 0)
    /* Translators: no change, in percentage points */
    return g_strdup_printf (_("±%s pp"), number);

  /* Translators: a change in percentage points: the sign, then the number,
   * as in "+7.8 pp" */
  return g_strdup_printf (_("%s%s pp"), points < 0 ? "−" : "+", number);
}

/**
 * fm_comparison_new:
 * @document: (nullable): gives the demand and the day length
 *
 * Returns: (transfer full): how @to differs from @from
 */
FmComparison *
fm_comparison_new (FmDocument *document,
                   FmMap      *from,
                   FmMap      *to)
{
  FmComparison *self;
  FmMetrics *a, *b;
  guint n;

  g_return_val_if_fail (FM_IS_MAP (from), NULL);
  g_return_val_if_fail (FM_IS_MAP (to), NULL);

  self = g_new0 (FmComparison, 1);
  self->from = from;
  self->to = to;
  self->from_metrics = a = fm_metrics_compute (document, from, NULL);
  self->to_metrics = b = fm_metrics_compute (document, to, NULL);
  self->figures = g_array_new (FALSE, FALSE, sizeof (FmFigureChange));
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_change_free);

  add_figure (self, "lead_time_s", a->lead_time_s, b->lead_time_s);
  add_figure (self, "process_time_s", a->process_time_s, b->process_time_s);
  add_figure (self, "flow_efficiency", a->flow_efficiency, b->flow_efficiency);
  add_figure (self, "rolled_pca", a->rolled_pca, b->rolled_pca);
  add_figure (self, "rework_adjusted_lead_time_s", a->rework_adjusted_lead_time_s,
              b->rework_adjusted_lead_time_s);
  add_figure (self, "wip", a->wip, b->wip);
  add_figure (self, "throughput_per_day", a->throughput_per_day, b->throughput_per_day);
  add_figure (self, "littles_law_lead_time_s", a->littles_law_lead_time_s, b->littles_law_lead_time_s);
  add_figure (self, "takt_time_s", a->takt_time_s, b->takt_time_s);
  add_figure (self, "handoffs", a->handoffs, b->handoffs);

  n = fm_map_get_n_nodes (from);
  for (guint i = 0; i < n; i++)
    {
      FmNode *old = fm_map_get_node (from, i);
      FmNode *new = fm_map_lookup_node (to, fm_node_get_id (old));
      double t_old = fm_metrics_node_time (document, old);

      if (!is_step (old))
        continue;

      if (new == NULL || !is_step (new))
        {
          g_ptr_array_add (self->steps, step_change_new (old, FM_STEP_REMOVED, t_old, NAN));
        }
      else
        {
          double t_new = fm_metrics_node_time (document, new);
          gboolean same = t_old == t_new &&
                          process_time (old) == process_time (new) &&
                          fm_node_get_kind (old) == fm_node_get_kind (new);

          g_ptr_array_add (self->steps, step_change_new (new, same ? FM_STEP_SAME : FM_STEP_CHANGED,
                                                         t_old, t_new));
        }
    }

  n = fm_map_get_n_nodes (to);
  for (guint i = 0; i < n; i++)
    {
      FmNode *new = fm_map_get_node (to, i);
      FmNode *old = fm_map_lookup_node (from, fm_node_get_id (new));

      if (is_step (new) && (old == NULL || !is_step (old)))
        g_ptr_array_add (self->steps,
                         step_change_new (new, FM_STEP_ADDED, NAN,
                                          fm_metrics_node_time (document, new)));
    }

  return self;
}

/**
 * fm_comparison_describe_reference:
 * @day_length_s: the document's day length
 *
 * The inputs equal in both maps, in one line, to be shown once beside the
 * figures: "The same in both maps: Throughput 0.14 a day · Takt time 40 h
 * of work · one every 7 d".
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when there is no
 *   such input
 */
char *
fm_comparison_describe_reference (const FmComparison *self,
                                  double              day_length_s)
{
  g_autoptr(GString) line = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->figures->len; i++)
    {
      const FmFigureChange *f = &g_array_index (self->figures, FmFigureChange, i);
      g_autofree char *value = NULL;

      if (f->kind != FM_CHANGE_REFERENCE || isnan (f->from))
        continue;

      value = g_str_equal (f->name, "takt_time_s")
              ? fm_takt_format (self->from_metrics->takt_time_s, self->from_metrics->takt_interval_s, day_length_s)
              : fm_figure_format_value (f->name, f->from, day_length_s);
      if (line == NULL)
        /* Translators: before the inputs equal in both maps compared */
        line = g_string_new (_("The same in both maps:"));
      else
        g_string_append (line, " ·");
      g_string_append_printf (line, " %s %s", fm_figure_get_title (f->name), value);
    }

  return line != NULL ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

void
fm_comparison_free (FmComparison *self)
{
  if (self == NULL)
    return;

  fm_metrics_free (self->from_metrics);
  fm_metrics_free (self->to_metrics);
  g_array_unref (self->figures);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

/**
 * fm_comparison_default_pair:
 * @from: (out) (transfer none): the first current-state map that a future
 *   state is based on
 * @to: (out) (transfer none): the first future-state map based on it
 *
 * Returns: %FALSE when the document has no such pair
 */
gboolean
fm_comparison_default_pair (FmDocument  *document,
                            FmMap      **from,
                            FmMap      **to)
{
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);

  n = fm_document_get_n_maps (document);
  for (guint i = 0; i < n; i++)
    {
      FmMap *current = fm_document_get_map (document, i);

      if (fm_map_get_state (current) != FM_MAP_STATE_CURRENT)
        continue;

      for (guint j = 0; j < n; j++)
        {
          FmMap *future = fm_document_get_map (document, j);

          if (fm_map_get_state (future) == FM_MAP_STATE_FUTURE &&
              g_strcmp0 (fm_map_get_based_on (future), fm_map_get_id (current)) == 0)
            {
              *from = current;
              *to = future;
              return TRUE;
            }
        }
    }

  return FALSE;
}

const char *
fm_step_status_to_string (FmStepStatus status)
{
  static const char *names[] = { "same", "changed", "added", "removed" };

  g_return_val_if_fail (status <= FM_STEP_REMOVED, NULL);

  return names[status];
}
