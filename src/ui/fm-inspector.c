/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector.c: edits the selected item's fields, or the document's
 *
 * Each row is one property of the model, described in a table: what it
 * belongs to, its name and how its text reads (fm-inspector-fields.c,
 * which needs no widget). Typing applies the value at once, in the
 * handler of the keystroke, merged into one undo step until the row loses
 * focus or Enter is pressed: a click or a key that comes next always finds
 * it applied, to the item it was typed for. Text that does not read as a
 * value is marked, said why in a line under the row, and not applied.
 * Escape takes the row back to what it showed when it got the focus, and
 * forgets what was typed since: no undo step is left.
 *
 * The pages and the node page's groups are built from
 * fm-inspector-pages.ui the first time they are shown: a window that
 * never selects an experiment never pays for its rows, and the first
 * frame of every window is sooner.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-inspector"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-inspector.h"
#include "fm-inspector-fields.h"
#include "fm-json.h"
#include "fm-inspector-kaizen.h"
#include "fm-inspector-observed.h"
#include "fm-iso-date.h"
#include "fm-limits.h"

struct _FmInspector
{
  GtkWidget parent_instance;

  GtkStack *stack;
  /* NULL until built; see ensure_part(). */
  GtkWidget *parts[FM_N_PARTS];
  GtkWidget *process_observed;  /* fm-inspector-observed.c */
  GtkWidget *queue_observed;
  AdwComboRow *waste;
  AdwExpanderRow *targets;
  FmKaizenRows *kaizen_rows;   /* fm-inspector-kaizen.c */

  GtkWidget *rows[FM_INSPECTOR_N_FIELDS];
  /* The line under a row that says why its text is refused, if it can be. */
  GtkWidget *hints[FM_INSPECTOR_N_FIELDS];

  FmDocument *document;
  FmMap *map;
  FmCanvasState *state;
  /* Follow the document and the selection shown, whichever they are. */
  GSignalGroup *document_signals;
  GSignalGroup *state_signals;
  gboolean updating;
  GtkWidget *typing_row;   /* the row whose text is being applied */
  GtkWidget *pending_row;  /* a row whose text changed and is not applied yet */
  char *pending_object_id;  /* what it was typed for */
  guint pending_id;
  /* For Escape: the undo history's depth when the focused row got the
   * focus and after the last value typed there, and whether anything
   * else was done in between (then Escape does not know what to forget). */
  guint focus_depth;
  guint typed_depth;
  gboolean typed_foreign;

  /* In a window, the document page is built after the window's first
   * frame, which then shows the map sooner (issue 23); see waits(). */
  gboolean drawn;
  GdkFrameClock *frame_clock;
  gulong after_paint_id;
};

G_DEFINE_FINAL_TYPE (FmInspector, fm_inspector, GTK_TYPE_WIDGET)

static GObject *
field_object (FmInspector *self,
              guint        i)
{
  const char *id;

  if (self->document == NULL)
    return NULL;
  if (fm_inspector_fields[i].target == FM_FIELD_ON_DOCUMENT)
    return G_OBJECT (self->document);
  if (self->map == NULL || self->state == NULL ||
      (id = fm_canvas_state_get_single (self->state)) == NULL)
    return NULL;
  if (fm_inspector_fields[i].target == FM_FIELD_ON_NODE)
    return G_OBJECT (fm_map_lookup_node (self->map, id));

  return G_OBJECT (fm_map_lookup_edge (self->map, id));
}

static GParamSpec *
field_pspec (GObject *object,
             guint    i)
{
  return object ? g_object_class_find_property (G_OBJECT_GET_CLASS (object), fm_inspector_fields[i].property) : NULL;
}

/* Reads the text of @row, the row of field @i (fm-inspector-fields.c). */
static gboolean
parse_row (FmInspector *self,
           guint        i,
           GParamSpec  *pspec,
           GtkWidget   *row,
           GValue      *value)
{
  return fm_inspector_field_parse (i, pspec, gtk_editable_get_text (GTK_EDITABLE (row)),
                                   fm_inspector_field_day_length (i, self->document), value);
}

static gboolean
row_has_focus (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Marks row @i as refusing its text, or not, with the line that says why. */
static void
mark_refused (FmInspector *self,
              guint        i,
              gboolean     refused)
{
  GtkWidget *row = self->rows[i];
  GtkWidget *hint = self->hints[i];

  if (refused)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (hint != NULL)
    {
      gtk_widget_set_visible (gtk_widget_get_parent (hint), refused && gtk_widget_get_visible (row));
      /* Said by screen readers with the row, as the red is not. */
      if (refused)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        gtk_label_get_text (GTK_LABEL (hint)), -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
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
    {
      if (self->hints[i] != NULL)
        gtk_widget_set_visible (gtk_widget_get_parent (self->hints[i]), FALSE);
      return;
    }

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  if (fm_inspector_fields[i].type == FM_FIELD_CHOICE)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_value_get_enum (&value));
      return;
    }

  /* Leave alone the text being typed when it already says the value. */
  g_value_init (&typed, pspec->value_type);
  if (!force && (row == self->typing_row || row_has_focus (row)) &&
      parse_row (self, i, pspec, row, &typed) &&
      g_param_values_cmp (pspec, &typed, &value) == 0)
    return;

  text = fm_inspector_field_format (i, &value, fm_inspector_field_day_length (i, self->document));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  mark_refused (self, i, FALSE);
}

static void flush_pending (FmInspector     *self);
static void ensure_part   (FmInspector     *self,
                           FmInspectorPart  part);

/* Whether the document page waits for the first frame of the window the
 * inspector is in: making, styling and measuring its thirteen rows was
 * nearly a fifth of a large map's first frame, and they show one frame
 * later. An inspector on its own, or asked for a row or its page, does
 * not wait. */
static gboolean
waits (FmInspector *self)
{
  return !self->drawn && gtk_widget_get_root (GTK_WIDGET (self)) != NULL;
}

/* Shows the group of @part if it was built, when @visible. */
static void
show_group (FmInspector     *self,
            FmInspectorPart  part,
            gboolean         visible)
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
  FmInspectorPart page = FM_PART_DOCUMENT;

  /* What was typed for the item selected before goes to that item. */
  if (self->typing_row == NULL)
    flush_pending (self);

  self->updating = TRUE;

  if (node != NULL)
    {
      FmNodeKind kind = fm_node_get_kind (node);
      const char *title = kind == FM_NODE_KIND_KAIZEN ? _("Hypothesis")
                        : kind == FM_NODE_KIND_NOTE ? _("Text") : _("Label");

      page = FM_PART_NODE;
      ensure_part (self, FM_PART_NODE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[FM_FIELD_LABEL]), title);
      show_group (self, FM_PART_PROCESS, kind == FM_NODE_KIND_PROCESS);
      if (kind == FM_NODE_KIND_PROCESS)
        {
          /* What "1 d" of process time is: a working day, not a day of the map. */
          g_autofree char *hint = fm_inspector_process_time_hint (self->document);

          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->parts[FM_PART_PROCESS]), hint);
        }
      show_group (self, FM_PART_QUEUE, kind == FM_NODE_KIND_QUEUE);
      show_group (self, FM_PART_KAIZEN, kind == FM_NODE_KIND_KAIZEN);
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
      page = FM_PART_EDGE;
      ensure_part (self, FM_PART_EDGE);
    }
  else if (n_selected > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Item Selected",
                                                             "%u Items Selected", n_selected),
                                                n_selected);
      page = FM_PART_MULTIPLE;
      ensure_part (self, FM_PART_MULTIPLE);
      adw_status_page_set_title (ADW_STATUS_PAGE (self->parts[FM_PART_MULTIPLE]), title);
    }
  else if (waits (self))
    {
      self->updating = FALSE;
      return;
    }
  else
    {
      ensure_part (self, FM_PART_DOCUMENT);
    }

  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    refresh_field (self, i, FALSE);
  if (edge != NULL)
    {
      gtk_widget_set_visible (self->rows[FM_FIELD_EDGE_RATE], fm_edge_get_kind (edge) == FM_EDGE_KIND_REWORK);
      gtk_widget_set_visible (self->rows[FM_FIELD_EDGE_SHARE], fm_edge_is_flow (edge));
    }

  gtk_stack_set_visible_child (self->stack, self->parts[page]);
  self->updating = FALSE;
}

static FmMap *
target_map (FmInspector *self,
            guint        i)
{
  return fm_inspector_fields[i].target == FM_FIELD_ON_DOCUMENT ? NULL : self->map;
}

static const char *
target_id (FmInspector *self,
           guint        i)
{
  return fm_inspector_fields[i].target == FM_FIELD_ON_DOCUMENT ? NULL : fm_canvas_state_get_single (self->state);
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
  FmUndoStack *stack;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->document == NULL)
    return;
  if (fm_inspector_fields[i].target == FM_FIELD_ON_DOCUMENT)
    object = G_OBJECT (self->document);
  else if (self->map != NULL && object_id != NULL && fm_map_has_id (self->map, object_id))
    object = fm_inspector_fields[i].target == FM_FIELD_ON_NODE ? G_OBJECT (fm_map_lookup_node (self->map, object_id))
                                         : G_OBJECT (fm_map_lookup_edge (self->map, object_id));
  pspec = field_pspec (object, i);
  if (pspec == NULL)
    return;

  g_value_init (&value, pspec->value_type);
  if (!parse_row (self, i, pspec, row, &value))
    {
      mark_refused (self, i, TRUE);
      return;
    }

  mark_refused (self, i, FALSE);
  stack = fm_document_get_undo_stack (self->document);
  if (fm_undo_stack_get_depth (stack) != (self->typed_depth ? self->typed_depth : self->focus_depth))
    self->typed_foreign = TRUE;
  self->typing_row = row;
  /* A measured time typed over is an estimate again, in the same step. */
  if (fm_inspector_observed_replaces (object, pspec->name))
    fm_inspector_observed_set (self->document, self->map, object_id, pspec->name, &value);
  else
    fm_document_set_value_full (self->document, target_map (self, i), object_id,
                                pspec->name, &value, TRUE);
  self->typing_row = NULL;
  self->typed_depth = fm_undo_stack_get_depth (stack);
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

/* What was typed is applied here, before the next event is handled: a
 * value left for later could meet a click on another row, or another
 * item, first. Only empty text waits: replacing text can be a deletion
 * then an insertion, two "changed" in a row, and the empty text between
 * them must not unset the value. The next change, the focus leaving,
 * Enter or a shortcut apply it, or an idle if none comes. */
static void
on_entry_changed (GtkEditable *row,
                  FmInspector *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  if (self->updating || self->document == NULL)
    return;

  if (self->pending_row != NULL && self->pending_row != GTK_WIDGET (row))
    flush_pending (self);
  if (self->pending_row == NULL)
    {
      self->pending_row = g_object_ref (GTK_WIDGET (row));
      self->pending_object_id = g_strdup (target_id (self, i));
    }
  if (*gtk_editable_get_text (row) != '\0')
    flush_pending (self);
  else if (self->pending_id == 0)
    self->pending_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_pending_idle, self, NULL);
}

/* The text as it reads is what the next typing, here or in another row,
 * starts from: Escape comes back to here. */
static void
start_typing (FmInspector *self)
{
  FmUndoStack *stack = fm_document_get_undo_stack (self->document);

  /* The next typing is a new undo step, which Escape can forget. */
  fm_undo_stack_seal (stack);
  self->focus_depth = fm_undo_stack_get_depth (stack);
  self->typed_depth = 0;
  self->typed_foreign = FALSE;
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                FmInspector             *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* A row's tooltip shows under the pointer, over the next row: while
   * the row takes keys, a click meant for that next row would land on the
   * tooltip and be lost, and the keys after it go here. */
  gtk_widget_set_has_tooltip (row, FALSE);
  gtk_widget_trigger_tooltip_query (row);
  if (self->document != NULL)
    start_typing (self);
}

/* Enter: what was typed is done; Escape no longer takes it back. */
static void
on_entry_activated (AdwEntryRow *row,
                    FmInspector *self)
{
  if (self->document == NULL)
    return;

  flush_pending (self);
  start_typing (self);
}

/* Escape: the row shows again what it showed when it got the focus, and
 * what was typed since is forgotten, leaving no undo step. */
static void
escape_row (FmInspector *self,
            GtkWidget   *row)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  FmUndoStack *stack = fm_document_get_undo_stack (self->document);

  /* Empty text not yet applied is dropped, not applied. */
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending_row);
  g_clear_pointer (&self->pending_object_id, g_free);

  if (!self->typed_foreign && self->typed_depth > self->focus_depth &&
      fm_undo_stack_get_depth (stack) == self->typed_depth &&
      !fm_undo_stack_in_group (stack))
    fm_undo_stack_revert_to (stack, self->focus_depth);
  start_typing (self);

  self->updating = TRUE;
  refresh_field (self, i, TRUE);
  self->updating = FALSE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                FmInspector             *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  gtk_widget_set_has_tooltip (row, gtk_widget_get_tooltip_text (row) != NULL);
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
  /* Empty text waits for an idle, which a key event beats: a shortcut
   * such as Ctrl+S must act on the text as it now reads. */
  if (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    flush_pending (self);
  if (keyval == GDK_KEY_Escape && mods == 0 && self->document != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      for (guint i = 0; focus != NULL && i < FM_INSPECTOR_N_FIELDS; i++)
        if (self->rows[i] != NULL && fm_inspector_fields[i].type != FM_FIELD_CHOICE &&
            (focus == self->rows[i] || gtk_widget_is_ancestor (focus, self->rows[i])))
          {
            escape_row (self, self->rows[i]);
            return TRUE;
          }
    }
  if (action == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
stop_watching_frames (FmInspector *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

/* The page waits no more: built and filled now. */
static void
stop_waiting (FmInspector *self)
{
  if (self->drawn)
    return;
  self->drawn = TRUE;
  stop_watching_frames (self);
  if (self->document != NULL)
    refresh (self);
}

static void
fm_inspector_map (GtkWidget *widget)
{
  FmInspector *self = FM_INSPECTOR (widget);

  GTK_WIDGET_CLASS (fm_inspector_parent_class)->map (widget);

  if (!self->drawn && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                       G_CALLBACK (stop_waiting), self);
    }
}

static void
fm_inspector_unmap (GtkWidget *widget)
{
  stop_watching_frames (FM_INSPECTOR (widget));

  GTK_WIDGET_CLASS (fm_inspector_parent_class)->unmap (widget);
}

static void
fm_inspector_dispose (GObject *object)
{
  FmInspector *self = FM_INSPECTOR (object);

  stop_watching_frames (self);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_object (&self->pending_row);
  g_clear_pointer (&self->pending_object_id, g_free);
  fm_inspector_set_map (self, NULL, NULL, NULL);
  g_clear_pointer (&self->kaizen_rows, fm_kaizen_rows_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_INSPECTOR);

  G_OBJECT_CLASS (fm_inspector_parent_class)->dispose (object);
}

static void
fm_inspector_finalize (GObject *object)
{
  FmInspector *self = FM_INSPECTOR (object);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->state_signals);

  G_OBJECT_CLASS (fm_inspector_parent_class)->finalize (object);
}

static void
fm_inspector_class_init (FmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_inspector_dispose;
  object_class->finalize = fm_inspector_finalize;
  widget_class->map = fm_inspector_map;
  widget_class->unmap = fm_inspector_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, FmInspector, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fminspector");
}

/* A line under @row, shown when it refuses its text, that says what it
 * takes; NULL for a row that takes any text or is not in a list. */
static GtkWidget *
add_hint (guint      i,
          GtkWidget *row)
{
  g_autofree char *text = fm_inspector_field_hint (i);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *label;
  GtkWidget *line;

  if (text == NULL || !GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (row))
    return NULL;

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);

  line = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (line), FALSE);
  gtk_widget_set_focusable (line, FALSE);
  gtk_widget_set_visible (line, FALSE);
  gtk_widget_add_css_class (line, "fm-field-hint");
  gtk_list_box_insert (GTK_LIST_BOX (list), line,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  return label;
}

static void
setup_row (FmInspector *self,
           guint        i,
           GtkWidget   *row)
{
  g_assert (row != NULL);
  self->rows[i] = row;
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (i));

  if (fm_inspector_fields[i].type == FM_FIELD_CHOICE)
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
                                 FM_MAX_TEXT_CHARS);
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      if (ADW_IS_ENTRY_ROW (row))
        g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
      g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (row, focus);
      self->hints[i] = add_hint (i, row);
    }
}

/* Builds @part from fm-inspector-pages.ui and puts it in place, the first
 * time it is needed; its rows are filled by the next refresh_field(). */
static void
ensure_part (FmInspector     *self,
             FmInspectorPart  part)
{
  const char *ids[] = { fm_inspector_parts[part].id, NULL };
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
  widget = GTK_WIDGET (gtk_builder_get_object (builder, fm_inspector_parts[part].id));
  self->parts[part] = widget;

  if (fm_inspector_parts[part].page != NULL)
    {
      gtk_stack_add_named (self->stack, widget, fm_inspector_parts[part].page);
    }
  else
    {
      /* Only one kind's group shows at a time: their order does not
       * matter. show_group() shows it. */
      ensure_part (self, FM_PART_NODE);
      gtk_widget_set_visible (widget, FALSE);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->parts[FM_PART_NODE]), ADW_PREFERENCES_GROUP (widget));
    }

  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (fm_inspector_fields[i].part == part)
      setup_row (self, i, GTK_WIDGET (gtk_builder_get_object (builder, fm_inspector_fields[i].row)));

  if (part == FM_PART_PROCESS)
    self->process_observed = GTK_WIDGET (gtk_builder_get_object (builder, "process_observed"));
  else if (part == FM_PART_QUEUE)
    self->queue_observed = GTK_WIDGET (gtk_builder_get_object (builder, "queue_observed"));
  else if (part == FM_PART_KAIZEN)
    {
      self->waste = ADW_COMBO_ROW (gtk_builder_get_object (builder, "waste"));
      self->targets = ADW_EXPANDER_ROW (gtk_builder_get_object (builder, "targets"));
      self->kaizen_rows = fm_kaizen_rows_new (self->waste,
                                              ADW_ENTRY_ROW (fm_inspector_get_field (self, "review-date")),
                                              self->targets);
    }

  self->updating = TRUE;
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (fm_inspector_fields[i].part == part)
      refresh_field (self, i, FALSE);
  self->updating = updating;
}

static void
fm_inspector_init (FmInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (refresh), self);
  self->state_signals = g_signal_group_new (FM_TYPE_CANVAS_STATE);
  g_signal_group_connect_swapped (self->state_signals, "selection-changed", G_CALLBACK (refresh), self);

  g_assert (g_str_equal (fm_inspector_fields[FM_FIELD_LABEL].property, "label"));
  g_assert (g_str_equal (fm_inspector_fields[FM_FIELD_EDGE_RATE].property, "rate"));
  g_assert (g_str_equal (fm_inspector_fields[FM_FIELD_EDGE_SHARE].property, "share"));
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

  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  g_set_object (&self->state, state);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->state_signals, state);

  if (document != NULL)
    refresh (self);
}

/* The page shown: "document", "node", "edge" or "multiple". */
const char *
fm_inspector_get_page (FmInspector *self)
{
  g_return_val_if_fail (FM_IS_INSPECTOR (self), NULL);

  stop_waiting (self);
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

  stop_waiting (self);
  if (g_str_equal (property, "waste") || g_str_equal (property, "applies-to"))
    {
      ensure_part (self, FM_PART_KAIZEN);
      return g_str_equal (property, "waste") ? GTK_WIDGET (self->waste) : GTK_WIDGET (self->targets);
    }

  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (g_str_equal (fm_inspector_fields[i].property, property))
      {
        ensure_part (self, fm_inspector_fields[i].part);
        return self->rows[i];
      }

  return NULL;
}
