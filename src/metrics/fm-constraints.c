/* fm-constraints.c: which steps and queues hold the flow back, and why
 *
 * score = share of the lead time spent in the node
 *       + how far its utilization goes past 100 %
 *       + ½ × the rework time it sends or receives, as a share of the lead time
 *       + ¼ × the share of its output that is not complete and accurate
 * Time spent weighs most: waiting is what lengthens lead time. The reason
 * given is the largest of these terms, in words.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-metrics"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fm-duration.h"
#include "fm-metrics-private.h"
#include "fm-process-step.h"

typedef enum {
  TERM_SHARE,
  TERM_OVERLOAD,
  TERM_REWORK,
  TERM_PCA,
  N_TERMS
} Term;

static int
compare_constraints (gconstpointer a,
                     gconstpointer b)
{
  const FmConstraint *ca = *(FmConstraint * const *) a;
  const FmConstraint *cb = *(FmConstraint * const *) b;

  return (ca->score < cb->score) - (ca->score > cb->score);
}

static char *
describe (Term           term,
          FmNodeFigures *figures,
          double         lead_time_s,
          double         day_length_s)
{
  FmNode *node = figures->node;
  /* Every queue and step of a big map gets a reason: format only the
   * duration the reason shows. */
  g_autofree char *time = term == TERM_SHARE ? fm_duration_format (figures->time_s, day_length_s) : NULL;
  g_autofree char *rework = term == TERM_REWORK ? fm_duration_format (figures->rework_s, day_length_s) : NULL;

  switch (term)
    {
    case TERM_SHARE:
      /* Translators: "43 % of lead time: Waiting for security review, 12 d" */
      return g_strdup_printf (_("%.0f %% of lead time: %s, %s"),
                              100 * figures->time_s / lead_time_s,
                              fm_node_get_label (node), time);
    case TERM_OVERLOAD:
      return g_strdup_printf (_("Overloaded: needs %.0f %% of the people’s available time at this demand"),
                              100 * figures->utilization);
    case TERM_REWORK:
      return g_strdup_printf (_("Rework through %s adds %s to the lead time on average"),
                              fm_node_get_label (node), rework);
    case TERM_PCA:
      return g_strdup_printf (_("Only %.0f %% of the work leaving %s is complete and accurate"),
                              fm_process_step_get_pca (FM_PROCESS_STEP (node)),
                              fm_node_get_label (node));
    case N_TERMS:
    default:
      g_assert_not_reached ();
    }
}

/* The same causes as a clause that follows the main reason. */
static char *
describe_briefly (Term           term,
                  FmNodeFigures *figures,
                  double         lead_time_s,
                  double         day_length_s)
{
  g_autofree char *rework = term == TERM_REWORK ? fm_duration_format (figures->rework_s, day_length_s) : NULL;

  switch (term)
    {
    case TERM_SHARE:
      return g_strdup_printf (_("%.0f %% of lead time"), 100 * figures->time_s / lead_time_s);
    case TERM_OVERLOAD:
      return g_strdup_printf (_("overloaded at %.0f %%"), 100 * figures->utilization);
    case TERM_REWORK:
      return g_strdup_printf (_("rework adds %s"), rework);
    case TERM_PCA:
      return g_strdup_printf (_("%.0f %% complete and accurate"),
                              fm_process_step_get_pca (FM_PROCESS_STEP (figures->node)));
    case N_TERMS:
    default:
      g_assert_not_reached ();
    }
}

void
fm_constraints_rank (FmMetrics  *metrics,
                     FmDocument *document,
                     FmMap      *map)
{
  double day = document ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  double lead = metrics->lead_time_s;

  for (guint i = 0; i < metrics->figures->len; i++)
    {
      FmNodeFigures *figures = &g_array_index (metrics->figures, FmNodeFigures, i);
      FmNode *node = figures->node;
      double terms[N_TERMS] = { 0 };
      Term largest = TERM_SHARE, second = N_TERMS;
      FmConstraint *constraint;
      double score = 0;

      if (fm_node_get_kind (node) != FM_NODE_KIND_QUEUE &&
          fm_node_get_kind (node) != FM_NODE_KIND_PROCESS)
        continue;

      if (figures->on_path && lead > 0)
        terms[TERM_SHARE] = figures->time_s / lead;
      if (!isnan (figures->utilization) && figures->utilization > 1)
        terms[TERM_OVERLOAD] = figures->utilization - 1;
      if (lead > 0)
        terms[TERM_REWORK] = figures->rework_s / lead / 2;
      if (FM_IS_PROCESS_STEP (node) && fm_value_is_set (fm_process_step_get_pca (FM_PROCESS_STEP (node))))
        terms[TERM_PCA] = (1 - fm_process_step_get_pca (FM_PROCESS_STEP (node)) / 100) / 4;

      for (Term t = 0; t < N_TERMS; t++)
        {
          score += terms[t];
          if (terms[t] > terms[largest])
            largest = t;
        }
      for (Term t = 0; t < N_TERMS; t++)
        if (t != largest && terms[t] > 0 && (second == N_TERMS || terms[t] > terms[second]))
          second = t;

      if (score <= 0)
        continue;

      constraint = g_new0 (FmConstraint, 1);
      constraint->id = g_strdup (fm_node_get_id (node));
      constraint->label = g_strdup (fm_node_get_label (node));
      constraint->score = score;
      constraint->reason = describe (largest, figures, lead, day);
      /* A second cause that weighs at least half as much is named too, so
       * that the ranking can be followed from the reasons. */
      if (second != N_TERMS && terms[second] >= terms[largest] / 2)
        {
          g_autofree char *first = constraint->reason;
          g_autofree char *more = describe_briefly (second, figures, lead, day);

          constraint->reason = g_strdup_printf ("%s; %s", first, more);
        }
      g_ptr_array_add (metrics->constraints, constraint);
    }

  /* g_ptr_array_sort is stable: equal scores keep the map's order. */
  g_ptr_array_sort (metrics->constraints, compare_constraints);
}
