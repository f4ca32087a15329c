/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-observed-log-plausible.c: where the data plausibly ends, and what is said of times after it
 *
 * A sentinel date (9999-12-31) or a typo (2062 for 2026) would stretch the
 * period over decades; fm_observed_log_seal() leaves such times out and
 * reports them with their lines. The rule is in docs/observed.md.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-observed"

#include <glib/gi18n-lib.h>

#include "fm-observed-log.h"
#include "fm-observed-private.h"

/* "2062-03-02" in the log's time zone; @t is within the years 1 to 9999. */
static char *
format_day (GTimeZone *tz,
            gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* "36 years", or in days when under two years. */
static char *
format_gap (gint64 seconds)
{
  gint64 days = seconds / 86400;
  gint64 years = (gint64) (days / 365.2425 + 0.5);
  /* The number as text: xgettext cannot read "%" G_GINT64_FORMAT, and
   * left the plural untranslatable. */
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, years >= 2 ? years : days);
  gulong n = (gulong) MIN (years >= 2 ? years : days, G_MAXLONG);

  if (years >= 2)
    /* Translators: how far a date is after the others, as in "36 years" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", n), count);

  /* Translators: how far a date is after the others, as in "40 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n), count);
}

/**
 * fm_observed_log_report_implausible:
 * @tz: (nullable): the time zone of the dates said; %NULL: UTC
 * @item: (nullable): the item whose visit of @state ends at @t; %NULL: @t
 *   is an entry
 *
 * Adds the error of a time after the data's plausible end.
 */
void
fm_observed_log_report_implausible (FmObservedLog *self,
                                    GTimeZone     *tz,
                                    guint          line,
                                    const char    *item,
                                    const char    *state,
                                    gint64         t,
                                    gint64         plausible_end)
{
  g_autofree char *day = format_day (tz, t);
  g_autofree char *gap = format_gap (t - plausible_end);
  g_autofree char *end = format_day (tz, plausible_end);

  if (item == NULL)
    fm_observed_log_add_error (self, line,
                               _("%s is after every other event by %s (the others end on %s): left out"),
                               day, gap, end);
  else
    fm_observed_log_add_error (self, line,
                               _("item “%s” leaves “%s” on %s, after every other event by %s "
                                 "(the others end on %s): the time it left is left out"),
                               item, state, day, gap, end);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a, tb = *(const gint64 *) b;

  return (ta > tb) - (ta < tb);
}

/* The last time of the data that is plausible: where the times, in order,
 * jump by more than a year and fewer of them come after the jump than
 * before it, the ones after it are a sentinel (9999-12-31) or a typo
 * (2062 for 2026). The first such jump counts. G_MAXINT64 when none. */
gint64
fm_observed_log_find_plausible_end (FmObservedLog *self)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                               fm_observed_log_get_n_visits (self) * 2);

  for (guint i = 0; i < fm_observed_log_get_n_items (self); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (self, i);

      for (guint j = 0; j < item->visits->len; j++)
        {
          const FmObservedVisit *visit = &g_array_index (item->visits, FmObservedVisit, j);

          g_array_append_val (times, visit->entered);
          if (visit->left != FM_OBSERVED_OPEN)
            g_array_append_val (times, visit->left);
        }
    }
  g_array_sort (times, compare_times);

  for (guint i = 1; i < times->len; i++)
    {
      gint64 before = g_array_index (times, gint64, i - 1);

      if (g_array_index (times, gint64, i) - before > FM_OBSERVED_PLAUSIBLE_GAP && times->len - i < i)
        return before;
    }

  return G_MAXINT64;
}
