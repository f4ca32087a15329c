/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-figures.h: the figures of a map and their changes, in words people read */
#pragma once

#include <glib.h>

#include "fm-document.h"
#include "fm-duration.h"

G_BEGIN_DECLS

typedef enum {
  FM_TREND_NEUTRAL,
  FM_TREND_BETTER,
  FM_TREND_WORSE,
} FmTrend;

const char *fm_figure_get_title      (const char *name);
char       *fm_figure_format_value   (const char *name,
                                      double      value,
                                      double      day_length_s);
char       *fm_figure_format_percent (double      percent,
                                      const char *format);
char       *fm_figure_format_throughput (FmDocument *document,
                                         double      per_day);
char       *fm_figure_format_rolled_pca (double   rolled_pca,
                                         guint    pca_steps,
                                         guint    path_steps);
char       *fm_figure_format_change  (double      change);
char       *fm_figure_format_delta   (double      seconds,
                                      double      day_length_s);
FmDurationKind fm_figure_get_kind    (const char *name);
char       *fm_figure_format_duration (FmDocument    *document,
                                       FmDurationKind kind,
                                       double         seconds);
char       *fm_figure_format_for     (FmDocument *document,
                                      const char *name,
                                      double      value);
char       *fm_figure_format_delta_for (FmDocument    *document,
                                        FmDurationKind kind,
                                        double         seconds);
void        fm_figure_format_pair_for (FmDocument *document,
                                       const char *name,
                                       double      from,
                                       double      to,
                                       char      **from_text,
                                       char      **to_text);
char       *fm_figure_describe_for   (FmDocument *document,
                                      const char *name,
                                      double      from,
                                      double      to,
                                      double      change);
FmTrend     fm_figure_get_trend      (const char *name,
                                      double      from,
                                      double      to);
char       *fm_figure_describe       (const char *name,
                                      double      from,
                                      double      to,
                                      double      change,
                                      double      day_length_s);

G_END_DECLS
