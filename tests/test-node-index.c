/* test-node-index.c: the nodes of a map found by place, and kept up to
 * date as they move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fm-map-private.h"
#include "fm-node-index.h"

/* A row of @n steps, 100 wide and 60 high, 200 apart. */
static FmMap *
make_row (guint n)
{
  FmMap *map = fm_map_new ("m");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(FmNode) node = fm_node_new (FM_NODE_KIND_PROCESS, id);

      fm_node_set_position (node, i * 200.0, 0);
      fm_node_set_size (node, 100, 60);
      fm_map_insert_node (map, i, node);
    }

  return map;
}

static gboolean
finds (FmNodeIndex  *index,
       const FmRect *area,
       guint         position)
{
  GArray *found = fm_node_index_find (index, area);

  for (guint k = 0; k < found->len; k++)
    if (g_array_index (found, guint, k) == position)
      return TRUE;
  return FALSE;
}

static void
test_find (void)
{
  g_autoptr(FmMap) map = make_row (30);
  g_autoptr(FmNodeIndex) index = fm_node_index_new (map);
  GArray *found;
  FmRect r;

  g_assert_cmpuint (fm_node_index_get_n (index), ==, 30);
  g_assert_true (fm_node_index_get_node (index, 7) == fm_map_get_node (map, 7));
  fm_node_get_bounds (fm_map_get_node (map, 7), &r);
  g_assert_cmpmem (fm_node_index_get_bounds (index, 7), sizeof r, &r, sizeof r);

  /* A point inside the eighth step; candidates may be more, never fewer,
   * and come in the map's order. */
  g_assert_true (finds (index, &(FmRect) { 1450, 30, 0, 0 }, 7));
  found = fm_node_index_find (index, &(FmRect) { 0, 0, 3000, 10 });
  g_assert_cmpuint (found->len, >=, 15);
  for (guint k = 1; k < found->len; k++)
    g_assert_cmpuint (g_array_index (found, guint, k - 1), <, g_array_index (found, guint, k));

  /* Far below the row: nothing. */
  found = fm_node_index_find (index, &(FmRect) { 0, 5000, 6000, 10 });
  g_assert_cmpuint (found->len, ==, 0);
}

/* Moves are noted with where the nodes were, and the index finds them
 * where they are; too many moves change nothing and say so. */
static void
test_update (void)
{
  g_autoptr(FmMap) map = make_row (10);
  g_autoptr(FmNodeIndex) index = fm_node_index_new (map);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (FmRect));
  FmRect far = { 9000, 9000, 10, 10 };

  g_assert_true (fm_node_index_update (index, 4, moved, old));
  g_assert_cmpuint (moved->len, ==, 0);

  fm_node_set_position (fm_map_get_node (map, 6), 9000, 9000);
  fm_node_set_size (fm_map_get_node (map, 2), 150, 60);
  g_assert_true (fm_node_index_update (index, 2, moved, old));
  g_assert_cmpuint (moved->len, ==, 2);
  g_assert_cmpuint (old->len, ==, 2);
  g_assert_cmpuint (g_array_index (moved, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (moved, guint, 1), ==, 6);
  g_assert_cmpfloat (g_array_index (old, FmRect, 0).width, ==, 100);
  g_assert_cmpfloat (g_array_index (old, FmRect, 1).x, ==, 1200);
  g_assert_cmpfloat (fm_node_index_get_bounds (index, 6)->x, ==, 9000);
  g_assert_cmpfloat (fm_node_index_get_bounds (index, 2)->width, ==, 150);
  g_assert_true (finds (index, &far, 6));
  g_assert_false (finds (index, &(FmRect) { 1250, 30, 0, 0 }, 6));
  g_assert_true (finds (index, &(FmRect) { 540, 30, 0, 0 }, 2));

  /* Three moves, two allowed: nothing taken. */
  for (guint i = 0; i < 3; i++)
    fm_node_set_position (fm_map_get_node (map, i), i * 200.0, 500);
  g_assert_false (fm_node_index_update (index, 2, moved, old));
  g_assert_cmpuint (moved->len, ==, 0);
  g_assert_cmpfloat (fm_node_index_get_bounds (index, 0)->y, ==, 0);
  g_assert_true (finds (index, &(FmRect) { 50, 30, 0, 0 }, 0));
  g_assert_false (finds (index, &(FmRect) { 50, 530, 0, 0 }, 0));

  g_assert_true (fm_node_index_update (index, 3, moved, old));
  g_assert_cmpuint (moved->len, ==, 3);
  g_assert_true (finds (index, &(FmRect) { 50, 530, 0, 0 }, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/node-index/find", test_find);
  g_test_add_func ("/fm/node-index/update", test_update);

  return g_test_run ();
}
