#!/bin/sh
# Fails when a source file marks strings for translation but is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
top=${1:-.}
cd "$top" || exit 2
status=0

for f in $(grep -rlE '(^|[^A-Za-z_])N?_\("|C_\("|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.gschema.xml' | sort); do
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
