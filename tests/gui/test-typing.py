#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Typing into the inspector at xdotool's full speed: the real app under
Xvfb, checked through the file it saves.

A click on a row and the keys typed right after it, then a click on the
next row and its keys, with no pause anywhere: each value lands in the row
it was typed into (src/ui/fm-inspector.c applies what is typed in the
handler of the keystroke, not later). Escape takes a row back to the value
it had when it got the focus and leaves no undo step; text a row refuses
shows a line under it that says why.

Usage: test-typing.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, wait_drawn, xdo  # noqa: E402

DOCUMENT = {
    "format": "flowmap",
    "version": 1,
    "title": "Typing",
    "maps": [{
        "id": "current",
        "name": "Current state",
        "state": "current",
        "nodes": [{"id": "stamp", "kind": "process", "label": "Stamping",
                   "x": 100, "y": 100, "width": 160, "height": 120}],
    }],
}

# The rows of a process step in the inspector, from the window's right
# edge and top (the window opens at 1400 × 900 on a 1600 × 1000 screen).
ROW_X = -250
PROCESS_TIME_Y = 304
LEAD_TIME_Y = 359
PCA_Y = 414


def step(doc):
    return doc["maps"][0]["nodes"][0]


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-typing-"))
    path = os.path.join(tmp, "typing.flowmap")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(DOCUMENT, f)
    env = fmgui.no_animations(fmgui.isolated_env(tmp))
    app = App(binary, path, env)
    state = {}

    def row(y):
        return app.x + app.width + ROW_X, app.y + y

    def click_row(y):
        xdo("mousemove", *row(y))
        xdo("click", 1)

    def fast(text):
        xdo("type", "--delay", 0, text)

    def select_step():
        app.settle()
        inspector = (app.x + app.width - 320, app.y + 100, 310, 400)
        before = fmgui.pixels(inspector)
        # The canvas has the keyboard in a new window: Tab selects the step.
        app.key("Tab")
        state["shown"] = wait_drawn("the step's rows in the inspector", inspector, before)

    def back_to_back():
        # Click, type, Enter, click the next row, type: no pause at all.
        click_row(PROCESS_TIME_Y)
        fast("3 h")
        xdo("key", "Return")
        click_row(LEAD_TIME_Y)
        fast("2 d")
        click_row(PCA_Y)
        fast("80")
        doc = app.save(lambda d: step(d).get("pca") == 80, "the %C&A saved")
        assert step(doc).get("process_s") == 3 * 3600, step(doc)
        assert step(doc).get("lead_s") == 2 * 86400, step(doc)

    def over_typed():
        # Replacing a value (Ctrl+A, then the keys) and going straight on.
        click_row(LEAD_TIME_Y)
        xdo("key", "ctrl+a")
        fast("4 d")
        click_row(PROCESS_TIME_Y)
        xdo("key", "ctrl+a")
        fast("45 min")
        xdo("key", "Tab")
        doc = app.save(lambda d: step(d).get("process_s") == 45 * 60, "the new process time saved")
        assert step(doc).get("lead_s") == 4 * 86400, step(doc)

    def escape():
        # Typed and already applied, then Escape: the value it had, and
        # Ctrl+Z then undoes the step before (the process time), not the
        # typing that Escape took back.
        click_row(LEAD_TIME_Y)
        xdo("key", "ctrl+a")
        fast("9 d")
        xdo("key", "Escape")
        doc = app.save(lambda d: True, "the map after Escape")
        assert step(doc).get("lead_s") == 4 * 86400, step(doc)
        xdo("key", "ctrl+z")
        doc = app.save(lambda d: step(d).get("process_s") != 45 * 60, "the process time undone")
        assert step(doc).get("process_s") == 3 * 3600, step(doc)
        assert step(doc).get("lead_s") == 4 * 86400, step(doc)

    def refused():
        # Text that is no duration: a line shows under the row, so the rows
        # below move down; nothing is applied, and Escape takes the row back.
        below = (app.x + app.width - 320, app.y + PROCESS_TIME_Y + 28, 310, 60)
        click_row(PROCESS_TIME_Y)
        before = wait_drawn("the process time focused", below)
        xdo("key", "ctrl+a")
        fast("three hours")
        wait_drawn("the line under the refused row", below, before)
        xdo("key", "Escape")
        xdo("key", "Tab")
        doc = app.save(lambda d: True, "the map after the refused text")
        assert step(doc).get("process_s") == 3 * 3600, step(doc)

    return fmgui.run_test([
        ("the step selected shows its rows", select_step),
        ("three rows typed back to back at full speed", back_to_back),
        ("values typed over, back to back", over_typed),
        ("Escape takes a row back, with no undo step", escape),
        ("a refused text says why under its row", refused),
    ], tmp, app.close)


if __name__ == "__main__":
    sys.exit(main())
