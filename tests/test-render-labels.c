/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-labels.c: no label or figure is cut, on any bundled map
 *
 * Every map of every example and template is drawn as an export draws it
 * (timeline and constraint badges on), at the scales of the screen, of
 * exports and of a printed page, and the renderer reports each text it had
 * to ellipsize: there must be none. Long names shrink a little or
 * take a second line instead.
 */
#include "config.h"

#include <cairo.h>

#include "fm-json.h"
#include "fm-metrics.h"
#include "fm-queue.h"
#include "fm-renderer.h"
#include "fm-test-utils.h"

/* Returns: (transfer full): the texts the renderer cut on @map */
static GPtrArray *
draw_and_collect_cuts (FmDocument *doc,
                       FmMap      *map,
                       double      scale)
{
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (doc, map, NULL);
  GPtrArray *cut = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  FmRenderOptions options;

  cairo_scale (cr, scale, scale);

  fm_render_options_init (&options);
  options.document = doc;
  options.metrics = metrics;
  options.timeline = TRUE;
  options.highlight_constraints = TRUE;
  options.cut_texts = cut;
  fm_renderer_draw (cr, map, &options);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return cut;
}

static void
test_bundled_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < fm_document_get_n_maps (doc); i++)
    {
      FmMap *map = fm_document_get_map (doc, i);
      /* On screen, in an export at 1× to 3×, and printed on paper. */
      static const double scales[] = { 1, 2, 3, 0.5, 0.35, 0.25 };

      for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
        {
          g_autoptr(GPtrArray) cut = draw_and_collect_cuts (doc, map, scales[s]);

          for (guint k = 0; k < cut->len; k++)
            g_test_message ("%s, map %s at %g×: cut \"%s\"", path, fm_map_get_id (map), scales[s],
                            (char *) cut->pdata[k]);
          g_assert_cmpuint (cut->len, ==, 0);
        }
    }
}

/* The release example's queue "Waiting for security review" is wider
 * than its triangle at full size: it is drawn whole. A name no box could
 * hold is still cut, and reported: the check above can fail. */
static void
test_long_names (void)
{
  g_autoptr(FmDocument) doc = fm_test_new_row_document ();
  FmMap *map = fm_document_get_map (doc, 0);
  g_autoptr(GPtrArray) cut = NULL;
  FmNode *queue = NULL;

  for (guint i = 0; i < fm_map_get_n_nodes (map) && queue == NULL; i++)
    if (FM_IS_QUEUE (fm_map_get_node (map, i)))
      queue = fm_map_get_node (map, i);
  g_assert_nonnull (queue);

  fm_node_set_label (queue, "Waiting for a test environment");
  cut = draw_and_collect_cuts (doc, map, 1);
  g_assert_cmpuint (cut->len, ==, 0);
  g_clear_pointer (&cut, g_ptr_array_unref);

  fm_node_set_label (queue, "Waiting for the approval of the change advisory board and of the security team");
  cut = draw_and_collect_cuts (doc, map, 1);
  g_assert_cmpuint (cut->len, ==, 1);
  g_assert_cmpstr (cut->pdata[0], ==, fm_node_get_label (queue));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
add_folder (const char *folder)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", folder, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".flowmap"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fm/render/labels/%s/%s", folder, (char *) names->pdata[i]);

      g_test_add_data_func_full (test, g_build_filename (dir, names->pdata[i], NULL), test_bundled_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_folder ("examples");
  add_folder ("templates");
  g_test_add_func ("/fm/render/labels/long-names", test_long_names);

  return g_test_run ();
}
