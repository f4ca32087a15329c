/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-kaizen.c: the inspector's rows for an experiment
 *
 * Most of an experiment's fields are plain text rows of the inspector's
 * table; these three need more: the waste it attacks (a keyword in the
 * file, a translated name on screen), a calendar to pick the review date,
 * and the nodes it targets, each with a check button. Every change goes
 * through the document, as one undoable step.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-inspector"

#include <glib/gi18n.h>

#include "fm-inspector-kaizen.h"
#include "fm-iso-date.h"
#include "fm-waste.h"

struct _FmKaizenRows
{
  AdwComboRow *waste;
  AdwEntryRow *review_date;
  AdwExpanderRow *targets;
  GtkStringList *waste_names;
  GtkWidget *calendar_button;
  GtkCalendar *calendar;
  GPtrArray *target_rows;     /* the rows in the expander */
  char *targets_signature;    /* what they show, to rebuild only on change */

  FmDocument *document;
  FmMap *map;
  FmKaizen *kaizen;
  char *unknown_waste;        /* a keyword this version does not know */
  gboolean updating;
};

/* The waste list: none, the known wastes, and a keyword from elsewhere. */
static void
fill_wastes (FmKaizenRows *self,
             const char   *current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->waste_names));
  gint known = fm_waste_lookup (current);
  gboolean unknown = current != NULL && current[0] != '\0' && known < 0;
  guint selected = 0;

  if (g_strcmp0 (self->unknown_waste, unknown ? current : NULL) != 0 || n == 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      g_free (self->unknown_waste);
      self->unknown_waste = unknown ? g_strdup (current) : NULL;
      /* Translators: no waste chosen for an experiment */
      g_ptr_array_add (names, (gpointer) C_("waste", "None"));
      for (guint i = 0; i < fm_waste_get_n_kinds (); i++)
        g_ptr_array_add (names, (gpointer) fm_waste_get_name (fm_waste_get_keyword (i)));
      if (unknown)
        g_ptr_array_add (names, self->unknown_waste);
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->waste_names, 0, n, (const char * const *) names->pdata);
    }

  if (known >= 0)
    selected = known + 1;
  else if (unknown)
    selected = fm_waste_get_n_kinds () + 1;
  adw_combo_row_set_selected (self->waste, selected);
}

static void
on_waste_selected (FmKaizenRows *self)
{
  guint selected = adw_combo_row_get_selected (self->waste);
  const char *keyword = NULL;

  if (self->updating || self->kaizen == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected >= 1 && selected <= fm_waste_get_n_kinds ())
    keyword = fm_waste_get_keyword (selected - 1);
  else if (selected > fm_waste_get_n_kinds ())
    keyword = self->unknown_waste;

  fm_document_set (self->document, self->map, fm_node_get_id (FM_NODE (self->kaizen)),
                   "waste", keyword, NULL);
}

static void
on_calendar_shown (FmKaizenRows *self)
{
  const char *text = self->kaizen ? fm_kaizen_get_review_date (self->kaizen) : NULL;
  g_autoptr(GDateTime) date = NULL;
  GDate review;

  if (fm_iso_date_parse (text, &review))
    date = g_date_time_new_local (g_date_get_year (&review), g_date_get_month (&review),
                                  g_date_get_day (&review), 0, 0, 0);
  else
    date = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating = FALSE;
}

static void
on_day_selected (FmKaizenRows *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->updating || self->kaizen == NULL)
    return;

  text = g_date_time_format (date, "%Y-%m-%d");
  fm_document_set (self->document, self->map, fm_node_get_id (FM_NODE (self->kaizen)),
                   "review-date", text, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
}

/* The nodes an experiment can be about: the flow and the systems. */
static gboolean
is_target_kind (FmNode *node)
{
  FmNodeKind kind = fm_node_get_kind (node);

  return kind != FM_NODE_KIND_KAIZEN && kind != FM_NODE_KIND_NOTE;
}

static gboolean
targets_contains (const char * const *targets,
                  const char         *id)
{
  return targets != NULL && g_strv_contains (targets, id);
}

static void
on_target_toggled (GtkCheckButton *check,
                   FmKaizenRows   *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "node-id");
  const char * const *targets;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) value = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating || self->kaizen == NULL || id == NULL)
    return;

  targets = fm_kaizen_get_applies_to (self->kaizen);
  if (active == targets_contains (targets, id))
    return;

  /* In the map's order, so that the file does not depend on the clicks. */
  builder = g_strv_builder_new ();
  for (guint i = 0; i < fm_map_get_n_nodes (self->map); i++)
    {
      const char *node_id = fm_node_get_id (fm_map_get_node (self->map, i));

      if (g_str_equal (node_id, id) ? active : targets_contains (targets, node_id))
        g_strv_builder_add (builder, node_id);
    }
  value = g_strv_builder_end (builder);
  fm_document_set (self->document, self->map, fm_node_get_id (FM_NODE (self->kaizen)),
                   "applies-to", value[0] ? value : NULL, NULL);
}

static char *
describe_targets (FmKaizenRows *self)
{
  GString *signature = g_string_new (fm_node_get_id (FM_NODE (self->kaizen)));

  for (guint i = 0; i < fm_map_get_n_nodes (self->map); i++)
    {
      FmNode *node = fm_map_get_node (self->map, i);

      if (is_target_kind (node))
        g_string_append_printf (signature, "\n%s\t%s", fm_node_get_id (node), fm_node_get_label (node));
    }

  return g_string_free (signature, FALSE);
}

static void
update_targets (FmKaizenRows *self)
{
  const char * const *targets = fm_kaizen_get_applies_to (self->kaizen);
  g_autofree char *signature = describe_targets (self);
  g_autofree char *subtitle = NULL;
  guint n = targets ? g_strv_length ((char **) targets) : 0;

  if (g_strcmp0 (signature, self->targets_signature) != 0)
    {
      for (guint i = 0; i < self->target_rows->len; i++)
        adw_expander_row_remove (self->targets, self->target_rows->pdata[i]);
      g_ptr_array_set_size (self->target_rows, 0);

      for (guint i = 0; i < fm_map_get_n_nodes (self->map); i++)
        {
          FmNode *node = fm_map_get_node (self->map, i);
          const char *label = fm_node_get_label (node);
          GtkWidget *row, *check;

          if (!is_target_kind (node))
            continue;

          row = adw_action_row_new ();
          check = gtk_check_button_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label[0] ? label : fm_node_get_id (node));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (check), "node-id", g_strdup (fm_node_get_id (node)), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (on_target_toggled), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (self->targets, row);
          g_ptr_array_add (self->target_rows, row);
        }
      g_free (self->targets_signature);
      self->targets_signature = g_steal_pointer (&signature);
    }

  for (guint i = 0; i < self->target_rows->len; i++)
    {
      GtkWidget *row = self->target_rows->pdata[i];
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      const char *id = g_object_get_data (G_OBJECT (check), "node-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), targets_contains (targets, id));
    }

  if (n == 0)
    subtitle = g_strdup (_("None: tick the steps it is about"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", n), n);
  adw_expander_row_set_subtitle (self->targets, subtitle);
}

FmKaizenRows *
fm_kaizen_rows_new (AdwComboRow    *waste,
                    AdwEntryRow    *review_date,
                    AdwExpanderRow *targets)
{
  FmKaizenRows *self = g_new0 (FmKaizenRows, 1);
  GtkWidget *popover = gtk_popover_new ();

  self->waste = waste;
  self->review_date = review_date;
  self->targets = targets;
  self->target_rows = g_ptr_array_new ();

  self->waste_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (waste, G_LIST_MODEL (self->waste_names));
  g_object_unref (self->waste_names);
  g_signal_connect_swapped (waste, "notify::selected", G_CALLBACK (on_waste_selected), self);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Pick the Review Date"));
  gtk_widget_add_css_class (self->calendar_button, "flat");
  adw_entry_row_add_suffix (review_date, self->calendar_button);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_calendar_shown), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);

  return self;
}

void
fm_kaizen_rows_free (FmKaizenRows *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->kaizen);
  g_ptr_array_unref (self->target_rows);
  g_free (self->targets_signature);
  g_free (self->unknown_waste);
  g_free (self);
}

/**
 * fm_kaizen_rows_show:
 * @kaizen: (nullable): the experiment selected, or %NULL when none is
 *
 * Shows @kaizen's waste and targets; called on every refresh of the
 * inspector.
 */
void
fm_kaizen_rows_show (FmKaizenRows *self,
                     FmDocument   *document,
                     FmMap        *map,
                     FmKaizen     *kaizen)
{
  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  g_set_object (&self->kaizen, kaizen);

  if (kaizen == NULL || map == NULL || document == NULL)
    return;

  self->updating = TRUE;
  fill_wastes (self, fm_kaizen_get_waste (kaizen));
  update_targets (self);
  self->updating = FALSE;
}
