//! Settings are checked where they are read: a value of `stratdoc.yaml` that
//! would break an output (a rule of its own in `robots.txt`, broken links on
//! the 404 page, an empty heading) is an error at its line, exit 2, and
//! nothing is written.

use crate::support::Project;

/// `stratdoc build` with `config` as `stratdoc.yaml`, refused with exit 2;
/// its stderr.
fn refused(config: &str) -> String {
    let project = Project::minimal();
    project.file("stratdoc.yaml", config);
    let run = project.run(&["build"]).code(2);
    assert!(!project.path().join("public").exists(), "nothing is written:\n{}", run.stderr);
    run.stderr
}

#[test]
fn base_path_is_one_line_of_path_characters() {
    let project = Project::minimal();
    project.file("stratdoc.yaml", "title: T\nbase_path: strategi\n");
    project.build();
    assert_eq!(
        std::fs::read_to_string(project.path().join("public/robots.txt")).unwrap(),
        "User-agent: *\nDisallow: /strategi/\n"
    );

    // A line break would write a rule of its own: `Disallow: /` for the host.
    let stderr = refused("title: T\nstatus: approved\nbase_path: \"/strategi/\\nDisallow: /\"\n");
    assert!(
        stderr.starts_with(
            "error: the path in `base_path` holds a line break\n  ┌─ stratdoc.yaml:3:12\n"
        ),
        "{stderr}"
    );
    for (path, why) in [
        ("/min strategi/", "holds a space"),
        ("\"/\\\\evil.example/\"", "holds `\\`, which a path in a web address cannot"),
        ("/a/../", "holds a `.` or `..` folder"),
    ] {
        let stderr = refused(&format!("title: T\nbase_path: {path}\n"));
        assert!(
            stderr.starts_with(&format!(
                "error: the path in `base_path` {why}\n  ┌─ stratdoc.yaml:2:12\n"
            )),
            "{path}: {stderr}"
        );
    }
    // The path of `base_url` is held to the same.
    let stderr = refused("title: T\nbase_url: https://a.example/x\\\\y/\n");
    assert!(
        stderr.starts_with(
            "error: the path in `base_url` holds `\\`, which a path in a web address cannot\n  ┌─ stratdoc.yaml:2:11\n"
        ),
        "{stderr}"
    );
}

#[test]
fn labels_and_the_title_are_not_blank() {
    let stderr = refused(
        "title: \" \"\nlabels:\n  plan: \"\"\n  initiative: {singular: Indsats, plural: \"  \"}\n",
    );
    let found: Vec<&str> =
        stderr.lines().filter(|l| l.starts_with("error") || l.contains("┌─")).collect();
    assert_eq!(
        found,
        [
            "error: `title` is blank",
            "  ┌─ stratdoc.yaml:1:8",
            "error: `plan` is blank",
            "  ┌─ stratdoc.yaml:3:9",
            "error: `plural` is blank",
            "  ┌─ stratdoc.yaml:4:43",
            "error: invalid configuration in `./stratdoc.yaml`",
        ]
    );
}
