//! Progress and health: KPI actuals against their trajectory (a chart with
//! its table on the initiative, in the KPI overview and in the board
//! edition), an initiative's health shown by a word and a symbol, the
//! summary for the board that opens the action plan (at risk and off track
//! first, KPIs behind), and which version the board approved.

use crate::support::{Project, main_of};

const CONFIG: &str = "title: Teststrategi\nlanguage: da\nas_of: 2027-Q3\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n";

fn initiative(id: &str, extra: &str) -> (String, String) {
    (
        format!("content/initiatives/{id}.md"),
        format!(
            "---\ntitle: Initiativ {id}\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\n{extra}---\n## Indsats\n\nTekst.\n"
        ),
    )
}

/// The minimal project with a KPI behind its trajectory on `soc` and
/// three more initiatives; `late` is at risk, with a note.
fn measured() -> Project {
    let project = Project::minimal();
    project.file("stratdoc.yaml", CONFIG);
    let kpi = "kpis:\n  - name: Tilsluttede kommuner\n    baseline: \"0 %\"\n    target: \"90 %\"\n    actual: {2027-Q1: 0, 2027-Q2: 20, 2027-Q3: 40}\n";
    let soc = initiative("soc", kpi);
    project.file(&soc.0, soc.1);
    for (id, extra) in [
        ("a", "health: on-track\n"),
        ("late", "health: at-risk\nhealth_note: Leverandøren er forsinket.\n"),
        ("b", "health: on-track\n"),
    ] {
        let (path, text) = initiative(id, extra);
        project.file(&path, text);
    }
    project
}

#[test]
fn the_action_plan_opens_with_the_summary_for_the_board_at_risk_first() {
    let project = measured();
    project.run(&["build"]).success();
    let plan = main_of(&project.page("initiatives/index.html")).replace('\u{a0}', " ");
    let board = &plan
        [plan.find("<h2 id=\"sd-board-heading\">Til bestyrelsen</h2>").expect("the summary")..];
    assert!(
        plan.find("sd-board-heading") < plan.find("sd-plan-table"),
        "the summary comes before the plan's table"
    );
    assert!(
        board.contains(
            r#"<span class="symbol" aria-hidden="true">●</span> På sporet: <strong>2</strong>"#
        ),
        "{board}"
    );
    assert!(board.contains(
        r#"<span class="symbol" aria-hidden="true">▲</span> I risiko: <strong>1</strong>"#
    ));
    assert!(board.contains("Ingen tilstand angivet: <strong>1</strong>"));
    let exceptions = &board[board.find("board-exceptions").unwrap()..];
    let exceptions = &exceptions[..exceptions.find("</ul>").unwrap()];
    assert!(exceptions.contains(r#"<span class="symbol" aria-hidden="true">▲</span> I risiko:</span> <a href="../initiatives/late.html">Initiativ late</a>"#), "{exceptions}");
    assert!(exceptions.contains("Leverandøren er forsinket."));
    assert_eq!(exceptions.matches("<li").count(), 1, "on-track ones are not exceptions");
    // The KPI behind: 40 % in Q3 against 60 % on the line from 0 % (Q1) to 90 % (Q4).
    let behind = &board[board.find("board-behind").expect("the KPIs behind")..];
    assert!(behind.contains("<th scope=\"row\">Tilsluttede kommuner</th><td>40 % (3. kvt. 2027)</td><td>60 %</td><td>90 %</td>"), "{behind}");
    // The board edition opens its action plan with the same summary.
    let print = project.page("print.html");
    let part = &print[print.find("id=\"plan-board\"").expect("a chapter for the board")..];
    assert!(part.contains("Til bestyrelsen"));
    assert!(print.find("id=\"plan-board\"") < print.find("id=\"plan-overview\""));
    assert!(
        part.contains(r##"<a href="#initiative-late">Initiativ late</a>"##)
            || part.contains("Initiativ late")
    );
    assert!(print.contains(r##"<a href="#plan-board">"##), "listed in the contents");
}

#[test]
fn an_initiative_set_at_risk_comes_first_in_the_summary() {
    let project = measured();
    let (path, text) = initiative("b", "health: off-track\nhealth_note: Stoppet af lovændring.\n");
    project.file(&path, text);
    project.run(&["build"]).success();
    let plan = project.page("initiatives/index.html");
    let exceptions = &plan[plan.find("board-exceptions").unwrap()..];
    let (off, risk) =
        (exceptions.find("Initiativ b").unwrap(), exceptions.find("Initiativ late").unwrap());
    assert!(off < risk, "off track before at risk");
    assert!(exceptions.contains("■</span> Ude af kurs:"));
}

#[test]
fn health_is_shown_by_a_word_and_a_symbol_in_the_facts() {
    let project = measured();
    project.run(&["build"]).success();
    let page = project.page("initiatives/late.html");
    assert!(
        page.contains(
            r#"<dt>Tilstand</dt><dd><span class="symbol" aria-hidden="true">▲</span> I risiko</dd>"#
        ),
        "{page}"
    );
    assert!(page.contains("<dt>Om tilstanden</dt><dd>Leverandøren er forsinket.</dd>"));
    let print = project.page("print.html");
    assert!(print.contains(r#"<span class="symbol" aria-hidden="true">▲</span> I risiko"#));
}

#[test]
fn actuals_are_a_chart_with_its_table_on_the_initiative_in_the_overview_and_in_print() {
    let project = measured();
    project.run(&["build"]).success();
    for (page, html, id) in [
        ("initiatives/soc.html", project.page("initiatives/soc.html"), "kpi-soc-1"),
        ("initiatives/kpis.html", project.page("initiatives/kpis.html"), "kpis-soc-1"),
        ("print.html", project.page("print.html"), "kpi-soc-1"),
    ] {
        // Quarters are written with no-break spaces.
        let html = html.replace('\u{a0}', " ");
        let figure = &html[html
            .find("<figure class=\"kpi-progress\">")
            .unwrap_or_else(|| panic!("{page}: a chart"))..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        assert!(
            figure.contains(&format!(r#"role="img" aria-labelledby="{id}-title {id}-desc""#)),
            "{page}: {figure}"
        );
        assert!(figure.contains(&format!("<title id=\"{id}-title\">Tilsluttede kommuner</title>")));
        assert!(figure.contains(&format!("<desc id=\"{id}-desc\">Tilsluttede kommuner: Målt 40 % (3. kvt. 2027); forventet 60 %. Bagud.</desc>")), "{page}: {figure}");
        assert_eq!(
            figure.matches(r#"<circle class="kp-dot""#).count(),
            4,
            "three actuals and the legend's"
        );
        assert!(figure.contains("<tr><th scope=\"row\" class=\"nowrap\">2. kvt. 2027</th><td class=\"number\">20 %</td><td class=\"number\">30 %</td></tr>"), "{page}: {figure}");
        assert!(figure.contains("▼</span> Bagud"));
    }
}

#[test]
fn without_health_or_actuals_there_is_no_summary() {
    let project = Project::minimal();
    project.run(&["build"]).success();
    assert!(!project.page("initiatives/index.html").contains("Til bestyrelsen"));
    assert!(!project.page("print.html").contains("plan-board"));
}

#[test]
fn a_revision_says_which_version_the_board_approved_and_is_no_draft() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        format!("{CONFIG}version: \"1.1\"\nstatus: approved\napproved: 2026-12-08\napproved_version: \"1.0\"\n"),
    );
    project.run(&["build"]).success();
    let said = "Godkendt version 1.0 (8.\u{a0}december\u{a0}2026), revideret siden";
    let index = project.page("index.html");
    let footer = &index[index.find("<footer").unwrap()..];
    assert!(footer.contains(&format!("<span>Version 1.1</span><span>{said}</span>")), "{footer}");
    assert!(!footer.contains("Godkendt:"), "the revision is not said to be approved");
    assert!(
        !index.contains("noindex") && !index.contains("badge-draft"),
        "a revision is not a draft"
    );
    let print = project.page("print.html");
    let cover = &print[print.find("<section class=\"cover\"").unwrap()..];
    let cover = &cover[..cover.find("</section>").unwrap()];
    assert!(cover.contains(&format!("<dd>{said}</dd>")), "{cover}");
    assert!(!cover.contains("Godkendt af bestyrelsen") && !cover.contains("draft-mark"));
    let json: serde_json::Value =
        serde_json::from_slice(&crate::exports::read(&project, "strategy.json")).unwrap();
    let publication = &json["publication"];
    assert_eq!(
        (&publication["approved_version"], &publication["revised"]),
        (&"1.0".into(), &true.into())
    );
    crate::exports::shipped_validator(&project)(&json).expect("valid against its schema");
    // The approved version itself is simply approved.
    project.file("stratdoc.yaml", format!("{CONFIG}version: \"1.0\"\nstatus: approved\napproved: 2026-12-08\napproved_version: \"1.0\"\n"));
    project.run(&["build"]).success();
    let footer = project.page("index.html");
    assert!(
        footer.contains("<span>Godkendt: 8.\u{a0}december\u{a0}2026</span>")
            && !footer.contains("revideret")
    );
}

#[test]
fn english_says_approved_version_and_revised_since() {
    let project = Project::fixture("english");
    let config = std::fs::read_to_string(project.path().join("stratdoc.yaml")).unwrap();
    project.file("stratdoc.yaml", format!("{config}approved_version: \"1.0\"\n"));
    project.run(&["build"]).success();
    assert!(
        project
            .page("index.html")
            .contains("Approved version 1.0 (9\u{a0}December\u{a0}2026), revised since")
    );
}
