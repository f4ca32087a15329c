#!/usr/bin/env python3
"""End-to-end test of the maps and the presentation mode: the real app on
the bundled release map, driven with real key presses (xdotool), checked
through the window's title (which names the slide shown), the file it
saves, and screenshots of the slides.

Usage: test-present.py /path/to/flowmap
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

TIMEOUT = float(os.environ.get("FLOWMAP_GUI_TIMEOUT", "20"))  # longer under the sanitizers
SCREEN = "-screen 0 1600x1000x24"
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "data", "examples", "release.flowmap")


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
    last = None
    while True:
        result, last = check()
        if result:
            return last
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for %s (last seen: %r)" % (what, last))
        time.sleep(0.1)


class App:
    def __init__(self, binary, path, tmp):
        self.path = path
        self.tmp = tmp
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none",
                   HOME=tmp, XDG_DATA_HOME=tmp,
                   # Its own autosaves, apart from other GUI tests'.
                   XDG_STATE_HOME=os.path.join(tmp, "state"))
        self.proc = subprocess.Popen([binary, path], env=env)
        name = os.path.basename(path)
        self.window = wait_for("the window", lambda: self._find(name))[0]
        geometry = dict(line.split("=", 1) for line in
                        xdo("getwindowgeometry", "--shell", self.window).split())
        self.x, self.y = int(geometry["X"]), int(geometry["Y"])

    def _find(self, name):
        try:
            ids = xdo("search", "--name", name + " — Flowmap").split()
        except subprocess.CalledProcessError:
            ids = []
        return bool(ids), ids

    def title(self):
        try:
            return xdo("getwindowname", self.window).strip()
        except subprocess.CalledProcessError:
            return ""

    def key(self, *keys):
        # The pointer over the window, away from anything it would click.
        xdo("mousemove", self.x + 700, self.y + 15)
        xdo("key", *keys)

    def wait_title(self, expected):
        return wait_for("the title “%s”" % expected,
                        lambda: (self.title() == expected, self.title()))

    def screenshot(self, name):
        if not shutil.which("import"):
            return None
        out = os.path.join(self.tmp, name)
        subprocess.run(["import", "-window", "root", out], check=True)
        assert os.path.getsize(out) > 0, out
        return out

    def save(self, condition, what, timeout=TIMEOUT):
        before = os.stat(self.path).st_mtime_ns
        self.key("ctrl+s")

        def saved():
            if os.stat(self.path).st_mtime_ns == before:
                return False, None
            try:
                with open(self.path, encoding="utf-8") as f:
                    doc = json.load(f)
            except (ValueError, OSError):
                return False, None
            return condition(doc), [m["name"] for m in doc["maps"]]
        wait_for(what, saved, timeout)
        with open(self.path, encoding="utf-8") as f:
            return json.load(f)

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


SLIDES = [
    "Current state (1/6) — Flowmap",
    "Constraint 1 of 3: Waiting for security review (2/6) — Flowmap",
    "Constraint 2 of 3: Coding (3/6) — Flowmap",
    "Constraint 3 of 3: Waiting for the release window (4/6) — Flowmap",
    "Future state (5/6) — Flowmap",
    "Current state → Future state (6/6) — Flowmap",
]
EDITOR = "release.flowmap — Flowmap"


def main():
    need_display()
    if not shutil.which("xdotool"):
        print("1..0 # SKIP xdotool missing")
        return 77
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-present-")
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(EXAMPLE, path)
    app = App(binary, path, tmp)
    results = []
    steps = []

    def step(name):
        def register(func):
            steps.append((name, func))
            return func
        return register

    @step("F5 starts the presentation on the current state")
    def start():
        app.wait_title(EDITOR)
        app.key("F5")
        app.wait_title(SLIDES[0])
        app.screenshot("slide-1.png")

    @step("Page Down, Space, Right and Down step forward through every slide")
    def forward():
        for key, slide in zip(["Next", "space", "Right", "Down", "Next"], SLIDES[1:]):
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

    try:
        for name, func in steps:
            try:
                func()
                results.append(("ok", name))
            except Exception as e:  # report, then stop: later steps build on this one
                results.append(("not ok", name + " # " + str(e)))
                break
    finally:
        app.close()
        if os.environ.get("FLOWMAP_GUI_KEEP") is None:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("# kept " + tmp)

    print("1..%d" % len(steps))
    for n, (status, name) in enumerate(results, 1):
        print("%s %d - %s" % (status, n, name))
    return 0 if len(results) == len(steps) and all(s == "ok" for s, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
