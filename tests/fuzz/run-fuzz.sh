#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh: fuzz the file loader (or, with --target csv, the CSV import;
# with --target drawio, the draw.io import and export)
# for a while, seeded from the examples and the bad-file corpus.
#
#   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
#       -Db_lundef=false -Dgui=false
#   tests/fuzz/run-fuzz.sh build-fuzz 600 [WORK_DIR]
#   tests/fuzz/run-fuzz.sh --target csv build-fuzz 600 [WORK_DIR]
#   tests/fuzz/run-fuzz.sh --target drawio build-fuzz 600 [WORK_DIR]
#
# WORK_DIR (default build-fuzz/fuzz-work, or fuzz-csv-work) keeps the corpus
# between runs, so a second run starts where the first stopped; a crash is
# written there as crash-* and the script exits non-zero. Turn a crash of the
# loader into a regression test by copying it to tests/data/bad/NAME.flowmap
# with its NAME.flowmap.expected; one of the CSV import into a test of
# tests/test-csv.c, and its input into tests/fuzz/seeds-csv/.
set -eu

target=load
if [ $# -ge 2 ] && [ "$1" = "--target" ]; then
  target=$2
  shift 2
fi
if [ $# -lt 2 ] || { [ "$target" != load ] && [ "$target" != csv ] && [ "$target" != drawio ]; }; then
  echo "usage: $0 [--target load|csv|drawio] BUILD_DIR SECONDS [WORK_DIR]" >&2
  exit 2
fi

build_dir=$1
seconds=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
fuzzer=$build_dir/tests/fuzz/fuzz-$target

if [ "$target" = drawio ]; then
  work_dir=${3:-$build_dir/fuzz-drawio-work}
  dict=$source_dir/tests/fuzz/drawio.dict
  seeds="$source_dir/tests/data/drawio/* $source_dir/tests/fuzz/seeds-drawio/*"
elif [ "$target" = csv ]; then
  work_dir=${3:-$build_dir/fuzz-csv-work}
  dict=$source_dir/tests/fuzz/fuzz-csv.dict
  seeds="$source_dir/data/examples/*.csv $source_dir/tests/fuzz/seeds-csv/*.csv"
else
  work_dir=${3:-$build_dir/fuzz-work}
  dict=$source_dir/tests/fuzz/flowmap.dict
  seeds="$source_dir/data/examples/*.flowmap $source_dir/tests/data/bad/*.flowmap
         $source_dir/tests/fuzz/seeds/*.flowmap"
fi

if [ ! -x "$fuzzer" ]; then
  ninja -C "$build_dir" "tests/fuzz/fuzz-$target"
fi

mkdir -p "$work_dir/seeds" "$work_dir/corpus" "$work_dir/artifacts"
# The seeds are rebuilt on every run, so that new bad files join in.
rm -f "$work_dir/seeds/"*
for f in $seeds; do
  cp "$f" "$work_dir/seeds/"
done

# Leaks count as failures (ASan's default); -rss_limit_mb because the
# reader must stay bounded on any input; -timeout because it must never hang.
exec "$fuzzer" \
  -max_total_time="$seconds" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -dict="$dict" \
  -artifact_prefix="$work_dir/artifacts/" \
  "$work_dir/corpus" "$work_dir/seeds"
