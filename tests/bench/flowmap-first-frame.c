/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flowmap-first-frame.c: how long until the app's first frame shows a map
 *
 * Runs the real application (the ui library's fm_application_run(), as
 * src/main.c does) on the map file given, and prints the time from the
 * start of main() to the end of the first frame whose canvas was laid out
 * with the map: the frame clock's "after-paint" of the window, watched
 * through signal emission hooks, so the product has no hook of its own.
 * It prints too when the frame after it ended ("next_frame_ms"): what
 * the window builds once the map shows (the inspector's page) shows
 * there. Then it quits. With --first-only it ends the process right at the
 * first frame, for profilers that count the whole run (callgrind). Exec and dynamic linking before main() are not counted;
 * `flowmap-bench --save-map` writes a map to time. See
 * docs/performance.md.
 *
 * `flowmap-first-frame --bare` times the same for a bare libadwaita window
 * (a header bar and a label, nothing of Flowmap's): what any such app pays
 * on the machine before its own work.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <adwaita.h>
#include <gtk/gtk.h>

#include "fm-application.h"
#include "fm-canvas.h"

static gint64 start_us;
static FmCanvas *canvas;        /* the first canvas realized */
static gboolean laid_out_with_map;
static gboolean done;
static gboolean bare;           /* --bare: no map, the first frame counts */
static gboolean first_only;     /* --first-only: _exit() at the first frame */

static void
on_layout (GdkFrameClock *clock)
{
  /* The canvas draws in the paint phase that follows this layout. */
  laid_out_with_map = bare ||
                      (canvas != NULL && fm_canvas_get_map (canvas) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (canvas)) &&
                       gtk_widget_get_width (GTK_WIDGET (canvas)) > 1);
}

static void
on_after_paint (GdkFrameClock *clock)
{
  static double first_ms, cpu_ms;
  struct rusage usage;

  if (done || !laid_out_with_map)
    return;

  /* The CPU time too: on a loaded machine the wall time says little. */
  getrusage (RUSAGE_SELF, &usage);
  if (first_ms == 0)
    {
      first_ms = (g_get_monotonic_time () - start_us) / 1000.0;
      cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
      if (first_only)
        {
          printf ("{\"first_frame_ms\": %.1f, \"cpu_ms\": %.1f}\n", first_ms, cpu_ms);
          fflush (stdout);
          _exit (0);
        }
      /* Whatever waited for the first frame makes the next one. */
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  done = TRUE;
  printf ("{\"first_frame_ms\": %.1f, \"cpu_ms\": %.1f, \"next_frame_ms\": %.1f, \"nodes\": %u}\n",
          first_ms, cpu_ms, (g_get_monotonic_time () - start_us) / 1000.0,
          bare ? 0 : fm_map_get_n_nodes (fm_canvas_get_map (canvas)));
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static gboolean
on_realize (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (FM_IS_CANVAS (widget) && canvas == NULL)
    canvas = FM_CANVAS (widget);
  else if (GTK_IS_WINDOW (widget))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

      g_signal_connect (clock, "layout", G_CALLBACK (on_layout), NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
    }

  return TRUE;
}

/* The floor: a window of the size of Flowmap's, with nothing in it. */
static void
bare_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Flowmap"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  start_us = g_get_monotonic_time ();
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--first-only"))
    {
      first_only = TRUE;
      argv[1] = argv[2];
      argv[2] = NULL;
      argc = 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: flowmap-first-frame [--first-only] FILE.flowmap\n"
                  "       flowmap-first-frame [--first-only] --bare\n");
      return 2;
    }

  gtk_init ();
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, on_realize, NULL, NULL);

  if (g_str_equal (argv[1], "--bare"))
    {
      g_autoptr(AdwApplication) app = adw_application_new ("io.github.flowmap.FirstFrameBare",
                                                           G_APPLICATION_NON_UNIQUE);

      bare = TRUE;
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }

  return fm_application_run (argc, argv);
}
