/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-figures.c: a step's figures from its data box, a queue's from
 * its inventory triangle
 *
 * Data boxes hold lines such as "C/T=39 sec", "C/O=10 min", "Uptime=85%",
 * "Avail=27,600 sec", "%C&A=90%", "PT=2 hours", "LT=3 days", "2 Shifts":
 * what Flowmap has a field for goes there, the rest into a note where the
 * data box was, so nothing written is lost.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-drawio"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fm-drawio-map-private.h"
#include "fm-limits.h"
#include "fm-process-step.h"
#include "fm-queue.h"

typedef struct {
  double process_s;   /* PT= */
  double cycle_s;     /* C/T=: the process time when there is no PT */
  double lead_s;
  double wait_s;
  double pca;
  double people;
  char *role;
} Figures;

typedef enum {
  KEY_NONE, KEY_PROCESS, KEY_CYCLE, KEY_LEAD, KEY_WAIT, KEY_PCA, KEY_PEOPLE,
  KEY_ROLE, KEY_AVAILABLE,
} Key;

static const struct {
  const char *name;
  Key key;
} keys[] = {
  { "pt", KEY_PROCESS }, { "p/t", KEY_PROCESS }, { "processtime", KEY_PROCESS },
  { "processingtime", KEY_PROCESS }, { "va", KEY_PROCESS }, { "vat", KEY_PROCESS },
  { "c/t", KEY_CYCLE }, { "ct", KEY_CYCLE }, { "cycletime", KEY_CYCLE },
  { "lt", KEY_LEAD }, { "l/t", KEY_LEAD }, { "leadtime", KEY_LEAD },
  { "wt", KEY_WAIT }, { "w/t", KEY_WAIT }, { "wait", KEY_WAIT }, { "waittime", KEY_WAIT },
  { "%c&a", KEY_PCA }, { "c&a", KEY_PCA }, { "%ca", KEY_PCA }, { "pc&a", KEY_PCA },
  { "%c/a", KEY_PCA }, { "c&a%", KEY_PCA },
  { "people", KEY_PEOPLE }, { "operators", KEY_PEOPLE }, { "operator", KEY_PEOPLE },
  { "ops", KEY_PEOPLE }, { "op", KEY_PEOPLE }, { "staff", KEY_PEOPLE }, { "fte", KEY_PEOPLE },
  { "role", KEY_ROLE }, { "avail", KEY_AVAILABLE }, { "available", KEY_AVAILABLE },
  { "availabletime", KEY_AVAILABLE }, { "avail.time", KEY_AVAILABLE },
};

/* "C/T = " → "c/t": lower case, without spaces. */
static char *
normalize_key (const char *text,
               gsize       length)
{
  GString *key = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ')
      g_string_append_c (key, g_ascii_tolower (text[i]));

  return g_string_free (key, FALSE);
}

static Key
lookup_key (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (name, keys[i].name))
      return keys[i].key;

  return KEY_NONE;
}

/* Splits "KEY=VALUE" or "KEY: VALUE"; returns FALSE for a line without. */
static gboolean
split_line (const char  *line,
            char       **key_out,
            char       **value_out)
{
  const char *sep = strpbrk (line, "=:");

  if (sep == NULL || sep == line)
    return FALSE;

  *key_out = normalize_key (line, sep - line);
  *value_out = g_strstrip (g_strdup (sep + 1));
  return TRUE;
}

/* "85%", "85 %", "85": a percentage. */
static gboolean
parse_percent (const char *text,
               double     *value)
{
  const char *p = text;

  if (!fm_drawio_parse_number (&p, value))
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p == '%')
    p++;
  return *p == '\0' && *value <= 100;
}

/* "1", "2 operators", "1 op": a count of people. */
static gboolean
parse_people_line (const char *line,
                   double     *people)
{
  static const char * const words[] = { "operator", "operators", "op", "ops", "people",
                                        "person", "persons", "staff", "fte", NULL };
  const char *p = line;
  g_autofree char *word = NULL;

  if (!fm_drawio_parse_number (&p, people))
    return FALSE;
  while (*p == ' ')
    p++;
  word = g_ascii_strdown (p, -1);
  return g_strv_contains (words, word);
}

/* Reads one line of a step into @f; what it cannot use goes to @note. */
static void
read_line (Ctx        *ctx,
           Item       *item,
           Figures    *f,
           const char *line,
           GString    *note)
{
  g_autofree char *key_name = NULL;
  g_autofree char *value = NULL;
  double number;
  gboolean ok = TRUE;
  Key key;

  /* A table's row of two cells reads "C/T 39 sec": a key, a space, a value. */
  if (!split_line (line, &key_name, &value) && strchr (line, ' ') != NULL)
    {
      g_autofree char *first = normalize_key (line, strchr (line, ' ') - line);

      if (lookup_key (first) != KEY_NONE)
        {
          key_name = g_steal_pointer (&first);
          value = g_strstrip (g_strdup (strchr (line, ' ')));
        }
    }
  if (key_name == NULL)
    {
      if (parse_people_line (line, &number) && number <= FM_MAX_COUNT)
        f->people = number;
      else
        g_string_append_printf (note, "%s%s", note->len > 0 ? "\n" : "", line);
      return;
    }

  /* The palette's empty template lines, "Batch=". */
  if (value[0] == '\0')
    return;

  key = lookup_key (key_name);
  switch (key)
    {
    case KEY_PROCESS:
      ok = fm_drawio_parse_duration (value, ctx->day_length_s, ctx->shift_length_s, TRUE, &f->process_s);
      break;
    case KEY_CYCLE:
      ok = fm_drawio_parse_duration (value, ctx->day_length_s, ctx->shift_length_s, TRUE, &f->cycle_s);
      break;
    case KEY_LEAD:
      ok = fm_drawio_parse_duration (value, ctx->day_length_s, ctx->shift_length_s, TRUE, &f->lead_s);
      break;
    case KEY_WAIT:
      ok = fm_drawio_parse_duration (value, ctx->day_length_s, ctx->shift_length_s, TRUE, &f->wait_s);
      break;
    case KEY_PCA:
      ok = parse_percent (value, &f->pca);
      break;
    case KEY_PEOPLE:
      {
        const char *p = value;

        ok = fm_drawio_parse_number (&p, &number) && *p == '\0' && number <= FM_MAX_COUNT;
        if (ok)
          f->people = number;
      }
      break;
    case KEY_ROLE:
      g_free (f->role);
      f->role = g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, -1), FM_MAX_TEXT_CHARS));
      break;
    case KEY_AVAILABLE:
      ok = fm_drawio_parse_duration (value, ctx->day_length_s, ctx->shift_length_s, TRUE, &number) &&
           number > 0;
      if (ok && !fm_value_is_set (ctx->available_s))
        {
          ctx->available_s = number;
          g_object_set (ctx->document, "available-time-s", number, NULL);
        }
      /* Kept in the note too: another step may be available longer. */
      g_string_append_printf (note, "%s%s", note->len > 0 ? "\n" : "", line);
      break;
    case KEY_NONE:
    default:
      g_string_append_printf (note, "%s%s", note->len > 0 ? "\n" : "", line);
      return;
    }

  if (!ok)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not understood; kept in a note"), line);

      fm_drawio_unknown (ctx, item, why);
      if (key != KEY_AVAILABLE)
        g_string_append_printf (note, "%s%s", note->len > 0 ? "\n" : "", line);
    }
}

static void
read_lines (Ctx        *ctx,
            Item       *item,
            Figures    *f,
            const char *text,
            GString    *note)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      read_line (ctx, item, f, lines[i], note);
}

/**
 * fm_drawio_find_shift:
 *
 * The length of a shift, where the page says it ("Shift=8 hr", "1 shift =
 * 7.5 hours"), so that "2 shifts" can be read anywhere on it. ("Shifts=2"
 * in a data box is how many, not how long.)
 */
void
fm_drawio_find_shift (Ctx *ctx)
{
  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = g_ptr_array_index (ctx->items, i);
      g_auto(GStrv) lines = g_strsplit (item->text, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          double seconds;

          if (!split_line (lines[j], &key, &value))
            continue;
          if (!g_str_equal (key, "shift") && !g_str_equal (key, "1shift") &&
              !g_str_equal (key, "shiftlength") && !g_str_equal (key, "oneshift"))
            continue;
          if (fm_drawio_parse_duration (value, ctx->day_length_s, 0, FALSE, &seconds) &&
              seconds > 0 && seconds <= 86400)
            {
              ctx->shift_length_s = seconds;
              /* A text that says only this was read. */
              if (item->role == ROLE_TEXT && g_strv_length (lines) == 1)
                item->used = TRUE;
              return;
            }
        }
    }
}

/**
 * fm_drawio_make_step:
 *
 * A process box: its title from its first text cell (or its label's first
 * line), its figures from the rest and from its data boxes, its people
 * from the operators drawn in it.
 */
void
fm_drawio_make_step (Ctx  *ctx,
                     Item *item)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *title = NULL;
  Figures f = { FM_UNSET, FM_UNSET, FM_UNSET, FM_UNSET, FM_UNSET, FM_UNSET, NULL };
  Item *data = NULL, *title_item = NULL;
  FmNode *node;
  double operators = 0;

  g_ptr_array_sort (item->attached, fm_drawio_compare_reading);

  /* A text cell in the box's upper half is its title. */
  for (guint i = 0; i < item->attached->len && title_item == NULL; i++)
    {
      Item *text = g_ptr_array_index (item->attached, i);

      if (text->role == ROLE_TEXT && text->text[0] != '\0' && text->y < item->y + item->h / 2)
        title_item = text;
    }
  if (title_item != NULL)
    {
      title = g_strndup (title_item->text, strcspn (title_item->text, "\n"));
      read_lines (ctx, item, &f, title_item->text + strlen (title), note);
      read_lines (ctx, item, &f, item->text, note);
    }
  else
    {
      title = g_strndup (item->text, strcspn (item->text, "\n"));
      read_lines (ctx, item, &f, item->text + strlen (title), note);
    }

  for (guint i = 0; i < item->attached->len; i++)
    {
      Item *part = g_ptr_array_index (item->attached, i);

      if (part == title_item)
        continue;
      if (part->role == ROLE_TEXT)
        read_lines (ctx, item, &f, part->text, note);
      else if (part->role == ROLE_OPERATOR)
        {
          const char *p = part->text;
          double n;

          operators += fm_drawio_parse_number (&p, &n) && *p == '\0' ? n : 1;
        }
      else if (part->role == ROLE_DATA)
        {
          g_autoptr(GString) lines = g_string_new (part->text);

          g_ptr_array_sort (part->attached, fm_drawio_compare_reading);
          for (guint j = 0; j < part->attached->len; j++)
            {
              Item *text = g_ptr_array_index (part->attached, j);

              g_string_append_printf (lines, "\n%s", text->text);
            }
          read_lines (ctx, part, &f, lines->str, note);
          if (data == NULL)
            data = part;
        }
    }

  node = fm_drawio_add_node (ctx, item, FM_NODE_KIND_PROCESS, "step", title);
  if (!fm_value_is_set (f.process_s))
    f.process_s = f.cycle_s;
  if (!fm_value_is_set (f.lead_s) && fm_value_is_set (f.wait_s))
    f.lead_s = f.wait_s + (fm_value_is_set (f.process_s) ? f.process_s : 0);
  if (!fm_value_is_set (f.people) && operators > 0)
    f.people = MIN (operators, FM_MAX_COUNT);
  fm_process_step_set_process_s (FM_PROCESS_STEP (node), f.process_s);
  fm_process_step_set_lead_s (FM_PROCESS_STEP (node), MIN (f.lead_s, FM_MAX_SECONDS));
  fm_process_step_set_pca (FM_PROCESS_STEP (node), f.pca);
  fm_process_step_set_people (FM_PROCESS_STEP (node), f.people);
  fm_process_step_set_role (FM_PROCESS_STEP (node), f.role);
  g_free (f.role);

  if (note->len > 0)
    {
      FmNode *kept;

      /* Where the data box was, or under the step. */
      kept = fm_drawio_add_node (ctx, data != NULL ? data : item, FM_NODE_KIND_NOTE, "note", note->str);
      if (data == NULL)
        {
          /* The box stays the step; its note goes under it. */
          item->node = node;
          fm_node_set_position (kept, fm_node_get_x (node),
                                MIN (fm_node_get_y (node) + fm_node_get_height (node) + 20, FM_MAX_COORDINATE));
        }
    }
}

/**
 * fm_drawio_make_queue:
 * @lines: its label's lines and those of the text under it
 *
 * An inventory triangle: "4600 L / 2400 R / 7.6 days" is 7,000 items that
 * wait 7.6 days; words ("Coils") are its label with the counts.
 */
void
fm_drawio_make_queue (Ctx        *ctx,
                      Item       *item,
                      const char *lines)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit_set (lines, "\n/", -1);
  double wait_s = FM_UNSET, items = FM_UNSET;
  FmNode *node;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      const char *p = part;
      double seconds, count;

      /* The "I" drawn in the triangle. */
      if (part[0] == '\0' || g_str_equal (part, "I"))
        continue;
      if (fm_drawio_parse_duration (part, ctx->day_length_s, ctx->shift_length_s, FALSE, &seconds))
        {
          if (fm_value_is_set (wait_s))
            {
              g_autofree char *why = g_strdup_printf (_("a second time, “%s”, is left out"), part);

              fm_drawio_unknown (ctx, item, why);
            }
          else
            wait_s = seconds;
          continue;
        }
      if (fm_drawio_parse_number (&p, &count) && (*p == '\0' || *p == ' ' || g_ascii_isalpha (*p)))
        {
          static const char * const units[] = { "items", "item", "pcs", "pieces", "units", "parts", NULL };
          g_autofree char *unit = g_ascii_strdown (p, -1);

          items = MIN ((fm_value_is_set (items) ? items : 0) + count, FM_MAX_COUNT);
          /* "12 items" is a figure; "4600 L" tells left from right. */
          if (*p == '\0' || g_strv_contains (units, g_strstrip (unit)))
            continue;
        }
      g_string_append_printf (label, "%s%s", label->len > 0 ? " / " : "", part);
    }

  node = fm_drawio_add_node (ctx, item, FM_NODE_KIND_QUEUE, "queue", label->str);
  fm_queue_set_wait_s (FM_QUEUE (node), wait_s);
  fm_queue_set_items (FM_QUEUE (node), items);
}
