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

use crate::config::{Config, Language};
use crate::model::{PageId, Publication};
use crate::render::labels::{self, Labels};

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

/// The initiatives `order` of `publication` as CSV bytes, header first.
pub(crate) fn initiatives(
    config: &Config,
    publication: &Publication,
    labels: &Labels,
    order: &[PageId],
) -> Vec<u8> {
    let language = config.language;
    let dialect = dialect(language);
    let mut out = BOM.to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(dialect.separator)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    let header = [
        labels["export_number"].clone(),
        labels["export_id"].clone(),
        labels["initiative"].clone(),
        labels["directions"].clone(),
        labels["owner"].clone(),
        labels["owner_from"].clone(),
        labels["export_start"].clone(),
        labels["export_end"].clone(),
        labels["deadline"].clone(),
        labels["status"].clone(),
        labels["priority"].clone(),
        format!("{} ({})", labels["budget"], config.currency),
        labels["export_funding"].clone(),
        labels["parent"].clone(),
        labels["export_page"].clone(),
    ];
    writer.write_record(&header).expect("writing to memory cannot fail");
    for &id in order {
        let page = &publication[id];
        let Some(i) = &page.initiative else { continue };
        let when = |w: Option<crate::calendar::When>| w.map(|w| w.to_string()).unwrap_or_default();
        let directions: Vec<String> =
            i.directions.iter().map(|d| publication[d.page].heading()).collect();
        let handovers: Vec<String> = i
            .handovers
            .iter()
            .map(|h| format!("{} ({})", labels::join_names(&h.owners, language), h.from))
            .collect();
        let record = [
            page.number.clone().unwrap_or_default(),
            page.id.clone(),
            page.title.clone(),
            directions.join(LIST),
            i.owners.join(LIST),
            handovers.join(LIST),
            when(i.start),
            when(i.end),
            when(i.deadline),
            labels::status(i.status, language).to_owned(),
            i.priority.map(|p| labels::priority(p, language)).unwrap_or_default().to_owned(),
            i.budget.as_ref().map(|b| amount(b.cents, dialect.decimal)).unwrap_or_default(),
            i.budget.as_ref().and_then(|b| b.note.clone()).unwrap_or_default(),
            i.parent.as_ref().map(|p| publication[p.page].heading()).unwrap_or_default(),
            page.url.clone(),
        ];
        writer.write_record(&record).expect("writing to memory cannot fail");
    }
    writer.flush().expect("writing to memory cannot fail");
    drop(writer);
    out
}

/// Hundredths as a number a spreadsheet sums: whole units when there is no
/// fraction (`34000000`), else two decimals with `decimal` (`1234,50`).
fn amount(cents: i64, decimal: char) -> String {
    if cents % 100 == 0 { (cents / 100).to_string() } else { super::decimal(cents, decimal) }
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_use_the_languages_decimal_mark_only_when_needed() {
        assert_eq!(amount(3_400_000_000, ','), "34000000");
        assert_eq!(amount(123_450, ','), "1234,50");
        assert_eq!(amount(123_450, '.'), "1234.50");
    }
}
