/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-xes.c: libFuzzer target for the XES reader and the discovery
 *
 * The bytes go the way `flowmap discover LOG.xes` takes them:
 * fm_xes_read_data() (plain or gzipped), then fm_discover() with the
 * roles the reader gave, and the draft saved. Every input must read or
 * give an error that starts with the file's name; what is read must keep
 * the promises of fm-observed-log.h and the draft must be a map that
 * saves and loads again.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fm-discover.h"
#include "fm-json.h"
#include "fm-xes.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define NAME "fuzz.xes"

static GTimeZone *time_zone;

static void
check_discovery (FmObservedLog *log,
                 GArray        *roles)
{
  g_autoptr(FmDiscovery) discovery = NULL;
  g_autoptr(FmDocument) document = fm_document_new ();
  g_autoptr(FmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FmDiscoverOptions options;
  gsize length;

  fm_discover_options_init (&options);
  options.time_zone = time_zone;
  options.roles = (const FmDiscoverRole *) (gpointer) roles->data;
  options.n_roles = roles->len;
  /* Every state, however rare, so that all of them are drawn. */
  options.min_share = 0;
  discovery = fm_discover (log, &options);

  g_assert_cmpuint (fm_discovery_get_n_finished (discovery), <=, fm_discovery_get_n_items (discovery));
  for (guint i = 0; i < fm_discovery_get_n_edges (discovery); i++)
    {
      const FmDiscoverEdge *edge = fm_discovery_get_edge (discovery, i);

      g_assert_true (edge->kind != FM_EDGE_KIND_REWORK || (edge->rate > 0 && edge->rate < 1));
    }

  fm_document_add_map (document, fm_discovery_get_map (discovery), 0);
  text = fm_json_save_to_data (document, &length);
  loaded = fm_json_load_data (text, length, "draft.flowmap", &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(FmObservedLog) log = NULL;
  FmXesOptions options;

  if (time_zone == NULL)
    {
      /* A zone with summer time, so that its gaps and repeats are reached. */
      time_zone = g_time_zone_new_identifier ("Europe/Berlin");
      if (time_zone == NULL)
        time_zone = g_time_zone_new_utc ();
    }

  fm_xes_options_init (&options);
  options.time_zone = time_zone;
  log = fm_xes_read_data (data, size, NAME, &options, &roles, &error);
  if (log == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, NAME ": "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, fm_observed_log_get_n_states (log));
  for (guint i = 0; i < fm_observed_log_get_n_items (log); i++)
    {
      const FmObservedItem *item = fm_observed_log_get_item (log, i);

      for (guint v = 0; v < item->visits->len; v++)
        {
          const FmObservedVisit *visit = &g_array_index (item->visits, FmObservedVisit, v);

          g_assert_cmpuint (visit->state, <, fm_observed_log_get_n_states (log));
          g_assert_true (visit->left == FM_OBSERVED_OPEN || visit->left >= visit->entered);
        }
    }
  check_discovery (log, roles);

  return 0;
}
