/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: German for people, the C locale for files
 *
 * Needs the de_DE.UTF-8 locale (Debian: build-aux/install-deps makes it)
 * and skips without it. The translations come from the build tree
 * (build/po/de/LC_MESSAGES/flowmap.mo), as FLOWMAP_LOCALEDIR gives them to
 * the app in tests/gui/test-german.py.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "fm-duration.h"
#include "fm-json.h"

#define HOUR 3600.0
#define DAY 86400.0
#define WORK_DAY 28800.0

static const char *german = "de_DE.UTF-8";

/* Switches every category to German; FALSE (and the test skipped) when the
 * system lacks the locale. */
static gboolean
use_german (void)
{
  if (setlocale (LC_ALL, german) == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8");
      return FALSE;
    }

  return TRUE;
}

static void
use_c (void)
{
  setlocale (LC_ALL, "C");
}

static void
test_translation (void)
{
  if (!use_german ())
    return;

  /* gettext reads LANGUAGE only where LC_MESSAGES is not C. */
  g_setenv ("LANGUAGE", "de", TRUE);

  g_assert_cmpstr (_("Lead time"), ==, "Durchlaufzeit");
  g_assert_cmpstr (_("Flow efficiency"), ==, "Flusseffizienz");
  g_assert_cmpstr (C_("duration unit", "d"), ==, "Tg");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u experiment", "%u experiments", 1), ==, "%u Experiment");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u experiment", "%u experiments", 3), ==, "%u Experimente");

  g_unsetenv ("LANGUAGE");
  use_c ();
}

/* Durations read in German and parse back, with the decimal comma and the
 * German units; the English ones still work. */
static void
test_durations (void)
{
  static const struct {
    double seconds;
    double day_length;
    const char *text;
  } cases[] = {
    { 2.5, DAY, "2,5 s" },
    { 4.5 * HOUR, DAY, "4 h 30 min" },
    { 3 * DAY + 4 * HOUR, DAY, "3 Tg 4 h" },
    /* 8 weeks of 5 working days of 8 h */
    { 8 * 5 * WORK_DAY, WORK_DAY, "8 Wo" },
  };
  static const struct {
    const char *text;
    double seconds;
  } typed[] = {
    { "1,5 h", 1.5 * HOUR },
    { "1.5 h", 1.5 * HOUR },
    { "2 Std", 2 * HOUR },
    { "2 Stunden 30 Minuten", 2.5 * HOUR },
    { "3 Tage", 3 * DAY },
    { "1,5 Wo", 1.5 * 7 * DAY },
    { "2 Wochen", 14 * DAY },
    { "45 Min", 45 * 60.0 },
    { "2h 30m", 2.5 * HOUR },
  };
  double seconds = 0;

  if (!use_german ())
    return;
  g_setenv ("LANGUAGE", "de", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fm_duration_format (cases[i].seconds, cases[i].day_length);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (fm_duration_parse (text, cases[i].day_length, &seconds));
      g_assert_cmpfloat_with_epsilon (seconds, cases[i].seconds, 1e-6);
    }

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("typed: %s", typed[i].text);
      g_assert_true (fm_duration_parse (typed[i].text, DAY, &seconds));
      g_assert_cmpfloat_with_epsilon (seconds, typed[i].seconds, 1e-6);
    }

  g_unsetenv ("LANGUAGE");
  use_c ();
}

static void
test_numbers (void)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  {
    g_autofree char *c_text = fm_format_decimal ("%.1f", 7.94);

    g_assert_cmpstr (c_text, ==, "7.9");
  }

  if (!use_german ())
    return;

  {
    g_autofree char *text = fm_format_decimal ("%.1f", 7.94);
    g_autofree char *whole = fm_format_decimal ("%.0f", 1234);
    g_autofree char *general = fm_format_decimal ("%.6g", 0.25);

    g_assert_cmpstr (text, ==, "7,9");
    /* No grouping of thousands: "1.234" would read as a decimal. */
    g_assert_cmpstr (whole, ==, "1234");
    g_assert_cmpstr (general, ==, "0,25");
  }
  g_assert_cmpstr (fm_locale_formatd (buffer, sizeof buffer, "%.2f", -0.5), ==, "-0,50");

  use_c ();
}

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release.flowmap", NULL);
}

static char *
save_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FmDocument) document = fm_json_load_file (file, &error);

  g_assert_no_error (error);
  return fm_json_save_to_data (document, NULL);
}

/* The file format is the same whatever the locale: loaded and saved in
 * German, the example is byte for byte what it is in C. */
static void
test_save (void)
{
  g_autofree char *in_c = NULL;
  g_autofree char *in_german = NULL;

  use_c ();
  in_c = save_example ();
  /* The example has fractions that a German printf would write with a
   * comma. */
  g_assert_nonnull (strstr (in_c, "\"demand_per_day\": 0.14285714285714285,"));

  if (!use_german ())
    return;
  in_german = save_example ();
  use_c ();

  g_assert_cmpstr (in_german, ==, in_c);
}

/* Runs the app with @locale for numbers and dates (the messages in C) and
 * returns what it printed. */
static char *
run_flowmap (const char  *locale,
             const char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  char *out = NULL;
  int status = 0;

  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "LANG", "C", TRUE);
  envp = g_environ_setenv (envp, "LC_NUMERIC", locale, TRUE);
  envp = g_environ_setenv (envp, "LC_TIME", locale, TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("FLOWMAP_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return out;
}

/* What the commands print for programs is the same in a German locale;
 * what they print for people takes its comma. */
static void
test_cli (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *csv = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release-observed.csv", NULL);
  const char *metrics_json[] = { "metrics", "--json", path, NULL };
  /* --to: the age of work in progress is counted to then, not to now. */
  const char *observe_json[] = { "observe", "--json", "--to", "2026-11-20", "--csv", csv, path, NULL };
  const char *compare_json[] = { "compare", "--json", path, NULL };
  const char *fmt[] = { "fmt", path, NULL };
  const char *metrics_text[] = { "metrics", path, NULL };
  const char **machine[] = { metrics_json, observe_json, compare_json, fmt };

  if (setlocale (LC_NUMERIC, german) == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8");
      return;
    }
  use_c ();

  for (guint i = 0; i < G_N_ELEMENTS (machine); i++)
    {
      g_autofree char *in_c = run_flowmap ("C", machine[i]);
      g_autofree char *in_german = run_flowmap (german, machine[i]);

      g_test_message ("flowmap %s", machine[i][0]);
      /* Fractions are there to be written one way or the other. */
      g_assert_nonnull (strstr (in_c, "0."));
      g_assert_cmpstr (in_german, ==, in_c);
    }

  {
    g_autofree char *in_c = run_flowmap ("C", metrics_text);
    g_autofree char *in_german = run_flowmap (german, metrics_text);

    /* Flow efficiency 3.1 % in the example */
    g_assert_nonnull (strstr (in_c, "3.1 %"));
    g_assert_nonnull (strstr (in_german, "3,1 %"));
  }
}

/* The columns of `flowmap discover` line up in German too: the kind
 * column is as wide as its longest word ("Warteschlange", 13 letters,
 * where the English words take 7), so the figures of every node of the
 * main line start at the same character. */
static void
test_cli_columns (void)
{
  g_autofree char *csv = g_build_filename (g_getenv ("FLOWMAP_EXAMPLES"), "release-observed.csv", NULL);
  const char *argv[] = { g_getenv ("FLOWMAP_BIN"), "discover", csv, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  int status = 0, column = -1;
  guint checked = 0;
  gboolean main_line = FALSE;

  if (setlocale (LC_ALL, german) == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8");
      return;
    }
  use_c ();

  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_setenv (envp, "LANG", german, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);
  /* The catalogue of the build, as main() binds it: build/tests → build/po */
  envp = g_environ_setenv (envp, "FLOWMAP_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (out, "Warteschlange"));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree gunichar *chars = NULL;
      glong n, at = 36;

      if (g_str_equal (lines[i], "Hauptlinie:"))
        {
          main_line = TRUE;
          continue;
        }
      if (!main_line)
        continue;
      if (lines[i][0] == '\0')
        break;

      /* Two spaces, the label in 34 characters, the kind, its padding. */
      chars = g_utf8_to_ucs4 (lines[i], -1, NULL, &n, NULL);
      g_assert_nonnull (chars);
      while (at < n && chars[at] != ' ')
        at++;
      while (at < n && chars[at] == ' ')
        at++;
      g_test_message ("%ld: %s", at, lines[i]);
      if (column < 0)
        column = at;
      g_assert_cmpint (at, ==, column);
      checked++;
    }
  /* The trigger, five queues, five steps and the outcome. */
  g_assert_cmpuint (checked, ==, 12);
  g_assert_cmpint (column, ==, 2 + 34 + 13 + 1);
}

/* @n with @decimals digits after the point, as people type it in the
 * current locale: its decimal separator, and when @grouped its other
 * separator between thousands ("1,234,567.25"; "1.234.567,25" in German). */
static char *
typed_number (guint64  whole,
              guint    fraction,
              guint    decimals,
              gboolean grouped)
{
  char decimal = localeconv ()->decimal_point[0] == ',' ? ',' : '.';
  char group = decimal == ',' ? '.' : ',';
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (grouped && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, group);
      g_string_append_c (text, digits[i]);
    }
  if (decimals > 0)
    g_string_append_printf (text, "%c%0*u", decimal, (int) decimals, fraction);

  return g_string_free (text, FALSE);
}

/* Property: thousands of numbers, typed with and without the grouping of
 * thousands, in English (C: "55,200.5") and German ("55.200,5"), read
 * back as the same number, alone and as durations of every unit. */
static void
check_typed_numbers (void)
{
  static const struct { const char *unit; double seconds; } units[] = {
    { "s", 1 }, { "min", 60 }, { "h", 3600 }, { "d", 86400 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (24);

  for (guint i = 0; i < 4000; i++)
    {
      /* Up to 10^7 - 1, most of them with four digits or more */
      guint64 whole = g_rand_int_range (rand, 0, 10000000);
      guint decimals = g_rand_int_range (rand, 0, 3);
      guint fraction = decimals == 0 ? 0 : g_rand_int_range (rand, 0, decimals == 1 ? 10 : 100);
      gboolean grouped = whole >= 1000 && g_rand_boolean (rand);
      double expected = whole + fraction / (decimals == 2 ? 100.0 : 10.0);
      g_autofree char *number = typed_number (whole, fraction, decimals, grouped);
      guint u = g_rand_int_range (rand, 0, G_N_ELEMENTS (units));
      g_autofree char *duration = g_strdup_printf ("%s %s", number, units[u].unit);
      const char *end = number;
      double value = -1;

      if (decimals == 0)
        expected = whole;
      g_assert_true (fm_number_parse_prefix (&end, FALSE, &value));
      g_assert_cmpstr (end, ==, "");
      g_assert_cmpfloat_with_epsilon (value, expected, 1e-6);
      if (!fm_duration_parse (duration, 86400, &value))
        g_error ("\"%s\" does not read as a duration", duration);
      g_assert_cmpfloat_with_epsilon (value, expected * units[u].seconds, 1e-3);
    }
}

/* Ambiguous text is refused, never read as another number. */
static void
check_refused (const char *const *texts)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      const char *end = texts[i];
      double value;

      g_test_message ("refused: %s", texts[i]);
      g_assert_false (fm_duration_parse (texts[i], 86400, NULL));
      g_assert_false (fm_number_parse_prefix (&end, FALSE, &value) && *end == '\0');
    }
}

static void
test_typed_numbers (void)
{
  /* 0,125 and 1234,567 could be decimals or a mistyped group; 1,500,5 and
   * 1,500.5.5 are groups that go wrong: refused in English... */
  static const char *english[] = { "0,125 s", "1234,567 s", "1,500,5 s", "12,345,67 s", "1,2,3 s", NULL };
  /* ...and their German twins */
  static const char *german_texts[] = { "0.125 s", "1234.567 s", "1.500.5 s", "12.345.67 s", NULL };
  double seconds;

  use_c ();
  /* The Available Time: 55,200 s, not 55 s */
  g_assert_true (fm_duration_parse ("55,200 s", 86400, &seconds));
  g_assert_cmpfloat (seconds, ==, 55200);
  /* A comma that cannot group thousands is a decimal, as before: 1.5 w */
  g_assert_true (fm_duration_parse ("1,5 w", 86400, &seconds));
  g_assert_cmpfloat (seconds, ==, 1.5 * 7 * 86400);
  check_typed_numbers ();
  check_refused (english);

  if (!use_german ())
    return;
  g_assert_true (fm_duration_parse ("55.200 s", 86400, &seconds));
  g_assert_cmpfloat (seconds, ==, 55200);
  g_assert_true (fm_duration_parse ("1.5 h", 86400, &seconds));
  g_assert_cmpfloat (seconds, ==, 5400);
  check_typed_numbers ();
  check_refused (german_texts);
  use_c ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* build/tests → build/po */
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/fm/i18n/translation", test_translation);
  g_test_add_func ("/fm/i18n/durations", test_durations);
  g_test_add_func ("/fm/i18n/numbers", test_numbers);
  g_test_add_func ("/fm/i18n/typed-numbers", test_typed_numbers);
  g_test_add_func ("/fm/i18n/save", test_save);
  g_test_add_func ("/fm/i18n/cli", test_cli);
  g_test_add_func ("/fm/i18n/cli-columns", test_cli_columns);

  return g_test_run ();
}
