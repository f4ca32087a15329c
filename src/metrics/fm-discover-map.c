/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-map.c: a current-state map drafted from event data: the drawing
 *
 * The states of the main line become nodes left to right after a trigger
 * and before the outcome, in rows that wrap as a map drawn in the editor
 * does (the next row starts below and to the left, where the timeline
 * starts a new row of its ladder), with the default sizes of the palette
 * and the spacing of the bundled maps; the states off the main line that
 * enough items visit get a row of their own below, unconnected, so that
 * they are on the map to be wired by hand rather than drawn as parallel
 * branches, which the metrics would read as parallel work. The times are
 * those fm_observed_compute() measures on the draft with every state
 * mapped to its own node, so that measuring the draft with the same data
 * gives the same figures, and the nodes carry the same observed note as
 * fm_observed_apply() writes.
 *
 * The map is in no document: it is built as the loader builds one, and
 * only adding it to a document is a change to undo.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-discover"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-discover-private.h"
#include "fm-document-maps.h"
#include "fm-limits.h"
#include "fm-map-private.h"
#include "fm-observed.h"
#include "fm-observed-private.h"

#define ORIGIN_X 40.0        /* the left of every row */
#define FIRST_CENTRE_Y 260.0 /* the middle of the first row */
#define GAP_X 50.0           /* between one node and the next, as on the bundled maps */
#define ROW_PITCH 320.0      /* from one row's middle to the next's: room for the loops */
#define ROW_WIDTH 2400.0     /* a row wraps before it grows wider */
#define MAX_ID_BYTES 40      /* a node's id made of its state's name */

void
fm_discover_node_clear (gpointer data)
{
  FmDiscoverNode *node = data;

  g_free (node->id);
  g_free (node->label);
}

void
fm_discover_edge_clear (gpointer data)
{
  FmDiscoverEdge *edge = data;

  g_free (edge->from);
  g_free (edge->to);
}

/* Whether @count items are enough to be drawn. */
static gboolean
passes (FmDiscovery *self,
        guint        count)
{
  /* A hair under the threshold, so that 5 items of 100 pass 0.05. */
  return self->items > 0 && (double) count / self->items >= self->min_share - 1e-9;
}

/* The outcome's id is kept for it: it is added after the main line. */
static gboolean
id_taken (FmMap      *map,
          const char *id)
{
  return fm_map_has_id (map, id) || g_str_equal (id, "outcome");
}

/* "Ready for Dev" is "ready-for-dev": readable in the file and in
 * `--json`, unique on the map. */
static char *
node_id_for (FmMap      *map,
             const char *name)
{
  g_autofree char *normalized = fm_observed_normalize (name);
  g_autofree char *base = NULL;
  char *id;

  g_strdelimit (normalized, " ", '-');
  if (strlen (normalized) > MAX_ID_BYTES)
    *g_utf8_find_prev_char (normalized, normalized + MAX_ID_BYTES + 1) = '\0';
  base = *normalized != '\0' ? g_strdup (normalized) : g_strdup ("state");

  if (!id_taken (map, base))
    return g_steal_pointer (&base);
  for (guint i = 2;; i++)
    {
      id = g_strdup_printf ("%s-%u", base, i);
      if (!id_taken (map, id))
        return id;
      g_free (id);
    }
}

static char *
edge_id_for (FmMap      *map,
             const char *prefix,
             guint      *counter)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++*counter);

      if (!fm_map_has_id (map, id))
        return id;
      g_free (id);
    }
}

/* A label as long as a document may hold. */
static char *
label_for (const char *name)
{
  if (g_utf8_strlen (name, -1) <= FM_MAX_TEXT_CHARS)
    return g_strdup (name);

  return g_utf8_substring (name, 0, FM_MAX_TEXT_CHARS);
}

static char *
outcome_label (FmDiscovery *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint s = 0; s < self->n_states; s++)
    if (self->roles[s] == FM_DISCOVER_ROLE_DONE && self->states[s].items > 0)
      {
        if (label->len > 0)
          g_string_append (label, " / ");
        g_string_append (label, fm_observed_log_get_state_name (self->log, s));
      }

  if (label->len == 0)
    return g_strdup (C_("outcome of a drafted map", "Done"));

  return label_for (label->str);
}

static FmNode *
add_node (FmDiscovery *self,
          FmMap       *map,
          GArray      *nodes,
          FmNodeKind   kind,
          const char  *id,
          char        *label,
          int          state,
          gboolean     on_main_line)
{
  FmDiscoverNode desc = { 0 };
  FmNode *node = fm_node_new (kind, id);

  fm_node_set_label (node, label);
  fm_map_append_node_quietly (map, node);
  g_object_unref (node);

  desc.id = g_strdup (id);
  desc.label = label;
  desc.kind = kind;
  desc.state = state;
  desc.on_main_line = on_main_line;
  desc.median_s = NAN;
  desc.pca = NAN;
  if (state >= 0)
    {
      FmDiscoverState *acc = &self->states[state];

      /* A self-repeat is a rework of the step on itself: the share of its
       * passes that had to be done again (docs/discovery.md). */
      if (kind == FM_NODE_KIND_PROCESS && acc->self_moves > 0 && passes (self, acc->self_items))
        desc.pca = round (1000.0 * (1.0 - (double) acc->self_moves / acc->moves_out)) / 10.0;
    }
  g_array_append_val (nodes, desc);

  return node;
}

static FmNode *
add_state_node (FmDiscovery *self,
                FmMap       *map,
                GArray      *nodes,
                guint        state,
                gboolean     on_main_line)
{
  const char *name = fm_observed_log_get_state_name (self->log, state);
  g_autofree char *id = node_id_for (map, name);
  FmNodeKind kind = self->roles[state] == FM_DISCOVER_ROLE_QUEUE ? FM_NODE_KIND_QUEUE : FM_NODE_KIND_PROCESS;

  return add_node (self, map, nodes, kind, id, label_for (name), state, on_main_line);
}

static void
add_edge (FmMap      *map,
          GArray     *edges,
          const char *id,
          const char *from,
          const char *to,
          FmEdgeKind  kind,
          double      rate,
          guint       moves,
          guint       items)
{
  g_autoptr(FmEdge) edge = fm_edge_new (id, from, to, kind);
  FmDiscoverEdge desc = { g_strdup (from), g_strdup (to), kind, rate, moves, items };

  if (!isnan (rate))
    fm_edge_set_rate (edge, rate);
  fm_map_append_edge_quietly (map, edge);
  g_array_append_val (edges, desc);
}

typedef struct {
  const FmDiscoverMove *move;
  int from;   /* positions on the main line */
  int to;
} Back;

static int
compare_backs (gconstpointer a,
               gconstpointer b)
{
  const Back *ba = a, *bb = b;

  if (ba->from != bb->from)
    return ba->from - bb->from;

  return ba->to - bb->to;
}

/* The rework edges: moves back along the main line, by their source. */
static void
add_rework (FmDiscovery   *self,
            FmMap         *map,
            GArray        *edges,
            const int     *position,
            GArray        *line_ids)
{
  g_autoptr(GArray) backs = g_array_new (FALSE, FALSE, sizeof (Back));
  GHashTableIter iter;
  gpointer value;
  guint counter = 0;

  g_hash_table_iter_init (&iter, self->moves);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const FmDiscoverMove *move = value;
      Back back = { move, position[move->from], position[move->to] };

      if (back.from < 0 || back.to < 0 || back.to >= back.from || !passes (self, move->items))
        continue;
      g_array_append_val (backs, back);
    }
  g_array_sort (backs, compare_backs);

  for (guint i = 0; i < backs->len; i++)
    {
      const Back *back = &g_array_index (backs, Back, i);
      const FmDiscoverMove *move = back->move;
      g_autofree char *id = edge_id_for (map, "rework", &counter);
      /* The share of the passes out of the state that went back: what the
       * metrics' r ÷ (1 − r) needs. Per mille, at least one, so that a rare
       * loop is still counted, and below 1, as a file holds it: every move
       * out of a state can go back when the main line is of items still
       * in progress. */
      double rate = round (1000.0 * move->moves / self->states[move->from].moves_out) / 1000.0;

      rate = CLAMP (rate, 0.001, 0.999);

      add_edge (map, edges, id, g_array_index (line_ids, char *, back->from + 1),
                g_array_index (line_ids, char *, back->to + 1),
                FM_EDGE_KIND_REWORK, rate, move->moves, move->items);
    }
}

/* The flow along the main line, from the trigger to the outcome. */
static void
add_flow (FmDiscovery *self,
          FmMap       *map,
          GArray      *edges,
          GArray      *line,
          GArray      *line_ids)
{
  guint counter = 0;

  for (guint i = 0; i + 1 < line_ids->len; i++)
    {
      g_autofree char *id = edge_id_for (map, "flow", &counter);
      guint moves = 0, items = 0;

      if (i == 0 && line->len > 0)
        {
          /* Into the first state: the items that started there. */
          moves = items = self->states[g_array_index (line, guint, 0)].entries;
        }
      else if (i < line->len)
        {
          const FmDiscoverMove *move = fm_discover_lookup_move (self, g_array_index (line, guint, i - 1),
                                                                g_array_index (line, guint, i));

          moves = move != NULL ? move->moves : 0;
          items = move != NULL ? move->items : 0;
        }
      else
        {
          /* Into the outcome: into any state that finishes items. */
          for (guint s = 0; s < self->n_states; s++)
            {
              const FmDiscoverMove *move;

              if (self->roles[s] != FM_DISCOVER_ROLE_DONE)
                continue;
              if (line->len == 0)
                {
                  moves += self->states[s].entries;
                  items += self->states[s].entries;
                  continue;
                }
              move = fm_discover_lookup_move (self, g_array_index (line, guint, line->len - 1), s);
              if (move != NULL)
                {
                  moves += move->moves;
                  items += move->items;
                }
            }
        }

      add_edge (map, edges, id, g_array_index (line_ids, char *, i),
                g_array_index (line_ids, char *, i + 1), FM_EDGE_KIND_FLOW, NAN, moves, items);
    }
}

/* Left to right, wrapping into rows; @x and @centre_y are where the next
 * node goes. */
static void
place (FmNode *node,
       double *x,
       double *centre_y)
{
  double width = fm_node_get_width (node), height = fm_node_get_height (node);

  if (*x > ORIGIN_X && *x + width > ORIGIN_X + ROW_WIDTH)
    {
      *x = ORIGIN_X;
      *centre_y += ROW_PITCH;
    }
  fm_node_set_position (node, *x, *centre_y - height / 2);
  *x += width + GAP_X;
}

/* Every state on the draft to its own node, those that finish items to
 * the outcome; the others unmapped, as if the map had no node for them. */
static FmObserved *
measure (FmDiscovery *self,
         FmMap       *map,
         GArray      *nodes)
{
  g_autoptr(FmMap) empty = fm_map_new ("empty");
  g_autoptr(FmObservedMapping) mapping = NULL;
  g_autofree gboolean *drawn = g_new0 (gboolean, MAX (self->n_states, 1));
  FmObservedOptions options;

  /* Matched to no node by name: each state is set by hand below. */
  mapping = fm_observed_mapping_new (self->log, empty);
  for (guint i = 0; i < nodes->len; i++)
    {
      const FmDiscoverNode *node = &g_array_index (nodes, FmDiscoverNode, i);

      if (node->state < 0)
        continue;
      drawn[node->state] = TRUE;
      fm_observed_mapping_set (mapping, map, fm_observed_log_get_state_name (self->log, node->state),
                               node->id, NULL);
    }
  for (guint s = 0; s < self->n_states; s++)
    {
      const char *name = fm_observed_log_get_state_name (self->log, s);

      if (drawn[s])
        continue;
      if (self->roles[s] == FM_DISCOVER_ROLE_DONE)
        fm_observed_mapping_set (mapping, map, name, "outcome", NULL);
      else if (fm_observed_log_get_state_done (self->log, s))
        fm_observed_mapping_set (mapping, map, name, NULL, NULL);
    }

  fm_observed_options_init (&options);
  options.time_zone = self->tz;

  return fm_observed_compute (self->log, mapping, map, &options);
}

/* The observed medians on the nodes, as fm_observed_apply() puts them. */
static void
set_times (FmDiscovery *self,
           FmMap       *map,
           GArray      *nodes)
{
  g_autoptr(FmObserved) observed = measure (self, map, nodes);
  g_autoptr(GHashTable) figures = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < observed->nodes->len; i++)
    {
      FmObservedNode *f = &g_array_index (observed->nodes, FmObservedNode, i);

      g_hash_table_insert (figures, f->node_id, f);
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      FmDiscoverNode *desc = &g_array_index (nodes, FmDiscoverNode, i);
      FmNode *node = fm_map_lookup_node (map, desc->id);
      const FmObservedNode *f;
      g_autofree char *note = NULL;
      const char *property;

      if (desc->kind == FM_NODE_KIND_TRIGGER)
        desc->count = self->items;
      else if (desc->kind == FM_NODE_KIND_OUTCOME)
        desc->count = self->finished;
      if (desc->state < 0)
        continue;

      if (!isnan (desc->pca))
        g_object_set (node, "pca", desc->pca, NULL);

      f = g_hash_table_lookup (figures, desc->id);
      if (f == NULL)
        continue;
      desc->count = f->count;
      desc->median_s = f->median_s;
      if (isnan (f->median_s))
        continue;

      if (desc->kind == FM_NODE_KIND_QUEUE)
        property = "wait-s";
      else if (self->roles[desc->state] == FM_DISCOVER_ROLE_ACTIVITY)
        property = "process-s";   /* touch time: start to complete */
      else
        property = "lead-s";
      note = fm_observed_describe (observed, f, FM_OBSERVED_MEDIAN);
      g_object_set (node, property, MIN (round (f->median_s), FM_MAX_SECONDS), NULL);
      fm_node_set_observed (node, note);
    }
}

/**
 * fm_discover_draft:
 * @sequence: (array length=n_sequence): the states whose order gives the
 *   main line: a variant
 * @off_line: whether to add the states off the main line that pass the
 *   threshold, in a row below it
 * @id: the map's id
 * @nodes: (nullable): filled with an #FmDiscoverNode per node
 * @edges: (nullable): filled with an #FmDiscoverEdge per edge
 *
 * Returns: (transfer full): the drafted map
 */
FmMap *
fm_discover_draft (FmDiscovery *self,
                   const guint *sequence,
                   guint        n_sequence,
                   gboolean     off_line,
                   const char  *id,
                   GArray      *nodes,
                   GArray      *edges)
{
  g_autoptr(GArray) own_nodes = NULL;
  g_autoptr(GArray) own_edges = NULL;
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (char *));
  g_autofree int *position = g_new (int, MAX (self->n_states, 1));
  FmMap *map = fm_map_new (id);
  FmNode *node;
  double x = ORIGIN_X, centre_y = FIRST_CENTRE_Y;

  if (nodes == NULL)
    {
      nodes = own_nodes = g_array_new (FALSE, TRUE, sizeof (FmDiscoverNode));
      g_array_set_clear_func (own_nodes, fm_discover_node_clear);
    }
  if (edges == NULL)
    {
      edges = own_edges = g_array_new (FALSE, TRUE, sizeof (FmDiscoverEdge));
      g_array_set_clear_func (own_edges, fm_discover_edge_clear);
    }

  fm_map_set_name (map, _("Current state"));
  fm_map_set_state (map, FM_MAP_STATE_CURRENT);

  /* The main line: the states in the order the variant first enters them. */
  for (guint s = 0; s < self->n_states; s++)
    position[s] = -1;
  for (guint i = 0; i < n_sequence; i++)
    {
      guint s = sequence[i];

      if (self->roles[s] == FM_DISCOVER_ROLE_DONE || self->roles[s] == FM_DISCOVER_ROLE_OMIT || position[s] >= 0)
        continue;
      position[s] = line->len;
      g_array_append_val (line, s);
    }

  node = add_node (self, map, nodes, FM_NODE_KIND_TRIGGER, "trigger",
                   g_strdup (C_("trigger of a drafted map", "New work item")), -1, TRUE);
  place (node, &x, &centre_y);
  for (guint i = 0; i < line->len; i++)
    {
      node = add_state_node (self, map, nodes, g_array_index (line, guint, i), TRUE);
      place (node, &x, &centre_y);
    }
  node = add_node (self, map, nodes, FM_NODE_KIND_OUTCOME, "outcome", outcome_label (self), -1, TRUE);
  place (node, &x, &centre_y);

  if (off_line)
    {
      gboolean first = TRUE;

      for (guint s = 0; s < self->n_states; s++)
        {
          if (position[s] >= 0 || self->roles[s] == FM_DISCOVER_ROLE_DONE ||
              self->roles[s] == FM_DISCOVER_ROLE_OMIT || !passes (self, self->states[s].items))
            continue;
          /* A row of their own, under the main line. */
          if (first)
            {
              x = ORIGIN_X;
              centre_y += ROW_PITCH;
              first = FALSE;
            }
          node = add_state_node (self, map, nodes, s, FALSE);
          place (node, &x, &centre_y);
        }
    }

  /* The ids along the main line, trigger and outcome included. */
  g_array_set_size (line_ids, 0);
  for (guint i = 0; i < nodes->len; i++)
    {
      FmDiscoverNode *desc = &g_array_index (nodes, FmDiscoverNode, i);

      if (desc->on_main_line)
        g_array_append_val (line_ids, desc->id);
    }
  g_assert (line_ids->len == line->len + 2);

  add_flow (self, map, edges, line, line_ids);
  add_rework (self, map, edges, position, line_ids);
  fm_map_flush_appends (map);

  set_times (self, map, nodes);

  return map;
}

/**
 * fm_discovery_build_variant_map:
 * @variant: the index of a variant
 * @id: the map's id
 *
 * A map of one variant: its states on the main line in its order, with
 * the rework edges and the times of all the data, and no state off it.
 *
 * Returns: (transfer full): the map, in no document
 */
FmMap *
fm_discovery_build_variant_map (FmDiscovery *self,
                                guint        variant,
                                const char  *id)
{
  GArray *states;
  FmMap *map;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (variant < self->variants->len, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  states = self->variant_states->pdata[variant];
  map = fm_discover_draft (self, (const guint *) (gpointer) states->data, states->len, FALSE, id, NULL, NULL);
  /* Translators: the name of a map drawn from one variant of the data, "Variant 2" */
  name = g_strdup_printf (_("Variant %u"), variant + 1);
  fm_map_set_name (map, name);

  return map;
}

/**
 * fm_discovery_add_to_document:
 * @variant: the index of a variant, or -1 for the draft itself
 *
 * Adds a copy of the draft (or a map of one variant) to @document as its
 * last map, with an id and a name of its own, as one undoable step.
 *
 * Returns: (transfer none): the map added
 */
FmMap *
fm_discovery_add_to_document (FmDiscovery *self,
                              FmDocument  *document,
                              int          variant)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FmMap) map = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (variant < (int) self->variants->len, NULL);

  id = fm_document_new_map_id (document);
  map = variant < 0 ? fm_map_copy (self->map, id) : fm_discovery_build_variant_map (self, variant, id);
  name = fm_document_unique_map_name (document, fm_map_get_name (map));
  fm_map_set_name (map, name);

  fm_document_begin_group (document, _("New Map from Event Data"));
  fm_document_add_map (document, map, fm_document_get_n_maps (document));
  fm_document_end_group (document);

  return map;
}
