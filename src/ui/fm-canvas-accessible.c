/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-accessible.c: what screen readers hear of the canvas
 *
 * The canvas is one widget drawing every shape, and GTK 4.8 has no
 * accessible objects below a widget (GtkAccessible for them came in
 * 4.10), so the selection is told through the canvas's own accessible
 * label: "Process step “Code review”, process time 2 h, lead time 3 d",
 * updated when the selection, the document or a keyboard connection
 * changes. The description says which keys work.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-accessible"

#include <glib/gi18n.h>

#include "fm-canvas-tool.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-process-step.h"
#include "fm-queue.h"

static const char *
kind_name (FmNodeKind kind)
{
  switch (kind)
    {
    case FM_NODE_KIND_TRIGGER: return _("Trigger");
    case FM_NODE_KIND_OUTCOME: return _("Outcome");
    case FM_NODE_KIND_PROCESS: return _("Process step");
    case FM_NODE_KIND_QUEUE: return _("Queue");
    case FM_NODE_KIND_SYSTEM: return _("System");
    case FM_NODE_KIND_KAIZEN: return _("Kaizen burst");
    case FM_NODE_KIND_NOTE: return _("Note");
    default: return _("Shape");
    }
}

static const char *
edge_kind_name (FmEdgeKind kind)
{
  switch (kind)
    {
    case FM_EDGE_KIND_PUSH: return _("Push connection");
    case FM_EDGE_KIND_PULL: return _("Pull connection");
    case FM_EDGE_KIND_INFO: return _("Information connection");
    case FM_EDGE_KIND_ELECTRONIC: return _("Electronic connection");
    case FM_EDGE_KIND_REWORK: return _("Rework connection");
    case FM_EDGE_KIND_FLOW:
    default: return _("Flow connection");
    }
}

/* A duration as the inspector writes it, or NULL when not given. */
static char *
duration_text (double seconds,
               double day_length)
{
  return fm_value_is_set (seconds) ? fm_duration_format (seconds, day_length) : NULL;
}

static char *
number_text (double value)
{
  return fm_value_is_set (value) ? fm_format_decimal ("%.6g", value) : NULL;
}

static void
append_part (GString *text,
             char    *part)
{
  g_string_append (text, ", ");
  g_string_append (text, part);
  g_free (part);
}

/* "Process step “Code review”, process time 2 h, lead time 3 d": the kind,
 * the label and the figures the map shows under it, as the inspector
 * writes them. */
static char *
describe_node (FmCanvas *self,
               FmNode   *node)
{
  GString *text = g_string_new (kind_name (fm_node_get_kind (node)));
  const char *label = fm_node_get_label (node);
  double day = self->document ? fm_document_get_day_length_s (self->document) : 8 * 3600;

  if (label != NULL && label[0] != '\0')
    g_string_append_printf (text, " “%s”", label);

  if (FM_IS_PROCESS_STEP (node))
    {
      FmProcessStep *step = FM_PROCESS_STEP (node);
      g_autofree char *process = duration_text (fm_process_step_get_process_s (step), day);
      g_autofree char *lead = duration_text (fm_process_step_get_lead_s (step), day);
      g_autofree char *pca = fm_value_is_set (fm_process_step_get_pca (step))
                             ? fm_figure_format_percent (fm_process_step_get_pca (step), "%.6g") : NULL;
      g_autofree char *people = number_text (fm_process_step_get_people (step));

      if (process != NULL)
        /* Translators: %s is a duration such as "2 h" */
        append_part (text, g_strdup_printf (_("process time %s"), process));
      if (lead != NULL)
        /* Translators: %s is a duration such as "3 d" */
        append_part (text, g_strdup_printf (_("lead time %s"), lead));
      if (pca != NULL)
        /* Translators: %s is a percentage such as "80 %"; %C&A is "percent complete and accurate" */
        append_part (text, g_strdup_printf (_("%%C&A %s"), pca));
      if (people != NULL)
        /* Translators: %s is a number of people */
        append_part (text, g_strdup_printf (_("people %s"), people));
    }
  else if (FM_IS_QUEUE (node))
    {
      FmQueue *queue = FM_QUEUE (node);
      g_autofree char *wait = duration_text (fm_queue_get_wait_s (queue), day);
      g_autofree char *items = number_text (fm_queue_get_items (queue));

      if (wait != NULL)
        /* Translators: %s is a duration such as "2 d" */
        append_part (text, g_strdup_printf (_("wait %s"), wait));
      if (items != NULL)
        /* Translators: %s is a number of work items */
        append_part (text, g_strdup_printf (_("items %s"), items));
    }

  return g_string_free (text, FALSE);
}

static const char *
node_label (FmCanvas   *self,
            const char *id)
{
  FmNode *node = fm_map_lookup_node (self->map, id);
  const char *label = node ? fm_node_get_label (node) : NULL;

  return label != NULL && label[0] != '\0' ? label : (node ? kind_name (fm_node_get_kind (node)) : "");
}

/**
 * fm_canvas_accessible_describe:
 *
 * Returns: (transfer full): what a screen reader says about the canvas:
 * the selection, or the connection being made
 */
char *
fm_canvas_accessible_describe (FmCanvas *self)
{
  const char *id;
  guint n;
  FmNode *node;
  FmEdge *edge;

  if (self->map == NULL)
    return g_strdup (_("Map"));

  if (fm_canvas_keyboard_is_connecting (self))
    {
      FmTool *tool = fm_canvas_tools_get_tool (self, &fm_connect_tool_class);
      FmNode *target = fm_map_lookup_node (self->map, fm_connect_tool_get_target (tool));
      g_autofree char *target_text = target ? describe_node (self, target) : g_strdup ("");

      /* Translators: the first %s is a shape's label, the second describes another shape */
      return g_strdup_printf (_("Connect “%s” to %s"), node_label (self, fm_connect_tool_get_source (tool)), target_text);
    }

  n = fm_canvas_state_get_n_selected (self->state);
  if (n == 0)
    return g_strdup (_("Map, nothing selected"));
  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item selected", "%u items selected", n), n);

  id = fm_canvas_state_get_single (self->state);
  if ((node = fm_map_lookup_node (self->map, id)) != NULL)
    return describe_node (self, node);
  if ((edge = fm_map_lookup_edge (self->map, id)) != NULL)
    /* Translators: "Flow connection from “Build” to “Test”" */
    return g_strdup_printf (_("%s from “%s” to “%s”"), edge_kind_name (fm_edge_get_kind (edge)),
                            node_label (self, fm_edge_get_from (edge)),
                            node_label (self, fm_edge_get_to (edge)));

  return g_strdup (_("Map"));
}

/**
 * fm_canvas_accessible_update:
 *
 * Tells screen readers what is selected, or the connection being made.
 */
void
fm_canvas_accessible_update (FmCanvas *self)
{
  g_autofree char *label = NULL;
  const char *hint;

  self->a11y_stale = FALSE;
  label = fm_canvas_accessible_describe (self);
  if (fm_canvas_keyboard_is_connecting (self))
    hint = _("Tab chooses the shape to connect to, Enter connects, Escape cancels");
  else
    hint = _("Tab moves between shapes, Enter edits the label, C connects, Ctrl+Enter adds a step");

  /* The label, not the description: screen readers say a focused
   * widget's new name, and the selection is what changed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);
}

/* Another document is shown; it is told once it is fitted to the view,
 * the one sign of a new map the canvas gives. */
static void
on_document_swapped (FmCanvas *self)
{
  self->a11y_stale = TRUE;
}

static void
on_view_changed (FmCanvas *self)
{
  if (self->a11y_stale)
    fm_canvas_accessible_update (self);
}

void
fm_canvas_accessible_init (FmCanvas *self)
{
  GtkEventController *controller;

  /* What a screen reader says on coming to the canvas. */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (fm_canvas_accessible_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self->state, "selection-changed", G_CALLBACK (fm_canvas_accessible_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "view-changed", G_CALLBACK (on_view_changed),
                           self, G_CONNECT_SWAPPED);
  /* A rename or a figure typed in the inspector is told too. */
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (fm_canvas_accessible_update),
                                 self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "bind", G_CALLBACK (on_document_swapped),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "unbind", G_CALLBACK (on_document_swapped),
                           self, G_CONNECT_SWAPPED);
  fm_canvas_accessible_update (self);
}
