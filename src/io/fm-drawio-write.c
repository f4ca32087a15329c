/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-write.c: a map written as a draw.io page with the Value Stream
 * Mapping palette, so that a team can keep the picture in its wiki
 *
 * The page is plain XML (draw.io reads it as well as a compressed one, and
 * a diff shows what changed). Each node becomes the palette's shape at its
 * place (Flowmap's units divided by FM_DRAWIO_SCALE), a step with a data
 * box under it whose lines fm-drawio-figures.c reads back, a queue with its
 * items and wait; edges join the shapes. The timeline along the critical
 * path is drawn from the computed figures, marked flowmapTimeline=1 so that
 * an import leaves it out as it leaves out a hand-drawn one.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-drawio.h"
#include "fm-drawio-write.h"
#include "fm-duration.h"
#include "fm-figures.h"
#include "fm-metrics.h"
#include "fm-process-step.h"
#include "fm-queue.h"

#define DATA_LINE_HEIGHT 14
#define TIMELINE_GAP 60

typedef struct {
  GString *out;
  guint next_id;
  double day_length_s;
} Writer;

/* A label as draw.io's HTML labels hold it: escaped, lines as <br>. */
static char *
html_label (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  return g_strjoinv ("<br>", lines);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  /* "120.00" reads as "120". */
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
}

static void
vertex (Writer     *w,
        const char *id,
        const char *html_value,
        const char *style,
        const char *parent,
        double      x,
        double      y,
        double      width,
        double      height)
{
  g_autofree char *value = g_markup_escape_text (html_value != NULL ? html_value : "", -1);
  g_autofree char *style_escaped = g_markup_escape_text (style, -1);
  g_autofree char *id_escaped = g_markup_escape_text (id, -1);

  g_string_append_printf (w->out, "        <mxCell id=\"%s\" value=\"%s\" style=\"%s\" vertex=\"1\" parent=\"%s\">\n"
                                  "          <mxGeometry x=\"",
                          id_escaped, value, style_escaped, parent);
  append_number (w->out, x);
  g_string_append (w->out, "\" y=\"");
  append_number (w->out, y);
  g_string_append (w->out, "\" width=\"");
  append_number (w->out, width);
  g_string_append (w->out, "\" height=\"");
  append_number (w->out, height);
  g_string_append (w->out, "\" as=\"geometry\" />\n        </mxCell>\n");
}

/* A duration the importer reads back to the same seconds: in days, hours
 * or minutes when that is exact enough, else in seconds. */
static char *
file_duration (Writer *w,
               double  seconds)
{
  static const struct { double size; const char *unit; } units[] = {
    { 86400, "days" }, { 3600, "hours" }, { 60, "min" },
  };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double size = units[i].size;
      double value;

      /* "days" is read as the importing document's day: calendar days. */
      if (size == 86400 && w->day_length_s != 86400)
        continue;
      value = seconds / size;
      if (value < 1)
        continue;
      g_ascii_formatd (buffer, sizeof buffer, "%.6g", value);
      if (fabs (g_ascii_strtod (buffer, NULL) * size - seconds) <= 1e-9 * seconds)
        return g_strdup_printf ("%s %s", buffer, units[i].unit);
    }

  return g_strdup_printf ("%s sec", g_ascii_formatd (buffer, sizeof buffer, "%.17g", seconds));
}

static void
data_line (Writer     *w,
           GString    *lines,
           const char *key,
           double      seconds)
{
  g_autofree char *text = NULL;

  if (!fm_value_is_set (seconds))
    return;
  text = file_duration (w, seconds);
  g_string_append_printf (lines, "%s%s=%s", lines->len > 0 ? "<br>" : "", key, text);
}

static void
write_step (Writer        *w,
            FmProcessStep *step,
            const char    *id,
            double         x,
            double         y,
            double         width,
            double         height)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *label = html_label (fm_node_get_label (FM_NODE (step)));
  g_autofree char *data_id = g_strdup_printf ("%s-data", id);
  guint n_lines;

  vertex (w, id, label,
          "strokeWidth=2;shape=mxgraph.lean_mapping.manufacturing_process;html=1;whiteSpace=wrap;verticalAlign=top;",
          "1", x, y, width, height);

  data_line (w, lines, "PT", fm_process_step_get_process_s (step));
  data_line (w, lines, "LT", fm_process_step_get_lead_s (step));
  if (fm_value_is_set (fm_process_step_get_pca (step)))
    {
      g_string_append_printf (lines, "%s%%C&amp;A=", lines->len > 0 ? "<br>" : "");
      append_number (lines, fm_process_step_get_pca (step));
      g_string_append_c (lines, '%');
    }
  if (fm_value_is_set (fm_process_step_get_people (step)))
    {
      g_string_append_printf (lines, "%sPeople=", lines->len > 0 ? "<br>" : "");
      append_number (lines, fm_process_step_get_people (step));
    }
  if (fm_process_step_get_role (step) != NULL && fm_process_step_get_role (step)[0] != '\0')
    {
      g_autofree char *role = html_label (fm_process_step_get_role (step));

      g_strdelimit (role, "\n", ' ');
      g_string_append_printf (lines, "%sRole=%s", lines->len > 0 ? "<br>" : "", role);
    }
  if (lines->len == 0)
    return;

  n_lines = 1;
  for (const char *p = lines->str; (p = strstr (p, "<br>")) != NULL; p += 4)
    n_lines++;
  vertex (w, data_id, lines->str,
          "strokeWidth=2;shape=mxgraph.lean_mapping.data_box;fontSize=8;html=1;align=left;verticalAlign=top;spacingLeft=4;",
          "1", x, y + height + 10, width, n_lines * DATA_LINE_HEIGHT + 10);
}

/* The triangle with its label, items and wait under it, in its own label
 * (drawn below the shape), so that no other box can take them. */
static void
write_queue (Writer     *w,
             FmQueue    *queue,
             const char *id,
             double      x,
             double      y,
             double      width,
             double      height)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = html_label (fm_node_get_label (FM_NODE (queue)));

  g_string_append (text, label);
  if (fm_value_is_set (fm_queue_get_items (queue)))
    {
      g_string_append (text, text->len > 0 ? "<br>" : "");
      append_number (text, fm_queue_get_items (queue));
      g_string_append (text, " items");
    }
  if (fm_value_is_set (fm_queue_get_wait_s (queue)))
    {
      g_autofree char *wait = file_duration (w, fm_queue_get_wait_s (queue));

      g_string_append_printf (text, "%s%s", text->len > 0 ? "<br>" : "", wait);
    }
  vertex (w, id, text->str,
          "strokeWidth=2;shape=mxgraph.lean_mapping.inventory_box;html=1;fontSize=9;"
          "verticalLabelPosition=bottom;verticalAlign=top;labelPosition=center;align=center;",
          "1", x, y, width, height);
}

static const char *
edge_style (FmEdgeKind kind)
{
  switch (kind)
    {
    case FM_EDGE_KIND_PUSH:
      return "html=1;strokeWidth=4;dashed=1;dashPattern=6 2;endArrow=block;endFill=1;flowmapKind=push;";
    case FM_EDGE_KIND_PULL:
      return "html=1;strokeWidth=2;endArrow=open;flowmapKind=pull;";
    case FM_EDGE_KIND_INFO:
      return "shape=mxgraph.lean_mapping.manual_info_flow_edge;html=1;rounded=0;";
    case FM_EDGE_KIND_ELECTRONIC:
      return "shape=mxgraph.lean_mapping.electronic_info_flow_edge;html=1;rounded=0;";
    case FM_EDGE_KIND_REWORK:
      return "html=1;strokeWidth=2;dashed=1;endArrow=block;flowmapKind=rework;";
    case FM_EDGE_KIND_FLOW:
    default:
      return "html=1;strokeWidth=2;endArrow=block;endFill=1;";
    }
}

/* The ladder under the flow: waits on the upper row, process times on the
 * lower, each under its node on the critical path, and the totals. */
static void
write_timeline (Writer     *w,
                FmDocument *document,
                FmMap      *map,
                double      top)
{
  g_autoptr(FmMetrics) metrics = fm_metrics_compute (document, map, NULL);
  g_autofree char *lead = NULL;
  g_autofree char *process = NULL;
  g_autofree char *totals = NULL;
  double right = 0;

  if (metrics->path == NULL || metrics->path->len == 0)
    return;

  for (guint i = 0; i < metrics->path->len; i++)
    {
      FmNode *node = g_ptr_array_index (metrics->path, i);
      double x = fm_node_get_x (node) / FM_DRAWIO_SCALE;
      double width = fm_node_get_width (node) / FM_DRAWIO_SCALE;
      double time_s = fm_metrics_node_time (document, node);
      g_autofree char *id = g_strdup_printf ("timeline-%u", i);
      g_autofree char *text = NULL;
      gboolean work = FM_IS_PROCESS_STEP (node);

      right = MAX (right, x + width);
      if (FM_IS_QUEUE (node) || work)
        {
          double shown = work ? fm_process_step_get_process_s (FM_PROCESS_STEP (node)) : time_s;
          g_autofree char *duration = fm_duration_format (fm_value_is_set (shown) ? shown : 0, w->day_length_s);

          text = html_label (duration);
          vertex (w, id, text,
                  work ? "text;html=1;align=center;verticalAlign=top;fontSize=9;strokeColor=#000000;flowmapTimeline=1;"
                       : "text;html=1;align=center;verticalAlign=bottom;fontSize=9;strokeColor=#000000;flowmapTimeline=1;",
                  "1", x, top + (work ? 30 : 0), width, 30);
        }
    }

  lead = fm_figure_format_value ("lead_time_s", metrics->lead_time_s, w->day_length_s);
  process = fm_figure_format_value ("process_time_s", metrics->process_time_s, w->day_length_s);
  {
    g_autofree char *lead_title = html_label (fm_figure_get_title ("lead_time_s"));
    g_autofree char *process_title = html_label (fm_figure_get_title ("process_time_s"));
    g_autofree char *lead_text = html_label (lead);
    g_autofree char *process_text = html_label (process);

    totals = g_strdup_printf ("%s = %s<br>%s = %s", lead_title, lead_text, process_title, process_text);
  }
  vertex (w, "timeline-totals", totals,
          "text;html=1;align=left;verticalAlign=middle;fontSize=10;strokeColor=#000000;flowmapTimeline=1;",
          "1", right + 20, top, 180, 60);
}

/**
 * fm_drawio_write_data:
 * @map: one of @document's maps
 *
 * Returns: (transfer full): the `.drawio` file's text, UTF-8
 */
char *
fm_drawio_write_data (FmDocument *document,
                      FmMap      *map,
                      gsize      *length)
{
  Writer w = { g_string_new (NULL), 1, fm_document_get_day_length_s (document) };
  g_autofree char *name = g_markup_escape_text (fm_map_get_name (map) != NULL ? fm_map_get_name (map) : "", -1);
  g_autofree char *map_id = g_markup_escape_text (fm_map_get_id (map), -1);
  double bottom = 0;

  g_return_val_if_fail (FM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FM_IS_MAP (map), NULL);

  g_string_append_printf (w.out,
                          "<mxfile host=\"Flowmap\" agent=\"Flowmap %s\" type=\"device\">\n"
                          "  <diagram name=\"%s\" id=\"%s\">\n"
                          "    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"0\" math=\"0\" shadow=\"0\">\n"
                          "      <root>\n"
                          "        <mxCell id=\"0\" />\n"
                          "        <mxCell id=\"1\" parent=\"0\" />\n",
                          PACKAGE_VERSION, name, map_id);

  for (guint i = 0; i < fm_map_get_n_nodes (map); i++)
    {
      FmNode *node = fm_map_get_node (map, i);
      g_autofree char *id = g_strdup_printf ("n-%s", fm_node_get_id (node));
      g_autofree char *label = html_label (fm_node_get_label (node));
      double x = fm_node_get_x (node) / FM_DRAWIO_SCALE, y = fm_node_get_y (node) / FM_DRAWIO_SCALE;
      double width = fm_node_get_width (node) / FM_DRAWIO_SCALE;
      double height = fm_node_get_height (node) / FM_DRAWIO_SCALE;

      bottom = MAX (bottom, y + height);
      switch (fm_node_get_kind (node))
        {
        case FM_NODE_KIND_PROCESS:
          write_step (&w, FM_PROCESS_STEP (node), id, x, y, width, height);
          bottom = MAX (bottom, y + height + 100);
          break;
        case FM_NODE_KIND_QUEUE:
          write_queue (&w, FM_QUEUE (node), id, x, y, width, height);
          break;
        case FM_NODE_KIND_TRIGGER:
        case FM_NODE_KIND_OUTCOME:
          vertex (&w, id, label,
                  "strokeWidth=2;shape=mxgraph.lean_mapping.outside_sources;html=1;whiteSpace=wrap;verticalAlign=bottom;",
                  "1", x, y, width, height);
          break;
        case FM_NODE_KIND_SYSTEM:
          vertex (&w, id, label, "strokeWidth=2;shape=mxgraph.lean_mapping.schedule;html=1;whiteSpace=wrap;",
                  "1", x, y, width, height);
          break;
        case FM_NODE_KIND_KAIZEN:
          vertex (&w, id, label,
                  "strokeWidth=2;shape=mxgraph.lean_mapping.kaizen_lightening_burst;html=1;whiteSpace=wrap;fontColor=#000000;",
                  "1", x, y, width, height);
          break;
        case FM_NODE_KIND_NOTE:
        default:
          vertex (&w, id, label, "shape=note;html=1;whiteSpace=wrap;size=10;align=left;verticalAlign=top;",
                  "1", x, y, width, height);
          break;
        }
    }

  for (guint i = 0; i < fm_map_get_n_edges (map); i++)
    {
      FmEdge *edge = fm_map_get_edge (map, i);
      g_autofree char *id = g_markup_escape_text (fm_edge_get_id (edge), -1);
      g_autofree char *from = g_markup_escape_text (fm_edge_get_from (edge), -1);
      g_autofree char *to = g_markup_escape_text (fm_edge_get_to (edge), -1);

      g_string_append_printf (w.out,
                              "        <mxCell id=\"e-%s\" value=\"\" style=\"%s\" edge=\"1\" parent=\"1\" source=\"n-%s\" target=\"n-%s\">\n"
                              "          <mxGeometry relative=\"1\" as=\"geometry\" />\n"
                              "        </mxCell>\n",
                              id, edge_style (fm_edge_get_kind (edge)), from, to);
    }

  write_timeline (&w, document, map, bottom + TIMELINE_GAP);

  g_string_append (w.out, "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/**
 * fm_drawio_write_file:
 *
 * Writes fm_drawio_write_data() to @file, replacing it.
 *
 * Returns: whether it was written, else @error is set
 */
gboolean
fm_drawio_write_file (FmDocument  *document,
                      FmMap       *map,
                      GFile       *file,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = fm_drawio_write_data (document, map, &length);
  return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
