/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-cli-compare.c: `flowmap compare [--json] FILE [--from ID] [--to ID]` */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fm-cli.h"
#include "fm-cli-private.h"
#include "fm-comparison.h"
#include "fm-figures.h"
#include "fm-working-time.h"

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

      if (f->kind == FM_CHANGE_REFERENCE)
        continue;
      fm_json_writer_begin_object (&writer);
      fm_json_writer_key (&writer, "name");
      fm_json_writer_string (&writer, f->name);
      fm_json_writer_member_number (&writer, "from", f->from);
      fm_json_writer_member_number (&writer, "to", f->to);
      /* A share changes by percentage points, not by a share of itself. */
      if (f->kind == FM_CHANGE_POINTS)
        {
          fm_json_writer_member_number (&writer, "change", NAN);
          fm_json_writer_member_number (&writer, "change_pp", 100 * f->change);
        }
      else
        fm_json_writer_member_number (&writer, "change", f->change);
      fm_json_writer_end_object (&writer);
    }
  fm_json_writer_end_array (&writer);

  /* The inputs equal in both maps, once: what the figures are measured against. */
  fm_json_writer_key (&writer, "reference");
  fm_json_writer_begin_object (&writer);
  for (guint i = 0; i < c->figures->len; i++)
    {
      FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);

      if (f->kind == FM_CHANGE_REFERENCE)
        fm_json_writer_member_number (&writer, f->name, f->from);
    }
  fm_json_writer_end_object (&writer);

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
      fm_json_writer_member_number (&writer, "time_from_s", s->time_from_s);
      fm_json_writer_member_number (&writer, "time_to_s", s->time_to_s);
      fm_json_writer_end_object (&writer);
    }
  fm_json_writer_end_array (&writer);
  fm_json_writer_end_object (&writer);
  fm_json_writer_clear (&writer);

  printf ("%s\n", out->str);
}

static void
print_report (FmDocument   *document,
              FmComparison *c)
{
  g_autofree char *from_name = fm_cli_escape_text (fm_map_get_name (c->from));
  g_autofree char *to_name = fm_cli_escape_text (fm_map_get_name (c->to));

  printf ("%s → %s\n\n", from_name, to_name);
  for (guint i = 0; i < c->figures->len; i++)
    {
      FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);
      const char *title = fm_figure_get_title (f->name);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *change = NULL;
      glong pad = 28 - g_utf8_strlen (title, -1);

      if (f->kind == FM_CHANGE_REFERENCE)
        continue;
      /* A process time in the unit of the one before it */
      if (g_str_has_suffix (f->name, "_s"))
        fm_figure_format_pair_for (document, f->name, f->from, f->to, &from, &to);
      else
        {
          from = fm_cli_format_figure (document, f->name, f->from);
          to = fm_cli_format_figure (document, f->name, f->to);
        }
      change = fm_figure_change_format (f);
      printf ("  %s%*s %12s → %-12s %s\n", title, (int) MAX (pad, 0), "", from, to, change);
    }

  /* The inputs equal in both maps are not results: shown once. */
  for (guint i = 0, n = 0; i < c->figures->len; i++)
    {
      FmFigureChange *f = &g_array_index (c->figures, FmFigureChange, i);
      const char *title = fm_figure_get_title (f->name);
      g_autofree char *value = NULL;
      glong pad = 28 - g_utf8_strlen (title, -1);

      if (f->kind != FM_CHANGE_REFERENCE || isnan (f->from))
        continue;
      if (n++ == 0)
        printf ("\n%s\n", _("The same in both maps:"));
      value = g_str_equal (f->name, "takt_time_s")
              ? fm_takt_format (c->from_metrics->takt_time_s, c->from_metrics->takt_interval_s,
                                fm_document_get_day_length_s (document))
              : fm_cli_format_figure (document, f->name, f->from);
      printf ("  %s%*s %s\n", title, (int) MAX (pad, 0), "", value);
    }

  printf ("\n%s\n", _("Steps:"));
  for (guint i = 0; i < c->steps->len; i++)
    {
      FmStepChange *s = c->steps->pdata[i];
      g_autofree char *from = fm_figure_format_for (document, "time_s", s->time_from_s);
      g_autofree char *to = fm_figure_format_for (document, "time_s", s->time_to_s);
      const char *status[] = { N_("same"), N_("changed"), N_("added"), N_("removed") };
      g_autofree char *label = fm_cli_escape_text (s->label);

      printf ("  %-8s %-40s %10s → %s\n", _(status[s->status]), label, from, to);
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
  g_autoptr(FmDocument) document = NULL;
  int status;
  g_autoptr(FmComparison) comparison = NULL;
  FmMap *from = NULL, *to = NULL;

  status = fm_cli_parse_and_load (_("Compares two maps of FILE figure by figure, and their steps "
                                    "(matched by id) as removed, added, changed or the same."),
                                  entries, &argc, &argv, &document);
  if (status != FM_CLI_OK)
    return status;

  if (from_name == NULL && to_name == NULL)
    {
      if (!fm_comparison_default_pair (document, &from, &to))
        {
          g_autofree char *shown = fm_cli_escape_text (argv[1]);

          g_printerr (_("%s: no future-state map is based on a current-state map; "
                        "name the maps with --from and --to\n"), shown);
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
