#!/usr/bin/env bash
# The benchmark's smoke run, as CI runs it (`bash bench/smoke.sh`). It times
# nothing that could fail on a slow machine; it checks that
#   1. bench/corpus.py is deterministic: the same pages and seed, written
#      twice, give byte-identical files;
#   2. its corpus is valid: `stratdoc check` exits 0 with no errors (warnings
#      are printed: the benchmark should measure work, not diagnostics);
#   3. bench/run.py runs end to end at 200 pages, one round (stratdoc must
#      build the corpus with exit 0, as must Hugo, the floor and stratdoc
#      again as a --baseline), writing the sites to memory (/dev/shm) where
#      it can and removing them;
#   4. bench/serve.py runs end to end at 50 pages, two saves per tool (every
#      save must reach the browser as a reload).
# Under CI=true a missing hugo fails the run; elsewhere it is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench/smoke
rm -rf "$work"
mkdir -p "$work"

digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }
python3 bench/corpus.py --pages 50 --out "$work/a"
python3 bench/corpus.py --pages 50 --out "$work/b"
if [ "$(digest "$work/a")" != "$(digest "$work/b")" ]; then
  echo "smoke: bench/corpus.py wrote different files for the same pages and seed:" >&2
  diff -rq "$work/a" "$work/b" >&2 || true
  exit 1
fi
echo "smoke: bench/corpus.py is deterministic ($(digest "$work/a" | cut -c1-16))"

cargo build --release --locked --quiet
status=0
out=$(target/release/stratdoc check "$work/a/stratdoc" --message-format short --color never 2>&1) || status=$?
if [ "$status" -ne 0 ] || ! grep -q 'no errors' <<<"$out"; then
  printf '%s\n' "$out" >&2
  echo "smoke: stratdoc check failed on the 50-page corpus (exit $status)" >&2
  exit 1
fi
echo "smoke: $(tail -n 1 <<<"$out")"

python3 bench/run.py --pages 200 --runs 1 ${CI:+--require-hugo} --json "$work/run.json" \
  --baseline target/release/stratdoc
# The sites went to memory where there is a tmpfs, and nothing was left there.
python3 - "$work/run.json" <<'EOF'
import json, os, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))
machine = run["machine"]
runs = run["results"][0]["runs"]
if len(runs.get("baseline", [])) != len(runs["stratdoc"]):
    sys.exit("smoke: bench/run.py did not time --baseline in the rounds stratdoc ran in")
tmpfs = any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in open("/proc/mounts"))
if tmpfs and not machine["in_memory"]:
    sys.exit(f"smoke: bench/run.py wrote to {machine['out']}, not to /dev/shm (a tmpfs)")
if os.path.exists(machine["out"]):
    sys.exit(f"smoke: bench/run.py left its output in {machine['out']}")
print(f"smoke: bench/run.py wrote {'in memory' if machine['in_memory'] else 'on disk'} and removed it")
EOF
python3 bench/serve.py --pages 50 --edits 2 ${CI:+--require-hugo}
