#!/usr/bin/env bash
# gates/sites.sh OUT — builds every site the quality gates cover into OUT/:
#   OUT/example             the example strategy at the repository root
#   OUT/fremtid             the second example, examples/fremtid
#   OUT/<fixture path>      every fixture project under tests/fixtures/ that
#                           is meant to build, e.g. OUT/english, OUT/site-project
#   OUT/starter-da, starter-en  the new projects `stratdoc init` makes
# A fixture project is a folder with a stratdoc.yaml. One that also holds an
# expected.stderr is broken on purpose (a diagnostics case) and is left out;
# every other one must build, so a fixture that stops building fails here
# instead of silently dropping out of the gates.
# OUT may hold only earlier stratdoc output; those folders are rebuilt and
# any that no longer has a source is removed. Prints the sites built.
# Exit 0 when all built, 1 when any failed, 2 on usage.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-}"
if [ -z "$OUT" ] || [ $# -ne 1 ]; then echo "usage: gates/sites.sh OUT_DIR" >&2; exit 2; fi
mkdir -p "$OUT" && OUT="$(cd "$OUT" && pwd)" || exit 2
# Look before deleting anything: OUT must hold nothing but stratdoc's own output.
stale=()
for old in "$OUT"/* "$OUT"/.[!.]*; do
  [ -e "$old" ] || continue
  if [ -d "$old" ] && [ -f "$old/.stratdoc-output" ]; then stale+=("$old"); continue; fi
  case "$(basename "$old")" in .*.stratdoc-new-*) continue ;; esac # staging left by a killed build; stratdoc cleans it
  echo "sites.sh: $old is not a stratdoc output; refusing to build into $OUT" >&2
  exit 2
done
[ ${#stale[@]} -eq 0 ] || rm -rf "${stale[@]}"

cd "$ROOT" || exit 2
cargo build --release --locked --quiet || exit 1
BIN="$(cargo metadata --format-version 1 --no-deps 2>/dev/null | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/stratdoc"
[ -x "$BIN" ] || { echo "sites.sh: no binary at $BIN" >&2; exit 2; }

failed=0
build() { # build NAME PROJECT_DIR
  if "$BIN" build "$2" --out "$OUT/$1" --color never; then echo "site: $OUT/$1"
  else echo "sites.sh: FAILED to build $2 (exit $?)" >&2; failed=1; fi
}
build example "$ROOT"
build fremtid "$ROOT/examples/fremtid"
while IFS= read -r config; do
  dir="$(dirname "$config")"
  [ -f "$dir/expected.stderr" ] && continue
  rel="${dir#"$ROOT/tests/fixtures/"}"
  build "${rel//\//-}" "$dir"
done < <(find "$ROOT/tests/fixtures" -name stratdoc.yaml -type f | sort)
starters="$(mktemp -d)" || exit 2
trap 'rm -rf "$starters"' EXIT
for language in da en; do
  if "$BIN" init "$starters/$language" --language "$language" --quiet; then build "starter-$language" "$starters/$language"
  else echo "sites.sh: FAILED to make the $language starter" >&2; failed=1; fi
done
exit $failed
