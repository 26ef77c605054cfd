//! `brand:` and `extra_css:` in stratdoc.yaml, and a theme's static files:
//! the organisation's look from one source on the site and in the board
//! edition, a colour too light for text refused with one that passes, and
//! a theme file that replaces a default stylesheet named in a warning.

use crate::support::Project;

/// The minimal project with `extra` added to its config.
fn configured(extra: &str) -> Project {
    let project = Project::minimal();
    project.file(
        "stratdoc.yaml",
        format!(
            "title: Teststrategi\nlanguage: da\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n{extra}"
        ),
    );
    project
}

#[test]
fn the_branded_fixture_styles_site_and_board_edition_from_one_source() {
    let project = Project::fixture("branded");
    project.build().success();
    let brand = project.page("theme/brand.css");
    assert!(brand.contains("--brand: #0b6e4f;") && brand.contains("--accent: #b39023;"), "{brand}");
    assert!(brand.contains("url(\"fonts/OpenSans-Regular.woff2\")"), "{brand}");
    assert!(project.path().join("public/theme/fonts/OpenSans-Regular.woff2").is_file());
    let page = project.page("index.html");
    let style = page.find("theme/style.css").expect("the theme's stylesheet");
    let branded = page.find("theme/brand.css").expect("brand.css linked");
    let extra = page.find("theme/extra.css").expect("extra.css linked");
    assert!(style < branded && branded < extra, "theme, brand, organisation: in that order");
    assert!(project.page("theme/extra.css").contains("border-bottom: 6px solid var(--accent)"));
    let print = project.page("print.html");
    assert!(print.contains("--brand: #0b6e4f;"), "the board edition reads the same brand");
    assert!(print.contains("url(\"data:font/woff2;base64,"), "its font inlined");
    assert!(!print.contains("url(\"fonts/"), "no link out of the one file");
}

#[test]
fn a_site_without_brand_links_no_brand_stylesheet() {
    let project = Project::minimal();
    project.build().success();
    assert!(!project.page("index.html").contains("brand.css"));
    assert!(!project.path().join("public/theme/brand.css").exists());
}

#[test]
fn a_primary_colour_too_light_for_text_is_refused_with_one_that_passes() {
    let project = configured("brand:\n  primary: \"#3fa9f5\"\n");
    project
        .run(&["build"])
        .code(2)
        .stderr_has("the primary colour #3fa9f5 has a contrast of 2.6:1 on white")
        .stderr_has("stratdoc.yaml:7:12")
        .stderr_has("use `primary: \"#");
    let light_accent = configured("brand:\n  primary: \"#004993\"\n  accent: \"#ffd02b\"\n");
    light_accent.build().success().stderr_has("warning: the accent colour #ffd02b");
    configured("brand:\n  primary: blue\n")
        .run(&["build"])
        .code(2)
        .stderr_has("`blue` is not a colour");
}

#[test]
fn brand_files_must_be_inside_the_project() {
    let project = configured(
        "brand:\n  font:\n    family: X\n    files: [../outside.woff2]\nextra_css: nope.css\n",
    );
    project
        .run(&["build"])
        .code(2)
        .stderr_has("the font file `../outside.woff2` is not a file inside the project")
        .stderr_has("the stylesheet `nope.css` is not a file inside the project");
}

#[test]
fn the_logo_is_given_once() {
    let project = configured("logo: a.svg\nbrand:\n  logo: b.svg\n");
    project.run(&["build"]).code(2).stderr_has("the logo is given twice");
}

#[test]
fn a_theme_stylesheet_that_replaces_the_default_is_named_and_its_folders_published() {
    let project = configured("theme: mine\n");
    project.file("themes/mine/static/style.css", ":root { --brand: #7a1f5c; }\n");
    project.file("themes/mine/static/fonts/Face.woff2", "not really a font");
    project.file(
        "themes/mine/static/img/deep/mark.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    project
        .build()
        .success()
        .stderr_has("`themes/mine/static/style.css` replaces the default theme's `style.css`")
        .stderr_has("extra_css:");
    assert!(project.path().join("public/theme/fonts/Face.woff2").is_file());
    assert!(project.path().join("public/theme/img/deep/mark.svg").is_file());
}
