"""Prose for the benchmark corpus: Danish and English Markdown bodies.

A page's body comes from its own seeded `random.Random`, so it depends on
nothing but the seed and the page. Links are written as placeholders
(`@@L:<page>:<k>@@`, `k` picks a heading of the target page, -1 none) and
filled in per layout once every page's headings are known: the body is
generated once and written in both layouts.

The vocabulary is large on purpose (compounds, inflections, place names,
drawn with a Zipf-like skew): a search index over word salad from a hundred
words would cost far less than one over real text.
"""

import bisect
import itertools

DA_SUBJECTS = (
    "vi|kommunerne|fællesskabet|styregruppen|borgerne|medarbejderne|leverandørerne|"
    "bestyrelsen|sekretariatet|lederne|regionen|projektgruppen|netværket|direktionen"
).split("|")
DA_VERBS = (
    "styrker understøtter sikrer udvikler samler prioriterer forenkler måler deler "
    "reducerer beskytter fornyer afprøver etablerer koordinerer dokumenterer "
    "udbreder tilpasser vurderer skaber"
).split()
DA_MODALS = "skal vil kan bør må".split()
DA_ADJ = (
    "fælles robust sikker digital tværgående lokal national bedre enkel bæredygtig "
    "ny stærk åben effektiv tydelig ansvarlig moderne grøn tryg nær samlet konkret"
).split()
DA_PREP = "for i med på mellem gennem til om uden efter hos ved fra mod".split()
DA_DET = "den det de en et vores alle flere nye hver".split()
DA_ADV = "løbende sammen hurtigere tydeligt konkret allerede fortsat gradvist målrettet bredt".split()
DA_CONJ = "og men så fordi når mens".split()
DA_PREFIX = (
    "sikkerheds data drifts borger velfærds leverandør kompetence beredskabs arkitektur "
    "samarbejds digitaliserings ledelses økonomi kvalitets sundheds service klima energi "
    "indkøbs cyber system informations adgangs identitets overvågnings hjemmepleje skole "
    "børne ældre beskæftigelses plan byggeri trafik miljø kultur"
).split()
DA_HEAD = (
    "model plan analyse løsning platform strategi aftale niveau område styring arbejde "
    "indsats kultur krav proces katalog råd udvalg hændelse politik standard grundlag "
    "portal team netværk overblik register kapacitet forløb tilsyn"
).split()
PLACES = (
    "Aarhus Randers Silkeborg Viborg Horsens Skanderborg Favrskov Syddjurs Norddjurs "
    "Hedensted Herning Holstebro Ikast-Brande Lemvig Odder Ringkøbing-Skjern Samsø "
    "Skive Struer Aalborg Odense Vejle Esbjerg Kolding Roskilde Køge Næstved Slagelse"
).split()

EN_SUBJECTS = "we|the community|the board|the programme|each municipality|our partners|the team".split("|")
EN_VERBS = (
    "strengthens supports secures develops aligns prioritises simplifies measures shares "
    "reduces protects renews pilots establishes coordinates documents scales adapts"
).split()
EN_ADJ = "shared robust secure digital cross-cutting local national better simple sustainable open clear".split()
EN_NOUNS = (
    "strategy outcome capability delivery stakeholder roadmap alignment investment evidence "
    "impact portfolio governance risk milestone baseline target platform service value metric "
    "ownership scope funding partner network resilience transition insight decision quality "
    "growth principle ambition framework dependency benefit review cadence incident backlog "
    "procurement architecture interoperability workforce citizen"
).split()
EN_PREP = "for in with across through by within towards between".split()

H2 = [
    "Baggrund", "Formål og effekt", "Hvad vil vi opnå", "Tilgang", "Risici og afhængigheder",
    "Økonomi og ressourcer", "Milepæle", "Læring og opfølgning", "Sammenhæng med andre indsatser",
    "Organisering", "Gevinster", "Målgruppe og omfang", "Status og næste skridt", "Forudsætninger",
    "Background", "Approach", "Governance", "Outcomes", "Risks and mitigations", "Scope",
]
H3 = [
    "Delmål", "Roller og ansvar", "Åbne spørgsmål", "Næste skridt", "Evidens", "Måling",
    "Erfaringer fra piloten", "Inddragelse", "Key results", "Dependencies", "Open questions",
    "Leverancer", "Tidsplan", "Kompetencer", "Data og dokumentation",
]
TABLES = [
    ["Milepæl", "Ansvarlig", "Kvartal", "Status"],
    ["Indikator", "Baseline", "Mål 2028", "Mål 2030"],
    ["Risiko", "Sandsynlighed", "Konsekvens", "Tiltag"],
    ["Kommune", "Tilsluttet", "Andel", "Bemærkning"],
]


def _zipf(words):
    """(words, cumulative weights) with weight 1/rank: a few words common, most rare."""
    cum = list(itertools.accumulate(1.0 / (k + 1) for k in range(len(words))))
    return words, cum


def _da_nouns():
    base = (
        "strategi indsats kommune borger medarbejder løsning platform data sikkerhed drift "
        "samarbejde leverandør aftale beredskab kompetence arkitektur standard system tjeneste "
        "velfærd sundhed omsorg skole forvaltning ledelse økonomi budget gevinst risiko effekt "
        "mål opfølgning proces praksis erfaring behov ressource ramme netværk region fællesskab "
        "udvikling overblik kvalitet tillid ansvar område retning handling plan"
    ).split()
    compounds = [p + h for p in DA_PREFIX for h in DA_HEAD]
    inflected = [w + e for w in base + compounds for e in _endings(w)]
    # The base nouns first: they are the common ones.
    return _zipf(base + inflected + PLACES)


def _endings(word):
    """Definite and plural endings, roughly as Danish adds them."""
    if word.endswith("e"):
        return ["", "n", "r", "rne", "ns"]
    return ["", "en", "er", "erne"] + ([] if word.endswith("s") else ["s"])


DA_NOUNS = _da_nouns()
EN_NOUN_TABLE = _zipf(EN_NOUNS + [a + " " + b for a in EN_NOUNS[:20] for b in EN_NOUNS[20:]])


class Writer:
    """Writes one page's body; `links` lists the ids of pages it may link to."""

    def __init__(self, rng, links, page_index):
        self.r = rng
        self.links = links
        self.page = page_index
        self.headings = []  # heading texts, in order (## and ###)
        self.footnotes = []

    def noun(self, table=DA_NOUNS):
        words, cum = table
        return words[bisect.bisect(cum, self.r.random() * cum[-1])]

    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def link(self, text):
        """A link to a related page (often to one of its headings) or to a heading above."""
        r = self.r
        if self.headings and r.random() < 0.15:
            target, k = self.page, r.randrange(len(self.headings))
        else:
            target = self.pick(self.links)
            k = r.randrange(1000) if r.random() < 0.6 else -1
        return f"[{text}](@@L:{target}:{k}@@)"

    def mark(self, word):
        """Emphasis, a link, a quotation or nothing, in a writer's proportions."""
        x = self.r.random()
        if x < 0.05:
            return f"*{word}*"
        if x < 0.08:
            return f"**{word}**"
        if x < 0.09:
            return f'"{word}"'
        if x < 0.095:
            return f"~~{word}~~"
        if x < 0.1:
            return f"`{word.replace(' ', '-')}`"
        if x < 0.13:
            return self.link(word)
        return word

    def da_sentence(self):
        r, n = self.r, self.noun
        form = r.randrange(5)
        if form == 0:
            parts = [self.pick(DA_SUBJECTS), self.pick(DA_VERBS), self.pick(DA_DET), self.pick(DA_ADJ),
                     self.mark(n()), self.pick(DA_PREP), self.mark(n())]
        elif form == 1:
            parts = [self.pick(DA_SUBJECTS), self.pick(DA_MODALS), self.pick(DA_VERBS)[:-1], self.mark(n()),
                     self.pick(DA_PREP), self.pick(DA_DET), n() + ",", self.pick(DA_CONJ),
                     self.pick(DA_SUBJECTS), self.pick(DA_VERBS), self.pick(DA_ADV)]
        elif form == 2:
            parts = ["det er", self.pick(DA_ADJ), "at", self.pick(DA_VERBS)[:-1], self.mark(n()),
                     self.pick(DA_PREP), n(), "i", self.pick(PLACES)]
        elif form == 3:
            parts = [self.pick(DA_PREP), self.mark(n()), self.pick(DA_VERBS), self.pick(DA_SUBJECTS),
                     self.pick(DA_DET), n(), self.pick(DA_ADV), f"-- {r.randint(2, 95)} %"]
        else:
            parts = ["målet er at", self.pick(DA_VERBS)[:-1], self.pick(DA_DET), self.pick(DA_ADJ), self.mark(n()),
                     "og", self.pick(DA_VERBS)[:-1], n(), f"inden {r.randint(2027, 2030)}"]
        return self.finish(parts, ".!?"[int(r.random() ** 4 * 3)])

    def en_sentence(self):
        n = lambda: self.noun(EN_NOUN_TABLE)  # noqa: E731
        parts = [self.pick(EN_SUBJECTS), self.pick(EN_VERBS), "the", self.pick(EN_ADJ), self.mark(n()),
                 self.pick(EN_PREP), n(), "and", self.pick(EN_VERBS), self.mark(n())]
        return self.finish(parts, ".")

    def finish(self, parts, stop):
        text = " ".join(parts)
        return text[0].upper() + text[1:] + stop

    def paragraph(self, english=False):
        sentence = self.en_sentence if english else self.da_sentence
        text = " ".join(sentence() for _ in range(self.r.randint(2, 6)))
        if self.r.random() < 0.06:
            label = f"kilde{len(self.footnotes) + 1}"
            self.footnotes.append(f"[^{label}]: {self.da_sentence()}")
            text += f"[^{label}]"
        return text

    def bullets(self):
        r, out = self.r, []
        ordered, tasks = r.random() < 0.25, r.random() < 0.1
        for k in range(r.randint(3, 7)):
            item = " ".join(self.mark(self.noun()) for _ in range(r.randint(2, 7)))
            if r.random() < 0.3:
                item = f"**{self.pick(DA_ADJ).capitalize()}**: {item}"
            mark = f"{k + 1}." if ordered else "- [x]" if tasks and r.random() < 0.5 else "- [ ]" if tasks else "-"
            out.append(f"{mark} {item}")
            if not ordered and not tasks and r.random() < 0.15:
                out += [f"  - {self.noun()} {self.pick(DA_PREP)} {self.noun()}" for _ in range(r.randint(1, 3))]
        return "\n".join(out)

    def table(self, owners):
        r, cols = self.r, self.pick(TABLES)
        rows = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for _ in range(r.randint(3, 8)):
            cells = [self.cell(c, owners) for c in cols]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def cell(self, col, owners):
        r = self.r
        return {
            "Ansvarlig": lambda: self.pick(owners),
            "Kvartal": lambda: f"{r.randint(2027, 2030)}-Q{r.randint(1, 4)}",
            "Status": lambda: self.pick(["planlagt", "i gang", "afsluttet", "sat i bero"]),
            "Baseline": lambda: f"{r.randint(1, 60)} %",
            "Mål 2028": lambda: f"{r.randint(40, 90)} %",
            "Mål 2030": lambda: f"{r.randint(60, 100)} %",
            "Sandsynlighed": lambda: self.pick(["lav", "middel", "høj"]),
            "Konsekvens": lambda: self.pick(["lav", "middel", "høj"]),
            "Kommune": lambda: self.pick(PLACES),
            "Tilsluttet": lambda: self.pick(["ja", "nej", "delvist"]),
            "Andel": lambda: f"{r.randint(0, 100)},{r.randint(0, 9)} %",
        }.get(col, lambda: f"{self.pick(DA_ADJ)} {self.noun()}".capitalize())()

    def heading(self, level):
        text = self.pick(H2 if level == 2 else H3)
        self.headings.append(text)
        return "#" * level + " " + text

    def body(self, words, owners, opening=(), closing=()):
        """Blocks until about `words` words: a lead, then ## sections with ### subsections."""
        r = self.r
        blocks = list(opening)
        count = 0

        def add(*new):
            nonlocal count
            blocks.extend(new)
            count += sum(len(b.split()) for b in new)
            return count >= words

        add(self.paragraph())
        table_done = False
        while not add(self.heading(2), self.paragraph(english=r.random() < 0.2)):
            x = r.random()
            if x < 0.3 and not table_done:
                table_done = True
                if add(self.table(owners)):
                    break
            elif x < 0.65 and add(self.bullets()):
                break
            elif 0.65 <= x < 0.72 and add("> " + self.da_sentence() + " " + self.da_sentence()):
                break
            if r.random() < 0.45 and add(self.heading(3), self.paragraph()):
                break
            if r.random() < 0.5 and add(self.paragraph(english=r.random() < 0.2)):
                break
        if not table_done:
            blocks.insert(len(blocks) // 2 + 1, self.table(owners))
        return "\n\n".join(blocks + list(closing) + self.footnotes) + "\n"
