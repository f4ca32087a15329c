#!/usr/bin/env python3
"""End-to-end test of observed data: the real app on the bundled release
map, the bundled tracker export imported through the file chooser and the
import dialog, applied from the Observed page, all with real key presses
(xdotool); checked through the file it saves, against what
`flowmap observe --json` measures from the same data.

Usage: test-observe.py /path/to/flowmap
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
EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")
EXAMPLE = os.path.join(EXAMPLES, "release.flowmap")
CSV = os.path.abspath(os.path.join(EXAMPLES, "release-observed.csv"))
EDITOR = "release.flowmap — Flowmap"


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
    """Polls check() -> (done, last seen) until done; fails after timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        result, last = check()
        if result:
            return last
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for %s (last seen: %r)" % (what, last))
        time.sleep(0.1)


def find(name):
    try:
        ids = xdo("search", "--name", "^" + name + "$").split()
    except subprocess.CalledProcessError:
        ids = []
    return bool(ids), ids


class App:
    def __init__(self, binary, path, tmp):
        self.path = path
        self.tmp = tmp
        # Settings, data, autosaves and caches of its own, apart from
        # other GUI tests'.
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none", HOME=tmp,
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"),
                   XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        # In a sanitizer build, what GTK keeps until exit is not ours to
        # report; the unit tests check Flowmap's own code for leaks.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
        self.proc = subprocess.Popen([binary, path], env=env)
        self.window = wait_for("the window", lambda: find(EDITOR))[0]
        geometry = dict(line.split("=", 1) for line in
                        xdo("getwindowgeometry", "--shell", self.window).split())
        self.x, self.y = int(geometry["X"]), int(geometry["Y"])

    def title(self):
        try:
            return xdo("getwindowname", self.window).strip()
        except subprocess.CalledProcessError:
            return ""

    def key(self, *keys):
        # The pointer over the header bar, away from anything it would
        # click: the window under it gets the keys (no window manager).
        xdo("mousemove", self.x + 700, self.y + 15)
        xdo("key", *keys)

    def screenshot(self, name):
        if not shutil.which("import"):
            return None
        out = os.path.join(self.tmp, name)
        subprocess.run(["import", "-window", "root", out], check=True)
        assert os.path.getsize(out) > 0, out
        return out

    def save(self, condition, what):
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
            return condition(doc), doc
        return wait_for(what, saved)

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def current(doc):
    return next(m for m in doc["maps"] if m["id"] == "current")


def observed_nodes(doc):
    return [n for n in current(doc)["nodes"] if "observed" in n]


def main():
    need_display()
    if not shutil.which("xdotool"):
        print("1..0 # SKIP xdotool missing")
        return 77
    binary = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="flowmap-observe-")
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(EXAMPLE, path)
    with open(path, encoding="utf-8") as f:
        original = json.load(f)

    # What the command line measures from the same data: the times the
    # application must put on the map.
    measured = json.loads(subprocess.run(
        [binary, "observe", "--csv", CSV, "--json", path],
        check=True, capture_output=True, text=True).stdout)
    medians = {n["id"]: round(n["median_s"]) for n in measured["nodes"] if n["median_s"] is not None}
    assert len(medians) == 10, medians

    app = App(binary, path, tmp)
    results = []
    steps = []

    def step(name):
        def register(func):
            steps.append((name, func))
            return func
        return register

    @step("Ctrl+I asks for a CSV file; its path typed opens the import dialog")
    def choose():
        app.key("ctrl+i")
        wait_for("the file chooser", lambda: find("Open Observed Data"))
        time.sleep(1.0)

        def typed():
            # Ctrl+L opens the chooser's location entry; a slow build may
            # drop keys while it opens, so type again until it takes.
            if not find("Open Observed Data")[0]:
                return True, None
            xdo("mousemove", app.x + 300, app.y + 120)
            xdo("key", "ctrl+l")
            time.sleep(0.5)
            xdo("key", "ctrl+a")
            xdo("type", "--delay", "30", CSV)
            time.sleep(0.5)
            xdo("key", "Return")
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if not find("Open Observed Data")[0]:
                    return True, None
                time.sleep(0.2)
            return False, None
        wait_for("the chooser to take the path", typed, timeout=3 * TIMEOUT)
        wait_for("the import dialog", lambda: find("Import Observed Data"))
        time.sleep(1.0)
        app.screenshot("dialog.png")

    @step("Ctrl+Return imports and brings the Observed page forward")
    def import_data():
        def imported():
            # Import is enabled once the file is read: press until it goes.
            if find("Import Observed Data")[0]:
                xdo("mousemove", app.x + 400, app.y + 15)
                xdo("key", "ctrl+Return")
                time.sleep(0.5)
            return not find("Import Observed Data")[0], None
        wait_for("the dialog to import and close", imported)
        time.sleep(1.0)
        app.screenshot("observed-page.png")

    @step("Alt+A (Apply Observed Data) changes the map in one step")
    def apply():
        def applied():
            if app.title().startswith("*"):
                return True, app.title()
            app.key("alt+a")
            time.sleep(0.5)
            return app.title().startswith("*"), app.title()
        wait_for("the map to change", applied)
        app.screenshot("applied.png")

    @step("the saved map has the observed medians as times, marked observed")
    def saved():
        doc = app.save(lambda d: len(observed_nodes(d)) == 10, "the observed nodes saved")
        for node in current(doc)["nodes"]:
            if node["id"] not in medians:
                assert "observed" not in node, node
                continue
            key = "wait_s" if node["kind"] == "queue" else "lead_s"
            assert node[key] == medians[node["id"]], (node["id"], node[key], medians[node["id"]])
            assert node["observed"].startswith("observed "), node
            assert "median of" in node["observed"], node
        # The other map is untouched.
        future = next(m for m in doc["maps"] if m["id"] == "future")
        assert not any("observed" in n for n in future["nodes"])

    @step("Ctrl+Z takes the whole step back")
    def undo():
        app.key("ctrl+z")
        doc = app.save(lambda d: not observed_nodes(d), "the observed times undone")
        assert current(doc)["nodes"] == current(original)["nodes"]

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
