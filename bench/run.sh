#!/usr/bin/env bash
# Side-by-side build timing: stratdoc against the "floor" (a bare rayon +
# serde_yaml + pulldown-cmark program with no templates or links, in
# ../shared/bench/limit) on the same generated corpus, in one run.
#
#   bench/run.sh [PAGES]        default 10000
#
# Needs python3 and hyperfine (apt-get install hyperfine). Prints hyperfine's
# table (median, min, max) and peak memory of one run of each.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
shared=${SHARED:-../shared}
work=${TMPDIR:-/tmp}/stratdoc-bench-$pages

[ -d "$work/stratdoc" ] || python3 "$shared/bench/gen_corpus.py" --pages "$pages" --out "$work" --layout stratdoc >/dev/null
cargo build --release --quiet
cargo build --release --quiet --manifest-path "$shared/bench/limit/Cargo.toml"
floor="$shared/bench/limit/target/release/limit"

hyperfine --warmup 1 --runs "${RUNS:-5}" \
  -n floor "$floor $work/stratdoc/content $work/floor-out" \
  -n stratdoc "target/release/stratdoc build $work/stratdoc --out $work/site"

for cmd in "$floor $work/stratdoc/content $work/floor-out" "target/release/stratdoc build $work/stratdoc --out $work/site"; do
  /usr/bin/time -f "peak %M KB  wall %e s  ${cmd%% *}" $cmd >/dev/null
done
