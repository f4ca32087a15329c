/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-iso-date.c: the document's dates, as YYYY-MM-DD
 *
 * One parser for every date of the document (a kaizen's review date), so
 * that the loader, the inspector, the checks and the experiments agree on
 * what is a date. GDate's own parser follows the locale and sscanf()
 * accepts "2026-1-1", " 2026-01-01" and "+026-01-01".
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-model"

#include "fm-iso-date.h"

/**
 * fm_iso_date_parse:
 * @text: (nullable): the text to read
 * @date: (out caller-allocates) (optional): the date read; cleared
 *   (invalid) when @text is not a date
 *
 * Reads exactly four digits of year, a hyphen, two of month, a hyphen and
 * two of day, nothing before or after, naming a day of the Gregorian
 * calendar (2024-02-29 is one, 2026-02-29 is not).
 *
 * Returns: whether @text is such a date
 */
gboolean
fm_iso_date_parse (const char *text,
                   GDate      *date)
{
  static const char pattern[] = "dddd-dd-dd";
  guint year = 0, month, day;

  if (date != NULL)
    g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  if (text[sizeof pattern - 1] != '\0')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (text[i] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}
