"""The pages of the benchmark corpus and their facts, before any text.

`plan(n, seed)` returns `n` pages in stratdoc's content model, every fact
consistent with the plan (see the module docstring of corpus.py for the
ratios): periods inside the config's `period`, statuses that agree with
`as_of`, dependencies that end before their dependants start,
sub-initiatives inside their parents, every direction served, milestones
inside their initiative. So `stratdoc check` has nothing to warn about and
a build measures work, not diagnostics.
"""

import json
import random
from dataclasses import dataclass, field

from corpus_text import DA_ADJ, DA_HEAD, DA_PREFIX, PLACES

FIRST_YEAR, QUARTERS = 2027, 16  # the period: 2027-Q1 .. 2030-Q4
AS_OF = 5  # 2028-Q2: the plan's now, a year and a half in
PER_FOLDER = 100

DIRECTIONS = [
    "Cyberrobusthed", "Sikker drift", "Data og samarbejde", "Velfærdsteknologi", "Grøn IT",
    "Kompetencer og kultur", "Borgernær digitalisering", "Fælles infrastruktur",
    "Kunstig intelligens", "Arkitektur og standarder", "Indkøb og leverandørstyring",
    "Tillid og åbenhed",
]
PEOPLE = (
    "Mette Sørensen|Lars Jørgensen|Søren Kjær|Anne Møller|Jens Østergaard|Line Bæk|"
    "Peter Nørgaard|Camilla Lund|Mads Højgaard|Ida Frølich|Rasmus Skov|Sofie Dahl|"
    "Sikkerhedsudvalget|Digitaliseringsudvalget|Sekretariatet|KL|Styregruppen for data"
).split("|")
EXTERNAL = ["MitID Erhverv", "NemLog-in", "Fælleskommunal Rammearkitektur", "KOMBIT",
            "Digitaliseringsstyrelsen", "Sundhedsdatastyrelsen"]
MILESTONES = ["Leverandør valgt", "Pilot i gang", "Udrulning afsluttet", "Evaluering klar",
              "Beslutning i bestyrelsen", "Første version klar", "Alle kommuner tilsluttet"]
KPIS = [("Andel tilsluttede kommuner", "%"), ("Hændelser om året", "antal"),
        ("Borgernes tilfredshed", "%"), ("Sparede timer om ugen", "timer"),
        ("CO2-udledning fra drift", "ton")]


@dataclass
class Page:
    """One page: where it lives, its frontmatter and what its text links to."""

    index: int
    kind: str  # purpose, narrative, direction, initiative, analysis, page
    rel: str  # path under content/
    title: str
    fm: list = field(default_factory=list)  # (key, YAML text) in order; empty: no frontmatter
    links: list = field(default_factory=list)  # indices of pages the text may link to
    words: int = 0
    data: str = ""  # an analysis page's CSV, beside it
    # Set by the plan for initiatives only:
    start: int = 0
    end: int = 0
    direction: int = 0  # index of the initiative's first direction page
    number: str = ""
    children: int = 0  # sub-initiatives so far


def q(i):
    """Quarter index 0.. to `2027-Q1`."""
    return f"{FIRST_YEAR + i // 4}-Q{i % 4 + 1}"


def yaml(value):
    """A YAML scalar or flow collection: JSON's quoted strings are valid YAML."""
    if isinstance(value, str) and _plain(value):
        return value
    if isinstance(value, list):
        return "[" + ", ".join(yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _plain(s):
    """Ids and times may go unquoted, as writers write them."""
    return s and all(c.isascii() and (c.isalnum() or c == "-") for c in s) and not s[0].isdigit() or (
        len(s) in (4, 7) and s[:4].isdigit() and (len(s) == 4 or s[4] == "-"))


def slug(text):
    out = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in out).split())


def counts(n):
    """Pages per kind. Directions: 1 % of the pages, but 3 to 12, as boards set them."""
    directions = min(12, max(3, round(n / 100)))
    narrative = max(2, round(n * 0.05))
    analysis = max(1, round(n * 0.04))
    plain = max(1, round(n * 0.05))
    initiatives = n - 1 - directions - narrative - analysis - plain
    if initiatives < directions:
        raise ValueError(f"{n} pages are too few: at least {n - initiatives + directions} are needed")
    return {"purpose": 1, "narrative": narrative, "direction": directions,
            "initiative": initiatives, "analysis": analysis, "page": plain}


def folders(count, top, names="del", per=PER_FOLDER):
    """`count` paths of folders, at most `per` pages each."""
    if count <= per:
        return [top] * count
    return [f"{top}/{names}-{k // per + 1:02d}" for k in range(count)]


class Planner:
    def __init__(self, n, seed):
        self.seed = seed
        self.n = counts(n)
        self.pages = []
        self.initiative_pages = []

    def rng(self, key):
        return random.Random(f"{self.seed}-{key}")

    def add(self, kind, rel, title, **kw):
        page = Page(len(self.pages), kind, rel, title, **kw)
        self.pages.append(page)
        return page

    def words(self, r):
        return round(r.triangular(300, 1500, 700))

    def plan(self):
        r = self.rng("purpose")
        self.add("purpose", "purpose.md", "Sammen om en robust digital velfærd", words=self.words(r),
                 fm=[("title", yaml("Sammen om en robust digital velfærd")),
                     ("summary", yaml("Fællesskabet gør kommunernes digitale velfærd robust, sikker og grøn."))])
        self.directions = [self.direction(k) for k in range(self.n["direction"])]
        self.narrative()
        self.initiatives()
        self.analysis()
        self.plain()
        self.relate()
        return self.pages

    def direction(self, k):
        name = DIRECTIONS[k]
        r = self.rng(f"direction-{k}")
        return self.add("direction", f"directions/{slug(name)}.md", name, words=self.words(r), fm=[
            ("title", yaml(name)), ("order", str(k + 1)),
            ("summary", yaml(f"{name}: retning og ambition for perioden."))])

    def narrative(self):
        homes = folders(self.n["narrative"], "narrative")
        for k, home in enumerate(homes):
            r = self.rng(f"narrative-{k}")
            title = r.choice(["Hvorfor nu", "Det har vi hørt", "Fællesskabets rolle", "Fra retning til handling",
                              "Sådan arbejder vi", "Det lærte vi"]) + f": {compound(r)}"
            self.add("narrative", f"{home}/{k + 1:04d}-{slug(title)}.md", title, words=self.words(r),
                     fm=[("title", yaml(title)), ("order", str(k + 1))])

    def initiatives(self):
        """Initiatives by their first direction, some directions carrying more than others."""
        per_direction = [[] for _ in self.directions]
        weights = [1 / (k + 1) ** 0.5 for k in range(len(self.directions))]
        for k in range(self.n["initiative"]):
            r = self.rng(f"initiative-{k}")
            d = k if k < len(self.directions) else r.choices(range(len(self.directions)), weights)[0]
            per_direction[d].append(r)
        for d, rngs in enumerate(per_direction):
            top = page_id(self.directions[d])
            tops = []
            for home, r in zip(folders(len(rngs), f"initiatives/{top}"), rngs):
                page = self.initiative(r, d, home, tops)
                if not any(k == "parent" for k, _ in page.fm):
                    tops.append(page)

    def initiative(self, r, d, home, tops):
        """One initiative; `tops` are the earlier top-level ones of its first direction."""
        parent = r.choice(tops) if tops and r.random() < 0.15 else None
        if parent:
            start = r.randint(parent.start, parent.end)
            end = r.randint(start, parent.end)
            parent.children += 1
            number = f"{parent.number}.{parent.children}"
        else:
            start = r.randint(0, QUARTERS - 3)
            end = min(QUARTERS - 1, start + r.randint(1, 8))
            number = f"{d + 1}.{len(tops) + 1}"
        title = f"{r.choice(DA_ADJ).capitalize()} {compound(r)}"
        if r.random() < 0.3:
            title += f" i {r.choice(PLACES)}"
        direction = self.directions[d]
        page = self.add("initiative", f"{home}/{slug(title)}-{len(self.pages):05d}.md", title,
                        words=self.words(r), start=start, end=end, direction=direction.index, number=number)
        page.fm = [("title", yaml(title)), ("number", yaml(number))]
        if r.random() < 0.8:
            page.fm.append(("summary", yaml(f"{title} styrker {compound(r)} i hele fællesskabet.")))
        if parent:
            page.fm.append(("parent", yaml(page_id(parent))))
        if not parent or r.random() < 0.5:  # else it serves its parent's directions
            others = r.sample(self.directions, r.randint(0, min(2, len(self.directions))))
            ids = [page_id(direction)] + [page_id(o) for o in others if o is not direction]
            page.fm.append(("directions", yaml(ids)))
        page.fm += facts(r, start, end)
        deps = self.dependencies(r, page, parent)
        if deps:
            page.fm.insert(-1, ("depends_on", yaml(deps)))  # before the milestones, which come last
        self.initiative_pages.append(page)
        return page

    def dependencies(self, r, page, parent):
        """Up to two earlier initiatives that end before this one starts (so no cycles)."""
        earlier = self.initiative_pages
        if not earlier or r.random() > 0.25:
            return []
        picks = (earlier[r.randrange(len(earlier))] for _ in range(4))
        return sorted({page_id(p) for p in picks if p.end <= page.start and p is not parent})[:2]

    def analysis(self):
        # 80 a folder: with a survey beside every fifth page, a folder holds at most 96 files.
        homes = folders(self.n["analysis"], "analysis", "tema", per=80)
        for k, home in enumerate(homes):
            r = self.rng(f"analysis-{k}")
            title = r.choice(["Spørgeskema om", "Interviews om", "Data om", "Metode for"]) + f" {compound(r)}"
            stem = f"{slug(title)}-{len(self.pages):05d}"
            page = self.add("analysis", f"{home}/{stem}.md", title, words=self.words(r),
                            fm=[("title", yaml(title))])
            if r.random() < 0.7:
                page.fm.append(("sources", "\n" + "\n".join(
                    f"  - {yaml({'title': f'Rapport om {compound(r)}', 'url': f'https://www.example.dk/rapporter/{k}-{j}'})}"
                    for j in range(r.randint(1, 3)))))
            if k % 5 == 0:
                page.data = survey(r)
                page.fm += [("data", f"{stem}.csv"), ("charts", "\n  - " + yaml(
                    {"id": "svar", "title": "Svar på udsagnene", "unit": "Antal kommuner"}))]

    def plain(self):
        """Plain pages as teams keep them: a few at the top, guides and minutes in folders
        whose `_index.md` is the folder's page; a third carry no frontmatter, only a `#` title."""
        total = self.n["page"]
        about = min(total, 4)
        for k in range(about):
            self.plain_page(f"om/{['kontakt', 'ordliste', 'om-strategien', 'tilgaengelighed'][k]}.md", k)
        rest, k, made = total - about, about, {"vejledninger": 0, "referater": 0}
        while rest > 0:
            top = "referater" if sum(made.values()) % 3 == 2 else "vejledninger"
            made[top] += 1
            home = f"{top}/{'emne' if top == 'vejledninger' else 'aar'}-{made[top]:02d}"
            size = min(rest, 50)
            for j in range(size):
                self.plain_page(f"{home}/{'_index' if j == 0 else f'side-{j:02d}'}.md", k + j, index=j == 0)
            rest, k = rest - size, k + size

    def plain_page(self, rel, k, index=False):
        r = self.rng(f"page-{k}")
        title = r.choice(["Om", "Vejledning:", "Referat:", "Notat om"]) + f" {compound(r)}"
        bare = not index and r.random() < 0.33
        self.add("page", rel, title, words=self.words(r), fm=[] if bare else [("title", yaml(title))])

    def relate(self):
        """What each page's text links to: its neighbours in the plan and a few others."""
        by_kind = {}
        for p in self.pages:
            by_kind.setdefault(p.kind, []).append(p.index)
        served = {}
        for p in self.pages:
            if p.kind == "initiative":
                served.setdefault(p.direction, []).append(p.index)
        for p in self.pages:
            r = self.rng(f"links-{p.index}")
            near = [x for x in (p.index - 1, p.index + 1) if 0 <= x < len(self.pages)]
            pool = near + [d.index for d in self.directions] + r.sample(range(len(self.pages)), 3)
            if p.kind == "direction":
                pool += r.sample(served[p.index], min(8, len(served[p.index])))
            for kind in ("initiative", "analysis", "narrative"):
                pool += r.sample(by_kind.get(kind, []), min(2, len(by_kind.get(kind, []))))
            p.links = pool


def compound(r):
    return r.choice(DA_PREFIX) + r.choice(DA_HEAD)


def page_id(p):
    return p.rel.rsplit("/", 1)[-1][:-3]


def facts(r, start, end):
    """An initiative's action-plan facts, consistent with `as_of` and its period."""
    fm = []
    owners = r.sample(PEOPLE, 2)
    fm.append(("owner", yaml(owners if r.random() < 0.2 else owners[0])))
    if end > start and r.random() < 0.1:
        fm.append(("owner_from", "\n  - " + yaml({"owner": r.choice(PEOPLE), "from": q(r.randint(start + 1, end))})))
    fm.append(("start", f"{FIRST_YEAR + start // 4}-H{start // 2 % 2 + 1}" if start % 2 == 0 and r.random() < 0.1 else q(start)))
    fm.append(("end", f"{FIRST_YEAR + end // 4}" if end % 4 == 3 and r.random() < 0.1 else q(end)))
    if r.random() < 0.15:
        fm.append(("deadline", q(r.randint(end, QUARTERS - 1))))
    fm.append(("status", status(r, start, end)))
    if r.random() < 0.7:
        fm.append(("priority", r.choice(["high", "medium", "medium", "low"])))
    if r.random() < 0.6:
        amount = r.randint(4, 800) * 50_000
        fm.append(("budget", yaml({"amount": amount, "note": "Fællesskabets budget"} if r.random() < 0.3 else amount)))
    kpis = []
    for name, unit in r.sample(KPIS, r.randint(0, 3)):
        base = r.randint(0, 50)
        kpi = {"name": name, "unit": unit, "baseline": base, "target": base + r.randint(5, 50),
               "by": q(r.randint(end, QUARTERS - 1))}
        kpis.append(kpi if r.random() < 0.8 else {"name": name, "target": "Mærkbart bedre end i dag"})
    if kpis:
        fm.append(("kpis", "".join("\n  - " + yaml(k) for k in kpis)))
    if r.random() < 0.2:
        fm.append(("external_dependencies", yaml(r.sample(EXTERNAL, r.randint(1, 2)))))
    quarters = sorted({r.randint(start, end) for _ in range(r.randint(1, 4))})
    fm.append(("milestones", "".join(
        "\n  - " + yaml({"quarter": q(m), "title": r.choice(MILESTONES)}) for m in quarters)))
    return fm


def status(r, start, end):
    """A status that agrees with now: done before it, planned after, running across."""
    if end < AS_OF:
        return "done" if r.random() < 0.85 else "cancelled"
    if start > AS_OF:
        return "planned" if r.random() < 0.9 else "paused"
    return r.choices(["active", "paused", "cancelled"], [80, 15, 5])[0]


def survey(r):
    """A wide survey table (a row per statement, a column per answer), as the chart reads it."""
    rows = ["Udsagn,Helt enig,Enig,Uenig,Helt uenig"]
    for k in range(r.randint(5, 13)):
        rows.append(f"Udsagn {k + 1} om {compound(r)}," + ",".join(str(r.randint(0, 30)) for _ in range(4)))
    return "\n".join(rows) + "\n"
