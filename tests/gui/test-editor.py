#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the editor: the real app, driven with real pointer
drags and key presses (xdotool), checked through the file it saves.

Usage: test-editor.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, drag, xdo  # noqa: E402


class Editor(App):
    def __init__(self, binary, path):
        super().__init__(binary, path, fmgui.isolated_env(os.path.dirname(path)))
        self.settle()
        # Saved once, the empty map says the app has finished starting up:
        # a drag begun before then may be cancelled.
        self.save(lambda d: not d["maps"][0].get("nodes"), "the empty map saved")
        # The canvas keeps the map at 100 % and its origin 32 px in, until
        # something calibrates it better (see place_first).
        self.canvas_x = None
        self.canvas_y = None

    def to_screen(self, mx, my):
        return int(self.canvas_x + mx), int(self.canvas_y + my)

    def centre(self, node, fy=0.5):
        return self.to_screen(node["x"] + node["width"] / 2, node["y"] + node["height"] * fy)


def nodes(doc):
    return doc["maps"][0].get("nodes", [])


def edges(doc):
    return doc["maps"][0].get("edges", [])


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-gui-")
    # A name that does not exist yet: the app starts a new map to be saved there.
    path = os.path.join(tmp, "editor-test.flowmap")
    editor = Editor(binary, path)

    state = {}

    # The palette's first shape is the process step: 115 px in, 200 px down,
    # under the list of the document's maps (one map in a new document).
    palette_x, palette_y = editor.x + 115, editor.y + 200

    def place_first():
        drop_x, drop_y = editor.x + 500, editor.y + 300
        drag(palette_x, palette_y, drop_x, drop_y)
        doc = editor.save(lambda d: len(nodes(d)) == 1, "one node saved")
        node = nodes(doc)[0]
        assert node["kind"] == "process", node
        # Calibrate: the node is centred where it was dropped (to the grid).
        editor.canvas_x = drop_x - (node["x"] + node["width"] / 2)
        editor.canvas_y = drop_y - (node["y"] + node["height"] / 2)
        state["first"] = node["id"]

    def place_second():
        drag(palette_x, palette_y, editor.x + 850, editor.y + 300)
        doc = editor.save(lambda d: len(nodes(d)) == 2, "two nodes saved")
        second = [n for n in nodes(doc) if n["id"] != state["first"]][0]
        assert second["kind"] == "process"
        assert abs(second["x"] - (nodes(doc)[0]["x"] + 350)) <= 10, second
        state["second"] = second["id"]
        state["doc"] = doc

    def move_first():
        first = [n for n in nodes(state["doc"]) if n["id"] == state["first"]][0]
        x, y = editor.centre(first, 0.6)
        drag(x, y, x, y + 200)
        doc = editor.save(lambda d: [n for n in nodes(d) if n["id"] == state["first"]][0]["y"]
                          != first["y"], "the moved node saved")
        moved = [n for n in nodes(doc) if n["id"] == state["first"]][0]
        assert abs(moved["y"] - first["y"] - 200) <= 10, (first, moved)
        assert moved["x"] == first["x"], (first, moved)
        state["doc"] = doc

    def connect():
        first = [n for n in nodes(state["doc"]) if n["id"] == state["first"]][0]
        second = [n for n in nodes(state["doc"]) if n["id"] == state["second"]][0]
        # Hover the node: its connection handle shows 19 px right of it.
        hx, hy = editor.to_screen(first["x"] + first["width"] + 19, first["y"] + first["height"] / 2)
        xdo("mousemove", *editor.centre(first))
        time.sleep(0.1)
        xdo("mousemove", hx - 8, hy)
        time.sleep(0.1)
        drag(hx, hy, *editor.centre(second))
        doc = editor.save(lambda d: len(edges(d)) == 1, "one edge saved")
        edge = edges(doc)[0]
        assert edge["from"] == state["first"] and edge["to"] == state["second"], edge
        assert edge.get("kind", "flow") == "flow", edge
        state["doc"] = doc

    def rename():
        first = [n for n in nodes(state["doc"]) if n["id"] == state["first"]][0]
        x, y = editor.centre(first, 0.6)
        xdo("mousemove", x, y)
        xdo("click", "--repeat", 2, "--delay", 80, 1)
        time.sleep(0.3)
        xdo("type", "--delay", 20, "Build")
        xdo("key", "Return")
        doc = editor.save(lambda d: [n for n in nodes(d) if n["id"] == state["first"]][0].get("label") == "Build",
                          "the new label saved")
        state["doc"] = doc

    def undo_redo():
        editor.key("ctrl+z")
        editor.save(lambda d: [n for n in nodes(d) if n["id"] == state["first"]][0].get("label", "") == "",
                    "the rename undone")
        editor.key("ctrl+z")
        editor.save(lambda d: len(edges(d)) == 0, "the connection undone")
        editor.key("ctrl+shift+z")
        editor.save(lambda d: len(edges(d)) == 1, "the connection redone")
        editor.key("ctrl+shift+z")
        editor.save(lambda d: [n for n in nodes(d) if n["id"] == state["first"]][0].get("label") == "Build",
                    "the rename redone")

    return fmgui.run_test([
        ("drag a process step from the palette onto the canvas", place_first),
        ("drop a second step", place_second),
        ("move a node by dragging it", move_first),
        ("connect two nodes from the connection handle", connect),
        ("rename a node by double-click", rename),
        ("undo and redo", undo_redo),
    ], tmp, editor.close)


if __name__ == "__main__":
    sys.exit(main())
