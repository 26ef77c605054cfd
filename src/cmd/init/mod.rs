//! `stratdoc init`: a new project from the starter in `starter/`, a small
//! strategy that builds with no warning: every setting of `stratdoc.yaml`
//! with a comment, a purpose, a chapter, two directions, three initiatives
//! (in Danish or English), a `.gitignore` for the outputs and a GitHub
//! Actions workflow that checks the strategy and publishes the site.
//!
//! It never overwrites a file: each is created only if nothing has its
//! name (`create_new`, so not even a file made meanwhile, or a symbolic
//! link, is written through). A folder that is not empty is refused
//! unless `--force`, which adds only the files that are missing.
//!
//! The starter's times are written from the year of the run (`{{YEAR}}`,
//! `{{YEAR+1}}`, …), so its plan is current and no status contradicts the
//! plan's now when it is first built.

use std::ffi::OsStr;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{InitArgs, StarterLanguage};
use crate::error::Error;

/// The files every starter has, by their path in the new project.
const COMMON: &[(&str, &str)] = &[
    (".gitignore", include_str!("starter/gitignore")),
    (".github/workflows/stratdoc.yml", include_str!("starter/github-workflow.yml")),
];

/// The Danish starter.
const DA: &[(&str, &str)] = &[
    ("stratdoc.yaml", include_str!("starter/da/stratdoc.yaml")),
    ("content/purpose.md", include_str!("starter/da/content/purpose.md")),
    (
        "content/narrative/01-hvorfor-nu.md",
        include_str!("starter/da/content/narrative/01-hvorfor-nu.md"),
    ),
    (
        "content/directions/sikker-drift.md",
        include_str!("starter/da/content/directions/sikker-drift.md"),
    ),
    ("content/directions/data.md", include_str!("starter/da/content/directions/data.md")),
    (
        "content/initiatives/beredskabsplan.md",
        include_str!("starter/da/content/initiatives/beredskabsplan.md"),
    ),
    (
        "content/initiatives/datakatalog.md",
        include_str!("starter/da/content/initiatives/datakatalog.md"),
    ),
    (
        "content/initiatives/datakompetencer.md",
        include_str!("starter/da/content/initiatives/datakompetencer.md"),
    ),
];

/// The English starter.
const EN: &[(&str, &str)] = &[
    ("stratdoc.yaml", include_str!("starter/en/stratdoc.yaml")),
    ("content/purpose.md", include_str!("starter/en/content/purpose.md")),
    ("content/narrative/01-why-now.md", include_str!("starter/en/content/narrative/01-why-now.md")),
    (
        "content/directions/reliable-services.md",
        include_str!("starter/en/content/directions/reliable-services.md"),
    ),
    ("content/directions/data.md", include_str!("starter/en/content/directions/data.md")),
    (
        "content/initiatives/continuity-plan.md",
        include_str!("starter/en/content/initiatives/continuity-plan.md"),
    ),
    (
        "content/initiatives/data-catalogue.md",
        include_str!("starter/en/content/initiatives/data-catalogue.md"),
    ),
    (
        "content/initiatives/data-skills.md",
        include_str!("starter/en/content/initiatives/data-skills.md"),
    ),
];

/// Makes the project; returns the summary line.
pub(super) fn run(args: &InitArgs) -> Result<String, Error> {
    let dir = &args.dir;
    if !args.force && !is_empty(dir)? {
        return Err(Error::UnsafeOutput {
            path: dir.clone(),
            reason: "the folder is not empty; `stratdoc init` starts a project in an empty or new folder (`--force` adds only the starter's files that are missing, and changes no file there)".to_owned(),
        });
    }
    let year = super::build_date(std::env::var_os("SOURCE_DATE_EPOCH"))?.year;
    let language = match args.language {
        StarterLanguage::Da => DA,
        StarterLanguage::En => EN,
    };
    let mut made = 0;
    for (path, text) in language.iter().chain(COMMON) {
        if create(&dir.join(path), &fill(text, year))? {
            made += 1;
        } else {
            // Said as it happens, so a failure later still leaves the record.
            super::complain(format_args!(
                "warning: `{}` exists; left as it is",
                dir.join(path).display()
            ));
        }
    }
    let next = if dir == Path::new(".") {
        String::new()
    } else {
        format!("`cd {}`, then ", dir.display())
    };
    Ok(format!(
        "made {made} files of a new strategy in {}; next: {next}`stratdoc serve --open` to write with a live preview",
        dir.display()
    ))
}

/// True when `dir` is missing or holds nothing but a `.git` (a fresh clone
/// or `git init` is a good place to start).
fn is_empty(dir: &Path) -> Result<bool, Error> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(err) => return Err(Error::io("read", dir)(err)),
    };
    for entry in entries {
        let entry = entry.map_err(Error::io("read", dir))?;
        if entry.file_name() != OsStr::new(".git") {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Writes `text` to `path` if nothing is there; false when something is.
/// A file that cannot be written whole (a full disk) is removed: no
/// command leaves half a page behind.
pub(super) fn create(path: &Path, text: &str) -> Result<bool, Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(Error::io("create", parent))?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(err) => return Err(Error::io("create", path)(err)),
    };
    if let Err(err) = file.write_all(text.as_bytes()) {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(Error::io("write", path)(err));
    }
    Ok(true)
}

/// `text` with `{{YEAR}}` and `{{YEAR+N}}` (N one digit) written out for `year`.
fn fill(text: &str, year: u16) -> String {
    let mut out = text.replace("{{YEAR}}", &year.to_string());
    for n in 1..10 {
        out = out.replace(&format!("{{{{YEAR+{n}}}}}"), &(year + n).to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_written_from_the_year_of_the_run() {
        assert_eq!(fill("{{YEAR}}–{{YEAR+3}}, {{YEAR+1}}-Q2", 2027), "2027–2030, 2028-Q2");
    }

    #[test]
    fn both_starters_have_the_same_parts() {
        assert_eq!(DA.len(), EN.len());
        for (path, text) in DA.iter().chain(EN).chain(COMMON) {
            assert!(!fill(text, 2027).contains("{{YEAR"), "{path}: a placeholder is left");
        }
    }

    /// Every key of the README's settings table is in both starters'
    /// `stratdoc.yaml`, set or commented out with what it does.
    #[test]
    fn the_starter_settings_name_every_key() {
        let readme = include_str!("../../../README.md");
        let section = readme.split("## Configuration").nth(1).unwrap();
        let table = section.split("**The organisation's words.**").next().unwrap();
        let keys: Vec<&str> =
            table.lines().filter_map(|l| l.strip_prefix("| `")?.split('`').next()).collect();
        assert!(keys.len() >= 18, "{keys:?}");
        for (_, config) in [DA[0], EN[0]] {
            for key in &keys {
                assert!(
                    config
                        .lines()
                        .any(|l| l.trim_start_matches("# ").starts_with(&format!("{key}:"))),
                    "the starter's settings lack `{key}`"
                );
            }
        }
    }
}
