/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-save.c: the model as Flowmap JSON, keys in a fixed order */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include "fm-json-private.h"
#include "fm-kaizen.h"
#include "fm-process-step.h"
#include "fm-queue.h"

static void
write_string (FmJsonWriter *w,
              const char   *key,
              const char   *value)
{
  if (value == NULL)
    return;

  fm_json_writer_key (w, key);
  fm_json_writer_string (w, value);
}

static void
write_number (FmJsonWriter *w,
              const char   *key,
              double        value)
{
  fm_json_writer_key (w, key);
  fm_json_writer_number (w, value);
}

/* An optional number: FM_UNSET is left out. */
static void
write_optional (FmJsonWriter *w,
                const char   *key,
                double        value)
{
  if (fm_value_is_set (value))
    write_number (w, key, value);
}

/* The unknown fields a load kept, after the known ones, in their order. A
 * member with a known name is skipped: it would be a duplicate key. */
static void
write_extra (FmJsonWriter       *w,
             const char         *extra,
             const char * const *known,
             const char * const *more_known)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *root;

  if (extra == NULL)
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, extra, -1, &error))
    {
      g_debug ("Unknown fields not written: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Unknown fields not written: not a JSON object");
      return;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (fm_json_key_is_known (known, key) ||
          (more_known != NULL && fm_json_key_is_known (more_known, key)))
        continue;

      fm_json_writer_key (w, key);
      fm_json_writer_node (w, json_object_get_member (object, key));
    }
}

/* Only ids of nodes that are there (and selected, for a fragment) are
 * written: removing a node does not edit the kaizens that name it, and a
 * file naming a missing node would not load. */
static void
write_applies_to (FmJsonWriter *w,
                  FmMap        *map,
                  GHashTable   *node_ids,
                  FmKaizen     *kaizen)
{
  const char * const *applies_to = fm_kaizen_get_applies_to (kaizen);
  gboolean any = FALSE;

  if (applies_to == NULL)
    return;

  for (guint i = 0; applies_to[i] != NULL; i++)
    {
      const char *id = applies_to[i];

      if (fm_map_lookup_node (map, id) == NULL ||
          (node_ids != NULL && !g_hash_table_contains (node_ids, id)))
        continue;

      if (!any)
        {
          fm_json_writer_key (w, "applies_to");
          fm_json_writer_begin_array (w);
          any = TRUE;
        }
      fm_json_writer_string (w, id);
    }

  if (any)
    fm_json_writer_end_array (w);
}

static void
write_node (FmJsonWriter *w,
            FmMap        *map,
            GHashTable   *node_ids,
            FmNode       *node)
{
  FmNodeKind kind = fm_node_get_kind (node);

  fm_json_writer_begin_object (w);
  write_string (w, "id", fm_node_get_id (node));
  write_string (w, "kind", fm_node_kind_to_string (kind));
  write_string (w, "label", fm_node_get_label (node));
  write_number (w, "x", fm_node_get_x (node));
  write_number (w, "y", fm_node_get_y (node));
  /* Always written, so that a change of a default size in a later version
   * does not change how an old file looks. */
  write_number (w, "width", fm_node_get_width (node));
  write_number (w, "height", fm_node_get_height (node));
  write_string (w, "observed", fm_node_get_observed (node));

  switch (kind)
    {
    case FM_NODE_KIND_PROCESS:
      {
        FmProcessStep *step = FM_PROCESS_STEP (node);

        write_optional (w, "process_s", fm_process_step_get_process_s (step));
        write_optional (w, "lead_s", fm_process_step_get_lead_s (step));
        write_optional (w, "pca", fm_process_step_get_pca (step));
        write_optional (w, "people", fm_process_step_get_people (step));
        write_string (w, "role", fm_process_step_get_role (step));
        write_optional (w, "wip", fm_process_step_get_wip (step));
      }
      break;

    case FM_NODE_KIND_QUEUE:
      write_optional (w, "wait_s", fm_queue_get_wait_s (FM_QUEUE (node)));
      write_optional (w, "items", fm_queue_get_items (FM_QUEUE (node)));
      write_optional (w, "limit", fm_queue_get_limit (FM_QUEUE (node)));
      break;

    case FM_NODE_KIND_KAIZEN:
      {
        FmKaizen *kaizen = FM_KAIZEN (node);

        write_string (w, "owner", fm_kaizen_get_owner (kaizen));
        write_string (w, "measure", fm_kaizen_get_measure (kaizen));
        write_string (w, "baseline", fm_kaizen_get_baseline (kaizen));
        write_string (w, "target", fm_kaizen_get_target (kaizen));
        write_string (w, "review_date", fm_kaizen_get_review_date (kaizen));
        write_string (w, "started", fm_kaizen_get_started (kaizen));
        write_string (w, "status", fm_kaizen_status_to_string (fm_kaizen_get_status (kaizen)));
        write_string (w, "waste", fm_kaizen_get_waste (kaizen));
        write_applies_to (w, map, node_ids, kaizen);
      }
      break;

    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_NOTE:
    default:
      break;
    }

  write_extra (w, fm_node_get_extra (node), fm_json_node_keys, fm_json_kind_keys (kind));
  fm_json_writer_end_object (w);
}

static void
write_edge (FmJsonWriter *w,
            FmEdge       *edge)
{
  fm_json_writer_begin_object (w);
  write_string (w, "id", fm_edge_get_id (edge));
  write_string (w, "from", fm_edge_get_from (edge));
  write_string (w, "to", fm_edge_get_to (edge));
  write_string (w, "kind", fm_edge_kind_to_string (fm_edge_get_kind (edge)));
  write_optional (w, "rate", fm_edge_get_rate (edge));
  write_optional (w, "share", fm_edge_get_share (edge));
  write_string (w, "observed", fm_edge_get_observed (edge));
  write_extra (w, fm_edge_get_extra (edge), fm_json_edge_keys, NULL);
  fm_json_writer_end_object (w);
}

/* @node_ids: (nullable): only these nodes and the edges between them */
static void
write_items (FmJsonWriter *w,
             FmMap        *map,
             GHashTable   *node_ids)
{
  guint n_nodes = fm_map_get_n_nodes (map);
  guint n_edges = fm_map_get_n_edges (map);

  fm_json_writer_key (w, "nodes");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < n_nodes; i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      if (node_ids == NULL || g_hash_table_contains (node_ids, fm_node_get_id (node)))
        write_node (w, map, node_ids, node);
    }
  fm_json_writer_end_array (w);

  fm_json_writer_key (w, "edges");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      if (node_ids == NULL ||
          (g_hash_table_contains (node_ids, fm_edge_get_from (edge)) &&
           g_hash_table_contains (node_ids, fm_edge_get_to (edge))))
        write_edge (w, edge);
    }
  fm_json_writer_end_array (w);
}

/* Present, even empty, when the map is shown in lanes. */
static void
write_lanes (FmJsonWriter       *w,
             const char * const *lanes)
{
  if (lanes == NULL)
    return;

  fm_json_writer_key (w, "lanes");
  fm_json_writer_begin_array (w);
  for (guint i = 0; lanes[i] != NULL; i++)
    fm_json_writer_string (w, lanes[i]);
  fm_json_writer_end_array (w);
}

static void
write_map (FmJsonWriter *w,
           FmMap        *map)
{
  fm_json_writer_begin_object (w);
  write_string (w, "id", fm_map_get_id (map));
  write_string (w, "name", fm_map_get_name (map));
  write_string (w, "state", fm_map_state_to_string (fm_map_get_state (map)));
  write_string (w, "based_on", fm_map_get_based_on (map));
  write_lanes (w, fm_map_get_lanes (map));
  write_items (w, map, NULL);
  write_extra (w, fm_map_get_extra (map), fm_json_map_keys, NULL);
  fm_json_writer_end_object (w);
}

void
fm_json_write_document (FmJsonWriter *w,
                        FmDocument   *document)
{
  guint n_maps = fm_document_get_n_maps (document);

  fm_json_writer_begin_object (w);
  write_string (w, "format", "flowmap");
  fm_json_writer_key (w, "version");
  fm_json_writer_int (w, FM_JSON_FORMAT_VERSION);
  write_string (w, "title", fm_document_get_title (document));
  write_string (w, "customer", fm_document_get_customer (document));
  write_string (w, "value", fm_document_get_value (document));
  write_string (w, "trigger", fm_document_get_trigger (document));
  write_string (w, "outcome", fm_document_get_outcome (document));
  write_string (w, "stream_type", fm_stream_type_to_string (fm_document_get_stream_type (document)));
  write_number (w, "day_length_s", fm_document_get_day_length_s (document));
  write_number (w, "available_time_s", fm_document_get_available_time_s (document));
  write_optional (w, "demand_per_day", fm_document_get_demand_per_day (document));
  /* Only a choice other than the default: files of days keep their bytes. */
  if (fm_document_get_lead_time_unit (document) != FM_TIME_UNIT_DAYS)
    write_string (w, "lead_time_unit", fm_time_unit_to_string (fm_document_get_lead_time_unit (document)));
  if (fm_document_get_working_hours (document) != NULL)
    {
      g_auto(GStrv) holidays = g_strsplit (fm_document_get_holidays (document) ? fm_document_get_holidays (document)
                                                                               : "", ",", -1);

      fm_json_writer_key (w, "calendar");
      fm_json_writer_begin_object (w);
      write_string (w, "hours", fm_document_get_working_hours (document));
      if (holidays[0] != NULL)
        {
          fm_json_writer_key (w, "holidays");
          fm_json_writer_begin_array (w);
          for (guint i = 0; holidays[i] != NULL; i++)
            {
              g_strstrip (holidays[i]);
              if (holidays[i][0] != '\0')
                fm_json_writer_string (w, holidays[i]);
            }
          fm_json_writer_end_array (w);
        }
      write_string (w, "time_zone", fm_document_get_calendar_time_zone (document));
      fm_json_writer_end_object (w);
    }

  fm_json_writer_key (w, "maps");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < n_maps; i++)
    write_map (w, fm_document_get_map (document, i));
  fm_json_writer_end_array (w);

  write_extra (w, fm_document_get_extra (document), fm_json_document_keys, NULL);
  fm_json_writer_end_object (w);
}

void
fm_json_write_selection (FmJsonWriter *w,
                         FmMap        *map,
                         GHashTable   *node_ids)
{
  fm_json_writer_begin_object (w);
  write_string (w, "format", FM_JSON_SELECTION_FORMAT);
  fm_json_writer_key (w, "version");
  fm_json_writer_int (w, FM_JSON_FORMAT_VERSION);
  write_items (w, map, node_ids);
  fm_json_writer_end_object (w);
}
