/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-experiments-view.c: a map's improvement experiments, by review date
 *
 * The side panel's list of the kaizen bursts of the map shown: the
 * hypothesis, who owns it, the waste it attacks, when it is reviewed and
 * its status. What is to be reviewed first comes first; a review whose
 * date has passed while the experiment still runs (or never started) is
 * marked overdue. Choosing one selects it on the canvas. With observed
 * data in the window, an experiment with a start date shows beside its
 * measure and target what the data says before and after the start
 * (fm-experiments-evidence.c), and offers to fill an empty baseline from
 * it, through the document as one undoable step.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-experiments-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fm-experiments.h"
#include "fm-experiments-evidence.h"
#include "fm-experiments-view.h"
#include "fm-waste.h"

struct _FmExperimentsView
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *summary;
  GtkListBox *list;

  FmDocument *document;
  GSignalGroup *document_signals;  /* follows the document, whichever it is */
  GSignalGroup *session_signals;   /* and the observed data, for the evidence */
  FmMap *map;
  FmCanvas *canvas;
  FmObservedSession *session;
  GPtrArray *evidence;     /* nullable: FmEvidence of the map's experiments */
  double day_length_s;     /* of its durations */
  guint rebuild_id;
  guint n_overdue;
};

G_DEFINE_FINAL_TYPE (FmExperimentsView, fm_experiments_view, GTK_TYPE_WIDGET)

static const char *
status_name (FmKaizenStatus status)
{
  switch (status)
    {
    case FM_KAIZEN_STATUS_RUNNING: return C_("experiment", "Running");
    case FM_KAIZEN_STATUS_KEPT: return C_("experiment", "Kept");
    case FM_KAIZEN_STATUS_DROPPED: return C_("experiment", "Dropped");
    case FM_KAIZEN_STATUS_PLANNED:
    default: return C_("experiment", "Planned");
    }
}

/* "15 Jan 2027", in the user's language. */
static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  /* Translators: a review date, see the strftime() manual; as in "15 Jan 2027" */
  return g_date_time_format (time, _("%-d %b %Y"));
}

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  FmExperimentsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "node-id");

  if (self->canvas != NULL && id != NULL)
    {
      fm_canvas_select_and_reveal (self->canvas, id);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
on_fill_baseline (GtkButton         *button,
                  FmExperimentsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "node-id");
  const char *baseline = g_object_get_data (G_OBJECT (button), "baseline");

  if (self->document == NULL || self->map == NULL || id == NULL || baseline == NULL)
    return;

  fm_document_set (self->document, self->map, id, "baseline", baseline, NULL);
}

static GtkWidget *
make_row (FmExperimentsView *self,
          FmKaizen          *kaizen,
          GDate             *today)
{
  const char *label = fm_node_get_label (FM_NODE (kaizen));
  const char *owner = fm_kaizen_get_owner (kaizen);
  const char *waste = fm_waste_get_name (fm_kaizen_get_waste (kaizen));
  FmKaizenStatus status = fm_kaizen_get_status (kaizen);
  gboolean overdue = fm_experiment_is_overdue (kaizen, today);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *css = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (status_name (status));
  GDate review;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label[0] ? label : _("Untitled experiment"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  /* Owner and waste, the review, the measure, and the evidence: all of it. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (owner != NULL && owner[0] != '\0')
    g_ptr_array_add (parts, g_strdup (owner));
  if (waste != NULL)
    g_ptr_array_add (parts, g_strdup (waste));
  g_ptr_array_add (parts, NULL);
  first = g_strjoinv (" · ", (char **) parts->pdata);

  if (fm_experiment_get_review (kaizen, &review))
    {
      g_autofree char *date = format_date (&review);

      /* Translators: when an experiment's review is, or was due */
      subtitle = g_strdup_printf (overdue ? _("Review overdue since %s") : _("Review on %s"), date);
    }
  else
    subtitle = g_strdup (_("No review date"));
  if (first[0] != '\0')
    {
      char *both = g_strconcat (first, "\n", subtitle, NULL);

      g_free (subtitle);
      subtitle = both;
    }
  {
    g_autofree char *measure = fm_experiments_evidence_describe_measure (kaizen);
    const FmEvidence *evidence = fm_experiments_evidence_lookup (self->evidence, fm_node_get_id (FM_NODE (kaizen)));
    double day = self->day_length_s;
    g_autofree char *observed = evidence ? fm_experiments_evidence_describe (evidence, self->map, day) : NULL;
    g_autofree char *baseline = evidence ? fm_experiments_evidence_baseline (evidence, day) : NULL;
    char *all = g_strjoin (NULL, subtitle, measure ? "\n" : "", measure ? measure : "",
                           observed ? "\n" : "", observed ? observed : "", NULL);

    g_free (subtitle);
    subtitle = all;

    if (baseline != NULL && (fm_kaizen_get_baseline (kaizen) == NULL || *fm_kaizen_get_baseline (kaizen) == '\0'))
      {
        GtkWidget *fill = gtk_button_new_with_label (_("Fill Baseline"));
        /* Translators: the tooltip of the button that fills an experiment's
         * empty baseline, as in "Set the baseline to 13 d 18 h, from the
         * observed data before the start" */
        g_autofree char *tip = g_strdup_printf (_("Set the baseline to %s, from the observed data before the start"),
                                                baseline);

        gtk_widget_set_valign (fill, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (fill, tip);
        g_object_set_data_full (G_OBJECT (fill), "node-id", g_strdup (fm_node_get_id (FM_NODE (kaizen))), g_free);
        g_object_set_data_full (G_OBJECT (fill), "baseline", g_steal_pointer (&baseline), g_free);
        g_signal_connect (fill, "clicked", G_CALLBACK (on_fill_baseline), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), fill);
      }
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("The review is overdue"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "fm-overdue");
    }

  css = g_strdup_printf ("fm-status-%s", fm_kaizen_status_to_string (status));
  gtk_widget_add_css_class (pill, "fm-status");
  gtk_widget_add_css_class (pill, css);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "node-id", g_strdup (fm_node_get_id (FM_NODE (kaizen))), g_free);

  return row;
}

static gboolean
rebuild (gpointer data)
{
  FmExperimentsView *self = data;
  g_autoptr(GPtrArray) experiments = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  GDate today;

  self->rebuild_id = 0;
  self->n_overdue = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->map == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return G_SOURCE_REMOVE;
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  self->evidence = fm_experiments_evidence_compute (self->session, self->document, self->map, &self->day_length_s);
  experiments = fm_experiments_list (self->map);
  for (guint i = 0; i < experiments->len; i++)
    {
      gtk_list_box_append (self->list, make_row (self, experiments->pdata[i], &today));
      if (fm_experiment_is_overdue (experiments->pdata[i], &today))
        self->n_overdue++;
    }

  {
    /* Translators: above the list of experiments, as in "3 experiments" */
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u experiment", "%u experiments",
                                                           experiments->len), experiments->len);
    /* Translators: above the list of experiments, as in "1 review overdue" */
    g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review overdue",
                                                          "%u reviews overdue", self->n_overdue),
                                             self->n_overdue);

    summary = self->n_overdue > 0 ? g_strconcat (count, " · ", late, NULL) : g_steal_pointer (&count);
  }
  gtk_label_set_text (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, experiments->len > 0 ? "list" : "empty");

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (FmExperimentsView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild, self, NULL);
}

static void
fm_experiments_view_dispose (GObject *object)
{
  FmExperimentsView *self = FM_EXPERIMENTS_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  fm_experiments_view_set_map (self, NULL, NULL, NULL);
  fm_experiments_view_set_session (self, NULL);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_EXPERIMENTS_VIEW);

  G_OBJECT_CLASS (fm_experiments_view_parent_class)->dispose (object);
}

static void
fm_experiments_view_finalize (GObject *object)
{
  FmExperimentsView *self = FM_EXPERIMENTS_VIEW (object);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (fm_experiments_view_parent_class)->finalize (object);
}

static void
fm_experiments_view_class_init (FmExperimentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_experiments_view_dispose;
  object_class->finalize = fm_experiments_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-experiments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FmExperimentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FmExperimentsView, summary);
  gtk_widget_class_bind_template_child (widget_class, FmExperimentsView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fmexperiments");
}

static void
fm_experiments_view_init (FmExperimentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_signals = g_signal_group_new (FM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (queue_rebuild), self);
  self->session_signals = g_signal_group_new (FM_TYPE_OBSERVED_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "changed", G_CALLBACK (queue_rebuild), self);
  g_signal_group_connect_swapped (self->session_signals, "filter-changed", G_CALLBACK (queue_rebuild), self);
}

/**
 * fm_experiments_view_set_map:
 * @document: (nullable): the document of @map
 * @map: (nullable): whose experiments to list
 * @canvas: (nullable): where choosing one selects it
 */
void
fm_experiments_view_set_map (FmExperimentsView *self,
                             FmDocument        *document,
                             FmMap             *map,
                             FmCanvas          *canvas)
{
  g_return_if_fail (FM_IS_EXPERIMENTS_VIEW (self));

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_set_object (&self->map, map);
  g_set_weak_pointer (&self->canvas, canvas);

  if (map != NULL)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }
}

guint
fm_experiments_view_get_n_overdue (FmExperimentsView *self)
{
  g_return_val_if_fail (FM_IS_EXPERIMENTS_VIEW (self), 0);

  return self->n_overdue;
}

/**
 * fm_experiments_view_set_session:
 * @session: (nullable): the window's observed data, the evidence of the
 *   experiments with a start date
 */
void
fm_experiments_view_set_session (FmExperimentsView *self,
                                 FmObservedSession *session)
{
  g_return_if_fail (FM_IS_EXPERIMENTS_VIEW (self));
  g_return_if_fail (session == NULL || FM_IS_OBSERVED_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  if (self->map != NULL)
    queue_rebuild (self);
}
