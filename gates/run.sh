#!/usr/bin/env bash
# gates/run.sh SITE... — runs the quality gates over each built site:
#   axe      (axe.mjs)      WCAG 2.1 A and AA rules in headless Chromium: 0 violations
#   vnu      (vnu.mjs)      Nu HTML Checker on every .html file: 0 errors
#   links    (links.mjs)    every internal link, asset and #fragment resolves: 0 broken
#   search   (search.mjs)   a word only one page has finds that page first, typed
#                           and followed with the keyboard, from disk and from a server
#   phone    (phone.mjs)    360, 768 and 1280 px: no sideways scroll, the h1 on a
#                           phone's first screen, the menu folded and opened by
#                           keyboard, the 404 page from any depth; screenshots
#   keyboard (keyboard.mjs) Tab walks: skip link first, every stop reached, focus visible
#   figures  (figures.mjs)  every text in a chart or the roadmap 4.5:1 on what lies under it
#   paper    (paper.mjs)    the board edition printed: no page ends in a heading or a
#                           heading and one line; site pages printed without background
#                           graphics: no sheet for the footer alone, badges and tabs legible
# Prints each gate's findings, then one summary line per gate and site.
# Exit 0 when every gate passed on every site, 1 when any failed.
# GATES="links vnu" runs only those (all eight by default).
# Without a browser or Java a gate is skipped with a warning, except under
# CI=true, where that is a failure. Needs `npm ci` in gates/ (gates/install.sh).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM

if [ $# -eq 0 ]; then echo "usage: gates/run.sh SITE_DIR..." >&2; exit 2; fi
if [ ! -d "$HERE/node_modules/axe-core" ] || [ ! -d "$HERE/node_modules/vnu-jar" ] || [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "gates: node packages missing: run \`npm ci\` in $HERE (or bash gates/install.sh)" >&2
  exit 2
fi

ci=false; [ "${CI:-}" = "true" ] && ci=true
missing() { # missing GATE WHAT: fail under CI, else skip loudly
  if $ci; then
    summary+=("FAIL  $1 $site: $2 (CI=true: a gate that cannot run fails)"); failed=1
  else
    printf '\n!!!!!!!! %s gate SKIPPED: %s. CI runs it; install it to run it here. !!!!!!!!\n' "$1" "$2" >&2
    summary+=("SKIP  $1 $site: $2")
  fi
}

summary=(); failed=0
for site in "$@"; do
  if [ ! -d "$site" ]; then summary+=("FAIL  $site: not a folder"); failed=1; continue; fi
  for gate in ${GATES:-axe vnu links search phone keyboard figures paper}; do
    case "$gate" in axe|vnu|links|search|phone|keyboard|figures|paper) ;; *) echo "gates: unknown gate $gate (axe, vnu, links, search, phone, keyboard, figures, paper)" >&2; exit 2 ;; esac
    case "$gate" in axe|search|phone|keyboard|figures|paper)
      if [ ! -x "$CHROMIUM" ]; then missing "$gate" "no browser at $CHROMIUM"; continue; fi ;;
    esac
    if [ "$gate" = paper ] && ! command -v pdftotext >/dev/null 2>&1; then missing paper "no pdftotext (poppler-utils)"; continue; fi
    if [ "$gate" = vnu ] && ! command -v java >/dev/null 2>&1; then missing vnu "no java on PATH"; continue; fi
    printf '\n==> %s %s\n' "$gate" "$site"
    out="$(node "$HERE/$gate.mjs" "$site" 2>&1)"; rc=$?
    printf '%s\n' "$out"
    last="$(printf '%s\n' "$out" | tail -n 1)"
    if [ $rc -eq 0 ]; then summary+=("ok    $last  ($site)")
    else summary+=("FAIL  $last  ($site, exit $rc)"); failed=1; fi
  done
done

printf '\n==> gates summary\n'
printf '%s\n' "${summary[@]}"
if [ $failed -ne 0 ]; then echo "gates: FAILED"; exit 1; fi
echo "gates: passed"
