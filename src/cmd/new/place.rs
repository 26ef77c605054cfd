//! What `new` is asked for, read against the project: the kind, by any of
//! its names; the title and the file name it gives; and the numbers the new
//! page continues (`05-` before its file name, `order: 5`, `number: "1.5"`),
//! from what the kind's pages already use.

use crate::config::Language;
use crate::diagnostics::did_you_mean;
use crate::error::Error;
use crate::schema::{Home, Kind, KindId, Schema};
use crate::slug::slugify;

/// The numbers a new page continues; `None` where the kind's pages use none.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Numbers {
    /// Before the file name, as wide as the others' (`05`).
    pub(super) prefix: Option<String>,
    /// `order:`.
    pub(super) order: Option<i64>,
    /// `number:`.
    pub(super) number: Option<String>,
}

/// What the pages of a kind already use.
#[derive(Debug, Default)]
pub(super) struct Existing<'a> {
    /// The names of the pages where a new one goes.
    pub(super) names: Vec<&'a str>,
    /// The names of the CSV files there, which a `data` field may name.
    pub(super) tables: Vec<&'a str>,
    /// Their `order:` values.
    pub(super) orders: Vec<i64>,
    /// Their `number:` values, in reading order (naturally sorted).
    pub(super) numbers: Vec<&'a str>,
}

/// The title as the page carries it: in Unicode NFC, trimmed, each run of
/// white space (a line break too) one space. An empty one is refused.
pub(super) fn title(asked: &str) -> Result<String, Error> {
    let title = crate::nfc::nfc(asked).split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(Error::Usage(
            "the title is empty; give the page one, e.g. `stratdoc new initiative \"Fælles SOC\"`"
                .to_owned(),
        ));
    }
    Ok(title)
}

/// The file name `title` gives (`Grøn IT` → `groen-it`); refused when
/// nothing of it can name a file.
pub(super) fn slug(title: &str) -> Result<String, Error> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "the title `{title}` has no letter a–z or digit to name its file with; give one that has (`æ`, `ø` and `å` count, written `ae`, `oe`, `aa`)"
        )));
    }
    Ok(slug)
}

/// The kind `asked` names: its id, else its folder or file, else its name
/// in `language` (the organisation's own words included), compared as
/// slugs (`Initiativer`, `strategisk retning`, `formaal`). An unknown one
/// is refused with the closest name and every kind.
pub(super) fn kind(schema: &Schema, language: Language, asked: &str) -> Result<KindId, Error> {
    let wanted = slugify(asked);
    let tiers: [fn(&Kind, Language) -> Vec<&str>; 3] = [
        |k, _| vec![k.id.as_str()],
        |k, _| place(&k.home).into_iter().collect(),
        |k, language| words(k, language),
    ];
    for names in tiers {
        let found = schema
            .kinds()
            .find(|(_, k)| names(k, language).iter().any(|n| is(n, &wanted)))
            .map(|(id, _)| id);
        if let Some(id) = found {
            return Ok(id);
        }
    }
    let every: Vec<&str> = schema
        .kinds()
        .flat_map(|(_, k)| {
            let mut names = vec![k.id.as_str()];
            names.extend(place(&k.home));
            names.extend(words(k, language));
            names
        })
        .collect();
    let close = did_you_mean(asked, every.iter().copied())
        .map(|close| format!("did you mean `{close}`? "))
        .unwrap_or_default();
    let ids: Vec<&str> = schema.kinds().map(|(_, k)| k.id.as_str()).collect();
    Err(Error::Usage(format!(
        "there is no kind `{asked}`; {close}the kinds are {} (or their folders, or their names in the site's language)",
        ids.join(", ")
    )))
}

/// Whether `name` is what was asked for, as a slug.
fn is(name: &str, wanted: &str) -> bool {
    !wanted.is_empty() && slugify(name) == wanted
}

/// The folder, or the file without `.md`, a kind lives in.
fn place(home: &Home) -> Option<&str> {
    match home {
        Home::Folder(folder) => Some(folder),
        Home::File(file) => Some(file.strip_suffix(".md").unwrap_or(file)),
        Home::Anywhere => None,
    }
}

/// A kind's words in `language`: one, several and its section's title.
fn words(kind: &Kind, language: Language) -> Vec<&str> {
    vec![kind.singular(language), kind.plural(language), kind.section_title(language)]
}

/// The numbers a new page continues: one past the highest the kind's
/// pages use, the file prefix as wide as theirs. A kind read in sequence
/// (`sequence`) with no page yet starts at `01-` and `order: 1`, as its
/// chapters will be numbered.
pub(super) fn numbers(existing: &Existing<'_>, sequence: bool) -> Numbers {
    let prefixes: Vec<&str> = existing.names.iter().filter_map(|n| prefix(n)).collect();
    let first = sequence && existing.names.is_empty() && existing.orders.is_empty();
    let prefix = prefixes
        .iter()
        .filter_map(|p| p.parse::<u64>().ok())
        .max()
        .map(|highest| {
            let width = prefixes.iter().map(|p| p.len()).max().unwrap_or(2);
            format!("{:0width$}", highest.saturating_add(1))
        })
        .or_else(|| first.then(|| "01".to_owned()));
    let order = existing
        .orders
        .iter()
        .max()
        .map(|highest| highest.saturating_add(1))
        .or_else(|| first.then_some(1));
    let number = existing.numbers.last().and_then(|last| next_number(last, &existing.numbers));
    Numbers { prefix, order, number }
}

/// The digits before `-` that start a file name (`05` of `05-mål.md`):
/// one to three, as a year (`2030-vision.md`) numbers nothing.
fn prefix(name: &str) -> Option<&str> {
    let (digits, _) = name.split_once('-')?;
    let numeral = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    numeral.then_some(digits)
}

/// The number after `last`: its last digits one higher, as wide as they
/// were (`1.9` → `1.10`, `07` → `08`), and none of `taken`. `None` when it
/// does not end in digits.
fn next_number(last: &str, taken: &[&str]) -> Option<String> {
    let head = last.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &last[head.len()..];
    let mut n: u64 = digits.parse().ok()?;
    loop {
        n = n.checked_add(1)?;
        let next = format!("{head}{n:0width$}", width = digits.len());
        if !taken.contains(&next.as_str()) {
            return Some(next);
        }
    }
}

/// Where the new page goes, relative to `content/`: its kind's file, or
/// `slug.md` (after the prefix) in its kind's folder, or at the top.
pub(super) fn file(home: &Home, slug: &str, numbers: &Numbers) -> String {
    let name = match &numbers.prefix {
        Some(prefix) => format!("{prefix}-{slug}.md"),
        None => format!("{slug}.md"),
    };
    match home {
        Home::Folder(folder) => format!("{folder}/{name}"),
        Home::File(file) => file.clone(),
        Home::Anywhere => name,
    }
}
