#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the README's screenshots: the real app on the bundled release
example, under Xvfb at a fixed window size (1600 × 1000), driven with xdotool
as the GUI tests drive it (tests/gui/fmgui.py).

Usage: screenshots.py /path/to/flowmap OUTPUT_FOLDER [SHOT…]
build-aux/screenshots.sh builds the app and runs this under xvfb-run, on
a screen larger than the window (1920 × 1200 for a 1600 × 1000 window).
SHOT names the shots to make (editor, present, observed, simulate, discovered,
editor-dark, lanes); without any, all of them.

The example is copied to ~/Documents/release.flowmap in a home of its own,
so that the window's subtitle reads "~/Documents", never a temporary folder.
Writes editor.png (the whole map fitted, the Metrics page with its
constraints beside it), editor-dark.png (dark style, a step selected, the
inspector), present.png (a slide of the presentation), observed.png
(the Observed page after importing the example's measured times),
simulate.png (the Simulate page run on the future state, beside its
current state, with the lead-time histogram), discovered.png (the map New
Map from Event Data drafts from the example's export, opened in a new
window with its variants beside it), and the example arranged in lanes
(shot "lanes"): lanes.png (the app, with the Metrics page's lanes),
lanes-pdf.png (a PDF export's page, rendered back) and lanes-present.png
(the presentation's first slide).
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


SHOTS = ["editor", "present", "observed", "simulate", "discovered", "editor-dark", "lanes"]


def crop_shot(region, path):
    """The region (x, y, width, height) of the screen, as it shows."""
    subprocess.run(["import", "-window", "root", "-crop", "%dx%d+%d+%d" % (region[2], region[3], region[0], region[1]),
                    "+repage", path], check=True)
    print("wrote " + path)


def window_shot(app, path):
    """The app's window alone, as it shows on screen."""
    app.settle()
    crop_shot((app.x, app.y, app.width, app.height), path)


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


def discovered(binary, home, out):
    """New Map from Event Data on the example's export (the main menu's
    item by its mnemonic), the draft opened in a new window: that window,
    at the same size, with its Variants page."""
    app = start(binary, home)
    still(app)
    app.key("F10")
    time.sleep(0.7)
    xdo("key", "e")
    app.choose_file("Open Event Data", os.path.join(EXAMPLES, "release-observed.csv"))
    dialog = wait_seen("the dialog", lambda: fmgui.window_shown("New Map from Event Data"))[0]
    region = fmgui.settled_geometry(dialog)
    # Read in a thread: the draft's rows are drawn once it is done.
    time.sleep(2.0)
    wait_drawn("the dialog", region)
    before = set(fmgui.find_windows("Untitled"))

    def opened():
        now = set(fmgui.find_windows("Untitled")) - before
        if not now:
            app.key_in(dialog, "alt+o")
            time.sleep(1.0)
            now = set(fmgui.find_windows("Untitled")) - before
        return bool(now), sorted(now)
    window = wait_seen("the draft's window", opened)[0]
    xdo("windowsize", window, *WINDOW)
    region = fmgui.settled_geometry(window)
    time.sleep(1.0)
    wait_drawn("the draft's window", region)
    crop_shot(region, os.path.join(out, "discovered.png"))
    app.kill()


def pdf_to_png(pdf, png):
    """The first page of pdf as png, at 72 dpi (a pixel a point): Poppler’s
    pdftoppm, or where that is missing a renderer of the first page given
    in FLOWMAP_PDF2PNG (run as: PROGRAM PDF PNG SCALE)."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", pdf, png[:-len(".png")]], check=True)
    elif os.environ.get("FLOWMAP_PDF2PNG"):
        subprocess.run([os.environ["FLOWMAP_PDF2PNG"], pdf, png, "1"], check=True)
    else:
        raise SystemExit("pdftoppm (poppler-utils) is needed to render the PDF page")
    print("wrote " + png)


def lanes_shots(binary, tmp, out):
    """The release map arranged in lanes (the main menu's Arrange in
    Lanes: F10, then its mnemonic), fitted: in the app with the
    Metrics page scrolled to its lanes, on a PDF page of `flowmap export`
    with the legend, and on the presentation's first slide."""
    app = start(binary, os.path.join(tmp, "lanes"))
    still(app)
    xdo("mousemove", app.x + app.width // 2, app.y + 15)
    fmgui.popdown(fmgui.popup("F10"), "l")
    app.save(lambda d: d["maps"][0].get("lanes"), "the map arranged in lanes")
    # Zoom to Fit, from the same menu: the map grew by its lanes.
    xdo("mousemove", app.x + app.width // 2, app.y + 15)
    fmgui.popdown(fmgui.popup("F10"), "z")
    # The keys to the side panel start from the canvas: a click on an
    # empty part of it gives it the focus back from the menu.
    xdo("mousemove", app.x + 700, app.y + app.height - 60)
    xdo("click", 1)
    time.sleep(0.3)
    side_tab(app, 1)
    time.sleep(0.5)
    # Down the Metrics page to its lanes, under the figures and the chart.
    xdo("mousemove", app.x + app.width - 160, app.y + 500)
    xdo("click", "--repeat", "9", "--delay", "30", "5")
    time.sleep(0.5)
    still(app)
    window_shot(app, os.path.join(out, "lanes.png"))

    pdf = os.path.join(tmp, "lanes.pdf")
    subprocess.run([binary, "export", "--legend", "-o", pdf, app.path], check=True)
    pdf_to_png(pdf, os.path.join(out, "lanes-pdf.png"))

    app.key("F5")
    time.sleep(1.0)
    app.settle()
    still(app)
    window_shot(app, os.path.join(out, "lanes-present.png"))
    xdo("key", "Escape")
    app.close()


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    out = os.path.abspath(sys.argv[2])
    shots = set(sys.argv[3:]) or set(SHOTS)
    unknown = shots - set(SHOTS)
    if unknown:
        sys.exit("no such shot: %s (there are %s)" % (", ".join(sorted(unknown)), ", ".join(SHOTS)))
    os.makedirs(out, exist_ok=True)
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-shots-"))

    try:
        if shots & {"editor", "present", "observed"}:
            light(binary, os.path.join(tmp, "light"), out, shots)
        if "simulate" in shots:
            simulate(binary, os.path.join(tmp, "simulate"), out)
        if "discovered" in shots:
            discovered(binary, os.path.join(tmp, "discover"), out)
        if "editor-dark" in shots:
            dark(binary, os.path.join(tmp, "dark"), out)
        if "lanes" in shots:
            lanes_shots(binary, tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def light(binary, home, out, shots):
    """The editor, a slide and the Observed page, one after the other in one run."""
    app = start(binary, home)
    still(app)
    if "editor" in shots:
        # The whole map, fitted, with the Metrics page and its constraints.
        side_tab(app, 1)
        time.sleep(0.5)
        still(app)
        window_shot(app, os.path.join(out, "editor.png"))

    if "present" in shots:
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

    if "observed" in shots:
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


def dark(binary, home, out):
    """Dark style: a step selected (Tab walks the steps in flow order)."""
    with fmgui.DisplayHeld():
        app = start(binary, home, ADW_DEBUG_COLOR_SCHEME="prefer-dark")
    still(app)
    app.key(*["Tab"] * 5)
    time.sleep(0.5)
    still(app)
    window_shot(app, os.path.join(out, "editor-dark.png"))
    app.close()


def simulate(binary, home, out):
    """The Simulate page on the future state (Ctrl+Page Down), run with
    its defaults (Alt+R): its figures beside the current state's and the
    lead-time histogram."""
    with fmgui.DisplayHeld():
        app = start(binary, home)
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


if __name__ == "__main__":
    sys.exit(main())
