//! What `serve` keeps from one build for the next, so that a save re-does
//! only what it touched: the templates compiled from the theme's files, and
//! each page as read from its file (frontmatter parsed, fields read: a
//! function of the file and the settings alone).
//!
//! Templates are keyed by their text. A page is keyed by its file's size
//! and modification time, taken before it was read, and `serve` forgets
//! each page the watcher reports: a page is reused only when both say it
//! did not change, so neither a missed file event nor a clock too coarse
//! to tell two saves apart serves a stale page. What a reused page's text
//! must be is noted in the sources, so a later read of it (the render
//! pass's) still finds a file changed since. A one-page edit in a
//! 1,000-page project then reads and parses one file, stamps the rest, and
//! compiles no template.
//!
//! `build`, `check` and `pdf` run once and pass no `Reuse`: keeping every
//! page would only cost them memory.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::FxHasher;

use crate::artifact::Contents;
use crate::diagnostics::{Diagnostics, SourceId, fingerprint};
use crate::model::Read;
use crate::render::Templates;
use crate::source::Theme;

/// What one build leaves for the next.
#[derive(Default)]
pub struct Reuse {
    /// The hash of `stratdoc.yaml`'s text the entries below were made
    /// under: its kinds decide how a page is read.
    settings: u64,
    templates: Option<(u64, Arc<Templates>)>,
    pages: HashMap<String, Page>,
}

/// What a page is kept under: its file as it was stamped, the
/// fingerprint of the text read, and how it was read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    pub(crate) stamp: Stamp,
    pub(crate) fingerprint: u64,
    pub(crate) plain: bool,
}

/// A file's size and modification time.
pub(crate) type Stamp = (u64, SystemTime);

/// The stamp of the file at `path`, if it can be read.
pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// One page as read, and what it was read from.
struct Page {
    source: SourceId,
    key: Key,
    read: Read,
    found: Diagnostics,
}

/// A page taken from [`Reuse`].
pub(crate) struct Kept {
    pub(crate) read: Read,
    /// What reading and parsing it found.
    pub(crate) found: Diagnostics,
    /// The fingerprint of the text it was parsed from.
    pub(crate) fingerprint: u64,
}

impl Reuse {
    /// Starts a build under settings written as `text`: under other
    /// settings, nothing kept is used.
    pub(crate) fn settings(&mut self, text: &str) {
        let key = fingerprint(text);
        if key != self.settings {
            *self = Reuse { settings: key, ..Reuse::default() };
        }
    }

    /// The templates compiled from `theme` before, if its files are as they
    /// were (their text, their place in the sources, the static files).
    pub(crate) fn templates(&self, theme: &Theme) -> Option<Arc<Templates>> {
        let (key, templates) = self.templates.as_ref()?;
        (*key == theme_key(theme)).then(|| Arc::clone(templates))
    }

    /// Keeps `templates`, compiled from `theme`.
    pub(crate) fn keep_templates(&mut self, theme: &Theme, templates: &Arc<Templates>) {
        self.templates = Some((theme_key(theme), Arc::clone(templates)));
    }

    /// Page `path` (with id `source`, read as `plain` or not) as read from
    /// a file with the same `stamp`, unless forgotten since.
    pub(crate) fn page(
        &self,
        path: &str,
        source: SourceId,
        stamp: Stamp,
        plain: bool,
    ) -> Option<Kept> {
        let page = self.pages.get(path)?;
        let same = page.source == source && page.key.plain == plain && page.key.stamp == stamp;
        same.then(|| Kept {
            read: page.read.clone(),
            found: page.found.clone(),
            fingerprint: page.key.fingerprint,
        })
    }

    /// Keeps page `read`, read from source `source` under `key`.
    pub(crate) fn keep_page(
        &mut self,
        key: Key,
        source: SourceId,
        read: &Read,
        found: &Diagnostics,
    ) {
        let page = Page { source, key, read: read.clone(), found: found.clone() };
        self.pages.insert(read.path().to_owned(), page);
    }

    /// Forgets `pages` (keys as `content/` holds them: `initiatives/soc.md`),
    /// which the watcher saw change.
    pub(crate) fn forget(&mut self, pages: &[String]) {
        for page in pages {
            self.pages.remove(page);
        }
    }

    /// Forgets the pages not in `paths` (deleted or renamed since).
    pub(crate) fn retain_pages<'a>(&mut self, paths: impl Iterator<Item = &'a str>) {
        let live: std::collections::HashSet<&str> = paths.collect();
        self.pages.retain(|path, _| live.contains(path.as_str()));
    }
}

/// What the compiled templates depend on: each template's name, text and
/// source id (a template error points into the sources), and each static
/// file's name and bytes or path (a copied file is read when written).
fn theme_key(theme: &Theme) -> u64 {
    let mut hasher = FxHasher::default();
    theme.name.hash(&mut hasher);
    for template in &theme.templates {
        (&template.name, &template.text, template.source).hash(&mut hasher);
    }
    for file in &theme.statics {
        file.name.hash(&mut hasher);
        match &file.contents {
            Contents::Bytes(bytes) => bytes.hash(&mut hasher),
            Contents::Copy(path) => path.hash(&mut hasher),
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;
    use crate::config::Config;
    use crate::model::{Parsed, read_page};
    use crate::source::StaticFile;

    const AT: SystemTime = UNIX_EPOCH;

    fn read(path: &str) -> Read {
        let text = format!("---\ntitle: {path}\n---\nTekst.\n");
        let frontmatter = crate::frontmatter::parse(SourceId(3), &text, &mut Diagnostics::new());
        let parsed = Parsed::new(SourceId(3), path, frontmatter, &text);
        read_page(&parsed, &Config::default(), &mut Diagnostics::new())
    }

    fn key(stamp: Stamp) -> Key {
        Key { stamp, fingerprint: 7, plain: false }
    }

    fn kept() -> Reuse {
        let mut reuse = Reuse::default();
        reuse.settings("title: T\n");
        reuse.keep_page(key((10, AT)), SourceId(3), &read("a.md"), &Diagnostics::new());
        reuse
    }

    #[test]
    fn a_page_is_taken_only_from_the_same_stamp_place_and_reading() {
        let reuse = kept();
        let same = reuse.page("a.md", SourceId(3), (10, AT), false).expect("kept");
        assert_eq!((same.read.path(), same.fingerprint), ("a.md", 7));
        assert!(reuse.page("a.md", SourceId(3), (11, AT), false).is_none(), "size");
        let later = AT + Duration::from_nanos(1);
        assert!(reuse.page("a.md", SourceId(3), (10, later), false).is_none(), "time");
        assert!(reuse.page("a.md", SourceId(4), (10, AT), false).is_none(), "source id");
        assert!(reuse.page("a.md", SourceId(3), (10, AT), true).is_none(), "read as plain");
        assert!(reuse.page("b.md", SourceId(3), (10, AT), false).is_none(), "another page");
    }

    #[test]
    fn pages_the_watcher_saw_or_that_are_gone_are_forgotten() {
        let mut reuse = kept();
        reuse.forget(&["a.md".to_owned()]);
        assert!(reuse.page("a.md", SourceId(3), (10, AT), false).is_none());
        let mut reuse = kept();
        reuse.retain_pages(["b.md"].into_iter());
        assert!(reuse.page("a.md", SourceId(3), (10, AT), false).is_none());
    }

    #[test]
    fn other_settings_forget_everything() {
        let mut reuse = kept();
        reuse.settings("title: T\n");
        assert!(reuse.page("a.md", SourceId(3), (10, AT), false).is_some(), "the same settings");
        reuse.settings("title: T\nlanguage: en\n");
        assert!(reuse.page("a.md", SourceId(3), (10, AT), false).is_none());
    }

    #[test]
    fn templates_are_taken_only_from_the_same_theme_files() {
        let theme = Theme::built_in();
        let templates = Arc::new(Templates::new(&theme, &mut Diagnostics::new()).unwrap());
        let mut reuse = Reuse::default();
        reuse.keep_templates(&theme, &templates);
        assert!(reuse.templates(&theme).is_some_and(|t| Arc::ptr_eq(&t, &templates)));
        let mut changed = theme.clone();
        changed.templates[0].text.push('\n');
        assert!(reuse.templates(&changed).is_none(), "a template's text");
        let mut moved = theme.clone();
        moved.templates[0].source = Some(SourceId(1));
        assert!(reuse.templates(&moved).is_none(), "a template's place in the sources");
        let mut restyled = theme;
        restyled
            .statics
            .push(StaticFile { name: "x.css".into(), contents: Contents::Bytes(vec![1]) });
        assert!(reuse.templates(&restyled).is_none(), "a static file");
    }
}
