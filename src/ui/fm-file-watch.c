/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-file-watch.c: notice when another program changes the open file
 *
 * A GFileMonitor on the window's file. After each burst of events the file
 * is compared with what this window last read or wrote: first its entity
 * tag (modification time), then, if that differs, a checksum of its
 * content, so that our own saves, a `touch` or a program writing back the
 * same bytes are not news. Anything else shows a banner over the map: the
 * user reloads (losing the changes made here, which it says) or keeps the
 * version open here, which the next save writes over theirs.
 *
 * The state is also the window action "win.file-changed-on-disk" (a
 * boolean), which GtkApplication publishes on the session bus, so that a
 * test sees the banner come without reading pixels.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-file-watch"

#include <glib/gi18n.h>

#include "fm-file-watch.h"
#include "fm-json.h"

/* Events come in bursts (a write, then a rename): wait for quiet. */
#define SETTLE_MS 200
#define CHUNK (64 * 1024)

struct _FmFileWatch
{
  GObject parent_instance;

  GFile *file;
  GFileMonitor *monitor;
  GSignalGroup *monitor_signals;  /* follows the monitor of the file shown */
  guint settle_id;
  FmFileWatchState state;

  /* What this window last read or wrote: NULL when there was no file. */
  char *known_etag;
  char *known_checksum;

  /* fm_file_watch_attach() */
  FmWindow *window;        /* (weak) */
  GtkWidget *revealer;
  GtkWidget *label;
  GtkWidget *reload_button;
  GSimpleAction *changed_action;
};

G_DEFINE_FINAL_TYPE (FmFileWatch, fm_file_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_UNIX_INODE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  /* A local file's tag is its modification time, which two writes within
   * one tick of the file system's clock share: the inode (a save renames a
   * new file into place) and the size tell them apart. A file that exists
   * has a tag, even where the backend gives none. */
  etag = g_file_info_get_etag (info);
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%" G_GOFFSET_FORMAT,
                          etag != NULL ? etag : "",
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_size (info));
}

/* A checksum of what the loader would read: at most the largest file it
 * reads, so that a huge file put there costs a bounded read. MD5, not
 * SHA-256: it only tells our own bytes from changed ones, nobody forges
 * it, and it is read after every load and save on the main thread, where
 * GLib's MD5 costs a fifth of its SHA-256 (8 MB: about 80 M instructions
 * against 430 M). */
static char *
checksum_file (GFile *file)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree guchar *buffer = NULL;
  gsize total = 0;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (CHUNK);
  while (total <= FM_JSON_MAX_FILE_SIZE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK, NULL, NULL);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      total += n;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
set_state (FmFileWatch      *self,
           FmFileWatchState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* What is on disk now is what this window knows. */
static void
remember_disk (FmFileWatch *self)
{
  g_clear_pointer (&self->known_etag, g_free);
  g_clear_pointer (&self->known_checksum, g_free);

  if (self->file != NULL)
    {
      self->known_etag = query_etag (self->file);
      if (self->known_etag != NULL)
        self->known_checksum = checksum_file (self->file);
    }
  set_state (self, FM_FILE_WATCH_SAME);
}

/**
 * fm_file_watch_check_now:
 *
 * Compares the file with what this window knows of it, and updates the
 * state. The monitor calls it after each burst of events.
 */
void
fm_file_watch_check_now (FmFileWatch *self)
{
  g_autofree char *etag = NULL;
  g_autofree char *checksum = NULL;

  g_return_if_fail (FM_IS_FILE_WATCH (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->file == NULL)
    return;

  etag = query_etag (self->file);
  if (etag == NULL)
    {
      /* Gone: news only if it was there. */
      set_state (self, self->known_etag != NULL ? FM_FILE_WATCH_DELETED : FM_FILE_WATCH_SAME);
      return;
    }
  if (g_strcmp0 (etag, self->known_etag) == 0)
    {
      set_state (self, FM_FILE_WATCH_SAME);
      return;
    }

  checksum = checksum_file (self->file);
  if (checksum != NULL && g_strcmp0 (checksum, self->known_checksum) == 0)
    {
      /* Touched, or written back the same: nothing to tell. */
      g_free (self->known_etag);
      self->known_etag = g_steal_pointer (&etag);
      set_state (self, FM_FILE_WATCH_SAME);
      return;
    }

  set_state (self, FM_FILE_WATCH_CHANGED);
}

static gboolean
on_settled (gpointer data)
{
  FmFileWatch *self = data;

  self->settle_id = 0;
  fm_file_watch_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    FmFileWatch       *self)
{
  /* Attributes (permissions, times read) do not change the map. */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, on_settled, self);
}

/**
 * fm_file_watch_set_file:
 * @file: (nullable): the file the window now shows, just read or written
 *
 * Watches @file, taking what is on disk now as known.
 */
void
fm_file_watch_set_file (FmFileWatch *self,
                        GFile       *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FM_IS_FILE_WATCH (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_signal_group_set_target (self->monitor_signals, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_set_object (&self->file, file);

  if (file != NULL)
    {
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitor == NULL)
        g_debug ("Not watching the file: %s", error->message);
      else
        g_signal_group_set_target (self->monitor_signals, self->monitor);
    }

  remember_disk (self);
}

/* Returns: (transfer none) (nullable): the file watched */
GFile *
fm_file_watch_get_file (FmFileWatch *self)
{
  g_return_val_if_fail (FM_IS_FILE_WATCH (self), NULL);

  return self->file;
}

FmFileWatchState
fm_file_watch_get_state (FmFileWatch *self)
{
  g_return_val_if_fail (FM_IS_FILE_WATCH (self), FM_FILE_WATCH_SAME);

  return self->state;
}

/**
 * fm_file_watch_note_saved:
 * @written: (nullable): the bytes the save wrote
 *
 * This window just wrote the file: the events of that write are not news.
 * With @written, another program that wrote the file between our write
 * and this call (while the save synced the folder, say) is noticed: what
 * is known is our bytes, and the file is compared with them.
 */
void
fm_file_watch_note_saved (FmFileWatch *self,
                          GBytes      *written)
{
  g_autoptr(GChecksum) ours = NULL;

  g_return_if_fail (FM_IS_FILE_WATCH (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  /* The tag first: a write after it makes the checksum differ below, or
   * the tag differ at the next check. */
  remember_disk (self);
  if (written == NULL || self->known_etag == NULL)
    return;

  ours = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (ours, g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  if (g_strcmp0 (g_checksum_get_string (ours), self->known_checksum) != 0)
    {
      g_free (self->known_checksum);
      self->known_checksum = g_strdup (g_checksum_get_string (ours));
      /* The tag read is theirs: one no file has (GIO's tags have no
       * newline), so that the next check compares the contents. */
      g_free (self->known_etag);
      self->known_etag = g_strdup ("\n");
      set_state (self, FM_FILE_WATCH_CHANGED);
    }
}

/**
 * fm_file_watch_acknowledge:
 *
 * The user saw the change and keeps the version open here: what is on
 * disk now is known, and only a later change is news.
 */
void
fm_file_watch_acknowledge (FmFileWatch *self)
{
  g_return_if_fail (FM_IS_FILE_WATCH (self));

  remember_disk (self);
}

static void
fm_file_watch_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FmFileWatch *self = FM_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fm_file_watch_dispose (GObject *object)
{
  FmFileWatch *self = FM_FILE_WATCH (object);

  fm_file_watch_set_file (self, NULL);
  g_clear_object (&self->changed_action);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (fm_file_watch_parent_class)->dispose (object);
}

static void
fm_file_watch_finalize (GObject *object)
{
  FmFileWatch *self = FM_FILE_WATCH (object);

  g_free (self->known_etag);
  g_free (self->known_checksum);
  g_clear_object (&self->monitor_signals);

  G_OBJECT_CLASS (fm_file_watch_parent_class)->finalize (object);
}

static void
fm_file_watch_class_init (FmFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fm_file_watch_get_property;
  object_class->dispose = fm_file_watch_dispose;
  object_class->finalize = fm_file_watch_finalize;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, FM_FILE_WATCH_SAME, FM_FILE_WATCH_DELETED, FM_FILE_WATCH_SAME,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fm_file_watch_init (FmFileWatch *self)
{
  self->monitor_signals = g_signal_group_new (G_TYPE_FILE_MONITOR);
  g_signal_group_connect (self->monitor_signals, "changed", G_CALLBACK (on_monitor_changed), self);
}

FmFileWatch *
fm_file_watch_new (void)
{
  return g_object_new (FM_TYPE_FILE_WATCH, NULL);
}

/* The banner says what happened and what each choice costs. */
static void
update_banner (FmFileWatch *self)
{
  FmDocument *document;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean modified;

  if (self->window == NULL)
    return;

  g_simple_action_set_state (self->changed_action, g_variant_new_boolean (self->state != FM_FILE_WATCH_SAME));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), self->state != FM_FILE_WATCH_SAME);
  if (self->state == FM_FILE_WATCH_SAME || self->file == NULL)
    return;

  document = fm_window_get_document (self->window);
  modified = document != NULL && fm_undo_stack_get_modified (fm_document_get_undo_stack (document));
  name = g_file_get_basename (self->file);

  if (self->state == FM_FILE_WATCH_DELETED)
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Saving writes it again."), name);
  else if (modified)
    text = g_strdup_printf (_("“%s” was changed by another program. Reloading it loses the changes made here."), name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program."), name);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_visible (self->reload_button, self->state == FM_FILE_WATCH_CHANGED);
}

static void
on_reload (GSimpleAction *action,
           GVariant      *param,
           FmFileWatch   *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->window == NULL || self->file == NULL)
    return;

  /* The window takes the file again and tells us through notify::file;
   * if it does not load, it says why and the banner stays. */
  file = g_object_ref (self->file);
  fm_window_load_file (self->window, file, FALSE);
}

static void
on_keep (GSimpleAction *action,
         GVariant      *param,
         FmFileWatch   *self)
{
  FmDocument *document;

  if (self->window == NULL)
    return;

  fm_file_watch_acknowledge (self);
  /* The version open here differs from the disk's: the next save, or the
   * question on closing, writes it over theirs. */
  document = fm_window_get_document (self->window);
  if (document != NULL)
    fm_undo_stack_set_unsaved (fm_document_get_undo_stack (document));
}

static void
on_window_file (FmFileWatch *self)
{
  GFile *file = fm_window_get_file (self->window);

  if (file == NULL || self->file == NULL || !g_file_equal (file, self->file))
    fm_file_watch_set_file (self, file);
  else
    remember_disk (self);
}

static GtkWidget *
build_banner (FmFileWatch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *keep;

  gtk_widget_add_css_class (box, "fm-banner");
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);

  self->reload_button = gtk_button_new_with_mnemonic (_("_Reload"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reload_button), "win.reload-from-disk");
  gtk_widget_set_valign (self->reload_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->reload_button);

  keep = gtk_button_new_with_mnemonic (_("_Keep This Version"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "win.keep-this-version");
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), keep);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  return self->revealer;
}

/**
 * fm_file_watch_attach:
 * @window: the window that owns @self
 * @banner_area: where the banner goes, above the map
 *
 * Watches @window's file from now on and shows the banner in
 * @banner_area, with its actions: win.reload-from-disk,
 * win.keep-this-version and the state win.file-changed-on-disk.
 */
void
fm_file_watch_attach (FmFileWatch *self,
                      FmWindow    *window,
                      GtkBox      *banner_area)
{
  GSimpleAction *action;

  g_return_if_fail (FM_IS_FILE_WATCH (self));
  g_return_if_fail (FM_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_BOX (banner_area));

  g_set_weak_pointer (&self->window, window);
  gtk_box_append (banner_area, build_banner (self));

  /* Disabled: a state to read, not a switch. */
  self->changed_action = g_simple_action_new_stateful ("file-changed-on-disk", NULL,
                                                       g_variant_new_boolean (FALSE));
  g_simple_action_set_enabled (self->changed_action, FALSE);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (self->changed_action));

  action = g_simple_action_new ("reload-from-disk", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (on_reload), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  g_object_unref (action);

  action = g_simple_action_new ("keep-this-version", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (on_keep), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  g_object_unref (action);

  g_signal_connect_object (window, "notify::file", G_CALLBACK (on_window_file), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::state", G_CALLBACK (update_banner), NULL);
  on_window_file (self);
}
