#!/usr/bin/env bash
# gates/selftest.sh SITE — proves the gates fail when they should.
# Copies SITE (a built site that passes the gates), plants one defect per gate
# and expects each gate to exit 1 and name its defect:
#   axe    index.html: an <img> without alt and grey-on-white text (image-alt,
#          color-contrast); the page is also copied to print.html, which axe
#          must check as a screen page and with print media
#   vnu    the first other page (sorted by path): an unclosed <div>
#   links  the second other page: a link to index.html#no-such-heading in its folder
#   search theme/search/d*.js: the documents shifted by one, so each
#          result links to another page than the one that holds the word;
#          and theme/search/manifest.js padded past the 1 MB a query may load
#   phone  the third other page: an element 2000 px wide, 500 px of space
#          above its h1, and its menu unfolded; the first other page: a
#          footnote whose long web address may not wrap; the first plan
#          view (the matrix, the KPIs…): a table wider than its box
#   keyboard  the fourth other page: a link whose focus does not show, and a
#          skip link that does not lead to <main>
#   figures  the fifth other page: a chart whose text is grey on grey
#   paper  in a second copy, where print.html is the real board edition: a
#          heading forced to the foot of a page, and a heading with one line
#          whose section goes on over the page; on the front page, a badge
#          that prints white on the white paper
# Then checks that run.sh fails when a gate fails, fails under CI=true when the browser is missing and
# only warns without CI. Last line: `selftest: N passed, M failed`; exit 1 if M > 0.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SITE="${1:-}"
if [ -z "$SITE" ] || [ ! -f "$SITE/index.html" ]; then echo "usage: gates/selftest.sh SITE_DIR (a built site)" >&2; exit 2; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stratdoc-gates-selftest-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r "$SITE" "$WORK/broken"
B="$WORK/broken"

pages=()
while IFS= read -r p; do pages+=("${p#"$B/"}"); done < <(find "$B" -name '*.html' ! -name index.html ! -name print.html | sort)
[ ${#pages[@]} -ge 5 ] || { echo "selftest: $SITE needs at least six pages" >&2; exit 2; }
vnu_page="${pages[0]}"; links_page="${pages[1]}"; phone_page="${pages[2]}"; keyboard_page="${pages[3]}"; figures_page="${pages[4]}"
[ -f "$SITE/print.html" ] || { echo "selftest: $SITE has no print.html" >&2; exit 2; }
cp -r "$SITE" "$WORK/paper"

# plant FILE HTML [SITE]: insert HTML right after the page's opening <main> tag.
plant() {
  local site="${3:-$B}"
  grep -q '<main' "$site/$1" || { echo "selftest: no <main> in $1" >&2; exit 2; }
  local html="${2//&/\\&}"
  sed -i -E "0,/<main[^>]*>/s//&${html//\//\\/}/" "$site/$1"
}
plant index.html '<img src="theme/style.css"><p style="color:#bbbbbb;background:#ffffff">Planted: too little contrast</p>'
cp "$B/index.html" "$B/print.html"
plant "$vnu_page" '<div class="planted-unclosed"><p>Planted: this div is never closed</p>'
plant "$links_page" '<p><a href="index.html#no-such-heading">Planted: broken fragment</a></p>'
plant "$phone_page" '<div style="width:2000px">Planted: wider than any screen</div>'
grep -q '<details class="nav-fold">' "$B/$phone_page" || { echo "selftest: no folded menu in $phone_page" >&2; exit 2; }
sed -i 's/<details class="nav-fold">/<details class="nav-fold" open>/' "$B/$phone_page"
plant "$phone_page" '<div style="height:500px">Planted: the h1 far down</div>'
plant "$vnu_page" '<div class="footnote-definition"><p style="overflow-wrap:normal">https://www.example.org/a/very/long/address/that/does/not/wrap/at/all/on/a/phone/screen/of/three/hundred/and/sixty/pixels</p></div>'
plan_page="$(cd "$B" && grep -l 'class="page page-plan' $(printf '%s\n' "${pages[@]}") 2>/dev/null | head -n 1)"
[ -n "$plan_page" ] || { echo "selftest: $SITE has no plan view" >&2; exit 2; }
sed -i -E '0,/<div class="page page-plan[^"]*">/s//&<div class="table-wrap"><table><tr><td style="min-width:3000px">Planted: a column out of sight<\/td><\/tr><\/table><\/div>/' "$B/$plan_page"
grep -q 'Planted: a column out of sight' "$B/$plan_page" || { echo "selftest: could not plant in $plan_page" >&2; exit 2; }
plant "$keyboard_page" '<p><a href="#top" style="outline:none!important;box-shadow:none!important;background:none!important;color:inherit!important;text-decoration:none!important">Planted: focus never shows</a></p>'
grep -q 'class="skip-link" href="#main"' "$B/$keyboard_page" || { echo "selftest: no skip link in $keyboard_page" >&2; exit 2; }
sed -i 's/class="skip-link" href="#main"/class="skip-link" href="#top"/' "$B/$keyboard_page"
plant "$figures_page" '<svg class="chart" width="320" height="60" role="img" aria-label="Planted"><rect width="320" height="60" fill="#777777"/><text x="10" y="35" style="fill:#5a5a5a">Planted: grey on grey</text></svg>'
plant print.html '<h2>Planted: stranded heading</h2><div style="break-before:page"></div><h2>Planted: heading and one line</h2><p>Planted: the only line before the break.</p><p style="break-before:page">Planted: the section goes on.</p>' "$WORK/paper"
# At the end of <main>: the gate knows the front page by its first element.
grep -q '</main>' "$WORK/paper/index.html" || { echo "selftest: no </main> in index.html" >&2; exit 2; }
sed -i 's|</main>|<p><span class="badge" style="color:#ffffff !important">Planted: white badge</span></p></main>|' "$WORK/paper/index.html"

node -e '
  const fs = require("fs"), path = require("path"), vm = require("vm"), dir = process.argv[1];
  const names = fs.readdirSync(dir).filter((f) => /^d\d+\.js$/.test(f)).sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1)));
  const chunks = names.map((f) => {
    let got = null;
    vm.runInNewContext(fs.readFileSync(path.join(dir, f), "utf8"), { stratdocSearch: { add: (n, d) => { got = d; } } });
    return got;
  });
  const docs = chunks.flat();
  docs.push(docs.shift());
  let at = 0;
  names.forEach((f, i) => {
    const part = docs.slice(at, at += chunks[i].length);
    fs.writeFileSync(path.join(dir, f), "stratdocSearch.add(" + JSON.stringify(f.slice(0, -3)) + "," + JSON.stringify(part) + ");\n");
  });' "$B/theme/search"
printf '/*%1000000s*/\n' '' >> "$B/theme/search/manifest.js"

pass=0; fail=0
# expect NAME WANT_EXIT PATTERN... -- CMD...: the exit code and every fixed-string pattern in the output.
expect() {
  local name="$1" want="$2"; shift 2
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done; shift
  local out rc ok=1 missing=""
  out="$("$@" 2>&1)"; rc=$?
  [ "$rc" = "$want" ] || ok=0
  for p in "${patterns[@]}"; do grep -qF -- "$p" <<<"$out" || { ok=0; missing+=" [$p]"; }; done
  if [ $ok = 1 ]; then pass=$((pass+1)); echo "ok   $name: exit $rc, $(tail -n 1 <<<"$out")"
  else
    fail=$((fail+1)); echo "FAIL $name: exit $rc (want $want)${missing:+; output lacks$missing}"
    sed 's/^/     | /' <<<"$out" | tail -n 30
  fi
}

expect "axe catches an image without alt and low contrast" 1 \
  "index.html: [critical] image-alt" "index.html: [serious] color-contrast" \
  "print.html: [critical] image-alt" "print.html (print): [serious] color-contrast" "axe: 6 violations" \
  -- node "$HERE/axe.mjs" "$B"
expect "vnu catches an unclosed element" 1 \
  "$vnu_page:" "Unclosed element “div”" \
  -- node "$HERE/vnu.mjs" "$B"
expect "links catches a broken #fragment" 1 \
  "$links_page:" 'no id="no-such-heading"' "links: 1 broken of" \
  -- node "$HERE/links.mjs" "$B"
expect "search catches results that lead to another page and an index a query loads too much of" 1 \
  "FAIL one-word queries" "FAIL file:" "FAIL http:" "first result is" "search: 5 failed of 5 checks" \
  -- node "$HERE/search.mjs" "$B"
expect "phone catches a page that scrolls sideways, an unwrapped address, an h1 far down, a menu that does not fold and a plan view that hides columns" 1 \
  "$phone_page: scrolls sideways at 360px" "$phone_page: scrolls sideways at 1280px" \
  "$phone_page: the menu is not folded at 360px" "$phone_page: the h1 starts at" \
  "$vnu_page: scrolls sideways at 360px" \
  "$plan_page: hides columns behind a scroll at 1280px" "$plan_page: a plan table hides facts behind a scroll at 360px" "problems on" \
  -- env SCREENSHOTS_DIR="$WORK/shots" node "$HERE/phone.mjs" "$B"
expect "keyboard catches a focus that does not show and a skip link that goes nowhere" 1 \
  "$keyboard_page: 1280px: the first Tab stop is not a skip link" \
  "$keyboard_page: 1280px: no visible focus on <a href=\"#top\"> \"Planted: focus never shows\"" \
  "$keyboard_page: 360px: no visible focus on" "keyboard: 4 problems on" \
  -- node "$HERE/keyboard.mjs" "$B"
expect "figures catches text that does not stand out from its bar" 1 \
  "$figures_page: \"Planted: grey on grey\"" "figures: 1 problems in" \
  -- node "$HERE/figures.mjs" "$B"
expect "paper catches stranded headings and a badge that prints white on white" 1 \
  "ends in the heading \`Planted: stranded heading\`" \
  "ends in the heading \`Planted: heading and one line\` and one line" \
  "index.html: printed without background graphics, \"Planted: white badge\"" "paper: 3 problems in" \
  -- node "$HERE/paper.mjs" "$WORK/paper"
expect "run.sh fails when a gate fails" 1 "FAIL  links: 1 broken" "gates: FAILED" \
  -- env GATES=links bash "$HERE/run.sh" "$B"

# A gate that cannot run: a failure in CI, a loud warning elsewhere.
mkdir -p "$WORK/tiny"
printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Tiny</title></head><body><main><h1>Tiny</h1><p><a href="#top">Top</a></p></main></body></html>\n' > "$WORK/tiny/index.html"
expect "no browser under CI=true fails" 1 "FAIL  axe" "gates: FAILED" \
  -- env CI=true CHROMIUM=/nonexistent/chromium bash "$HERE/run.sh" "$WORK/tiny"
expect "no browser on a laptop warns and skips" 0 "axe gate SKIPPED" "SKIP  axe" "gates: passed" \
  -- env CI= CHROMIUM=/nonexistent/chromium bash "$HERE/run.sh" "$WORK/tiny"

echo "selftest: $pass passed, $fail failed"
[ $fail -eq 0 ]
