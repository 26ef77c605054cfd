//! `stratdoc.yaml` read as a writer writes it: every key, and each mistake at
//! its line; then resolved, with the defaults.

use super::*;

fn read_raw(text: &str) -> (RawConfig, Diagnostics, Sources) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let id = sources.add(FILE, text);
    let fields = frontmatter::parse_yaml(id, text, 0..text.len(), &mut diags).unwrap_or_default();
    let raw = raw::read(&fields, Span::new(id, 0..1), &mut diags);
    (raw, diags, sources)
}

fn read_text(text: &str) -> (Config, Diagnostics, Sources) {
    let (raw, diags, sources) = read_raw(text);
    (raw.resolve(None), diags, sources)
}

#[test]
fn what_is_left_out_is_absent_as_read_and_defaulted_when_resolved() {
    let (raw, diags, sources) = read_raw(
        "title: T
theme: kdf
logo: l.svg
",
    );
    assert!(diags.items().is_empty(), "{diags:?}");
    assert_eq!((raw.language, raw.status, raw.allow_html), (None, None, None));
    assert_eq!((raw.base_path.as_deref(), raw.currency.as_deref()), (None, None));
    let theme = raw.theme.as_ref().expect("the theme as written");
    assert_eq!(theme.text, "kdf");
    assert_eq!(sources.line_col(theme.at.source, theme.at.range.start), (2, 8));

    let config = raw.resolve(Some("/p/l.svg".into()));
    assert_eq!(
        (config.language, config.status, config.allow_html),
        (Language::Da, Status::Draft, true)
    );
    assert_eq!((config.base_path.as_str(), config.currency.as_str()), ("/", "DKK"));
    let logo = config.logo.expect("the logo, found");
    assert_eq!((logo.path.as_str(), logo.file.to_str()), ("l.svg", Some("/p/l.svg")));
    // A logo the load stage did not find is none.
    assert!(raw.resolve(None).logo.is_none());
}

#[test]
fn reads_every_key() {
    let (c, diags, _) = read_text(
        "title: T\nsubtitle: S\norganisation: O\nlanguage: en\nversion: 1.0\nstatus: approved\napproved: 2026-02-28\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\nbase_path: strategi\nlogo: l.svg\ntheme: mine\nallow_html: false\n",
    );
    assert!(diags.items().is_empty(), "{diags:?}");
    assert_eq!(
        (c.language, c.status, c.version.as_deref()),
        (Language::En, Status::Approved, Some("1.0"))
    );
    assert_eq!(c.approved.map(|d| d.to_string()).as_deref(), Some("2026-02-28"));
    assert_eq!(c.period.map(|p| p.end.to_string()).as_deref(), Some("2028-Q2"));
    assert_eq!(
        (c.base_path.as_str(), c.theme.as_str(), c.allow_html),
        ("/strategi/", "mine", false)
    );
}

#[test]
fn reports_each_problem_at_its_line() {
    let (_, diags, sources) = read_text(
        "title: T\nlanguage: dk\napproved: 2026-02-30\nperiod:\n  start: 2028-Q1\n  end: 2027-Q4\ntitel: x\n",
    );
    let found: Vec<(usize, String)> = diags
        .items()
        .iter()
        .map(|d| {
            let span = &d.primary.as_ref().unwrap().span;
            (sources.line_col(span.source, span.range.start).0, d.message.clone())
        })
        .collect();
    assert_eq!(
        found,
        [
            (2, "`dk` is not a valid `language`".to_owned()),
            (3, "`2026-02-30` is not a date".to_owned()),
            (6, "the period ends (2027-Q4) before it starts (2028-Q1)".to_owned()),
            (7, "unknown field `titel`".to_owned()),
        ]
    );
    assert_eq!(diags.items()[3].help.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn base_url_sets_the_base_path_and_must_agree_with_one_written() {
    let (c, diags, _) = read_text(
        "title: T\nbase_url: https://a.dk/strategi\naccessibility_statement: https://www.was.digst.dk/a-dk\n",
    );
    assert!(diags.items().is_empty(), "{diags:?}");
    assert_eq!(c.base_url.as_deref(), Some("https://a.dk/strategi/"));
    assert_eq!(c.base_path, "/strategi/");
    assert_eq!(c.accessibility_statement.as_deref(), Some("https://www.was.digst.dk/a-dk"));

    let (c, diags, sources) =
        read_text("title: T\nbase_url: https://a.dk/strategi/\nbase_path: /other/\n");
    let d = &diags.items()[0];
    let span = &d.primary.as_ref().unwrap().span;
    assert_eq!(sources.line_col(span.source, span.range.start), (3, 12));
    assert_eq!(d.message, "`base_path` is `/other/`, but `base_url` is served at `/strategi/`");
    assert_eq!(c.base_path, "/strategi/");
}

#[test]
fn web_addresses_in_the_config_are_reported_at_their_line() {
    let (c, diags, sources) = read_text(
        "title: T\nbase_url: strategi.a.dk\naccessibility_statement: \"https://was.digst.dk/a b\"\nbase_path: /x/\n",
    );
    let found: Vec<((usize, usize), &str)> = diags
        .items()
        .iter()
        .map(|d| {
            let span = &d.primary.as_ref().unwrap().span;
            (sources.line_col(span.source, span.range.start), d.message.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            ((2, 11), "`strategi.a.dk` is not a web address"),
            (
                (3, 26),
                "`https://was.digst.dk/a b` contains a space or a character a web address cannot hold"
            ),
        ]
    );
    assert_eq!((c.base_url, c.base_path.as_str()), (None, "/x/"));
    let (_, diags, _) = read_text("title: T\nbase_url: https://a.dk/?x=1\n");
    assert!(
        diags.items()[0].message.ends_with("has a query or a fragment; a site's address has none")
    );
}

#[test]
fn a_theme_is_a_folder_name_never_a_path() {
    for bad in ["../x", "/tmp/x", "a/b", "a\\\\b", "C:x", ".", "..", ".hidden", "\"\""] {
        let (_, diags, sources) = read_text(&format!("title: T\ntheme: {bad}\n"));
        let d = &diags.items()[0];
        let span = &d.primary.as_ref().unwrap().span;
        assert_eq!(sources.line_col(span.source, span.range.start), (2, 8), "{bad}");
        assert!(d.message.ends_with("is not a theme name"), "{bad}: {}", d.message);
    }
    let (c, diags, _) = read_text("title: T\ntheme: kdf-2027\n");
    assert!(diags.items().is_empty());
    assert_eq!(c.theme, "kdf-2027");
}

/// Each diagnostic of `diags` as (line, column, message).
fn located(diags: &Diagnostics, sources: &Sources) -> Vec<(usize, usize, String)> {
    let at = |d: &crate::diagnostics::Diagnostic| {
        let span = &d.primary.as_ref().expect("located").span;
        let (line, col) = sources.line_col(span.source, span.range.start);
        (line, col, d.message.clone())
    };
    diags.items().iter().map(at).collect()
}

#[test]
fn kinds_and_extend_declare_the_projects_own_kinds_and_fields() {
    let (c, diags, sources) = read_text(
        "title: T\nkinds:\n  megatrend:\n    folder: megatrends\n    fields:\n      horizon: {type: integer, required: true}\n  scenario:\n    folder: scenarios\n    fields:\n      builds_on: {type: refs, kind: megatrend}\nextend:\n  direction:\n    informed_by: {type: refs, kind: scenario}\nprint:\n  parts: [purpose, megatrends, directions]\n",
    );
    assert_eq!(located(&diags, &sources), []);
    let schema = &c.schema;
    let ids: Vec<&str> = schema.kinds().map(|(_, k)| k.id.as_str()).collect();
    assert_eq!(ids[5..], ["megatrend", "scenario", "page"]);
    let scenario = schema.find("scenario").unwrap();
    let direction = schema.find("direction").unwrap();
    let informed_by = schema.field(schema.field_id(direction, "informed_by").unwrap());
    assert_eq!(informed_by.ty, crate::schema::Type::Refs(scenario));
    // `print:` names the declared kind's part, and the default parts hold it.
    let megatrend = schema.find("megatrend").unwrap();
    assert_eq!(c.print.parts[1], PrintPart::Kind(megatrend));
    let (c, _, _) = read_text("title: T\nkinds:\n  megatrend:\n    folder: megatrends\n");
    let megatrend = c.schema.find("megatrend").unwrap();
    assert!(c.print.parts.contains(&PrintPart::Kind(megatrend)), "{:?}", c.print);
    // None declared: the built-in kinds.
    let (c, _, _) = read_text("title: T\n");
    assert_eq!(*c.schema, *crate::schema::Schema::builtin());
}

#[test]
fn a_mistake_in_a_declaration_is_an_error_at_its_line_in_the_config() {
    let (_, diags, sources) = read_text(
        "title: T\nkinds:\n  megatrend:\n    folder: megatrends\n    fields:\n      horizon: {type: integr}\n      sources: {type: list, of: url}\n      drives: {type: refs, kind: stakeholder}\n  trend:\n    folder: megatrends\n  direction:\n    folder: retninger\nextend:\n  direction:\n    title: {type: text}\n  initiative:\n    status: {type: text}\n  initiativ:\n    x: {type: text}\n",
    );
    assert_eq!(
        located(&diags, &sources),
        [
            (11, 3, "`direction` is a kind already".to_owned()),
            (6, 23, "`integr` is not a valid `type`".to_owned()),
            (7, 7, "`sources` is a field every page has".to_owned()),
            (8, 34, "no kind `stakeholder` is declared".to_owned()),
            (10, 13, "`trend` and `megatrend` would both live in `content/megatrends`".to_owned()),
            (15, 5, "`title` is a field every page has".to_owned()),
            (17, 5, "`status` is a field this kind has already".to_owned()),
            (18, 3, "no kind `initiativ` is declared".to_owned()),
        ]
    );
    let hints: Vec<Option<&str>> = diags.items().iter().map(|d| d.help.as_deref()).collect();
    assert_eq!(
        hints[1],
        Some(
            "did you mean `integer`? allowed values: text, markdown, integer, number, boolean, date, time, url, amount, enum, list, ref, refs, owners, handovers, budget, kpis, milestones, charts, data"
        )
    );
    assert_eq!(
        hints[3],
        Some(
            "declared kinds: purpose, narrative, direction, initiative, analysis, megatrend, trend, page"
        )
    );
    assert_eq!(hints[7], Some("did you mean `initiative`?"));
    assert!(diags.items().iter().all(|d| d.code != crate::diagnostics::Code::Other));
    let (_, diags, sources) = read_text("title: T\nkinds: [megatrend]\nextend: 1\n");
    assert_eq!(
        located(&diags, &sources),
        [
            (2, 8, "`kinds` must be a mapping, not a list".to_owned()),
            (3, 9, "`extend` must be a mapping, not a number".to_owned()),
        ]
    );
}
