/* fm-inspector.c: edits the selected item's fields, or the document's
 *
 * Each row is one property of the model, described in a table: what it
 * belongs to, its name and how its text reads. Typing applies the value at
 * once, merged into one undo step until the row loses focus; text that does
 * not read as a value is marked and not applied.
 *
 * The pages and the node page's groups are built from
 * fm-inspector-pages.ui the first time they are shown: a window that
 * never selects an experiment never pays for its rows, and the first
 * frame of every window is sooner.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-inspector"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-inspector.h"
#include "fm-json.h"
#include "fm-inspector-kaizen.h"
#include "fm-inspector-observed.h"

typedef enum {
  FIELD_TEXT,       /* a string; empty is unset, except for a label */
  FIELD_DURATION,   /* seconds, typed as "2h 30m" */
  FIELD_NUMBER,     /* a count or amount */
  FIELD_PERCENT,    /* 0–100, shown with % */
  FIELD_RATE,       /* 0–1, shown as a percentage */
  FIELD_DATE,       /* YYYY-MM-DD */
  FIELD_CHOICE,     /* an enum, in a combo row in the enum's order */
} FieldType;

typedef enum {
  ON_DOCUMENT,
  ON_NODE,
  ON_EDGE,
} FieldTarget;

/* What is built at once, the first time it is shown. */
typedef enum {
  PART_DOCUMENT,
  PART_NODE,      /* the node page, with the label every node has */
  PART_PROCESS,   /* groups of the node page, for one kind each */
  PART_QUEUE,
  PART_KAIZEN,
  PART_EDGE,
  PART_MULTIPLE,
  N_PARTS
} Part;

static const struct {
  const char *id;     /* in fm-inspector-pages.ui */
  const char *page;   /* its name in the stack, or NULL for a node group */
} parts[N_PARTS] = {
  [PART_DOCUMENT] = { "document_page", "document" },
  [PART_NODE] = { "node_page", "node" },
  [PART_PROCESS] = { "process_group", NULL },
  [PART_QUEUE] = { "queue_group", NULL },
  [PART_KAIZEN] = { "kaizen_group", NULL },
  [PART_EDGE] = { "edge_page", "edge" },
  [PART_MULTIPLE] = { "multiple_page", "multiple" },
};

static const struct {
  const char *row;
  FieldTarget target;
  Part part;
  const char *property;
  FieldType type;
} fields[] = {
  { "doc_title", ON_DOCUMENT, PART_DOCUMENT, "title", FIELD_TEXT },
  { "doc_customer", ON_DOCUMENT, PART_DOCUMENT, "customer", FIELD_TEXT },
  { "doc_value", ON_DOCUMENT, PART_DOCUMENT, "value", FIELD_TEXT },
  { "doc_trigger", ON_DOCUMENT, PART_DOCUMENT, "trigger", FIELD_TEXT },
  { "doc_outcome", ON_DOCUMENT, PART_DOCUMENT, "outcome", FIELD_TEXT },
  { "doc_stream_type", ON_DOCUMENT, PART_DOCUMENT, "stream-type", FIELD_CHOICE },
  { "doc_day_length", ON_DOCUMENT, PART_DOCUMENT, "day-length-s", FIELD_DURATION },
  { "doc_available_time", ON_DOCUMENT, PART_DOCUMENT, "available-time-s", FIELD_DURATION },
  { "doc_demand", ON_DOCUMENT, PART_DOCUMENT, "demand-per-day", FIELD_NUMBER },
  { "node_label", ON_NODE, PART_NODE, "label", FIELD_TEXT },
  { "process_time", ON_NODE, PART_PROCESS, "process-s", FIELD_DURATION },
  { "lead_time", ON_NODE, PART_PROCESS, "lead-s", FIELD_DURATION },
  { "pca", ON_NODE, PART_PROCESS, "pca", FIELD_PERCENT },
  { "people", ON_NODE, PART_PROCESS, "people", FIELD_NUMBER },
  { "role", ON_NODE, PART_PROCESS, "role", FIELD_TEXT },
  { "wip", ON_NODE, PART_PROCESS, "wip", FIELD_NUMBER },
  { "wait", ON_NODE, PART_QUEUE, "wait-s", FIELD_DURATION },
  { "items", ON_NODE, PART_QUEUE, "items", FIELD_NUMBER },
  { "owner", ON_NODE, PART_KAIZEN, "owner", FIELD_TEXT },
  { "measure", ON_NODE, PART_KAIZEN, "measure", FIELD_TEXT },
  { "baseline", ON_NODE, PART_KAIZEN, "baseline", FIELD_TEXT },
  { "target", ON_NODE, PART_KAIZEN, "target", FIELD_TEXT },
  { "review_date", ON_NODE, PART_KAIZEN, "review-date", FIELD_DATE },
  { "status", ON_NODE, PART_KAIZEN, "status", FIELD_CHOICE },
  { "edge_kind", ON_EDGE, PART_EDGE, "kind", FIELD_CHOICE },
  { "share", ON_EDGE, PART_EDGE, "share", FIELD_RATE },
  { "rate", ON_EDGE, PART_EDGE, "rate", FIELD_RATE },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _FmInspector
{
  GtkWidget parent_instance;

  GtkStack *stack;
  /* NULL until built; see ensure_part(). */
  GtkWidget *parts[N_PARTS];
  GtkWidget *process_observed;  /* fm-inspector-observed.c */
  GtkWidget *queue_observed;
  AdwComboRow *waste;
  AdwExpanderRow *targets;
  FmKaizenRows *kaizen_rows;   /* fm-inspector-kaizen.c */

  GtkWidget *rows[N_FIELDS];

  FmDocument *document;
  FmMap *map;
  FmCanvasState *state;
  gboolean updating;
  GtkWidget *typing_row;   /* the row whose text is being applied */
  GtkWidget *pending_row;  /* a row whose text changed and is not applied yet */
  char *pending_object_id;  /* what it was typed for */
  guint pending_id;
};

G_DEFINE_FINAL_TYPE (FmInspector, fm_inspector, GTK_TYPE_WIDGET)

static GObject *
field_object (FmInspector *self,
              guint        i)
{
  const char *id;

  if (self->document == NULL)
    return NULL;
  if (fields[i].target == ON_DOCUMENT)
    return G_OBJECT (self->document);
  if (self->map == NULL || self->state == NULL ||
      (id = fm_canvas_state_get_single (self->state)) == NULL)
    return NULL;
  if (fields[i].target == ON_NODE)
    return G_OBJECT (fm_map_lookup_node (self->map, id));

  return G_OBJECT (fm_map_lookup_edge (self->map, id));
}

static GParamSpec *
field_pspec (GObject *object,
             guint    i)
{
  return object ? g_object_class_find_property (G_OBJECT_GET_CLASS (object), fields[i].property) : NULL;
}

/* A duration of the document's own day length reads against a 24 h day. */
static double
day_length_for (FmInspector *self,
                guint        i)
{
  if (g_str_equal (fields[i].property, "day-length-s") || self->document == NULL)
    return FM_DEFAULT_DAY_LENGTH_S;

  return fm_document_get_day_length_s (self->document);
}

/**
 * fm_inspector_parse_number:
 *
 * Reads a number written the C way ("1.5") or, where the locale's decimal
 * separator is a comma, that way ("1,5"), with spaces around allowed.
 *
 * Returns: whether all of @text was a finite number
 */
gboolean
fm_inspector_parse_number (const char *text,
                           double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;

  /* "1,5" too where the locale writes it so, as format_number() shows it. */
  if (g_str_equal (localeconv ()->decimal_point, ","))
    g_strdelimit (copy, ",", '.');

  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static gboolean
parse_date (const char *text)
{
  unsigned year, month, day;
  char rest;

  return sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3 &&
         strlen (text) == 10 && g_date_valid_dmy (day, month, year);
}

/* Reads @text as the value of field @i into @value (initialised to the
 * property's type). Returns FALSE when it does not read or is out of range. */
static gboolean
parse_field (FmInspector *self,
             guint        i,
             GParamSpec  *pspec,
             const char  *text,
             GValue      *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean empty = *stripped == '\0';
  double number = FM_UNSET;

  switch (fields[i].type)
    {
    case FIELD_TEXT:
      g_value_set_string (value, empty && !g_str_equal (fields[i].property, "label") ? NULL : text);
      return TRUE;

    case FIELD_DATE:
      if (!empty && !parse_date (stripped))
        return FALSE;
      g_value_set_string (value, empty ? NULL : stripped);
      return TRUE;

    case FIELD_DURATION:
      /* Past the file format's limit, the value could not be saved. */
      if (!empty && (!fm_duration_parse (stripped, day_length_for (self, i), &number) ||
                     number > FM_JSON_MAX_SECONDS))
        return FALSE;
      break;

    case FIELD_NUMBER:
      if (!empty && (!fm_inspector_parse_number (stripped, &number) || number < 0 ||
                     number > FM_JSON_MAX_COUNT))
        return FALSE;
      break;

    case FIELD_PERCENT:
    case FIELD_RATE:
      if (!empty)
        {
          gsize len = strlen (stripped);

          if (len > 0 && stripped[len - 1] == '%')
            stripped[len - 1] = '\0';
          if (!fm_inspector_parse_number (stripped, &number) || number < 0 || number > 100)
            return FALSE;
          if (fields[i].type == FIELD_RATE)
            {
              number /= 100;
              /* A loop that sends everything back never ends; a route
               * may take all the items. */
              if (number >= 1 && g_str_equal (fields[i].property, "rate"))
                return FALSE;
            }
        }
      break;

    case FIELD_CHOICE:
    default:
      g_assert_not_reached ();
    }

  g_value_set_double (value, number);
  return !g_param_value_validate (pspec, value);
}

static char *
format_number (double value)
{
  return fm_format_decimal ("%.6g", value);
}

static char *
format_field (FmInspector  *self,
              guint         i,
              const GValue *value)
{
  double number;

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  number = g_value_get_double (value);
  if (!fm_value_is_set (number))
    return g_strdup ("");

  switch (fields[i].type)
    {
    case FIELD_DURATION:
      return fm_duration_format (number, day_length_for (self, i));
    case FIELD_PERCENT:
      {
        g_autofree char *n = format_number (number);
        /* Translators: a percentage in a field, as in "85%"; it reads back with or without a space */
        return g_strdup_printf (_("%s%%"), n);
      }
    case FIELD_RATE:
      {
        g_autofree char *n = format_number (number * 100);
        return g_strdup_printf (_("%s%%"), n);
      }
    case FIELD_NUMBER:
    case FIELD_TEXT:
    case FIELD_DATE:
    case FIELD_CHOICE:
    default:
      return format_number (number);
    }
}

static gboolean
row_has_focus (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
refresh_field (FmInspector *self,
               guint        i,
               gboolean     force)
{
  GObject *object = field_object (self, i);
  GParamSpec *pspec = field_pspec (object, i);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) typed = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GtkWidget *row = self->rows[i];

  /* Not built yet: it is filled in when it is. */
  if (row == NULL)
    return;

  gtk_widget_set_visible (row, pspec != NULL);
  if (pspec == NULL)
    return;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  if (fields[i].type == FIELD_CHOICE)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_value_get_enum (&value));
      return;
    }

  /* Leave alone the text being typed when it already says the value. */
  g_value_init (&typed, pspec->value_type);
  if (!force && (row == self->typing_row || row_has_focus (row)) &&
      parse_field (self, i, pspec, gtk_editable_get_text (GTK_EDITABLE (row)), &typed) &&
      g_param_values_cmp (pspec, &typed, &value) == 0)
    return;

  text = format_field (self, i, &value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (row, "error");
}

static void flush_pending (FmInspector *self);
static void ensure_part (FmInspector *self,
                         Part         part);

/* Shows the group of @part if it was built, when @visible. */
static void
show_group (FmInspector *self,
            Part         part,
            gboolean     visible)
{
  if (visible)
    ensure_part (self, part);
  if (self->parts[part] != NULL)
    gtk_widget_set_visible (self->parts[part], visible);
}

static void
refresh (FmInspector *self)
{
  const char *id = self->state ? fm_canvas_state_get_single (self->state) : NULL;
  FmNode *node = (id && self->map) ? fm_map_lookup_node (self->map, id) : NULL;
  FmEdge *edge = (id && self->map) ? fm_map_lookup_edge (self->map, id) : NULL;
  guint n_selected = self->state ? fm_canvas_state_get_n_selected (self->state) : 0;
  Part page = PART_DOCUMENT;

  /* What was typed for the item selected before goes to that item. */
  if (self->typing_row == NULL)
    flush_pending (self);

  self->updating = TRUE;

  if (node != NULL)
    {
      FmNodeKind kind = fm_node_get_kind (node);
      const char *title = kind == FM_NODE_KIND_KAIZEN ? _("Hypothesis")
                        : kind == FM_NODE_KIND_NOTE ? _("Text") : _("Label");

      page = PART_NODE;
      ensure_part (self, PART_NODE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[9]), title);
      show_group (self, PART_PROCESS, kind == FM_NODE_KIND_PROCESS);
      show_group (self, PART_QUEUE, kind == FM_NODE_KIND_QUEUE);
      show_group (self, PART_KAIZEN, kind == FM_NODE_KIND_KAIZEN);
      if (self->kaizen_rows != NULL)
        fm_kaizen_rows_show (self->kaizen_rows, self->document, self->map,
                             kind == FM_NODE_KIND_KAIZEN ? FM_KAIZEN (node) : NULL);
      if (self->process_observed != NULL)
        fm_inspector_observed_show (self->process_observed, kind == FM_NODE_KIND_PROCESS ? node : NULL);
      if (self->queue_observed != NULL)
        fm_inspector_observed_show (self->queue_observed, kind == FM_NODE_KIND_QUEUE ? node : NULL);
    }
  else if (edge != NULL)
    {
      page = PART_EDGE;
      ensure_part (self, PART_EDGE);
    }
  else if (n_selected > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Item Selected",
                                                             "%u Items Selected", n_selected),
                                                n_selected);
      page = PART_MULTIPLE;
      ensure_part (self, PART_MULTIPLE);
      adw_status_page_set_title (ADW_STATUS_PAGE (self->parts[PART_MULTIPLE]), title);
    }
  else
    {
      ensure_part (self, PART_DOCUMENT);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    refresh_field (self, i, FALSE);
  if (edge != NULL)
    {
      gtk_widget_set_visible (self->rows[N_FIELDS - 1], fm_edge_get_kind (edge) == FM_EDGE_KIND_REWORK);
      gtk_widget_set_visible (self->rows[N_FIELDS - 2], fm_edge_is_flow (edge));
    }

  gtk_stack_set_visible_child (self->stack, self->parts[page]);
  self->updating = FALSE;
}

static FmMap *
target_map (FmInspector *self,
            guint        i)
{
  return fields[i].target == ON_DOCUMENT ? NULL : self->map;
}

static const char *
target_id (FmInspector *self,
           guint        i)
{
  return fields[i].target == ON_DOCUMENT ? NULL : fm_canvas_state_get_single (self->state);
}

/* Reads the row's text and applies it when it reads as a value. */
static void
apply_row (FmInspector *self,
           GtkWidget   *row,
           const char  *object_id)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  GObject *object = NULL;
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->document == NULL)
    return;
  if (fields[i].target == ON_DOCUMENT)
    object = G_OBJECT (self->document);
  else if (self->map != NULL && object_id != NULL && fm_map_has_id (self->map, object_id))
    object = fields[i].target == ON_NODE ? G_OBJECT (fm_map_lookup_node (self->map, object_id))
                                         : G_OBJECT (fm_map_lookup_edge (self->map, object_id));
  pspec = field_pspec (object, i);
  if (pspec == NULL)
    return;

  g_value_init (&value, pspec->value_type);
  if (!parse_field (self, i, pspec, gtk_editable_get_text (GTK_EDITABLE (row)), &value))
    {
      gtk_widget_add_css_class (row, "error");
      return;
    }

  gtk_widget_remove_css_class (row, "error");
  self->typing_row = row;
  /* A measured time typed over is an estimate again, in the same step. */
  if (fm_inspector_observed_replaces (object, pspec->name))
    fm_inspector_observed_set (self->document, self->map, object_id, pspec->name, &value);
  else
    fm_document_set_value_full (self->document, target_map (self, i), object_id,
                                pspec->name, &value, TRUE);
  self->typing_row = NULL;
}

/* Applies what was typed now rather than later: before the selection
 * changes or the row loses focus. */
static void
flush_pending (FmInspector *self)
{
  GtkWidget *row = g_steal_pointer (&self->pending_row);
  g_autofree char *object_id = g_steal_pointer (&self->pending_object_id);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (row != NULL)
    {
      apply_row (self, row, object_id);
      g_object_unref (row);
    }
}

static gboolean
on_pending_idle (gpointer data)
{
  FmInspector *self = data;

  self->pending_id = 0;
  flush_pending (self);
  return G_SOURCE_REMOVE;
}

/* Replacing text is a deletion then an insertion, two "changed" in a
 * row: the value is read once both are done, so that the empty text in
 * between is never applied. */
static void
on_entry_changed (GtkEditable *row,
                  FmInspector *self)
{
  if (self->updating || self->document == NULL)
    return;

  if (self->pending_row != NULL && self->pending_row != GTK_WIDGET (row))
    flush_pending (self);
  if (self->pending_row == NULL)
    {
      guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

      self->pending_row = g_object_ref (GTK_WIDGET (row));
      self->pending_object_id = g_strdup (target_id (self, i));
    }
  if (self->pending_id == 0)
    self->pending_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_pending_idle, self, NULL);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                FmInspector             *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  if (self->document == NULL)
    return;

  flush_pending (self);
  /* The next typing, here or elsewhere, is a new undo step. */
  fm_undo_stack_seal (fm_document_get_undo_stack (self->document));
  self->updating = TRUE;
  refresh_field (self, i, TRUE);
  self->updating = FALSE;
}

static void
on_choice_changed (AdwComboRow *row,
                   GParamSpec  *unused,
                   FmInspector *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  GObject *object = field_object (self, i);
  GParamSpec *pspec = field_pspec (object, i);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || pspec == NULL)
    return;

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, adw_combo_row_get_selected (row));
  fm_document_set_value_full (self->document, target_map (self, i), target_id (self, i),
                              pspec->name, &value, FALSE);
}

/* Ctrl+Z in a row would reach the row's own (disabled) undo and stop
 * there; it is the document's undo that the window offers. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FmInspector           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  const char *action = NULL;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    action = "win.undo";
  else if ((mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z)) ||
           (mods == GDK_CONTROL_MASK && keyval == GDK_KEY_y))
    action = "win.redo";
  /* What was typed is applied in an idle, which a key event beats: a
   * shortcut such as Ctrl+S must act on the text as it now reads. */
  if (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    flush_pending (self);
  if (action == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
fm_inspector_dispose (GObject *object)
{
  FmInspector *self = FM_INSPECTOR (object);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending_row);
  g_clear_pointer (&self->pending_object_id, g_free);
  fm_inspector_set_map (self, NULL, NULL, NULL);
  g_clear_pointer (&self->kaizen_rows, fm_kaizen_rows_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_INSPECTOR);

  G_OBJECT_CLASS (fm_inspector_parent_class)->dispose (object);
}

static void
fm_inspector_class_init (FmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, FmInspector, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fminspector");
}

static void
setup_row (FmInspector *self,
           guint        i,
           GtkWidget   *row)
{
  g_assert (row != NULL);
  self->rows[i] = row;
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (i));

  if (fields[i].type == FIELD_CHOICE)
    {
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_changed), self);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      /* Ctrl+Z is the document's undo, not the row's. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      /* No more than a file may hold: a longer text could not be saved. */
      if (GTK_IS_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))))
        gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                 FM_JSON_MAX_TEXT_CHARS);
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (row, focus);
    }
}

/* Builds @part from fm-inspector-pages.ui and puts it in place, the first
 * time it is needed; its rows are filled by the next refresh_field(). */
static void
ensure_part (FmInspector *self,
             Part         part)
{
  const char *ids[] = { parts[part].id, NULL };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget;
  gboolean updating = self->updating;

  if (self->parts[part] != NULL)
    return;

  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, "/io/github/flowmap/Flowmap/fm-inspector-pages.ui",
                                              ids, &error))
    g_error ("%s", error->message);
  widget = GTK_WIDGET (gtk_builder_get_object (builder, parts[part].id));
  self->parts[part] = widget;

  if (parts[part].page != NULL)
    {
      gtk_stack_add_named (self->stack, widget, parts[part].page);
    }
  else
    {
      /* Only one kind's group shows at a time: their order does not
       * matter. show_group() shows it. */
      ensure_part (self, PART_NODE);
      gtk_widget_set_visible (widget, FALSE);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->parts[PART_NODE]), ADW_PREFERENCES_GROUP (widget));
    }

  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].part == part)
      setup_row (self, i, GTK_WIDGET (gtk_builder_get_object (builder, fields[i].row)));

  if (part == PART_PROCESS)
    self->process_observed = GTK_WIDGET (gtk_builder_get_object (builder, "process_observed"));
  else if (part == PART_QUEUE)
    self->queue_observed = GTK_WIDGET (gtk_builder_get_object (builder, "queue_observed"));
  else if (part == PART_KAIZEN)
    {
      self->waste = ADW_COMBO_ROW (gtk_builder_get_object (builder, "waste"));
      self->targets = ADW_EXPANDER_ROW (gtk_builder_get_object (builder, "targets"));
      self->kaizen_rows = fm_kaizen_rows_new (self->waste,
                                              ADW_ENTRY_ROW (fm_inspector_get_field (self, "review-date")),
                                              self->targets);
    }

  self->updating = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].part == part)
      refresh_field (self, i, FALSE);
  self->updating = updating;
}

static void
fm_inspector_init (FmInspector *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_assert (g_str_equal (fields[9].property, "label"));
  g_assert (g_str_equal (fields[N_FIELDS - 1].property, "rate"));
  g_assert (g_str_equal (fields[N_FIELDS - 2].property, "share"));
}

GtkWidget *
fm_inspector_new (void)
{
  return g_object_new (FM_TYPE_INSPECTOR, NULL);
}

/**
 * fm_inspector_set_map:
 * @document: (nullable): the document to edit
 * @map: (nullable): the map whose selected items are edited
 * @state: (nullable): the view state that says what is selected
 */
void
fm_inspector_set_map (FmInspector   *self,
                      FmDocument    *document,
                      FmMap         *map,
                      FmCanvasState *state)
{
  g_return_if_fail (FM_IS_INSPECTOR (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);

  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  g_set_object (&self->state, state);

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (state != NULL)
    g_signal_connect_object (state, "selection-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);

  if (document != NULL)
    refresh (self);
}

/* The page shown: "document", "node", "edge" or "multiple". */
const char *
fm_inspector_get_page (FmInspector *self)
{
  g_return_val_if_fail (FM_IS_INSPECTOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * fm_inspector_get_field:
 *
 * The row that edits @property, built if it was not yet: "waste" and
 * "applies-to" give an experiment's #AdwComboRow and #AdwExpanderRow.
 *
 * Returns: (transfer none) (nullable): the row that edits @property
 */
GtkWidget *
fm_inspector_get_field (FmInspector *self,
                        const char  *property)
{
  g_return_val_if_fail (FM_IS_INSPECTOR (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (g_str_equal (property, "waste") || g_str_equal (property, "applies-to"))
    {
      ensure_part (self, PART_KAIZEN);
      return g_str_equal (property, "waste") ? GTK_WIDGET (self->waste) : GTK_WIDGET (self->targets);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].property, property))
      {
        ensure_part (self, fields[i].part);
        return self->rows[i];
      }

  return NULL;
}
