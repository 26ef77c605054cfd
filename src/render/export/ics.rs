//! `milestones.ics`: every milestone as an all-day event on the first day of
//! its quarter, and every page's day in a declared `date` field (a
//! workshop's), for any calendar (RFC 5545, written by hand: the format is
//! small and a crate would bring a date library we do not need).
//!
//! - `UID`s come from the initiative's id and the milestone's title, so a
//!   calendar that imports the file again updates events instead of doubling
//!   them, and a reordered list changes nothing;
//! - `DTSTAMP` is the config's `approved` date (else a fixed date), so two
//!   builds of the same content give the same bytes;
//! - a milestone given as a half year or year starts on its first day and
//!   says its time in the summary, so no one reads 1 January as the date;
//! - text is escaped (`\` `;` `,` newlines), lines end in CRLF and are
//!   folded at 75 octets, never inside a UTF-8 character.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::calendar::{Date, Quarter};
use crate::config::{Config, Language};
use crate::model::{FieldId, PageId, Publication, Value};
use crate::render::format;
use crate::render::labels::Labels;
use crate::schema::{Field, Type};
use crate::slug::slugify;

/// The longest line RFC 5545 allows, in octets, without the CRLF.
const MAX_LINE: usize = 75;

/// `DTSTAMP` when the config has no `approved` date.
const FIXED_STAMP: Date = Date { year: 2000, month: 1, day: 1 };

/// The calendar of the milestones of initiatives `order`, then of every
/// page's date in a declared `date` field (a workshop's day). The caller
/// makes sure there is one event: RFC 5545 wants at least one.
pub(crate) fn milestones(
    config: &Config,
    publication: &Publication,
    labels: &Labels,
    order: &[PageId],
) -> Vec<u8> {
    let language = config.language;
    let stamp = config.approved.unwrap_or(FIXED_STAMP);
    let calendar =
        Calendar { stamp: format!("{}T000000Z", compact(stamp)), domain: domain(config) };
    let mut out = String::new();
    let mut line = |text: &str| fold(text, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:-//stratdoc//Milestones//{}", language.tag().to_uppercase()));
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", escape(&format!("{}: {}", config.title, labels.milestones))));
    for &id in order {
        let page = &publication[id];
        let Some(initiative) = publication.initiative(id) else { continue };
        let mut taken = HashSet::new();
        for (k, milestone) in initiative.milestones.iter().enumerate() {
            let when = milestone.quarter;
            let written = format::when(when, language);
            let summary = if when.is_approximate() {
                format!("{}: {} ({written})", page.heading(), milestone.title)
            } else {
                format!("{}: {}", page.heading(), milestone.title)
            };
            let time = if when.is_approximate() {
                format!("{written} ({})", labels.approximate)
            } else {
                written
            };
            let description = format!(
                "{}: {}\n{}: {time}\n{}: {}",
                labels.initiative,
                page.heading(),
                labels.export_when,
                labels.export_page,
                page.url
            );
            let uid = format!("{}.{}", page.id, unique_slug(&milestone.title, k, &mut taken));
            let event = Event { uid, day: first_day(when.first()), summary, description };
            calendar.event(&event, &mut line);
        }
    }
    for event in dated(publication, labels, language) {
        calendar.event(&event, &mut line);
    }
    line("END:VCALENDAR");
    out.into_bytes()
}

/// What every event of one calendar shares.
struct Calendar {
    stamp: String,
    domain: String,
}

/// One all-day event.
struct Event {
    /// Unique within the calendar, stable from build to build.
    uid: String,
    day: Date,
    summary: String,
    description: String,
}

impl Calendar {
    fn event(&self, event: &Event, line: &mut impl FnMut(&str)) {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}@{}", event.uid, self.domain));
        line(&format!("DTSTAMP:{}", self.stamp));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(event.day)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(event.day.next())));
        line(&format!("SUMMARY:{}", escape(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape(&event.description)));
        // A date to know, not time taken.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
}

/// The declared `date` fields no role shows, one per page that gives one,
/// in reading order: `Workshop: Scenarieværksted`, with the field's label
/// where its kind has several dates.
fn dated<'a>(
    publication: &'a Publication,
    labels: &'a Labels,
    language: Language,
) -> impl Iterator<Item = Event> + 'a {
    let schema = &publication.schema;
    let dates = schema.kinds().flat_map(move |(kind, declared)| {
        let is_date = |(_, f): &(FieldId, &Field)| !f.role && f.ty == Type::Date;
        let several = schema.fields(kind).filter(is_date).count() > 1;
        schema.fields(kind).filter(is_date).map(move |(field, f)| (declared, field, f, several))
    });
    dates.flat_map(move |(kind, field, declared, several)| {
        publication.of_kind(field.kind).filter_map(move |(_, page)| {
            let Some(Value::Date(day)) = page.value(field) else { return None };
            let mut summary = format!("{}: {}", kind.singular(language), page.heading());
            if several {
                summary = format!("{summary} ({})", declared.label(language));
            }
            let description = format!(
                "{}: {}\n{}: {}\n{}: {}",
                kind.singular(language),
                page.heading(),
                declared.label(language),
                format::date(*day, language),
                labels.export_page,
                page.url
            );
            let uid = format!("{}.{}.{}", kind.id, slugify(&page.id), declared.name);
            Some(Event { uid, day: *day, summary, description })
        })
    })
}

/// Whether any page gives a date in a declared `date` field.
pub(crate) fn has_dates(publication: &Publication) -> bool {
    let schema = &publication.schema;
    schema.kinds().any(|(kind, _)| {
        schema.fields(kind).filter(|(_, f)| !f.role && f.ty == Type::Date).any(|(field, _)| {
            publication
                .of_kind(kind)
                .any(|(_, page)| matches!(page.value(field), Some(Value::Date(_))))
        })
    })
}

/// The domain-like right-hand side of every UID: the organisation (else the
/// title) as a slug, so two strategies' calendars never share a UID.
fn domain(config: &Config) -> String {
    let name = slugify(config.organisation.as_deref().unwrap_or(&config.title));
    let name = if name.is_empty() { "strategy".to_owned() } else { name };
    format!("{name}.stratdoc")
}

/// The milestone's title as a slug, unique within its initiative: a second
/// `Pilot` becomes `pilot-2`; a title with no letters is `milestone-N`.
fn unique_slug(title: &str, index: usize, taken: &mut HashSet<String>) -> String {
    let base = slugify(title);
    let base = if base.is_empty() { format!("milestone-{}", index + 1) } else { base };
    let mut slug = base.clone();
    let mut n = 1;
    while !taken.insert(slug.clone()) {
        n += 1;
        slug = format!("{base}-{n}");
    }
    slug
}

fn first_day(q: Quarter) -> Date {
    Date { year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 }
}

/// `20270401`.
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline
/// escaped; other control characters (which TEXT may not hold) dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out` folded (RFC 5545 3.1): at most 75 octets per
/// line, each continuation starting with a space, never splitting a
/// UTF-8 character; every line ends in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = MAX_LINE;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let _ = write!(out, "{}\r\n ", &rest[..cut]);
        rest = &rest[cut..];
        // The space that starts a continuation line counts.
        limit = MAX_LINE - 1;
    }
}

#[cfg(test)]
mod tests;
