/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-panel.c: the Simulate page: run the map on screen, and its current state
 *
 * A run simulates in a GTask thread (fm_simulate() takes seconds on large
 * maps). The engine only reads the document's demand and day and the map,
 * but the document on screen may change while it runs, so the thread reads
 * a snapshot made on the main thread: copies of the map (and, for a future
 * state, of its current state) with a holder document that carries the
 * figures the engine reads. Results are formatted on the main thread with
 * the real document, in its units. See docs/simulation.md.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate-panel"

#include <glib/gi18n.h>
#include <math.h>

#include "fm-document-maps.h"
#include "fm-figures.h"
#include "fm-process-step.h"
#include "fm-simulate-panel-private.h"

G_DEFINE_FINAL_TYPE (FmSimulatePanel, fm_simulate_panel, GTK_TYPE_WIDGET)

enum {
  FUTURE_STATE_MADE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* After Make Future State from This, for the window to show what changed,
 * as it does after Create Future State. */
void
fm_simulate_panel_emit_future_state_made (FmSimulatePanel *self,
                                          FmMap           *future)
{
  g_signal_emit (self, signals[FUTURE_STATE_MADE], 0, future);
}

/* What a run's thread reads and writes; the main thread touches it only
 * before the thread starts and after it is done. */
typedef struct {
  FmDocument *holder;
  FmMap *map;
  FmMap *origin;              /* the current state's copy, or NULL */
  FmSimulateOptions options;
  FmSimulateResult *result;
  FmSimulateResult *origin_result;
  /* The observed variability's data, measured on the thread against the
   * map and its current state with the session's choices of nodes. */
  FmSimulateObserving *observing;
  FmObservedMapping *mapping;
  FmObservedMapping *origin_mapping;
  FmObserved *observed;
  FmObserved *origin_observed;
  GCancellable *cancellable;
  gint *progress_permille;    /* the panel's, kept alive by the task */
  guint part;                 /* 0 for the map, 1 for its current state */
  guint n_parts;
  char *what_if;              /* the overrides run with, in words, or NULL */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->result, fm_simulate_result_free);
  g_clear_pointer (&job->origin_result, fm_simulate_result_free);
  g_clear_pointer (&job->observed, fm_observed_unref);
  g_clear_pointer (&job->origin_observed, fm_observed_unref);
  g_clear_pointer (&job->mapping, fm_observed_mapping_unref);
  g_clear_pointer (&job->origin_mapping, fm_observed_mapping_unref);
  g_clear_pointer (&job->observing, fm_simulate_observing_free);
  g_clear_object (&job->holder);
  g_clear_object (&job->map);
  g_clear_object (&job->origin);
  g_clear_object (&job->cancellable);
  g_free (job->what_if);
  g_free (job);
}

/* On the simulating thread. */
static gboolean
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (job->progress_permille,
                    (gint) (1000 * (job->part + CLAMP (fraction, 0, 1)) / job->n_parts));
  return !g_cancellable_is_cancelled (job->cancellable);
}

static void
simulate_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->observing != NULL)
    {
      job->observed = fm_simulate_observing_measure (job->observing, job->mapping, job->map);
      if (job->origin != NULL)
        job->origin_observed = fm_simulate_observing_measure (job->observing, job->origin_mapping, job->origin);
    }

  job->options.observed = job->observed;
  job->result = fm_simulate (job->holder, job->map, &job->options, &error);
  if (job->result != NULL && job->origin != NULL)
    {
      job->part = 1;
      job->options.observed = job->origin_observed;
      job->origin_result = fm_simulate (job->holder, job->origin, &job->options, &error);
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_row (FmSimulatePanel *self,
         GtkGrid         *grid,
         guint            row,
         const char      *name,
         const char      *title,
         const char      *value)
{
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_grid_attach (grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
  if (name != NULL)
    g_hash_table_insert (self->figures, g_strdup (name), value_label);
}

static void
set_status (FmSimulatePanel *self,
            const char      *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static int
compare_utilization (gconstpointer a,
                     gconstpointer b)
{
  const FmSimulateNode *x = *(FmSimulateNode * const *) a;
  const FmSimulateNode *y = *(FmSimulateNode * const *) b;

  return (x->utilization < y->utilization) - (x->utilization > y->utilization);
}

static void
show_steps (FmSimulatePanel        *self,
            const FmSimulateResult *result)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();

  for (guint i = 0; result->nodes != NULL && i < result->nodes->len; i++)
    {
      FmSimulateNode *node = &g_array_index (result->nodes, FmSimulateNode, i);

      if (!isnan (node->utilization))
        g_ptr_array_add (steps, node);
    }
  /* Highest first: the bottleneck is where a change helps. */
  g_ptr_array_sort (steps, compare_utilization);

  for (guint i = 0; i < steps->len; i++)
    {
      FmSimulateNode *node = g_ptr_array_index (steps, i);
      const char *label = fm_node_get_label (node->node);
      g_autofree char *title = NULL;
      g_autofree char *value = fm_figure_format_percent (100 * node->utilization, "%.0f");

      if (label == NULL || *label == '\0')
        label = fm_node_get_id (node->node);
      title = i == 0 ? g_strdup_printf (_("%s (bottleneck)"), label) : g_strdup (label);
      add_row (self, self->steps_grid, i, i == 0 ? "bottleneck" : NULL, title, value);
    }

  gtk_widget_set_visible (self->steps_heading, steps->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_grid), steps->len > 0);
}

static void
show_result (FmSimulatePanel        *self,
             FmVariability           variability,
             const char             *what_if,
             const FmSimulateResult *result,
             const FmSimulateResult *origin_result)
{
  struct { const char *name, *title; double s; } lead[] = {
    { "mean", N_("Lead time, mean"), result->lead_time_mean_s },
    { "p50", N_("Lead time, 50 %"), result->lead_time_p50_s },
    { "p85", N_("Lead time, 85 %"), result->lead_time_p85_s },
    { "p95", N_("Lead time, 95 %"), result->lead_time_p95_s },
  };
  guint row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lead); i++)
    {
      g_autofree char *value = fm_figure_format_duration (self->document, FM_DURATION_LEAD, lead[i].s);

      add_row (self, self->results_grid, row++, lead[i].name, _(lead[i].title), value);
    }

  if (result->mode == FM_SIMULATE_FLOW)
    {
      g_autofree char *per_day = fm_format_decimal ("%.2f", result->throughput_per_day);
      g_autofree char *throughput = g_strdup_printf (_("%s a day"), per_day);
      g_autofree char *wip = fm_format_decimal ("%.1f", result->wip_mean);

      add_row (self, self->results_grid, row++, "throughput", _("Throughput"), throughput);
      add_row (self, self->results_grid, row++, "wip", _("Work in progress, mean"), wip);
      show_steps (self, result);
    }
  if (variability == FM_VARIABILITY_OBSERVED)
    {
      g_autofree char *drawn = fm_simulate_panel_describe_observed (result);

      add_row (self, self->results_grid, row++, "observed", _("Times from observed stays"), drawn);
    }
  /* The overrides may change after the run: the figures say what they
   * were run with. */
  if (what_if != NULL)
    {
      GtkLabel *value;

      add_row (self, self->results_grid, row++, "what-if", _("What if"), what_if);
      value = g_hash_table_lookup (self->figures, "what-if");
      gtk_label_set_wrap (value, TRUE);
      gtk_label_set_max_width_chars (value, 28);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_grid), TRUE);

  if (origin_result != NULL)
    {
      g_autofree char *from = fm_figure_format_duration (self->document, FM_DURATION_LEAD, origin_result->lead_time_p85_s);
      g_autofree char *to = fm_figure_format_duration (self->document, FM_DURATION_LEAD, result->lead_time_p85_s);
      g_autofree char *text = g_strdup_printf (_("Lead time p85 %s → %s"), from, to);

      gtk_label_set_text (self->comparison_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->comparison_label), TRUE);
      g_hash_table_insert (self->figures, g_strdup ("comparison"), self->comparison_label);
    }
}

static void
clear_results (FmSimulatePanel *self)
{
  g_hash_table_remove_all (self->figures);
  clear_grid (self->results_grid);
  clear_grid (self->steps_grid);
  gtk_widget_set_visible (GTK_WIDGET (self->results_grid), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_label), FALSE);
  gtk_widget_set_visible (self->steps_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_grid), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_status (self, NULL);
  g_clear_pointer (&self->result, fm_simulate_result_free);
  g_clear_object (&self->result_map);
  fm_simulate_panel_charts_update (self);
}

static gboolean
update_progress (gpointer user_data)
{
  FmSimulatePanel *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_running (FmSimulatePanel *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (self->run_button, !running);
  gtk_widget_set_sensitive (self->cancel_button, running);
  if (running && self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress, self);
  else if (!running)
    g_clear_handle_id (&self->progress_source, g_source_remove);
}

static void
simulate_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(FmSimulatePanel) self = user_data;
  GTask *task = G_TASK (res);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A newer run, or none any more: this one's results are stale. */
  if (self->cancellable != job->cancellable)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_CANCELLED))
        set_status (self, _("Cancelled"));
      else
        set_status (self, error->message);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 1);
  show_result (self, job->options.variability, job->what_if, job->result, job->origin_result);
  /* Kept for the charts, with the copy of the map their nodes are of. */
  self->result = g_steal_pointer (&job->result);
  self->result_map = g_steal_pointer (&job->map);
  fm_simulate_panel_charts_update (self);
}

/**
 * fm_simulate_panel_run:
 *
 * Simulates the map on screen with the options shown, in a thread; a run
 * under way is cancelled first.
 */
void
fm_simulate_panel_run (FmSimulatePanel *self)
{
  g_autoptr(GTask) task = NULL;
  FmMap *origin;
  Job *job;

  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));

  fm_simulate_panel_cancel (self);
  clear_results (self);
  if (self->document == NULL || self->map == NULL)
    return;

  /* The Observed choice can be left selected when the data goes. */
  if (gtk_drop_down_get_selected (self->variability_drop) == FM_VARIABILITY_OBSERVED &&
      !fm_simulate_panel_has_observed (self))
    {
      set_status (self, _("No observed data to draw times from: import it with Import Observed Data… (Ctrl+I)"));
      return;
    }

  job = g_new0 (Job, 1);
  fm_simulate_options_init (&job->options);
  job->options.mode = gtk_drop_down_get_selected (self->mode_drop) == 1 ? FM_SIMULATE_FLOW : FM_SIMULATE_MONTE_CARLO;
  job->options.variability = gtk_drop_down_get_selected (self->variability_drop);
  if (job->options.mode == FM_SIMULATE_FLOW)
    job->options.items = (guint) gtk_spin_button_get_value (self->count_spin);
  else
    job->options.runs = (guint) gtk_spin_button_get_value (self->count_spin);
  job->options.seed = (guint32) gtk_spin_button_get_value (self->seed_spin);
  job->options.progress = job_progress;
  job->options.progress_data = job;

  /* The snapshot: the engine reads these and nothing else. */
  job->holder = fm_document_new ();
  g_object_set (job->holder,
                "day-length-s", fm_document_get_day_length_s (self->document),
                "available-time-s", fm_document_get_available_time_s (self->document),
                "demand-per-day", fm_document_get_demand_per_day (self->document),
                NULL);
  job->map = fm_map_copy (self->map, fm_map_get_id (self->map));
  fm_simulate_panel_whatif_apply (self, job->holder, job->map);
  job->what_if = fm_simulate_panel_whatif_describe (self);
  origin = fm_document_get_origin_map (self->document, self->map);
  if (origin != NULL && origin != self->map)
    job->origin = fm_map_copy (origin, fm_map_get_id (origin));
  job->n_parts = job->origin != NULL ? 2 : 1;
  /* Each map's nodes get the stays of the states mapped to them. */
  if (job->options.variability == FM_VARIABILITY_OBSERVED)
    {
      job->observing = fm_simulate_panel_observing_new (self);
      job->mapping = fm_simulate_panel_observed_mapping (self, job->map);
      if (job->origin != NULL)
        job->origin_mapping = fm_simulate_panel_observed_mapping (self, job->origin);
    }
  job->progress_permille = &self->progress_permille;
  g_atomic_int_set (&self->progress_permille, 0);

  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);

  /* The panel is held by the callback's reference, dropped on the main
   * thread; the cancellable is the job's alone, as the engine stops at its
   * progress callback and says so with its own error. */
  task = g_task_new (NULL, NULL, simulate_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_running (self, TRUE);
  g_task_run_in_thread (task, simulate_in_thread);
}

/**
 * fm_simulate_panel_cancel:
 *
 * Stops the run under way, if any; its results are not shown.
 */
void
fm_simulate_panel_cancel (FmSimulatePanel *self)
{
  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  set_status (self, _("Cancelling…"));
}

gboolean
fm_simulate_panel_is_running (FmSimulatePanel *self)
{
  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * fm_simulate_panel_get_figure:
 * @name: "mean", "p50", "p85", "p95", "throughput", "wip", "bottleneck",
 *   "what-if" (the overrides the run read) or "comparison"
 *
 * Returns: (nullable): the text shown for @name, NULL when none is
 */
const char *
fm_simulate_panel_get_figure (FmSimulatePanel *self,
                              const char      *name)
{
  GtkLabel *label;

  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NULL);

  label = g_hash_table_lookup (self->figures, name);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

const char *
fm_simulate_panel_get_status (FmSimulatePanel *self)
{
  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : NULL;
}

/**
 * fm_simulate_panel_set_options:
 *
 * Shows @options' mode, variability, runs or items and seed, as if chosen.
 */
void
fm_simulate_panel_set_options (FmSimulatePanel         *self,
                               const FmSimulateOptions *options)
{
  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));
  g_return_if_fail (options != NULL);

  gtk_drop_down_set_selected (self->mode_drop, options->mode == FM_SIMULATE_FLOW ? 1 : 0);
  self->runs_counted = options->runs;
  self->items_counted = options->items;
  gtk_drop_down_set_selected (self->variability_drop, options->variability);
  gtk_spin_button_set_value (self->count_spin, options->mode == FM_SIMULATE_FLOW ? options->items : options->runs);
  gtk_spin_button_set_value (self->seed_spin, options->seed);
}

/* Runs and items are counted apart: 10,000 runs and 10,000 items by
 * default, each kept when the mode changes and back. */
static void
on_mode_changed (FmSimulatePanel *self)
{
  gboolean flow = gtk_drop_down_get_selected (self->mode_drop) == 1;
  guint shown = (guint) gtk_spin_button_get_value (self->count_spin);

  if (flow)
    {
      self->runs_counted = shown;
      gtk_spin_button_set_value (self->count_spin, self->items_counted);
      gtk_label_set_text (self->count_label, _("Items"));
      /* Queueing is what variation in service times makes; observed
       * stays, when chosen, vary them as observed. */
      if (gtk_drop_down_get_selected (self->variability_drop) != FM_VARIABILITY_OBSERVED)
        gtk_drop_down_set_selected (self->variability_drop, FM_VARIABILITY_EXPONENTIAL);
    }
  else
    {
      self->items_counted = shown;
      gtk_spin_button_set_value (self->count_spin, self->runs_counted);
      gtk_label_set_text (self->count_label, _("Runs"));
    }
}

/**
 * fm_simulate_panel_set_map:
 * @document: (nullable): the document of @map
 * @map: (nullable): the map to simulate
 *
 * Results of another map are cleared, and a run under way is cancelled.
 */
void
fm_simulate_panel_set_map (FmSimulatePanel *self,
                           FmDocument      *document,
                           FmMap           *map)
{
  g_return_if_fail (FM_IS_SIMULATE_PANEL (self));

  if (self->document == document && self->map == map)
    return;

  fm_simulate_panel_cancel (self);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  clear_results (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* Another map's steps: what was tried there does not carry over. */
  if (self->map != map)
    {
      self->demand_overridden = FALSE;
      g_hash_table_remove_all (self->people);
    }
  g_set_object (&self->document, document);
  g_set_object (&self->map, map);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (fm_simulate_panel_whatif_update), self,
                             G_CONNECT_SWAPPED);
  fm_simulate_panel_whatif_update (self);
  gtk_widget_set_sensitive (self->run_button, map != NULL);
}

/**
 * fm_simulate_panel_get_result:
 *
 * Returns: (nullable): the last run's result, what the charts draw
 */
const FmSimulateResult *
fm_simulate_panel_get_result (FmSimulatePanel *self)
{
  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NULL);

  return self->result;
}

/**
 * fm_simulate_panel_get_result_map:
 *
 * Returns: (transfer none) (nullable): the map the last run simulated: a
 *   copy of the map on screen then, with its id and the what-ifs tried,
 *   whose nodes the result names
 */
FmMap *
fm_simulate_panel_get_result_map (FmSimulatePanel *self)
{
  g_return_val_if_fail (FM_IS_SIMULATE_PANEL (self), NULL);

  return self->result != NULL ? self->result_map : NULL;
}

/* A closed window's run would go on to its end for nobody. */
static void
fm_simulate_panel_unroot (GtkWidget *widget)
{
  fm_simulate_panel_cancel (FM_SIMULATE_PANEL (widget));

  GTK_WIDGET_CLASS (fm_simulate_panel_parent_class)->unroot (widget);
}

GtkWidget *
fm_simulate_panel_new (void)
{
  return g_object_new (FM_TYPE_SIMULATE_PANEL, NULL);
}

static void
fm_simulate_panel_dispose (GObject *object)
{
  FmSimulatePanel *self = FM_SIMULATE_PANEL (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->result, fm_simulate_result_free);
  g_clear_object (&self->result_map);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  fm_simulate_panel_observed_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_SIMULATE_PANEL);
  /* The scrolled window has no id, so the template does not know it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fm_simulate_panel_parent_class)->dispose (object);
}

static void
fm_simulate_panel_finalize (GObject *object)
{
  FmSimulatePanel *self = FM_SIMULATE_PANEL (object);

  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);

  G_OBJECT_CLASS (fm_simulate_panel_parent_class)->finalize (object);
}

static void
fm_simulate_panel_class_init (FmSimulatePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_simulate_panel_dispose;
  object_class->finalize = fm_simulate_panel_finalize;
  widget_class->unroot = fm_simulate_panel_unroot;

  /**
   * FmSimulatePanel::future-state-made:
   * @future: the map added
   *
   * Make Future State from This added @future to the document.
   */
  signals[FUTURE_STATE_MADE] =
    g_signal_new ("future-state-made", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FM_TYPE_MAP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-simulate-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, mode_drop);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, variability_drop);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, count_spin);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, run_button);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, results_grid);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, comparison_label);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, steps_grid);
  gtk_widget_class_bind_template_child (widget_class, FmSimulatePanel, charts_box);
  fm_simulate_panel_charts_class_init (widget_class);
  fm_simulate_panel_whatif_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, fm_simulate_panel_run);
  gtk_widget_class_bind_template_callback (widget_class, fm_simulate_panel_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);
}

static void
fm_simulate_panel_init (FmSimulatePanel *self)
{
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->runs_counted = 10000;
  self->items_counted = 10000;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->run_button, FALSE);
  fm_simulate_panel_charts_init (self);
  fm_simulate_panel_whatif_init (self);
  fm_simulate_panel_observed_init (self);
}
