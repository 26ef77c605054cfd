//! `milestones.ics`: every milestone as an all-day event on the first day of
//! its quarter, for any calendar (RFC 5545, written by hand: the format is
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
use crate::config::Config;
use crate::model::{PageId, Publication};
use crate::render::format;
use crate::render::labels::Labels;
use crate::slug::slugify;

/// The longest line RFC 5545 allows, in octets, without the CRLF.
const MAX_LINE: usize = 75;

/// `DTSTAMP` when the config has no `approved` date.
const FIXED_STAMP: Date = Date { year: 2000, month: 1, day: 1 };

/// The calendar of the milestones of initiatives `order`. The caller makes
/// sure there is one: RFC 5545 wants at least one event in a calendar.
pub(crate) fn milestones(
    config: &Config,
    publication: &Publication,
    labels: &Labels,
    order: &[PageId],
) -> Vec<u8> {
    let language = config.language;
    let stamp = config.approved.unwrap_or(FIXED_STAMP);
    let stamp = format!("{}T000000Z", compact(stamp));
    let domain = domain(config);
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
            let first = when.first();
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
            line("BEGIN:VEVENT");
            line(&format!(
                "UID:{}.{}@{domain}",
                page.id,
                unique_slug(&milestone.title, k, &mut taken)
            ));
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{}", compact(first_day(first))));
            line(&format!("DTEND;VALUE=DATE:{}", compact(second_day(first))));
            line(&format!("SUMMARY:{}", escape(&summary)));
            line(&format!("DESCRIPTION:{}", escape(&description)));
            // A milestone is a date to know, not time taken.
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    out.into_bytes()
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

/// The day after the first day of a quarter: the exclusive end of an
/// all-day event on that first day.
fn second_day(q: Quarter) -> Date {
    Date { day: 2, ..first_day(q) }
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
