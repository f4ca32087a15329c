/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-window-discover.c: a window opened on a map drafted from event data
 *
 * Open in New Window (New Map from Event Data) makes a new untitled
 * document of the draft alone and shows it with a Variants page in the
 * side panel: the variants of the finished items beside the map, each to
 * add as a map of that document. Only such a window has the page, and it
 * goes when the window shows another document.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-window-discover"

#include <glib/gi18n.h>

#include "fm-variant-list.h"
#include "fm-window-private.h"

#define VARIANTS_PAGE "variants"

/* Another document in the window: its variants are not this one's. */
static void
on_document_changed (FmWindow   *self,
                     GParamSpec *pspec,
                     GtkWidget  *page)
{
  if (g_object_get_data (G_OBJECT (page), "fm-document") == self->document)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), VARIANTS_PAGE) == 0)
    gtk_stack_set_visible_child_name (self->side_stack, "inspector");
  gtk_stack_remove (self->side_stack, page);
}

static void
show_variants (FmWindow    *self,
               FmDiscovery *discovery)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Variants of the Finished Items"));
  GtkWidget *about = gtk_label_new (_("Every path the items took, the most frequent first; the map drafts "
                                      "the most frequent with its rework"));
  GtkWidget *list = fm_variant_list_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_xalign (GTK_LABEL (about), 0.0f);
  gtk_widget_add_css_class (about, "dim-label");
  fm_variant_list_set_discovery (FM_VARIANT_LIST (list), discovery, self->document);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), about);
  gtk_box_append (GTK_BOX (box), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  g_object_set_data (G_OBJECT (scrolled), "fm-document", self->document);
  gtk_stack_add_titled (self->side_stack, scrolled, VARIANTS_PAGE, _("Variants"));
  gtk_stack_set_visible_child_name (self->side_stack, VARIANTS_PAGE);
  g_signal_connect_object (self, "notify::document", G_CALLBACK (on_document_changed), scrolled, 0);
}

/**
 * fm_window_new_for_discovery:
 * @application: (nullable): the application the window belongs to
 * @discovery: the draft and its variants
 *
 * Opens a new window on a new untitled document holding the draft alone,
 * unsaved (closing it asks to save), with the variants beside it.
 *
 * Returns: (transfer none): the window, shown
 */
FmWindow *
fm_window_new_for_discovery (GtkApplication *application,
                             FmDiscovery    *discovery)
{
  g_autoptr(FmDocument) document = fm_document_new ();
  FmWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (discovery != NULL, NULL);

  fm_discovery_add_to_document (discovery, document, -1);
  /* The draft is where the document starts, not a change to undo. */
  fm_undo_stack_clear (fm_document_get_undo_stack (document));

  self = fm_window_new (application);
  fm_window_set_document (self, document, NULL);
  fm_undo_stack_set_unsaved (fm_document_get_undo_stack (document));
  show_variants (self, discovery);
  gtk_window_present (GTK_WINDOW (self));
  fm_canvas_zoom_to_fit (self->canvas);
  return self;
}
