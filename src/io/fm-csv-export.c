/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-csv-export.c: a map's figures as a table for spreadsheets
 *
 * RFC 4180: comma-separated, CRLF line ends, a field in double quotes when
 * it holds a comma, a quote, a line break or a space at its ends, quotes
 * doubled. Numbers are written as C writes them ("0.2", never "0,2") with
 * every figure also "as shown", in the words of the metrics panel. A text
 * that a spreadsheet would run as a formula (=, +, -, @ first) gets an
 * apostrophe before it, as spreadsheets themselves show such text.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-csv"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-csv-export.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-json-writer.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"

typedef struct {
  GString *out;
  gboolean row_start;
} Csv;

static void
append_field (Csv        *csv,
              const char *text,
              gboolean    is_text)
{
  GString *out = csv->out;
  gboolean quote;

  if (text == NULL)
    text = "";
  if (!csv->row_start)
    g_string_append_c (out, ',');
  csv->row_start = FALSE;

  quote = strpbrk (text, ",\"\r\n") != NULL ||
          (text[0] != '\0' && (text[0] == ' ' || text[strlen (text) - 1] == ' '));
  if (quote)
    g_string_append_c (out, '"');
  if (is_text && text[0] != '\0' && strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* The shortest text that reads back as @value, as the file format writes
 * numbers: 0.2, not 0.20000000000000001. */
static void
append_double (Csv    *out,
               double  value)
{
  char buffer[FM_JSON_NUMBER_BUF_SIZE];

  if (!isfinite (value))
    {
      append_field (out, "", FALSE);
      return;
    }
  fm_json_format_number (value, buffer);
  append_field (out, buffer, FALSE);
}

static void
append_number (Csv    *out,
               double  value)
{
  append_double (out, fm_value_is_set (value) ? value : NAN);
}

/* A computed figure to fifteen significant digits, as spreadsheets show
 * numbers: a takt of 40 h ÷ 7 × 7 is 144000, not 144000.00000000003,
 * which is what floating point makes of it. */
static void
append_figure (Csv    *out,
               double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      append_field (out, "", FALSE);
      return;
    }
  append_field (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value), FALSE);
}

/* A duration as a number of seconds and as the map shows it. */
static void
append_duration (Csv           *out,
                 FmDocument    *document,
                 FmDurationKind kind,
                 double         seconds)
{
  g_autofree char *shown = NULL;

  append_number (out, seconds);
  if (fm_value_is_set (seconds) && isfinite (seconds))
    shown = fm_figure_format_duration (document, kind, seconds);
  append_field (out, shown, FALSE);
}

static void
end_row (Csv *csv)
{
  g_string_append (csv->out, "\r\n");
  csv->row_start = TRUE;
}

static void
append_node (Csv        *out,
             FmDocument *document,
             FmNode     *node,
             gboolean    on_path)
{
  double time_s = fm_metrics_node_time (document, node);
  double process = FM_UNSET, wait = FM_UNSET, items = FM_UNSET, pca = FM_UNSET, people = FM_UNSET;
  double lead = FM_UNSET;
  const char *role = NULL;

  if (FM_IS_PROCESS_STEP (node))
    {
      FmProcessStep *step = FM_PROCESS_STEP (node);

      process = fm_process_step_get_process_s (step);
      lead = time_s;
      if (fm_value_is_set (fm_process_step_get_lead_s (step)) && fm_value_is_set (process))
        wait = MAX (0, fm_process_step_get_lead_s (step) - process);
      pca = fm_process_step_get_pca (step);
      people = fm_process_step_get_people (step);
      role = fm_process_step_get_role (step);
      items = fm_process_step_get_wip (step);
    }
  else if (FM_IS_QUEUE (node))
    {
      lead = wait = time_s;
      items = fm_queue_get_items (FM_QUEUE (node));
    }

  append_field (out, fm_node_kind_to_string (fm_node_get_kind (node)), FALSE);
  append_field (out, fm_node_get_id (node), TRUE);
  append_field (out, fm_node_get_label (node), TRUE);
  append_field (out, on_path ? "yes" : "no", FALSE);
  append_field (out, role, TRUE);
  append_number (out, people);
  append_duration (out, document, FM_DURATION_PROCESS, process);
  append_duration (out, document, FM_DURATION_LEAD, lead);
  append_duration (out, document, FM_DURATION_LEAD, wait);
  append_number (out, items);
  append_number (out, pca);
  end_row (out);
}

/**
 * fm_csv_export_nodes:
 *
 * A row per node: those of the critical path first, trigger to outcome,
 * then the others in the map's order. Columns: kind, id, label,
 * critical_path, role, people, process_time_s and as shown, lead_time_s
 * (the node's time on a path) and as shown, wait_s and as shown, items,
 * pca_percent.
 *
 * Returns: (transfer full): the CSV text
 */
char *
fm_csv_export_nodes (FmDocument *document,
                     FmMap      *map,
                     gsize      *length)
{
  g_autoptr(FmMetrics) metrics = NULL;
  g_autoptr(GHashTable) on_path = g_hash_table_new (NULL, NULL);
  Csv csv = { g_string_new (NULL), TRUE }, *out = &csv;
  static const char * const header[] = {
    "kind", "id", "label", "critical_path", "role", "people", "process_time_s", "process_time",
    "lead_time_s", "lead_time", "wait_s", "wait", "items", "pca_percent",
  };

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  metrics = fm_metrics_compute (document, map, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (out, header[i], FALSE);
  end_row (out);

  for (guint i = 0; metrics->path != NULL && i < metrics->path->len; i++)
    {
      FmNode *node = g_ptr_array_index (metrics->path, i);

      g_hash_table_add (on_path, node);
      append_node (out, document, node, TRUE);
    }
  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);

      if (!g_hash_table_contains (on_path, node))
        append_node (out, document, node, FALSE);
    }

  if (length != NULL)
    *length = csv.out->len;
  return g_string_free (csv.out, FALSE);
}

/**
 * fm_csv_export_figures:
 *
 * The figures of every map side by side: a row per figure (its title and
 * its key in `flowmap metrics --json`), and per map a column with the
 * number (seconds for durations, fractions for efficiencies) and one with
 * it as shown.
 *
 * Returns: (transfer full): the CSV text
 */
char *
fm_csv_export_figures (FmDocument *document,
                       gsize      *length)
{
  static const char * const keys[] = {
    "lead_time_s", "process_time_s", "flow_efficiency", "rolled_pca",
    "rework_adjusted_lead_time_s", "wip", "throughput_per_day",
    "littles_law_lead_time_s", "takt_time_s", "handoffs",
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) fm_metrics_free);
  Csv csv = { NULL, TRUE }, *out = &csv;
  guint n_maps;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);

  n_maps = fm_document_get_n_maps (document);
  csv.out = g_string_new (NULL);

  append_field (out, "figure", FALSE);
  append_field (out, "key", FALSE);
  for (guint i = 0; i < n_maps; i++)
    {
      FmMap *map = fm_document_get_map (document, i);
      const char *name = fm_map_get_name (map) != NULL && fm_map_get_name (map)[0] != '\0'
                         ? fm_map_get_name (map) : fm_map_get_id (map);
      g_autofree char *shown = g_strdup_printf ("%s (%s)", name, _("as shown"));

      append_field (out, name, TRUE);
      append_field (out, shown, TRUE);
      g_ptr_array_add (all, fm_metrics_compute (document, map, NULL));
    }
  end_row (out);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      append_field (out, fm_figure_get_title (keys[k]), TRUE);
      append_field (out, keys[k], FALSE);
      for (guint i = 0; i < n_maps; i++)
        {
          FmMetrics *m = g_ptr_array_index (all, i);
          double values[] = {
            m->lead_time_s, m->process_time_s, m->flow_efficiency, m->rolled_pca,
            m->rework_adjusted_lead_time_s, m->wip, m->throughput_per_day,
            m->littles_law_lead_time_s, m->takt_time_s, m->handoffs,
          };
          g_autofree char *shown = fm_figure_format_for (document, keys[k], values[k]);

          append_figure (out, values[k]);
          append_field (out, shown, FALSE);
        }
      end_row (out);
    }

  if (length != NULL)
    *length = csv.out->len;
  return g_string_free (csv.out, FALSE);
}
