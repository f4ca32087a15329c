#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of opening a map over one with changes not saved: the
real app, Ctrl+O, the file chooser, and the Save / Discard / Cancel
question; and File → New from Template. Checked through the window titles,
the number of windows and the files on disk. (Drops are tested in tests/test-window-files.c through the
window's drop target: xdotool cannot drag from another program.)

Usage: test-files.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing. FLOWMAP_GUI_KEEP=1 keeps
the temporary folder, with a screenshot of the question.
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, wait_for, wait_seen  # noqa: E402


def document(title, label):
    nodes = [
        {"id": "t", "kind": "trigger", "label": "Order", "x": 0, "y": 0},
        {"id": "p", "kind": "process", "label": label, "x": 250, "y": 0, "process_s": 3600},
        {"id": "o", "kind": "outcome", "label": "Shipped", "x": 500, "y": 0},
    ]
    edges = [
        {"id": "e1", "from": "t", "to": "p", "kind": "flow"},
        {"id": "e2", "from": "p", "to": "o", "kind": "flow"},
    ]
    return {"format": "flowmap", "version": 1, "title": title,
            "maps": [{"id": "current", "name": "Current", "state": "current",
                      "nodes": nodes, "edges": edges}]}


def flowmap_windows():
    return fmgui.find_windows(" — Flowmap$")


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-files-"))
    first = os.path.join(tmp, "first.flowmap")
    second = os.path.join(tmp, "second.flowmap")
    env = fmgui.isolated_env(tmp)
    texts = {}
    for path, doc in ((first, document("First", "Build")), (second, document("Second", "Review"))):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
        with open(path, encoding="utf-8") as f:
            texts[path] = f.read()
    apps = []

    def unchanged(path):
        with open(path, encoding="utf-8") as f:
            return f.read() == texts[path]

    def edit():
        app = App(binary, first, env)
        apps.append(app)
        app.settle()
        app.key("ctrl+a")
        app.key("ctrl+d")
        app.wait_title("*first.flowmap — Flowmap")

    def ask(answer):
        app = apps[0]
        app.key("ctrl+o")
        app.choose_file("Open Map", second)
        dialog = wait_for("the question", lambda: fmgui.find_windows("^Save Changes\\?$"))[0]
        if os.environ.get("FLOWMAP_GUI_KEEP"):
            fmgui.screenshot(os.path.join(tmp, "question.png"))
        app.key_in(dialog, answer)
        wait_for("the question to go", lambda: not fmgui.find_windows("^Save Changes\\?$"))

    def cancel():
        app = apps[0]
        ask("Escape")
        # Nothing replaced, the edit still there and not written.
        app.wait_title("*first.flowmap — Flowmap")
        assert len(flowmap_windows()) == 1, flowmap_windows()
        assert unchanged(first), "Cancel wrote the map"

    def discard():
        app = apps[0]
        ask("alt+d")
        # The other map in this window, not in a new one; the edit lost.
        app.wait_title("second.flowmap — Flowmap")
        n = wait_seen("one window", lambda: (len(flowmap_windows()) == 1, flowmap_windows()))
        assert n is not None
        assert unchanged(first), "Discard wrote the map"
        assert unchanged(second), "opening wrote the map"

    def open_unmodified():
        # Nothing to lose: the first map again, without a question.
        app = apps[0]
        app.key("ctrl+o")
        app.choose_file("Open Map", first)
        app.wait_title("first.flowmap — Flowmap")
        assert not fmgui.find_windows("^Save Changes\\?$"), "asked with nothing to save"
        assert len(flowmap_windows()) == 1, flowmap_windows()

    def new_from_template():
        # The primary menu (F10) and its item's mnemonic; the window shows
        # a saved map, so the template opens in a new window, untitled and
        # counted as changed.
        app = apps[0]
        app.key("F10")
        app.key("t")
        dialog = wait_for("the template dialog", lambda: fmgui.find_windows("^New from Template$"))[0]
        app.key_in(dialog, "alt+r")
        made = wait_for("the new map's window",
                        lambda: fmgui.find_windows("^\\*Customer onboarding — Flowmap$"))[0]
        assert not fmgui.find_windows("^New from Template$"), "the dialog stayed"
        assert app.title() == "first.flowmap — Flowmap", app.title()
        # Closing it asks, as for any unsaved change; Discard lets it go.
        app.key_in(made, "ctrl+w")
        question = wait_for("the question", lambda: fmgui.find_windows("^Save Changes\\?$"))[0]
        app.key_in(question, "alt+d")
        wait_for("the new window to go",
                 lambda: not fmgui.find_windows("Customer onboarding — Flowmap$"))
        assert app.title() == "first.flowmap — Flowmap", app.title()

    status = 1
    try:
        status = fmgui.run_steps([
            ("an edit marks the map modified", edit),
            ("Open asks first; Cancel keeps the edit", cancel),
            ("Discard opens the other map in this window", discard),
            ("a map without changes is replaced without a question", open_unmodified),
            ("New from Template opens a new, unsaved map that asks on close", new_from_template),
        ])
    finally:
        for app in apps:
            if app.proc.poll() is None:
                app.close()
        if os.environ.get("FLOWMAP_GUI_KEEP") is None:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("# kept " + tmp)
    return status


if __name__ == "__main__":
    sys.exit(main())
