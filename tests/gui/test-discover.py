#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of New Map from Event Data: the real app on the bundled
release map, the main menu's item by its mnemonic, the bundled tracker
export typed into the file chooser, the dialog's Add Map by Ctrl+Return
and Open in New Window by Alt+O, all with real key presses (xdotool);
checked through the file it saves, against what `flowmap discover --json`
drafts from the same data.

Usage: test-discover.py /path/to/flowmap
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
TITLE = "New Map from Event Data"


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-discover-")
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(EXAMPLE, path)
    with open(path, encoding="utf-8") as f:
        n_maps = len(json.load(f)["maps"])

    # What the command line drafts from the same data: the map the
    # application must add.
    drafted = json.loads(subprocess.run(
        [binary, "discover", "--json", CSV], check=True, capture_output=True, text=True).stdout)
    assert len(drafted["nodes"]) == 12, drafted["nodes"]

    app = App(binary, path, fmgui.isolated_env(tmp))
    step = fmgui.Steps()
    dialog = []

    def open_dialog():
        app.key("F10")
        time.sleep(0.7)
        xdo("key", "e")
        app.choose_file("Open Event Data", CSV)
        dialog[:] = wait_seen("the dialog", lambda: fmgui.window_shown(TITLE))
        fmgui.settled_geometry(dialog[0])

    @step("F10, E asks for an event log; its path typed opens the dialog")
    def choose():
        open_dialog()
        # Read in a thread: its rows come once the main loop applies it.
        time.sleep(1.0)
        app.screenshot("dialog.png")

    @step("Ctrl+Return adds the draft as a new map and closes the dialog")
    def add():
        def added():
            if fmgui.window_shown(TITLE)[0]:
                app.key_in(dialog[0], "ctrl+Return")
                time.sleep(0.5)
            return not fmgui.window_shown(TITLE)[0], None
        wait_seen("the dialog to add and close", added)
        app.screenshot("added.png")

    @step("the saved document has the draft: the CLI's nodes and rework rates")
    def saved():
        doc = app.save(lambda d: len(d["maps"]) == n_maps + 1, "the new map saved")
        draft = doc["maps"][-1]
        assert sorted(n["id"] for n in draft["nodes"]) == sorted(n["id"] for n in drafted["nodes"]), draft
        rework = {(e["from"], e["to"]): e["rate"] for e in draft["edges"] if e["kind"] == "rework"}
        expected = {(e["from"], e["to"]): e["rate"] for e in drafted["edges"] if e["kind"] == "rework"}
        assert rework == expected, (rework, expected)

    @step("Alt+O opens the draft in a new untitled window; the document is left as it was")
    def new_window():
        before = set(fmgui.find_windows("Untitled"))
        open_dialog()

        def opened():
            now = set(fmgui.find_windows("Untitled")) - before
            if not now and fmgui.window_shown(TITLE)[0]:
                app.key_in(dialog[0], "alt+o")
                time.sleep(1.0)
                now = set(fmgui.find_windows("Untitled")) - before
            return bool(now), sorted(now)
        window = wait_seen("the draft's window", opened)[0]
        assert not fmgui.window_shown(TITLE)[0]
        fmgui.wait_drawn("the draft's window", fmgui.settled_geometry(window))
        app.screenshot("new-window.png")
        with open(path, encoding="utf-8") as f:
            assert len(json.load(f)["maps"]) == n_maps + 1

    return fmgui.run_test(step, tmp, app.close)


if __name__ == "__main__":
    sys.exit(main())
