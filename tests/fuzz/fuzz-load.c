/* fuzz-load.c: libFuzzer target for the file loader
 *
 * Every input must load or give an error; a loaded document must also save
 * and load again to the same text, so the saver is fuzzed too.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fm-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

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
