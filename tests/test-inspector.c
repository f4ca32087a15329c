/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-inspector.c: the inspector: its pages and fields, what they accept, undo
 *
 * Parsing numbers needs no display and runs without one; the widgets are
 * tested where there is a display.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "fm-canvas-state.h"
#include "fm-inspector.h"
#include "fm-inspector-fields.h"
#include "fm-json.h"
#include "fm-kaizen.h"
#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-test-utils.h"

/* fm_test_new_line_document (): trigger t -> step p -> outcome o,
 * selected through a view state as the canvas would. */
typedef struct {
  FmDocument *doc;
  FmMap *map;
  FmUndoStack *stack;
  FmCanvasState *state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = fm_test_new_line_document ();
  f->stack = fm_document_get_undo_stack (f->doc);
  f->map = fm_document_get_map (f->doc, 0);
  f->state = fm_canvas_state_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->state);
  g_assert_finalize_object (f->doc);
}

/* Typed text is applied once the main loop is idle. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  fm_test_run_idles ();
}


static void
test_inspector (Fixture       *f,
                gconstpointer  data)
{
  FmInspector *inspector = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));
  FmProcessStep *step = FM_PROCESS_STEP (fm_map_lookup_node (f->map, "p"));
  GtkWidget *row;

  fm_inspector_set_map (inspector, f->doc, f->map, f->state);
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "document");

  fm_canvas_state_select (f->state, "p", FALSE);
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "node");

  /* Durations as people type them, applied as they are typed, one step. */
  row = fm_inspector_get_field (inspector, "process-s");
  type_into (row, "2h");
  type_into (row, "2h 30m");
  g_assert_cmpfloat (fm_process_step_get_process_s (step), ==, 9000);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, 1);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* What does not read is marked and not applied. */
  type_into (row, "soon");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpfloat (fm_process_step_get_process_s (step), ==, 9000);

  /* A percentage over 100 is out of range. */
  row = fm_inspector_get_field (inspector, "pca");
  type_into (row, "120");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  type_into (row, "85%");
  g_assert_cmpfloat (fm_process_step_get_pca (step), ==, 85);

  /* Undo shows in the fields. */
  fm_undo_stack_seal (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  fm_canvas_state_select (f->state, "e1", FALSE);
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "edge");
  fm_canvas_state_select (f->state, "t", TRUE);
  g_assert_cmpstr (fm_inspector_get_page (inspector), ==, "multiple");

  fm_canvas_state_clear_selection (f->state);
  row = fm_inspector_get_field (inspector, "title");
  type_into (row, "Release");
  g_assert_cmpstr (fm_document_get_title (f->doc), ==, "Release");

  fm_inspector_set_map (inspector, NULL, NULL, NULL);
  g_object_unref (inspector);
}

/* No field takes more than a file may hold: what was typed stays savable. */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  FmInspector *inspector = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));
  g_autofree char *long_text = g_strnfill (FM_MAX_TEXT_CHARS + 1, 'a');
  GtkWidget *row;

  /* The label, and a time past the format's limit (the label typed on
   * the canvas is tested in test-canvas.c). */
  fm_inspector_set_map (inspector, f->doc, f->map, f->state);
  fm_canvas_state_select (f->state, "p", FALSE);
  row = fm_inspector_get_field (inspector, "label");
  type_into (row, long_text);
  g_assert_cmpint (strlen (gtk_editable_get_text (GTK_EDITABLE (row))), ==, FM_MAX_TEXT_CHARS);
  row = fm_inspector_get_field (inspector, "process-s");
  type_into (row, "1000000 w");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  row = fm_inspector_get_field (inspector, "people");
  type_into (row, "1e300");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  fm_inspector_set_map (inspector, NULL, NULL, NULL);
  g_object_unref (inspector);
}

/* A queue's WIP limit is typed as a count, through the undo stack, and
 * emptied back to no limit. */
static void
test_queue_limit (Fixture       *f,
                  gconstpointer  data)
{
  FmInspector *inspector = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));
  FmQueue *queue = FM_QUEUE (fm_test_add_node (f->doc, f->map, FM_NODE_KIND_QUEUE, "q", "Backlog", 300, 0));
  guint depth;
  GtkWidget *row;

  fm_inspector_set_map (inspector, f->doc, f->map, f->state);
  fm_canvas_state_select (f->state, "q", FALSE);
  row = fm_inspector_get_field (inspector, "limit");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_false (fm_value_is_set (fm_queue_get_limit (queue)));

  fm_undo_stack_seal (f->stack);
  depth = fm_undo_stack_get_depth (f->stack);
  type_into (row, "4 items");
  g_assert_cmpfloat (fm_queue_get_limit (queue), ==, 4);
  g_assert_cmpuint (fm_undo_stack_get_depth (f->stack), ==, depth + 1);

  /* A duration is no count: refused, the limit kept. */
  type_into (row, "4 h");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpfloat (fm_queue_get_limit (queue), ==, 4);

  /* Another edit later: a step of its own. */
  fm_undo_stack_seal (f->stack);
  type_into (row, "");
  g_assert_false (fm_value_is_set (fm_queue_get_limit (queue)));

  fm_undo_stack_seal (f->stack);
  fm_undo_stack_undo (f->stack);
  g_assert_cmpfloat (fm_queue_get_limit (queue), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "4");
  fm_undo_stack_undo (f->stack);
  g_assert_false (fm_value_is_set (fm_queue_get_limit (queue)));

  fm_inspector_set_map (inspector, NULL, NULL, NULL);
  g_object_unref (inspector);
}

/* An experiment's waste is a keyword in the file, a translated name on
 * screen; picking another one is an undoable change. */
static void
test_inspector_waste (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  g_autoptr(FmCanvasState) state = fm_canvas_state_new ();
  GtkWidget *inspector = g_object_ref_sink (fm_inspector_new ());
  FmMap *map = fm_document_get_map (doc, 0);
  FmKaizen *kaizen = FM_KAIZEN (fm_map_lookup_node (map, "kaizen-security"));
  AdwComboRow *waste;
  AdwExpanderRow *targets;

  fm_inspector_set_map (FM_INSPECTOR (inspector), doc, map, state);
  fm_canvas_state_select (state, "kaizen-security", FALSE);
  waste = ADW_COMBO_ROW (fm_inspector_get_field (FM_INSPECTOR (inspector), "waste"));
  targets = ADW_EXPANDER_ROW (fm_inspector_get_field (FM_INSPECTOR (inspector), "applies-to"));

  /* None, then the wastes in their order: waiting is the first. */
  g_assert_cmpuint (adw_combo_row_get_selected (waste), ==, 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (targets), ==, "2 nodes");

  adw_combo_row_set_selected (waste, 3);
  g_assert_cmpstr (fm_kaizen_get_waste (kaizen), ==, "rework");
  adw_combo_row_set_selected (waste, 0);
  g_assert_null (fm_kaizen_get_waste (kaizen));
  fm_undo_stack_undo (fm_document_get_undo_stack (doc));
  fm_undo_stack_undo (fm_document_get_undo_stack (doc));
  g_assert_cmpstr (fm_kaizen_get_waste (kaizen), ==, "waiting");
  g_assert_cmpuint (adw_combo_row_get_selected (waste), ==, 1);

  /* A target dropped from the map leaves the experiment's list. */
  {
    const char *ids[] = { "wait-security", NULL };

    fm_document_remove (doc, map, ids);
    g_assert_cmpstr (adw_expander_row_get_subtitle (targets), ==, "1 node");
  }

  fm_inspector_set_map (FM_INSPECTOR (inspector), NULL, NULL, NULL);
  g_object_unref (inspector);
}

/* The document's unit of lead times, in a combo row: one undoable step. */
static void
test_inspector_lead_time_unit (void)
{
  g_autoptr(FmDocument) doc = fm_test_load_example ("release.flowmap");
  g_autoptr(FmCanvasState) state = fm_canvas_state_new ();
  GtkWidget *inspector = g_object_ref_sink (fm_inspector_new ());
  AdwComboRow *unit;

  fm_inspector_set_map (FM_INSPECTOR (inspector), doc, fm_document_get_map (doc, 0), state);
  g_assert_cmpstr (fm_inspector_get_page (FM_INSPECTOR (inspector)), ==, "document");
  unit = ADW_COMBO_ROW (fm_inspector_get_field (FM_INSPECTOR (inspector), "lead-time-unit"));
  g_assert_cmpuint (adw_combo_row_get_selected (unit), ==, FM_TIME_UNIT_DAYS);

  adw_combo_row_set_selected (unit, FM_TIME_UNIT_WEEKS);
  g_assert_cmpint (fm_document_get_lead_time_unit (doc), ==, FM_TIME_UNIT_WEEKS);
  fm_undo_stack_undo (fm_document_get_undo_stack (doc));
  g_assert_cmpint (fm_document_get_lead_time_unit (doc), ==, FM_TIME_UNIT_DAYS);
  g_assert_cmpuint (adw_combo_row_get_selected (unit), ==, FM_TIME_UNIT_DAYS);
  fm_undo_stack_redo (fm_document_get_undo_stack (doc));
  g_assert_cmpuint (adw_combo_row_get_selected (unit), ==, FM_TIME_UNIT_WEEKS);

  fm_inspector_set_map (FM_INSPECTOR (inspector), NULL, NULL, NULL);
  g_object_unref (inspector);
}

static void
test_parse_number (void)
{
  double value;

  g_assert_true (fm_inspector_parse_number (" 1.5 ", &value));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_false (fm_inspector_parse_number ("1,5", &value));
  g_assert_false (fm_inspector_parse_number ("", &value));
  g_assert_false (fm_inspector_parse_number ("nan", &value));
  /* Thousands grouped as the (C, English) locale groups them: 4,140 */
  g_assert_true (fm_inspector_parse_number ("4,140", &value));
  g_assert_cmpfloat (value, ==, 4140);
  g_assert_true (fm_inspector_parse_number ("1,234,567.5", &value));
  g_assert_cmpfloat (value, ==, 1234567.5);
  /* Neither a group of three nor the locale's decimal: refused */
  g_assert_false (fm_inspector_parse_number ("4,14", &value));
  g_assert_false (fm_inspector_parse_number ("0,140", &value));
}

/* A count field takes a unit word after its number ("6992 pcs", "12
 * items"), but not a unit of time: "12 h" in a count is refused. */
static void
test_parse_count (void)
{
  static const struct { const char *text; gboolean reads; double value; } cases[] = {
    { "6992 pcs", TRUE, 6992 },
    { "6992 pieces", TRUE, 6992 },
    { "12 items", TRUE, 12 },
    { "4,140 Items", TRUE, 4140 },
    { "6992", TRUE, 6992 },
    { "12 h", FALSE, 0 },
    { "pcs", FALSE, 0 },
    { "12 pcs pcs", FALSE, 0 },
  };
  g_autoptr(GTypeClass) queue_class = g_type_class_ref (FM_TYPE_QUEUE);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (queue_class), "items");
  guint items = G_MAXUINT;

  g_assert_nonnull (pspec);
  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    if (g_str_equal (fm_inspector_fields[i].row, "items"))
      items = i;
  g_assert_cmpuint (items, <, FM_INSPECTOR_N_FIELDS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_test_message ("count: %s", cases[i].text);
      g_value_init (&value, G_TYPE_DOUBLE);
      g_assert_cmpint (fm_inspector_field_parse (items, pspec, cases[i].text, 86400, &value), ==, cases[i].reads);
      if (cases[i].reads)
        g_assert_cmpfloat (g_value_get_double (&value), ==, cases[i].value);
    }
}

/* Process time is working time (issue 21): a typed "3 d" is three working
 * days, the calendar's 8 h each (3 × 28,800 = 86,400 s), while a lead
 * time's "3 d" is three days of the map (259,200 s). */
static void
test_process_time_working_day (void)
{
  g_autoptr(FmDocument) doc = fm_document_new ();
  g_autoptr(GTypeClass) step_class = g_type_class_ref (FM_TYPE_PROCESS_STEP);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (step_class), "process-s");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *hint = NULL;
  guint process = G_MAXUINT, lead = G_MAXUINT;

  for (guint i = 0; i < FM_INSPECTOR_N_FIELDS; i++)
    {
      if (g_str_equal (fm_inspector_fields[i].row, "process_time"))
        process = i;
      if (g_str_equal (fm_inspector_fields[i].row, "lead_time"))
        lead = i;
    }
  g_assert_cmpuint (process, <, FM_INSPECTOR_N_FIELDS);
  g_assert_cmpuint (lead, <, FM_INSPECTOR_N_FIELDS);

  g_object_set (doc, "day-length-s", 86400.0, "available-time-s", 40 * 3600.0 / 7,
                "working-hours", "Mon-Fri 09:00-17:00", NULL);
  g_assert_cmpfloat (fm_inspector_field_day_length (process, doc), ==, 8 * 3600);
  g_assert_cmpfloat (fm_inspector_field_day_length (lead, doc), ==, 86400);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_assert_true (fm_inspector_field_parse (process, pspec, "3 d", fm_inspector_field_day_length (process, doc), &value));
  g_assert_cmpfloat (g_value_get_double (&value), ==, 86400);
  hint = fm_inspector_process_time_hint (doc);
  g_assert_cmpstr (hint, ==, "Working time: 1 d is 8 h");
}

/* Finds the inspector's page named @name, or NULL while it is not built. */
static GtkWidget *
find_page (GtkWidget  *widget,
           const char *name)
{
  if (GTK_IS_STACK (widget))
    return gtk_stack_get_child_by_name (GTK_STACK (widget), name);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = find_page (child, name);

      if (page != NULL)
        return page;
    }
  return NULL;
}

static void
count_frame (guint *n_frames)
{
  (*n_frames)++;
}

/* In a window, the document page comes with the frame after the first:
 * the first shows the map sooner. Asked for its page, the inspector
 * builds it at once. */
static void
test_after_first_frame (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = fm_inspector_new ();
  GdkFrameClock *clock;
  gulong handler;
  guint n_frames = 0;
  FmInspector *alone = g_object_ref_sink (FM_INSPECTOR (fm_inspector_new ()));

  gtk_window_set_child (GTK_WINDOW (window), inspector);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  fm_inspector_set_map (FM_INSPECTOR (inspector), f->doc, f->map, f->state);
  g_assert_null (find_page (inspector, "document"));

  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  while (n_frames == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_page (inspector, "document"));
  g_assert_true (gtk_widget_get_visible (find_page (inspector, "document")));
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Not in a window: built when the map is set. */
  fm_inspector_set_map (alone, f->doc, f->map, f->state);
  g_assert_nonnull (find_page (GTK_WIDGET (alone), "document"));
  fm_inspector_set_map (alone, NULL, NULL, NULL);
  g_object_unref (alone);

  /* In a window not shown yet, asked for its page. */
  window = gtk_window_new ();
  inspector = fm_inspector_new ();
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  fm_inspector_set_map (FM_INSPECTOR (inspector), f->doc, f->map, f->state);
  g_assert_null (find_page (inspector, "document"));
  g_assert_cmpstr (fm_inspector_get_page (FM_INSPECTOR (inspector)), ==, "document");
  g_assert_nonnull (find_page (inspector, "document"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Without a display, what needs none. */
  if (!fm_test_have_display ())
    {
      g_test_init (&argc, &argv, NULL);
    }
  else
    {
      gtk_test_init (&argc, &argv, NULL);
      adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
      ADD ("/fm/inspector/fields", test_inspector);
      ADD ("/fm/inspector/limits", test_limits);
      ADD ("/fm/inspector/queue-limit", test_queue_limit);
      ADD ("/fm/inspector/after-first-frame", test_after_first_frame);
#undef ADD
      g_test_add_func ("/fm/inspector/waste", test_inspector_waste);
      g_test_add_func ("/fm/inspector/lead-time-unit", test_inspector_lead_time_unit);
    }

  g_test_add_func ("/fm/inspector/parse-number", test_parse_number);
  g_test_add_func ("/fm/inspector/parse-count", test_parse_count);
  g_test_add_func ("/fm/inspector/process-time-working-day", test_process_time_working_day);

  return g_test_run ();
}
