/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-keyboard.c: drawing a map with the keyboard alone
 *
 * Tab and Shift+Tab walk the nodes in flow order (from the trigger along
 * the flow, then the rest in reading order) and wrap; Ctrl+Tab leaves the
 * canvas, as in a text view. C starts a connection from the selected node
 * with the pointer's connect tool (fm-canvas-tool-connect.c), driven by
 * keys instead of a button: Tab picks the target, Enter makes the edge
 * through the same command as a drag, Escape drops it. Ctrl+Enter adds a
 * process step after the selection, connected to it, and opens its label.
 * Enter on a shape of the palette adds that shape next to the selection
 * (canvas.add-node).
 *
 * What a screen reader hears of all this is in fm-canvas-accessible.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-keyboard"

#include <glib/gi18n.h>

#include "fm-canvas-tool.h"
#include "fm-map-order.h"
#include "fm-map-place.h"

#define REVEAL_MARGIN 24.0  /* widget pixels kept around a node scrolled into view */

/* The node @step places after @id in flow order, wrapping; the first (or
 * last) when @id is not a node. NULL when there is no other node. */
static FmNode *
step_from (FmCanvas   *self,
           const char *id,
           int         step,
           const char *skip)
{
  g_autoptr(GPtrArray) order = NULL;
  guint n, i, at = G_MAXUINT;

  if (self->map == NULL)
    return NULL;

  order = fm_map_flow_order (self->map);
  n = order->len;
  if (n == 0)
    return NULL;

  for (i = 0; id != NULL && i < n; i++)
    if (g_str_equal (fm_node_get_id (order->pdata[i]), id))
      at = i;

  for (guint tries = 0; tries < n; tries++)
    {
      FmNode *node;

      if (at == G_MAXUINT)
        at = step > 0 ? 0 : n - 1;
      else
        at = (at + n + step) % n;
      node = order->pdata[at];
      if (g_strcmp0 (fm_node_get_id (node), skip) != 0)
        return node;
    }

  return NULL;
}

/* Scrolls the least that shows all of @node, with a margin. */
static void
reveal (FmCanvas *self,
        FmNode   *node)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t r;
  double dx = 0, dy = 0;

  if (width <= 1 || height <= 1)
    return;

  fm_canvas_node_to_widget (self, node, &r);
  if (r.origin.x < REVEAL_MARGIN)
    dx = r.origin.x - REVEAL_MARGIN;
  else if (r.origin.x + r.size.width > width - REVEAL_MARGIN)
    dx = MIN (r.origin.x + r.size.width - (width - REVEAL_MARGIN), r.origin.x - REVEAL_MARGIN);
  if (r.origin.y < REVEAL_MARGIN)
    dy = r.origin.y - REVEAL_MARGIN;
  else if (r.origin.y + r.size.height > height - REVEAL_MARGIN)
    dy = MIN (r.origin.y + r.size.height - (height - REVEAL_MARGIN), r.origin.y - REVEAL_MARGIN);

  if (dx != 0 || dy != 0)
    fm_canvas_state_scroll_by (self->state, dx, dy);
}

/* The connect tool of a connection made with the keys; a click or
 * Escape ends it. */
static FmTool *
connecting (FmCanvas *self)
{
  FmTool *tool = fm_canvas_tools_get_tool (self, &fm_connect_tool_class);

  return tool != NULL && fm_connect_tool_is_by_keys (tool) ? tool : NULL;
}

/* The tool's preview draws its line from the source to the tool's
 * pointer: put that on the side of the target that faces the source,
 * where the arrow will end. */
static void
place_preview (FmCanvas *self,
               FmTool   *tool)
{
  FmNode *source = fm_map_lookup_node (self->map, fm_connect_tool_get_source (tool));
  FmNode *target = fm_map_lookup_node (self->map, fm_connect_tool_get_target (tool));
  graphene_rect_t s, t;

  if (source == NULL || target == NULL)
    return;

  fm_canvas_node_to_widget (self, source, &s);
  fm_canvas_node_to_widget (self, target, &t);
  tool->pointer_x = t.origin.x + t.size.width / 2;
  tool->pointer_y = t.origin.y + t.size.height / 2;
  if (t.origin.x >= s.origin.x + s.size.width)
    tool->pointer_x = t.origin.x;
  else if (t.origin.x + t.size.width <= s.origin.x)
    tool->pointer_x = t.origin.x + t.size.width;
  else if (t.origin.y >= s.origin.y + s.size.height)
    tool->pointer_y = t.origin.y;
  else if (t.origin.y + t.size.height <= s.origin.y)
    tool->pointer_y = t.origin.y + t.size.height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_target (FmCanvas *self,
            FmTool   *tool,
            FmNode   *target)
{
  fm_connect_tool_set_target (tool, fm_node_get_id (target));
  reveal (self, target);
  place_preview (self, tool);
  fm_canvas_accessible_update (self);
}

/**
 * fm_canvas_keyboard_step:
 * @step: 1 for the next node, -1 for the previous one
 *
 * Moves the selection, or the target of a connection being made, to the
 * next node in flow order, and scrolls it into view.
 *
 * Returns: %FALSE when the map has no node to move to
 */
gboolean
fm_canvas_keyboard_step (FmCanvas *self,
                         int       step)
{
  FmTool *tool = connecting (self);
  FmNode *node;

  if (tool != NULL)
    {
      node = step_from (self, fm_connect_tool_get_target (tool), step,
                        fm_connect_tool_get_source (tool));
      if (node != NULL)
        set_target (self, tool, node);
      return TRUE;
    }

  if (fm_canvas_is_editing (self))
    fm_canvas_commit_edit (self);

  node = step_from (self, fm_canvas_state_get_single (self->state), step, NULL);
  if (node == NULL)
    return FALSE;

  fm_canvas_state_select (self->state, fm_node_get_id (node), FALSE);
  reveal (self, node);
  return TRUE;
}

/**
 * fm_canvas_keyboard_begin_connect:
 *
 * Starts a connection from the one selected node to the next node in flow
 * order; Tab moves the target, fm_canvas_keyboard_finish_connect() makes
 * the edge.
 *
 * Returns: whether a connection started
 */
gboolean
fm_canvas_keyboard_begin_connect (FmCanvas *self)
{
  const char *id = fm_canvas_state_get_single (self->state);
  FmNode *target;
  FmTool *tool;

  if (self->map == NULL || id == NULL || fm_map_lookup_node (self->map, id) == NULL)
    return FALSE;

  target = step_from (self, id, 1, id);
  if (target == NULL)
    return FALSE;

  if (fm_canvas_is_editing (self))
    fm_canvas_commit_edit (self);
  tool = fm_connect_tool_new_by_keys (self, id);
  fm_canvas_tools_start (self, tool);
  set_target (self, tool, target);
  fm_canvas_update_cursor (self);
  return TRUE;
}

/**
 * fm_canvas_keyboard_finish_connect:
 *
 * Makes the edge of a keyboard connection, as one undoable step, and
 * selects its target so that the next connection can start from there.
 *
 * Returns: (transfer none) (nullable): the new edge
 */
FmEdge *
fm_canvas_keyboard_finish_connect (FmCanvas *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  FmTool *tool = connecting (self);
  FmEdge *edge;

  if (tool == NULL)
    return NULL;

  from = g_strdup (fm_connect_tool_get_source (tool));
  to = g_strdup (fm_connect_tool_get_target (tool));
  fm_canvas_tools_cancel (self);

  edge = fm_canvas_connect (self, from, to);
  if (edge != NULL)
    fm_canvas_state_select (self->state, to, FALSE);
  fm_canvas_accessible_update (self);
  return edge;
}

static void
cancel_connect (FmCanvas *self)
{
  fm_canvas_tools_cancel (self);
  fm_canvas_accessible_update (self);
}

/* While connecting, the keys steer the connection and nothing else. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FmCanvas              *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (connecting (self) == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (mods & GDK_CONTROL_MASK)
        break;
      fm_canvas_keyboard_step (self, (mods & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      fm_canvas_keyboard_step (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      fm_canvas_keyboard_step (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      fm_canvas_keyboard_finish_connect (self);
      return TRUE;
    case GDK_KEY_Escape:
      cancel_connect (self);
      return TRUE;
    case GDK_KEY_Shift_L:
    case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L:
    case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L:
    case GDK_KEY_Alt_R:
      return FALSE;
    default:
      break;
    }

  /* Any other key means the user went on to something else. */
  cancel_connect (self);
  return FALSE;
}

static gboolean
flows (FmNodeKind kind)
{
  return kind == FM_NODE_KIND_TRIGGER || kind == FM_NODE_KIND_PROCESS || kind == FM_NODE_KIND_QUEUE;
}

/**
 * fm_canvas_keyboard_add_node:
 * @connect: connect the selected node to the new one, when both carry the flow
 *
 * Adds a node of @kind to the right of the one selected node, or in the
 * middle of the view when there is none, below any node already there, as
 * one undoable step; selects it and scrolls it into view.
 *
 * Returns: (transfer none) (nullable): the new node
 */
FmNode *
fm_canvas_keyboard_add_node (FmCanvas   *self,
                             FmNodeKind  kind,
                             gboolean    connect)
{
  const char *selected_id;
  FmNode *selected;
  g_autoptr(FmNode) node = NULL;
  g_autofree char *id = NULL;
  g_autofree char *from = NULL;
  FmRect r;

  if (self->map == NULL || self->document == NULL)
    return NULL;

  if (fm_canvas_is_editing (self))
    fm_canvas_commit_edit (self);
  if (connecting (self) != NULL)
    cancel_connect (self);

  selected_id = fm_canvas_state_get_single (self->state);
  selected = selected_id ? fm_map_lookup_node (self->map, selected_id) : NULL;
  fm_canvas_get_node_size (kind, &r.width, &r.height);
  if (selected != NULL)
    {
      if (connect && flows (fm_node_get_kind (selected)) && flows (kind) && kind != FM_NODE_KIND_TRIGGER)
        from = g_strdup (selected_id);
    }
  else
    {
      double mx, my;

      fm_canvas_state_to_map (self->state, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &mx, &my);
      r.x = fm_canvas_state_snap (self->state, mx - r.width / 2);
      r.y = fm_canvas_state_snap (self->state, my - r.height / 2);
    }
  fm_map_place_after (self->map, selected,
                      fm_canvas_state_get_snap_to_grid (self->state) ? FM_CANVAS_GRID : 0, &r);

  id = fm_map_new_id (self->map, fm_node_kind_to_string (kind));
  node = fm_node_new (kind, id);
  fm_node_set_position (node, r.x, r.y);

  fm_document_begin_group (self->document, from != NULL ? _("Add Step") : _("Add Shape"));
  fm_document_add_node (self->document, self->map, node);
  if (from != NULL)
    fm_canvas_connect (self, from, id);
  fm_document_end_group (self->document);

  fm_canvas_state_select (self->state, id, FALSE);
  reveal (self, node);
  return node;
}

static void
action_select_next (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  fm_canvas_keyboard_step (FM_CANVAS (widget), 1);
}

static void
action_select_previous (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  fm_canvas_keyboard_step (FM_CANVAS (widget), -1);
}

/* Tab leaves an empty canvas as it leaves any other widget. */
static gboolean
tab_pressed (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return fm_canvas_keyboard_step (FM_CANVAS (widget), g_variant_get_int32 (args));
}

static void
action_connect (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  if (!fm_canvas_keyboard_begin_connect (FM_CANVAS (widget)))
    gtk_widget_error_bell (widget);
}

static void
action_add_step (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  FmNode *node = fm_canvas_keyboard_add_node (self, FM_NODE_KIND_PROCESS, TRUE);

  /* A new step wants a name: type it right away. */
  if (node != NULL)
    fm_canvas_begin_edit (self, fm_node_get_id (node));
}

static void
action_add_node (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FmNodeKind kind;

  if (!fm_node_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;

  fm_canvas_keyboard_add_node (FM_CANVAS (widget), kind, FALSE);
}

static void
on_view_changed (FmCanvas *self)
{
  FmTool *tool = connecting (self);

  if (tool != NULL)
    place_preview (self, tool);
}

/**
 * fm_canvas_keyboard_is_connecting:
 *
 * Returns: whether a connection made with the keys is waiting for Enter
 */
gboolean
fm_canvas_keyboard_is_connecting (FmCanvas *self)
{
  return connecting (self) != NULL;
}

void
fm_canvas_keyboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.select-next", NULL, action_select_next);
  gtk_widget_class_install_action (widget_class, "canvas.select-previous", NULL, action_select_previous);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, action_connect);
  gtk_widget_class_install_action (widget_class, "canvas.add-step", NULL, action_add_step);
  gtk_widget_class_install_action (widget_class, "canvas.add-node", "s", action_add_node);

  /* Ctrl+Tab is left to the window: it moves the focus out, as from a text view. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, tab_pressed, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, tab_pressed, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, tab_pressed, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, tab_pressed, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, tab_pressed, "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "canvas.connect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "canvas.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "canvas.add-step", NULL);
}

void
fm_canvas_keyboard_init (FmCanvas *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  /* Before the canvas's own keys: Return and the arrows mean something
   * else while connecting. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self->state, "view-changed", G_CALLBACK (on_view_changed),
                           self, G_CONNECT_SWAPPED);
  fm_canvas_accessible_init (self);
}
