/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-templates.c: the starting maps of File → New from Template
 *
 * Each must load, be of the stream type it is named after, connect its
 * trigger to its outcome, and warn of nothing but the missing experiment
 * (a template is a current state a team has not improved yet).
 */
#include "config.h"

#include "fm-json.h"
#include "fm-metrics.h"

static void
test_template (gconstpointer data)
{
  const char *type = data;
  g_autofree char *name = g_strconcat (type, ".flowmap", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) doc = fm_json_load_file (file, &error);
  g_autoptr(FmMetrics) metrics = NULL;
  FmStreamType expected;
  FmMap *map;

  g_assert_no_error (error);
  g_assert_true (fm_stream_type_from_string (type, &expected));
  g_assert_cmpint (fm_document_get_stream_type (doc), ==, expected);
  g_assert_cmpuint (fm_document_get_n_maps (doc), ==, 1);

  map = fm_document_get_map (doc, 0);
  metrics = fm_metrics_compute (doc, map, NULL);
  g_assert_cmpuint (metrics->path->len, >=, 6);
  g_assert_cmpint (fm_node_get_kind (metrics->path->pdata[0]), ==, FM_NODE_KIND_TRIGGER);
  g_assert_cmpint (fm_node_get_kind (metrics->path->pdata[metrics->path->len - 1]), ==, FM_NODE_KIND_OUTCOME);
  g_assert_cmpfloat (metrics->lead_time_s, >, 0);
  g_assert_cmpuint (metrics->handoffs, >=, 2);

  for (guint i = 0; i < metrics->warnings->len; i++)
    {
      FmWarning *w = metrics->warnings->pdata[i];

      if (!g_str_equal (w->code, "mapping-without-change"))
        g_error ("%s: unexpected warning %s: %s", name, w->code, w->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *types[] = { "operational", "development", "support", "compliance" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fm/templates/%s", types[i]);

      g_test_add_data_func (path, types[i], test_template);
    }

  return g_test_run ();
}
