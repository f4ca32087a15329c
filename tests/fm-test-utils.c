/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-test-utils.c: fixtures and helpers the tests share */
#include "config.h"

#include <stdlib.h>

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "fm-test-utils.h"
#include "fm-csv-import.h"
#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/**
 * fm_test_example_path:
 * @name: a file of data/examples, such as "release.flowmap"
 *
 * Returns: (transfer full): its path, from $FLOWMAP_EXAMPLES
 */
char *
fm_test_example_path (const char *name)
{
  const char *folder = g_getenv ("FLOWMAP_EXAMPLES");

  g_assert_nonnull (folder);
  return g_build_filename (folder, name, NULL);
}

/**
 * fm_test_load_example:
 *
 * Returns: (transfer full): the bundled example @name, loaded; the test
 *   fails if it does not load
 */
FmDocument *
fm_test_load_example (const char *name)
{
  g_autofree char *path = fm_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FmDocument *doc = fm_json_load_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The release map's tracker export, its times without an offset read in @time_zone. */
FmObservedLog *
fm_test_read_observed_example (GTimeZone *time_zone)
{
  g_autofree char *path = fm_test_example_path ("release-observed.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FmCsvImportOptions options;
  FmObservedLog *log;

  fm_csv_import_options_init (&options);
  options.time_zone = time_zone;
  log = fm_csv_import_file (file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static FmNode *
make_node (FmNodeKind  kind,
           const char *id,
           const char *label,
           double      x,
           double      y)
{
  FmNode *node = fm_node_new (kind, id);

  if (label != NULL)
    fm_node_set_label (node, label);
  fm_node_set_position (node, x, y);
  return node;
}

/**
 * fm_test_map_add_node:
 * @label: (nullable): the node's label
 *
 * Appends a node to @map directly, as the loader does: nothing is undoable.
 *
 * Returns: (transfer none): the node, owned by @map
 */
FmNode *
fm_test_map_add_node (FmMap      *map,
                      FmNodeKind  kind,
                      const char *id,
                      const char *label,
                      double      x,
                      double      y)
{
  g_autoptr(FmNode) node = make_node (kind, id, label, x, y);

  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
  return node;
}

/**
 * fm_test_map_add_edge:
 *
 * Appends an edge to @map directly, as the loader does.
 *
 * Returns: (transfer none): the edge, owned by @map
 */
FmEdge *
fm_test_map_add_edge (FmMap      *map,
                      const char *id,
                      const char *from,
                      const char *to,
                      FmEdgeKind  kind)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
  return edge;
}

/**
 * fm_test_add_node:
 * @label: (nullable): the node's label
 *
 * Adds a node through the document, as the canvas does: one undo step.
 *
 * Returns: (transfer none): the node, owned by @map
 */
FmNode *
fm_test_add_node (FmDocument *doc,
                  FmMap      *map,
                  FmNodeKind  kind,
                  const char *id,
                  const char *label,
                  double      x,
                  double      y)
{
  g_autoptr(FmNode) node = make_node (kind, id, label, x, y);

  fm_document_add_node (doc, map, node);
  return node;
}

/**
 * fm_test_add_edge:
 *
 * Adds an edge through the document: one undo step.
 *
 * Returns: (transfer none): the edge, owned by @map
 */
FmEdge *
fm_test_add_edge (FmDocument *doc,
                  FmMap      *map,
                  const char *id,
                  const char *from,
                  const char *to,
                  FmEdgeKind  kind)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_document_add_edge (doc, map, edge);
  return edge;
}

/**
 * fm_test_new_row_document:
 *
 * The renderer's, the router's and the timeline's map: trigger t -> queue
 * q (2 d, 5 items) -> process p (2 h of 1 d) -> outcome o in a row, and a
 * system s above the process with an information edge into it. Map
 * "current", nothing undoable.
 *
 * Returns: (transfer full): the document
 */
FmDocument *
fm_test_new_row_document (void)
{
  FmDocument *doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("current");
  FmNode *node;

  fm_test_map_add_node (map, FM_NODE_KIND_TRIGGER, "t", "t", 0, 15);
  node = fm_test_map_add_node (map, FM_NODE_KIND_QUEUE, "q", "q", 200, 15);
  fm_queue_set_wait_s (FM_QUEUE (node), 2 * 86400.0);
  fm_queue_set_items (FM_QUEUE (node), 5);
  node = fm_test_map_add_node (map, FM_NODE_KIND_PROCESS, "p", "p", 360, 0);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 2 * 3600.0);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), 86400.0);
  fm_test_map_add_node (map, FM_NODE_KIND_OUTCOME, "o", "o", 580, 15);
  fm_test_map_add_node (map, FM_NODE_KIND_SYSTEM, "s", "s", 365, -200);
  fm_test_map_add_edge (map, "e1", "t", "q", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e2", "q", "p", FM_EDGE_KIND_PUSH);
  fm_test_map_add_edge (map, "e3", "p", "o", FM_EDGE_KIND_FLOW);
  fm_test_map_add_edge (map, "e4", "s", "p", FM_EDGE_KIND_INFO);
  fm_document_insert_map_internal (doc, 0, map);

  return doc;
}

/**
 * fm_test_new_line_document:
 *
 * The canvas's and the inspector's map: trigger t (0,0 140x90) -> process
 * p (300,0 160x120) -> outcome o (600,0 140x90), edges e1 and e2, added
 * through the document with nothing left to undo. Map "current".
 *
 * Returns: (transfer full): the document
 */
FmDocument *
fm_test_new_line_document (void)
{
  FmDocument *doc = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("current");

  fm_document_add_map (doc, map, 0);
  fm_test_add_node (doc, map, FM_NODE_KIND_TRIGGER, "t", NULL, 0, 0);
  fm_test_add_node (doc, map, FM_NODE_KIND_PROCESS, "p", NULL, 300, 0);
  fm_test_add_node (doc, map, FM_NODE_KIND_OUTCOME, "o", NULL, 600, 0);
  fm_test_add_edge (doc, map, "e1", "t", "p", FM_EDGE_KIND_FLOW);
  fm_test_add_edge (doc, map, "e2", "p", "o", FM_EDGE_KIND_FLOW);
  fm_undo_stack_clear (fm_document_get_undo_stack (doc));

  return doc;
}

/* A fixture on fm_test_new_row_document()'s map. */
void
fm_test_map_set_up_row (FmTestMap     *f,
                        gconstpointer  data)
{
  f->doc = fm_test_new_row_document ();
  f->map = fm_document_get_map (f->doc, 0);
}

/* A fixture on the current state of the bundled release map. */
void
fm_test_map_set_up_release (FmTestMap     *f,
                            gconstpointer  data)
{
  f->doc = fm_test_load_example ("release.flowmap");
  f->map = fm_document_lookup_map (f->doc, "current");
  g_assert_nonnull (f->map);
}

/* Fails if anything still holds the document. */
void
fm_test_map_tear_down (FmTestMap     *f,
                       gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
}

/**
 * fm_test_make_tmp_dir:
 * @name: what the folder is for, such as "export"
 *
 * Returns: (transfer full): a new empty folder, flowmap-@name-XXXXXX under
 *   the temporary folder; fm_test_remove_tree() removes it
 */
char *
fm_test_make_tmp_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("flowmap-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static char *own_state;

static void
remove_own_state (void)
{
  fm_test_remove_tree (own_state);
  g_clear_pointer (&own_state, g_free);
}

/**
 * fm_test_use_own_state:
 *
 * Points the state and data folders (autosaves, recent files) at a
 * temporary folder removed at exit, before anything asks GLib for them: a
 * window keeps unsaved changes aside there, and a test killed by its
 * timeout would otherwise leave recoveries that the user's next window,
 * or the next test's, is offered.
 */
void
fm_test_use_own_state (void)
{
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;

  g_return_if_fail (own_state == NULL);

  own_state = fm_test_make_tmp_dir ("state");
  state = g_build_filename (own_state, "state", NULL);
  data = g_build_filename (own_state, "data", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  atexit (remove_own_state);
}

/**
 * fm_test_remove_tree:
 *
 * Removes @path and, if it is a folder, everything in it, read-only
 * folders too (some tests make them).
 *
 * Returns: whether everything went; %TRUE if there was nothing
 */
gboolean
fm_test_remove_tree (const char *path)
{
  GStatBuf st;
  gboolean ok = TRUE;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISDIR (st.st_mode))
    return g_unlink (path) == 0;

  {
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_chmod (path, 0700);
    dir = g_dir_open (path, 0, NULL);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        ok &= fm_test_remove_tree (child);
      }
  }
  return g_rmdir (path) == 0 && ok;
}

/**
 * fm_test_run_idles:
 *
 * Runs the default main context until nothing is ready: queued idles
 * (recomputed figures, relayouts) have run.
 */
void
fm_test_run_idles (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * fm_test_have_display:
 *
 * Returns: whether there is a display for widgets (under xvfb-run, say)
 */
gboolean
fm_test_have_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

/**
 * fm_test_skip_without_display:
 *
 * Widgets need a display. Without one, says so in TAP (the whole program
 * is skipped) and returns %TRUE: main() then returns 0.
 */
gboolean
fm_test_skip_without_display (void)
{
  if (fm_test_have_display ())
    return FALSE;

  g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
  return TRUE;
}
