//! A page's declared fields that no role of its kind shows, as its facts
//! box shows them: each with its label in the site's language and its
//! value formatted by its type: references as links, an enum's value by
//! its words, times and dates as the language writes them, amounts as
//! money, Markdown as HTML.

use serde::Serialize;

use crate::diagnostics::SourceId;
use crate::markdown::{self, Href, HtmlOptions};
use crate::model::{FieldId, PageId, Value};
use crate::render::format;
use crate::render::view::{Link, Views};
use crate::schema::{Field, Type};

/// One field in a facts box.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(crate) struct FieldView {
    /// Its key, for the theme (`fact-horizon`).
    name: String,
    /// Its label.
    label: String,
    /// Its value as text.
    text: Option<String>,
    /// The sign an enum's value is shown with, before its text.
    symbol: Option<String>,
    /// Its value as HTML (Markdown, written with raw HTML as text).
    html: Option<String>,
    /// Its value as links: to pages (from the output's root), or a web
    /// address (`external`).
    links: Vec<Link>,
    external: bool,
    /// A long value, given the box's width.
    wide: bool,
}

impl Views<'_> {
    /// The declared fields of page `id` that have a value and no role of
    /// its kind shows, in the order its kind declares them, then the pages
    /// that name it in such a field (its backlinks): a relation is shown at
    /// both its ends.
    pub(crate) fn fields(&self, id: PageId) -> Vec<FieldView> {
        let page = &self.publication[id];
        let schema = &self.publication.schema;
        let own = schema
            .fields(page.kind)
            .filter(|(_, declared)| !declared.role)
            .filter_map(|(field, declared)| self.field(declared, page.value(field)?));
        own.chain(self.backlinks(id)).collect()
    }

    /// For each reference field no role shows that may name page `id`, the
    /// pages naming it, in reading order, as a fact: named by the field's
    /// `backlink` words, else by the naming kind's plural (with the field's
    /// label when that kind has several such fields).
    fn backlinks(&self, id: PageId) -> impl Iterator<Item = FieldView> + '_ {
        let publication = self.publication;
        let (schema, language) = (&publication.schema, self.config.language);
        let target = Some(publication[id].kind);
        let fields = schema.kinds().flat_map(move |(kind, _)| {
            let named = move |(_, f): &(FieldId, &Field)| !f.role && f.ty.target() == target;
            let several = schema.fields(kind).filter(named).count() > 1;
            schema.fields(kind).filter(named).map(move |(field, f)| (field, f, several))
        });
        fields.filter_map(move |(field, declared, several)| {
            let pages = publication.relations.backlinks(field, id);
            if pages.is_empty() {
                return None;
            }
            let plural = schema.kind(field.kind).plural(language);
            let label = declared.backlink.as_ref().map_or_else(
                || {
                    if several {
                        format!("{plural} ({})", declared.label(language))
                    } else {
                        plural.to_owned()
                    }
                },
                |words| words.get(language).to_owned(),
            );
            Some(FieldView {
                name: format!("{}-{}", schema.kind(field.kind).id, declared.name),
                label,
                text: None,
                symbol: None,
                html: None,
                links: pages.iter().map(|&p| self.link(p)).collect(),
                external: false,
                wide: pages.len() > 1,
            })
        })
    }

    fn field(&self, declared: &Field, value: &Value) -> Option<FieldView> {
        let language = self.config.language;
        let mut view = FieldView {
            name: declared.name.clone(),
            label: declared.label(language).to_owned(),
            text: None,
            symbol: None,
            html: None,
            links: Vec::new(),
            external: false,
            wide: false,
        };
        match (&declared.ty, value) {
            (_, Value::Refs(refs)) if !refs.is_empty() => {
                view.links = refs.iter().map(|r| self.link(r.page)).collect();
                view.wide = refs.len() > 1;
            }
            (Type::Url, Value::Text(url)) => {
                view.links = vec![Link { title: url.clone(), url: url.clone() }];
                view.external = true;
            }
            (Type::List(of), Value::List(items)) if **of == Type::Url => {
                let url = |item: &Value| match item {
                    Value::Text(url) => Some(Link { title: url.clone(), url: url.clone() }),
                    _ => None,
                };
                view.links = items.iter().filter_map(url).collect();
                view.external = true;
                view.wide = items.len() > 1;
            }
            (Type::Markdown, Value::Text(text)) => {
                view.html = Some(self.markdown(text));
                view.wide = true;
            }
            (Type::Enum(choices), Value::Choice(i)) => {
                view.text = Some(self.text(&declared.ty, value)?);
                view.symbol = choices.get(*i).and_then(|c| c.symbol.clone());
            }
            (ty, value) => view.text = Some(self.text(ty, value)?).filter(|t| !t.is_empty()),
        }
        (view.text.is_some() || view.html.is_some() || !view.links.is_empty()).then_some(view)
    }

    /// A plain value (or a list of them) of type `ty` as text.
    fn text(&self, ty: &Type, value: &Value) -> Option<String> {
        let language = self.config.language;
        Some(match value {
            Value::Text(text) | Value::Number(text) => text.clone(),
            Value::Integer(n) => n.to_string(),
            Value::Boolean(b) => (if *b { &self.labels.yes } else { &self.labels.no }).clone(),
            Value::Date(d) => format::date(*d, language),
            Value::Time(w) => format::when(*w, language),
            Value::Choice(i) => match ty {
                Type::Enum(choices) => {
                    let choice = choices.get(*i)?;
                    choice
                        .label
                        .as_ref()
                        .map_or(choice.name.as_str(), |l| l.get(language))
                        .to_owned()
                }
                _ => return None,
            },
            Value::Amount(cents) => self.money(*cents),
            Value::List(items) => {
                let of = match ty {
                    Type::List(of) => of,
                    _ => &Type::Text,
                };
                let items: Vec<String> = items.iter().filter_map(|v| self.text(of, v)).collect();
                items.join("; ")
            }
            Value::Budget(budget) => match &budget.note {
                Some(note) => format!("{} ({note})", self.money(budget.cents)),
                None => self.money(budget.cents),
            },
            Value::Handovers(handovers) => {
                let each = handovers.iter().map(|h| {
                    let from = format::when(h.from, language);
                    format!("{} ({from})", format::join_names(&h.owners, language))
                });
                each.collect::<Vec<_>>().join("; ")
            }
            Value::Kpis(kpis) => {
                kpis.iter().map(|k| k.name.as_str()).collect::<Vec<_>>().join("; ")
            }
            Value::Milestones(milestones) => {
                let each = milestones
                    .iter()
                    .map(|m| format!("{}: {}", format::when(m.quarter, language), m.title));
                each.collect::<Vec<_>>().join("; ")
            }
            Value::Ids(_) | Value::Refs(_) | Value::Charts(_) | Value::Data(_) => return None,
        })
    }

    /// Markdown written in a field, as HTML: raw HTML shown as text, and
    /// only links to web and mail addresses kept as links (a relative link
    /// in a field is not checked the way the text's are).
    fn markdown(&self, text: &str) -> String {
        let options = HtmlOptions { language: self.config.language, allow_html: false };
        let doc = markdown::parse(SourceId(0), text, 0..text.len(), options);
        let hrefs: Vec<Href> = doc
            .links
            .iter()
            .map(|link| {
                let scheme = link.dest.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
                match scheme.as_deref() {
                    Some("https" | "http" | "mailto") if !link.image => Href::Keep,
                    _ => Href::Unlink,
                }
            })
            .collect();
        let embeds = vec![String::new(); doc.embeds.len()];
        markdown::to_html(&doc, &hrefs, &embeds, options)
    }
}
