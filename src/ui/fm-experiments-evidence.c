/* fm-experiments-evidence.c: the Experiments page's before and after, from the window's observed data
 *
 * With observed data imported, each experiment with a start date gets the
 * figures of fm_evidence_compute() (src/metrics) in words: the stays in
 * the nodes it applies to and the lead time, before → after, with how
 * many they are of, and a warning when a side has too few items. The
 * data is looked at as the Observed page shows it: the same as-of date
 * and the same types (FmObservedSession).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-experiments-view"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-experiments-evidence.h"

/* Whether any experiment of @map has a start date: else nothing to compute. */
static gboolean
has_started (FmMap *map)
{
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      if (FM_IS_KAIZEN (node) && fm_kaizen_get_started (FM_KAIZEN (node)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * fm_experiments_evidence_compute:
 * @session: (nullable): the window's observed data
 * @document: the document of @map, whose working calendar counts when
 *   the session counts in working time
 * @day_length_s: (out): the day of the durations: a working day of the
 *   calendar, or the document's
 *
 * Returns: (transfer full) (nullable) (element-type FmEvidence): the
 *   evidence of @map's experiments, %NULL without data or start dates
 */
GPtrArray *
fm_experiments_evidence_compute (FmObservedSession *session,
                                 FmDocument        *document,
                                 FmMap             *map,
                                 double            *day_length_s)
{
  FmObservedLog *log = session != NULL ? fm_observed_session_get_log (session) : NULL;
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autoptr(FmObserved) observed = NULL;
  g_autoptr(FmCalendar) calendar = NULL;
  FmObservedOptions options;

  *day_length_s = document != NULL ? fm_document_get_day_length_s (document) : FM_DEFAULT_DAY_LENGTH_S;
  if (log == NULL || map == NULL || !has_started (map))
    return NULL;

  calendar = fm_observed_session_dup_calendar (session, document);
  if (calendar != NULL)
    *day_length_s = fm_calendar_day_length_s (calendar);

  mapping = fm_observed_session_dup_mapping (session, map);
  fm_observed_options_init (&options);
  fm_observed_session_fill_options (session, &options);
  options.calendar = calendar;
  observed = fm_observed_compute (log, mapping, map, &options);

  return fm_evidence_compute (log, mapping, map, observed, &options);
}

/* Returns: (nullable): the evidence of @kaizen_id */
const FmEvidence *
fm_experiments_evidence_lookup (GPtrArray  *evidence,
                                const char *kaizen_id)
{
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const FmEvidence *e = evidence->pdata[i];

      if (g_str_equal (e->kaizen_id, kaizen_id))
        return e;
    }

  return NULL;
}

static char *
duration (double seconds,
          double day_length_s)
{
  /* Stays and lead times are waits, read as the map's figures are: "13.8 d". */
  return isfinite (seconds) ? fm_duration_format_figure (seconds, FM_DURATION_LEAD, FM_TIME_UNIT_DAYS, day_length_s)
                            : g_strdup ("–");
}

/**
 * fm_experiments_evidence_describe:
 *
 * Returns: (transfer full): lines such as "Waiting for security review:
 *   13.8 d → 4.7 d, 42 → 53 stays"
 */
char *
fm_experiments_evidence_describe (const FmEvidence *e,
                                  FmMap            *map,
                                  double            day)
{
  GString *text = g_string_new (NULL);
  g_autofree char *lead_before = duration (e->before.lead_time_p50_s, day);
  g_autofree char *lead_after = duration (e->after.lead_time_p50_s, day);

  for (guint i = 0; i < e->nodes->len; i++)
    {
      const FmEvidenceNode *node = &g_array_index (e->nodes, FmEvidenceNode, i);
      FmNode *model = fm_map_lookup_node (map, node->node_id);
      const char *label = model != NULL && *fm_node_get_label (model) ? fm_node_get_label (model) : node->node_id;
      g_autofree char *before = duration (node->before_median_s, day);
      g_autofree char *after = duration (node->after_median_s, day);

      /* Translators: the median stay in a node before and after an
       * experiment's start, and how many stays each is of, as in
       * "Waiting for security review: 13.8 d → 4.7 d, 42 → 53 stays" */
      g_string_append_printf (text, _("%s: %s → %s, %u → %u stays\n"), label, before, after,
                              node->before_count, node->after_count);
    }

  /* Translators: the median lead time before and after an experiment's
   * start, and of how many finished items, as in "Lead time: 60.0 d → 50.0 d, 18 → 17 items" */
  g_string_append_printf (text, _("Lead time: %s → %s, %u → %u items"), lead_before, lead_after,
                          e->before.items, e->after.items);
  if (e->in_flight > 0 || e->unfinished > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the items on neither side of an experiment's start */
      g_string_append_printf (text, _("Left out: %u in flight at the start, %u not finished since"),
                              e->in_flight, e->unfinished);
    }
  if (fm_evidence_is_weak (e))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Fewer than %u items on a side: too few to tell a change from chance"),
                              FM_EVIDENCE_FEW_ITEMS);
    }

  return g_string_free (text, FALSE);
}

/**
 * fm_experiments_evidence_baseline:
 *
 * What the data says the measure was before the change: the median stay
 * before the start in the first node the experiment applies to that has
 * any, or else the median lead time of the items finished before it.
 *
 * Returns: (transfer full) (nullable): a duration such as "13.8 d",
 *   %NULL when nothing finished before the start
 */
char *
fm_experiments_evidence_baseline (const FmEvidence *e,
                                  double            day)
{
  for (guint i = 0; i < e->nodes->len; i++)
    {
      const FmEvidenceNode *node = &g_array_index (e->nodes, FmEvidenceNode, i);

      if (node->before_count > 0)
        return duration (node->before_median_s, day);
    }

  return e->before.items > 0 ? duration (e->before.lead_time_p50_s, day) : NULL;
}

/**
 * fm_experiments_evidence_describe_measure:
 *
 * Returns: (transfer full) (nullable): the experiment's measure, its
 *   baseline and its target, as in "Days from code complete to security
 *   sign-off: 16 d → 1 d"; %NULL when it has none of them
 */
char *
fm_experiments_evidence_describe_measure (FmKaizen *kaizen)
{
  const char *measure = fm_kaizen_get_measure (kaizen);
  const char *baseline = fm_kaizen_get_baseline (kaizen);
  const char *target = fm_kaizen_get_target (kaizen);

  if (measure == NULL && baseline == NULL && target == NULL)
    return NULL;

  /* Translators: an experiment's measure, its baseline and its target, as in
   * "Days from code complete to security sign-off: 16 d → 1 d" */
  return g_strdup_printf (_("%s: %s → %s"), measure ? measure : _("Measure"),
                          baseline ? baseline : "?", target ? target : "?");
}

/**
 * fm_experiments_evidence_describe_all:
 *
 * Returns: (transfer full): the measure with its baseline and target, then
 *   the figures of fm_experiments_evidence_describe(), a line each
 */
char *
fm_experiments_evidence_describe_all (FmKaizen         *kaizen,
                                      const FmEvidence *evidence,
                                      FmMap            *map,
                                      double            day_length_s)
{
  g_autofree char *measure = fm_experiments_evidence_describe_measure (kaizen);
  g_autofree char *figures = fm_experiments_evidence_describe (evidence, map, day_length_s);

  return measure != NULL ? g_strconcat (measure, "\n", figures, NULL) : g_steal_pointer (&figures);
}

/**
 * fm_experiments_evidence_format_started:
 *
 * Returns: (transfer full): the experiment's start date, as in "17 August 2026"
 */
char *
fm_experiments_evidence_format_started (const FmEvidence *evidence)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (&evidence->started),
                                                      g_date_get_month (&evidence->started),
                                                      g_date_get_day (&evidence->started), 0, 0, 0);

  /* Translators: a date, see the strftime() manual; as in "17 August 2026" */
  return g_date_time_format (start, _("%-d %B %Y"));
}
