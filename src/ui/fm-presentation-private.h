/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-presentation-private.h: what the presentation's files share */
#pragma once

#include "fm-comparison.h"
#include "fm-metrics.h"
#include "fm-observed-session.h"
#include "fm-presentation.h"
#include "fm-presentation-charts.h"
#include "fm-slide.h"

G_BEGIN_DECLS

typedef enum {
  SLIDE_MAP,
  SLIDE_CONSTRAINT,
  SLIDE_BALANCE,
  SLIDE_COMPARISON,
  SLIDE_EXPERIMENT,
  SLIDE_CHART,
} SlideKind;

typedef struct {
  SlideKind kind;
  FmMap *map;         /* borrowed from the document */
  char *node_id;      /* the constraint, or the node an experiment changes */
  char *title;
  char *caption;
  char *body;         /* an experiment's figures, a line each */
  FmMap *part;        /* a close-up: node_id's neighbourhood alone */
  gboolean changes;   /* the future state, with its differences drawn */
  FmSlideChart *chart;
} Slide;

struct _FmPresentation
{
  GtkWidget parent_instance;

  FmDocument *document;
  FmMap *shown;
  FmMap *current;
  FmMap *future;
  FmMetrics *metrics;          /* of the current state */
  FmMetrics *future_metrics;
  FmComparison *comparison;    /* current → future */
  FmObservedSession *observed; /* nullable: the window's imported data */
  FmSlideSimulation *simulation; /* nullable: the Simulate page's last run */
  GPtrArray *slides;
  guint slide;
  guint rebuild_id;
};

/* fm-presentation-slides.c */
void fm_presentation_slide_free   (Slide          *slide);
void fm_presentation_build_slides (FmPresentation *self);

G_END_DECLS
