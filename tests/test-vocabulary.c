/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-vocabulary.c: the model's vocabulary: enumerations by name, ISO
 * dates, the order a reader follows a map in, rectangles */
#include "config.h"

#include "fm-document.h"
#include "fm-enum-nick.h"
#include "fm-iso-date.h"
#include "fm-kaizen.h"
#include "fm-map-order.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* The words the file format uses: mkenums makes them from the names in
 * fm-enums.h, so a renamed value would change every file written. */
static void
test_enum_names_are_the_format (void)
{
  static const char * const node_kinds[] = {
    "trigger", "outcome", "process", "queue", "system", "kaizen", "note",
  };
  static const char * const edge_kinds[] = {
    "flow", "push", "pull", "info", "electronic", "rework",
  };
  static const char * const map_states[] = { "current", "future" };
  static const char * const stream_types[] = {
    "operational", "development", "support", "compliance",
  };
  static const char * const kaizen_statuses[] = { "planned", "running", "kept", "dropped" };
  const struct {
    GType type;
    const char * const *names;
    guint n_names;
  } enums[] = {
    { FM_TYPE_NODE_KIND, node_kinds, G_N_ELEMENTS (node_kinds) },
    { FM_TYPE_EDGE_KIND, edge_kinds, G_N_ELEMENTS (edge_kinds) },
    { FM_TYPE_MAP_STATE, map_states, G_N_ELEMENTS (map_states) },
    { FM_TYPE_STREAM_TYPE, stream_types, G_N_ELEMENTS (stream_types) },
    { FM_TYPE_KAIZEN_STATUS, kaizen_statuses, G_N_ELEMENTS (kaizen_statuses) },
  };
  FmMapState state;
  FmKaizenStatus status;
  int value = -1;

  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e].type);

      g_assert_cmpuint (klass->n_values, ==, enums[e].n_names);
      for (guint i = 0; i < enums[e].n_names; i++)
        {
          g_assert_cmpstr (fm_enum_to_nick (enums[e].type, i), ==, enums[e].names[i]);
          g_assert_true (fm_enum_from_nick (enums[e].type, enums[e].names[i], &value));
          g_assert_cmpint (value, ==, i);
        }
    }

  /* The typed wrappers give the same words. */
  g_assert_cmpstr (fm_node_kind_to_string (FM_NODE_KIND_KAIZEN), ==, "kaizen");
  g_assert_cmpstr (fm_edge_kind_to_string (FM_EDGE_KIND_ELECTRONIC), ==, "electronic");
  g_assert_cmpstr (fm_map_state_to_string (FM_MAP_STATE_FUTURE), ==, "future");
  g_assert_cmpstr (fm_stream_type_to_string (FM_STREAM_TYPE_SUPPORT), ==, "support");
  g_assert_cmpstr (fm_kaizen_status_to_string (FM_KAIZEN_STATUS_KEPT), ==, "kept");
  g_assert_true (fm_map_state_from_string ("future", &state));
  g_assert_cmpint (state, ==, FM_MAP_STATE_FUTURE);
  g_assert_true (fm_kaizen_status_from_string ("dropped", &status));
  g_assert_cmpint (status, ==, FM_KAIZEN_STATUS_DROPPED);

  /* Names only, exactly: not the C names, not another case. */
  value = -1;
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "FM_MAP_STATE_FUTURE", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "Future", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, "", &value));
  g_assert_false (fm_enum_from_nick (FM_TYPE_MAP_STATE, NULL, &value));
  g_assert_cmpint (value, ==, -1);
}

static void
test_iso_date (void)
{
  static const struct {
    const char *text;
    int year, month, day;   /* year 0: refused */
  } cases[] = {
    { "2026-01-01", 2026, 1, 1 },
    { "2024-02-29", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "1999-12-31", 1999, 12, 31 },
    { "2026-1-1", 0 },
    { "2026-01-1", 0 },
    { "26-01-01", 0 },
    { "02026-01-01", 0 },
    { "2026-02-29", 0 },
    { "1900-02-29", 0 },
    { "2026-04-31", 0 },
    { "2026-13-01", 0 },
    { "2026-00-10", 0 },
    { "2026-01-00", 0 },
    { "0000-01-01", 0 },
    { "2026-01-01 ", 0 },
    { "2026-01-01T10:00", 0 },
    { "2026-01-01x", 0 },
    { " 2026-01-01", 0 },
    { "+026-01-01", 0 },
    { "2026/01/01", 0 },
    { "2026-0a-01", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean ok = fm_iso_date_parse (cases[i].text, &date);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].year != 0);
      g_assert_cmpint (fm_iso_date_parse (cases[i].text, NULL), ==, ok);
      g_assert_cmpint (g_date_valid (&date), ==, ok);
      if (ok)
        {
          g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
          g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
          g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
        }
    }

  g_assert_false (fm_iso_date_parse (NULL, NULL));
}

static void
add_placed (FmMap      *map,
            FmNodeKind  kind,
            const char *id,
            double      x,
            double      y)
{
  g_autoptr(FmNode) node = fm_node_new (kind, id);

  g_object_set (node, "x", x, "y", y, NULL);
  fm_map_insert_node (map, fm_map_get_n_nodes (map), node);
}

static void
add_joined (FmMap      *map,
            const char *id,
            const char *from,
            const char *to,
            FmEdgeKind  kind)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);

  fm_map_insert_edge (map, fm_map_get_n_edges (map), edge);
}

static void
assert_order (GPtrArray          *order,
              const char * const *expected,
              guint               n_expected)
{
  g_assert_cmpuint (order->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (fm_node_get_id (order->pdata[i]), ==, expected[i]);
}

/* Tab's order: the trigger's flow depth first, branches in reading order;
 * then flows that start elsewhere; then the rest as a page is read.
 * Information and rework edges are not the flow; a cycle is walked once. */
static void
test_flow_order (void)
{
  g_autoptr(FmMap) map = fm_map_new ("m");
  g_autoptr(GPtrArray) reading = NULL;
  g_autoptr(GPtrArray) order = NULL;
  const char * const expected_reading[] = { "note", "t", "a", "b", "c", "s", "x", "z" };
  const char * const expected_flow[] = { "t", "a", "b", "c", "s", "z", "note", "x" };

  add_placed (map, FM_NODE_KIND_PROCESS, "c", 300, 300);
  add_placed (map, FM_NODE_KIND_PROCESS, "b", 600, 10);   /* one row with t, a: centres 10 apart */
  add_placed (map, FM_NODE_KIND_PROCESS, "a", 300, 0);
  add_placed (map, FM_NODE_KIND_TRIGGER, "t", 0, 0);
  add_placed (map, FM_NODE_KIND_NOTE, "note", 900, -200);
  add_placed (map, FM_NODE_KIND_PROCESS, "s", 0, 600);    /* starts a flow of its own */
  add_placed (map, FM_NODE_KIND_PROCESS, "z", 600, 600);
  add_placed (map, FM_NODE_KIND_SYSTEM, "x", 300, 600);   /* reached by information only */
  add_joined (map, "e1", "t", "a", FM_EDGE_KIND_FLOW);
  add_joined (map, "e2", "a", "c", FM_EDGE_KIND_PULL);    /* a's first edge, but below b */
  add_joined (map, "e3", "a", "b", FM_EDGE_KIND_PUSH);
  add_joined (map, "e4", "c", "a", FM_EDGE_KIND_FLOW);    /* a cycle */
  add_joined (map, "e5", "b", "t", FM_EDGE_KIND_REWORK);
  add_joined (map, "e6", "s", "z", FM_EDGE_KIND_FLOW);
  add_joined (map, "e7", "z", "x", FM_EDGE_KIND_INFO);

  reading = fm_map_reading_order (map);
  assert_order (reading, expected_reading, G_N_ELEMENTS (expected_reading));
  order = fm_map_flow_order (map);
  assert_order (order, expected_flow, G_N_ELEMENTS (expected_flow));
}

static void
test_rect_union (void)
{
  FmRect r = { 10, 20, 30, 40 };

  fm_rect_union (&r, &(FmRect) { 0, 50, 5, 100 });
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 20);
  g_assert_cmpfloat (r.width, ==, 40);
  g_assert_cmpfloat (r.height, ==, 130);

  /* Inside: unchanged. */
  fm_rect_union (&r, &(FmRect) { 1, 21, 2, 2 });
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 20);
  g_assert_cmpfloat (r.width, ==, 40);
  g_assert_cmpfloat (r.height, ==, 130);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/model/enum-names", test_enum_names_are_the_format);
  g_test_add_func ("/fm/model/iso-date", test_iso_date);
  g_test_add_func ("/fm/model/flow-order", test_flow_order);
  g_test_add_func ("/fm/model/rect-union", test_rect_union);

  return g_test_run ();
}
