/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-unknown.c: the Flowmap file format keeps what it does not know: unknown
 * fields survive a load and a save, in their place, and never shadow known ones
 */
#include "config.h"

#define G_LOG_DOMAIN "test-json"

#include <string.h>

#include "fm-document-private.h"
#include "fm-json.h"
#include "fm-map-private.h"
#include "fm-kaizen.h"
#include "fm-process-step.h"
#include "fm-queue.h"

static const char unknown_text[] =
  "{\n"
  "  \"format\": \"flowmap\",\n"
  "  \"version\": 1,\n"
  "  \"stream_type\": \"operational\",\n"
  "  \"day_length_s\": 86400,\n"
  "  \"available_time_s\": 28800,\n"
  "  \"maps\": [\n"
  "    {\n"
  "      \"id\": \"m\",\n"
  "      \"name\": \"Map\",\n"
  "      \"state\": \"current\",\n"
  "      \"nodes\": [\n"
  "        {\n"
  "          \"id\": \"a\",\n"
  "          \"kind\": \"queue\",\n"
  "          \"label\": \"A\",\n"
  "          \"x\": 0,\n"
  "          \"y\": 0,\n"
  "          \"width\": 100,\n"
  "          \"height\": 90,\n"
  "          \"wait_s\": 60,\n"
  "          \"zeta\": [],\n"
  "          \"process_s\": 5,\n"
  "          \"alpha\": {}\n"
  "        },\n"
  "        {\n"
  "          \"id\": \"b\",\n"
  "          \"kind\": \"note\",\n"
  "          \"label\": \"B\",\n"
  "          \"x\": 1,\n"
  "          \"y\": 2,\n"
  "          \"width\": 160,\n"
  "          \"height\": 80\n"
  "        }\n"
  "      ],\n"
  "      \"edges\": [\n"
  "        {\n"
  "          \"id\": \"e\",\n"
  "          \"from\": \"a\",\n"
  "          \"to\": \"b\",\n"
  "          \"kind\": \"info\",\n"
  "          \"color\": \"#ff0000\",\n"
  "          \"dashes\": [\n"
  "            4,\n"
  "            2.5\n"
  "          ]\n"
  "        }\n"
  "      ],\n"
  "      \"layout\": {\n"
  "        \"grid\": true,\n"
  "        \"spacing\": null\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  \"z_plugin\": {\n"
  "    \"big\": 9007199254740993,\n"
  "    \"small\": 0.1,\n"
  "    \"text\": \"é \\\" \\\\ \\n \\u0001\",\n"
  "    \"nested\": [\n"
  "      [\n"
  "        {\n"
  "          \"deep\": -1e-300\n"
  "        }\n"
  "      ]\n"
  "    ]\n"
  "  },\n"
  "  \"a_plugin\": false\n"
  "}\n";

static void
test_unknown_fields (void)
{
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FmMap *map;

  document = fm_json_load_data (unknown_text, -1, "unknown.flowmap", &error);
  g_assert_no_error (error);

  /* Kept as the text of an object, in the order of the file. */
  g_assert_cmpstr (fm_document_get_extra (document), ==,
                   "{\"z_plugin\":{\"big\":9007199254740993,\"small\":0.1,"
                   "\"text\":\"é \\\" \\\\ \\n \\u0001\",\"nested\":[[{\"deep\":-1e-300}]]},"
                   "\"a_plugin\":false}");
  map = fm_document_get_map (document, 0);
  g_assert_cmpstr (fm_map_get_extra (map), ==, "{\"layout\":{\"grid\":true,\"spacing\":null}}");
  /* A field of another kind is an unknown field of this one. */
  g_assert_cmpstr (fm_node_get_extra (fm_map_lookup_node (map, "a")), ==,
                   "{\"zeta\":[],\"process_s\":5,\"alpha\":{}}");
  g_assert_null (fm_node_get_extra (fm_map_lookup_node (map, "b")));
  g_assert_cmpstr (fm_edge_get_extra (fm_map_lookup_edge (map, "e")), ==,
                   "{\"color\":\"#ff0000\",\"dashes\":[4,2.5]}");

  text = fm_json_save_to_data (document, NULL);
  g_assert_cmpstr (text, ==, unknown_text);
}

/* The loader skips the search for unknown fields when it has read every
 * member of an object; these are the cases where it has not, or where the
 * members come in another order than a save writes them. */
static void
test_unknown_fields_read_order (void)
{
  static const char text[] =
    "{\"maps\": [{\"nodes\": ["
    /* Known members only, backwards: each lookup starts after the last. */
    "{\"wip\": 1, \"role\": \"R\", \"people\": 2, \"pca\": 50, \"lead_s\": 9, \"process_s\": 3,"
    " \"height\": 90, \"width\": 100, \"y\": 2, \"x\": 1, \"label\": \"P\", \"kind\": \"process\","
    " \"id\": \"p\"},"
    /* applies_to is read after every node is there: not yet when the
     * rest is, and known all the same. */
    "{\"id\": \"k\", \"kind\": \"kaizen\", \"x\": 0, \"y\": 0, \"applies_to\": [\"p\"],"
    " \"owner\": \"O\"},"
    /* An unknown member first, then known ones. */
    "{\"aaa\": 1, \"id\": \"q\", \"kind\": \"queue\", \"x\": 0, \"y\": 0, \"wait_s\": 5}"
    "], \"edges\": ["
    "{\"kind\": \"push\", \"to\": \"q\", \"from\": \"p\", \"id\": \"e\"},"
    "{\"id\": \"f\", \"from\": \"q\", \"to\": \"p\", \"kind\": \"rework\", \"rate\": 0.5, \"z\": null}"
    "], \"id\": \"m\"}], \"version\": 1, \"format\": \"flowmap\"}";
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FmMap *map;
  FmNode *node;

  document = fm_json_load_data (text, -1, "order.flowmap", &error);
  g_assert_no_error (error);
  map = fm_document_get_map (document, 0);
  g_assert_null (fm_document_get_extra (document));
  g_assert_null (fm_map_get_extra (map));

  node = fm_map_lookup_node (map, "p");
  g_assert_null (fm_node_get_extra (node));
  g_assert_cmpstr (fm_node_get_label (node), ==, "P");
  g_assert_cmpfloat (fm_process_step_get_wip (FM_PROCESS_STEP (node)), ==, 1);
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (node)), ==, 3);
  g_assert_cmpstr (fm_process_step_get_role (FM_PROCESS_STEP (node)), ==, "R");

  node = fm_map_lookup_node (map, "k");
  g_assert_null (fm_node_get_extra (node));
  g_assert_cmpstr (fm_kaizen_get_owner (FM_KAIZEN (node)), ==, "O");
  g_assert_cmpstrv (fm_kaizen_get_applies_to (FM_KAIZEN (node)), ((const char * const[]) { "p", NULL }));

  g_assert_cmpstr (fm_node_get_extra (fm_map_lookup_node (map, "q")), ==, "{\"aaa\":1}");
  g_assert_null (fm_edge_get_extra (fm_map_lookup_edge (map, "e")));
  g_assert_cmpint (fm_edge_get_kind (fm_map_lookup_edge (map, "e")), ==, FM_EDGE_KIND_PUSH);
  g_assert_cmpstr (fm_edge_get_extra (fm_map_lookup_edge (map, "f")), ==, "{\"z\":null}");
  g_assert_cmpfloat (fm_edge_get_rate (fm_map_lookup_edge (map, "f")), ==, 0.5);
}

/* Unknown fields set by code that name a known field are not written twice. */
static void
test_extra_collision (void)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_NOTE, "n");
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FmMap *loaded_map;

  fm_node_set_label (node, "Real");
  fm_node_set_extra (node, "{\"label\":\"Fake\",\"kept\":1}");
  fm_map_set_extra (map, "not json at all");
  fm_document_set_extra (document, "[1, 2]");
  fm_map_insert_node (map, 0, node);
  fm_document_insert_map_internal (document, 0, map);

  text = fm_json_save_to_data (document, NULL);
  loaded = fm_json_load_data (text, -1, "collision.flowmap", &error);
  g_assert_no_error (error);
  loaded_map = fm_document_get_map (loaded, 0);
  g_assert_cmpstr (fm_node_get_label (fm_map_get_node (loaded_map, 0)), ==, "Real");
  g_assert_cmpstr (fm_node_get_extra (fm_map_get_node (loaded_map, 0)), ==, "{\"kept\":1}");
  g_assert_null (fm_map_get_extra (loaded_map));
  g_assert_null (fm_document_get_extra (loaded));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/json/unknown-fields", test_unknown_fields);
  g_test_add_func ("/fm/json/unknown-fields-read-order", test_unknown_fields_read_order);
  g_test_add_func ("/fm/json/extra-collision", test_extra_collision);

  return g_test_run ();
}
