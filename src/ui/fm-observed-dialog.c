/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-dialog.c: import a tracker's export of work items as observed flow data
 *
 * The file is read in a thread (fm_csv_read_file()), then imported with
 * the columns found by their names (fm_csv_import()); the dialog shows
 * the first rows with the role of each column (fm-csv-preview.c),
 * the shape and the columns (each can be chosen by hand, and the file is
 * imported again), the time zone of times without an offset, the states
 * matched to the map's steps and queues (fm-observed-dialog-states.c) and
 * the rows that could not be read. Nothing in a file can break it: what goes wrong is said at the
 * top and Import waits until there is something to import. Importing
 * hands the data to the window's FmObservedSession.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed-dialog"

#include <glib/gi18n.h>

#include "fm-csv-preview.h"
#include "fm-observed-dialog-private.h"

/* Typing a time zone's name imports again once the typing pauses. */
#define ZONE_DELAY_MS 400

enum {
  ZONE_LOCAL,
  ZONE_UTC,
  ZONE_OTHER,
};

G_DEFINE_FINAL_TYPE (FmObservedDialog, fm_observed_dialog, ADW_TYPE_WINDOW)

static void load_file (FmObservedDialog *self,
                       GFile            *file);

/* The first rows of the file and, above them, what was read. */
static void
show_preview (FmObservedDialog *self)
{
  g_autofree char *summary = fm_csv_preview_describe (self->csv, self->log);

  fm_csv_preview_fill (self->preview_grid, self->csv, self->log, &self->used);
  adw_preferences_group_set_description (self->file_group, self->csv != NULL ? summary : NULL);
}

static void
update_import (FmObservedDialog *self)
{
  gboolean ready = self->error == NULL && self->log != NULL && self->mapping != NULL &&
                   fm_observed_log_get_n_items (self->log) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.import", ready);
}

/* @message: (nullable): what is wrong, or NULL when nothing is */
static void
show_error (FmObservedDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  update_import (self);
}

/* Returns: (nullable): the time zone chosen, or NULL for a name that is none */
static GTimeZone *
chosen_time_zone (FmObservedDialog *self)
{
  g_autofree char *name = NULL;

  switch (adw_combo_row_get_selected (self->zone_row))
    {
    case ZONE_UTC:
      return g_time_zone_new_utc ();
    case ZONE_OTHER:
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry))));
      return *name != '\0' ? g_time_zone_new_identifier (name) : NULL;
    case ZONE_LOCAL:
    default:
      return g_time_zone_new_local ();
    }
}

static GListModel *
column_model (FmCsv    *csv,
              gboolean  optional)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (optional)
    /* Translators: no column of the file has this role */
    gtk_string_list_append (list, _("None"));
  for (guint i = 0; csv != NULL && i < fm_csv_get_n_columns (csv); i++)
    {
      const char *header = fm_csv_get_header (csv, i);
      /* Translators: a column of a CSV file without a name, by its position */
      g_autofree char *name = header && *header ? g_strdup (header) : g_strdup_printf (_("Column %u"), i + 1);

      gtk_string_list_append (list, name);
    }

  return G_LIST_MODEL (list);
}

static int
selected_column (AdwComboRow *row,
                 gboolean     optional)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FM_CSV_COLUMN_AUTO;
  if (optional)
    return selected == 0 ? FM_CSV_COLUMN_NONE : (int) selected - 1;

  return (int) selected;
}

static void
select_column (AdwComboRow *row,
               int          column,
               gboolean     optional)
{
  if (column >= 0)
    adw_combo_row_set_selected (row, (guint) column + (optional ? 1 : 0));
  else if (optional)
    adw_combo_row_set_selected (row, 0);
}

/* Shows the columns the import read, without importing again. */
static void
sync_columns (FmObservedDialog *self)
{
  gboolean wide = self->used.shape == FM_CSV_SHAPE_WIDE;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->shape_row, wide ? 1 : 0);
  select_column (self->item_row, self->used.item, FALSE);
  select_column (self->type_row, self->used.type, TRUE);
  if (!wide)
    {
      select_column (self->state_row, self->used.state, FALSE);
      select_column (self->entered_row, self->used.entered, FALSE);
      select_column (self->left_row, self->used.left, TRUE);
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->state_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->entered_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->left_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->wide_states_row), wide);

  if (wide && self->log != NULL)
    {
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *joined = NULL;

      for (guint i = 0; i < fm_observed_log_get_n_states (self->log); i++)
        g_strv_builder_add (names, fm_observed_log_get_state_name (self->log, i));
      list = g_strv_builder_end (names);
      joined = g_strjoinv (", ", list);
      adw_action_row_set_subtitle (self->wide_states_row, joined);
    }
}

/**
 * reimport:
 * @detect: find the columns by their names (for a new file, or a new
 *   shape) rather than take those chosen
 */
static void
reimport (FmObservedDialog *self,
          gboolean          detect)
{
  g_autoptr(GTimeZone) tz = chosen_time_zone (self);
  g_autoptr(GError) error = NULL;
  FmCsvImportOptions options;
  FmCsvColumns used = { 0 };
  FmObservedLog *log;

  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->mapping, fm_observed_mapping_unref);

  if (self->csv == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->zone_entry), "error");
  if (tz == NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry))));
      g_autofree char *message =
        *name == '\0' ? g_strdup (_("Give the name of a time zone, such as Europe/Paris, America/New_York or UTC"))
                      /* Translators: %s is what was typed as a time zone */
                      : g_strdup_printf (_("“%s” is not a time zone: give a name such as Europe/Paris, "
                                           "America/New_York or UTC"), name);

      gtk_widget_add_css_class (GTK_WIDGET (self->zone_entry), "error");
      fm_observed_dialog_clear_rows (self);
      show_error (self, message);
      show_preview (self);
      return;
    }

  fm_csv_import_options_init (&options);
  options.time_zone = tz;
  options.columns.shape = adw_combo_row_get_selected (self->shape_row) == 1 ? FM_CSV_SHAPE_WIDE
                                                                           : FM_CSV_SHAPE_TRANSITIONS;
  if (detect)
    {
      options.columns = (FmCsvColumns) { FM_CSV_SHAPE_AUTO, FM_CSV_COLUMN_AUTO, FM_CSV_COLUMN_AUTO,
                                         FM_CSV_COLUMN_AUTO, FM_CSV_COLUMN_AUTO, FM_CSV_COLUMN_AUTO };
    }
  else
    {
      options.columns.item = selected_column (self->item_row, FALSE);
      options.columns.type = selected_column (self->type_row, TRUE);
      options.columns.state = options.columns.entered = options.columns.left = FM_CSV_COLUMN_AUTO;
      if (options.columns.shape == FM_CSV_SHAPE_TRANSITIONS)
        {
          options.columns.state = selected_column (self->state_row, FALSE);
          options.columns.entered = selected_column (self->entered_row, FALSE);
          options.columns.left = selected_column (self->left_row, TRUE);
        }
    }

  log = fm_csv_import (self->csv, &options, &used, &error);
  if (log == NULL)
    {
      fm_observed_dialog_clear_rows (self);
      show_error (self, error->message);
      show_preview (self);
      return;
    }

  self->log = log;
  self->used = used;
  self->mapping = fm_observed_mapping_new (log, self->map);
  sync_columns (self);

  if (fm_observed_log_get_n_items (log) == 0)
    show_error (self, _("No row of the file could be imported: the rows not imported are listed below"));
  else
    show_error (self, NULL);

  fm_observed_dialog_show_states (self);
  fm_observed_dialog_show_problems (self);
  show_preview (self);
}

static void
on_shape_changed (FmObservedDialog *self)
{
  if (!self->updating)
    reimport (self, FALSE);
}

static void
on_column_changed (FmObservedDialog *self)
{
  if (!self->updating)
    reimport (self, FALSE);
}

static void
on_zone_changed (FmObservedDialog *self)
{
  gboolean other = adw_combo_row_get_selected (self->zone_row) == ZONE_OTHER;

  gtk_widget_set_visible (GTK_WIDGET (self->zone_entry), other);
  if (!self->updating)
    reimport (self, FALSE);
}

static gboolean
on_zone_timeout (gpointer data)
{
  FmObservedDialog *self = data;

  self->zone_timeout = 0;
  reimport (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_zone_text_changed (FmObservedDialog *self)
{
  g_clear_handle_id (&self->zone_timeout, g_source_remove);
  self->zone_timeout = g_timeout_add (ZONE_DELAY_MS, on_zone_timeout, self);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  FmCsv *csv = fm_csv_read_file (G_FILE (data), 0, &error);

  if (csv != NULL)
    g_task_return_pointer (task, csv, (GDestroyNotify) fm_csv_unref);
  else
    g_task_return_error (task, error);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  FmObservedDialog *self = FM_OBSERVED_DIALOG (source);
  g_autoptr(GError) error = NULL;
  FmCsv *csv = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer file was asked for meanwhile, or the dialog closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
      g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&csv, fm_csv_unref);
      return;
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "content");
  self->csv = csv;

  self->updating = TRUE;
  {
    g_autoptr(GListModel) required = column_model (csv, FALSE);
    g_autoptr(GListModel) optional = column_model (csv, TRUE);

    adw_combo_row_set_model (self->item_row, required);
    adw_combo_row_set_model (self->state_row, required);
    adw_combo_row_set_model (self->entered_row, required);
    adw_combo_row_set_model (self->left_row, optional);
    adw_combo_row_set_model (self->type_row, optional);
  }
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_group), TRUE);

  if (csv == NULL)
    {
      fm_observed_dialog_clear_rows (self);
      show_error (self, error->message);
      show_preview (self);
      return;
    }

  reimport (self, TRUE);
}

static void
load_file (FmObservedDialog *self,
           GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_set_object (&self->file, file);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->mapping, fm_observed_mapping_unref);
  g_clear_pointer (&self->csv, fm_csv_unref);
  g_hash_table_remove_all (self->choices);
  show_error (self, NULL);
  update_import (self);

  adw_window_title_set_subtitle (self->window_title, name ? name : "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_read, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

static void
action_import (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmObservedDialog *self = FM_OBSERVED_DIALOG (widget);
  g_autoptr(GTimeZone) tz = chosen_time_zone (self);
  g_autofree char *source = self->file ? g_file_get_basename (self->file) : NULL;

  if (self->log == NULL || self->mapping == NULL || self->error != NULL || tz == NULL)
    return;

  fm_observed_session_set (self->session, self->log, self->mapping, tz, source);
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct {
  GtkWindow *parent;
  FmObservedChosenFunc then;
} Chosen;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Chosen          *chosen)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    chosen->then (chosen->parent, file);
  g_object_unref (chosen->parent);
  g_free (chosen);
}

static void
choose (GtkWindow            *parent,
        GFile                *near,
        const char           *title,
        gboolean              with_xes,
        FmObservedChosenFunc  then)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  Chosen *chosen;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, with_xes ? _("Event Logs (CSV, XES)") : _("Work Items (CSV)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.tsv");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  if (with_xes)
    {
      gtk_file_filter_add_pattern (csv, "*.xes");
      gtk_file_filter_add_pattern (csv, "*.XES");
      gtk_file_filter_add_pattern (csv, "*.xes.gz");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (near != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (near);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  chosen = g_new0 (Chosen, 1);
  chosen->parent = g_object_ref (parent);
  chosen->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * fm_observed_dialog_choose_file:
 * @parent: the window the chooser is over, kept alive until it answers
 * @near: (nullable): a file in the folder to start in
 * @then: called with @parent and the chosen file, unless cancelled
 *
 * Asks for a tracker's export of work items (a CSV file).
 */
void
fm_observed_dialog_choose_file (GtkWindow            *parent,
                                GFile                *near,
                                FmObservedChosenFunc  then)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (near == NULL || G_IS_FILE (near));
  g_return_if_fail (then != NULL);

  choose (parent, near, _("Open Observed Data"), FALSE, then);
}

/**
 * fm_observed_dialog_choose_event_log:
 *
 * As fm_observed_dialog_choose_file(), for an event log the discovery
 * reads: a tracker's CSV or XES (fm-event-log.h).
 */
void
fm_observed_dialog_choose_event_log (GtkWindow            *parent,
                                     GFile                *near,
                                     FmObservedChosenFunc  then)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (near == NULL || G_IS_FILE (near));
  g_return_if_fail (then != NULL);

  choose (parent, near, _("Open Event Data"), TRUE, then);
}

static void
load_chosen (GtkWindow *dialog,
             GFile     *file)
{
  load_file (FM_OBSERVED_DIALOG (dialog), file);
}

static void
action_choose (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmObservedDialog *self = FM_OBSERVED_DIALOG (widget);

  fm_observed_dialog_choose_file (GTK_WINDOW (self), self->file, load_chosen);
}

static void
fm_observed_dialog_dispose (GObject *object)
{
  FmObservedDialog *self = FM_OBSERVED_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->zone_timeout, g_source_remove);
  g_clear_pointer (&self->state_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FM_TYPE_OBSERVED_DIALOG);
  g_clear_pointer (&self->log, fm_observed_log_unref);
  g_clear_pointer (&self->mapping, fm_observed_mapping_unref);
  g_clear_pointer (&self->csv, fm_csv_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->map);
  g_clear_object (&self->session);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (fm_observed_dialog_parent_class)->dispose (object);
}

static void
fm_observed_dialog_class_init (FmObservedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fm_observed_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-observed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, shape_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, entered_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, left_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, wide_states_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, zone_entry);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, states_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, FmObservedDialog, problems_group);

  gtk_widget_class_bind_template_callback (widget_class, on_shape_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_text_changed);

  gtk_widget_class_install_action (widget_class, "observed.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "observed.choose", NULL, action_choose);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "observed.import", NULL);
}

static void
fm_observed_dialog_init (FmObservedDialog *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GtkStringList) zones = gtk_string_list_new (NULL);
  g_autofree char *local_name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->state_rows = g_ptr_array_new ();
  self->group_rows = g_ptr_array_new ();

  /* Translators: the time zone of the computer, as in "Local Time (Europe/Paris)" */
  local_name = g_strdup_printf (_("Local Time (%s)"), g_time_zone_get_identifier (local));
  gtk_string_list_append (zones, local_name);
  gtk_string_list_append (zones, "UTC");
  /* Translators: a time zone given by its name */
  gtk_string_list_append (zones, _("Other…"));
  /* The first zone, shown as the entry is hidden: nothing to read again. */
  self->updating = TRUE;
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (zones));
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observed.import", FALSE);
}

/**
 * fm_observed_dialog_present:
 * @map: the map whose steps and queues the states are matched to
 * @session: where the data goes on Import
 * @file: the CSV file to read
 *
 * Returns: (transfer none): the dialog, shown over @parent
 */
FmObservedDialog *
fm_observed_dialog_present (GtkWindow         *parent,
                            FmMap             *map,
                            FmObservedSession *session,
                            GFile             *file)
{
  FmObservedDialog *self;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (FM_IS_OBSERVED_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (FM_TYPE_OBSERVED_DIALOG, "transient-for", parent, NULL);
  self->map = g_object_ref (map);
  self->session = g_object_ref (session);
  fm_observed_dialog_init_targets (self);
  load_file (self, file);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* Returns: (transfer none) (nullable): the data as it would be imported */
FmObservedLog *
fm_observed_dialog_get_log (FmObservedDialog *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_DIALOG (self), NULL);

  return self->log;
}

/* Returns: (transfer none) (nullable): its states on the map, as shown */
FmObservedMapping *
fm_observed_dialog_get_mapping (FmObservedDialog *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_DIALOG (self), NULL);

  return self->mapping;
}

/* Returns: (nullable): the error shown, or %NULL */
const char *
fm_observed_dialog_get_error (FmObservedDialog *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_DIALOG (self), NULL);

  return self->error;
}

/* Whether the file is still being read. */
gboolean
fm_observed_dialog_is_loading (FmObservedDialog *self)
{
  g_return_val_if_fail (FM_IS_OBSERVED_DIALOG (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}
