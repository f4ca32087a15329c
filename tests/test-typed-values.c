/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-typed-values.c: what people type into the inspector reads back
 *
 * A property test of the inspector's fields (fm-inspector-fields.c): for
 * thousands of durations and counts, drawn with a seeded g_rand, the text a
 * person would type for them, in English and in German (the locale's
 * thousands separator or none, the decimal point or comma, unit symbols
 * and words, spaces or none, a unit word after a count), reads back as the
 * same value. Text that could be read two ways is refused, never guessed.
 *
 * The rule, in one place (fm_number_parse_prefix()): the locale's decimal
 * separator is the decimal separator, and the other of '.' and ',' groups
 * thousands when exactly three digits follow it and one to three (not a
 * lone 0) come before it. So "4,140" is 4140 in English and 4.14 in
 * German; "1,5" is no count in English and "1.5" none in German (neither
 * groups thousands right, nor is the locale's decimal). A duration, where
 * both are decimal separators when they cannot group thousands, reads
 * "1,5 h" as an hour and a half in English too: it cannot be read another
 * way. "0,125" and "1234,567" (English) and "1,500,5" are refused
 * everywhere: they could be grouped but are not grouped right.
 *
 * German needs the de_DE.UTF-8 locale and the build's catalogs (build/po)
 * for its unit words; without the locale it is skipped.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>

#include "fm-duration.h"
#include "fm-inspector-fields.h"
#include "fm-limits.h"
#include "fm-node.h"

#define N_CASES 4000

typedef struct {
  const char *name;
  char decimal;
  char group;
  /* Per unit, from weeks to seconds: what people type, "|"-separated. */
  const char *units[5];
  const char *count_words;
} Language;

static const Language english = {
  "C.UTF-8", '.', ',',
  { "w|wk|wks|week|weeks", "d|day|days", "h|hr|hrs|hour|hours",
    "min|mins|minute|minutes|m", "s|sec|secs|second|seconds" },
  "pcs|pieces|items|units|parts|pc",
};

static const Language german = {
  "de_DE.UTF-8", ',', '.',
  { "wo|woche|wochen|w|Wo", "t|tg|tag|tage|Tg", "std|stunde|stunden|h",
    "min|minute|minuten", "s|sek|sekunde|sekunden" },
  "stück|Stück|stk|teile|einheiten",
};

static guint
field_index (const char *property)
{
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (g_str_equal (fm_inspector_fields[i].property, property))
      return i;
  g_assert_not_reached ();
}

static const char *
pick (GRand      *rand,
      const char *choices,
      GStrv      *keep)
{
  *keep = g_strsplit (choices, "|", -1);
  return (*keep)[g_rand_int_range (rand, 0, g_strv_length (*keep))];
}

/* @integer as a person writes it: with the locale's thousands separator
 * when @grouped, else its digits alone. */
static void
append_integer (GString        *text,
                guint64         integer,
                gboolean        grouped,
                const Language *language)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, integer);
  gsize len = strlen (digits);

  for (gsize k = 0; k < len; k++)
    {
      if (grouped && k > 0 && (len - k) % 3 == 0)
        g_string_append_c (text, language->group);
      g_string_append_c (text, digits[k]);
    }
}

/* A number with up to two decimals, as typed; its value in @value. */
static void
append_number (GString        *text,
               GRand          *rand,
               guint64         max,
               gboolean        decimals,
               const Language *language,
               double         *value)
{
  /* As many small numbers as large ones: a digit count first. */
  double top = MIN ((double) max, pow (10, g_rand_int_range (rand, 1, (int) log10 ((double) max) + 1)));
  guint64 integer = (guint64) g_rand_double_range (rand, 0, top);
  guint n_decimals = decimals ? g_rand_int_range (rand, 0, 3) : 0;
  guint fraction = n_decimals == 0 ? 0 : g_rand_int_range (rand, 0, n_decimals == 1 ? 10 : 100);

  append_integer (text, integer, integer >= 1000 && g_rand_boolean (rand), language);
  if (n_decimals > 0)
    g_string_append_printf (text, "%c%0*u", language->decimal, (int) n_decimals, fraction);
  *value = integer + fraction / (n_decimals == 1 ? 10.0 : 100.0);
}

static GParamSpec *
pspec_of (FmNodeKind  kind,
          const char *property)
{
  g_autoptr(FmNode) node = fm_node_new (kind, "n");

  return g_object_class_find_property (G_OBJECT_GET_CLASS (node), property);
}

static gboolean
reads (guint       field,
       GParamSpec *pspec,
       const char *text,
       double      day_length,
       double     *number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  if (!fm_inspector_field_parse (field, pspec, text, day_length, &value))
    return FALSE;
  *number = g_value_get_double (&value);
  return TRUE;
}

static void
assert_reads_as (guint       field,
                 GParamSpec *pspec,
                 const char *text,
                 double      day_length,
                 double      expected)
{
  double got = -1;

  if (!reads (field, pspec, text, day_length, &got))
    g_error ("“%s” (%s) was refused; it is %.17g", text, setlocale (LC_NUMERIC, NULL), expected);
  if (fabs (got - expected) > 1e-9 * MAX (1, expected))
    g_error ("“%s” (%s) read as %.17g, not %.17g", text, setlocale (LC_NUMERIC, NULL), got, expected);
}

static void
assert_refused (guint       field,
                GParamSpec *pspec,
                const char *text)
{
  double got;

  if (reads (field, pspec, text, FM_DEFAULT_DAY_LENGTH_S, &got))
    g_error ("“%s” (%s) is ambiguous but read as %.17g", text, setlocale (LC_NUMERIC, NULL), got);
}

static gboolean
use_language (const Language *language)
{
  if (setlocale (LC_ALL, language->name) != NULL)
    return TRUE;
  g_test_skip_printf ("no %s locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8", language->name);
  return FALSE;
}

static void
check_durations (gconstpointer data)
{
  const Language *language = data;
  guint field = field_index ("process-s");
  GParamSpec *pspec = pspec_of (FM_NODE_KIND_PROCESS, "process-s");
  g_autoptr(GRand) rand = g_rand_new_with_seed (24);

  if (!use_language (language))
    return;

  for (guint n = 0; n < N_CASES; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      double day_length = g_rand_boolean (rand) ? FM_DEFAULT_DAY_LENGTH_S : 8 * 3600.0;
      double seconds[5] = { fm_duration_week_length (day_length), day_length, 3600, 60, 1 };
      guint unit = g_rand_int_range (rand, 0, 5);
      double number, expected;
      g_auto(GStrv) words = NULL;
      const char *word = pick (rand, language->units[unit], &words);

      append_number (text, rand, unit <= 1 ? 10000 : 1000000, TRUE, language, &number);
      expected = number * seconds[unit];
      g_string_append (text, g_rand_boolean (rand) ? " " : "");
      g_string_append (text, word);

      /* A second, smaller part, as "2 h 30 min". */
      if (unit < 4 && g_rand_boolean (rand))
        {
          guint minor = unit + 1;
          guint amount = g_rand_int_range (rand, 1, 60);
          g_auto(GStrv) minor_words = NULL;

          g_string_append_printf (text, " %u%s%s", amount, g_rand_boolean (rand) ? " " : "",
                                  pick (rand, language->units[minor], &minor_words));
          expected += amount * seconds[minor];
        }

      if (expected > FM_MAX_SECONDS)
        continue;
      if (n < 8)
        g_test_message ("“%s” is %.17g s", text->str, expected);
      assert_reads_as (field, pspec, text->str, day_length, expected);
    }
  setlocale (LC_ALL, "C");
}

static void
check_counts (gconstpointer data)
{
  const Language *language = data;
  guint items = field_index ("items");
  GParamSpec *items_pspec = pspec_of (FM_NODE_KIND_QUEUE, "items");
  g_autoptr(GRand) rand = g_rand_new_with_seed (4140);

  if (!use_language (language))
    return;

  for (guint n = 0; n < N_CASES; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      double number;

      append_number (text, rand, g_rand_boolean (rand) ? 100000 : 10000000000, g_rand_boolean (rand),
                     language, &number);
      if (g_rand_boolean (rand))
        {
          g_auto(GStrv) words = NULL;

          g_string_append_c (text, ' ');
          g_string_append (text, pick (rand, language->count_words, &words));
        }
      if (n < 8)
        g_test_message ("“%s” is %.17g", text->str, number);
      assert_reads_as (items, items_pspec, text->str, FM_DEFAULT_DAY_LENGTH_S, number);
    }
  setlocale (LC_ALL, "C");
}

/* Numbers that could be read two ways, or whose grouping is wrong. */
static void
check_ambiguous (gconstpointer data)
{
  const Language *language = data;
  guint process = field_index ("process-s");
  guint items = field_index ("items");
  GParamSpec *process_pspec = pspec_of (FM_NODE_KIND_PROCESS, "process-s");
  GParamSpec *items_pspec = pspec_of (FM_NODE_KIND_QUEUE, "items");
  g_autoptr(GRand) rand = g_rand_new_with_seed (55200);
  char g = language->group, d = language->decimal;

  if (!use_language (language))
    return;

  for (guint n = 0; n < N_CASES; n++)
    {
      guint lead = g_rand_int_range (rand, 1, 1000);
      guint three = g_rand_int_range (rand, 0, 1000);
      g_autofree char *lone_zero = g_strdup_printf ("0%c%03u", g, three);
      g_autofree char *too_long = g_strdup_printf ("%u%c%03u", 1000 + lead, g, three);
      g_autofree char *groups_then_group = g_strdup_printf ("%u%c%03u%c%u", lead, g, three, g,
                                                            g_rand_int_range (rand, 0, 100));
      g_autofree char *four_after = g_strdup_printf ("%u%c%04u", lead, g, g_rand_int_range (rand, 0, 10000));
      /* A count with the other separator where it cannot group: "1,5" in English. */
      g_autofree char *not_decimal = g_strdup_printf ("%u%c%u", lead, g, g_rand_int_range (rand, 0, 100));
      g_autofree char *duration = NULL;

      assert_refused (items, items_pspec, lone_zero);
      assert_refused (items, items_pspec, too_long);
      assert_refused (items, items_pspec, groups_then_group);
      assert_refused (items, items_pspec, four_after);
      assert_refused (items, items_pspec, not_decimal);

      duration = g_strdup_printf ("%s h", lone_zero);
      assert_refused (process, process_pspec, duration);
      g_free (duration);
      duration = g_strdup_printf ("%s min", too_long);
      assert_refused (process, process_pspec, duration);
      g_free (duration);
      duration = g_strdup_printf ("%s s", groups_then_group);
      assert_refused (process, process_pspec, duration);
      g_free (duration);
      /* Two decimal separators. */
      duration = g_strdup_printf ("%u%c%u%c%u h", lead, d, three, d, lead);
      assert_refused (process, process_pspec, duration);
    }
  setlocale (LC_ALL, "C");
}

/* The issue's own examples, each way round. */
static void
test_examples (void)
{
  guint process = field_index ("process-s");
  guint available = field_index ("available-time-s");
  guint items = field_index ("items");
  GParamSpec *process_pspec = pspec_of (FM_NODE_KIND_PROCESS, "process-s");
  GParamSpec *items_pspec = pspec_of (FM_NODE_KIND_QUEUE, "items");

  setlocale (LC_ALL, english.name);
  assert_reads_as (available, process_pspec, "55,200 s", FM_DEFAULT_DAY_LENGTH_S, 55200);
  assert_reads_as (items, items_pspec, "4,140", FM_DEFAULT_DAY_LENGTH_S, 4140);
  assert_reads_as (items, items_pspec, "6992 pcs", FM_DEFAULT_DAY_LENGTH_S, 6992);
  assert_reads_as (items, items_pspec, "6,992 pieces", FM_DEFAULT_DAY_LENGTH_S, 6992);
  assert_reads_as (items, items_pspec, "12 items", FM_DEFAULT_DAY_LENGTH_S, 12);
  assert_reads_as (process, process_pspec, "2.5 h", FM_DEFAULT_DAY_LENGTH_S, 9000);
  /* Not a grouping: a duration reads the comma as a decimal separator. */
  assert_reads_as (process, process_pspec, "1,5 h", FM_DEFAULT_DAY_LENGTH_S, 5400);
  assert_refused (items, items_pspec, "1,5");
  assert_refused (items, items_pspec, "3 h");

  if (!use_language (&german))
    return;
  assert_reads_as (available, process_pspec, "55.200 s", FM_DEFAULT_DAY_LENGTH_S, 55200);
  assert_reads_as (items, items_pspec, "4.140", FM_DEFAULT_DAY_LENGTH_S, 4140);
  assert_reads_as (items, items_pspec, "4,140", FM_DEFAULT_DAY_LENGTH_S, 4.14);
  assert_reads_as (items, items_pspec, "40 Stück", FM_DEFAULT_DAY_LENGTH_S, 40);
  assert_reads_as (process, process_pspec, "2,5 h", FM_DEFAULT_DAY_LENGTH_S, 9000);
  assert_reads_as (process, process_pspec, "2,5 Std", FM_DEFAULT_DAY_LENGTH_S, 9000);
  assert_refused (items, items_pspec, "1.5");
  setlocale (LC_ALL, "C");
}

/* What a field shows reads back as the value it shows: 1 ÷ 7 a day is
 * 0.14285714285714285 (six digits, 0.142857, would be 1.4 × 10⁻⁷ less
 * after a field is edited and left), 2 stays 2, and 1,234,567 items, which
 * "%.6g" writes 1.23457e+06, are 1234567. */
static void
test_shown_reads_back (void)
{
  guint demand = field_index ("demand-per-day");
  guint items = field_index ("items");
  GParamSpec *items_pspec = pspec_of (FM_NODE_KIND_QUEUE, "items");
  static const struct { double value; const char *text; } cases[] = {
    { 1.0 / 7, "0.14285714285714285" },
    { 2, "2" },
    { 0.5, "0.5" },
    { 1234567, "1234567" },
  };

  setlocale (LC_ALL, english.name);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, cases[i].value);
      text = fm_inspector_field_format (demand, &value, FM_DEFAULT_DAY_LENGTH_S);
      g_assert_cmpstr (text, ==, cases[i].text);
      assert_reads_as (items, items_pspec, text, FM_DEFAULT_DAY_LENGTH_S, cases[i].value);
    }
  setlocale (LC_ALL, "C");
}

/* A refused field says what it takes, with the locale's numbers. */
static void
test_hints (void)
{
  g_autofree char *duration = NULL;
  g_autofree char *count = NULL;

  setlocale (LC_ALL, english.name);
  duration = fm_inspector_field_hint (field_index ("process-s"));
  count = fm_inspector_field_hint (field_index ("items"));
  g_assert_cmpstr (duration, ==, "Type a duration such as 2 h 30 min, 1.5 d or 45 s");
  g_assert_cmpstr (count, ==, "Type a number of 0 or more, such as 12, 4,140 or 2.5");
  g_assert_null (fm_inspector_field_hint (field_index ("label")));
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    {
      g_autofree char *hint = fm_inspector_field_hint (i);

      g_assert_true ((hint == NULL) == (fm_inspector_fields[i].type == FM_FIELD_TEXT ||
                                        fm_inspector_fields[i].type == FM_FIELD_CHOICE));
    }

  if (use_language (&german))
    {
      g_autofree char *german_count = fm_inspector_field_hint (field_index ("items"));

      g_assert_nonnull (strstr (german_count, "4.140"));
      g_assert_nonnull (strstr (german_count, "2,5"));
    }
  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* build/tests → build/po: the German unit words. */
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/fm/typed-values/examples", test_examples);
  g_test_add_func ("/fm/typed-values/hints", test_hints);
  g_test_add_func ("/fm/typed-values/shown-reads-back", test_shown_reads_back);
  g_test_add_data_func ("/fm/typed-values/durations/english", &english, check_durations);
  g_test_add_data_func ("/fm/typed-values/durations/german", &german, check_durations);
  g_test_add_data_func ("/fm/typed-values/counts/english", &english, check_counts);
  g_test_add_data_func ("/fm/typed-values/counts/german", &german, check_counts);
  g_test_add_data_func ("/fm/typed-values/ambiguous/english", &english, check_ambiguous);
  g_test_add_data_func ("/fm/typed-values/ambiguous/german", &german, check_ambiguous);

  return g_test_run ();
}
