/* fm-cli-compare.c: `flowmap compare [--json] FILE [--from ID] [--to ID]` */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <math.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-comparison.h"
#include "fm-duration.h"

static void
write_number_or_null (FmJsonWriter *writer,
                      const char   *key,
                      double        value)
{
  fm_json_writer_key (writer, key);
  if (isnan (value))
    fm_json_writer_null (writer);
  else
    fm_json_writer_number (writer, value);
}

static void
write_json (FmComparison *c)
{
  g_autoptr(GString) out = g_string_new (NULL);
  FmJsonWriter writer;

  fm_json_writer_init (&writer, out, TRUE);
  fm_json_writer_begin_object (&writer);
  fm_json_writer_key (&writer, "from");
  fm_json_writer_string (&writer, fm_map_get_id (c->from));
  fm_json_writer_key (&writer, "to");
  fm_json_writer_string (&writer, fm_map_get_id (c->to));

  fm_json_writer_key (&writer, "metrics");
  fm_json_writer_begin_array (&writer);
  for (guint i = 0; i < c->figures->len; i++)
    {
      FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);

      fm_json_writer_begin_object (&writer);
      fm_json_writer_key (&writer, "name");
      fm_json_writer_string (&writer, f->name);
      write_number_or_null (&writer, "from", f->from);
      write_number_or_null (&writer, "to", f->to);
      write_number_or_null (&writer, "change", f->change);
      fm_json_writer_end_object (&writer);
    }
  fm_json_writer_end_array (&writer);

  fm_json_writer_key (&writer, "steps");
  fm_json_writer_begin_array (&writer);
  for (guint i = 0; i < c->steps->len; i++)
    {
      FmStepChange *s = c->steps->pdata[i];

      fm_json_writer_begin_object (&writer);
      fm_json_writer_key (&writer, "id");
      fm_json_writer_string (&writer, s->id);
      fm_json_writer_key (&writer, "label");
      fm_json_writer_string (&writer, s->label);
      fm_json_writer_key (&writer, "status");
      fm_json_writer_string (&writer, fm_step_status_to_string (s->status));
      write_number_or_null (&writer, "time_from_s", s->time_from_s);
      write_number_or_null (&writer, "time_to_s", s->time_to_s);
      fm_json_writer_end_object (&writer);
    }
  fm_json_writer_end_array (&writer);
  fm_json_writer_end_object (&writer);
  fm_json_writer_clear (&writer);

  printf ("%s\n", out->str);
}

static char *
format_figure (const char *name,
               double      value,
               double      day_length_s)
{
  if (isnan (value))
    return g_strdup ("–");
  if (g_str_has_suffix (name, "_s"))
    return fm_duration_format (value, day_length_s);
  if (g_str_equal (name, "flow_efficiency") || g_str_equal (name, "rolled_pca"))
    return g_strdup_printf ("%.1f %%", 100 * value);
  return g_strdup_printf ("%g", value);
}

static const char *
figure_title (const char *name)
{
  static const struct { const char *name; const char *title; } titles[] = {
    { "lead_time_s", N_("Lead time") },
    { "process_time_s", N_("Process time") },
    { "flow_efficiency", N_("Flow efficiency") },
    { "rolled_pca", N_("Rolled %C&A") },
    { "rework_adjusted_lead_time_s", N_("Rework-adjusted lead time") },
    { "wip", N_("Work in progress") },
    { "throughput_per_day", N_("Throughput a day") },
    { "littles_law_lead_time_s", N_("Little’s law lead time") },
    { "takt_time_s", N_("Takt time") },
    { "handoffs", N_("Handoffs") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].name, name))
      return _(titles[i].title);

  return name;
}

static void
print_report (FmDocument   *document,
              FmComparison *c)
{
  double day = fm_document_get_day_length_s (document);

  printf ("%s → %s\n\n", fm_map_get_name (c->from), fm_map_get_name (c->to));
  for (guint i = 0; i < c->figures->len; i++)
    {
      FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);
      g_autofree char *from = format_figure (f->name, f->from, day);
      g_autofree char *to = format_figure (f->name, f->to, day);
      g_autofree char *change = isnan (f->change) ? g_strdup ("") : g_strdup_printf ("%+.0f %%", 100 * f->change);

      glong pad = 28 - g_utf8_strlen (figure_title (f->name), -1);

      printf ("  %s%*s %12s → %-12s %s\n", figure_title (f->name), (int) MAX (pad, 0), "",
              from, to, change);
    }

  printf ("\n%s\n", _("Steps:"));
  for (guint i = 0; i < c->steps->len; i++)
    {
      FmStepChange *s = c->steps->pdata[i];
      g_autofree char *from = format_figure ("time_s", s->time_from_s, day);
      g_autofree char *to = format_figure ("time_s", s->time_to_s, day);
      const char *status[] = { N_("same"), N_("changed"), N_("added"), N_("removed") };

      printf ("  %-8s %-40s %10s → %s\n", _(status[s->status]), s->label, from, to);
    }
}

int
fm_cli_compare (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_name, N_("The map to compare from (default: the first current state with a future state)"), N_("ID|NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_name, N_("The map to compare to (default: the first future state based on it)"), N_("ID|NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FmDocument) document = NULL;
  g_autoptr(FmComparison) comparison = NULL;
  FmMap *from = NULL, *to = NULL;

  context = fm_cli_option_context_new (_("FILE"),
                                       _("Compares two maps of FILE figure by figure, and their steps "
                                         "(matched by id) as removed, added, changed or the same."),
                                       entries);
  if (!fm_cli_parse (context, &argc, &argv, 1))
    return FM_CLI_USAGE;

  document = fm_cli_load (argv[1]);
  if (document == NULL)
    return FM_CLI_FAILED;

  if (from_name == NULL && to_name == NULL)
    {
      if (!fm_comparison_default_pair (document, &from, &to))
        {
          g_printerr (_("%s: no future-state map is based on a current-state map; "
                        "name the maps with --from and --to\n"), argv[1]);
          return FM_CLI_FAILED;
        }
    }
  else
    {
      if (from_name == NULL || to_name == NULL)
        {
          g_printerr (_("flowmap compare: give both --from and --to, or neither\n"));
          return FM_CLI_USAGE;
        }
      if ((from = fm_cli_pick_map (document, argv[1], from_name)) == NULL ||
          (to = fm_cli_pick_map (document, argv[1], to_name)) == NULL)
        return FM_CLI_FAILED;
    }

  comparison = fm_comparison_new (document, from, to);
  if (json)
    write_json (comparison);
  else
    print_report (document, comparison);

  return FM_CLI_OK;
}
