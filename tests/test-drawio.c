/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drawio.c: draw.io value stream maps in and out */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fm-drawio.h"
#include "fm-drawio-private.h"
#include "fm-drawio-write.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"

#define DAY 86400.0

static void
assert_near (double got,
             double expected)
{
  if (!(fabs (got - expected) <= 1e-6 * MAX (1, fabs (expected))))
    g_error ("expected %.9g, got %.9g", expected, got);
}

static FmDocument *
read_data_file (const char  *name,
                GPtrArray  **unknown)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "drawio", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FmDocument *document;

  document = fm_drawio_read_file (file, unknown, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static FmNode *
find_node (FmMap      *map,
           const char *label)
{
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    if (g_str_equal (fm_node_get_label (fm_map_get_node (map, i)), label))
      return fm_map_get_node (map, i);

  g_error ("no node labelled “%s”", label);
  return NULL;
}

static gboolean
has_edge (FmMap      *map,
          FmNode     *from,
          FmNode     *to,
          FmEdgeKind  kind)
{
  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      if (g_str_equal (fm_edge_get_from (edge), fm_node_get_id (from)) &&
          g_str_equal (fm_edge_get_to (edge), fm_node_get_id (to)) &&
          fm_edge_get_kind (edge) == kind)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_message (GPtrArray  *unknown,
             const char *part)
{
  for (guint i = 0; i < unknown->len; i++)
    if (strstr (g_ptr_array_index (unknown, i), part) != NULL)
      return TRUE;

  return FALSE;
}

static guint
count_kind (FmMap      *map,
            FmNodeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    n += fm_node_get_kind (fm_map_get_node (map, i)) == kind;

  return n;
}

/* The book's current state, drawn with the palette: the figures come out. */
static void
test_acme (void)
{
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = read_data_file ("acme-current-state.drawio", &unknown);
  g_autoptr(FmMetrics) metrics = NULL;
  FmMap *map;
  FmNode *weld, *inventory, *stamping;

  g_assert_cmpuint (fm_document_get_n_maps (document), ==, 1);
  map = fm_document_get_map (document, 0);
  g_assert_cmpstr (fm_map_get_name (map), ==, "Current State");
  g_assert_cmpstr (fm_document_get_trigger (document), ==, "Michigan Steel Co.");
  g_assert_cmpstr (fm_document_get_customer (document), ==, "State Street Assembly");
  assert_near (fm_document_get_available_time_s (document), 27600);

  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_PROCESS), ==, 6);
  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_QUEUE), ==, 6);
  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_TRIGGER), ==, 1);
  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_OUTCOME), ==, 1);
  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_SYSTEM), ==, 1);

  /* The title from a child text cell, the people from the operator. */
  stamping = find_node (map, "Stamping");
  assert_near (fm_process_step_get_process_s (FM_PROCESS_STEP (stamping)), 1);
  assert_near (fm_process_step_get_people (FM_PROCESS_STEP (stamping)), 1);
  weld = find_node (map, "S.Weld #1");
  assert_near (fm_process_step_get_process_s (FM_PROCESS_STEP (weld)), 39);
  assert_near (fm_process_step_get_people (FM_PROCESS_STEP (weld)), 1);
  g_assert_false (fm_value_is_set (fm_process_step_get_pca (FM_PROCESS_STEP (weld))));
  find_node (map, "C/O=10 min\nUptime=100%\nAvail=27,600 sec\n2 Shifts");

  /* Counts in a text under the triangle. */
  inventory = find_node (map, "4600 L / 2400 R");
  assert_near (fm_queue_get_items (FM_QUEUE (inventory)), 7000);
  assert_near (fm_queue_get_wait_s (FM_QUEUE (inventory)), 7.6 * DAY);
  g_assert_true (has_edge (map, stamping, inventory, FM_EDGE_KIND_PUSH));
  g_assert_true (has_edge (map, find_node (map, "Production Control MRP"), weld, FM_EDGE_KIND_INFO));
  g_assert_true (has_edge (map, find_node (map, "State Street Assembly"),
                           find_node (map, "Production Control MRP"), FM_EDGE_KIND_ELECTRONIC));

  metrics = fm_metrics_compute (document, map, NULL);
  assert_near (metrics->lead_time_s, 23.6 * DAY + 188);
  assert_near (metrics->process_time_s, 188);
  g_assert_cmpuint (metrics->path->len, ==, 14);

  g_assert_true (has_message (unknown, "truck_shipment “Tues. + Thurs.”"));
  g_assert_true (has_message (unknown, "hand-drawn timeline (14 shapes)"));
  g_assert_true (has_message (unknown, "reading order (13 arrows)"));
  g_assert_true (has_message (unknown, "a data box with no process box above it"));
  g_assert_true (has_message (unknown, "“Weekly Schedule”"));
  g_assert_cmpuint (unknown->len, ==, 16);
}

static void
check_plain_release (FmDocument *document,
                     GPtrArray  *unknown)
{
  g_autoptr(FmMetrics) metrics = NULL;
  FmMap *map = fm_document_get_map (document, 0);
  FmNode *build, *queue, *tracker;

  g_assert_cmpuint (fm_document_get_n_maps (document), ==, 1);
  g_assert_cmpstr (fm_map_get_name (map), ==, "Release");
  build = find_node (map, "Build");
  assert_near (fm_process_step_get_process_s (FM_PROCESS_STEP (build)), 4 * 3600);
  assert_near (fm_process_step_get_lead_s (FM_PROCESS_STEP (build)), 2 * DAY);
  assert_near (fm_process_step_get_pca (FM_PROCESS_STEP (build)), 80);
  assert_near (fm_process_step_get_people (FM_PROCESS_STEP (build)), 2);
  queue = find_node (map, "");
  g_assert_true (FM_IS_QUEUE (queue));
  assert_near (fm_queue_get_items (FM_QUEUE (queue)), 12);
  assert_near (fm_queue_get_wait_s (FM_QUEUE (queue)), 3 * DAY);
  tracker = find_node (map, "Tracker");
  g_assert_true (has_edge (map, tracker, build, FM_EDGE_KIND_ELECTRONIC));
  g_assert_true (has_edge (map, find_node (map, "Product owner"), queue, FM_EDGE_KIND_FLOW));
  g_assert_true (FM_IS_KAIZEN (find_node (map, "Automate tests")));
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 4);

  metrics = fm_metrics_compute (document, map, NULL);
  assert_near (metrics->lead_time_s, 5 * DAY);
  assert_near (metrics->process_time_s, 4 * 3600);

  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_true (has_message (unknown, "“Daily”: the label of an arrow is left out"));
}

/* The same page, as XML, compressed, in an SVG and in a PNG. */
static void
test_containers (gconstpointer data)
{
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = read_data_file (data, &unknown);

  check_plain_release (document, unknown);
}

/* Nothing connected: the flow in reading order, pushes where the palette's
 * push arrow lies between two boxes. */
static void
test_unconnected (void)
{
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = read_data_file ("nothing-connected.drawio", &unknown);
  g_autoptr(FmMetrics) metrics = NULL;
  FmMap *map = fm_document_get_map (document, 0);
  const char *order[] = { "Steel service", "", "Cut", "", "Bend", "", "Weld", "Paint", "Assembler" };
  FmNode *cut = find_node (map, "Cut"), *bend = find_node (map, "Bend");

  metrics = fm_metrics_compute (document, map, NULL);
  g_assert_cmpuint (metrics->path->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (fm_node_get_label (g_ptr_array_index (metrics->path, i)), ==, order[i]);
  assert_near (metrics->lead_time_s, 7 * DAY + 62);
  assert_near (metrics->process_time_s, 62);

  /* The push arrow after Cut; none after Bend, nor from Paint to the
   * customer, past which a loose arrow lies at the top of the page. */
  g_assert_true (has_edge (map, cut, g_ptr_array_index (metrics->path, 3), FM_EDGE_KIND_PUSH));
  g_assert_true (has_edge (map, bend, g_ptr_array_index (metrics->path, 5), FM_EDGE_KIND_FLOW));
  g_assert_true (has_edge (map, find_node (map, "Paint"), find_node (map, "Assembler"), FM_EDGE_KIND_FLOW));
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 8);

  g_assert_cmpuint (count_kind (map, FM_NODE_KIND_SYSTEM), ==, 1);
  g_assert_true (FM_IS_KAIZEN (find_node (map, "Setup")));
  /* C/O is kept in a note where the data box was. */
  find_node (map, "C/O=15 min");

  g_assert_true (has_message (unknown, "reading order (8 arrows)"));
  g_assert_true (has_message (unknown, "push_arrow (640, 200): a push arrow between no two boxes"));
  g_assert_cmpuint (unknown->len, ==, 2);
}

/* A data box written as HTML lines; a shift's length said on the page. */
static void
test_html_lines (void)
{
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = read_data_file ("html-lines.drawio", &unknown);
  FmMap *map = fm_document_get_map (document, 0);
  FmProcessStep *step = FM_PROCESS_STEP (find_node (map, "Review contract"));

  /* PT over C/T; LT from PT and WT, "1 shift" being 8 hours. */
  assert_near (fm_process_step_get_process_s (step), 2 * 3600);
  assert_near (fm_process_step_get_lead_s (step), 10 * 3600);
  assert_near (fm_process_step_get_pca (step), 95);
  assert_near (fm_process_step_get_people (step), 3);
  g_assert_cmpstr (fm_process_step_get_role (step), ==, "Counsel");
  find_node (map, "Legal\nUptime=85%\nLT=soon");

  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_true (has_message (unknown, "“LT=soon” is not understood"));
}

static void
test_text (void)
{
  struct { const char *text; double seconds; } good[] = {
    { "39 sec", 39 }, { "1 hour", 3600 }, { "7.6 days", 7.6 * DAY }, { "27,600 sec", 27600 },
    { "1 hr 30 min", 5400 }, { "2 shifts", 2 * 28800 }, { "45", 45 }, { "1,5 hours", 5400 },
    { "2 weeks", 14 * DAY }, { "10 min.", 600 },
  };
  const char *bad[] = { "", "soon", "3 parsecs", "1 hour later", "-2 min", "1e400 s" };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double seconds = -1;

      g_assert_true (fm_drawio_parse_duration (good[i].text, DAY, 28800, TRUE, &seconds));
      assert_near (seconds, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double seconds;

      g_assert_false (fm_drawio_parse_duration (bad[i], DAY, 28800, TRUE, &seconds));
    }

  text = fm_drawio_plain_text ("<table><tr><td>C/T=</td><td>39&nbsp;sec</td></tr>"
                               "<tr><td>&lt;b&gt; &amp; &#8364; &#0; &#xD800;</td></tr></table>"
                               "<div>a<br/>b</div><p>  c  </p><unclosed", TRUE);
  g_assert_cmpstr (text, ==, "C/T= 39 sec\n<b> & €\na\nb\nc");
}

static void
test_bad (void)
{
  const char *files[] = {
    "",
    "not xml at all",
    "{\"format\": \"flowmap\"}",
    "<mxfile></mxfile>",
    "<mxfile><diagram name=\"x\">!!not base64!!</diagram></mxfile>",
    "<mxfile><diagram name=\"x\">aGVsbG8gd29ybGQ=</diagram></mxfile>",
    "<mxfile><diagram name=\"x\"><mxGraphModel><root><mxCell id=\"0\"></root></mxGraphModel></diagram></mxfile>",
    "<svg content=\"not a drawing\"></svg>",
    "<svg><g/></svg>",
    "\x89PNG\r\n\x1a\n\0\0\0\0IEND\xae\x42\x60\x82",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) unknown = NULL;
      g_autoptr(FmDocument) document = NULL;

      document = fm_drawio_read_data (files[i], strlen (files[i]) + (i == G_N_ELEMENTS (files) - 1 ? 8 : 0),
                                      "bad.drawio", &unknown, &error);
      g_assert_null (document);
      g_assert_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_FORMAT);
      g_assert_true (g_str_has_prefix (error->message, "bad.drawio: "));
      g_assert_null (unknown);
    }
}

/* Elements where they do not belong: a diagram inside a model ends
 * nothing, a model inside a model neither. (Found by fuzzing.) */
static void
test_odd_nesting (void)
{
  const char *text =
    "<mxfile><diagram name=\"a\"><mxGraphModel><root>"
    "<diagram name=\"b\"></diagram><mxGraphModel></mxGraphModel>"
    "<mxCell id=\"x\" value=\"Build\" style=\"shape=mxgraph.lean_mapping.manufacturing_process;\" vertex=\"1\">"
    "<mxGeometry x=\"0\" y=\"0\" width=\"100\" height=\"70\" as=\"geometry\"/></mxCell>"
    "</root></mxGraphModel></diagram></mxfile>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = fm_drawio_read_data (text, strlen (text), "odd.drawio", &unknown, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fm_document_get_n_maps (document), ==, 1);
  g_assert_cmpuint (fm_map_get_n_nodes (fm_document_get_map (document, 0)), ==, 1);
  g_assert_cmpstr (fm_node_get_label (fm_map_get_node (fm_document_get_map (document, 0), 0)), ==, "Build");
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("<mxfile>");
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) document = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "<a>");
  document = fm_drawio_read_data (deep->str, deep->len, "deep.drawio", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, FM_DRAWIO_ERROR, FM_DRAWIO_ERROR_LIMIT);
}

/* The exported page drawn back, by a reader that knows only the file: each
 * node is the palette's shape at its place. draw.io cannot run here; this
 * is what it would be given. */
static void
check_shapes (FmMap      *map,
              const char *text,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = fm_drawio_read_pages (text, length, "out.drawio", &error);
  g_autoptr(GHashTable) cells = g_hash_table_new (g_str_hash, g_str_equal);
  FmDrawioPage *page;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  for (guint i = 0; i < page->cells->len; i++)
    {
      FmDrawioCell *cell = g_ptr_array_index (page->cells, i);

      if (cell->id != NULL)
        g_hash_table_insert (cells, cell->id, cell);
    }

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      static const char * const shapes[] = {
        [FM_NODE_KIND_TRIGGER] = "outside_sources", [FM_NODE_KIND_OUTCOME] = "outside_sources",
        [FM_NODE_KIND_PROCESS] = "manufacturing_process", [FM_NODE_KIND_QUEUE] = "inventory_box",
        [FM_NODE_KIND_SYSTEM] = "schedule", [FM_NODE_KIND_KAIZEN] = "kaizen_lightening_burst",
        [FM_NODE_KIND_NOTE] = "note",
      };
      FmNode *node = fm_map_get_node (map, i);
      g_autofree char *id = g_strdup_printf ("n-%s", fm_node_get_id (node));
      FmDrawioCell *cell = g_hash_table_lookup (cells, id);
      g_autofree char *shape = NULL;

      g_assert_nonnull (cell);
      g_assert_true (cell->vertex);
      shape = fm_drawio_shape_name (cell->style);
      g_assert_cmpstr (shape, ==, shapes[fm_node_get_kind (node)]);
      g_assert_cmpfloat_with_epsilon (cell->x * FM_DRAWIO_SCALE, fm_node_get_x (node), 0.02);
      g_assert_cmpfloat_with_epsilon (cell->y * FM_DRAWIO_SCALE, fm_node_get_y (node), 0.02);
      g_assert_cmpfloat_with_epsilon (cell->width * FM_DRAWIO_SCALE, fm_node_get_width (node), 0.02);
      g_assert_cmpfloat_with_epsilon (cell->height * FM_DRAWIO_SCALE, fm_node_get_height (node), 0.02);
    }

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      g_autofree char *id = g_strdup_printf ("e-%s", fm_edge_get_id (edge));
      g_autofree char *from = g_strdup_printf ("n-%s", fm_edge_get_from (edge));
      g_autofree char *to = g_strdup_printf ("n-%s", fm_edge_get_to (edge));
      FmDrawioCell *cell = g_hash_table_lookup (cells, id);

      g_assert_nonnull (cell);
      g_assert_true (cell->edge);
      g_assert_cmpstr (cell->source, ==, from);
      g_assert_cmpstr (cell->target, ==, to);
    }
}

static void
round_trip (FmDocument *document)
{
  for (guint i = 0; i < fm_document_get_n_maps (document); i++)
    {
      FmMap *map = fm_document_get_map (document, i);
      g_autoptr(FmMetrics) before = fm_metrics_compute (document, map, NULL);
      g_autoptr(FmMetrics) after = NULL;
      g_autoptr(FmDocument) again = NULL;
      g_autoptr(GPtrArray) unknown = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gsize length;

      text = fm_drawio_write_data (document, map, &length);
      check_shapes (map, text, length);

      again = fm_drawio_read_data (text, length, "again.drawio", &unknown, &error);
      g_assert_no_error (error);
      after = fm_metrics_compute (again, fm_document_get_map (again, 0), NULL);
      g_assert_cmpuint (fm_map_get_n_nodes (fm_document_get_map (again, 0)), ==, fm_map_get_n_nodes (map));
      if (isnan (before->lead_time_s))
        g_assert_true (isnan (after->lead_time_s));
      else
        {
          assert_near (after->lead_time_s, before->lead_time_s);
          assert_near (after->process_time_s, before->process_time_s);
        }
      /* Only the timeline the export drew is left out. */
      for (guint j = 0; j < unknown->len; j++)
        g_assert_nonnull (strstr (g_ptr_array_index (unknown, j), "timeline"));
    }
}

static void
test_round_trip_release (void)
{
  g_autoptr(FmDocument) document = fm_test_load_example ("release.flowmap");

  round_trip (document);
}

static void
test_round_trip_acme (void)
{
  g_autoptr(FmDocument) document = read_data_file ("acme-current-state.drawio", NULL);

  round_trip (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/drawio/acme", test_acme);
  g_test_add_data_func ("/fm/drawio/plain", "plain.drawio", test_containers);
  g_test_add_data_func ("/fm/drawio/compressed", "compressed.drawio", test_containers);
  g_test_add_data_func ("/fm/drawio/svg", "plain.drawio.svg", test_containers);
  g_test_add_data_func ("/fm/drawio/png", "plain.drawio.png", test_containers);
  g_test_add_func ("/fm/drawio/unconnected", test_unconnected);
  g_test_add_func ("/fm/drawio/html-lines", test_html_lines);
  g_test_add_func ("/fm/drawio/text", test_text);
  g_test_add_func ("/fm/drawio/bad", test_bad);
  g_test_add_func ("/fm/drawio/odd-nesting", test_odd_nesting);
  g_test_add_func ("/fm/drawio/limits", test_limits);
  g_test_add_func ("/fm/drawio/round-trip-release", test_round_trip_release);
  g_test_add_func ("/fm/drawio/round-trip-acme", test_round_trip_acme);

  return g_test_run ();
}
