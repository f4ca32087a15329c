/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-observed-input.c: bytes made into observed data, for the fuzzers
 *
 * fuzz-csv.c reaches the figures only through what a CSV can say; these
 * bytes build the log directly, so that the figures meet what an import
 * lets through but rarely: many states or none, a state that finishes
 * items mapped to a step, times from 1970 to 9999 in any order, visits
 * with and without a recorded leaving, items of many types, a period cut
 * anywhere. The first byte chooses the options, then each visit takes
 * 8 bytes: item, state, type, how it left, and a time.
 */
#include "config.h"

#include <string.h>

#include "fuzz-observed-input.h"

/* 9999-12-31T23:59:59Z: the last second a date of the CSV import can be. */
#define LAST_SECOND G_GINT64_CONSTANT (253402300799)

static const char * const state_names[] = {
  "Backlog", "Refinement", "Ready for Dev", "In Development", "Awaiting Security Review",
  "Security Review", "Waiting for Environment", "Integration Testing", "Ready for Release",
  "Releasing", "Done", "Blocked", "QA", "To Do", "Something else", "Shipped",
};

static const char * const type_names[] = { "feature", "defect", "risk", NULL };

static FmDocument *document;
static GTimeZone *time_zone;

void
fuzz_observed_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (FLOWMAP_EXAMPLES, "release.flowmap", NULL);
  g_autofree char *text = NULL;
  gsize length;

  if (document != NULL)
    return;
  /* A zone with summer time, so that its gaps and repeats are reached. */
  time_zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (time_zone == NULL)
    time_zone = g_time_zone_new_utc ();
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  document = fm_json_load_data (text, length, "release.flowmap", &error);
  g_assert_no_error (error);
}

/* A time packed in 4 bytes and the knobs: mostly near one another, as
 * data are; sometimes anywhere up to 9999. */
static gint64
time_of (const uint8_t *b,
         gboolean       anywhere)
{
  guint32 v = (guint32) b[0] << 24 | (guint32) b[1] << 16 | (guint32) b[2] << 8 | b[3];

  if (anywhere && (v & 1))
    return (gint64) (((guint64) v * 59) % (guint64) LAST_SECOND);
  /* From 2026-03-02 on, to the minute, over about eight years. */
  return G_GINT64_CONSTANT (1772409600) + (gint64) (v >> 8) * 15;
}

void
fuzz_observed_build (FuzzObserved  *f,
                     const uint8_t *data,
                     size_t         size)
{
  FmObservedOptions options;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  const char * const only_defects[] = { "defect", NULL };
  guint n_states, states[G_N_ELEMENTS (state_names)];
  uint8_t knobs = size > 0 ? data[0] : 0;

  memset (f, 0, sizeof *f);
  f->knobs = knobs;
  f->map = fm_document_get_map (document, 0);
  f->log = fm_observed_log_new ();

  n_states = 1 + (knobs & 0x0f);
  for (guint s = 0; s < n_states; s++)
    {
      states[s] = fm_observed_log_add_state (f->log, state_names[s]);
      if (g_str_equal (state_names[s], "Done") || g_str_equal (state_names[s], "Shipped"))
        fm_observed_log_set_state_done (f->log, states[s], TRUE);
    }

  for (size_t at = 1; at + 8 <= size; at += 8)
    {
      const uint8_t *v = data + at;
      g_autofree char *item = g_strdup_printf ("ITEM-%u", v[0] % 64);
      const char *type = type_names[v[2] % G_N_ELEMENTS (type_names)];
      gint64 entered = time_of (v + 4, knobs & 0x40);
      gint64 left = v[3] < 128 ? FM_OBSERVED_OPEN : entered + (gint64) (v[3] - 128) * 3600;

      fm_observed_log_add_visit (f->log, item, type, states[v[1] % n_states], entered, left,
                                 (guint) (at / 8) + 1);
    }
  fm_observed_log_seal (f->log);

  f->mapping = fm_observed_mapping_new (f->log, f->map);
  /* A state that finishes items mapped to a step, as a user may. */
  if ((knobs & 0x10) && n_states > 3)
    fm_observed_mapping_set (f->mapping, f->map, state_names[3], "release", NULL);

  fm_observed_options_init (&options);
  options.time_zone = time_zone;
  if ((knobs & 0x20) && size >= 9)
    {
      /* A period cut out of the data: from the first visit's time, to
       * a time that may come before it. */
      from = g_date_time_new_from_unix_utc (time_of (data + 5, FALSE));
      to = g_date_time_new_from_unix_utc (time_of (data + size - 4, FALSE));
      options.from = from;
      options.to = to;
    }
  if (knobs & 0x80)
    options.types = only_defects;

  f->observed = fm_observed_compute (f->log, f->mapping, f->map, &options);
  g_assert_nonnull (f->observed);
  f->series = fm_observed_series_compute (f->log, f->mapping, f->map, f->observed, &options);
  g_assert_nonnull (f->series);
}

void
fuzz_observed_clear (FuzzObserved *f)
{
  g_clear_pointer (&f->series, fm_observed_series_unref);
  g_clear_pointer (&f->observed, fm_observed_unref);
  g_clear_pointer (&f->mapping, fm_observed_mapping_unref);
  g_clear_pointer (&f->log, fm_observed_log_unref);
}
