/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-drawio.c: libFuzzer target for the draw.io import and export
 *
 * Every input must import or give an error that starts with the file's
 * name; an imported document must have its figures computed, save as a
 * Flowmap file that loads again, and export to draw.io and import again,
 * so the writer is fuzzed too. What is not understood must be listed as
 * UTF-8 lines.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fm-drawio.h"
#include "fm-drawio-write.h"
#include "fm-json.h"
#include "fm-metrics.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define NAME "fuzz.drawio"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(FmDocument) loaded = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  document = fm_drawio_read_data ((const char *) data, size, NAME, &unknown, &error);
  if (document == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, NAME ": "));
      g_assert (unknown == NULL);
      return 0;
    }

  for (guint i = 0; i < unknown->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (unknown, i), -1, NULL));

  saved = fm_json_save_to_data (document, &length);
  loaded = fm_json_load_data (saved, length, "saved.flowmap", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < fm_document_get_n_maps (document); i++)
    {
      FmMap *map = fm_document_get_map (document, i);
      g_autoptr(FmMetrics) metrics = fm_metrics_compute (document, map, NULL);
      g_autoptr(FmDocument) again = NULL;
      g_autoptr(GPtrArray) unknown_again = NULL;
      g_autofree char *text = NULL;
      gsize text_length;

      text = fm_drawio_write_data (document, map, &text_length);
      again = fm_drawio_read_data (text, text_length, "again.drawio", &unknown_again, &error);
      g_assert_no_error (error);
      g_assert (fm_map_get_n_nodes (fm_document_get_map (again, 0)) == fm_map_get_n_nodes (map));
      (void) metrics;
    }

  return 0;
}
