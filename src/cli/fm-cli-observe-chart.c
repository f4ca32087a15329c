/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-observe-chart.c: `flowmap observe --chart KIND -o OUT.png|svg|pdf`
 *
 * Draws one of the charts of the Observed page headless, as a slide: the
 * chart with its title and caption on a 16:9 page, PNG at twice the size
 * for sharp projection, SVG in pixels, PDF in points.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>

#include "fm-cli-observe-chart.h"
#include "fm-cli-private.h"
#include "fm-export-chart.h"

#define PNG_SCALE 2.0

/* Usage errors: an unknown chart, or no file of a known format to write. */
gboolean
fm_cli_observe_check_chart (const char *kind,
                            const char *output)
{
  FmChartKind chart;
  FmExportFormat format;

  if (!fm_chart_kind_from_string (kind, &chart))
    {
      g_printerr (_("flowmap observe: --chart must be cfd, scatter, throughput or aging\n"));
      return FALSE;
    }
  if (output == NULL || !fm_export_format_from_path (output, &format))
    {
      g_printerr (_("flowmap observe: --chart needs -o OUT.png, OUT.svg or OUT.pdf\n"));
      return FALSE;
    }

  return TRUE;
}

gboolean
fm_cli_observe_write_chart (const char              *kind,
                            const char              *output,
                            FmDocument              *document,
                            FmObservedLog           *log,
                            FmObservedMapping       *mapping,
                            FmMap                   *map,
                            FmObserved              *observed,
                            const FmObservedOptions *options,
                            const char              *csv_path)
{
  g_autoptr(FmObservedSeries) series = fm_observed_series_compute (log, mapping, map, observed, options);
  g_autoptr(GPtrArray) evidence = fm_evidence_compute (log, mapping, map, observed, options);
  g_autoptr(GArray) markers = fm_chart_evidence_markers (evidence, map);
  g_autofree char *source = g_path_get_basename (csv_path);
  g_autoptr(GError) error = NULL;
  FmChartKind chart = FM_CHART_CFD;
  FmExportFormat format = FM_EXPORT_FORMAT_PNG;
  FmChartData data = { 0 };

  fm_chart_kind_from_string (kind, &chart);
  fm_export_format_from_path (output, &format);

  data.observed = observed;
  data.series = series;
  data.day_length_s = observed->calendar != NULL ? fm_calendar_day_length_s (observed->calendar)
                                                 : fm_document_get_day_length_s (document);
  data.title = TRUE;
  data.source = source;
  data.markers = (const FmChartMarker *) markers->data;
  data.n_markers = markers->len;

  if (!fm_export_chart (chart, &data, output, format, FM_CHART_EXPORT_WIDTH, FM_CHART_EXPORT_HEIGHT,
                        format == FM_EXPORT_FORMAT_PNG ? PNG_SCALE : 1, &error))
    {
      fm_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}
