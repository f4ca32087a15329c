#!/usr/bin/env python3
"""End-to-end test of the editor: the real app, driven with real pointer
drags and key presses (xdotool), checked through the file it saves.

Usage: test-editor.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("FLOWMAP_GUI_TIMEOUT", "20"))  # longer under the sanitizers
SCREEN = "-screen 0 1600x1000x24"


def need_display():
    if os.environ.get("DISPLAY"):
        return
    if not shutil.which("xvfb-run") or not shutil.which("dbus-run-session"):
        print("1..0 # SKIP xvfb-run or dbus-run-session missing")
        sys.exit(77)
    args = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", SCREEN,
            sys.executable] + sys.argv
    sys.exit(subprocess.call(args))


def xdo(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], check=True,
                          capture_output=True, text=True).stdout


def wait_for(what, check, timeout=TIMEOUT):
    """Polls check() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.1)


def drag(x1, y1, x2, y2, steps=16):
    """A real press, motion in steps, and release, as a hand would do it.

    A hand pauses once the drag has started and before letting go; so does
    this, which gives a slow build (sanitizers, a loaded machine) the time
    GTK needs to start a drag-and-drop and to see where it ends."""
    xdo("mousemove", x1, y1)
    time.sleep(0.1)
    xdo("mousedown", 1)
    time.sleep(0.1)
    xdo("mousemove", x1 + (8 if x2 >= x1 else -8), y1)
    time.sleep(0.3)
    for i in range(1, steps + 1):
        xdo("mousemove", int(x1 + (x2 - x1) * i / steps), int(y1 + (y2 - y1) * i / steps))
        time.sleep(0.03)
    time.sleep(0.3)
    xdo("mouseup", 1)
    time.sleep(0.2)


class Editor:
    def __init__(self, binary, path):
        self.path = path
        self.saves = 0
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none",
                   HOME=os.path.dirname(path), XDG_DATA_HOME=os.path.dirname(path),
                   # Its own autosaves, apart from other GUI tests'.
                   XDG_STATE_HOME=os.path.join(os.path.dirname(path), "state"))
        # In a sanitizer build, what GTK keeps until exit is not ours to
        # report; the unit tests check Flowmap's own code for leaks.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
        self.proc = subprocess.Popen([binary, path], env=env)
        name = os.path.basename(path)
        ids = wait_for("the window", lambda: self._find(name))
        self.window = ids[0]
        self.x, self.y = wait_for("the window to settle", self._settled)
        # The canvas keeps the map at 100 % and its origin 32 px in, until
        # something calibrates it better (see place_first).
        self.canvas_x = None
        self.canvas_y = None

    def _geometry(self):
        geometry = dict(line.split("=", 1) for line in
                        xdo("getwindowgeometry", "--shell", self.window).split())
        return int(geometry["X"]), int(geometry["Y"]), int(geometry["WIDTH"]), int(geometry["HEIGHT"])

    def _settled(self):
        """The window's place and size, once they held still for a moment:
        a window just mapped is still being laid out, and a drag started
        then can begin before the palette can start one."""
        samples = []
        for _ in range(4):
            samples.append(self._geometry())
            time.sleep(0.25)
        if len(set(samples)) != 1:
            return None
        return samples[0][0], samples[0][1]

    def _find(self, name):
        try:
            return xdo("search", "--name", name).split()
        except subprocess.CalledProcessError:
            return None

    def key(self, *keys):
        xdo("mousemove", self.x + 700, self.y + 15)  # over the header: keys go to the window
        xdo("key", *keys)

    def save(self, condition, what):
        """Ctrl+S, then wait until the saved file says what we expect."""
        before = os.stat(self.path).st_mtime_ns if os.path.exists(self.path) else None
        self.saves += 1
        self.key("ctrl+s")

        def saved():
            if not os.path.exists(self.path):
                return None
            if before is not None and os.stat(self.path).st_mtime_ns == before:
                return None
            try:
                with open(self.path, encoding="utf-8") as f:
                    doc = json.load(f)
            except (ValueError, OSError):
                return None
            return doc if condition(doc) else None
        return wait_for(what, saved)

    def to_screen(self, mx, my):
        return int(self.canvas_x + mx), int(self.canvas_y + my)

    def centre(self, node, fy=0.5):
        return self.to_screen(node["x"] + node["width"] / 2, node["y"] + node["height"] * fy)

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def nodes(doc):
    return doc["maps"][0].get("nodes", [])


def edges(doc):
    return doc["maps"][0].get("edges", [])


def main():
    need_display()
    if not shutil.which("xdotool"):
        print("1..0 # SKIP xdotool missing")
        return 77
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-gui-")
    # A name that does not exist yet: the app starts a new map to be saved there.
    path = os.path.join(tmp, "editor-test.flowmap")
    editor = Editor(binary, path)
    results = []

    def step(name, func):
        try:
            func()
            results.append(("ok", name))
        except Exception as e:  # report, then stop: later steps build on this one
            results.append(("not ok", name + " # " + str(e)))
            raise

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

    try:
        step("drag a process step from the palette onto the canvas", place_first)
        step("drop a second step", place_second)
        step("move a node by dragging it", move_first)
        step("connect two nodes from the connection handle", connect)
        step("rename a node by double-click", rename)
        step("undo and redo", undo_redo)
    except Exception:
        pass
    finally:
        editor.close()
        if os.environ.get("FLOWMAP_GUI_KEEP") is None:
            shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % 6)
    for n, (status, name) in enumerate(results, 1):
        print("%s %d - %s" % (status, n, name))
    return 0 if len(results) == 6 and all(s == "ok" for s, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
