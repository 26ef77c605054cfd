//! A writer's mistakes, each told once, where it was made, with the fix:
//! a misspelt required key is one error at the key; a key close to a field
//! is an error on typed pages (its value would be lost) and a warning on
//! plain ones, unless `ignore_fields` quietens it; the words the site shows
//! for a value suggest the value, with no second warning about the plan's
//! now; time and date hints keep the writer's year; a config error leaves
//! the content checked, everything reported in one run.

use crate::support::Project;

/// One problem as `--message-format json` prints it: where (path, line,
/// column), how bad, its code, message and hint.
#[derive(Debug, PartialEq, Eq)]
struct Problem {
    at: String,
    severity: String,
    code: String,
    message: String,
    hint: String,
}

impl Problem {
    fn new(at: &str, severity: &str, code: &str, message: &str, hint: &str) -> Problem {
        let s = str::to_owned;
        Problem {
            at: s(at),
            severity: s(severity),
            code: s(code),
            message: s(message),
            hint: s(hint),
        }
    }
}

/// The problems `stratdoc check` finds in `project`, with its exit code.
fn problems(project: &Project) -> (Vec<Problem>, i32) {
    let run = project.run(&["check", "--message-format", "json"]);
    let problems = run
        .stdout
        .lines()
        .map(|line| {
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let text = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
            Problem {
                at: format!("{}:{}:{}", text("path"), v["line"], v["column"]),
                severity: text("severity"),
                code: text("code"),
                message: text("message"),
                hint: text("hint"),
            }
        })
        .collect();
    (problems, run.code)
}

/// The minimal project with the initiative `content/initiatives/x.md`
/// holding `fields` (its plan's now set to 2027-Q3).
fn initiative(fields: &str) -> Project {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: T\nlanguage: da\nas_of: 2027-Q3\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n",
    );
    project.file("content/initiatives/x.md", format!("---\ntitle: X\n{fields}---\nTekst.\n"));
    project
}

#[test]
fn a_misspelt_required_key_is_one_error_at_the_key() {
    let project = initiative("directions: [cyber]\nower: IT\n");
    assert_eq!(
        problems(&project),
        (
            vec![Problem::new(
                "content/initiatives/x.md:4:1",
                "error",
                "SD0202",
                "unknown field `ower`",
                "did you mean `owner`?"
            )],
            1
        )
    );
    // Nested mappings too: a milestone's `titel` is its missing `title`.
    let project = initiative(
        "directions: [cyber]\nowner: IT\nmilestones:\n  - {quarter: 2027-Q4, titel: Klar}\n",
    );
    let (found, _) = problems(&project);
    assert_eq!(
        found,
        [Problem::new(
            "content/initiatives/x.md:6:24",
            "error",
            "SD0202",
            "unknown field `titel`",
            "did you mean `title`?"
        )]
    );
}

#[test]
fn a_key_close_to_a_field_is_an_error_on_typed_pages_and_a_warning_on_plain_ones() {
    let project = initiative("directions: [cyber]\nowner: IT\npriorty: high\nkpi: []\n");
    project.file("content/docs/om.md", "---\ntitel: Om\nweight: 3\n---\n# Om\n");
    let (found, code) = problems(&project);
    let shown: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|p| (p.at.as_str(), p.severity.as_str(), p.hint.split(';').next().unwrap_or("")))
        .collect();
    assert_eq!(
        (shown, code),
        (
            vec![
                ("content/docs/om.md:2:1", "warning", "did you mean `title`?"),
                (
                    "content/docs/om.md:3:1",
                    "warning",
                    "known fields here: draft, id, kind, number, order, sources, summary, title"
                ),
                ("content/initiatives/x.md:5:1", "error", "did you mean `priority`?"),
                ("content/initiatives/x.md:6:1", "error", "did you mean `kpis`?"),
            ],
            1
        )
    );
    assert!(found[1].hint.ends_with("; for another tool's key, see `ignore_fields`"), "{found:?}");
    // The settings are checked the same way: a misspelt key is an error.
    project.file("stratdoc.yaml", "title: T\norgansation: KDF\n");
    let (found, code) = problems(&project);
    assert_eq!(
        (found[0].severity.as_str(), found[0].hint.as_str(), code),
        ("error", "did you mean `organisation`?", 2)
    );
}

#[test]
fn ignore_fields_quietens_another_tools_keys_on_every_page() {
    let project = initiative("directions: [cyber]\nowner: IT\nweight: 3\naliases: [/x/]\n");
    project.file("content/docs/om.md", "---\ntitle: Om\nweight: 3\n---\nTekst.\n");
    let (found, _) = problems(&project);
    assert_eq!(found.len(), 3, "without `ignore_fields`: {found:?}");
    project.file(
        "stratdoc.yaml",
        "title: T\nas_of: 2027-Q3\nignore_fields: [weight, aliases, owner]\n",
    );
    let (found, code) = problems(&project);
    // A field stratdoc reads stays read: naming it quietens nothing.
    assert_eq!(
        (found, code),
        (
            vec![Problem::new(
                "stratdoc.yaml:3:34",
                "warning",
                "SD0213",
                "`owner` is a field stratdoc reads",
                "list only keys stratdoc does not use, such as another tool's `weight`"
            )],
            0
        )
    );
}

#[test]
fn the_words_the_site_shows_suggest_the_value_to_write_and_nothing_else() {
    for (written, key, meant) in [
        ("i gang", "status", "active"),
        ("I gang", "status", "active"),
        ("planlagt", "status", "planned"),
        ("gennemført", "status", "done"),
        ("gennemfort", "status", "done"),
        ("In progress", "status", "active"),
        ("Active", "status", "active"),
        ("Sat på pause", "status", "paused"),
        ("høj", "priority", "high"),
        ("HOEJ", "priority", "high"),
    ] {
        // Started before now: read as `planned`, it would be a second
        // warning about the plan's now.
        let status = if key == "status" { "" } else { "status: active\n" };
        let project = initiative(&format!(
            "directions: [cyber]\nowner: IT\nstart: 2027-Q1\nend: 2028-Q2\n{key}: {written}\n{status}"
        ));
        let (found, code) = problems(&project);
        let allowed = if key == "status" {
            "planned, active, done, paused, cancelled"
        } else {
            "high, medium, low"
        };
        let column = key.len() + 3;
        assert_eq!(
            (found, code),
            (
                vec![Problem::new(
                    &format!("content/initiatives/x.md:7:{column}"),
                    "error",
                    "SD0204",
                    &format!("`{written}` is not a valid `{key}`"),
                    &format!("did you mean `{meant}`? allowed values: {allowed}")
                )],
                1
            ),
            "{written}"
        );
    }
}

#[test]
fn a_kind_written_as_the_site_names_it_is_told_its_id() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: T\nlabels:\n  initiative: {singular: Indsats, plural: Indsatser}\n",
    );
    project.file("content/notes/x.md", "---\ntitle: X\nkind: indsats\n---\nTekst.\n");
    let (found, _) = problems(&project);
    assert_eq!(found[0].message, "`indsats` is not a valid `kind`");
    assert!(found[0].hint.starts_with("did you mean `initiative`?"), "{found:?}");
}

#[test]
fn hints_for_times_and_dates_keep_the_writers_year() {
    let project = initiative(
        "directions: [cyber]\nowner: IT\nstart: 2017-Q5\nend: 4. kvt. 2018\ndeadline: H3 2019\n",
    );
    project.file("stratdoc.yaml", "title: T\nas_of: 2019-Q7\napproved: 8. december 2016\n");
    let (found, _) = problems(&project);
    let hints: Vec<(&str, &str)> = found.iter().map(|p| (p.at.as_str(), p.hint.as_str())).collect();
    assert_eq!(
        hints,
        [
            ("stratdoc.yaml:2:8", "write a quarter as YEAR-QN: `2019-Q1` to `2019-Q4`"),
            ("stratdoc.yaml:3:11", "did you mean `2016-12-08`? a date is written YYYY-MM-DD"),
            (
                "content/initiatives/x.md:5:8",
                "write a quarter (`2017-Q1` to `2017-Q4`), a half year (`2017-H1` or `2017-H2`) or the year (`2017`)"
            ),
            ("content/initiatives/x.md:6:6", "did you mean `2018-Q4`?"),
            (
                "content/initiatives/x.md:7:11",
                "write a quarter (`2019-Q1` to `2019-Q4`), a half year (`2019-H1` or `2019-H2`) or the year (`2019`)"
            ),
        ]
    );
}

#[test]
fn a_config_error_leaves_the_content_checked_and_everything_reported() {
    let project = initiative("directions: [cybr]\nowner: IT\n");
    project.file("stratdoc.yaml", "title: T\napproved: 8. december 2016\nlanguage: en\n");
    let (found, code) = problems(&project);
    let shown: Vec<(&str, &str)> = found.iter().map(|p| (p.at.as_str(), p.code.as_str())).collect();
    assert_eq!(
        (shown, code),
        (vec![("stratdoc.yaml:2:11", "SD0212"), ("content/initiatives/x.md:3:14", "SD0305")], 2)
    );
    let run = project.run(&["build"]).code(2);
    assert!(run.stderr.contains("unknown direction `cybr`"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with("error: invalid configuration in `./stratdoc.yaml`\n"),
        "{}",
        run.stderr
    );
    assert!(!project.path().join("public").exists(), "nothing is built");
    // A config that is not YAML cannot be relied on: the run stops there.
    project.file("stratdoc.yaml", "title: T\n  language: [en\n");
    let (found, code) = problems(&project);
    assert_eq!((found.len(), found[0].at.starts_with("stratdoc.yaml"), code), (1, true, 2));
}
