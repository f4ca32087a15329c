/* fm-document.c: a value stream and its maps, the unit that is saved */
#include "config.h"

#define G_LOG_DOMAIN "fm-document"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "fm-document-private.h"
#include "fm-kaizen.h"
#include "fm-map-private.h"
#include "fm-undo-stack-private.h"
#include "fm-util.h"

struct _FmDocument
{
  GObject parent_instance;

  char *title;
  char *customer;
  char *value;
  char *trigger;
  char *outcome;
  char *working_hours;   /* the working calendar: "Mon-Fri 09:00-17:00" */
  char *holidays;        /* "2026-12-25, 2027-01-01" */
  char *calendar_time_zone;
  FmStreamType stream_type;
  double day_length_s;
  double available_time_s;
  double demand_per_day;
  char *extra;

  GListStore *maps;
  FmUndoStack *undo_stack;
};

G_DEFINE_FINAL_TYPE (FmDocument, fm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CUSTOMER,
  PROP_VALUE,
  PROP_TRIGGER,
  PROP_OUTCOME,
  PROP_STREAM_TYPE,
  PROP_DAY_LENGTH_S,
  PROP_AVAILABLE_TIME_S,
  PROP_DEMAND_PER_DAY,
  PROP_WORKING_HOURS,
  PROP_HOLIDAYS,
  PROP_CALENDAR_TIME_ZONE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *stream_type_names[] = {
  [FM_STREAM_TYPE_OPERATIONAL] = "operational",
  [FM_STREAM_TYPE_DEVELOPMENT] = "development",
  [FM_STREAM_TYPE_SUPPORT] = "support",
  [FM_STREAM_TYPE_COMPLIANCE] = "compliance",
};

static void
fm_document_finalize (GObject *object)
{
  FmDocument *self = FM_DOCUMENT (object);

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->maps);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->customer, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->trigger, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->working_hours, g_free);
  g_clear_pointer (&self->holidays, g_free);
  g_clear_pointer (&self->calendar_time_zone, g_free);
  g_clear_pointer (&self->extra, g_free);

  G_OBJECT_CLASS (fm_document_parent_class)->finalize (object);
}

static char **
string_field (FmDocument *self,
              guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_CUSTOMER: return &self->customer;
    case PROP_VALUE: return &self->value;
    case PROP_TRIGGER: return &self->trigger;
    case PROP_OUTCOME: return &self->outcome;
    case PROP_WORKING_HOURS: return &self->working_hours;
    case PROP_HOLIDAYS: return &self->holidays;
    case PROP_CALENDAR_TIME_ZONE: return &self->calendar_time_zone;
    default: return NULL;
    }
}

static double *
double_field (FmDocument *self,
              guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_DAY_LENGTH_S: return &self->day_length_s;
    case PROP_AVAILABLE_TIME_S: return &self->available_time_s;
    case PROP_DEMAND_PER_DAY: return &self->demand_per_day;
    default: return NULL;
    }
}

static void
fm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FmDocument *self = FM_DOCUMENT (object);
  char **str = string_field (self, prop_id);
  double *num = double_field (self, prop_id);

  if (str != NULL)
    g_value_set_string (value, *str);
  else if (num != NULL)
    g_value_set_double (value, *num);
  else if (prop_id == PROP_STREAM_TYPE)
    g_value_set_enum (value, self->stream_type);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FmDocument *self = FM_DOCUMENT (object);
  char **str = string_field (self, prop_id);
  double *num = double_field (self, prop_id);
  gboolean changed = FALSE;

  if (str != NULL)
    {
      changed = fm_set_str (str, g_value_get_string (value));
    }
  else if (num != NULL)
    {
      changed = fm_set_double (num, g_value_get_double (value));
    }
  else if (prop_id == PROP_STREAM_TYPE)
    {
      changed = self->stream_type != (FmStreamType) g_value_get_enum (value);
      self->stream_type = g_value_get_enum (value);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
fm_document_class_init (FmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fm_document_finalize;
  object_class->get_property = fm_document_get_property;
  object_class->set_property = fm_document_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER] = g_param_spec_string ("customer", NULL, NULL, NULL, flags);
  /* How value is observed: usage, revenue, risk reduced… */
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_TRIGGER] = g_param_spec_string ("trigger", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, flags);
  properties[PROP_STREAM_TYPE] =
    g_param_spec_enum ("stream-type", NULL, NULL, FM_TYPE_STREAM_TYPE,
                       FM_STREAM_TYPE_DEVELOPMENT, flags);
  /* 86400 counts calendar days; 28800 counts working days of eight hours. */
  properties[PROP_DAY_LENGTH_S] =
    g_param_spec_double ("day-length-s", NULL, NULL, 1, G_MAXDOUBLE,
                         FM_DEFAULT_DAY_LENGTH_S, flags);
  properties[PROP_AVAILABLE_TIME_S] =
    g_param_spec_double ("available-time-s", NULL, NULL, 0, G_MAXDOUBLE,
                         FM_DEFAULT_AVAILABLE_TIME_S, flags);
  properties[PROP_DEMAND_PER_DAY] =
    g_param_spec_double ("demand-per-day", NULL, NULL, FM_UNSET, G_MAXDOUBLE,
                         FM_UNSET, flags);

  /* The working calendar of observed data in working time (src/metrics/
   * fm-calendar.c reads them): the days and hours, the holidays as
   * comma-separated YYYY-MM-DD dates, and the time zone of the hours. */
  properties[PROP_WORKING_HOURS] = g_param_spec_string ("working-hours", NULL, NULL, NULL, flags);
  properties[PROP_HOLIDAYS] = g_param_spec_string ("holidays", NULL, NULL, NULL, flags);
  properties[PROP_CALENDAR_TIME_ZONE] = g_param_spec_string ("calendar-time-zone", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FmDocument::changed:
   *
   * Emitted after every change, done, undone or redone, so that views
   * that derive figures from the whole document recompute once.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fm_document_init (FmDocument *self)
{
  self->stream_type = FM_STREAM_TYPE_DEVELOPMENT;
  self->day_length_s = FM_DEFAULT_DAY_LENGTH_S;
  self->available_time_s = FM_DEFAULT_AVAILABLE_TIME_S;
  self->demand_per_day = FM_UNSET;
  self->maps = g_list_store_new (FM_TYPE_MAP);
  self->undo_stack = fm_undo_stack_new (self);
}

/**
 * fm_document_new:
 *
 * Returns: (transfer full): an empty document without maps
 */
FmDocument *
fm_document_new (void)
{
  return g_object_new (FM_TYPE_DOCUMENT, NULL);
}

/**
 * fm_document_get_undo_stack:
 *
 * Returns: (transfer none): the document's history
 */
FmUndoStack *
fm_document_get_undo_stack (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);

  return self->undo_stack;
}

void
fm_document_emit_changed (FmDocument *self)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
fm_document_get_title (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
fm_document_get_customer (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->customer;
}

const char *
fm_document_get_value (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->value;
}

const char *
fm_document_get_trigger (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->trigger;
}

const char *
fm_document_get_outcome (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->outcome;
}

const char *
fm_document_get_working_hours (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->working_hours;
}

const char *
fm_document_get_holidays (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->holidays;
}

const char *
fm_document_get_calendar_time_zone (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->calendar_time_zone;
}

FmStreamType
fm_document_get_stream_type (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), FM_STREAM_TYPE_DEVELOPMENT);
  return self->stream_type;
}

double
fm_document_get_day_length_s (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), FM_DEFAULT_DAY_LENGTH_S);
  return self->day_length_s;
}

double
fm_document_get_available_time_s (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), FM_DEFAULT_AVAILABLE_TIME_S);
  return self->available_time_s;
}

/* FM_UNSET when the demand is not known. */
double
fm_document_get_demand_per_day (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), FM_UNSET);
  return self->demand_per_day;
}

const char *
fm_document_get_extra (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  return self->extra;
}

void
fm_document_set_extra (FmDocument *self,
                       const char *extra_json)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));
  fm_set_str (&self->extra, extra_json);
}

/**
 * fm_document_get_maps:
 *
 * Returns: (transfer none): the maps, in the order the user gave them
 */
GListModel *
fm_document_get_maps (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->maps);
}

guint
fm_document_get_n_maps (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->maps));
}

/**
 * fm_document_get_map:
 *
 * Returns: (transfer none) (nullable): the map at @position
 */
FmMap *
fm_document_get_map (FmDocument *self,
                     guint       position)
{
  g_autoptr(FmMap) map = NULL;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);

  map = g_list_model_get_item (G_LIST_MODEL (self->maps), position);
  return map; /* the store keeps a reference */
}

/**
 * fm_document_lookup_map:
 * @id_or_name: a map's id or, failing that, its name
 *
 * Returns: (transfer none) (nullable): the map
 */
FmMap *
fm_document_lookup_map (FmDocument *self,
                        const char *id_or_name)
{
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  n = fm_document_get_n_maps (self);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (fm_map_get_id (fm_document_get_map (self, i)), id_or_name))
      return fm_document_get_map (self, i);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fm_map_get_name (fm_document_get_map (self, i)), id_or_name))
      return fm_document_get_map (self, i);

  return NULL;
}

static FmMap *
fm_document_lookup_map_by_id (FmDocument *self,
                              const char *id)
{
  guint n = fm_document_get_n_maps (self);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fm_map_get_id (fm_document_get_map (self, i)), id))
      return fm_document_get_map (self, i);

  return NULL;
}

/**
 * fm_document_new_map_id:
 *
 * Returns: (transfer full): an id no map of the document has
 */
char *
fm_document_new_map_id (FmDocument *self)
{
  guint n = fm_document_get_n_maps (self);

  for (guint i = n + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("map-%u", i);

      if (fm_document_lookup_map_by_id (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

void
fm_document_insert_map_internal (FmDocument *self,
                                 guint       position,
                                 FmMap      *map)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (position <= fm_document_get_n_maps (self));

  g_list_store_insert (self->maps, position, map);
}

void
fm_document_remove_map_internal (FmDocument *self,
                                 FmMap      *map)
{
  guint position;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  if (g_list_store_find (self->maps, map, &position))
    g_list_store_remove (self->maps, position);
}

void
fm_document_move_map_internal (FmDocument *self,
                               guint       from,
                               guint       to)
{
  g_autoptr(FmMap) map = NULL;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  map = g_list_model_get_item (G_LIST_MODEL (self->maps), from);
  g_return_if_fail (map != NULL);

  g_list_store_remove (self->maps, from);
  g_list_store_insert (self->maps, to, map);
}

static void
run (FmDocument *self,
     FmCommand  *command)
{
  fm_command_apply (command, self, FALSE);
  fm_undo_stack_push (self->undo_stack, command);
  fm_document_emit_changed (self);
}

void
fm_document_begin_group (FmDocument *self,
                         const char *label)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));

  fm_undo_stack_begin_group (self->undo_stack, label);
}

void
fm_document_end_group (FmDocument *self)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));

  fm_undo_stack_end_group (self->undo_stack);
}

static const char *
label_for_property (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "label", N_("Rename") },
    { "name", N_("Rename Map") },
    { "process-s", N_("Change Process Time") },
    { "lead-s", N_("Change Lead Time") },
    { "pca", N_("Change %C&A") },
    { "people", N_("Change People") },
    { "role", N_("Change Role") },
    { "wip", N_("Change WIP") },
    { "wait-s", N_("Change Wait Time") },
    { "items", N_("Change Items Waiting") },
    { "kind", N_("Change Connector") },
    { "rate", N_("Change Rework Rate") },
    { "status", N_("Change Experiment Status") },
    { "owner", N_("Change Owner") },
    { "measure", N_("Change Measure") },
    { "baseline", N_("Change Baseline") },
    { "target", N_("Change Target") },
    { "review-date", N_("Change Review Date") },
    { "working-hours", N_("Change Working Hours") },
    { "holidays", N_("Change Holidays") },
    { "calendar-time-zone", N_("Change Time Zone") },
    { "started", N_("Change Start Date") },
    { "waste", N_("Change Waste") },
    { "applies-to", N_("Change Targets") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].property, property))
      return _(labels[i].label);

  return _("Change Property");
}

/**
 * fm_document_set_value_full:
 * @map: (nullable): the map, or %NULL for a field of the document
 * @object_id: (nullable): a node or edge of @map, or %NULL for the map itself
 * @coalesce: merge with the previous change of the same field, as typing does
 *
 * Sets one property as an undoable step; does nothing when it has the value.
 */
void
fm_document_set_value_full (FmDocument   *self,
                            FmMap        *map,
                            const char   *object_id,
                            const char   *property,
                            const GValue *value,
                            gboolean      coalesce)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  GObject *target;
  GParamSpec *pspec;
  FmCommand *command;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (map == NULL || FM_IS_MAP (map));
  g_return_if_fail (object_id == NULL || map != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (map == NULL)
    target = G_OBJECT (self);
  else if (object_id == NULL)
    target = G_OBJECT (map);
  else if (fm_map_lookup_node (map, object_id) != NULL)
    target = G_OBJECT (fm_map_lookup_node (map, object_id));
  else
    target = G_OBJECT (fm_map_lookup_edge (map, object_id));
  g_return_if_fail (target != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
  g_return_if_fail (pspec != NULL);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (target, property, &old_value);
  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    g_return_if_reached ();
  if (g_param_value_validate (pspec, &new_value))
    {
      g_critical ("Value out of range for %s", property);
      return;
    }
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  command = fm_command_new_set_property (label_for_property (pspec->name),
                                         map ? fm_map_get_id (map) : NULL,
                                         object_id, pspec->name, &old_value, &new_value);
  fm_command_set_mergeable (command, coalesce);
  run (self, command);
}

/**
 * fm_document_set:
 * @first_property: the first property name, followed by its value, as in
 *   g_object_set(); the list ends with %NULL
 *
 * Sets one or more properties of the document, a map or one of its nodes
 * or edges as one undoable step.
 */
void
fm_document_set (FmDocument *self,
                 FmMap      *map,
                 const char *object_id,
                 const char *first_property,
                 ...)
{
  GObject *target;
  const char *name;
  va_list args;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  if (map == NULL)
    target = G_OBJECT (self);
  else if (object_id == NULL)
    target = G_OBJECT (map);
  else if (fm_map_lookup_node (map, object_id) != NULL)
    target = G_OBJECT (fm_map_lookup_node (map, object_id));
  else
    target = G_OBJECT (fm_map_lookup_edge (map, object_id));
  g_return_if_fail (target != NULL);

  fm_document_begin_group (self, NULL);
  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), name);

      if (pspec == NULL)
        {
          g_critical ("%s has no property %s", G_OBJECT_TYPE_NAME (target), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      fm_document_set_value_full (self, map, object_id, name, &value, FALSE);
    }
  va_end (args);
  fm_document_end_group (self);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return (pa > pb) - (pa < pb);
}

/* Builds an insert or remove command for nodes and edges, positions ascending. */
static FmCommand *
items_command (const char *label,
               gboolean    insert,
               FmMap      *map,
               GPtrArray  *nodes,
               GPtrArray  *edges)
{
  g_autoptr(GArray) node_entries = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GArray) edge_entries = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GPtrArray) sorted_nodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sorted_edges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) node_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edge_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_nodes = fm_map_get_n_nodes (map);
  guint n_edges = fm_map_get_n_edges (map);

  /* (position, index) pairs sorted by position. Inserted items go to the end. */
  for (guint i = 0; i < nodes->len; i++)
    {
      guint entry[2] = { 0, i };

      if (insert)
        entry[0] = n_nodes + i;
      else if (!g_list_store_find (G_LIST_STORE (fm_map_get_nodes (map)), nodes->pdata[i], &entry[0]))
        g_assert_not_reached ();
      g_array_append_val (node_entries, entry);
    }
  for (guint i = 0; i < edges->len; i++)
    {
      guint entry[2] = { 0, i };

      if (insert)
        entry[0] = n_edges + i;
      else if (!g_list_store_find (G_LIST_STORE (fm_map_get_edges (map)), edges->pdata[i], &entry[0]))
        g_assert_not_reached ();
      g_array_append_val (edge_entries, entry);
    }
  g_array_sort (node_entries, compare_positions);
  g_array_sort (edge_entries, compare_positions);

  for (guint i = 0; i < node_entries->len; i++)
    {
      guint *entry = &g_array_index (node_entries, guint, i * 2);

      g_array_append_val (node_positions, entry[0]);
      g_ptr_array_add (sorted_nodes, g_object_ref (nodes->pdata[entry[1]]));
    }
  for (guint i = 0; i < edge_entries->len; i++)
    {
      guint *entry = &g_array_index (edge_entries, guint, i * 2);

      g_array_append_val (edge_positions, entry[0]);
      g_ptr_array_add (sorted_edges, g_object_ref (edges->pdata[entry[1]]));
    }

  return fm_command_new_items (label, insert, fm_map_get_id (map),
                               sorted_nodes, node_positions, sorted_edges, edge_positions);
}

/**
 * fm_document_add_node:
 * @node: a node whose id @map does not have yet
 *
 * Adds @node at the end of @map's nodes as an undoable step.
 */
void
fm_document_add_node (FmDocument *self,
                      FmMap      *map,
                      FmNode     *node)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (FM_IS_NODE (node));
  g_return_if_fail (!fm_map_has_id (map, fm_node_get_id (node)));

  g_ptr_array_add (nodes, node);
  run (self, items_command (_("Add"), TRUE, map, nodes, edges));
}

/**
 * fm_document_add_edge:
 * @edge: an edge between two nodes of @map, with an id @map does not have
 *
 * Adds @edge as an undoable step.
 */
void
fm_document_add_edge (FmDocument *self,
                      FmMap      *map,
                      FmEdge     *edge)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (FM_IS_EDGE (edge));
  g_return_if_fail (!fm_map_has_id (map, fm_edge_get_id (edge)));
  g_return_if_fail (fm_map_lookup_node (map, fm_edge_get_from (edge)) != NULL);
  g_return_if_fail (fm_map_lookup_node (map, fm_edge_get_to (edge)) != NULL);
  g_return_if_fail (g_strcmp0 (fm_edge_get_from (edge), fm_edge_get_to (edge)) != 0);

  g_ptr_array_add (edges, edge);
  run (self, items_command (_("Connect"), TRUE, map, nodes, edges));
}

static void
forget_targets (FmDocument *self,
                FmMap      *map,
                GHashTable *removed_ids)
{
  guint n = fm_map_get_n_nodes (map);

  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      const char * const *targets;
      g_autoptr(GStrvBuilder) kept = NULL;
      g_auto(GStrv) kept_ids = NULL;
      gboolean changed = FALSE;

      if (!FM_IS_KAIZEN (node) || g_hash_table_contains (removed_ids, fm_node_get_id (node)))
        continue;

      targets = fm_kaizen_get_applies_to (FM_KAIZEN (node));
      if (targets == NULL)
        continue;

      kept = g_strv_builder_new ();
      for (guint j = 0; targets[j] != NULL; j++)
        {
          if (g_hash_table_contains (removed_ids, targets[j]))
            changed = TRUE;
          else
            g_strv_builder_add (kept, targets[j]);
        }

      if (changed)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          kept_ids = g_strv_builder_end (kept);
          g_value_init (&value, G_TYPE_STRV);
          g_value_set_boxed (&value, kept_ids);
          fm_document_set_value_full (self, map, fm_node_get_id (node), "applies-to", &value, FALSE);
        }
    }
}

/**
 * fm_document_remove:
 * @ids: ids of nodes and edges of @map; unknown ids are ignored
 *
 * Removes the nodes and edges, and every edge of a removed node, as one
 * undoable step.
 */
void
fm_document_remove (FmDocument         *self,
                    FmMap              *map,
                    const char * const *ids)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  g_autoptr(GHashTable) node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edge_set = g_hash_table_new (NULL, NULL);
  guint n_edges;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (ids != NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);
      FmEdge *edge = fm_map_lookup_edge (map, ids[i]);

      if (node != NULL && g_hash_table_add (node_ids, (gpointer) fm_node_get_id (node)))
        g_ptr_array_add (nodes, node);
      else if (edge != NULL)
        g_hash_table_add (edge_set, edge);
    }

  n_edges = fm_map_get_n_edges (map);
  for (guint i = 0; i < n_edges; i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);

      if (g_hash_table_contains (edge_set, edge) ||
          g_hash_table_contains (node_ids, fm_edge_get_from (edge)) ||
          g_hash_table_contains (node_ids, fm_edge_get_to (edge)))
        g_ptr_array_add (edges, edge);
    }

  if (nodes->len == 0 && edges->len == 0)
    return;

  /* Experiments that target a deleted node stop naming it, in the same step. */
  fm_document_begin_group (self, _("Delete"));
  forget_targets (self, map, node_ids);
  run (self, items_command (_("Delete"), FALSE, map, nodes, edges));
  fm_document_end_group (self);
}

static void
set_bounds (FmDocument         *self,
            FmMap              *map,
            const char         *label,
            const char * const *ids,
            const FmRect       *new_bounds,
            gboolean            mergeable)
{
  guint n = g_strv_length ((char **) ids);
  g_autofree FmRect *old_bounds = g_new0 (FmRect, n);
  gboolean changed = FALSE;
  FmCommand *command;

  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);

      g_return_if_fail (node != NULL);
      fm_node_get_bounds (node, &old_bounds[i]);
      changed |= memcmp (&old_bounds[i], &new_bounds[i], sizeof (FmRect)) != 0;
    }

  if (!changed)
    return;

  command = fm_command_new_set_bounds (label, fm_map_get_id (map), n,
                                       (const char **) ids, old_bounds, new_bounds);
  fm_command_set_mergeable (command, mergeable);
  run (self, command);
}

/**
 * fm_document_move_nodes:
 *
 * Moves the nodes by (@dx, @dy). Consecutive moves of the same nodes make
 * one undoable step (arrow-key nudges); a drag should be a group.
 */
void
fm_document_move_nodes (FmDocument         *self,
                        FmMap              *map,
                        const char * const *ids,
                        double              dx,
                        double              dy)
{
  guint n;
  g_autofree FmRect *bounds = NULL;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (ids != NULL);

  n = g_strv_length ((char **) ids);
  if (n == 0)
    return;

  bounds = g_new0 (FmRect, n);
  for (guint i = 0; i < n; i++)
    {
      FmNode *node = fm_map_lookup_node (map, ids[i]);

      g_return_if_fail (node != NULL);
      fm_node_get_bounds (node, &bounds[i]);
      bounds[i].x += dx;
      bounds[i].y += dy;
    }

  set_bounds (self, map, _("Move"), ids, bounds, TRUE);
}

void
fm_document_set_node_bounds (FmDocument   *self,
                             FmMap        *map,
                             const char   *id,
                             const FmRect *bounds)
{
  const char *ids[] = { id, NULL };

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (id != NULL);
  g_return_if_fail (bounds != NULL && bounds->width >= 0 && bounds->height >= 0);

  set_bounds (self, map, _("Resize"), ids, bounds, TRUE);
}

void
fm_document_add_map (FmDocument *self,
                     FmMap      *map,
                     guint       position)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));
  g_return_if_fail (!g_list_store_find (self->maps, map, NULL));
  g_return_if_fail (fm_document_lookup_map_by_id (self, fm_map_get_id (map)) == NULL);

  position = MIN (position, fm_document_get_n_maps (self));
  run (self, fm_command_new_map (_("Add Map"), TRUE, map, position));
}

void
fm_document_remove_map (FmDocument *self,
                        FmMap      *map)
{
  guint position;

  g_return_if_fail (FM_IS_DOCUMENT (self));
  g_return_if_fail (FM_IS_MAP (map));

  if (!g_list_store_find (self->maps, map, &position))
    g_return_if_reached ();

  run (self, fm_command_new_map (_("Delete Map"), FALSE, map, position));
}

void
fm_document_move_map (FmDocument *self,
                      guint       from,
                      guint       to)
{
  guint n;

  g_return_if_fail (FM_IS_DOCUMENT (self));

  n = fm_document_get_n_maps (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  run (self, fm_command_new_move_map (_("Move Map"), from, to));
}

const char *
fm_stream_type_to_string (FmStreamType type)
{
  g_return_val_if_fail (type <= FM_STREAM_TYPE_COMPLIANCE, NULL);

  return stream_type_names[type];
}

gboolean
fm_stream_type_from_string (const char   *str,
                            FmStreamType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (stream_type_names); i++)
    {
      if (g_str_equal (str, stream_type_names[i]))
        {
          *type = i;
          return TRUE;
        }
    }

  return FALSE;
}
