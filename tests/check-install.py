#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` into a temporary folder installs all of it, and the
installed app starts from its desktop file.

Installs the build with --destdir, checks each file a desktop needs (the
desktop file, metainfo, icons, MIME type, settings schema, templates,
example, translations of po/LINGUAS), compiles the schemas there as a
package's trigger would, then runs the desktop file's Exec line with
XDG_DATA_DIRS and PATH pointing into the folder, waits for the window and
closes it with Ctrl+Q. The exit status must be 0.

Usage: check-install.py BUILD_DIR SOURCE_DIR
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing.
"""
import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gui"))
import fmgui  # noqa: E402
from fmgui import wait_for  # noqa: E402

APP_ID = "io.github.flowmap.Flowmap"


def prefix_of(build):
    """The prefix the build was configured with, as meson reports it."""
    out = subprocess.run(["meson", "introspect", "--buildoptions", build],
                         check=True, capture_output=True, text=True).stdout
    for option in json.loads(out):
        if option["name"] == "prefix":
            return option["value"]
    raise AssertionError("no prefix in the build options")


def linguas(source):
    with open(os.path.join(source, "po", "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f for w in line.split("#", 1)[0].split()]


def main():
    fmgui.need_display()
    build, source = (os.path.abspath(a) for a in sys.argv[1:3])
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-install-"))
    dest = os.path.join(tmp, "dest")
    prefix = dest + prefix_of(build)
    share = os.path.join(prefix, "share")
    state = {}

    def install():
        env = dict(os.environ)
        env.pop("DESTDIR", None)
        subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet",
                        "--destdir", dest], check=True, env=env,
                       stdout=subprocess.DEVNULL)

    def files():
        expected = [
            "bin/flowmap",
            "share/applications/%s.desktop" % APP_ID,
            "share/metainfo/%s.metainfo.xml" % APP_ID,
            "share/icons/hicolor/scalable/apps/%s.svg" % APP_ID,
            "share/icons/hicolor/symbolic/apps/%s-symbolic.svg" % APP_ID,
            "share/icons/hicolor/scalable/mimetypes/application-x-flowmap.svg",
            "share/mime/packages/%s.xml" % APP_ID,
            "share/glib-2.0/schemas/%s.gschema.xml" % APP_ID,
            "share/flowmap/examples/release.flowmap",
        ]
        expected += ["share/flowmap/templates/%s.flowmap" % t
                     for t in ("operational", "development", "support", "compliance")]
        expected += ["share/locale/%s/LC_MESSAGES/flowmap.mo" % lang for lang in linguas(source)]
        missing = [f for f in expected if not os.path.isfile(os.path.join(prefix, f))]
        assert not missing, "not installed: " + ", ".join(missing)
        assert os.access(os.path.join(prefix, "bin", "flowmap"), os.X_OK)

    def desktop_file():
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(os.path.join(share, "applications", APP_ID + ".desktop"), encoding="utf-8")
        e = entry["Desktop Entry"]
        assert e["Icon"] == APP_ID, e["Icon"]
        assert "application/x-flowmap" in e["MimeType"].split(";"), e["MimeType"]
        # The MIME type the desktop file claims is the one installed.
        with open(os.path.join(share, "mime", "packages", APP_ID + ".xml"), encoding="utf-8") as f:
            assert 'type="application/x-flowmap"' in f.read()
        state["exec"] = e["Exec"]

    def schemas():
        subprocess.run(["glib-compile-schemas", "--strict", os.path.join(share, "glib-2.0", "schemas")],
                       check=True)
        # Found through XDG_DATA_DIRS, as the installed app finds it.
        env = dict(os.environ, XDG_DATA_DIRS=share)
        env.pop("GSETTINGS_SCHEMA_DIR", None)
        keys = subprocess.run(["gsettings", "list-keys", APP_ID], env=env, check=True,
                              capture_output=True, text=True).stdout.split()
        assert keys, "the schema has no keys"

    def starts():
        # The Exec line as a launcher would run it, with no file: %F and
        # %U expand to nothing.
        argv = [a for a in shlex.split(state["exec"]) if a not in ("%f", "%F", "%u", "%U")]
        assert argv[0] == "flowmap", argv
        env = fmgui.isolated_env(tmp)
        env["PATH"] = os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", "")
        env["XDG_DATA_DIRS"] = share + os.pathsep + env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        # Nothing from the build tree: the schemas are the installed ones.
        for name in ("GSETTINGS_SCHEMA_DIR", "GSETTINGS_BACKEND"):
            env.pop(name, None)
        env["GSETTINGS_BACKEND"] = "memory"
        proc = subprocess.Popen(argv, env=env)
        state["proc"] = proc

        def window():
            if proc.poll() is not None:
                raise AssertionError("the installed app exited with status %d" % proc.returncode)
            return fmgui.find_windows("— Flowmap$")
        win = wait_for("the installed app's window", window)[0]
        # As a person would: Ctrl+Q once the window is there and drawn, not
        # while a slow start (sanitizers, a busy machine) still maps it.
        x, y, width, height = fmgui.settled_geometry(win)
        fmgui.wait_drawn("the installed app's window", (x, y, width, height))
        fmgui.xdo("mousemove", x + width // 2, y + 15)
        fmgui.xdo("key", "ctrl+q")
        proc.wait(fmgui.TIMEOUT)
        assert proc.returncode == 0, "the installed app exited with status %d" % proc.returncode

    status = 1
    try:
        status = fmgui.run_steps([
            ("meson install into a temporary folder", install),
            ("every file a desktop needs is installed", files),
            ("the desktop file names the icon and the MIME type", desktop_file),
            ("the installed schemas compile", schemas),
            ("the app starts from the desktop file's Exec line, and quits", starts),
        ])
    finally:
        proc = state.get("proc")
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
