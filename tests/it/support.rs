//! Test support: a `Project` in a temporary folder (copied from a fixture or
//! written inline) and a `Run` of the real `stratdoc` binary against it.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) mod serve;

/// The fixtures folder.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A project in a temporary folder, removed when dropped.
pub(crate) struct Project {
    dir: tempfile::TempDir,
}

/// A minimal valid project: config, purpose, one direction, one initiative.
pub(crate) const MINIMAL: &[(&str, &str)] = &[
    (
        "stratdoc.yaml",
        "title: Teststrategi\nlanguage: da\nperiod:\n  start: 2027-Q1\n  end: 2028-Q2\n",
    ),
    ("content/purpose.md", "---\ntitle: Formål\n---\nVi vil *sammen* gøre det bedre.\n"),
    (
        "content/directions/cyber.md",
        "---\ntitle: Cyberrobusthed\norder: 1\nsummary: Robust drift.\n---\n## Ambition\n\nSe [SOC](../initiatives/soc.md#indsats).\n",
    ),
    (
        "content/initiatives/soc.md",
        "---\ntitle: Fælles SOC\ndirections: [cyber]\nowner: Driftsudvalget\nstart: 2027-Q1\nend: 2027-Q4\nstatus: active\n---\n## Indsats\n\nVi bygger et SOC.\n",
    ),
];

impl Project {
    /// An empty project folder.
    pub(crate) fn empty() -> Project {
        Project { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// The minimal valid project.
    pub(crate) fn minimal() -> Project {
        let project = Project::empty();
        for (path, text) in MINIMAL {
            project.file(path, text);
        }
        project
    }

    /// A copy of the example project at the repository root.
    pub(crate) fn example() -> Project {
        let project = Project::empty();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::copy(root.join("stratdoc.yaml"), project.path().join("stratdoc.yaml")).unwrap();
        copy_dir(&root.join("content"), &project.path().join("content"));
        project
    }

    /// A copy of the example project `examples/NAME`.
    pub(crate) fn example_named(name: &str) -> Project {
        let project = Project::empty();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name),
            project.path(),
        );
        project
    }

    /// A copy of the fixture project `tests/fixtures/NAME`.
    pub(crate) fn fixture(name: &str) -> Project {
        let project = Project::empty();
        copy_dir(&fixtures().join(name), project.path());
        project
    }

    /// Writes a file (creating folders).
    pub(crate) fn file(&self, path: &str, contents: impl AsRef<[u8]>) -> &Project {
        let path = self.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    /// Removes a file.
    pub(crate) fn remove(&self, path: &str) -> &Project {
        fs::remove_file(self.path().join(path)).unwrap();
        self
    }

    /// The project folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `stratdoc ARGS` with this project as the working directory.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &HashMap::new())
    }

    /// Runs `stratdoc ARGS` with `env` set and no `STRATDOC_BROWSER` unless `env` has it.
    pub(crate) fn run_with_env(&self, args: &[&str], env: &HashMap<&str, &str>) -> Run {
        let output = self.command(args, env).output().expect("runs stratdoc");
        self.outcome(output.status, &output.stdout, &output.stderr)
    }

    /// Runs `stratdoc ARGS` like [`Project::run`], failing the test when the
    /// run takes longer than `seconds` (a hang fails, it does not stall the tests).
    pub(crate) fn run_within(&self, args: &[&str], seconds: u64) -> Run {
        let mut child = self
            .command(args, &HashMap::new())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs stratdoc");
        // Read both pipes while it runs, so a full pipe cannot stop it.
        let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut bytes);
                }
                bytes
            })
        };
        let stdout = read(child.stdout.take().map(|p| Box::new(p) as _));
        let stderr = read(child.stderr.take().map(|p| Box::new(p) as _));
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let status = loop {
            if let Some(status) = child.try_wait().expect("waits for stratdoc") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`stratdoc {}` did not finish within {seconds} s", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
        self.outcome(status, &stdout, &stderr)
    }

    fn command(&self, args: &[&str], env: &HashMap<&str, &str>) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_stratdoc"));
        command.args(args).current_dir(self.path()).env("NO_COLOR", "1");
        if !env.contains_key("STRATDOC_BROWSER") && env.contains_key("PATH") {
            command.env_remove("STRATDOC_BROWSER");
        }
        command.envs(env);
        command
    }

    fn outcome(&self, status: std::process::ExitStatus, stdout: &[u8], stderr: &[u8]) -> Run {
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(stdout).into_owned(),
            stderr: String::from_utf8_lossy(stderr).into_owned(),
            root: self.path().to_path_buf(),
        }
    }

    /// `stratdoc build` into `public/`, asserting success.
    pub(crate) fn build(&self) -> Run {
        self.run(&["build"]).success()
    }

    /// A page of the last build.
    pub(crate) fn page(&self, path: &str) -> String {
        fs::read_to_string(self.path().join("public").join(path))
            .unwrap_or_else(|e| panic!("public/{path}: {e}"))
    }
}

/// The outcome of one run of the binary.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    root: PathBuf,
}

impl Run {
    /// Asserts exit code 0.
    pub(crate) fn success(self) -> Run {
        self.code(0)
    }

    /// Asserts the exit code.
    pub(crate) fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }

    /// Asserts stderr contains every line of `expected`.
    pub(crate) fn stderr_has(self, expected: &str) -> Run {
        for line in expected.lines() {
            assert!(
                self.stderr.contains(line),
                "stderr lacks {line:?}\n--- stderr\n{}",
                self.stderr
            );
        }
        self
    }

    /// stdout with the temporary folder replaced by `[ROOT]`.
    pub(crate) fn stdout_redacted(&self) -> String {
        redact(&self.stdout, &self.root)
    }

    /// stderr with the temporary folder replaced by `[ROOT]`.
    pub(crate) fn stderr_redacted(&self) -> String {
        redact(&self.stderr, &self.root)
    }
}

/// Replaces `root` (and its canonical form) with `[ROOT]`.
pub(crate) fn redact(text: &str, root: &Path) -> String {
    let mut text = text.to_owned();
    for form in [root.canonicalize().unwrap_or_default(), root.to_path_buf()] {
        let form = form.display().to_string();
        if !form.is_empty() {
            text = text.replace(&form, "[ROOT]");
        }
    }
    text
}

/// The `<main>` element of a page, as written (tags included).
pub(crate) fn main_of(html: &str) -> &str {
    element(html, "<main").unwrap_or_else(|| panic!("no <main> in\n{html}"))
}

/// The element that starts with `open` (e.g. `<nav class="pager"`), up to its
/// matching end tag, or `None` when there is none.
pub(crate) fn element<'a>(html: &'a str, open: &str) -> Option<&'a str> {
    let start = html.find(open)?;
    let name: String =
        open[1..].chars().take_while(char::is_ascii_alphanumeric).collect::<String>();
    let (open_tag, close_tag) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut at = start;
    loop {
        let next_open = html[at + 1..].find(&open_tag).map(|i| i + at + 1);
        let next_close = html[at..].find(&close_tag).map(|i| i + at)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at = o;
            }
            _ if depth == 0 => return Some(&html[start..next_close + close_tag.len()]),
            _ => {
                depth -= 1;
                at = next_close + 1;
            }
        }
    }
}

/// Every file under `dir` with its bytes, for "nothing changed" checks.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    if dir.exists() {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                files.insert(
                    entry.path().strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(entry.path()).unwrap(),
                );
            }
        }
    }
    files
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Whether the browser tests can run: the gates' packages
/// (`bash gates/install.sh`) and Chromium (`$CHROMIUM` or Debian's). Without
/// them, `test` fails under `CI=true` and is skipped loudly elsewhere.
pub(crate) fn browser_ready(test: &str) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let missing = [
        (!root.join("gates/node_modules/playwright-core").is_dir())
            .then_some("gates/node_modules (run `bash gates/install.sh`)"),
        (!Path::new(&chromium).exists()).then_some("a browser at $CHROMIUM or /usr/bin/chromium"),
    ];
    let Some(what) = missing.iter().flatten().next() else { return true };
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true and {test} lacks {what}");
    eprintln!("\n!!!!!!!! SKIPPED: {test} needs {what}. CI runs it. !!!!!!!!\n");
    false
}
