#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file marks strings for translation but is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
#
# Marks are the keywords of meson's glib preset for xgettext: _(), N_(),
# C_(), NC_(), Q_() before a string, and the gettext family (ngettext,
# g_dngettext, g_dpgettext2, g_dcgettext…) called with anything but "()",
# which is how prose in a comment names them; in .ui files translatable="yes".
top=${1:-.}
cd "$top" || exit 2
status=0

marks='(^|[^A-Za-z0-9_])(N?C?_|Q_)[[:space:]]*\([[:space:]]*("|$)'
marks="$marks"'|(^|[^A-Za-z0-9_])(g_)?(d|dc)?n?p?gettext2?[[:space:]]*\([^)]'
marks="$marks"'|translatable="yes"'

for f in $(grep -rlE "$marks" src data --include='*.c' --include='*.h' --include='*.ui' \
             --include='*.in' --include='*.gschema.xml' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

for f in $(grep -v '^#' po/POTFILES.in | grep .); do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
