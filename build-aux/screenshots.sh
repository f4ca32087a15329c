#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Remakes the README's screenshots (data/screenshots/*.png) from the bundled
# release example: builds the app, then drives it under Xvfb at a fixed
# window size (build-aux/screenshots.py). Needs xdotool, xvfb-run,
# dbus-run-session, ImageMagick’s import and Poppler’s pdftoppm (or
# a renderer of a PDF page named in FLOWMAP_PDF2PNG: PROGRAM PDF PNG SCALE).
#
# Usage: build-aux/screenshots.sh [BUILD_DIR [OUTPUT_FOLDER [SHOT…]]]
# (SHOT: editor, present, observed, simulate, discovered, editor-dark, lanes; all without any)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build/dev}
out=${2:-data/screenshots}
[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=debugoptimized
meson compile -C "$build" flowmap
export GSETTINGS_SCHEMA_DIR=$PWD/$build/data
exec dbus-run-session -- xvfb-run -a -s '-screen 0 1920x1200x24 -noreset' \
  python3 build-aux/screenshots.py "$build/src/flowmap" "$out" "${@:3}"
