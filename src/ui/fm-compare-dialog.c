/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-compare-dialog.c: two maps side by side, figure by figure and step by step
 *
 * Each figure of the two maps in a row, with its change ("8 w → 2 w,
 * −75 %") coloured by whether it improved; then the steps the second map
 * removed, added or changed, with their times before and after. The view
 * follows the document: an edit of either map shows at once.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-compare-dialog"

#include <math.h>
#include <glib/gi18n.h>

#include "fm-comparison.h"
#include "fm-compare-dialog.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-working-time.h"

struct _FmCompareDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkDropDown *from_dropdown;
  GtkDropDown *to_dropdown;
  GtkGrid *figures_grid;
  GtkGrid *steps_grid;
  GtkWidget *steps_card;
  GtkLabel *steps_summary;
  GtkLabel *headline;

  FmDocument *document;
  GSignalGroup *document_signals;
  guint refresh_id;
};

G_DEFINE_FINAL_TYPE (FmCompareDialog, fm_compare_dialog, ADW_TYPE_WINDOW)

static const char *shown_figures[] = {
  "lead_time_s",
  "process_time_s",
  "flow_efficiency",
  "rolled_pca",
  "rework_adjusted_lead_time_s",
  "wip",
  "littles_law_lead_time_s",
  "takt_time_s",
  "handoffs",
};

static GtkWidget *
cell (const char *text,
      float       xalign,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static const char *
trend_class (FmTrend trend)
{
  switch (trend)
    {
    case FM_TREND_BETTER: return "success";
    case FM_TREND_WORSE: return "error";
    case FM_TREND_NEUTRAL:
    default: return "dim-label";
    }
}

static void
fill_figures (FmCompareDialog    *self,
              const FmComparison *c)
{
  GtkGrid *grid = self->figures_grid;
  GtkWidget *name;
  int row = 1;

  clear_grid (grid);
  name = cell (_("Figure"), 0, "caption-heading");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (grid, name, 0, 0, 1, 1);
  gtk_grid_attach (grid, cell (fm_map_get_name (c->from), 1, "caption-heading"), 1, 0, 1, 1);
  gtk_grid_attach (grid, cell (fm_map_get_name (c->to), 1, "caption-heading"), 2, 0, 1, 1);
  gtk_grid_attach (grid, cell (_("Change"), 1, "caption-heading"), 3, 0, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (shown_figures); i++)
    for (guint j = 0; j < c->figures->len; j++)
      {
        const FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, j);
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *change = NULL;

        if (!g_str_equal (f->name, shown_figures[i]))
          continue;
        /* A figure neither map has says nothing. */
        if (isnan (f->from) && isnan (f->to))
          break;

        gtk_grid_attach (grid, cell (fm_figure_get_title (f->name), 0, NULL), 0, row, 1, 1);
        if (f->kind == FM_CHANGE_REFERENCE)
          {
            /* An input equal in both maps is what they are measured
             * against, not a result: one value across the columns. */
            g_autofree char *value = g_str_equal (f->name, "takt_time_s")
                                     ? fm_takt_format (c->from_metrics->takt_time_s,
                                                       c->from_metrics->takt_interval_s,
                                                       fm_document_get_day_length_s (self->document))
                                     : fm_figure_format_for (self->document, f->name, f->from);
            g_autofree char *both = g_strdup_printf (_("%s in both"), value);

            gtk_grid_attach (grid, cell (both, 1, "dim-label"), 1, row, 3, 1);
            row++;
            break;
          }
        fm_figure_format_pair_for (self->document, f->name, f->from, f->to, &from, &to);
        change = fm_figure_change_format (f);
        gtk_grid_attach (grid, cell (from, 1, "dim-label"), 1, row, 1, 1);
        gtk_grid_attach (grid, cell (to, 1, "fm-strong"), 2, row, 1, 1);
        gtk_grid_attach (grid, cell (change, 1, trend_class (fm_figure_get_trend (f->name, f->from, f->to))),
                         3, row, 1, 1);
        row++;
        break;
      }
}

static void
fill_steps (FmCompareDialog    *self,
            const FmComparison *c)
{
  GtkGrid *grid = self->steps_grid;
  g_autofree char *summary = NULL;
  guint n_same = 0;
  int row = 1;

  clear_grid (grid);
  gtk_grid_attach (grid, cell (_("Step"), 0, "caption-heading"), 0, 0, 2, 1);
  gtk_grid_attach (grid, cell (_("Before"), 1, "caption-heading"), 2, 0, 1, 1);
  gtk_grid_attach (grid, cell (_("After"), 1, "caption-heading"), 3, 0, 1, 1);
  gtk_grid_attach (grid, cell (_("Difference"), 1, "caption-heading"), 4, 0, 1, 1);

  /* Removed first, then added, then changed: what the future state dropped
   * is what a retrospective talks about first. */
  for (FmStepStatus status = FM_STEP_REMOVED; status >= FM_STEP_CHANGED; status--)
    for (guint i = 0; i < c->steps->len; i++)
      {
        const FmStepChange *step = c->steps->pdata[i];
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        g_autofree char *delta = NULL;
        const char *tag, *tag_class, *delta_class = "dim-label";
        GtkWidget *label, *badge;

        if (step->status != status)
          continue;

        before = fm_figure_format_duration (self->document, FM_DURATION_LEAD, step->time_from_s);
        after = fm_figure_format_duration (self->document, FM_DURATION_LEAD, step->time_to_s);
        switch (status)
          {
          case FM_STEP_REMOVED:
            /* Translators: a step's fate in a future state */
            tag = C_("step", "Removed");
            tag_class = "fm-step-removed";
            delta = fm_figure_format_delta_for (self->document, FM_DURATION_LEAD, -step->time_from_s);
            delta_class = "success";
            break;
          case FM_STEP_ADDED:
            tag = C_("step", "Added");
            tag_class = "fm-step-added";
            delta = fm_figure_format_delta_for (self->document, FM_DURATION_LEAD, step->time_to_s);
            delta_class = step->time_to_s > 0 ? "error" : "dim-label";
            break;
          case FM_STEP_CHANGED:
          case FM_STEP_SAME:
          default:
            tag = C_("step", "Changed");
            tag_class = "fm-step-changed";
            delta = fm_figure_format_delta_for (self->document, FM_DURATION_LEAD,
                                                step->time_to_s - step->time_from_s);
            if (step->time_to_s < step->time_from_s)
              delta_class = "success";
            else if (step->time_to_s > step->time_from_s)
              delta_class = "error";
            break;
          }

        badge = cell (tag, 0.5, "fm-step-tag");
        gtk_widget_add_css_class (badge, tag_class);
        gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
        label = cell (step->label[0] ? step->label : step->id, 0, NULL);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_grid_attach (grid, badge, 0, row, 1, 1);
        gtk_grid_attach (grid, label, 1, row, 1, 1);
        gtk_grid_attach (grid, cell (before, 1, "dim-label"), 2, row, 1, 1);
        gtk_grid_attach (grid, cell (after, 1, NULL), 3, row, 1, 1);
        gtk_grid_attach (grid, cell (delta, 1, delta_class), 4, row, 1, 1);
        row++;
      }

  for (guint i = 0; i < c->steps->len; i++)
    if (((FmStepChange *) c->steps->pdata[i])->status == FM_STEP_SAME)
      n_same++;

  gtk_widget_set_visible (self->steps_card, row > 1);
  if (row == 1)
    summary = g_strdup (_("No step was removed, added or changed."));
  else if (n_same > 0)
    /* Translators: under the table of changed steps */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more step is the same in both maps.",
                                            "%u more steps are the same in both maps.", n_same), n_same);
  gtk_label_set_text (self->steps_summary, summary ? summary : "");
}

static gboolean
refresh (gpointer data)
{
  FmCompareDialog *self = data;
  FmMap *from = gtk_drop_down_get_selected_item (self->from_dropdown);
  FmMap *to = gtk_drop_down_get_selected_item (self->to_dropdown);
  g_autoptr(FmComparison) c = NULL;
  g_autofree char *subtitle = NULL;

  self->refresh_id = 0;
  if (self->document == NULL || from == NULL || to == NULL)
    return G_SOURCE_REMOVE;

  c = fm_comparison_new (self->document, from, to);
  /* Translators: the subtitle of the comparison window, as in "Current state → Future state" */
  subtitle = g_strdup_printf (_("%s → %s"), fm_map_get_name (from), fm_map_get_name (to));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  fill_figures (self, c);
  fill_steps (self, c);

  /* The sentence a retrospective starts with: "Lead time 8 w → 2 w, −75 %". */
  {
    const FmFigureChange *lead = &g_array_index (c->figures, FmFigureChange, 0);
    g_autofree char *headline = fm_figure_describe_for (self->document, lead->name, lead->from, lead->to,
                                                        lead->change);

    gtk_label_set_text (self->headline, headline);
  }

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (FmCompareDialog *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh, self, NULL);
}

static void
fm_compare_dialog_dispose (GObject *object)
{
  FmCompareDialog *self = FM_COMPARE_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_COMPARE_DIALOG);

  G_OBJECT_CLASS (fm_compare_dialog_parent_class)->dispose (object);
}

static void
fm_compare_dialog_class_init (FmCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_compare_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, steps_grid);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, steps_card);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, steps_summary);
  gtk_widget_class_bind_template_child (widget_class, FmCompareDialog, headline);
  gtk_widget_class_bind_template_callback (widget_class, queue_refresh);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
fm_compare_dialog_init (FmCompareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_maps (GtkDropDown *dropdown,
          FmDocument  *document,
          FmMap       *selected)
{
  GtkExpression *name = gtk_property_expression_new (FM_TYPE_MAP, NULL, "name");
  gint position;

  gtk_drop_down_set_expression (dropdown, name);
  gtk_expression_unref (name);
  gtk_drop_down_set_model (dropdown, fm_document_get_maps (document));
  position = 0;
  for (guint i = 0; i < fm_document_get_n_maps (document); i++)
    if (fm_document_get_map (document, i) == selected)
      position = i;
  gtk_drop_down_set_selected (dropdown, position);
}

/**
 * fm_compare_dialog_present:
 * @parent: (nullable): the window it belongs to
 *
 * Opens a window comparing @from with @to, two maps of @document.
 *
 * Returns: (transfer none): the window
 */
FmCompareDialog *
fm_compare_dialog_present (GtkWindow  *parent,
                           FmDocument *document,
                           FmMap      *from,
                           FmMap      *to)
{
  FmCompareDialog *self;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (from), NULL);
  g_return_val_if_fail (FM_IS_MAP (to), NULL);

  self = g_object_new (FM_TYPE_COMPARE_DIALOG, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->document = g_object_ref (document);
  set_maps (self->from_dropdown, document, from);
  set_maps (self->to_dropdown, document, to);
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_group_set_target (self->document_signals, document);
  /* Filled in at once: what choosing the two maps queued is done here. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
