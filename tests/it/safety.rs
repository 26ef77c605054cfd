//! Nothing lost, nothing let in: the output-folder guard, path safety, HTML
//! escaping and very large input. Publishing itself is in `publish.rs`.

use std::fmt::Write as _;
use std::fs;

use crate::support::{Project, snapshot};

#[test]
fn a_folder_of_the_users_own_documents_is_refused_and_left_alone() {
    let project = Project::minimal();
    project.file("Dokumenter/budget.xlsx", "tal");
    project.file("Dokumenter/noter/møde.txt", "referat");
    let before = snapshot(&project.path().join("Dokumenter"));
    project
        .run(&["build", "--out", "Dokumenter"])
        .code(2)
        .stderr_has("is not empty and was not made by stratdoc; choose another folder with --out, or empty this one");
    assert!(before == snapshot(&project.path().join("Dokumenter")));
}

#[test]
fn the_project_and_its_source_folders_are_refused() {
    let project = Project::minimal();
    project.file("templates/page.html", "{{ page.title }}");
    project.file("themes/mine/static/x.css", "");
    for (out, reason) in [
        (".", "it is the project folder"),
        ("..", "it contains the project"),
        ("content", "inside or contains the project's `content/` folder"),
        ("content/site", "inside or contains the project's `content/` folder"),
        ("templates", "`templates/` folder"),
        ("themes/mine/out", "`themes/` folder"),
    ] {
        let before = snapshot(project.path());
        project.run(&["build", "--out", out]).code(2).stderr_has("error: refusing to write to `");
        let run = project.run(&["build", "--out", out]);
        assert!(run.stderr.contains(reason), "{out}: {}", run.stderr);
        assert!(before == snapshot(project.path()), "{out}: something changed");
    }
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let project = Project::minimal();
    project.file("public", "not a folder");
    project.run(&["build"]).code(2).stderr_has("it is a file, not a folder");
    assert_eq!(fs::read_to_string(project.path().join("public")).unwrap(), "not a folder");
}

#[test]
fn stratdoc_replaces_its_own_output_and_an_empty_folder() {
    let project = Project::minimal();
    fs::create_dir(project.path().join("public")).unwrap();
    project.build();
    assert!(project.path().join("public/.stratdoc-output").is_file());
    project.file("public/stale.html", "old");
    project.build();
    assert!(!project.path().join("public/stale.html").exists(), "the whole output is replaced");
}

#[test]
fn a_broken_build_leaves_yesterdays_site_intact() {
    let project = Project::example();
    project.build();
    let yesterday = snapshot(&project.path().join("public"));
    project.file("content/initiatives/faelles-soc.md", "---\ntitle: SOC\nstatus: [\n---\n");
    project.run(&["build"]).code(1);
    assert!(yesterday == snapshot(&project.path().join("public")));
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_project_are_not_followed() {
    let project = Project::minimal();
    let outside = Project::empty();
    outside.file("hemmelig.md", "---\ntitle: Hemmelig\n---\nHEMMELIGT\n");
    outside.file("mappe/x.md", "---\ntitle: X\n---\nHEMMELIGT\n");
    std::os::unix::fs::symlink(
        outside.path().join("hemmelig.md"),
        project.path().join("content/link.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("mappe"), project.path().join("content/mappe"))
        .unwrap();
    std::os::unix::fs::symlink(
        project.path().join("content/purpose.md"),
        project.path().join("content/inde.md"),
    )
    .unwrap();
    let run = project.run(&["build", "--out", "site"]).code(1);
    assert!(
        run.stderr.contains("`content/link.md` is a symbolic link to a place outside the project"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`content/mappe` is a symbolic link to a place outside the project"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("inde.md"), "links inside the project are fine: {}", run.stderr);
}

#[test]
fn frontmatter_values_reach_the_page_escaped() {
    let project = Project::minimal();
    project.file(
        "content/om.md",
        "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"a & b \\\" c\"\n---\nTekst.\n",
    );
    project.file("content/initiatives/soc.md", "---\ntitle: SOC\ndirections: [cyber]\nowner: \"<img src=x onerror=alert(1)>\"\n---\n## Indsats\n");
    project.build();
    let page = project.page("om.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{page}");
    assert!(page.contains("a &amp; b &quot; c"), "{page}");
    let soc = project.page("initiatives/soc.html");
    assert!(
        !soc.contains("<img src=x") && soc.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{soc}"
    );
}

#[test]
fn raw_html_is_commonmark_by_default_and_escaped_with_allow_html_false() {
    let project = Project::minimal();
    project.file(
        "content/om.md",
        "---\ntitle: Om\n---\n<div class=\"boks\">Hej</div>\n\nEt <em>ord</em>.\n",
    );
    project.build();
    assert!(project.page("om.html").contains("<div class=\"boks\">Hej</div>"));
    project.file("stratdoc.yaml", "title: T\nallow_html: false\n");
    project.build();
    let page = project.page("om.html");
    assert!(page.contains("&lt;div class=\"boks\"&gt;Hej&lt;/div&gt;"), "{page}");
    assert!(page.contains("Et &lt;em&gt;ord&lt;/em&gt;."), "{page}");
}

#[test]
fn file_names_with_spaces_danish_letters_and_capitals_get_clean_urls() {
    let project = Project::minimal();
    project.file(
        "content/Om Strategien/Økonomi og Målsætning.md",
        "---\ntitle: Økonomi\n---\nTekst.\n",
    );
    project.file("content/om.md", "---\ntitle: Om\n---\nSe [økonomi](Om%20Strategien/%C3%98konomi%20og%20M%C3%A5ls%C3%A6tning.md) og [samme](<Om Strategien/Økonomi og Målsætning.md>).\n");
    project.build();
    assert!(project.path().join("public/om-strategien/oekonomi-og-maalsaetning.html").is_file());
    let page = project.page("om.html");
    assert_eq!(
        page.matches("href=\"om-strategien/oekonomi-og-maalsaetning.html\"").count(),
        2,
        "{page}"
    );
}

#[test]
fn template_includes_cannot_read_outside_the_templates() {
    let project = Project::minimal();
    project.file("templates/page.html", "{% include \"../../../../etc/passwd\" %}");
    project.file("content/om.md", "---\ntitle: Om\n---\n");
    let run = project.run(&["build"]).code(2);
    assert!(run.stderr.contains("error: template `page.html` failed"), "{}", run.stderr);
    assert!(!run.stderr.contains("root:"), "{}", run.stderr);
    assert!(!project.path().join("public").exists());
}

#[test]
fn a_20_mb_markdown_file_builds() {
    let project = Project::minimal();
    let paragraph = "Kommunerne samarbejder om **sikker drift**, [cyberrobusthed](directions/cyber.md) og data. ";
    let mut body = String::from("---\ntitle: Stor\n---\n");
    let mut n = 0;
    while body.len() < 20 * 1024 * 1024 {
        n += 1;
        writeln!(body, "\n## Afsnit {n}\n").unwrap();
        for _ in 0..20 {
            body.push_str(paragraph);
        }
        body.push('\n');
    }
    project.file("content/stor.md", &body);
    project.build();
    let html = fs::metadata(project.path().join("public/stor.html")).unwrap().len();
    assert!(html > 20 * 1024 * 1024, "{html}");
}
