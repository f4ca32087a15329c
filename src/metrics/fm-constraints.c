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
#include <string.h>

#include "fm-duration.h"
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

/* The reasons' formats, translated once per ranking rather than once per
 * node: a big map has tens of thousands of queues and steps. */
typedef struct {
  const char *reason[N_TERMS];
  const char *brief[N_TERMS];
} Formats;

static const char *translated (const char **slot,
                               const char  *msgid) G_GNUC_FORMAT (2);

static const char *
translated (const char **slot,
            const char  *msgid)
{
  if (*slot == NULL)
    *slot = _(msgid);

  return *slot;
}

static int
compare_constraints (gconstpointer a,
                     gconstpointer b)
{
  const FmConstraint *ca = *(FmConstraint * const *) a;
  const FmConstraint *cb = *(FmConstraint * const *) b;

  return (ca->score < cb->score) - (ca->score > cb->score);
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
#define FORMAT_REASON(out, slot, msgid, args, ...) \
  G_STMT_START { \
    (out) = format_args (translated ((slot), (msgid)), (args), G_N_ELEMENTS (args)); \
    if ((out) == NULL) \
      (out) = g_strdup_printf (translated ((slot), (msgid)), __VA_ARGS__); \
  } G_STMT_END

static char *
describe (Formats       *formats,
          Term           term,
          FmNodeFigures *figures,
          double         lead_time_s,
          double         day_length_s)
{
  FmNode *node = figures->node;
  const char *label = fm_node_get_label (node);
  char *text = NULL;

  switch (term)
    {
    case TERM_SHARE:
      {
        /* Every queue and step of a big map gets a reason: format only the
         * duration the reason shows. */
        g_autofree char *time = fm_duration_format (figures->time_s, day_length_s);
        double share = 100 * figures->time_s / lead_time_s;
        Arg args[] = { NUMBER (share), TEXT (label), TEXT (time) };

        /* Translators: "43 % of lead time: Waiting for security review, 12 d" */
        FORMAT_REASON (text, &formats->reason[TERM_SHARE], N_("%.0f %% of lead time: %s, %s"), args,
                       share, label, time);
        return text;
      }
    case TERM_OVERLOAD:
      {
        double percent = 100 * figures->utilization;
        Arg args[] = { NUMBER (percent) };

        FORMAT_REASON (text, &formats->reason[TERM_OVERLOAD],
                       N_("Overloaded: needs %.0f %% of the people’s available time at this demand"), args,
                       percent);
        return text;
      }
    case TERM_REWORK:
      {
        g_autofree char *rework = fm_duration_format (figures->rework_s, day_length_s);
        Arg args[] = { TEXT (label), TEXT (rework) };

        FORMAT_REASON (text, &formats->reason[TERM_REWORK],
                       N_("Rework through %s adds %s to the lead time on average"), args,
                       label, rework);
        return text;
      }
    case TERM_PCA:
      {
        double pca = fm_process_step_get_pca (FM_PROCESS_STEP (node));
        Arg args[] = { NUMBER (pca), TEXT (label) };

        FORMAT_REASON (text, &formats->reason[TERM_PCA],
                       N_("Only %.0f %% of the work leaving %s is complete and accurate"), args,
                       pca, label);
        return text;
      }
    case N_TERMS:
    default:
      g_assert_not_reached ();
    }
}

/* The same causes as a clause that follows the main reason. */
static char *
describe_briefly (Formats       *formats,
                  Term           term,
                  FmNodeFigures *figures,
                  double         lead_time_s,
                  double         day_length_s)
{
  char *text = NULL;

  switch (term)
    {
    case TERM_SHARE:
      {
        double share = 100 * figures->time_s / lead_time_s;
        Arg args[] = { NUMBER (share) };

        FORMAT_REASON (text, &formats->brief[TERM_SHARE], N_("%.0f %% of lead time"), args, share);
        return text;
      }
    case TERM_OVERLOAD:
      {
        double percent = 100 * figures->utilization;
        Arg args[] = { NUMBER (percent) };

        FORMAT_REASON (text, &formats->brief[TERM_OVERLOAD], N_("overloaded at %.0f %%"), args, percent);
        return text;
      }
    case TERM_REWORK:
      {
        g_autofree char *rework = fm_duration_format (figures->rework_s, day_length_s);
        Arg args[] = { TEXT (rework) };

        FORMAT_REASON (text, &formats->brief[TERM_REWORK], N_("rework adds %s"), args, rework);
        return text;
      }
    case TERM_PCA:
      {
        double pca = fm_process_step_get_pca (FM_PROCESS_STEP (figures->node));
        Arg args[] = { NUMBER (pca) };

        FORMAT_REASON (text, &formats->brief[TERM_PCA], N_("%.0f %% complete and accurate"), args, pca);
        return text;
      }
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
  Formats formats = { { NULL } };

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
      constraint->reason = describe (&formats, largest, figures, lead, day);
      /* A second cause that weighs at least half as much is named too, so
       * that the ranking can be followed from the reasons. */
      if (second != N_TERMS && terms[second] >= terms[largest] / 2)
        {
          g_autofree char *first = constraint->reason;
          g_autofree char *more = describe_briefly (&formats, second, figures, lead, day);

          constraint->reason = g_strconcat (first, "; ", more, NULL);
        }
      g_ptr_array_add (metrics->constraints, constraint);
    }

  /* g_ptr_array_sort is stable: equal scores keep the map's order. */
  g_ptr_array_sort (metrics->constraints, compare_constraints);
}
