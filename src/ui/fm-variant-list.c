/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-variant-list.c: the variants of a discovery, each to add as a map
 *
 * Every variant of the finished items, most frequent first, with its
 * items, share and median lead time; Add as Map puts the variant's own
 * map into the document (one undo step). The rarest of very many are
 * summed up in a last row (`flowmap discover --json` lists them all). New Map from Event Data shows
 * the list under the draft's figures, and a window opened on a draft
 * shows it beside the map.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-variant-list"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-figures.h"
#include "fm-variant-list.h"

/* Past this, the rarer variants are counted, not listed: a log of a
 * million events may have thousands, and a row each would stall the window. */
#define MAX_ROWS 200

struct _FmVariantList
{
  AdwBin parent_instance;

  GtkListBox *list;
  FmDiscovery *discovery;
  FmDocument *document;
};

G_DEFINE_FINAL_TYPE (FmVariantList, fm_variant_list, ADW_TYPE_BIN)

static void
on_add_variant (GtkButton     *button,
                FmVariantList *self)
{
  int variant = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "variant"));

  if (self->discovery != NULL && self->document != NULL)
    fm_discovery_add_to_document (self->discovery, self->document, variant);
}

static GtkWidget *
variant_row (FmVariantList           *self,
             const FmDiscoverVariant *variant,
             guint                    position)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add as Map"));
  g_autofree char *states = g_strjoinv (" → ", variant->states);
  g_autofree char *lead = isnan (variant->lead_time_p50_s)
    ? g_strdup ("–") : fm_figure_format_duration (self->document, FM_DURATION_LEAD, variant->lead_time_p50_s);
  g_autofree char *share = g_strdup_printf ("%.1f", 100.0 * variant->share);
  /* Translators: a variant's items, its share of the finished items in % and its median lead time */
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u item, %s %%, median lead time %s",
                                                         "%u items, %s %%, median lead time %s",
                                                         variant->items),
                                               variant->items, share, lead);

  /* A state's name is the tracker's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), states);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add This Variant to the Document as a Map of Its Own"));
  g_object_set_data (G_OBJECT (add), "variant", GINT_TO_POINTER (position));
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_variant), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  return row;
}

/* The variants past MAX_ROWS: how many, and how many items took them. */
static GtkWidget *
more_row (FmDiscovery *discovery)
{
  GtkWidget *row = adw_action_row_new ();
  guint n_variants = fm_discovery_get_n_variants (discovery);
  guint more = n_variants - MAX_ROWS;
  guint items = 0;
  double share = 0;
  g_autofree char *title = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = MAX_ROWS; i < n_variants; i++)
    {
      items += fm_discovery_get_variant (discovery, i)->items;
      share += fm_discovery_get_variant (discovery, i)->share;
    }
  /* Translators: the last row of a shortened list of variants */
  title = g_strdup_printf (ngettext ("And %u more variant", "And %u more variants", more), more);
  percent = g_strdup_printf ("%.1f", 100.0 * share);
  /* Translators: the items the variants left out of the list took, and their share in % */
  subtitle = g_strdup_printf (ngettext ("%u item, %s %%; flowmap discover --json lists every variant",
                                        "%u items, %s %%; flowmap discover --json lists every variant", items),
                              items, percent);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/**
 * fm_variant_list_set_discovery:
 * @discovery: (nullable): whose variants to list
 * @document: (nullable): where Add as Map adds, and whose units the lead
 *   times are written in
 */
void
fm_variant_list_set_discovery (FmVariantList *self,
                               FmDiscovery   *discovery,
                               FmDocument    *document)
{
  GtkWidget *child;
  guint n_variants;

  g_return_if_fail (FM_IS_VARIANT_LIST (self));
  g_return_if_fail (document == NULL || FM_IS_DOCUMENT (document));

  if (discovery != NULL)
    fm_discovery_ref (discovery);
  g_clear_pointer (&self->discovery, fm_discovery_unref);
  self->discovery = discovery;
  g_set_object (&self->document, document);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (discovery == NULL || document == NULL)
    return;
  n_variants = fm_discovery_get_n_variants (discovery);
  for (guint i = 0; i < MIN (n_variants, MAX_ROWS); i++)
    gtk_list_box_append (self->list, variant_row (self, fm_discovery_get_variant (discovery, i), i));
  if (n_variants > MAX_ROWS)
    gtk_list_box_append (self->list, more_row (discovery));
}

/* Returns: (transfer none) (nullable): whose variants are listed */
FmDiscovery *
fm_variant_list_get_discovery (FmVariantList *self)
{
  g_return_val_if_fail (FM_IS_VARIANT_LIST (self), NULL);

  return self->discovery;
}

/* Returns: (transfer none): the list, a row per variant in order */
GtkListBox *
fm_variant_list_get_list_box (FmVariantList *self)
{
  g_return_val_if_fail (FM_IS_VARIANT_LIST (self), NULL);

  return self->list;
}

static void
fm_variant_list_dispose (GObject *object)
{
  FmVariantList *self = FM_VARIANT_LIST (object);

  g_clear_pointer (&self->discovery, fm_discovery_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fm_variant_list_parent_class)->dispose (object);
}

static void
fm_variant_list_class_init (FmVariantListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fm_variant_list_dispose;
}

static void
fm_variant_list_init (FmVariantList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Variants"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
}

GtkWidget *
fm_variant_list_new (void)
{
  return g_object_new (FM_TYPE_VARIANT_LIST, NULL);
}
