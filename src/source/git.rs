//! The project as git holds it: a revision's files read straight from the
//! object database (no checkout, the working tree untouched), when each
//! page last changed, and the commit a build is made from. The only module
//! that names gix.
//!
//! A revision's files go into [`Sources`] under `REV:path`, so a problem in
//! them is reported where it is at that revision, and are held to the
//! rules the disk's are: hidden names are left out, and nothing outside the
//! project's folder in the repository is read. A symbolic link stored in
//! git is not followed (it may lead anywhere on the machine that built it).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;

use crate::calendar::Date;
use crate::config::{self, ConfigFile};
use crate::diagnostics::{Diagnostics, Sources, decode};
use crate::error::Error;
use crate::source::confine::is_hidden;
use crate::source::{Asset, Content, PageSource, TableSource, is_markdown};

/// The repository a project lies in, and where in it.
pub struct Repository {
    repo: gix::Repository,
    /// The project's folder relative to the repository's top, `/`-separated
    /// (empty at the top).
    prefix: String,
}

/// One revision of the project: its folder's tree at a commit.
pub struct Revision<'r> {
    repo: &'r Repository,
    /// As the user wrote it (`bestyrelse-2026-12`), for messages and paths.
    pub rev: String,
    /// The commit's short hash.
    pub commit: String,
    /// The project's folder at that commit.
    tree: ObjectId,
}

/// What git says of the files a build is made from: the commit checked
/// out and when each page last changed. Empty outside a repository or with
/// `--no-git`.
#[derive(Debug, Default)]
pub struct History {
    /// The short hash of `HEAD`.
    pub commit: Option<String>,
    /// The day each page (by its path under `content/`) last changed in a
    /// commit, in UTC.
    pub changed: HashMap<String, Date>,
}

impl Repository {
    /// The history of the pages at `paths` (under `content/`).
    #[must_use]
    pub fn history<'p>(&self, paths: impl Iterator<Item = &'p str>) -> History {
        let wanted: HashSet<String> = paths.map(str::to_owned).collect();
        let changed = self
            .last_changed(&wanted)
            .into_iter()
            .filter_map(|(path, secs)| {
                Some((path, Date::from_unix_seconds(secs.try_into().ok()?)?))
            })
            .collect();
        History { commit: self.head(), changed }
    }
}

/// A tree's entry, owned: gix lends them from the tree's buffer.
struct Entry {
    name: String,
    oid: ObjectId,
    tree: bool,
    blob: bool,
}

impl Repository {
    /// The repository the project in `root` lies in; `None` outside one
    /// (or in a bare one, which has no project folder to build).
    #[must_use]
    pub fn discover(root: &Path) -> Option<Repository> {
        let root = std::fs::canonicalize(root).ok()?;
        let mut repo = gix::discover(&root).ok()?;
        let top = std::fs::canonicalize(repo.workdir()?).ok()?;
        let rel = root.strip_prefix(&top).ok()?;
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        // Walking history decodes each commit twice; a small cache halves it.
        repo.object_cache_size_if_unset(4 << 20);
        Some(Repository { repo, prefix: parts?.join("/") })
    }

    /// The short hash of the commit checked out (`HEAD`), if any.
    #[must_use]
    pub fn head(&self) -> Option<String> {
        Some(self.repo.head_id().ok()?.shorten().ok()?.to_string())
    }

    /// The project as it was at `rev`: an error (exit 2) when `rev` names
    /// no commit, or the project's folder, `stratdoc.yaml` or `content/`
    /// did not exist there.
    pub fn revision(&self, rev: &str) -> Result<Revision<'_>, Error> {
        let fail = |reason: String| Error::Revision { rev: rev.to_owned(), reason };
        let id = self.repo.rev_parse_single(rev).map_err(|_| {
            fail("no such revision in this repository (a tag, branch or commit: see `git tag`, `git log`)".to_owned())
        })?;
        let commit = id
            .object()
            .ok()
            .and_then(|o| o.peel_to_commit().ok())
            .ok_or_else(|| fail("it names no commit".to_owned()))?;
        let short = commit.id().shorten().map_or_else(|_| commit.id.to_string(), |s| s.to_string());
        let missing = || {
            let place = if self.prefix.is_empty() {
                "at the top of the repository".to_owned()
            } else {
                format!("in `{}/`", self.prefix)
            };
            fail(format!(
                "the project did not exist there: no `{}` and `content/` {place} at commit {short}",
                config::FILE
            ))
        };
        let root = commit.tree_id().map_err(|_| missing())?.detach();
        let tree = self.lookup(root, &self.prefix).ok_or_else(missing)?;
        let entries = self.entries(tree);
        let has = |name: &str, tree: bool| entries.iter().any(|e| e.name == name && e.tree == tree);
        if !has(config::FILE, false) || !has("content", true) {
            return Err(missing());
        }
        Ok(Revision { repo: self, rev: rev.to_owned(), commit: short, tree })
    }

    /// The tree at `path` (`/`-separated) under `tree`.
    fn lookup(&self, tree: ObjectId, path: &str) -> Option<ObjectId> {
        path.split('/').filter(|p| !p.is_empty()).try_fold(tree, |tree, part| {
            self.entries(tree).into_iter().find(|e| e.tree && e.name == part).map(|e| e.oid)
        })
    }

    /// The entries of tree `id` (none when it cannot be read).
    fn entries(&self, id: ObjectId) -> Vec<Entry> {
        let Ok(tree) = self.repo.find_tree(id) else { return Vec::new() };
        let Ok(decoded) = tree.decode() else { return Vec::new() };
        decoded
            .entries
            .iter()
            .filter_map(|e| {
                Some(Entry {
                    name: std::str::from_utf8(e.filename).ok()?.to_owned(),
                    oid: e.oid.to_owned(),
                    tree: e.mode.is_tree(),
                    blob: e.mode.is_blob(),
                })
            })
            .collect()
    }

    fn blob(&self, id: ObjectId) -> Option<Vec<u8>> {
        Some(self.repo.find_blob(id).ok()?.data.clone())
    }

    /// When each of `wanted` (paths under `content/`) last changed, in
    /// seconds since 1970, from one walk of the history from `HEAD`, newest
    /// first, that ends once every one is dated. A file changed in a
    /// commit when it differs from it in every parent (as `git log` sees
    /// it: a merge changes only what it changes itself).
    ///
    /// Only the files `HEAD` holds are looked for: each is dated by the
    /// commit that last changed it, at the latest the one that added it, so
    /// the walk ends there; a file git does not track (a new page, or a
    /// project in no commit at all) would take it to the first commit.
    #[must_use]
    pub fn last_changed(&self, wanted: &HashSet<String>) -> HashMap<String, i64> {
        let mut dated = HashMap::new();
        let Ok(head) = self.repo.head_id() else { return dated };
        let content = format!("{}/content", self.prefix);
        let mut trees: HashMap<ObjectId, Option<ObjectId>> = HashMap::new();
        let mut tree_of = |commit: ObjectId| -> Option<ObjectId> {
            *trees.entry(commit).or_insert_with(|| {
                let root = self.repo.find_commit(commit).ok()?.tree_id().ok()?.detach();
                self.lookup(root, &content)
            })
        };
        let mut tracked = HashSet::new();
        if let Some(tree) = tree_of(head.detach()) {
            self.changed(None, tree, "", &mut tracked);
        }
        let wanted: HashSet<String> = wanted.intersection(&tracked).cloned().collect();
        if wanted.is_empty() {
            return dated;
        }
        let newest = gix::traverse::commit::simple::CommitTimeOrder::NewestFirst;
        let order = gix::revision::walk::Sorting::ByCommitTime(newest);
        let Ok(walk) = self.repo.rev_walk([head.detach()]).sorting(order).all() else {
            return dated;
        };
        for info in walk {
            let Ok(info) = info else { break };
            let Some(tree) = tree_of(info.id) else { continue };
            let parents: Vec<Option<ObjectId>> =
                info.parent_ids.iter().map(|p| tree_of(*p)).collect();
            if parents.contains(&Some(tree)) {
                continue;
            }
            let mut changed: Option<HashSet<String>> = None;
            for parent in parents.iter().copied().chain(parents.is_empty().then_some(None)) {
                let mut paths = HashSet::new();
                self.changed(parent, tree, "", &mut paths);
                changed = Some(match changed {
                    None => paths,
                    Some(before) => before.intersection(&paths).cloned().collect(),
                });
            }
            let time = info.commit_time.unwrap_or_default();
            for path in changed.unwrap_or_default() {
                if wanted.contains(&path) {
                    dated.entry(path).or_insert(time);
                }
            }
            if dated.len() == wanted.len() {
                break;
            }
        }
        dated
    }

    /// The files of tree `new` that tree `old` lacks or holds otherwise,
    /// into `out` under `prefix`; only subtrees that differ are read.
    fn changed(
        &self,
        old: Option<ObjectId>,
        new: ObjectId,
        prefix: &str,
        out: &mut HashSet<String>,
    ) {
        let before: HashMap<String, (ObjectId, bool)> = old
            .map(|old| self.entries(old).into_iter().map(|e| (e.name, (e.oid, e.tree))).collect())
            .unwrap_or_default();
        for entry in self.entries(new) {
            let was = before.get(&entry.name);
            if was.is_some_and(|(oid, _)| *oid == entry.oid) {
                continue;
            }
            let path = nfc(format!("{prefix}{}", entry.name));
            if entry.tree {
                let old = was.filter(|(_, tree)| *tree).map(|(oid, _)| *oid);
                self.changed(old, entry.oid, &format!("{path}/"), out);
            } else {
                out.insert(path);
            }
        }
    }
}

impl Revision<'_> {
    /// Reads `stratdoc.yaml` and `content/` at this revision, as
    /// `Project::load_config` and `Project::load_content` read them from
    /// the disk; the files' paths in `sources` start with `REV:`.
    pub fn load(&self, sources: &mut Sources, diags: &mut Diagnostics) -> (ConfigFile, Content) {
        let repo = self.repo;
        let entries = repo.entries(self.tree);
        let find = |name: &str| entries.iter().find(|e| e.name == name);
        let bytes = find(config::FILE).and_then(|e| repo.blob(e.oid)).unwrap_or_default();
        let decoded = decode(bytes);
        let problem = decoded.problem;
        let id = sources.add_decoded(format!("{}:{}", self.rev, config::FILE), decoded);
        diags.extend(problem.map(|p| p.at(id)));
        let path = PathBuf::from(format!("{}:{}", self.rev, config::FILE));
        let mut content = Content::default();
        if let Some(dir) = find("content") {
            self.walk(dir.oid, "", sources, &mut content);
        }
        (ConfigFile { id, path }, content)
    }

    /// Adds the files of tree `id`, at `rel` under `content/`, to `content`.
    fn walk(&self, id: ObjectId, rel: &str, sources: &mut Sources, content: &mut Content) {
        for entry in self.repo.entries(id) {
            if is_hidden(std::ffi::OsStr::new(&entry.name)) {
                continue;
            }
            let path = nfc(format!("{rel}{}", entry.name));
            if entry.tree {
                self.walk(entry.oid, &format!("{path}/"), sources, content);
                continue;
            }
            if !entry.blob {
                continue;
            }
            let shown = format!("{}:content/{path}", self.rev);
            let csv = Path::new(&path).extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            if is_markdown(&path) || csv {
                let decoded = decode(self.repo.blob(entry.oid).unwrap_or_default());
                let utf8 = decoded.problem.is_none();
                let id = sources.add_decoded(shown, decoded);
                if is_markdown(&path) {
                    content.pages.push(PageSource { id, path });
                    continue;
                }
                content.tables.push(TableSource { rel: path.clone(), id, utf8 });
            }
            // Never copied: a revision is compared, not published.
            content.assets.push(Asset { rel: path, abs: PathBuf::new() });
        }
    }
}

/// `text` in Unicode NFC, as the disk's paths are read.
fn nfc(text: String) -> String {
    crate::nfc::into_nfc(text)
}
