#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swimlanes edited with the pointer and the keys, in the real app:
a lane's header dragged to another place, a step dragged into another
lane (it takes the lane's role, and its queue comes along), and the
lane's context menu opened with the Menu key. Checked through the file
the app saves, and each undone with one Ctrl+Z.

Usage: test-lanes.py /path/to/flowmap
Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, drag, xdo  # noqa: E402

# Three lanes, one row each (200 high), arranged as Arrange in Lanes
# would: Dev's step, QA's queue and step, Ops's queue and step, as a
# staircase. The headers are the 150 px left of the bands, which start
# 25 + 150 left of the first node.
MAP = {
    "format": "flowmap", "version": 1, "title": "Lanes",
    "maps": [{
        "id": "m", "name": "Lanes", "lanes": ["Dev", "QA", "Ops"],
        "nodes": [
            {"id": "a", "kind": "process", "label": "Write", "x": 0, "y": 40, "width": 160, "height": 120,
             "process_s": 3600, "lead_s": 7200, "people": 1, "role": "Dev"},
            {"id": "q1", "kind": "queue", "label": "To test", "x": 210, "y": 255, "width": 100, "height": 90,
             "wait_s": 3600},
            {"id": "b", "kind": "process", "label": "Test", "x": 360, "y": 240, "width": 160, "height": 120,
             "process_s": 3600, "lead_s": 7200, "people": 1, "role": "QA"},
            {"id": "q2", "kind": "queue", "label": "To ship", "x": 570, "y": 455, "width": 100, "height": 90,
             "wait_s": 3600},
            {"id": "c", "kind": "process", "label": "Ship", "x": 720, "y": 440, "width": 160, "height": 120,
             "process_s": 3600, "lead_s": 7200, "people": 1, "role": "Ops"},
        ],
        "edges": [
            {"id": "e1", "from": "a", "to": "q1", "kind": "flow"},
            {"id": "e2", "from": "q1", "to": "b", "kind": "flow"},
            {"id": "e3", "from": "b", "to": "q2", "kind": "flow"},
            {"id": "e4", "from": "q2", "to": "c", "kind": "flow"},
        ],
    }],
}
HEADER_X = -100      # the middle of the headers, in map units
ROW = 200


def node(doc, node_id):
    return [n for n in doc["maps"][0]["nodes"] if n["id"] == node_id][0]


def nodes_count(doc):
    return len(doc["maps"][0]["nodes"])


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-gui-")
    path = os.path.join(tmp, "lanes.flowmap")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(MAP, f)
    app = App(binary, path, fmgui.isolated_env(tmp))
    app.settle()
    view = {}

    def to_screen(mx, my):
        return (int(round(view["x0"] + mx * view["zoom"])),
                int(round(view["y0"] + my * view["zoom"])))

    def calibrate():
        # The map opens fitted, at a zoom not known here: two steps dropped
        # from the palette at known points say where the map is, and are
        # undone. The palette's first shape is the process step.
        palette_x, palette_y = app.x + 115, app.y + 200
        points = [(app.x + 500, app.y + 300), (app.x + 900, app.y + 650)]
        for i, (x, y) in enumerate(points):
            drag(palette_x, palette_y, x, y, dnd=True)
            app.save(lambda d, n=6 + i: nodes_count(d) == n, "the dropped step %d saved" % (i + 1))
        doc = fmgui.read_json(path)
        dropped = [n for n in doc["maps"][0]["nodes"] if n["id"] not in ("a", "b", "c", "q1", "q2")]
        dropped.sort(key=lambda n: n["x"])
        (m1, m2), (s1, s2) = dropped, points
        c1 = (m1["x"] + m1["width"] / 2, m1["y"] + m1["height"] / 2)
        c2 = (m2["x"] + m2["width"] / 2, m2["y"] + m2["height"] / 2)
        view["zoom"] = ((s2[0] - s1[0]) / (c2[0] - c1[0]) + (s2[1] - s1[1]) / (c2[1] - c1[1])) / 2
        view["x0"] = s1[0] - c1[0] * view["zoom"]
        view["y0"] = s1[1] - c1[1] * view["zoom"]
        assert 0.3 < view["zoom"] <= 1.01, view
        app.key("ctrl+z")
        app.key("ctrl+z")
        app.save(lambda d: nodes_count(d) == 5, "the dropped steps undone")

    def drag_header():
        # Ops's header (third row) up onto Dev's (first).
        x, y = to_screen(HEADER_X, 2.5 * ROW)
        drag(x, y, x, to_screen(HEADER_X, 0.4 * ROW)[1])
        doc = app.save(lambda d: d["maps"][0].get("lanes") == ["Ops", "Dev", "QA"], "the lanes reordered")
        # The bands follow: Ops's step and queue on the first row, the
        # others a row down; nothing moves sideways.
        assert node(doc, "c")["y"] == 40 and node(doc, "q2")["y"] == 55, doc
        assert node(doc, "a")["y"] == 240 and node(doc, "b")["y"] == 440, doc
        assert node(doc, "c")["x"] == 720, doc
        app.key("ctrl+z")
        doc = app.save(lambda d: d["maps"][0].get("lanes") == ["Dev", "QA", "Ops"], "the move of the lane undone")
        assert node(doc, "c")["y"] == 440 and node(doc, "a")["y"] == 40, doc

    def drag_step():
        # QA's step up into Dev's row: it takes the role Dev, and its queue
        # (which feeds it) comes to its row.
        b = node(MAP, "b")
        x, y = to_screen(b["x"] + 80, b["y"] + 70)
        drag(x, y, x, y - int(round(ROW * view["zoom"])))
        doc = app.save(lambda d: node(d, "b").get("role") == "Dev", "the step's new role saved")
        moved, queue = node(doc, "b"), node(doc, "q1")
        assert abs(moved["y"] - 40) <= 10, moved
        assert queue["y"] + 45 == moved["y"] + 60, (queue, moved)
        assert queue["x"] == 210, queue
        app.key("ctrl+z")
        doc = app.save(lambda d: node(d, "b").get("role") == "QA", "the drop undone in one step")
        assert node(doc, "b")["y"] == 240 and node(doc, "q1")["y"] == 255, doc

    def lane_menu():
        # Select Ops's step, then its lane's context menu from the keys:
        # Move Lane Up, its only item, which the menu opens on.
        c = node(MAP, "c")
        fmgui.click(*to_screen(c["x"] + 80, c["y"] + 90))
        time.sleep(0.3)
        menu = fmgui.popup("Menu")
        fmgui.popdown(menu, "Return")
        doc = app.save(lambda d: d["maps"][0].get("lanes") == ["Dev", "Ops", "QA"], "the lane moved up")
        assert node(doc, "c")["y"] == 240 and node(doc, "b")["y"] == 440, doc

    return fmgui.run_test([
        ("find where the map is", calibrate),
        ("drag a lane's header", drag_header),
        ("drag a step into another lane", drag_step),
        ("Move Lane Up from the Menu key", lane_menu),
    ], tmp, app.close)


if __name__ == "__main__":
    sys.exit(main())
