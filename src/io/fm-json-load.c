/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json-load.c: the values of a checked text as the model, every one validated */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-calendar.h"
#include "fm-document-private.h"
#include "fm-iso-date.h"
#include "fm-json-private.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-process-step.h"
#include "fm-queue.h"

/* The error lists the names the enumeration's type knows, as files write them. */
static gboolean
fail_choice (FmJsonReader      *r,
             const FmJsonValue *object,
             const char        *key,
             GType              type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *choices = g_string_new (NULL);
  gboolean result;

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  result = fm_json_reader_fail_choice (r, object, key, choices->str);
  g_string_free (choices, TRUE);

  return result;
}

static gboolean
read_process (FmJsonReader      *r,
              const FmJsonValue *object,
              FmProcessStep     *step)
{
  double process_s = FM_UNSET, lead_s = FM_UNSET, pca = FM_UNSET;
  double people = FM_UNSET, wip = FM_UNSET;
  const char *role;

  if (!fm_json_reader_number (r, object, "process_s", FALSE, FM_JSON_RANGE_SECONDS, &process_s) ||
      !fm_json_reader_number (r, object, "lead_s", FALSE, FM_JSON_RANGE_SECONDS, &lead_s) ||
      !fm_json_reader_number (r, object, "pca", FALSE, FM_JSON_RANGE_PERCENT, &pca) ||
      !fm_json_reader_number (r, object, "people", FALSE, FM_JSON_RANGE_COUNT, &people) ||
      !fm_json_reader_string (r, object, "role", FALSE, &role) ||
      !fm_json_reader_number (r, object, "wip", FALSE, FM_JSON_RANGE_COUNT, &wip))
    return FALSE;

  fm_process_step_set_process_s (step, process_s);
  fm_process_step_set_lead_s (step, lead_s);
  fm_process_step_set_pca (step, pca);
  fm_process_step_set_people (step, people);
  fm_process_step_set_role (step, role);
  fm_process_step_set_wip (step, wip);

  return TRUE;
}

static gboolean
read_queue (FmJsonReader      *r,
            const FmJsonValue *object,
            FmQueue           *queue)
{
  double wait_s = FM_UNSET, items = FM_UNSET, limit = FM_UNSET;

  if (!fm_json_reader_number (r, object, "wait_s", FALSE, FM_JSON_RANGE_SECONDS, &wait_s) ||
      !fm_json_reader_number (r, object, "items", FALSE, FM_JSON_RANGE_COUNT, &items) ||
      !fm_json_reader_number (r, object, "limit", FALSE, FM_JSON_RANGE_COUNT, &limit))
    return FALSE;

  fm_queue_set_wait_s (queue, wait_s);
  fm_queue_set_items (queue, items);
  fm_queue_set_limit (queue, limit);

  return TRUE;
}

/* Without applies_to: it names other nodes, read once all are there. */
static gboolean
read_kaizen (FmJsonReader      *r,
             const FmJsonValue *object,
             FmKaizen          *kaizen)
{
  const char *owner, *measure, *baseline, *target, *review_date, *started, *status, *waste;
  FmKaizenStatus status_value = FM_KAIZEN_STATUS_PLANNED;

  if (!fm_json_reader_string (r, object, "owner", FALSE, &owner) ||
      !fm_json_reader_string (r, object, "measure", FALSE, &measure) ||
      !fm_json_reader_string (r, object, "baseline", FALSE, &baseline) ||
      !fm_json_reader_string (r, object, "target", FALSE, &target) ||
      !fm_json_reader_string (r, object, "review_date", FALSE, &review_date) ||
      !fm_json_reader_string (r, object, "started", FALSE, &started) ||
      !fm_json_reader_string (r, object, "status", FALSE, &status) ||
      !fm_json_reader_string (r, object, "waste", FALSE, &waste))
    return FALSE;

  if (review_date != NULL && !fm_iso_date_parse (review_date, NULL))
    return fm_json_reader_fail_type (r, "review_date", fm_json_value_member (object, "review_date"),
                      _("a date as YYYY-MM-DD"));
  if (started != NULL && !fm_iso_date_parse (started, NULL))
    return fm_json_reader_fail_type (r, "started", fm_json_value_member (object, "started"),
                                     _("a date as YYYY-MM-DD"));
  if (status != NULL && !fm_kaizen_status_from_string (status, &status_value))
    return fail_choice (r, object, "status", FM_TYPE_KAIZEN_STATUS);

  fm_kaizen_set_owner (kaizen, owner);
  fm_kaizen_set_measure (kaizen, measure);
  fm_kaizen_set_baseline (kaizen, baseline);
  fm_kaizen_set_target (kaizen, target);
  fm_kaizen_set_review_date (kaizen, review_date);
  fm_kaizen_set_started (kaizen, started);
  fm_kaizen_set_status (kaizen, status_value);
  fm_kaizen_set_waste (kaizen, waste);

  return TRUE;
}

static gboolean
read_applies_to (FmJsonReader      *r,
                 const FmJsonValue *object,
                 FmMap             *map,
                 FmKaizen          *kaizen)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const FmJsonValue *array, *element;

  if (!fm_json_reader_array (r, object, "applies_to", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  element = fm_json_value_first (array);
  for (guint i = 0; i < array->n; i++, element = fm_json_value_next (element))
    {
      g_autofree char *key = g_strdup_printf ("applies_to[%u]", i);
      const char *id;

      if (element->type != FM_JSON_VALUE_STRING)
        return fm_json_reader_fail_type (r, key, element, _("a node id"));
      id = element->u.string;
      if (fm_map_lookup_node (map, id) == NULL)
        {
          g_autofree char *got = fm_json_describe (element);

          return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("no node %s in this map"), got);
        }
      g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);

  fm_kaizen_set_applies_to (kaizen, (const char * const *) ids->pdata);
  return TRUE;
}

static FmNode *
read_node (FmJsonReader      *r,
           const FmJsonValue *object)
{
  g_autoptr(FmNode) node = NULL;
  const char *id, *kind_name, *label, *observed;
  FmNodeKind kind;
  double x = 0, y = 0, width, height;
  gboolean ok = TRUE;
  char *extra;

  if (!fm_json_reader_id (r, object, "id", &id) ||
      !fm_json_reader_string (r, object, "kind", TRUE, &kind_name))
    return NULL;
  if (!fm_node_kind_from_string (kind_name, &kind))
    {
      fail_choice (r, object, "kind", FM_TYPE_NODE_KIND);
      return NULL;
    }

  node = fm_node_new (kind, id);
  width = fm_node_get_width (node);
  height = fm_node_get_height (node);
  if (!fm_json_reader_string (r, object, "label", FALSE, &label) ||
      !fm_json_reader_number (r, object, "x", TRUE, FM_JSON_RANGE_COORDINATE, &x) ||
      !fm_json_reader_number (r, object, "y", TRUE, FM_JSON_RANGE_COORDINATE, &y) ||
      !fm_json_reader_number (r, object, "width", FALSE, FM_JSON_RANGE_SIZE, &width) ||
      !fm_json_reader_number (r, object, "height", FALSE, FM_JSON_RANGE_SIZE, &height) ||
      !fm_json_reader_string (r, object, "observed", FALSE, &observed))
    return NULL;

  fm_node_set_label (node, label);
  fm_node_set_observed (node, observed);
  fm_node_set_position (node, x, y);
  fm_node_set_size (node, width, height);

  if (kind == FM_NODE_KIND_PROCESS)
    ok = read_process (r, object, FM_PROCESS_STEP (node));
  else if (kind == FM_NODE_KIND_QUEUE)
    ok = read_queue (r, object, FM_QUEUE (node));
  else if (kind == FM_NODE_KIND_KAIZEN)
    ok = read_kaizen (r, object, FM_KAIZEN (node));
  if (!ok)
    return NULL;

  extra = fm_json_collect_extra (r, object, fm_json_node_keys, fm_json_kind_keys (kind));
  fm_node_set_extra (node, extra);
  g_free (extra);

  return g_steal_pointer (&node);
}

static gboolean
check_node_exists (FmJsonReader      *r,
                   const FmJsonValue *object,
                   const char        *key,
                   FmMap             *map)
{
  const FmJsonValue *node = fm_json_value_member (object, key);

  if (fm_map_lookup_node (map, node->u.string) == NULL)
    {
      g_autofree char *got = fm_json_describe (node);

      return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("no node %s in this map"), got);
    }

  return TRUE;
}

static FmEdge *
read_edge (FmJsonReader      *r,
           const FmJsonValue *object,
           FmMap             *map)
{
  g_autoptr(FmEdge) edge = NULL;
  const char *id, *from, *to, *kind_name, *observed = NULL;
  FmEdgeKind kind;
  double rate = FM_UNSET, share = FM_UNSET;
  char *extra;

  if (!fm_json_reader_id (r, object, "id", &id) ||
      !fm_json_reader_id (r, object, "from", &from) ||
      !fm_json_reader_id (r, object, "to", &to) ||
      !fm_json_reader_string (r, object, "kind", TRUE, &kind_name) ||
      !fm_json_reader_number (r, object, "rate", FALSE, FM_JSON_RANGE_RATE, &rate) ||
      !fm_json_reader_number (r, object, "share", FALSE, FM_JSON_RANGE_SHARE, &share) ||
      !fm_json_reader_string (r, object, "observed", FALSE, &observed))
    return NULL;

  if (!fm_edge_kind_from_string (kind_name, &kind))
    {
      fail_choice (r, object, "kind", FM_TYPE_EDGE_KIND);
      return NULL;
    }
  if (!check_node_exists (r, object, "from", map) ||
      !check_node_exists (r, object, "to", map))
    return NULL;
  /* Not even for rework: a step that redoes its own work says so with its
   * %C&A, and a loop onto itself has no direction to draw. */
  if (g_str_equal (from, to))
    {
      g_autofree char *got = fm_json_describe (fm_json_value_member (object, "to"));

      fm_json_reader_fail (r, NULL, FM_JSON_ERROR_INVALID, _("an edge from a node to itself (%s)"), got);
      return NULL;
    }

  edge = fm_edge_new (id, from, to, kind);
  fm_edge_set_rate (edge, rate);
  fm_edge_set_share (edge, share);
  fm_edge_set_observed (edge, observed);

  extra = fm_json_collect_extra (r, object, fm_json_edge_keys, NULL);
  fm_edge_set_extra (edge, extra);
  g_free (extra);

  return g_steal_pointer (&edge);
}

static gboolean
check_new_id (FmJsonReader *r,
              FmMap        *map,
              const char   *id)
{
  if (fm_map_has_id (map, id))
    {
      g_autoptr(GString) quoted = g_string_new (NULL);

      fm_json_append_quoted (quoted, id, 40);
      return fm_json_reader_fail (r, "id", FM_JSON_ERROR_INVALID,
                   _("the id %s is already used in this map"), quoted->str);
    }

  return TRUE;
}

/* The "nodes" and "edges" of @object, into @map: of a map of a document, or
 * of a clipboard fragment. */
static gboolean
read_items (FmJsonReader      *r,
            const FmJsonValue *object,
            FmMap             *map)
{
  const FmJsonValue *nodes, *edges, *element;
  guint n_nodes = 0, n_edges = 0;

  if (!fm_json_reader_array (r, object, "nodes", FALSE, &nodes) ||
      !fm_json_reader_array (r, object, "edges", FALSE, &edges))
    return FALSE;

  if (nodes != NULL)
    n_nodes = nodes->n;
  if (edges != NULL)
    n_edges = edges->n;
  if (n_nodes > FM_MAX_NODES)
    return fm_json_reader_fail (r, "nodes", FM_JSON_ERROR_LIMIT,
                                _("more than %d nodes in one map"), FM_MAX_NODES);
  if (n_edges > FM_MAX_EDGES)
    return fm_json_reader_fail (r, "edges", FM_JSON_ERROR_LIMIT,
                                _("more than %d edges in one map"), FM_MAX_EDGES);

  element = nodes != NULL ? fm_json_value_first (nodes) : NULL;
  for (guint i = 0; i < n_nodes; i++, element = fm_json_value_next (element))
    {
      gsize old_path = fm_json_reader_push (r, "nodes", i);
      g_autoptr(FmNode) node = NULL;

      if (!fm_json_reader_object (r, element))
        return FALSE;
      node = read_node (r, element);
      if (node == NULL || !check_new_id (r, map, fm_node_get_id (node)))
        return FALSE;
      fm_map_append_node_quietly (map, node);
      fm_json_reader_pop (r, old_path);
    }

  element = nodes != NULL ? fm_json_value_first (nodes) : NULL;
  for (guint i = 0; i < n_nodes; i++, element = fm_json_value_next (element))
    {
      FmNode *node = fm_map_get_node (map, i);
      gsize old_path;

      if (!FM_IS_KAIZEN (node))
        continue;

      old_path = fm_json_reader_push (r, "nodes", i);
      if (!read_applies_to (r, element, map, FM_KAIZEN (node)))
        return FALSE;
      fm_json_reader_pop (r, old_path);
    }

  element = edges != NULL ? fm_json_value_first (edges) : NULL;
  for (guint i = 0; i < n_edges; i++, element = fm_json_value_next (element))
    {
      gsize old_path = fm_json_reader_push (r, "edges", i);
      g_autoptr(FmEdge) edge = NULL;

      if (!fm_json_reader_object (r, element))
        return FALSE;
      edge = read_edge (r, element, map);
      if (edge == NULL || !check_new_id (r, map, fm_edge_get_id (edge)))
        return FALSE;
      fm_map_append_edge_quietly (map, edge);
      fm_json_reader_pop (r, old_path);
    }

  /* Into @map's stores at once, not one items-changed per item. */
  fm_map_flush_appends (map);
  return TRUE;
}

/* "lanes": the roles in lane order, each once; present = shown in lanes. */
static gboolean
read_lanes (FmJsonReader      *r,
            const FmJsonValue *object,
            FmMap             *map)
{
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const FmJsonValue *array, *element;

  if (!fm_json_reader_array (r, object, "lanes", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  element = fm_json_value_first (array);
  for (guint i = 0; i < array->n; i++, element = fm_json_value_next (element))
    {
      g_autofree char *key = g_strdup_printf ("lanes[%u]", i);

      if (element->type != FM_JSON_VALUE_STRING || element->u.string[0] == '\0')
        return fm_json_reader_fail_type (r, key, element, _("a role, not empty"));
      if (!g_hash_table_add (seen, (gpointer) element->u.string))
        {
          g_autofree char *got = fm_json_describe (element);

          return fm_json_reader_fail (r, key, FM_JSON_ERROR_INVALID, _("the lane %s is named twice"), got);
        }
      g_ptr_array_add (lanes, (gpointer) element->u.string);
    }
  g_ptr_array_add (lanes, NULL);

  fm_map_set_lanes (map, (const char * const *) lanes->pdata);
  return TRUE;
}

static FmMap *
read_map (FmJsonReader      *r,
          const FmJsonValue *object)
{
  g_autoptr(FmMap) map = NULL;
  const char *id, *name, *state_name, *based_on;
  FmMapState state = FM_MAP_STATE_CURRENT;
  char *extra;

  if (!fm_json_reader_id (r, object, "id", &id) ||
      !fm_json_reader_string (r, object, "name", FALSE, &name) ||
      !fm_json_reader_string (r, object, "state", FALSE, &state_name) ||
      !fm_json_reader_string (r, object, "based_on", FALSE, &based_on))
    return NULL;
  if (state_name != NULL && !fm_map_state_from_string (state_name, &state))
    {
      fail_choice (r, object, "state", FM_TYPE_MAP_STATE);
      return NULL;
    }

  map = fm_map_new (id);
  fm_map_set_name (map, name);
  fm_map_set_state (map, state);
  fm_map_set_based_on (map, based_on);
  if (!read_lanes (r, object, map) || !read_items (r, object, map))
    return NULL;

  extra = fm_json_collect_extra (r, object, fm_json_map_keys, NULL);
  fm_map_set_extra (map, extra);
  g_free (extra);

  return g_steal_pointer (&map);
}

static gboolean
read_header (FmJsonReader      *r,
             const FmJsonValue *root,
             const char        *format)
{
  const FmJsonValue *node;
  gint64 version;

  if (root->type != FM_JSON_VALUE_OBJECT)
    {
      g_autofree char *got = fm_json_describe (root);

      return fm_json_reader_fail (r, NULL, FM_JSON_ERROR_FORMAT,
                   _("not a Flowmap file: expected an object at the top, got %s"), got);
    }
  node = fm_json_value_member (root, "format");
  if (node == NULL)
    return fm_json_reader_fail (r, NULL, FM_JSON_ERROR_FORMAT,
                 _("not a Flowmap file: missing \"format\": \"%s\""), format);
  if (node->type != FM_JSON_VALUE_STRING || !g_str_equal (node->u.string, format))
    {
      g_autofree char *got = fm_json_describe (node);

      return fm_json_reader_fail (r, "format", FM_JSON_ERROR_FORMAT,
                                  _("expected \"%s\", got %s"), format, got);
    }

  node = fm_json_value_member (root, "version");
  if (node == NULL)
    return fm_json_reader_fail (r, NULL, FM_JSON_ERROR_VERSION, _("missing \"version\""));
  if (node->type != FM_JSON_VALUE_INT)
    {
      g_autofree char *got = fm_json_describe (node);

      return fm_json_reader_fail (r, "version", FM_JSON_ERROR_VERSION,
                                  _("expected an integer, got %s"), got);
    }

  version = node->u.integer;
  if (version > FM_JSON_FORMAT_VERSION)
    {
      g_autofree char *got = fm_json_describe (node);

      return fm_json_reader_fail (r, NULL, FM_JSON_ERROR_VERSION,
                   _("made by a newer Flowmap, version %s; this one reads version %d"),
                   got, FM_JSON_FORMAT_VERSION);
    }
  if (version < 1)
    {
      g_autofree char *got = fm_json_describe (node);

      return fm_json_reader_fail (r, "version", FM_JSON_ERROR_VERSION,
                                  _("expected a version >= 1, got %s"), got);
    }

  return TRUE;
}

/* "calendar": {"hours": "Mon-Fri 09:00-17:00", "holidays": [dates],
 * "time_zone": "Europe/Berlin"}: hours required, each checked as the
 * working calendar of observed data reads it. */
static gboolean
read_calendar (FmJsonReader      *r,
               const FmJsonValue *object,
               FmDocument        *document)
{
  static const char * const keys[] = { "hours", "holidays", "time_zone", NULL };
  const FmJsonValue *calendar = fm_json_value_member (object, "calendar");
  const FmJsonValue *member, *array = NULL;
  g_autoptr(GString) holidays = g_string_new (NULL);
  g_autoptr(FmCalendar) parsed = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  const char *hours = NULL, *zone = NULL;
  gsize old_path;
  gboolean ok = FALSE;

  if (calendar == NULL)
    return TRUE;
  if (calendar->type != FM_JSON_VALUE_OBJECT)
    return fm_json_reader_fail_type (r, "calendar", calendar, _("an object"));

  old_path = r->path->len;
  g_string_append (r->path, old_path > 0 ? ".calendar" : "calendar");

  member = fm_json_value_first (calendar);
  for (guint i = 0; i < calendar->n; i++, member = fm_json_value_next (member))
    if (!fm_json_key_is_known (keys, member->key))
      {
        fm_json_reader_fail (r, member->key, FM_JSON_ERROR_INVALID, _("not a field of a calendar"));
        goto out;
      }

  if (!fm_json_reader_string (r, calendar, "hours", TRUE, &hours) ||
      !fm_json_reader_string (r, calendar, "time_zone", FALSE, &zone) ||
      !fm_json_reader_array (r, calendar, "holidays", FALSE, &array))
    goto out;

  if (zone != NULL && (tz = g_time_zone_new_identifier (zone)) == NULL)
    {
      fm_json_reader_fail_type (r, "time_zone", fm_json_value_member (calendar, "time_zone"),
                                _("a time zone such as Europe/Berlin"));
      goto out;
    }
  parsed = fm_calendar_parse (hours, tz, NULL);
  if (parsed == NULL)
    {
      fm_json_reader_fail_type (r, "hours", fm_json_value_member (calendar, "hours"),
                                _("working days and hours such as Mon-Fri 09:00-17:00"));
      goto out;
    }

  member = array != NULL ? fm_json_value_first (array) : NULL;
  for (guint i = 0; array != NULL && i < array->n; i++, member = fm_json_value_next (member))
    {
      g_autofree char *key = g_strdup_printf ("holidays[%u]", i);

      if (member->type != FM_JSON_VALUE_STRING || !fm_calendar_add_holiday (parsed, member->u.string))
        {
          fm_json_reader_fail_type (r, key, member, _("a date as YYYY-MM-DD"));
          goto out;
        }
      g_string_append_printf (holidays, "%s%s", holidays->len > 0 ? ", " : "", member->u.string);
    }

  g_object_set (document,
                "working-hours", hours,
                "holidays", holidays->len > 0 ? holidays->str : NULL,
                "calendar-time-zone", zone,
                NULL);
  ok = TRUE;

out:
  g_string_truncate (r->path, old_path);
  return ok;
}

static gboolean
read_document_fields (FmJsonReader      *r,
                      const FmJsonValue *object,
                      FmDocument        *document)
{
  static const char * const string_keys[] = { "title", "customer", "value", "trigger", "outcome" };
  double day_length_s = FM_DEFAULT_DAY_LENGTH_S;
  double available_time_s = FM_DEFAULT_AVAILABLE_TIME_S;
  double demand_per_day = FM_UNSET;
  FmStreamType stream_type = fm_document_get_stream_type (document);
  const char *stream_type_name;
  FmTimeUnit lead_time_unit = FM_TIME_UNIT_DAYS;
  const char *lead_time_unit_name;

  for (guint i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      const char *value;

      if (!fm_json_reader_string (r, object, string_keys[i], FALSE, &value))
        return FALSE;
      if (value != NULL)
        g_object_set (document, string_keys[i], value, NULL);
    }

  if (!fm_json_reader_string (r, object, "stream_type", FALSE, &stream_type_name))
    return FALSE;
  if (stream_type_name != NULL && !fm_stream_type_from_string (stream_type_name, &stream_type))
    return fail_choice (r, object, "stream_type", FM_TYPE_STREAM_TYPE);
  if (!fm_json_reader_string (r, object, "lead_time_unit", FALSE, &lead_time_unit_name))
    return FALSE;
  if (lead_time_unit_name != NULL && !fm_time_unit_from_string (lead_time_unit_name, &lead_time_unit))
    return fail_choice (r, object, "lead_time_unit", FM_TYPE_TIME_UNIT);

  if (!fm_json_reader_number (r, object, "day_length_s", FALSE,
                              FM_JSON_RANGE_DAY, &day_length_s) ||
      !fm_json_reader_number (r, object, "available_time_s", FALSE,
                              FM_JSON_RANGE_SECONDS, &available_time_s) ||
      !fm_json_reader_number (r, object, "demand_per_day", FALSE,
                              FM_JSON_RANGE_COUNT, &demand_per_day))
    return FALSE;

  g_object_set (document,
                "stream-type", stream_type,
                "lead-time-unit", lead_time_unit,
                "day-length-s", day_length_s,
                "available-time-s", available_time_s,
                "demand-per-day", demand_per_day,
                NULL);

  return read_calendar (r, object, document);
}

/**
 * fm_json_read_document:
 * @root: the values of a text, from fm_json_doc_parse()
 *
 * Builds the document with the loader's entry points, not the undoable
 * ones: it comes back with an empty history, not modified.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
FmDocument *
fm_json_read_document (const FmJsonValue  *root,
                       const char         *display_name,
                       GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GHashTable) map_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FmDocument) document = NULL;
  FmJsonReader r = { display_name, path, error };
  const FmJsonValue *object = root, *maps, *element;
  guint n_maps;
  char *extra;

  if (!read_header (&r, root, "flowmap"))
    return NULL;

  document = fm_document_new ();
  if (!read_document_fields (&r, object, document) ||
      !fm_json_reader_array (&r, object, "maps", TRUE, &maps))
    return NULL;

  n_maps = maps->n;
  if (n_maps > FM_MAX_MAPS)
    {
      fm_json_reader_fail (&r, "maps", FM_JSON_ERROR_LIMIT, _("more than %d maps"), FM_MAX_MAPS);
      return NULL;
    }

  element = fm_json_value_first (maps);
  for (guint i = 0; i < n_maps; i++, element = fm_json_value_next (element))
    {
      gsize old_path = fm_json_reader_push (&r, "maps", i);
      g_autoptr(FmMap) map = NULL;

      if (!fm_json_reader_object (&r, element))
        return NULL;
      map = read_map (&r, element);
      if (map == NULL)
        return NULL;
      if (g_hash_table_contains (map_ids, fm_map_get_id (map)))
        {
          g_autoptr(GString) quoted = g_string_new (NULL);

          fm_json_append_quoted (quoted, fm_map_get_id (map), 40);
          fm_json_reader_fail (&r, "id", FM_JSON_ERROR_INVALID,
                _("the map id %s is already used in this document"), quoted->str);
          return NULL;
        }

      fm_document_insert_map_internal (document, i, map);
      /* The map, held by the document, keeps the id alive. */
      g_hash_table_add (map_ids, (gpointer) fm_map_get_id (map));
      fm_json_reader_pop (&r, old_path);
    }

  extra = fm_json_collect_extra (&r, object, fm_json_document_keys, NULL);
  fm_document_set_extra (document, extra);
  g_free (extra);

  return g_steal_pointer (&document);
}

/**
 * fm_json_read_selection:
 * @into: an empty map that receives the nodes and edges
 *
 * Returns: %FALSE with @error set if @root is not a valid fragment
 */
gboolean
fm_json_read_selection (const FmJsonValue  *root,
                        const char         *display_name,
                        FmMap              *into,
                        GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  FmJsonReader r = { display_name, path, error };

  if (!read_header (&r, root, FM_JSON_SELECTION_FORMAT))
    return FALSE;

  return read_items (&r, root, into);
}
