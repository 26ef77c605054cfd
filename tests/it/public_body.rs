//! What a public body's site needs, in the HTML stratdoc writes: the
//! organisation in every header, the accessibility statement in every
//! footer, one `h1` and no skipped heading levels, a menu that folds without
//! script; a draft that asks not to be indexed; descriptions, canonical
//! addresses, Open Graph and a sitemap (the last three only with
//! `base_url`); a 404 page that works from any depth; a favicon. How the
//! pages behave in a browser (phone widths, the keyboard) is checked by the
//! `phone` and `keyboard` gates in `gates/`.

use crate::support::{Project, element, snapshot};

/// Every page of the site the last build wrote, by its path: the `.html`
/// files but the board edition, a document of its own (`print.rs`).
fn html_pages(project: &Project) -> Vec<(String, String)> {
    snapshot(&project.path().join("public"))
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .filter(|(path, _)| path.as_os_str() != "print.html")
        .map(|(path, bytes)| {
            (path.to_string_lossy().replace('\\', "/"), String::from_utf8(bytes).unwrap())
        })
        .collect()
}

/// The `content` of `<meta name|property="NAME">` in `html`, if any.
fn meta<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let head = &html[..html.find("</head>")?];
    let needle = format!("=\"{name}\" content=\"");
    let at = head.find(&needle)? + needle.len();
    Some(&head[at..at + head[at..].find('"')?])
}

/// The `href` of `<link rel="REL">` in `html`, if any.
fn link_rel<'a>(html: &'a str, rel: &str) -> Option<&'a str> {
    let head = &html[..html.find("</head>")?];
    let needle = format!("<link rel=\"{rel}\" href=\"");
    let at = head.find(&needle)? + needle.len();
    Some(&head[at..at + head[at..].find('"')?])
}

fn exists(project: &Project, path: &str) -> bool {
    project.path().join("public").join(path).exists()
}

const APPROVED_AT: &str = "title: Teststrategi\nsubtitle: Strategi 2027–2030\norganisation: Testkommunernes Fællesskab\nlanguage: da\nstatus: approved\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n";

#[test]
fn a_draft_asks_not_to_be_indexed_on_every_page_and_in_robots_txt() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: T\nstatus: draft\nbase_path: /strategi/\nbase_url: https://a.dk/strategi/\n",
    );
    project.build();
    for (path, html) in html_pages(&project) {
        assert_eq!(meta(&html, "robots"), Some("noindex"), "{path}");
        assert!(html.contains("class=\"draft-banner\""), "{path} has no draft banner");
    }
    assert_eq!(meta(&project.page("print.html"), "robots"), Some("noindex"), "board edition");
    // Only its own path: copied to the host's root, it must not close the host.
    assert_eq!(project.page("robots.txt"), "User-agent: *\nDisallow: /strategi/\n");
    assert!(!exists(&project, "sitemap.xml"), "a draft invites no crawler");

    project.file("stratdoc.yaml", "title: T\nstatus: approved\n");
    project.build();
    for (path, html) in html_pages(&project) {
        let noindex = meta(&html, "robots").is_some();
        assert_eq!(noindex, path == "404.html", "{path}: noindex only on the 404 page");
        assert!(!html.contains("draft-banner"), "{path}");
    }
    assert_eq!(meta(&project.page("print.html"), "robots"), None, "board edition");
    assert_eq!(project.page("robots.txt"), "User-agent: *\nAllow: /\n");
}

#[test]
fn the_accessibility_statement_is_linked_in_every_footer() {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        "title: T\naccessibility_statement: https://www.was.digst.dk/test-dk\n",
    );
    project.build();
    let link = "<a href=\"https://www.was.digst.dk/test-dk\">Tilgængelighedserklæring</a>";
    for (path, html) in html_pages(&project) {
        let footer = element(&html, "<footer").unwrap_or_else(|| panic!("{path}: no footer"));
        assert!(footer.contains(link), "{path}: {footer}");
    }
    project.file(
        "stratdoc.yaml",
        "title: T\nlanguage: en\naccessibility_statement: https://a.org/a11y\n",
    );
    project.build();
    assert!(project.page("initiatives/soc.html").contains(">Accessibility statement</a>"));

    project.file("stratdoc.yaml", "title: T\n");
    project.build();
    assert!(
        html_pages(&project).iter().all(|(_, html)| !html.contains("Tilgængelighedserklæring"))
    );
}

#[test]
fn canonical_open_graph_and_sitemap_only_with_a_base_url() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", APPROVED_AT);
    project.build();
    for (path, html) in html_pages(&project) {
        assert_eq!(link_rel(&html, "canonical"), None, "{path}");
        assert!(!html.contains("property=\"og:"), "{path}");
    }
    assert!(!exists(&project, "sitemap.xml"), "a sitemap needs absolute addresses");
    assert!(!project.page("robots.txt").contains("Sitemap"));

    project.file("stratdoc.yaml", format!("{APPROVED_AT}base_url: https://strategi.test.dk\n"));
    project.build();
    let soc = project.page("initiatives/soc.html");
    let url = "https://strategi.test.dk/initiatives/soc.html";
    assert_eq!(link_rel(&soc, "canonical"), Some(url));
    assert_eq!(meta(&soc, "og:url"), Some(url));
    assert_eq!(meta(&soc, "og:title"), Some("Fælles SOC"));
    assert_eq!(meta(&soc, "og:type"), Some("website"));
    assert_eq!(meta(&soc, "og:site_name"), Some("Teststrategi"));
    assert_eq!(meta(&soc, "og:locale"), Some("da_DK"));
    let front = project.page("index.html");
    assert_eq!(link_rel(&front, "canonical"), Some("https://strategi.test.dk/"));
    assert_eq!(meta(&front, "og:title"), Some("Teststrategi"));
    assert_eq!(
        link_rel(&project.page("initiatives/index.html"), "canonical"),
        Some("https://strategi.test.dk/initiatives/")
    );
    assert_eq!(link_rel(&project.page("404.html"), "canonical"), None, "it has no address");

    // Every page but the 404 page, once, in absolute form.
    let sitemap = project.page("sitemap.xml");
    assert!(sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    let locs: Vec<&str> =
        sitemap.split("<loc>").skip(1).map(|l| &l[..l.find("</loc>").unwrap()]).collect();
    let mut canonicals: Vec<String> = html_pages(&project)
        .iter()
        .filter_map(|(_, html)| link_rel(html, "canonical").map(str::to_owned))
        .collect();
    canonicals.sort();
    let mut sorted = locs.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, canonicals);
    assert_eq!(locs.len(), html_pages(&project).len() - 1);
    assert!(
        project.page("robots.txt").ends_with("\nSitemap: https://strategi.test.dk/sitemap.xml\n")
    );
}

#[test]
fn a_raster_logo_is_shared_and_any_logo_is_the_favicon() {
    let project = Project::minimal();
    project.file("logo.png", b"\x89PNG\r\n\x1a\n");
    project.file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    project
        .file("stratdoc.yaml", format!("{APPROVED_AT}base_url: https://a.dk/s/\nlogo: logo.png\n"));
    project.build();
    let soc = project.page("initiatives/soc.html");
    assert_eq!(meta(&soc, "og:image"), Some("https://a.dk/s/theme/logo.png"));
    assert!(soc.contains("<link rel=\"icon\" href=\"../theme/logo.png\" type=\"image/png\">"));

    // Sharing services show no SVG; browsers take it as an icon.
    project
        .file("stratdoc.yaml", format!("{APPROVED_AT}base_url: https://a.dk/s/\nlogo: logo.svg\n"));
    project.build();
    let soc = project.page("initiatives/soc.html");
    assert_eq!(meta(&soc, "og:image"), None);
    assert!(soc.contains("<link rel=\"icon\" href=\"../theme/logo.svg\" type=\"image/svg+xml\">"));
}

#[test]
fn every_page_describes_itself() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nsubtitle: Strategi 2027–2030\n");
    project.build();
    let described = |path: &str| meta(&project.page(path), "description").map(str::to_owned);
    assert_eq!(described("directions/cyber.html").as_deref(), Some("Robust drift."));
    // No summary of its own, and none on the purpose: the subtitle.
    assert_eq!(described("initiatives/soc.html").as_deref(), Some("Strategi 2027–2030"));

    project.file(
        "content/purpose.md",
        "---\ntitle: Formål\nsummary: Vi gør det sammen.\n---\nTekst.\n",
    );
    project.build();
    for page in ["initiatives/soc.html", "initiatives/index.html", "index.html", "404.html"] {
        assert_eq!(described(page).as_deref(), Some("Vi gør det sammen."), "{page}");
    }
}

#[test]
fn the_404_page_links_from_the_base_path_so_it_works_at_any_depth() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nbase_path: strategi\n");
    project.build();
    let html = project.page("404.html");
    assert!(html.contains("<html lang=\"da\">"));
    assert!(html.contains("<h1>Siden findes ikke</h1>"));
    assert_eq!(meta(&html, "robots"), Some("noindex"));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/strategi/theme/style.css\">"));
    assert!(html.contains("href=\"/strategi/initiatives/index.html\""));
    for attr in ["href=\"", "src=\""] {
        for value in html.split(attr).skip(1).map(|v| &v[..v.find('"').unwrap()]) {
            assert!(
                value.starts_with("/strategi/") || value.starts_with('#'),
                "`{value}` would not work from another folder"
            );
        }
    }

    project.file("stratdoc.yaml", "title: T\nlanguage: en\n");
    project.build();
    let html = project.page("404.html");
    assert!(html.contains("<h1>Page not found</h1>") && html.contains("href=\"/index.html\""));
}

#[test]
fn the_organisation_is_in_the_header_of_every_page() {
    let project = Project::example();
    project.build();
    let pages = html_pages(&project);
    assert!(pages.len() > 30);
    for (path, html) in pages {
        let header = element(&html, "<header class=\"site-header\"").unwrap();
        assert!(
            header.contains("<span class=\"site-org\">Kommunernes Digitale Fællesskab Midt</span>"),
            "{path}: {header}"
        );
    }
}

/// Every page of the example, the English fixture and the site fixture
/// (every kind and overview, plain pages with and without their own `#`).
#[test]
fn every_page_has_one_h1_and_no_heading_level_is_skipped() {
    let mut checked = 0;
    for project in
        [Project::example(), Project::fixture("english"), Project::fixture("site/project")]
    {
        project.build();
        for (path, html) in html_pages(&project) {
            let levels: Vec<u32> = html
                .match_indices("<h")
                .filter_map(|(at, _)| {
                    let b = html.as_bytes();
                    let level = b.get(at + 2).filter(|c| (b'1'..=b'6').contains(c))?;
                    matches!(b.get(at + 3), Some(b' ' | b'>')).then_some(u32::from(level - b'0'))
                })
                .collect();
            assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{path}: {levels:?}");
            assert_eq!(levels.first(), Some(&1), "{path}: the h1 comes first: {levels:?}");
            for pair in levels.windows(2) {
                assert!(
                    pair[1] <= pair[0] + 1,
                    "{path}: h{} after h{}: {levels:?}",
                    pair[1],
                    pair[0]
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 80, "{checked}");
}

#[test]
fn the_menu_is_one_navigation_folded_behind_a_summary_on_every_page() {
    let project = Project::example();
    project.build();
    for (path, html) in html_pages(&project) {
        let nav = element(&html, "<nav class=\"site-nav\"").unwrap();
        assert_eq!(html.matches("<nav class=\"site-nav\"").count(), 1, "{path}");
        let fold = element(nav, "<details class=\"nav-fold\">")
            .unwrap_or_else(|| panic!("{path}: no closed <details> in {nav}"));
        assert!(fold.contains("<summary class=\"nav-toggle\">Menu</summary>"), "{path}");
        assert!(fold.contains("<ul class=\"nav-list nav-depth-0\">"), "{path}");
        assert!(!nav.contains("<script"), "{path}: the menu needs no script");
    }
}

#[test]
fn content_may_not_take_the_names_of_the_files_for_servers_and_crawlers() {
    let project = Project::minimal();
    project.file("content/robots.txt", "User-agent: *\n");
    project.file("content/404.md", "---\ntitle: Væk\n---\nIkke her.\n");
    project
        .run(&["check"])
        .code(1)
        .stderr_has("`content/robots.txt` would be written to `robots.txt`, which stratdoc generates; rename it\n`content/404.md` would be written to `404.html`, which stratdoc generates");
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_reported_at_its_line() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nbase_url: strategi.test.dk\n");
    project
        .run(&["build", "--message-format", "short"])
        .code(2)
        .stderr_has("stratdoc.yaml:2:11: error: `strategi.test.dk` is not a web address");
    assert!(!project.path().join("public").exists(), "nothing was written");
}
