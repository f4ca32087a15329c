#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app in German: the release example opened under LANG=de_DE.UTF-8
LANGUAGE=de with the translations of the build tree (FLOWMAP_LOCALEDIR,
build/po), checked through the titles of the windows it opens: the Save As
file chooser and the export dialog are German, their English titles never
appear.

Usage: test-german.py /path/to/flowmap
Runs itself under dbus-run-session and xvfb-run when there is no display.
Exit 77 (skipped) when xdotool or Xvfb is missing, or when the system has
no de_DE.UTF-8 locale (Debian: build-aux/install-deps generates it).
FLOWMAP_GUI_KEEP=1 keeps the temporary folder, with a screenshot.
"""
import locale
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fmgui  # noqa: E402
from fmgui import App, wait_seen  # noqa: E402

LOCALE = "de_DE.UTF-8"


def have_locale(name):
    try:
        locale.setlocale(locale.LC_ALL, name)
    except locale.Error:
        return False
    locale.setlocale(locale.LC_ALL, "C")
    return True


def main():
    if not have_locale(LOCALE):
        print("1..0 # SKIP no %s locale: run localedef -i de_DE -f UTF-8 de_DE.UTF-8" % LOCALE)
        return 77
    fmgui.need_display()
    binary = os.path.abspath(sys.argv[1])
    # build/src/flowmap: the catalogs are in build/po/LANG/LC_MESSAGES.
    localedir = os.path.join(os.path.dirname(os.path.dirname(binary)), "po")
    mo = os.path.join(localedir, "de", "LC_MESSAGES", "flowmap.mo")
    assert os.path.exists(mo), "no German catalog at " + mo
    examples = os.environ.get("FLOWMAP_EXAMPLES") or \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="flowmap-german-"))
    path = os.path.join(tmp, "release.flowmap")
    shutil.copy(os.path.join(examples, "release.flowmap"), path)
    env = fmgui.isolated_env(tmp, LANG=LOCALE, LANGUAGE="de", FLOWMAP_LOCALEDIR=localedir)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    app = None

    def start():
        nonlocal app
        app = App(binary, path, env)
        app.settle()

    def dialog_in_german(keys, german, english):
        def step():
            app.key(keys)
            title = "^%s$" % german
            wait_seen("the window “%s”" % german,
                      lambda: (bool(fmgui.find_windows(title)), fmgui.find_windows("^%s$" % english)))
            assert not fmgui.find_windows("^%s$" % english), "an English “%s” window" % english
            if os.environ.get("FLOWMAP_GUI_KEEP"):
                fmgui.screenshot(os.path.join(tmp, "german-%s.png" % keys.replace("+", "-")))
            window = fmgui.find_windows(title)[0]
            app.key_in(window, "Escape")
            wait_seen("the window “%s” to close" % german,
                      lambda: (not fmgui.find_windows(title), None))
        return step

    steps = [
        ("the app opens the release example in German", start),
        ("Save As is „Diagramm speichern unter“",
         dialog_in_german("ctrl+shift+s", "Diagramm speichern unter", "Save Map As")),
        ("the export dialog is „Exportieren“",
         dialog_in_german("ctrl+e", "Exportieren", "Export")),
    ]
    try:
        status = fmgui.run_steps(steps)
    finally:
        if app is not None:
            app.close()
        if os.environ.get("FLOWMAP_GUI_KEEP"):
            print("# kept " + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
