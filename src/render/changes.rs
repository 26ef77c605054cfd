//! What changed since a revision, written once as HTML for both outputs:
//! the site's changes page and the board edition's appendix. The summary
//! first, then the items by kind, then the pages whose text changed, each
//! change as a word-level diff in `<ins>` and `<del>` that says what it is
//! in words too (visually hidden), so it reads without colour or sight.
//! Every text is escaped here.

use std::fmt::Write as _;

use crate::compare::{Change, Comparison, Edge, Fact, KpiPart, Piece, Run, TextChange};
use crate::config::Language;
use crate::model::{PageId, Publication, Status};
use crate::render::format;
use crate::render::labels::Labels;
use crate::render::{Input, escape_html as esc};

/// How the changes are written into one output.
pub(crate) struct Writer<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) labels: &'a Labels,
    /// Where a link to a page goes in this output.
    pub(crate) href: &'a dyn Fn(PageId) -> Option<String>,
    /// The level of the sections' headings (`h2` on the site).
    pub(crate) level: u8,
}

/// The heading of the changes: "Ændringer siden bestyrelse-2026-12".
pub(crate) fn title(changes: &Comparison, labels: &Labels) -> String {
    labels.changes_since.replace('#', &changes.rev)
}

impl Writer<'_> {
    /// The whole of `changes` as HTML.
    pub(crate) fn html(&self, changes: &Comparison) -> String {
        let (t, h) = (self.labels, self.level);
        let mut out = String::new();
        let commit = t.changes_commit.replace('#', &changes.commit);
        let _ = write!(
            out,
            r#"<p class="changes-rev">{}</p>"#,
            esc(&format!("{} ({commit})", changes.rev))
        );
        let _ = write!(out, r#"<h{h} class="changes-heading">{}</h{h}>"#, esc(&t.changes_summary));
        let _ = write!(out, r#"<p class="changes-summary">{}</p>"#, esc(&self.summary(changes)));
        let publication = self.input.publication;
        let mut kinds: Vec<&str> = Vec::new();
        for item in &changes.items {
            if !kinds.contains(&item.kind.as_str()) {
                kinds.push(&item.kind);
            }
        }
        for kind in kinds {
            let words = publication.schema.find(kind).map(|k| publication.schema.kind(k));
            let heading = words.map_or(kind, |k| k.plural(self.input.config.language));
            let _ = write!(
                out,
                r#"<h{h} class="changes-heading">{}</h{h}><ul class="changes-items">"#,
                esc(heading)
            );
            for item in changes.items.iter().filter(|i| i.kind == kind) {
                out.push_str(&self.item(item));
            }
            out.push_str("</ul>");
        }
        if !changes.pages.is_empty() {
            let _ = write!(out, r#"<h{h} class="changes-heading">{}</h{h}>"#, esc(&t.changes_text));
            for page in &changes.pages {
                out.push_str(&self.page(page));
            }
        }
        out
    }

    /// "3 initiativer tilføjet, 2 forsinket, 4 afsluttet."
    pub(crate) fn summary(&self, changes: &Comparison) -> String {
        let (t, s) = (self.labels, changes.summary());
        if changes.is_empty() {
            return t.changes_none.clone();
        }
        let counts = [
            (s.added, &t.count_added),
            (s.removed, &t.count_removed),
            (s.delayed, &t.count_delayed),
            (s.advanced, &t.count_advanced),
            (s.completed, &t.count_completed),
            (s.status, &t.count_status),
        ];
        let mut parts: Vec<String> = Vec::new();
        for (n, word) in counts.into_iter().filter(|(n, _)| *n > 0) {
            let noun = if n == 1 { &t.initiative } else { &t.initiatives };
            let count = if parts.is_empty() {
                format!("{n} {}", noun.to_lowercase())
            } else {
                n.to_string()
            };
            parts.push(word.replace('#', &count));
        }
        if s.other > 0 {
            parts.push(t.count_other.replace('#', &s.other.to_string()));
        }
        match s.pages {
            0 => {}
            1 => parts.push(t.count_page.clone()),
            n => parts.push(t.count_pages.replace('#', &n.to_string())),
        }
        format!("{}.", parts.join(", "))
    }

    fn item(&self, item: &crate::compare::Item) -> String {
        let t = self.labels;
        let name = self.link(item.page, &item.title);
        let (tag, facts) = match &item.change {
            Change::Added => (&t.change_added, Vec::new()),
            Change::Removed => (&t.change_removed, Vec::new()),
            Change::Changed(facts) => {
                (&t.change_changed, facts.iter().map(|f| self.fact(f)).collect())
            }
        };
        let mut out = format!(r#"<li><span class="change-tag">{}</span> {name}"#, esc(tag));
        if !facts.is_empty() {
            out.push_str(r#"<ul class="change-facts">"#);
            for fact in facts {
                let _ = write!(out, "<li>{fact}</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
        out
    }

    /// One fact as "Label: then → now", escaped.
    fn fact(&self, fact: &Fact) -> String {
        let (t, language) = (self.labels, self.input.config.language);
        let publication = self.input.publication;
        let when = |w: Option<crate::calendar::When>| {
            w.map_or_else(|| t.none.clone(), |w| format::when(w, language))
        };
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| t.none.clone());
        let (label, from, to, note) = match fact {
            Fact::Title { from, to } => (t.title.clone(), from.clone(), to.clone(), None),
            Fact::Status { from, to } => (
                t.status.clone(),
                status(publication, *from, language),
                status(publication, *to, language),
                None,
            ),
            Fact::Moved { edge, from, to, quarters } => {
                let label = if *edge == Edge::Start { &t.export_start } else { &t.export_end };
                (label.clone(), when(*from), when(*to), quarters.map(|q| self.moved(q)))
            }
            Fact::Owners { from, to } => (
                t.owner.clone(),
                format::join_names(from, language),
                format::join_names(to, language),
                None,
            ),
            Fact::Directions { added, removed } => return self.directions(added, removed),
            Fact::Priority { from, to } => {
                let p = |p: &Option<crate::model::Priority>| {
                    p.map_or_else(
                        || t.none.clone(),
                        |p| publication.priority_label(p, language).to_owned(),
                    )
                };
                (t.priority.clone(), p(from), p(to), None)
            }
            Fact::Budget { from, to } => {
                let m = |c: &Option<i64>| {
                    c.map_or_else(
                        || t.none.clone(),
                        |c| format::money(c, &self.input.config.currency, language),
                    )
                };
                (t.budget.clone(), m(from), m(to), None)
            }
            Fact::Kpi { name, part, from, to } => {
                let what = match part {
                    KpiPart::Added => t.added_word.clone(),
                    KpiPart::Removed => t.removed_word.clone(),
                    KpiPart::Baseline => t.baseline.clone(),
                    KpiPart::Target => t.target.clone(),
                };
                (format!("{} »{name}«, {}", t.kpi, what.to_lowercase()), opt(from), opt(to), None)
            }
            Fact::Milestone { title, from, to } => {
                (format!("{} »{title}«", t.milestone), when(*from), when(*to), None)
            }
            Fact::Field { name, from, to } => (name.clone(), opt(from), opt(to), None),
        };
        let note = note.map(|n| format!(" ({})", esc(&n))).unwrap_or_default();
        format!(
            r#"{}: <del><span class="visually-hidden">{} </span>{}</del> → <ins><span class="visually-hidden">{} </span>{}</ins>{note}"#,
            esc(&label),
            esc(&t.deleted),
            esc(&from),
            esc(&t.inserted),
            esc(&to)
        )
    }

    /// "Strategiske retninger: tilføjet A; fjernet B", escaped.
    fn directions(&self, added: &[String], removed: &[String]) -> String {
        let (t, language) = (self.labels, self.input.config.language);
        let mut parts = Vec::new();
        if !added.is_empty() {
            parts.push(format!("{} {}", t.added_word, format::join_names(added, language)));
        }
        if !removed.is_empty() {
            parts.push(format!("{} {}", t.removed_word, format::join_names(removed, language)));
        }
        format!("{}: {}", esc(&t.directions), esc(&parts.join("; ")))
    }

    /// "2 kvartaler senere".
    fn moved(&self, quarters: i32) -> String {
        let t = self.labels;
        let n = quarters.unsigned_abs().to_string();
        match quarters {
            1 => t.quarter_later.clone(),
            -1 => t.quarter_earlier.clone(),
            q if q > 0 => t.quarters_later.replace('#', &n),
            _ => t.quarters_earlier.replace('#', &n),
        }
    }

    fn page(&self, page: &crate::compare::PageChange) -> String {
        let (t, h) = (self.labels, self.level + 1);
        let name = self.link(page.page, &page.title);
        let mut out = format!(r#"<div class="change-text"><h{h}>{name}</h{h}>"#);
        match &page.text {
            TextChange::Added => {
                let _ = write!(out, "<p>{}</p>", esc(&t.page_added));
            }
            TextChange::Removed => {
                let _ = write!(out, "<p>{}</p>", esc(&t.page_removed));
            }
            TextChange::Changed(paragraphs) => {
                for runs in paragraphs {
                    let _ = write!(out, r#"<p class="change-paragraph">{}</p>"#, self.runs(runs));
                }
            }
        }
        out.push_str("</div>");
        out
    }

    /// `title`, linked to page `id` where this output has it.
    fn link(&self, id: Option<PageId>, title: &str) -> String {
        match id.and_then(|id| (self.href)(id)) {
            Some(href) => format!(r#"<a href="{}">{}</a>"#, esc(&href), esc(title)),
            None => esc(title),
        }
    }

    /// Runs of words as text, `<ins>` and `<del>`.
    fn runs(&self, runs: &[Run]) -> String {
        let t = self.labels;
        let mut out = String::new();
        for run in runs {
            let (tag, word) = match run.piece {
                Piece::Kept => {
                    out.push_str(&esc(&run.text));
                    continue;
                }
                Piece::Inserted => ("ins", &t.inserted),
                Piece::Deleted => ("del", &t.deleted),
            };
            let _ = write!(
                out,
                r#"<{tag}><span class="visually-hidden">{} </span>{}</{tag}>"#,
                esc(word),
                esc(&run.text)
            );
        }
        out
    }
}

fn status(publication: &Publication, status: Status, language: Language) -> String {
    publication.status_label(status, language).to_owned()
}
