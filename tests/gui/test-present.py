#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the maps and the presentation mode: the real app on
the bundled release map, driven with real key presses (xdotool), checked
through the window's title (which names the slide shown), the file it
saves, and screenshots of the slides.

Usage: test-present.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing. FLOWMAP_GUI_KEEP=1
keeps the temporary folder with the screenshots.
"""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, xdo  # noqa: E402

EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "data", "examples", "release.flowmap")

SLIDES = [
    "Current state (1/7) — Flowmap",
    "Constraint 1 of 3: Waiting for security review (2/7) — Flowmap",
    "Constraint 2 of 3: Coding (3/7) — Flowmap",
    "Constraint 3 of 3: Waiting for the release window (4/7) — Flowmap",
    "Cycle time / takt: Current state (5/7) — Flowmap",
    "Future state (6/7) — Flowmap",
    "Current state → Future state (7/7) — Flowmap",
]
EDITOR = "release.flowmap — Flowmap"


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-present-")
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(EXAMPLE, path)
    app = App(binary, path, fmgui.isolated_env(tmp))
    step = fmgui.Steps()

    @step("F5 starts the presentation on the current state")
    def start():
        app.wait_title(EDITOR)
        app.key("F5")
        app.wait_title(SLIDES[0])
        app.screenshot("slide-1.png")

    @step("Page Down, Space, Right and Down step forward through every slide")
    def forward():
        for key, slide in zip(["Next", "space", "Right", "Down", "Return", "Next"], SLIDES[1:]):
            app.key(key)
            app.wait_title(slide)
            app.screenshot("slide-%d.png" % (SLIDES.index(slide) + 1))

    @step("past the last slide nothing moves")
    def past_end():
        app.key("Next")
        time.sleep(0.3)  # give a wrong step the time to show, then check
        app.wait_title(SLIDES[-1])

    @step("Page Up, Backspace, Left and Up step back; Home and End jump")
    def backward():
        for key, slide in zip(["Prior", "BackSpace", "Left", "Up"], reversed(SLIDES[1:-1])):
            app.key(key)
            app.wait_title(slide)
        app.key("Home")
        app.wait_title(SLIDES[0])
        app.key("End")
        app.wait_title(SLIDES[-1])

    @step("Escape leaves the presentation for the editor")
    def leave():
        app.key("Escape")
        app.wait_title(EDITOR)
        app.screenshot("editor.png")

    @step("on the future state, the presentation still starts from its origin")
    def from_future():
        app.key("ctrl+Next")
        time.sleep(0.3)
        app.key("F5")
        app.wait_title(SLIDES[0])
        app.key("End")
        app.wait_title(SLIDES[-1])
        app.key("F5")
        app.wait_title(EDITOR)

    @step("a future state made, saved and undone")
    def future_state():
        # Back to the current state, then the map list's "+" menu (157 px
        # in, 74 px down): its third item is Create Future State.
        app.key("ctrl+Prior")
        time.sleep(0.3)
        doc = None
        # A busy machine may open the menu after the keys were sent: then
        # nothing happened, and the menu is closed and opened again.
        for attempt in range(3):
            xdo("mousemove", app.x + 157, app.y + 74)
            xdo("click", 1)
            time.sleep(1.0)
            xdo("key", "Down", "Down", "Return")
            time.sleep(0.5)
            try:
                doc = app.save(lambda d: len(d["maps"]) == 3, "three maps saved", timeout=8)
                break
            except AssertionError:
                if attempt == 2:
                    raise
                xdo("key", "Escape")
                time.sleep(0.5)
        made = doc["maps"][2]
        current = doc["maps"][0]
        assert made["state"] == "future", made
        assert made["based_on"] == "current", made
        assert made["name"] == "Future state 2", made
        assert [n["id"] for n in made["nodes"]] == [n["id"] for n in current["nodes"]]
        app.key("ctrl+z")
        app.save(lambda d: len(d["maps"]) == 2, "the future state undone")

    return fmgui.run_test(step, tmp, app.close)


if __name__ == "__main__":
    sys.exit(main())
