//! Shows that `stratdoc check` is linear in each input that once made it
//! quadratic or made its output explode. For each case it writes a project
//! at size n and 2n into a temporary folder, runs the release binary
//! (`stratdoc check --color never`) several times, and prints the median
//! times and their ratio: about 2.0 means linear, about 4.0 quadratic. It
//! also prints how much each run printed, in both message formats.
//!
//! Run with `cargo bench --bench linear` (`RUNS=9` for more runs per
//! size, `SCALE=2` for inputs twice as large); words after `--` keep only
//! the cases whose name contains one of them (`-- chart`). Not a test:
//! nothing here fails on a slow machine; read the figures.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A case: its name and a function writing a project of size `n` into a folder.
struct Case {
    name: &'static str,
    what: &'static str,
    n: usize,
    write: fn(&Path, usize),
}

const CONFIG: &str = "title: Benchmark\nlanguage: da\n";
const DIRECTION: &str = "---\ntitle: Cyber\n---\n## Ambition\n";

/// Every case, each a shape of input that once made `check` quadratic or
/// flood the terminal.
#[allow(clippy::too_many_lines, reason = "a table of cases, one entry each")]
fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "identical headings",
            what: "`## Status` n times in one page",
            n: 25_000,
            write: |dir, n| page(dir, "purpose.md", "Formål", &"## Status\n\n".repeat(n)),
        },
        Case {
            name: "renamed folder",
            what: "n pages, each linking to the next in the folder's old name",
            n: 2_000,
            write: |dir, n| {
                page(dir, "purpose.md", "Formål", "Forside.\n");
                for i in 0..n {
                    let body = format!("Se [næste](../arkiv/side-{}.md).\n", (i + 1) % n);
                    page(dir, &format!("projekter/side-{i}.md"), "Side", &body);
                }
            },
        },
        Case {
            name: "quoted keys",
            what: "n unknown keys written with escapes (`\"k\\u0030…\": v`) in one page",
            n: 20_000,
            write: |dir, n| {
                let mut text = String::from("---\ntitle: Formål\n");
                for i in 0..n {
                    let _ = writeln!(text, "\"k\\u0030{i}\": v");
                }
                text.push_str("---\nTekst.\n");
                file(dir, "content/purpose.md", &text);
            },
        },
        Case {
            name: "one big section",
            what: "n initiatives in `content/initiatives/`",
            n: 1_000,
            write: |dir, n| {
                page(dir, "purpose.md", "Formål", "Forside.\n");
                file(dir, "content/directions/cyber.md", DIRECTION);
                for i in 0..n {
                    let text = format!(
                        "---\ntitle: Indsats {i}\ndirections: [cyber]\nowner: Udvalget\n\
                         start: 2027-Q1\nend: 2027-Q4\n---\n## Baggrund\n\nTekst om indsats {i}.\n"
                    );
                    file(dir, &format!("content/initiatives/indsats-{i}.md"), &text);
                }
            },
        },
        Case {
            name: "broken anchors",
            what: "n links to missing anchors in a page with n headings",
            n: 10_000,
            write: |dir, n| {
                let headings: Vec<String> = (0..n).map(|i| format!("## Punkt {i}\n")).collect();
                page(dir, "mange.md", "Mange", &headings.join("\n"));
                let links: Vec<String> =
                    (0..n).map(|i| format!("[x](mange.md#afsnit-{i})\n")).collect();
                page(dir, "purpose.md", "Formål", &links.join("\n"));
            },
        },
        Case {
            name: "imported pages",
            what: "n plain pages as teams bring them: nested folders, half `index.md`/`_index.md`, \
                   the rest `notes.md`; a third without frontmatter, a quarter without a title; \
                   each links to the next folder from the server's root",
            n: 1_000,
            write: |dir, n| {
                page(dir, "purpose.md", "Formål", "Forside.\n");
                let folder = |i: usize| format!("team-{}/area-{}", i / 100, i / 2);
                for i in 0..n {
                    let name = match i % 4 {
                        0 => "index.md",
                        2 => "_index.md",
                        _ => "notes.md",
                    };
                    let next = folder((i + 2) % n);
                    let mut text = String::new();
                    if i % 3 != 0 {
                        text.push_str("---\nsummary: Importeret.\n---\n");
                    }
                    if i % 4 != 1 {
                        let _ = writeln!(text, "# Side {i}\n");
                    }
                    let _ = writeln!(text, "Se [næste](/{next}/) og [noter](notes.md).");
                    file(dir, &format!("content/{}/{name}", folder(i)), &text);
                }
            },
        },
        Case {
            name: "one long line",
            what: "n broken links on one line",
            n: 20_000,
            write: |dir, n| {
                let links: Vec<String> = (0..n).map(|i| format!("[x](mangler-{i}.md)")).collect();
                let line = links.join(" ");
                page(dir, "purpose.md", "Formål", &format!("{line}\n"));
            },
        },
        Case {
            name: "long-form chart",
            what: "a chart of n rows `question,answer,count`: n/5 questions, 5 answers each",
            n: 75_000,
            write: |dir, n| {
                page(dir, "purpose.md", "Formål", "Forside.\n");
                let mut csv = String::from("question,answer,count\n");
                for i in 0..n {
                    let _ = writeln!(csv, "Spørgsmål {},Svar {},{}", i / 5, i % 5, i % 97);
                }
                file(dir, "content/analysis/svar.csv", &csv);
                let charts = "charts:\n  - title: Svar\n";
                let text = format!("---\ntitle: Svar\ndata: svar.csv\n{charts}---\nTal.\n");
                file(dir, "content/analysis/svar.md", &text);
            },
        },
    ]
}

fn main() {
    let runs: usize = env_number("RUNS", 5);
    let scale: usize = env_number("SCALE", 1);
    let cases = cases();
    // Words after `--` pick cases by name (cargo passes `--bench` itself).
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let cases: Vec<&Case> = cases
        .iter()
        .filter(|c| only.is_empty() || only.iter().any(|o| c.name.contains(o.as_str())))
        .collect();
    println!("stratdoc check, median of {runs} runs per size");
    println!(
        "{:<20} {:>7} {:>9} {:>9} {:>9} {:>6} {:>10} {:>10}",
        "case", "n", "input 2n", "time n", "time 2n", "ratio", "human 2n", "short 2n"
    );
    for case in &cases {
        let n = case.n * scale;
        let small = measure(case, n, runs);
        let large = measure(case, 2 * n, runs);
        println!(
            "{:<20} {:>7} {:>9} {:>9} {:>9} {:>6.2} {:>10} {:>10}",
            case.name,
            n,
            size(large.input),
            millis(small.time),
            millis(large.time),
            large.time.as_secs_f64() / small.time.as_secs_f64(),
            size(large.human),
            size(large.short),
        );
    }
    println!();
    for case in &cases {
        println!("{:<20} {}", case.name, case.what);
    }
}

struct Measured {
    time: Duration,
    input: usize,
    human: usize,
    short: usize,
}

fn measure(case: &Case, n: usize, runs: usize) -> Measured {
    let dir = tempfile::tempdir().expect("a temporary folder");
    file(dir.path(), "stratdoc.yaml", CONFIG);
    (case.write)(dir.path(), n);
    let input = walk_size(&dir.path().join("content"));
    let check = |format: &str| {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_stratdoc"))
            .args(["check", "--color", "never", "--message-format", format])
            .arg(dir.path())
            .output()
            .expect("runs stratdoc");
        assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
        (started.elapsed(), output.stderr.len())
    };
    check("human"); // warm the file cache
    let mut times: Vec<Duration> = (0..runs).map(|_| check("human").0).collect();
    times.sort();
    Measured { time: times[runs / 2], input, human: check("human").1, short: check("short").1 }
}

fn page(dir: &Path, path: &str, title: &str, body: &str) {
    file(dir, &format!("content/{path}"), &format!("---\ntitle: {title}\n---\n{body}"));
}

fn file(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    fs::write(path, text).expect("a file");
}

fn walk_size(dir: &Path) -> usize {
    fs::read_dir(dir)
        .expect("a folder")
        .map(|entry| {
            let entry = entry.expect("an entry");
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                walk_size(&entry.path())
            } else {
                usize::try_from(meta.len()).unwrap_or(usize::MAX)
            }
        })
        .sum()
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default).max(1)
}

fn millis(time: Duration) -> String {
    format!("{} ms", time.as_millis())
}

fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{}.{} MB", bytes >> 20, ((bytes % (1 << 20)) * 10) >> 20)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
