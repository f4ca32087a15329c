# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers of the GUI tests: the real app on a virtual display,
driven with xdotool, observed through its windows' titles, the files it
writes and the window actions GtkApplication publishes on the session bus.

A test starts with need_display(), which reruns it under dbus-run-session
and xvfb-run when there is no display, or exits 77 (skipped) when they are
missing.
"""
import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

# Longer under the sanitizers: FLOWMAP_GUI_TIMEOUT=60.
TIMEOUT = float(os.environ.get("FLOWMAP_GUI_TIMEOUT", "20"))
# -noreset: Xvfb would otherwise reset when the last app of a test quits,
# and an app starting just then fails with "cannot open display".
SCREEN = "-screen 0 1600x1000x24 -noreset"
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


def wait_seen(what, check, timeout=TIMEOUT):
    """Polls check() -> (done, last seen) until done, and returns what was
    last seen; the failure says what that was."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        done, last = check()
        if done:
            return last
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for %s (last seen: %r)" % (what, last))
        time.sleep(0.1)


def _drag_icons(before):
    """The windows mapped since before that are big enough to show
    something: a drag-and-drop's icon (GTK maps 1 × 1 helpers with it)."""
    icons = set()
    for window in visible_windows() - before:
        try:
            if min(geometry(window)[2:]) > 1:
                icons.add(window)
        except subprocess.CalledProcessError:  # gone again
            pass
    return icons


def drag(x1, y1, x2, y2, steps=16, dnd=False):
    """A real press, motion in steps, and release, as a hand would do it.

    A hand pauses once the drag has started and before letting go; so does
    this, which gives a slow build (sanitizers, a loaded machine) the time
    GTK needs to start a drag-and-drop and to see where it ends. With dnd
    (a drag-and-drop, as from the palette), it waits to see the drag's
    icon under the pointer before moving on, and to see it go after the
    release: a busy app may start the drag late, and a pointer that got
    to the end first drops nothing."""
    before = visible_windows() if dnd else None
    xdo("mousemove", x1, y1)
    time.sleep(0.1)
    xdo("mousedown", 1)
    time.sleep(0.1)
    xdo("mousemove", x1 + (8 if x2 >= x1 else -8), y1)
    time.sleep(0.3)
    if dnd:
        # Past GTK's threshold (8 px): the drag starts.
        xdo("mousemove", x1 + (16 if x2 >= x1 else -16), y1)
        icons = wait_for("the drag's icon", lambda: _drag_icons(before))
    for i in range(1, steps + 1):
        xdo("mousemove", int(x1 + (x2 - x1) * i / steps), int(y1 + (y2 - y1) * i / steps))
        time.sleep(0.03)
    time.sleep(0.3)
    xdo("mouseup", 1)
    time.sleep(0.2)
    if dnd:
        wait_for("the drop", lambda: not (visible_windows() & icons))


def click(x, y, repeat=1):
    """A click (or a double click) at a point of the screen."""
    xdo("mousemove", x, y)
    xdo("click", "--repeat", repeat, "--delay", 80, 1)


def type_text(text):
    """Types text into whatever has the keyboard."""
    xdo("type", "--delay", 12, text)


def screenshot(path):
    """The whole screen into path, for a person to look at (nothing is
    asserted on it). Returns path, or None without ImageMagick's import."""
    if not shutil.which("import"):
        return None
    subprocess.run(["import", "-window", "root", path], check=True)
    assert os.path.getsize(path) > 0, path
    return path


class _XImage(ctypes.Structure):
    # The head of Xlib's XImage, up to the fields read here.
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int),
                ("xoffset", ctypes.c_int), ("format", ctypes.c_int),
                ("data", ctypes.POINTER(ctypes.c_char)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int)]


class _Screen:
    """Reads pixels of the screen with Xlib's XGetImage: a few
    milliseconds, where ImageMagick's import takes seconds on a busy
    machine."""

    def __init__(self):
        self.xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xlib.XGetImage.restype = ctypes.POINTER(_XImage)
        self.xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                        ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.xlib.XDestroyImage.argtypes = [ctypes.POINTER(_XImage)]
        self.display = self.xlib.XOpenDisplay(None)
        if not self.display:
            raise AssertionError("cannot open the display to read its pixels")
        self.root = self.xlib.XDefaultRootWindow(self.display)

    def grab(self, x, y, width, height):
        """The region's pixels, one row after another, 4 bytes each."""
        all_planes, z_pixmap = ~0 & 0xffffffffffffffff, 2
        image = self.xlib.XGetImage(self.display, self.root, x, y, width, height, all_planes, z_pixmap)
        if not image:
            raise AssertionError("cannot read the screen at %r" % ((x, y, width, height),))
        try:
            line = image.contents.bytes_per_line
            data = ctypes.string_at(image.contents.data, line * image.contents.height)
            return b"".join(data[row * line:row * line + 4 * width] for row in range(height))
        finally:
            self.xlib.XDestroyImage(image)


_screen = None
SCREEN_SIZE = (1600, 1000)


def clip(region):
    """region, (x, y, width, height), cut to the screen."""
    x, y, width, height = region
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(SCREEN_SIZE[0], x + width), min(SCREEN_SIZE[1], y + height)
    return x0, y0, max(1, x1 - x0), max(1, y1 - y0)


def pixels(region):
    """A digest of what the screen shows in region, (x, y, width, height)."""
    global _screen
    if _screen is None:
        _screen = _Screen()
    return hashlib.sha1(_screen.grab(*clip(region))).hexdigest()


class Snapshot:
    """The whole screen at one moment, to tell later what a region showed
    then (for a window that is not there yet)."""

    def __init__(self):
        pixels((0, 0, 1, 1))
        self.data = _screen.grab(0, 0, *SCREEN_SIZE)

    def pixels(self, region):
        x, y, width, height = clip(region)
        line = 4 * SCREEN_SIZE[0]
        return hashlib.sha1(b"".join(self.data[row * line + 4 * x:row * line + 4 * (x + width)]
                                     for row in range(y, y + height))).hexdigest()


def wait_drawn(what, region, before=None, timeout=TIMEOUT):
    """Waits until the screen in region shows something other than before
    (a digest from pixels(), if given) and then holds still: three looks
    in a row the same. As a person waits to see the field before clicking
    it: what is on screen was laid out and drawn, so a click goes where
    it shows. Returns the digest seen last."""
    deadline = time.monotonic() + timeout
    seen = [pixels(region)]
    while True:
        if len(seen) >= 3 and len(set(seen[-3:])) == 1 and seen[-1] != before:
            return seen[-1]
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for %s to show on screen%s" %
                                 (what, "" if seen[-1] != before else " (nothing changed)"))
        time.sleep(0.1)
        seen.append(pixels(region))


def side_panel(window):
    """The side panel of a window, (x, y, width, height) on screen: what
    is right of the line between the canvas and the panel. Read from the
    screen, as a person sees it, since the panel is as wide as its
    switcher's tabs make it (a tab more moves its left edge). Waits until
    the window is drawn; nothing may be drawn on the canvas's right half
    yet (an empty map)."""
    x, y, width, height = window
    left = x + width // 3
    top, bottom = y + 120, y + height - 40

    def find():
        pixels((0, 0, 1, 1))
        data = _screen.grab(left, top, x + width - left, bottom - top)
        line = 4 * (x + width - left)
        rows = range(0, bottom - top, 3)

        def column(c):
            return {data[r * line + 4 * c:r * line + 4 * c + 3] for r in rows}
        # The canvas's background: its grid's dots are few.
        counts = {}
        for c in range(24):
            for r in rows:
                px = data[r * line + 4 * c:r * line + 4 * c + 3]
                counts[px] = counts.get(px, 0) + 1
        canvas = max(counts, key=counts.get)
        for c in range(24, x + width - left):
            seen = column(c)
            # The dividing line: one colour from top to bottom, not the
            # canvas's (a column of the grid has dots and background).
            if len(seen) == 1 and canvas not in seen:
                panel = left + c + 1
                # As wide as a side panel can be (340 px at least).
                if 300 <= x + width - panel <= width // 2:
                    return panel
                return None
        return None
    panel = wait_for("the side panel to be drawn", find)
    return panel, y, x + width - panel, height


def read_json(path):
    """The JSON in path, or None while it is missing or half written."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def find_windows(name):
    """The X windows whose title matches the regular expression name."""
    try:
        return xdo("search", "--name", name).split()
    except subprocess.CalledProcessError:
        return []


def visible_windows():
    """The ids of the X windows on screen: a popover or a menu is one more."""
    try:
        return set(xdo("search", "--onlyvisible", "--name", "").split())
    except subprocess.CalledProcessError:
        return set()


def popup(*keys):
    """Presses keys that open a popover (a combo row's list, a menu) and
    waits until it is on screen and drawn, and so takes the keys that
    follow: a list makes its rows when it is first laid out, and arrow
    keys pressed before reach no row. Returns its windows, for popdown()."""
    before = visible_windows()
    screen = Snapshot()
    xdo("key", *keys)
    windows = wait_for("the popover to open", lambda: visible_windows() - before)
    for window in windows:
        try:
            region = geometry(window)
        except subprocess.CalledProcessError:  # gone again
            continue
        # GTK maps a 1 × 1 input-only window with it: nothing to see there.
        if region[2] > 1 and region[3] > 1:
            wait_drawn("the popover", region, screen.pixels(region))
    return windows


def popdown(windows, *keys):
    """Presses keys that close the popover opened by popup(), and waits
    until it has gone, and the keys go to the window again."""
    xdo("key", *keys)
    wait_for("the popover to close", lambda: not (visible_windows() & windows))


def window_shown(title):
    """For wait_seen(): whether a window titled exactly title is on
    screen, and its ids."""
    ids = find_windows("^%s$" % title)
    return bool(ids), ids


def geometry(window):
    values = dict(line.split("=", 1) for line in
                  xdo("getwindowgeometry", "--shell", window).split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def settled_geometry(window):
    """The window's place and size once they held still for a moment: a
    window just mapped is still being laid out, and a drag started then can
    begin before the palette can start one."""
    def still():
        samples = []
        for _ in range(4):
            samples.append(geometry(window))
            time.sleep(0.25)
        return samples[0] if len(set(samples)) == 1 else None
    return wait_for("the window to settle", still)


def isolated_env(folder, **extra):
    """An environment whose settings, data, state (autosaves) and caches
    are in folder, so that tests running side by side never meet."""
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none", HOME=folder,
               XDG_CONFIG_HOME=os.path.join(folder, "config"),
               XDG_DATA_HOME=os.path.join(folder, "data"),
               XDG_STATE_HOME=os.path.join(folder, "state"),
               XDG_CACHE_HOME=os.path.join(folder, "cache"))
    # As in a real home: folders that are missing make the first
    # drag-and-drop of the palette fail now and then.
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.makedirs(env[key], exist_ok=True)
    # In a sanitizer build, what GTK keeps until exit is not ours to
    # report; the unit tests check Flowmap's own code for leaks.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    env.update(extra)
    return env


class DisplayHeld:
    """Keeps a client connected to the X server while the app is closed
    and started again: Xvfb resets when its last client leaves, and an app
    that connects during the reset fails with "cannot open display".

        with fmgui.DisplayHeld():
            app.close()
            app = App(...)
    """

    def __enter__(self):
        # xdotool connects first, then sleeps.
        self.proc = subprocess.Popen(["xdotool", "sleep", "600"])
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait()
        return False


def no_animations(env):
    """Turns GTK's animations off for an app run in env (from
    isolated_env()), as a person who prefers less motion does: a revealer
    or an expander row then shows its rows at once, so that the arrow keys
    pressed next can reach them; and the text cursor does not blink, so
    that wait_drawn() sees a focused field hold still."""
    folder = os.path.join(env["XDG_CONFIG_HOME"], "gtk-4.0")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "settings.ini"), "w", encoding="utf-8") as f:
        # A blinking cursor would never let wait_drawn() see the screen hold still.
        f.write("[Settings]\ngtk-enable-animations=false\ngtk-cursor-blink=false\n")
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
        """The window's title, or "" once the window is gone."""
        try:
            return xdo("getwindowname", self.window).strip()
        except subprocess.CalledProcessError:
            return ""

    def settle(self):
        """Waits until the window holds still, and takes its geometry then."""
        self.x, self.y, self.width, self.height = settled_geometry(self.window)

    def wait_title(self, expected):
        return wait_seen("the title “%s”" % expected,
                         lambda: (self.title() == expected, self.title()))

    def save(self, condition, what, timeout=TIMEOUT):
        """Ctrl+S, then waits until the file is written anew and condition
        holds for what it says; returns the saved document."""
        before = os.stat(self.path).st_mtime_ns if os.path.exists(self.path) else None
        self.key("ctrl+s")

        def saved():
            if before is not None and os.path.exists(self.path) and \
                    os.stat(self.path).st_mtime_ns == before:
                return False, None
            doc = read_json(self.path)
            return doc is not None and condition(doc), doc
        return wait_seen(what, saved, timeout)

    def choose_file(self, title, path):
        """Types path into the file chooser titled title (GTK's own, as
        there is no portal under Xvfb) and accepts it. Ctrl+L opens the
        chooser's location entry; a slow build may drop keys while it
        opens, so this types again until the chooser goes."""
        wait_seen("the file chooser", lambda: (bool(find_windows("^%s$" % title)), None))
        time.sleep(1.0)

        def typed():
            if not find_windows("^%s$" % title):
                return True, None
            xdo("mousemove", self.x + 300, self.y + 120)
            xdo("key", "ctrl+l")
            time.sleep(0.5)
            xdo("key", "ctrl+a")
            xdo("type", "--delay", "30", path)
            time.sleep(0.5)
            xdo("key", "Return")
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if not find_windows("^%s$" % title):
                    return True, None
                time.sleep(0.2)
            return False, None
        wait_seen("the chooser to take the path", typed, timeout=3 * TIMEOUT)

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

    def screenshot(self, name):
        """The screen into name, in the folder of the app's file."""
        return screenshot(os.path.join(os.path.dirname(self.path), name))

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


class Steps(list):
    """(name, func) steps for run_steps(), registered in order with
    @steps("what it checks") on each function."""

    def __call__(self, name):
        def register(func):
            self.append((name, func))
            return func
        return register


def remove_unless_kept(folder):
    """Removes a test's folder, unless FLOWMAP_GUI_KEEP asks to keep it
    (with the screenshots) for a person to look at."""
    if os.environ.get("FLOWMAP_GUI_KEEP") is None:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print("# kept " + folder)


def run_test(steps, folder, close):
    """run_steps(steps), then close() (the apps) and remove_unless_kept
    (folder), whatever happened. Returns the exit status."""
    try:
        return run_steps(steps)
    finally:
        close()
        remove_unless_kept(folder)


def run_steps(steps):
    """Runs (name, func) steps in order, stopping at the first failure,
    and prints TAP. Returns the exit status."""
    results = []
    for name, func in steps:
        start = time.monotonic()
        try:
            func()
            results.append(("ok", name, time.monotonic() - start))
        except Exception as e:  # report, then stop: later steps build on this one
            results.append(("not ok", "%s # %s" % (name, e), time.monotonic() - start))
            break
    print("1..%d" % len(steps))
    for n, (status, name, _) in enumerate(results, 1):
        print("%s %d - %s" % (status, n, name))
    # For a person reading the log: where the time went (nothing asserted).
    for n, (_, _, seconds) in enumerate(results, 1):
        print("# step %d took %.1f s" % (n, seconds))
    return 0 if len(results) == len(steps) and all(s == "ok" for s, _, _ in results) else 1
