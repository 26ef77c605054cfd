//! What an edit changed, from the paths the file watcher reports: a page
//! (by its key, its path under `content/`), another file under `content/`,
//! or what every page depends on (`stratdoc.yaml`, templates, the theme,
//! the logo). A pure function of the paths, so it is tested without a
//! watcher (Zola's `filter_events` does the same).

use std::path::{Component, Path};

/// What a batch of changed paths means for the site.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    /// Pages whose files changed, by key (`initiatives/soc.md`).
    pub(crate) pages: Vec<String>,
    /// True when anything every page depends on changed, or a file other
    /// than a page under `content/` (a chart's data, an image).
    pub(crate) everything: bool,
}

impl Changes {
    /// Adds what `other` changed.
    pub(crate) fn add(&mut self, other: &Changes) {
        self.everything |= other.everything;
        for page in &other.pages {
            if !self.pages.contains(page) {
                self.pages.push(page.clone());
            }
        }
    }

    /// Whether nothing the site is made of changed.
    pub(crate) fn is_empty(&self) -> bool {
        self.pages.is_empty() && !self.everything
    }
}

/// What `paths` (absolute, as the watcher reports them) change in the
/// project at `root`; `logo` holds the logo's paths relative to `root`.
/// Hidden files (editors' swap files, `.git`) and anything outside the
/// inputs (the output folder) change nothing, and neither does a file that
/// is gone and was never part of the site (`known` says which were): the
/// temporary files editors and `sed -i` write and rename over a page.
pub(crate) fn changes<'p>(
    root: &Path,
    logo: &[String],
    known: &dyn Fn(&str) -> bool,
    paths: impl IntoIterator<Item = &'p Path>,
) -> Changes {
    let mut changes = Changes::default();
    for path in paths {
        let Ok(rel) = path.strip_prefix(root) else { continue };
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => name.to_str(),
                _ => None,
            })
            .collect();
        if parts.is_empty() || parts.iter().any(|p| p.starts_with('.') || p.ends_with('~')) {
            continue;
        }
        let rel = parts.join("/");
        match parts[0] {
            "content" if crate::source::is_markdown(&rel) => {
                // Pages are known by their path in NFC, as the build reads it.
                let key = crate::nfc::nfc(&rel["content/".len()..]).into_owned();
                if !changes.pages.contains(&key) {
                    changes.pages.push(key);
                }
            }
            "content" if !path.exists() && !known(&rel) => {}
            "content" | "templates" | "themes" => changes.everything = true,
            _ if rel == "stratdoc.yaml" || logo.contains(&rel) => changes.everything = true,
            _ => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn of(paths: &[&str]) -> Changes {
        let root = Path::new("/p");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        changes(
            root,
            &["logo.svg".to_owned()],
            &|rel| Path::new(rel).extension().is_some_and(|e| e == "csv"),
            paths.iter().map(PathBuf::as_path),
        )
    }

    #[test]
    fn a_page_is_named_by_its_key_once() {
        let got = of(&["content/initiatives/soc.md", "content/initiatives/soc.md"]);
        assert_eq!(got, Changes { pages: vec!["initiatives/soc.md".into()], everything: false });
    }

    #[test]
    fn what_every_page_depends_on_changes_everything() {
        for path in [
            "stratdoc.yaml",
            "templates/base.html",
            "themes/x/static/style.css",
            "logo.svg",
            "content/analysis/svar.csv",
        ] {
            assert!(of(&[path]).everything, "{path}");
        }
    }

    #[test]
    fn a_file_that_is_gone_and_was_never_in_the_site_changes_nothing() {
        assert!(of(&["content/initiatives/sedX1b2c3"]).is_empty(), "a temporary file");
        assert!(of(&["content/analysis/gone.csv"]).everything, "a file the site had");
    }

    #[test]
    fn hidden_files_and_the_output_change_nothing() {
        for path in
            ["content/.soc.md.swp", ".git/index", "public/index.html", "content/a.md~", "README.md"]
        {
            assert!(of(&[path]).is_empty(), "{path}");
        }
    }
}
