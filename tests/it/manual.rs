//! `stratdoc completions` and `stratdoc man`: generated from the command
//! line's definition, so each must know every command.

use std::fs;
use std::process::Command;

use crate::support::Project;

const COMMANDS: [&str; 8] = ["build", "check", "pdf", "serve", "init", "new", "completions", "man"];

#[test]
fn completions_for_each_shell_know_every_command() {
    let project = Project::empty();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = project.run(&["completions", shell]).success();
        assert!(run.stdout.len() > 1_000, "{shell}: {}", run.stdout);
        for command in COMMANDS {
            assert!(run.stdout.contains(command), "{shell} lacks `{command}`");
        }
        assert!(run.stdout.contains("message-format"), "{shell} lacks the options");
    }
    project.run(&["completions", "elvish"]).code(2);
}

#[test]
fn bash_reads_the_bash_completions() {
    let project = Project::empty();
    let run = project.run(&["completions", "bash"]).success();
    project.file("stratdoc.bash", &run.stdout);
    let Ok(out) = Command::new("bash")
        .args(["-c", "source ./stratdoc.bash && complete -p stratdoc"])
        .current_dir(project.path())
        .output()
    else {
        eprintln!("SKIPPED: no bash");
        return;
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("stratdoc"));
}

#[test]
fn the_manual_page_names_every_command() {
    let project = Project::empty();
    let run = project.run(&["man"]).success();
    assert!(run.stdout.contains(".TH stratdoc 1"), "{}", run.stdout);
    for command in COMMANDS {
        assert!(run.stdout.contains(&format!("stratdoc\\-{command}(1)")), "{command}");
    }
    assert_eq!(run.stderr, "");
}

#[test]
fn man_out_writes_a_page_per_command() {
    let project = Project::empty();
    let run = project.run(&["man", "--out", "man1"]).success();
    assert!(run.stdout.contains("wrote 10 manual pages into man1"), "{}", run.stdout);
    for command in COMMANDS {
        let page = fs::read_to_string(project.path().join(format!("man1/stratdoc-{command}.1")))
            .unwrap_or_else(|e| panic!("{command}: {e}"));
        assert!(page.contains(&format!(".TH stratdoc-{command} 1")), "{page}");
        assert!(page.contains(&format!("stratdoc {command}")), "its synopsis: {page}");
    }
    let build = fs::read_to_string(project.path().join("man1/stratdoc-build.1")).unwrap();
    for option in ["deny\\-warnings", "quiet", "message\\-format", "json", "github"] {
        assert!(build.contains(option), "{option}");
    }
    assert!(project.path().join("man1/stratdoc.1").is_file());
}
