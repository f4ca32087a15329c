#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the README's screenshots: the real app on the bundled release
example, under Xvfb at a fixed window size (1600 × 1000), driven with xdotool
as the GUI tests drive it (tests/gui/fmgui.py).

Usage: screenshots.py /path/to/flowmap OUTPUT_FOLDER
build-aux/screenshots.sh builds the app and runs this under xvfb-run, on
a screen larger than the window (1920 × 1200 for a 1600 × 1000 window).

The example is copied to ~/Documents/release.flowmap in a home of its own,
so that the window's subtitle reads "~/Documents", never a temporary folder.
Writes editor.png (the whole map fitted, the Metrics page with its
constraints beside it), editor-dark.png (dark style, a step selected, the
inspector), present.png (a slide of the presentation), observed.png
(the Observed page after importing the example's measured times) and
simulate.png (the Simulate page run on the future state, beside its
current state, with the lead-time histogram).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "gui"))
import fmgui  # noqa: E402
from fmgui import App, wait_drawn, wait_seen, xdo  # noqa: E402

EXAMPLES = os.path.join(ROOT, "data", "examples")
WINDOW = (1600, 1000)


def window_shot(app, path):
    """The app's window alone, as it shows on screen."""
    app.settle()
    subprocess.run(["import", "-window", "root", "-crop",
                    "%dx%d+%d+%d" % (app.width, app.height, app.x, app.y), "+repage", path],
                   check=True)
    print("wrote " + path)


def start(binary, home, **extra):
    env = fmgui.no_animations(fmgui.isolated_env(home, **extra))
    # The app draws with Cairo either way; without GL, a screen grab under
    # Xvfb sees what it drew.
    env["GDK_DEBUG"] = "gl-disable"
    env.pop("LANGUAGE", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    documents = os.path.join(home, "Documents")
    os.makedirs(documents, exist_ok=True)
    path = os.path.join(documents, "release.flowmap")
    shutil.copy(os.path.join(EXAMPLES, "release.flowmap"), path)
    app = App(binary, path, env)
    # Larger than the app's default, for a map that reads when fitted.
    xdo("windowsize", app.window, *WINDOW)
    app.settle()
    return app


def still(app):
    """Waits until the whole window has been drawn and holds still."""
    return wait_drawn("the window", (app.x, app.y, app.width, app.height))


def side_tab(app, n):
    """Shows the nth (0-based) page of the side panel (Inspector, Metrics,
    Experiments, Observed, Simulate) as the keyboard does: Ctrl+Tab from
    the canvas to the switcher's first tab, Tab to the nth, Space. The
    tabs move whenever one is added (the panel is as wide as they make
    it); the keys do not."""
    app.key("ctrl+Tab")
    xdo("key", *(["Tab"] * n), "space")


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    out = os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-shots-"))

    try:
        # The whole map, fitted, with the Metrics page and its constraints.
        app = start(binary, os.path.join(tmp, "light"))
        still(app)
        side_tab(app, 1)
        time.sleep(0.5)
        still(app)
        window_shot(app, os.path.join(out, "editor.png"))

        # A slide of the presentation: F5, then on to the constraints.
        app.key("F5")
        time.sleep(1.0)
        app.settle()
        for _ in range(2):
            xdo("key", "Next")
        time.sleep(0.5)
        still(app)
        window_shot(app, os.path.join(out, "present.png"))
        xdo("key", "Escape")
        time.sleep(0.5)

        # The Observed page after importing the measured times.
        app.key("ctrl+i")
        app.choose_file("Open Observed Data", os.path.join(EXAMPLES, "release-observed.csv"))
        wait_seen("the import dialog", lambda: fmgui.window_shown("Import Observed Data"))
        time.sleep(1.0)

        def imported():
            if fmgui.window_shown("Import Observed Data")[0]:
                xdo("mousemove", app.x + 400, app.y + 15)
                xdo("key", "ctrl+Return")
                time.sleep(0.5)
            return not fmgui.window_shown("Import Observed Data")[0], None
        wait_seen("the dialog to import and close", imported)
        time.sleep(1.0)
        still(app)
        window_shot(app, os.path.join(out, "observed.png"))
        app.close()

        # The Simulate page on the future state (Ctrl+Page Down), run with
        # its defaults (Alt+R): its figures beside the current state's and
        # the lead-time histogram.
        with fmgui.DisplayHeld():
            app = start(binary, os.path.join(tmp, "simulate"))
        still(app)
        app.key("ctrl+Page_Down")
        still(app)
        side_tab(app, 4)
        time.sleep(0.5)
        still(app)
        xdo("key", "alt+r")
        time.sleep(1.0)
        still(app)
        window_shot(app, os.path.join(out, "simulate.png"))
        app.close()

        # Dark style: a step selected (Tab walks the steps in flow order).
        with fmgui.DisplayHeld():
            app = start(binary, os.path.join(tmp, "dark"), ADW_DEBUG_COLOR_SCHEME="prefer-dark")
        still(app)
        app.key(*["Tab"] * 5)
        time.sleep(0.5)
        still(app)
        window_shot(app, os.path.join(out, "editor-dark.png"))
        app.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
