/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-markup.c: what the GMarkup readers of other tools' files share
 *
 * draw.io drawings (fm-drawio-read.c) and XES event logs (fm-xes.c) are
 * read with GMarkup's callbacks, which give an element's attributes as two
 * arrays.
 */
#include "config.h"

#include "fm-markup.h"

/**
 * fm_markup_attribute:
 * @names: an element's attribute names, as GMarkup gives them
 * @values: their values
 * @name: the attribute wanted
 *
 * Returns: (nullable): the value of @name, or %NULL if the element has
 *   no such attribute
 */
const char *
fm_markup_attribute (const char **names,
                     const char **values,
                     const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}
