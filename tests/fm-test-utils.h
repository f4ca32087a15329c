/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-test-utils.h: fixtures and helpers the tests share
 *
 * Glib and the model only (plus the loader), so that tests without a
 * display link it as well as the widget tests.
 */
#pragma once

#include "fm-document.h"
#include "fm-edge.h"
#include "fm-map.h"
#include "fm-node.h"
#include "fm-observed-log.h"

G_BEGIN_DECLS

char       *fm_test_example_path         (const char  *name);
FmDocument *fm_test_load_example         (const char  *name);
FmObservedLog *fm_test_read_observed_example (GTimeZone *time_zone);

FmNode     *fm_test_map_add_node         (FmMap       *map,
                                          FmNodeKind   kind,
                                          const char  *id,
                                          const char  *label,
                                          double       x,
                                          double       y);
FmEdge     *fm_test_map_add_edge         (FmMap       *map,
                                          const char  *id,
                                          const char  *from,
                                          const char  *to,
                                          FmEdgeKind   kind);
FmNode     *fm_test_add_node             (FmDocument  *doc,
                                          FmMap       *map,
                                          FmNodeKind   kind,
                                          const char  *id,
                                          const char  *label,
                                          double       x,
                                          double       y);
FmEdge     *fm_test_add_edge             (FmDocument  *doc,
                                          FmMap       *map,
                                          const char  *id,
                                          const char  *from,
                                          const char  *to,
                                          FmEdgeKind   kind);

FmDocument *fm_test_new_row_document     (void);
FmDocument *fm_test_new_line_document    (void);

/* The fixture of tests on one map of a document, for g_test_add(). */
typedef struct {
  FmDocument *doc;
  FmMap *map;
} FmTestMap;

void        fm_test_map_set_up_row       (FmTestMap     *f,
                                          gconstpointer  data);
void        fm_test_map_set_up_release   (FmTestMap     *f,
                                          gconstpointer  data);
void        fm_test_map_tear_down        (FmTestMap     *f,
                                          gconstpointer  data);

char       *fm_test_make_tmp_dir         (const char  *name);
void        fm_test_use_own_state        (void);
gboolean    fm_test_remove_tree          (const char  *path);

void        fm_test_run_idles            (void);
gboolean    fm_test_have_display         (void);
gboolean    fm_test_skip_without_display (void);

G_END_DECLS
