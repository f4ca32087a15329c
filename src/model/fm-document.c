/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-document.c: a value stream and its maps, the unit that is saved
 *
 * The type, its properties and its look-ups; the undoable edits are in
 * fm-document-edit.c, whole maps in fm-document-maps.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-document"

#include <string.h>

#include "fm-document-private.h"
#include "fm-enum-nick.h"
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
  FmTimeUnit lead_time_unit;
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
  PROP_LEAD_TIME_UNIT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  else if (prop_id == PROP_LEAD_TIME_UNIT)
    g_value_set_enum (value, self->lead_time_unit);
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
  else if (prop_id == PROP_LEAD_TIME_UNIT)
    {
      changed = self->lead_time_unit != (FmTimeUnit) g_value_get_enum (value);
      self->lead_time_unit = g_value_get_enum (value);
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
  /* Value stream maps write lead times in days; some teams prefer weeks
   * or hours. Process times keep the unit that keeps them exact. */
  properties[PROP_LEAD_TIME_UNIT] =
    g_param_spec_enum ("lead-time-unit", NULL, NULL, FM_TYPE_TIME_UNIT,
                       FM_TIME_UNIT_DAYS, flags);
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

/**
 * fm_document_get_lead_time_unit:
 *
 * Returns: the unit the document's lead times and waits are shown in
 */
FmTimeUnit
fm_document_get_lead_time_unit (FmDocument *self)
{
  g_return_val_if_fail (FM_IS_DOCUMENT (self), FM_TIME_UNIT_DAYS);
  return self->lead_time_unit;
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

/* Returns: (transfer none) (nullable): the map with @id, not looking at names */
FmMap *
fm_document_lookup_map_by_id (FmDocument *self,
                              const char *id)
{
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = fm_document_get_n_maps (self);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fm_map_get_id (fm_document_get_map (self, i)), id))
      return fm_document_get_map (self, i);

  return NULL;
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
  FmMap *map;
  guint n;

  g_return_val_if_fail (FM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  map = fm_document_lookup_map_by_id (self, id_or_name);
  if (map != NULL)
    return map;

  n = fm_document_get_n_maps (self);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (fm_map_get_name (fm_document_get_map (self, i)), id_or_name))
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

/* Escape during a gesture: reverts the innermost open group and records
 * nothing, so that redo cannot bring the cancelled gesture back. */
void
fm_document_cancel_group (FmDocument *self)
{
  g_return_if_fail (FM_IS_DOCUMENT (self));

  fm_undo_stack_cancel_group (self->undo_stack);
}

const char *
fm_stream_type_to_string (FmStreamType type)
{
  return fm_enum_to_nick (FM_TYPE_STREAM_TYPE, type);
}

gboolean
fm_stream_type_from_string (const char   *str,
                            FmStreamType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_STREAM_TYPE, str, (int *) type);
}

const char *
fm_time_unit_to_string (FmTimeUnit unit)
{
  return fm_enum_to_nick (FM_TYPE_TIME_UNIT, unit);
}

gboolean
fm_time_unit_from_string (const char *str,
                          FmTimeUnit *unit)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  return fm_enum_from_nick (FM_TYPE_TIME_UNIT, str, (int *) unit);
}
