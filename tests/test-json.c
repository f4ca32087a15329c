/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c: the Flowmap file format: round trips, the canonical text, saving to a
 * file, the error message (unknown fields: test-json-unknown.c; errors and limits: test-json-errors.c) */
#include "config.h"

#define G_LOG_DOMAIN "test-json"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-json-writer.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* A document with every kind of node, every field set, and strings that
 * need escaping. */
static FmDocument *
make_full_document (void)
{
  FmDocument *document = fm_document_new ();
  g_autoptr(FmMap) current = fm_map_new ("current");
  g_autoptr(FmMap) future = fm_map_new ("future");
  const char *applies_to[] = { "build", "inbox", NULL };
  FmNode *node;
  FmEdge *edge;

  g_object_set (document,
                "title", "Release \"2.0\" — with a \\ backslash",
                "customer", "Ünïcødé customers 🚀",
                "value", "Line one\nline two\ttab \x01 control",
                "trigger", "A request",
                "outcome", "Delivered",
                "stream-type", FM_STREAM_TYPE_SUPPORT,
                "day-length-s", 28800.0,
                "available-time-s", 27000.5,
                "demand-per-day", 0.1,
                NULL);

  fm_map_set_name (current, "Current state");

  node = fm_node_new (FM_NODE_KIND_TRIGGER, "start");
  fm_node_set_label (node, "Order arrives");
  fm_node_set_position (node, -40.25, 1e-7);
  fm_map_insert_node (current, 0, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_QUEUE, "inbox");
  fm_node_set_label (node, "Inbox");
  fm_node_set_position (node, 200, 0.30000000000000004);
  fm_queue_set_wait_s (FM_QUEUE (node), 3600);
  fm_queue_set_items (FM_QUEUE (node), 12.5);
  fm_map_insert_node (current, 1, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_PROCESS, "build");
  fm_node_set_label (node, "Build");
  fm_node_set_position (node, 400, -9999999.5);
  fm_node_set_size (node, 180.5, 130);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), 0);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), 123456.789);
  fm_process_step_set_pca (FM_PROCESS_STEP (node), 99.9);
  fm_process_step_set_people (FM_PROCESS_STEP (node), 2);
  fm_process_step_set_role (FM_PROCESS_STEP (node), "Developers");
  fm_process_step_set_wip (FM_PROCESS_STEP (node), 9007199254740991.0);
  fm_map_insert_node (current, 2, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_PROCESS, "bare");
  fm_map_insert_node (current, 3, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_SYSTEM, "erp");
  fm_node_set_label (node, "ERP");
  fm_map_insert_node (current, 4, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_KAIZEN, "kaizen");
  fm_node_set_label (node, "Pull instead of push");
  fm_kaizen_set_owner (FM_KAIZEN (node), "Ana");
  fm_kaizen_set_measure (FM_KAIZEN (node), "Days in the inbox");
  fm_kaizen_set_baseline (FM_KAIZEN (node), "5 d");
  fm_kaizen_set_target (FM_KAIZEN (node), "1 d");
  fm_kaizen_set_review_date (FM_KAIZEN (node), "2028-02-29");
  fm_kaizen_set_started (FM_KAIZEN (node), "2027-12-31");
  fm_kaizen_set_status (FM_KAIZEN (node), FM_KAIZEN_STATUS_KEPT);
  fm_kaizen_set_waste (FM_KAIZEN (node), "waiting");
  fm_kaizen_set_applies_to (FM_KAIZEN (node), applies_to);
  fm_map_insert_node (current, 5, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_NOTE, "note");
  fm_node_set_label (node, "");
  fm_map_insert_node (current, 6, node);
  g_object_unref (node);

  node = fm_node_new (FM_NODE_KIND_OUTCOME, "end");
  fm_node_set_label (node, "Delivered");
  fm_map_insert_node (current, 7, node);
  g_object_unref (node);

  edge = fm_edge_new ("e1", "start", "inbox", FM_EDGE_KIND_FLOW);
  fm_map_insert_edge (current, 0, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e2", "inbox", "build", FM_EDGE_KIND_PULL);
  fm_map_insert_edge (current, 1, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e3", "build", "end", FM_EDGE_KIND_PUSH);
  fm_map_insert_edge (current, 2, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e4", "erp", "build", FM_EDGE_KIND_ELECTRONIC);
  fm_map_insert_edge (current, 3, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e5", "note", "build", FM_EDGE_KIND_INFO);
  fm_map_insert_edge (current, 4, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e6", "end", "build", FM_EDGE_KIND_REWORK);
  fm_edge_set_rate (edge, 0.25);
  fm_map_insert_edge (current, 5, edge);
  g_object_unref (edge);
  edge = fm_edge_new ("e7", "bare", "build", FM_EDGE_KIND_REWORK);
  fm_edge_set_rate (edge, 0);
  fm_map_insert_edge (current, 6, edge);
  g_object_unref (edge);

  fm_map_set_name (future, "Future state");
  fm_map_set_state (future, FM_MAP_STATE_FUTURE);
  fm_map_set_based_on (future, "current");

  fm_document_insert_map_internal (document, 0, current);
  fm_document_insert_map_internal (document, 1, future);

  return document;
}

static void
assert_documents_equal (FmDocument *a,
                        FmDocument *b)
{
  g_autofree char *text_a = fm_json_save_to_data (a, NULL);
  g_autofree char *text_b = fm_json_save_to_data (b, NULL);

  g_assert_cmpstr (text_a, ==, text_b);
}

static void
test_round_trip (void)
{
  g_autoptr(FmDocument) document = make_full_document ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;
  FmMap *map;
  FmNode *node;
  FmEdge *edge;

  first = fm_json_save_to_data (document, &first_length);
  g_assert_cmpuint (strlen (first), ==, first_length);
  g_assert_true (g_str_has_suffix (first, "}\n"));

  loaded = fm_json_load_data (first, first_length, "full.flowmap", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  second = fm_json_save_to_data (loaded, &second_length);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_length, ==, second_length);

  /* And the values themselves came back. */
  g_assert_cmpstr (fm_document_get_title (loaded), ==, "Release \"2.0\" — with a \\ backslash");
  g_assert_cmpstr (fm_document_get_customer (loaded), ==, "Ünïcødé customers 🚀");
  g_assert_cmpstr (fm_document_get_value (loaded), ==, "Line one\nline two\ttab \x01 control");
  g_assert_cmpint (fm_document_get_stream_type (loaded), ==, FM_STREAM_TYPE_SUPPORT);
  g_assert_cmpfloat (fm_document_get_day_length_s (loaded), ==, 28800);
  g_assert_cmpfloat (fm_document_get_available_time_s (loaded), ==, 27000.5);
  g_assert_cmpfloat (fm_document_get_demand_per_day (loaded), ==, 0.1);
  g_assert_cmpuint (fm_document_get_n_maps (loaded), ==, 2);

  map = fm_document_get_map (loaded, 0);
  g_assert_cmpuint (fm_map_get_n_nodes (map), ==, 8);
  g_assert_cmpuint (fm_map_get_n_edges (map), ==, 7);

  node = fm_map_lookup_node (map, "start");
  g_assert_cmpfloat (fm_node_get_x (node), ==, -40.25);
  g_assert_cmpfloat (fm_node_get_y (node), ==, 1e-7);
  g_assert_cmpfloat (fm_node_get_width (node), ==, 140);

  node = fm_map_lookup_node (map, "inbox");
  g_assert_cmpfloat (fm_node_get_y (node), ==, 0.30000000000000004);
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (node)), ==, 3600);
  g_assert_cmpfloat (fm_queue_get_items (FM_QUEUE (node)), ==, 12.5);

  node = fm_map_lookup_node (map, "build");
  g_assert_cmpfloat (fm_node_get_y (node), ==, -9999999.5);
  g_assert_cmpfloat (fm_node_get_width (node), ==, 180.5);
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (node)), ==, 0);
  g_assert_cmpfloat (fm_process_step_get_lead_s (FM_PROCESS_STEP (node)), ==, 123456.789);
  g_assert_cmpfloat (fm_process_step_get_pca (FM_PROCESS_STEP (node)), ==, 99.9);
  g_assert_cmpfloat (fm_process_step_get_people (FM_PROCESS_STEP (node)), ==, 2);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (node)), ==, "Developers");
  g_assert_cmpfloat (fm_process_step_get_wip (FM_PROCESS_STEP (node)), ==, 9007199254740991.0);

  node = fm_map_lookup_node (map, "bare");
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (node)), ==, FM_UNSET);
  g_assert_cmpfloat (fm_process_step_get_pca (FM_PROCESS_STEP (node)), ==, FM_UNSET);
  g_assert_null (fm_process_step_get_role (FM_PROCESS_STEP (node)));

  node = fm_map_lookup_node (map, "kaizen");
  g_assert_cmpstr (fm_kaizen_get_owner (FM_KAIZEN (node)), ==, "Ana");
  g_assert_cmpstr (fm_kaizen_get_review_date (FM_KAIZEN (node)), ==, "2028-02-29");
  g_assert_cmpstr (fm_kaizen_get_started (FM_KAIZEN (node)), ==, "2027-12-31");
  g_assert_cmpint (fm_kaizen_get_status (FM_KAIZEN (node)), ==, FM_KAIZEN_STATUS_KEPT);
  g_assert_cmpstr (fm_kaizen_get_waste (FM_KAIZEN (node)), ==, "waiting");
  g_assert_cmpstrv (fm_kaizen_get_applies_to (FM_KAIZEN (node)),
                    ((const char * const []) { "build", "inbox", NULL }));

  edge = fm_map_lookup_edge (map, "e6");
  g_assert_cmpint (fm_edge_get_kind (edge), ==, FM_EDGE_KIND_REWORK);
  g_assert_cmpfloat (fm_edge_get_rate (edge), ==, 0.25);
  g_assert_cmpfloat (fm_edge_get_rate (fm_map_lookup_edge (map, "e7")), ==, 0);
  g_assert_cmpfloat (fm_edge_get_rate (fm_map_lookup_edge (map, "e1")), ==, FM_UNSET);

  map = fm_document_get_map (loaded, 1);
  g_assert_cmpint (fm_map_get_state (map), ==, FM_MAP_STATE_FUTURE);
  g_assert_cmpstr (fm_map_get_based_on (map), ==, "current");
  g_assert_cmpstr (fm_map_get_name (map), ==, "Future state");

  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static const char canonical_text[] =
  "{\n"
  "  \"format\": \"flowmap\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Small\",\n"
  "  \"stream_type\": \"development\",\n"
  "  \"day_length_s\": 86400,\n"
  "  \"available_time_s\": 28800,\n"
  "  \"maps\": [\n"
  "    {\n"
  "      \"id\": \"m\",\n"
  "      \"name\": \"\",\n"
  "      \"state\": \"current\",\n"
  "      \"nodes\": [\n"
  "        {\n"
  "          \"id\": \"p\",\n"
  "          \"kind\": \"process\",\n"
  "          \"label\": \"Step\",\n"
  "          \"x\": 10,\n"
  "          \"y\": -2.5,\n"
  "          \"width\": 160,\n"
  "          \"height\": 120,\n"
  "          \"process_s\": 3600,\n"
  "          \"pca\": 0.1\n"
  "        },\n"
  "        {\n"
  "          \"id\": \"q\",\n"
  "          \"kind\": \"queue\",\n"
  "          \"label\": \"Wait\",\n"
  "          \"x\": 200,\n"
  "          \"y\": 0,\n"
  "          \"width\": 100,\n"
  "          \"height\": 90\n"
  "        }\n"
  "      ],\n"
  "      \"edges\": [\n"
  "        {\n"
  "          \"id\": \"e\",\n"
  "          \"from\": \"p\",\n"
  "          \"to\": \"q\",\n"
  "          \"kind\": \"flow\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"empty\",\n"
  "      \"name\": \"Nothing yet\",\n"
  "      \"state\": \"future\",\n"
  "      \"nodes\": [],\n"
  "      \"edges\": []\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* The exact layout, key order, number forms and what is left out. */
static void
test_canonical_text (void)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmMap) empty = fm_map_new ("empty");
  g_autoptr(FmNode) step = fm_node_new (FM_NODE_KIND_PROCESS, "p");
  g_autoptr(FmNode) queue = fm_node_new (FM_NODE_KIND_QUEUE, "q");
  g_autoptr(FmEdge) edge = fm_edge_new ("e", "p", "q", FM_EDGE_KIND_FLOW);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (document, "title", "Small", NULL);
  fm_node_set_label (step, "Step");
  fm_node_set_position (step, 10, -2.5);
  fm_process_step_set_process_s (FM_PROCESS_STEP (step), 3600);
  fm_process_step_set_pca (FM_PROCESS_STEP (step), 0.1);
  fm_node_set_label (queue, "Wait");
  fm_node_set_position (queue, 200, 0);
  fm_map_insert_node (map, 0, step);
  fm_map_insert_node (map, 1, queue);
  fm_map_insert_edge (map, 0, edge);
  fm_map_set_name (empty, "Nothing yet");
  fm_map_set_state (empty, FM_MAP_STATE_FUTURE);
  fm_document_insert_map_internal (document, 0, map);
  fm_document_insert_map_internal (document, 1, empty);

  text = fm_json_save_to_data (document, NULL);
  g_assert_cmpstr (text, ==, canonical_text);

  loaded = fm_json_load_data (canonical_text, -1, "small.flowmap", &error);
  g_assert_no_error (error);
  again = fm_json_save_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, canonical_text);
}

static void
test_numbers (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 3600, "3600" },
    { -42, "-42" },
    { 0.1, "0.1" },
    { 0.30000000000000004, "0.30000000000000004" },
    { 1.5, "1.5" },
    { 123456.789, "123456.789" },
    { 1e-7, "1e-07" },
    { 1e20, "1e+20" },
    { 9007199254740991.0, "9007199254740991" },
    { 9007199254740992.0, "9007199254740992" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 5e-324, "5e-324" },
    { 2.0 / 3.0, "0.6666666666666666" },
  };
  GRand *rand = g_rand_new_with_seed (4242);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buffer[FM_JSON_NUMBER_BUF_SIZE];

      fm_json_format_number (cases[i].value, buffer);
      g_assert_cmpstr (buffer, ==, cases[i].text);
    }

  /* Any double comes back the same through a save and a load. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(FmDocument) document = fm_document_new ();
      g_autoptr(FmDocument) loaded = NULL;
      g_autoptr(FmMap) map = fm_map_new ("m");
      g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_NOTE, "n");
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      union { guint64 bits; double value; } x;

      /* Random bits in the mantissa and any exponent up to the limit of a
       * coordinate, subnormals included. */
      x.bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      x.bits = (x.bits & ~(G_GUINT64_CONSTANT (0x7ff) << 52)) | (G_GUINT64_CONSTANT (1023) << 52);
      x.value = ldexp (x.value, g_rand_int_range (rand, -1075, 23));
      if (i % 3 == 0)
        x.value = g_rand_double_range (rand, -1e6, 1e6);
      else if (i % 3 == 1)
        x.value = round (g_rand_double_range (rand, -FM_MAX_COORDINATE, FM_MAX_COORDINATE));
      g_assert_true (isfinite (x.value) && fabs (x.value) <= FM_MAX_COORDINATE);

      fm_node_set_position (node, x.value, 0);
      fm_map_insert_node (map, 0, node);
      fm_document_insert_map_internal (document, 0, map);
      text = fm_json_save_to_data (document, NULL);
      loaded = fm_json_load_data (text, -1, "numbers.flowmap", &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (fm_node_get_x (fm_map_get_node (fm_document_get_map (loaded, 0), 0)), ==, x.value);
      again = fm_json_save_to_data (loaded, NULL);
      g_assert_cmpstr (text, ==, again);
    }

  g_rand_free (rand);
}

static void
test_not_modified (void)
{
  g_autoptr(FmDocument) document = make_full_document ();
  g_autofree char *text = fm_json_save_to_data (document, NULL);
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  FmUndoStack *undo;

  loaded = fm_json_load_data (text, -1, "full.flowmap", &error);
  g_assert_no_error (error);
  undo = fm_document_get_undo_stack (loaded);
  g_assert_false (fm_undo_stack_get_can_undo (undo));
  g_assert_false (fm_undo_stack_get_can_redo (undo));
  g_assert_false (fm_undo_stack_get_modified (undo));
  g_assert_cmpuint (fm_undo_stack_get_depth (undo), ==, 0);
}

/* The example of the issue, word for word. */
static void
test_error_message (void)
{
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (canonical_text);

  g_string_replace (text, "\"process_s\": 3600", "\"process_s\": \"abc\"", 1);
  document = fm_json_load_data (text->str, text->len, "release.flowmap", &error);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "release.flowmap: maps[0].nodes[0].process_s: expected a number >= 0, got \"abc\"");

  g_clear_error (&error);
  document = fm_json_load_data ("{\n  \"format\": \"flowmap\",\n  \"version\": 1,,\n}", -1,
                                "release.flowmap", &error);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "release.flowmap:3:16: not valid JSON: expected a member name in double quotes");

  g_clear_error (&error);
  document = fm_json_load_data ("{\"format\": \"flowmap\", \"version\": 2}", -1, "release.flowmap", &error);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "release.flowmap: made by a newer Flowmap, version 2; this one reads version 1");

  g_clear_error (&error);
  document = fm_json_load_data ("", 0, NULL, &error);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "document: the file is empty");
}

static void
test_examples (void)
{
  const char *folder = g_getenv ("FLOWMAP_EXAMPLES");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  if (folder == NULL)
    folder = SOURCE_EXAMPLES_DIR;

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no examples folder");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(FmDocument) document = NULL;
      g_autoptr(FmDocument) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *original = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      if (!g_str_has_suffix (name, ".flowmap"))
        continue;

      n_files++;
      path = g_build_filename (folder, name, NULL);
      file = g_file_new_for_path (path);
      document = fm_json_load_file (file, &error);
      g_assert_no_error (error);

      first = fm_json_save_to_data (document, NULL);
      again = fm_json_load_data (first, -1, name, &error);
      g_assert_no_error (error);
      second = fm_json_save_to_data (again, NULL);
      g_assert_cmpstr (first, ==, second);

      g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
      if (!g_str_equal (original, first))
        g_test_message ("%s is not in the canonical form; `flowmap fmt -i` writes it so", name);
    }

  if (n_files == 0)
    g_test_skip ("no example files");
}

static void
test_bom (void)
{
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", canonical_text, NULL);
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  document = fm_json_load_data (with_bom, -1, "bom.flowmap", &error);
  g_assert_no_error (error);
  text = fm_json_save_to_data (document, NULL);
  /* Accepted, and not written back. */
  g_assert_cmpstr (text, ==, canonical_text);
}

static void
test_io_errors (void)
{
  g_autofree char *folder = g_dir_make_tmp ("flowmap-json-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.flowmap", NULL);
  g_autofree char *directory = g_build_filename (folder, "folder.flowmap", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) directory_file = g_file_new_for_path (directory);
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = fm_json_load_file (missing_file, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "missing.flowmap: "));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  document = fm_json_load_file (directory_file, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, "folder.flowmap: "));
  g_clear_error (&error);

  /* Saving onto a directory fails too, and leaves it be. */
  document = make_full_document ();
  g_assert_false (fm_json_save_file (document, directory_file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "folder.flowmap: "));
  g_assert_true (g_file_test (directory, G_FILE_TEST_IS_DIR));

  g_rmdir (directory);
  g_rmdir (folder);
}

static void
test_save_file (void)
{
  g_autofree char *folder = g_dir_make_tmp ("flowmap-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "map.flowmap", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmDocument) document = make_full_document ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = fm_json_save_to_data (document, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after_failure = NULL;
  g_autoptr(FmEdge) loop = NULL;
  FmMap *map;

  g_assert_true (fm_json_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  loaded = fm_json_load_file (file, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, loaded);

  /* The second save keeps the first as a backup. */
  g_object_set (document, "title", "Second", NULL);
  g_assert_true (fm_json_save_file (document, file, &error));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* A document the loader would refuse is not written, and the file stays. */
  map = fm_document_get_map (document, 0);
  loop = fm_edge_new ("loop", "build", "build", FM_EDGE_KIND_REWORK);
  fm_map_insert_edge (map, fm_map_get_n_edges (map), loop);
  g_assert_false (fm_json_save_file (document, file, &error));
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "map.flowmap: not saved: maps[0].edges[7]: an edge from a node to itself (\"build\")");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after_failure, NULL, NULL));
  g_assert_nonnull (strstr (after_failure, "\"title\": \"Second\""));

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (folder);
}

/* Removing a node leaves kaizens naming it; the save leaves the id out. */
static void
test_dangling_applies_to (void)
{
  g_autoptr(FmDocument) document = make_full_document ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *targets[] = { "build", "ghost", NULL };
  FmMap *map = fm_document_get_map (document, 0);
  FmNode *kaizen;

  /* The model drops deleted nodes from applies_to; the saver still never
   * writes an id that names no node, whatever state it is given. */
  kaizen = fm_map_lookup_node (map, "kaizen");
  fm_kaizen_set_applies_to (FM_KAIZEN (kaizen), targets);

  text = fm_json_save_to_data (document, NULL);
  loaded = fm_json_load_data (text, -1, "dangling.flowmap", &error);
  g_assert_no_error (error);
  kaizen = fm_map_lookup_node (fm_document_get_map (loaded, 0), "kaizen");
  g_assert_cmpstrv (fm_kaizen_get_applies_to (FM_KAIZEN (kaizen)),
                    ((const char * const []) { "build", NULL }));
}

static void
test_selection (void)
{
  g_autoptr(FmDocument) document = make_full_document ();
  FmMap *map = fm_document_get_map (document, 0);
  const char *ids[] = { "build", "kaizen", "end", "e6", "nonexistent", NULL };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FmMap) copy = fm_map_new ("copy");

  text = fm_json_serialize_selection (map, ids);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"flowmap-selection\",\n  \"version\": 1,\n"));

  g_assert_true (fm_json_parse_selection (text, &nodes, &edges, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nodes->len, ==, 3);
  g_assert_cmpuint (edges->len, ==, 2);
  /* In the map's order. */
  g_assert_cmpstr (fm_node_get_id (nodes->pdata[0]), ==, "build");
  g_assert_cmpstr (fm_node_get_id (nodes->pdata[1]), ==, "kaizen");
  g_assert_cmpstr (fm_node_get_id (nodes->pdata[2]), ==, "end");
  g_assert_cmpstr (fm_edge_get_id (edges->pdata[0]), ==, "e3");
  g_assert_cmpstr (fm_edge_get_id (edges->pdata[1]), ==, "e6");
  g_assert_cmpfloat (fm_edge_get_rate (edges->pdata[1]), ==, 0.25);
  g_assert_cmpfloat (fm_process_step_get_lead_s (nodes->pdata[0]), ==, 123456.789);
  /* "inbox" is not in the fragment, so not in its applies_to. */
  g_assert_cmpstrv (fm_kaizen_get_applies_to (nodes->pdata[1]),
                    ((const char * const []) { "build", NULL }));

  /* Back into a map, the same fragment again. */
  for (guint i = 0; i < nodes->len; i++)
    fm_map_insert_node (copy, i, nodes->pdata[i]);
  for (guint i = 0; i < edges->len; i++)
    fm_map_insert_edge (copy, i, edges->pdata[i]);
  again = fm_json_serialize_selection (copy, (const char * const []) { "build", "kaizen", "end", NULL });
  g_assert_cmpstr (text, ==, again);

  g_clear_pointer (&nodes, g_ptr_array_unref);
  g_clear_pointer (&edges, g_ptr_array_unref);
  g_clear_pointer (&again, g_free);
  again = fm_json_save_to_data (document, NULL);
  g_assert_false (fm_json_parse_selection (again, &nodes, &edges, &error));
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==,
                   "clipboard: format: expected \"flowmap-selection\", got \"flowmap\"");
  g_assert_null (nodes);
  g_assert_null (edges);
  g_clear_error (&error);

  g_assert_false (fm_json_parse_selection ("{\"format\":\"flowmap-selection\",\"version\":1,"
                                           "\"nodes\":[],\"edges\":[{\"id\":\"e\",\"from\":\"a\",\"to\":\"b\",\"kind\":\"flow\"}]}",
                                           &nodes, &edges, &error));
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "clipboard: edges[0].from: no node \"a\" in this map");
  g_clear_error (&error);

  g_assert_false (fm_json_parse_selection ("plain text from another app", &nodes, &edges, &error));
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_SYNTAX);
}

/* Where a node's times come from survives a save and a load, on any kind
 * of node, right after the common fields. */
static void
test_observed (void)
{
  g_autoptr(FmDocument) document = make_full_document ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(FmDocument) wrong = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  FmMap *map = fm_document_get_map (document, 0);
  const char *note = "observed 2026-09-01 – 2026-11-20, median of 42 items";

  fm_node_set_observed (fm_map_lookup_node (map, "inbox"), note);
  fm_node_set_observed (fm_map_lookup_node (map, "note"), "");
  first = fm_json_save_to_data (document, NULL);
  g_assert_nonnull (strstr (first, "\"height\": 90,\n          \"observed\": \"observed 2026-09-01 – "
                                   "2026-11-20, median of 42 items\",\n          \"wait_s\": 3600"));

  loaded = fm_json_load_data (first, -1, "observed.flowmap", &error);
  g_assert_no_error (error);
  map = fm_document_get_map (loaded, 0);
  g_assert_cmpstr (fm_node_get_observed (fm_map_lookup_node (map, "inbox")), ==, note);
  g_assert_cmpstr (fm_node_get_observed (fm_map_lookup_node (map, "note")), ==, "");
  g_assert_null (fm_node_get_observed (fm_map_lookup_node (map, "build")));
  g_assert_null (fm_node_get_extra (fm_map_lookup_node (map, "inbox")));
  second = fm_json_save_to_data (loaded, NULL);
  g_assert_cmpstr (first, ==, second);

  wrong = fm_json_load_data ("{\"format\": \"flowmap\", \"version\": 1, \"maps\": [{\"id\": \"m\", "
                             "\"nodes\": [{\"id\": \"q\", \"kind\": \"queue\", \"x\": 0, \"y\": 0, "
                             "\"observed\": true}]}]}", -1, "wrong.flowmap", &error);
  g_assert_null (wrong);
  g_assert_error (error, FM_JSON_ERROR, FM_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "maps[0].nodes[0].observed"));
}

/* The unit of lead times is written only when it is not days (files of
 * days keep their bytes), read back, and a unit it does not know refused. */
static void
test_lead_time_unit (void)
{
  static const char months[] =
    "{\"format\": \"flowmap\", \"version\": 1, \"lead_time_unit\": \"months\", \"maps\": []}";
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(FmDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *weeks = NULL;
  gsize length;

  days = fm_json_save_to_data (document, &length);
  g_assert_null (strstr (days, "lead_time_unit"));

  g_object_set (document, "lead-time-unit", FM_TIME_UNIT_WEEKS, NULL);
  weeks = fm_json_save_to_data (document, &length);
  g_assert_nonnull (strstr (weeks, "\"lead_time_unit\": \"weeks\""));
  loaded = fm_json_load_data (weeks, length, "weeks.flowmap", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fm_document_get_lead_time_unit (loaded), ==, FM_TIME_UNIT_WEEKS);

  refused = fm_json_load_data (months, strlen (months), "months.flowmap", &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "lead_time_unit"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/json/round-trip", test_round_trip);
  g_test_add_func ("/fm/json/lead-time-unit", test_lead_time_unit);
  g_test_add_func ("/fm/json/canonical-text", test_canonical_text);
  g_test_add_func ("/fm/json/numbers", test_numbers);
  g_test_add_func ("/fm/json/not-modified", test_not_modified);
  g_test_add_func ("/fm/json/examples", test_examples);
  g_test_add_func ("/fm/json/bom", test_bom);
  g_test_add_func ("/fm/json/error-message", test_error_message);
  g_test_add_func ("/fm/json/io-errors", test_io_errors);
  g_test_add_func ("/fm/json/save-file", test_save_file);
  g_test_add_func ("/fm/json/dangling-applies-to", test_dangling_applies_to);
  g_test_add_func ("/fm/json/selection", test_selection);
  g_test_add_func ("/fm/json/observed", test_observed);

  return g_test_run ();
}
