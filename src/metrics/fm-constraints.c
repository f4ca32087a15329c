/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-constraints.c: which steps and queues hold the flow back, and why
 *
 * score = share of the lead time spent in the node
 *       + how far its utilization, or its cycle time over the takt time,
 *         goes past 100 %
 *       + ½ × the rework time it sends or receives, as a share of the lead time
 *       + ¼ × the share of its output that is not complete and accurate
 * Time spent weighs most: waiting is what lengthens lead time. The reason
 * given is the largest of these terms, in words.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fm-balance.h"
#include "fm-duration.h"
#include "fm-edge.h"
#include "fm-metrics-private.h"
#include "fm-process-step.h"
#include "fm-util.h"

typedef enum {
  TERM_SHARE,
  TERM_OVERLOAD,
  TERM_REWORK,
  TERM_PCA,
  N_TERMS
} Term;

/* A step that cannot keep up comes before any delay (Goldratt: the
 * constraint is the resource at or over its capacity); then the score. */
static inline gboolean
ranks_before (const FmConstraint *a,
              const FmConstraint *b)
{
  if (a->at_capacity != b->at_capacity)
    return a->at_capacity;
  return a->score > b->score;
}

/* A step whose cycle time exceeds the takt time cannot meet the demand:
 * Learning to See names it with both numbers. */
static char *
describe_over_takt (const FmConstraint *constraint)
{
  /* In the takt's unit, so that the two compare at a glance */
  g_autofree char *cycle = fm_duration_format_figure_like (constraint->cycle_time_s, constraint->takt_time_s,
                                                           constraint->day_length_s);
  g_autofree char *takt = fm_duration_format_figure (constraint->takt_time_s, FM_DURATION_PROCESS,
                                                     constraint->lead_unit, constraint->day_length_s);

  /* Translators: a step's cycle time against the takt time, as in
   * "62 s per piece against a takt of 60 s" */
  return g_strdup_printf (_("%s per piece against a takt of %s"), cycle, takt);
}

/* Sorts @items, the constraints first, then by score, highest first, keeping the order of equal
 * scores: a merge sort, bottom up, through @spare of the same length.
 * g_ptr_array_sort() calls a comparison function for each of the 300,000
 * comparisons a big map needs, which took a fifth of the metrics. */
static void
sort_by_score (FmConstraint **items,
               FmConstraint **spare,
               guint          n)
{
  FmConstraint **from = items, **to = spare;

  for (guint width = 1; width < n; width *= 2)
    {
      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint i = lo, j = mid, k = lo;

          /* The left run wins ties: that keeps the map's order. */
          while (i < mid && j < hi)
            to[k++] = ranks_before (from[j], from[i]) ? from[j++] : from[i++];
          while (i < mid)
            to[k++] = from[i++];
          while (j < hi)
            to[k++] = from[j++];
        }
      FmConstraint **t = from;
      from = to;
      to = t;
    }

  if (from != items)
    memcpy (items, from, n * sizeof (FmConstraint *));
}

/* One argument of a reason: a number for "%.0f" or a text for "%s". */
typedef struct {
  const char *text; /* NULL for a number */
  double number;
} Arg;

#define NUMBER(x) ((Arg) { NULL, (x) })
#define TEXT(x) ((Arg) { (x), 0 })

/* Formats the few directives the reasons use ("%.0f", "%s", "%%") without
 * printf, which took a quarter of the metrics of a big map. Returns NULL
 * for anything else (a translation's "%1$s", a negative or huge number):
 * printf does it then. "%.0f" of a whole-number-rounded value is its
 * digits; rint() rounds halves to even, as printf does. */
static char *
format_args (const char *format,
             const Arg  *args,
             guint       n_args)
{
  GString *text = g_string_sized_new (96);
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *percent = strchr (p, '%');

      if (percent == NULL)
        {
          g_string_append (text, p);
          break;
        }
      g_string_append_len (text, p, percent - p);
      p = percent;

      if (p[1] == '%')
        {
          g_string_append_c (text, '%');
          p++;
        }
      else if (p[1] == 's' && next < n_args && args[next].text != NULL)
        {
          g_string_append (text, args[next++].text);
          p++;
        }
      else if (p[1] == '.' && p[2] == '0' && p[3] == 'f' && next < n_args && args[next].text == NULL &&
               isfinite (args[next].number) && args[next].number >= 0 && args[next].number < 1e15)
        {
          fm_string_append_uint (text, (guint64) rint (args[next++].number));
          p += 3;
        }
      else
        {
          g_string_free (text, TRUE);
          return NULL;
        }
    }

  if (next != n_args)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

/* @out = @msgid translated and filled in with @args, which are the same
 * as the printf arguments that follow (printf checks them against it). */
#define FORMAT_REASON(out, msgid, args, ...) \
  G_STMT_START { \
    const char *format_ = _(msgid); \
    (out) = format_args (format_, (args), G_N_ELEMENTS (args)); \
    if ((out) == NULL) \
      (out) = g_strdup_printf (_(msgid), __VA_ARGS__); \
  } G_STMT_END

/* A time in the reasons, a share of the lead time: as lead times read. */
static char *
lead_text (const FmConstraint *constraint,
           double              seconds)
{
  return fm_duration_format_figure (seconds, FM_DURATION_LEAD, constraint->lead_unit, constraint->day_length_s);
}

static char *
describe (const FmConstraint *constraint)
{
  const char *label = constraint->label;
  char *text = NULL;

  switch ((Term) constraint->cause)
    {
    case TERM_SHARE:
      {
        g_autofree char *time = lead_text (constraint, constraint->time_s);
        double share = 100 * constraint->time_s / constraint->lead_time_s;
        Arg args[] = { NUMBER (share), TEXT (label), TEXT (time) };

        /* Translators: "43 % of lead time: Waiting for security review, 12 d" */
        FORMAT_REASON (text, N_("%.0f %% of lead time: %s, %s"), args, share, label, time);
        return text;
      }
    case TERM_OVERLOAD:
      {
        double percent = 100 * constraint->utilization;
        Arg args[] = { NUMBER (percent) };

        if (constraint->over_takt)
          return describe_over_takt (constraint);
        FORMAT_REASON (text, N_("Overloaded: needs %.0f %% of the people’s available time at this demand"), args,
                       percent);
        return text;
      }
    case TERM_REWORK:
      {
        g_autofree char *rework = lead_text (constraint, constraint->rework_s);
        Arg args[] = { TEXT (label), TEXT (rework) };

        FORMAT_REASON (text, N_("Rework through %s adds %s to the lead time on average"), args, label, rework);
        return text;
      }
    case TERM_PCA:
      {
        double pca = constraint->pca;
        Arg args[] = { NUMBER (pca), TEXT (label) };

        FORMAT_REASON (text, N_("Only %.0f %% of the work leaving %s is complete and accurate"), args, pca, label);
        return text;
      }
    case N_TERMS:
    default:
      g_assert_not_reached ();
    }
}

/* The same causes as a clause that follows the main reason. */
static char *
describe_briefly (const FmConstraint *constraint)
{
  char *text = NULL;

  switch ((Term) constraint->second_cause)
    {
    case TERM_SHARE:
      {
        double share = 100 * constraint->time_s / constraint->lead_time_s;
        Arg args[] = { NUMBER (share) };

        FORMAT_REASON (text, N_("%.0f %% of lead time"), args, share);
        return text;
      }
    case TERM_OVERLOAD:
      {
        double percent = 100 * constraint->utilization;
        Arg args[] = { NUMBER (percent) };

        FORMAT_REASON (text, N_("overloaded at %.0f %%"), args, percent);
        return text;
      }
    case TERM_REWORK:
      {
        g_autofree char *rework = lead_text (constraint, constraint->rework_s);
        Arg args[] = { TEXT (rework) };

        FORMAT_REASON (text, N_("rework adds %s"), args, rework);
        return text;
      }
    case TERM_PCA:
      {
        double pca = constraint->pca;
        Arg args[] = { NUMBER (pca) };

        FORMAT_REASON (text, N_("%.0f %% complete and accurate"), args, pca);
        return text;
      }
    case N_TERMS:
    default:
      g_assert_not_reached ();
    }
}

/* Why a queue fills: the step after it cannot keep up, or it could and
 * the wait is a policy (a batch, a window, an approval). */
static char *
describe_fed_step (const FmConstraint *constraint)
{
  double percent = 100 * constraint->fed_utilization;
  const char *label = fm_node_get_label (constraint->fed_step);
  const char *step = label != NULL ? label : "";
  Arg args[] = { TEXT (step), NUMBER (percent) };
  char *text = NULL;

  if (constraint->fed_utilization >= 1)
    /* Translators: "Security review at 120 % of capacity: it cannot keep up" */
    FORMAT_REASON (text, N_("%s at %.0f %% of capacity: it cannot keep up"), args, step, percent);
  else
    /* Translators: "Security review at 10 % load: a policy delay, not capacity" */
    FORMAT_REASON (text, N_("%s at %.0f %% load: a policy delay, not capacity"), args, step, percent);
  return text;
}

/**
 * fm_constraint_get_reason:
 *
 * The reason @constraint holds the flow back, in words of the messages'
 * locale at the first call: formatted then and kept with @constraint.
 *
 * Returns: (transfer none): the reason, as long as the metrics live
 */
const char *
fm_constraint_get_reason (FmConstraint *constraint)
{
  g_return_val_if_fail (constraint != NULL, NULL);

  if (constraint->cached_reason == NULL)
    {
      char *text = describe (constraint);

      /* A second cause that weighs at least half as much is named too, so
       * that the ranking can be followed from the reasons. */
      /* A queue is the symptom of the step it feeds, or of a policy. */
      if (constraint->fed_step != NULL && !isnan (constraint->fed_utilization))
        {
          g_autofree char *first = text;
          g_autofree char *more = describe_fed_step (constraint);

          text = g_strconcat (first, "; ", more, NULL);
        }
      if (constraint->second_cause != N_TERMS)
        {
          g_autofree char *first = text;
          g_autofree char *more = describe_briefly (constraint);

          text = g_strconcat (first, "; ", more, NULL);
        }
      constraint->cached_reason = text;
    }

  return constraint->cached_reason;
}

/* The step each queue feeds (the first process step a flow edge leads to
 * from it), by position; G_MAXUINT for none. */
static guint *
fed_steps (const FmMetricsInput *input,
           FmMap                *map)
{
  guint *fed = g_new (guint, MAX (input->n_nodes, 1));

  for (guint i = 0; i < input->n_nodes; i++)
    fed[i] = G_MAXUINT;
  for (guint i = 0; i < input->n_edges; i++)
    {
      guint from = input->edge_from[i], to = input->edge_to[i];

      if (from == G_MAXUINT || to == G_MAXUINT || fed[from] != G_MAXUINT ||
          input->facts[from].kind != FM_NODE_KIND_QUEUE || input->facts[to].kind != FM_NODE_KIND_PROCESS ||
          !fm_edge_is_flow (fm_map_get_edge (map, i)))
        continue;
      fed[from] = to;
    }

  return fed;
}

void
fm_constraints_rank (FmMetrics            *metrics,
                     const FmMetricsInput *input,
                     FmDocument           *document,
                     FmMap                *map)
{
  g_autofree guint *fed = NULL;
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  FmTimeUnit unit = document ? fm_document_get_lead_time_unit (document) : FM_TIME_UNIT_DAYS;
  double lead = metrics->lead_time_s;
  double takt = metrics->takt_time_s;
  const FmNodeFigures *all_figures = (const FmNodeFigures *) (gconstpointer) metrics->figures->data;
  guint n_candidates = 0, n = 0;

  for (guint i = 0; i < input->n_nodes; i++)
    n_candidates += input->facts[i].kind == FM_NODE_KIND_QUEUE || input->facts[i].kind == FM_NODE_KIND_PROCESS;
  if (n_candidates == 0)
    return;

  /* One block for all of them, and one chunk for their words: a big map
   * has 20,000 queues and steps. */
  metrics->constraint_block = g_new (FmConstraint, n_candidates);
  metrics->strings = g_string_chunk_new (16384);
  fed = fed_steps (input, map);

  for (guint i = 0; i < input->n_nodes; i++)
    {
      const FmNodeFacts *facts = &input->facts[i];
      const FmNodeFigures *figures = &all_figures[i];
      double terms[N_TERMS] = { 0 };
      Term largest = TERM_SHARE, second = N_TERMS;
      FmConstraint *constraint;
      const char *label;
      double score = 0;
      double cycle = NAN;
      gboolean over_takt = FALSE;
      gboolean cannot_keep_up;

      if (facts->kind != FM_NODE_KIND_QUEUE && facts->kind != FM_NODE_KIND_PROCESS)
        continue;

      if (figures->on_path && lead > 0)
        terms[TERM_SHARE] = figures->time_s / lead;
      if (!isnan (figures->utilization) && figures->utilization > 1)
        terms[TERM_OVERLOAD] = figures->utilization - 1;
      if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          cycle = fm_balance_cycle_time (facts->node);
          over_takt = fm_balance_exceeds_takt (cycle, takt);
          /* With people unknown there is no utilization, but a cycle time
           * over the takt still says the step cannot keep up. */
          if (over_takt)
            terms[TERM_OVERLOAD] = MAX (terms[TERM_OVERLOAD], cycle / takt - 1);
        }
      cannot_keep_up = over_takt || (!isnan (figures->utilization) && figures->utilization >= 1);
      if (lead > 0)
        terms[TERM_REWORK] = figures->rework_s / lead / 2;
      /* Where rework already comes back to the step, it stands for the
       * same defects as its %C&A: not counted twice. */
      if (facts->kind == FM_NODE_KIND_PROCESS && fm_value_is_set (facts->pca) && figures->rework_s <= 0)
        terms[TERM_PCA] = (1 - facts->pca / 100) / 4;

      for (Term t = 0; t < N_TERMS; t++)
        {
          score += terms[t];
          if (terms[t] > terms[largest])
            largest = t;
        }
      /* A step that cannot keep up is named for that first. */
      if (cannot_keep_up)
        largest = TERM_OVERLOAD;
      for (Term t = 0; t < N_TERMS; t++)
        if (t != largest && terms[t] > 0 && (second == N_TERMS || terms[t] > terms[second]))
          second = t;

      if (score <= 0 && !cannot_keep_up)
        continue;

      constraint = &metrics->constraint_block[n++];
      label = fm_node_get_label (facts->node);
      constraint->id = g_string_chunk_insert (metrics->strings, fm_node_get_id (facts->node));
      constraint->label = label != NULL ? g_string_chunk_insert (metrics->strings, label) : NULL;
      constraint->score = score;
      constraint->at_capacity = cannot_keep_up;
      /* The step, not its label: a big map has 10,000 queues, and a
       * reader asks for the reasons of a few. */
      constraint->fed_step = fed[i] != G_MAXUINT ? input->facts[fed[i]].node : NULL;
      constraint->fed_utilization = fed[i] != G_MAXUINT ? all_figures[fed[i]].utilization : NAN;
      constraint->cached_reason = NULL;
      constraint->time_s = figures->time_s;
      constraint->utilization = figures->utilization;
      constraint->rework_s = figures->rework_s;
      constraint->pca = facts->pca;
      constraint->lead_time_s = lead;
      constraint->day_length_s = day;
      constraint->lead_unit = unit;
      constraint->cycle_time_s = cycle;
      constraint->takt_time_s = takt;
      constraint->over_takt = over_takt;
      constraint->cause = largest;
      constraint->second_cause = second != N_TERMS && terms[second] >= terms[largest] / 2 ? second : N_TERMS;
      g_ptr_array_add (metrics->constraints, constraint);
    }

  {
    g_autofree FmConstraint **spare = g_new (FmConstraint *, MAX (metrics->constraints->len, 1));

    sort_by_score ((FmConstraint **) metrics->constraints->pdata, spare, metrics->constraints->len);
  }
}
