//! Building sites: the example, page content per kind, links, navigation,
//! language, drafts, templates and assets.

use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Project, snapshot};

/// Every `href`/`src` value in an HTML page.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            found.push(rest[..end].replace("&amp;", "&"));
        }
    }
    found
}

/// Crawls from `public/index.html` following relative links as a browser
/// opening the files from disk would; returns the pages reached and every
/// broken link or anchor.
fn crawl(public: &Path) -> (BTreeSet<PathBuf>, Vec<String>) {
    let mut seen = BTreeSet::new();
    let mut broken = Vec::new();
    let mut queue = VecDeque::from([public.join("index.html")]);
    while let Some(page) = queue.pop_front() {
        if !seen.insert(page.clone()) {
            continue;
        }
        let html = fs::read_to_string(&page).unwrap();
        for link in links(&html) {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with("data:") {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{}: root-relative link {link} breaks from disk",
                page.display()
            );
            let (path, fragment) =
                link.split_once('#').map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() {
                page.clone()
            } else {
                normalise(&page.parent().unwrap().join(path))
            };
            if !target.is_file() {
                broken.push(format!("{} -> {link}", page.display()));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty() && *f != "top") {
                let text = fs::read_to_string(&target).unwrap_or_default();
                if !text.contains(&format!("id=\"{fragment}\"")) {
                    broken.push(format!("{} -> {link} (no such id)", page.display()));
                }
            }
            if target.extension().is_some_and(|e| e == "html") {
                queue.push_back(target);
            }
        }
    }
    (seen, broken)
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_example_builds_and_every_page_is_reachable_from_the_front_page() {
    let project = Project::example();
    let run = project.build();
    assert!(run.stdout.starts_with("stratdoc: built "), "{}", run.stdout);
    assert!(run.stdout.contains("0 warnings"), "{}", run.stdout);
    let public = project.path().join("public");
    let (reached, broken) = crawl(&public);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // The 404 page is shown by the server for a missing address; nothing links to it.
    let html_files: BTreeSet<PathBuf> = snapshot(&public)
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html") && *p != Path::new("404.html"))
        .map(|p| public.join(p))
        .collect();
    let unreached: Vec<_> = html_files.difference(&reached).collect();
    assert!(unreached.is_empty(), "not reachable from index.html: {unreached:?}");
    assert!(html_files.len() >= 30, "{}", html_files.len());
}

#[test]
fn initiative_pages_show_their_facts() {
    let project = Project::minimal();
    project.file(
        "content/initiatives/backup.md",
        "---\ntitle: Backup\nsummary: Gendannelse testes.\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q3\nend: 2028-Q2\nstatus: planned\npriority: high\nkpis:\n  - name: Testede gendannelser\n    baseline: 0\n    target: 4 pr. år\ndepends_on: [soc]\nmilestones:\n  - quarter: 2027-Q4\n    title: Første test\n---\nTekst.\n",
    );
    project.build();
    let page = project.page("initiatives/backup.html");
    for expected in [
        "<h1>Backup</h1>",
        "Driftsudvalget",
        "3.\u{a0}kvt.\u{a0}2027 – 2.\u{a0}kvt.\u{a0}2028",
        "Planlagt",
        "Høj",
        "href=\"../directions/cyber.html\"",
        "Testede gendannelser",
        "4 pr. år",
        "4.\u{a0}kvt.\u{a0}2027",
        "Første test",
        "href=\"../initiatives/soc.html\"",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in\n{page}");
    }
    let soc = project.page("initiatives/soc.html");
    assert!(
        soc.contains("Forudsætning for") && soc.contains("href=\"../initiatives/backup.html\""),
        "{soc}"
    );
    let direction = project.page("directions/cyber.html");
    assert!(
        direction.contains("href=\"../initiatives/backup.html\"")
            && direction.contains("href=\"../initiatives/soc.html\"")
    );
}

#[test]
fn markdown_links_to_md_files_become_relative_page_links() {
    let project = Project::minimal();
    project.file("content/narrative/01-intro.md", "---\ntitle: Intro\norder: 1\n---\n## Grøn IT & klima\n\nSe [SOC](../initiatives/soc.md#indsats), [os](#groen-it-klima), [retninger](../directions/) og ![kort](billeder/Kort%201.PNG).\n\n\"Citat\" -- 2027--2030.\n");
    project.file("content/narrative/billeder/Kort 1.PNG", [0x89, b'P', b'N', b'G']);
    project.build();
    let page = project.page("narrative/01-intro.html");
    for expected in [
        "<h2 id=\"groen-it-klima\">",
        "href=\"../initiatives/soc.html#indsats\"",
        "href=\"#groen-it-klima\"",
        "href=\"../directions/index.html\"",
        "src=\"billeder/kort-1.png\"",
        "»Citat« – 2027–2030.",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in\n{page}");
    }
    assert!(project.path().join("public/narrative/billeder/kort-1.png").is_file());
}

#[test]
fn english_projects_get_english_labels_and_quarters() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: Test strategy\nlanguage: en\n");
    project.build();
    let page = project.page("initiatives/soc.html");
    assert!(page.contains("<html lang=\"en\""), "{page}");
    assert!(page.contains("Q1\u{a0}2027 – Q4\u{a0}2027"), "{page}");
    assert!(page.contains("Active") && page.contains("Owner"), "{page}");
}

#[test]
fn drafts_are_built_only_with_the_flag() {
    let project = Project::minimal();
    project.file("content/kladde.md", "---\ntitle: Kladde\ndraft: true\n---\nIkke færdig.\n");
    project.build();
    assert!(!project.path().join("public/kladde.html").exists());
    project.run(&["build", "--drafts"]).success();
    assert!(project.path().join("public/kladde.html").exists());
}

#[test]
fn project_templates_override_theme_templates_by_name() {
    let project = Project::minimal();
    project.file("templates/page.html", "<!DOCTYPE html><title>{{ page.title }}</title><p class=\"mine\">{{ page.content | safe }}</p>\n");
    project.file("content/om.md", "---\ntitle: Om <os>\n---\nHej.\n");
    project.build();
    assert_eq!(
        project.page("om.html"),
        "<!DOCTYPE html><title>Om &lt;os&gt;</title><p class=\"mine\"><p>Hej.</p>\n</p>\n"
    );
    assert!(
        project.page("index.html").contains("theme/style.css"),
        "other templates stay the theme's"
    );
}

#[test]
fn analysis_pages_link_their_data_file() {
    let project = Project::minimal();
    project
        .file("content/analysis/survey.md", "---\ntitle: Spørgeskema\ndata: svar.csv\n---\nTal.\n");
    project.file("content/analysis/svar.csv", "spoergsmaal,ja,nej\nA,1,2\n");
    project.build();
    assert!(
        project.page("analysis/survey.html").contains("href=\"../analysis/svar.csv\"")
            || project.page("analysis/survey.html").contains("href=\"svar.csv\"")
    );
    assert_eq!(project.page("analysis/svar.csv"), "spoergsmaal,ja,nej\nA,1,2\n");
}

#[test]
fn overview_pages_list_their_section() {
    let project = Project::minimal();
    project.build();
    let plan = project.page("initiatives/index.html");
    assert!(
        plan.contains("Fælles SOC") && plan.contains("Driftsudvalget") && plan.contains("I gang"),
        "{plan}"
    );
    assert!(project.page("directions/index.html").contains("Cyberrobusthed"));
}

#[test]
fn the_build_is_deterministic() {
    let project = Project::example();
    project.build();
    let first = snapshot(&project.path().join("public"));
    project.build();
    assert!(first == snapshot(&project.path().join("public")));
}
