"""Shared helpers of the GUI tests: the real app on a virtual display,
driven with xdotool, observed through its windows' titles, the files it
writes and the window actions GtkApplication publishes on the session bus.

A test starts with need_display(), which reruns it under dbus-run-session
and xvfb-run when there is no display, or exits 77 (skipped) when they are
missing.
"""
import os
import shutil
import signal
import subprocess
import sys
import time

# Longer under the sanitizers: FLOWMAP_GUI_TIMEOUT=60.
TIMEOUT = float(os.environ.get("FLOWMAP_GUI_TIMEOUT", "20"))
SCREEN = "-screen 0 1600x1000x24"
APP_ID = "io.github.flowmap.Flowmap"


def need_display():
    if not shutil.which("xdotool"):
        print("1..0 # SKIP xdotool missing")
        sys.exit(77)
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


def find_windows(name):
    """The X windows whose title matches the regular expression name."""
    try:
        return xdo("search", "--name", name).split()
    except subprocess.CalledProcessError:
        return []


def geometry(window):
    values = dict(line.split("=", 1) for line in
                  xdo("getwindowgeometry", "--shell", window).split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def isolated_env(folder, **extra):
    """An environment whose settings, data, state (autosaves) and caches
    are in folder, so that tests running side by side never meet."""
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none", HOME=folder,
               XDG_CONFIG_HOME=os.path.join(folder, "config"),
               XDG_DATA_HOME=os.path.join(folder, "data"),
               XDG_STATE_HOME=os.path.join(folder, "state"),
               XDG_CACHE_HOME=os.path.join(folder, "cache"))
    env.update(extra)
    return env


class App:
    """One run of the app on one file, until close() or kill()."""

    def __init__(self, binary, path, env):
        self.path = path
        self.proc = subprocess.Popen([binary, path], env=env)
        name = os.path.basename(path)
        self.window = wait_for("the window of " + name,
                               lambda: self._alive() and find_windows(name))[0]
        self.x, self.y, self.width, self.height = geometry(self.window)

    def _alive(self):
        if self.proc.poll() is not None:
            raise AssertionError("the app exited with status %d" % self.proc.returncode)
        return True

    def title(self):
        return xdo("getwindowname", self.window).strip()

    def key(self, *keys):
        """Keys to the window: the pointer over its header bar gives it the
        keyboard (there is no window manager to give focus)."""
        xdo("mousemove", self.x + self.width // 2, self.y + 15)
        xdo("key", *keys)

    def key_in(self, window, *keys):
        """Keys to another window of the app, such as a dialog."""
        x, y, width, height = geometry(window)
        xdo("mousemove", x + width // 2, y + height // 2)
        xdo("key", *keys)

    def action_state(self, name, window_id=1):
        """The state of the window action win.NAME, read over D-Bus, as
        gdbus prints it ("true", "false"…), or None if not there."""
        try:
            out = subprocess.run(
                ["gdbus", "call", "--session", "--dest", APP_ID,
                 "--object-path", "/%s/window/%d" % (APP_ID.replace(".", "/"), window_id),
                 "--method", "org.gtk.Actions.Describe", name],
                check=True, capture_output=True, text=True, timeout=5).stdout
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return None
        # ((false, signature '', [<true>]),)
        start = out.rfind("[<")
        return out[start + 2:out.index(">", start)] if start >= 0 else None

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self):
        """As a crash would: no chance to clean up."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


def run_steps(steps):
    """Runs (name, func) steps in order, stopping at the first failure,
    and prints TAP. Returns the exit status."""
    results = []
    for name, func in steps:
        try:
            func()
            results.append(("ok", name))
        except Exception as e:  # report, then stop: later steps build on this one
            results.append(("not ok", "%s # %s" % (name, e)))
            break
    print("1..%d" % len(steps))
    for n, (status, name) in enumerate(results, 1):
        print("%s %d - %s" % (status, n, name))
    return 0 if len(results) == len(steps) and all(s == "ok" for s, _ in results) else 1
