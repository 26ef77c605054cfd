#!/usr/bin/env python3
"""Writes the benchmark corpus: one strategy of N pages, in two layouts.

    python3 bench/corpus.py --pages 1000 --out target/bench/corpus-1000

  OUT/stratdoc/  stratdoc.yaml + content/ in stratdoc's content model
  OUT/hugo/      the same pages as a Hugo site: hugo.toml, layouts/ (a base
                 layout; pages list their section's pages, the section
                 navigation a reader expects), content/ with an _index.md
                 per folder
  OUT/corpus.json  the seed, the generator's hash and the corpus's figures;
                 written last, so a corpus without it is incomplete

The same N and seed give byte-identical files. Python 3.11 standard library.

Kinds, in the proportions of a real strategy grown large: one purpose, 5 %
narrative chapters, 4 % analysis pages (every fifth with a survey CSV and a
chart), 5 % plain pages (guides and minutes in folders, a third without
frontmatter), and initiatives the rest. Directions are 1 % of the pages but
3 to 12: a board sets a handful whatever the size of the plan, so a large
strategy has more initiatives per direction, not more directions. At most
100 pages a folder. Every page is valid for stratdoc: `stratdoc check`
reports no errors and no warnings.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_plan import AS_OF, FIRST_YEAR, PEOPLE, QUARTERS, Planner, q  # noqa: E402
from corpus_text import Writer  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCES = ["corpus.py", "corpus_plan.py", "corpus_text.py"]
LINK = re.compile(r"@@L:(\d+):(-?\d+)@@")

STRATDOC_CONFIG = f"""title: "Sammen om en robust digital velfærd"
subtitle: "Strategi {FIRST_YEAR}–{FIRST_YEAR + QUARTERS // 4 - 1} (benchmark corpus)"
organisation: "Kommunernes Digitale Fællesskab"
language: da
version: "1.0"
status: approved
approved: 2026-12-10
as_of: {q(AS_OF)}
period:
  start: {q(0)}
  end: {q(QUARTERS - 1)}
base_url: https://strategi.example.dk/
currency: DKK
"""

HUGO_CONFIG = """baseURL = "https://strategi.example.dk/"
languageCode = "da"
title = "Sammen om en robust digital velfærd"
disableKinds = ["taxonomy", "term", "RSS"]

[markup.highlight]
codeFences = false
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<nav aria-label="Sektioner"><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<nav aria-label="Brødkrummer"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li>{{ .Title }}</li></ol></nav>
<main>{{ block "main" . }}{{ end }}</main>
<footer>Kommunernes Digitale Fællesskab</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ with .Params.number }}{{ . }} {{ end }}{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ if .Params.owner }}<dl class="facts">
<dt>Ejer</dt><dd>{{ delimit (slice | append .Params.owner) ", " }}</dd>
<dt>Status</dt><dd>{{ .Params.status }}</dd>
<dt>Periode</dt><dd>{{ .Params.start }} – {{ .Params.end }}</dd>
{{ with .Params.budget }}<dt>Budget</dt><dd>{{ if reflect.IsMap . }}{{ .amount }}{{ else }}{{ . }}{{ end }} kr.</dd>{{ end }}
{{ with .Params.parent }}<dt>Del af</dt><dd>{{ . }}</dd>{{ end }}
</dl>{{ end }}
{{ with .Params.directions }}<ul class="directions">{{ range . }}{{ with site.GetPage (printf "/directions/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
{{ .Content }}
{{ with .Params.milestones }}<h2>Milepæle</h2><ul>{{ range . }}<li>{{ .quarter }}: {{ .title }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.kpis }}<h2>Succesmål</h2><table>{{ range . }}<tr><td>{{ .name }}</td><td>{{ .baseline }}</td><td>{{ .target }} {{ .unit }}</td></tr>{{ end }}</table>{{ end }}
<nav class="section" aria-label="{{ .CurrentSection.Title }}"><h2>{{ .CurrentSection.Title }}</h2><ul>
{{ range .CurrentSection.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<nav class="pager">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Sections }}<ul class="sections">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPages }})</li>
{{ end }}</ul>{{ end }}
{{ with .RegularPages }}<ul class="pages">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.status }} · {{ . }}{{ end }}</li>
{{ end }}</ul>{{ end }}
{{ end }}
"""

FOLDER_TITLES = {"narrative": "Fortælling", "directions": "Strategiske retninger", "initiatives": "Initiativer",
                 "analysis": "Omverdensanalyse", "om": "Om", "vejledninger": "Vejledninger", "referater": "Referater"}


def anchors(headings, style):
    """Each heading's id as the tool gives it: a slug, `-1`, `-2` … for repeats."""
    taken, out = set(), []
    for text in headings:
        base = stratdoc_slug(text) if style == "stratdoc" else text.lower().replace(" ", "-")
        anchor, n = base, 0
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        out.append(anchor)
    return out


def stratdoc_slug(text):
    """src/slug.rs for the letters headings here use: Danish letters spelled out."""
    out = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in out).split())


def bodies(pages, seed):
    """Each page's body (links as placeholders) and its headings."""
    out = []
    for p in pages:
        writer = Writer(random.Random(f"{seed}-body-{p.index}"), p.links, p.index)
        opening = [] if p.fm else [f"# {p.title}"]
        closing = ["```chart svar\n```"] if p.data else []
        out.append((writer.body(p.words, PEOPLE, opening, closing), writer.headings))
    return out


def fill(body, page, pages, targets, link):
    """The body with each placeholder replaced by the layout's link."""
    def one(m):
        t, k = int(m.group(1)), int(m.group(2))
        ids = targets[t]
        anchor = ids[k % len(ids)] if k >= 0 and ids else ""
        return link(page, pages[t], anchor)
    return LINK.sub(one, body)


def stratdoc_link(page, target, anchor):
    if target is page:
        return f"#{anchor}"
    rel = os.path.relpath(target.rel, os.path.dirname(page.rel) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def hugo_link(page, target, anchor):
    if target is page:
        return f"#{anchor}"
    return '{{< relref "/' + target.rel + (f"#{anchor}" if anchor else "") + '" >}}'


def frontmatter(fields):
    lines = [f"{k}:{v}" if v.startswith("\n") else f"{k}: {v}" for k, v in fields]
    return "---\n" + "\n".join(lines) + "\n---\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def emit_stratdoc(root, pages, texts):
    write(root / "stratdoc.yaml", STRATDOC_CONFIG)
    targets = [anchors(h, "stratdoc") for _, h in texts]
    for p, (body, _) in zip(pages, texts):
        text = fill(body, p, pages, targets, stratdoc_link)
        write(root / "content" / p.rel, (frontmatter(p.fm) + "\n" if p.fm else "") + text)
        if p.data:
            write(root / "content" / p.rel.replace(".md", ".csv"), p.data)


def emit_hugo(root, pages, texts):
    write(root / "hugo.toml", HUGO_CONFIG)
    for name, text in [("baseof", HUGO_BASEOF), ("single", HUGO_SINGLE), ("list", HUGO_LIST)]:
        write(root / "layouts" / "_default" / f"{name}.html", text)
    targets = [anchors(h, "hugo") for _, h in texts]
    content = root / "content"
    write(content / "_index.md", frontmatter([("title", '"Sammen om en robust digital velfærd"')]))
    folders = {str(Path(p.rel).parent) for p in pages} - {"."}
    folders |= {str(a) for f in folders for a in Path(f).parents} - {"."}
    own = {str(Path(p.rel).parent) for p in pages if p.rel.endswith("/_index.md")}
    for k, folder in enumerate(sorted(folders - own)):
        name = folder.rsplit("/", 1)[-1]
        title = FOLDER_TITLES.get(name, name.replace("-", " ").capitalize())
        write(content / folder / "_index.md", frontmatter([("title", json.dumps(title, ensure_ascii=False)),
                                                          ("weight", str(k + 1))]))
    for p, (body, _) in zip(pages, texts):
        text = fill(body, p, pages, targets, hugo_link)
        fm = p.fm or [("title", json.dumps(p.title, ensure_ascii=False))]
        if not p.fm:
            text = text.split("\n\n", 1)[1]  # the `# title` line is the title here
        write(content / p.rel, frontmatter(fm + [("weight", str(p.index + 1))]) + "\n" + text)


def figures(root):
    """Files and bytes of Markdown under a layout's content/."""
    md = [f for f in (root / "content").rglob("*") if f.is_file()]
    pages = [f for f in md if f.suffix == ".md"]
    return {"files": len(md), "md_files": len(pages), "md_bytes": sum(f.stat().st_size for f in pages)}


def generator_hash():
    h = hashlib.sha256()
    for name in SOURCES:
        h.update((HERE / name).read_bytes())
    return h.hexdigest()[:16]


def make(pages_wanted, out, seed):
    """Writes both layouts and corpus.json into `out`; returns the figures."""
    if out.exists() and any(out.iterdir()) and not (out / "corpus.json").exists() and not (
            out / "stratdoc").exists():
        sys.exit(f"corpus.py: {out} is not empty and holds no corpus; refusing to write into it")
    (out / "corpus.json").unlink(missing_ok=True)
    pages = Planner(pages_wanted, seed).plan()
    texts = bodies(pages, seed)
    for layout, emit in [("stratdoc", emit_stratdoc), ("hugo", emit_hugo)]:
        shutil.rmtree(out / layout, ignore_errors=True)
        emit(out / layout, pages, texts)
    kinds = {}
    for p in pages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    info = {"pages": len(pages), "seed": seed, "generator": generator_hash(), "kinds": kinds,
            "words": sum(len(b.split()) for b, _ in texts),
            "stratdoc": figures(out / "stratdoc"), "hugo": figures(out / "hugo")}
    write(out / "corpus.json", json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, required=True, help="number of pages (at least 20)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the layouts into")
    ap.add_argument("--seed", default="stratdoc-bench-1", help="seed (default: %(default)s)")
    a = ap.parse_args()
    try:
        info = make(a.pages, a.out, a.seed)
    except ValueError as e:
        sys.exit(f"corpus.py: {e}")
    mb = info["stratdoc"]["md_bytes"] / 1e6
    print(f"corpus.py: {info['pages']} pages ({', '.join(f'{k} {v}' for k, v in info['kinds'].items())}), "
          f"{info['words']:,} words, {mb:.1f} MB of Markdown → {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
