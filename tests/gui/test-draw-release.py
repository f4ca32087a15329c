#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's done-criterion, end to end: with the mouse and keyboard
alone, draw the current state of the bundled release map from an empty
document, save it, reopen it and get the same file back.

Every shape is dragged from the palette, renamed by a double click, its
fields typed into the inspector as people say them ("5 days", "4 h");
every connector is drawn from a shape's round handle with its kind picked
in the palette. The saved map must say what data/examples/release.flowmap
says (ids and places aside), `flowmap metrics` must measure the same, and
the file saved again after reopening must be the same, byte for byte.

Usage: test-draw-release.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing. FLOWMAP_GUI_KEEP=1 keeps
the temporary folder, with screenshots of the drawn map.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, click, drag, pixels, type_text, wait_drawn, wait_seen, xdo  # noqa: E402

EXAMPLE = os.path.join(os.environ.get("FLOWMAP_EXAMPLES") or
                       os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", "..", "data", "examples"), "release.flowmap")

# Where things are in a new window (1400 × 900, one map in the list), from
# the window's top left corner.
PALETTE = {"process": (115, 199), "queue": (115, 240), "trigger": (115, 280),
           "outcome": (115, 320), "system": (115, 359), "kaizen": (115, 400)}
CONNECTORS = {"flow": (24, 515), "push": (24, 545), "pull": (24, 575),
              "info": (24, 605), "electronic": (24, 635), "rework": (24, 665)}
CANVAS_ORIGIN = (213, 84)        # map (0, 0) at 100 %: 32 px into the canvas
CANVAS_EMPTY = (600, 760)        # nothing is drawn there
# The inspector's rows by their height in the window; across, they are
# where the side panel is, which start() reads from the screen: the panel
# is as wide as its switcher's tabs make it, so a tab more moves them.
INSPECTOR_FIRST_ROW = 187   # Title, or a shape's Label, or an edge's Kind
INSPECTOR_FIELD_ROW = 305   # a shape's first field below its label
EDGE_RATE_ROW = 242
INSPECTOR_TOP, INSPECTOR_BOTTOM = 100, 890  # the inspector's page, below its tabs
# Five steps out (0.8⁵ ≈ 33 %): the whole map, 2 170 units wide, fits.
ZOOM_STEPS = 5
ZOOM = 0.8 ** ZOOM_STEPS

# The document, as a person types it: nothing selected, Tab from Title on.
# Stream type stays on Development, the default of a new map.
DOCUMENT = ["Feature release", "Customers of the web shop",
            "Customers use the new feature: weekly active users of it",
            "A feature request is validated with customers",
            "The feature is released and in use",
            None,  # Stream Type: Tab passes it
            # A day of 24 h; 40 h of work a week and one feature a week,
            # per day of 24 h: 40 h ÷ 7 and 1 ÷ 7, typed to the last digit.
            "24 h", "20571.428571428572 s", "0.14285714285714285"]

# The example's shapes in its order, each with what is typed into the
# inspector, Tab between fields (process: process time, lead time, %C&A,
# people, role, WIP; queue: wait, items). Durations as people say them.
SHAPES = [
    ("trigger", "Validated feature request", []),
    ("queue", "Product backlog", ["5 days", "3"]),
    ("process", "Refinement", ["4 h", "2 days", "80%", "3", "Product team"]),
    ("queue", "Ready for development", ["5d", "1"]),
    ("process", "Coding", ["24 h", "1 week", "85", "2", "Developers", "1"]),
    ("queue", "Waiting for security review", ["2 weeks", "3"]),
    ("process", "Security review", ["4 hours", "2d", "60 %", "1", "Security team"]),
    ("queue", "Waiting for a test environment", ["7 days", "1"]),
    ("process", "Integration test", ["8 h", "3 d", "70", "2", "QA"]),
    ("queue", "Waiting for the release window", ["10 days", "2"]),
    ("process", "Release", ["2h", "24 h", "95%", "2", "Operations"]),
    ("outcome", "Feature in use by customers", []),
    ("system", "Issue tracker", []),
    ("system", "Change advisory board", []),
]

# Experiments: owner, measure, waste (Down presses from None in the list),
# baseline, target, review date, start date (or None), then the shapes
# ticked under Targets.
WASTE_DOWN = {"waiting": 1, "inventory": 6}
KAIZENS = [
    ("Security checks run in every pipeline build",
     ["Priya (security lead)", "Days from code complete to security sign-off"], "waiting",
     ["16 d", "1 d", "2027-01-15", "2026-08-17"], ["Waiting for security review", "Security review"]),
    ("Test environments created on demand by the pipeline",
     ["Marco (platform team)", "Days waiting for an environment"], "waiting",
     ["7 d", "0 d", "2027-01-29", None], ["Waiting for a test environment"]),
    ("Release every week instead of every quarter",
     ["Lena (operations)", "Days from tested to released"], "inventory",
     ["11 d", "3 d", "2027-02-12", None], ["Waiting for the release window", "Release"]),
]

# Connectors: from, to, kind, and for rework the rate typed.
EDGES = [
    ("Validated feature request", "Product backlog", "flow", None),
    ("Product backlog", "Refinement", "flow", None),
    ("Refinement", "Ready for development", "push", None),
    ("Ready for development", "Coding", "flow", None),
    ("Coding", "Waiting for security review", "push", None),
    ("Waiting for security review", "Security review", "flow", None),
    ("Security review", "Waiting for a test environment", "push", None),
    ("Waiting for a test environment", "Integration test", "flow", None),
    ("Integration test", "Waiting for the release window", "push", None),
    ("Waiting for the release window", "Release", "flow", None),
    ("Release", "Feature in use by customers", "flow", None),
    ("Issue tracker", "Refinement", "electronic", None),
    ("Change advisory board", "Release", "info", None),
    ("Integration test", "Coding", "rework", "10%"),
    ("Security review", "Coding", "rework", "15 %"),
]

DOCUMENT_KEYS = ["title", "customer", "value", "trigger", "outcome", "stream_type",
                 "day_length_s", "available_time_s", "demand_per_day"]
NODE_IGNORED = {"id", "x", "y"}

# Nothing is done to the inspector before it shows what is to be edited,
# as a person looks before clicking: the app switches the inspector's page
# as soon as it sees the selection change, but lays it out only when it next
# draws, and a click or an arrow key that comes first goes where the old
# page was. So every step below that changes what the inspector shows waits
# until the inspector has changed on screen and holds still (wait_drawn),
# and saves to see what it typed in the file before going on.


def first_map(doc):
    return doc["maps"][0]


def by_label(m):
    return {n.get("label", ""): n for n in m.get("nodes", [])}


def comparable_nodes(m):
    """The map's nodes without ids and places, targets named by label."""
    labels = {n["id"]: n.get("label", "") for n in m.get("nodes", [])}
    out = {}
    for n in m.get("nodes", []):
        node = {k: v for k, v in n.items() if k not in NODE_IGNORED}
        if "applies_to" in node:
            node["applies_to"] = [labels[i] for i in node["applies_to"]]
        out[n.get("label", "")] = node
    return out


def comparable_edges(m):
    labels = {n["id"]: n.get("label", "") for n in m.get("nodes", [])}
    return sorted((labels[e["from"]], labels[e["to"]], e.get("kind", "flow"), e.get("rate"))
                  for e in m.get("edges", []))


def metrics(binary, path, map_id=None):
    args = [binary, "metrics", "--json"] + (["--map", map_id] if map_id else []) + [path]
    out = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    # The figures, not the ids they name.
    return {k: v for k, v in out.items() if isinstance(v, (int, float))}


def main():
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    with open(EXAMPLE, encoding="utf-8") as f:
        example = json.load(f)
    tmp = tempfile.mkdtemp(prefix="flowmap-draw-")
    env = fmgui.isolated_env(tmp)
    fmgui.no_animations(env)
    # A name that does not exist yet: the app starts an empty map to be saved there.
    path = os.path.join(tmp, "drawn.flowmap")
    again = os.path.join(tmp, "drawn-again.flowmap")
    state = {"app": None, "doc": None}

    def app():
        return state["app"]

    def at(point):
        return app().x + point[0], app().y + point[1]

    def inspector_region():
        """The inspector's page on screen, all of its width: a short label
        ("Coding") is drawn near its left edge, far from the right."""
        x, _, width, _ = state["panel"]
        # A few pixels in from the dividing line, clear of the canvas's
        # focus frame, which comes and goes as the canvas takes the keys.
        return (x + 6, app().y + INSPECTOR_TOP, width - 12, INSPECTOR_BOTTOM - INSPECTOR_TOP)

    def row(y):
        """A point of the inspector's row at height y, left of its button."""
        x, _, width, _ = state["panel"]
        return x + width * 2 // 5 - app().x, y

    def to_screen(mx, my):
        ox, oy = state["origin"]
        return int(round(ox + mx * ZOOM)), int(round(oy + my * ZOOM))

    def centre(node):
        return to_screen(node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)

    def inspector():
        """What the inspector shows now, for wait_drawn()."""
        return pixels(inspector_region())

    def inspector_drawn(what, before=None):
        return wait_drawn(what + " in the inspector", inspector_region(), before)

    def click_field(point, what):
        """Clicks a row of the inspector, and waits to see it take the
        keyboard (its title moves up, its frame is drawn)."""
        before = inspector()
        click(*at(point))
        inspector_drawn(what + " focused", before)

    def saved_node(label, want, what):
        """Saves, and waits until the file's node labelled label has the
        fields of want (ids, places and targets aside)."""
        def same(d):
            node = by_label(first_map(d)).get(label)
            return node is not None and all(node.get(k) == v for k, v in want.items()
                                            if k not in NODE_IGNORED | {"applies_to"})
        doc = app().save(same, what)
        state["doc"] = doc
        return doc

    def count_saved(what, nodes, edges):
        doc = app().save(lambda d: len(first_map(d).get("nodes", [])) == nodes and
                         len(first_map(d).get("edges", [])) == edges, what)
        state["doc"] = doc
        return doc

    def type_fields(values):
        """Into the inspector's fields from the first one below the label,
        Tab between them."""
        click_field(row(INSPECTOR_FIELD_ROW), "the first field")
        for i, value in enumerate(values):
            if i:
                xdo("key", "Tab")
            if value is not None:
                type_text(value)

    def start():
        state["app"] = App(binary, path, env)
        app().settle()
        assert (app().width, app().height) == (1400, 900), (app().width, app().height)
        state["panel"] = fmgui.side_panel((app().x, app().y, app().width, app().height))

    def document_fields():
        # Nothing selected: the inspector shows the document.
        click(*at(CANVAS_EMPTY))
        click_field(row(INSPECTOR_FIRST_ROW), "the title")
        for i, value in enumerate(DOCUMENT):
            if i:
                xdo("key", "Tab")
            if value is not None:
                type_text(value)
        # Out of the last field: what was typed there is applied.
        click(*at(CANVAS_EMPTY))
        doc = app().save(lambda d: d.get("demand_per_day") == example["demand_per_day"] and d.get("title"),
                         "the document's fields saved")
        for key in DOCUMENT_KEYS:
            assert doc.get(key) == example.get(key), (key, doc.get(key), example.get(key))

    def map_name():
        # Ctrl+F2 opens the map's name in a popover, all of it selected.
        windows = fmgui.popup("ctrl+F2")
        type_text(first_map(example)["name"])
        fmgui.popdown(windows, "Return")
        app().save(lambda d: first_map(d)["name"] == first_map(example)["name"],
                   "the map's new name saved")

    def zoom_out():
        # Keyboard zoom keeps the spot under the pointer: the map's origin.
        click(*at(CANVAS_EMPTY))
        xdo("mousemove", *at(CANVAS_ORIGIN))
        for _ in range(ZOOM_STEPS):
            xdo("key", "ctrl+minus")
        state["origin"] = at(CANVAS_ORIGIN)

    def place(kind, mx, my, n):
        """Drags a shape from the palette so that its centre lands on map
        (mx, my); returns the node saved, once the inspector shows it."""
        x, y = to_screen(mx, my)
        before = inspector_drawn("what was selected before shape %d" % n)
        drag(*at(PALETTE[kind]), x, y, dnd=True)
        doc = count_saved("shape %d saved" % n, n, 0)
        node = first_map(doc)["nodes"][-1]
        assert node["kind"] == kind, node
        # The new shape is selected: the inspector shows its fields.
        inspector_drawn("shape %d" % n, before)
        return node

    def rename(node, label):
        """Double-clicks the shape, types its label into the editor that
        opens over it, and waits to see the label in the inspector."""
        x, y = centre(node)
        around = (x - 60, y - 30, 120, 60)
        # The pointer over the shape first: its handle shows then, and
        # what changes next on screen is the editor.
        xdo("mousemove", x, y)
        canvas_before = wait_drawn("the pointer over the shape", around)
        before = inspector()
        # A double click is two clicks close in time, as the X server
        # stamps them: a busy machine can hold xdotool back between them
        # long enough to make two single clicks, which only select. As a
        # person would, this double-clicks again when no editor opened.
        for attempt in range(3):
            xdo("click", "--repeat", 2, "--delay", 40, 1)
            try:
                wait_drawn("the label's editor", around, canvas_before,
                           timeout=fmgui.TIMEOUT / 2)
                break
            except AssertionError:
                if attempt == 2:
                    raise
        type_text(label)
        xdo("key", "Return")
        inspector_drawn("the label “%s”" % label, before)

    def shapes():
        example_nodes = by_label(first_map(example))
        for n, (kind, label, values) in enumerate(SHAPES, 1):
            want = example_nodes[label]
            drop = (want["x"] + want["width"] / 2, want["y"] + want["height"] / 2)
            node = place(kind, drop[0], drop[1], n)
            if n == 1:
                # Calibrate: the first shape is centred where it was dropped,
                # to the grid (10 units).
                x, y = to_screen(*drop)
                state["origin"] = (x - (node["x"] + node["width"] / 2) * ZOOM,
                                   y - (node["y"] + node["height"] / 2) * ZOOM)
            rename(node, label)
            if values:
                type_fields(values)
            saved_node(label, example_nodes[label], "the fields of “%s” saved" % label)
        click(*at(CANVAS_EMPTY))
        doc = app().save(lambda d: [n.get("label") for n in first_map(d)["nodes"]] ==
                         [s[1] for s in SHAPES], "the shapes' labels saved")
        state["doc"] = doc

    def kaizens():
        example_nodes = by_label(first_map(example))
        targets = [label for kind, label, _ in SHAPES]  # the Targets list, in the map's order
        for i, (label, texts, waste, more, ticked) in enumerate(KAIZENS):
            want = example_nodes[label]
            node = place("kaizen", want["x"] + want["width"] / 2, want["y"] + want["height"] / 2,
                         len(SHAPES) + i + 1)
            rename(node, label)
            type_fields(texts)
            # Waste: a list opened with Space, walked with the arrows from
            # its top (it remembers where the last experiment's choice was).
            xdo("key", "Tab")
            before = inspector()
            fmgui.popdown(fmgui.popup("space"), "Home", *(["Down"] * WASTE_DOWN[waste]), "Return")
            inspector_drawn("the waste chosen", before)
            saved_node(label, {k: want[k] for k in ("label", "owner", "measure", "waste")},
                       "the waste of “%s” saved" % label)
            baseline, target, review, started = more
            for value in (baseline, target, review):
                xdo("key", "Tab")
                type_text(value)
            saved_node(label, {k: want[k] for k in ("baseline", "target", "review_date")},
                       "the baseline, target and date of “%s” saved" % label)
            # Past the review date's calendar button to the start date.
            xdo("key", "Tab", "Tab")
            if started is not None:
                type_text(started)
                saved_node(label, {"started": want["started"]}, "the start of “%s” saved" % label)
            # On to Targets: Space opens its list, the arrows walk it, Space
            # ticks; back up, Space closes it again, so that the next
            # experiment's fields are where this one's were. The arrows go
            # by where the rows are: they wait for them to show.
            xdo("key", "Tab")
            before = inspector_drawn("Targets focused")
            xdo("key", "space")
            inspector_drawn("the targets' list open", before)
            row = -1
            for target in ticked:
                index = targets.index(target)
                xdo("key", *(["Down"] * (index - row)), "space")
                row = index
            xdo("key", *(["Up"] * (row + 1)), "space")
            doc = app().save(lambda d: sorted(by_label(first_map(d))[t]["id"] for t in ticked) ==
                             sorted(by_label(first_map(d))[label].get("applies_to", [])),
                             "the targets of “%s” saved" % label)
            state["doc"] = doc
            fmgui.screenshot(os.path.join(tmp, "experiment-%d.png" % (i + 1)))
        click(*at(CANVAS_EMPTY))
        doc = app().save(lambda d: all(n.get("applies_to") for n in first_map(d)["nodes"]
                                       if n["kind"] == "kaizen") and
                         len(first_map(d)["nodes"]) == len(SHAPES) + len(KAIZENS),
                         "the experiments saved")
        state["doc"] = doc

    def connectors():
        nodes = by_label(first_map(state["doc"]))
        want_map = first_map(example)
        labels = {v["id"]: v.get("label", "") for v in want_map["nodes"]}
        rates = {(labels[e["from"]], labels[e["to"]]): e.get("rate") for e in want_map["edges"]}
        kind = "flow"
        for n, (source, target, edge_kind, rate) in enumerate(EDGES, 1):
            if edge_kind != kind:
                click(*at(CONNECTORS[edge_kind]))
                kind = edge_kind
            a, b = nodes[source], nodes[target]
            # Select the shape: its round handle shows 19 px right of it,
            # and stays while the pointer moves there (hovering alone would
            # do, but a busy app may see only where the pointer ends up).
            hx, hy = to_screen(a["x"] + a["width"], a["y"] + a["height"] / 2)
            before = inspector()
            click(*centre(a))
            before = inspector_drawn("“%s” selected" % source, before)
            drag(hx + 19, hy, *centre(b))
            if rate is not None:
                # The new connector is selected: its rate is in the inspector,
                # once the app has taken the drag (a loaded machine may still
                # be busy with it when the pointer reaches the row) and shown
                # the connector's page.
                app().save(lambda d: len(first_map(d).get("edges", [])) == n,
                           "connector %d drawn" % n)
                inspector_drawn("connector %d" % n, before)
                click_field(row(EDGE_RATE_ROW), "the rework rate")
                type_text(rate)
                click(*at(CANVAS_EMPTY))
            want_rate = rates[(source, target)]
            doc = app().save(lambda d: len(first_map(d).get("edges", [])) == n and
                             first_map(d)["edges"][-1].get("rate") == want_rate,
                             "connector %d saved" % n)
            edge = first_map(doc)["edges"][-1]
            ids = {v["id"]: k for k, v in nodes.items()}
            assert (ids.get(edge["from"]), ids.get(edge["to"]), edge.get("kind", "flow")) == \
                (source, target, edge_kind), (n, edge)
        state["doc"] = doc
        fmgui.screenshot(os.path.join(tmp, "drawn.png"))

    def same_map():
        drawn, want = first_map(state["doc"]), first_map(example)
        assert state["doc"]["format"] == example["format"]
        for key in DOCUMENT_KEYS:
            assert state["doc"].get(key) == example.get(key), key
        assert (drawn["name"], drawn["state"]) == (want["name"], want["state"]), drawn["name"]
        got_nodes, want_nodes = comparable_nodes(drawn), comparable_nodes(want)
        assert sorted(got_nodes) == sorted(want_nodes), sorted(set(got_nodes) ^ set(want_nodes))
        for label, node in want_nodes.items():
            assert got_nodes[label] == node, (label, got_nodes[label], node)
        assert comparable_edges(drawn) == comparable_edges(want), \
            (comparable_edges(drawn), comparable_edges(want))

    def same_metrics():
        got = metrics(binary, path)
        want = metrics(binary, EXAMPLE, first_map(example)["id"])
        # By hand: lead time = the queues' waits + the steps' lead times
        # = (5 + 5 + 14 + 7 + 10) d + (2 + 7 + 2 + 3 + 1) d = 56 d = 4 838 400 s;
        # process time, working time = 4 h + 24 h + 4 h + 8 h + 2 h = 42 h
        # = 151 200 s.
        assert want["lead_time_s"] == 4838400 and want["process_time_s"] == 151200, want
        assert got == want, (got, want)

    def reopen():
        with fmgui.DisplayHeld():
            app().close()
            state["app"] = App(binary, path, env)
            app().settle()
        app().key("ctrl+shift+s")
        app().choose_file("Save Map As", again)
        wait_seen("the second file", lambda: (fmgui.read_json(again) is not None, None))
        with open(path, "rb") as f:
            first = f.read()
        with open(again, "rb") as f:
            second = f.read()
        assert first == second, "the file saved again differs from the one drawn"

    def close():
        if state["app"] is not None:
            state["app"].close()

    return fmgui.run_test([
        ("an empty document in a settled window", start),
        ("the document's fields typed with nothing selected", document_fields),
        ("the map renamed with Ctrl+F2", map_name),
        ("zoomed out with the keyboard to see the whole map", zoom_out),
        ("14 shapes dragged from the palette, renamed, their fields typed", shapes),
        ("3 experiments with waste, dates and targets", kaizens),
        ("15 connectors drawn from the handles, kinds from the palette", connectors),
        ("the saved map says what the example's current state says", same_map),
        ("flowmap metrics measures the same", same_metrics),
        ("reopened and saved again: the same file", reopen),
    ], tmp, close)


if __name__ == "__main__":
    sys.exit(main())
