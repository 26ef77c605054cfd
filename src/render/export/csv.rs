//! `initiatives.csv`: one row per initiative, made to open right in Excel by
//! a double-click, in the site's language.
//!
//! Excel reads a double-clicked CSV with the computer's regional settings:
//! it splits fields at the list separator (`;` in Danish, where `,` is the
//! decimal comma; `,` in English) and takes the bytes for the local code page
//! unless the file starts with a UTF-8 byte order mark. So the file is UTF-8
//! with a BOM (æøå survive), CRLF line ends (RFC 4180), and the separator
//! and decimal mark of the site's language: `;` and `,` for `da`, `,` and
//! `.` for `en`. Budgets are plain numbers in currency units, no thousands
//! separator, so a spreadsheet can sum them. Quoting is the `csv` crate's.
//!
//! A spreadsheet runs a cell that starts like a formula, quoted or not
//! (`=HYPERLINK(…)` sends other cells to a web address), and every text cell
//! comes from the content, so each one is neutralised as OWASP advises for
//! CSV injection: see [`neutralise`].

use std::borrow::Cow;

use crate::config::{Config, Language};
use crate::model::{PageId, Publication};
use crate::render::format;
use crate::render::labels::Labels;

/// The UTF-8 byte order mark: how Excel knows the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a language's spreadsheets separate fields and decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dialect {
    /// Between fields.
    separator: u8,
    /// Before the decimals of a number.
    decimal: char,
}

/// The dialect Excel expects in `language`'s regional settings.
fn dialect(language: Language) -> Dialect {
    match language {
        Language::Da => Dialect { separator: b';', decimal: ',' },
        Language::En => Dialect { separator: b',', decimal: '.' },
    }
}

/// Between the items of a list in one field (directions, owners).
const LIST: &str = "; ";

/// What starts a formula in a spreadsheet (OWASP, "CSV Injection"), with the
/// full-width forms East Asian input methods type, which Excel reads alike.
const FORMULA: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Where a spreadsheet may split a text into cells: Excel at `;` in Danish
/// and `,` in English, so opened with the other language's settings, a cell
/// starts after either; import dialogs at a tab as well. Quoting does not
/// help there, as the quote opens in another cell than the one it guards.
const SEPARATORS: [char; 3] = [';', ',', '\t'];

/// A cell of the file: text, which no spreadsheet may run, or an amount,
/// written as the number it is so that a spreadsheet sums it.
enum Cell {
    Text(String),
    Amount(String),
}

impl Cell {
    fn written(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Amount(number) => Cow::Borrowed(number),
        }
    }
}

/// The initiatives `order` of `publication` as CSV bytes, header first.
pub(crate) fn initiatives(
    config: &Config,
    publication: &Publication,
    labels: &Labels,
    order: &[PageId],
) -> Vec<u8> {
    use Cell::{Amount, Text};
    let language = config.language;
    let dialect = dialect(language);
    let mut out = BOM.to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(dialect.separator)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Labels and the currency are the project's text too.
    let header = [
        labels.export_number.clone(),
        labels.export_id.clone(),
        labels.initiative.clone(),
        labels.directions.clone(),
        labels.owner.clone(),
        labels.owner_from.clone(),
        labels.export_start.clone(),
        labels.export_end.clone(),
        labels.deadline.clone(),
        labels.status.clone(),
        labels.priority.clone(),
        format!("{} ({})", labels.budget, config.currency),
        labels.export_funding.clone(),
        labels.parent.clone(),
        labels.export_page.clone(),
    ];
    write_row(&mut writer, header.iter().map(|label| neutralise(label)));
    for &id in order {
        let page = &publication[id];
        let Some(i) = publication.initiative(id) else { continue };
        let when = |w: Option<crate::calendar::When>| w.map(|w| w.to_string()).unwrap_or_default();
        let directions: Vec<String> =
            i.directions.iter().map(|d| publication[d.page].heading()).collect();
        let handovers: Vec<String> = i
            .handovers
            .iter()
            .map(|h| format!("{} ({})", format::join_names(&h.owners, language), h.from))
            .collect();
        let record = [
            Text(page.number.clone().unwrap_or_default()),
            Text(page.id.clone()),
            Text(page.title.clone()),
            Text(directions.join(LIST)),
            Text(i.owners.join(LIST)),
            Text(handovers.join(LIST)),
            Text(when(i.start)),
            Text(when(i.end)),
            Text(when(i.deadline)),
            Text(publication.status_label(i.status, language).to_owned()),
            Text(
                i.priority
                    .map(|p| publication.priority_label(p, language))
                    .unwrap_or_default()
                    .to_owned(),
            ),
            Amount(i.budget.as_ref().map(|b| amount(b.cents, dialect.decimal)).unwrap_or_default()),
            Text(i.budget.as_ref().and_then(|b| b.note.clone()).unwrap_or_default()),
            Text(i.parent.as_ref().map(|p| publication[p.page].heading()).unwrap_or_default()),
            Text(page.url.clone()),
        ];
        write_row(&mut writer, record.iter().map(Cell::written));
    }
    writer.flush().expect("writing to memory cannot fail");
    drop(writer);
    out
}

/// One row, each cell as [`Cell::written`] or [`neutralise`] gave it.
fn write_row<'a>(
    writer: &mut ::csv::Writer<&mut Vec<u8>>,
    cells: impl Iterator<Item = Cow<'a, str>>,
) {
    let cells: Vec<Cow<'_, str>> = cells.collect();
    writer
        .write_record(cells.iter().map(|cell| cell.as_bytes()))
        .expect("writing to memory cannot fail");
}

/// Hundredths as a number a spreadsheet sums: whole units when there is no
/// fraction (`34000000`), else two decimals with `decimal` (`1234,50`).
fn amount(cents: i64, decimal: char) -> String {
    if cents % 100 == 0 { (cents / 100).to_string() } else { super::decimal(cents, decimal) }
}

/// `text` as a cell no spreadsheet runs, as OWASP advises for CSV
/// injection. A signed number written as text (`-1`, `+2,5`) gets a leading
/// space, so it still reads as the same number; wherever else a cell could
/// start like a formula — at the start or after a separator, a formula
/// character after any white space or quotes, or a tab or carriage return —
/// an apostrophe goes first, which makes a spreadsheet read the cell as text.
fn neutralise(text: &str) -> Cow<'_, str> {
    if is_signed_number(text) {
        return Cow::Owned(format!(" {text}"));
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices(SEPARATORS).map(|(at, separator)| at + separator.len()))
        .filter(|&at| starts_formula(&text[at..]))
        .collect();
    if starts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + starts.len());
    let mut copied = 0;
    for at in starts {
        out.push_str(&text[copied..at]);
        out.push('\'');
        copied = at;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Whether a cell that begins with `rest` would be read as a formula.
fn starts_formula(rest: &str) -> bool {
    rest.starts_with(['\t', '\r'])
        || rest.trim_start_matches(|c: char| c.is_whitespace() || c == '"').starts_with(FORMULA)
}

/// `-12`, `+3.5`, `-1,50`: a sign, digits, and perhaps a decimal mark and digits.
fn is_signed_number(text: &str) -> bool {
    let Some(digits) = text.strip_prefix(['-', '+']) else { return false };
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
