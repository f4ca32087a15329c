/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog.c: New Map from Event Data
 *
 * Shows what fm_discover() drafts from an event log already read: the
 * draft's size at a detail threshold, and every variant of the finished
 * items, most frequent first. Add Map puts the draft into the document
 * as a new map (one undo step, and the window shows it); each variant can
 * be added as a map of its own. The variants do not depend on the
 * threshold, but they are rebuilt with the draft so the list always
 * belongs to the discovery it adds from.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-discover-dialog"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-discover-dialog-private.h"
#include "fm-figures.h"

G_DEFINE_FINAL_TYPE (FmDiscoverDialog, fm_discover_dialog, ADW_TYPE_WINDOW)

static char *
format_counts (FmDiscovery *discovery)
{
  guint steps = 0, queues = 0, rework = 0;
  guint n_edges = fm_discovery_get_n_edges (discovery);

  for (guint i = 0; i < fm_discovery_get_n_nodes (discovery); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

      if (node->kind == FM_NODE_KIND_PROCESS)
        steps++;
      else if (node->kind == FM_NODE_KIND_QUEUE)
        queues++;
    }
  for (guint i = 0; i < n_edges; i++)
    if (fm_discovery_get_edge (discovery, i)->kind == FM_EDGE_KIND_REWORK)
      rework++;

  /* Translators: the size of the drafted map; the last is the number of edges */
  return g_strdup_printf (_("%u nodes (%u steps, %u queues), %u edges (%u rework) from %u items, %u finished"),
                          fm_discovery_get_n_nodes (discovery), steps, queues, n_edges, rework,
                          fm_discovery_get_n_items (discovery), fm_discovery_get_n_finished (discovery));
}

static void
on_add_variant (GtkButton        *button,
                FmDiscoverDialog *self)
{
  int variant = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "variant"));

  fm_discovery_add_to_document (self->discovery, self->document, variant);
}

static GtkWidget *
variant_row (FmDiscoverDialog        *self,
             const FmDiscoverVariant *variant,
             guint                    position)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add as Map"));
  g_autofree char *states = g_strjoinv (" → ", variant->states);
  g_autofree char *states_shown = g_markup_escape_text (states, -1);
  g_autofree char *lead = isnan (variant->lead_time_p50_s)
    ? g_strdup ("–") : fm_figure_format_duration (self->document, FM_DURATION_LEAD, variant->lead_time_p50_s);
  g_autofree char *share = g_strdup_printf ("%.1f", 100.0 * variant->share);
  /* Translators: a variant's items, its share of the finished items in % and its median lead time */
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u item, %s %%, median lead time %s",
                                                         "%u items, %s %%, median lead time %s",
                                                         variant->items),
                                               variant->items, share, lead);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), states_shown);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (add), "variant", GINT_TO_POINTER (position));
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_variant), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  return row;
}

static void
update (FmDiscoverDialog *self)
{
  FmDiscoverOptions options;
  g_autofree char *counts = NULL;
  GtkWidget *child;

  fm_discover_options_init (&options);
  options.min_share = gtk_spin_button_get_value (self->min_share);
  if (self->roles != NULL)
    {
      options.roles = (const FmDiscoverRole *) (gpointer) self->roles->data;
      options.n_roles = self->roles->len;
    }
  g_clear_pointer (&self->discovery, fm_discovery_unref);
  self->discovery = fm_discover (self->log, &options);

  counts = format_counts (self->discovery);
  gtk_label_set_label (self->counts, counts);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->variants))) != NULL)
    gtk_list_box_remove (self->variants, child);
  for (guint i = 0; i < fm_discovery_get_n_variants (self->discovery); i++)
    gtk_list_box_append (self->variants,
                         variant_row (self, fm_discovery_get_variant (self->discovery, i), i));
  gtk_widget_set_sensitive (self->add_button, fm_discovery_get_n_nodes (self->discovery) > 0);
}

static void
on_add_map (FmDiscoverDialog *self)
{
  fm_discovery_add_to_document (self->discovery, self->document, -1);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fm_discover_dialog_dispose (GObject *object)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (object);

  g_clear_pointer (&self->discovery, fm_discovery_unref);
  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fm_discover_dialog_parent_class)->dispose (object);
}

static void
fm_discover_dialog_class_init (FmDiscoverDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fm_discover_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Built in code: a header bar, the threshold, the counts and the list. */
static void
fm_discover_dialog_init (FmDiscoverDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *threshold = adw_action_row_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Variants"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (self), _("New Map from Event Data"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 600);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Map"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_map), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  gtk_box_append (GTK_BOX (box), header);

  self->min_share = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0.0, 1.0, 0.01));
  gtk_spin_button_set_digits (self->min_share, 2);
  gtk_spin_button_set_value (self->min_share, FM_DISCOVER_MIN_SHARE);
  gtk_widget_set_valign (GTK_WIDGET (self->min_share), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (threshold), _("_Detail Threshold"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (threshold), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (threshold),
                               _("States and rework taken by fewer than this share of the items are left off"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (threshold), GTK_WIDGET (self->min_share));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (threshold), GTK_WIDGET (self->min_share));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), threshold);

  self->counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->counts, TRUE);
  gtk_label_set_xalign (self->counts, 0.0f);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");

  self->variants = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->variants, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->variants), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->variants));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  g_object_set (content, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->counts));
  gtk_box_append (GTK_BOX (content), heading);
  gtk_box_append (GTK_BOX (content), scrolled);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * fm_discover_dialog_present:
 * @parent: (nullable): the window it is over
 * @document: the document Add Map adds to
 * @log: the event log read
 * @roles: (nullable): the states' roles as the reader set them
 * @name: the log's name, for the dialog's title
 *
 * Returns: (transfer none): the dialog, shown
 */
FmDiscoverDialog *
fm_discover_dialog_present (GtkWindow     *parent,
                            FmDocument    *document,
                            FmObservedLog *log,
                            GArray        *roles,
                            const char    *name)
{
  FmDiscoverDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (log != NULL, NULL);

  self = g_object_new (FM_TYPE_DISCOVER_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->document = g_object_ref (document);
  self->log = fm_observed_log_ref (log);
  self->roles = roles != NULL ? g_array_ref (roles) : NULL;
  if (name != NULL)
    {
      AdwWindowTitle *title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Map from Event Data"), name));
      GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (adw_window_get_content (ADW_WINDOW (self))));

      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (title));
    }
  update (self);
  g_signal_connect_swapped (self->min_share, "value-changed", G_CALLBACK (update), self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * fm_discover_dialog_get_discovery:
 *
 * Returns: (transfer none): the draft at the threshold set
 */
FmDiscovery *
fm_discover_dialog_get_discovery (FmDiscoverDialog *self)
{
  g_return_val_if_fail (FM_IS_DISCOVER_DIALOG (self), NULL);
  return self->discovery;
}
