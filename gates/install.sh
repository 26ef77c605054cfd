#!/usr/bin/env bash
# gates/install.sh — installs what the quality gates and the benchmark's smoke
# run need; a re-run with everything present does nothing and takes about a
# second.
#   apt (only what is missing): chromium (the browser axe runs in),
#     default-jre-headless when there is no `java` (vnu.jar), poppler-utils
#     (PDF checks of the print edition), fonts-liberation and fonts-dejavu-core
#     (stable text metrics in the browser), hugo (what bench/run.py compares
#     stratdoc with; CI's benchmark smoke run needs it);
#   npm: `npm ci` in gates/ (playwright-core, axe-core, vnu-jar, pinned in
#     package-lock.json) unless node_modules already holds those versions.
# Needs Node.js 20 or later (playwright-core). Under CI=true anything missing
# afterwards is a failure; elsewhere it is reported and the gate that needs it
# is skipped by run.sh.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
ci=false; [ "${CI:-}" = "true" ] && ci=true
t0=$(date +%s)

need=()
[ -x "$CHROMIUM" ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/hugo ] || command -v hugo >/dev/null 2>&1 || need+=(hugo)
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s fonts-liberation >/dev/null 2>&1 || need+=(fonts-liberation)
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if command -v apt-get >/dev/null 2>&1 && { [ -z "$sudo" ] || command -v sudo >/dev/null 2>&1; }; then
    echo "install: apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || { echo "install: apt-get failed" >&2; $ci && exit 1; }
  else
    echo "install: WARNING: missing ${need[*]} and no apt-get to install them" >&2
    $ci && exit 1
  fi
else
  echo "install: system packages present"
fi
t1=$(date +%s)

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install: Node.js 20+ and npm are needed for the gates" >&2; exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "install: Node.js $(node --version) is too old; playwright-core needs 20 or later" >&2; exit 1
fi
cd "$HERE" || exit 1
# Skip npm when node_modules already holds exactly the locked versions.
if node -e '
  const lock = require("./package-lock.json").packages;
  for (const [p, info] of Object.entries(lock)) {
    if (!p) continue;
    if (require("./" + p + "/package.json").version !== info.version) process.exit(1);
  }
  require("fs").accessSync(require.resolve("vnu-jar/package.json").replace("package.json", "build/dist/vnu.jar"));' 2>/dev/null; then
  echo "install: node_modules matches package-lock.json"
else
  echo "install: npm ci"
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
t2=$(date +%s)

status=0
report() { # report NAME COMMAND...: print its version, or fail under CI
  local v
  # Debian's chromium wrapper prints a harmless shell error before the version.
  if v="$("${@:2}" 2>&1)"; then echo "  $1: $(grep -v 'unexpected operator' <<<"$v" | head -n 1)"
  else echo "install: $1 is not usable: $(head -n 1 <<<"$v")" >&2; $ci && status=1; fi
}
report chromium "$CHROMIUM" --version
report java java -version
report hugo hugo version
report vnu java -jar node_modules/vnu-jar/build/dist/vnu.jar --version
report node node --version
report playwright-core node -p 'require("playwright-core/package.json").version'
report axe-core node -p 'require("axe-core/package.json").version'
echo "install: done in $(( $(date +%s) - t0 ))s (system packages $((t1 - t0))s, npm $((t2 - t1))s)"
exit $status
