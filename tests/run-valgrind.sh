#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-valgrind.sh STATUS PROGRAM ARGS…
#
# Runs PROGRAM under valgrind's memcheck. Passes when PROGRAM exits with
# STATUS (a check of a bad file exits 1, and that is right) and valgrind
# found no invalid access, uninitialised use or leak (it exits 99 then).
# The suppressions hide only the caches of fontconfig and pango.
set -u

expected=$1
shift

G_SLICE=always-malloc G_DEBUG=gc-friendly \
  valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,possible \
  --errors-for-leak-kinds=definite,possible --num-callers=30 \
  --suppressions="$(dirname "$0")/valgrind.supp" "$@"
status=$?

if [ "$status" -eq 99 ]; then
  echo "valgrind found errors (see above)" >&2
  exit 1
fi
if [ "$status" -ne "$expected" ]; then
  echo "exit status $status, expected $expected" >&2
  exit 1
fi
exit 0
