#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drawing a map with the keyboard alone: the real app under Xvfb, driven
only by key presses (xdotool key and type; the pointer only rests on the
header bar, which gives the window the keyboard when there is no window
manager), checked through the file it saves.

The keys (see src/ui/fm-canvas-keyboard.c): Ctrl+Shift+Tab leaves the
canvas for the palette, Enter on a shape places it next to the selection,
Enter edits a label, Ctrl+Enter adds a connected step and opens its
label, Tab and Shift+Tab walk the nodes in flow order, C connects the
selection to the node Tab picks, Ctrl+Tab goes on to the inspector.

Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fmgui import (App, find_windows, geometry, isolated_env, need_display,  # noqa: E402
                   run_steps, wait_for, xdo)


def nodes(doc):
    return doc["maps"][0].get("nodes", [])


def edges(doc):
    return doc["maps"][0].get("edges", [])


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None   # not written yet, or being replaced


def settled(window):
    """A window just mapped is still being laid out: wait until its size
    holds for a moment before typing into it."""
    samples = []
    for _ in range(4):
        samples.append(geometry(window))
        time.sleep(0.25)
    return len(set(samples)) == 1


def main():
    need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-kbd-")
    # A name that does not exist yet: the app starts a new map to be saved there.
    path = os.path.join(tmp, "keyboard.flowmap")
    env = isolated_env(tmp)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    app = App(binary, path, env)
    wait_for("the window to settle", lambda: settled(app.window))

    def save(condition, what):
        """Ctrl+S, then wait until the saved file says what we expect."""
        app.key("ctrl+s")

        def saved():
            doc = load(path)
            return doc if doc is not None and condition(doc) else None
        return wait_for(what, saved)

    def by_label(doc):
        return {n.get("label", ""): n for n in nodes(doc)}

    def draw():
        # The canvas has the focus in a new window. Back out to the palette
        # (the connector choice comes first going backwards, then the
        # shapes from the last, the note, up to the process step), place a
        # step with Enter and name it.
        app.key("ctrl+shift+Tab")
        app.key(*["shift+Tab"] * 7)
        app.key("Return")
        app.key("Return")
        xdo("type", "--delay", 20, "Code review")
        app.key("Return")
        # The next step, connected to the first, its label open at once.
        app.key("ctrl+Return")
        xdo("type", "--delay", 20, "Build")
        app.key("Return")
        # The third from the palette again: placed after "Build" but not
        # connected; the connection comes with C below.
        app.key("ctrl+shift+Tab")
        app.key(*["shift+Tab"] * 7)
        app.key("space")
        app.key("F2")
        xdo("type", "--delay", 20, "Test")
        app.key("Return")
        doc = save(lambda d: sorted(by_label(d)) == ["Build", "Code review", "Test"],
                   "three named steps saved")
        labels = by_label(doc)
        assert all(n["kind"] == "process" for n in nodes(doc)), nodes(doc)
        assert len(edges(doc)) == 1, edges(doc)
        # Left to right, each placed after the one selected.
        assert labels["Code review"]["x"] < labels["Build"]["x"] < labels["Test"]["x"], labels

    def connect():
        # "Test" is selected and no flow reaches it yet, so flow order is
        # Code review, Build, Test: Shift+Tab selects Build. C aims at the next
        # node, Test; Tab goes round past Code review back to Test, which checks
        # that Tab moves the target; Enter connects.
        app.key("shift+Tab")
        app.key("c")
        app.key("Tab", "Tab")
        app.key("Return")
        doc = save(lambda d: len(edges(d)) == 2, "the second connection saved")
        ids = {n["id"]: n.get("label") for n in nodes(doc)}
        flow = [(ids[e["from"]], ids[e["to"]], e["kind"]) for e in edges(doc)]
        assert flow == [("Code review", "Build", "flow"), ("Build", "Test", "flow")], flow

    def escape_connect():
        # C then Escape leaves nothing behind; Ctrl+Z then takes the last
        # connection away and Ctrl+Shift+Z brings it back.
        app.key("c", "Escape")
        app.key("ctrl+z")
        save(lambda d: len(edges(d)) == 1, "the connection undone")
        app.key("ctrl+shift+z")
        save(lambda d: len(edges(d)) == 2, "the connection redone")

    def inspector():
        # Tab from the selected "Test" wraps round to "Code review"; Ctrl+Tab
        # leaves the canvas for the side panel: its view switcher (five
        # buttons), then the label row and the process time row.
        app.key("Tab")
        app.key("ctrl+Tab")
        app.key(*["Tab"] * 6)
        xdo("type", "--delay", 20, "2h 30m")
        # Leaving the row applies the text at once (Enter would leave it
        # to an idle callback, which the Ctrl+S already queued would beat).
        app.key("Tab")
        doc = save(lambda d: by_label(d)["Code review"].get("process_s") == 9000,
                   "the process time of Code review saved")
        assert "process_s" not in by_label(doc)["Build"], by_label(doc)["Build"]

    def save_as():
        # Ctrl+Shift+S: the file chooser opens with the name selected in its
        # name field; a whole path typed there goes to that folder.
        copy = os.path.join(tmp, "copy.flowmap")
        app.key("ctrl+shift+s")
        dialog = wait_for("the Save As dialog", lambda: find_windows("Save Map As"))[0]
        wait_for("the dialog to settle", lambda: settled(dialog))
        app.key_in(dialog, "ctrl+a")
        xdo("type", "--delay", 20, copy)
        app.key_in(dialog, "Return")
        doc = wait_for("the copy saved", lambda: load(copy))
        ids = {n["id"]: n.get("label") for n in nodes(doc)}
        assert sorted(ids.values()) == ["Build", "Code review", "Test"], ids
        assert [(ids[e["from"]], ids[e["to"]]) for e in edges(doc)] == \
            [("Code review", "Build"), ("Build", "Test")], edges(doc)
        wait_for("the window to show the new name", lambda: "copy.flowmap" in app.title())

    try:
        status = run_steps([
            ("place, name and connect three steps from the keyboard", draw),
            ("connect two steps with C, Tab and Enter", connect),
            ("Escape drops a connection; undo and redo", escape_connect),
            ("type a process time in the inspector", inspector),
            ("save as another file from the keyboard", save_as),
        ])
    finally:
        app.close()
        if os.environ.get("FLOWMAP_GUI_KEEP") is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
