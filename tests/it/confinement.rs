//! Nothing from outside the project, in any input, and templates that
//! cannot reach the machine. Each attack is what someone with commit rights
//! could put in the repository: a file outside the project holds a unique
//! secret, one input leads to it, and the secret must appear nowhere: not on
//! stdout, not on stderr, not in any file of the project (the site included).
//! Every case runs `build` and `check`.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use crate::support::{Project, snapshot};

const SECRET: &str = "SECRET-7f3a9c-from-outside";

/// A folder outside the project with the secret in every file an attack
/// might point at. YAML-ish and template-ish, so a parse error would quote it.
fn outside() -> Project {
    let outside = Project::empty();
    outside.file("secret.txt", format!("title: [{SECRET}\n"));
    outside.file("templates/page.html", format!("<p>{SECRET}</p>\n"));
    outside.file("templates/base.html", format!("<p>{SECRET}</p>\n"));
    outside.file("static/style.css", format!("/* {SECRET} */\n"));
    outside
}

/// Runs `args` with the secret also in the environment, as a CI secret would be.
fn run(project: &Project, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_stratdoc"))
        .args(args)
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .env("STRATDOC_TEST_SECRET", SECRET)
        .output()
        .expect("runs stratdoc");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `build` and `check` both refuse with `code` and every line of `message`,
/// and the secret is nowhere.
fn refused(project: &Project, code: i32, message: &str) {
    for args in [&["build"][..], &["check"][..]] {
        let (actual, stdout, stderr) = run(project, args);
        assert_eq!(actual, code, "{args:?}\n{stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{stderr}");
        for line in message.lines() {
            assert!(stderr.contains(line), "{args:?}: stderr lacks {line:?}\n{stderr}");
        }
        assert!(!stdout.contains(SECRET) && !stderr.contains(SECRET), "leaked:\n{stdout}{stderr}");
        secret_in_no_file(project.path());
    }
}

fn secret_in_no_file(dir: &Path) {
    for (path, bytes) in snapshot(dir) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "the secret is in {}",
            path.display()
        );
    }
}

#[test]
fn a_linked_stratdoc_yaml_is_refused_before_a_byte_is_read() {
    let (project, outside) = (Project::minimal(), outside());
    project.remove("stratdoc.yaml");
    symlink(outside.path().join("secret.txt"), project.path().join("stratdoc.yaml")).unwrap();
    refused(
        &project,
        2,
        "error: `stratdoc.yaml` is a symbolic link to a place outside the project\nerror: invalid configuration",
    );
}

#[test]
fn a_linked_theme_folder_is_refused_at_the_theme_value() {
    let (project, outside) = (Project::minimal(), outside());
    project.file("stratdoc.yaml", "title: T\ntheme: mine\n");
    fs::create_dir(project.path().join("themes")).unwrap();
    symlink(outside.path(), project.path().join("themes/mine")).unwrap();
    refused(
        &project,
        2,
        "error: `themes/mine` is a symbolic link to a place outside the project\n┌─ stratdoc.yaml:2:8",
    );
}

#[test]
fn linked_files_in_a_theme_folder_are_refused() {
    let (project, outside) = (Project::minimal(), outside());
    project.file("stratdoc.yaml", "title: T\ntheme: mine\n");
    project.file("themes/mine/static/own.css", "p {}");
    project.file("themes/mine/templates/list.html", "{% extends \"base.html\" %}");
    symlink(
        outside.path().join("static/style.css"),
        project.path().join("themes/mine/static/style.css"),
    )
    .unwrap();
    symlink(
        outside.path().join("templates/page.html"),
        project.path().join("themes/mine/templates/page.html"),
    )
    .unwrap();
    refused(
        &project,
        2,
        "error: `themes/mine/static/style.css` is a symbolic link to a place outside the project\nerror: `themes/mine/templates/page.html` is a symbolic link to a place outside the project\nerror: the templates cannot be used",
    );
}

#[test]
fn a_linked_theme_static_or_templates_folder_is_refused() {
    let (project, outside) = (Project::minimal(), outside());
    project.file("stratdoc.yaml", "title: T\ntheme: mine\n");
    fs::create_dir_all(project.path().join("themes/mine")).unwrap();
    symlink(outside.path().join("static"), project.path().join("themes/mine/static")).unwrap();
    symlink(outside.path().join("templates"), project.path().join("themes/mine/templates"))
        .unwrap();
    refused(
        &project,
        2,
        "error: `themes/mine/static` is a symbolic link to a place outside the project\nerror: `themes/mine/templates` is a symbolic link to a place outside the project",
    );
}

#[test]
fn a_linked_templates_folder_or_template_is_refused() {
    let (project, outside) = (Project::minimal(), outside());
    symlink(outside.path().join("templates"), project.path().join("templates")).unwrap();
    refused(
        &project,
        2,
        "error: `templates` is a symbolic link to a place outside the project\nerror: the templates cannot be used",
    );
    fs::remove_file(project.path().join("templates")).unwrap();
    project.file("templates/page.html", "<p>{{ page.title }}</p>");
    symlink(outside.path().join("templates/base.html"), project.path().join("templates/base.html"))
        .unwrap();
    refused(
        &project,
        2,
        "error: `templates/base.html` is a symbolic link to a place outside the project",
    );
}

#[test]
fn a_theme_is_a_folder_name_never_a_path() {
    let (project, outside) = (Project::minimal(), outside());
    let absolute = outside.path().display().to_string();
    for theme in ["../x", "/etc", absolute.as_str(), "mine/../../x", "..\\x"] {
        project.file("stratdoc.yaml", format!("title: T\ntheme: '{theme}'\n"));
        refused(
            &project,
            2,
            "is not a theme name\n┌─ stratdoc.yaml:2:8\nerror: invalid configuration",
        );
    }
}

#[test]
fn a_linked_logo_and_a_linked_content_folder_are_refused() {
    let (project, outside) = (Project::minimal(), outside());
    symlink(outside.path().join("secret.txt"), project.path().join("logo.svg")).unwrap();
    project.file("stratdoc.yaml", "title: T\nlogo: logo.svg\n");
    refused(&project, 2, "error: the logo `logo.svg` is not a file inside the project");
    let absolute = outside.path().join("secret.txt").display().to_string();
    project.file("stratdoc.yaml", format!("title: T\nlogo: '{absolute}'\n"));
    refused(&project, 2, "is not a file inside the project\n┌─ stratdoc.yaml:2:7");

    let project = Project::minimal();
    let content = outside.path().join("content");
    fs::rename(project.path().join("content"), &content).unwrap();
    fs::write(content.join("hemmelig.md"), format!("---\ntitle: [{SECRET}\n---\n")).unwrap();
    symlink(&content, project.path().join("content")).unwrap();
    refused(&project, 2, "its `content/` folder is a symbolic link to a place outside the project");
}

#[test]
fn content_linked_to_the_output_is_refused_so_the_site_never_republishes_itself() {
    let project = Project::minimal();
    project.build();
    symlink("../public", project.path().join("content/site")).unwrap();
    symlink("../../public/theme", project.path().join("content/directions/tema")).unwrap();
    let before = snapshot(&project.path().join("public"));
    project.run(&["build"]).code(1).stderr_has(
        "error: `content/directions/tema` leads into `public`, a folder stratdoc wrote (it has `.stratdoc-output`)\nerror: `content/site` leads into `public`",
    );
    assert!(before == snapshot(&project.path().join("public")), "the site changed");
    // Through a link to the whole project, the output is a real folder below it.
    fs::remove_file(project.path().join("content/site")).unwrap();
    fs::remove_file(project.path().join("content/directions/tema")).unwrap();
    symlink("..", project.path().join("content/alt")).unwrap();
    project
        .run(&["check"])
        .code(1)
        .stderr_has("error: `content/alt/public` is a folder stratdoc wrote");
    // An output folder elsewhere (`--out`) carries the marker too.
    fs::remove_file(project.path().join("content/alt")).unwrap();
    project.run(&["build", "--out", "site"]).success();
    symlink("../site", project.path().join("content/site")).unwrap();
    project.run(&["build", "--out", "site"]).code(1).stderr_has("leads into `site`");
}

#[test]
fn templates_cannot_read_the_environment() {
    let project = Project::minimal();
    project.file("templates/page.html", "<p>{{ get_env(name=\"STRATDOC_TEST_SECRET\") }}</p>");
    project.file("content/om.md", "---\ntitle: Om\n---\n");
    refused(
        &project,
        2,
        "error: template `page.html` failed\n`get_env` is not available: stratdoc's templates cannot read environment variables",
    );
    project
        .file("templates/page.html", "{{ get_env(name=\"STRATDOC_TEST_SECRET\", default=\"x\") }}");
    refused(&project, 2, "`get_env` is not available");
    assert!(!project.path().join("public").exists());
}

#[test]
fn template_cycles_are_errors_never_a_stack_overflow() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("base.html", "{% extends \"base.html\" %}")],
            "error: template cycle: base.html → base.html\n┌─ templates/base.html:1:12\nso it cannot extend it; copy the theme's `base.html` into `templates/`",
        ),
        (
            &[("page.html", "<main>{% include \"page.html\" %}</main>")],
            "error: template cycle: page.html → page.html\n┌─ templates/page.html:1:18",
        ),
        (
            &[
                ("page.html", "{% include \"side.html\" %}"),
                ("side.html", "{% if true %}{% include \"page.html\" %}{% endif %}"),
            ],
            "error: template cycle: page.html → side.html → page.html\n┌─ templates/side.html:1:25",
        ),
        (
            &[("macros.html", "{% import \"macros.html\" as m %}{% macro x() %}{% endmacro %}")],
            "error: template cycle: macros.html → macros.html",
        ),
    ];
    for (templates, message) in cases {
        let project = Project::minimal();
        for (name, text) in *templates {
            project.file(&format!("templates/{name}"), text);
        }
        project.run(&["build"]).code(2).stderr_has(message).stderr_has(
            "error: the templates cannot be used (theme `default` and the project's `templates/`)",
        );
        project.run(&["check"]).code(2).stderr_has(message);
    }
}

#[test]
fn script_in_html_and_svg_is_reported_when_raw_html_is_off() {
    let project = Project::minimal();
    project.file("content/billeder/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"&#106;avascript:alert(1)\"><text>x</text></a></svg>");
    project.file(
        "content/bilag/side.html",
        "<!DOCTYPE html>\n<p>Hej</p>\n<SCRIPT>alert(1)</SCRIPT>\n",
    );
    project.file(
        "content/billeder/ren.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>",
    );
    project.build();
    assert!(project.path().join("public/billeder/kort.svg").is_file(), "allowed by default");
    project.file("stratdoc.yaml", "title: T\nallow_html: false\n");
    project.run(&["build", "--message-format", "short"]).code(1).stderr_has(
        "content/bilag/side.html:3:1: error: this file carries script (a `<script>` element)\ncontent/billeder/kort.svg:1:50: error: this file carries script (a `javascript:` URL)",
    );
    project.remove("content/billeder/kort.svg").remove("content/bilag/side.html");
    project.build();
    assert!(project.path().join("public/billeder/ren.svg").is_file());
}

#[test]
fn a_file_name_in_nfd_is_the_same_page_as_a_link_in_nfc() {
    let project = Project::minimal();
    // `å` as macOS writes it in a file name: `a` and a combining ring.
    project.file("content/a\u{030A}rsplan.md", "---\ntitle: Årsplan\n---\nTekst.\n");
    project.file("content/om.md", "---\ntitle: Om\n---\nSe [årsplanen](årsplan.md).\n");
    project.build();
    assert!(project.path().join("public/aarsplan.html").is_file());
    assert!(
        project.page("om.html").contains("href=\"aarsplan.html\""),
        "{}",
        project.page("om.html")
    );
}
