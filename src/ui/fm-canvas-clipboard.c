/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-clipboard.c: cut, copy, paste and duplicate
 *
 * The clipboard carries the selection as a Flowmap JSON fragment, both as
 * application/x-flowmap-selection and as plain text, so that a paste works
 * in another window or another Flowmap, and the text can be read anywhere.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-canvas-clipboard"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-canvas-private.h"
#include "fm-json.h"

#define FM_SELECTION_MIME_TYPE "application/x-flowmap-selection"
#define PASTE_OFFSET 20.0

/**
 * fm_canvas_serialize_selection:
 *
 * Returns: (transfer full) (nullable): the selected nodes and edges as a
 * Flowmap JSON fragment, or %NULL when nothing is selected
 */
char *
fm_canvas_serialize_selection (FmCanvas *self)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (FM_IS_CANVAS (self), NULL);

  if (self->map == NULL)
    return NULL;

  ids = fm_canvas_state_dup_selection (self->state, self->map, FALSE);
  if (ids[0] == NULL)
    return NULL;

  return fm_json_serialize_selection (self->map, (const char * const *) ids);
}

/* An id that neither the map nor the rest of the paste has. */
static char *
fresh_id (FmMap      *map,
          GHashTable *taken,
          const char *prefix)
{
  for (;;)
    {
      char *id = fm_map_new_id (map, prefix);

      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

/* Items from another map keep their place, unless it is out of sight:
 * then they come to the middle of the view. */
static void
offset_into_view (FmCanvas  *self,
                  GPtrArray *nodes,
                  double    *dx,
                  double    *dy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double vx1, vy1, vx2, vy2;

  if (nodes->len == 0 || width <= 0 || height <= 0)
    return;

  for (guint i = 0; i < nodes->len; i++)
    {
      FmRect b;

      fm_node_get_bounds (nodes->pdata[i], &b);
      x1 = MIN (x1, b.x);
      y1 = MIN (y1, b.y);
      x2 = MAX (x2, b.x + b.width);
      y2 = MAX (y2, b.y + b.height);
    }
  fm_canvas_state_to_map (self->state, 0, 0, &vx1, &vy1);
  fm_canvas_state_to_map (self->state, width, height, &vx2, &vy2);
  if (x1 >= vx1 && y1 >= vy1 && x2 <= vx2 && y2 <= vy2)
    return;

  *dx = fm_canvas_state_snap (self->state, (vx1 + vx2) / 2 - (x1 + x2) / 2);
  *dy = fm_canvas_state_snap (self->state, (vy1 + vy2) / 2 - (y1 + y2) / 2);
}

/**
 * fm_canvas_paste_json:
 * @json: a Flowmap selection fragment
 * @dx: how far to move the items when their ids were taken (a copy in the
 *   same map); items from elsewhere keep their place if it is in view
 *
 * Adds the fragment's nodes and edges as one undoable step and selects
 * them. Items whose ids the map has get new ids, edges follow their nodes.
 *
 * Returns: %FALSE with @error set when @json is not a fragment
 */
gboolean
fm_canvas_paste_json (FmCanvas    *self,
                      const char  *json,
                      double       dx,
                      double       dy,
                      GError     **error)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) pasted = g_strv_builder_new ();
  g_auto(GStrv) pasted_ids = NULL;
  gboolean collided = FALSE;

  g_return_val_if_fail (FM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (self->map == NULL)
    return FALSE;

  if (!fm_json_parse_selection (json, &nodes, &edges, error))
    return FALSE;

  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_add (taken, (gpointer) fm_node_get_id (nodes->pdata[i]));
  for (guint i = 0; i < edges->len; i++)
    g_hash_table_add (taken, (gpointer) fm_edge_get_id (edges->pdata[i]));

  for (guint i = 0; i < nodes->len; i++)
    if (fm_map_has_id (self->map, fm_node_get_id (nodes->pdata[i])))
      collided = TRUE;
  if (!collided)
    {
      dx = dy = 0;
      offset_into_view (self, nodes, &dx, &dy);
    }

  fm_document_begin_group (self->document, _("Paste"));
  for (guint i = 0; i < nodes->len; i++)
    {
      FmNode *node = nodes->pdata[i];
      g_autoptr(FmNode) copy = NULL;
      const char *id = fm_node_get_id (node);

      if (fm_map_has_id (self->map, id))
        {
          char *new_id = fresh_id (self->map, taken, fm_node_kind_to_string (fm_node_get_kind (node)));

          g_hash_table_insert (renamed, g_strdup (id), new_id);
          copy = fm_node_copy_with_id (node, new_id);
        }
      else
        {
          copy = g_object_ref (node);
        }
      fm_node_set_position (copy, fm_node_get_x (copy) + dx, fm_node_get_y (copy) + dy);
      fm_document_add_node (self->document, self->map, copy);
      g_strv_builder_add (pasted, fm_node_get_id (copy));
    }

  for (guint i = 0; i < edges->len; i++)
    {
      FmEdge *edge = edges->pdata[i];
      const char *from = fm_edge_get_from (edge);
      const char *to = fm_edge_get_to (edge);
      const char *id = fm_edge_get_id (edge);
      g_autoptr(FmEdge) copy = NULL;
      g_autofree char *new_id = NULL;

      if (g_hash_table_contains (renamed, from))
        from = g_hash_table_lookup (renamed, from);
      if (g_hash_table_contains (renamed, to))
        to = g_hash_table_lookup (renamed, to);
      /* An edge copied without both its ends has nothing to join here. */
      if (fm_map_lookup_node (self->map, from) == NULL || fm_map_lookup_node (self->map, to) == NULL)
        continue;

      if (fm_map_has_id (self->map, id))
        id = new_id = fresh_id (self->map, taken, "edge");
      copy = fm_edge_new (id, from, to, fm_edge_get_kind (edge));
      fm_edge_set_rate (copy, fm_edge_get_rate (edge));
      fm_edge_set_extra (copy, fm_edge_get_extra (edge));
      fm_document_add_edge (self->document, self->map, copy);
      g_strv_builder_add (pasted, id);
    }
  fm_document_end_group (self->document);

  pasted_ids = g_strv_builder_end (pasted);
  fm_canvas_state_set_selection (self->state, (const char * const *) pasted_ids);

  return TRUE;
}

static void
copy_to_clipboard (FmCanvas *self)
{
  g_autofree char *json = fm_canvas_serialize_selection (self);
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  gsize length;

  if (json == NULL)
    return;

  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  providers[0] = gdk_content_provider_new_for_bytes (FM_SELECTION_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  self->paste_count = 0;
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  copy_to_clipboard (FM_CANVAS (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);

  copy_to_clipboard (self);
  fm_canvas_delete_selection (self);
  /* Pasting what was cut puts it back where it was. */
  self->paste_count = 0;
}

static void
on_splice_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FmCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  double offset;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      g_debug ("Could not read the clipboard: %s", error->message);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  offset = PASTE_OFFSET * ++self->paste_count;
  if (!fm_canvas_paste_json (self, text, offset, offset, &error))
    {
      /* Plain text from elsewhere is not a map fragment: nothing to paste. */
      g_debug ("Nothing to paste: %s", error->message);
      self->paste_count--;
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FmCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (input == NULL)
    {
      g_debug ("Nothing to paste: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_splice_done, g_object_ref (self));
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  static const char *mime_types[] = { FM_SELECTION_MIME_TYPE, "text/plain;charset=utf-8", "text/plain", NULL };

  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types, G_PRIORITY_DEFAULT,
                            NULL, on_clipboard_read, g_object_ref (widget));
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FmCanvas *self = FM_CANVAS (widget);
  g_autofree char *json = fm_canvas_serialize_selection (self);
  g_autoptr(GError) error = NULL;

  if (json != NULL && !fm_canvas_paste_json (self, json, PASTE_OFFSET, PASTE_OFFSET, &error))
    g_warning ("Could not duplicate: %s", error->message);
}

void
fm_canvas_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
}
