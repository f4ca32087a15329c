/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-xes.c: XES event logs read into observed data and drafted into a map,
 * checked against hand computations */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fm-discover.h"
#include "fm-event-log.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-xes.h"

#define H 3600.0

/* Three cases of two activities with start and complete events, all on
 * 2026-03-02 in UTC:
 *
 *   case   Review        gap     Approve        ends
 *   c1     09:00–10:00   2 h     12:00–12:30    12:30   lead 3.5 h
 *   c2     09:00–11:00   0.5 h   11:30–13:30    13:30   lead 4.5 h
 *   c3     10:00–13:00   4 h     17:00–18:00    18:00   lead 8 h
 *
 * Review's process time: 1, 2, 3 h → median 2 h; Approve's: 0.5, 2, 1 h →
 * median 1 h; the queue in front of Approve waits 2, 0.5, 4 h → median 2 h.
 * Each case ends in End at its last complete: one variant, 3 items, lead
 * time median 4.5 h. c3 also has a "schedule" event (left out, with a
 * warning), an event without a time (line 26) and one whose time is not
 * one (line 29), each left out and listed with its line.
 */
static const char three_cases[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"                                 /* 1 */
  "<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n"
  "  <global scope=\"event\"><string key=\"concept:name\" value=\"__INVALID__\"/></global>\n"
  "  <string key=\"concept:name\" value=\"approvals\"/>\n"
  "  <trace><string key=\"concept:name\" value=\"c1\"/>\n"                        /* 5 */
  "    <event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00.000+00:00\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"complete\"/><date key=\"time:timestamp\" value=\"2026-03-02T10:00:00.000+00:00\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T12:00:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"complete\"/><date key=\"time:timestamp\" value=\"2026-03-02T12:30:00Z\"/></event>\n"
  "  </trace>\n"                                                                 /* 10 */
  "  <trace><string key=\"concept:name\" value=\"c2\"/>\n"
  "    <!-- the events need not be in order of time -->\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"complete\"/><date key=\"time:timestamp\" value=\"2026-03-02T13:30:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"complete\"/><date key=\"time:timestamp\" value=\"2026-03-02T11:00:00Z\"/></event>\n" /* 15 */
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T11:30:00Z\"/></event>\n"
  "  </trace>\n"
  "  <trace>\n"
  "    <string key=\"concept:name\" value=\"c3\"><string key=\"concept:name\" value=\"nested, not the name\"/></string>\n"
  "    <event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\"START\"/><date key=\"time:timestamp\" value=\"2026-03-02T10:00:00Z\"/></event>\n" /* 20 */
  "    <event><string key=\"concept:name\" value=\"Review\"/><date key=\"time:timestamp\" value=\"2026-03-02T13:00:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"schedule\"/><date key=\"time:timestamp\" value=\"2026-03-02T14:00:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"start\"/><date key=\"time:timestamp\" value=\"2026-03-02T17:00:00Z\"/></event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/><string key=\"lifecycle:transition\" value=\"complete\"/><date key=\"time:timestamp\" value=\"2026-03-02T18:00:00Z\"/>\n"
  "      <string key=\"org:resource\" value=\"Pat\"/></event>\n"                  /* 25 */
  "    <event><string key=\"concept:name\" value=\"Approve\"/>\n"
  "    </event>\n"
  "    <event><string key=\"concept:name\" value=\"Approve\"/>\n"
  "      <date key=\"time:timestamp\" value=\"yesterday\"/></event>\n"
  "  </trace>\n"                                                                 /* 30 */
  "</log>\n";

static FmObservedLog *
read_xes (const char  *text,
          gsize        length,
          GArray     **roles,
          GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  FmXesOptions options;

  fm_xes_options_init (&options);
  options.time_zone = utc;

  return fm_xes_read_data ((const guint8 *) text, length, "test.xes", &options, roles, error);
}

static FmDiscovery *
discover (FmObservedLog *log,
          GArray        *roles)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  FmDiscoverOptions options;

  fm_discover_options_init (&options);
  options.time_zone = utc;
  options.roles = (const FmDiscoverRole *) (gpointer) roles->data;
  options.n_roles = roles->len;

  return fm_discover (log, &options);
}

static void
check_three_cases (FmObservedLog *log,
                   GArray        *roles)
{
  g_autoptr(FmDiscovery) discovery = discover (log, roles);
  static const char * const ids[] = { "trigger", "review", "waiting-for-approve", "approve", "outcome" };
  static const double medians[] = { NAN, 2 * H, 2 * H, 1 * H, NAN };
  const FmDiscoverVariant *variant;
  FmMap *map;
  FmNode *review, *approve, *wait;

  g_assert_cmpuint (fm_observed_log_get_n_items (log), ==, 3);
  g_assert_cmpuint (fm_observed_log_get_n_errors (log), ==, 2);
  g_assert_cmpuint (fm_observed_log_get_error (log, 0)->line, ==, 26);
  g_assert_cmpstr (fm_observed_log_get_error (log, 0)->message, ==,
                   "the event “Approve” has no time:timestamp and is left out");
  g_assert_cmpuint (fm_observed_log_get_error (log, 1)->line, ==, 29);
  g_assert_cmpstr (fm_observed_log_get_error (log, 1)->message, ==, "“yesterday” in time:timestamp is not a date and time");
  g_assert_cmpuint (fm_observed_log_get_n_warnings (log), ==, 1);
  g_assert_nonnull (strstr (fm_observed_log_get_warning (log, 0), "1 event of a lifecycle transition"));

  g_assert_cmpint (g_array_index (roles, FmDiscoverRole, fm_observed_log_lookup_state (log, "Review")), ==,
                   FM_DISCOVER_ROLE_ACTIVITY);
  g_assert_cmpint (g_array_index (roles, FmDiscoverRole, fm_observed_log_lookup_state (log, "Waiting for Approve")), ==,
                   FM_DISCOVER_ROLE_QUEUE);
  g_assert_cmpint (g_array_index (roles, FmDiscoverRole, fm_observed_log_lookup_state (log, "End")), ==,
                   FM_DISCOVER_ROLE_DONE);

  g_assert_cmpuint (fm_discovery_get_n_nodes (discovery), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const FmDiscoverNode *node = fm_discovery_get_node (discovery, i);

      g_assert_cmpstr (node->id, ==, ids[i]);
      if (isnan (medians[i]))
        g_assert_true (isnan (node->median_s));
      else
        g_assert_cmpfloat (node->median_s, ==, medians[i]);
    }
  g_assert_cmpstr (fm_discovery_get_node (discovery, 4)->label, ==, "End");

  map = fm_discovery_get_map (discovery);
  review = fm_map_lookup_node (map, "review");
  approve = fm_map_lookup_node (map, "approve");
  wait = fm_map_lookup_node (map, "waiting-for-approve");
  /* Touch time: process_s, with no in-step wait known. */
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (review)), ==, 2 * H);
  g_assert_false (fm_value_is_set (fm_process_step_get_lead_s (FM_PROCESS_STEP (review))));
  g_assert_cmpfloat (fm_process_step_get_process_s (FM_PROCESS_STEP (approve)), ==, 1 * H);
  g_assert_true (FM_IS_QUEUE (wait));
  g_assert_cmpfloat (fm_queue_get_wait_s (FM_QUEUE (wait)), ==, 2 * H);
  g_assert_cmpstr (fm_node_get_observed (review), ==, "observed 2026-03-02 – 2026-03-02, median of 3 items");

  g_assert_cmpuint (fm_discovery_get_n_variants (discovery), ==, 1);
  variant = fm_discovery_get_variant (discovery, 0);
  g_assert_cmpuint (variant->items, ==, 3);
  g_assert_cmpfloat (variant->lead_time_p50_s, ==, 4.5 * H);
  {
    g_autofree char *joined = g_strjoinv (" ", variant->states);

    g_assert_cmpstr (joined, ==, "Review Waiting for Approve Approve End");
  }
}

static void
test_start_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(FmObservedLog) log = read_xes (three_cases, strlen (three_cases), &roles, &error);

  g_assert_no_error (error);
  check_three_cases (log, roles);
}

static GBytes *
gzip (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* The same log gzipped, read through a file as `flowmap discover` reads
 * it: the kind by its name. */
static void
test_gzip (void)
{
  g_autoptr(GBytes) bytes = gzip (three_cases);
  g_autofree char *dir = g_dir_make_tmp ("flowmap-xes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cases.xes.gz", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(FmObservedLog) log = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (fm_event_log_kind_for_name (path), ==, FM_EVENT_LOG_XES);
  g_assert_cmpint (fm_event_log_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)), ==, FM_EVENT_LOG_XES);
  log = fm_event_log_load_file (file, FM_EVENT_LOG_AUTO, utc, &roles, &error);
  g_assert_no_error (error);
  check_three_cases (log, roles);

  g_remove (path);
  g_rmdir (dir);
}

/* Events with a complete only are state changes: Submitted 09:00,
 * Checked 10:00, Closed 12:00. Closed finishes items by its name: no End. */
static void
test_complete_only (void)
{
  static const char text[] =
    "<log><trace><string key=\"concept:name\" value=\"x\"/>"
    "<event><string key=\"concept:name\" value=\"Submitted\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>"
    "<event><string key=\"concept:name\" value=\"Checked\"/><date key=\"time:timestamp\" value=\"2026-03-02T10:00:00Z\"/></event>"
    "<event><string key=\"concept:name\" value=\"Closed\"/><date key=\"time:timestamp\" value=\"2026-03-02T12:00:00Z\"/></event>"
    "</trace><trace>"
    "<event><string key=\"concept:name\" value=\"Submitted\"/><date key=\"time:timestamp\" value=\"2026-03-03T09:00:00Z\"/></event>"
    "</trace></log>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(FmObservedLog) log = read_xes (text, strlen (text), &roles, &error);
  g_autoptr(FmDiscovery) discovery = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (fm_observed_log_get_n_states (log), ==, 4);
  g_assert_cmpint (fm_observed_log_lookup_state (log, "End"), >=, 0);
  g_assert_true (fm_observed_log_get_state_done (log, fm_observed_log_lookup_state (log, "Closed")));
  /* The second trace, without a name, is named by its place. */
  g_assert_cmpstr (fm_observed_log_get_item (log, 1)->id, ==, "trace 2");

  discovery = discover (log, roles);
  g_assert_cmpuint (fm_discovery_get_n_finished (discovery), ==, 2);
  g_assert_cmpuint (fm_discovery_get_n_variants (discovery), ==, 2);
  g_assert_cmpstr (fm_discovery_get_node (discovery, 1)->id, ==, "submitted");
  g_assert_cmpint (fm_discovery_get_node (discovery, 1)->kind, ==, FM_NODE_KIND_PROCESS);
  /* Submitted: 09:00 → Checked 10:00, and the second trace's, 0 s long
   * (End at the same time); Checked: 10:00 → Closed 12:00. */
  g_assert_cmpfloat (fm_discovery_get_node (discovery, 1)->median_s, ==, 0.5 * H);
  g_assert_cmpfloat (fm_discovery_get_node (discovery, 2)->median_s, ==, 2 * H);
  g_assert_cmpstr (fm_discovery_get_node (discovery, 3)->label, ==, "Closed / End");
}

static void
assert_bad (const char *text,
            gsize       length,
            int         code,
            const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FmObservedLog) log = read_xes (text, length, NULL, &error);

  g_assert_null (log);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, FM_XES_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "test.xes: "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_bad (void)
{
  static const char truncated_gzip_of[] = "<log><trace><event/></trace></log>";
  g_autoptr(GBytes) bytes = gzip (truncated_gzip_of);

  assert_bad ("<log>\n<trace>\n</log>\n", 21, FM_XES_ERROR_PARSE, "line 3");
  assert_bad ("<html></html>", 13, FM_XES_ERROR_PARSE, "not an XES <log>");
  assert_bad ("<log></log>", 11, FM_XES_ERROR_EMPTY, "no event");
  assert_bad ("", 0, FM_XES_ERROR_PARSE, "");
  assert_bad ("<log>\xff</log>", 12, FM_XES_ERROR_PARSE, "line 1");
  /* Cut short: the decompressor's error, after the file's name. */
  assert_bad (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) - 6, -1, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fm/xes/start-complete", test_start_complete);
  g_test_add_func ("/fm/xes/gzip", test_gzip);
  g_test_add_func ("/fm/xes/complete-only", test_complete_only);
  g_test_add_func ("/fm/xes/bad", test_bad);

  return g_test_run ();
}
