/* fm-timeline.h: the timeline ladder drawn under a map */
#pragma once

#include "fm-document.h"

G_BEGIN_DECLS

typedef struct {
  FmNode *node;         /* borrowed from the path */
  double x0;
  double x1;
  gboolean wait;        /* an upper rung: a queue; else a process step */
  double time_s;        /* the wait or the process time; FM_UNSET if unknown */
  double lead_s;        /* a process step's lead time, or FM_UNSET */
} FmTimelineRung;

typedef struct {
  GPtrArray *path;      /* FmNode: the flow path */
  GArray *rungs;        /* FmTimelineRung */
  double upper_y;       /* the level of the waits */
  double lower_y;       /* the level of the process times */
  FmRect totals;        /* the totals box at the right end */
  FmRect bounds;        /* all of it, labels included */
  double lead_s;        /* sum of the times of the path's nodes */
  double process_s;     /* sum of their process times */
} FmTimeline;

FmTimeline  *fm_timeline_new   (FmMap        *map,
                                FmDocument   *document,
                                const FmRect *content);
void         fm_timeline_free  (FmTimeline   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmTimeline, fm_timeline_free)

G_END_DECLS
