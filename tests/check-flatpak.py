#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: it parses, names the app id, the command the
build installs, a GNOME runtime with its SDK, a meson build of this tree,
Wayland with an X11 fallback, and no broad file system access."""
import json
import sys

manifest_path, app_id, command = sys.argv[1:4]
failures = []

with open(manifest_path, encoding="utf-8") as f:
    m = json.load(f)

def check(condition, message):
    if not condition:
        failures.append(message)

check(m.get("id") == app_id, f"id is {m.get('id')!r}, expected {app_id!r}")
check(m.get("command") == command, f"command is {m.get('command')!r}, expected {command!r}")
check(m.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(m.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
check(str(m.get("runtime-version", "")).isdigit(), "runtime-version is not a GNOME release number")

args = m.get("finish-args", [])
check("--socket=wayland" in args, "no --socket=wayland")
check("--socket=fallback-x11" in args, "no --socket=fallback-x11 (X11 only as a fallback)")
check("--socket=x11" not in args, "--socket=x11 would bypass Wayland")
broad = [a for a in args if a.startswith("--filesystem=") and
         a.split("=", 1)[1].split(":")[0] in ("host", "home", "host-os", "host-etc")]
check(not broad, f"broad file system access: {broad}; files go through the portal")

modules = m.get("modules", [])
check(any(isinstance(mod, dict) and mod.get("buildsystem") == "meson" and
          any(src.get("type") == "dir" and src.get("path") == ".." for src in mod.get("sources", []))
          for mod in modules),
      "no meson module building this tree")

if failures:
    for f in failures:
        print("flatpak manifest:", f)
    sys.exit(1)
print("flatpak manifest: OK")
