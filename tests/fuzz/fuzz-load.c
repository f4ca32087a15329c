/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-load.c: libFuzzer target for the file loader
 *
 * Every input must load or give an error; a loaded document must also save
 * and load again to the same text, so the saver is fuzzed too. The same
 * bytes are read as a clipboard fragment, the other text Flowmap takes from
 * outside.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fm-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_selection (const uint8_t *data,
                size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GError) error = NULL;

  if (fm_json_parse_selection (text, &nodes, &edges, &error))
    g_assert (nodes != NULL && edges != NULL && error == NULL);
  else
    g_assert (error != NULL && error->message != NULL && *error->message != '\0');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(FmDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length, length_again;

  fuzz_selection (data, size);

  document = fm_json_load_data ((const char *) data, size, "fuzz.flowmap", &error);
  if (document == NULL)
    {
      g_assert (error != NULL && error->message != NULL && *error->message != '\0');
      return 0;
    }

  text = fm_json_save_to_data (document, &length);
  again = fm_json_load_data (text, length, "saved.flowmap", &error);
  g_assert_no_error (error);
  text_again = fm_json_save_to_data (again, &length_again);
  g_assert (length == length_again && memcmp (text, text_again, length) == 0);

  return 0;
}
