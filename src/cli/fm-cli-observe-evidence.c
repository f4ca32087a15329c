/* fm-cli-observe-evidence.c: `flowmap observe`: before and after each experiment's start
 *
 * The JSON key `experiments` and the text's last section: for every
 * experiment of the map with a start date, the finished items before and
 * after it and the stays in the nodes it applies to (docs/observed.md).
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fm-cli-observe-evidence.h"
#include "fm-cli-observe-private.h"
#include "fm-duration.h"

static void
write_side (FmJsonWriter         *w,
            const char           *key,
            const FmEvidenceSide *side)
{
  fm_json_writer_key (w, key);
  fm_json_writer_begin_object (w);
  fm_cli_observe_write_int (w, "items", side->items);
  fm_json_writer_member_number (w, "lead_time_p50_s", side->lead_time_p50_s);
  fm_json_writer_member_number (w, "lead_time_p85_s", side->lead_time_p85_s);
  fm_json_writer_member_number (w, "throughput_per_week", side->throughput_per_week);
  fm_cli_observe_write_int (w, "weeks", side->weeks);
  fm_json_writer_end_object (w);
}

/* The key `experiments`: the fields of docs/observed.md, then `unfinished`
 * and `few_items`. */
void
fm_cli_observe_write_evidence (FmJsonWriter *w,
                               GPtrArray    *evidence)
{
  fm_json_writer_key (w, "experiments");
  fm_json_writer_begin_array (w);
  for (guint i = 0; i < evidence->len; i++)
    {
      const FmEvidence *e = evidence->pdata[i];
      char started[16];

      g_date_strftime (started, sizeof started, "%Y-%m-%d", &e->started);
      fm_json_writer_begin_object (w);
      fm_json_writer_key (w, "id");
      fm_json_writer_string (w, e->kaizen_id);
      fm_json_writer_key (w, "started");
      fm_json_writer_string (w, started);
      write_side (w, "before", &e->before);
      write_side (w, "after", &e->after);
      fm_cli_observe_write_int (w, "in_flight", e->in_flight);
      fm_json_writer_key (w, "nodes");
      fm_json_writer_begin_array (w);
      for (guint n = 0; n < e->nodes->len; n++)
        {
          const FmEvidenceNode *node = &g_array_index (e->nodes, FmEvidenceNode, n);

          fm_json_writer_begin_object (w);
          fm_json_writer_key (w, "id");
          fm_json_writer_string (w, node->node_id);
          fm_json_writer_member_number (w, "before_median_s", node->before_median_s);
          fm_json_writer_member_number (w, "after_median_s", node->after_median_s);
          fm_cli_observe_write_int (w, "before_count", node->before_count);
          fm_cli_observe_write_int (w, "after_count", node->after_count);
          fm_json_writer_end_object (w);
        }
      fm_json_writer_end_array (w);
      fm_cli_observe_write_int (w, "unfinished", e->unfinished);
      fm_json_writer_key (w, "few_items");
      fm_json_writer_boolean (w, fm_evidence_is_weak (e));
      fm_json_writer_end_object (w);
    }
  fm_json_writer_end_array (w);
}

static char *
rate (double per_week)
{
  return isnan (per_week) ? g_strdup ("–") : g_strdup_printf ("%.1f", per_week);
}

/* "  Lead time, median            9 w 1 d → 7 w 2 d" */
static void
print_row (const char *text,
           char       *before,
           char       *after)
{
  g_autofree char *name = fm_cli_escape_text (text);
  glong pad = 32 - g_utf8_strlen (name, -1);

  printf ("    %s%*s%s → %s\n", name, (int) MAX (pad, 1), "", before, after);
  g_free (before);
  g_free (after);
}

void
fm_cli_observe_print_evidence (GPtrArray *evidence,
                               FmMap     *map,
                               double     day)
{
  if (evidence->len == 0)
    return;

  printf ("\n%s\n", _("Experiments, before → after their start:"));
  for (guint i = 0; i < evidence->len; i++)
    {
      const FmEvidence *e = evidence->pdata[i];
      FmNode *kaizen = fm_map_lookup_node (map, e->kaizen_id);
      g_autofree char *label = fm_cli_escape_text (kaizen != NULL && *fm_node_get_label (kaizen) ? fm_node_get_label (kaizen)
                                                                                                 : e->kaizen_id);
      char started[16];

      g_date_strftime (started, sizeof started, "%Y-%m-%d", &e->started);
      /* Translators: an experiment and the day it started */
      printf (_("  %s, started %s\n"), label, started);
      print_row (_("Finished items"), g_strdup_printf ("%u", e->before.items), g_strdup_printf ("%u", e->after.items));
      print_row (_("Lead time, median"), fm_cli_observe_duration (e->before.lead_time_p50_s, day),
                 fm_cli_observe_duration (e->after.lead_time_p50_s, day));
      print_row (_("Lead time, 85th percentile"), fm_cli_observe_duration (e->before.lead_time_p85_s, day),
                 fm_cli_observe_duration (e->after.lead_time_p85_s, day));
      print_row (_("Throughput a week"), rate (e->before.throughput_per_week), rate (e->after.throughput_per_week));
      for (guint n = 0; n < e->nodes->len; n++)
        {
          const FmEvidenceNode *node = &g_array_index (e->nodes, FmEvidenceNode, n);
          FmNode *model = fm_map_lookup_node (map, node->node_id);
          const char *name = model != NULL && *fm_node_get_label (model) ? fm_node_get_label (model) : node->node_id;
          g_autofree char *before = fm_cli_observe_duration (node->before_median_s, day);
          g_autofree char *after = fm_cli_observe_duration (node->after_median_s, day);

          /* Translators: a median stay and how many stays it is of, as in "13 d (40)" */
          print_row (name, g_strdup_printf (_("%s (%u)"), before, node->before_count),
                     g_strdup_printf (_("%s (%u)"), after, node->after_count));
        }
      /* Translators: the items on neither side of an experiment's start */
      printf (_("    Left out: %u in flight at the start, %u started since and not finished\n"),
              e->in_flight, e->unfinished);
      if (fm_evidence_is_weak (e))
        printf (_("    Fewer than %u items on a side: too few to tell a change from chance\n"), FM_EVIDENCE_FEW_ITEMS);
    }
}
