//! The board edition: `print.html` as a file (self-contained, unique ids,
//! in-document links, structure, draft mark, the `print:` key) and, in a
//! real browser, `stratdoc pdf` read back with poppler (A4, footers, parts
//! at the top of a page, the table of contents' numbers, nothing over the
//! edge, the outline, the draft mark on every page).
//!
//! The browser tests need `chromium` and `poppler-utils`. Without them they
//! say so loudly and pass on a laptop; under `CI=true` they fail.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use crate::support::Project;

/// Every `(attribute, value)` of `src=`/`href=` in `html`.
fn urls(html: &str) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    for attr in ["href", "src"] {
        let pattern = format!(" {attr}=\"");
        let mut rest = html;
        while let Some(i) = rest.find(&pattern) {
            rest = &rest[i + pattern.len()..];
            let end = rest.find('"').unwrap();
            found.push((attr, rest[..end].replace("&amp;", "&")));
        }
    }
    found
}

/// Every `id="…"` in `html`, in order.
fn ids(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        let end = rest.find('"').unwrap();
        found.push(rest[..end].to_owned());
    }
    found
}

fn print_html(project: &Project) -> String {
    project.build();
    project.page("print.html")
}

#[test]
fn print_html_is_one_self_contained_file() {
    let project = Project::example();
    let html = print_html(&project);
    for (attr, url) in urls(&html) {
        let allowed = url.starts_with('#')
            || (attr == "src" && url.starts_with("data:image/"))
            || (attr == "href" && (url.starts_with("https://") || url.starts_with("mailto:")));
        assert!(allowed, "{attr}=\"{url}\" leaves the file");
    }
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("<link"), "the stylesheet is inlined, not linked");
    assert!(html.contains("@page"), "print.css is inlined");
    assert!(
        html.contains("<img class=\"cover-logo\" src=\"data:image/svg+xml;base64,"),
        "the logo is a data: URI"
    );
    // The roadmap is drawn inline.
    assert!(html.contains("<svg class=\"roadmap\""));
    // The analysis keeps its chart where its text puts it, ids under its page.
    assert!(html.contains(
        "<figure class=\"chart-figure\" id=\"p-analysis.spoergeskema--chart-alle-udsagn\">"
    ));
}

#[test]
fn ids_are_unique_across_the_whole_document_and_every_anchor_exists() {
    let project = Project::example();
    let html = print_html(&project);
    let all = ids(&html);
    let mut seen = BTreeSet::new();
    let duplicates: Vec<&String> = all.iter().filter(|id| !seen.insert(id.as_str())).collect();
    assert!(duplicates.is_empty(), "duplicate ids: {duplicates:?}");
    // Two pages of the example have `## Baggrund` and footnotes `[^1]`: scoped, they differ.
    assert!(all.iter().filter(|id| id.ends_with("--baggrund")).count() > 1);
    let missing: Vec<String> = urls(&html)
        .into_iter()
        .filter_map(|(_, url)| url.strip_prefix('#').map(str::to_owned))
        .filter(|fragment| !seen.contains(fragment.as_str()))
        .collect();
    assert!(missing.is_empty(), "links to no anchor: {missing:?}");
}

#[test]
fn links_between_pages_jump_to_sections_in_the_document() {
    let project = Project::minimal();
    project.file(
        "content/narrative/intro.md",
        "---\ntitle: Intro\n---\nSe [SOC](../initiatives/soc.md), [indsatsen](../initiatives/soc.md#indsats), [planen](../initiatives/) og [her](#mere).[^k]\n\n## Mere\n\n[^k]: En kilde, <https://example.org/kilde>.\n",
    );
    let html = print_html(&project);
    for expected in [
        "href=\"#p-initiatives.soc\"",
        "href=\"#p-initiatives.soc--indsats\"",
        "href=\"#part-action-plan\"",
        "href=\"#p-narrative.intro--mere\"",
        "id=\"p-initiatives.soc--indsats\"",
        "id=\"p-narrative.intro--fn-k\"",
        "href=\"#p-narrative.intro--fn-k\"",
        // An address as its own text is not printed twice.
        "<a href=\"https://example.org/kilde\" class=\"bare\">",
    ] {
        assert!(html.contains(expected), "print.html lacks {expected}");
    }
    // The initiative is printed under its direction, after it.
    let direction = html.find("id=\"p-directions.cyber\"").unwrap();
    let initiative = html.find("id=\"p-initiatives.soc\"").unwrap();
    assert!(direction < initiative);
}

#[test]
fn images_are_embedded_and_files_stay_text() {
    let project = Project::minimal();
    project.file("content/billeder/kort.png", [0x89, b'P', b'N', b'G']);
    project.file("content/analysis/data.csv", "a;b\n1;2\n");
    project.file(
        "content/analysis/survey.md",
        "---\ntitle: Survey\ndata: data.csv\n---\n![Kort](../billeder/kort.png)\n\nHent [data](data.csv).\n",
    );
    let html = print_html(&project);
    assert!(html.contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"Kort\""), "{html}");
    assert!(html.contains("Hent data."), "a link to a file the edition cannot carry stays text");
    assert!(html.contains("data.csv"), "the data file is named");
}

#[test]
fn the_parts_come_in_the_default_order_numbered() {
    let project = Project::example();
    let html = print_html(&project);
    let mut at = 0;
    for heading in [
        "<span class=\"number\">1</span> Formål",
        "<span class=\"number\">2</span> Fortælling",
        "<span class=\"number\">2.1</span> Hvorfor en ny strategi nu",
        "<span class=\"number\">3</span> Sigtelinjer",
        "<span class=\"number\">3.1</span> Sikker og stabil drift",
        "<span class=\"number\">3.1.1</span> Fælles kortlægning af systemer og kontrakter",
        "<span class=\"number\">4</span> Handlingsplan",
        "<span class=\"number\">4.1</span> Til bestyrelsen",
        "<span class=\"number\">4.2</span> Initiativer i overblik",
        "<span class=\"number\">4.3</span> Køreplan",
        "<span class=\"number\">4.4</span> Sporbarhed",
        "<span class=\"number\">4.5</span> Succesmål",
        "<span class=\"number\">A</span> Omverdensanalyse",
        "<span class=\"number\">B</span> Andre sider",
    ] {
        let found = html[at..].find(heading).unwrap_or_else(|| panic!("{heading} after byte {at}"));
        at += found;
    }
}

#[test]
fn a_draft_carries_the_draft_mark_and_says_so_on_the_cover() {
    let project = Project::minimal();
    project
        .file("stratdoc.yaml", "title: T\nstatus: draft\nversion: '0.9'\napproved: 2026-12-10\n");
    let html = print_html(&project);
    assert!(html.contains("@page { @top-left { content: \"UDKAST\"; } }"), "every page");
    assert!(html.contains("Udkast til bestyrelsens behandling"), "the cover says the stage");
    assert!(html.contains("Forventes godkendt"));
    project.file("stratdoc.yaml", "title: T\nstatus: approved\napproved: 2026-12-10\n");
    let html = print_html(&project);
    assert!(!html.contains("UDKAST"), "no draft mark when approved");
    assert!(html.contains("Godkendt af bestyrelsen"));
}

#[test]
fn the_print_key_orders_and_leaves_out_parts() {
    let project = Project::minimal();
    project.file("content/om.md", "---\ntitle: Om strategien\n---\nTekst.\n");
    project.file("stratdoc.yaml", "title: T\nprint:\n  parts: [om, directions]\n  appendix: []\n");
    let html = print_html(&project);
    let about =
        html.find("<span class=\"number\">1</span> Om strategien").expect("the page is part 1");
    let directions = html.find("<span class=\"number\">2</span> Strategiske retninger").unwrap();
    assert!(about < directions);
    assert!(!html.contains("Handlingsplan</h1>"), "the action plan is left out");
    assert!(!html.contains("id=\"part-pages\""), "no appendix");
}

#[test]
fn a_print_key_naming_no_page_is_a_located_error() {
    let project = Project::minimal();
    project.file("content/om.md", "---\ntitle: Om\n---\n");
    project.file("stratdoc.yaml", "title: T\nprint:\n  appendix: [analysis, omm]\n");
    project.run(&["check"]).code(1).stderr_has(
        "error: `omm` is neither a part of the board edition nor a plain page\n  ┌─ stratdoc.yaml:3:24\n  = help: did you mean `om`?",
    );
    project.file("stratdoc.yaml", "title: T\nprint:\n  parts: [narrative, narrative]\n");
    project
        .run(&["check"])
        .code(2)
        .stderr_has("error: `narrative` is listed twice in `print:`\n  ┌─ stratdoc.yaml:3:22");
}

#[test]
fn an_english_strategy_gets_english_words() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: Together\nlanguage: en\nstatus: draft\n");
    let html = print_html(&project);
    for expected in [
        "<html lang=\"en\"",
        ">Contents</h1>",
        "\"Page \" counter(page) \" of \" counter(pages)",
        "content: \"DRAFT\"",
        "Draft for the board",
    ] {
        assert!(html.contains(expected), "lacks {expected}");
    }
}

// ---------- In a real browser ----------

/// Whether the browser tests can run; says loudly why not, and fails under CI.
pub(crate) fn tools_or_skip(test: &str) -> bool {
    let browser = std::env::var_os("STRATDOC_BROWSER").is_some()
        || ["chromium", "chromium-browser", "google-chrome"].iter().any(|b| on_path(b));
    let poppler = on_path("pdfinfo") && on_path("pdftotext");
    if browser && poppler {
        return true;
    }
    let message = format!(
        "{test}: SKIPPED, no {} (install `chromium` and `poppler-utils`)",
        if browser { "poppler" } else { "Chromium" }
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}; CI must run it");
    eprintln!("\n!!!!! {message} !!!!!\n");
    false
}

/// The browser the tests drive directly: `STRATDOC_BROWSER`, else the first on `PATH`.
pub(crate) fn browser_program() -> String {
    std::env::var("STRATDOC_BROWSER").unwrap_or_else(|_| {
        ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|b| on_path(b))
            .unwrap_or("chromium")
            .to_owned()
    })
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

pub(crate) fn tool(program: &str, args: &[&str]) -> String {
    let out =
        Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A printed PDF, read back with poppler.
pub(crate) struct Pdf {
    path: String,
    pages: usize,
}

impl Pdf {
    pub(crate) fn of(project: &Project) -> Pdf {
        let run = project.run(&["pdf"]).success();
        assert!(run.stdout.starts_with("stratdoc: printed "), "{}", run.stdout);
        let path = project.path().join("print.pdf").display().to_string();
        let info = tool("pdfinfo", &[&path]);
        let pages = field(&info, "Pages").parse().unwrap();
        Pdf { path, pages }
    }

    fn info(&self) -> String {
        tool("pdfinfo", &["-f", "1", "-l", &self.pages.to_string(), &self.path])
    }

    /// The text of page `n`, laid out, with runs of spaces made one.
    fn page(&self, n: usize) -> String {
        let text = tool(
            "pdftotext",
            &["-f", &n.to_string(), "-l", &n.to_string(), "-layout", &self.path, "-"],
        );
        text.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn pages(&self) -> Vec<String> {
        (1..=self.pages).map(|n| self.page(n)).collect()
    }
}

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in\n{info}"))
        .trim()
}

/// The table of contents: `(level-ish number, title, page)` per entry, read
/// from the pages between the cover and the first part.
fn toc(pages: &[String], first_part: &str) -> Vec<(String, String, usize)> {
    let mut entries = Vec::new();
    for page in &pages[1..] {
        // The summary page after the contents lists figures, not entries.
        let summary = |l: &str| l.trim() == "Sammenfatning" || l.trim() == "Summary";
        if page.lines().any(summary)
            || page.lines().any(|l| l.starts_with(first_part))
                && !page.contains("Indhold")
                && !page.contains("Contents")
        {
            break;
        }
        for line in page.lines() {
            let words: Vec<&str> = line.split(' ').collect();
            let (Some(number), Some(last)) = (words.first(), words.last()) else { continue };
            if let (true, Ok(page)) = (is_number(number) && words.len() > 2, last.parse::<usize>())
            {
                entries.push(((*number).to_owned(), words[1..words.len() - 1].join(" "), page));
            }
        }
    }
    entries
}

/// `3`, `3.1.2`, `A`, `A.1`: a part's or section's number.
fn is_number(word: &str) -> bool {
    let mut segments = word.split('.');
    let head = segments.next().unwrap_or_default();
    let head_ok = (!head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()))
        || (!head.is_empty() && head.len() <= 2 && head.bytes().all(|b| b.is_ascii_uppercase()));
    head_ok && segments.all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks what every printed edition must hold; returns the pages' text.
pub(crate) fn check_edition(pdf: &Pdf, page_word: &str, of: &str, first_part: &str) -> Vec<String> {
    let info = pdf.info();
    // A4, portrait or (the roadmap) landscape.
    for line in info.lines().filter(|l| l.starts_with("Page") && l.contains("size:")) {
        assert!(line.ends_with("(A4)"), "{line}");
    }
    assert_eq!(field(&info, "Tagged"), "yes", "tagged for accessibility");
    let xml = tool("pdftohtml", &["-q", "-xml", "-i", "-stdout", &pdf.path]);
    assert!(xml.contains("<outline>"), "the PDF has bookmarks");
    let pages = pdf.pages();
    // Footers: none on the cover, "Side n af N" on every other page.
    assert!(!pages[0].contains(page_word), "the cover has no page number");
    for (k, text) in pages.iter().enumerate().skip(1) {
        let footer = format!("{page_word} {} {of} {}", k + 1, pdf.pages);
        assert!(text.contains(&footer), "page {}: no `{footer}` in\n{text}", k + 1);
    }
    // Every table-of-contents number is the page its heading is on, and
    // every part begins at the top of its page.
    let entries = toc(&pages, first_part);
    assert!(entries.len() > 3, "{entries:?}");
    for (number, title, page) in &entries {
        let text = &pages[page - 1];
        let heading =
            format!("{number} {}", title.split(' ').take(2).collect::<Vec<_>>().join(" "));
        assert!(
            text.contains(&heading),
            "ToC says `{heading}` is on page {page}, it is not:\n{text}"
        );
        // A heading never ends a page: something of its own follows it
        // before the footer. Below a part (which may be a line long before
        // the next part's page), not a heading and one line either.
        let is_part = !number.contains('.');
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let at = lines.iter().position(|l| l.starts_with(&heading)).unwrap_or(0);
        let own = if is_part { 1 } else { 2 };
        assert!(at + own + 1 < lines.len(), "`{heading}` ends page {page}:\n{text}");
        if is_part {
            let body: Vec<&str> = text.lines().filter(|l| !l.is_empty()).skip(1).take(3).collect();
            assert!(
                body.iter().any(|l| l.starts_with(&heading)),
                "part {number} is not at the top of page {page}: {body:?}"
            );
        }
    }
    pages
}

/// No word of any page lies outside the page's content box (the margins
/// hold only the running title, page number and draft mark, inside the
/// content box's width): nothing is wider than the page.
pub(crate) fn check_nothing_overflows(pdf: &Pdf) {
    let bbox = tool("pdftotext", &["-bbox", &pdf.path, "-"]);
    let (left, right) = (22.0 * 72.0 / 25.4, 20.0 * 72.0 / 25.4);
    let mut width = 0.0_f64;
    let mut page = 0;
    let number = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).unwrap() + key.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    for line in bbox.lines().map(str::trim) {
        if line.starts_with("<page ") {
            width = number(line, "width");
            page += 1;
        } else if line.starts_with("<word ") {
            let (x_min, x_max) = (number(line, "xMin"), number(line, "xMax"));
            assert!(
                x_min >= left - 2.0 && x_max <= width - right + 2.0,
                "page {page}: a word runs off the content box ({x_min:.0}–{x_max:.0} of {width:.0}): {line}"
            );
        }
    }
}

/// Lays `print.html` out with its print rules at the width of an A4 page's
/// content box, in the browser, and lists every element that reaches past
/// it. (Chromium runs no script while it prints, so the print rules are
/// switched on by hand: `@media print` becomes `all`, `@media screen` none.)
pub(crate) fn elements_wider_than_the_page(html: &Path) -> Vec<String> {
    const PROBE: &str = r"<script>
for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
  if (!(rule instanceof CSSMediaRule)) continue;
  if (/\bprint\b/.test(rule.media.mediaText)) rule.media.mediaText = 'all';
  else if (/\bscreen\b/.test(rule.media.mediaText)) rule.media.mediaText = 'not all';
}
document.body.style.cssText = 'width: 168mm; margin: 0; padding: 0';
const limit = document.body.getBoundingClientRect().right + 1;
const wide = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('.visually-hidden, script')) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > limit) wide.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} +${Math.round(r.right - limit)}px`);
}
const out = document.createElement('pre');
out.id = 'wide'; out.textContent = JSON.stringify(wide);
document.body.append(out);
</script>";
    let probed = html.with_file_name("probe.html");
    let text =
        std::fs::read_to_string(html).unwrap().replace("</body>", &format!("{PROBE}</body>"));
    // The probe is a script, which the edition's own policy forbids.
    let policy = text.find("<meta http-equiv=\"Content-Security-Policy\"").expect("a policy");
    let end = policy + text[policy..].find('>').unwrap() + 1;
    let text = format!("{}{}", &text[..policy], &text[end..]);
    std::fs::write(&probed, text).unwrap();
    let browser = browser_program();
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--window-size=1400,1000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", probed.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let report = dom.split("<pre id=\"wide\">").nth(1).and_then(|r| r.split("</pre>").next());
    let report = report.unwrap_or_else(|| {
        panic!("the probe did not run:\n{}", String::from_utf8_lossy(&out.stderr))
    });
    report
        .trim_matches(['[', ']'])
        .split("\",\"")
        .map(|s| s.trim_matches('"').to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_example_prints_as_a_board_edition() {
    if !tools_or_skip("the_example_prints_as_a_board_edition") {
        return;
    }
    let project = Project::example();
    let pdf = Pdf::of(&project);
    let info = pdf.info();
    assert_eq!(field(&info, "Title"), "Sammen om en robust digital velfærd – Strategi 2027–2030");
    assert_eq!(field(&info, "Author"), "Kommunernes Digitale Fællesskab Midt");
    let pages = check_edition(&pdf, "Side", "af", "DEL 1");
    check_nothing_overflows(&pdf);
    // The roadmap has landscape pages of its own, one after the other: the
    // example's plan takes two at a readable size.
    let landscape: Vec<usize> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("841.92 x 594.96"))
        .map(|l| l.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(landscape.len(), 2, "{info}");
    assert_eq!(landscape[1], landscape[0] + 1, "{info}");
    assert!(pages[landscape[0] - 1].contains("Køreplan"));
    // Approved: no draft mark anywhere.
    assert!(pages.iter().all(|p| !p.contains("UDKAST")));
    assert!(pages[0].contains("Godkendt af bestyrelsen"));
    // The theme's typeface is embedded, the same the site links.
    let fonts = tool("pdffonts", &[&pdf.path]);
    for face in ["NotoSans-Regular", "NotoSans-Bold"] {
        assert!(fonts.lines().any(|l| l.contains(face) && l.contains(" yes ")), "{fonts}");
    }
    assert!(!fonts.contains("LiberationSans-Bold"), "body text fell back: {fonts}");
    // print.html alone, printed as a browser prints it from disk, lays out
    // the same: every heading lands on the same page.
    project.build();
    let wide = elements_wider_than_the_page(&project.path().join("public/print.html"));
    assert!(wide.is_empty(), "wider than the page in print: {wide:?}");
    let from_disk = project.path().join("from-disk.pdf");
    print_from_disk(&project.path().join("public/print.html"), &from_disk);
    let from_disk = from_disk.display().to_string();
    assert_eq!(destinations(&from_disk), destinations(&pdf.path));
}

/// Prints `html` with the browser alone, as a person would from disk.
pub(crate) fn print_from_disk(html: &Path, pdf: &Path) {
    let browser = browser_program();
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success() && pdf.is_file(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Each named destination (a linked heading) with its page, from poppler.
fn destinations(pdf: &str) -> Vec<(String, String)> {
    let dests = tool("pdfinfo", &["-dests", pdf]);
    let mut found: Vec<(String, String)> = dests
        .lines()
        .skip(1)
        .filter_map(|line| {
            let page = line.split_whitespace().next()?.to_owned();
            let name = line.rsplit_once('"')?.0.rsplit_once('"')?.1.to_owned();
            Some((name, page))
        })
        .collect();
    found.sort();
    assert!(found.len() > 30, "{dests}");
    found
}

#[test]
fn an_english_draft_prints_with_the_draft_mark_on_every_page() {
    if !tools_or_skip("an_english_draft_prints_with_the_draft_mark_on_every_page") {
        return;
    }
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: Together for digital welfare\norganisation: Joint IT\nlanguage: en\nstatus: draft\nversion: '0.9'\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n");
    let long = "The members share one security operations centre. ".repeat(60);
    project.file(
        "content/narrative/why.md",
        format!("---\ntitle: Why now\n---\n{long}\n\n## Reasons\n\n{long}\n"),
    );
    project.file(
        "content/narrative/how.md",
        format!(
            "---\ntitle: How we work\norder: 2\n---\n{long}\n| a | b |\n|---|---|\n| {} | x |\n",
            "verylongwordwithoutanybreak".repeat(8)
        ),
    );
    let pdf = Pdf::of(&project);
    let pages = check_edition(&pdf, "Page", "of", "PART 1");
    check_nothing_overflows(&pdf);
    for (k, text) in pages.iter().enumerate() {
        assert!(text.contains("DRAFT"), "page {} has no draft mark:\n{text}", k + 1);
    }
    assert!(pages[0].contains("Draft for the board"));
    assert!(pages[1].contains("Contents"));
    project.build();
    let wide = elements_wider_than_the_page(&project.path().join("public/print.html"));
    assert!(wide.is_empty(), "wider than the page in print: {wide:?}");
}

#[test]
fn a_missing_browser_is_a_clear_error() {
    let project = Project::minimal();
    let run = project.run_with_env(&["pdf", "--browser", "/no/such/chromium"], &HashMap::new());
    let run = run.code(2);
    assert!(
        run.stderr.contains("`/no/such/chromium` (from --browser) is not a program"),
        "{}",
        run.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    let env = HashMap::from([("PATH", empty.path().to_str().unwrap())]);
    let run = project.run_with_env(&["pdf"], &env).code(2);
    assert!(run.stderr.contains("install the `chromium` package"), "{}", run.stderr);
    assert!(!Path::new(&project.path().join("print.pdf")).exists());
}

#[test]
fn a_pdf_where_the_next_build_would_read_it_is_refused() {
    let project = Project::minimal();
    let run = project.run(&["pdf", "--out", "content/strategi.pdf"]).code(2);
    assert!(run.stderr.contains("inside `content/`, which the next build reads"), "{}", run.stderr);
    assert!(!project.path().join("content/strategi.pdf").exists());
    // Nor through a symbolic link to that folder.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(project.path().join("content"), project.path().join("ud"))
            .unwrap();
        let run = project.run(&["pdf", "--out", "ud/strategi.pdf"]).code(2);
        assert!(run.stderr.contains("inside `content/`"), "{}", run.stderr);
        assert!(!project.path().join("content/strategi.pdf").exists());
    }
}

#[test]
fn content_errors_stop_the_pdf_before_the_browser() {
    let project = Project::minimal();
    project.file("content/narrative/a.md", "---\ntitle: A\n---\n[x](gone.md)\n");
    let env = HashMap::from([("STRATDOC_BROWSER", "/bin/false")]);
    let run = project.run_with_env(&["pdf"], &env).code(1);
    assert!(run.stderr.contains("error: pdf failed: 1 error"), "{}", run.stderr);
    assert!(!project.path().join("print.pdf").exists());
}

#[test]
fn a_browser_that_prints_nothing_is_a_clear_error() {
    let project = Project::minimal();
    let env = HashMap::from([("STRATDOC_BROWSER", "/bin/false")]);
    let run = project.run_with_env(&["pdf"], &env).code(2);
    assert!(
        run.stderr.contains(
            "`/bin/false` could not print the board edition: exit status: 1, no PDF written"
        ),
        "{}",
        run.stderr
    );
    assert!(!project.path().join("print.pdf").exists());
}

#[test]
fn the_edition_hyphenates_words_but_not_code_headings_or_addresses() {
    let project = Project::minimal();
    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\nsummary: Et fælles sikkerhedsovervågningscenter\n---\n\n\
         ## Sikkerhedsovervågningscenteret\n\n\
         Vi etablerer et sikkerhedsovervågningscenter, se \
         <https://eksempel.dk/sikkerhedsovervaagningscenter> og \
         `sikkerhedsovervågningscenter.toml`.\n",
    );
    let html = print_html(&project);
    let shy = '\u{ad}';
    // The body's and the summary's long words get soft hyphens from the
    // Danish patterns…
    let hyphenated = html
        .split(|c: char| !c.is_alphabetic() && c != shy)
        .filter(|w| w.contains(shy) && w.replace(shy, "") == "sikkerhedsovervågningscenter")
        .count();
    assert_eq!(hyphenated, 2, "the summary and the paragraph");
    // …and headings, ids, code and addresses none.
    for line in html.lines() {
        if line.contains("<h") || line.contains(" id=\"") {
            assert!(!line.contains(shy), "{line}");
        }
    }
    assert!(html.contains("<code>sikkerhedsovervågningscenter.toml</code>"));
    assert!(html.contains("https://eksempel.dk/sikkerhedsovervaagningscenter"));
    // The site is left to the browser's own dictionary.
    assert!(!project.page("index.html").contains(shy));
}

#[test]
fn the_cover_names_who_approved_it() {
    let cover = |config: &str| {
        let project = Project::minimal();
        project.file("stratdoc.yaml", config);
        let html = print_html(&project);
        let start = html.find("<section class=\"cover\"").unwrap();
        html[start..start + html[start..].find("</section>").unwrap()].to_owned()
    };
    let base = "title: T\nstatus: approved\n";
    assert!(cover(base).contains("<dd>Godkendt af bestyrelsen</dd>"), "the board by default");
    let text = cover(&format!("{base}approved_by: Godkendt af Sundhedsministeriet og KL\n"));
    assert!(text.contains("<dd>Godkendt af Sundhedsministeriet og KL</dd>"), "{text}");
    assert!(!text.contains("bestyrelsen"), "{text}");
    let per_language =
        "approved_by:\n  da: Godkendt af byrådet\n  en: Approved by the city council\n";
    let en = cover(&format!("{base}language: en\n{per_language}"));
    assert!(en.contains("<dd>Approved by the city council</dd>"), "{en}");
    let da = cover(&format!("{base}{per_language}"));
    assert!(da.contains("<dd>Godkendt af byrådet</dd>"), "{da}");
}

#[test]
fn a_summary_page_follows_the_contents() {
    let project = Project::example();
    let html = print_html(&project);
    let (toc, summary, document) = (
        html.find("<nav class=\"toc\"").unwrap(),
        html.find("<section class=\"summary\"").unwrap(),
        html.find("<main class=\"document\">").unwrap(),
    );
    assert!(toc < summary && summary < document, "after the contents, before part 1");
    let summary = &html[summary..document];
    // Generated from the purpose page, the directions and the plan.
    let shy = '\u{ad}';
    let text = summary.replace(shy, "").replace(['\u{a0}', '\u{202f}'], " ");
    for fact in [
        ">Sammenfatning</h1>",
        "KDF Midt findes, for at medlemskommunerne sammen",
        "<dt>Sigtelinjer</dt><dd>5</dd>",
        "<dt>Initiativer</dt><dd>16</dd>",
        "<dt>Budget i alt</dt><dd>28,1 mio. kr.</dd>",
        "<dd>1. kvt. 2027 – 2. kvt. 2028</dd>",
        // Each direction with the number it has in the edition.
        "<span class=\"summary-direction\">3.1 Sikker og stabil drift</span>",
        "<span class=\"summary-direction\">3.5 Data og samarbejde</span>",
    ] {
        assert!(text.contains(fact), "{fact} not in\n{summary}");
    }
}

/// The board edition's plan views cite each initiative and direction by
/// the number its heading carries in the edition (`2.1.1`), written or
/// counted, so the board can find it from the roadmap, the matrix and the
/// KPI table; the site, which has no such numbers, is unchanged.
#[test]
fn the_editions_plan_views_cite_initiatives_by_their_section_numbers() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/soc.md",
        "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\nkpis:\n  - name: Dækning\n    baseline: \"0 %\"\n    target: \"90 %\"\n---\n## Indsats\n\nTekst.\n",
    );
    project.build().success();
    let print = project.page("print.html");
    let number = |title: &str| {
        let at = print.find(&format!("</span> {title}</h")).expect(title);
        let open = print[..at].rfind("<span class=\"number\">").expect("its number") + 21;
        print[open..at].to_owned()
    };
    let (soc, cyber) = (number("Fælles SOC"), number("Cyberrobusthed"));
    assert!(soc.starts_with(&format!("{cyber}.")), "{soc} under {cyber}");
    let roadmap = crate::support::element(&print, "<svg class=\"roadmap\"").expect("a roadmap");
    assert!(roadmap.contains(&format!(">{cyber} Cyberrobusthed<")), "{roadmap}");
    assert!(roadmap.contains(&format!(">{soc} Fælles SOC<")), "{roadmap}");
    for view in ["plan-matrix", "plan-kpis"] {
        let at = print.find(&format!("id=\"{view}\"")).expect(view);
        let rest = &print[at..];
        let chapter = &rest[..rest[1..].find("<section").map_or(rest.len(), |end| end + 1)];
        assert!(chapter.contains(&format!("{soc} Fælles SOC")), "{view}: {chapter}");
    }
    let site = project.page("initiatives/matrix.html");
    assert!(!site.contains(&format!("{soc} Fælles SOC")), "the site keeps its own names");
}

/// A roadmap too tall for one landscape page continues on the next, split
/// between directions, each part with the quarters and its names, none
/// shrunk: every picture fits the page's 140 mm at its own size, so its
/// names print at about 9.5 pt, and each initiative is drawn once.
#[test]
fn a_tall_roadmap_continues_on_the_next_page_at_its_own_size() {
    let project = Project::example();
    let html = print_html(&project);
    let parts: Vec<&str> = html
        .match_indices("<svg class=\"roadmap\"")
        .map(|(at, _)| {
            let rest = &html[at..];
            &rest[..rest.find("</svg>").unwrap()]
        })
        .collect();
    assert!(parts.len() > 1, "the example's plan takes more than one page");
    for part in &parts {
        let height = part.split("viewBox=\"0 0 ").nth(1).and_then(|v| v.split(['"', ' ']).nth(1));
        let height: usize = height.and_then(|h| h.parse().ok()).expect("a height");
        assert!(height <= 520, "{height} units is more than a page");
        assert!(part.contains("class=\"rm-quarter\""), "each part has the quarters");
    }
    for initiative in std::fs::read_dir(project.path().join("content/initiatives")).unwrap() {
        let text = std::fs::read_to_string(initiative.unwrap().path()).unwrap();
        let title = text.lines().find_map(|l| l.strip_prefix("title: ")).unwrap().trim_matches('"');
        let drawn = parts.iter().filter(|p| crate::plan::text(p).contains(title)).count();
        assert_eq!(drawn, 1, "{title} is drawn once");
    }
}

/// The plan views between the edition's pages are written on a thread of
/// their own while the pages go on rendering: one that fails stops the
/// build all the same, with its reason, and nothing is published.
#[test]
fn a_plan_view_the_edition_cannot_write_stops_the_build() {
    let project = Project::example();
    let theme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/print-chapter.html"),
    )
    .unwrap();
    let matrix = "{%- if c.kind == \"matrix\" and c.matrix %}";
    assert!(theme.contains(matrix), "the theme's matrix view moved");
    // Put together as it renders: no reading of the template's text finds it.
    let frame = "<{{ \"if\" ~ \"rame\" }} src=\"https://example.org\">";
    let broken = theme.replace(matrix, &format!("{matrix}{frame}"));
    project.file("templates/print-chapter.html", broken);
    project
        .run(&["build"])
        .code(2)
        .stderr_has("error: template `print-chapter.html` failed")
        .stderr_has("it writes `<iframe>` into the board edition");
    assert!(!project.path().join("public").exists(), "nothing is published");
}
