/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-json.c: the Flowmap file format, version 1: loading, saving, clipboard fragments */
#include "config.h"

#define G_LOG_DOMAIN "fm-json"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fm-atomic-file.h"
#include "fm-file-check.h"
#include "fm-json-private.h"

G_DEFINE_QUARK (fm-json-error-quark, fm_json_error)

const char * const fm_json_document_keys[] = {
  "format", "version", "title", "customer", "value", "trigger", "outcome",
  "stream_type", "day_length_s", "available_time_s", "demand_per_day", "calendar",
  "lead_time_unit", "maps", NULL
};

const char * const fm_json_map_keys[] = {
  "id", "name", "state", "based_on", "lanes", "nodes", "edges", NULL
};

const char * const fm_json_node_keys[] = {
  "id", "kind", "label", "x", "y", "width", "height", "observed", NULL
};

const char * const fm_json_edge_keys[] = {
  "id", "from", "to", "kind", "rate", "share", "observed", NULL
};

static const char * const process_keys[] = {
  "process_s", "lead_s", "pca", "people", "role", "wip", NULL
};

static const char * const queue_keys[] = {
  "wait_s", "items", "limit", NULL
};

static const char * const kaizen_keys[] = {
  "owner", "measure", "baseline", "target", "review_date", "started", "status",
  "waste", "applies_to", NULL
};

static const char * const no_keys[] = { NULL };

/* Returns: (transfer none): the keys of the fields of a node of @kind */
const char * const *
fm_json_kind_keys (FmNodeKind kind)
{
  switch (kind)
    {
    case FM_NODE_KIND_PROCESS: return process_keys;
    case FM_NODE_KIND_QUEUE: return queue_keys;
    case FM_NODE_KIND_KAIZEN: return kaizen_keys;
    case FM_NODE_KIND_TRIGGER:
    case FM_NODE_KIND_OUTCOME:
    case FM_NODE_KIND_SYSTEM:
    case FM_NODE_KIND_NOTE:
    default:
      return no_keys;
    }
}

gboolean
fm_json_key_is_known (const char * const *keys,
                      const char         *key)
{
  /* Once per member of every node of a load: the first byte rules most out. */
  for (guint i = 0; keys[i] != NULL; i++)
    if (keys[i][0] == key[0] && strcmp (keys[i], key) == 0)
      return TRUE;

  return FALSE;
}

/* Checks the text and reads its values. */
static FmJsonDoc *
parse_text (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  if (length > FM_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                   _("%s: larger than %d MiB"), display_name, FM_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Some Windows editors start UTF-8 with a byte order mark; JSON has none. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* The check refuses an empty text, so there is a root. */
  return fm_json_doc_parse (data, length, display_name, error);
}

/**
 * fm_json_load_data:
 * @data: the text of a Flowmap file, UTF-8, with or without a byte order mark
 * @length: the length of @data in bytes, or -1 if it ends with a NUL
 * @display_name: (nullable): the name that starts every error message, such
 *   as the file's name
 * @error: an %FM_JSON_ERROR, whose message names @display_name, the place
 *   (a line and column or a JSON path such as maps[0].nodes[3].process_s),
 *   what was expected and what was found
 *
 * Reads a Flowmap file of version 1. Loading is strict: a wrong type, a
 * value out of range, a duplicate id, an edge to a missing node… is an
 * error, never a guess. Unknown fields are kept, for the save to write back.
 *
 * The document comes back with an empty history and not modified.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
FmDocument *
fm_json_load_data (const char  *data,
                   gssize       length,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(FmJsonDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("document");
  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  doc = parse_text (data, length, display_name, error);
  if (doc == NULL)
    return NULL;

  return fm_json_read_document (doc->values, display_name, error);
}

static char *
display_name_for (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

/* Reads at most FM_JSON_MAX_FILE_SIZE + 1 bytes, so that a huge file, or
 * /dev/zero, is refused without reading it all. */
static GBytes *
read_bounded (GFile       *file,
              const char  *display_name,
              GError     **error)
{
  const gsize chunk = 64 * 1024;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  GError *local_error = NULL;

  /* A FIFO with no writer would block the read forever. */
  if (!fm_file_check_regular (file, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > FM_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                   _("%s: larger than %d MiB"), display_name, FM_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      gsize old_length = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_length + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_length,
                                    chunk, NULL, &local_error);
      if (n_read < 0)
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_length + n_read);

      if (n_read == 0)
        break;
      if (buffer->len > FM_JSON_MAX_FILE_SIZE)
        {
          g_set_error (error, FM_JSON_ERROR, FM_JSON_ERROR_LIMIT,
                       _("%s: larger than %d MiB"), display_name, FM_JSON_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * fm_json_load_file:
 * @file: a Flowmap file
 * @error: an %FM_JSON_ERROR or a %G_IO_ERROR, whose message starts with
 *   the file's name
 *
 * Reads @file as fm_json_load_data() reads a text, refusing a file larger
 * than %FM_JSON_MAX_FILE_SIZE before reading it.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
FmDocument *
fm_json_load_file (GFile   *file,
                   GError **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = display_name_for (file);
  bytes = read_bounded (file, display_name, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return fm_json_load_data (length > 0 ? data : "", length, display_name, error);
}

/**
 * fm_json_save_to_data:
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes @document in the canonical form: keys in a fixed order, two
 * spaces of indent, numbers in their shortest form, a final newline. The
 * same document always gives the same bytes, and loading then saving a file
 * this function wrote gives it back byte for byte.
 *
 * Kaizen applies_to ids that name no node of the map are left out.
 *
 * Returns: (transfer full): the text, NUL-terminated
 */
char *
fm_json_save_to_data (FmDocument *document,
                      gsize      *length)
{
  GString *out;
  FmJsonWriter writer;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  fm_json_writer_init (&writer, out, TRUE);
  fm_json_write_document (&writer, document);
  fm_json_writer_clear (&writer);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * fm_json_save_file:
 * @error: an %FM_JSON_ERROR or a %G_IO_ERROR, whose message starts with
 *   the file's name
 *
 * Saves @document to @file atomically, keeping the previous version as a
 * backup (`NAME~`): the text goes to a temporary file in the same folder,
 * synced to the disk, then renamed over @file (see fm_atomic_file_write()).
 * A failed save (a folder gone or read-only, a full disk, a name too
 * long…) leaves the old file as it was.
 *
 * The text is loaded back before it is written, and not written if that
 * fails, so a save never makes a file Flowmap cannot open: a label past
 * %FM_MAX_TEXT_CHARS or an edge from a node to itself gives an error
 * here instead.
 *
 * It does not mark the document saved: the caller does, with
 * fm_undo_stack_set_saved().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
fm_json_save_file (FmDocument  *document,
                   GFile       *file,
                   GError     **error)
{
  return fm_json_save_file_full (document, file, NULL, error);
}

/**
 * fm_json_save_file_full:
 * @written: (out) (optional): the bytes written, when it worked
 *
 * fm_json_save_file(), handing back what it wrote: the window compares it
 * with what is on disk afterwards, to notice another program that wrote
 * the file in the moment after our save.
 */
gboolean
fm_json_save_file_full (FmDocument  *document,
                        GFile       *file,
                        GBytes     **written,
                        GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *check_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(FmDocument) check = NULL;
  GError *local_error = NULL;
  gsize length;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = display_name_for (file);
  text = fm_json_save_to_data (document, &length);

  check_name = g_strdup_printf (_("%s: not saved"), display_name);
  check = fm_json_load_data (text, length, check_name, error);
  if (check == NULL)
    return FALSE;

  /* A local file is written by hand, to be sure of the fsync() of a new
   * file and of its folder; anything else (a GVfs location) through GIO. */
  if (g_file_peek_path (file) != NULL)
    {
      if (!fm_atomic_file_write (g_file_peek_path (file), text, length, TRUE, &local_error))
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
          return FALSE;
        }
    }
  else if (!g_file_replace_contents (file, text, length, NULL, TRUE, G_FILE_CREATE_NONE,
                                     NULL, NULL, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return FALSE;
    }

  if (written != NULL)
    *written = g_bytes_new_take (g_steal_pointer (&text), length);
  return TRUE;
}


/**
 * fm_json_serialize_selection:
 * @map: the map the selection is in
 * @ids: (array zero-terminated=1): ids of nodes of @map; other ids are ignored
 *
 * Writes the nodes named by @ids, and the edges of @map between two of
 * them, as a fragment for the clipboard: an object with `"format":
 * "flowmap-selection"`, `"version"`, `"nodes"` and `"edges"`, these two as
 * in a map of a file. The fragment stands alone: a kaizen's applies_to
 * keeps only ids of nodes in it.
 *
 * Returns: (transfer full): the text, NUL-terminated
 */
char *
fm_json_serialize_selection (FmMap              *map,
                             const char * const *ids)
{
  g_autoptr(GHashTable) node_ids = NULL;
  FmJsonWriter writer;
  GString *out;

  g_return_val_if_fail (FM_IS_MAP (map), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    if (fm_map_lookup_node (map, ids[i]) != NULL)
      g_hash_table_add (node_ids, (gpointer) ids[i]);

  out = g_string_new (NULL);
  fm_json_writer_init (&writer, out, TRUE);
  fm_json_write_selection (&writer, map, node_ids);
  fm_json_writer_clear (&writer);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/**
 * fm_json_parse_selection:
 * @text: a fragment made by fm_json_serialize_selection()
 * @nodes_out: (out) (transfer full) (element-type FmNode): the nodes, with
 *   the ids of the fragment
 * @edges_out: (out) (transfer full) (element-type FmEdge): the edges
 *   between them
 *
 * Reads a clipboard fragment with the same checks as a file. The nodes and
 * edges keep their ids: the caller gives new ones where they clash with the
 * map they are pasted into. Error messages start with "clipboard".
 *
 * Returns: %TRUE with both arrays set, or %FALSE with @error set and the
 *   arrays untouched
 */
gboolean
fm_json_parse_selection (const char  *text,
                         GPtrArray  **nodes_out,
                         GPtrArray  **edges_out,
                         GError     **error)
{
  const char *display_name = _("clipboard");
  g_autoptr(FmJsonDoc) doc = NULL;
  g_autoptr(FmMap) map = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (nodes_out != NULL, FALSE);
  g_return_val_if_fail (edges_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = parse_text (text, strlen (text), display_name, error);
  if (doc == NULL)
    return FALSE;

  map = fm_map_new ("clipboard");
  if (!fm_json_read_selection (doc->values, display_name, map, error))
    return FALSE;

  n = fm_map_get_n_nodes (map);
  nodes = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (nodes, g_object_ref (fm_map_get_node (map, i)));

  n = fm_map_get_n_edges (map);
  edges = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (edges, g_object_ref (fm_map_get_edge (map, i)));

  *nodes_out = g_steal_pointer (&nodes);
  *edges_out = g_steal_pointer (&edges);
  return TRUE;
}
