#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of observed data: the real app on the bundled release
map, the bundled tracker export imported through the file chooser and the
import dialog, applied from the Observed page, all with real key presses
(xdotool); checked through the file it saves, against what
`flowmap observe --json` measures from the same data.

Usage: test-observe.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing. FLOWMAP_GUI_KEEP=1
keeps the temporary folder with the screenshots.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, wait_seen, xdo  # noqa: E402

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")
EXAMPLE = os.path.join(EXAMPLES, "release.flowmap")
CSV = os.path.abspath(os.path.join(EXAMPLES, "release-observed.csv"))


def current(doc):
    return next(m for m in doc["maps"] if m["id"] == "current")


def observed_nodes(doc):
    return [n for n in current(doc)["nodes"] if "observed" in n]


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-observe-")
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(EXAMPLE, path)
    with open(path, encoding="utf-8") as f:
        original = json.load(f)

    # What the command line measures from the same data: the times the
    # application must put on the map.
    measured = json.loads(subprocess.run(
        [binary, "observe", "--csv", CSV, "--json", path],
        check=True, capture_output=True, text=True).stdout)
    # The panel puts the means by default: they add up along the path.
    medians = {n["id"]: round(n["mean_s"]) for n in measured["nodes"] if n["mean_s"] is not None}
    assert len(medians) == 10, medians

    app = App(binary, path, fmgui.isolated_env(tmp))
    step = fmgui.Steps()

    @step("Ctrl+I asks for a CSV file; its path typed opens the import dialog")
    def choose():
        app.key("ctrl+i")
        app.choose_file("Open Observed Data", CSV)
        wait_seen("the import dialog", lambda: fmgui.window_shown("Import Observed Data"))
        time.sleep(1.0)
        app.screenshot("dialog.png")

    @step("Ctrl+Return imports and brings the Observed page forward")
    def import_data():
        def imported():
            # Import is enabled once the file is read: press until it goes.
            if fmgui.window_shown("Import Observed Data")[0]:
                xdo("mousemove", app.x + 400, app.y + 15)
                xdo("key", "ctrl+Return")
                time.sleep(0.5)
            return not fmgui.window_shown("Import Observed Data")[0], None
        wait_seen("the dialog to import and close", imported)
        time.sleep(1.0)
        app.screenshot("observed-page.png")

    @step("Alt+A (Apply Observed Data) changes the map in one step")
    def apply():
        def applied():
            if app.title().startswith("*"):
                return True, app.title()
            app.key("alt+a")
            time.sleep(0.5)
            return app.title().startswith("*"), app.title()
        wait_seen("the map to change", applied)
        app.screenshot("applied.png")

    @step("the saved map has the observed means as times, marked observed")
    def saved():
        doc = app.save(lambda d: len(observed_nodes(d)) == 10, "the observed nodes saved")
        for node in current(doc)["nodes"]:
            if node["id"] not in medians:
                assert "observed" not in node, node
                continue
            key = "wait_s" if node["kind"] == "queue" else "lead_s"
            assert node[key] == medians[node["id"]], (node["id"], node[key], medians[node["id"]])
            assert node["observed"].startswith("observed "), node
            assert "mean of" in node["observed"], node
        # The other map is untouched.
        future = next(m for m in doc["maps"] if m["id"] == "future")
        assert not any("observed" in n for n in future["nodes"])

    @step("Ctrl+Z takes the whole step back")
    def undo():
        app.key("ctrl+z")
        doc = app.save(lambda d: not observed_nodes(d), "the observed times undone")
        assert current(doc)["nodes"] == current(original)["nodes"]

    return fmgui.run_test(step, tmp, app.close)


if __name__ == "__main__":
    sys.exit(main())
