/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-discover-dialog.c: New Map from Event Data
 *
 * Reads an event log (a tracker's CSV or XES) in a thread and drafts a
 * map from it there too (fm_discover()), since a log of a million events
 * takes seconds: meanwhile a spinner, and Cancel closes the dialog and
 * lets the thread's result go. Then it shows the file's first rows as the
 * import dialog does (fm-csv-preview.c), the detail threshold, the draft's
 * size, each state's role (fm-discover-dialog-states.c) and every variant
 * of the finished items (FmVariantList). A new threshold or role drafts
 * again in a thread; the results are applied here, on the main thread.
 * Add Map puts the draft into the document as a new map (one undo step);
 * Open in New Window shows it as a new untitled document with the
 * variants beside it.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-discover-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "fm-csv-preview.h"
#include "fm-discover-dialog-private.h"
#include "fm-event-log.h"
#include "fm-window.h"

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
update_buttons (FmDiscoverDialog *self)
{
  gboolean ready = !self->loading && !self->drafting && self->discovery != NULL &&
                   fm_discovery_get_n_nodes (self->discovery) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discover.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discover.open-window", ready);
}

/* Shows @discovery, the draft at the threshold and roles now set. */
static void
show_draft (FmDiscoverDialog *self,
            FmDiscovery      *discovery)
{
  g_autofree char *counts = format_counts (discovery);

  g_clear_pointer (&self->discovery, fm_discovery_unref);
  self->discovery = fm_discovery_ref (discovery);
  gtk_label_set_label (self->counts, counts);
  fm_variant_list_set_discovery (self->variants, discovery, self->document);
  update_buttons (self);
}

typedef struct {
  FmObservedLog *log;
  GArray *roles;
  double min_share;
} Draft;

static void
draft_free (Draft *draft)
{
  g_clear_pointer (&draft->log, fm_observed_log_unref);
  g_clear_pointer (&draft->roles, g_array_unref);
  g_free (draft);
}

static void
draft_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Draft *draft = data;
  FmDiscoverOptions options;

  fm_discover_options_init (&options);
  options.min_share = draft->min_share;
  options.roles = (const FmDiscoverRole *) (gpointer) draft->roles->data;
  options.n_roles = draft->roles->len;
  g_task_return_pointer (task, fm_discover (draft->log, &options), (GDestroyNotify) fm_discovery_unref);
}

/* The dialog is done with @task: a newer one was started, or it closed. */
static gboolean
is_stale (FmDiscoverDialog *self,
          GAsyncResult     *result)
{
  return g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
         g_cancellable_is_cancelled (self->cancellable);
}

static void
on_drafted (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (source);
  g_autoptr(FmDiscovery) discovery = g_task_propagate_pointer (G_TASK (result), NULL);

  if (is_stale (self, result) || discovery == NULL)
    return;

  self->drafting = FALSE;
  show_draft (self, discovery);
}

/* Drafts the map again with the threshold and roles shown, in a thread. */
void
fm_discover_dialog_redraft (FmDiscoverDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Draft *draft;

  if (self->log == NULL || self->loading)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  draft = g_new0 (Draft, 1);
  draft->log = fm_observed_log_ref (self->log);
  /* A copy: a choice made meanwhile must not change what the thread reads. */
  draft->roles = g_array_copy (self->roles);
  draft->min_share = gtk_spin_button_get_value (self->min_share);

  self->drafting = TRUE;
  update_buttons (self);
  gtk_label_set_label (self->counts, _("Drafting…"));

  task = g_task_new (self, self->cancellable, on_drafted, NULL);
  g_task_set_task_data (task, draft, (GDestroyNotify) draft_free);
  g_task_run_in_thread (task, draft_in_thread);
}

typedef struct {
  FmObservedLog *log;
  FmCsv *csv;
  FmCsvColumns columns;
  GArray *roles;
  FmDiscovery *discovery;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->log, fm_observed_log_unref);
  g_clear_pointer (&loaded->csv, fm_csv_unref);
  g_clear_pointer (&loaded->roles, g_array_unref);
  g_clear_pointer (&loaded->discovery, fm_discovery_unref);
  g_free (loaded);
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GFile *file = data;
  Loaded *loaded = g_new0 (Loaded, 1);
  FmDiscoverOptions options;
  GError *error = NULL;

  loaded->log = fm_event_log_load_file_full (file, FM_EVENT_LOG_AUTO, NULL, &loaded->roles,
                                             &loaded->csv, &loaded->columns, &error);
  if (loaded->log != NULL && fm_observed_log_get_n_items (loaded->log) == 0)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: no item could be read"), name);
    }
  if (error != NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  /* Closed while reading: no draft wanted. */
  if (g_task_return_error_if_cancelled (task))
    {
      loaded_free (loaded);
      return;
    }

  fm_discover_options_init (&options);
  if (loaded->roles != NULL)
    {
      options.roles = (const FmDiscoverRole *) (gpointer) loaded->roles->data;
      options.n_roles = loaded->roles->len;
    }
  loaded->discovery = fm_discover (loaded->log, &options);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;
  guint n_states;

  if (is_stale (self, result))
    {
      g_clear_pointer (&loaded, loaded_free);
      return;
    }

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_buttons (self);
      return;
    }

  self->log = g_steal_pointer (&loaded->log);
  self->csv = g_steal_pointer (&loaded->csv);
  self->columns = loaded->columns;
  self->file_roles = g_steal_pointer (&loaded->roles);
  n_states = fm_observed_log_get_n_states (self->log);
  self->roles = g_array_sized_new (FALSE, TRUE, sizeof (FmDiscoverRole), n_states);
  g_array_set_size (self->roles, n_states);
  if (self->file_roles != NULL)
    memcpy (self->roles->data, self->file_roles->data,
            MIN (n_states, self->file_roles->len) * sizeof (FmDiscoverRole));

  fm_csv_preview_fill (self->preview_grid, self->csv, self->log, &self->columns);
  gtk_widget_set_visible (self->preview, self->csv != NULL);
  summary = fm_csv_preview_describe (self->csv, self->log);
  adw_preferences_group_set_description (self->file_group, summary);

  show_draft (self, loaded->discovery);
  fm_discover_dialog_show_states (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  loaded_free (loaded);
}

static void
load_file (FmDiscoverDialog *self)
{
  g_autoptr(GTask) task = NULL;

  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  update_buttons (self);

  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (widget);

  fm_discovery_add_to_document (self->discovery, self->document, -1);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
action_open_window (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  fm_window_new_for_discovery (parent != NULL ? gtk_window_get_application (parent) : NULL, self->discovery);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fm_discover_dialog_dispose (GObject *object)
{
  FmDiscoverDialog *self = FM_DISCOVER_DIALOG (object);

  /* A read or draft under way is let go: its result is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->state_rows, g_ptr_array_unref);
  g_clear_pointer (&self->discovery, fm_discovery_unref);
  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->csv, fm_csv_unref);
  g_clear_pointer (&self->file_roles, g_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (fm_discover_dialog_parent_class)->dispose (object);
}

static void
fm_discover_dialog_class_init (FmDiscoverDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fm_discover_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "discover.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "discover.open-window", NULL, action_open_window);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "discover.add", NULL);
}

static GtkWidget *
header_bar (FmDiscoverDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Map from Event Data"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Map"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "discover.add");
  gtk_widget_set_tooltip_text (self->add_button, _("Add the Draft to This Document as a New Map (Ctrl+Return)"));
  self->window_button = gtk_button_new_with_mnemonic (_("_Open in New Window"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->window_button), "discover.open-window");
  gtk_widget_set_tooltip_text (self->window_button, _("Open the Draft as a New Document, with Its Variants"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->window_button);
  return header;
}

/* While the file is read: a spinner; Cancel is the header's. */
static GtkWidget *
loading_page (FmDiscoverDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Reading the File…"));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->spinner), 32, 32);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* The file's first rows, the threshold and the draft's size, the states, the variants. */
static GtkWidget *
content_page (FmDiscoverDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *draft = adw_preferences_group_new ();
  GtkWidget *threshold = adw_action_row_new ();
  GtkWidget *variants = adw_preferences_group_new ();

  self->file_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->file_group, _("File"));
  self->preview = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->preview), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->preview), TRUE);
  gtk_widget_add_css_class (self->preview, "card");
  gtk_widget_add_css_class (self->preview, "fm-csv-preview");
  self->preview_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->preview_grid, 18);
  gtk_grid_set_row_spacing (self->preview_grid, 4);
  g_object_set (self->preview_grid, "margin-start", 12, "margin-end", 12, "margin-top", 10, "margin-bottom", 10, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The First Rows of the File"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->preview), GTK_WIDGET (self->preview_grid));
  adw_preferences_group_add (self->file_group, self->preview);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (draft), _("Draft"));
  self->min_share = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0.0, 1.0, 0.01));
  gtk_spin_button_set_digits (self->min_share, 2);
  gtk_spin_button_set_value (self->min_share, FM_DISCOVER_MIN_SHARE);
  gtk_widget_set_valign (GTK_WIDGET (self->min_share), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->min_share, "value-changed", G_CALLBACK (fm_discover_dialog_redraft), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (threshold), _("_Detail Threshold"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (threshold), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (threshold),
                               _("States and rework taken by fewer than this share of the items are left off"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (threshold), GTK_WIDGET (self->min_share));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (threshold), GTK_WIDGET (self->min_share));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (draft), threshold);
  self->counts = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->counts, TRUE);
  gtk_label_set_xalign (self->counts, 0.0f);
  gtk_widget_set_margin_top (GTK_WIDGET (self->counts), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (draft), GTK_WIDGET (self->counts));

  self->states_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->states_group, _("States"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (variants), _("Variants"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (variants),
                                         _("Every path of the finished items, the most frequent first"));
  self->variants = FM_VARIANT_LIST (fm_variant_list_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (variants), GTK_WIDGET (self->variants));

  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 24, "margin-bottom", 24, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->file_group));
  gtk_box_append (GTK_BOX (box), draft);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->states_group));
  gtk_box_append (GTK_BOX (box), variants);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 880);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

/* Built in code: a header bar over a stack of the loading, error and content pages. */
static void
fm_discover_dialog_init (FmDiscoverDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (self), _("New Map from Event Data"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 780);
  self->state_rows = g_ptr_array_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, loading_page (self), "loading");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Read Event Data"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_stack_add_named (self->stack, content_page (self), "content");

  gtk_box_append (GTK_BOX (box), header_bar (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * fm_discover_dialog_present:
 * @parent: (nullable): the window it is over
 * @document: the document Add Map adds to
 * @file: the event log to read: a tracker's CSV or XES
 *
 * Returns: (transfer none): the dialog, shown, reading @file
 */
FmDiscoverDialog *
fm_discover_dialog_present (GtkWindow  *parent,
                            FmDocument *document,
                            GFile      *file)
{
  FmDiscoverDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (FM_TYPE_DISCOVER_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->document = g_object_ref (document);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  load_file (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * fm_discover_dialog_get_discovery:
 *
 * Returns: (transfer none) (nullable): the draft shown, %NULL until the
 *   file is read
 */
FmDiscovery *
fm_discover_dialog_get_discovery (FmDiscoverDialog *self)
{
  g_return_val_if_fail (FM_IS_DISCOVER_DIALOG (self), NULL);

  return self->discovery;
}

/* Whether the file is still being read, or a draft is on its way. */
gboolean
fm_discover_dialog_is_busy (FmDiscoverDialog *self)
{
  g_return_val_if_fail (FM_IS_DISCOVER_DIALOG (self), FALSE);

  return self->loading || self->drafting;
}

/* Returns: (nullable): why the file could not be read, or %NULL */
const char *
fm_discover_dialog_get_error (FmDiscoverDialog *self)
{
  g_return_val_if_fail (FM_IS_DISCOVER_DIALOG (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;

  return adw_status_page_get_description (self->error_page);
}
