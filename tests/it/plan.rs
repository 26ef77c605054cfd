//! The plan views, generated from frontmatter: the roadmap's SVG is pinned
//! for fixture plans in `tests/fixtures/roadmap/*.svg` (set
//! `UPDATE_EXPECTED=1` to rewrite them, then look at them in a browser), and
//! what it shows is asserted on its own.

use std::fs;

use crate::support::{Project, element, fixtures};

/// The roadmap of the action-plan page of `project`'s last build: the
/// picture, and the layer of its rows' links laid over it.
fn roadmap(project: &Project) -> (String, String) {
    let page = project.page("initiatives/index.html");
    let picture = element(&page, "<svg class=\"roadmap\"")
        .unwrap_or_else(|| panic!("no roadmap in\n{page}"))
        .to_owned();
    let links = element(&page, "<svg class=\"roadmap-links\"").expect("the links layer").to_owned();
    (picture, links)
}

fn matches_golden(name: &str, svg: &str) {
    let path = fixtures().join("roadmap").join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        fs::write(&path, format!("{svg}\n")).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        format!("{svg}\n"),
        expected,
        "{name}: the roadmap changed (UPDATE_EXPECTED=1 rewrites it)"
    );
}

fn initiative(id: &str, direction: &str, extra: &str) -> (String, String) {
    (
        format!("content/initiatives/{id}.md"),
        format!(
            "---\ntitle: Initiativ {id}\ndirections: [{direction}]\nowner: Udvalget\n{extra}---\n## Indsats\n\nTekst.\n"
        ),
    )
}

#[test]
fn a_plan_of_one_quarter() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Kvartal\nlanguage: da\nas_of: 2027-Q1\nperiod:\n  start: 2027-Q1\n  end: 2027-Q1\n",
    );
    project.file(
        "content/initiatives/soc.md",
        "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q1\nstatus: active\nmilestones:\n  - quarter: 2027-Q1\n    title: I drift\n---\n## Indsats\n\nTekst.\n",
    );
    project.build();
    let (svg, links) = roadmap(&project);
    assert_eq!(svg.matches("class=\"rm-quarter\"").count(), 1, "one column");
    assert!(links.contains("href=\"soc.html\""), "the row links to its initiative: {links}");
    assert!(!svg.contains("<a "), "no control inside a picture (role=img)");
    assert!(links.contains("aria-hidden=\"true\"") && links.contains("tabindex=\"-1\""));
    matches_golden("one-quarter", &svg);
}

#[test]
fn initiatives_beyond_the_period_are_clipped_and_marked_never_dropped() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Beyond\nlanguage: en\nas_of: 2026-Q4\nperiod:\n  start: 2027-Q1\n  end: 2027-Q4\n",
    );
    project.file(
        "content/directions/empty.md",
        "---\ntitle: A direction without initiatives\norder: 2\n---\n",
    );
    for (path, text) in [
        initiative("soc", "cyber", "start: 2026-Q3\nend: 2028-Q2\nstatus: active\n"),
        initiative("before", "cyber", "start: 2025\nend: 2026-H1\nstatus: done\n"),
        initiative("after", "cyber", "start: 2028-H1\nend: 2028\n"),
        initiative(
            "approx",
            "cyber",
            "start: 2027-H1\nend: 2027\nstatus: paused\nmilestones:\n  - quarter: 2027-H2\n    title: Halfway\n",
        ),
        initiative("undated", "cyber", "status: cancelled\n"),
    ] {
        project.file(&path, text);
    }
    project.build();
    let (svg, links) = roadmap(&project);
    for id in ["soc", "before", "after", "approx", "undated"] {
        assert!(links.contains(&format!("href=\"{id}.html\"")), "{id} is on the roadmap");
    }
    assert!(svg.contains("◀") && svg.contains("▶"), "clipped ends are marked");
    assert!(svg.contains("≈"), "approximate ends are marked");
    assert!(svg.contains("No initiatives"), "the empty direction says so");
    assert!(
        svg.contains("Now: Q4\u{a0}2026 (outside the period)"),
        "now outside the period is named"
    );
    assert!(!svg.contains("class=\"rm-col rm-now\""), "no column is marked as now");
    matches_golden("beyond-the-period", &svg);
}

#[test]
fn forty_initiatives_with_sub_initiatives() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: Fyrre\nlanguage: da\nas_of: 2027-Q3\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n",
    );
    for d in 1..=4 {
        project.file(
            &format!("content/directions/d{d}.md"),
            format!("---\ntitle: Retning {d}\norder: {d}\n---\n"),
        );
    }
    project.remove("content/initiatives/soc.md");
    project.remove("content/directions/cyber.md");
    project.file(
        "content/directions/cyber.md",
        "---\ntitle: Cyber\norder: 5\n---\nSe [SOC](../initiatives/i1.md#indsats).\n",
    );
    for n in 1..=40 {
        let direction = format!("d{}", (n - 1) % 4 + 1);
        let start = 1 + (n % 6);
        let (year, quarter) = (2027 + (start - 1) / 4, (start - 1) % 4 + 1);
        let parent = if n % 10 == 0 { format!("parent: i{}\n", n - 4) } else { String::new() };
        let status = ["planned", "active", "done", "paused"][n % 4];
        let extra = format!(
            "number: \"{}.{}\"\nstart: {year}-Q{quarter}\nend: 2028-Q2\nstatus: {status}\n{parent}milestones:\n  - quarter: 2028-Q1\n    title: Milepæl {n}\n",
            (n - 1) % 4 + 1,
            n
        );
        let (path, mut text) = initiative(&format!("i{n}"), &direction, &extra);
        if n == 1 {
            text = text.replace("directions: [d1]", "directions: [d1, cyber]");
        }
        project.file(&path, text);
    }
    let run = project.run(&["build"]).success();
    let (svg, links) = roadmap(&project);
    assert_eq!(links.matches("<a href=").count(), 40, "every initiative has a row");
    assert!(svg.contains("rm-sub"), "sub-initiatives are nested: {}", run.stderr);
    matches_golden("forty", &svg);
}

/// The text of `html` with tags removed and whitespace collapsed.
pub(crate) fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plan with two directions (one without initiatives), joint owners, a
/// hand-over, a sub-initiative, milestones and KPIs.
fn plan_project() -> Project {
    let project = Project::minimal();
    project.file("content/directions/klima.md", "---\ntitle: Klima\norder: 2\n---\n");
    project.file(
        "content/initiatives/backup.md",
        "---\ntitle: Backup\ndirections: [cyber]\nowner: [Driftsudvalget, KL]\nowner_from:\n  - owner: Sekretariatet\n    from: 2027-Q3\nstart: 2027-Q2\nend: 2027-Q4\nstatus: planned\nparent: soc\nkpis:\n  - name: Testede gendannelser\n    unit: pr. år\n    baseline: 0\n    target: 4\n    by: 2028\nmilestones:\n  - quarter: 2027-Q3\n    title: Første test\n---\nTekst.\n",
    );
    project
}

#[test]
fn the_matrix_marks_who_serves_whom_and_flags_an_empty_direction() {
    let project = plan_project();
    project
        .run(&["build"])
        .success()
        .stderr_has("warning: no initiative serves the direction `klima`");
    let matrix = project.page("initiatives/matrix.html");
    let table = element(&matrix, "<table").unwrap();
    assert!(text(table).contains("Klima Ingen initiativer"), "{table}");
    let rows: Vec<&str> = table.split("<tr").skip(2).collect();
    assert_eq!(rows.len(), 2, "one row per initiative");
    assert!(
        text(&format!("<tr{}", rows[0])).starts_with("Fælles SOC")
            && rows[0].matches("●").count() == 1
    );
    assert!(
        rows[1].contains("sub-initiative depth-1")
            && text(&format!("<tr{}", rows[1])).starts_with("Backup"),
        "the sub-initiative follows its parent: {}",
        rows[1]
    );
}

#[test]
fn overviews_by_status_owner_quarter_and_kpi() {
    let project = plan_project();
    project.build();
    let status = text(&project.page("initiatives/status.html"));
    assert!(
        status.contains("Planlagt 1 Backup") && status.contains("I gang 1 Fælles SOC"),
        "{status}"
    );
    assert!(status.contains("Gennemført 0 Ingen"), "{status}");
    let owners = text(&project.page("initiatives/owners.html"));
    for expected in [
        "Driftsudvalget 2",
        "KL 1 Backup",
        "Sekretariatet 1 Backup",
        "(fra 3. kvt. 2027)",
        "(til 3. kvt. 2027)",
    ] {
        assert!(owners.contains(expected), "missing {expected:?} in {owners}");
    }
    let quarters = project.page("initiatives/quarters.html");
    let third = element(&quarters, "<section class=\"quarter\" aria-labelledby=\"sd-quarter-3\"")
        .map(text)
        .unwrap_or_default();
    assert!(third.starts_with("3. kvt. 2027"), "{third}");
    assert!(
        third.contains("Fortsætter 2 initiativer Fælles SOC Backup")
            && third.contains("Første test ( Backup )"),
        "{third}"
    );
    let kpis = text(&project.page("initiatives/kpis.html"));
    assert!(kpis.contains("Testede gendannelser 0 pr. år 4 pr. år 2028 Backup"), "{kpis}");
}

#[test]
fn the_plan_views_names_are_reserved() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/matrix.md",
        "---\ntitle: M\ndirections: [cyber]\nowner: X\n---\n",
    );
    project.run(&["check"]).code(1).stderr_has(
        "error: `content/initiatives/matrix.md` would be written to `initiatives/matrix.html`, which stratdoc generates",
    );
}

#[test]
fn the_front_page_shows_the_directions_and_the_plan_at_a_glance() {
    let project = plan_project();
    project.file(
        "stratdoc.yaml",
        "title: Teststrategi\nlanguage: da\nas_of: 2027-Q3\nperiod:\n  start: 2027-Q1\n  end: 2027-Q4\n",
    );
    project.build();
    let front = project.page("index.html");
    let at = |needle: &str| front.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    assert!(at("id=\"sd-directions\"") < at("id=\"sd-plan-glance\""), "directions come first");
    assert!(
        at("id=\"sd-plan-glance\"") < at("id=\"sd-purpose\""),
        "the plan before the purpose's text"
    );
    let figures = text(element(&front, "<dl class=\"key-figures\"").unwrap());
    assert_eq!(figures, "Strategiske retninger 2 Initiativer 2 Planlagt 1 I gang 1");
    let strip = element(&front, "<ol class=\"quarter-strip\"").unwrap();
    let quarters: Vec<String> =
        strip.split("<li").skip(1).map(|q| text(&format!("<li{q}"))).collect();
    assert_eq!(
        quarters,
        [
            "1. kvt. 2027 1 initiativ",
            "2. kvt. 2027 2 initiativer",
            "3. kvt. 2027 2 initiativer 1 milepæl Nu",
            "4. kvt. 2027 2 initiativer",
        ]
    );
    assert!(strip.contains("class=\"is-now\" aria-current=\"date\""), "{strip}");
    assert!(
        front.contains("href=\"initiatives/index.html\">Handlingsplan: køreplan og overblik"),
        "links to the roadmap"
    );
}

#[test]
fn the_organisations_own_words_are_used_everywhere() {
    let project = plan_project();
    project.file(
        "stratdoc.yaml",
        "title: Teststrategi\nlanguage: da\nlabels:\n  direction: {singular: Sigtelinje, plural: Sigtelinjer}\n  initiative: {singular: Indsats, plural: Indsatser}\n  plan: Indsatsplan\n  roadmap: Tidsplan\n  en:\n    initiative: {singular: Action, plural: Actions}\n",
    );
    project.build();
    let soc = project.page("initiatives/soc.html");
    let crumbs = text(element(&soc, "<nav class=\"breadcrumbs\"").unwrap());
    assert_eq!(crumbs, "Forside Sigtelinjer Cyberrobusthed Fælles SOC");
    let nav = text(element(&soc, "<nav class=\"site-nav\"").unwrap());
    assert!(nav.contains("Sigtelinjer") && nav.contains("Indsatsplan"), "{nav}");
    assert!(text(&soc).contains("Indsats Fælles SOC"), "the eyebrow: {}", text(&soc));
    let plan = project.page("initiatives/index.html");
    assert!(plan.contains("<h1>Indsatsplan</h1>") && plan.contains(">Tidsplan</h2>"), "{plan}");
    let matrix = text(&project.page("initiatives/matrix.html"));
    assert!(
        matrix.contains("Hvilke indsatser bærer hvilke sigtelinjer.")
            && matrix.contains("Ingen indsatser"),
        "{matrix}"
    );
    assert!(!matrix.contains("Action"), "the English words stay English");
    assert!(text(&project.page("index.html")).contains("1 indsats"), "singular after 1");
    let csv = project.page("initiatives.csv");
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap_or_default();
    assert!(header.contains(";Indsats;") && header.contains(";Sigtelinjer;"), "{header}");
    // URLs and keys stay as they are.
    assert!(project.path().join("public/directions/cyber.html").is_file());
}

#[test]
fn a_part_with_a_plural_needs_both_forms() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nlabels:\n  direction: Sigtelinje\n  pland: X\n");
    project.run(&["check"]).code(2).stderr_has(
        "error: `direction` needs its singular and its plural\n  ┌─ stratdoc.yaml:3:14\nerror: unknown field `pland`\n  = help: did you mean `plan`?",
    );
}

/// A project with an analysis page charting `csv` with `charts`.
pub(crate) fn chart_project(csv: &[u8], charts: &str) -> Project {
    let project = Project::minimal();
    project.file("content/analysis/svar.csv", csv);
    project.file(
        "content/analysis/survey.md",
        format!("---\ntitle: Spørgeskema\ndata: svar.csv\ncharts:\n{charts}---\nTal.\n"),
    );
    project
}

#[test]
fn a_survey_in_wide_form_becomes_stacked_bars_with_its_table() {
    let project = chart_project(
        "Udsagn,Tema,Helt enig,Uenig\nVil have SOC,Cyber,21,1\nHar beredskab,Cyber,10,14\nDeler data,Data,4,20\n".as_bytes(),
        "  - title: Svar fra kommunerne\n    unit: Antal kommuner\n    where: {Tema: Cyber}\n",
    );
    project.build();
    let page = project.page("analysis/survey.html");
    let figure = element(&page, "<figure class=\"chart-figure\"").expect("a chart");
    let svg = element(figure, "<svg class=\"chart\"").unwrap();
    assert!(
        svg.contains("role=\"img\"")
            && svg.contains("<title id=\"sd-chart-1-title\">Svar fra kommunerne</title>")
    );
    assert!(
        svg.contains("aria-describedby=\"sd-chart-1-table\""),
        "the table is the text alternative"
    );
    assert_eq!(svg.matches("class=\"ch-bar\"").count(), 4, "two rows kept by `where`, two series");
    assert!(
        svg.contains(">21</text>") && svg.contains(">Antal kommuner</text>"),
        "values on bars, the axis label"
    );
    assert!(!svg.contains("Deler data"), "rows are filtered");
    let table = text(element(figure, "<table").unwrap());
    assert_eq!(
        table,
        "Svar fra kommunerne (Datagrundlag: svar.csv) Udsagn Helt enig Uenig Vil have SOC 21 1 Har beredskab 10 14"
    );
}

#[test]
fn a_survey_in_long_form_with_semicolons_is_recognised() {
    let project = chart_project(
        "Spørgsmål;Svar;Andel\nVil have SOC;Enig;87,5\nVil have SOC;Uenig;12,5\nHar beredskab;Enig;42\nHar beredskab;Uenig;58\n".as_bytes(),
        "  - title: Andele\n    unit: \"%\"\n",
    );
    project.build();
    let page = project.page("analysis/survey.html");
    let table = text(element(&page, "<table class=\"data-table chart-table\"").unwrap());
    assert_eq!(
        table,
        "Andele (Datagrundlag: svar.csv) Spørgsmål Enig Uenig Vil have SOC 87,5 12,5 Har beredskab 42 58"
    );
}

#[test]
fn a_csv_only_offered_for_download_may_be_in_any_encoding_but_a_charted_one_is_utf8() {
    let latin1 = b"Udsagn,Enig\nVil have SOC i f\xe6llesskab,21\n";
    let project = Project::minimal();
    project.file("content/analysis/svar.csv", latin1);
    project.file("content/analysis/survey.md", "---\ntitle: S\ndata: svar.csv\n---\nTal.\n");
    project.build();
    let charted = chart_project(latin1, "  - title: Svar\n");
    charted.run(&["check"]).code(1).stderr_has(
        "error: `content/analysis/svar.csv` is not UTF-8 text\n  ┌─ content/analysis/survey.md:3:7\n  = help: save it as UTF-8 (in Excel: \"CSV UTF-8\")",
    );
}

#[test]
fn a_chart_block_places_its_chart_in_the_text_and_an_unknown_id_is_an_error() {
    let csv = "Udsagn,Enig,Uenig\nVil have SOC,21,1\n".as_bytes();
    let charts = "  - id: soc\n    title: Om SOC\n  - id: rest\n    title: Resten\n";
    let project = chart_project(csv, charts);
    project.file(
        "content/analysis/survey.md",
        format!("---\ntitle: S\ndata: svar.csv\ncharts:\n{charts}---\n## Før\n\n```chart soc\n```\n\n## Efter\n\nTekst.\n"),
    );
    project.build();
    let page = project.page("analysis/survey.html");
    let at = |needle: &str| page.find(needle).unwrap_or_else(|| panic!("no {needle:?} in {page}"));
    assert!(
        at("id=\"foer\"") < at("id=\"sd-chart-soc\"")
            && at("id=\"sd-chart-soc\"") < at("id=\"efter\""),
        "placed in the text"
    );
    assert!(at("id=\"sd-chart-rest\"") > at("Tekst."), "an unplaced chart follows the text");
    assert_eq!(page.matches("id=\"sd-chart-soc\"").count(), 1, "placed once");
    project.file(
        "content/analysis/survey.md",
        format!("---\ntitle: S\ndata: svar.csv\ncharts:\n{charts}---\n```chart socc\n```\n"),
    );
    project.run(&["check"]).code(1).stderr_has(
        "error: no chart `socc` on this page\n   ┌─ content/analysis/survey.md:10:1\n   = help: this page's charts: soc, rest",
    );
}

#[test]
fn with_many_directions_the_matrix_lists_each_directions_initiatives() {
    let project = Project::minimal();
    for d in 1..=13 {
        project.file(
            &format!("content/directions/d{d:02}.md"),
            format!("---\ntitle: Retning {d}\norder: {d}\n---\n"),
        );
    }
    let run = project.run(&["build"]).success();
    assert!(run.stderr.contains("no initiative serves the direction `d13`"));
    let matrix = project.page("initiatives/matrix.html");
    assert!(!matrix.contains("<table"), "no grid of 14 columns");
    let sections: Vec<String> = matrix
        .split("<section class=\"matrix-direction-list\"")
        .skip(1)
        .map(|s| text(&format!("<section{s}")))
        .collect();
    assert_eq!(sections.len(), 14);
    assert!(sections[0].starts_with("Cyberrobusthed 1 Fælles SOC"), "{}", sections[0]);
    assert!(sections[13].contains("Retning 13 0 Ingen initiativer"), "{}", sections[13]);
}

/// The number in `attr="…"` of `tag`, the first such attribute in it.
fn number_attr(tag: &str, attr: &str) -> i64 {
    let at = tag.find(&format!(" {attr}=\"")).unwrap_or_else(|| panic!("no {attr} in {tag}"));
    let value = &tag[at + attr.len() + 3..];
    value[..value.find('"').unwrap()].parse().unwrap()
}

/// The issue's "done when", as a writer does it: one new initiative file in
/// the example, one build, and it is in every view and output in its place.
#[test]
#[allow(clippy::too_many_lines, reason = "one assertion per view the initiative must reach")]
fn a_new_initiative_in_the_example_shows_everywhere_in_its_place() {
    const TITLE: &str = "Fælles løsning til digital post";
    let project = Project::example();
    project.file(
        "content/initiatives/digital-post.md",
        format!(
            "---\ntitle: {TITLE}\nsummary: Kommunerne sender digital post gennem én fælles løsning.\n\
             directions: [groen-it]\nowner: Netværket for digital post\nstart: 2027-Q4\nend: 2028-Q2\n\
             status: planned\nbudget: 250000\nkpis:\n  - name: Andel breve sendt digitalt\n    \
             baseline: \"70 %\"\n    target: \"90 %\"\n    by: 2028\nmilestones:\n  - quarter: 2028-Q1\n    \
             title: Fælles udbud afsluttet\n---\n## Indsats\n\nTekst.\n"
        ),
    );
    let run = project.build();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    // The roadmap: a row in its direction's group, its bar from the fourth
    // quarter of 2027 to the second of 2028 (the quarters' headings are
    // centred over their columns).
    let (picture, links) = roadmap(&project);
    let group = picture.find(">Grøn IT<").expect("the direction's group");
    let next_group =
        picture[group..].find("class=\"rm-group\"").map_or(picture.len(), |i| group + i);
    let label = picture.find(&format!(">{TITLE}<")).expect("a row for the new initiative");
    assert!(group < label && label < next_group, "the row is under its direction");
    let bar_at = label + picture[label..].find("<rect class=\"rm-bar rm-planned\"").unwrap();
    let bar = &picture[bar_at..bar_at + picture[bar_at..].find('>').unwrap()];
    let centres: Vec<i64> = picture
        .match_indices("<text class=\"rm-quarter\"")
        .map(|(at, _)| number_attr(&picture[at..], "x"))
        .collect();
    let half = (centres[1] - centres[0]) / 2;
    let (x, width) = (number_attr(bar, "x"), number_attr(bar, "width"));
    assert_eq!(centres.len(), 6, "six quarters in the period");
    assert!((x - (centres[3] - half)).abs() <= 4, "starts at 2027-Q4: {bar}");
    assert!((x + width - (centres[5] + half)).abs() <= 4, "ends with 2028-Q2: {bar}");
    assert!(links.contains("href=\"digital-post.html\""), "its row links to it: {links}");

    // The matrix: its row has one dot, in Grøn IT's column.
    let matrix = project.page("initiatives/matrix.html");
    let table = element(&matrix, "<table").unwrap();
    let header = element(table, "<thead").unwrap();
    let columns: Vec<String> =
        header.split("<th ").skip(2).map(|th| text(&format!("<th {th}"))).collect();
    let column = columns.iter().position(|c| c.starts_with("Grøn IT")).expect("a Grøn IT column");
    let row = table.split("<tr").find(|r| r.contains(TITLE)).expect("a row in the matrix");
    let cells: Vec<bool> = row.split("<td").skip(1).map(|td| td.contains('●')).collect();
    assert_eq!(cells.iter().filter(|&&dot| dot).count(), 1, "{row}");
    assert!(cells[column], "the dot is under Grøn IT: {row}");

    // The overviews.
    let status = project.page("initiatives/status.html");
    let planned =
        element(&status, "<section class=\"status-group\" aria-labelledby=\"sd-status-planned\"")
            .unwrap();
    assert!(planned.contains(TITLE), "{planned}");
    let owners = text(&project.page("initiatives/owners.html"));
    assert!(owners.contains(&format!("Netværket for digital post 1 {TITLE}")), "{owners}");
    let quarters = project.page("initiatives/quarters.html");
    let quarter = |n: usize| {
        let open = format!("aria-labelledby=\"sd-quarter-{n}\"");
        let at = quarters.find(&open).unwrap();
        text(element(&quarters[quarters[..at].rfind("<section").unwrap()..], "<section").unwrap())
    };
    let between = |text: &str, from: &str, to: &str| {
        let start = text.find(from).unwrap() + from.len();
        text[start..start + text[start..].find(to).unwrap()].to_owned()
    };
    assert!(quarter(4).starts_with("4. kvt. 2027"), "{}", quarter(4));
    assert!(between(&quarter(4), "Starter", "Fortsætter").contains(TITLE), "{}", quarter(4));
    assert!(between(&quarter(5), "Fortsætter", "Slutter").contains(TITLE), "{}", quarter(5));
    assert!(between(&quarter(6), "Slutter", "Milepæle").contains(TITLE), "{}", quarter(6));
    assert!(quarter(5).contains(&format!("Fælles udbud afsluttet ( {TITLE} )")), "{}", quarter(5));
    let kpis = text(&project.page("initiatives/kpis.html"));
    assert!(kpis.contains(&format!("Andel breve sendt digitalt 70 % 90 % 2028 {TITLE}")), "{kpis}");
    let direction = text(&project.page("directions/groen-it.html"));
    assert!(direction.contains(TITLE), "its direction lists it");

    // The exports.
    let json: serde_json::Value = serde_json::from_str(&project.page("strategy.json")).unwrap();
    let entry = json["initiatives"].as_array().unwrap().iter().find(|i| i["id"] == "digital-post");
    let entry = entry.expect("in strategy.json");
    assert_eq!(
        (entry["start"].as_str(), entry["end"].as_str()),
        (Some("2027-Q4"), Some("2028-Q2"))
    );
    let csv = project.page("initiatives.csv");
    assert!(csv.lines().any(|l| l.contains(&format!(";digital-post;{TITLE};Grøn IT;"))), "{csv}");
    let ics = project.page("milestones.ics").replace("\r\n ", "");
    assert!(ics.contains(&format!("SUMMARY:{TITLE}: Fælles udbud afsluttet")), "{ics}");

    // The board edition: in the plan's table and as a section of its own.
    let print = project.page("print.html");
    let plan_table = element(&print, "<table class=\"data-table initiative-table\"").unwrap();
    assert!(plan_table.contains(TITLE), "in the board edition's plan table");
    assert!(print.contains("id=\"p-initiatives.digital-post\""), "a section in the board edition");
}
