/* fm-observed-evidence.h: before and after an experiment's start, from observed data */
#pragma once

#include "fm-kaizen.h"
#include "fm-observed.h"

G_BEGIN_DECLS

/* Fewer items than this on a side: too few to tell a change from chance. */
#define FM_EVIDENCE_FEW_ITEMS 10

/**
 * FmEvidenceSide:
 * @items: the finished items of the side
 * @lead_time_p50_s: their median lead time, NAN without any
 * @lead_time_p85_s: its 85th percentile
 * @throughput_per_week: the side's items finished a week, the mean over
 *   the complete weeks of the side; NAN without one
 * @weeks: those complete weeks
 */
typedef struct {
  guint items;
  double lead_time_p50_s;
  double lead_time_p85_s;
  double throughput_per_week;
  guint weeks;
} FmEvidenceSide;

/**
 * FmEvidenceNode:
 * @node_id: a process step or queue the experiment applies to
 * @before_median_s: the median of the stays that ended before the start,
 *   NAN without any
 * @after_median_s: the median of the stays that began on or after it
 * @before_count: those stays before
 * @after_count: and after
 */
typedef struct {
  char *node_id;
  double before_median_s;
  double after_median_s;
  guint before_count;
  guint after_count;
} FmEvidenceNode;

/**
 * FmEvidence:
 * @kaizen_id: the experiment
 * @started: its start date
 * @start: the midnight that begins it, in the data's time zone
 * @before: the items that finished before @start
 * @after: the items that started on or after @start and have finished
 * @in_flight: items started before @start and not finished before it:
 *   on neither side
 * @unfinished: items started on or after @start and not finished yet
 * @nodes: #FmEvidenceNode of each process step and queue it applies to,
 *   in the order of its applies_to
 *
 * See docs/observed.md, "Experiments".
 */
typedef struct {
  char *kaizen_id;
  GDate started;
  gint64 start;
  FmEvidenceSide before;
  FmEvidenceSide after;
  guint in_flight;
  guint unfinished;
  GArray *nodes;
} FmEvidence;

gboolean    fm_evidence_parse_started (FmKaizen                *kaizen,
                                       GDate                   *date);
GPtrArray  *fm_evidence_compute       (FmObservedLog           *log,
                                       FmObservedMapping       *mapping,
                                       FmMap                   *map,
                                       FmObserved              *observed,
                                       const FmObservedOptions *options);
void        fm_evidence_free          (FmEvidence              *self);
gboolean    fm_evidence_is_weak       (const FmEvidence        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmEvidence, fm_evidence_free)

G_END_DECLS
